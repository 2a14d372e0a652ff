package sql

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// The binder's converter converts the node kinds compileAST compiles and keeps every other
// as vitess's node (expr_ast.go): each select-list expression below lists, outermost first,
// the vitess nodes left foreign in its tree.
func TestBinderConvertsFromTree(t *testing.T) {
	cases := []struct {
		query   string
		foreign [][]string
	}{
		{"SELECT a + 1, a = $1, NOT (a IS NULL) AND b, x::int, a LIKE 'x%' ESCAPE '!', a NOT ILIKE 'y', a IN (1, 2), a ~* 'x', a IS DISTINCT FROM b, - a || 'x', t.a -> 'k', z IS NOT TRUE",
			make([][]string, 12)},
		{"SELECT abs(a) + 1, CASE WHEN a THEN 1 END, CASE a WHEN 1 THEN 2 ELSE 3 END, a NOT BETWEEN 1 AND 2, a = ANY (SELECT 1), a IN (SELECT 1), a NOT IN (SELECT 1), a > ALL (ARRAY[1, 2]), DATE '2020-01-01' - 1, t AT TIME ZONE 'UTC', 1 + (SELECT 2), EXISTS (SELECT 1), ARRAY(SELECT 1), a[1], (r).f, ROW(1, a), (1, 'x'), make_interval(days => 2), substring(a FROM 2 FOR 1), trim(LEADING 'x' FROM a), position('b' IN a), CURRENT_TIMESTAMP(2), current_user, EXTRACT(year FROM d), coalesce(a, 1 / 0)",
			make([][]string, 25)},
		// Aggregate calls: plain, with DISTINCT, FILTER, ORDER BY or WITHIN GROUP.
		{"SELECT 1 + count(*), sum(a) FILTER (WHERE a > 1), count(DISTINCT a), string_agg(a, ',' ORDER BY b DESC NULLS FIRST), percentile_cont(0.5) WITHIN GROUP (ORDER BY a), max(a) FILTER (WHERE b)",
			make([][]string, 6)},
		// Comparisons over rows (rowcompare.go and the row forms beside it).
		{"SELECT (a, b) = (1, 2), CASE (a, b) WHEN (1, 2) THEN 1 END, (a, b) IN (SELECT 1, 2), (a, b) BETWEEN (1, 2) AND (3, 4), (a, b) NOT IN ((1, 2), (3, 4)), (a, b) < ALL (SELECT 1, 2), (a, b) <> (SELECT 1, 2), ROW(a) = ROW(1)",
			make([][]string, 8)},
		// Window calls (window_bind.go): the ranking and value functions, the plain and the
		// marker aggregates, FILTER, named windows and frames.
		{"SELECT row_number() OVER (), 1 + sum(a) OVER (PARTITION BY b), string_agg(c, ',') OVER w, count(*) FILTER (WHERE a > 1) OVER (ORDER BY a ROWS 1 PRECEDING), lag(a, 1, 0) OVER (w ORDER BY b DESC NULLS LAST), nth_value(a, 2) OVER w",
			make([][]string, 6)},
	}
	for _, c := range cases {
		pieces, err := splitAndRewrite(c.query)
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		st, err := parse(pieces[0])
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		sel := st.ast.(*sqlparser.Select)
		var got [][]string
		for _, se := range sel.SelectExprs.Exprs {
			x, err := (&converter{binder: true}).expr(se.(*sqlparser.AliasedExpr).Expr)
			if err != nil {
				t.Fatalf("%s: %v", c.query, err)
			}
			var foreign []string
			ast.Walk(x, func(n ast.Node) bool {
				if f, ok := n.(*ast.Foreign); ok {
					foreign = append(foreign, fmt.Sprintf("%T", f.Node))
				}
				return true
			})
			got = append(got, foreign)
		}
		if !reflect.DeepEqual(got, c.foreign) {
			t.Errorf("%s:\n got foreign %q\nwant %q", c.query, got, c.foreign)
		}
	}
}

// TestBinderConvertsFromItems: the binder shapes FROM from the converted tree (join.go), in
// which nothing is vitess's: a derived table's query is converted, and a join's ON is
// converted whole (no ast.Foreign), placed and planned as WHERE's conjuncts are.
func TestBinderConvertsFromItems(t *testing.T) {
	q := "SELECT 1 FROM t AS x (a, b) LEFT JOIN LATERAL (SELECT 1) AS s (c) ON x.a = s.c AND (x.b, 1) > (s.c, 2) AND s.c = ANY (ARRAY[x.a]) AND EXISTS (SELECT 1) FULL JOIN u USING (k) NATURAL RIGHT JOIN v CROSS JOIN w"
	st := mustParseOne(t, q)
	fi, err := (&converter{binder: true}).fromItem(st.ast.(*sqlparser.Select).From[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(f ast.FromItem)
	walk = func(f ast.FromItem) {
		switch f := f.(type) {
		case *ast.Join:
			walk(f.Left)
			on := ""
			if f.On != nil {
				on = fmt.Sprintf(" on %T %s foreign=%d", f.On, treeText(f.On), foreignNodes(f.On))
			}
			got = append(got, fmt.Sprintf("join %d natural=%v using=%v%s", f.Kind, f.Natural, f.Using, on))
			walk(f.Right)
		case *ast.Table:
			got = append(got, fmt.Sprintf("table %s %+v", f.Name, f.Alias))
		case *ast.SubqueryFrom:
			got = append(got, fmt.Sprintf("subquery of %d targets lateral=%v %+v", len(f.Select.Targets), f.Lateral, f.Alias))
		}
	}
	walk(fi)
	want := []string{
		"table t &{Name:x Columns:[a b]}",
		fmt.Sprintf("join %d natural=false using=[] on *ast.BoolOp ((x.a = s.c) AND (ROW(x.b, 1) > ROW(s.c, 2)) AND (s.c = ANY (ARRAY[x.a])) AND EXISTS (SELECT 1)) foreign=0", ast.LeftJoin),
		"subquery of 1 targets lateral=true &{Name:s Columns:[c]}",
		fmt.Sprintf("join %d natural=false using=[k]", ast.FullJoin),
		"table u <nil>",
		fmt.Sprintf("join %d natural=true using=[]", ast.RightJoin),
		"table v <nil>",
		fmt.Sprintf("join %d natural=false using=[]", ast.CrossJoin),
		"table w <nil>",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// foreignNodes counts the ast.Foreign nodes of a binder's tree.
func foreignNodes(x ast.Expr) int {
	n := 0
	ast.Walk(x, func(node ast.Node) bool {
		if _, ok := node.(*ast.Foreign); ok {
			n++
		}
		return true
	})
	return n
}

// TestBinderConvertsWhere: WHERE is converted once, whole, in the binder's mode (whereTree),
// and the planner reads its conjuncts from the tree: a row equality is the equalities of its
// fields, a row ordering implies a bound on its first fields, and x = ANY (array), which the
// dialect pass writes as a subquery, is an ast.AnyAll over the array.
func TestBinderConvertsWhere(t *testing.T) {
	q := "SELECT 1 FROM t WHERE t.a = $1 AND (b, c) = (1, 2) AND (d, e) > (3, 4) AND f BETWEEN 1 AND 9 AND g IN (1, 2) AND h = ANY ($2) AND (i LIKE 'x' OR j IS NULL) AND k IN (SELECT 1)"
	st := mustParseOne(t, q)
	where, err := whereTree(st.ast.(*sqlparser.Select).Where)
	if err != nil {
		t.Fatal(err)
	}
	if n := foreignNodes(where); n != 0 {
		t.Errorf("WHERE has %d foreign nodes", n)
	}
	var got []string
	for _, c := range conjuncts(where, nil) {
		text := treeText(c)
		if a, ok := c.(*ast.AnyAll); ok {
			text += " (over " + treeText(a.Array) + ")"
		}
		got = append(got, text)
	}
	want := []string{
		"(t.a = $1)", "(b = 1)", "(c = 2)", "(ROW(d, e) > ROW(3, 4))", "(d >= 3)",
		"((f >= 1) AND (f <= 9))", "(g = ANY ('{1,2}'))", "(h = ANY ($2)) (over $2)",
		"((i ~~ 'x') OR (j IS NULL))", "(k IN (SELECT 1))",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
