package raftlog

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/raft"
	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/metadb"
	waltypes "github.com/hashicorp/raft-wal/types"

	"github.com/drovedb/drove/internal/committrace"
)

// ErrDiskFull: the log cannot be appended to for lack of space. Reads go on, and writes
// resume by themselves once space is freed. Writers get it wrapped with the cause.
var ErrDiskFull = errors.New("could not write to the log: the disk is full")

// Options configure a Store.
type Options struct {
	// SegmentSize is the size of a log segment file (raft-wal's default, 64 MiB, if zero).
	// The full-disk reserve is one segment and 1 MiB more.
	SegmentSize int
	Logger      *slog.Logger // slog.Default() if nil
	Hooks       *Hooks       // tests: faults under the log
}

// Store is the Raft log and stable store: raft-wal behind a guard that keeps a full disk
// from breaking the log. It reports the disk as full (ErrDiskFull) and leaves that state by
// itself once space returns. Writers should ask Writable before they hand Raft an entry, so
// a full disk fails them at once rather than through an append Raft answers by stepping
// down; what Raft must append on its own (and entries that only release state) still land
// while the reserve lasts.
//
// Without it a full disk bricked the log: raft-wal's segment rotation runs in the background,
// and when it fails (no room for the next segment file or for its metadata) the in-memory tail
// stays sealed, every later append fails with "segment is sealed", and nothing retries the
// rotation. Raft answers any failed append by stepping down, so clients saw "not the leader",
// and after a restart Raft could not append the entry that confirms its leadership.
//
// The guard keeps a reserve: two preallocated files in the log's directory, one the size of a
// segment and one of 1 MiB for appends (the append that seals a segment runs past its
// preallocated size) and metadata commits. When a new segment or an append finds the disk
// full, the matching file is deleted and the operation retried, so what Raft itself must
// append (the entry a new leader writes, the barrier Open waits on) and the batch in flight
// still land; from that moment writers get ErrDiskFull before anything reaches Raft. Two files,
// not one, so that the space an append frees is not taken by someone else before the rotation
// that follows it (raft-wal rotates in the background) needs its own. A probe remakes the
// reserve once there is room for it, and writes resume. Only when the reserve is gone and the
// disk still full does an append fail; a sealed tail is then repaired by reopening the WAL
// (see openWAL).
type Store struct {
	dir     string
	segSize int
	log     *slog.Logger
	vfs     waltypes.VFS       // the file system under the WAL, faults included
	meta    waltypes.MetaStore // segment metadata and Raft's stable values; outlives reopens

	mu sync.RWMutex // guards w; taken for writing only to swap the WAL
	w  *raftwal.WAL

	full       atomic.Bool           // writers are refused: the reserve is spent or an append failed
	fullMu     sync.Mutex            // orders setting full against the probe clearing it
	fullGen    uint64                // setFull calls, under fullMu: a probe clears only its own
	cause      atomic.Pointer[error] // why, for the client's message
	needReopen atomic.Bool           // the WAL's tail is sealed in memory: reopen before writing
	reserveMu  sync.Mutex            // serializes spending and remaking the reserve

	appends atomic.Uint64 // fsynced appends
	entries atomic.Uint64 // entries those appends carried (entries/appends = group commit)

	stop chan struct{}
	done chan struct{}

	// Background appends (async.go).
	asyncIf func() bool
	durable atomic.Uint64 // every entry at or below it is on disk
	pmu     sync.Mutex    // guards the fields below
	pending []*raft.Log   // buffered, contiguous, not yet written
	failErr error         // the failed background append, until a retry succeeds
	closed  bool
	changed chan struct{} // closed (and replaced) when durable or failErr changes
	// changedTaken: a waiter holds changed, so the next change must close it
	changedTaken bool
	failCh       chan struct{} // closed while failErr is set (replaced when it clears)
	kick         chan struct{}
	stopWriter   chan struct{}
	writerDone   chan struct{}
}

var (
	_ raft.LogStore          = (*Store)(nil)
	_ raft.StableStore       = (*Store)(nil)
	_ raft.MonotonicLogStore = (*Store)(nil)
)

// Open opens (or creates) the log in dir, a directory of its own, completing a segment
// rotation a crash cut short. A full disk does not stop it: the Store opens refusing writers
// until space returns. Close it after Raft has shut down.
func Open(dir string, opts Options) (*Store, error) {
	segSize, hooks, log := opts.SegmentSize, opts.Hooks, opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if segSize == 0 {
		segSize = raftwal.DefaultSegmentSize
	}
	g := &Store{dir: dir, segSize: segSize, log: log,
		stop: make(chan struct{}), done: make(chan struct{}),
		changed: make(chan struct{}), failCh: make(chan struct{}), kick: make(chan struct{}, 1),
		stopWriter: make(chan struct{}), writerDone: make(chan struct{})}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	g.vfs = &reserveFS{VFS: baseVFS(hooks), g: g}
	g.meta = &metadb.BoltMetaDB{}
	if hooks != nil && hooks.Meta != nil {
		g.meta = hooks.Meta(g.meta)
	}
	if _, err := g.meta.Load(dir); err != nil { // opens it
		g.meta.Close()
		return nil, fmt.Errorf("log metadata: %w", err)
	}
	if err := g.makeReserve(); err != nil && !isNoSpace(err) {
		g.meta.Close()
		return nil, err
	} else if err != nil {
		g.setFull(err) // open anyway: reads work, writes wait for space
	}
	w, err := openWAL(dir, segSize, g.vfs, keptMeta{g.meta, g})
	if err != nil {
		g.meta.Close()
		return nil, fmt.Errorf("log segments: %w", err)
	}
	g.w = w
	last, err := w.LastIndex()
	if err != nil {
		w.Close()
		g.meta.Close()
		return nil, err
	}
	g.durable.Store(last)
	go g.probeLoop()
	go g.writeLoop()
	return g, nil
}

// wal returns the current WAL with the read lock held; release with g.mu.RUnlock.
func (g *Store) wal() (*raftwal.WAL, error) {
	g.mu.RLock()
	if g.w == nil {
		g.mu.RUnlock()
		if err := g.Writable(); err != nil {
			return nil, err
		}
		return nil, errors.New("raftlog: the log is being reopened")
	}
	return g.w, nil
}

// Writable is nil when the log takes writers' entries, else the error a writer should get
// (ErrDiskFull, wrapped with its cause).
func (g *Store) Writable() error {
	if !g.full.Load() {
		return nil
	}
	if p := g.cause.Load(); p != nil {
		return *p
	}
	return ErrDiskFull
}

func (g *Store) setFull(err error) {
	cause := fmt.Errorf("%w (%v); writes resume when space is freed", ErrDiskFull, err)
	if errors.Is(err, ErrDiskFull) {
		cause = err
	}
	g.cause.Store(&cause)
	g.fullMu.Lock()
	g.fullGen++
	was := g.full.Swap(true)
	g.fullMu.Unlock()
	if !was {
		g.log.Error("the disk is full: refusing writes until space is freed", "dir", g.dir, "err", err)
	}
}

// SetFull refuses writers as though an append had found the disk full (cause says why),
// until the probe finds room for the reserve again.
func (g *Store) SetFull(cause error) { g.setFull(cause) }

// Full reports whether writers are refused for a full disk.
func (g *Store) Full() bool { return g.full.Load() }

// Stats are the fsynced appends so far and the entries they carried (entries/appends is the
// group commit).
func (g *Store) Stats() (appends, entries uint64) { return g.appends.Load(), g.entries.Load() }

// clearFull lets writers in again unless the log was found full since generation gen.
func (g *Store) clearFull(gen uint64) bool {
	g.fullMu.Lock()
	defer g.fullMu.Unlock()
	return g.fullGen == gen && g.full.CompareAndSwap(true, false)
}

// store appends under the read lock.
func (g *Store) store(logs []*raft.Log) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	return w.StoreLogs(logs)
}

// StoreLogs implements raft.LogStore. When the AsyncIf test says so, the entries are only
// buffered, and written in the background (async.go); otherwise they are on disk when it
// returns, after everything buffered before them.
func (g *Store) StoreLogs(logs []*raft.Log) error {
	if committrace.Enabled {
		for _, l := range logs {
			committrace.Mark(committrace.Buffered, l.Index, committrace.DataID(l.Data))
		}
	}
	if g.asyncIf != nil && g.asyncIf() {
		return g.storeAsync(logs)
	}
	if err := g.flush(); err != nil {
		return err
	}
	return g.storeTraced(logs)
}

// storeTraced is storeSync, marking the append's start and end for committrace.
func (g *Store) storeTraced(logs []*raft.Log) error {
	if !committrace.Enabled || len(logs) == 0 {
		return g.storeSync(logs)
	}
	last := logs[len(logs)-1].Index
	committrace.Mark(committrace.WriteFrom, last, 0)
	err := g.storeSync(logs)
	if err == nil {
		committrace.Mark(committrace.Durable, last, 0)
	}
	return err
}

// storeSync appends and fsyncs logs. raft-wal (since v0.4.1) rolls a failed append back, so
// retrying one rewrites the whole batch. An error that is not about space (an fsync's EIO,
// say) is returned as it is: the batch was not acknowledged, Raft steps down, and its next
// append rewrites the entries from memory (or the background writer retries it whole) — an
// fsync is never retried alone.
func (g *Store) storeSync(logs []*raft.Log) error {
	if len(logs) == 0 {
		return nil
	}
	err := g.store(logs)
	sealed := errors.Is(err, waltypes.ErrSealed)
	switch {
	case err == nil:
	case sealed:
		// A rotation failed: reopening retries it (reserveFS spends the reserve for it).
		g.needReopen.Store(true)
		if rerr := g.reopen(); rerr != nil {
			g.log.Warn("reopening the log failed; will retry", "err", rerr)
		}
		err = g.store(logs)
	case isNoSpace(err):
		if g.spendReserve(reserveAppend, err) {
			err = g.store(logs)
		}
	}
	if err != nil {
		if sealed || errors.Is(err, waltypes.ErrSealed) || isNoSpace(err) {
			g.setFull(err)
			return g.Writable()
		}
		return err
	}
	g.appends.Add(1)
	g.entries.Add(uint64(len(logs)))
	g.pmu.Lock()
	g.durable.Store(logs[len(logs)-1].Index)
	g.notifyLocked()
	g.pmu.Unlock()
	return nil
}

// StoreLog implements raft.LogStore.
func (g *Store) StoreLog(l *raft.Log) error { return g.StoreLogs([]*raft.Log{l}) }

// reopen closes the WAL and opens it again, which retries the rotation that failed.
func (g *Store) reopen() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.needReopen.Load() {
		return nil
	}
	if g.w != nil {
		if err := g.w.Close(); err != nil {
			g.log.Warn("closing the log", "err", err)
		}
		g.w = nil
	}
	w, err := openWAL(g.dir, g.segSize, g.vfs, keptMeta{g.meta, g})
	if err != nil {
		return err
	}
	g.w = w
	g.needReopen.Store(false)
	return nil
}

// Close writes what is buffered (unless the background append is failing), stops the probe
// loop and the writer and closes the WAL.
func (g *Store) Close() error {
	select {
	case <-g.stop:
		return nil
	default:
	}
	ferr := g.flush()
	g.pmu.Lock()
	g.closed = true
	g.notifyLocked()
	g.pmu.Unlock()
	close(g.stopWriter)
	<-g.writerDone
	close(g.stop)
	<-g.done
	g.mu.Lock()
	defer g.mu.Unlock()
	var err error
	if g.w != nil {
		err = g.w.Close()
		g.w = nil
	}
	return errors.Join(ferr, err, g.meta.Close())
}

// keptMeta is the metadata store as the WAL sees it. Reopening the WAL must not close it,
// because Raft's stable values (its term and vote) are read and written through it, and
// hashicorp/raft panics when it cannot write its term. A commit that fails for lack of space

// FirstIndex implements raft.LogStore.
func (g *Store) FirstIndex() (uint64, error) {
	w, err := g.wal()
	if err != nil {
		return 0, err
	}
	defer g.mu.RUnlock()
	first, err := w.FirstIndex()
	if err == nil && first == 0 {
		first, _ = g.bufferedRange()
	}
	return first, err
}

// LastIndex implements raft.LogStore: buffered entries count.
func (g *Store) LastIndex() (uint64, error) {
	if _, last := g.bufferedRange(); last != 0 {
		return last, nil
	}
	w, err := g.wal()
	if err != nil {
		return 0, err
	}
	defer g.mu.RUnlock()
	return w.LastIndex()
}

// GetLog implements raft.LogStore. An entry before the first index is not found, even when
// raft-wal still has it: a head truncation moves the first index but leaves the entries in
// the tail segment readable, and a leader handing those to a lagging replica would replay the
// whole history to it instead of sending the snapshot the truncation was for.
func (g *Store) GetLog(index uint64, l *raft.Log) error {
	// The writer removes entries from the buffer only after they are in the WAL.
	if g.getPending(index, l) {
		return nil
	}
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	if first, err := w.FirstIndex(); err == nil && index < first {
		return raft.ErrLogNotFound
	}
	return w.GetLog(index, l)
}

// DeleteRange implements raft.LogStore. Buffered entries are written first, so the deletion
// applies to the log Raft sees.
func (g *Store) DeleteRange(lo, hi uint64) error {
	if err := g.flush(); err != nil {
		return err
	}
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	if err := w.DeleteRange(lo, hi); err != nil {
		return err
	}
	g.pmu.Lock()
	if d := g.durable.Load(); lo > 0 && d >= lo && d <= hi {
		g.durable.Store(lo - 1) // the tail is gone: what replaces it is durable once written
	}
	g.pmu.Unlock()
	return nil
}

// IsMonotonic implements raft.MonotonicLogStore: raft-wal cannot take an append that leaves a
// gap, so Raft must clear it before restoring a snapshot.
func (g *Store) IsMonotonic() bool { return true }

// Set implements raft.StableStore. Stable values live in the metadata store, not the WAL, so
// they stay readable and writable while the WAL is reopened.
func (g *Store) Set(k, v []byte) error { return g.meta.SetStable(k, v) }

// Get implements raft.StableStore.
func (g *Store) Get(k []byte) ([]byte, error) { return g.meta.GetStable(k) }

// SetUint64 implements raft.StableStore, in raft-wal's encoding.
func (g *Store) SetUint64(k []byte, v uint64) error {
	return g.Set(k, binary.LittleEndian.AppendUint64(nil, v))
}

// GetUint64 implements raft.StableStore.
func (g *Store) GetUint64(k []byte) (uint64, error) {
	b, err := g.Get(k)
	if err != nil || len(b) == 0 {
		return 0, err
	}
	if len(b) != 8 {
		return 0, fmt.Errorf("raftlog: stable value %q is not a uint64", k)
	}
	return binary.LittleEndian.Uint64(b), nil
}

// isNoSpace reports whether err means the device (or the user's quota) is full. Some layers
