package sql

import (
	"context"
	"errors"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The extended query protocol's implicit transaction (Batcher). PostgreSQL runs the Executes
// from one Sync to the next, outside a transaction block, as one transaction committed at
// Sync (postgres.c: the first Execute starts it, a later one turns it into an implicit block,
// BeginImplicitTransactionBlock, and the Sync's finish_xact_command commits it); an error
// rolls it back and the rest of the batch is skipped. The session runs the batch in the
// implicit block of a multi-statement query string (implicit.go): BEGIN in it makes it an
// explicit transaction, COMMIT and ROLLBACK end it with PostgreSQL's warning and the next
// Execute opens another, SAVEPOINT is 25P01, a schema change of a table the block used
// commits what came before (usedByTxn). The differences are the batch's: its first statement
// may be one that refuses a transaction block (it runs alone, autocommitted, as PostgreSQL
// commits it at once), and the block outlives the call, until SyncBatch.
//
// A batch of one Execute (pgbench -M prepared, pgx's default protocol) costs what an
// autocommitted statement did: pgwire holds its CommandComplete until the Sync's commit, so
// a write's reads are confirmed by its commit (DeferReadCheck) and a commit refused for
// leadership is still the statement's 25006, which pgwire's switch and forwarding resend to
// the new leader. A batch that goes on shows the result first (ShowBatch), which confirms
// those reads; from then on a refusal is 40001, the whole batch to be retried.

var _ Batcher = (*Session)(nil)

// ExecBatched implements Batcher.
func (s *Session) ExecBatched(ctx context.Context, ps PreparedStatement, args []types.Value, out Output, held bool) (bool, error) {
	st, ok := ps.(*Statement)
	if !ok {
		return false, Errorf("XX000", "statement %T was not prepared by this session", ps)
	}
	switch {
	case s.implicit:
		if err := s.ShowBatch(ctx); err != nil {
			return false, err
		}
		if name := st.outsideBlock(); name != "" {
			s.endImplicit(false)
			return false, Errorf("25001", "%s cannot be executed within a pipeline", name)
		}
	case s.tx != nil || st.Empty():
		return false, s.runBounded(ctx, st, args, out, false) // an explicit transaction's
	case st.outsideBlock() != "":
		// First in its transaction, one that cannot run in a block: alone, autocommitted,
		// as PostgreSQL commits it at once.
		if err := s.runBounded(ctx, st, args, out, false); err != nil || !st.commitsWithin() {
			return false, err
		}
		// VACUUM commits the transactions it runs in itself and leaves one open, which
		// PostgreSQL's Execute then treats as a pipeline's: the batch goes on in a block,
		// where another such statement is 25001.
		s.pipeline = true
		if err := s.beginImplicit(false); err != nil {
			s.endImplicit(false)
			return false, s.fail(err)
		}
		return false, nil
	default:
		s.pipeline = true
		if err := s.beginImplicit(true); err != nil {
			s.endImplicit(false)
			return false, s.fail(err)
		}
		s.batchHeld = held
	}
	err := s.runBounded(ctx, st, args, out, false)
	s.batchHeld = false
	if err != nil && !errors.Is(err, ErrStop) {
		// A query its reader stopped (a suspended portal closed, or dropped at Sync) ended
		// without error: the batch goes on, and its Sync commits what came before.
		if s.implicit {
			s.endImplicit(false)
		}
		return false, err
	}
	if err != nil {
		s.implicitFirst = false
		return false, err
	}
	// A BEGIN made the block explicit, a COMMIT or ROLLBACK ended it.
	opened := s.implicit && s.implicitFirst && held
	if !opened {
		s.implicitFirst = false // its result is out: a later refusal is the batch's 40001
	}
	return opened, nil
}

// inTransactionBlock reports whether a statement runs in a transaction block, as
// PostgreSQL's RequireTransactionBlock asks: an explicit transaction or a query string's
// implicit block, not an extended batch's transaction (pipeline).
func (s *Session) inTransactionBlock() bool {
	return s.tx != nil && !(s.implicit && s.pipeline)
}

// ShowBatch implements Batcher; the batch's later statements call it too (ExecBatched, and
// a simple Query sent inside the batch, execBlock).
func (s *Session) ShowBatch(ctx context.Context) error {
	if !s.implicit || !s.implicitFirst {
		return nil
	}
	s.implicitFirst = false
	if err := s.tx.ConfirmReads(ctx); err != nil {
		err = s.fail(err) // 40001: the result went out with the error
		s.endImplicit(false)
		return err
	}
	return nil
}

// SyncBatch implements Batcher.
func (s *Session) SyncBatch(ctx context.Context) error {
	if !s.implicit {
		return nil
	}
	return s.commitImplicit(ctx)
}

// commitsWithin reports a statement of outsideBlock's that commits transactions of its own
// as it runs (PostgreSQL's VACUUM), after which an extended batch goes on as a pipeline.
func (st *Statement) commitsWithin() bool {
	return st.setting != nil && st.setting.kind == "maintenance" && st.setting.tag == "VACUUM"
}

// outsideBlock names a statement that cannot run inside a transaction block, as
// PostgreSQL's PreventInTransactionBlock names it ("" for any other): its execution refuses
// it with 25001 inside one, and an extended batch runs it alone (ExecBatched).
func (st *Statement) outsideBlock() string {
	switch {
	case st.setting != nil && st.setting.kind == "maintenance" && st.setting.tag == "VACUUM":
		return "VACUUM"
	case st.setting != nil && st.setting.kind == "discard" && st.setting.name == "all":
		return "DISCARD ALL"
	case st.backup != nil && st.backup.restore:
		return "RESTORE TABLESPACE"
	case st.backup != nil:
		return "BACKUP TABLESPACE"
	case st.tsStmt != nil:
		return st.tsStmt.tag()
	case st.user != nil:
		return st.user.verb + " USER"
	case st.ddl != nil:
		if d, ok := st.ddl.(*ast.Drop); ok && d.Concurrently {
			return "DROP INDEX CONCURRENTLY"
		}
		if c, ok := st.ddl.(*ast.CreateIndex); ok && c.Concurrently {
			return "CREATE INDEX CONCURRENTLY"
		}
	}
	return ""
}
