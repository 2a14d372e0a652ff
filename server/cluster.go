package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"time"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/auth"
	"github.com/drovedb/drove/server/clusternet"
	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/sql"
)

// The node's place in the cluster: the cluster port (when the node has one), the metadata
// group that holds the catalog of nodes, tablespaces and users, and the migration of a
// single-node data directory into that catalog at its first start with one.

const (
	metaGroup = "meta"
	// Tablespace groups are named apart from the metadata group, so a tablespace may be
	// called "meta".
	tablespaceGroupPrefix = "ts/"
	forwardService        = "forward"
	joinTimeout           = 60 * time.Second
)

// startCluster opens the cluster port (if configured) and the metadata group: joining the
// cluster of Config.Join at the first start, bootstrapping a new one otherwise, restarting
// from the group's own state after that.
func (s *Server) startCluster(pgAddr string, fileUsers *auth.Store) error {
	var trans raft.Transport
	clusterAddr := ""
	dial := func(context.Context, string) (net.Conn, error) {
		return nil, errors.New("this node has no cluster port (--cluster-addr)")
	}
	if s.cfg.ClusterAddr != "" {
		mux, err := clusternet.Listen(clusternet.Config{NodeID: s.nodeID, Addr: s.cfg.ClusterAddr,
			Advertise: s.cfg.ClusterAdvertise, TLS: s.cfg.ClusterTLS, Insecure: s.cfg.ClusterInsecure,
			Faults: s.cfg.Faults, Logger: s.log})
		if err != nil {
			return err
		}
		s.mux = mux
		clusterAddr = mux.Addr()
		trans = mux.Transport(metaGroup)
		dial = func(ctx context.Context, addr string) (net.Conn, error) { return mux.Dial(ctx, addr, metaGroup) }
		mux.Handle(metaGroup, func(c net.Conn, _ string) {
			if m := s.metaGroup(); m != nil {
				m.ServeConn(c)
				return
			}
			c.Close()
		})
		s.log.Info("cluster port open", "addr", clusterAddr)
	} else {
		// A private node: its one-member groups talk in memory.
		var addr raft.ServerAddress
		addr, trans = raft.NewInmemTransport(raft.ServerAddress(s.nodeID))
		clusterAddr = string(addr)
	}
	opts := meta.Options{
		Dir: filepath.Join(s.cfg.DataDir, "meta"), NodeID: s.nodeID, Transport: trans, Dial: dial,
		Self:   meta.Node{ID: s.nodeID, PGAddr: pgAddr, ClusterAddr: clusterAddr},
		Logger: s.log, Timeouts: meta.DefaultTimeouts(),
	}
	if s.cfg.DeadNodeTimeout > 0 {
		opts.Timeouts.DeadNode = s.cfg.DeadNodeTimeout
	}
	if s.mux == nil {
		// A private node's group never has another member: it can elect itself at once
		// (embedded opens should not wait out a network's election timeout).
		opts.Timeouts.Heartbeat, opts.Timeouts.Election, opts.Timeouts.LeaderLease = 50*time.Millisecond, 50*time.Millisecond, 25*time.Millisecond
	}
	var m *meta.Meta
	var err error
	if len(s.cfg.Join) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), joinTimeout)
		m, err = meta.Join(ctx, opts, s.cfg.Join)
		cancel()
	} else {
		opts.Bootstrap = true
		m, err = meta.Open(opts)
	}
	if err != nil {
		return fmt.Errorf("metadata group: %w", err)
	}
	s.metaMu.Lock()
	s.meta = m
	s.metaMu.Unlock()
	if len(s.cfg.Join) == 0 {
		return s.migrate(fileUsers)
	}
	return nil
}

func (s *Server) metaGroup() *meta.Meta {
	s.metaMu.RLock()
	defer s.metaMu.RUnlock()
	return s.meta
}

// migrate puts a single-node data directory's tablespaces and users into the catalog, once:
// the catalog says when it has been done. A new node's catalog gets the default tablespace.
func (s *Server) migrate(fileUsers *auth.Store) error {
	ctx, cancel := context.WithTimeout(context.Background(), joinTimeout)
	defer cancel()
	if err := s.meta.Sync(ctx); err != nil {
		return fmt.Errorf("metadata group: %w", err)
	}
	if s.meta.Catalog().Migrated {
		return nil
	}
	names, err := s.existingTablespaces()
	if err != nil {
		return err
	}
	if len(names) == 0 {
		names = []string{DefaultTablespace}
	}
	var users []meta.User
	for _, e := range fileUsers.Entries() {
		users = append(users, meta.User{Name: e.Name, Verifier: e.Verifier, Superuser: e.Superuser})
	}
	if err := s.meta.Migrate(ctx, names, users); err != nil {
		return fmt.Errorf("moving the data directory's catalog into the metadata group: %w", err)
	}
	s.log.Info("catalog moved into the metadata group", "tablespaces", len(names), "users", len(users))
	return nil
}

// syncUsers makes the node's authentication follow the catalog's users.
func (s *Server) syncUsers(cat *meta.Catalog) {
	entries := make([]auth.Entry, 0, len(cat.Users))
	for _, u := range cat.UserList() {
		entries = append(entries, auth.Entry{Name: u.Name, Verifier: u.Verifier, Superuser: u.Superuser})
	}
	if err := s.users.Replace(entries); err != nil {
		s.log.Error("users from the catalog", "err", err)
	}
}

// metaError maps the metadata group's errors to PostgreSQL's.
func metaError(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, meta.ErrExists):
		return sql.Errorf("42710", "%s already exists", what)
	case errors.Is(err, meta.ErrNotFound):
		return sql.Errorf("42704", "%s does not exist", what)
	case errors.Is(err, meta.ErrInvalid):
		return sql.Errorf("22023", "%s: %v", what, err)
	case errors.Is(err, meta.ErrNodeInUse):
		return sql.Errorf("55006", "%v", err)
	case errors.Is(err, meta.ErrDiskFull):
		return sql.Errorf("53100", "%s: %v", what, err)
	case errors.Is(err, meta.ErrNoLeader):
		return sql.Errorf("57P03", "the cluster's metadata group has no leader (no quorum of its voters is reachable)")
	case errors.Is(err, meta.ErrUnknownOutcome):
		return sql.Errorf("08007", "%s: the change may or may not have been made: %v", what, err)
	case errors.Is(err, context.DeadlineExceeded):
		return sql.Errorf("57014", "%s: timed out: %v", what, err)
	}
	return err
}

// ClusterTLSFlags are the three --cluster-tls-* flags as given.
type ClusterTLSFlags struct{ Cert, Key, CA string }

// Files checks that the flags are given all or none, and returns them as clusternet takes
// them (nil: none).
func (f ClusterTLSFlags) Files() (*clusternet.TLSFiles, error) {
	switch n := countSet(f.Cert, f.Key, f.CA); n {
	case 0:
		return nil, nil
	case 3:
		return &clusternet.TLSFiles{Cert: f.Cert, Key: f.Key, CA: f.CA}, nil
	}
	return nil, errors.New("cluster TLS needs all of --cluster-tls-cert, --cluster-tls-key and --cluster-tls-ca")
}

func countSet(ss ...string) int {
	n := 0
	for _, s := range ss {
		if s != "" {
			n++
		}
	}
	return n
}

// ClusterAddr is the address other nodes reach this node's cluster port at, "" without one.
func (s *Server) ClusterAddr() string {
	if s.mux == nil {
		return ""
	}
	return s.mux.Addr()
}
