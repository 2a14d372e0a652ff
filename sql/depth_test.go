package sql

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// deepShapes are statements nested n levels deep in each way a client can nest them, with
// the answer each gives when it is shallow enough to run ("" when not checked).
func deepShapes(n int) []struct{ name, sql, want string } {
	r := strings.Repeat
	// each FROM item its own name: two of one name are 42712
	numbered := func(format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	return []struct{ name, sql, want string }{
		{"plus chain", "SELECT " + r("1+", n) + "1", fmt.Sprint(n + 1)},
		{"and chain", "SELECT " + r("true AND ", n) + "true", "t"},
		{"or chain over a column", "SELECT count(*) FROM t WHERE " + r("a = 1 OR ", n) + "a = 2", "2"},
		{"concat chain", "SELECT length('a'" + r(" || 'a'", n) + ")", fmt.Sprint(n + 1)},
		{"unary minus", "SELECT " + r("- ", n) + "1", map[bool]string{true: "1", false: "-1"}[n%2 == 0]},
		{"not", "SELECT " + r("NOT ", n) + "true", map[bool]string{true: "t", false: "f"}[n%2 == 0]},
		{"casts", "SELECT 1" + r("::int", n), "1"},
		{"parentheses", "SELECT " + r("(", n) + "1" + r(")", n), "1"},
		{"nested abs", "SELECT " + r("abs(", n) + "-1" + r(")", n), "1"},
		{"nested coalesce", "SELECT " + r("coalesce(", n) + "1" + r(")", n), "1"},
		{"nested case", "SELECT " + r("CASE WHEN a > 0 THEN ", n) + "a" + r(" END", n) + " FROM t WHERE a = 1", "1"},
		{"nested subqueries", "SELECT " + r("(SELECT ", n) + "1" + r(")", n), "1"},
		{"comma join", "SELECT count(*) FROM e" + numbered(", e e%d"), "0"},
		{"join chain", "SELECT count(*) FROM e" + numbered(" JOIN e e%d ON true"), "0"},
		{"union chain", "SELECT count(*) FROM (SELECT 1" + r(" UNION ALL SELECT 1", n) + ") u", fmt.Sprint(n + 1)},
		{"nested IN subqueries", "SELECT count(*) FROM t WHERE " + r("a IN (SELECT a FROM t WHERE ", n) + "true" + r(")", n), "2"},
	}
}

// A statement nested a million levels deep is refused with 54001 (or answered), never
// overflows the goroutine's stack (which would end the process: without the bound this test
// kills its binary); one nested a few hundred levels deep still runs.
func TestDeepStatements(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE t (a int PRIMARY KEY); INSERT INTO t VALUES (1), (2); CREATE TABLE e (a int PRIMARY KEY)")
	ctx := context.Background()
	deep := 1_000_000
	if testing.Short() {
		deep = 2 * maxDepth
	}
	for _, n := range []int{300, deep} {
		for _, c := range deepShapes(n) {
			start := time.Now()
			var out textOutput
			err := s.Exec(ctx, c.sql, &out)
			took := time.Since(start)
			switch {
			case n < maxDepth/10 && err != nil:
				t.Errorf("%s at depth %d: %v", c.name, n, err)
			case n < maxDepth/10 && c.want != "" && (len(out.lines) == 0 || out.lines[0] != c.want):
				t.Errorf("%s at depth %d: got %q, want %q", c.name, n, out.lines, c.want)
			case n > maxDepth && err != nil && sqlState(err) != "54001" && sqlState(err) != "54000":
				t.Errorf("%s at depth %d: got %v, want 54001 (or 54000: too many tables)", c.name, n, err)
			}
			t.Logf("%s at depth %d: %v in %v", c.name, n, sqlState(err), took)
		}
	}
}
