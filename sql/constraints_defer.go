package sql

import (
	"context"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Deferrable constraints (DEFERRABLE [INITIALLY DEFERRED]) on UNIQUE and FOREIGN KEY. As in
// PostgreSQL, a non-deferrable UNIQUE is checked at each row and a foreign key at the end of
// the statement (NO ACTION; RESTRICT and the actions are never deferred); a deferrable one
// is checked at the end of the statement while it is immediate, and at COMMIT (or SET
// CONSTRAINTS ... IMMEDIATE) while it is deferred (tablespace/deferred.go). The key locks
// are still taken at the write, so a concurrent writer of the key waits as before. Each
// check reads the state it judges when it runs.

// queueCheck leaves fn, a check of a write to table, for the end of the statement, or for
// the commit when c is deferred in tx. The NO ACTION check (queued here too when c is not
// deferrable) runs with the statement's ctx.
func queueCheck(ctx context.Context, tx *tablespace.Txn, table string, c *types.Constraint, fn func(context.Context) error) {
	if tx.ConstraintDeferred(c) {
		tx.Defer(table, c.Name, fn)
		return
	}
	tx.AtStatementEnd(func() error { return fn(ctx) })
}

// uniqueConstraintOf is the UNIQUE constraint a unique index backs, or nil (a CREATE
// UNIQUE INDEX).
func uniqueConstraintOf(s *types.Schema, index string) *types.Constraint {
	for i := range s.Constraints {
		if c := &s.Constraints[i]; c.Kind == types.ConstraintUnique && c.Index == index {
			return c
		}
	}
	return nil
}

// stillUnique is a deferrable UNIQUE's check: at most one row has the key vals now.
func stillUnique(tx *tablespace.Txn, s *types.Schema, table string, ix *types.Index, vals []types.Value) error {
	n := 0
	if err := tx.FindLatest(table, ix.Columns, vals, func(_, _ []byte) error {
		n++
		return nil
	}); err != nil {
		return err
	}
	if n > 1 {
		return duplicateIndexKey(s, ix, vals)
	}
	return nil
}

// stillHasParent is a deferrable foreign key's check of a row written: the row as it is now
// (none: it was deleted since; passes) references a parent row, if the constraint is still
// there.
func stillHasParent(ctx context.Context, tx *tablespace.Txn, table string, key []byte, name string) error {
	s, ok := tx.Schema(table)
	if !ok {
		return nil
	}
	c := s.ConstraintNamed(name)
	if c == nil || c.Kind != types.ConstraintForeign {
		return nil
	}
	value, found, err := tx.GetLatest(table, key)
	if err != nil || !found {
		return err
	}
	row := make([]types.Value, len(s.Columns))
	if err := types.DecodeRow(s, key, value, row); err != nil {
		return err
	}
	vals, ok := colVals(row, c.Columns)
	if !ok {
		return nil
	}
	return findParent(ctx, tx, table, s, c, row, vals)
}
