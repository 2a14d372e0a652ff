package tablespace

import (
	"context"
	"testing"
	"time"
)

// replicaRow is ts's ReplicaState of replica id.
func replicaRow(ts *Tablespace, id string) ReplicaState {
	for _, r := range ts.Replicas() {
		if r.ID == id {
			return r
		}
	}
	return ReplicaState{}
}

// within polls cond for up to d.
func within(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(d); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
	}
}

// TestReplicaLag: a follower cut off while the leader commits is behind, on the leader's
// view, by the entries it lacks and by the age of the oldest of them, which grows; it cannot
// tell its own lag meanwhile; once reconnected it is at 0 on both views.
func TestReplicaLag(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, 3)
	fid := "r1"
	if fid == lid {
		fid = "r2"
	}
	f := g.nodes[fid]
	caughtUp := func() bool {
		lr, fr := replicaRow(l, fid), replicaRow(f, fid)
		return lr.LagKnown && lr.LagEntries == 0 && lr.Lag == 0 && fr.LagKnown && fr.LagEntries == 0 && fr.Lag == 0
	}
	within(t, 5*time.Second, "the follower caught up", caughtUp)

	g.partition(fid)
	insertN(t, l, 3, 8)
	r1 := replicaRow(l, fid)
	time.Sleep(100 * time.Millisecond)
	r2 := replicaRow(l, fid)
	if !r1.LagKnown || r1.LagEntries < 5 || r1.Lag <= 0 || r2.LagEntries != r1.LagEntries || r2.Lag < r1.Lag+100*time.Millisecond {
		t.Fatalf("cut-off follower on the leader: %+v then %+v; want ≥ 5 entries and a lag growing with time", r1, r2)
	}
	within(t, 5*time.Second, "the cut-off follower to know it cannot tell its lag", func() bool {
		return !replicaRow(f, fid).LagKnown
	})

	g.heal(fid)
	within(t, 10*time.Second, "the follower caught up after the heal", caughtUp)
}
