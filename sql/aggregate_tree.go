package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Aggregate calls are bound from sql/ast (sql/DESIGN.md, "Moving the binder onto the tree",
// step 2): an ast.FuncCall of an aggregate's name without OVER, with its DISTINCT, ORDER BY,
// WITHIN GROUP and FILTER as the converter read them from vitess's aggregate nodes and the
// dialect pass's marker calls. Window calls are bound in window_bind.go.

// aggregateNames are the aggregates drove binds: the five vitess parses and those the
// marker-agg rule writes (dialect_aggs.go).
var aggregateNames = func() map[string]bool {
	m := map[string]bool{"count": true, "sum": true, "avg": true, "min": true, "max": true}
	for _, name := range strings.Fields(markerAggregates) {
		m[name] = true
	}
	return m
}()

// plainAggregates are the aggregates aggNode folds itself (aggCountStar ... aggMax).
var plainAggregates = map[string]aggKind{"count": aggCount, "sum": aggSum, "avg": aggAvg, "min": aggMin, "max": aggMax}

// isAggregate reports whether f is an aggregate call (not a window function): one of an
// aggregate's name, or any call with WITHIN GROUP, which only an aggregate may have (binding
// it reports a function drove does not have, 42883, as PostgreSQL does).
func isAggregate(f *ast.FuncCall) bool {
	return f.Over == nil && len(f.Name) == 1 && (aggregateNames[f.Name[0]] || f.WithinGroup)
}

// walkOwnLevel walks n as ast.Walk does but not into a subquery's query (a SubLink's left
// operand is walked): what that holds is of its own query level.
func walkOwnLevel(n ast.Node, visit func(ast.Node) bool) {
	var own func(ast.Node) bool
	own = func(n ast.Node) bool {
		if s, ok := n.(*ast.SubLink); ok {
			if visit(n) && s.Left != nil {
				ast.Walk(s.Left, own)
			}
			return false
		}
		return visit(n)
	}
	ast.Walk(n, own)
}

// hasAggregateTree reports whether an aggregate call appears in e, outside subqueries and
// window calls.
func hasAggregateTree(e ast.Expr) bool {
	found := false
	walkOwnLevel(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncCall:
			if n.Over != nil {
				return false
			}
			found = found || isAggregate(n)
		case *ast.Foreign:
			found = found || hasAggregate([]sqlparser.SelectExpr{&sqlparser.AliasedExpr{Expr: n.Node.(sqlparser.Expr)}})
			return false
		}
		return !found
	})
	return found
}

// compileAggregate compiles an aggregate call: the enclosing query's when its arguments read
// only that query's columns (outeragg.go), else this aggregated query's.
func compileAggregate(f *ast.FuncCall, sc *scope) (*expr, error) {
	if o := aggregateOwnerTree(f, sc); o != nil {
		if err := checkDirectLevel(f, sc, o); err != nil {
			return nil, err
		}
		return readOuterAggregate(sc, o, func() (*expr, error) { return o.agg.resolveAggregate(f) })
	}
	if sc.agg == nil {
		return nil, Errorf("42803", "aggregate functions are not allowed here")
	}
	return sc.agg.resolveAggregate(f)
}

// resolveAggregate is the slot of aggregate call f, bound once however often it is written.
func (ab *aggBinder) resolveAggregate(f *ast.FuncCall) (*expr, error) {
	for i, a := range ab.aggTrees {
		if a != nil && ab.sameTree(reflectOf(f), reflectOf(a)) {
			return ab.aggSlot(i), nil
		}
	}
	spec, err := ab.bindAggregateTree(f)
	if err != nil {
		return nil, err
	}
	ab.aggs = append(ab.aggs, spec)
	ab.aggTrees = append(ab.aggTrees, f)
	return ab.aggSlot(len(ab.aggs) - 1), nil
}

// bindAggregateTree binds an aggregate call and its FILTER (WHERE cond): a row whose cond
// is not true is not folded into it.
func (ab *aggBinder) bindAggregateTree(f *ast.FuncCall) (*aggSpec, error) {
	if f.Filter != nil && hasAggregateTree(f.Filter) {
		return nil, Errorf("42803", "aggregate functions are not allowed in FILTER")
	}
	spec, err := ab.bindCall(&aggSpec{}, f)
	if err != nil || f.Filter == nil {
		return spec, err
	}
	if spec.filter, err = compileASTBool(f.Filter, ab.input, "FILTER"); err != nil {
		return nil, err
	}
	return spec, nil
}

// bindCall binds the call by its name: count(*); count, sum, avg, min and max, which
// aggNode folds (with an ORDER BY of their own that does not change them); the json
// aggregates; the others as an aggCall.
func (ab *aggBinder) bindCall(spec *aggSpec, f *ast.FuncCall) (*aggSpec, error) {
	name := f.Name[0]
	if err := refusedCall(f, ab.input); err != nil { // count()
		return nil, err
	}
	if f.Star && name != "count" {
		return nil, noFunction(name, nil) // sum(*) is sum() in PostgreSQL
	}
	if f.Star {
		spec.kind, spec.typ = aggCountStar, types.Int64
		return spec, nil
	}
	switch name {
	case "jsonb_agg", "json_agg", "jsonb_object_agg", "json_object_agg":
		return ab.bindJSONAgg(spec, name, f)
	}
	if kind, ok := plainAggregates[name]; ok && !f.WithinGroup {
		if len(f.OrderBy) > 0 {
			return ab.bindPlainOrdered(spec, kind, name, f)
		}
		return ab.bindPlain(spec, kind, name, f)
	}
	return ab.bindCallAgg(spec, name, f)
}

// bindPlain binds count, sum, avg, min or max of one argument.
func (ab *aggBinder) bindPlain(spec *aggSpec, kind aggKind, name string, f *ast.FuncCall) (*aggSpec, error) {
	if len(f.Args) != 1 {
		return nil, Errorf("42883", "function %s with %d arguments does not exist", name, len(f.Args))
	}
	spec.kind, spec.distinct = kind, f.Distinct
	args, err := ab.aggArgs(f.Args, false)
	if err != nil {
		return nil, err
	}
	x := args[0]
	if x.unknown {
		x.unknown, x.typ = false, types.Text
	}
	spec.arg = x
	t := x.typ
	switch spec.kind {
	case aggCount:
		spec.typ = types.Int64
	case aggSum, aggAvg:
		if familyOf(t) != famNumeric && t != types.Interval {
			return nil, Errorf("42883", "function %s(%s) does not exist", name, t)
		}
		if spec.typ, err = sumType(spec.kind == aggAvg, t); err != nil {
			return nil, err
		}
	case aggMin, aggMax:
		if t == types.Bool || t == types.Bytea || t.IsRecord() { // PostgreSQL has no max(record)
			return nil, Errorf("42883", "function %s(%s) does not exist", name, t)
		}
		spec.typ = t
	}
	return spec, nil
}

// aggregateOwnerTree finds the scope of the query an aggregate call compiled in sc belongs
// to: nil for sc's own query level, else the enclosing scope its innermost column reference
// resolves in (an aggregated query's scope, whose aggBinder holds that query's FROM
// columns). An aggregate without column references, or with one that does not resolve, is
// its own level's (compile reports the missing column).
//
// An ordered-set aggregate's level is its WITHIN GROUP key's and FILTER's, as PostgreSQL's
// check_agg_arguments finds it: its direct arguments, evaluated once per group, do not count.
func aggregateOwnerTree(f *ast.FuncCall, sc *scope) *scope {
	o := &ownerSearch{sc: sc, depth: -1}
	for _, n := range aggregatedParts(f) {
		o.tree(n)
	}
	return o.result()
}

// aggregatedParts are the parts of aggregate call f whose columns decide its level.
func aggregatedParts(f *ast.FuncCall) []ast.Node {
	if !f.WithinGroup {
		return []ast.Node{f}
	}
	parts := []ast.Node{}
	for _, s := range f.OrderBy {
		parts = append(parts, s.Expr)
	}
	if f.Filter != nil {
		parts = append(parts, f.Filter)
	}
	return parts
}

// tree visits the column references of the sql/ast node n.
func (o *ownerSearch) tree(n ast.Node) {
	ast.Walk(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ColumnRef:
			if !n.Star {
				o.column(columnRef(n))
			}
		case *ast.Foreign:
			o.vitess(n.Node.(sqlparser.Expr))
			return false
		case *ast.SubLink:
			if n.Left != nil {
				o.tree(n.Left)
			}
			o.subquery(n.Select)
			return false
		}
		return !o.here
	})
}

// checkDirectLevel refuses an ordered-set aggregate of the enclosing query of scope owner
// (found depth scopes out) whose direct arguments read a column of a query inside that one:
// PostgreSQL evaluates them once per group of the aggregate's own query (42803).
func checkDirectLevel(f *ast.FuncCall, sc, owner *scope) error {
	if !f.WithinGroup || owner == nil {
		return nil
	}
	o := &ownerSearch{sc: sc, depth: -1}
	for _, a := range f.Args {
		o.tree(a)
	}
	if o.here || o.owner != nil && !encloses(o.owner, owner) {
		return Errorf("42803", "outer-level aggregate cannot contain a lower-level variable in its direct arguments")
	}
	return nil
}

// encloses reports whether scope outer is s or one of its enclosing scopes.
func encloses(outer, s *scope) bool {
	for ; s != nil; s = s.outer {
		if s == outer {
			return true
		}
	}
	return false
}
