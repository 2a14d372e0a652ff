package sql

import (
	"slices"
	"testing"
)

// CREATE and DROP MATERIALIZED VIEW in a transaction block are the transaction's, as view
// DDL is: ROLLBACK and ROLLBACK TO undo them, and another session reads a dropped
// materialized view until the drop commits.
func TestMatviewDDLInTransaction(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); CREATE MATERIALIZED VIEW mv AS SELECT id FROM t")

	execOK(t, a, "BEGIN; DROP MATERIALIZED VIEW mv; SAVEPOINT x")
	if lines, code := queryState(b, "SELECT * FROM mv"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("another session reads a materialized view dropped by an open transaction: %v %q", lines, code)
	}
	if _, code := queryState(a, "SELECT * FROM mv"); code != "42P01" {
		t.Fatalf("the dropping transaction reads the dropped materialized view: %q, want 42P01", code)
	}
	execOK(t, a, "ROLLBACK TO x")
	if _, code := queryState(a, "DROP MATERIALIZED VIEW mv"); code != "42P01" {
		t.Fatalf("dropping it twice: %q, want 42P01", code)
	}
	execOK(t, a, "ROLLBACK")
	if lines, code := queryState(a, "SELECT * FROM mv"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("a rolled-back drop: %v %q", lines, code)
	}

	execOK(t, a, "BEGIN; SAVEPOINT s; DROP MATERIALIZED VIEW mv; ROLLBACK TO s; COMMIT")
	if lines, code := queryState(b, "SELECT * FROM mv"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("a drop undone by ROLLBACK TO: %v %q", lines, code)
	}

	execOK(t, a, "BEGIN; DROP MATERIALIZED VIEW mv")
	execOK(t, a, "COMMIT")
	if _, code := queryState(b, "SELECT * FROM mv"); code != "42P01" {
		t.Fatalf("a committed drop: %q, want 42P01", code)
	}
	execOK(t, b, "CREATE TABLE mv (x int)") // the name is free: the table went with the row

	execOK(t, a, "BEGIN; SAVEPOINT s; CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM t; ROLLBACK TO s; COMMIT")
	if _, code := queryState(b, "SELECT * FROM mv2"); code != "42P01" {
		t.Fatalf("a creation undone by ROLLBACK TO: %q, want 42P01", code)
	}
	execOK(t, b, "CREATE TABLE mv2 (x int)")

	execOK(t, a, "BEGIN; CREATE MATERIALIZED VIEW mv3 AS SELECT id FROM t; COMMIT")
	if lines, code := queryState(b, "SELECT * FROM mv3"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("a committed creation: %v %q", lines, code)
	}
}
