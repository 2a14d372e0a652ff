package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/drovedb/drove/backup"
	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/tablespace"
)

// BackupTablespace streams a backup of tablespace name to w: a fresh checkpoint, whose pages
// stay on disk until the copy is done while writes carry on.
func (s *Server) BackupTablespace(ctx context.Context, name string, w io.Writer) error {
	ts, ok := s.Tablespace(name)
	if !ok {
		return sql.Errorf("42704", "tablespace %q does not exist", name)
	}
	start := time.Now()
	var info backup.Info
	err := ts.Backup(ctx, func(m *checkpoint.Manifest, pages *checkpoint.Store) error {
		var err error
		info, err = backup.Write(w, name, m, pages)
		return err
	})
	if err != nil {
		return fmt.Errorf("backup of tablespace %s: %w", name, err)
	}
	s.log.Info("tablespace backed up", "tablespace", name, "raft_index", info.RaftIndex,
		"pages", info.Pages, "page_bytes", info.PageBytes, "duration", time.Since(start))
	return nil
}

// RestoreTablespace creates tablespace name from a backup. The backup is unpacked and
// verified in a directory beside the tablespaces that no start mistakes for one; renaming it
// into place is the commit point.
func (s *Server) RestoreTablespace(_ context.Context, name string, r io.Reader) error {
	if !validName.MatchString(name) {
		return sql.Errorf("42602", "invalid tablespace name %q: use 1 to 63 letters, digits and '_', not starting with a digit", name)
	}
	s.ddl.Lock()
	defer s.ddl.Unlock()
	if _, ok := s.meta.Catalog().Tablespaces[name]; ok {
		return sql.Errorf("42710", "tablespace %q already exists; restore under another name or drop it first", name)
	}
	start := time.Now()
	parent := filepath.Dir(s.tablespaceDir(name))
	tmp := filepath.Join(parent, fmt.Sprintf(".restoring-%s-%d", name, time.Now().UnixNano()))
	defer os.RemoveAll(tmp) // gone after the rename; left behind only by a failure
	pages, err := checkpoint.OpenStore(filepath.Join(tmp, "pages"))
	if err != nil {
		return err
	}
	info, m, err := backup.Read(r, pages)
	if err != nil {
		if errors.Is(err, backup.ErrInvalid) {
			return sql.Errorf("22P04", "restore of tablespace %s: %v", name, err)
		}
		return fmt.Errorf("restore of tablespace %s: %w", name, err)
	}
	if err := tablespace.Seed(tablespace.Options{Dir: tmp, Name: name}, m); err != nil {
		return err
	}
	if err := checkpoint.SyncDir(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, s.tablespaceDir(name)); err != nil {
		return err
	}
	if err := checkpoint.SyncDir(parent); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), joinTimeout)
	defer cancel()
	self := []string{s.nodeID}
	if err := s.meta.CreateTablespace(ctx, meta.Tablespace{Name: name, Replicas: self, Bootstrap: self}); err != nil {
		// Not in the catalog: the directory is no tablespace; take it away again.
		if derr := s.discardDir(name); derr != nil {
			s.log.Error("removing an uncatalogued restore", "tablespace", name, "err", derr)
		}
		return metaError(err, fmt.Sprintf("tablespace %q", name))
	}
	if err := s.awaitPlacement(ctx, name); err != nil {
		return err
	}
	s.log.Info("tablespace restored", "tablespace", name, "from", info.Tablespace,
		"raft_index", info.RaftIndex, "pages", info.Pages, "duration", time.Since(start))
	return nil
}
