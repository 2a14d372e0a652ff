package tablespace

import (
	"context"
	"sync"
	"time"
)

// lockTable holds the row locks of one tablespace. A lock is owned by one transaction from its
// first write (or GetForUpdate) of the row until that transaction commits or rolls back, so two
// transactions never compute new images of the same row from the same old one.
type lockTable struct {
	mu    sync.Mutex
	locks map[string]rowLock
}

// rowLock is kept by value: a lock nobody waits for costs no allocation (bulk loads take
// one per row).
type rowLock struct {
	owner    uint64
	released chan struct{} // made by the first waiter, closed when the owner lets go
}

func newLockTable() *lockTable { return &lockTable{locks: make(map[string]rowLock)} }

// acquire takes the lock on id (table name, NUL, key) for txn, waiting at most timeout.
// It reports whether the lock was newly taken (false when txn already held it).
func (lt *lockTable) acquire(ctx context.Context, txn uint64, id string, timeout time.Duration) (bool, error) {
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		lt.mu.Lock()
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
		if l.released == nil {
			l.released = make(chan struct{})
			lt.locks[id] = l
		}
		wait := l.released
		lt.mu.Unlock()
		if timer == nil {
			timer = time.NewTimer(timeout)
		}
		select {
		case <-wait:
		case <-timer.C:
			return false, ErrLockTimeout
		case <-ctx.Done():
			return false, ctx.Err()
		}
	}
}

// release lets go of the given locks owned by txn.
func (lt *lockTable) release(txn uint64, ids []string) {
	if len(ids) == 0 {
		return
	}
	lt.mu.Lock()
	for _, id := range ids {
		if l, held := lt.locks[id]; held && l.owner == txn {
			delete(lt.locks, id)
			if l.released != nil {
				close(l.released)
			}
		}
	}
	lt.mu.Unlock()
}
