package sql

import (
	"fmt"
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The aggregates the dialect pass writes as a marker GROUP_CONCAT (dialect_aggs.go) other
// than the json ones: string_agg, array_agg, bool_and/bool_or/every, bit_and/bit_or/bit_xor,
// the variances and standard deviations, the two-variable statistics (corr, covar_*,
// regr_*) and the ordered-set aggregates percentile_cont, percentile_disc and mode. Each
// folds its rows into an aggAcc; with DISTINCT, ORDER BY or WITHIN GROUP the rows are kept,
// counted against the query's memory limit, and folded in order when the group is done.

// aggAcc is one group's running state of an aggregate call.
type aggAcc interface {
	add(args []types.Value) (kept int64, err error) // kept: the bytes it holds on to
	result() (types.Value, error)
}

// aggCall is a bound aggregate call.
type aggCall struct {
	name     string
	args     []*expr // the aggregated arguments (an ordered-set aggregate's: its WITHIN GROUP key)
	direct   []*expr // an ordered-set aggregate's direct arguments
	order    []*expr // ORDER BY, after args in a kept row
	sort     []sortKey
	distinct bool
	keep     bool // rows are kept and folded at the end
	// strict skips a row whose arguments are NULL (string_agg: whose value is NULL)
	strict, strictFirst bool
	width               int // the input row's columns, for direct arguments over no rows
	typ                 types.Type
	newAcc              func(direct []types.Value) (aggAcc, error)
}

// bindCallAgg binds name(args ORDER BY ...) or name(direct) WITHIN GROUP (ORDER BY ...).
func (ab *aggBinder) bindCallAgg(spec *aggSpec, name string, f *ast.FuncCall) (*aggSpec, error) {
	within := f.WithinGroup
	c := &aggCall{name: name, distinct: f.Distinct, width: len(ab.input.cols)}
	orderedSet := orderedSetAggregates[name] || hypotheticalAggregates[name] && within
	if within && orderedSet {
		if err := ab.groupedOnly(f.Args); err != nil {
			return nil, err
		}
	}
	args, err := ab.aggArgs(f.Args, within)
	if err != nil {
		return nil, err
	}
	if orderedSet != within { // PostgreSQL finds no such function
		if err := unknownAsText(args); err != nil {
			return nil, err
		}
		if within && len(f.OrderBy) > 0 {
			more, err := ab.aggArgs([]ast.Expr{f.OrderBy[0].Expr}, false)
			if err != nil {
				return nil, err
			}
			args = append(args, more...)
		}
		if err := withinGroupError(name, args, within); err != nil {
			return nil, err
		}
		return nil, noFunction(name, args)
	}
	var distinctArgs []ast.Expr
	if c.distinct {
		distinctArgs = f.Args
	}
	order, sort, err := ab.aggOrder(f.OrderBy, distinctArgs)
	if err != nil {
		return nil, err
	}
	if within {
		c.direct, c.args, c.sort, c.keep = args, order, sort, true
		if hypotheticalAggregates[name] {
			err = c.bindHypothetical() // hypothetical.go
		} else {
			err = c.bindOrderedSet()
		}
	} else {
		c.args, c.order, c.keep = args, order, c.distinct || len(order) > 0
		for i := range sort {
			sort[i].pos += len(args)
		}
		c.sort = sort
		err = c.bindPlain()
	}
	if err != nil {
		return nil, err
	}
	spec.kind, spec.call = aggCallKind, c
	spec.typ, spec.arg = c.typ, c.args[0]
	return spec, nil
}

// withinGroupError is PostgreSQL's 42809 for an aggregate called with WITHIN GROUP that is
// not an ordered-set one, or an ordered-set one called without it, when its arguments
// (direct and ordering ones together) match one of its signatures; nil when none does,
// which is 42883 as for any function.
func withinGroupError(name string, args []*expr, within bool) error {
	def := funcRegistry[name]
	if def == nil || def.kind != 'a' || len(def.procs) == 0 {
		return nil
	}
	if _, err := resolveFunc(name, def.procs, args); err != nil {
		return nil
	}
	if within {
		return Errorf("42809", "%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP", name)
	}
	return Errorf("42809", "WITHIN GROUP is required for ordered-set aggregate %s", name)
}

// aggArgs compiles an aggregate's arguments. An ordered-set aggregate's direct arguments
// (direct) may call an enclosing query's aggregates, as in PostgreSQL: they are evaluated once
// per group, not folded.
func (ab *aggBinder) aggArgs(exprs []ast.Expr, direct bool) ([]*expr, error) {
	args := make([]*expr, len(exprs))
	for i, e := range exprs {
		if nested := hasAggregateTree(e); nested && (!direct || hasOwnAggregate([]ast.Expr{e}, ab.input)) {
			return nil, Errorf("42803", "aggregate function calls cannot be nested")
		}
		x, err := compileAST(e, ab.input)
		if err != nil {
			return nil, err
		}
		args[i] = x
	}
	return args, nil
}

// aggOrder compiles an aggregate's ORDER BY; with DISTINCT (distinctArgs non-nil) its keys
// must be arguments, as in PostgreSQL.
func (ab *aggBinder) aggOrder(by []ast.SortBy, distinctArgs []ast.Expr) ([]*expr, []sortKey, error) {
	var order []*expr
	var sort []sortKey
	for _, o := range by {
		if hasAggregateTree(o.Expr) {
			return nil, nil, Errorf("42803", "aggregate function calls cannot be nested")
		}
		if distinctArgs != nil && !slices.ContainsFunc(distinctArgs, func(e ast.Expr) bool { return ab.sameTree(reflectOf(e), reflectOf(o.Expr)) }) {
			return nil, nil, Errorf("42P10", "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list")
		}
		x, err := compileAST(o.Expr, ab.input)
		if err != nil {
			return nil, nil, err
		}
		if x.unknown {
			if x, err = castLiteral(x, types.Text); err != nil {
				return nil, nil, err
			}
		}
		nullsFirst := o.Desc
		if o.Nulls != ast.NullsDefault {
			nullsFirst = o.Nulls == ast.NullsFirst
		}
		sort = append(sort, sortKey{pos: len(order), desc: o.Desc, nullsFirst: nullsFirst, trim: x.bpchar})
		order = append(order, x)
	}
	return order, sort, nil
}

// isMarkerLiteral reports whether e is the string constant m.
func isMarkerLiteral(e sqlparser.Expr, m string) bool {
	lit, ok := e.(*sqlparser.Literal)
	return ok && lit.Type == sqlparser.StrVal && lit.Val == m
}

// step folds one input row into the call's state.
func (c *aggCall) step(ec *execCtx, st *aggState, row []types.Value) error {
	vals := make([]types.Value, len(c.args)+len(c.order))
	for i, x := range c.args {
		v, err := x.eval(row)
		if err != nil {
			return err
		}
		if v.IsNull() && (c.strict || c.strictFirst && i == 0) {
			return nil
		}
		vals[i] = v
	}
	if c.keep {
		for i, x := range c.order {
			v, err := x.eval(row)
			if err != nil {
				return err
			}
			vals[len(c.args)+i] = v
		}
		if st.direct == nil && len(c.direct) > 0 {
			if err := c.evalDirect(st, row); err != nil {
				return err
			}
		}
		st.kept = append(st.kept, vals)
		return ec.mem.grow(rowBytes(vals) + 24)
	}
	if st.acc == nil {
		acc, err := c.newAcc(nil)
		if err != nil {
			return err
		}
		st.acc = acc
	}
	kept, err := st.acc.add(vals)
	if err != nil || kept == 0 || ec == nil { // a window's rows are counted by its node
		return err
	}
	return ec.mem.grow(kept)
}

// evalDirect evaluates an ordered-set aggregate's direct arguments, once per group.
func (c *aggCall) evalDirect(st *aggState, row []types.Value) error {
	if row == nil {
		row = make([]types.Value, c.width)
		for i := range row {
			row[i] = types.Value{T: types.Null, Null: true}
		}
	}
	st.direct = make([]types.Value, len(c.direct))
	for i, x := range c.direct {
		v, err := x.eval(row)
		if err != nil {
			return err
		}
		st.direct[i] = v
	}
	return nil
}

// result folds the kept rows, in order, and returns the aggregate's value.
func (c *aggCall) result(st *aggState) (types.Value, error) {
	if !c.keep {
		if st.acc == nil {
			acc, err := c.newAcc(nil)
			if err != nil {
				return types.Value{}, err
			}
			st.acc = acc
		}
		return st.acc.result()
	}
	if st.direct == nil && len(c.direct) > 0 {
		if err := c.evalDirect(st, nil); err != nil {
			return types.Value{}, err
		}
	}
	acc, err := c.newAcc(st.direct)
	if err != nil || acc == nil {
		return types.Value{T: c.typ, Null: true}, err
	}
	rows := slices.Clone(st.kept)
	if c.distinct && len(c.sort) == 0 {
		keys := make([]sortKey, len(c.args))
		for i := range keys {
			keys[i] = sortKey{pos: i, trim: c.args[i].bpchar}
		}
		slices.SortStableFunc(rows, func(a, b []types.Value) int { return compareRows(keys, a, b) })
	} else {
		slices.SortStableFunc(rows, func(a, b []types.Value) int { return compareRows(c.sort, a, b) })
	}
	var prev []types.Value
	for _, r := range rows {
		if c.distinct && prev != nil && c.sameArgs(prev, r) {
			continue
		}
		prev = r
		if _, err := acc.add(r[:len(c.args)]); err != nil {
			return types.Value{}, err
		}
	}
	v, err := acc.result()
	if v.IsNull() {
		v.T = c.typ
	}
	return v, err
}

// sameArgs reports whether two kept rows have equal arguments (NULLs equal), for DISTINCT.
func (c *aggCall) sameArgs(a, b []types.Value) bool {
	for i, x := range c.args {
		v, w := a[i], b[i]
		if v.IsNull() || w.IsNull() {
			if v.IsNull() != w.IsNull() {
				return false
			}
			continue
		}
		if compareChar(v, w, x.bpchar) != 0 {
			return false
		}
	}
	return true
}

// bindPlainOrdered binds count, sum, avg, min or max with an ORDER BY of its own (the
// plain-agg-order rule): the ORDER BY is checked as PostgreSQL checks it (its columns exist,
// no aggregate inside, with DISTINCT only arguments) and dropped, since these aggregates do
// not depend on the order of their rows.
func (ab *aggBinder) bindPlainOrdered(spec *aggSpec, kind aggKind, name string, f *ast.FuncCall) (*aggSpec, error) {
	var distinctArgs []ast.Expr
	if f.Distinct {
		distinctArgs = f.Args
	}
	if _, _, err := ab.aggOrder(f.OrderBy, distinctArgs); err != nil {
		return nil, err
	}
	if name != "count" && len(f.Args) != 1 || len(f.Args) == 0 {
		args, err := ab.aggArgs(f.Args, false)
		if err != nil {
			return nil, err
		}
		if err := unknownAsText(args); err != nil {
			return nil, err
		}
		return nil, noFunction(name, args)
	}
	return ab.bindPlain(spec, kind, name, f)
}

// groupedOnly refuses an ordered-set aggregate's direct argument that reads a column of the
// input rows neither grouped nor inside a grouped expression: it is evaluated once per group,
// as in PostgreSQL (42803).
func (ab *aggBinder) groupedOnly(direct []ast.Expr) error {
	var err error
	ungrouped := func(c colRef) {
		i, _ := ab.input.lookupRef(c)
		if i < 0 || slices.Contains(ab.groupCols, i) || ab.dependsOnGroup(i) || err != nil {
			return
		}
		col := ab.input.cols[i]
		err = &Error{Code: "42803", Message: fmt.Sprintf("column \"%s.%s\" must appear in the GROUP BY clause or be used in an aggregate function", col.table, col.name),
			Detail: "Direct arguments of an ordered-set aggregate must use only grouped columns."}
	}
	visit := func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && ab.groupOf(x) >= 0 {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncCall: // an enclosing query's aggregate (one of this query's is nested)
			if isAggregate(x) {
				return false
			}
		case *ast.ColumnRef:
			if !x.Star {
				ungrouped(columnRef(x))
			}
		case *ast.Foreign: // its columns, read as written
			_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
				switch c := n.(type) {
				case *sqlparser.Subquery:
					return false, nil
				case *sqlparser.ColName:
					ungrouped(refOf(c))
				}
				return err == nil, nil
			}, x.Node.(sqlparser.Expr))
			return false
		}
		return err == nil
	}
	for _, e := range direct {
		walkOwnLevel(e, visit) // a subquery's columns, as a Foreign's, are not read here
	}
	return err
}
