package raftlog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// OpenSnapshotStore opens dir's Raft file snapshot store, keeping retain snapshots, after
// deleting the snapshots a crash left unfinished. hashicorp/raft's FileSnapshotStore writes
// each snapshot into snapshots/<term>-<index>-<ms>.tmp and renames it into place once
// complete; it skips .tmp directories when listing and never removes them, so without this
// every snapshot interrupted by a crash would stay on disk for good. The caller must hold dir
// for itself (no other process, and no snapshot of its group being written while it opens),
// so every .tmp directory there is abandoned.
func OpenSnapshotStore(dir string, retain int, logger hclog.Logger) (*raft.FileSnapshotStore, error) {
	snapDir := filepath.Join(dir, "snapshots") // FileSnapshotStore's subdirectory
	entries, err := os.ReadDir(snapDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasSuffix(e.Name(), ".tmp") {
			if err := os.RemoveAll(filepath.Join(snapDir, e.Name())); err != nil {
				return nil, fmt.Errorf("removing an unfinished snapshot: %w", err)
			}
		}
	}
	return raft.NewFileSnapshotStoreWithLogger(dir, retain, logger)
}

// DropBehindSnapshot empties a log that ends before the newest snapshot. Raft empties it
// itself right after installing a snapshot from the leader (raft-wal cannot take an append
// that leaves a gap), but a crash between the snapshot's rename into place and that leaves a
// log whose next append would: every entry in it is covered by the snapshot.
func DropBehindSnapshot(logs raft.LogStore, snaps raft.SnapshotStore) error {
	list, err := snaps.List()
	if err != nil || len(list) == 0 {
		return err
	}
	first, err := logs.FirstIndex()
	if err != nil {
		return err
	}
	last, err := logs.LastIndex()
	if err != nil || last == 0 || last >= list[0].Index {
		return err
	}
	return logs.DeleteRange(first, last)
}
