package tablespace

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hashicorp/raft"
	raftwal "github.com/hashicorp/raft-wal"
	waltypes "github.com/hashicorp/raft-wal/types"
)

// logGuard is the Raft log and stable store: raft-wal behind a guard that turns a full disk
// into a state the tablespace reports (ErrDiskFull) and leaves by itself once space returns.
//
// Without it a full disk bricked the log: raft-wal's segment rotation runs in the background,
// and when it fails (no room for the next segment file or for its metadata) the in-memory tail
// stays sealed, every later append fails with "segment is sealed", and nothing retries the
// rotation. Raft answers any failed append by stepping down, so clients saw "not the leader".
// The guard reopens the WAL to retry the rotation (see openWAL, which also completes a
// rotation a crash or an earlier failure left half done on disk), and until an append
// succeeds again it refuses appends at once, so nothing touches the disk in the meantime.
type logGuard struct {
	dir     string
	segSize int
	hooks   *logHooks // tests: fault injection
	log     *slog.Logger

	mu sync.RWMutex // guards w; taken for writing only to swap the WAL
	w  *raftwal.WAL

	// state is logOK, logFull (appends are refused; the probe loop is waiting for space) or
	// logProbing (space is back; the next append decides).
	state      atomic.Int32
	cause      atomic.Pointer[error] // why the log is not writable, for the client's message
	needReopen atomic.Bool           // the WAL's tail is sealed in memory: reopen before writing

	appends atomic.Uint64 // fsynced appends
	entries atomic.Uint64 // entries those appends carried (entries/appends = group commit)

	stop chan struct{}
	done chan struct{}
}

const (
	logOK int32 = iota
	logFull
	logProbing
)

// probeInterval is how often an unwritable log checks whether space came back.
const probeInterval = 200 * time.Millisecond

var (
	_ raft.LogStore          = (*logGuard)(nil)
	_ raft.StableStore       = (*logGuard)(nil)
	_ raft.MonotonicLogStore = (*logGuard)(nil)
)

func newLogGuard(dir string, segSize int, hooks *logHooks, log *slog.Logger) (*logGuard, error) {
	w, err := openWAL(dir, segSize, hooks)
	if err != nil {
		return nil, err
	}
	g := &logGuard{dir: dir, segSize: segSize, hooks: hooks, log: log, w: w,
		stop: make(chan struct{}), done: make(chan struct{})}
	go g.probeLoop()
	return g, nil
}

// wal returns the current WAL with the read lock held; release with g.mu.RUnlock.
func (g *logGuard) wal() (*raftwal.WAL, error) {
	g.mu.RLock()
	if g.w == nil {
		g.mu.RUnlock()
		return nil, g.unavailable()
	}
	return g.w, nil
}

func (g *logGuard) unavailable() error {
	if err := g.writable(); err != nil {
		return err
	}
	return errors.New("tablespace: the log is being reopened")
}

// writable is nil when the log takes appends, else the error a writer should get.
func (g *logGuard) writable() error {
	if g.state.Load() == logOK {
		return nil
	}
	if p := g.cause.Load(); p != nil {
		return *p
	}
	return ErrDiskFull
}

// StoreLogs implements raft.LogStore.
func (g *logGuard) StoreLogs(logs []*raft.Log) error {
	if g.state.Load() == logFull {
		return g.writable()
	}
	w, err := g.wal()
	if err != nil {
		return err
	}
	err = w.StoreLogs(logs)
	g.mu.RUnlock()
	if err != nil {
		return g.failed(err)
	}
	g.appends.Add(1)
	g.entries.Add(uint64(len(logs)))
	if g.state.CompareAndSwap(logProbing, logOK) {
		g.log.Info("the log is writable again")
	}
	return nil
}

// StoreLog implements raft.LogStore.
func (g *logGuard) StoreLog(l *raft.Log) error { return g.StoreLogs([]*raft.Log{l}) }

// failed records a failed append. raft-wal (since v0.4.1) rolls a failed append back, so
// retrying it rewrites the whole batch; only a sealed tail (a failed rotation) needs a reopen.
// An error that is not about space (an fsync's EIO, say) is returned as it is: the batch was
// not acknowledged, Raft steps down, and the next append rewrites it from memory — an fsync is
// never retried alone.
func (g *logGuard) failed(err error) error {
	sealed := errors.Is(err, waltypes.ErrSealed)
	if sealed {
		g.needReopen.Store(true)
	}
	if !sealed && !isNoSpace(err) {
		return err
	}
	var cause error
	if free, ok := freeBytes(g.dir); sealed && ok && free >= g.reserve() {
		cause = fmt.Errorf("tablespace: the log could not start its next segment: %w", err)
	} else {
		cause = fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	g.cause.Store(&cause)
	if g.state.Swap(logFull) != logFull {
		g.log.Error("the log cannot be written; refusing writes until it can", "err", err)
	}
	return cause
}

// reserve is the free space the log needs before it is tried again: a new segment and the
// batch that seals the old one.
func (g *logGuard) reserve() uint64 {
	return uint64(g.segSize) + 1<<20
}

// probeLoop waits, while the log is unwritable, for enough free space, reopens the WAL if its
// tail is sealed, and lets the next append through (raft retries one as soon as it leads).
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
		if g.state.Load() != logFull {
			continue
		}
		if free, ok := freeBytes(g.dir); ok && free < g.reserve() {
			continue
		}
		if g.needReopen.Load() {
			if err := g.reopen(); err != nil {
				g.log.Warn("reopening the log failed; will retry", "err", err)
				continue
			}
			g.needReopen.Store(false)
		}
		g.state.CompareAndSwap(logFull, logProbing)
	}
}

// reopen closes the WAL and opens it again, which retries the rotation that failed.
func (g *logGuard) reopen() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.w != nil {
		if err := g.w.Close(); err != nil {
			g.log.Warn("closing the log", "err", err)
		}
		g.w = nil
	}
	w, err := openWAL(g.dir, g.segSize, g.hooks)
	if err != nil {
		return err
	}
	g.w = w
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
	if g.w == nil {
		return nil
	}
	err := g.w.Close()
	g.w = nil
	return err
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

// GetLog implements raft.LogStore.
func (g *logGuard) GetLog(index uint64, l *raft.Log) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
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

// Set implements raft.StableStore.
func (g *logGuard) Set(k, v []byte) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	return w.Set(k, v)
}

// Get implements raft.StableStore.
func (g *logGuard) Get(k []byte) ([]byte, error) {
	w, err := g.wal()
	if err != nil {
		return nil, err
	}
	defer g.mu.RUnlock()
	return w.Get(k)
}

// SetUint64 implements raft.StableStore.
func (g *logGuard) SetUint64(k []byte, v uint64) error {
	w, err := g.wal()
	if err != nil {
		return err
	}
	defer g.mu.RUnlock()
	return w.SetUint64(k, v)
}

// GetUint64 implements raft.StableStore.
func (g *logGuard) GetUint64(k []byte) (uint64, error) {
	w, err := g.wal()
	if err != nil {
		return 0, err
	}
	defer g.mu.RUnlock()
	return w.GetUint64(k)
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
