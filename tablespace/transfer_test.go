package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/raft"
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
						// Still leading in the transaction's term (not re-elected in a later one).
						if t := l.leaderTerm(); t != 0 && t == tx.term {
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

// slowTimeoutNow is a replica's transport whose TimeoutNow RPC (the last step of a
// leadership transfer) hangs for delay and then fails, as one to a stalled target does until
// the transport's deadline: Raft keeps refusing the leader's entries until it returns.
type slowTimeoutNow struct {
	raft.Transport
	delay time.Duration
}

func (s *slowTimeoutNow) TimeoutNow(raft.ServerID, raft.ServerAddress, *raft.TimeoutNowRequest, *raft.TimeoutNowResponse) error {
	time.Sleep(s.delay)
	return errors.New("TimeoutNow: the target did not answer")
}

// TestCommitWaitsOutASlowFailedTransfer: a transfer whose TimeoutNow hangs for three election
// timeouts fails, and the replica keeps leading in the same term. A commit that met the
// transfer must commit once it ends: Raft refuses entries until the RPC returns, longer than
// the two election timeouts the commit used to wait before it gave up with ErrNotLeader
// while its replica still led (the flake of TestCommitDuringTransferWaitsItOut under load).
func TestCommitWaitsOutASlowFailedTransfer(t *testing.T) {
	var delay time.Duration
	g := newGroup(t, 3, func(o *Options) {
		delay = 3 * DefaultElectionTimeout // the Options default, set in Open
		o.Transport = &slowTimeoutNow{Transport: o.Transport, delay: delay}
	})
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	g.caughtUp(lid)
	target := ""
	for id := range g.nodes {
		if id != lid {
			target = id
		}
	}
	tx := beginAll(l)
	if err := tx.Insert(context.Background(), "t", testKey(1), testValue("x")); err != nil {
		t.Fatal(err)
	}
	transferred := make(chan error, 1)
	go func() { transferred <- l.TransferLeadership(context.Background(), target) }()
	deadline := time.Now().Add(5 * time.Second)
	for !l.Transferring() {
		if time.Now().After(deadline) {
			t.Fatalf("the transfer did not start: %v", <-transferred)
		}
		time.Sleep(time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // Raft has started it: the TimeoutNow hangs for delay
	start := time.Now()
	if err := tx.Commit(context.Background()); err != nil {
		t.Fatalf("commit during a transfer that fails %v later: %v (after %v; replica leads: %v)",
			delay, err, time.Since(start), l.IsLeader())
	}
	if err := <-transferred; err == nil {
		t.Fatal("the transfer succeeded although its TimeoutNow failed")
	}
	if !l.IsLeader() {
		t.Fatal("the replica lost the lead although the transfer failed")
	}
}
