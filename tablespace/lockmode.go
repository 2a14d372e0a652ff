package tablespace

import (
	"context"
	"errors"
	"slices"
	"time"
)

// Table lock modes between the gate's two (lock.go): ROW SHARE (SELECT ... FOR UPDATE),
// ROW EXCLUSIVE (every write), and LOCK TABLE's SHARE UPDATE EXCLUSIVE, SHARE, SHARE ROW
// EXCLUSIVE and EXCLUSIVE, which conflict with some of them and with each other as
// PostgreSQL's table of conflicting lock modes says. ACCESS SHARE is entering the gate and
// ACCESS EXCLUSIVE closing it; every transaction that holds a mode here is inside the gate,
// so ACCESS EXCLUSIVE conflicts with all of them without looking.
//
// The row modes are counted in one atomic word per gate (rows), as the gate counts its
// entrants: a writer's first write to a table adds itself with one compare-and-swap while no
// stronger mode is held or waited for, and leaves with one atomic add. The stronger modes are
// a list under the gate's mutex; while it is not empty the word's gateStrong bit sends row
// lockers to the slow path, which waits while a conflicting mode is held by another
// transaction, or waited for (a request queues behind a conflicting waiter unless the
// transaction already holds a row mode on the table, as PostgreSQL lets a holder go ahead of
// waiters its locks block). A stronger mode waits until no other transaction holds a row
// mode or a stronger mode it conflicts with. Waits are bounded by the lock timeout (55P03);
// modes are held until the transaction ends (a ROLLBACK TO keeps them).

// LockMode is a PostgreSQL table lock mode, weakest first.
type LockMode uint8

// The lock modes, numbered as PostgreSQL numbers them.
const (
	AccessShare LockMode = 1 + iota
	RowShare
	RowExclusive
	ShareUpdateExclusive
	Share
	ShareRowExclusive
	Exclusive
	AccessExclusive
)

func modeBit(m LockMode) uint16 { return 1 << m }

func modeBits(ms ...LockMode) uint16 {
	var b uint16
	for _, m := range ms {
		b |= modeBit(m)
	}
	return b
}

// modeConflicts[m] is the set of modes m conflicts with.
var modeConflicts = [...]uint16{
	AccessShare:          modeBits(AccessExclusive),
	RowShare:             modeBits(Exclusive, AccessExclusive),
	RowExclusive:         modeBits(Share, ShareRowExclusive, Exclusive, AccessExclusive),
	ShareUpdateExclusive: modeBits(ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive),
	Share:                modeBits(RowExclusive, ShareUpdateExclusive, ShareRowExclusive, Exclusive, AccessExclusive),
	ShareRowExclusive:    modeBits(RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive),
	Exclusive:            modeBits(RowShare, RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive),
	AccessExclusive:      modeBits(AccessShare, RowShare, RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive),
}

// The rows word: ROW SHARE holders in the low rowBits bits, ROW EXCLUSIVE holders in the
// next, and gateStrong while the strong list is not empty.
const (
	rowBits    = 30
	rowMask    = int64(1)<<rowBits - 1
	gateStrong = int64(1) << 62
)

func rowUnit(m LockMode) int64 {
	if m == RowShare {
		return 1
	}
	return 1 << rowBits
}

// strongLock is a transaction's hold of (or wait for) a mode from SHARE UPDATE EXCLUSIVE to
// EXCLUSIVE.
type strongLock struct {
	tx      uint64
	mode    LockMode
	waiting bool
}

// LockTable takes mode on table for the rest of the transaction, which must have entered it
// (LockShared or Enter), waiting up to the lock timeout (ctx's WithLockTimeout, else the
// transaction's) for the transactions holding modes it conflicts with; with nowait,
// ErrLockNotAvailable at once instead. ACCESS SHARE is entering, ACCESS EXCLUSIVE is
// LockExclusive.
func (tx *Txn) LockTable(ctx context.Context, table string, mode LockMode, nowait bool) error {
	switch mode {
	case AccessShare:
		return tx.LockShared(ctx, table, nowait)
	case AccessExclusive:
		return tx.LockExclusive(ctx, table, nowait)
	}
	i := tx.entered(table)
	if i < 0 {
		return ErrNotEntered
	}
	timeout := tx.timeout()
	if d, ok := ctx.Value(lockTimeoutKey{}).(time.Duration); ok {
		timeout = d
	}
	if nowait {
		timeout = nowaitTimeout
	}
	err := tx.lockMode(ctx, i, mode, timeout)
	if nowait && errors.Is(err, ErrLockTimeout) {
		return ErrLockNotAvailable
	}
	return err
}

// LockRowExclusive takes ROW EXCLUSIVE on table, which the transaction entered, as a
// statement that writes it does before its first row lock (PostgreSQL's writers take it on
// starting): so a write waits for a conflicting LOCK TABLE without holding row locks.
func (tx *Txn) LockRowExclusive(ctx context.Context, table string) error {
	return tx.rowLock(ctx, table, RowExclusive, tx.timeout())
}

// rowLock takes mode (ROW SHARE or ROW EXCLUSIVE) on table, if the transaction entered it,
// before a row lock or a write: a LOCK TABLE of another transaction that conflicts keeps it
// waiting, up to timeout (negative: ErrLockNotAvailable at once, as NOWAIT).
func (tx *Txn) rowLock(ctx context.Context, table string, mode LockMode, timeout time.Duration) error {
	i := tx.entered(table)
	if i < 0 || tx.gates[i].modes&modeBit(mode) != 0 {
		return nil
	}
	if timeout >= 0 {
		return tx.lockMode(ctx, i, mode, timeout)
	}
	if err := tx.lockMode(ctx, i, mode, nowaitTimeout); !errors.Is(err, ErrLockTimeout) {
		return err
	}
	return ErrLockNotAvailable
}

func (tx *Txn) lockMode(ctx context.Context, i int, mode LockMode, timeout time.Duration) error {
	e := &tx.gates[i]
	if e.modes&modeBit(mode) != 0 {
		return nil
	}
	g := e.g
	switch mode {
	case RowShare, RowExclusive:
		unit := rowUnit(mode)
		if s := g.rows.Load(); s&gateStrong != 0 || !g.rows.CompareAndSwap(s, s+unit) {
			if err := g.lockRows(ctx, tx.id, mode, e.modes, timeout); err != nil {
				return err
			}
		}
	default:
		if err := g.lockStrong(ctx, tx.id, mode, e.modes, timeout); err != nil {
			return err
		}
	}
	e.modes |= modeBit(mode)
	return nil
}

// waitChanged waits for the gate to change, its timer to fire or ctx to end. Caller holds mu,
// and holds it again when it returns.
func (g *tableGate) waitChanged(ctx context.Context, expired <-chan time.Time) error {
	ch := g.changed
	g.mu.Unlock()
	defer g.mu.Lock()
	select {
	case <-ch:
		return nil
	case <-expired:
		return ErrLockTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}

// lockRows is the slow path of a row mode: it counts the transaction in once no other
// transaction holds (or, unless held has a row mode, waits for) a mode that conflicts.
func (g *tableGate) lockRows(ctx context.Context, id uint64, mode LockMode, held uint16, timeout time.Duration) error {
	queue := held&modeBits(RowShare, RowExclusive) == 0
	var timer *time.Timer
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.strongConflict(id, mode, queue) {
		if timer == nil {
			timer = time.NewTimer(timeout)
			defer timer.Stop()
		}
		if err := g.waitChanged(ctx, timer.C); err != nil {
			return err
		}
	}
	g.rows.Add(rowUnit(mode)) // the bit is only cleared under mu
	return nil
}

// strongConflict reports whether another transaction holds a strong mode that conflicts
// with mode, or with queue waits for one. Caller holds mu.
func (g *tableGate) strongConflict(id uint64, mode LockMode, queue bool) bool {
	for _, l := range g.strong {
		if l.tx != id && (queue || !l.waiting) && modeConflicts[mode]&modeBit(l.mode) != 0 {
			return true
		}
	}
	return false
}

// lockStrong takes a strong mode once no other transaction holds a mode it conflicts with.
func (g *tableGate) lockStrong(ctx context.Context, id uint64, mode LockMode, held uint16, timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.strong = append(g.strong, strongLock{tx: id, mode: mode, waiting: true})
	if len(g.strong) == 1 {
		g.rows.Add(gateStrong)
	}
	c := modeConflicts[mode]
	for {
		s := g.rows.Load()
		others := func(m LockMode, n int64) bool {
			if held&modeBit(m) != 0 {
				n--
			}
			return c&modeBit(m) != 0 && n > 0
		}
		if !others(RowShare, s&rowMask) && !others(RowExclusive, s>>rowBits&rowMask) &&
			!g.strongConflict(id, mode, false) {
			break
		}
		if err := g.waitChanged(ctx, timer.C); err != nil {
			g.dropStrong(func(l strongLock) bool { return l.tx == id && l.mode == mode && l.waiting })
			return err
		}
	}
	for i := range g.strong {
		if l := &g.strong[i]; l.tx == id && l.mode == mode {
			l.waiting = false
		}
	}
	return nil
}

// dropStrong removes the strong list's entries del says and wakes the waiters. Caller holds
// mu.
func (g *tableGate) dropStrong(del func(strongLock) bool) {
	g.strong = slices.DeleteFunc(g.strong, del)
	if len(g.strong) == 0 && g.rows.Load()&gateStrong != 0 {
		g.rows.Add(-gateStrong)
	}
	g.signal()
}

// unlockModes releases the modes a transaction held on the gate, when it ends.
func (g *tableGate) unlockModes(id uint64, modes uint16) {
	var d int64
	if modes&modeBit(RowShare) != 0 {
		d += rowUnit(RowShare)
	}
	if modes&modeBit(RowExclusive) != 0 {
		d += rowUnit(RowExclusive)
	}
	strong := modes&^modeBits(AccessShare, RowShare, RowExclusive, AccessExclusive) != 0
	if d != 0 && g.rows.Add(-d)&gateStrong == 0 && !strong {
		return
	}
	g.mu.Lock()
	if strong {
		g.dropStrong(func(l strongLock) bool { return l.tx == id })
	} else {
		g.signal() // a strong waiter counts the row modes again
	}
	g.mu.Unlock()
}
