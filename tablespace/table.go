package tablespace

import (
	"cmp"
	"slices"
	"sync"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
)

// loc is where the current image of a row lives: inMemory (the dirty or the flushing buffer),
// or a slot of an immutable page, packed as pageID<<slotBits | slot.
type loc uint64

const (
	inMemory loc = 0
	slotBits     = 24
	maxSlot      = 1<<slotBits - 1
)

func pageLoc(page uint64, slot uint32) loc { return loc(page<<slotBits | uint64(slot)) }
func (l loc) page() uint64                 { return uint64(l) >> slotBits }
func (l loc) slot() uint32                 { return uint32(l & maxSlot) }

// pageState is what the tablespace knows of one page a table references: how many records it
// holds and which slots are no longer live. Dead slots are recorded when the row is changed,
// and written with the next manifest.
type pageState struct {
	records uint32
	dead    map[uint32]struct{}
}

func (p *pageState) live() int { return int(p.records) - len(p.dead) }

// table is the in-memory state of one table. mu guards every field except schema, which is
// immutable; flushing is written only by the checkpoint that owns it (see checkpoint.go).
type table struct {
	schema *types.Schema

	mu       sync.RWMutex
	pk       map[string]loc
	dirty    map[string][]byte // rows changed since the checkpoint that is being taken, if any
	flushing map[string][]byte // rows the checkpoint in progress is writing; nil when none
	pages    map[uint64]*pageState
	dirtyMem int64
}

// recordOverhead approximates the map and slice headers a dirty record costs beyond its bytes.
const recordOverhead = 64

func newTable(s *types.Schema) *table {
	return &table{
		schema: s,
		pk:     make(map[string]loc),
		dirty:  make(map[string][]byte),
		pages:  make(map[uint64]*pageState),
	}
}

// lookup returns the location of key and, when it is in memory, its value. Caller holds mu.
func (t *table) lookup(key []byte) (l loc, value []byte, ok bool) {
	l, ok = t.pk[string(key)]
	if !ok || l != inMemory {
		return l, nil, ok
	}
	if v, ok := t.dirty[string(key)]; ok {
		return l, v, true
	}
	return l, t.flushing[string(key)], true
}

// put makes value the current image of key. Caller holds mu for writing.
// It touches each map as few times as it can: on a million-row table every access is a
// likely cache miss, and this runs serially on the apply path.
func (t *table) put(key, value []byte) {
	old, ok := t.pk[string(key)]
	var prev []byte
	inDirty := false
	switch {
	case !ok: // a new key: in neither map
	case old != inMemory:
		t.markDead(old)
	default:
		prev, inDirty = t.dirty[string(key)]
	}
	k := string(key)
	if !ok || old != inMemory {
		t.pk[k] = inMemory
	}
	if inDirty {
		t.dirtyMem -= int64(len(prev))
	} else {
		t.dirtyMem += int64(len(k) + recordOverhead)
	}
	t.dirty[k] = value
	t.dirtyMem += int64(len(value))
}

// remove deletes key. Caller holds mu for writing.
func (t *table) remove(key []byte) {
	l, ok := t.pk[string(key)]
	if !ok {
		return
	}
	if l != inMemory {
		t.markDead(l)
	}
	delete(t.pk, string(key))
	if old, ok := t.dirty[string(key)]; ok {
		t.dirtyMem -= int64(len(key) + recordOverhead + len(old))
		delete(t.dirty, string(key))
	}
	// A flushing copy stays until its checkpoint ends; the checkpoint sees the key is gone
	// from pk and marks the copy it wrote dead.
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
