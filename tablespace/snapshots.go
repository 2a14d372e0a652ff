package tablespace

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

// snapshotRetain is how many completed Raft snapshots (checkpoint manifests) are kept.
const snapshotRetain = 2

// openSnapshotStore opens dir's Raft snapshot store after deleting the snapshots a crash left
// unfinished. hashicorp/raft's FileSnapshotStore writes each snapshot into
// snapshots/<term>-<index>-<ms>.tmp and renames it into place once complete; it skips .tmp
// directories when listing and never removes them, so without this every checkpoint or
// snapshot install interrupted by a crash would stay on disk for good. The data directory is
// locked to one process and no snapshot of this tablespace is being written while it opens,
// so every .tmp directory here is abandoned.
func openSnapshotStore(dir string, logger hclog.Logger) (*raft.FileSnapshotStore, error) {
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
	return raft.NewFileSnapshotStoreWithLogger(dir, snapshotRetain, logger)
}
