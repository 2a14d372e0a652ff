package tablespace

import (
	"context"
	"sync"
	"time"
)

// lockTable holds the row locks of one tablespace. A lock is owned by one transaction from its
// first write (or GetForUpdate) of the row until that transaction commits or rolls back, so two
// transactions never compute new images of the same row from the same old one.
//
// Deadlocks are detected when they form: a transaction waits for at most one lock at a time,
// so the waits-for graph has one edge per waiting transaction, and a transaction about to wait
// for the owner of a lock follows that owner's chain of edges. If the chain leads back to the
// transaction, waiting would never end: it fails with ErrDeadlock instead (PostgreSQL's 40P01)
// and the others go on once its transaction rolls back. Edges change only under mu, so of two
// transactions closing a cycle at the same moment, one sees the other's edge.
type lockTable struct {
	mu       sync.Mutex
	locks    map[string]rowLock
	waitsFor map[uint64]waitEdge // waiting transaction → the lock it waits for
}

// waitEdge is a waiting transaction's edge of the waits-for graph: the lock's owner, and the
// lock (so that releasing some of an owner's locks drops only the edges to those).
type waitEdge struct {
	owner uint64
	id    string
}

// rowLock is kept by value: a lock nobody waits for costs no allocation (bulk loads take
// one per row).
type rowLock struct {
	owner    uint64
	released chan struct{} // made by the first waiter, closed when the owner lets go
}

func newLockTable() *lockTable {
	return &lockTable{locks: make(map[string]rowLock), waitsFor: make(map[uint64]waitEdge)}
}

// closesCycle reports whether txn waiting for owner would complete a cycle. Caller holds mu.
func (lt *lockTable) closesCycle(txn, owner uint64) bool {
	for steps := 0; steps <= len(lt.waitsFor); steps++ {
		if owner == txn {
			return true
		}
		next, waiting := lt.waitsFor[owner]
		if !waiting {
			return false
		}
		owner = next.owner
	}
	return false
}

// acquire takes the lock on id (table name, NUL, key) for txn, waiting at most timeout; a
// negative timeout does not wait (NOWAIT, SKIP LOCKED): a lock another transaction holds is
// ErrLockNotAvailable at once. It reports whether the lock was newly taken (false when txn
// already held it).
func (lt *lockTable) acquire(ctx context.Context, txn uint64, id string, timeout time.Duration) (bool, error) {
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	stopWaiting := func() {
		lt.mu.Lock()
		delete(lt.waitsFor, txn)
		lt.mu.Unlock()
	}
	for {
		lt.mu.Lock()
		delete(lt.waitsFor, txn)
		l, held := lt.locks[id]
		if !held {
			lt.locks[id] = rowLock{owner: txn}
			lt.mu.Unlock()
			return true, nil
		}
		if l.owner == txn {
			lt.mu.Unlock()
			return false, nil
		}
		if timeout < 0 {
			lt.mu.Unlock()
			return false, ErrLockNotAvailable
		}
		if lt.closesCycle(txn, l.owner) {
			lt.mu.Unlock()
			return false, ErrDeadlock
		}
		lt.waitsFor[txn] = waitEdge{owner: l.owner, id: id}
		if l.released == nil {
			l.released = make(chan struct{})
			lt.locks[id] = l
		}
		wait := l.released
		lt.mu.Unlock()
		var expired <-chan time.Time // nil, never ready, with no bound
		if timeout != WaitForRowLocks {
			if timer == nil {
				timer = time.NewTimer(timeout)
			}
			expired = timer.C
		}
		select {
		case <-wait:
		case <-expired:
			stopWaiting()
			return false, ErrLockTimeout
		case <-ctx.Done():
			stopWaiting()
			return false, ctx.Err()
		}
	}
}

// release lets go of the given locks owned by txn, all it holds: it is ending.
func (lt *lockTable) release(txn uint64, ids []string) {
	lt.releaseLocks(txn, ids, false)
}

// releaseSome lets go of some of the locks txn holds (those taken since a savepoint): a
// waiter for one of the others keeps its edge, so a deadlock through it is still detected.
func (lt *lockTable) releaseSome(txn uint64, ids []string) {
	lt.releaseLocks(txn, ids, true)
}

func (lt *lockTable) releaseLocks(txn uint64, ids []string, some bool) {
	if len(ids) == 0 {
		return
	}
	lt.mu.Lock()
	defer lt.mu.Unlock()
	woke := false
	for _, id := range ids {
		if l, held := lt.locks[id]; held && l.owner == txn {
			delete(lt.locks, id)
			if l.released != nil {
				close(l.released)
				woke = true
			}
		}
	}
	if woke {
		// Waiters no longer wait for txn, though they have not run yet to say so: an edge
		// left behind could close a cycle that does not exist.
		for w, e := range lt.waitsFor {
			if e.owner == txn && (!some || lt.locks[e.id].owner != txn) {
				delete(lt.waitsFor, w)
			}
		}
	}
	// A Go map keeps the buckets of its largest size: after a transaction that locked
	// millions of rows they would stay for good. Copy the few locks left into a fresh map.
	if len(ids) >= shrinkLocksAfter && len(lt.locks) < len(ids)/8 {
		fresh := make(map[string]rowLock, len(lt.locks))
		for id, l := range lt.locks {
			fresh[id] = l
		}
		lt.locks = fresh
	}
}

// shrinkLocksAfter is the release size from which the lock map is rebuilt when it has become
// mostly empty.
const shrinkLocksAfter = 4096
