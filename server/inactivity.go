package server

import (
	"context"
	"time"

	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/tablespace"
)

// Leader inactivity, the node's half (the meta leader's is meta.InactiveLeaders; DESIGN.md
// of server/meta, "Leader inactivity"). The catalog names a tablespace's leader as its leader
// last reported. When another replica is elected it reports itself; when none is — the group
// lost its quorum — nobody would correct the record. The node the catalog names knows best
// that its replica no longer leads: once it has not led for the tablespace's
// LeaderInactivityTimeout (by default the dead-node timeout), it clears its own name.

// inactivityTimeout is t's leader inactivity timeout: its own, else the dead-node timeout.
func (s *Server) inactivityTimeout(t meta.Tablespace) time.Duration {
	switch {
	case t.LeaderInactivityTimeout > 0:
		return t.LeaderInactivityTimeout
	case s.cfg.DeadNodeTimeout > 0:
		return s.cfg.DeadNodeTimeout
	}
	return meta.DefaultTimeouts().DeadNode
}

// checkInactive runs in reconcile for a local replica that does not lead: when the catalog
// still names this node as t's leader and the replica has not led for the inactivity timeout,
// the record is cleared (a conditional clear: a new leader's report applied meanwhile stays).
// Called under reconcileMu.
func (s *Server) checkInactive(t meta.Tablespace, ts *tablespace.Tablespace, now time.Time) {
	leader, _ := ts.Leader()
	if t.Leader != s.nodeID || leader == s.nodeID {
		// Not named; or Raft's leader here, getting ready to take writes (IsLeader waits for
		// that): not inactive.
		delete(s.notLeading, t.Name)
		return
	}
	since, ok := s.notLeading[t.Name]
	if !ok {
		s.notLeading[t.Name] = now
		return
	}
	if now.Sub(since) < s.inactivityTimeout(t) {
		return
	}
	s.log.Warn("this node's replica has not led the tablespace for its leader inactivity timeout: clearing it as the catalog's leader",
		"tablespace", t.Name, "since", since, "raft_leader", leader)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.meta.ClearTablespaceLeader(ctx, t.Name, s.nodeID, t.CreatedIndex); err != nil {
		s.log.Warn("clearing this node as the tablespace's leader", "tablespace", t.Name, "err", err)
		return
	}
	delete(s.notLeading, t.Name)
}
