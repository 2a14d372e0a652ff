package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCommitDuringTransferWaitsItOut: commits that reach the leader while it hands its
// leadership over are not refused while the replica still claims the lead: they wait for the
// transfer's end, then commit (transfer failed) or are refused as not-leader by a replica
// that no longer leads, so the caller's next look at the leader finds the new one.
func TestCommitDuringTransferWaitsItOut(t *testing.T) {
	g := newGroup(t, 3, fastRaft)
	lid := g.leader()
	if err := g.nodes[lid].CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	var refusedWhileLeading, refused, committed atomic.Int64
	for round := range 4 {
		lid = g.leader()
		l := g.nodes[lid]
		target := ""
		for id := range g.nodes {
			if id != lid {
				target = id
			}
		}
		g.caughtUp(lid)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					tx := beginAll(l)
					key := testKey(int64(round*1_000_000 + w*100_000 + i))
					if err := tx.Insert(context.Background(), "t", key, testValue(fmt.Sprint(i))); err != nil {
						tx.Rollback()
						return // not the leader any more: this writer is done
					}
					err := tx.Commit(context.Background())
					switch {
					case err == nil:
						committed.Add(1)
					case errors.Is(err, ErrNotLeader):
						refused.Add(1)
						if l.IsLeader() {
							refusedWhileLeading.Add(1)
						}
						return
					}
				}
			}()
		}
		time.Sleep(20 * time.Millisecond)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := l.TransferLeadership(ctx, target)
		cancel()
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatalf("round %d: transfer: %v", round, err)
		}
	}
	t.Logf("%d committed, %d refused as not-leader", committed.Load(), refused.Load())
	if n := refusedWhileLeading.Load(); n > 0 {
		t.Fatalf("%d commits were refused as not-leader by a replica that still leads", n)
	}
}
