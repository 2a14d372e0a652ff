package tablespace

import (
	"cmp"
	"slices"
	"sync"
	"unsafe"

	"github.com/drovedb/drove/checkpoint"
)

// A scan takes, under the table's read lock, what it will read — which slots of which pages,
// which records of the memory buffers — as bitmaps, a bit per row, and then reads the rows in
// batches: the pages and the flushing buffer, which are immutable, without a lock, the dirty
// buffer, whose records apply rewrites in place, a batch of records per read lock. A slow
// consumer never blocks the apply path, and a scan holds a fraction of a byte per row, where
// a reference per row (48 bytes) made a scan of a 5M-row table hold 240 MB before it read
// anything. Why each batch still reads the snapshot: DESIGN.md, "Scans".

// scanBatch is how many dirty records a scan reads per read lock.
const scanBatch = 1024

// scanRef is a row a scan hands out from memory: a dirty record read in a batch, or an image
// kept for the scan's snapshot.
type scanRef struct {
	key   string
	value []byte
}

// pageSpan is a page a scan reads: its id, its slot count and, when some slots were dead as
// the scan began, where their bitmap starts in scanSet.bits (-1: none).
type pageSpan struct {
	id      uint64
	records uint32
	dead    int32
}

// scanSet is what one scan reads, in storage order: the live slots of each page, then the
// current records of the buffer a checkpoint is flushing, then the live records of the dirty
// buffer, all as they were when the scan began (its start, T0). Reading rows where they lie,
// rather than in the PK map's random order with a random access to each, is what keeps a
// full scan of a large table cheap.
//
// At a snapshot s (not latest) the images kept for it replace the current ones: rows whose
// key is in over (changed after s, before T0) are skipped, and extra holds the images at s of
// those keys that existed then; a dirty record whose key changed after T0 is read from the
// kept images too (see next).
type scanSet struct {
	t     *table
	f     *fsm // set while the scan is in f.scans (it reads pages)
	s     uint64
	pages []pageSpan
	bits  []uint64 // the pages' dead slots, then fl's current records, then dirty's live ones
	fl    *memBuf  // the flushing buffer at T0 (frozen), or nil
	flN   int      // its records
	flAt  int      // where its bitmap starts in bits
	dirty *memBuf  // the dirty buffer at T0
	dN    int      // its records at T0; later ones are not the scan's
	dAt   int
	over  map[string]oldVer
	extra []scanRef
	batch []scanRef // the dirty records read last
	rows  int       // current rows at T0, the scan's size
}

// scanSets recycles the slices of finished scans, so a scan allocates nothing per row.
var scanSets sync.Pool

// setBits appends a bitmap of n bits, set where set says, and returns where it starts.
func (set *scanSet) setBits(n int, on func(i int) bool) int {
	at := len(set.bits)
	set.bits = append(set.bits, make([]uint64, (n+63)/64)...)
	words := set.bits[at:]
	for i := range n {
		if on(i) {
			words[i/64] |= 1 << (i % 64)
		}
	}
	return at
}

func (set *scanSet) bit(at, i int) bool { return set.bits[at+i/64]&(1<<(i%64)) != 0 }

// refs takes the scan set of t at snapshot s under the read lock.
func (f *fsm) refs(t *table, s uint64) *scanSet {
	set, _ := scanSets.Get().(*scanSet)
	if set == nil {
		set = &scanSet{}
	}
	set.t, set.s = t, s
	t.mu.RLock()
	defer t.mu.RUnlock()
	for id, ps := range t.pages {
		sp := pageSpan{id: id, records: ps.records, dead: -1}
		if len(ps.dead) > 0 {
			sp.dead = int32(len(set.bits))
			set.bits = append(set.bits, make([]uint64, (ps.records+63)/64)...)
			words := set.bits[sp.dead:]
			for slot := range ps.dead {
				words[slot/64] |= 1 << (slot % 64)
			}
		}
		set.pages = append(set.pages, sp)
		set.rows += ps.live()
	}
	slices.SortFunc(set.pages, func(a, b pageSpan) int { return cmp.Compare(a.id, b.id) })
	if len(set.pages) > 0 {
		// Registered while the pages are the table's (under its read lock): a checkpoint
		// that compacts one away removes it from t.pages after this, so every page GC that
		// could delete it sees the registration.
		set.f = f
		f.scans.add(set)
	}
	// A flushing record is current while the key still points at it (see put and remove);
	// a dirty one until it is deleted.
	if fl := t.flushing; fl != nil {
		set.fl, set.flN = fl, fl.n
		set.flAt = set.setBits(fl.n, func(i int) bool {
			if l, ok := t.pk.getS(fl.at(i).key); ok && l == memLoc(fl.parity, i) {
				set.rows++
				return true
			}
			return false
		})
	}
	d := t.dirty
	set.dirty, set.dN = d, d.n
	set.dAt = set.setBits(d.n, func(i int) bool {
		if !d.at(i).dead {
			set.rows++
			return true
		}
		return false
	})
	if s != latest && len(t.old) > 0 {
		set.over = t.overrides(s)
		for k, v := range set.over {
			if v.exists {
				set.extra = append(set.extra, scanRef{key: k, value: v.value})
			}
		}
	}
	return set
}

// release returns a finished scan's set to the pool, dropping what it pointed at.
func (set *scanSet) release() {
	if set.f != nil {
		set.f.scans.remove(set)
	}
	if cap(set.bits) > 1<<20 || cap(set.pages) > 1<<20 {
		return // an outsized one is not kept
	}
	clear(set.extra)
	clear(set.batch)
	*set = scanSet{pages: set.pages[:0], bits: set.bits[:0], extra: set.extra[:0], batch: set.batch[:0]}
	scanSets.Put(set)
}

// scanPins are the scans that read pages, whose pages page GC keeps. A scan reads its pages
// without a lock, long after it listed them; a page a checkpoint compacted away stays in the
// previous manifest for one more checkpoint and is then deleted, so without this a scan
// that spans more checkpoints fails (or a cursor of a long statement does).
type scanPins struct {
	mu   sync.Mutex
	sets map[*scanSet]struct{}
}

func (p *scanPins) add(set *scanSet) {
	p.mu.Lock()
	if p.sets == nil {
		p.sets = make(map[*scanSet]struct{})
	}
	p.sets[set] = struct{}{}
	p.mu.Unlock()
}

func (p *scanPins) remove(set *scanSet) {
	p.mu.Lock()
	delete(p.sets, set)
	p.mu.Unlock()
	set.f = nil
}

// manifest lists the pages of store that running scans read, as a manifest for page GC to
// keep; nil when there are none.
func (p *scanPins) manifest(store *checkpoint.Store) *checkpoint.Manifest {
	p.mu.Lock()
	defer p.mu.Unlock()
	var refs []checkpoint.PageRef
	for set := range p.sets {
		if set.t.store != store {
			continue
		}
		for _, sp := range set.pages {
			refs = append(refs, checkpoint.PageRef{ID: sp.id})
		}
	}
	if refs == nil {
		return nil
	}
	return &checkpoint.Manifest{Tables: []checkpoint.TableManifest{{Pages: refs}}}
}

// readDirty reads the next batch of the dirty buffer's records, from index from, under the
// read lock, and returns where the next batch starts.
//
// A record live at T0 whose key no entry changed since s is still what it was at T0: the
// row's image at s (or, at latest, its current one). One whose key changed since (rewritten
// in place, deleted, or moved on by a later write) is read from the images kept for s: the
// first one after s is the image at T0, since the key is not in over. At latest, a record is
// read as it is now and skipped once deleted.
func (set *scanSet) readDirty(from int) int {
	t, d := set.t, set.dirty
	set.batch = set.batch[:0]
	to := min(from+scanBatch, set.dN)
	t.mu.RLock()
	defer t.mu.RUnlock()
	for i := from; i < to; i++ {
		if !set.bit(set.dAt, i) {
			continue
		}
		r := d.at(i)
		switch {
		case set.over != nil && hasKey(set.over, r.key):
		case set.s != latest && len(t.old) > 0 && t.changedSince(r.key, set.s):
			if v, ok := t.versionAt(r.key, set.s); ok && v.exists {
				set.batch = append(set.batch, scanRef{key: r.key, value: v.value})
			}
		case !r.dead:
			set.batch = append(set.batch, scanRef{key: r.key, value: r.value})
		}
	}
	return to
}

func hasKey(m map[string]oldVer, k string) bool {
	_, ok := m[k]
	return ok
}

// pageReader reads page records, keeping the page it read last.
type pageReader struct {
	f     *fsm
	store *checkpoint.Store // the table's
	id    uint64
	page  *checkpoint.Page
}

// read returns the key and value in a slot; they must not be modified.
func (pr *pageReader) read(id uint64, slot uint32) (key, value []byte, err error) {
	if pr.page == nil || pr.id != id {
		p, err := pr.f.cache.Get(pr.store, id)
		if err != nil {
			return nil, nil, err
		}
		pr.page, pr.id = p, id
	}
	return pr.page.Record(slot)
}

// scanIter walks a scan set.
type scanIter struct {
	set  *scanSet
	rd   pageReader
	pi   int    // the page being read
	slot uint32 // its next slot
	fi   int    // the next flushing record
	di   int    // the next dirty record to read into a batch
	bi   int    // the next record of the batch
	xi   int    // the next extra image
}

// next returns the next row of the scan; ok is false at the end. key and value must not be
// modified; they stay valid after the scan (page bytes, or the table's own strings).
func (it *scanIter) next() (key, value []byte, ok bool, err error) {
	set := it.set
	for it.pi < len(set.pages) {
		p := &set.pages[it.pi]
		if it.slot >= p.records {
			it.pi, it.slot = it.pi+1, 0
			continue
		}
		slot := it.slot
		it.slot++
		if p.dead >= 0 && set.bit(int(p.dead), int(slot)) {
			continue
		}
		k, v, err := it.rd.read(p.id, slot)
		if err != nil {
			return nil, nil, false, err
		}
		if set.over != nil && hasKey(set.over, string(k)) {
			continue
		}
		return k, v, true, nil
	}
	// The flushing buffer is frozen: its records are read as they are, without a lock.
	for it.fi < set.flN {
		i := it.fi
		it.fi++
		if !set.bit(set.flAt, i) {
			continue
		}
		if r := set.fl.at(i); set.over == nil || !hasKey(set.over, r.key) {
			return bytesOf(r.key), r.value, true, nil
		}
	}
	for {
		if it.bi < len(set.batch) {
			r := &set.batch[it.bi]
			it.bi++
			return bytesOf(r.key), r.value, true, nil
		}
		if it.di >= set.dN {
			break
		}
		it.di, it.bi = set.readDirty(it.di), 0
	}
	if it.xi < len(set.extra) {
		r := &set.extra[it.xi]
		it.xi++
		return bytesOf(r.key), r.value, true, nil
	}
	return nil, nil, false, nil
}

// bytesOf views a key string as bytes: the string is immutable and outlives the scan, and a
// copy per row would cost an allocation.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// scanAt calls fn for every row of t at snapshot s.
func (f *fsm) scanAt(t *table, s uint64, fn func(key, value []byte) error) error {
	it := scanIter{set: f.refs(t, s), rd: pageReader{f: f, store: t.store}}
	defer it.set.release()
	for {
		k, v, ok, err := it.next()
		if err != nil || !ok {
			return err
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
}
