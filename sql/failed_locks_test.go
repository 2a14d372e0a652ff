package sql

import (
	"context"
	"testing"
	"time"
)

// A statement that fails inside a transaction block with no savepoint aborts the transaction:
// its row and table locks are released at the error, as PostgreSQL does, not at the client's
// ROLLBACK (drove held them: the other session waited until its lock timeout, 55P03). Under
// a savepoint the transaction can still go on (ROLLBACK TO), so its locks stay.
func TestFailedTransactionReleasesLocks(t *testing.T) {
	ctx := context.Background()
	ts := openLockTest(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE fl (id int PRIMARY KEY, v int); INSERT INTO fl VALUES (1, 0), (2, 0)")
	execOK(t, b, "SET lock_timeout = '2s'")

	execOK(t, a, "BEGIN; UPDATE fl SET v = 1 WHERE id = 1; LOCK lt IN ACCESS EXCLUSIVE MODE")
	if err := a.Exec(ctx, "SELECT 1/0", &textOutput{}); sqlState(err) != "22012" {
		t.Fatalf("1/0: %v", err)
	}
	start := time.Now()
	execOK(t, b, "UPDATE fl SET v = 2 WHERE id = 1")
	execOK(t, b, "BEGIN; LOCK lt IN ACCESS EXCLUSIVE MODE NOWAIT; ROLLBACK")
	if d := time.Since(start); d > time.Second {
		t.Fatalf("the other session waited %v for the failed transaction's locks", d)
	}
	if err := a.Exec(ctx, "SELECT 1", &textOutput{}); sqlState(err) != "25P02" {
		t.Fatalf("after the error: %v, want 25P02", err)
	}
	execOK(t, a, "COMMIT") // answered ROLLBACK: nothing of it was applied
	out := &textOutput{}
	if err := a.Exec(ctx, "SELECT v FROM fl WHERE id = 1", out); err != nil || len(out.lines) == 0 || out.lines[0] != "2" {
		t.Fatalf("row 1 is %v (%v), want the other session's 2", out.lines, err)
	}

	execOK(t, a, "BEGIN; UPDATE fl SET v = 3 WHERE id = 2; SAVEPOINT s")
	if err := a.Exec(ctx, "SELECT 1/0", &textOutput{}); sqlState(err) != "22012" {
		t.Fatalf("1/0: %v", err)
	}
	if err := b.Exec(ctx, "UPDATE fl SET v = 4 WHERE id = 2", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("update of a row a savepointed transaction holds: %v, want 55P03", err)
	}
	execOK(t, a, "ROLLBACK TO s; COMMIT")
	out = &textOutput{}
	if err := a.Exec(ctx, "SELECT v FROM fl WHERE id = 2", out); err != nil || len(out.lines) == 0 || out.lines[0] != "3" {
		t.Fatalf("row 2 is %v (%v), want 3", out.lines, err)
	}

	// A failed subtransaction lets go at the error of the locks it took since the savepoint
	// (row 1's), as PostgreSQL's AbortSubTransaction; the transaction keeps
	// the ones taken before it (row 2's) and, after ROLLBACK TO, commits what it wrote then.
	execOK(t, a, "BEGIN; UPDATE fl SET v = 5 WHERE id = 2; SAVEPOINT s; UPDATE fl SET v = 5 WHERE id = 1")
	if err := a.Exec(ctx, "SELECT 1/0", &textOutput{}); sqlState(err) != "22012" {
		t.Fatalf("1/0: %v", err)
	}
	start = time.Now()
	execOK(t, b, "UPDATE fl SET v = 6 WHERE id = 1")
	if d := time.Since(start); d > time.Second {
		t.Fatalf("the other session waited %v for the failed subtransaction's locks", d)
	}
	if err := b.Exec(ctx, "UPDATE fl SET v = 7 WHERE id = 2", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("update of a row taken before the savepoint: %v, want 55P03", err)
	}
	execOK(t, a, "ROLLBACK TO s; COMMIT")
	out = &textOutput{}
	if err := a.Exec(ctx, "SELECT v FROM fl ORDER BY id", out); err != nil || len(out.lines) < 2 || out.lines[0] != "6" || out.lines[1] != "5" {
		t.Fatalf("rows are %v (%v), want 6 (the other session's) and 5", out.lines, err)
	}
}
