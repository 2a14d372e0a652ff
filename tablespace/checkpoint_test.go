package tablespace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func pageFiles(t *testing.T, dir string) int {
	t.Helper()
	ids, err := os.ReadDir(filepath.Join(dir, "pages"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ids {
		if filepath.Ext(e.Name()) == ".page" {
			n++
		}
	}
	return n
}

// After a checkpoint the log is truncated and the data lives in pages; a restart rebuilds the
// same state from the pages plus the short log after them.
func TestCheckpointTruncatesLogAndRecovers(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir, func(o *Options) { o.TrailingLogs = 10 })
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 20000, 100) // 200 log entries, ~2 MiB: several pages
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	first, err := ts.logDB.FirstIndex()
	if err != nil {
		t.Fatal(err)
	}
	if first <= 100 {
		t.Fatalf("log starts at index %d after checkpoint: not truncated", first)
	}
	if n := pageFiles(t, dir); n < 2 {
		t.Fatalf("%d page files after checkpointing ~2 MiB, want several", n)
	}
	if d := ts.Stats().DirtyBytes; d != 0 {
		t.Fatalf("dirty bytes after checkpoint: %d", d)
	}

	// Rewrite most rows so the first pages fall under half live, delete some, checkpoint
	// again: half-empty pages are rewritten and the old ones collected.
	for i := 0; i < 15000; i += 100 {
		tx := beginAll(ts)
		for j := i; j < i+100; j++ {
			var err error
			if j%3 == 0 {
				err = tx.Delete(ctx, "t", testKey(int64(j)))
			} else {
				err = tx.Update(ctx, "t", testKey(int64(j)), testValue(fmt.Sprint("new", j)))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 30000, 30010, 5) // some log after the last checkpoint
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 30010, 30020, 5)
	want, _ := ts.Digest()
	ts.shutdownRaft()

	ts = openTest(t, dir)
	defer ts.Close()
	if got, _ := ts.Digest(); got != want {
		t.Fatal("state after restart from checkpoint + log differs")
	}
	count := 0
	if err := ts.Begin().Scan("t", func(k, v []byte) error { count++; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := 20000 - 5000 + 20; count != want {
		t.Fatalf("%d rows after restart, want %d", count, want)
	}
	// Pages referenced by neither of the two newest checkpoints are gone.
	live := map[uint64]bool{}
	ts.fsm.mu.RLock()
	for _, tab := range ts.fsm.tables {
		for id := range tab.pages {
			live[id] = true
		}
	}
	ts.fsm.mu.RUnlock()
	if n := pageFiles(t, dir); n > 2*len(live)+2 {
		t.Fatalf("%d page files on disk for %d live pages: garbage not collected", n, len(live))
	}
}

func TestDirtyMemoryTriggersCheckpoint(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir, func(o *Options) { o.MaxDirtyMemory = 64 << 10 })
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 5000, 50)
	for i := 0; i < 200 && pageFiles(t, dir) == 0; i++ {
		insertRows(t, ts, "t", 10000+i, 10001+i, 1)
	}
	if pageFiles(t, dir) == 0 {
		t.Fatal("no checkpoint although dirty memory passed its limit many times over")
	}
}
