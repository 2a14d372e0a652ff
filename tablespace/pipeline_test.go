package tablespace

import (
	"context"
	"errors"
	"maps"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/drovedb/drove/internal/cputime"
	"github.com/drovedb/drove/internal/raftlog/logfault"
)

// faultGroup is a 3-replica group whose logs run on injectable faults.
func faultGroup(t *testing.T) (*group, map[string]*logfault.Faults) {
	faults := map[string]*logfault.Faults{"r1": {}, "r2": {}, "r3": {}}
	g := newGroup(t, 3, func(o *Options) { o.logHooks = faults[o.NodeID].Hooks() })
	l := g.nodes[g.leader()]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, 5)
	return g, faults
}

// commitAsync commits one insert of key k on ts in the background.
func commitAsync(ts *Tablespace, k int64) <-chan error {
	done := make(chan error, 1)
	go func() {
		tx := beginAll(ts)
		if err := tx.Insert(context.Background(), "t", testKey(k), testValue("x")); err != nil {
			done <- err
			return
		}
		done <- tx.Commit(context.Background())
	}()
	return done
}

func hasRow(t *testing.T, ts *Tablespace, k int64) bool {
	t.Helper()
	_, ok := scanRows(t, ts)[string(testKey(k))]
	return ok
}

// TestPipelineAcksOnlyDurable: the leader of a 3-voter group appends in the background, so
// Raft commits an entry once a follower has it on disk, while the leader's own fsync is
// stalled. Until that fsync ends the commit is not answered, the leader's state does not show
// the row, and no follower applies it (the commit index they get is capped at the leader's
// durable index); then all of that happens.
func TestPipelineAcksOnlyDurable(t *testing.T) {
	g, faults := faultGroup(t)
	lid := g.leader()
	l := g.nodes[lid]
	if !l.asyncLog() {
		t.Fatal("the leader of 3 voters does not append in the background")
	}
	before := l.raft.LastIndex()
	release := faults[lid].BlockSyncs()
	defer release()
	done := commitAsync(l, 100)
	deadline := time.Now().Add(5 * time.Second)
	for l.raft.LastIndex() <= before || l.raft.CommitIndex() < l.raft.LastIndex() {
		if time.Now().After(deadline) {
			t.Fatalf("Raft did not commit past the stalled fsync: last %d, commit %d", l.raft.LastIndex(), l.raft.CommitIndex())
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // followers hear the commit index within CommitTimeout
	select {
	case err := <-done:
		t.Fatalf("commit answered (%v) before the leader's log was durable", err)
	default:
	}
	for id, ts := range g.nodes {
		if hasRow(t, ts, 100) {
			t.Fatalf("%s shows a row the leader's log does not hold durably", id)
		}
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	g.caughtUp(lid)
	for id, ts := range g.nodes {
		if !hasRow(t, ts, 100) {
			t.Fatalf("%s lacks the committed row", id)
		}
	}
}

// TestPipelineFailedAppend: a background append that fails is never acknowledged: the commit
// waiting for it gets ErrOutcomeUnknown while its row stays locked, and once the disk works
// again the replicas agree on the outcome.
func TestPipelineFailedAppend(t *testing.T) {
	g, faults := faultGroup(t)
	lid := g.leader()
	l := g.nodes[lid]
	faults[lid].SyncErrs.Store(1 << 30)
	err := <-commitAsync(l, 100)
	if !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("commit on a failing log: %v, want ErrOutcomeUnknown", err)
	}
	if hasRow(t, l, 100) {
		t.Fatal("the leader shows a row its log could not store")
	}
	// The row stays locked while its entry may still apply.
	tx := beginAll(l)
	tx.SetLockTimeout(100 * time.Millisecond)
	if err := tx.Update(context.Background(), "t", testKey(100), testValue("y")); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("writing the row of an unsettled commit: %v, want ErrLockTimeout", err)
	}
	tx.Rollback()
	faults[lid].SyncErrs.Store(0)
	for deadline := time.Now().Add(5 * time.Second); l.logDB.Failed() != nil; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the log did not recover")
		}
	}
	nid := g.leader()
	insertN(t, g.nodes[nid], 200, 201)
	g.caughtUp(nid)
	want := scanRows(t, g.nodes[nid])
	for id, ts := range g.nodes {
		if got := scanRows(t, ts); !maps.Equal(got, want) {
			t.Fatalf("%s has %d rows, the leader %s %d", id, len(got), nid, len(want))
		}
	}
}

// TestAwaitApplySharesOneWaiter: commits waiting for a multi-voter leader's log (its fsync
// stalled) are waited for by one goroutine of the tablespace, not one each (awaitApply's
// applyWaiters: a goroutine per commit cost a start and a second wakeup per update), and each
// is still answered once the fsync ends.
func TestAwaitApplySharesOneWaiter(t *testing.T) {
	g, faults := faultGroup(t)
	lid := g.leader()
	l := g.nodes[lid]
	release := faults[lid].BlockSyncs()
	defer release()
	const n = 40
	before := runtime.NumGoroutine()
	var dones []<-chan error
	for k := int64(100); k < 100+n; k++ {
		dones = append(dones, commitAsync(l, k))
	}
	queued := func() int {
		l.applyWait.mu.Lock()
		defer l.applyWait.mu.Unlock()
		return len(l.applyWait.queue) - l.applyWait.next
	}
	for deadline := time.Now().Add(5 * time.Second); queued() < n-1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d commits queued for the waiter", queued(), n)
		}
	}
	time.Sleep(50 * time.Millisecond) // let any per-commit goroutine start
	// n committing goroutines of the test, the waiter, and a few of Raft's or the runtime's.
	if grown := runtime.NumGoroutine() - before; grown > n+5 {
		t.Fatalf("%d goroutines more for %d pending commits, want at most %d", grown, n, n+5)
	}
	release()
	for _, d := range dones {
		if err := <-d; err != nil {
			t.Fatal(err)
		}
	}
	for k := int64(100); k < 100+n; k++ {
		if !hasRow(t, l, k) {
			t.Fatalf("row %d missing after its commit", k)
		}
	}
}

// BenchmarkReplicatedCommit: 16 sessions committing one-row inserts on the leader of a
// 3-replica group (Raft's in-memory transport, so this is Raft's and the tablespace's path, not
// the network's); cpu-ns/op is the process's CPU time (all three replicas) per commit. Run it
// with TMPDIR on a tmpfs to take the disk's fsync out.
func BenchmarkReplicatedCommit(b *testing.B) {
	g := newGroup(b, 3, nil)
	l := g.nodes[g.leader()]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		b.Fatal(err)
	}
	const sessions = 16
	var next atomic.Int64
	b.ResetTimer()
	cpu0 := cputime.Now()
	var wg sync.WaitGroup
	for range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := next.Add(1)
				if k > int64(b.N) {
					return
				}
				tx := beginAll(l)
				if err := tx.Insert(context.Background(), "t", testKey(k), testValue("x")); err != nil {
					b.Error(err)
					return
				}
				if err := tx.Commit(context.Background()); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(cputime.Now()-cpu0)/float64(b.N), "cpu-ns/op")
}
