package tablespace

import (
	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/internal/raftlog"
)

// snapshotRetain is how many completed Raft snapshots (checkpoint manifests) are kept.
const snapshotRetain = 2

// openSnapshotStore opens dir's Raft snapshot store after deleting the snapshots a crash left
// unfinished (raftlog.OpenSnapshotStore). The data directory is locked to one process and no
// snapshot of this tablespace is being written while it opens, so every .tmp directory in it
// is abandoned.
func openSnapshotStore(dir string, logger hclog.Logger) (*raft.FileSnapshotStore, error) {
	return raftlog.OpenSnapshotStore(dir, snapshotRetain, logger)
}
