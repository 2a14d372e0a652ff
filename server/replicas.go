package server

import (
	"context"
	"fmt"
	"github.com/drovedb/drove/internal/fsutil"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/tablespace"
)

// The node's local replicas follow the catalog. Every catalog change (and a timer, for what
// Raft changes without the catalog: leadership) runs reconcile, one at a time:
//
//   - a tablespace listing this node among its replicas gets a local replica, opened from its
//     directory or created empty (bootstrapping the group with the catalog's initial replica
//     set when this node is in it, else waiting for the leader to add it);
//   - a local replica the catalog no longer places here is closed and its directory removed;
//   - where the local replica leads, the Raft configuration is brought to the catalog's
//     replica set (a new replica as a non-voter until it has caught up), the catalog is told
//     who leads, and a preferred leader gets leadership.

const (
	reconcileEvery = time.Second
	createdFile    = "catalog-created-index"
)

func (s *Server) reconcileLoop(changes <-chan struct{}) {
	t := time.NewTicker(reconcileEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stopping:
			return
		case <-changes:
		case <-t.C:
		}
		s.reconcile()
	}
}

// reconcile makes the local replicas match the catalog once. Errors are logged and retried
// at the next run: the catalog is the goal, not a command.
func (s *Server) reconcile() {
	s.reconcileMu.Lock()
	defer s.reconcileMu.Unlock()
	if s.isClosed() {
		return // Close has taken the replicas: opening one now would outlive the server
	}
	cat := s.meta.Catalog()
	s.syncUsers(cat)
	wanted := make(map[string]bool)
	for _, t := range cat.Tablespaces {
		if !slices.Contains(t.Replicas, s.nodeID) {
			continue
		}
		wanted[t.Name] = true
		ts, ok := s.Tablespace(t.Name)
		if !ok {
			var err error
			if ts, err = s.openReplica(cat, t); err != nil {
				s.log.Error("opening replica", "tablespace", t.Name, "err", err)
				continue
			}
		}
		if ts.IsLeader() {
			delete(s.notLeading, t.Name)
			s.leadReplica(cat, t, ts)
		} else {
			s.checkInactive(t, ts, time.Now())
		}
	}
	for _, name := range s.localNames() {
		if wanted[name] {
			continue
		}
		if t, ok := cat.Tablespaces[name]; ok && s.handOver(cat, t) {
			continue // closed at a later run, once another replica leads
		}
		s.removeReplica(name)
	}
}

// handOver, for a local replica the catalog moved off this node while it still leads the
// group, brings the group to the catalog's replicas and hands leadership over (leadReplica);
// it reports whether the replica still leads and so must not be closed yet. Closing a leader
// would stop the group's writes for an election and fail the commits in flight.
func (s *Server) handOver(cat *meta.Catalog, t meta.Tablespace) bool {
	ts, ok := s.Tablespace(t.Name)
	if !ok || !ts.IsLeader() {
		return false
	}
	s.leadReplica(cat, t, ts)
	return ts.IsLeader()
}

// openReplica opens (or creates) this node's replica of t.
func (s *Server) openReplica(cat *meta.Catalog, t meta.Tablespace) (*tablespace.Tablespace, error) {
	var boot []tablespace.Replica
	if slices.Contains(t.Bootstrap, s.nodeID) {
		for _, id := range t.Bootstrap {
			n, ok := cat.Nodes[id]
			if !ok {
				return nil, fmt.Errorf("initial replica %q is not a node of the cluster", id)
			}
			boot = append(boot, tablespace.Replica{ID: id, Address: n.ClusterAddr, Voter: true})
		}
	}
	if err := s.claimDir(t); err != nil {
		return nil, err
	}
	return s.openTablespace(t.Name, boot)
}

// claimDir makes sure the directory of t is t's and not a dropped namesake's: a tablespace
// dropped and created again between two reconciles would otherwise reopen the old data.
// The directory records the catalog index that created its tablespace; a directory without
// the record (from before the catalog) is taken as it is.
func (s *Server) claimDir(t meta.Tablespace) error {
	path := filepath.Join(s.tablespaceDir(t.Name), createdFile)
	want := strconv.FormatUint(t.CreatedIndex, 10)
	b, err := os.ReadFile(path)
	switch {
	case err == nil && string(b) == want:
		return nil
	case err == nil:
		s.log.Info("removing the data of a dropped tablespace of the same name", "tablespace", t.Name)
		if err := s.discardDir(t.Name); err != nil {
			return err
		}
	case !os.IsNotExist(err):
		return err
	}
	if err := os.MkdirAll(s.tablespaceDir(t.Name), 0o755); err != nil {
		return err
	}
	return fsutil.WriteFileSync(path, []byte(want))
}

// promoteLag is how far (in log entries) a new replica, added as a non-voter, may trail the
// leader's last index and still be promoted to voter: a few append batches (a tablespace's
// MaxAppendEntries is 128), a few round trips, so the quorum does not wait on its catch-up.
const promoteLag = 1024

// leadReplica, on the replica that leads t, brings the Raft configuration to the catalog's
// replica set, tells the catalog who leads, and hands leadership to the preferred leader when
// it is a live voter.
func (s *Server) leadReplica(cat *meta.Catalog, t meta.Tablespace, ts *tablespace.Tablespace) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	have, ok := s.syncMembers(ctx, cat, t, ts)
	if !ok {
		return
	}
	if !slices.Contains(t.Replicas, s.nodeID) {
		// The catalog moved this replica away: hand over before reconcile closes it.
		if err := ts.TransferLeadership(ctx, ""); err != nil {
			s.log.Warn("leaving leadership", "tablespace", t.Name, "err", err)
		}
		return
	}
	if t.Leader != s.nodeID {
		if err := s.meta.SetTablespaceLeader(ctx, t.Name, s.nodeID); err != nil {
			s.log.Warn("reporting leadership", "tablespace", t.Name, "err", err)
		}
	}
	if p := t.PreferredLeader; p != "" && p != s.nodeID && have[p].Voter {
		if n, ok := cat.Nodes[p]; ok && n.Live {
			if err := ts.TransferLeadership(ctx, p); err != nil {
				s.log.Warn("transferring leadership", "tablespace", t.Name, "to", p, "err", err)
			}
		}
	}
}

// syncMembers moves the group's configuration one step towards the catalog's replica set and
// returns the members as they were (false: a change failed, stop this round).
//
// A new replica joins as a non-voter and is promoted once it trails the leader by at most
// promoteLag entries (a later round). Added as a voter at once, it would count in the quorum
// while it receives the snapshot and the log: a one-replica tablespace given a second replica,
// or a three-replica one with a dead member given its replacement, could commit nothing until
// the newcomer had caught up — for a large tablespace, minutes without writes. Replicas the
// catalog dropped are removed only once no newcomer is still catching up, so the group's
// voters never shrink below what they were (adding before removing).
func (s *Server) syncMembers(ctx context.Context, cat *meta.Catalog, t meta.Tablespace,
	ts *tablespace.Tablespace) (map[string]tablespace.ReplicaState, bool) {
	have := make(map[string]tablespace.ReplicaState)
	var last uint64
	for _, r := range ts.Replicas() {
		have[r.ID] = r
		if r.Self {
			last = r.MatchIndex
		}
	}
	catchingUp := false
	for _, id := range t.Replicas {
		n, ok := cat.Nodes[id]
		if !ok {
			continue
		}
		r, member := have[id]
		voter := false
		switch {
		case member && r.Voter && r.Address == n.ClusterAddr:
			continue
		case member && r.Voter:
			// A voter with a stale address (a node that moved, or a tablespace from before
			// the cluster port) is re-added under its new address, still a voter.
			voter = true
		case member && r.Address == n.ClusterAddr && r.MatchIndex > 0 && last-min(last, r.MatchIndex) <= promoteLag:
			voter = true // caught up: promote
		case member && r.Address == n.ClusterAddr:
			catchingUp = true
			continue
		default:
			catchingUp = true
		}
		if err := ts.AddReplica(ctx, tablespace.Replica{ID: id, Address: n.ClusterAddr, Voter: voter}); err != nil {
			s.log.Warn("adding replica", "tablespace", t.Name, "node", id, "voter", voter, "err", err)
			return have, false
		}
		s.log.Info("replica added", "tablespace", t.Name, "node", id, "voter", voter)
	}
	if catchingUp {
		return have, true
	}
	for id := range have {
		if id == s.nodeID || slices.Contains(t.Replicas, id) {
			continue
		}
		if err := ts.RemoveReplica(ctx, id); err != nil {
			s.log.Warn("removing replica", "tablespace", t.Name, "node", id, "err", err)
			return have, false
		}
		s.log.Info("replica removed", "tablespace", t.Name, "node", id)
	}
	return have, true
}

// removeReplica closes a local replica the catalog no longer places here and deletes its
// directory (renamed away first: the rename is the commit point, as for DROP TABLESPACE).
func (s *Server) removeReplica(name string) {
	s.mu.Lock()
	ts, ok := s.tablespaces[name]
	delete(s.tablespaces, name)
	s.mu.Unlock()
	if !ok {
		return
	}
	if err := ts.Close(); err != nil {
		s.log.Warn("closing removed replica", "tablespace", name, "err", err)
	}
	if err := s.discardDir(name); err != nil {
		s.log.Error("removing replica directory", "tablespace", name, "err", err)
		return
	}
	s.log.Info("replica removed from this node", "tablespace", name)
}

func (s *Server) isClosed() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.closed
}

func (s *Server) localNames() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.tablespaces))
	for n := range s.tablespaces {
		names = append(names, n)
	}
	return names
}
