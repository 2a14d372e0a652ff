package tablespace

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/drovedb/drove/wal"
)

// A transaction whose log entry would pass MaxEntryBytes commits in several entries, so no
// entry grows without bound (every replica must hold one whole in memory to append and ship
// it): KindTxnChunk entries carry its mutations in order and the state machine holds them back;
// KindTxnCommit applies them all at once, with the same all-or-nothing checks as a one-entry
// transaction; KindTxnAbort drops them. The transaction keeps its row locks throughout, so no
// other writer sees a partial state, and readers never do: nothing is applied before the
// commit entry.
//
// Held-back chunks are in memory only, so a checkpoint (which truncates the log) waits while
// any exist. A process that stops between the chunks and the commit finds them again when it
// replays its log; Open aborts them before it serves anything, so they never apply.

// commitChunked appends the write set as chunks and a commit entry.
func (tx *Txn) commitChunked(ctx context.Context) error {
	limit := tx.ts.opts.MaxEntryBytes
	start, size := 0, 0
	// The write set ends with this commit whatever its outcome, and the state machine holds
	// each appended chunk's rows itself: dropping the index and every appended row as it goes
	// lets the arena blocks go, so the write set and its log entries are not all in memory
	// at once.
	tx.index = nil
	flush := func(end int) error {
		e := &wal.Entry{Kind: wal.KindTxnChunk, TxID: tx.id, Mutations: tx.writes[start:end]}
		err := tx.ts.propose(ctx, e)
		if errors.Is(err, ErrOutcomeUnknown) {
			err = fmt.Errorf("%w: %v", ErrNotLeader, err) // chunks apply nothing without their commit
		}
		clear(tx.writes[start:end])
		start, size = end, 0
		return err
	}
	for i := range tx.writes {
		m := &tx.writes[i]
		size += len(m.Table) + len(m.Key) + len(m.Value) + 16
		if size >= limit {
			if err := flush(i + 1); err != nil {
				tx.ts.abortChunks(tx.id)
				return err
			}
		}
	}
	if start < len(tx.writes) {
		if err := flush(len(tx.writes)); err != nil {
			tx.ts.abortChunks(tx.id)
			return err
		}
	}
	err := tx.ts.propose(ctx, &wal.Entry{Kind: wal.KindTxnCommit, TxID: tx.id})
	if err != nil {
		// The commit may have been refused when applied (its chunks are gone then, and the
		// abort changes nothing) or never appended: either way the chunks must go.
		tx.ts.abortChunks(tx.id)
	}
	return err
}

// abortChunks appends an abort for txid's chunks; the error is logged: an abort that fails
// leaves chunks the next start aborts.
func (ts *Tablespace) abortChunks(txid uint64) {
	if err := ts.proposeRelease(&wal.Entry{Kind: wal.KindTxnAbort, TxID: txid}); err != nil {
		ts.log.Warn("could not abort a chunked transaction's chunks", "txid", txid, "err", err)
	}
}

// abortOrphanChunks aborts the chunks a previous run appended without their commit.
func (ts *Tablespace) abortOrphanChunks() error {
	ts.fsm.mu.RLock()
	var ids []uint64
	for id := range ts.fsm.chunks {
		ids = append(ids, id)
	}
	ts.fsm.mu.RUnlock()
	for _, id := range ids {
		if err := ts.proposeRelease(&wal.Entry{Kind: wal.KindTxnAbort, TxID: id}); err != nil {
			return fmt.Errorf("aborting the chunks of unfinished transaction %d: %w", id, err)
		}
		ts.log.Warn("aborted a transaction interrupted between its chunks and its commit", "txid", id)
	}
	return nil
}

// applyChunked applies a chunk (held back), a commit or an abort.
func (f *fsm) applyChunked(e *wal.Entry) error {
	f.mu.Lock()
	switch e.Kind {
	case wal.KindTxnChunk:
		if f.chunks == nil {
			f.chunks = make(map[uint64][][]wal.Mutation)
		}
		// Kept chunk by chunk and joined once at the commit: appending to one slice copied
		// the rows held so far at every growth, a large share of replaying a big transaction.
		f.chunks[e.TxID] = append(f.chunks[e.TxID], e.Mutations)
		f.mu.Unlock()
		return nil
	case wal.KindTxnAbort:
		delete(f.chunks, e.TxID)
		f.mu.Unlock()
		return nil
	}
	chunks, ok := f.chunks[e.TxID]
	delete(f.chunks, e.TxID)
	f.mu.Unlock()
	if !ok {
		return fmt.Errorf("tablespace: commit of transaction %d, whose chunks are not here", e.TxID)
	}
	return f.applyTxn(slices.Concat(chunks...))
}
