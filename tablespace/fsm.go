package tablespace

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/internal/committrace"
	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// fsm is the replicated state: every replica feeds it the same committed entries in the same
// order. Apply runs on Raft's FSM goroutine only, or on a single voter's direct path under its
// applyMu (direct.go), one batch at a time; readers run concurrently under table locks.
type fsm struct {
	dir   string            // the tablespace's directory, where its page stores are
	pages *checkpoint.Store // the page store checkpoints write into; guarded by mu (stores.go)
	cache *checkpoint.Cache

	mu     sync.RWMutex // guards tables (the map, not the tables' contents)
	tables map[string]*table
	// tablesGen counts the changes of tables (tablesChanged): a point read's gate keeps the
	// table it found with the count it read, and uses it while the count is unchanged
	// (tableAt), without mu and the map lookup.
	tablesGen atomic.Uint64

	applied      atomic.Uint64        // index of the last applied entry
	applying     atomic.Uint64        // index of the entry being applied (= applied when idle)
	snaps        snapRegistry         // pinned snapshots and the images kept for them (mvcc.go)
	kept         []oldRef             // images the entry being applied kept; apply goroutine only
	dirtyMem     atomic.Int64         // sum of the tables' dirtyMem, refreshed after each batch
	checkpoints  uint64               // manifest sequence number of the last checkpoint
	lastManifest *checkpoint.Manifest // the newest durable checkpoint; guarded by mu
	// pinned are checkpoints a backup is copying: their pages survive page GC until it is
	// done. Guarded by mu.
	pinned       map[*checkpoint.Manifest]int
	scans        scanPins    // scans reading pages: page GC keeps their pages (scan.go)
	onDirty      func(int64) // told the dirty memory after each batch; may be nil
	onCheckpoint func(*checkpoint.Manifest, checkpointStats)
	// chunks holds the mutations of chunked transactions whose commit has not arrived (see
	// chunked.go); only the apply goroutine and Snapshot touch it, under mu.
	chunks map[uint64][][]wal.Mutation
	// durable waits until the log is durable up to an index (pipeline.go); false: it never
	// will be here (the tablespace closes on a failing log), and nothing more may be applied.
	durable func(index uint64) bool
	broken  atomic.Bool // an entry was skipped for durable's false: no snapshot may be taken
}

func newFSM(pages *checkpoint.Store, cache *checkpoint.Cache) *fsm {
	return &fsm{pages: pages, cache: cache, tables: make(map[string]*table)}
}

func (f *fsm) table(name string) *table {
	f.mu.RLock()
	t := f.tables[name]
	f.mu.RUnlock()
	return t
}

// tablesChanged is called, under mu held for writing, after every change of tables: it
// invalidates the tables point reads cached (tableAt) and marks the referenced tables.
func (f *fsm) tablesChanged() {
	f.tablesGen.Add(1)
	f.refreshReferenced()
}

// cachedTable is a table a gate's point reads found, with the tablesGen read before.
type cachedTable struct {
	gen uint64
	t   *table
}

// tableAt is table(name) for a point read inside name's gate g: the table g cached while
// tables has not changed since, else a fresh lookup, cached. The count is read before the
// lookup, so a change racing with it leaves an entry whose count is already old.
func (f *fsm) tableAt(g *tableGate, name string) *table {
	gen := f.tablesGen.Load()
	if c := g.table.Load(); c != nil && c.gen == gen {
		return c.t
	}
	t := f.table(name)
	g.table.Store(&cachedTable{gen: gen, t: t})
	return t
}

// Apply implements raft.FSM.
func (f *fsm) Apply(l *raft.Log) interface{} {
	return f.ApplyBatch([]*raft.Log{l})[0]
}

// ApplyBatch implements raft.BatchingFSM. The result of each entry is nil or an error that the
// proposer gets back from its future (e.g. the table was dropped before the entry applied).
func (f *fsm) ApplyBatch(logs []*raft.Log) []interface{} {
	out := make([]interface{}, len(logs))
	if committrace.Enabled && len(logs) > 0 {
		last := logs[len(logs)-1].Index
		committrace.Mark(committrace.FSMBatch, last, 0)
		defer committrace.Mark(committrace.FSMDone, last, 0)
	}
	if len(logs) > 0 && f.durable != nil && (f.broken.Load() || !f.durable(logs[len(logs)-1].Index)) {
		f.broken.Store(true)
		for i := range out {
			out[i] = ErrClosed
		}
		return out
	}
	if committrace.Enabled && len(logs) > 0 {
		committrace.Mark(committrace.FSMReady, logs[len(logs)-1].Index, 0)
	}
	for i, l := range logs {
		f.applying.Store(l.Index) // before applyTxn reads the reader count: see pin
		if l.Type == raft.LogCommand {
			out[i] = f.applyData(l.Data)
		}
		f.applied.Store(l.Index)
	}
	if f.snaps.versions.Load() > 0 {
		f.prune()
	}
	f.refreshDirty()
	return out
}

func (f *fsm) refreshDirty() {
	var total int64
	f.mu.RLock()
	for _, t := range f.tables {
		t.mu.RLock()
		total += t.dirtyMem
		t.mu.RUnlock()
	}
	f.mu.RUnlock()
	f.dirtyMem.Store(total)
	if f.onDirty != nil {
		f.onDirty(total)
	}
}

// applyData applies one encoded entry. A corrupt entry is an error result, never a panic: the
// log is checksummed, so this means a bug or disk corruption, and it must not be half applied.
func (f *fsm) applyData(data []byte) error {
	e, err := wal.Decode(data)
	if err != nil {
		return fmt.Errorf("tablespace: undecodable log entry: %w", err)
	}
	return f.applyEntry(&e)
}

func (f *fsm) applyEntry(e *wal.Entry) error {
	switch e.Kind {
	case wal.KindNoop:
		return nil
	case wal.KindCreateTable:
		s, err := types.UnmarshalSchema(e.Schema)
		if err != nil {
			return err
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.tables[s.Name] != nil {
			return fmt.Errorf("%w: %q", ErrTableExists, s.Name)
		}
		f.tables[s.Name] = newTable(s, f.pages)
		f.tablesChanged()
		return nil
	case wal.KindDropTable:
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.tables[e.Table] == nil {
			return fmt.Errorf("%w: %q", ErrNoTable, e.Table)
		}
		delete(f.tables, e.Table)
		f.tablesChanged()
		return nil
	case wal.KindTxn:
		return f.applyTxn(e.Mutations)
	case wal.KindAlterTable:
		return f.applyAlter(e)
	case wal.KindTxnChunk, wal.KindTxnCommit, wal.KindTxnAbort:
		return f.applyChunked(e)
	}
	return fmt.Errorf("tablespace: unknown log entry kind %d", e.Kind)
}

// applyTxn applies a transaction's row images atomically: every table is resolved first, so
// an entry naming a dropped table changes nothing. A truncate's table is replaced by an empty
// one (truncate.go) only after everything has been checked and applied.
func (f *fsm) applyTxn(muts []wal.Mutation) error {
	var last *table
	var lastName string
	tabs := make([]*table, len(muts))
	for i := range muts {
		if last == nil || muts[i].Table != lastName {
			lastName = muts[i].Table
			if last = f.table(lastName); last == nil {
				return fmt.Errorf("%w: %q", ErrNoTable, lastName)
			}
		}
		tabs[i] = last
	}
	fresh := truncations(muts, tabs)
	// An insert must not find its key: a locked insert checked that on the leader and held
	// the row since, but Txn.Load's did not. Checking every insert here, before anything
	// changes, keeps the entry all-or-nothing and every replica's verdict the same.
	var rlocked *table
	for i := range muts {
		if muts[i].Op != wal.OpInsert || tabs[i] == nil {
			continue
		}
		if t := tabs[i]; t != rlocked {
			if rlocked != nil {
				rlocked.mu.RUnlock()
			}
			t.mu.RLock()
			rlocked = t
		}
		if _, exists := rlocked.pk.get(muts[i].Key); exists {
			rlocked.mu.RUnlock()
			return &DuplicateKeyError{Table: muts[i].Table, Key: muts[i].Key, Index: i}
		}
	}
	if rlocked != nil {
		rlocked.mu.RUnlock()
	}
	changes, err := f.indexChanges(tabs, muts)
	if err != nil {
		return err
	}
	if f.snaps.readers.Load() > 0 {
		if err := f.keepImages(tabs, muts); err != nil {
			return err
		}
	}
	var locked *table
	for i := range muts {
		t := tabs[i]
		if t == nil { // a truncate, or voided by one
			continue
		}
		if t != locked {
			if locked != nil {
				locked.mu.Unlock()
			}
			t.mu.Lock()
			locked = t
		}
		m := &muts[i]
		if m.Op == wal.OpDelete {
			t.remove(m.Key)
		} else {
			t.put(m.Key, m.Value)
		}
		if changes != nil && changes[i] != nil {
			changes[i].apply()
		}
	}
	if locked != nil {
		locked.mu.Unlock()
	}
	f.install(fresh)
	return nil
}

// keepImages keeps, for the pinned readers, the images the entry is about to replace. It runs
// before anything changes, so an unreadable page leaves the entry unapplied, not half applied.
func (f *fsm) keepImages(tabs []*table, muts []wal.Mutation) error {
	defer f.queueKept()
	idx := f.applying.Load()
	var locked *table
	defer func() {
		if locked != nil {
			locked.mu.Unlock()
		}
	}()
	for i := range muts {
		t := tabs[i]
		if t == nil {
			continue
		}
		if t != locked {
			if locked != nil {
				locked.mu.Unlock()
			}
			t.mu.Lock()
			locked = t
		}
		if err := f.keepOld(t, muts[i].Key, idx); err != nil {
			return err
		}
	}
	return nil
}

// schemas returns the tables' schemas sorted by name, without the internal ones.
func (f *fsm) schemas() []*types.Schema {
	f.mu.RLock()
	out := make([]*types.Schema, 0, len(f.tables))
	for name, t := range f.tables {
		if !isInternalTable(name) { // the sequences' (sequence.go)
			out = append(out, t.schema)
		}
	}
	f.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// get returns the current image of key in t, reading its page if it is not in memory. The
// returned slice must not be modified.
func (f *fsm) get(t *table, key []byte) ([]byte, bool, error) {
	return f.getAt(t, key, latest)
}

// getAt is get at snapshot s (latest: the current image).
func (f *fsm) getAt(t *table, key []byte, s uint64) ([]byte, bool, error) {
	t.mu.RLock()
	if s != latest && len(t.old) > 0 {
		if v, ok := t.versionAt(string(key), s); ok {
			t.mu.RUnlock()
			return v.value, v.exists, nil
		}
	}
	l, v, ok := t.lookup(key)
	t.mu.RUnlock()
	if !ok {
		return nil, false, nil
	}
	if l.inMemory() {
		return v, true, nil
	}
	v, err := f.readSlot(t, l)
	return v, err == nil, err
}

func (f *fsm) readSlot(t *table, l loc) ([]byte, error) {
	p, err := f.cache.Get(t.store, l.page())
	if err != nil {
		return nil, err
	}
	_, v, err := p.Record(l.slot())
	return v, err
}

// scan calls fn for every row of t, in storage order.
func (f *fsm) scan(t *table, fn func(key, value []byte) error) error {
	return f.scanAt(t, latest, fn)
}
