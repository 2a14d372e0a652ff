package meta

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// threeNodes bootstraps n1 and joins n2 (through n1) and n3 (through n2, a follower, which
// redirects it to the leader).
func threeNodes(t *testing.T) *testCluster {
	c := newTestCluster(t)
	c.bootstrap("n1")
	c.join("n2", "n1")
	c.join("n3", "n2")
	return c
}

func TestJoinAndForward(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	members, err := c.meta("n1").Members()
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 3 || !members[0].Voter || !members[1].Voter || !members[2].Voter {
		t.Fatalf("members %+v, want three voters", members)
	}
	for _, id := range []string{"n1", "n2", "n3"} {
		n, ok := c.meta("n3").Catalog().Nodes[id]
		if !ok || !n.Live || n.PGAddr != "pg-"+id+":5432" || n.ClusterAddr != c.nodes[id].l.Addr().String() {
			t.Fatalf("n3's catalog has %s as %+v", id, n)
		}
	}
	follower := c.meta("n3")
	if follower.IsLeader() {
		follower = c.meta("n2")
	}
	err = follower.CreateTablespace(ctx, Tablespace{Name: "ts", Replicas: []string{"n1", "n2", "n3"}, ExpectedReplicas: 3})
	if err != nil {
		t.Fatal(err)
	}
	// Read-your-writes on the follower, at once.
	ts, ok := follower.Catalog().Tablespaces["ts"]
	if !ok || !slices.Equal(ts.Bootstrap, []string{"n1", "n2", "n3"}) || ts.CreatedIndex == 0 {
		t.Fatalf("follower reads %+v after its create", ts)
	}
	mustKind(t, follower.CreateTablespace(ctx, Tablespace{Name: "ts"}), ErrExists)
	err = follower.AlterTablespace(ctx, "ts", func(ts *Tablespace) error {
		ts.PreferredLeader = "n2"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := follower.SetTablespaceLeader(ctx, "ts", "n2"); err != nil {
		t.Fatal(err)
	}
	if err := follower.CreateUser(ctx, User{Name: "alice", Verifier: testVerifier}); err != nil {
		t.Fatal(err)
	}
	err = follower.AlterUser(ctx, "alice", func(u *User) error { u.Superuser = true; return nil })
	if err != nil {
		t.Fatal(err)
	}
	cat := c.converged()
	for _, id := range []string{"n1", "n2", "n3"} {
		got := c.meta(id).Catalog()
		ts := got.Tablespaces["ts"]
		if ts.PreferredLeader != "n2" || ts.Leader != "n2" || !got.Users["alice"].Superuser {
			t.Fatalf("%s: tablespace %+v, users %+v", id, ts, got.Users)
		}
	}
	if cat.Index == 0 {
		t.Fatal("index 0")
	}
	if err := follower.DropTablespace(ctx, "ts"); err != nil {
		t.Fatal(err)
	}
	mustKind(t, follower.DropTablespace(ctx, "ts"), ErrNotFound)
	mustKind(t, follower.DropUser(ctx, "bob"), ErrNotFound)
}

// TestDefaultPlacement: without replicas a tablespace goes to the issuing node, or to the
// expected count of live nodes with the fewest replicas.
func TestDefaultPlacement(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	if err := c.meta("n2").CreateTablespace(ctx, Tablespace{Name: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := c.meta("n3").CreateTablespace(ctx, Tablespace{Name: "b", ExpectedReplicas: 2}); err != nil {
		t.Fatal(err)
	}
	cat := c.meta("n3").Catalog()
	if r := cat.Tablespaces["a"].Replicas; !slices.Equal(r, []string{"n2"}) {
		t.Fatalf("a on %v, want the issuing node n2", r)
	}
	if r := cat.Tablespaces["b"].Replicas; !slices.Equal(r, []string{"n1", "n3"}) {
		t.Fatalf("b on %v, want n1 and n3 (no replicas yet)", r)
	}
}

func TestLeaderFailover(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	old := c.leader()
	c.stop(old.opts.NodeID)
	var survivor *Meta
	for _, id := range []string{"n1", "n2", "n3"} {
		if m := c.meta(id); m != nil {
			survivor = m
		}
	}
	start := time.Now()
	if err := survivor.CreateTablespace(ctx, Tablespace{Name: "after"}); err != nil {
		t.Fatal(err)
	}
	t.Logf("first command after the leader's loss took %v", time.Since(start))
	if _, ok := survivor.Catalog().Tablespaces["after"]; !ok {
		t.Fatal("not visible on return")
	}
	// The old leader comes back from its directory and catches up.
	back := c.restart(old.opts.NodeID)
	c.eventually("the old leader to catch up", func() bool {
		_, ok := back.Catalog().Tablespaces["after"]
		return ok
	})
}

func TestRestartWithoutSeeds(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	if err := c.meta("n2").CreateTablespace(ctx, Tablespace{Name: "kept", Replicas: []string{"n1", "n2"}}); err != nil {
		t.Fatal(err)
	}
	before := c.converged()
	for _, id := range []string{"n1", "n2", "n3"} {
		c.stop(id)
	}
	for _, id := range []string{"n1", "n2", "n3"} {
		c.restart(id)
	}
	c.leader()
	cat := c.convergedAt(before.Index)
	if cat.Index < before.Index || !reflect.DeepEqual(cat.Tablespaces["kept"], before.Tablespaces["kept"]) {
		t.Fatalf("after restart: %+v, before: %+v", cat.Tablespaces, before.Tablespaces)
	}
	// New listeners mean new cluster addresses: each node registers them again.
	c.eventually("the new addresses", func() bool {
		cat := c.meta("n1").Catalog()
		for id, n := range c.nodes {
			if cat.Nodes[id].ClusterAddr != n.l.Addr().String() {
				return false
			}
		}
		return true
	})
	if err := c.meta("n3").CreateTablespace(ctx, Tablespace{Name: "new"}); err != nil {
		t.Fatal(err)
	}
}

func TestNonvotersAndPromotion(t *testing.T) {
	c := threeNodes(t)
	c.join("n4", "n1")
	c.join("n5", "n3")
	voters := func() (v, nv []string) {
		members, err := c.leader().Members()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range members {
			if s.Voter {
				v = append(v, s.ID)
			} else {
				nv = append(nv, s.ID)
			}
		}
		return v, nv
	}
	v, nv := voters()
	if len(v) != 3 || !slices.Equal(nv, []string{"n4", "n5"}) {
		t.Fatalf("voters %v, non-voters %v; want 3 and n4, n5", v, nv)
	}
	// A voter dead past the timeout is replaced by a live non-voter.
	dead := "n3"
	if c.leader() == c.meta(dead) {
		dead = "n2"
	}
	c.stop(dead)
	c.eventually("a non-voter promoted in the dead voter's place", func() bool {
		v, _ := voters()
		return len(v) == 3 && !slices.Contains(v, dead)
	})
	if c.leader().Catalog().Nodes[dead].Live {
		t.Fatalf("%s still live", dead)
	}
}

func TestRemoveNode(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	m := c.meta("n2")
	if err := m.CreateTablespace(ctx, Tablespace{Name: "ts", Replicas: []string{"n1", "n2", "n3"}, PreferredLeader: "n3"}); err != nil {
		t.Fatal(err)
	}
	// Nowhere to move n3's replica.
	mustKind(t, m.RemoveNode(ctx, "n3"), ErrNodeInUse)
	c.join("n4", "n2")
	if err := m.RemoveNode(ctx, "n3"); err != nil {
		t.Fatal(err)
	}
	cat := m.Catalog()
	ts := cat.Tablespaces["ts"]
	if !slices.Equal(ts.Replicas, []string{"n1", "n2", "n4"}) || ts.PreferredLeader != "" {
		t.Fatalf("after removing n3: %+v", ts)
	}
	if _, ok := cat.Nodes["n3"]; ok {
		t.Fatal("n3 still in the catalog")
	}
	members, _ := m.Members()
	if slices.ContainsFunc(members, func(s Member) bool { return s.ID == "n3" }) {
		t.Fatalf("n3 still a member: %+v", members)
	}
	mustKind(t, m.RemoveNode(ctx, "n3"), ErrNotFound)
}

// TestHealsDeadReplica: a node gone past the dead-node timeout loses its replicas to a live
// node, and is live again when it comes back.
func TestHealsDeadReplica(t *testing.T) {
	c := threeNodes(t)
	c.join("n4", "n1")
	ctx := ctxT(t)
	m := c.meta("n1")
	if err := m.CreateTablespace(ctx, Tablespace{Name: "ts", Replicas: []string{"n1", "n2", "n3"}}); err != nil {
		t.Fatal(err)
	}
	victim := "n3"
	if c.leader() == c.meta(victim) {
		victim = "n2"
	}
	if err := m.SetTablespaceLeader(ctx, "ts", victim); err != nil {
		t.Fatal(err)
	}
	c.stop(victim)
	c.eventually("the dead replica replaced", func() bool {
		ts := c.leader().Catalog().Tablespaces["ts"]
		return slices.Contains(ts.Replicas, "n4") && !slices.Contains(ts.Replicas, victim)
	})
	c.eventually("the dead leader cleared", func() bool { return c.leader().Catalog().Tablespaces["ts"].Leader == "" })
	c.restart(victim)
	c.eventually("the node live again", func() bool { return c.leader().Catalog().Nodes[victim].Live })
}

// TestInvalidCommandRejectedEverywhere: a command invalid against the state is refused with the
// same error, and leaves the same state, on every replica.
func TestInvalidCommandRejectedEverywhere(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	m := c.meta("n2")
	if err := m.CreateTablespace(ctx, Tablespace{Name: "ts", Replicas: []string{"n1"}}); err != nil {
		t.Fatal(err)
	}
	before := c.converged()
	bad := []Tablespace{
		{Name: "x", Replicas: []string{"n9"}},
		{Name: "x", Replicas: []string{"n1", "n1"}},
		{Name: "x", Replicas: []string{"n1"}, PreferredLeader: "n2"},
		{Name: "bad/name"},
	}
	for _, ts := range bad {
		mustKind(t, m.CreateTablespace(ctx, ts), ErrInvalid)
	}
	mustKind(t, m.CreateUser(ctx, User{Name: "u", Verifier: "plain"}), ErrInvalid)
	// A compare-and-set against a stale copy.
	stale := before.Tablespaces["ts"]
	if err := m.AlterTablespace(ctx, "ts", func(ts *Tablespace) error { ts.ExpectedReplicas = 2; return nil }); err != nil {
		t.Fatal(err)
	}
	stale.ExpectedReplicas = 3
	mustKind(t, m.submit(ctx, &command{Op: opAlterTablespace, Tablespace: &stale, IfMod: stale.ModIndex}), ErrConflict)
	after := c.converged()
	if after.Index <= before.Index {
		t.Fatal("refused commands did not advance the index")
	}
	want, _ := json.Marshal(after)
	for _, id := range []string{"n1", "n2", "n3"} {
		got, _ := json.Marshal(c.meta(id).Catalog())
		if string(got) != string(want) {
			t.Fatalf("%s's catalog differs:\n%s\n%s", id, got, want)
		}
	}
	if after.Tablespaces["ts"].ExpectedReplicas != 2 || len(after.Tablespaces) != 1 || len(after.Users) != 0 {
		t.Fatalf("catalog %+v", after)
	}
}

func TestMigrate(t *testing.T) {
	c := newTestCluster(t)
	m := c.bootstrap("n1")
	ctx := ctxT(t)
	users := []User{{Name: "drove", Verifier: testVerifier, Superuser: true}}
	if err := m.Migrate(ctx, []string{"drove", "sales"}, users); err != nil {
		t.Fatal(err)
	}
	if err := m.DropTablespace(ctx, "sales"); err != nil {
		t.Fatal(err)
	}
	// Once: a second migration changes nothing.
	if err := m.Migrate(ctx, []string{"sales", "other"}, nil); err != nil {
		t.Fatal(err)
	}
	cat := m.Catalog()
	ts := cat.Tablespaces["drove"]
	if len(cat.Tablespaces) != 1 || !slices.Equal(ts.Replicas, []string{"n1"}) || !slices.Equal(ts.Bootstrap, []string{"n1"}) ||
		ts.ExpectedReplicas != 1 || !cat.Users["drove"].Superuser || !cat.Migrated {
		t.Fatalf("catalog after migration: %+v", cat)
	}
}

func TestWatch(t *testing.T) {
	c := newTestCluster(t)
	m := c.bootstrap("n1")
	ctx := ctxT(t)
	ch, cancel := m.Watch()
	defer cancel()
	for _, name := range []string{"a", "b", "c"} {
		if err := m.CreateTablespace(ctx, Tablespace{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("no notification")
	}
	// Three changes, one pending notification at most.
	select {
	case <-ch:
		t.Fatal("notifications did not coalesce")
	default:
	}
	if len(m.Catalog().Tablespaces) != 3 {
		t.Fatal("catalog")
	}
}

// TestSnapshotInstallAndRestart: after a snapshot truncates the log, a joining node receives
// the catalog as a snapshot, and a restarted node restores it and replays the rest.
func TestSnapshotInstallAndRestart(t *testing.T) {
	c := newTestCluster(t)
	c.tweak = func(o *Options) { o.trailingLogs = 1 }
	ctx := ctxT(t)
	m := c.bootstrap("n1")
	c.join("n2", "n1")
	for _, name := range []string{"a", "b", "c", "d"} {
		if err := m.CreateTablespace(ctx, Tablespace{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.raft.Snapshot().Error(); err != nil {
		t.Fatal(err)
	}
	if first, _ := m.logs.FirstIndex(); first <= 2 {
		t.Fatalf("log not truncated: first index %d", first)
	}
	if err := m.DropTablespace(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	n3 := c.join("n3", "n2")
	want, _ := json.Marshal(m.Catalog().Tablespaces)
	if got, _ := json.Marshal(n3.Catalog().Tablespaces); string(got) != string(want) {
		t.Fatalf("n3 joined with %s, want %s", got, want)
	}
	c.stop("n1")
	c.stop("n2")
	c.restart("n1")
	c.restart("n2")
	cat := c.convergedAt(m.Catalog().Index)
	if got, _ := json.Marshal(cat.Tablespaces); string(got) != string(want) {
		t.Fatalf("after restart %s, want %s", got, want)
	}
}

// TestRemoveLeader: the leader removes itself (the command comes from a follower); the others
// elect a new leader and the catalog no longer has it.
func TestRemoveLeader(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	leader := c.leader()
	id := leader.opts.NodeID
	var follower *Meta
	for _, n := range []string{"n1", "n2", "n3"} {
		if n != id {
			follower = c.meta(n)
		}
	}
	if err := follower.RemoveNode(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok := follower.Catalog().Nodes[id]; ok {
		t.Fatal("removed node still in the catalog")
	}
	c.stop(id)
	if err := follower.CreateTablespace(ctx, Tablespace{Name: "after"}); err != nil {
		t.Fatal(err)
	}
	members, _ := follower.Members()
	if len(members) != 2 {
		t.Fatalf("members %+v", members)
	}
}

// TestJoinSeeds: a dead seed is skipped; a directory with no state needs Bootstrap or Join.
func TestJoinSeeds(t *testing.T) {
	c := newTestCluster(t)
	c.bootstrap("n1")
	dead, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadAddr := dead.Addr().String()
	dead.Close()
	n, opts := c.prepare("n2")
	m, err := Join(ctxT(t), opts, []string{deadAddr, c.nodes["n1"].l.Addr().String()})
	c.started(n, m, err)
	if _, ok := m.Catalog().Nodes["n2"]; !ok {
		t.Fatal("n2 not registered")
	}
	n3, opts := c.prepare("n3")
	defer n3.l.Close()
	if _, err := Open(opts); err == nil {
		t.Fatal("Open without state or bootstrap succeeded")
	}
}

// TestUnreachableJoinerDoesNotStall: a node whose Raft address the leader cannot reach (its
// meta service can) fails to join, and the one-voter cluster keeps working — it was added as a
// non-voter, not as a voter the group would wait for.
func TestUnreachableJoinerDoesNotStall(t *testing.T) {
	c := newTestCluster(t)
	m := c.bootstrap("n1")
	n, opts := c.prepare("bad")
	c.nodes["n1"].trans.Disconnect(n.trans.LocalAddr())
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	if _, err := Join(ctx, opts, []string{c.nodes["n1"].l.Addr().String()}); err == nil {
		t.Fatal("joined without being reachable")
	}
	n.l.Close()
	if err := m.CreateTablespace(ctxT(t), Tablespace{Name: "still"}); err != nil {
		t.Fatal(err)
	}
	members, _ := m.Members()
	for _, s := range members {
		if s.ID == "bad" && s.Voter {
			t.Fatal("the unreachable node is a voter")
		}
	}
}

// TestDeadStaysDeadAcrossElections: a new leader, which has no heartbeat history, does not take
// its silence about a dead node for a sign of life; the node is live again when it comes back.
func TestDeadStaysDeadAcrossElections(t *testing.T) {
	c := threeNodes(t)
	c.join("n4", "n1")
	c.stop("n4")
	c.eventually("n4 dead", func() bool { return !c.leader().Catalog().Nodes["n4"].Live })
	watcher := c.meta("n1")
	ch, cancel := watcher.Watch()
	defer cancel()
	for range 2 {
		old := c.leader()
		c.eventually("a leadership transfer", func() bool {
			return old.raft.LeadershipTransfer().Error() == nil || c.leader() != old
		})
		c.eventually("a new leader", func() bool { l := c.leader(); return l != old })
	}
	deadline := time.After(2 * FastTimeouts().DeadNode)
	for done := false; !done; {
		select {
		case <-ch:
			if watcher.Catalog().Nodes["n4"].Live {
				t.Fatal("a new leader declared the stopped node live")
			}
		case <-deadline:
			done = true
		}
	}
	c.restart("n4")
	c.eventually("n4 live again", func() bool { return c.leader().Catalog().Nodes["n4"].Live })
}

// lossyConn loses the response of the request it carries (after giving the leader time to
// apply it), as a leader crash or a network cut right after the commit would.
type lossyConn struct{ net.Conn }

func (c lossyConn) Read([]byte) (int, error) {
	time.Sleep(200 * time.Millisecond)
	c.Conn.Close()
	return 0, io.ErrUnexpectedEOF
}

// TestRetryAfterLostResponse: a command whose response was lost is retried and answered with
// its first outcome — created, not "already exists", and created once.
func TestRetryAfterLostResponse(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	var follower *Meta
	for _, id := range []string{"n1", "n2", "n3"} {
		if m := c.meta(id); !m.IsLeader() {
			follower = m
		}
	}
	var lost atomic.Int32
	hook := func(ctx context.Context, from, addr string) (net.Conn, error) {
		conn, err := dialTCP(ctx, addr)
		if err == nil && from == follower.opts.NodeID && lost.Add(1) == 1 {
			return lossyConn{conn}, nil
		}
		return conn, err
	}
	c.dialHook.Store(&hook)
	if err := follower.CreateTablespace(ctx, Tablespace{Name: "once"}); err != nil {
		t.Fatal(err)
	}
	if lost.Load() < 2 {
		t.Fatal("the command was not retried")
	}
	if _, ok := follower.Catalog().Tablespaces["once"]; !ok {
		t.Fatal("not created")
	}
}

// TestConcurrentAlters: alters of one tablespace from two nodes at once each apply on the
// other's result (compare-and-set, retried), so none is lost.
func TestConcurrentAlters(t *testing.T) {
	c := threeNodes(t)
	ctx := ctxT(t)
	if err := c.meta("n1").CreateTablespace(ctx, Tablespace{Name: "ts", Replicas: []string{"n1", "n2", "n3"}}); err != nil {
		t.Fatal(err)
	}
	const rounds = 10
	errs := make(chan error, 2)
	for _, id := range []string{"n2", "n3"} {
		m := c.meta(id)
		go func() {
			for range rounds {
				err := m.AlterTablespace(ctx, "ts", func(ts *Tablespace) error {
					ts.ExpectedReplicas++
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if err := c.meta("n1").Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if got := c.meta("n1").Catalog().Tablespaces["ts"].ExpectedReplicas; got != 3+2*rounds {
		// Heal may not add replicas here: there is no free node.
		t.Fatalf("expected replicas %d, want %d", got, 3+2*rounds)
	}
}

// TestBootstrapCutShort: a first start that bootstrapped Raft but stopped before registering
// the node registers it at the next start.
func TestBootstrapCutShort(t *testing.T) {
	c := newTestCluster(t)
	n, opts := c.prepare("n1")
	opts.Bootstrap = true
	m, _, err := start(opts) // Raft bootstrapped, nothing registered
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	n.l.Close()
	n, opts = c.prepare("n1")
	opts.Bootstrap = true
	m, err = Open(opts)
	m = c.started(n, m, err)
	if _, ok := m.Catalog().Nodes["n1"]; !ok {
		t.Fatal("n1 not registered")
	}
	if !m.registered() {
		t.Fatal("not marked registered")
	}
}
