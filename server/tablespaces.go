package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/sql"
)

// The node's tablespace catalog. On one node the catalog is the set of directories under
// tablespaces/: creating one is making and opening its directory, dropping one is renaming
// the directory out of the way (atomic) and then deleting it. When the metadata Raft group
// arrives it becomes the catalog and these directories its local replicas.

var _ sql.Node = (*Server)(nil)

// ID is this node's identifier: --node-id, or the one chosen at the data directory's first
// start and kept in its node-id file.
func (s *Server) ID() string { return s.nodeID }

// Address is where PostgreSQL clients reach this node, "" when it serves no network.
func (s *Server) Address() string {
	if s.pgAddr == nil {
		return ""
	}
	return s.pgAddr.String()
}

// loadNodeID reads the node id kept in the data directory, writing cfg.NodeID (or a new
// random one) there on first start. A configured id that disagrees with the kept one is an
// error: tablespace replica sets name nodes by id.
func (s *Server) loadNodeID() error {
	path := filepath.Join(s.cfg.DataDir, "node-id")
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		kept := strings.TrimSpace(string(b))
		if s.cfg.NodeID != "" && s.cfg.NodeID != kept {
			return fmt.Errorf("--node-id %q does not match the id %q this data directory was created with", s.cfg.NodeID, kept)
		}
		s.nodeID = kept
		return nil
	case !os.IsNotExist(err):
		return err
	}
	id := s.cfg.NodeID
	if id == "" {
		var r [4]byte
		rand.Read(r[:])
		id = "node-" + hex.EncodeToString(r[:])
	}
	if !validName.MatchString(strings.ReplaceAll(id, "-", "_")) {
		return fmt.Errorf("invalid node id %q: use letters, digits, '_' and '-'", id)
	}
	if err := writeFileSync(path, []byte(id+"\n")); err != nil {
		return err
	}
	s.nodeID = id
	return nil
}

// Tablespaces lists the node's tablespaces by name. Each has this node as its only replica.
func (s *Server) Tablespaces() []sql.TablespaceInfo {
	s.mu.RLock()
	infos := make([]sql.TablespaceInfo, 0, len(s.tablespaces))
	for name := range s.tablespaces {
		infos = append(infos, sql.TablespaceInfo{Name: name, Leader: s.nodeID,
			Replicas: []string{s.nodeID}, ExpectedReplicas: 1})
	}
	s.mu.RUnlock()
	sort.Slice(infos, func(i, j int) bool { return infos[i].Name < infos[j].Name })
	return infos
}

// CreateTablespace creates and opens a tablespace whose only replica is this node. Options
// that name other nodes or more than one replica are refused: there is no cluster to place
// them on yet.
func (s *Server) CreateTablespace(_ context.Context, name string, opts sql.TablespaceOptions) error {
	if !validName.MatchString(name) {
		return sql.Errorf("42602", "invalid tablespace name %q: use 1 to 63 letters, digits and '_', not starting with a digit", name)
	}
	if err := s.checkPlacement(name, opts); err != nil {
		return err
	}
	s.ddl.Lock()
	defer s.ddl.Unlock()
	if _, ok := s.Tablespace(name); ok {
		return sql.Errorf("42710", "tablespace %q already exists", name)
	}
	if _, err := s.openTablespace(name); err != nil {
		os.RemoveAll(s.tablespaceDir(name))
		return err
	}
	if err := checkpoint.SyncDir(filepath.Dir(s.tablespaceDir(name))); err != nil {
		return err
	}
	s.log.Info("tablespace created", "tablespace", name)
	return nil
}

// checkPlacement refuses options that name other nodes or more than one replica: there is
// no cluster to place a tablespace on yet, so its replica set is this node, its expected
// replica count 1 and its leader this node.
func (s *Server) checkPlacement(name string, opts sql.TablespaceOptions) error {
	for _, n := range append([]string{opts.Leader}, opts.Replicas...) {
		if n != "" && n != s.nodeID {
			return sql.Errorf("0A000", "tablespace %q cannot be placed on node %q: this node is %q and clustering is not available yet", name, n, s.nodeID)
		}
	}
	if opts.ExpectedReplicas > 1 {
		return sql.Errorf("0A000", "expectedreplicacount:%d needs a cluster; this node runs alone", opts.ExpectedReplicas)
	}
	return nil
}

// AlterTablespace changes a tablespace's placement. On one node the only placement is the
// one it has (replica set this node, one expected replica, this node leading), so options
// saying so are accepted and change nothing, and any other is refused as CREATE refuses it.
// maxleaderinactivitytime has no leader to replace on one node and changes nothing either.
func (s *Server) AlterTablespace(_ context.Context, name string, opts sql.TablespaceOptions) error {
	if err := s.checkPlacement(name, opts); err != nil {
		return err
	}
	s.ddl.Lock()
	defer s.ddl.Unlock()
	if _, ok := s.Tablespace(name); !ok {
		return sql.Errorf("42704", "tablespace %q does not exist", name)
	}
	s.log.Info("tablespace altered", "tablespace", name)
	return nil
}

// DropTablespace stops a tablespace and deletes its data. Sessions still using it get
// 57P01 on their next statement.
func (s *Server) DropTablespace(_ context.Context, name string) error {
	if name == DefaultTablespace {
		return sql.Errorf("55006", "the default tablespace %q cannot be dropped", name)
	}
	s.ddl.Lock()
	defer s.ddl.Unlock()
	ts, ok := s.Tablespace(name)
	if !ok {
		return sql.Errorf("42704", "tablespace %q does not exist", name)
	}
	s.mu.Lock()
	delete(s.tablespaces, name)
	s.mu.Unlock()
	if err := ts.Close(); err != nil {
		s.log.Warn("closing dropped tablespace", "tablespace", name, "err", err)
	}
	// The rename is the commit point: a crash after it leaves a directory that is not a
	// tablespace and is deleted at the next start.
	trash := filepath.Join(filepath.Dir(s.tablespaceDir(name)), fmt.Sprintf(".dropped-%s-%d", name, time.Now().UnixNano()))
	if err := os.Rename(s.tablespaceDir(name), trash); err != nil {
		return fmt.Errorf("dropping tablespace %s: %w", name, err)
	}
	if err := checkpoint.SyncDir(filepath.Dir(trash)); err != nil {
		return err
	}
	s.log.Info("tablespace dropped", "tablespace", name)
	return os.RemoveAll(trash)
}

// removeDropped deletes what DROP TABLESPACE renamed away but a crash kept it from deleting,
// and restores a crash interrupted before their commit.
func (s *Server) removeDropped() error {
	dir := filepath.Join(s.cfg.DataDir, "tablespaces")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".dropped-") || strings.HasPrefix(e.Name(), ".restoring-") {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFileSync(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return checkpoint.SyncDir(filepath.Dir(path))
}
