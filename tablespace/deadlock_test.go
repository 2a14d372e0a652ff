package tablespace

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A cycle of three transactions, each waiting for the next one's row: the one that closes it
// gets ErrDeadlock; the waits that do not close a cycle just wait.
func TestDeadlockCycleOfThree(t *testing.T) {
	lt := newLockTable()
	ctx := context.Background()
	for txn, row := range map[uint64]string{1: "a", 2: "b", 3: "c"} {
		if _, err := lt.acquire(ctx, txn, row, time.Second); err != nil {
			t.Fatal(err)
		}
	}
	waits := make(chan error, 2)
	go func() { _, err := lt.acquire(ctx, 1, "b", 5*time.Second); waits <- err }() // 1 → 2
	go func() { _, err := lt.acquire(ctx, 2, "c", 5*time.Second); waits <- err }() // 2 → 3
	deadline := time.Now().Add(5 * time.Second)
	for {
		lt.mu.Lock()
		n := len(lt.waitsFor)
		lt.mu.Unlock()
		if n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("waiters never registered")
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := lt.acquire(ctx, 3, "a", 5*time.Second); !errors.Is(err, ErrDeadlock) {
		t.Fatalf("3 → 1 closes the cycle: got %v, want ErrDeadlock", err)
	}
	lt.release(3, []string{"c"}) // the victim rolls back: 2 gets c, then 1 gets b
	if err := <-waits; err != nil {
		t.Fatal(err)
	}
	lt.release(2, []string{"b", "c"})
	if err := <-waits; err != nil {
		t.Fatal(err)
	}
	lt.mu.Lock()
	defer lt.mu.Unlock()
	if len(lt.waitsFor) != 0 {
		t.Fatalf("edges left behind: %v", lt.waitsFor)
	}
}

// A negative timeout does not wait (NOWAIT, SKIP LOCKED): a lock another transaction holds
// is ErrLockNotAvailable at once, one it holds itself or a free one is taken, and nothing is
// left in the waits-for graph.
func TestAcquireNoWait(t *testing.T) {
	lt := newLockTable()
	ctx := context.Background()
	if _, err := lt.acquire(ctx, 1, "a", time.Second); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := lt.acquire(ctx, 2, "a", -1); !errors.Is(err, ErrLockNotAvailable) {
		t.Fatalf("got %v, want ErrLockNotAvailable", err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Fatalf("waited %v", d)
	}
	if taken, err := lt.acquire(ctx, 1, "a", -1); err != nil || taken {
		t.Fatalf("own lock: taken %v, %v", taken, err)
	}
	if taken, err := lt.acquire(ctx, 2, "b", -1); err != nil || !taken {
		t.Fatalf("free lock: taken %v, %v", taken, err)
	}
	if len(lt.waitsFor) != 0 {
		t.Fatalf("waits-for graph: %v", lt.waitsFor)
	}
}
