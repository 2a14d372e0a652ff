package tablespace

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
)

// A checkpoint is the Raft snapshot. Snapshot (on the FSM goroutine, so no entry applies
// meanwhile) only freezes each table's dirty buffer as its flushing buffer; Persist (on Raft's
// snapshot goroutine, while entries keep applying into fresh dirty buffers) writes the frozen
// records and the live records of half-empty pages into new pages, points the PK map at them,
// and writes the manifest into the snapshot sink. After Persist Raft truncates the log (on a
// single voter's direct path, directLog.checkpoint does all of this the same way).

// errCheckpointRunning is returned by Snapshot while a previous checkpoint is still persisting.
var errCheckpointRunning = errors.New("tablespace: a checkpoint is already running")

// errFSMBroken: the state machine skipped entries its log could not make durable (a closing
// tablespace on a failing disk), so it must not be checkpointed: the log is replayed instead.
var errFSMBroken = errors.New("tablespace: entries were not applied (the log failed): no checkpoint")

// errChunksPending is returned by Snapshot while a chunked transaction is being committed.
var errChunksPending = errors.New("tablespace: a chunked transaction is being committed")

// minLiveFraction: a page whose live records fall below this fraction is rewritten.
const minLiveFraction = 0.5

type tableSnap struct {
	t       *table
	frozen  *memBuf
	compact []uint64 // pages to rewrite
}

type snapshot struct {
	f      *fsm
	pages  *checkpoint.Store // the store the tables' pages are in, and the new ones go to
	index  uint64
	seq    uint64
	tables []tableSnap
	prev   *checkpoint.Manifest
	onDone func(*checkpoint.Manifest, checkpointStats)
}

type checkpointStats struct {
	Duration     time.Duration
	Records      int
	PagesWritten int
	Bytes        int64
	PagesRemoved int
}

// Snapshot implements raft.FSM.
func (f *fsm) Snapshot() (raft.FSMSnapshot, error) {
	if f.broken.Load() {
		return nil, errFSMBroken
	}
	f.mu.RLock()
	defer f.mu.RUnlock()
	if len(f.chunks) > 0 {
		// The held-back chunks live only in memory: truncating the log under them would lose
		// them. The checkpoint waits for their commit.
		return nil, errChunksPending
	}
	for _, t := range f.tables {
		t.mu.RLock()
		busy := t.flushing != nil
		t.mu.RUnlock()
		if busy {
			return nil, errCheckpointRunning
		}
	}
	f.checkpoints++
	s := &snapshot{f: f, pages: f.pages, index: f.applied.Load(), seq: f.checkpoints, prev: f.lastManifest,
		onDone: f.onCheckpoint}
	names := make([]string, 0, len(f.tables))
	for n := range f.tables {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		t := f.tables[n]
		t.mu.Lock()
		ts := tableSnap{t: t, frozen: t.dirty}
		t.flushing = t.dirty
		t.dirty = &memBuf{parity: t.flushing.parity ^ parityBit}
		t.dirtyMem = 0
		for id, p := range t.pages {
			if float64(p.live()) < minLiveFraction*float64(p.records) {
				ts.compact = append(ts.compact, id)
			}
		}
		slices.Sort(ts.compact)
		t.mu.Unlock()
		s.tables = append(s.tables, ts)
	}
	f.dirtyMem.Store(0)
	return s, nil
}

// Persist implements raft.FSMSnapshot.
func (s *snapshot) Persist(sink raft.SnapshotSink) error {
	start := time.Now()
	m := &checkpoint.Manifest{StoreID: s.pages.ID(), Seq: s.seq, RaftIndex: s.index}
	var st checkpointStats
	done := 0
	for i := range s.tables {
		tm, err := s.persistTable(&s.tables[i], &st)
		if err != nil {
			for j := i; j < len(s.tables); j++ {
				s.tables[j].abort()
			}
			sink.Cancel()
			return err
		}
		m.Tables = append(m.Tables, tm)
		done++
	}
	m.NextPageID = s.pages.NextID()
	if s.f.store() != s.pages {
		// A snapshot from the leader was installed meanwhile: this checkpoint's state is gone.
		sink.Cancel()
		return errors.New("tablespace: checkpoint overtaken by a snapshot install")
	}
	if _, err := sink.Write(m.Marshal()); err != nil {
		sink.Cancel()
		return fmt.Errorf("tablespace: writing manifest: %w", err)
	}
	if err := sink.Close(); err != nil {
		return fmt.Errorf("tablespace: closing snapshot: %w", err)
	}
	keep := []*checkpoint.Manifest{m}
	if s.prev != nil {
		keep = append(keep, s.prev)
	}
	s.f.mu.RLock()
	for pm := range s.f.pinned {
		keep = append(keep, pm)
	}
	s.f.mu.RUnlock()
	if sm := s.f.scans.manifest(s.pages); sm != nil {
		keep = append(keep, sm)
	}
	removed, err := s.pages.GC(keep...)
	if err != nil {
		return fmt.Errorf("tablespace: page GC: %w", err)
	}
	st.PagesRemoved = removed
	st.Duration = time.Since(start)
	s.f.mu.Lock()
	if s.f.pages == s.pages {
		s.f.lastManifest = m
	}
	s.f.mu.Unlock()
	if s.onDone != nil {
		s.onDone(m, st)
	}
	return nil
}

// Release implements raft.FSMSnapshot. Raft calls it after Persist and also when it never
// called Persist (creating the snapshot's files failed, on a full disk say): the records
// still frozen go back to the dirty buffers, or every later checkpoint would find one
// "already running".
func (s *snapshot) Release() {
	for i := range s.tables {
		s.tables[i].abort()
	}
}

// abort gives a table's frozen records back to its dirty buffer after a failed checkpoint.
func (ts *tableSnap) abort() {
	t := ts.t
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.flushing
	if f == nil || f != ts.frozen {
		return // persisted, or already given back
	}
	for i := range f.n {
		r := f.at(i)
		if l, ok := t.pk.getS(r.key); ok && l == memLoc(f.parity, i) {
			t.pk.set(r.key, memLoc(t.dirty.parity, t.dirty.add(*r)))
			t.dirtyMem += int64(len(r.key) + len(r.value) + recordOverhead)
		}
	}
	t.flushing = nil
}

type written struct {
	key  string
	from loc // the location the record was copied from
	to   loc
}

func (s *snapshot) persistTable(ts *tableSnap, st *checkpointStats) (checkpoint.TableManifest, error) {
	t := ts.t
	w := s.pages.NewPageWriter(checkpoint.DefaultPageSize)
	out := make([]written, 0, ts.frozen.n)
	add := func(k string, v []byte, from loc) error {
		page, slot, err := w.Add([]byte(k), v)
		if err != nil {
			return err
		}
		if slot > maxSlot {
			return fmt.Errorf("tablespace: page slot %d out of range", slot)
		}
		out = append(out, written{key: k, from: from, to: pageLoc(page, slot)})
		return nil
	}
	frozen := ts.frozen
	order := make([]int, 0, frozen.n)
	for i := range frozen.n {
		if !frozen.at(i).dead {
			order = append(order, i)
		}
	}
	// Pages in key order make neighbouring keys share a page.
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(frozen.at(a).key, frozen.at(b).key) })
	for _, i := range order {
		r := frozen.at(i)
		if err := add(r.key, r.value, memLoc(frozen.parity, i)); err != nil {
			w.Abort()
			return checkpoint.TableManifest{}, err
		}
	}
	for _, id := range ts.compact {
		if err := s.copyLive(t, id, add); err != nil {
			w.Abort()
			return checkpoint.TableManifest{}, err
		}
	}
	infos, err := w.Finish()
	if err != nil {
		w.Abort()
		return checkpoint.TableManifest{}, err
	}
	for _, p := range infos {
		st.PagesWritten++
		st.Bytes += p.Bytes
	}
	st.Records += len(out)

	// Install: point the PK map at the new copies that are still current, mark the others dead.
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range infos {
		t.pages[p.ID] = &pageState{records: p.Records}
	}
	for _, wr := range out {
		// A record is current if its key still points where it was copied from: any later
		// write points the key into the dirty buffer, a delete removes it.
		if cur, ok := t.pk.getS(wr.key); ok && cur == wr.from {
			t.pk.set(wr.key, wr.to)
		} else {
			t.markDead(wr.to)
		}
	}
	for _, id := range ts.compact {
		delete(t.pages, id)
		s.f.cache.Remove(s.pages, id)
	}
	t.flushing = nil
	return checkpoint.TableManifest{Schema: types.MarshalSchema(t.schema), Pages: t.pageRefs()}, nil
}

// copyLive re-adds the live records of page id. Caller does not hold t.mu.
func (s *snapshot) copyLive(t *table, id uint64, add func(string, []byte, loc) error) error {
	p, err := s.f.cache.Get(s.pages, id)
	if err != nil {
		return err
	}
	t.mu.RLock()
	ps := t.pages[id]
	var dead map[uint32]struct{}
	if ps != nil {
		dead = make(map[uint32]struct{}, len(ps.dead))
		for k := range ps.dead {
			dead[k] = struct{}{}
		}
	}
	t.mu.RUnlock()
	for slot := 0; slot < p.Len(); slot++ {
		if _, gone := dead[uint32(slot)]; gone {
			continue
		}
		k, v, err := p.Record(uint32(slot))
		if err != nil {
			return err
		}
		if err := add(string(k), v, pageLoc(id, uint32(slot))); err != nil {
			return err
		}
	}
	return nil
}

// Restore implements raft.FSM: it replaces the whole state with the checkpoint whose manifest
// the snapshot holds. Raft then replays the log entries that follow it.
//
// The snapshot is a stream (snapstream.go) whose manifest comes first; only the manifest is
// read. Its pages are in this replica's store (a restart), or in the store the snapshot's
// sink wrote an installed snapshot's pages into: then the fsm switches to that store and the
// old one is removed.
func (f *fsm) Restore(rc io.ReadCloser) error {
	defer rc.Close()
	m, err := readSnapshotManifest(bufio.NewReader(rc))
	if err != nil {
		return fmt.Errorf("tablespace: snapshot manifest: %w", err)
	}
	store, err := f.storeFor(m)
	if err != nil {
		return err
	}
	tables, err := f.loadTables(m, store)
	if err != nil {
		return err
	}
	store.SetMinNextID(m.NextPageID)
	f.mu.Lock()
	old := f.pages
	f.pages = store
	f.tables = tables
	f.tablesChanged()
	f.chunks = nil // a checkpoint is never taken while chunks are held back
	f.checkpoints = m.Seq
	f.lastManifest = m
	f.mu.Unlock()
	if old != store {
		// Readers still holding an old table read its pages from the old store (table.store)
		// until it is gone; the cache keys pages by store, so none is served for the new one.
		f.cache.RemoveStore(old)
		if err := os.RemoveAll(old.Dir()); err != nil {
			return fmt.Errorf("tablespace: removing the replaced page store: %w", err)
		}
	}
	f.applying.Store(m.RaftIndex)
	f.applied.Store(m.RaftIndex)
	f.refreshDirty()
	return nil
}

// loadTables builds the tables of checkpoint m from its pages in store.
func (f *fsm) loadTables(m *checkpoint.Manifest, store *checkpoint.Store) (map[string]*table, error) {
	tables := make(map[string]*table, len(m.Tables))
	for _, tm := range m.Tables {
		s, err := types.UnmarshalSchema(tm.Schema)
		if err != nil {
			return nil, fmt.Errorf("tablespace: snapshot schema: %w", err)
		}
		t := newTable(s, store)
		// Sized up front: growing a map of millions of keys rehashes it again and again,
		// a fifth of a restart's CPU.
		live := 0
		for _, ref := range tm.Pages {
			live += int(ref.Records) - len(ref.Dead)
		}
		t.pk = newPKMap(live)
		for _, ref := range tm.Pages {
			if err := loadPage(t, ref); err != nil {
				return nil, err
			}
		}
		if err := f.buildIndexes(t); err != nil {
			return nil, fmt.Errorf("tablespace: rebuilding the indexes of %q: %w", s.Name, err)
		}
		tables[s.Name] = t
	}
	return tables, nil
}

func loadPage(t *table, ref checkpoint.PageRef) error {
	p, err := t.store.ReadPage(ref.ID)
	if err != nil {
		return fmt.Errorf("tablespace: checkpoint page %d: %w", ref.ID, err)
	}
	if p.Len() != int(ref.Records) {
		return fmt.Errorf("tablespace: checkpoint page %d holds %d records, manifest says %d: %w",
			ref.ID, p.Len(), ref.Records, checkpoint.ErrCorrupt)
	}
	ps := &pageState{records: ref.Records}
	if len(ref.Dead) > 0 {
		ps.dead = make(map[uint32]struct{}, len(ref.Dead))
		for _, d := range ref.Dead {
			ps.dead[d] = struct{}{}
		}
	}
	for slot := 0; slot < p.Len(); slot++ {
		if _, gone := ps.dead[uint32(slot)]; gone {
			continue
		}
		k, _, err := p.Record(uint32(slot))
		if err != nil {
			return err
		}
		t.pk.setB(k, pageLoc(ref.ID, uint32(slot)))
	}
	t.pages[ref.ID] = ps
	return nil
}
