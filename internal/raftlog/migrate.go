package raftlog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	raftboltdb "github.com/hashicorp/raft-boltdb/v2"
	"github.com/hashicorp/raft-wal/migrate"

	"github.com/drovedb/drove/internal/fsutil"
)

// The layout of a group's directory: the log in Dir; a log from before raft-wal in BoltFile,
// kept as BoltMigrated once moved (for a downgrade by hand).
const (
	Dir          = "wal"
	BoltFile     = "raft.db"
	BoltMigrated = "raft.db.migrated"
)

// MigrateBolt moves a log kept in raft-boltdb (dir/raft.db) into raft-wal (dir/wal), once. It
// copies into a fresh directory and renames it into place, so a crash part way leaves the old
// log in charge and the next open starts the copy again. Without raft.db it does nothing.
func MigrateBolt(dir string) error {
	old := filepath.Join(dir, BoltFile)
	if _, err := os.Stat(old); errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, Dir)); err == nil {
		return fmt.Errorf("both %s and %s/ exist: remove the one not in use", BoltFile, Dir)
	}
	tmp := filepath.Join(dir, Dir+".migrating")
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	src, err := raftboltdb.New(raftboltdb.Options{Path: old})
	if err != nil {
		return fmt.Errorf("opening %s to migrate it: %w", BoltFile, err)
	}
	defer src.Close()
	dst, err := openPlain(tmp, 0)
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = migrate.CopyLogs(ctx, dst, src, 4<<20, nil)
	if err == nil {
		err = migrate.CopyStable(ctx, dst, src, nil, nil, nil)
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("migrating %s to %s/: %w", BoltFile, Dir, err)
	}
	if err := fsutil.SyncDir(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, Dir)); err != nil {
		return err
	}
	if err := os.Rename(old, filepath.Join(dir, BoltMigrated)); err != nil {
		return err
	}
	return fsutil.SyncDir(dir)
}
