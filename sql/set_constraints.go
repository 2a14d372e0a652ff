package sql

import (
	"context"
)

// SET CONSTRAINTS {ALL | name [, ...]} {DEFERRED | IMMEDIATE}: which deferrable constraints
// the transaction checks at COMMIT, from now on (tablespace.Txn.SetConstraints). Making
// constraints immediate runs their pending checks at once, so the statement fails with the
// first violation, as PostgreSQL's AfterTriggerSetState does.

type setConstraintsStmt struct {
	names    []string // nil: ALL
	deferred bool
}

// execSetConstraints checks the names (every constraint of the name, on any table; one that
// is not deferrable cannot be made DEFERRED), then sets the mode and, for IMMEDIATE, runs the
// pending checks. Outside a transaction block it does nothing after the names are checked
// (PostgreSQL also warns, 25P01).
func (s *Session) execSetConstraints(ctx context.Context, st *setConstraintsStmt, out Output) error {
	for _, name := range st.names {
		found, deferrable := false, true
		for _, t := range s.ts.Tables() {
			if isPKey(t, name) {
				found, deferrable = true, false // drove's primary keys are never deferrable
			}
			if c := t.ConstraintNamed(name); c != nil {
				found, deferrable = true, deferrable && c.Deferrable
			}
		}
		if !found {
			return Errorf("42704", "constraint %q does not exist", name)
		}
		if !deferrable && st.deferred {
			return Errorf("42809", "constraint %q is not deferrable", name)
		}
	}
	if s.tx == nil {
		return out.Complete("SET CONSTRAINTS")
	}
	s.tx.SetConstraints(st.names, st.deferred)
	if !st.deferred {
		if err := s.tx.RunDeferred(ctx, st.names); err != nil {
			return err
		}
	}
	return out.Complete("SET CONSTRAINTS")
}
