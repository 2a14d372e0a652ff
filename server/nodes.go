package server

import (
	"context"
	"fmt"

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
// tablespace reports nothing. The lag is tablespace's (ReplicaState.LagEntries, Lag): on
// the leader, a follower's entries after its acknowledged index and the age of the oldest;
// for the local replica, its entries stored but not applied and their age.
func (s *Server) ReplicaStates(tablespace string) []sql.ReplicaState {
	ts, ok := s.Tablespace(tablespace)
	if !ok {
		return nil
	}
	leading := ts.IsLeader()
	var out []sql.ReplicaState
	for _, r := range ts.Replicas() {
		st := sql.ReplicaState{NodeID: r.ID, Role: sql.RoleFollower, AppliedIndex: r.AppliedIndex,
			LagEntries: r.LagEntries, Lag: r.Lag, LagKnown: r.LagKnown}
		if r.Leader {
			st.Role = sql.RoleLeader
		}
		switch {
		case r.Self:
		case leading && r.MatchIndex > 0:
			st.AppliedIndex = r.MatchIndex
		default:
			continue
		}
		out = append(out, st)
	}
	return out
}
