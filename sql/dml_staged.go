package sql

import (
	"bytes"
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// A subquery in an UPDATE's or DELETE's WHERE, SET or RETURNING reads the statement's
// snapshot in PostgreSQL: it never sees rows the statement itself has written. drove's
// subqueries read through the transaction, so such a statement stages its rows instead:
// every row is matched, computed and its RETURNING evaluated before the first is written
// (UPDATE cs SET n = (SELECT sum(n) FROM cs c2 WHERE c2.id <= cs.id) otherwise sums the sums
// of the rows before). Statements without a subquery write as they go, keeping nothing.

// readsInStatement reports whether a statement's WHERE, SET list or RETURNING list holds a
// subquery.
func readsInStatement(where *sqlparser.Where, sets sqlparser.UpdateExprs, ret *sqlparser.SelectExprs) bool {
	if where != nil && where.Expr != nil && hasSubquery(where.Expr) {
		return true
	}
	for _, s := range sets {
		if hasSubquery(s.Expr) {
			return true
		}
	}
	if ret != nil {
		for _, e := range ret.Exprs {
			if ae, ok := e.(*sqlparser.AliasedExpr); ok && hasSubquery(ae.Expr) {
				return true
			}
		}
	}
	return false
}

// staged is the rows of a statement that writes only after computing them all.
type staged struct {
	ret  *returning
	rows []stagedRow
}

type stagedRow struct {
	old, key, value []byte
	row             []types.Value
	out             []types.Value // its RETURNING row, evaluated before any write; nil: none
	write           func(old, key, value []byte, row []types.Value) error
}

// newStaged returns where a statement stages its rows, or nil when it need not (on).
func newStaged(on bool, ret *returning) *staged {
	if !on {
		return nil
	}
	return &staged{ret: ret}
}

// add stages one row (copying what the caller reuses) after evaluating its RETURNING over
// retRow (the row itself, or the joined row of UPDATE ... FROM).
func (s *staged) add(old, key, value []byte, row, retRow []types.Value, write func(old, key, value []byte, row []types.Value) error) error {
	out, err := s.ret.values(retRow, make([]types.Value, len(s.ret.columns())))
	if err != nil {
		return err
	}
	s.rows = append(s.rows, stagedRow{old: bytes.Clone(old), key: bytes.Clone(key), value: bytes.Clone(value),
		row: slices.Clone(row), out: out, write: write})
	return nil
}

// flush writes the staged rows in order, then sends their RETURNING rows; n plus the rows
// written is returned. A nil s has nothing staged.
func (s *staged) flush(out Output, n int) (int, error) {
	if s == nil {
		return n, nil
	}
	for _, r := range s.rows {
		if err := r.write(r.old, r.key, r.value, r.row); err != nil {
			return n, err
		}
	}
	for _, r := range s.rows {
		if r.out != nil {
			if err := out.Row(r.out); err != nil {
				return n, err
			}
		}
	}
	return n + len(s.rows), nil
}

// valuesRead reports whether an INSERT's VALUES list holds a subquery: then every row is
// evaluated before the first is inserted, so no subquery sees the statement's own rows.
func valuesRead(values sqlparser.Values) bool {
	for _, tuple := range values {
		for _, e := range tuple {
			if hasSubquery(e) {
				return true
			}
		}
	}
	return false
}

// evalValuesRow evaluates one row of an INSERT's VALUES (exprs by column; nil is NULL) into row.
func evalValuesRow(exprs []*expr, row []types.Value, schema *types.Schema) error {
	for i, x := range exprs {
		row[i] = types.NullValue
		if x == nil {
			continue
		}
		v, err := x.eval(nil)
		if err != nil {
			return err
		}
		if row[i], err = assignExpr(v, x, &schema.Columns[i]); err != nil {
			return err
		}
	}
	return nil
}
