package sql

import (
	"strings"

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
	r.parens = append(r.parens, openParen{start: start, aggFilter: true, filterComma: r.b.Len()})
	r.b.WriteByte(',')
	r.depth++
	r.setClause("")
	r.lastWord = ""
	return nil
}

// windowFilterFunc carries the FILTER of a window aggregate into its argument (see
// windowFilter).
const windowFilterFunc = "drove_window_filter"

// windowAggregates are the aggregates drove computes over a window, which may have a FILTER.
var windowAggregates = map[string]bool{"count": true, "sum": true, "avg": true, "min": true, "max": true}

// nonAggregateWindowFunctions are PostgreSQL's window functions that are not aggregates.
var nonAggregateWindowFunctions = map[string]bool{"row_number": true, "rank": true, "dense_rank": true,
	"percent_rank": true, "cume_dist": true, "ntile": true, "lag": true, "lead": true, "first_value": true,
	"last_value": true, "nth_value": true}

// windowFilter rewrites agg(args) FILTER (WHERE cond), followed by OVER, whose
// drove_agg_filter(agg(args), cond is written from start with its comma at p.filterComma,
// into agg(drove_window_filter((cond), args)) (count(*): args 1), which the OVER clause then
// follows as vitess reads it. The aggregates a window computes skip NULL arguments, so
// filtering a row out is giving it a NULL argument: the converter reads the call back as
// FILTER, which the binder compiles as CASE WHEN cond THEN args END (windowFilterArg).
func (r *rewriter) windowFilter(p openParen) error {
	call := strings.TrimSpace(r.b.String()[p.start+len(aggFilterFunc)+1 : p.filterComma])
	cond := r.b.String()[p.filterComma+1 : r.b.Len()-1] // without the FILTER's ")", written
	open := strings.IndexByte(call, '(')
	if open < 0 || !strings.HasSuffix(call, ")") {
		return unsupported("FILTER on a window function")
	}
	name, args := strings.ToLower(strings.TrimSpace(call[:open])), strings.TrimSpace(call[open+1:len(call)-1])
	switch {
	case nonAggregateWindowFunctions[name]:
		return Errorf("0A000", "FILTER is not implemented for non-aggregate window functions")
	case !windowAggregates[name] || args == "" || strings.HasPrefix(strings.ToLower(args), "distinct"):
		return unsupported("FILTER on a window function")
	case args == "*":
		args = "1"
	}
	out := name + "(" + windowFilterFunc + "((" + cond + "), " + args + "))"
	r.b.truncate(p.start)
	r.rewound(p.start)
	r.b.WriteString(out)
	return nil
}

// windowFilterCall returns the condition and argument of a drove_window_filter call.
func windowFilterCall(e *sqlparser.FuncExpr) (cond, arg sqlparser.Expr, ok bool) {
	if !e.Qualifier.IsEmpty() || e.Name.Lowered() != windowFilterFunc || len(e.Exprs) != 2 {
		return nil, nil, false
	}
	return e.Exprs[0], e.Exprs[1], true
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
func filterOnNonAggregate(name string) error {
	return Errorf("42809", "FILTER specified, but %s is not an aggregate function", name)
}
