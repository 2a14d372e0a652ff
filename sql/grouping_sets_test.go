package sql

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// TestExpandGroupBy checks the grouping sets GROUP BY lists multiply out to, as PostgreSQL's
// expand_grouping_sets makes them (the sets' order aside, which only hashing sees).
func TestExpandGroupBy(t *testing.T) {
	cases := []struct {
		groupBy string
		want    string // the sets over the distinct expressions' names; "" for a plain list
		code    string
	}{
		{"a, b", "", ""},
		{"()", "[]", ""},
		{"rollup (a, b)", "[a b] [a] []", ""},
		{"rollup (a, (b, c))", "[a b c] [a] []", ""},
		{"cube (a, b)", "[a b] [a] [b] []", ""},
		{"a, rollup (b)", "[a b] [a]", ""},
		{"grouping sets ((a, b), c, ())", "[a b] [c] []", ""},
		{"grouping sets (a, rollup (b), grouping sets ((c), ()))", "[a] [b] [] [c] []", ""},
		{"cube (a), cube (b)", "[a b] [a] [b] []", ""},
		{"grouping sets (a, a)", "[a] [a]", ""},
		{"rollup (a, a)", "[a] [a] []", ""},
		{"rollup (a, cube (b))", "", "42883"},
		{"cube (a, b, c, d, e, f, g, h, i, j, k, l, m)", "", "54011"},
		{"cube (a, b, c, d, e, f), cube (g, h, i, j, k, l, m)", "", "54011"},
	}
	for _, c := range cases {
		t.Run(c.groupBy, func(t *testing.T) {
			ps, err := splitAndRewrite("select 1 from t group by " + c.groupBy)
			if err != nil {
				t.Fatal(err)
			}
			st, err := parser.ParseStrictDDL(ps[0].sql)
			if err != nil {
				t.Fatal(err)
			}
			tree, err := queryTree(st.(*sqlparser.Select))
			if err != nil {
				t.Fatal(err)
			}
			flat, sets, err := expandGroupBy(tree.GroupBy, nil)
			if c.code != "" {
				var e *Error
				if !errors.As(err, &e) || e.Code != c.code {
					t.Fatalf("got %v, want %s", err, c.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sets {
				var names []string
				for _, i := range s {
					names = append(names, ast.Print(flat[i], ast.SQL))
				}
				got = append(got, fmt.Sprint(names))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}
