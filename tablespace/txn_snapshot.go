package tablespace

import "context"

// A transaction's snapshot: which committed state its reads see (READ COMMITTED pins one per
// statement, REPEATABLE READ one for the whole transaction) and the linearizable read check.

// PinSnapshot makes the transaction's reads see the committed state at the applied index of
// now (plus its own writes) until the matching UnpinSnapshot: a statement under READ
// COMMITTED pins one for its duration. Nested pins share the outer one's snapshot; under
// REPEATABLE READ the first pin lasts until the transaction ends.
func (tx *Txn) PinSnapshot() {
	if tx.done {
		return
	}
	if tx.pins == 0 {
		tx.pinned = true
		if tx.repeatable {
			if tx.linearize() != nil {
				// Not the leader (any more): the first read tries again and fails with why.
				tx.lazy = true
				tx.pins++
				return
			}
			tx.snap, tx.pinSlot = tx.ts.fsm.pin16()
			tx.pins++
		} else {
			// Taken at the statement's first read (snapshot): a statement that reads nothing
			// through it (INSERT ... VALUES, a locked read by key) never makes apply keep
			// images for it. Its reads still all see one committed state.
			tx.lazy = true
		}
	}
	tx.pins++
}

// DeferReadCheck moves the leadership confirmation of the transaction's snapshot reads to its
// commit: for a single write statement, whose commit is its only answer. A commit that
// reaches the log in the term the snapshot was taken in proves no other leader existed in
// between (followers refuse entries of an older term), so the reads were current; a commit
// with nothing to write confirms with VerifyLeader, in that same term, before it returns.
// Reads answered before commit (RETURNING, a query) must not use it.
func (tx *Txn) DeferReadCheck() { tx.deferRead = true }

// ConfirmReads ends DeferReadCheck before commit: the reads it deferred are confirmed now, as
// a commit with nothing to write would confirm them, and later reads as any transaction's
// are, before they are answered. For a write statement that turned out not to be its
// transaction's only answer (an extended-protocol batch that goes on before its Sync).
func (tx *Txn) ConfirmReads(ctx context.Context) error {
	if !tx.deferRead {
		return nil
	}
	tx.deferRead = false
	if err := tx.confirmReads(ctx); err != nil {
		return err
	}
	tx.readOwed = false
	return nil
}

// SetContext bounds what the transaction's next snapshot waits for (the leadership
// confirmation of a linearizable read): a statement's context.
func (tx *Txn) SetContext(ctx context.Context) { tx.readCtx = ctx }

// snapshot is the snapshot the transaction's reads see, taking a pending READ COMMITTED pin's
// now.
func (tx *Txn) snapshot() (uint64, error) {
	if tx.lazy {
		if err := tx.linearize(); err != nil {
			return 0, err
		}
		tx.lazy = false
		tx.snap, tx.pinSlot = tx.ts.fsm.pin16()
	}
	return tx.snap, nil
}

// linearize makes a snapshot about to be taken include every write acknowledged before it:
// in a group of several voters the leader confirms with a quorum that it still leads (and
// has applied what it committed) — a deposed leader that has not noticed yet must not answer
// from its stale state. Concurrent statements share one confirmation round (VerifyLeader).
func (tx *Txn) linearize() error {
	if tx.deferRead {
		t := tx.ts.leaderTerm()
		if t == 0 {
			return tx.ts.notLeader()
		}
		if tx.snapTerm == 0 {
			tx.snapTerm = t
		}
		tx.readOwed = true
		return nil
	}
	ctx := tx.readCtx
	if ctx == nil {
		ctx = context.Background()
	}
	return tx.ts.VerifyLeader(ctx)
}

// UnpinSnapshot undoes a PinSnapshot.
func (tx *Txn) UnpinSnapshot() {
	if tx.pins == 0 {
		return
	}
	if tx.pins--; tx.pins == 0 {
		if tx.cursors != nil {
			tx.closeCursors(false)
		}
		if tx.lazy {
			tx.lazy = false
		} else {
			tx.ts.fsm.unpin(tx.snap, int(tx.pinSlot))
		}
		tx.snap = latest
	}
}

// SetRepeatableRead makes the transaction read one snapshot, taken at its first pin, until it
// ends, and fail a write to a row committed after that snapshot with ErrSerialization (on:
// REPEATABLE READ; off: READ COMMITTED). After the first pin it is ErrSnapshotTaken.
func (tx *Txn) SetRepeatableRead(on bool) error {
	if tx.pinned {
		return ErrSnapshotTaken
	}
	tx.repeatable = on
	return nil
}
