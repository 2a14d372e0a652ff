// Package logfault injects, in tests, the failures a full (or failing) disk causes under a
// raftlog.Store: each can be switched on and off while the log runs.
package logfault

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"

	waltypes "github.com/hashicorp/raft-wal/types"

	"github.com/drovedb/drove/internal/raftlog"
)

// Faults are failures injected under the log (pass Hooks to raftlog.Options).
type Faults struct {
	NoCreate atomic.Bool  // a new segment (or the reserve) cannot be allocated: ENOSPC
	NoWrite  atomic.Bool  // writes to segment files fail: ENOSPC
	NoMeta   atomic.Bool  // the segment metadata cannot be committed: ENOSPC, as bbolt words it
	SyncErrs atomic.Int32 // the next n fsyncs of segment files fail with EIO

	gate atomic.Pointer[chan struct{}] // fsyncs wait for it to close (BlockSyncs)
}

// BlockSyncs makes fsyncs of segment files wait (a stalled disk) until release is called.
func (f *Faults) BlockSyncs() (release func()) {
	ch := make(chan struct{})
	f.gate.Store(&ch)
	var once sync.Once
	return func() {
		once.Do(func() {
			f.gate.CompareAndSwap(&ch, nil)
			close(ch)
		})
	}
}

// Hooks puts f under a log.
func (f *Faults) Hooks() *raftlog.Hooks {
	return &raftlog.Hooks{
		VFS:  func(v waltypes.VFS) waltypes.VFS { return faultVFS{v, f} },
		Meta: func(m waltypes.MetaStore) waltypes.MetaStore { return faultMeta{m, f} },
	}
}

type faultVFS struct {
	waltypes.VFS
	f *Faults
}

func (v faultVFS) Create(dir, name string, size uint64) (waltypes.WritableFile, error) {
	if v.f.NoCreate.Load() {
		return nil, &os.PathError{Op: "fallocate", Path: filepath.Join(dir, name), Err: syscall.ENOSPC}
	}
	w, err := v.VFS.Create(dir, name, size)
	if err != nil {
		return nil, err
	}
	return faultFile{w, v.f}, nil
}

func (v faultVFS) OpenWriter(dir, name string) (waltypes.WritableFile, error) {
	w, err := v.VFS.OpenWriter(dir, name)
	if err != nil {
		return nil, err
	}
	return faultFile{w, v.f}, nil
}

type faultFile struct {
	waltypes.WritableFile
	f *Faults
}

func (f faultFile) WriteAt(p []byte, off int64) (int, error) {
	if f.f.NoWrite.Load() {
		return 0, &os.PathError{Op: "write", Path: "segment", Err: syscall.ENOSPC}
	}
	return f.WritableFile.WriteAt(p, off)
}

func (f faultFile) Sync() error {
	if ch := f.f.gate.Load(); ch != nil {
		<-*ch
	}
	for {
		n := f.f.SyncErrs.Load()
		if n <= 0 {
			return f.WritableFile.Sync()
		}
		if f.f.SyncErrs.CompareAndSwap(n, n-1) {
			return &os.PathError{Op: "fsync", Path: "segment", Err: syscall.EIO}
		}
	}
}

type faultMeta struct {
	waltypes.MetaStore
	f *Faults
}

func (m faultMeta) CommitState(ps waltypes.PersistentState) error {
	if m.f.NoMeta.Load() {
		return fmt.Errorf("file resize error: %s", syscall.ENOSPC) // bbolt's words, no wrapping
	}
	return m.MetaStore.CommitState(ps)
}
