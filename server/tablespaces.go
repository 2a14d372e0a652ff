package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"github.com/drovedb/drove/internal/fsutil"
	"github.com/drovedb/drove/server/meta"
	"os"
	"path/filepath"
	"slices"
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

// Address is where PostgreSQL clients reach this node (Config.PGAdvertise, else the bound
// address), "" when it serves no network.
func (s *Server) Address() string {
	switch {
	case s.pgAddr == nil:
		return ""
	case s.cfg.PGAdvertise != "":
		return s.cfg.PGAdvertise
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
	if err := fsutil.WriteFileSync(path, []byte(id+"\n")); err != nil {
		return err
	}
	s.nodeID = id
	return nil
}

// Tablespaces lists the catalog's tablespaces, with the leader each last reported.
func (s *Server) Tablespaces() []sql.TablespaceInfo {
	cat := s.meta.Catalog()
	infos := make([]sql.TablespaceInfo, 0, len(cat.Tablespaces))
	for _, t := range cat.TablespaceList() {
		leader := t.Leader
		if ts, ok := s.Tablespace(t.Name); ok {
			if id, _ := ts.Leader(); id != "" {
				leader = id
			}
		}
		infos = append(infos, sql.TablespaceInfo{Name: t.Name, Leader: leader,
			Replicas: slices.Clone(t.Replicas), ExpectedReplicas: max(t.ExpectedReplicas, 1),
			MaxLeaderInactivity: t.LeaderInactivityTimeout})
	}
	return infos
}

// CreateTablespace adds a tablespace to the catalog, placed as the options say (default:
// this node alone, or expectedreplicacount live nodes), and returns once the replica on this
// node, if it has one, is open and the group has a leader.
func (s *Server) CreateTablespace(ctx context.Context, name string, opts sql.TablespaceOptions) error {
	if !validName.MatchString(name) {
		return sql.Errorf("42602", "invalid tablespace name %q: use 1 to 63 letters, digits and '_', not starting with a digit", name)
	}
	if err := s.checkNodes(append([]string{opts.Leader}, opts.Replicas...)); err != nil {
		return err
	}
	t := meta.Tablespace{Name: name, Replicas: opts.Replicas, Bootstrap: opts.Replicas,
		ExpectedReplicas: opts.ExpectedReplicas, PreferredLeader: opts.Leader,
		LeaderInactivityTimeout: opts.MaxLeaderInactivity}
	if err := s.meta.CreateTablespace(ctx, t); err != nil {
		return metaError(err, fmt.Sprintf("tablespace %q", name))
	}
	s.log.Info("tablespace created", "tablespace", name)
	return s.awaitPlacement(ctx, name)
}

// awaitPlacement waits until this node's replica of name (if the catalog puts one here) is
// open and its group has a leader: the statement after CREATE TABLESPACE can use it.
func (s *Server) awaitPlacement(ctx context.Context, name string) error {
	s.reconcile()
	ts, ok := s.Tablespace(name)
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, startLeaderWait)
	defer cancel()
	if err := ts.WaitLeader(ctx); err != nil {
		return sql.Errorf("57P03", "tablespace %q is created but has no leader yet: %v", name, err)
	}
	return nil
}

// checkNodes refuses placement options naming nodes the catalog does not have.
func (s *Server) checkNodes(ids []string) error {
	cat := s.meta.Catalog()
	for _, id := range ids {
		if _, ok := cat.Nodes[id]; id != "" && !ok {
			return sql.Errorf("22023", "node %q is not a node of this cluster (see sysnodes)", id)
		}
	}
	return nil
}

// AlterTablespace changes a tablespace's placement in the catalog; the group's leader then
// adds and removes replicas and hands over leadership to match.
func (s *Server) AlterTablespace(ctx context.Context, name string, opts sql.TablespaceOptions) error {
	if err := s.checkNodes(append([]string{opts.Leader}, opts.Replicas...)); err != nil {
		return err
	}
	err := s.meta.AlterTablespace(ctx, name, func(t *meta.Tablespace) error {
		if opts.Has(sql.OptReplicas) {
			t.Replicas = slices.Clone(opts.Replicas)
		}
		if opts.Has(sql.OptExpectedReplicas) {
			t.ExpectedReplicas = opts.ExpectedReplicas
		}
		if opts.Has(sql.OptLeader) {
			t.PreferredLeader = opts.Leader
		}
		if opts.Has(sql.OptMaxLeaderInactivity) {
			t.LeaderInactivityTimeout = opts.MaxLeaderInactivity
		}
		return nil
	})
	if err != nil {
		return metaError(err, fmt.Sprintf("tablespace %q", name))
	}
	s.log.Info("tablespace altered", "tablespace", name)
	s.reconcile()
	return nil
}

// DropTablespace removes a tablespace from the catalog; every node then closes its replica
// and deletes its data. Sessions still using it get 57P01 on their next statement.
func (s *Server) DropTablespace(ctx context.Context, name string) error {
	if name == DefaultTablespace {
		return sql.Errorf("55006", "the default tablespace %q cannot be dropped", name)
	}
	if err := s.meta.DropTablespace(ctx, name); err != nil {
		return metaError(err, fmt.Sprintf("tablespace %q", name))
	}
	s.log.Info("tablespace dropped", "tablespace", name)
	s.reconcile()
	return nil
}

// discardDir deletes a tablespace directory: renamed away first (the commit point; a crash
// after it leaves a directory that is no tablespace, deleted at the next start), then removed.
func (s *Server) discardDir(name string) error {
	trash := filepath.Join(filepath.Dir(s.tablespaceDir(name)), fmt.Sprintf(".dropped-%s-%d", name, time.Now().UnixNano()))
	if err := os.Rename(s.tablespaceDir(name), trash); err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	if err := checkpoint.SyncDir(filepath.Dir(trash)); err != nil {
		return err
	}
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
