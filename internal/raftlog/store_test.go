package raftlog_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/hashicorp/raft"

	. "github.com/drovedb/drove/internal/raftlog"
	"github.com/drovedb/drove/internal/raftlog/logfault"
)

// testLog is a Store on faults with its appends' indexes: next is the index of the next
// entry, acked those that StoreLogs acknowledged.
type testLog struct {
	t    *testing.T
	dir  string
	f    *logfault.Faults
	s    *Store
	next uint64
}

func openTestLog(t *testing.T, dir string, f *logfault.Faults) *Store {
	t.Helper()
	s, err := Open(dir, Options{SegmentSize: 64 << 10, Hooks: f.Hooks(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func entry(i uint64) *raft.Log {
	return &raft.Log{Index: i, Term: 1, Type: raft.LogCommand, Data: fmt.Appendf(nil, "entry %d %01000d", i, i)}
}

// append stores the next entry; the index advances only if it was acknowledged.
func (l *testLog) append() error {
	err := l.s.StoreLogs([]*raft.Log{entry(l.next)})
	if err == nil {
		l.next++
	}
	return err
}

// check reads back every acknowledged entry.
func (l *testLog) check() {
	l.t.Helper()
	for i := uint64(1); i < l.next; i++ {
		var got raft.Log
		if err := l.s.GetLog(i, &got); err != nil || string(got.Data) != string(entry(i).Data) {
			l.t.Fatalf("entry %d: %v", i, err)
		}
	}
	if last, err := l.s.LastIndex(); err != nil || last != l.next-1 {
		l.t.Fatalf("last index %d (%v), want %d", last, err, l.next-1)
	}
}

// TestStoreFaults injects the failures of a full (or failing) disk under the store: writers
// are told ErrDiskFull (Writable) while what Raft must append still lands as long as the reserve
// lasts, an append that fails for lack of space reports ErrDiskFull, writes resume without a
// reopen once the fault is gone, and every acknowledged entry survives a reopen.
func TestStoreFaults(t *testing.T) {
	cases := []struct {
		name    string
		inject  func(*logfault.Faults)
		clear   func(*logfault.Faults)
		appends bool // appends still succeed once full (only Writable refuses)
		diskErr bool // else the failing append's error is not ErrDiskFull
	}{
		{"next segment cannot be created",
			func(f *logfault.Faults) { f.NoCreate.Store(true) }, func(f *logfault.Faults) { f.NoCreate.Store(false) }, true, true},
		{"segment writes fail",
			func(f *logfault.Faults) { f.NoCreate.Store(true); f.NoWrite.Store(true) },
			func(f *logfault.Faults) { f.NoCreate.Store(false); f.NoWrite.Store(false) }, false, true},
		{"segment metadata cannot be committed",
			func(f *logfault.Faults) { f.NoCreate.Store(true); f.NoMeta.Store(true) },
			func(f *logfault.Faults) { f.NoCreate.Store(false); f.NoMeta.Store(false) }, false, true},
		{"an fsync fails",
			func(f *logfault.Faults) { f.SyncErrs.Store(1) }, func(*logfault.Faults) {}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := &testLog{t: t, dir: t.TempDir(), f: &logfault.Faults{}, next: 1}
			l.s = openTestLog(t, l.dir, l.f)
			defer func() { l.s.Close() }()
			for range 50 {
				if err := l.append(); err != nil {
					t.Fatal(err)
				}
			}
			c.inject(l.f)
			var err error
			for range 1000 {
				// Where appends fail, go on until one does: the rotation that finds the disk
				// full runs in the background and may mark the log full before the append
				// that follows it fails.
				if err = l.append(); err != nil || (c.appends && l.s.Full()) {
					break
				}
			}
			switch {
			case c.appends && err != nil:
				t.Fatalf("append on a full disk with its reserve: %v", err)
			case !c.appends && err == nil:
				t.Fatal("1000 appends succeeded; the fault never surfaced")
			case !c.appends && errors.Is(err, ErrDiskFull) != c.diskErr:
				t.Fatalf("failing append: %v, want ErrDiskFull %v", err, c.diskErr)
			}
			if werr := l.s.Writable(); c.diskErr != errors.Is(werr, ErrDiskFull) || c.diskErr != l.s.Full() {
				t.Fatalf("Writable = %v, Full = %v after the fault", werr, l.s.Full())
			}
			if c.appends {
				l.check() // (a WAL whose reopen failed is closed until the probe reopens it)
			}
			c.clear(l.f)
			deadline := time.Now().Add(5 * time.Second)
			for l.s.Writable() != nil {
				if time.Now().After(deadline) {
					t.Fatalf("still refusing writers after the fault cleared: %v", l.s.Writable())
				}
				time.Sleep(10 * time.Millisecond)
			}
			for range 100 { // past another rotation
				if err := l.append(); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.s.Close(); err != nil {
				t.Fatal(err)
			}
			l.s = openTestLog(t, l.dir, l.f)
			l.check()
			if err := l.append(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSealedTailOpens: a rotation that sealed the tail's file but could not record it (a crash,
// or here a failed metadata commit) used to leave a log raft-wal opened but refused every
// append to ("segment is sealed").
func TestSealedTailOpens(t *testing.T) {
	l := &testLog{t: t, dir: t.TempDir(), f: &logfault.Faults{}, next: 1}
	l.s = openTestLog(t, l.dir, l.f)
	l.f.NoMeta.Store(true)
	l.f.NoCreate.Store(true)
	for range 1000 {
		if l.append() != nil {
			break
		}
	}
	l.s.Close()
	l.f.NoMeta.Store(false)
	l.f.NoCreate.Store(false)
	l.s = openTestLog(t, l.dir, l.f)
	defer l.s.Close()
	l.check()
	if err := l.append(); err != nil {
		t.Fatalf("append after a cut-short rotation: %v", err)
	}
}

// TestStoreReadsAndStable: an entry before the first index is not found though raft-wal may
// still hold it, and stable values survive a reopen.
func TestStoreReadsAndStable(t *testing.T) {
	l := &testLog{t: t, dir: t.TempDir(), f: &logfault.Faults{}, next: 1}
	l.s = openTestLog(t, l.dir, l.f)
	defer func() { l.s.Close() }()
	for range 10 {
		if err := l.append(); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.s.DeleteRange(1, 5); err != nil {
		t.Fatal(err)
	}
	var got raft.Log
	if err := l.s.GetLog(3, &got); !errors.Is(err, raft.ErrLogNotFound) {
		t.Fatalf("GetLog before the first index: %v, want ErrLogNotFound", err)
	}
	if err := l.s.SetUint64([]byte("CurrentTerm"), 7); err != nil {
		t.Fatal(err)
	}
	if err := l.s.Set([]byte("LastVoteCand"), []byte("n2")); err != nil {
		t.Fatal(err)
	}
	l.s.Close()
	l.s = openTestLog(t, l.dir, l.f)
	if v, err := l.s.GetUint64([]byte("CurrentTerm")); err != nil || v != 7 {
		t.Fatalf("CurrentTerm after reopen: %d, %v", v, err)
	}
	if v, err := l.s.Get([]byte("LastVoteCand")); err != nil || string(v) != "n2" {
		t.Fatalf("LastVoteCand after reopen: %q, %v", v, err)
	}
	if first, err := l.s.FirstIndex(); err != nil || first != 6 {
		t.Fatalf("first index after reopen: %d, %v", first, err)
	}
}
