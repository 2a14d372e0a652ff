package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/sql"
)

// Cluster tests over the fault-injecting transport (clusternet.Faults, shared by the nodes of
// startCluster): partitions, one-way drops, delays, stalls, kills and restarts, membership
// changes and auto-heal, each under a write load whose every outcome is recorded by the
// clients (workload): no acknowledged write may be lost, none applied twice, and the replicas
// must end with the same contents.

// replicated creates tablespace ts placed on replicas (HerdDB's option syntax) through node 0,
// with the workload's tables for writers writers, and returns the index of its leader.
func (c *testCluster) replicated(ts, replicas string, writers int) int {
	c.t.Helper()
	admin := connect(c.t, c.nodes[0], "drove")
	if _, code := exec(c.t, admin, fmt.Sprintf("CREATE TABLESPACE '%s', 'replica:%s'", ts, replicas)); code != "" {
		c.t.Fatalf("create tablespace %s: %s", ts, code)
	}
	lead := c.leaderOf(ts)
	c.createWorkloadTables(lead, ts, writers)
	return lead
}

func nodeName(i int) string { return fmt.Sprintf("n%d", i+1) }

// TestClusterPartitionedLeader: the tablespace leader is cut off from both other nodes. Writes
// through the majority go on under a new leader; the old leader never acknowledges a write
// (each is refused with 25006/40001/57P03, ends with 08007, or times out), and after the
// partition heals it has exactly the majority's data.
func TestClusterPartitionedLeader(t *testing.T) {
	c := startCluster(t, 3)
	lead := c.replicated("r3", "n1,n2,n3", 4)
	a, b := (lead+1)%3, (lead+2)%3
	w := c.startWorkload("r3", a, b, a)
	w.waitOps(20, 10*time.Second, "writes before the partition")
	c.faults.Isolate(nodeName(lead))
	w.refuser(3, lead)
	w.waitOps(30, 15*time.Second, "writes through the majority after the partition")
	if ts, ok := c.nodes[lead].Tablespace("r3"); ok && ts.IsLeader() {
		t.Errorf("the isolated n%d still leads r3", lead+1)
	}
	if nl := c.leaderOf("r3"); nl == lead {
		t.Fatalf("no new leader on the majority side")
	}
	w.stop()
	if w.refusals.Load() == 0 {
		t.Error("the writer on the isolated old leader attempted no write")
	}
	c.faults.Heal()
	w.verify(a)
	// What the isolated leader appended after the partition could never commit: a new
	// leader's log replaced it.
	for k := range w.final {
		if k/1_000_000 == 3 {
			t.Errorf("key %d, written on the isolated old leader, is applied", k)
		}
	}
}

// TestClusterOneWayDelaysStalls: with writes through every node, the network between the
// leader and a follower drops one way, then every link is delayed with jitter (messages
// reorder across connections), then the leader's links stall as a paused process's would.
func TestClusterOneWayDelaysStalls(t *testing.T) {
	c := startCluster(t, 3)
	lead := c.replicated("r3", "n1,n2,n3", 3)
	w := c.startWorkload("r3", 0, 1, 2)
	w.waitOps(20, 10*time.Second, "writes before the faults")
	ln, fn := nodeName(lead), nodeName((lead+1)%3)

	c.faults.PartitionOneWay(ln, fn) // appends stop; the follower's vote requests still arrive
	time.Sleep(1500 * time.Millisecond)
	c.faults.Heal()
	w.waitOps(20, 15*time.Second, "writes after a one-way drop")

	for i := range 3 {
		for j := range 3 {
			if i != j {
				c.faults.SetDelay(nodeName(i), nodeName(j), 5*time.Millisecond)
				c.faults.SetJitter(nodeName(i), nodeName(j), 40*time.Millisecond)
			}
		}
	}
	w.waitOps(20, 15*time.Second, "writes under delays and jitter")
	for i := range 3 {
		for j := range 3 {
			c.faults.SetDelay(nodeName(i), nodeName(j), 0)
			c.faults.SetJitter(nodeName(i), nodeName(j), 0)
		}
	}

	lead = c.leaderOf("r3")
	c.faults.Stall(nodeName(lead), nodeName((lead+2)%3)) // one follower silent: a majority is left
	w.waitOps(20, 15*time.Second, "writes with a stalled follower")
	c.faults.StallNode(nodeName(lead)) // the leader silent, as if paused
	time.Sleep(2 * time.Second)
	c.faults.Heal()
	w.waitOps(20, 15*time.Second, "writes after the stalls")
	w.verify(lead)
}

// TestClusterLeaderKillRestart: the leader's node is stopped under write load — closed, or
// crashed (cut off at once, no final checkpoint: it recovers from the log) — and started
// again with the same configuration; it catches up with what it missed.
func TestClusterLeaderKillRestart(t *testing.T) {
	for _, crash := range []bool{false, true} {
		t.Run(map[bool]string{false: "close", true: "crash"}[crash], func(t *testing.T) {
			c := startCluster(t, 3)
			lead := c.replicated("r3", "n1,n2,n3", 3)
			w := c.startWorkload("r3", 0, 1, 2)
			w.waitOps(20, 10*time.Second, "writes before the kill")
			if crash {
				c.crash(lead)
			} else {
				c.stop(lead)
			}
			w.waitOps(30, 20*time.Second, "writes after the leader stopped")
			c.faults.Heal()
			c.restart(lead)
			w.waitOps(20, 20*time.Second, "writes after the restart")
			w.verify((lead + 1) % 3)
		})
	}
}

// TestClusterMembershipDuringWrites: a fourth replica is added while writers run and catches
// up; then the leader's replica is removed, and the remaining three agree. No client's
// statement is refused meanwhile.
func TestClusterMembershipDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("membership changes under load: long")
	}
	c := startCluster(t, 4)
	c.replicated("r", "n1,n2,n3", 4)
	w := c.startWorkload("r", 0, 1, 2, 3)
	w.waitOps(30, 10*time.Second, "writes before the change")
	admin := connect(t, c.nodes[3], "drove")
	if _, code := exec(t, admin, "ALTER TABLESPACE 'r','replica:n1,n2,n3,n4'"); code != "" {
		t.Fatalf("adding n4: %s", code)
	}
	before := int(w.ops.Load()) / 2 // inserts acknowledged before the add (about half the writes)
	waitFor(t, 20*time.Second, "n4 to catch up while writes go on", func() bool {
		return localRows(c.nodes[3], "r", "kv") >= before
	})
	w.waitOps(20, 10*time.Second, "writes after the add")
	lead := c.leaderOf("r")
	keep := ""
	for i := range 4 {
		if i != lead {
			keep += "," + nodeName(i)
		}
	}
	if _, code := exec(t, admin, "ALTER TABLESPACE 'r','replica:"+keep[1:]+"'"); code != "" {
		t.Fatalf("removing n%d: %s", lead+1, code)
	}
	waitFor(t, 20*time.Second, fmt.Sprintf("n%d's replica to close", lead+1), func() bool {
		_, ok := c.nodes[lead].Tablespace("r")
		return !ok
	})
	// A session forwarded to the old leader by a node that has not seen the move yet is
	// told to retry elsewhere (57P03, which forwarding retries), not that r does not exist.
	for db, want := range map[string]string{"r": "57P03", "nope": "3D000"} {
		var e *sql.Error
		if _, err := c.nodes[lead].Open(context.Background(), "drove", db); !errors.As(err, &e) || e.Code != want {
			t.Errorf("opening %s on n%d, which has no replica: %v, want %s", db, lead+1, err, want)
		}
	}
	w.waitOps(20, 15*time.Second, "writes after the removal")
	w.verify((lead + 1) % 4)
	// Adding a replica, and moving the leader's away (it hands leadership over before its
	// replica closes), refuse no statement. Commits in flight when the old leader steps down
	// may end 08007 (Raft fails their futures; a new leader may commit them), and a statement
	// that reaches the old leader's replica as it closes ends its connection (FATAL 57P01).
	for code, n := range w.codes {
		if code != "08007" && code != "57P01" {
			t.Errorf("clients saw %d× %s during the membership changes (all: %v)", n, code, w.codes)
		}
	}
}

// TestClusterFiveNodes: the metadata group has 3 voters and 2 non-voters; a tablespace on all
// five keeps serving through a 2|3 split with its leader on the small side, and through
// losing two nodes (its leader among them), which catch up on return.
func TestClusterFiveNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("five nodes: long")
	}
	c := startCluster(t, 5)
	members, err := c.nodes[0].meta.Members()
	if err != nil {
		t.Fatal(err)
	}
	voters := 0
	for _, m := range members {
		if m.Voter {
			voters++
		}
	}
	if len(members) != 5 || voters != 3 {
		t.Fatalf("meta members %+v: want 5 with 3 voters", members)
	}
	lead := c.replicated("r5", "n1,n2,n3,n4,n5", 5)
	w := c.startWorkload("r5", 0, 1, 2, 3, 4)
	w.waitOps(20, 10*time.Second, "writes before the losses")

	// The leader and one follower cut off from the other three: the three elect a leader
	// and go on; the two refuse; after the heal all five agree again.
	minority := []int{lead, (lead + 1) % 5}
	for _, m := range minority {
		for i := range 5 {
			if !slices.Contains(minority, i) {
				c.faults.Partition(nodeName(m), nodeName(i))
			}
		}
	}
	w.waitOps(30, 15*time.Second, "writes through the majority of a 2|3 split")
	c.faults.Heal()
	w.waitOps(20, 15*time.Second, "writes after the split healed")

	lead = c.leaderOf("r5")
	other := (lead + 2) % 5
	c.stop(lead)
	c.stop(other)
	w.waitOps(30, 20*time.Second, "writes with two nodes down")
	c.restart(lead)
	c.restart(other)
	w.waitOps(10, 20*time.Second, "writes after the restarts")
	w.verify((lead + 1) % 5)
}

// TestClusterUsersAndLeaderTransfer: a user created on one node logs in with its password
// through every node (the catalog replicates users), and 'leader:nX' moves the leadership.
func TestClusterUsersAndLeaderTransfer(t *testing.T) {
	c := startCluster(t, 3)
	admin := connect(t, c.nodes[0], "drove")
	for _, q := range []string{"CREATE TABLESPACE 'r3', 'replica:n1,n2,n3'",
		"CREATE USER app WITH SUPERUSER PASSWORD 'app-pw'"} {
		if _, code := exec(t, admin, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	login := func(i int, db, user, pw string) (*pgconn.PgConn, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return pgconn.Connect(ctx, fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=disable", user, pw, c.cfgs[i].PGAddr, db))
	}
	created := time.Now()
	for i := range c.nodes {
		// Until a node has applied the catalog entry it trusts everyone (no user had a
		// password): the catalog is replicated, not read at each login.
		waitFor(t, 2*time.Second, fmt.Sprintf("n%d to demand app's password", i+1), func() bool {
			conn, err := login(i, "r3", "app", "wrong")
			if err == nil {
				conn.Close(context.Background())
			}
			return err != nil
		})
		t.Logf("n%d demands the password %v after CREATE USER", i+1, time.Since(created))
		conn, err := login(i, "r3", "app", "app-pw")
		if err != nil {
			t.Fatalf("app through n%d: %v", i+1, err)
		}
		conn.Close(context.Background())
	}
	app, err := login(2, "drove", "app", "app-pw")
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close(context.Background())
	target := (c.leaderOf("r3") + 1) % 3
	if _, code := exec(t, app, fmt.Sprintf("ALTER TABLESPACE 'r3','leader:%s'", nodeName(target))); code != "" {
		t.Fatalf("leader transfer: %s", code)
	}
	waitFor(t, 15*time.Second, "the transfer", func() bool {
		ts, ok := c.nodes[target].Tablespace("r3")
		if !ok || !ts.IsLeader() {
			return false
		}
		rows, _ := exec(t, app, "SELECT leader FROM systablespaces WHERE tablespace_name = 'r3'")
		return rows == nodeName(target)
	})
}

// TestClusterAutoHeal: with a short dead-node timeout, the leader's node of a 3-replica
// tablespace dies; the catalog gets a new leader for it, and its replica is replaced on the
// fourth node, which catches up while writes go on.
func TestClusterAutoHeal(t *testing.T) {
	c := startClusterWith(t, 4, func(cfg *Config) { cfg.DeadNodeTimeout = 1500 * time.Millisecond })
	lead := c.replicated("r3", "n1,n2,n3", 3)
	if lead == 3 {
		t.Fatal("r3's leader is n4, which has no replica")
	}
	w := c.startWorkload("r3", 0, 1, 2)
	w.waitOps(20, 10*time.Second, "writes before the loss")
	dead := nodeName(lead)
	c.stop(lead)
	via := (lead + 1) % 3
	waitFor(t, 20*time.Second, "the catalog to replace "+dead, func() bool {
		ts := c.nodes[via].meta.Catalog().Tablespaces["r3"]
		return len(ts.Replicas) == 3 && !slices.Contains(ts.Replicas, dead) && slices.Contains(ts.Replicas, "n4") &&
			ts.Leader != "" && ts.Leader != dead
	})
	waitFor(t, 20*time.Second, "n4's replica to catch up", func() bool { return localRows(c.nodes[3], "r3", "kv") > 0 })
	w.waitOps(20, 15*time.Second, "writes after healing")
	w.verify(via)
}
