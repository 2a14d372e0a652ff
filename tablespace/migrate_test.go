package tablespace

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/migrate"

	"github.com/drovedb/drove/internal/raftlog"
)

// A data directory from before raft-wal keeps its Raft log in raft.db: the first open moves it
// into wal/ and finds every row, including those only in the log after the last checkpoint.
func TestBoltLogIsMigrated(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 500, 50)
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 500, 800, 50) // only in the log
	want, err := ts.Digest()
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}

	// Rewrite the log as the older layout had it.
	wal, err := raftwal.Open(filepath.Join(dir, raftlog.Dir))
	if err != nil {
		t.Fatal(err)
	}
	bolt, err := raftboltdb.New(raftboltdb.Options{Path: filepath.Join(dir, raftlog.BoltFile)})
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.CopyLogs(ctx, bolt, wal, 1<<20, nil); err != nil {
		t.Fatal(err)
	}
	if err := migrate.CopyStable(ctx, bolt, wal, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	bolt.Close()
	wal.Close()
	if err := os.RemoveAll(filepath.Join(dir, raftlog.Dir)); err != nil {
		t.Fatal(err)
	}

	ts = openTest(t, dir)
	defer ts.Close()
	got, err := ts.Digest()
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatal("state after migrating the log differs from before")
	}
	for _, name := range []string{raftlog.Dir, raftlog.BoltMigrated} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("after migration: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, raftlog.BoltFile)); !os.IsNotExist(err) {
		t.Errorf("%s still in place after migration: %v", raftlog.BoltFile, err)
	}
	insertRows(t, ts, "t", 800, 900, 50) // and the migrated log takes new commits
}
