package sql

import (
	"slices"
	"testing"
)

// View DDL in a transaction block is the transaction's: other sessions see a view created,
// replaced or dropped only once it commits, and a second writer of the same view waits for
// the first (here: until its lock_timeout, 55P03), as in PostgreSQL.
func TestViewDDLIsolation(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
	execOK(t, b, "SET lock_timeout = '20ms'")

	execOK(t, a, "BEGIN; CREATE VIEW v AS SELECT id FROM t")
	if _, code := queryState(b, "SELECT * FROM v"); code != "42P01" {
		t.Fatalf("an uncommitted view is seen by another session: %q", code)
	}
	if _, code := queryState(b, "CREATE VIEW v AS SELECT 2 AS id"); code != "55P03" {
		t.Fatalf("a second creator of an uncommitted view: %q, want 55P03", code)
	}
	execOK(t, a, "COMMIT")
	if lines, code := queryState(b, "SELECT * FROM v"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("a committed view: %v %q", lines, code)
	}

	execOK(t, a, "BEGIN; CREATE OR REPLACE VIEW v AS SELECT id, 7 AS seven FROM t")
	if lines, code := queryState(b, "SELECT * FROM v"); code != "" || !slices.Contains(lines, "1") {
		t.Fatalf("another session reads the view as committed: %v %q", lines, code)
	}
	if _, code := queryState(b, "DROP VIEW v"); code != "55P03" {
		t.Fatalf("dropping a view another transaction replaces: %q, want 55P03", code)
	}
	execOK(t, a, "DROP VIEW v")
	if _, code := queryState(b, "SELECT * FROM v"); code != "" {
		t.Fatalf("a view dropped by an open transaction: %q", code)
	}
	execOK(t, a, "COMMIT")
	if _, code := queryState(b, "SELECT * FROM v"); code != "42P01" {
		t.Fatalf("a view dropped by a committed transaction: %q", code)
	}
}
