package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A filter's top-level AND terms run cheapest first, as PostgreSQL's order_qual_clauses sorts a
// plan node's quals by cost_qual_eval (a stable sort: equal costs keep their written order).
// Which term runs first decides which error a row raises, or whether it raises one at all:
// WHERE 1/b = 1 AND a > 10 tests a > 10 first and never divides on a row it rejects.
//
// The cost of an expression is counted as PostgreSQL's cost_qual_eval_walker counts it, in
// units of cpu_operator_cost: each operator or function call its pg_proc.procost (1 for
// nearly every built-in), an I/O conversion cast 2, x op ANY (array) its operator times half
// the array's length, a correlated subquery its plan (far more than any operator); columns,
// constants, parameters, AND/OR/NOT, CASE, COALESCE, IS NULL, ARRAY[...] and ROW(...) are
// free. A constant-folded subexpression costs nothing, as its value is a constant by then. An
// uncorrelated scalar or EXISTS subquery is an initplan, whose result is a free parameter.
//
// While compiling, scope.cost accumulates the cost of what was compiled in that scope:
// compileASTNode adds each node's own cost to its children's.

// subplanCost is what a correlated subquery costs per evaluation, and an uncorrelated one
// that is not an initplan or a hashed IN: more than any expression of operators.
const subplanCost = 1000

// expensiveProcs are the built-in functions whose procost is not 1 (pg_proc).
var expensiveProcs = map[string]float64{
	"to_tsvector": 100, "to_tsquery": 100, "plainto_tsquery": 100, "phraseto_tsquery": 100,
	"websearch_to_tsquery": 100, "ts_headline": 100, "ts_rewrite": 100, "json_to_tsvector": 100,
	"jsonb_to_tsvector": 100, "query_to_xml": 100, "table_to_xml": 100,
	"pg_table_is_visible": 10, "pg_type_is_visible": 10, "pg_function_is_visible": 10,
	"pg_operator_is_visible": 10, "pg_opclass_is_visible": 10, "pg_opfamily_is_visible": 10,
	"pg_collation_is_visible": 10, "pg_conversion_is_visible": 10, "pg_ts_config_is_visible": 10,
	"pg_ts_dict_is_visible": 10, "pg_ts_parser_is_visible": 10, "pg_ts_template_is_visible": 10,
	"pg_statistics_obj_is_visible": 10, "has_any_column_privilege": 10,
	"pg_column_is_updatable": 10, "pg_relation_is_updatable": 10, "pg_get_keywords": 10,
}

// freeCalls are calls PostgreSQL's parser turns into nodes that cost nothing themselves
// (CoalesceExpr, ArrayExpr, SubscriptingRef, FieldSelect).
var freeCalls = map[string]bool{
	"coalesce": true, "drove_array_of": true, "drove_subscript": true, "drove_field": true,
}

// compileCosted is compileASTNode that also adds the node's cost to sc.cost.
func compileCosted(e ast.Expr, sc *scope) (*expr, error) {
	outer := sc.cost
	sc.cost = 0
	x, err := compileASTDispatch(e, sc)
	c := sc.cost + nodeCost(e)
	switch {
	case err != nil || isConst(x) || x.failed:
		c = 0
	case isAggOrWindow(e):
		c = 0 // an Aggref or WindowFunc is read like a column; its inputs cost in its own node
	}
	sc.cost = outer + c
	return x, err
}

func isAggOrWindow(e ast.Expr) bool {
	f, ok := e.(*ast.FuncCall)
	return ok && (f.Over != nil || isAggregate(f))
}

// nodeCost is what an expression node costs itself, without its operands.
func nodeCost(e ast.Expr) float64 {
	switch e := e.(type) {
	case *ast.BinaryOp:
		if l, ok := e.Left.(*ast.Row); ok { // a row comparison compares column by column
			return float64(len(l.Fields))
		}
		return 1
	case *ast.UnaryOp, *ast.DistinctFrom, *ast.Like, *ast.AtTimeZone, *ast.Extract, *ast.SQLValue,
		*ast.GroupingFunc:
		return 1
	case *ast.In:
		return arrayOpCost(len(e.List), true, allLiterals(e.List))
	case *ast.AnyAll:
		n, lit := estimateArrayLength(e.Array)
		return arrayOpCost(n, !e.All && e.Op == "=", lit)
	case *ast.Case:
		if e.Arg != nil { // CASE x WHEN v: an x = v per WHEN
			return float64(len(e.Whens))
		}
	case *ast.FuncCall:
		name := strings.ToLower(e.Name[len(e.Name)-1])
		if freeCalls[name] {
			return 0
		}
		if c, ok := expensiveProcs[name]; ok {
			return c
		}
		return 1
	case *ast.SubLink:
		switch {
		case e.Kind == ast.ExistsSubLink || e.Kind == ast.ExprSubLink || e.Kind == ast.ArraySubLink:
			return 0 // an initplan when uncorrelated; compileSubquery adds a correlated one's cost
		case e.In || e.Kind == ast.AnySubLink && e.Op == "=":
			return 1 // a hashed subplan: one probe
		}
		return subplanCost
	}
	return 0
}

// arrayOpCost is the cost of x op ANY (array of n elements): a hash probe and one comparison
// for a constant array of at least 9 elements and a hashable operator (PostgreSQL's hashed
// ScalarArrayOpExpr), else the operator over half of the elements.
func arrayOpCost(n int, hashable, constant bool) float64 {
	switch {
	case n == 1:
		return 1
	case hashable && constant && n >= 9:
		return 2
	}
	return float64(n) * 0.5
}

func allLiterals(es []ast.Expr) bool {
	for _, e := range es {
		if _, ok := e.(*ast.Literal); !ok {
			return false
		}
	}
	return true
}

// estimateArrayLength is PostgreSQL's estimate_array_length: the elements of ARRAY[...] or of an
// array literal, else 10.
func estimateArrayLength(e ast.Expr) (int, bool) {
	switch e := e.(type) {
	case *ast.Array:
		return len(e.Elems), allLiterals(e.Elems)
	case *ast.Cast:
		return estimateArrayLength(e.Expr)
	case *ast.Literal:
		s := strings.TrimSpace(e.Val)
		if e.Type != ast.LitString || !strings.HasPrefix(s, "{") {
			return 10, false
		}
		if strings.Trim(s, "{} ") == "" {
			return 0, true
		}
		return strings.Count(s, ",") + 1, true
	}
	return 10, false
}

// castCost is what converting a value of type from to type to costs: nothing between
// binary-compatible types, an I/O conversion (output then input function) 2, else 1.
func castCost(from *expr, to types.Type, typmod bool) float64 {
	switch {
	case from.typ == to && !typmod:
		if to == types.Text && from.bpchar {
			return 1 // char(n) to text trims its padding (rtrim1)
		}
		return 0
	case from.typ == to:
		return 1 // a length or precision coercion
	case to == types.Text || from.typ == types.Text:
		return 2
	}
	return 1
}

// conjTerm is one top-level AND term of a filter, with what orders it.
type conjTerm struct {
	x    *expr
	cost float64
	// kind places the term among terms of equal cost (conjKind).
	kind conjKind
	pos  int // its position as written, the flattened terms numbered from 0
}

// conjKind is where PostgreSQL's planner puts a term before it sorts the terms by cost.
type conjKind uint8

const (
	// pseudoconstant: reads no column of the row and calls nothing volatile ($1 = 1): a
	// gating qual, tested once before any row (a Result's One-Time Filter).
	pseudoconstant conjKind = iota
	plainTerm
	// equivalence: an equality (a = 1, a + 0 = b) joins an equivalence class, and the
	// planner emits the class's equalities after the node's other quals.
	equivalence
)

// termKind classifies a top-level AND term e, compiled as x.
func termKind(e ast.Expr, x *expr) conjKind {
	if x.conj != nil || isConst(x) {
		return plainTerm
	}
	volatile := callsVolatileTree(e)
	if x.rowFree && !volatile {
		return pseudoconstant
	}
	if b, ok := e.(*ast.BinaryOp); ok && b.Op == "=" && !volatile {
		_, lrow := b.Left.(*ast.Row)
		_, rrow := b.Right.(*ast.Row)
		if !lrow && !rrow {
			return equivalence
		}
	}
	return plainTerm
}

// conjTerms flattens the terms of a AND b into the order a filter tests them: the gating
// (pseudoconstant) terms first, then the others by cost, with equal costs in the order the
// planner lists them (the equalities of equivalence classes after the other terms, each
// group as written).
func conjTerms(a, b conjTerm) *[]conjTerm {
	var ts []conjTerm
	for _, t := range [2]conjTerm{a, b} {
		if t.x.conj == nil {
			ts = append(ts, t)
			continue
		}
		sub := slices.Clone(*t.x.conj)
		slices.SortFunc(sub, func(p, q conjTerm) int { return p.pos - q.pos })
		ts = append(ts, sub...)
	}
	for i := range ts {
		ts[i].pos = i
	}
	slices.SortFunc(ts, func(p, q conjTerm) int {
		if (p.kind == pseudoconstant) != (q.kind == pseudoconstant) {
			if p.kind == pseudoconstant {
				return -1
			}
			return 1
		}
		switch {
		case p.cost < q.cost:
			return -1
		case p.cost > q.cost:
			return 1
		case p.kind != q.kind:
			return int(p.kind) - int(q.kind)
		}
		return p.pos - q.pos
	})
	return &ts
}
