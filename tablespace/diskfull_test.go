package tablespace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/drovedb/drove/internal/fulldisk"
	"github.com/drovedb/drove/internal/raftlog"
	"github.com/drovedb/drove/internal/raftlog/logfault"
	"github.com/drovedb/drove/wal"
)

// ackedWriter inserts numbered rows and remembers those whose commit succeeded.
type ackedWriter struct {
	t     *testing.T
	ts    *Tablespace
	next  int64
	acked map[int64]string
}

func (w *ackedWriter) write() error {
	i := w.next
	w.next++
	v := fmt.Sprintf("row %d %0900d", i, i)
	tx := beginAll(w.ts)
	if err := tx.Insert(context.Background(), "t", testKey(i), testValue(v)); err != nil {
		w.t.Fatalf("insert %d: %v", i, err)
	}
	err := tx.Commit(context.Background())
	if err == nil {
		w.acked[i] = v
	}
	return err
}

// fillUntil writes until a commit fails, which must happen within max writes.
func (w *ackedWriter) fillUntil(max int) error {
	w.t.Helper()
	for range max {
		if err := w.write(); err != nil {
			return err
		}
	}
	w.t.Fatalf("%d commits succeeded; the fault never surfaced", max)
	return nil
}

// resume retries writes until one succeeds: after space returns, writes must resume without
// a restart. Errors on the way must be the full disk's or a leader change's.
func (w *ackedWriter) resume() {
	w.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := w.write()
		if err == nil {
			return
		}
		if !errors.Is(err, ErrDiskFull) && !errors.Is(err, ErrNotLeader) {
			w.t.Fatalf("while waiting for writes to resume: %v", err)
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("writes did not resume after space was freed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// check verifies that every acknowledged row is there with its value, and nothing else.
func (w *ackedWriter) check(ts *Tablespace) {
	w.t.Helper()
	n := 0
	if err := ts.Begin().Scan("t", func(k, v []byte) error { n++; return nil }); err != nil {
		w.t.Fatal(err)
	}
	if n != len(w.acked) {
		w.t.Errorf("%d rows, want the %d acknowledged", n, len(w.acked))
	}
	for i, want := range w.acked {
		v, ok, err := ts.Begin().Get("t", testKey(i))
		if err != nil || !ok || string(v) != string(testValue(want)) {
			w.t.Fatalf("acknowledged row %d: ok=%v err=%v", i, ok, err)
		}
	}
}

// TestLogFaults injects the failures a full disk (or a failing one) causes at each point of
// the log and checks that writes fail with ErrDiskFull while reads go on, that writes resume
// without a restart once the fault is gone, and that every acknowledged write survives a crash.
func TestLogFaults(t *testing.T) {
	cases := []struct {
		name     string
		inject   func(*logfault.Faults)
		clear    func(*logfault.Faults)
		diskFull bool // the failing commit reports ErrDiskFull (else: some error)
	}{
		{"next segment cannot be created",
			func(f *logfault.Faults) { f.NoCreate.Store(true) }, func(f *logfault.Faults) { f.NoCreate.Store(false) }, true},
		{"segment writes fail",
			func(f *logfault.Faults) { f.NoCreate.Store(true); f.NoWrite.Store(true) },
			func(f *logfault.Faults) { f.NoCreate.Store(false); f.NoWrite.Store(false) }, true},
		{"segment metadata cannot be committed",
			func(f *logfault.Faults) { f.NoCreate.Store(true); f.NoMeta.Store(true) },
			func(f *logfault.Faults) { f.NoCreate.Store(false); f.NoMeta.Store(false) }, true},
		{"an fsync fails",
			func(f *logfault.Faults) { f.SyncErrs.Store(1) }, func(f *logfault.Faults) {}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := &logfault.Faults{}
			open := func() *Tablespace {
				return openTest(t, dir, func(o *Options) { o.LogSegmentSize = 64 << 10; o.logHooks = f.Hooks() })
			}
			ts := open()
			if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
				t.Fatal(err)
			}
			w := &ackedWriter{t: t, ts: ts, acked: map[int64]string{}}
			for range 100 {
				if err := w.write(); err != nil {
					t.Fatal(err)
				}
			}
			c.inject(f)
			err := w.fillUntil(1000)
			if c.diskFull {
				if !errors.Is(err, ErrDiskFull) {
					t.Fatalf("commit on a full disk: %v, want ErrDiskFull", err)
				}
				for range 3 {
					if err := w.write(); !errors.Is(err, ErrDiskFull) {
						t.Fatalf("next commit: %v, want ErrDiskFull", err)
					}
				}
				if !ts.Stats().DiskFull {
					t.Error("Stats().DiskFull is false while writes are refused")
				}
			}
			w.check(ts) // reads go on
			c.clear(f)
			w.resume()
			if ts.Stats().DiskFull {
				t.Error("Stats().DiskFull is true after writes resumed")
			}
			for range 100 { // past another rotation
				if err := w.write(); err != nil {
					t.Fatal(err)
				}
			}
			w.check(ts)
			if err := ts.shutdownRaft(); err != nil { // a crash: the log is replayed
				t.Fatal(err)
			}
			ts = open()
			defer ts.Close()
			w.ts = ts
			w.check(ts)
			if err := w.write(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSealedTailOpens: a crash (or a failed metadata commit) between the append that seals a
// segment and the rotation that records it used to leave a directory raft-wal opened but could
// not append to, so Open failed with "replaying log: node is not the leader".
func TestSealedTailOpens(t *testing.T) {
	dir := t.TempDir()
	f := &logfault.Faults{}
	open := func() (*Tablespace, error) {
		return Open(Options{Dir: dir, Name: "test", CheckpointInterval: -1, LogSegmentSize: 64 << 10,
			logHooks: f.Hooks(), Logger: openTest(t, t.TempDir()).opts.Logger})
	}
	ts, err := open()
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	w := &ackedWriter{t: t, ts: ts, acked: map[int64]string{}}
	f.NoMeta.Store(true) // the rotation seals the file but cannot record it
	f.NoCreate.Store(true)
	w.fillUntil(1000)
	if err := ts.shutdownRaft(); err != nil {
		t.Fatal(err)
	}
	f.NoMeta.Store(false)
	f.NoCreate.Store(false)
	if ts, err = open(); err != nil {
		t.Fatalf("open after a cut-short rotation: %v", err)
	}
	defer ts.Close()
	w.ts = ts
	w.check(ts)
	if err := w.write(); err != nil {
		t.Fatal(err)
	}
}

// mountTmpfs mounts a tmpfs of size bytes on a fresh directory, or skips the test.
func mountTmpfs(t *testing.T, size int) string {
	dir := t.TempDir()
	fulldisk.Mount(t, dir, size)
	return dir
}

// TestFullDisk fills a real (tmpfs) file system under a tablespace: writes fail with
// ErrDiskFull and reads go on; a checkpoint fails cleanly; a restart while full opens with
// every acknowledged write; once space is freed writes resume without a restart, and a crash
// after that loses nothing.
func TestFullDisk(t *testing.T) {
	for _, restartWhileFull := range []bool{false, true} {
		t.Run(fmt.Sprintf("restart while full %v", restartWhileFull), func(t *testing.T) {
			mnt := mountTmpfs(t, 12<<20)
			dir := filepath.Join(mnt, "ts")
			open := func() *Tablespace {
				return openTest(t, dir, func(o *Options) { o.LogSegmentSize = 1 << 20 })
			}
			ts := open()
			defer func() { ts.Close() }()
			if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
				t.Fatal(err)
			}
			w := &ackedWriter{t: t, ts: ts, acked: map[int64]string{}}
			for range 300 {
				if err := w.write(); err != nil {
					t.Fatal(err)
				}
			}
			filler := filepath.Join(mnt, "filler")
			fulldisk.Fill(t, filler)
			if err := w.fillUntil(5000); !errors.Is(err, ErrDiskFull) {
				t.Fatalf("commit on a full disk: %v, want ErrDiskFull", err)
			}
			for range 3 {
				if err := w.write(); !errors.Is(err, ErrDiskFull) {
					t.Fatalf("next commit: %v, want ErrDiskFull", err)
				}
			}
			w.check(ts)
			// Whatever space the reserve left is taken too: the checkpoint's pages cannot be
			// written, so it must fail and change nothing.
			fillSettled(t, ts, filler+"2")
			if err := ts.Checkpoint(context.Background()); err == nil {
				t.Fatal("a checkpoint on a full disk succeeded")
			}
			w.check(ts)
			if restartWhileFull {
				if err := ts.shutdownRaft(); err != nil {
					t.Fatal(err)
				}
				ts = open()
				w.ts = ts
				w.check(ts)
				if err := w.write(); !errors.Is(err, ErrDiskFull) {
					t.Fatalf("commit after a restart on a full disk: %v, want ErrDiskFull", err)
				}
			}
			for _, f := range []string{filler, filler + "2", filler + "2-again"} {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
			}
			w.resume()
			for range 1500 { // past more rotations
				if err := w.write(); err != nil {
					t.Fatal(err)
				}
			}
			if err := ts.Checkpoint(context.Background()); err != nil {
				t.Fatal(err)
			}
			w.check(ts)
			if err := ts.shutdownRaft(); err != nil {
				t.Fatal(err)
			}
			ts = open()
			w.ts = ts
			w.check(ts)
			if tmps, _ := filepath.Glob(filepath.Join(dir, "snapshots", "*.tmp")); len(tmps) > 0 {
				t.Fatalf("failed snapshots left behind: %v", tmps)
			}
		})
	}
}

// fillSettled takes every byte the log's own background work can leave free. The append that
// sealed a segment rotates it on raft-wal's goroutine, which may still be spending the
// reserve (a spare segment renamed, the 1 MiB file deleted for a metadata commit) after the
// commit that met the full disk returned; and a segment's preallocation that fails holds
// pages until the kernel undoes it, so a fill racing with it stops early. Either left room
// that appeared after the test's fill, and "a checkpoint on a full disk" then succeeded
// (seen under load). So: wait for the rotation in flight (a DeleteRange waits for it; this
// one deletes nothing), fill, and fill again for what a preallocation gave back. Nothing
// else frees space then: writers are refused and the probe waits for a whole reserve.
func fillSettled(t *testing.T, ts *Tablespace, path string) {
	t.Helper()
	if err := ts.logDB.DeleteRange(0, 0); err != nil {
		t.Fatal(err)
	}
	fulldisk.Fill(t, path)
	fulldisk.Fill(t, path+"-again")
}

// failSink is a snapshot sink whose writes fail as on a full disk.
type failSink struct{ memSink }

func (s *failSink) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestFailedCheckpointGivesRecordsBack: a checkpoint that fails, including one whose snapshot
// files Raft could not even create (so Persist never runs), must leave the state as it was and
// let the next checkpoint run. Release used to do nothing, so after a snapshot whose files
// could not be created every later checkpoint failed with "already running".
func TestFailedCheckpointGivesRecordsBack(t *testing.T) {
	cases := []struct {
		name string
		fail func(*snapshot) // what happens to the checkpoint before Release
	}{
		{"snapshot files cannot be created", func(*snapshot) {}},
		{"manifest cannot be written", func(s *snapshot) {
			if err := s.Persist(&failSink{}); err == nil {
				t.Fatal("Persist into a failing sink succeeded")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newTestFSM(t)
			log := randomLog(7, 300)
			applyLog(t, f, log, 0, 200, 16)
			want := mustDigest(t, f)
			s, err := f.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			c.fail(s.(*snapshot))
			s.Release()
			if got := mustDigest(t, f); got != want {
				t.Fatal("a failed checkpoint changed the state")
			}
			applyLog(t, f, log, 200, 300, 16)
			want = mustDigest(t, f)
			s, err = f.Snapshot()
			if err != nil {
				t.Fatalf("the checkpoint after a failed one: %v", err)
			}
			var sink memSink
			if err := s.Persist(&sink); err != nil {
				t.Fatal(err)
			}
			s.Release()
			g := newTestFSM(t)
			g.pages = f.pages
			if err := g.Restore(nopCloser(sink.Bytes())); err != nil {
				t.Fatal(err)
			}
			if mustDigest(t, g) != want || mustDigest(t, f) != want {
				t.Fatal("the checkpoint after a failed one does not hold the state")
			}
		})
	}
}

// TestChunkAbortOnFullDisk: aborting a chunked transaction's held-back chunks only releases
// state, so it must reach the log when writers are refused for a full disk; otherwise the
// chunks (and the checkpoints they hold back) stay, and Open, which aborts a crashed run's
// chunks, fails on a full disk.
func TestChunkAbortOnFullDisk(t *testing.T) {
	cases := []struct {
		name    string
		restart bool // the chunks are a crashed run's, aborted by Open
	}{
		{"open aborts a crashed run's chunks", true},
		{"a transaction aborts its own chunks", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := &logfault.Faults{}
			open := func() *Tablespace {
				return openTest(t, dir, func(o *Options) { o.logHooks = f.Hooks() })
			}
			ts := open()
			ctx := context.Background()
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				t.Fatal(err)
			}
			muts := []wal.Mutation{{Op: wal.OpInsert, Table: "t", Key: testKey(1), Value: testValue("half")}}
			if err := ts.propose(ctx, &wal.Entry{Kind: wal.KindTxnChunk, TxID: 99, Mutations: muts}); err != nil {
				t.Fatal(err)
			}
			// The disk fills: the reserve is gone and cannot be remade.
			f.NoCreate.Store(true)
			reserve, _ := filepath.Glob(filepath.Join(dir, raftlog.Dir, "reserve.*"))
			if len(reserve) != 2 {
				t.Fatalf("reserve files: %v, want 2", reserve)
			}
			for _, name := range reserve {
				os.Remove(name)
			}
			if c.restart {
				if err := ts.shutdownRaft(); err != nil {
					t.Fatal(err)
				}
				ts = open() // must abort the orphan chunks on a full disk
			} else {
				ts.logDB.SetFull(syscall.ENOSPC)
				ts.abortChunks(99)
			}
			defer ts.Close()
			if n := countRows(t, ts, "t"); n != 0 {
				t.Fatalf("the aborted transaction's rows were applied: %d", n)
			}
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatalf("checkpoint after the chunks were aborted: %v", err)
			}
			tx := beginAll(ts)
			if err := tx.Insert(ctx, "t", testKey(2), testValue("x")); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(ctx); !errors.Is(err, ErrDiskFull) {
				t.Fatalf("a commit on the full disk: %v, want ErrDiskFull", err)
			}
		})
	}
}
