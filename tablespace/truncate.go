package tablespace

import (
	"context"
	"time"

	"github.com/drovedb/drove/wal"
)

// TRUNCATE is a table-level operation: one wal.OpTruncate mutation in the transaction's entry,
// whatever the table's size. Applying it swaps in an empty table with the same schema (its
// indexes empty too), so it costs O(1) memory and log bytes; the old table's pages are
// referenced by no later manifest, and page GC deletes them. The transaction holds the table's
// gate closed from the TRUNCATE to its end, as PostgreSQL's ACCESS EXCLUSIVE lock does: no
// other transaction reads or writes the table meanwhile, so none sees it emptied before the
// commit, or its rows after.

// truncateOverhead is what a truncate costs the transaction's memory bound.
const truncateOverhead = writeOverhead

// Truncate empties table in this transaction: later reads of the transaction see it empty
// (plus its own later writes), and the commit empties it for everyone. The transaction must
// have entered the table (Enter); Truncate then waits, up to the lock timeout, until no other
// transaction is inside, and keeps others out until this one ends.
func (tx *Txn) Truncate(ctx context.Context, table string) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	if err := tx.leading(); err != nil {
		return err
	}
	if err := tx.admitted(table, t); err != nil {
		return err
	}
	var closed *tableGate // the gate this TRUNCATE closes, if it was not closed already
	if g := tx.gates[tx.entered(table)].g; g.holder.Load() != tx.id && g.locker.Load() == tx.id {
		g.holder.Store(tx.id) // closed by the transaction's LOCK already
		if tx.sp != nil && len(tx.sp.marks) > 0 {
			tx.sp.undo = append(tx.sp.undo, undoRecord{i: -1, gate: g, unhold: true})
		}
	} else if g.holder.Load() != tx.id {
		closed = g
		timeout := tx.timeout()
		if d, ok := ctx.Value(lockTimeoutKey{}).(time.Duration); ok {
			timeout = d
		}
		if err := tx.holdGate(ctx, g, timeout); err != nil {
			return err
		}
	}
	if tx.sp != nil {
		if err := tx.saveBeforeTruncate(closed); err != nil {
			return err
		}
	}
	if err := tx.reserve(int64(len(table)) + truncateOverhead); err != nil {
		return err
	}
	// The table's earlier writes in this transaction are void: drop them, so the entry holds
	// the truncate and only what follows it.
	tx.con = nil // its indexes of the write set name positions the compaction moves
	kept := tx.writes[:0]
	for _, m := range tx.writes {
		if m.Table != table {
			kept = append(kept, m)
		}
	}
	clear(tx.writes[len(kept):])
	tx.writes = append(kept, wal.Mutation{Op: wal.OpTruncate, Table: table})
	if len(tx.index) > 0 {
		clear(tx.index)
		for j := range tx.writes {
			if m := &tx.writes[j]; m.Op != wal.OpTruncate {
				tx.index[lockID(m.Table, m.Key)] = j
			}
		}
	}
	return nil
}

// truncated says whether the transaction truncated table (it holds the table's gate): its
// committed rows are then invisible to it.
func (tx *Txn) truncated(table string) bool {
	i := tx.entered(table)
	return i >= 0 && tx.gates[i].g.holder.Load() == tx.id
}

// truncations applies an entry's truncates to tabs, the table each mutation was resolved to
// (a truncate's included): a truncate, and a mutation a later truncate of its table voids,
// get nil; a mutation after the last truncate of its table gets a fresh empty table, returned
// by name for install to swap in once every mutation has been applied.
func truncations(muts []wal.Mutation, tabs []*table) map[string]*table {
	var last map[string]int
	for i := range muts {
		if muts[i].Op == wal.OpTruncate {
			if last == nil {
				last = make(map[string]int)
			}
			last[muts[i].Table] = i
		}
	}
	if last == nil {
		return nil
	}
	fresh := make(map[string]*table, len(last))
	for name, i := range last {
		fresh[name] = newTable(tabs[i].schema, tabs[i].store)
	}
	for i := range muts {
		m := &muts[i]
		if lt, ok := last[m.Table]; ok {
			if i <= lt {
				tabs[i] = nil
			} else {
				tabs[i] = fresh[m.Table]
			}
		}
	}
	return fresh
}

// install swaps the fresh tables of an entry's truncates in for the old ones.
func (f *fsm) install(fresh map[string]*table) {
	if len(fresh) == 0 {
		return
	}
	f.mu.Lock()
	for name, t := range fresh {
		f.tables[name] = t
	}
	f.tablesChanged()
	f.mu.Unlock()
}
