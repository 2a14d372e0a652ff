package tablespace

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestGateExcludes: entering and leaving an open gate are lock-free atomic operations, so
// this races them against close and open: no transaction may be inside while the gate is
// closed, and every entrant gets in once it opens.
func TestGateExcludes(t *testing.T) {
	g := &tableGate{changed: make(chan struct{})}
	ctx := context.Background()
	var closed, inside atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var entered atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := g.enter(ctx, time.Second); err != nil {
					t.Error(err)
					return
				}
				inside.Add(1)
				if closed.Load() != 0 {
					t.Error("a transaction entered a closed gate")
				}
				entered.Add(1)
				inside.Add(-1)
				g.leave()
			}
		}()
	}
	deadline := time.Now().Add(300 * time.Millisecond)
	closes := 0
	for time.Now().Before(deadline) {
		if err := g.close(ctx, time.Second, 0); err != nil {
			t.Fatal(err)
		}
		closed.Store(1)
		if n := inside.Load(); n != 0 {
			t.Fatalf("%d transactions inside a closed gate", n)
		}
		time.Sleep(50 * time.Microsecond)
		closed.Store(0)
		g.open()
		closes++
	}
	close(stop)
	wg.Wait()
	if s := g.state.Load(); s != 0 {
		t.Fatalf("gate state %#x after everyone left, want 0", s)
	}
	t.Logf("%d closes, %d entries", closes, entered.Load())
}
