package ast

import (
	"strings"
	"testing"
)

func col(names ...string) *ColumnRef { return &ColumnRef{Names: names} }
func num(v string) *Literal          { return &Literal{Type: LitInteger, Val: v} }
func str(v string) *Literal          { return &Literal{Type: LitString, Val: v} }

func TestPrint(t *testing.T) {
	sel := func(targets ...Expr) *Select {
		s := &Select{}
		for _, x := range targets {
			s.Targets = append(s.Targets, Target{Expr: x})
		}
		return s
	}
	cases := []struct {
		name         string
		node         Node
		sql, explain string
	}{
		{"operator", &BinaryOp{Op: "<>", Left: col("id"), Right: num("1")}, "(id <> 1)", ""},
		{"and-flat", &BoolOp{Op: And, Args: []Expr{col("a"), &BoolOp{Op: Or, Args: []Expr{col("b"), col("c")}}, &BoolOp{Op: Not, Args: []Expr{col("d")}}}},
			"(a AND (b OR c) AND (NOT d))", ""},
		{"quoting", col("Mixed", "select", "a b", "ok_1", `q"t`), `"Mixed"."select"."a b".ok_1."q""t"`, ""},
		{"star", &ColumnRef{Names: []string{"t"}, Star: true}, "t.*", ""},
		{"string", str("it's"), "'it''s'", ""},
		{"negative", &Literal{Type: LitBigint, Val: "-5"}, "-5", "'-5'::bigint"},
		{"unary", &UnaryOp{Op: "-", Expr: &Literal{Type: LitInteger, Val: "-1"}}, "(- -1)", "(- '-1'::integer)"},
		{"in-constants", &In{Expr: col("v"), List: []Expr{str("a b"), str(`x"y`), str("null"), str("")}},
			"(v IN ('a b', 'x\"y', 'null', ''))", `(v = ANY ('{"a b","x\"y","null",""}'))`},
		{"not-in-columns", &In{Expr: col("v"), List: []Expr{num("1"), col("w")}, Not: true}, "(v NOT IN (1, w))", "((v <> 1) AND (v <> w))"},
		{"in-mixed", &In{Expr: col("v"), List: []Expr{num("1"), col("w"), &Param{N: 1}, &UnaryOp{Op: "-", Expr: num("2")}}},
			"(v IN (1, w, $1, (- 2)))", "((v = ANY (ARRAY[1, $1, (- 2)])) OR (v = w))"},
		{"like", &Like{Kind: LikeOp, Expr: col("s"), Pattern: str("a%"), Not: true}, "(s NOT LIKE 'a%')", "(s !~~ 'a%')"},
		{"similar", &Like{Kind: SimilarOp, Expr: col("s"), Pattern: str("a%")}, "(s SIMILAR TO 'a%')", "(s ~ similar_to_escape('a%'))"},
		{"not-similar-escape", &Like{Kind: SimilarOp, Expr: col("s"), Pattern: str("a%"), Escape: str("#"), Not: true},
			"(s NOT SIMILAR TO 'a%' ESCAPE '#')", "(s !~ similar_to_escape('a%', '#'))"},
		{"grouping-sets", &Select{Targets: []Target{{Expr: &GroupingFunc{Args: []Expr{col("a"), col("b")}}}}, GroupBy: []Expr{
			&GroupingSet{Kind: GroupingRollup, Content: []Expr{col("a"), &Row{Fields: []Expr{col("b"), col("c")}}}},
			&GroupingSet{Kind: GroupingSets, Content: []Expr{&GroupingSet{Kind: GroupingCube, Content: []Expr{col("a")}}, &GroupingSet{}}},
		}}, "SELECT GROUPING(a, b) GROUP BY ROLLUP(a, (b, c)), GROUPING SETS (CUBE(a), ())", ""},
		{"rollup-function", &Select{Targets: []Target{{Expr: &FuncCall{Name: []string{"grouping"}, Args: []Expr{col("a")}}}}, GroupBy: []Expr{
			&FuncCall{Name: []string{"rollup"}, Args: []Expr{col("a")}}, &GroupingSet{Kind: GroupingRollup, Content: []Expr{&FuncCall{Name: []string{"cube"}, Args: []Expr{col("b")}}}},
		}}, `SELECT "grouping"(a) GROUP BY (rollup(a)), ROLLUP(cube(b))`, ""},
		{"distinct-on", &Select{Distinct: true, DistinctOn: []Expr{col("a"), num("2")}, Targets: []Target{{Expr: col("a")}, {Expr: col("b")}}},
			"SELECT DISTINCT ON (a, 2) a, b", ""},
		{"between", &Between{Expr: col("k"), Lo: num("1"), Hi: num("2"), Symmetric: true}, "(k BETWEEN SYMMETRIC 1 AND 2)",
			"(((k >= 1) AND (k <= 2)) OR ((k >= 2) AND (k <= 1)))"},
		{"not-between", &Between{Expr: col("k"), Lo: num("1"), Hi: num("2"), Not: true, Symmetric: true}, "(k NOT BETWEEN SYMMETRIC 1 AND 2)",
			"(((k < 1) OR (k > 2)) AND ((k < 2) OR (k > 1)))"},
		{"cast", &Cast{Expr: &BinaryOp{Op: "+", Left: col("a"), Right: num("1")}, Type: TypeName{Name: "bigint"}}, "((a + 1))::bigint", ""},
		{"cast-string", &Cast{Expr: str("1 day"), Type: TypeName{Name: "interval"}}, "'1 day'::interval", ""},
		{"subscript", &Subscript{Expr: &Subscript{Expr: col("a"), Index: num("1")}, Index: num("2")}, "a[1][2]", ""},
		{"subscript-call", &Subscript{Expr: &FuncCall{Name: []string{"f"}}, Index: num("1")}, "(f())[1]", ""},
		{"field", &Field{Expr: col("r"), Name: "Key"}, `(r)."Key"`, ""},
		{"row-one", &Row{Fields: []Expr{num("1")}}, "ROW(1)", ""},
		{"row", &Row{Fields: []Expr{num("1"), col("a")}}, "(1, a)", "ROW(1, a)"},
		{"call", &FuncCall{Name: []string{"pg_catalog", "left"}, Args: []Expr{col("s"), num("2")}}, "pg_catalog.left(s, 2)", ""},
		{"count-star-over", &FuncCall{Name: []string{"count"}, Star: true, Over: &Window{Ref: "w", ByName: true}}, "count(*) OVER w", ""},
		{"over-copy", &FuncCall{Name: []string{"count"}, Star: true, Over: &Window{Ref: "w"}}, "count(*) OVER (w)", ""},
		{"window", &FuncCall{Name: []string{"sum"}, Args: []Expr{col("x")}, Over: &Window{Ref: "w", OrderBy: []SortBy{{Expr: col("y"), Desc: true, Nulls: NullsLast}},
			Frame: &Frame{Mode: "ROWS", Start: &FrameBound{Kind: "UNBOUNDED PRECEDING"}}}}, "sum(x) OVER (w ORDER BY y DESC NULLS LAST ROWS UNBOUNDED PRECEDING)", ""},
		{"agg", &FuncCall{Name: []string{"string_agg"}, Args: []Expr{col("s"), str(",")}, Distinct: true, OrderBy: []SortBy{{Expr: col("s")}}, Filter: col("b")},
			"string_agg(DISTINCT s, ',' ORDER BY s) FILTER (WHERE b)", ""},
		{"sublinks", sel(&SubLink{Kind: AnySubLink, Op: "<", Left: col("a"), Select: sel(num("1"))}, &SubLink{Kind: ArraySubLink, Select: sel(num("2"))}),
			"SELECT (a < ANY (SELECT 1)), ARRAY(SELECT 2)", ""},
		{"anyall", &AnyAll{Op: "=", All: true, Left: col("a"), Array: col("arr")}, "(a = ALL (arr))", ""},
		{"tests", &BoolOp{Op: Or, Args: []Expr{&NullTest{Expr: col("a"), Not: true}, &BoolTest{Expr: col("b"), Value: "UNKNOWN"}, &DistinctFrom{Left: col("a"), Right: col("b")}}},
			"((a IS NOT NULL) OR (b IS UNKNOWN) OR (a IS DISTINCT FROM b))", ""},
		{"sqlvalue", &SQLValue{Name: "CURRENT_TIME", Precision: 2}, "CURRENT_TIME(2)", ""},
		{"collate", &Collate{Expr: col("s"), Collation: "C"}, `(s COLLATE "C")`, ""},
		{"joins", &Select{Targets: []Target{{Expr: &ColumnRef{Star: true}}}, From: []FromItem{
			&Join{Kind: LeftJoin, Left: &Join{Kind: CrossJoin, Left: &Table{Name: "a"}, Right: &Table{Schema: "s", Name: "b", Alias: &Alias{Name: "x", Columns: []string{"p", "q"}}}},
				Right: &Join{Kind: InnerJoin, Natural: true, Left: &Table{Name: "c"}, Right: &SubqueryFrom{Lateral: true, Select: sel(num("1")), Alias: &Alias{Name: "d"}}},
				Using: []string{"k"}}}},
			"SELECT * FROM a CROSS JOIN s.b AS x(p, q) LEFT JOIN (c NATURAL JOIN LATERAL (SELECT 1) AS d) USING (k)", ""},
		{"setops", &Select{Op: Except, Left: &Select{Op: Union, All: true, Left: sel(num("1")), Right: sel(num("2"))},
			Right: &Select{Op: Intersect, Left: sel(num("3")), Right: &Select{Values: [][]Expr{{num("4")}}}}, OrderBy: []SortBy{{Expr: num("1")}}, Limit: num("5")},
			"SELECT 1 UNION ALL SELECT 2 EXCEPT (SELECT 3 INTERSECT VALUES (4)) ORDER BY 1 LIMIT 5", ""},
		{"setop-left-looser", &Select{Op: Intersect, Left: &Select{Op: Union, Left: sel(num("1")), Right: sel(num("2"))}, Right: sel(num("3"))},
			"(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", ""},
		{"clauses", &Select{With: &With{CTEs: []CTE{{Name: "w", Columns: []string{"n"}, Query: sel(num("1"))}}}, Distinct: true,
			Targets: []Target{{Expr: col("n"), Alias: "from"}}, From: []FromItem{&Table{Name: "w"}}, Where: col("b"), GroupBy: []Expr{col("n")},
			Having: col("c"), Windows: []NamedWindow{{Name: "x", Spec: Window{PartitionBy: []Expr{col("n")}}}}, Offset: num("3"), Locking: []Locking{{Strength: ForUpdate}}},
			`WITH w(n) AS (SELECT 1) SELECT DISTINCT n AS "from" FROM w WHERE b GROUP BY n HAVING c WINDOW x AS (PARTITION BY n) OFFSET 3 FOR UPDATE`, ""},
	}
	for _, c := range cases {
		if got := Print(c.node, SQL); got != c.sql {
			t.Errorf("%s: SQL\n got %s\nwant %s", c.name, got, c.sql)
		}
		want := c.explain
		if want == "" {
			want = c.sql
		}
		if got := Print(c.node, Explain); got != want {
			t.Errorf("%s: Explain\n got %s\nwant %s", c.name, got, want)
		}
	}
}

func TestPrinterMustQuote(t *testing.T) {
	p := Printer{MustQuote: func(s string) bool { return s == "key" }}
	if got := p.Print(col("t", "key")); got != `t."key"` {
		t.Fatalf("got %s", got)
	}
}

// Walk reaches the expressions of a data-modifying statement, a WITH's INSERT among them.
func TestWalkDML(t *testing.T) {
	ins := &Insert{Table: &Table{Name: "u"}, Query: &Select{Values: [][]Expr{{num("1")}}}, Returning: []Target{{Expr: col("r")}}}
	del := &Delete{Table: &Table{Name: "t"}, Where: col("w"),
		With: &With{CTEs: []CTE{{Name: "i", Stmt: ins}}}, Returning: []Target{{Expr: col("x")}}}
	var seen []string
	Walk(del, func(n Node) bool {
		switch n := n.(type) {
		case *ColumnRef:
			seen = append(seen, n.Names[0])
		case *Literal:
			seen = append(seen, n.Val)
		}
		return true
	})
	if got := strings.Join(seen, " "); got != "1 r w x" {
		t.Errorf("walked %q, want %q", got, "1 r w x")
	}
}
