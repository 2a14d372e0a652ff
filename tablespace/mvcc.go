package tablespace

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Snapshot reads (see DESIGN.md, "Snapshots"). A reader pins the applied index S; while any
// reader is pinned, apply keeps the image each entry replaces, tagged with the entry's index
// (until), in the table's old map; a read at S takes, for a key, the first kept image with
// until > S, else the current one. Kept images are dropped once every pinned snapshot is at
// or past their until. With no reader pinned apply keeps nothing: one atomic load per entry.

// latest is the snapshot of a reader that is not pinned: it reads the current images.
const latest = ^uint64(0)

// oldVer is a committed image of a row that the entry at index until replaced; exists is
// false when the row did not exist before that entry.
type oldVer struct {
	value  []byte
	exists bool
	until  uint64
}

// oldRef names a kept image for pruning, in the order apply kept them (ascending until).
type oldRef struct {
	t     *table
	key   string
	until uint64
}

// oldVerOverhead approximates the bytes a kept image costs beyond its value: the old map's
// entry and key, the chain's slot, the prune queue's reference.
const oldVerOverhead = 96

// pinCount is a snapshot index and how many readers hold it.
type pinCount struct {
	index uint64
	n     int
}

// pinSlots is how many pins the registry holds without its mutex; more concurrent pins go to
// the overflow slice under it.
const pinSlots = 64

// pinSlot holds one pin: 0 when free, slotPinning while its reader reads its snapshot, else
// the snapshot plus 2. Padded to a cache line, so pins on different slots do not share one.
type pinSlot struct {
	v atomic.Uint64
	_ [56]byte
}

const slotPinning = 1

// snapRegistry is the set of pinned snapshots and the queue of kept images.
type snapRegistry struct {
	readers atomic.Int64 // pinned snapshots; apply reads it once per entry

	slots [pinSlots]pinSlot

	mu     sync.Mutex
	pinned []pinCount // pins that found no free slot: a slice costs no allocation per
	// statement, which a map's churn did

	qmu   sync.Mutex // guards queue and head; taken before any table lock
	queue []oldRef
	head  int
	again atomic.Bool // a prune was asked for while qmu was held

	versions atomic.Int64 // kept images
	bytes    atomic.Int64 // their estimated memory
}

// pin registers a reader and returns its snapshot: an applied index such that every entry
// after it sees the reader and keeps what it replaces, and the slot to unpin it by (-1: the
// overflow slice).
//
// The reader counts itself before it reads the indexes, and apply publishes the entry it
// starts (applying) before it looks at the count. So an entry that began after the reader
// read applying keeps images for it; the entry in progress at that moment, if any, may not
// have, so the snapshot is that entry, once it is applied.
//
// A pin takes a free slot (marking it slotPinning) before it reads applying, and a pruner
// reads the applied index before the slots: a pin the pruner finds no trace of read applying
// after the pruner read applied, so its snapshot is at least the pruner's bound; one it finds
// pinning is waited for. The common path is three atomic operations and no lock (a mutex
// here was, with the table gates, most of the lock waiting of concurrent point SELECTs).
func (f *fsm) pin() (uint64, int) {
	r := &f.snaps
	r.readers.Add(1)
	slot := -1
	var s uint64
	for i, start := 0, int(rand.Uint32()%pinSlots); i < pinSlots; i++ {
		j := (start + i) % pinSlots
		if v := &r.slots[j].v; v.Load() == 0 && v.CompareAndSwap(0, slotPinning) {
			s = f.applying.Load()
			v.Store(s + 2)
			slot = j
			break
		}
	}
	if slot < 0 {
		s = f.pinOverflow()
	}
	// Not under mu: the entry being applied may wait for a pruner that waits for mu.
	for spins := 0; f.applied.Load() < s; spins++ {
		if spins < 64 {
			runtime.Gosched()
		} else {
			time.Sleep(20 * time.Microsecond)
		}
	}
	return s, slot
}

// pin16 is pin for a Txn, which keeps the slot in 16 bits.
func (f *fsm) pin16() (uint64, int16) {
	s, slot := f.pin()
	return s, int16(slot)
}

// pinOverflow registers a pin in the overflow slice and returns its snapshot.
func (f *fsm) pinOverflow() uint64 {
	r := &f.snaps
	r.mu.Lock()
	defer r.mu.Unlock()
	s := f.applying.Load()
	for i := range r.pinned {
		if r.pinned[i].index == s {
			r.pinned[i].n++
			return s
		}
	}
	r.pinned = append(r.pinned, pinCount{index: s, n: 1})
	return s
}

// unpin releases a snapshot pin returned, and drops the images no pinned reader needs.
func (f *fsm) unpin(s uint64, slot int) {
	r := &f.snaps
	if slot >= 0 {
		r.slots[slot].v.Store(0)
	} else {
		r.mu.Lock()
		for i := range r.pinned {
			if r.pinned[i].index == s {
				if r.pinned[i].n--; r.pinned[i].n == 0 {
					last := len(r.pinned) - 1
					r.pinned[i] = r.pinned[last]
					r.pinned = r.pinned[:last]
				}
				break
			}
		}
		r.mu.Unlock()
	}
	r.readers.Add(-1)
	if r.versions.Load() > 0 {
		f.prune()
	}
}

// minPinned lowers bound to the oldest pinned snapshot. A slot being pinned is waited for:
// its reader is between two atomic operations.
func (r *snapRegistry) minPinned(bound uint64) uint64 {
	for i := range r.slots {
		v := r.slots[i].v.Load()
		for v == slotPinning {
			runtime.Gosched()
			v = r.slots[i].v.Load()
		}
		if v != 0 {
			bound = min(bound, v-2)
		}
	}
	r.mu.Lock()
	for _, p := range r.pinned {
		bound = min(bound, p.index)
	}
	r.mu.Unlock()
	return bound
}

// prune drops the kept images every pinned snapshot is at or past. It never waits: when
// another goroutine is pruning, it asks it to go again (again is set before the try, and the
// pruner looks at it after it lets go), so a last unpin always leads to a prune after it.
func (f *fsm) prune() {
	r := &f.snaps
	r.again.Store(true)
	for r.again.Load() {
		if !r.qmu.TryLock() {
			return
		}
		r.again.Store(false)
		f.pruneLocked()
		r.qmu.Unlock()
	}
}

// pruneLocked is prune's work; the caller holds qmu. The bound is read as the applied index
// first and the pins second: a reader that pins after that reads an applied index at least as
// large, so it never needs what is dropped.
func (f *fsm) pruneLocked() {
	r := &f.snaps
	bound := r.minPinned(f.applied.Load())
	var locked *table
	for r.head < len(r.queue) && r.queue[r.head].until <= bound {
		q := r.queue[r.head]
		r.queue[r.head] = oldRef{}
		r.head++
		if q.t != locked {
			if locked != nil {
				locked.mu.Unlock()
			}
			q.t.mu.Lock()
			locked = q.t
		}
		chain := q.t.old[q.key]
		n := 0
		for n < len(chain) && chain[n].until <= bound {
			r.versions.Add(-1)
			size := int64(len(q.key) + len(chain[n].value) + oldVerOverhead)
			r.bytes.Add(-size)
			q.t.oldMem -= size
			chain[n] = oldVer{}
			n++
		}
		if n == len(chain) {
			delete(q.t.old, q.key)
		} else if n > 0 {
			q.t.old[q.key] = chain[n:]
		}
	}
	if locked != nil {
		locked.mu.Unlock()
	}
	if r.head == len(r.queue) {
		r.queue, r.head = r.queue[:0], 0
		if cap(r.queue) > 1<<16 {
			r.queue = nil // a long reader's queue is not kept once it is done
		}
	} else if r.head > len(r.queue)/2 {
		r.queue = append(r.queue[:0], r.queue[r.head:]...)
		r.head = 0
	}
}

// keepOld records key's current image in t as replaced by the entry at index idx. Caller holds
// t.mu for writing; the reference for pruning goes to f.kept, queued by queueKept once the
// table locks are released.
func (f *fsm) keepOld(t *table, key []byte, idx uint64) error {
	chain := t.old[string(key)]
	if n := len(chain); n > 0 && chain[n-1].until == idx {
		return nil // the image before this entry is already kept
	}
	l, v, ok := t.lookup(key)
	var k string
	switch {
	case ok && l.inMemory():
		k = t.rec(l).key // the record's key string, shared rather than copied
	case ok:
		var err error
		if v, err = f.readSlot(t, l); err != nil {
			return err
		}
		fallthrough
	default:
		k = string(key)
	}
	if t.old == nil {
		t.old = make(map[string][]oldVer)
	}
	t.old[k] = append(chain, oldVer{value: v, exists: ok, until: idx})
	f.snaps.versions.Add(1)
	size := int64(len(k) + len(v) + oldVerOverhead)
	f.snaps.bytes.Add(size)
	t.oldMem += size
	f.kept = append(f.kept, oldRef{t: t, key: k, until: idx})
	return nil
}

// queueKept hands the images the entry kept to the pruner. Called before the entry counts as
// applied, so a pruner's bound never covers an image it has not been told of.
func (f *fsm) queueKept() {
	if len(f.kept) == 0 {
		return
	}
	r := &f.snaps
	r.qmu.Lock()
	r.queue = append(r.queue, f.kept...)
	r.qmu.Unlock()
	clear(f.kept)
	f.kept = f.kept[:0]
}

// versionAt returns the image of key at snapshot s when a kept image decides it. Caller holds
// t.mu.
func (t *table) versionAt(key string, s uint64) (oldVer, bool) {
	for _, v := range t.old[key] {
		if v.until > s {
			return v, true
		}
	}
	return oldVer{}, false
}

// overrides returns, for every key whose image at snapshot s is not its current one, the
// image at s. Caller holds t.mu.
func (t *table) overrides(s uint64) map[string]oldVer {
	var over map[string]oldVer
	for k, chain := range t.old {
		for _, v := range chain {
			if v.until > s {
				if over == nil {
					over = make(map[string]oldVer)
				}
				over[k] = v
				break
			}
		}
	}
	return over
}

// changedSince reports whether a committed entry after snapshot s wrote key. It is exact while
// s is pinned. Caller holds t.mu.
func (t *table) changedSince(key string, s uint64) bool {
	chain := t.old[key]
	return len(chain) > 0 && chain[len(chain)-1].until > s
}

// OldVersions returns how many replaced row images are kept for pinned snapshots and the
// memory they hold (an estimate).
func (ts *Tablespace) OldVersions() (n, bytes int64) {
	return ts.fsm.snaps.versions.Load(), ts.fsm.snaps.bytes.Load()
}
