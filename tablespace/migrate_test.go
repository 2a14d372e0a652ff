package tablespace

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	"github.com/hashicorp/raft-wal/migrate"
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
	wal, err := openLog(filepath.Join(dir, logDir), 0)
	if err != nil {
		t.Fatal(err)
	}
	bolt, err := raftboltdb.New(raftboltdb.Options{Path: filepath.Join(dir, boltLogDB)})
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
	if err := os.RemoveAll(filepath.Join(dir, logDir)); err != nil {
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
	for _, name := range []string{logDir, boltLogOld} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("after migration: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, boltLogDB)); !os.IsNotExist(err) {
		t.Errorf("%s still in place after migration: %v", boltLogDB, err)
	}
	insertRows(t, ts, "t", 800, 900, 50) // and the migrated log takes new commits
}
