package tablespace

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hashicorp/raft"
	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/metadb"
	waltypes "github.com/hashicorp/raft-wal/types"

	"github.com/drovedb/drove/checkpoint"
)

// logGuard is the Raft log and stable store: raft-wal behind a guard that keeps a full disk
// from breaking the log. It reports the disk as full (ErrDiskFull) and leaves that state by
// itself once space returns.
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
type logGuard struct {
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
}

// The reserve's files in the log's directory (raft-wal only reads *.wal files).
const (
	reserveSegment = "reserve.segment" // a new segment's preallocation
	reserveAppend  = "reserve.append"  // appends and metadata commits
)

// probeInterval is how often a full log checks whether space came back.
const probeInterval = 200 * time.Millisecond

var (
	_ raft.LogStore          = (*logGuard)(nil)
	_ raft.StableStore       = (*logGuard)(nil)
	_ raft.MonotonicLogStore = (*logGuard)(nil)
)

func newLogGuard(dir string, segSize int, hooks *logHooks, log *slog.Logger) (*logGuard, error) {
	if segSize == 0 {
		segSize = raftwal.DefaultSegmentSize
	}
	g := &logGuard{dir: dir, segSize: segSize, log: log,
		stop: make(chan struct{}), done: make(chan struct{})}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	g.vfs = &reserveFS{VFS: baseVFS(hooks), g: g}
	g.meta = &metadb.BoltMetaDB{}
	if hooks != nil && hooks.meta != nil {
		g.meta = hooks.meta(g.meta)
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
	go g.probeLoop()
	return g, nil
}

// wal returns the current WAL with the read lock held; release with g.mu.RUnlock.
func (g *logGuard) wal() (*raftwal.WAL, error) {
	g.mu.RLock()
	if g.w == nil {
		g.mu.RUnlock()
		if err := g.writable(); err != nil {
			return nil, err
		}
		return nil, errors.New("tablespace: the log is being reopened")
	}
	return g.w, nil
}

// writable is nil when the log takes writers' entries, else the error a writer should get.
func (g *logGuard) writable() error {
	if !g.full.Load() {
		return nil
	}
	if p := g.cause.Load(); p != nil {
		return *p
	}
	return ErrDiskFull
}

func (g *logGuard) setFull(err error) {
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

// clearFull lets writers in again unless the log was found full since generation gen.
func (g *logGuard) clearFull(gen uint64) bool {
	g.fullMu.Lock()
	defer g.fullMu.Unlock()
	return g.fullGen == gen && g.full.CompareAndSwap(true, false)
}

// store appends under the read lock.
func (g *logGuard) store(logs []*raft.Log) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	return w.StoreLogs(logs)
}

// StoreLogs implements raft.LogStore. raft-wal (since v0.4.1) rolls a failed append back, so
// retrying one rewrites the whole batch. An error that is not about space (an fsync's EIO,
// say) is returned as it is: the batch was not acknowledged, Raft steps down, and its next
// append rewrites the entries from memory — an fsync is never retried alone.
func (g *logGuard) StoreLogs(logs []*raft.Log) error {
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
			return g.writable()
		}
		return err
	}
	g.appends.Add(1)
	g.entries.Add(uint64(len(logs)))
	return nil
}

// StoreLog implements raft.LogStore.
func (g *logGuard) StoreLog(l *raft.Log) error { return g.StoreLogs([]*raft.Log{l}) }

// reserveBytes is the size of the reserve file name.
func (g *logGuard) reserveBytes(name string) uint64 {
	if name == reserveSegment {
		return uint64(g.segSize)
	}
	return 1 << 20
}

// missingReserve is the space the reserve's missing files need.
func (g *logGuard) missingReserve() uint64 {
	var n uint64
	for _, name := range []string{reserveSegment, reserveAppend} {
		if _, err := os.Stat(filepath.Join(g.dir, name)); err != nil {
			n += g.reserveBytes(name)
		}
	}
	return n
}

// makeReserve creates the reserve's missing files.
func (g *logGuard) makeReserve() error {
	g.reserveMu.Lock()
	defer g.reserveMu.Unlock()
	for _, name := range []string{reserveSegment, reserveAppend} {
		if err := g.makeReserveFile(name); err != nil {
			return err
		}
	}
	return nil
}

func (g *logGuard) makeReserveFile(name string) error {
	path := filepath.Join(g.dir, name)
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	f, err := g.vfs.(*reserveFS).VFS.Create(g.dir, name+".tmp", g.reserveBytes(name))
	if err == nil {
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return checkpoint.SyncDir(g.dir)
}

// spendReserve deletes the reserve file name, so the operation that found the disk full can
// retry, and refuses writers from now on. It reports whether there was such a file.
func (g *logGuard) spendReserve(name string, cause error) bool {
	g.reserveMu.Lock()
	defer g.reserveMu.Unlock()
	g.setFull(cause)
	if err := os.Remove(filepath.Join(g.dir, name)); err != nil {
		return false
	}
	g.log.Warn("the disk is full: the log spent part of its reserve", "dir", g.dir, "file", name)
	return true
}

// probeLoop waits, while the log is full, for room for a new reserve, reopens the WAL if its
// tail is sealed, remakes the reserve, and lets writers in again.
func (g *logGuard) probeLoop() {
	defer close(g.done)
	t := time.NewTicker(probeInterval)
	defer t.Stop()
	for {
		select {
		case <-g.stop:
			return
		case <-t.C:
		}
		if !g.full.Load() {
			continue
		}
		g.fullMu.Lock()
		gen := g.fullGen
		g.fullMu.Unlock()
		if free, ok := freeBytes(g.dir); ok && free < g.missingReserve() {
			continue
		}
		if g.needReopen.Load() {
			if err := g.reopen(); err != nil {
				g.log.Warn("reopening the log failed; will retry", "err", err)
				continue
			}
		}
		if err := g.makeReserve(); err != nil {
			continue
		}
		if g.clearFull(gen) {
			g.log.Info("space is available again: writes resume", "dir", g.dir)
		}
	}
}

// reopen closes the WAL and opens it again, which retries the rotation that failed.
func (g *logGuard) reopen() error {
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

// Close stops the probe loop and closes the WAL.
func (g *logGuard) Close() error {
	select {
	case <-g.stop:
		return nil
	default:
	}
	close(g.stop)
	<-g.done
	g.mu.Lock()
	defer g.mu.Unlock()
	var err error
	if g.w != nil {
		err = g.w.Close()
		g.w = nil
	}
	return errors.Join(err, g.meta.Close())
}

// keptMeta is the metadata store as the WAL sees it. Reopening the WAL must not close it,
// because Raft's stable values (its term and vote) are read and written through it, and
// hashicorp/raft panics when it cannot write its term. A commit that fails for lack of space
// spends the reserve and is retried; one that still fails leaves the WAL to be reopened.
type keptMeta struct {
	waltypes.MetaStore
	g *logGuard
}

func (keptMeta) Close() error { return nil }

func (m keptMeta) CommitState(ps waltypes.PersistentState) error {
	err := m.MetaStore.CommitState(ps)
	if err != nil && isNoSpace(err) && m.g.spendReserve(reserveAppend, err) {
		err = m.MetaStore.CommitState(ps)
	}
	if err != nil {
		m.g.needReopen.Store(true)
	}
	return err
}

// reserveFS is the WAL's file system: a segment that cannot be created for lack of space is
// the reserve's segment file, renamed. Renaming, rather than deleting it and allocating again,
// leaves no moment in which someone else can take the space.
type reserveFS struct {
	waltypes.VFS
	g *logGuard
}

func (r *reserveFS) Create(dir, name string, size uint64) (waltypes.WritableFile, error) {
	f, err := r.VFS.Create(dir, name, size)
	if _, ok := err.(*os.PathError); err != nil && !ok {
		err = &os.PathError{Op: "preallocate", Path: filepath.Join(dir, name), Err: err} // name the file
	}
	if err != nil && isNoSpace(err) {
		if spare, ok := r.g.takeSpareSegment(name, size, err); ok {
			return spare, nil
		}
	}
	if err != nil {
		// The rotation that asked fails and leaves the tail sealed: the probe reopens it.
		r.g.needReopen.Store(true)
		if isNoSpace(err) {
			r.g.setFull(err)
		}
	}
	return f, err
}

// takeSpareSegment renames the reserve's segment file to name and opens it as a new segment:
// it is preallocated to the segment size and reads as zeros, as a new segment does.
func (g *logGuard) takeSpareSegment(name string, size uint64, cause error) (waltypes.WritableFile, bool) {
	g.reserveMu.Lock()
	defer g.reserveMu.Unlock()
	g.setFull(cause)
	spare := filepath.Join(g.dir, reserveSegment)
	if st, err := os.Stat(spare); err != nil || uint64(st.Size()) != size {
		return nil, false
	}
	path := filepath.Join(g.dir, name)
	if err := os.Rename(spare, path); err != nil {
		return nil, false
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0o644)
	if err != nil {
		return nil, false
	}
	g.log.Warn("the disk is full: the log took its reserve segment", "dir", g.dir)
	return &dirSyncFile{WritableFile: f, dir: g.dir}, true
}

// FirstIndex implements raft.LogStore.
func (g *logGuard) FirstIndex() (uint64, error) {
	w, err := g.wal()
	if err != nil {
		return 0, err
	}
	defer g.mu.RUnlock()
	return w.FirstIndex()
}

// LastIndex implements raft.LogStore.
func (g *logGuard) LastIndex() (uint64, error) {
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
func (g *logGuard) GetLog(index uint64, l *raft.Log) error {
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

// DeleteRange implements raft.LogStore.
func (g *logGuard) DeleteRange(lo, hi uint64) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	return w.DeleteRange(lo, hi)
}

// IsMonotonic implements raft.MonotonicLogStore: raft-wal cannot take an append that leaves a
// gap, so Raft must clear it before restoring a snapshot.
func (g *logGuard) IsMonotonic() bool { return true }

// Set implements raft.StableStore. Stable values live in the metadata store, not the WAL, so
// they stay readable and writable while the WAL is reopened.
func (g *logGuard) Set(k, v []byte) error { return g.meta.SetStable(k, v) }

// Get implements raft.StableStore.
func (g *logGuard) Get(k []byte) ([]byte, error) { return g.meta.GetStable(k) }

// SetUint64 implements raft.StableStore, in raft-wal's encoding.
func (g *logGuard) SetUint64(k []byte, v uint64) error {
	return g.Set(k, binary.LittleEndian.AppendUint64(nil, v))
}

// GetUint64 implements raft.StableStore.
func (g *logGuard) GetUint64(k []byte) (uint64, error) {
	b, err := g.Get(k)
	if err != nil || len(b) == 0 {
		return 0, err
	}
	if len(b) != 8 {
		return 0, fmt.Errorf("tablespace: stable value %q is not a uint64", k)
	}
	return binary.LittleEndian.Uint64(b), nil
}

// isNoSpace reports whether err means the device (or the user's quota) is full. Some layers
// (bbolt) format the cause into their message, so the text is checked too.
func isNoSpace(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, syscall.ENOSPC.Error()) || strings.Contains(s, syscall.EDQUOT.Error())
}

// freeBytes is the space an unprivileged writer may still use on dir's file system.
func freeBytes(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
