package raftlog

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSegmentDirSyncRetried: a new segment's directory entry must be fsynced before an append
// to it is acknowledged. raft-wal's own file tries that once, on the first Sync, and a later
// Sync reported success after the directory fsync had failed.
func TestSegmentDirSyncRetried(t *testing.T) {
	cases := []struct {
		name    string
		dirGone bool // the directory cannot be fsynced
		wantErr bool
	}{
		{"directory fsync fails", true, true},
		{"directory fsync works", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "wal")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			f, err := baseVFS(nil).Create(dir, "seg.wal", 4096)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if c.dirGone {
				if err := os.Remove(filepath.Join(dir, "seg.wal")); err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(dir); err != nil {
					t.Fatal(err)
				}
			}
			for i := range 3 {
				if err := f.Sync(); (err != nil) != c.wantErr {
					t.Fatalf("Sync %d: %v, want error %v", i, err, c.wantErr)
				}
			}
		})
	}
}
