package tablespace

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// group is a test Raft group of replicas on raft's in-memory transport, each in its own
// directory. Connect/Disconnect of the transports make partitions.
type group struct {
	t      testing.TB
	opts   func(*Options)
	dirs   map[string]string
	trans  map[string]*raft.InmemTransport
	nodes  map[string]*Tablespace
	mu     sync.Mutex
	closed map[string]bool
}

// fastRaft: the default Raft timing (shorter ones made elections spurious on a loaded
// machine), no periodic checkpoints.
func fastRaft(o *Options) {
	o.CheckpointInterval = -1
	o.LockTimeout = 2 * time.Second
}

// newGroup starts n replicas bootstrapped with one configuration and waits for a leader.
func newGroup(t testing.TB, n int, opts func(*Options)) *group {
	t.Helper()
	g := &group{t: t, opts: opts, dirs: map[string]string{}, trans: map[string]*raft.InmemTransport{},
		nodes: map[string]*Tablespace{}, closed: map[string]bool{}}
	var boot []Replica
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("r%d", i)
		boot = append(boot, Replica{ID: id, Address: id, Voter: true})
	}
	for _, r := range boot {
		g.start(r.ID, boot)
	}
	t.Cleanup(g.closeAll)
	g.leader()
	return g
}

// start opens replica id (its directory kept across restarts) on a fresh transport.
func (g *group) start(id string, boot []Replica) *Tablespace {
	g.t.Helper()
	if g.dirs[id] == "" {
		g.dirs[id] = g.t.TempDir()
	}
	_, tr := raft.NewInmemTransport(raft.ServerAddress(id))
	g.mu.Lock()
	g.trans[id] = tr
	for other, ot := range g.trans {
		if other != id {
			tr.Connect(raft.ServerAddress(other), ot)
			ot.Connect(raft.ServerAddress(id), tr)
		}
	}
	g.mu.Unlock()
	o := Options{Dir: g.dirs[id], Name: "ts", NodeID: id, Transport: tr, Bootstrap: boot}
	fastRaft(&o)
	if g.opts != nil {
		g.opts(&o)
	}
	ts, err := Open(o)
	if err != nil {
		g.t.Fatalf("open %s: %v", id, err)
	}
	g.mu.Lock()
	g.nodes[id], g.closed[id] = ts, false
	g.mu.Unlock()
	return ts
}

func (g *group) stop(id string) {
	g.t.Helper()
	g.mu.Lock()
	ts := g.nodes[id]
	g.closed[id] = true
	g.mu.Unlock()
	if err := ts.Close(); err != nil {
		g.t.Logf("close %s: %v", id, err)
	}
}

func (g *group) closeAll() {
	for id := range g.nodes {
		if !g.closed[id] {
			g.nodes[id].Close()
		}
	}
}

// partition cuts id off from every other replica (heal undoes it).
func (g *group) partition(id string) {
	for other, ot := range g.trans {
		if other != id {
			g.trans[id].Disconnect(raft.ServerAddress(other))
			ot.Disconnect(raft.ServerAddress(id))
		}
	}
}

func (g *group) heal(id string) {
	for other, ot := range g.trans {
		if other != id {
			g.trans[id].Connect(raft.ServerAddress(other), ot)
			ot.Connect(raft.ServerAddress(id), g.trans[id])
		}
	}
}

// leader waits for a writable leader among the running replicas and returns its id.
func (g *group) leader(except ...string) string {
	g.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for id, ts := range g.nodes {
			if !g.closed[id] && !contains(except, id) && ts.IsLeader() {
				return id
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	g.t.Fatal("no leader within 5s")
	return ""
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// caughtUp waits until every running replica has applied what the leader has.
func (g *group) caughtUp(leader string) {
	g.t.Helper()
	want := g.nodes[leader].AppliedIndex()
	deadline := time.Now().Add(10 * time.Second)
	for id, ts := range g.nodes {
		for !g.closed[id] && ts.AppliedIndex() < want {
			if time.Now().After(deadline) {
				g.t.Fatalf("%s applied %d, leader %d", id, ts.AppliedIndex(), want)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}

func insertN(t *testing.T, ts *Tablespace, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		tx := beginAll(ts)
		if err := tx.Insert(context.Background(), "t", testKey(int64(i)), testValue(fmt.Sprintf("v%d", i))); err != nil {
			t.Fatalf("insert %d: %v", i, err)
		}
		if err := tx.Commit(context.Background()); err != nil {
			t.Fatalf("commit %d: %v", i, err)
		}
	}
}

func scanRows(t *testing.T, ts *Tablespace) map[string]string {
	t.Helper()
	rows := map[string]string{}
	tx := ts.Begin()
	defer tx.Rollback()
	if err := tx.Scan("t", func(k, v []byte) error {
		rows[string(k)] = string(v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestReplicationFollowersApplyAndRefuseWrites(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, 50)
	g.caughtUp(lid)
	want := scanRows(t, l)
	if len(want) != 50 {
		t.Fatalf("leader has %d rows", len(want))
	}
	for id, ts := range g.nodes {
		if id == lid {
			continue
		}
		if got := scanRows(t, ts); !maps.Equal(got, want) {
			t.Fatalf("follower %s has %d rows, leader %d", id, len(got), len(want))
		}
		if lead, _ := ts.Leader(); lead != lid {
			t.Fatalf("follower %s says the leader is %q, not %q", id, lead, lid)
		}
		writes := map[string]func() error{
			"insert": func() error {
				return ts.Begin().Insert(context.Background(), "t", testKey(1000), testValue("x"))
			},
			"update":        func() error { return ts.Begin().Update(context.Background(), "t", testKey(1), testValue("x")) },
			"load":          func() error { return ts.Begin().Load("t", testKey(1001), testValue("x")) },
			"create table":  func() error { return ts.CreateTable(context.Background(), testSchema("u")) },
			"drop table":    func() error { return ts.DropTable(context.Background(), "t") },
			"verify leader": func() error { return ts.VerifyLeader(context.Background()) },
			"add replica": func() error {
				return ts.AddReplica(context.Background(), Replica{ID: "x", Address: "x", Voter: true})
			},
		}
		for name, w := range writes {
			if err := w(); !errors.Is(err, ErrNotLeader) {
				t.Errorf("%s on follower %s: %v, want ErrNotLeader", name, id, err)
			}
		}
		// A checkpoint is local: every replica takes its own.
		if err := ts.Checkpoint(context.Background()); err != nil {
			t.Fatalf("checkpoint on follower %s: %v", id, err)
		}
	}
	reps := l.Replicas()
	if len(reps) != 3 {
		t.Fatalf("replicas %+v", reps)
	}
	for _, r := range reps {
		if r.Self != (r.ID == lid) || r.Leader != (r.ID == lid) || !r.Voter {
			t.Fatalf("replica %+v (leader %s)", r, lid)
		}
		if !r.Self && r.MatchIndex == 0 {
			t.Fatalf("leader knows no match index of %s: %+v", r.ID, r)
		}
	}
}

func TestReplicationLeaderStopLosesNoAcknowledgedCommit(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, 40)
	want := scanRows(t, l)
	start := time.Now()
	g.stop(lid)
	nid := g.leader(lid)
	took := time.Since(start)
	t.Logf("new leader %s after %v", nid, took)
	if took > 3*time.Second {
		t.Fatalf("new leader after %v", took)
	}
	n := g.nodes[nid]
	if got := scanRows(t, n); !maps.Equal(got, want) {
		t.Fatalf("new leader has %d rows, %d were acknowledged", len(got), len(want))
	}
	insertN(t, n, 40, 50)
	if err := n.VerifyLeader(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// A transaction whose replica loses the lead before its commit never silently succeeds:
// ErrNotLeader when its entry never reached Raft (then it is certainly not applied), or
// ErrOutcomeUnknown when it did.
func TestReplicationCommitAfterLeadershipLoss(t *testing.T) {
	for _, tc := range []struct {
		name        string
		waitStepped bool // commit only once the old leader knows it lost
	}{
		{"commit after stepping down", true},
		{"commit while still believing it leads", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := newGroup(t, 3, nil)
			lid := g.leader()
			l := g.nodes[lid]
			if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
				t.Fatal(err)
			}
			g.caughtUp(lid)
			tx := beginAll(l)
			if err := tx.Insert(context.Background(), "t", testKey(7), testValue("lost")); err != nil {
				t.Fatal(err)
			}
			g.partition(lid)
			if tc.waitStepped {
				deadline := time.Now().Add(5 * time.Second)
				for l.raft.State() == raft.Leader && time.Now().Before(deadline) {
					time.Sleep(5 * time.Millisecond)
				}
				if err := l.VerifyLeader(context.Background()); !errors.Is(err, ErrNotLeader) {
					t.Fatalf("VerifyLeader on the partitioned old leader: %v", err)
				}
			}
			err := tx.Commit(context.Background())
			switch {
			case tc.waitStepped && !errors.Is(err, ErrNotLeader):
				t.Fatalf("commit: %v, want ErrNotLeader", err)
			case !errors.Is(err, ErrNotLeader) && !errors.Is(err, ErrOutcomeUnknown):
				t.Fatalf("commit: %v, want ErrNotLeader or ErrOutcomeUnknown", err)
			}
			if errors.Is(err, ErrNotLeader) && errors.Is(err, ErrOutcomeUnknown) {
				t.Fatalf("commit: %v is both", err)
			}
			nid := g.leader(lid)
			g.heal(lid)
			insertN(t, g.nodes[nid], 100, 101) // the new leader's term commits
			g.caughtUp(nid)
			rows := scanRows(t, g.nodes[nid])
			if _, ok := rows[string(testKey(7))]; ok && errors.Is(err, ErrNotLeader) {
				t.Fatal("a commit that failed with ErrNotLeader was applied")
			}
			if got := scanRows(t, l); !maps.Equal(got, rows) {
				t.Fatalf("the old leader has %d rows after healing, the new one %d", len(got), len(rows))
			}
		})
	}
}

func TestVerifyLeaderPartitioned(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.VerifyLeader(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	g.partition(lid)
	// Once the others elected a leader and committed a write, a read on the old one would be
	// stale: its barrier must fail. (Right after the partition it may still succeed, on an
	// answer already under way: no other leader can exist for an election timeout after it.)
	nid := g.leader(lid)
	insertN(t, g.nodes[nid], 0, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := l.VerifyLeader(ctx); !errors.Is(err, ErrNotLeader) {
		t.Fatalf("VerifyLeader on a partitioned old leader: %v, want ErrNotLeader", err)
	}
	// A statement's snapshot read confirms leadership the same way: the old leader refuses
	// to answer from its stale state, under both isolation levels.
	for _, repeatable := range []bool{false, true} {
		tx := l.Begin()
		tx.SetContext(ctx)
		if err := tx.SetRepeatableRead(repeatable); err != nil {
			t.Fatal(err)
		}
		tx.PinSnapshot()
		err := tx.Scan("t", func(_, _ []byte) error { return nil })
		tx.UnpinSnapshot()
		tx.Rollback()
		if !errors.Is(err, ErrNotLeader) {
			t.Fatalf("snapshot read (repeatable %v) on a partitioned old leader: %v, want ErrNotLeader", repeatable, err)
		}
	}
	// A write statement defers the confirmation to its commit: a read that still goes through
	// (the old leader may not have stepped down yet) is refused at commit, with or without
	// anything to write.
	for _, write := range []bool{false, true} {
		tx := l.Begin()
		tx.SetContext(ctx)
		tx.DeferReadCheck()
		tx.PinSnapshot()
		err := tx.Scan("t", func(_, _ []byte) error { return nil })
		tx.UnpinSnapshot()
		if errors.Is(err, ErrNotLeader) {
			tx.Rollback()
			continue
		} else if err != nil {
			t.Fatalf("deferred-check read: %v", err)
		}
		if write {
			if err := tx.Insert(ctx, "t", []byte("k"), []byte("v")); err != nil && !errors.Is(err, ErrNotLeader) {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); !errors.Is(err, ErrNotLeader) {
			t.Fatalf("commit (write %v) of a deferred-check read on a partitioned old leader: %v, want ErrNotLeader", write, err)
		}
	}
}

func TestVerifyLeaderSharesRounds(t *testing.T) {
	g := newGroup(t, 3, nil)
	l := g.nodes[g.leader()]
	// Hold the first round in flight until every other caller has queued behind it.
	const callers = 32
	inFlight, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	l.verifyHook = func() {
		once.Do(func() {
			close(inFlight)
			<-release
		})
	}
	before := l.VerifyRounds()
	errs := make(chan error, callers+1)
	go func() { errs <- l.VerifyLeader(context.Background()) }()
	<-inFlight
	for range callers {
		go func() { errs <- l.VerifyLeader(context.Background()) }()
	}
	deadline := time.Now().Add(5 * time.Second)
	for l.verifyWaiting() < callers && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	close(release)
	for range callers + 1 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if rounds := l.VerifyRounds() - before; rounds != 2 {
		t.Fatalf("%d calls took %d rounds, want 2: the first, and one shared by the %d that came during it",
			callers+1, rounds, callers)
	}
	// Sequential calls each confirm anew: a read never rides on a round that began before it.
	before = l.VerifyRounds()
	for range 3 {
		if err := l.VerifyLeader(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if rounds := l.VerifyRounds() - before; rounds != 3 {
		t.Fatalf("3 sequential calls took %d rounds", rounds)
	}
}

// A replica added with an empty directory after the leader truncated its log catches up from
// a snapshot stream (manifest and pages) into a fresh page store, while writes go on; it then
// restarts from that store without the stream.
func TestReplicationSnapshotCatchUp(t *testing.T) {
	rows := 3000
	if testing.Short() {
		rows = 800
	}
	g := newGroup(t, 3, func(o *Options) {
		o.TrailingLogs = 5
		// This test is about catching up, not failover: timeouts a loaded 2-core run cannot
		// miss, so leadership stays put while it writes (it once moved under a full load and
		// the writes failed with "leadership lost while committing").
		o.HeartbeatTimeout, o.ElectionTimeout, o.LeaderLeaseTimeout = 2*time.Second, 2*time.Second, time.Second
	})
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, rows/2)
	if err := l.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, rows/2, rows)
	if err := l.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	if first := l.raft.Stats()["last_snapshot_index"]; first == "0" {
		t.Fatal("no snapshot")
	}

	// The new replica: empty directory, no bootstrap.
	nt := g.start("r4", nil)
	if nt.IsLeader() {
		t.Fatal("an empty replica leads")
	}
	stop := make(chan struct{})
	done := make(chan int)
	go func() { // writes go on while it catches up
		n := rows
		defer func() { done <- n }()
		for {
			select {
			case <-stop:
				return
			default:
			}
			tx := beginAll(l)
			if err := tx.Insert(context.Background(), "t", testKey(int64(n)), testValue("during")); err != nil {
				t.Errorf("insert during catch-up: %v", err)
				return
			}
			if err := tx.Commit(context.Background()); err != nil {
				t.Errorf("commit during catch-up: %v", err)
				return
			}
			n++
		}
	}()
	opened := streamPagesOpened.Load()
	if err := l.AddReplica(context.Background(), Replica{ID: "r4", Address: "r4", Voter: true}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	close(stop)
	written := <-done
	g.caughtUp(lid)
	if streamPagesOpened.Load() == opened {
		t.Fatal("the new replica caught up without a snapshot stream")
	}
	want := scanRows(t, l)
	if len(want) != written {
		t.Fatalf("leader has %d rows, %d written", len(want), written)
	}
	if got := scanRows(t, nt); !maps.Equal(got, want) {
		t.Fatalf("the new replica has %d rows, the leader %d", len(got), len(want))
	}
	stores := storeNames(t, g.dirs["r4"])
	if len(stores) != 1 || stores[0] == legacyStoreDir {
		t.Fatalf("the new replica's page stores: %v, want one fresh store", stores)
	}
	// Its own checkpoint writes into the fresh store.
	if err := nt.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}

	// Restart: it restores its own checkpoint, reading no stream pages.
	g.stop("r4")
	opened = streamPagesOpened.Load()
	nt = g.start("r4", nil)
	g.caughtUp(lid)
	if n := streamPagesOpened.Load() - opened; n != 0 {
		t.Fatalf("the restart read %d pages through the snapshot stream", n)
	}
	if got := storeNames(t, g.dirs["r4"]); !slicesEqual(got, stores) {
		t.Fatalf("page stores after restart %v, before %v", got, stores)
	}
	if got := scanRows(t, nt); !maps.Equal(got, want) {
		t.Fatalf("after restart the new replica has %d rows, the leader %d", len(got), len(want))
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

func storeNames(t *testing.T, dir string) []string {
	t.Helper()
	dirs, err := storeDirs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		out = append(out, filepath.Base(d))
	}
	return out
}

// A crash in the middle of an install leaves the fresh store unnamed by any snapshot: Open
// removes it and keeps the store the newest snapshot names.
func TestOpenRemovesUnfinishedInstallStore(t *testing.T) {
	dir := t.TempDir()
	ts := openSingle(t, dir)
	if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, ts, 0, 10)
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(dir, legacyStoreDir+"-deadbeef")
	if err := os.Mkdir(orphan, 0o755); err != nil {
		t.Fatal(err)
	}
	ts = openSingle(t, dir)
	defer ts.Close()
	if got := storeNames(t, dir); !slicesEqual(got, []string{legacyStoreDir}) {
		t.Fatalf("stores after open: %v", got)
	}
	if n := len(scanRows(t, ts)); n != 10 {
		t.Fatalf("%d rows", n)
	}
}

func openSingle(t *testing.T, dir string) *Tablespace {
	t.Helper()
	ts, err := Open(Options{Dir: dir, Name: "ts", CheckpointInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestTransferLeadershipAndRemoveReplica(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	var target string
	for id := range g.nodes {
		if id != lid {
			target = id
			break
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := g.nodes[lid].TransferLeadership(ctx, target); err != nil {
		t.Fatal(err)
	}
	if got := g.leader(lid); got != target {
		t.Fatalf("leader %s after transferring to %s", got, target)
	}
	if err := g.nodes[lid].RemoveReplica(ctx, target); !errors.Is(err, ErrNotLeader) {
		t.Fatalf("RemoveReplica on the old leader: %v", err)
	}
	if err := g.nodes[target].RemoveReplica(ctx, lid); err != nil {
		t.Fatal(err)
	}
	reps := g.nodes[target].Replicas()
	if len(reps) != 2 {
		t.Fatalf("replicas after removing %s: %+v", lid, reps)
	}
	for _, r := range reps {
		if r.ID == lid {
			t.Fatalf("removed replica still listed: %+v", reps)
		}
	}
}

// TestDeferredReadCheckNeedsTheSameTerm: a write statement's reads are confirmed by its commit
// only in the term its snapshot was taken in. A replica that lost the lead and won it back
// between the two may have missed writes of the other leader's term in its snapshot: the
// commit refuses, with or without anything to write.
func TestDeferredReadCheckNeedsTheSameTerm(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	ctx := context.Background()
	if err := l.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	for _, write := range []bool{false, true} {
		lid = g.leader()
		l = g.nodes[lid]
		tx := beginAll(l)
		tx.DeferReadCheck()
		tx.PinSnapshot()
		if err := tx.Scan("t", func(_, _ []byte) error { return nil }); err != nil {
			t.Fatal(err)
		}
		tx.UnpinSnapshot()
		var other string
		for id := range g.nodes {
			if id != lid {
				other = id
				break
			}
		}
		if err := l.TransferLeadership(ctx, other); err != nil {
			t.Fatal(err)
		}
		if err := g.nodes[g.leader(lid)].TransferLeadership(ctx, lid); err != nil {
			t.Fatal(err)
		}
		waitLeads(t, l)
		if write {
			// The write records the new term; the snapshot's is the old one.
			if err := tx.Insert(ctx, "t", testKey(7), testValue("v")); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); !errors.Is(err, ErrNotLeader) {
			t.Fatalf("commit (write %v) of a snapshot from an earlier term: %v, want ErrNotLeader", write, err)
		}
	}
}

func waitLeads(t *testing.T, ts *Tablespace) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for ts.leaderTerm() == 0 {
		if ctx.Err() != nil {
			t.Fatal("the replica did not take the lead back")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
