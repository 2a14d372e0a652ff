package sql

import (
	"context"
	"testing"
)

// A materialized view created in an open transaction block is that transaction's, as in
// PostgreSQL: another session finds no relation of that name until it commits, and reads
// its rows after (its catalogs still show the table: not yet checked).
func TestMatviewCreatedInOpenTransaction(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)")
	execOK(t, a, "BEGIN; CREATE MATERIALIZED VIEW mvo AS SELECT id FROM t")
	if lines, code := queryState(a, "SELECT count(*) FROM mvo"); code != "" || len(lines) < 1 || lines[0] != "2" {
		t.Fatalf("the creating transaction reads its materialized view: %v %q", lines, code)
	}
	if lines, code := queryState(b, "SELECT * FROM mvo"); code != "42P01" {
		t.Fatalf("another session reads a materialized view created by an open transaction: %v %q, want 42P01", lines, code)
	}
	execOK(t, a, "COMMIT")
	if lines, code := queryState(b, "SELECT count(*) FROM mvo"); code != "" || len(lines) < 1 || lines[0] != "2" {
		t.Fatalf("a committed materialized view: %v %q", lines, code)
	}
}

// A temporary view is its session's: another session does not see it (and may create its
// own of the same name), and it is gone when the session ends.
func TestTempViewIsTheSessions(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer b.Close()
	execOK(t, a, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)")
	execOK(t, a, "CREATE TEMP VIEW tv AS SELECT id FROM t WHERE id > 1")
	if lines, code := queryState(a, "SELECT * FROM tv"); code != "" || len(lines) < 1 || lines[0] != "2" {
		t.Fatalf("the creating session reads its temporary view: %v %q", lines, code)
	}
	if lines, code := queryState(b, "SELECT * FROM tv"); code != "42P01" {
		t.Fatalf("another session reads a temporary view: %v %q, want 42P01", lines, code)
	}
	execOK(t, b, "CREATE TEMP VIEW tv AS SELECT 7 AS seven")
	if lines, code := queryState(b, "SELECT * FROM tv"); code != "" || len(lines) < 1 || lines[0] != "7" {
		t.Fatalf("another session's own temporary view of the same name: %v %q", lines, code)
	}
	a.Close()
	c := NewSession(ts, nil)
	defer c.Close()
	if lines, code := queryState(c, "SELECT * FROM tv"); code != "42P01" {
		t.Fatalf("a temporary view outlives its session: %v %q, want 42P01", lines, code)
	}
	execOK(t, c, "CREATE VIEW tv AS SELECT id FROM t") // the name is free in the tablespace
}

// nth_value's FROM FIRST/LAST and RESPECT/IGNORE NULLS, which vitess parses, are not in
// PostgreSQL's grammar: 42601 as PostgreSQL (kept out of the golden files, whose queries
// vitess parses are taken to be PostgreSQL's by TestASTRoundTrip).
func TestNthValueClausesRefused(t *testing.T) {
	ts := openTestTablespace(t)
	s := NewSession(ts, nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE pw (id int PRIMARY KEY, v int)")
	for _, q := range []string{
		"SELECT nth_value(v, 1) FROM LAST OVER () FROM pw",
		"SELECT nth_value(v, 1) FROM FIRST OVER () FROM pw",
		"SELECT nth_value(v, 1) IGNORE NULLS OVER () FROM pw",
		"SELECT nth_value(v, 1) RESPECT NULLS OVER () FROM pw",
	} {
		if code := sqlState(s.Exec(context.Background(), q, &textOutput{})); code != "42601" {
			t.Errorf("%s: %q, want 42601", q, code)
		}
	}
}
