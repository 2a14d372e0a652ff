package sql

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
)

// TestRowLockWaitFollowsLockTimeout: with lock_timeout 0 a row lock wait lasts until the lock
// is let go (the tablespace's LockTimeout, here 200ms, bounds only table gates), as in
// PostgreSQL; lock_timeout and statement_timeout end it (55P03, 57014), and a deadlock is
// still found (40P01).
func TestRowLockWaitFollowsLockTimeout(t *testing.T) {
	ctx := context.Background()
	ts, err := tablespace.Open(tablespace.Options{Dir: t.TempDir(), Name: "drove", CheckpointInterval: -1,
		LockTimeout: 200 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE lw (id int PRIMARY KEY, v int); INSERT INTO lw VALUES (1, 0), (2, 0)")

	execOK(t, a, "BEGIN; UPDATE lw SET v = 1 WHERE id = 1")
	for _, q := range []string{"UPDATE lw SET v = 2 WHERE id = 1", "SELECT v FROM lw WHERE id = 1 FOR UPDATE"} {
		ch := startExec(b, q)
		select {
		case r := <-ch:
			t.Fatalf("%s with lock_timeout 0 ended after the tablespace's lock timeout: %v", q, r)
		case <-time.After(time.Second):
		}
		execOK(t, a, "COMMIT")
		if err, ok := (<-ch).(error); ok {
			t.Fatalf("%s after the commit: %v", q, err)
		}
		execOK(t, a, "BEGIN; UPDATE lw SET v = 1 WHERE id = 1")
	}

	for _, c := range []struct{ set, state string }{
		{"SET lock_timeout = '100ms'", "55P03"},
		{"SET lock_timeout = 0; SET statement_timeout = '100ms'", "57014"},
	} {
		execOK(t, b, c.set)
		start := time.Now()
		if err := b.Exec(ctx, "UPDATE lw SET v = 2 WHERE id = 1", &textOutput{}); sqlState(err) != c.state {
			t.Fatalf("%s: %v, want %s", c.set, err, c.state)
		}
		if d := time.Since(start); d > 1500*time.Millisecond {
			t.Fatalf("%s: waited %v", c.set, d)
		}
		execOK(t, b, "RESET lock_timeout; RESET statement_timeout")
	}

	execOK(t, b, "BEGIN; UPDATE lw SET v = 2 WHERE id = 2")
	ch := startExec(a, "UPDATE lw SET v = 1 WHERE id = 2")
	waiting(t, ch, "a's update of row 2")
	errB := b.Exec(ctx, "UPDATE lw SET v = 2 WHERE id = 1", &textOutput{})
	var errA error
	if r, ok := (<-timeoutChan(t, ch)).(error); ok {
		errA = r
	}
	if sqlState(errA) != "40P01" && sqlState(errB) != "40P01" {
		t.Fatalf("a: %v, b: %v: want one 40P01", errA, errB)
	}
	execOK(t, a, "ROLLBACK")
	execOK(t, b, "ROLLBACK")
}

// timeoutChan fails the test if ch gets nothing within 5s.
func timeoutChan(t *testing.T, ch chan any) chan any {
	t.Helper()
	select {
	case r := <-ch:
		out := make(chan any, 1)
		out <- r
		return out
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting statement never ended")
		return nil
	}
}
