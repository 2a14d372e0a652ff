package tablespace

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
)

// loc is where the current image of a row lives: a slot of an immutable page, packed as
// pageID<<slotBits | slot, or, with memBit set, a record of one of the table's two memory
// buffers (the dirty one, or the one a checkpoint is flushing), told apart by parity.
type loc uint64

const (
	slotBits  = 24
	maxSlot   = 1<<slotBits - 1
	memBit    = loc(1) << 63
	parityBit = loc(1) << 62
)

func pageLoc(page uint64, slot uint32) loc { return loc(page<<slotBits | uint64(slot)) }
func (l loc) page() uint64                 { return uint64(l) >> slotBits }
func (l loc) slot() uint32                 { return uint32(l & maxSlot) }

func memLoc(parity loc, index int) loc { return memBit | parity | loc(index) }
func (l loc) inMemory() bool           { return l&memBit != 0 }
func (l loc) parity() loc              { return l & parityBit }
func (l loc) index() int               { return int(l &^ (memBit | parityBit)) }

// pageState is what the tablespace knows of one page a table references: how many records it
// holds and which slots are no longer live. Dead slots are recorded when the row is changed,
// and written with the next manifest.
type pageState struct {
	records uint32
	dead    map[uint32]struct{}
}

func (p *pageState) live() int { return int(p.records) - len(p.dead) }

// memBuf holds rows changed since a checkpoint, in the order they were first changed. The PK
// map points into it by index, so a changed row costs one map entry (the PK map's) rather
// than two, and changing it again is a lookup and a slice write. Records live in fixed-size
// chunks: growing never copies the records already there.
type memBuf struct {
	parity loc
	chunks [][]memRec
	n      int
}

const chunkBits = 12

func (b *memBuf) at(i int) *memRec { return &b.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

// add appends a record and returns its index.
func (b *memBuf) add(r memRec) int {
	if b.n&(1<<chunkBits-1) == 0 {
		b.chunks = append(b.chunks, make([]memRec, 0, 1<<chunkBits))
	}
	c := &b.chunks[len(b.chunks)-1]
	*c = append(*c, r)
	b.n++
	return b.n - 1
}

// memRec is one row image. dead: the row was deleted after this image was written.
type memRec struct {
	key   string
	value []byte
	dead  bool
}

// table is the in-memory state of one table. mu guards every field except schema, which is
// immutable; flushing and its records are written only by the checkpoint that owns them (see
// checkpoint.go), and never while it persists them.
type table struct {
	schema *types.Schema
	// store is the page store the table's page locations refer to. A restore from another
	// replica's snapshot switches the fsm to a new store with new tables, so a reader still
	// holding an old table never reads a page of the new store by an old id.
	store *checkpoint.Store

	mu       sync.RWMutex
	pk       pkMap
	dirty    *memBuf // rows changed since the last checkpoint began
	flushing *memBuf // rows the checkpoint in progress is writing; nil when none
	pages    map[uint64]*pageState
	dirtyMem int64

	// old holds images replaced while snapshots were pinned, oldest first per key (mvcc.go).
	old    map[string][]oldVer
	oldMem int64 // estimated bytes of old

	indexes   []*secIndex // secondary indexes, in schema order (index.go)
	indexNeed []bool      // the columns any index reads
	// referenced: a foreign key of some table references this one (constraints.go).
	referenced atomic.Bool
	hasUnique  bool // a unique secondary index
}

// recordOverhead approximates the PK map entry and record header a changed row costs beyond
// its bytes.
const recordOverhead = 64

func newTable(s *types.Schema, store *checkpoint.Store) *table {
	t := &table{
		store:  store,
		schema: s,
		pk:     newPKMap(0),
		dirty:  &memBuf{},
		pages:  make(map[uint64]*pageState),
	}
	if len(s.Indexes) > 0 {
		t.indexNeed = make([]bool, len(s.Columns))
		for _, def := range s.Indexes {
			ix := newSecIndex(s, def)
			t.hasUnique = t.hasUnique || def.Unique || def.Computed() // the hook computes a computed index's keys first
			t.indexes = append(t.indexes, ix)
			for i, n := range ix.need {
				t.indexNeed[i] = t.indexNeed[i] || n
			}
		}
	}
	return t
}

// rec returns the memory record l points at. Caller holds mu.
func (t *table) rec(l loc) *memRec {
	b := t.dirty
	if l.parity() != b.parity {
		b = t.flushing
	}
	return b.at(l.index())
}

// lookup returns the location of key and, when it is in memory, its value. Caller holds mu.
func (t *table) lookup(key []byte) (l loc, value []byte, ok bool) {
	l, ok = t.pk.get(key)
	if !ok || !l.inMemory() {
		return l, nil, ok
	}
	return l, t.rec(l).value, true
}

// put makes value the current image of key. Caller holds mu for writing.
//
// It touches the PK map as few times as it can: on a million-row table every access is a
// likely cache miss, and this runs serially on the apply path.
func (t *table) put(key, value []byte) {
	old, ok := t.pk.get(key)
	if ok && old.inMemory() && old.parity() == t.dirty.parity {
		r := t.dirty.at(old.index())
		t.dirtyMem += int64(len(value) - len(r.value))
		r.value = value
		return
	}
	var k string
	switch {
	case !ok:
		k = string(key)
	case old.inMemory(): // in the flushing buffer, which must not change: a new record
		k = t.flushing.at(old.index()).key
	default:
		t.markDead(old)
		k = string(key)
	}
	t.pk.set(k, memLoc(t.dirty.parity, t.dirty.add(memRec{key: k, value: value})))
	t.dirtyMem += int64(len(k) + len(value) + recordOverhead)
}

// remove deletes key. Caller holds mu for writing.
func (t *table) remove(key []byte) {
	l, ok := t.pk.get(key)
	if !ok {
		return
	}
	switch {
	case !l.inMemory():
		t.markDead(l)
	case l.parity() == t.dirty.parity:
		r := t.dirty.at(l.index())
		t.dirtyMem -= int64(len(r.key) + len(r.value) + recordOverhead)
		r.value, r.dead = nil, true
	}
	// A flushing record stays as it is until its checkpoint ends; the checkpoint sees the key
	// no longer points at it and marks the copy it wrote dead.
	t.pk.del(key)
}

func (t *table) markDead(l loc) {
	p := t.pages[l.page()]
	if p == nil {
		return
	}
	if p.dead == nil {
		p.dead = make(map[uint32]struct{})
	}
	p.dead[l.slot()] = struct{}{}
}

// pageRefs returns the manifest view of the table's pages. Caller holds mu.
func (t *table) pageRefs() []checkpoint.PageRef {
	refs := make([]checkpoint.PageRef, 0, len(t.pages))
	for id, p := range t.pages {
		ref := checkpoint.PageRef{ID: id, Records: p.records}
		if len(p.dead) > 0 {
			ref.Dead = make([]uint32, 0, len(p.dead))
			for s := range p.dead {
				ref.Dead = append(ref.Dead, s)
			}
			slices.Sort(ref.Dead)
		}
		refs = append(refs, ref)
	}
	slices.SortFunc(refs, func(a, b checkpoint.PageRef) int { return cmp.Compare(a.ID, b.ID) })
	return refs
}
