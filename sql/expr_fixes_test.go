package sql

import (
	"context"
	"strings"
	"testing"
)

// queryCase is one statement and its expected answer: the rows as golden files spell them
// (values joined by |, then the tag), or "error XXXXX".
type queryCase struct {
	sql  string
	want string
}

// runQueryCases runs setup and then each case on one fresh session.
func runQueryCases(t *testing.T, setup string, cases []queryCase) {
	t.Helper()
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	if setup != "" {
		execOK(t, s, setup)
	}
	for _, c := range cases {
		var out textOutput
		got := ""
		if err := s.Exec(context.Background(), c.sql, &out); err != nil {
			got = "error " + sqlState(err)
			if sqlState(err) == "" {
				got += err.Error()
			}
		} else {
			got = strings.Join(out.lines, "\n")
		}
		if got != c.want {
			t.Errorf("%s\ngot:  %q\nwant: %q", c.sql, got, c.want)
		}
	}
}

// Unary minus negates numeric values (it used to return them unchanged).
func TestNumericUnaryMinus(t *testing.T) {
	runQueryCases(t, "CREATE TABLE n (id int PRIMARY KEY, x numeric); INSERT INTO n VALUES (1, 12.5), (2, -3), (3, 0.00), (4, 'NaN'), (5, 'Infinity'), (6, NULL)", []queryCase{
		{"SELECT -(12.5::numeric)", "-12.5\ntag: SELECT 1"},
		{"SELECT -(-12.5::numeric)", "12.5\ntag: SELECT 1"},
		{"SELECT - - 1.50", "1.50\ntag: SELECT 1"},
		{"SELECT -x FROM n ORDER BY id", "-12.5\n3\n0.00\nNaN\n-Infinity\nNULL\ntag: SELECT 6"},
		{"SELECT id FROM n WHERE -x = 0 - x ORDER BY id", "1\n2\n3\n4\n5\ntag: SELECT 5"},
		{"SELECT -(x + 0) FROM n WHERE id = 1", "-12.5\ntag: SELECT 1"},
	})
}

// Constant folding raises an error only in what PostgreSQL simplifies: a branch that a
// constant rules out is never evaluated, at compile time or per row.
func TestFoldingSkipsDeadBranches(t *testing.T) {
	runQueryCases(t, "CREATE TABLE t (a int PRIMARY KEY); INSERT INTO t VALUES (1)", []queryCase{
		{"SELECT CASE WHEN true THEN 'a' WHEN 1/0 = 1 THEN 'b' END", "a\ntag: SELECT 1"},
		{"SELECT COALESCE(1, 1/0)", "1\ntag: SELECT 1"},
		{"SELECT COALESCE(NULL, 2, 1/0)", "2\ntag: SELECT 1"},
		{"SELECT true OR 1/0 = 1", "t\ntag: SELECT 1"},
		{"SELECT false AND 1/0 = 1", "f\ntag: SELECT 1"},
		{"SELECT a > 0 AND false AND 1/0 = 1 FROM t", "f\ntag: SELECT 1"},
		{"SELECT CASE WHEN false THEN 1/0 ELSE 2 END", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN NULL THEN 1/0 ELSE 3 END", "3\ntag: SELECT 1"},
		{"SELECT CASE 1 WHEN 1 THEN 2 ELSE 1/0 END", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN a > 0 THEN 1 WHEN true THEN 2 ELSE 1/0 END FROM t", "1\ntag: SELECT 1"},
		{"SELECT CASE WHEN true THEN 1 ELSE (SELECT 1/0) END", "1\ntag: SELECT 1"},
		{"SELECT a + CASE WHEN true THEN 1 ELSE 1/0 END FROM t", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN true THEN NULL ELSE 1 END + 1", "NULL\ntag: SELECT 1"},
		{"SELECT true OR a / 0 = 1 FROM t", "t\ntag: SELECT 1"},
		// What PostgreSQL does simplify still fails, even when no row would reach it.
		{"SELECT 1/0 = 1 OR true", "error 22012"},
		{"SELECT CASE WHEN 1/0 = 1 THEN 1 END", "error 22012"},
		{"SELECT NULLIF(1, 1/0)", "error 22012"},
		{"SELECT CASE WHEN a > 100 THEN 1/0 END FROM t", "error 22012"},
		{"SELECT COALESCE(a, 1/0) FROM t", "error 22012"},
		// The dead branch is still type-checked.
		{"SELECT CASE WHEN true THEN 1 ELSE 'x' END", "error 22P02"},
		{"SELECT CASE WHEN true THEN 1 ELSE true END", "error 42804"},
	})
}

func TestNegativeOffset(t *testing.T) {
	runQueryCases(t, "", []queryCase{
		{"SELECT 1 OFFSET -1", "error 2201X"},
		{"SELECT 1 LIMIT -1", "error 2201W"},
		{"SELECT 1 LIMIT 1 OFFSET 0", "1\ntag: SELECT 1"},
	})
}
