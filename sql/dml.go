package sql

import (
	"context"
	"errors"
	"slices"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// defaults compiles a table's DEFAULT expressions once per schema.
func (s *Session) defaults(schema *types.Schema) ([]*expr, error) {
	if d, ok := s.defaultCache[schema]; ok {
		return d, nil
	}
	d := make([]*expr, len(schema.Columns))
	for i, c := range schema.Columns {
		if c.Default == "" {
			continue
		}
		if isSerialDefault(c.Default) {
			var err error
			if d[i], err = s.serialExpr(schema, i); err != nil {
				return nil, err
			}
			continue
		}
		e, err := parseStoredExpr(c.Default)
		if err != nil {
			return nil, Errorf("XX000", "stored default of column %q does not parse: %v", c.Name, err)
		}
		s.storedExpr = true
		d[i], err = s.compileDefault(e)
		s.storedExpr = false
		if err != nil {
			return nil, err
		}
	}
	if s.defaultCache == nil {
		s.defaultCache = make(map[*types.Schema][]*expr)
	}
	s.defaultCache[schema] = d
	return d, nil
}

// visibleColumns are the positions of the columns a statement without a column list means:
// all but a hidden row id.
func visibleColumns(schema *types.Schema) []int {
	cols := make([]int, 0, len(schema.Columns))
	for i, c := range schema.Columns {
		if !c.Hidden {
			cols = append(cols, i)
		}
	}
	return cols
}

// finishRow checks NOT NULL and encodes a full row into key and value.
func finishRow(bt *boundTable, row []types.Value, key, value []byte) ([]byte, []byte, error) {
	if hasGenerated(bt.schema) {
		if err := computeGenerated(bt.schema, row); err != nil {
			return nil, nil, err
		}
	}
	for i, c := range bt.schema.Columns {
		if c.NotNull && row[i].IsNull() {
			return nil, nil, (&Error{Code: "23502",
				Message: "null value in column \"" + c.Name + "\" of relation \"" + shownTableName(bt.name) + "\" violates not-null constraint",
				Detail:  failingRow(bt.schema, row)}).onTable(bt.name, c.Name, "")
		}
	}
	key, err := types.AppendKey(key[:0], bt.schema, row)
	if err != nil {
		return nil, nil, err
	}
	return key, types.AppendRow(value[:0], bt.schema, row), nil
}

// completeWrite ends a writing statement: the checks the constraint hook left for its end
// (a foreign key's NO ACTION), then its tag.
func completeWrite(tx *tablespace.Txn, out Output, tag string) error {
	if err := tx.StatementEnd(); err != nil {
		return err
	}
	return out.Complete(tag)
}

// primaryKeyTaken reports whether err is the engine's duplicate primary key, not a unique
// constraint's violation the constraint check already reported (which wraps
// tablespace.ErrDuplicateKey too, for the KV API's callers).
func primaryKeyTaken(err error) bool {
	var e *Error
	return errors.Is(err, tablespace.ErrDuplicateKey) && !errors.As(err, &e)
}

// duplicateKey is PostgreSQL's unique violation for the primary key of row.
func duplicateKey(bt *boundTable, row []types.Value) error {
	names, vals := keyText(bt.schema, row)
	return (&Error{Code: "23505",
		Message: "duplicate key value violates unique constraint \"" + pkeyName(bt.schema) + "\"",
		Detail:  "Key (" + names + ")=(" + vals + ") already exists."}).onTable(bt.name, "", pkeyName(bt.schema))
}

// insertTag is INSERT's command tag; a single row's is a constant (no allocation).
func insertTag(n int) string {
	if n == 1 {
		return "INSERT 0 1"
	}
	return "INSERT 0 " + strconv.Itoa(n)
}

// bindInsertSelect plans INSERT ... SELECT. The query's rows are read in full before the
// first insert, so a table copied into itself is copied once.
func (s *Session) bindInsertSelect(bt *boundTable, q *ast.Select, targets []int, subs []*ast.Subscript, named bool, defs []*expr, ps *params, ins *inserter, view bool, overriding byte) (*plan, error) {
	// written are the targets whose values are written; the others (OVERRIDING USER VALUE's
	// identity columns) take their DEFAULTs, which are drawn only for the columns not written.
	written := make([]int, 0, len(targets))
	for _, i := range targets {
		use, err := identityTarget(&bt.schema.Columns[i], overriding)
		if err != nil {
			return nil, err
		}
		if use {
			written = append(written, i)
		}
	}
	root, cols, err := s.bindQuery(q, ps, nil)
	if err != nil {
		return nil, err
	}
	if len(cols) > len(targets) {
		return nil, Errorf("42601", "INSERT has more expressions than target columns")
	}
	if len(cols) < len(targets) && named {
		return nil, Errorf("42601", "INSERT has more target columns than expressions")
	}
	targets = slices.Clone(targets[:len(cols)])
	schema := bt.schema
	defs = slices.Clone(defs)
	elems, err := elementTargets(targets, subs, cols, schema, &scope{params: ps}) // insert_subscript.go
	if err != nil {
		return nil, err
	}
	for _, et := range elems {
		defs[et.col] = nil
	}
	for j, i := range targets {
		if i < 0 {
			continue // a column written by subscripts
		}
		if err := assignableColumn(cols[j], &schema.Columns[i]); err != nil {
			return nil, err
		}
		if slices.Contains(written, i) {
			defs[i] = nil
		} else {
			targets[j] = -1
		}
	}
	return &plan{deps: []dep{{bt.name, schema, true}}, cols: ins.ret.columns(), explainIn: dmlInput{query: root}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		ins.start()
		if view {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		it, err := root.open(ps.ec)
		if err != nil {
			return err
		}
		rows, err := collect(ps.ec, it)
		if err != nil {
			return err
		}
		row := make([]types.Value, len(schema.Columns))
		var key, value []byte
		written := 0
		for n, src := range rows {
			if err := every(ctx, n); err != nil {
				return err
			}
			for i, d := range defs {
				row[i] = types.NullValue
				if d != nil {
					v, err := d.eval(nil)
					if err != nil {
						return err
					}
					if row[i], err = assignExpr(v, d, &schema.Columns[i], ps); err != nil {
						return err
					}
				}
			}
			for j, i := range targets {
				if i < 0 {
					continue
				}
				// A timestamp or date stored in a timestamptz column is read in the session zone.
				if row[i], err = assignAt(src[j], cols[j].Type, cols[j].unknown, &schema.Columns[i], ps.zone(), ps.sess.transactionTime(), ps.order()); err != nil {
					return err
				}
			}
			for _, et := range elems {
				if row[et.col], err = et.x.eval(src); err != nil {
					return err
				}
			}
			if key, value, err = finishRow(bt, row, key, value); err != nil {
				return err
			}
			w, err := ins.insert(ctx, tx, out, row, key, value)
			if err != nil {
				return err
			}
			written += w
		}
		return completeWrite(tx, out, insertTag(written))
	}}, nil
}

// matchingKeys returns the keys of the rows a plan selects. Keys are collected before any row
// changes, so a statement never sees its own writes (no Halloween problem).
func matchingKeys(ec *execCtx, acc *access) ([][]byte, error) {
	var keys [][]byte
	err := acc.visit(ec, func(key []byte, _ []types.Value) error {
		keys = append(keys, append([]byte(nil), key...))
		return nil
	})
	return keys, err
}

// lockAndRecheck locks a row, reads its current image and checks the filter again: another
// transaction may have changed it between the scan and the lock (READ COMMITTED).
func lockAndRecheck(ctx context.Context, tx *tablespace.Txn, acc *access, key []byte, row []types.Value) (bool, error) {
	if tx.ChangedInCompound(acc.table.name, key) {
		return false, nil // another part of a data-modifying WITH changed it (cte_modify.go)
	}
	value, ok, err := tx.GetForUpdate(ctx, acc.table.name, key)
	if err != nil || !ok {
		return false, err
	}
	if err := types.DecodeRow(acc.table.schema, key, value, row); err != nil {
		return false, err
	}
	return qualPasses(acc.filter, row)
}

// bindDelete plans DELETE FROM t [USING ...] [WHERE ...] [RETURNING ...] from its tree (a
// view target already rewritten into its table's: deleteThroughViews).
func (s *Session) bindDelete(d *ast.Delete, ps *params) (*plan, error) {
	if len(d.Using) > 0 {
		if d.CurrentOf != "" {
			return nil, unsupported("WHERE CURRENT OF with USING")
		}
		return s.bindDeleteUsing(d, ps) // DELETE ... USING (dml_join.go)
	}
	bt, err := s.bindWritableTableRef(d.Table, ps)
	if err != nil {
		return nil, err
	}
	ret, err := s.bindReturning(d.Returning, bt)
	if err != nil {
		return nil, err
	}
	acc, err := planAccess(bt, d.Where)
	if err != nil {
		return nil, err
	}
	view := treeReads(d.Returning, d.Where)
	return &plan{deps: []dep{{bt.name, bt.schema, true}}, cols: ret.columns(), explainIn: dmlInput{acc: acc}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		if view {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		keys, err := s.dmlKeys(ps.ec, acc, d.CurrentOf)
		if err != nil {
			return err
		}
		row := make([]types.Value, len(bt.schema.Columns))
		n := 0
		for _, key := range keys {
			if err := ps.ec.check(); err != nil {
				return err
			}
			ok, err := lockDMLRow(ctx, tx, acc, key, row, d.CurrentOf)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := tx.Delete(ctx, bt.name, key); err != nil {
				return err
			}
			if err := ret.emit(out, row); err != nil {
				return err
			}
			n++
		}
		return completeWrite(tx, out, "DELETE "+strconv.Itoa(n))
	}}, nil
}

// checkConstAssign raises, while binding, the error that assigning the constant x to column c
// raises for every row: PostgreSQL coerces a constant to the column's type when it plans the
// statement, so an out-of-range or too long constant fails an INSERT before it draws a serial
// value for a defaulted column (the next row's would differ), and an UPDATE that matches no row.
func checkConstAssign(x *expr, c *types.Column) error {
	if !isConst(x) || x.param > 0 {
		return nil
	}
	v, err := x.eval(nil)
	if err != nil {
		return err
	}
	_, err = assignExpr(v, x, c, nil) // only its error is wanted: the rows' assignments read the session zone
	return err
}
