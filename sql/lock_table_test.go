package sql

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
)

// openLockTest opens a tablespace with table lt holding the rows 1, 2, 3.
func openLockTest(t *testing.T) *tablespace.Tablespace {
	t.Helper()
	ts, err := tablespace.Open(tablespace.Options{Dir: t.TempDir(), Name: "drove",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	s := NewSession(ts, nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE lt (k int PRIMARY KEY, v text); INSERT INTO lt VALUES (1, 'a'), (2, 'b'), (3, 'c')")
	execOK(t, s, "CREATE TABLE lu (k int PRIMARY KEY)")
	return ts
}

// startExec runs q on s in a goroutine; the channel gets its output or its error.
func startExec(s *Session, q string) chan any {
	ch := make(chan any, 1)
	go func() {
		out := &textOutput{}
		if err := s.Exec(context.Background(), q, out); err != nil {
			ch <- err
			return
		}
		ch <- out
	}()
	return ch
}

// waiting checks that q (started with startExec) has not finished after a while.
func waiting(t *testing.T, ch chan any, q string) {
	t.Helper()
	select {
	case r := <-ch:
		t.Fatalf("%s did not wait for the lock: %v", q, r)
	case <-time.After(150 * time.Millisecond):
	}
}

// finished returns q's output (started with startExec) once the lock is released.
func finished(t *testing.T, ch chan any, q string) *textOutput {
	t.Helper()
	select {
	case r := <-ch:
		if err, ok := r.(error); ok {
			t.Fatalf("%s after the lock's release: %v", q, err)
		}
		return r.(*textOutput)
	case <-time.After(10 * time.Second):
		t.Fatalf("%s still waits after the lock's release", q)
	}
	return nil
}

// TestLockTableAccessExclusive: LOCK TABLE (ACCESS EXCLUSIVE, the default) holds other
// sessions' reads and writes of the table until the transaction commits or rolls back, as in
// PostgreSQL; another table is free meanwhile.
func TestLockTableAccessExclusive(t *testing.T) {
	cases := []struct{ name, lock, other, end, want string }{
		{"read waits for commit", "LOCK TABLE lt", "SELECT count(*) FROM lt", "COMMIT", "2"},
		{"read waits for rollback", "LOCK lt IN ACCESS EXCLUSIVE MODE", "SELECT count(*) FROM lt", "ROLLBACK", "3"},
		{"point read waits", "LOCK lt", "SELECT v FROM lt WHERE k = 3", "COMMIT", ""},
		{"write waits", "LOCK lt", "INSERT INTO lt VALUES (4, 'd') RETURNING k", "COMMIT", "4"},
		{"LOCK waits for LOCK", "LOCK lt", "BEGIN; LOCK lt; SELECT count(*) FROM lt; COMMIT", "COMMIT", "2"},
		{"ACCESS SHARE waits for ACCESS EXCLUSIVE", "LOCK lt", "BEGIN; LOCK lt IN ACCESS SHARE MODE; SELECT count(*) FROM lt; COMMIT", "ROLLBACK", "3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := openLockTest(t)
			a, b := NewSession(ts, nil), NewSession(ts, nil)
			defer a.Close()
			defer b.Close()
			execOK(t, a, "BEGIN; "+c.lock+"; DELETE FROM lt WHERE k = 3")
			if got := rowsOf(execOK(t, b, "SELECT count(*) FROM lu")); got != "0" {
				t.Fatalf("another table: %s", got)
			}
			ch := startExec(b, c.other)
			waiting(t, ch, c.other)
			execOK(t, a, c.end)
			if got := rowsOf(finished(t, ch, c.other)); got != c.want {
				t.Fatalf("%s after %s: %q, want %q", c.other, c.end, got, c.want)
			}
		})
	}
}

// TestLockTableWaitsForUsers: LOCK TABLE's ACCESS EXCLUSIVE waits for the transactions that
// read or wrote the table (their ACCESS SHARE, ROW EXCLUSIVE) to end; with NOWAIT it fails at
// once with 55P03, and past lock_timeout with 55P03 too; the shared modes do not wait for
// readers.
func TestLockTableWaitsForUsers(t *testing.T) {
	ctx := context.Background()
	ts := openLockTest(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, b, "BEGIN; SELECT count(*) FROM lt")
	execOK(t, a, "BEGIN")
	err := a.Exec(ctx, "LOCK lt NOWAIT", &textOutput{})
	if sqlState(err) != "55P03" || err.Error() != `could not obtain lock on relation "lt"` {
		t.Fatalf("LOCK NOWAIT of a table another transaction reads: %v, want 55P03", err)
	}
	execOK(t, a, "ROLLBACK; BEGIN")
	execOK(t, a, "LOCK lt IN ACCESS SHARE MODE NOWAIT; LOCK lt IN ROW EXCLUSIVE MODE NOWAIT; INSERT INTO lt VALUES (5, 'e')")
	execOK(t, a, "COMMIT")
	execOK(t, a, "SET lock_timeout = '50ms'; BEGIN")
	if err := a.Exec(ctx, "LOCK lt", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("LOCK past lock_timeout: %v, want 55P03", err)
	}
	execOK(t, a, "ROLLBACK; SET lock_timeout = 0; BEGIN")
	ch := startExec(a, "LOCK lt")
	waiting(t, ch, "LOCK lt")
	execOK(t, b, "COMMIT")
	finished(t, ch, "LOCK lt")
	execOK(t, b, "SET lock_timeout = '50ms'")
	if err := b.Exec(ctx, "SELECT count(*) FROM lt", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("read of a table LOCKed by an open transaction, past lock_timeout: %v, want 55P03", err)
	}
	execOK(t, b, "BEGIN")
	if err := b.Exec(ctx, "LOCK lt IN ACCESS SHARE MODE NOWAIT", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("ACCESS SHARE NOWAIT of a LOCKed table: %v, want 55P03", err)
	}
	execOK(t, b, "ROLLBACK")
	execOK(t, a, "COMMIT")
	execOK(t, b, "SELECT count(*) FROM lt")
}

// TestLockTableRules: 25P01 outside a transaction block (an extended batch's transaction
// included), a savepoint's rollback releasing
// the lock it took, and a deadlock ended by lock_timeout.
func TestLockTableRules(t *testing.T) {
	ctx := context.Background()
	ts := openLockTest(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	err := a.Exec(ctx, "LOCK lt", &textOutput{})
	if sqlState(err) != "25P01" || err.Error() != "LOCK TABLE can only be used in transaction blocks" {
		t.Fatalf("LOCK outside a transaction block: %v", err)
	}
	st, err := a.Prepare(ctx, "LOCK lt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ExecBatched(ctx, st, nil, &textOutput{}, false); sqlState(err) != "25P01" {
		t.Fatalf("LOCK in an extended batch: %v, want 25P01", err)
	}
	// ROLLBACK TO a savepoint before the LOCK releases it; the TRUNCATE after it is undone.
	execOK(t, a, "BEGIN; SAVEPOINT s; LOCK lt; TRUNCATE lt; ROLLBACK TO s")
	if got := rowsOf(execOK(t, a, "SELECT count(*) FROM lt")); got != "3" {
		t.Fatalf("after ROLLBACK TO: %s rows", got)
	}
	if got := rowsOf(execOK(t, b, "SELECT count(*) FROM lt")); got != "3" {
		t.Fatalf("another session after ROLLBACK TO: %s rows", got)
	}
	// A TRUNCATE under a LOCK taken before the savepoint: undone, the lock kept.
	execOK(t, a, "LOCK lt; SAVEPOINT s2; TRUNCATE lt; ROLLBACK TO s2")
	if got := rowsOf(execOK(t, a, "SELECT count(*) FROM lt")); got != "3" {
		t.Fatalf("TRUNCATE rolled back under the LOCK: %s rows", got)
	}
	execOK(t, b, "SET lock_timeout = '50ms'")
	if err := b.Exec(ctx, "SELECT count(*) FROM lt", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("read of a table still LOCKed: %v, want 55P03", err)
	}
	execOK(t, a, "COMMIT")

	// Two transactions that each lock a table and then wait for the other's: the lock
	// timeout ends one wait (no deadlock detection for table locks).
	execOK(t, a, "SET lock_timeout = '200ms'; BEGIN; LOCK lt")
	execOK(t, b, "SET lock_timeout = '5s'; BEGIN; LOCK lu")
	chb := startExec(b, "LOCK lt")
	waiting(t, chb, "LOCK lt")
	if err := a.Exec(ctx, "LOCK lu", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("the deadlock's other wait: %v, want 55P03", err)
	}
	execOK(t, a, "ROLLBACK")
	finished(t, chb, "LOCK lt")
	execOK(t, b, "COMMIT")
}
