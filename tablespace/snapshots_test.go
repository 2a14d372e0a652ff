package tablespace

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drovedb/drove/checkpoint"
)

// TestUnfinishedSnapshotsRemovedAtOpen: the .tmp directory of a snapshot a crash interrupted
// is deleted when the tablespace (or a restore's Seed) opens the store; completed snapshots
// and the data stay.
func TestUnfinishedSnapshotsRemovedAtOpen(t *testing.T) {
	cases := []struct {
		name string
		// prepare fills dir; reopen opens it and checks the data
		prepare func(t *testing.T, dir string)
		reopen  func(t *testing.T, dir string)
	}{
		{"tablespace checkpointed, then a checkpoint interrupted", func(t *testing.T, dir string) {
			ts := openTest(t, dir)
			if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
				t.Fatal(err)
			}
			insertRows(t, ts, "t", 0, 100, 10)
			if err := ts.Checkpoint(context.Background()); err != nil {
				t.Fatal(err)
			}
			if err := ts.Close(); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir string) {
			ts := openTest(t, dir)
			defer ts.Close()
			if v, ok, err := ts.Begin().Get("t", testKey(42)); err != nil || !ok || len(v) == 0 {
				t.Fatalf("row 42 after reopening: %v %v", ok, err)
			}
		}},
		{"restore seeding a directory with a leftover", func(t *testing.T, dir string) {}, func(t *testing.T, dir string) {
			opts := Options{Dir: dir, Name: "test", NodeID: "n1"}
			if err := Seed(opts, &checkpoint.Manifest{RaftIndex: 1, RaftTerm: 1}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.prepare(t, dir)
			snapDir := filepath.Join(dir, "snapshots")
			leftover := filepath.Join(snapDir, "3-1234-1700000000000.tmp")
			if err := os.MkdirAll(leftover, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(leftover, "state.bin"), make([]byte, 1<<16), 0o644); err != nil {
				t.Fatal(err)
			}
			tc.reopen(t, dir)
			if _, err := os.Stat(leftover); !os.IsNotExist(err) {
				t.Fatalf("unfinished snapshot still there after reopening: %v", err)
			}
			// Completed snapshots are Raft's to reap (it keeps the newest two).
			after := snapshotNames(t, snapDir)
			if len(after) == 0 || strings.HasSuffix(strings.Join(after, " "), ".tmp") {
				t.Errorf("snapshots after reopening: %v, want completed ones only", after)
			}
		})
	}
}

func snapshotNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
