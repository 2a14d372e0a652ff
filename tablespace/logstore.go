package tablespace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/hashicorp/raft"
	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/metadb"
	"github.com/hashicorp/raft-wal/migrate"

	"github.com/drovedb/drove/checkpoint"
)

// countingLogStore counts appends to the Raft log: entries over appends is the group-commit
// factor (each append is one fsync).
type countingLogStore struct {
	raft.LogStore
	appends atomic.Uint64
	entries atomic.Uint64
}

func (s *countingLogStore) StoreLog(l *raft.Log) error {
	s.appends.Add(1)
	s.entries.Add(1)
	return s.LogStore.StoreLog(l)
}

func (s *countingLogStore) StoreLogs(logs []*raft.Log) error {
	s.appends.Add(1)
	s.entries.Add(uint64(len(logs)))
	return s.LogStore.StoreLogs(logs)
}

// The Raft log and Raft's few stable values live in raft-wal: segment files appended with one
// fsync per group commit (bbolt, which drove used first, costs two per commit and a page
// rewrite). Its small metadata database is opened here because raft-wal's Close leaves it open,
// and its file locked.
const (
	logDir     = "wal"
	boltLogDB  = "raft.db"          // the log of data directories written before raft-wal
	boltLogOld = "raft.db.migrated" // kept after migration, for a downgrade by hand
)

func openLog(dir string) (*raftwal.WAL, *metadb.BoltMetaDB, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	meta := &metadb.BoltMetaDB{}
	w, err := raftwal.Open(dir, raftwal.WithMetaStore(meta))
	if err != nil {
		meta.Close()
		return nil, nil, err
	}
	return w, meta, nil
}

// migrateBoltLog moves a log kept in raft-boltdb (raft.db) into raft-wal, once. It copies into
// a fresh directory and renames it into place, so a crash part way leaves the old log in
// charge and the next open starts the copy again.
func migrateBoltLog(dir string) error {
	old := filepath.Join(dir, boltLogDB)
	if _, err := os.Stat(old); errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, logDir)); err == nil {
		return fmt.Errorf("both %s and %s/ exist: remove the one not in use", boltLogDB, logDir)
	}
	tmp := filepath.Join(dir, logDir+".migrating")
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	src, err := raftboltdb.New(raftboltdb.Options{Path: old})
	if err != nil {
		return fmt.Errorf("opening %s to migrate it: %w", boltLogDB, err)
	}
	defer src.Close()
	dst, meta, err := openLog(tmp)
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = migrate.CopyLogs(ctx, dst, src, 4<<20, nil)
	if err == nil {
		err = migrate.CopyStable(ctx, dst, src, nil, nil, nil)
	}
	if cerr := errors.Join(dst.Close(), meta.Close()); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("migrating %s to %s/: %w", boltLogDB, logDir, err)
	}
	if err := checkpoint.SyncDir(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, logDir)); err != nil {
		return err
	}
	if err := os.Rename(old, filepath.Join(dir, boltLogOld)); err != nil {
		return err
	}
	return checkpoint.SyncDir(dir)
}
