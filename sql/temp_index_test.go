package sql

import (
	"slices"
	"testing"
)

// Two sessions each name an index tti on their own temporary table, beside a permanent index
// tti, as PostgreSQL's temporary schemas allow; each session's DROP INDEX tti drops its own.
func TestTempIndexNamesPerSession(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TEMP TABLE tt (x int); CREATE INDEX tti ON tt (x)")
	execOK(t, b, "CREATE TEMP TABLE tt (x int); CREATE INDEX tti ON tt (x)")
	execOK(t, a, "CREATE TABLE pt (x int); CREATE INDEX tti ON pt (x)")
	q := "SELECT count(*) FROM pg_class WHERE relname = 'tti' AND relkind = 'i'"
	if lines, code := queryState(b, q); code != "" || !slices.Contains(lines, "3") {
		t.Fatalf("three indexes named tti: %v %q", lines, code)
	}
	execOK(t, b, "DROP INDEX tti")
	lines, code := queryState(a, "SELECT schemaname ~ '^pg_temp', tablename FROM pg_indexes WHERE indexname = 'tti' ORDER BY 1")
	if code != "" || !slices.Equal(lines, []string{"f|pt", "t|tt", "tag: SELECT 2"}) {
		t.Fatalf("after the other session dropped its tti: %v %q", lines, code)
	}
}
