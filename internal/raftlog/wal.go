package raftlog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/fs"
	"github.com/hashicorp/raft-wal/metadb"
	"github.com/hashicorp/raft-wal/segment"
	waltypes "github.com/hashicorp/raft-wal/types"

	"github.com/drovedb/drove/internal/fsutil"
)

// Hooks let tests put faults under the log (package logfault builds them): VFS wraps the
// segment files' file system, Meta the store of segment metadata and Raft's stable values.
type Hooks struct {
	VFS  func(waltypes.VFS) waltypes.VFS
	Meta func(waltypes.MetaStore) waltypes.MetaStore
}

// openPlain opens the log in dir on its own, without the full-disk guard (for the migration).
func openPlain(dir string, segmentSize int) (*raftwal.WAL, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	meta := &metadb.BoltMetaDB{}
	w, err := openWAL(dir, segmentSize, baseVFS(nil), meta)
	if err != nil {
		meta.Close()
	}
	return w, err
}

// baseVFS is the file system the WAL's segments live on, with the tests' faults if any.
func baseVFS(hooks *Hooks) waltypes.VFS {
	var vfs waltypes.VFS = dirSyncFS{fs.New()}
	if hooks != nil && hooks.VFS != nil {
		vfs = hooks.VFS(vfs)
	}
	return vfs
}

// openWAL opens (or creates) the raft-wal log in dir on vfs, with its metadata in meta (which
// raft-wal closes with the log). If the tail it recovers is sealed — a rotation was cut short —
// it completes the rotation (see sealInterruptedRotation) and opens again.
func openWAL(dir string, segmentSize int, vfs waltypes.VFS, meta waltypes.MetaStore) (*raftwal.WAL, error) {
	if segmentSize == 0 {
		segmentSize = raftwal.DefaultSegmentSize
	}
	filer := &sealWatchFiler{Filer: segment.NewFiler(dir, vfs)}
	open := func() (*raftwal.WAL, error) {
		return raftwal.Open(dir, raftwal.WithMetaStore(meta), raftwal.WithSegmentFiler(filer),
			raftwal.WithSegmentSize(segmentSize))
	}
	w, err := open()
	if err != nil || !filer.sealedTail {
		return w, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := sealInterruptedRotation(dir, meta, filer.Filer, segmentSize); err != nil {
		return nil, fmt.Errorf("completing an interrupted log segment rotation: %w", err)
	}
	filer.sealedTail = false
	return open()
}

// sealWatchFiler notes whether the tail raft-wal recovers is sealed. Checking it as raft-wal
// opens, rather than reading the tail once more before, keeps an ordinary open at one read.
type sealWatchFiler struct {
	*segment.Filer
	sealedTail bool
}

func (f *sealWatchFiler) RecoverTail(info waltypes.SegmentInfo) (waltypes.SegmentWriter, error) {
	w, err := f.Filer.RecoverTail(info)
	if err == nil {
		if sealed, _, _ := w.Sealed(); sealed {
			f.sealedTail = true
		}
	}
	return w, err
}

// sealInterruptedRotation finishes a rotation that sealed the tail segment's file (the append
// that wrote its index frame was fsynced) but did not record that in the metadata: the
// rotation runs after the append, and a crash, a full disk or an I/O error can stop it. raft-wal
// (v0.4.2) recovers such a tail as a sealed writer that refuses every append ("segment is
// sealed") and never rotates it, so the directory could no longer be written, and a restart
// could not even append Raft's first entry ("node is not the leader"). This records what the
// rotation would have: the tail sealed at its last entry, and a new empty tail after it, whose
// file raft-wal creates when it opens.
func sealInterruptedRotation(dir string, meta waltypes.MetaStore, filer *segment.Filer, segmentSize int) error {
	ps, err := meta.Load(dir)
	if err != nil {
		return err
	}
	n := len(ps.Segments)
	if n == 0 || !ps.Segments[n-1].SealTime.IsZero() {
		return nil
	}
	tail := ps.Segments[n-1]
	sw, err := filer.RecoverTail(tail)
	if errors.Is(err, os.ErrNotExist) {
		return nil // raft-wal creates it
	}
	if err != nil {
		return err
	}
	sealed, indexStart, err := sw.Sealed()
	last := sw.LastIndex()
	if cerr := sw.Close(); err == nil {
		err = cerr
	}
	if err != nil || !sealed {
		return err
	}
	now := time.Now()
	tail.SealTime, tail.MaxIndex, tail.IndexStart = now, last, indexStart
	ps.Segments[n-1] = tail
	ps.Segments = append(ps.Segments, waltypes.SegmentInfo{
		ID: ps.NextSegmentID, BaseIndex: last + 1, MinIndex: last + 1,
		SizeLimit: uint32(segmentSize), Codec: raftwal.CodecBinaryV1, CreateTime: now,
	})
	ps.NextSegmentID++
	return meta.CommitState(ps)
}

// dirSyncFS is raft-wal's file system with one fix: a new segment file's directory entry is
// fsynced until that succeeds. raft-wal's own file tries once, on the first Sync, and a failed
// directory fsync was then never retried while later appends reported success.
type dirSyncFS struct{ *fs.FS }

// OpenWriter reopens a segment (the tail, at open) with the same Sync as a new one. Its
// directory entry is synced at the first Sync too: a process that stopped before syncing it
// leaves an entry that may not be durable yet.
func (d dirSyncFS) OpenWriter(dir, name string) (waltypes.WritableFile, error) {
	f, err := d.FS.OpenWriter(dir, name)
	if err != nil {
		return nil, err
	}
	return &dirSyncFile{WritableFile: f, dir: dir}, nil
}

func (d dirSyncFS) Create(dir, name string, size uint64) (waltypes.WritableFile, error) {
	f, err := d.FS.Create(dir, name, size)
	if err != nil {
		// A failed preallocation leaves the file behind; it holds nothing.
		os.Remove(filepath.Join(dir, name))
		return nil, err
	}
	return &dirSyncFile{WritableFile: f, dir: dir}, nil
}

type dirSyncFile struct {
	waltypes.WritableFile
	dir    string
	synced bool // the directory entry is durable
}

// Sync makes the appends durable with fdatasync (fsutil.DataSync): segments are preallocated,
// so an append changes no size, and fsync's extra journal commit of the new mtime was most of
// what a single writer waited for beyond the data. The directory entry is synced once.
func (f *dirSyncFile) Sync() error {
	if err := dataSync(f.WritableFile); err != nil {
		return err
	}
	if !f.synced {
		if err := fsutil.SyncDir(f.dir); err != nil {
			return err
		}
		f.synced = true
	}
	return nil
}

// dataSync syncs a segment file's data (fsutil.DataSync) when it is an *os.File, as raft-wal's
// files are (fs.File embeds one); any other (a test's) syncs as it syncs.
func dataSync(f waltypes.WritableFile) error {
	switch f := f.(type) {
	case *os.File:
		return fsutil.DataSync(f)
	case *fs.File:
		return fsutil.DataSync(&f.File)
	}
	return f.Sync()
}
