package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// Aggregate FILTER (WHERE cond). vitess has no FILTER clause: the dialect pass's agg-filter
// rule writes `agg(args) FILTER (WHERE cond)` as `drove_agg_filter(agg(args), cond)`, a call
// user text may not make (pgcheck.go), and aggBinder binds it as the aggregate with a
// filter: a row whose cond is not true is not folded into it.

// aggFilterFunc is the internal function that carries FILTER.
const aggFilterFunc = "drove_agg_filter"

// aggFilterNext reports whether FILTER follows a call and opens its (WHERE ...).
func (r *rewriter) aggFilterNext() bool {
	return r.prev.IsPunct(")") && r.nextIs("(") && r.peek(1).Is("where")
}

// emitAggFilter wraps the call just written and turns "(WHERE" into its second argument;
// the clause's ")" closes the wrapper.
func emitAggFilter(r *rewriter, _ string) error {
	start := r.operandStart
	if err := r.insertAt(start, aggFilterFunc+"("); err != nil {
		return err
	}
	r.chain.punct('(', r.depth)
	r.skip(2)
	r.b.WriteByte(',')
	r.parens = append(r.parens, openParen{start: start, aggFilter: true})
	r.depth++
	r.setClause("")
	r.lastWord = ""
	return nil
}

// aggFilterCall returns the aggregate and condition of a drove_agg_filter call.
func aggFilterCall(e sqlparser.Expr) (agg, cond sqlparser.Expr, ok bool) {
	f, ok := e.(*sqlparser.FuncExpr)
	if !ok || !f.Qualifier.IsEmpty() || f.Name.Lowered() != aggFilterFunc || len(f.Exprs) != 2 {
		return nil, nil, false
	}
	return f.Exprs[0], f.Exprs[1], true
}

// bindFilteredAggregate binds agg FILTER (WHERE cond).
func (ab *aggBinder) bindFilteredAggregate(agg, cond sqlparser.Expr) (*aggSpec, error) {
	if _, ok := agg.(sqlparser.AggrFunc); !ok {
		return nil, filterOnNonAggregate(agg)
	}
	if wf, ok := agg.(sqlparser.WindowFunc); ok && wf.GetOverClause() != nil {
		return nil, unsupported("FILTER on a window function")
	}
	if hasAggregate([]sqlparser.SelectExpr{&sqlparser.AliasedExpr{Expr: cond}}) {
		return nil, Errorf("42803", "aggregate functions are not allowed in FILTER")
	}
	spec, err := ab.bindAggregate(agg)
	if err != nil {
		return nil, err
	}
	if spec.filter, err = compileBool(cond, ab.input); err != nil {
		return nil, err
	}
	return spec, nil
}

// passes reports whether a row is folded into the aggregate: its FILTER holds.
func (a *aggSpec) passes(row []types.Value) (bool, error) {
	if a.filter == nil {
		return true, nil
	}
	v, err := a.filter.eval(row)
	return err == nil && !v.IsNull() && v.Bool(), err
}

// filterOnNonAggregate is PostgreSQL's error for FILTER after a call of a plain function.
func filterOnNonAggregate(call sqlparser.Expr) error {
	return Errorf("42809", "FILTER specified, but %s is not an aggregate function", columnName(call))
}
