package tablespace

import (
	"unsafe"

	"github.com/drovedb/drove/wal"
)

// Savepoints (SQL's SAVEPOINT, ROLLBACK TO SAVEPOINT, RELEASE SAVEPOINT) mark a point in a
// transaction that its later writes can be undone back to, without ending it.
//
// A transaction's state is its write set (writes, with index naming each row's place in it),
// the row locks it took (locks, in the order taken), the arena its images live in and its
// memory estimate. Between a savepoint and now, writes only grow at the end, except in two
// ways: a row written before the savepoint is written again (its image is replaced in place)
// and a TRUNCATE drops the table's earlier writes (the slice is compacted). So a savepoint is
// the lengths of writes and locks, the arena and the memory estimate at that moment, plus an
// undo log of those two: the replaced image (at its place) and, for a TRUNCATE, a copy of the
// whole write set before it and the table gate it closed. A transaction that never takes a
// savepoint keeps no undo log: record and Truncate pay one nil check.
//
// Rolling back to a savepoint replays the undo log backwards, cuts writes back to its length,
// releases the row locks taken since (PostgreSQL releases the locks of an aborted
// subtransaction too: another transaction waiting for one goes on), reopens the gate of a
// TRUNCATE made since, and restores the memory estimate and the arena (the images written
// since are referenced by nothing any more). What is not undone: the tables the transaction
// entered since (it stays inside their gates until it ends, as a table lock would be kept),
// serial values drawn (never reused, as PostgreSQL's sequences), and a REPEATABLE READ
// transaction's snapshot, which was taken at its first statement.

// txnSavepoints is a transaction's savepoint stack and undo log.
type txnSavepoints struct {
	marks []savepointMark
	undo  []undoRecord
}

// savepointMark is the transaction's state when a savepoint was taken.
type savepointMark struct {
	writes, locks, undo int
	mem                 int64
	arena               []byte
	failed              error
	deferral            deferralMark // deferred constraint checks and SET CONSTRAINTS (deferred.go)
}

// undoRecord undoes one change of the write set made while a savepoint was live.
type undoRecord struct {
	i    int            // >= 0: writes[i] was m before it was replaced
	m    wal.Mutation   // the replaced image
	all  []wal.Mutation // i < 0 and gate == nil: the whole write set before a TRUNCATE
	gate *tableGate     // i < 0: a gate the TRUNCATE or LOCK closed, to reopen
	// unhold: gate stays closed (a LOCK before the savepoint closed it), only the TRUNCATE's
	// hold of it is undone
	unhold bool
}

// mutationBytes is what a copy of a write-set entry costs (TRUNCATE's undo copy).
const mutationBytes = int64(unsafe.Sizeof(wal.Mutation{}))

// Savepoint marks the transaction's current state and returns the savepoint's level: 1 for
// the first, one more for each savepoint taken while others are live.
func (tx *Txn) Savepoint() (int, error) {
	if tx.done {
		return 0, ErrTxnDone
	}
	if tx.sp == nil {
		tx.sp = &txnSavepoints{}
	}
	tx.sp.marks = append(tx.sp.marks, savepointMark{
		writes: len(tx.writes), locks: len(tx.locks), undo: len(tx.sp.undo),
		mem: tx.mem, arena: tx.arena, failed: tx.failed, deferral: tx.markDeferral(),
	})
	return len(tx.sp.marks), nil
}

// Savepoints is the number of live savepoints.
func (tx *Txn) Savepoints() int {
	if tx.sp == nil {
		return 0
	}
	return len(tx.sp.marks)
}

// RollbackTo undoes everything the transaction wrote since savepoint level was taken, and
// releases the row locks (and a TRUNCATE's gate) taken since. The savepoint stays live; the
// later ones are gone. A transaction that failed since (ErrTxnMemory) is usable again.
func (tx *Txn) RollbackTo(level int) error {
	if tx.done {
		return ErrTxnDone
	}
	if level < 1 || level > tx.Savepoints() {
		return ErrNoSavepoint
	}
	sp := tx.sp
	tx.con = nil        // its indexes of the write set may name images the rollback replaces
	tx.stmtChecks = nil // of a statement that failed
	mk := sp.marks[level-1]
	sp.marks = sp.marks[:level]
	tx.rollbackDeferral(mk.deferral)
	rebuild := false
	for j := len(sp.undo) - 1; j >= mk.undo; j-- {
		switch u := &sp.undo[j]; {
		case u.i >= 0:
			tx.writes[u.i] = u.m
		case u.gate != nil && u.unhold:
			u.gate.holder.Store(0)
		case u.gate != nil:
			u.gate.open()
		default:
			clear(tx.writes)
			tx.writes = append(tx.writes[:0], u.all...)
			rebuild = true
		}
	}
	clear(sp.undo[mk.undo:])
	sp.undo = sp.undo[:mk.undo]
	if !rebuild {
		for j := mk.writes; j < len(tx.writes); j++ {
			if m := &tx.writes[j]; m.Op != wal.OpTruncate {
				delete(tx.index, lockID(m.Table, m.Key))
			}
		}
	}
	clear(tx.writes[mk.writes:])
	tx.writes = tx.writes[:mk.writes]
	if rebuild && tx.index != nil {
		clear(tx.index)
		for j := range tx.writes {
			if m := &tx.writes[j]; m.Op != wal.OpTruncate {
				tx.index[lockID(m.Table, m.Key)] = j
			}
		}
	}
	if len(tx.locks) > mk.locks {
		tx.ts.locks.releaseSome(tx.id, tx.locks[mk.locks:])
		clear(tx.locks[mk.locks:])
		tx.locks = tx.locks[:mk.locks]
		if mk.locks == 0 {
			tx.ts.active.Delete(tx.id)
		}
	}
	tx.mem, tx.arena, tx.failed = mk.mem, mk.arena, mk.failed
	return nil
}

// Release forgets savepoint level and the later ones; what was written since stays part of
// the transaction.
func (tx *Txn) Release(level int) error {
	if tx.done {
		return ErrTxnDone
	}
	if level < 1 || level > tx.Savepoints() {
		return ErrNoSavepoint
	}
	sp := tx.sp
	sp.marks = sp.marks[:level-1]
	if len(sp.marks) == 0 {
		// Nothing can roll back any more: the undo log is garbage. Its arrays stay for the
		// next savepoint (psql takes one around every statement).
		clear(sp.undo)
		sp.undo = sp.undo[:0]
	}
	return nil
}

// saveImage records, while a savepoint is live, the image at writes[i] that record is about
// to replace. An entry appended since the newest savepoint needs none: rolling back to it,
// or to an older one, drops the entry.
func (tx *Txn) saveImage(i int) {
	sp := tx.sp
	if len(sp.marks) == 0 || i >= sp.marks[len(sp.marks)-1].writes {
		return
	}
	sp.undo = append(sp.undo, undoRecord{i: i, m: tx.writes[i]})
}

// saveBeforeTruncate records, while a savepoint is live, the write set a TRUNCATE is about to
// compact, and the gate it closed (nil: it held the gate already).
func (tx *Txn) saveBeforeTruncate(g *tableGate) error {
	sp := tx.sp
	if len(sp.marks) == 0 {
		return nil
	}
	if g != nil {
		sp.undo = append(sp.undo, undoRecord{i: -1, gate: g})
	}
	if err := tx.reserve(int64(len(tx.writes)) * mutationBytes); err != nil {
		return err
	}
	sp.undo = append(sp.undo, undoRecord{i: -1, all: append([]wal.Mutation(nil), tx.writes...)})
	return nil
}
