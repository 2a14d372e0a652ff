package sql

import (
	"context"
	"errors"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// inserter writes the rows of one INSERT: plain, ON CONFLICT DO NOTHING, ON CONFLICT DO
// UPDATE SET (whose expressions see the existing row and, as "excluded", the proposed one) or
// HerdDB's UPSERT (the proposed row replaces the existing one).
type inserter struct {
	bt       *boundTable
	conflict *conflictClause
	sets     []assignment
	where    *expr // DO UPDATE's WHERE, over the existing row ++ the proposed one
	ret      *returning
	both     []types.Value // existing row ++ proposed row, for DO UPDATE's expressions
	next     []types.Value
	touched  map[string]bool // DO UPDATE: keys this execution already wrote
	// arbiters are the unique indexes a conflict target names when it is not the primary key:
	// a row whose values one of them holds already is the conflict, found before the insert.
	arbiters []types.Index
	pkFirst  bool // arbiters are anyArbiters: the primary key is checked before them
	key      []byte
	value    []byte
	// ps is the statement's: DO UPDATE's values are assigned in its session's zone.
	ps *params
}

// assignment is one SET col = x.
type assignment struct {
	col int
	x   *expr
	sub bool // x assigns an element or slice (arrayassign.go): another such may follow
}

// start readies the inserter for one execution of its plan, which a prepared statement (or
// a query text in the session's cache) runs many times: only keys written by this execution
// make DO UPDATE fail with 21000.
func (ins *inserter) start() { clear(ins.touched) }

// insert writes one full row (key and value already encoded) and returns how many rows it
// inserted or updated.
func (ins *inserter) insert(ctx context.Context, tx *tablespace.Txn, out Output, row []types.Value, key, value []byte) (int, error) {
	bt := ins.bt
	c := ins.conflict
	// PostgreSQL checks a new row's CHECK constraints before any unique index or arbiter:
	// a row one refuses fails (23514) even where it clashes on a key, and ON CONFLICT never
	// skips it or updates the existing row for it.
	if err := checkRow(bt.schema, row); err != nil {
		return 0, err
	}
	if ins.pkFirst && len(ins.arbiters) > 0 {
		// DO NOTHING without a target: the primary key is the first index checked.
		if _, found, err := tx.Get(bt.name, key); err != nil || found {
			return 0, err
		}
	}
	if len(ins.arbiters) > 0 {
		// As PostgreSQL's speculative insertion: the arbiters are checked first, so only a
		// clash on them is the conflict; one on another key (the primary key too) is 23505.
		existing, found, err := ins.arbiterConflict(ctx, tx, row)
		if err != nil {
			return 0, err
		}
		if found {
			if !c.update {
				return 0, nil
			}
			return ins.update(ctx, tx, out, row, existing)
		}
	}
	err := tx.Insert(ctx, bt.name, key, value)
	if err == nil {
		if ins.sets != nil {
			if ins.touched == nil {
				ins.touched = make(map[string]bool)
			}
			ins.touched[string(key)] = true
		}
		return 1, ins.ret.emit(out, row)
	}
	if !primaryKeyTaken(err) {
		if c != nil && !c.update && !c.replace && len(c.target) == 0 && len(c.targetExprs) == 0 && c.constraint == "" && errors.Is(err, tablespace.ErrDuplicateKey) {
			// DO NOTHING without a target skips a row any unique constraint refuses, as
			// PostgreSQL's (the check refused it before anything was written).
			return 0, nil
		}
		return 0, err
	}
	switch {
	case c == nil || len(ins.arbiters) > 0:
		return 0, duplicateKey(bt, row)
	case c.replace:
		if err := tx.Update(ctx, bt.name, key, value); err != nil {
			return 0, err
		}
		return 1, ins.ret.emit(out, row)
	case !c.update:
		return 0, nil
	}
	return ins.update(ctx, tx, out, row, key)
}

// update is DO UPDATE on the existing row with primary key key that the proposed row clashed
// with.
func (ins *inserter) update(ctx context.Context, tx *tablespace.Txn, out Output, row []types.Value, key []byte) (int, error) {
	bt := ins.bt
	if ins.touched[string(key)] {
		return 0, &Error{Code: "21000", Message: "ON CONFLICT DO UPDATE command cannot affect row a second time",
			Hint: "Ensure that no rows proposed for insertion within the same command have duplicate constrained values."}
	}
	// Lock the row (Insert left it locked when the clash was on the primary key) and read the
	// image the assignments start from.
	old, found, err := tx.GetForUpdate(ctx, bt.name, key)
	if err != nil {
		return 0, err
	}
	if !found {
		return 0, Errorf("40001", "could not serialize access due to concurrent delete")
	}
	n := len(bt.schema.Columns)
	if err := types.DecodeRow(bt.schema, key, old, ins.both[:n]); err != nil {
		return 0, err
	}
	copy(ins.both[n:], row)
	if ok, err := ins.updates(); !ok || err != nil {
		return 0, err // the row stays as it is, locked, as PostgreSQL leaves it
	}
	copy(ins.next, ins.both[:n])
	for _, a := range ins.sets {
		v, err := a.x.eval(ins.both)
		if err != nil {
			return 0, err
		}
		if ins.next[a.col], err = assignExpr(v, a.x, &bt.schema.Columns[a.col], ins.ps); err != nil {
			return 0, err
		}
	}
	if ins.key, ins.value, err = finishRow(bt, ins.next, ins.key, ins.value); err != nil {
		return 0, err
	}
	if string(ins.key) != string(key) { // SET changed the primary key
		err = rekeyRow(ctx, tx, bt, key, ins.key, ins.value, ins.next)
	} else {
		err = tx.Update(ctx, bt.name, ins.key, ins.value)
	}
	if err != nil {
		return 0, err
	}
	if ins.touched == nil {
		ins.touched = make(map[string]bool)
	}
	ins.touched[string(ins.key)] = true
	return 1, ins.ret.emit(out, ins.next)
}
