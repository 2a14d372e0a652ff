package server

import (
	"fmt"
	"testing"
	"time"
)

// A replica added to a one-replica tablespace joins as a non-voter: writes go on while it
// cannot be reached (as a voter it would be half of a two-voter quorum, and the leader could
// commit nothing until it had caught up), and it is promoted once it has caught up.
func TestClusterNewReplicaVotesOnceCaughtUp(t *testing.T) {
	c := startCluster(t, 3)
	m := -1
	waitFor(t, 10*time.Second, "a metadata leader", func() bool {
		for i, s := range c.nodes {
			if s.metaGroup().IsLeader() {
				m = i
				return true
			}
		}
		return false
	})
	x := (m + 1) % 3
	lead, other := fmt.Sprintf("n%d", m+1), fmt.Sprintf("n%d", x+1)
	admin := connect(t, c.nodes[m], "drove")
	if _, code := exec(t, admin, fmt.Sprintf("CREATE TABLESPACE 'solo', 'replica:%s'", lead)); code != "" {
		t.Fatal(code)
	}
	conn := connect(t, c.nodes[m], "solo")
	for _, q := range []string{"CREATE TABLE kv (k int PRIMARY KEY, v int)", "INSERT INTO kv VALUES (1, 1)"} {
		if _, code := exec(t, conn, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	// The new replica's node cannot hear the leader's (the metadata group keeps its quorum
	// through the third node).
	c.faults.Partition(lead, other)
	if _, code := exec(t, admin, fmt.Sprintf("ALTER TABLESPACE 'solo', 'replica:%s,%s'", lead, other)); code != "" {
		t.Fatal(code)
	}
	ts, _ := c.nodes[m].Tablespace("solo")
	member := func(voter bool) bool {
		for _, r := range ts.Replicas() {
			if r.ID == other && r.Voter == voter {
				return true
			}
		}
		return false
	}
	waitFor(t, 10*time.Second, other+" added to the group", func() bool { return member(false) || member(true) })
	done := make(chan string, 1)
	go func() { _, code := exec(t, conn, "INSERT INTO kv VALUES (2, 2)"); done <- code }()
	select {
	case code := <-done:
		if code != "" {
			t.Fatalf("insert while the new replica is unreachable: %s", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a write waited on a replica that has not caught up (it was added as a voter)")
	}
	if member(true) {
		t.Fatalf("%s is a voter before it received anything", other)
	}
	c.faults.Heal()
	waitFor(t, 20*time.Second, other+" promoted once caught up", func() bool {
		return member(true) && localRows(c.nodes[x], "solo", "kv") == 2
	})
}
