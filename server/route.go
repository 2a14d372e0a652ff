package server

import (
	"context"
	"net"
	"time"

	"github.com/drovedb/drove/pgwire"
	"github.com/drovedb/drove/sql"
)

// Routing: a session is served by the leader of its tablespace. This node serves it when its
// replica leads; otherwise pgwire forwards the session to the leader's forwarding service on
// the cluster port.

const (
	// startLeaderWait bounds how long start, CREATE TABLESPACE and a new session wait for a
	// tablespace's group to have a leader: several election rounds.
	startLeaderWait = 10 * time.Second
	routePoll       = 20 * time.Millisecond
)

var _ pgwire.Router = (*Server)(nil)

// Route implements pgwire.Router.
func (s *Server) Route(ctx context.Context, _ string, database string) (pgwire.Route, error) {
	if database == "" {
		database = DefaultTablespace
	}
	if s.mux == nil {
		return pgwire.Route{}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, startLeaderWait)
	defer cancel()
	for {
		cat := s.meta.Catalog()
		t, ok := cat.Tablespaces[database]
		if !ok {
			return pgwire.Route{}, sql.Errorf("3D000", "database %q does not exist", database)
		}
		leader := t.Leader
		if ts, ok := s.Tablespace(database); ok {
			if ts.IsLeader() && !ts.Transferring() {
				return pgwire.Route{}, nil
			}
			// While this replica hands leadership over, it is still named leader: wait for
			// the new one (a local session refused during the transfer switches to it).
			leader, _ = ts.Leader()
		}
		if n, ok := cat.Nodes[leader]; ok && leader != s.nodeID {
			addr := n.ClusterAddr
			return pgwire.Route{Node: leader, Dial: func(ctx context.Context) (net.Conn, error) {
				return s.mux.Dial(ctx, addr, forwardService)
			}}, nil
		}
		select {
		case <-ctx.Done():
			return pgwire.Route{}, sql.Errorf("57P03", "tablespace %q has no leader at the moment; retry shortly", database)
		case <-time.After(routePoll):
		}
	}
}

// waitLocalLeaders waits, up to d, until every local replica's group has a leader, so the
// first statements after start are not refused. A group without a quorum (most of its nodes
// down) is logged and left to come up later.
func (s *Server) waitLocalLeaders(d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	for _, name := range s.localNames() {
		if ts, ok := s.Tablespace(name); ok {
			if err := ts.WaitLeader(ctx); err != nil {
				s.log.Warn("tablespace has no leader yet", "tablespace", name, "err", err)
			}
		}
	}
}
