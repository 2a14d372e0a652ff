package sql

import "testing"

func TestDropCallAll(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT count(ALL x) FROM t", "SELECT count(    x) FROM t"},
		{"select sum(all x), min(All 51)", "select sum(    x), min(    51)"},
		{`SELECT "lower"(ALL 'A')`, `SELECT "lower"(    'A')`},
		{"SELECT f( /* c */ ALL x)", "SELECT f( /* c */     x)"},
		{"SELECT a FROM t UNION ALL SELECT b FROM u", "SELECT a FROM t UNION ALL SELECT b FROM u"},
		{"SELECT x = ALL (SELECT 1)", "SELECT x = ALL (SELECT 1)"},
		{"SELECT 'f(ALL x)', $$g(ALL y)$$", "SELECT 'f(ALL x)', $$g(ALL y)$$"},
		{"SELECT f(ALL)", "SELECT f(ALL)"},
		{"SELECT count(ALL *)", "SELECT count(ALL *)"},
		{"SELECT (ALL x)", "SELECT (ALL x)"},
		{"SELECT coalesce(ALL x), ROW(ALL 1)", "SELECT coalesce(ALL x), ROW(ALL 1)"},
		{"SELECT f(ALL 'unterminated", "SELECT f(ALL 'unterminated"}, // the dialect pass reports it
		{"SELECT ball(1)", "SELECT ball(1)"},
	} {
		if got := dropCallAll(c.in); got != c.want {
			t.Errorf("dropCallAll(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
