package sql

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// REFRESH MATERIALIZED VIEW CONCURRENTLY writes only the difference: the rows that stay keep
// their row ids (they were not rewritten), a changed row is a new one; and its errors are
// worded as PostgreSQL 15's.
func TestRefreshConcurrentlyMerges(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	// One statement per Exec: a string of them is one transaction block, in which drove
	// cannot index a table the block has written (docs/sql.md).
	for _, q := range []string{"CREATE TABLE t (id int PRIMARY KEY, g int)",
		"INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)",
		"CREATE MATERIALIZED VIEW mv AS SELECT id, g FROM t ORDER BY id",
		"CREATE UNIQUE INDEX mv_id ON mv (id)",
		"UPDATE t SET g = 20 WHERE id = 2",
		"REFRESH MATERIALIZED VIEW CONCURRENTLY mv"} {
		execOK(t, s, q)
	}
	out := execOK(t, s, "SELECT id, g, _rowid FROM mv ORDER BY id")
	want := []string{"1|1|1", "2|20|4", "3|3|3", "tag: SELECT 3"}
	if !slices.Equal(out.lines, want) {
		t.Fatalf("after the refresh: %v, want %v", out.lines, want)
	}
	cases := []struct{ sql, code, msg, detail, hint string }{
		{"REFRESH MATERIALIZED VIEW CONCURRENTLY nd", "55000", `cannot refresh materialized view "public.nd" concurrently`, "",
			"Create a unique index with no WHERE clause on one or more columns of the materialized view."},
		{"REFRESH MATERIALIZED VIEW CONCURRENTLY dup", "21000",
			`new data for materialized view "dup" contains duplicate rows without any null columns`, `Row: (1,"a b")`, ""},
	}
	for _, q := range []string{"CREATE MATERIALIZED VIEW nd AS SELECT 1 AS x",
		"CREATE MATERIALIZED VIEW dup AS SELECT 1 AS x, 'a b' AS y FROM t WHERE g = 1",
		"CREATE UNIQUE INDEX dup_x ON dup (x)",
		"INSERT INTO t VALUES (4, 1)"} { // dup's query now returns (1, 'a b') twice
		execOK(t, s, q)
	}
	for _, tc := range cases {
		err := s.Exec(context.Background(), tc.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: got %v, want %s", tc.sql, err, tc.code)
		}
		if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail || e.Hint != tc.hint {
			t.Errorf("%s: got %s %q (detail %q, hint %q)", tc.sql, e.Code, e.Message, e.Detail, e.Hint)
		}
	}
}
