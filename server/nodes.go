package server

import (
	"context"
	"time"

	"github.com/drovedb/drove/sql"
)

// The node list and replica states. On one node the cluster is this node and every
// tablespace has one replica, here; the metadata Raft group replaces both with the
// catalog's nodes and each group's replicas.

// Nodes lists the cluster's nodes: this one, live and seen now.
func (s *Server) Nodes() []sql.NodeInfo {
	return []sql.NodeInfo{{ID: s.nodeID, Address: s.Address(), Live: true, LastSeen: time.Now()}}
}

// RemoveNode takes a node out of the cluster. A node does not remove itself (connect to
// another to remove this one), and on one node there is no other to remove.
func (s *Server) RemoveNode(_ context.Context, id string) error {
	if id == s.nodeID {
		return &sql.Error{Code: "55006", Message: "node \"" + id + "\" cannot remove itself",
			Hint: "Connect to another node of the cluster to remove this one."}
	}
	return sql.Errorf("42704", "node %q does not exist", id)
}

// ReplicaStates reports the tablespace's one replica, this node, leading it: its applied
// log index and the entries stored but not yet applied. The lag in time is known only when
// there is none.
func (s *Server) ReplicaStates(tablespace string) []sql.ReplicaState {
	ts, ok := s.Tablespace(tablespace)
	if !ok {
		return nil
	}
	st := ts.Stats()
	role := sql.RoleFollower
	if st.Leader {
		role = sql.RoleLeader
	}
	return []sql.ReplicaState{{NodeID: s.nodeID, Role: role, AppliedIndex: st.AppliedIndex,
		LagEntries: st.ApplyLag, LagKnown: st.ApplyLag == 0}}
}
