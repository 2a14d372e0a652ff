package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// returning is a bound RETURNING list: expressions over the row a statement wrote (the new
// image for INSERT and UPDATE, the deleted one for DELETE), sent as result rows.
type returning struct {
	exprs []*expr
	cols  []Column
	out   []types.Value
}

// bindReturning binds list against the target table; nil when the statement has none.
func (s *Session) bindReturning(list *sqlparser.SelectExprs, bt *boundTable) (*returning, error) {
	if list == nil {
		return nil, nil
	}
	if hasAggregate(list.Exprs) {
		return nil, Errorf("42803", "aggregate functions are not allowed in RETURNING")
	}
	projs, err := s.projections(list, bt.scope)
	if err != nil {
		return nil, err
	}
	r := &returning{out: make([]types.Value, len(projs))}
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

// emit sends the RETURNING row for row; it does nothing without RETURNING.
func (r *returning) emit(out Output, row []types.Value) error {
	if r == nil {
		return nil
	}
	for i, x := range r.exprs {
		v, err := x.eval(row)
		if err != nil {
			return err
		}
		r.out[i] = v
	}
	return out.Row(r.out)
}
