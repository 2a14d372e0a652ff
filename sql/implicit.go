package sql

import (
	"context"
	"time"
)

// execBlock runs the statements of a query string that holds more than one as PostgreSQL's
// exec_simple_query does: as one implicit transaction block. Outside an explicit transaction
// a statement opens the block (BeginImplicitTransactionBlock); an error rolls back everything
// of it, so `INSERT ...; SELECT 1/0` keeps nothing; the block commits when the string ends.
// A COMMIT or ROLLBACK in the string ends the block (PostgreSQL warns "there is no
// transaction in progress"), and the next statement opens another; a BEGIN turns it into an
// explicit transaction that outlives the string. Statements that refuse to run inside a
// transaction block (VACUUM, DISCARD ALL, CREATE TABLESPACE, ...) refuse here too (25001),
// as SAVEPOINT and its kin do (25P01). A string of one statement never comes here: it
// autocommits as before (Exec), the hot path.
func (s *Session) execBlock(ctx context.Context, sts []*Statement, out Output) error {
	if s.implicit { // an extended batch's block, which the string joins (Exec)
		if err := s.ShowBatch(ctx); err != nil {
			return err
		}
	}
	for i, st := range sts {
		if s.tx == nil && !st.Empty() {
			s.pipeline = false
			if err := s.beginImplicit(i == 0); err != nil {
				s.endImplicit(false)
				return s.fail(err)
			}
		}
		err := s.execOne(ctx, st, out)
		s.implicitFirst = false
		if err != nil {
			if s.implicit {
				s.endImplicit(false)
			}
			return err
		}
	}
	if !s.implicit {
		s.warnInTransaction() // and carries on, as PostgreSQL does
		return nil
	}
	return s.commitImplicit(ctx)
}

// beginImplicit opens an implicit transaction block; first says no statement of the string
// has run before it, so a not-leader refusal of its first statement applied nothing and
// sent nothing: the 25006 that pgwire's forwarding retries on the new leader (fail).
func (s *Session) beginImplicit(first bool) error {
	s.txTime = time.Now()
	s.implicit, s.implicitFirst = true, first
	return s.beginBlock("", "")
}

// beginExplicit is BEGIN with its modes (level and readOnly as beginBlock's): it opens the
// transaction block, or makes the string's implicit block an explicit one that outlives the
// string, with those modes (PostgreSQL's BeginTransactionBlock in TBLOCK_IMPLICIT_INPROGRESS).
// A BEGIN inside an explicit transaction only warns; in an implicit block it does not.
func (s *Session) beginExplicit(level, readOnly string) error {
	if s.tx == nil {
		return s.beginBlock(level, readOnly)
	}
	if !s.implicit {
		s.warnInTransaction() // and carries on, as PostgreSQL does
		return nil
	}
	// Modes refused (a level after the block's first query) fail the BEGIN, and the block
	// stays implicit: PostgreSQL aborts a block still TBLOCK_BEGIN to idle.
	if level != "" {
		if err := s.setIsolation(level); err != nil {
			return err
		}
	}
	if readOnly != "" {
		if err := s.setTxnReadOnly(readOnly == "on"); err != nil {
			return err
		}
	}
	s.implicit = false
	return nil
}

// endImplicit rolls back (or, committed, forgets) the implicit block.
func (s *Session) endImplicit(committed bool) {
	if s.tx != nil && !committed {
		s.stopLiveCursor()
		s.tx.Rollback()
		s.endTxn(false)
	}
	s.tx, s.failed, s.implicit, s.implicitFirst = nil, false, false, false
}

// usedByTxn reports whether the transaction has used table, so that a schema change of it,
// which waits for the transactions using the table, would wait for itself. In an implicit
// block (a string of several statements) the statements before the change are committed
// first and a new block opened, so the change runs as it did when each statement of a string
// committed alone: migration scripts sent as one string (`CREATE TABLE t ...; INSERT INTO t
// ...; CREATE INDEX ON t (a)`) keep working, and only a later error no longer undoes what
// came before the change (docs/sql.md). In an explicit transaction it is refused (0A000).
func (s *Session) usedByTxn(ctx context.Context, table string) (bool, error) {
	if s.tx == nil || !s.tx.Entered(table) {
		return false, nil
	}
	if !s.implicit {
		return true, nil
	}
	if err := s.commitImplicit(ctx); err != nil {
		return false, err
	}
	return false, s.beginImplicit(false)
}

// commitImplicit commits the implicit block at the end of its string or at its batch's Sync
// (or before a schema change, usedByTxn). Its statements' results have gone out, so a commit
// refused for leadership (nothing applied) is 40001, the whole block to be retried, as for an
// explicit transaction's COMMIT (commitTx); but a batch that ran one statement, its result
// held (implicitFirst), gets the 25006 of that statement, which forwarding may retry.
func (s *Session) commitImplicit(ctx context.Context) error {
	tx, alone := s.tx, s.implicitFirst
	s.tx, s.failed, s.implicit, s.implicitFirst = nil, false, false, false
	if err := s.commitTx(ctx, tx, alone); err != nil {
		return s.fail(err)
	}
	return nil
}
