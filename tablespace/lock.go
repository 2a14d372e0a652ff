package tablespace

import (
	"context"
	"errors"
	"time"
)

// Table locks (LOCK TABLE) on the table gates (alter.go). A transaction inside a table's gate
// holds what PostgreSQL's ACCESS SHARE, ROW SHARE and ROW EXCLUSIVE locks give: every
// statement enters the gates of its tables, so those locks are taken implicitly by reads and
// writes, and they conflict with nothing but the closed gate. A transaction that closes the
// gate with itself inside holds ACCESS EXCLUSIVE (as TRUNCATE does), until it ends, or until
// a ROLLBACK TO a savepoint set before it. Waits are bounded by the lock timeout (55P03);
// there is no deadlock detection for table locks, so two transactions that wait for each
// other's tables both wait until one's lock timeout ends it.

// nowaitTimeout is a lock timeout that gives up at once.
const nowaitTimeout = time.Nanosecond

// LockShared enters table's gate for the rest of the transaction (ACCESS SHARE, ROW SHARE or
// ROW EXCLUSIVE: what a read or write takes anyway), waiting up to the lock timeout while
// another transaction holds it exclusively; with nowait, ErrLockNotAvailable at once
// instead. The caller still confirms the table's schema with Enter before it reads or writes.
func (tx *Txn) LockShared(ctx context.Context, table string, nowait bool) error {
	if tx.entered(table) >= 0 {
		return nil
	}
	g := tx.ts.gate(table)
	if nowait {
		if !g.tryEnter() {
			return ErrLockNotAvailable
		}
	} else if err := g.enterTimed(ctx, tx.timeout()); err != nil {
		return err
	}
	if tx.gates == nil {
		tx.gates = tx.gateBuf[:0]
	}
	tx.gates = append(tx.gates, enteredGate{table: table, g: g})
	return nil
}

// LockExclusive closes table's gate with the transaction inside (ACCESS EXCLUSIVE), as
// TRUNCATE does, until the transaction ends: it waits, up to the lock timeout, for every other
// transaction to leave the table; with nowait it fails at once with ErrLockNotAvailable. The
// transaction must have entered the table (LockShared or Enter).
func (tx *Txn) LockExclusive(ctx context.Context, table string, nowait bool) error {
	if err := tx.leading(); err != nil {
		return err
	}
	i := tx.entered(table)
	if i < 0 {
		return ErrNotEntered
	}
	g := tx.gates[i].g
	if g.holder.Load() == tx.id || g.locker.Load() == tx.id {
		return nil
	}
	timeout := tx.timeout()
	if d, ok := ctx.Value(lockTimeoutKey{}).(time.Duration); ok {
		timeout = d
	}
	if nowait {
		timeout = nowaitTimeout
	}
	if err := g.close(ctx, timeout, 1); err != nil {
		if nowait && errors.Is(err, ErrLockTimeout) {
			return ErrLockNotAvailable
		}
		return err
	}
	g.mu.Lock()
	g.locker.Store(tx.id)
	g.signal() // transactions already waiting to enter start their lock timeout now
	g.mu.Unlock()
	if tx.sp != nil && len(tx.sp.marks) > 0 {
		tx.sp.undo = append(tx.sp.undo, undoRecord{i: -1, gate: g}) // ROLLBACK TO opens it again
	}
	return nil
}

// holdGate closes g with the transaction inside and makes it the holder, until it ends.
func (tx *Txn) holdGate(ctx context.Context, g *tableGate, timeout time.Duration) error {
	if err := g.close(ctx, timeout, 1); err != nil {
		return err
	}
	g.mu.Lock()
	g.holder.Store(tx.id)
	g.signal() // transactions already waiting to enter start their lock timeout now
	g.mu.Unlock()
	return nil
}

// tryEnter enters an open gate, or reports false without waiting.
func (g *tableGate) tryEnter() bool {
	for {
		s := g.state.Load()
		if s&gateAltering != 0 {
			return false
		}
		if g.state.CompareAndSwap(s, s+1) {
			return true
		}
	}
}

// enterTimed is enter, its wait bounded by timeout whoever closed the gate (enter bounds it
// only while a transaction holds it: a schema change's close ends by itself).
func (g *tableGate) enterTimed(ctx context.Context, timeout time.Duration) error {
	if g.tryEnter() {
		return nil
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, ErrLockTimeout)
	defer cancel()
	err := g.enter(ctx, timeout)
	if err != nil && errors.Is(context.Cause(ctx), ErrLockTimeout) {
		return ErrLockTimeout
	}
	return err
}
