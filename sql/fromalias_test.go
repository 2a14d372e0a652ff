package sql

import (
	"strings"
	"testing"
)

// TestAliasColumnListRewrite: the dialect pass writes a FROM table's column aliases as the
// marked index hint, and only there: a call or EXECUTE's arguments after two words are left
// as they are.
func TestAliasColumnListRewrite(t *testing.T) {
	hint := func(cols ...string) string {
		return "use index (`" + aliasColsMarker + "`, `" + strings.Join(cols, "`, `") + "`)"
	}
	cases := []struct{ in, want string }{
		{"select * from t as x (a, b)", "select * from t as x " + hint("a", "b")},
		{"select * from t x(a)", "select * from t x " + hint("a")},
		{"select * from s.t x(a)", "select * from s.t x " + hint("a")},
		{`select * from t as "X" ("a""b")`, "select * from t as `X` " + hint(`a"b`)},
		{"select * from a, t x(a) join u y(b) on true", "select * from a, t x " + hint("a") + " join u y " + hint("b") + " on true"},
		{"select * from t where f(1)", "select * from t where f(1)"},
		{"select * from t x where f(1)", "select * from t x where f(1)"},
		{"execute p (1)", "execute p (1)"},
		{"select 1; execute p (1)", "execute p (1)"},
		{"select * from generate_series(1, 2) g(n)", "select * from lateral (select generate_series(1, 2) as `n`) as `g`"},
	}
	for _, c := range cases {
		pieces, err := splitAndRewrite(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := pieces[len(pieces)-1].sql; got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
