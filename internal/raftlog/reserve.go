package raftlog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	waltypes "github.com/hashicorp/raft-wal/types"

	"github.com/drovedb/drove/internal/fsutil"
)

// The reserve's files in the log's directory (raft-wal only reads *.wal files).
const (
	reserveSegment = "reserve.segment" // a new segment's preallocation
	reserveAppend  = "reserve.append"  // appends and metadata commits
)

// probeInterval is how often a full log checks whether space came back.
const probeInterval = 200 * time.Millisecond

// reserveBytes is the size of the reserve file name.
func (g *Store) reserveBytes(name string) uint64 {
	if name == reserveSegment {
		return uint64(g.segSize)
	}
	return 1 << 20
}

// missingReserve is the space the reserve's missing files need.
func (g *Store) missingReserve() uint64 {
	var n uint64
	for _, name := range []string{reserveSegment, reserveAppend} {
		if _, err := os.Stat(filepath.Join(g.dir, name)); err != nil {
			n += g.reserveBytes(name)
		}
	}
	return n
}

// makeReserve creates the reserve's missing files.
func (g *Store) makeReserve() error {
	g.reserveMu.Lock()
	defer g.reserveMu.Unlock()
	for _, name := range []string{reserveSegment, reserveAppend} {
		if err := g.makeReserveFile(name); err != nil {
			return err
		}
	}
	return nil
}

func (g *Store) makeReserveFile(name string) error {
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
	return fsutil.SyncDir(g.dir)
}

// spendReserve deletes the reserve file name, so the operation that found the disk full can
// retry, and refuses writers from now on. It reports whether there was such a file.
func (g *Store) spendReserve(name string, cause error) bool {
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
func (g *Store) probeLoop() {
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

// spends the reserve and is retried; one that still fails leaves the WAL to be reopened.
type keptMeta struct {
	waltypes.MetaStore
	g *Store
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
	g *Store
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
func (g *Store) takeSpareSegment(name string, size uint64, cause error) (waltypes.WritableFile, bool) {
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
