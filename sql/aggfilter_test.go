package sql

import (
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"
)

// A window aggregate's FILTER, which the dialect pass moves into the aggregate's argument,
// prints back as it was written (EXPLAIN and error messages show pgString).
func TestWindowFilterText(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"SELECT count(*) FILTER (WHERE x > 0) OVER (ORDER BY id)", "count(1) FILTER (WHERE x > 0) over (order by id asc)"},
		{"SELECT sum(y) FILTER (WHERE y < 4) OVER ()", "sum(y) FILTER (WHERE y < 4) over ()"},
	} {
		pieces, err := splitAndRewrite(c.query)
		if err != nil {
			t.Fatal(err)
		}
		st, err := parseStatement(pieces[0].sql)
		if err != nil {
			t.Fatalf("%s: %v", pieces[0].sql, err)
		}
		call := st.(*sqlparser.Select).SelectExprs.Exprs[0].(*sqlparser.AliasedExpr).Expr
		if got := pgString(call); got != c.want {
			t.Errorf("%s: printed %q, want %q", c.query, got, c.want)
		}
	}
}
