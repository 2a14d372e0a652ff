package server

import (
	"context"
	"fmt"
	"time"

	"github.com/drovedb/drove/sql"
)

// The node list and replica states, from the catalog and the local replicas' Raft state.

// Nodes lists the catalog's nodes with their liveness as the metadata leader last recorded it.
func (s *Server) Nodes() []sql.NodeInfo {
	var out []sql.NodeInfo
	for _, n := range s.meta.Catalog().NodeList() {
		info := sql.NodeInfo{ID: n.ID, Address: n.PGAddr, ClusterAddress: n.ClusterAddr,
			Live: n.Live, LastSeen: n.LastSeen}
		if s.mux == nil {
			info.ClusterAddress = "" // a private node: its groups talk in memory
		}
		out = append(out, info)
	}
	return out
}

// RemoveNode takes a node out of the cluster: its replicas move to other live nodes first.
// A node does not remove itself (connect to another to remove this one).
func (s *Server) RemoveNode(ctx context.Context, id string) error {
	if id == s.nodeID {
		return &sql.Error{Code: "55006", Message: "node \"" + id + "\" cannot remove itself",
			Hint: "Connect to another node of the cluster to remove this one."}
	}
	return metaError(s.meta.RemoveNode(ctx, id), fmt.Sprintf("node %q", id))
}

// ReplicaStates reports a tablespace's replicas as the local replica sees them: on the
// leader every follower's progress, on a follower its own. A node without a replica of the
// tablespace reports nothing.
func (s *Server) ReplicaStates(tablespace string) []sql.ReplicaState {
	ts, ok := s.Tablespace(tablespace)
	if !ok {
		return nil
	}
	var leaderLast uint64
	reps := ts.Replicas()
	for _, r := range reps {
		if r.Self {
			leaderLast = r.MatchIndex
		}
	}
	var out []sql.ReplicaState
	for _, r := range reps {
		st := sql.ReplicaState{NodeID: r.ID, Role: sql.RoleFollower, AppliedIndex: r.AppliedIndex}
		if r.Leader {
			st.Role = sql.RoleLeader
		}
		switch {
		case r.Self:
			stats := ts.Stats()
			st.LagEntries, st.LagKnown = stats.ApplyLag, stats.ApplyLag == 0
		case ts.IsLeader() && r.MatchIndex > 0:
			st.AppliedIndex = r.MatchIndex
			st.LagEntries = leaderLast - min(leaderLast, r.MatchIndex)
			if !r.LastContact.IsZero() {
				st.Lag, st.LagKnown = time.Since(r.LastContact), true
			}
		default:
			continue
		}
		out = append(out, st)
	}
	return out
}
