package sql

import (
	"context"
	"errors"
	"slices"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// conflictArbiters infers ON CONFLICT's arbiters as PostgreSQL does: ON CONSTRAINT names the
// primary key or a UNIQUE constraint; a column list is the primary key or every unique index
// (a UNIQUE constraint's too) with exactly those columns. The primary key is returned as no
// indexes: its clash is the one Insert reports.
func conflictArbiters(bt *boundTable, c *conflictClause) ([]types.Index, error) {
	schema := bt.schema
	if c.constraint != "" {
		if namesPKey(schema, c.constraint) {
			return nil, nil
		}
		con := schema.ConstraintNamed(c.constraint)
		if con == nil {
			return nil, Errorf("42704", "constraint %q for table %q does not exist", c.constraint, bt.name)
		}
		ix := schema.IndexNamed(con.Index)
		if con.Kind != types.ConstraintUnique || ix == nil {
			return nil, Errorf("42809", "constraint in ON CONFLICT clause has no associated index")
		}
		return []types.Index{*ix}, nil
	}
	if len(c.targetExprs) > 0 {
		return exprArbiters(schema, c)
	}
	var target []int
	for _, name := range c.target {
		i := schema.ColumnIndex(name)
		if i < 0 || schema.Columns[i].Hidden {
			return nil, Errorf("42703", "column %q does not exist", name)
		}
		if !slices.Contains(target, i) {
			target = append(target, i)
		}
	}
	same := func(cols []int) bool {
		return len(cols) == len(target) && !slices.ContainsFunc(cols, func(i int) bool { return !slices.Contains(target, i) })
	}
	if !hiddenKey(schema) && same(schema.PK) {
		return nil, nil
	}
	var arbiters []types.Index
	for _, ix := range schema.Indexes {
		if !ix.Unique {
			continue
		}
		if ix.Computed() {
			if ok, err := inferComputed(schema, &ix, c, same); err != nil {
				return nil, err
			} else if ok {
				arbiters = append(arbiters, ix)
			}
		} else if same(ix.Columns) {
			arbiters = append(arbiters, ix)
		}
	}
	if len(arbiters) == 0 {
		return nil, Errorf("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification")
	}
	return arbiters, nil
}

// errArbiterFound ends FindLatest at the first row an arbiter finds.
var errArbiterFound = errors.New("conflicting row found")

// arbiterConflict finds the row that already holds the proposed row's values of an arbiter
// index, and returns its primary key. The arbiter's key stays locked, as a unique key's
// writer locks it (constraints_enforce.go), so a concurrent insert of the same values waits
// for this transaction and then sees its row.
func (ins *inserter) arbiterConflict(ctx context.Context, tx *tablespace.Txn, row []types.Value) ([]byte, bool, error) {
	s := ins.bt.schema
	for _, ix := range ins.arbiters {
		if deferrableIndex(s, ix.Name) {
			// PostgreSQL's ExecCheckIndexConstraints: raised when a row's check reaches
			// the index, so not for a row an earlier arbiter already found.
			return nil, false, (&Error{Code: "55000",
				Message: "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters"}).onTable(s.Name, "", ix.Name)
		}
		k, vals, ok, err := arbiterKey(s, &ix, row)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			continue // NULLs never clash; a row a partial index leaves out neither
		}
		if err := tx.LockKey(ctx, ins.bt.name, ix.Name, k); err != nil {
			return nil, false, err
		}
		var found []byte
		fn := func(key, _ []byte) error {
			found = slices.Clone(key)
			return errArbiterFound
		}
		if ix.Computed() {
			err = tx.FindIndexed(ins.bt.name, ix.Name, k, fn)
		} else {
			err = tx.FindLatest(ins.bt.name, ix.Columns, vals, fn)
		}
		if err != nil && err != errArbiterFound {
			return nil, false, err
		}
		if found != nil {
			return found, true, nil
		}
	}
	return nil, false, nil
}

// hiddenKey reports whether s's primary key is the hidden row id of a table created without
// one.
func hiddenKey(s *types.Schema) bool { return len(s.PK) == 1 && s.Columns[s.PK[0]].Hidden }

// pkeyName is the name of s's primary key constraint and of its index (PostgreSQL's
// <table>_pkey unless named otherwise), "" when the key is a hidden row id: no constraint.
func pkeyName(s *types.Schema) string {
	if hiddenKey(s) {
		return ""
	}
	return s.PKConstraintName()
}

// isPKey reports whether name is s's primary key constraint (and index).
func isPKey(s *types.Schema, name string) bool { return name != "" && name == pkeyName(s) }

// namesPKey reports whether name, as a statement about table s writes it, is s's primary key
// (a temporary table's is stored under its hidden prefix, keyNameIn).
func namesPKey(s *types.Schema, name string) bool { return isPKey(s, keyNameIn(s, name)) }

// deferrableIndex reports whether the unique index name backs a DEFERRABLE constraint.
func deferrableIndex(s *types.Schema, name string) bool {
	for i := range s.Constraints {
		if c := &s.Constraints[i]; c.Index == name && c.Deferrable {
			return true
		}
	}
	return false
}

// anyArbiters are the arbiters of DO NOTHING without a target on a table with a deferrable
// unique index: every unique index, in order, which PostgreSQL walks after the primary key
// (the first index a table's CREATE TABLE makes), skipping the row at the first that finds
// it and failing at a deferrable one (55000). Without a deferrable index, nil: any clash
// Insert reports skips the row.
func anyArbiters(s *types.Schema) []types.Index {
	if !slices.ContainsFunc(s.Indexes, func(ix types.Index) bool { return ix.Unique && deferrableIndex(s, ix.Name) }) {
		return nil
	}
	var out []types.Index
	for _, ix := range s.Indexes {
		if ix.Unique {
			out = append(out, ix)
		}
	}
	return out
}
