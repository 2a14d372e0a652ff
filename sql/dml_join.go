package sql

import (
	"context"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// UPDATE t SET ... FROM others WHERE ... and DELETE FROM t USING others WHERE ..., with
// PostgreSQL's meaning: the target joined with the other tables under WHERE; each target row
// that joins is updated (or deleted) once, with the first joined row found (PostgreSQL says
// an arbitrary one), and SET and RETURNING see the joined row. As for a plain UPDATE, the
// joined rows are collected before anything is written; then each target row is locked and
// re-read, and WHERE is checked again on the current image joined with the same other rows
// (a simplified form of PostgreSQL's EvalPlanQual, which would re-run the join).

// dmlJoin is the bound join of an UPDATE ... FROM or DELETE ... USING.
type dmlJoin struct {
	bt     *boundTable
	root   node   // the joined rows
	sc     *scope // their layout: the target's columns first
	where  *expr  // the whole WHERE over a joined row, nil without one
	ret    *returning
	target int // the target's columns in a joined row: [0, target)
}

// bindDMLJoin binds the target (the first of from, a table) joined with the others, under
// where; ret is the RETURNING list (nil: none).
func (s *Session) bindDMLJoin(from []ast.FromItem, where ast.Expr, ps *params, ret []ast.Target) (*dmlJoin, error) {
	t, ok := from[0].(*ast.Table)
	if !ok {
		return nil, unsupported("joins")
	}
	bt, err := s.bindWritableTableRef(t, ps)
	if err != nil {
		return nil, err
	}
	if err := targetNamedOnce(bt.alias, from[1:]); err != nil {
		return nil, err
	}
	root, sc, err := s.bindFrom(from, where, ps, nil, &level{})
	if err != nil {
		return nil, err
	}
	n := len(bt.schema.Columns)
	for i := range n { // bindFrom lays the first table's columns out first
		if len(sc.cols) < n || sc.cols[i].name != bt.schema.Columns[i].Name {
			return nil, unsupported("this target of UPDATE ... FROM or DELETE ... USING")
		}
		sc.cols[i].markUsed() // the scan decodes every column: the key and the new image need them
	}
	j := &dmlJoin{bt: bt, root: root, sc: sc, target: n}
	if where != nil {
		if j.where, err = compileASTBool(where, sc, "WHERE"); err != nil {
			return nil, err
		}
	}
	if ret != nil {
		if j.ret, err = s.bindReturning(ret, &boundTable{scope: sc}); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// joinedRow is a target row's key and the joined row it was found in.
type joinedRow struct {
	key []byte
	row []types.Value
}

// collect runs the join and returns, per target row, its key and first joined row.
func (j *dmlJoin) collect(ec *execCtx) ([]joinedRow, error) {
	it, err := j.root.open(ec)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var out []joinedRow
	for {
		row, err := ec.pull(it)
		if err != nil || row == nil {
			return out, err
		}
		key, err := types.AppendKey(nil, j.bt.schema, row[:j.target])
		if err != nil {
			return nil, err
		}
		if seen[string(key)] {
			continue
		}
		if err := ec.mem.grow(rowBytes(row) + int64(2*len(key)+64)); err != nil {
			return nil, err
		}
		seen[string(key)] = true
		out = append(out, joinedRow{key: key, row: append([]types.Value(nil), row...)})
	}
}

// lock locks a collected row's target, puts its current image into the joined row and
// checks WHERE again; false when the row is gone or no longer matches.
func (j *dmlJoin) lock(ctx context.Context, tx *tablespace.Txn, jr joinedRow) (bool, error) {
	if tx.ChangedInCompound(j.bt.name, jr.key) {
		return false, nil // another part of a data-modifying WITH changed it (cte_modify.go)
	}
	value, ok, err := tx.GetForUpdate(ctx, j.bt.name, jr.key)
	if err != nil || !ok {
		return false, err
	}
	if err := types.DecodeRow(j.bt.schema, jr.key, value, jr.row[:j.target]); err != nil {
		return false, err
	}
	return qualPasses(j.where, jr.row)
}

// bindDeleteUsing plans DELETE FROM t USING others WHERE ...
func (s *Session) bindDeleteUsing(d *ast.Delete, ps *params) (*plan, error) {
	from := append([]ast.FromItem{d.Table}, d.Using...)
	j, err := s.bindDMLJoin(from, d.Where, ps, d.Returning)
	if err != nil {
		return nil, err
	}
	bt := j.bt
	view := treeReads(d.Returning, d.Where)
	return &plan{deps: []dep{{bt.name, bt.schema, true}}, cols: j.ret.columns(), explainIn: dmlInput{query: j.root}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		if view {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		rows, err := j.collect(ps.ec)
		if err != nil {
			return err
		}
		n := 0
		for _, jr := range rows {
			if err := ps.ec.check(); err != nil {
				return err
			}
			ok, err := j.lock(ctx, tx, jr)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := tx.Delete(ctx, bt.name, jr.key); err != nil {
				return err
			}
			if err := j.ret.emit(out, jr.row); err != nil {
				return err
			}
			n++
		}
		return completeWrite(tx, out, "DELETE "+strconv.Itoa(n))
	}}, nil
}

// writeUpdated writes a row's new image: in place, or, when its primary key changed, moved
// to the new key in one checked update (rekeyRow: 23505 if the key is taken).
func writeUpdated(ctx context.Context, tx *tablespace.Txn, bt *boundTable, moved bool, old, key, value []byte, row []types.Value) error {
	if !moved {
		return tx.Update(ctx, bt.name, key, value)
	}
	return rekeyRow(ctx, tx, bt, old, key, value, row)
}

// targetNamedOnce refuses a FROM or USING list that names the target's alias again.
func targetNamedOnce(alias string, others []ast.FromItem) error {
	for _, fi := range others {
		if err := namedOnce(alias, fi); err != nil {
			return err
		}
	}
	return nil
}

func namedOnce(alias string, fi ast.FromItem) error {
	name := ""
	switch fi := fi.(type) {
	case *ast.Join:
		if err := namedOnce(alias, fi.Left); err != nil {
			return err
		}
		return namedOnce(alias, fi.Right)
	case *ast.Table:
		name = fi.Name
		if fi.Alias != nil {
			name = fi.Alias.Name
		}
	case *ast.SubqueryFrom:
		if fi.Alias != nil {
			name = fi.Alias.Name
		}
	}
	if name == alias {
		return Errorf("42712", "table name %q specified more than once", alias)
	}
	return nil
}
