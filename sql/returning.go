package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"

	"github.com/drovedb/drove/types"
)

// returning is a bound RETURNING list: expressions over the row a statement wrote (the new
// image for INSERT and UPDATE, the deleted one for DELETE), sent as result rows. It also
// carries the CHECK OPTION of a view written through, which every written row must pass
// before it is returned.
type returning struct {
	exprs []*expr
	cols  []Column
	out   []types.Value

	checks []boundCheck // the views' conditions over the table's row, in order
	schema *types.Schema
}

// boundCheck is a view's CHECK OPTION condition, compiled.
type boundCheck struct {
	view string
	x    *expr
}

// returningTree converts a RETURNING list of vitess's tree as the binder converts (nil:
// none).
func returningTree(list *sqlparser.SelectExprs) ([]ast.Target, error) {
	if list == nil {
		return nil, nil
	}
	targets, err := (&converter{binder: true}).targets(list.Exprs)
	if err == nil && targets == nil {
		targets = []ast.Target{}
	}
	return targets, err
}

// bindReturning binds targets (nil: no RETURNING) against the target table; nil when the
// statement has neither a list nor a view's CHECK OPTION.
func (s *Session) bindReturning(targets []ast.Target, bt *boundTable) (*returning, error) {
	r := &returning{}
	if ps := bt.scope.params; ps != nil {
		for _, c := range ps.checks {
			x, err := compileCheckOption(c, bt.scope)
			if err != nil {
				return nil, err
			}
			r.checks, r.schema = append(r.checks, boundCheck{c.view, x}), bt.schema
		}
	}
	if targets == nil {
		if r.checks == nil {
			return nil, nil
		}
		return r, nil
	}
	if targetsAggregate(targets) {
		return nil, Errorf("42803", "aggregate functions are not allowed in RETURNING")
	}
	for _, t := range targets {
		if err := noWindowIn(t.Expr, "RETURNING"); err != nil {
			return nil, err
		}
	}
	projs, err := s.projections(targets, bt.scope)
	if err != nil {
		return nil, err
	}
	r.out = make([]types.Value, len(projs))
	for _, p := range projs {
		r.exprs = append(r.exprs, p.x)
		r.cols = append(r.cols, p.col)
	}
	return r, nil
}

// columns is what the plan describes: RETURNING's columns, or none.
func (r *returning) columns() []Column {
	if r == nil {
		return nil
	}
	return r.cols
}

// emit checks row against the view's CHECK OPTION and sends its RETURNING row; it does
// nothing without either.
func (r *returning) emit(out Output, row []types.Value) error {
	if r == nil {
		return nil
	}
	vals, err := r.values(row, r.out)
	if err != nil || vals == nil {
		return err
	}
	return out.Row(vals)
}

// values checks row against the view's CHECK OPTION and evaluates the RETURNING list over it
// into dst (as long as the list), returning it; nil without a list.
func (r *returning) values(row, dst []types.Value) ([]types.Value, error) {
	if r == nil {
		return nil, nil
	}
	for _, c := range r.checks {
		v, err := c.x.eval(row)
		if err != nil {
			return nil, err
		}
		if v.IsNull() || !v.Bool() { // unlike a CHECK constraint's, NULL fails
			return nil, &Error{Code: "44000", Message: "new row violates check option for view \"" + c.view + "\"",
				Detail: failingRow(r.schema, row)}
		}
	}
	if r.exprs == nil {
		return nil, nil
	}
	for i, x := range r.exprs {
		v, err := x.eval(row)
		if err != nil {
			return nil, err
		}
		dst[i] = v
	}
	return dst, nil
}

// compileCheckOption compiles a view's CHECK OPTION condition, of either tree.
func compileCheckOption(c viewCheck, sc *scope) (*expr, error) {
	if c.tree != nil {
		return compileAST(c.tree, sc)
	}
	return compile(c.cond, sc)
}
