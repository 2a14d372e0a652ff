package tablespace

import "github.com/drovedb/drove/wal"

// A statement's reads see the transaction's writes of earlier statements but not its own,
// as PostgreSQL's command ids make them: INSERT ... ON CONFLICT DO UPDATE SET n = (SELECT
// count(*) FROM t) counts the rows of t as the statement found them, not the ones it has
// inserted by then. A caller asks for it around a statement whose reads could meet its writes
// (BeginStatementView); other statements pay nothing.
//
// The write set only grows at the end during a statement, except that a row written by an
// earlier statement may be written again (its image replaced in place). So the view is the
// length of writes at the statement's start, plus the images the statement replaced at
// positions before it: reads (Get, Scan, Cursor, IndexScan) take an own write at a later
// position as none (the snapshot's image shows) and a replaced one as its saved image.
// Writes, locked reads and constraint lookups (GetForUpdate, GetLatest, FindLatest) still
// see the latest own writes: an update applies to the row as the statement left it, and a
// unique key the statement inserted is taken.

// stmtView is the transaction's state at the start of the running statement.
type stmtView struct {
	mark  int                  // len(writes) when the statement started
	saved map[int]wal.Mutation // the images at positions < mark the statement replaced
}

// BeginStatementView makes the transaction's reads see its writes as they were now, until
// EndStatementView. Inside a compound statement the compound's view stays.
func (tx *Txn) BeginStatementView() {
	if !tx.compound {
		tx.view = &stmtView{mark: len(tx.writes)}
	}
}

// EndStatementView makes reads see every own write again.
func (tx *Txn) EndStatementView() {
	if !tx.compound {
		tx.view = nil
	}
}

// BeginCompoundStatement starts a statement made of several (PostgreSQL's data-modifying
// WITH: each WITH query and the main query run as statements of their own): until
// EndCompoundStatement, every read sees the transaction as it was now (none sees another
// part's writes, as all of PostgreSQL's sub-statements share one snapshot and command id),
// and the checks the constraint hook leaves for the statement's end wait for the whole
// (StatementEnd does nothing), as PostgreSQL's AFTER triggers fire once the query ends.
func (tx *Txn) BeginCompoundStatement() {
	tx.view = &stmtView{mark: len(tx.writes)}
	tx.compound = true
}

// EndCompoundStatement ends the compound statement: reads see every own write again and the
// checks left for its end run (the first error is the statement's).
func (tx *Txn) EndCompoundStatement() error {
	tx.compound, tx.view = false, nil
	return tx.StatementEnd()
}

// InCompound reports whether a compound statement (BeginCompoundStatement) is running.
func (tx *Txn) InCompound() bool { return tx.compound }

// save keeps the image m at writes[i] that a write of the statement is about to replace.
func (v *stmtView) save(i int, m wal.Mutation) {
	if i >= v.mark {
		return
	}
	if _, ok := v.saved[i]; ok {
		return
	}
	if v.saved == nil {
		v.saved = make(map[int]wal.Mutation)
	}
	v.saved[i] = m
}

// visible is the own image at writes[i] that reads see; nil: none (the statement wrote it).
func (tx *Txn) visible(i int) *wal.Mutation {
	v := tx.view
	if v == nil {
		return &tx.writes[i]
	}
	if i >= v.mark {
		return nil
	}
	if m, ok := v.saved[i]; ok {
		return &m
	}
	return &tx.writes[i]
}

// visibleWrites is how many of writes reads may see: those before a statement view's start.
func (tx *Txn) visibleWrites() int {
	if tx.view != nil {
		return min(tx.view.mark, len(tx.writes))
	}
	return len(tx.writes)
}

// ChangedInCompound reports whether the running compound statement has already written the row:
// a later part of it leaves such a row alone, as PostgreSQL's UPDATE, DELETE and row locks
// skip a row the same command changed (TM_SelfModified). False outside a compound statement.
func (tx *Txn) ChangedInCompound(table string, key []byte) bool {
	if !tx.compound || tx.view == nil {
		return false
	}
	i, ok := tx.ownWrite(table, key)
	if !ok {
		return false
	}
	if i >= tx.view.mark {
		return true
	}
	_, replaced := tx.view.saved[i]
	return replaced
}
