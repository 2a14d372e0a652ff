package drove_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	mt "github.com/drovedb/drove/internal/modeltest"
)

// manySQL is the statement of an InsertMany, Upsert, ShiftKeys or InsertSelect on table t
// (the model's table as the statement runs), with its arguments.
func manySQL(t *mt.Table, op mt.Op) (string, []any) {
	cols := "id, " + strings.Join(t.Cols, ", ")
	switch op.Kind {
	case mt.ShiftKeys:
		return "UPDATE " + op.Table + " SET id = id + $1 WHERE id BETWEEN $2 AND $3", []any{op.NewID, op.ID, op.Hi}
	case mt.InsertSelect:
		return "INSERT INTO " + op.Table + " (" + cols + ") SELECT id + $1, " + strings.Join(t.Cols, ", ") + " FROM " +
			op.Table + " WHERE id BETWEEN $2 AND $3", []any{op.NewID, op.ID, op.Hi}
	}
	var args []any
	var rows []string
	for i, id := range op.IDs {
		args = append(args, id)
		ph := []string{fmt.Sprintf("$%d", len(args))}
		for _, c := range t.Cols {
			if v, ok := op.Rows[i][c]; ok {
				args = append(args, v)
			} else {
				args = append(args, nil)
			}
			ph = append(ph, fmt.Sprintf("$%d", len(args)))
		}
		rows = append(rows, "("+strings.Join(ph, ", ")+")")
	}
	q := "INSERT INTO " + op.Table + " (" + cols + ") VALUES " + strings.Join(rows, ", ")
	if op.Kind != mt.Upsert {
		return q, args
	}
	target := "id"
	if op.Target != "" {
		target = op.Target
	}
	if op.DoNothing {
		return q + " ON CONFLICT (" + target + ") DO NOTHING", args
	}
	sets := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		sets[i] = c + " = EXCLUDED." + c
	}
	q += " ON CONFLICT (" + target + ") DO UPDATE SET " + strings.Join(sets, ", ")
	if op.Where != "" {
		args = append(args, op.WhereVal)
		q += fmt.Sprintf(" WHERE %s.%s IS DISTINCT FROM $%d", op.Table, op.Where, len(args))
	}
	return q, args
}

// nextVal draws from the model's sequence on drove alone (PostgreSQL's, never crashed, need
// not skip where drove's may): every value must be above every one drawn before, across
// rolled-back transactions, restarts and crashes.
func (h *modelHarness) nextVal(ctx context.Context, r runner) error {
	if p, ok := r.(pairRunner); ok {
		r = p.d
	}
	rows, err := r.query(ctx, "SELECT nextval('"+mt.Seq+"')")
	if err != nil {
		return err
	}
	if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] == nil {
		return fmt.Errorf("nextval: %v", rowLines(rows))
	}
	v, err := strconv.ParseInt(*rows[0][0], 10, 64)
	if err != nil {
		return err
	}
	if v <= h.seqMax {
		return fmt.Errorf("nextval gave %d, after %d was drawn", v, h.seqMax)
	}
	h.seqMax = v
	return nil
}
