package meta

import (
	"context"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/hashicorp/raft"
)

// liveness is the meta leader's record of which members' heartbeats fail, from Raft's
// observations. It is the leader's alone and starts afresh at each election: a node is given
// the benefit of the doubt from then on.
type liveness struct {
	mu      sync.Mutex
	since   time.Time            // when this node last became leader
	failing map[string]time.Time // member → last contact, while heartbeats to it fail
}

func newLiveness() *liveness { return &liveness{failing: map[string]time.Time{}} }

func (l *liveness) reset(now time.Time) {
	l.mu.Lock()
	l.since, l.failing = now, map[string]time.Time{}
	l.mu.Unlock()
}

func (l *liveness) set(id string, failing bool, lastContact time.Time) {
	l.mu.Lock()
	if failing {
		l.failing[id] = lastContact
	} else {
		delete(l.failing, id)
	}
	l.mu.Unlock()
}

// lastSeen is when the leader last heard from id: now while its heartbeats succeed.
func (l *liveness) lastSeen(id string, now time.Time) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	t, ok := l.failing[id]
	if !ok {
		return now
	}
	return maxTime(t, l.since)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func (m *Meta) observe(ch <-chan raft.Observation) {
	for {
		select {
		case <-m.ctx.Done():
			return
		case o := <-ch:
			switch d := o.Data.(type) {
			case raft.FailedHeartbeatObservation:
				m.live.set(string(d.PeerID), true, d.LastContact)
			case raft.ResumedHeartbeatObservation:
				m.live.set(string(d.PeerID), false, time.Time{})
			}
		}
	}
}

// leaderLoop runs every Tick: on the leader, liveness, healing and voters; on every node, the
// check that the catalog has this node's current addresses.
func (m *Meta) leaderLoop() {
	t := time.NewTicker(m.opts.Timeouts.Tick)
	defer t.Stop()
	wasLeader := false
	for {
		select {
		case <-m.ctx.Done():
			return
		case <-t.C:
		}
		leader := m.IsLeader()
		if leader && !wasLeader {
			m.live.reset(time.Now())
		}
		wasLeader = leader
		if leader {
			m.updateLiveness()
			m.heal()
			m.demoteDeadVoter()
		} else {
			m.askPromotion()
		}
		m.checkSelf()
	}
}

// updateLiveness replicates each node's going dead: unheard for DeadNode. Only changes are
// written (a live cluster writes nothing), and the leader only ever marks a node dead: a dead
// node comes back by saying so itself (checkSelf registers it again once it applies a catalog
// that has it dead), because the leader's silence about a node — no failed heartbeat observed
// yet — is no proof that it answers.
func (m *Meta) updateLiveness() {
	now := time.Now()
	for _, n := range m.Catalog().NodeList() {
		if n.ID == m.opts.NodeID {
			if !n.Live {
				m.applyLogged(&command{Op: opSetLiveness, Name: n.ID, Live: true, LastSeen: now})
			}
			continue
		}
		seen := m.live.lastSeen(n.ID, now)
		if !n.Live || now.Sub(seen) < m.opts.Timeouts.DeadNode {
			continue
		}
		m.log.Warn("node is dead", "node", n.ID, "last_seen", seen)
		m.applyLogged(&command{Op: opSetLiveness, Name: n.ID, Live: false, LastSeen: seen})
	}
}

// heal applies Heal's decisions, each as a compare-and-set on the tablespace it read, and
// clears the leader of tablespaces whose reported leader is dead or inactive.
func (m *Meta) heal() {
	cat := m.Catalog()
	now := time.Now()
	lastSeen := func(id string) time.Time {
		if id == m.opts.NodeID {
			return now
		}
		return m.live.lastSeen(id, now)
	}
	for _, name := range InactiveLeaders(cat, lastSeen, now, m.opts.Timeouts.DeadNode) {
		ts := cat.Tablespaces[name]
		m.log.Warn("tablespace leader inactive: cleared from the catalog", "tablespace", name, "leader", ts.Leader,
			"last_seen", lastSeen(ts.Leader))
		m.applyLogged(&command{Op: opClearLeader, Tablespace: &Tablespace{Name: name, Leader: ts.Leader,
			CreatedIndex: ts.CreatedIndex}})
	}
	for _, ts := range Heal(cat) {
		m.log.Warn("healing tablespace", "tablespace", ts.Name, "replicas", cat.Tablespaces[ts.Name].Replicas,
			"new_replicas", ts.Replicas)
		m.applyLogged(&command{Op: opAlterTablespace, Tablespace: &ts, IfMod: ts.ModIndex})
	}
}

func (m *Meta) applyLogged(cmd *command) {
	if r := m.applyLocal(cmd); r.NotLeader || r.Err != "" {
		m.log.Warn("meta leader's change failed", "change", cmd.describe(), "err", r.Err, "not_leader", r.NotLeader)
	}
}

// voterState counts the voters and lists, sorted, those the catalog has as dead (self is
// always live).
func (m *Meta) voterState(members []Member) (voters int, dead []string) {
	cat := m.Catalog()
	for _, s := range members {
		if !s.Voter {
			continue
		}
		voters++
		if s.ID != m.opts.NodeID && !cat.Nodes[s.ID].Live {
			dead = append(dead, s.ID)
		}
	}
	sort.Strings(dead)
	return voters, dead
}

// demoteDeadVoter (leader): once voters are more than MaxVoters — a non-voter was promoted in a
// dead voter's place, see askPromotion — a dead voter becomes a non-voter, so it no longer
// weighs on the quorum. Promoting first keeps the quorum's margin through the swap.
func (m *Meta) demoteDeadVoter() {
	m.memberMu.Lock()
	defer m.memberMu.Unlock()
	members, err := m.Members()
	if err != nil {
		return
	}
	if voters, dead := m.voterState(members); voters > m.opts.MaxVoters && len(dead) > 0 {
		m.log.Info("demoting dead meta voter", "node", dead[0])
		m.raft.DemoteVoter(raft.ServerID(dead[0]), 0, m.opts.Timeouts.Apply).Error()
	}
}

// askPromotion (a non-voter that does not lead): while the live voters are fewer than
// MaxVoters, ask the leader to make this node a voter. The node asks, not the leader on its
// own, because the request proves what the leader cannot see: that this node is reachable and
// has applied the log (Ready carries its applied index).
func (m *Meta) askPromotion() {
	members, err := m.Members()
	if err != nil {
		return
	}
	me := findMember(members, m.opts.NodeID)
	if me == nil || me.Voter {
		return
	}
	if voters, dead := m.voterState(members); voters-len(dead) >= m.opts.MaxVoters {
		return
	}
	ctx, cancel := context.WithTimeout(m.ctx, m.opts.Timeouts.Apply)
	defer cancel()
	self := m.opts.Self
	resp, err := m.call(ctx, &request{Op: rpcJoin, Node: &self, RaftAddr: me.RaftAddr, Ready: true,
		Applied: m.Catalog().Index}, nil)
	if err == nil {
		err = resp.error()
	}
	if err != nil {
		m.log.Debug("asking to be a meta voter", "err", err)
	}
}

// handleJoin adds or updates a member (leader only) and records the node in the catalog. A new
// member joins as a non-voter: adding an unreachable voter to a one-voter group would stall the
// group until it answered. Once the node has applied its registration — it is reachable and
// caught up — it asks again with Ready, and becomes a voter while voters are fewer than
// MaxVoters.
func (m *Meta) handleJoin(req *request) *response {
	n := req.Node
	if n == nil || checkName("node", n.ID) != nil || req.RaftAddr == "" {
		return m.errResponse(errorf(ErrInvalid, "join needs a node id and a Raft address"))
	}
	m.memberMu.Lock()
	defer m.memberMu.Unlock()
	members, err := m.Members()
	if err != nil {
		return m.raftError(err)
	}
	if req.Ready {
		return m.promote(members, n.ID, req.Applied)
	}
	id, addr, t := raft.ServerID(n.ID), raft.ServerAddress(req.RaftAddr), m.opts.Timeouts.Apply
	var f raft.IndexFuture
	switch member := findMember(members, n.ID); {
	case member != nil && member.RaftAddr == req.RaftAddr:
	case member != nil && member.Voter:
		f = m.raft.AddVoter(id, addr, 0, t) // a voter's new address
	default:
		f = m.raft.AddNonvoter(id, addr, 0, t)
	}
	if f != nil {
		if err := f.Error(); err != nil {
			return m.raftError(err)
		}
		m.log.Info("node joined the meta group", "node", n.ID, "raft_addr", req.RaftAddr)
	}
	m.live.set(n.ID, false, time.Time{})
	old, ok := m.Catalog().Nodes[n.ID]
	if ok && old.Live && old.PGAddr == n.PGAddr && old.ClusterAddr == n.ClusterAddr {
		return &response{Index: m.Catalog().Index}
	}
	node := Node{ID: n.ID, PGAddr: n.PGAddr, ClusterAddr: n.ClusterAddr, LastSeen: time.Now()}
	return m.applyLocal(&command{Op: opRegisterNode, Node: &node})
}

// promote makes member id a voter if the live voters are fewer than MaxVoters and the node
// has applied what this leader has (applied).
func (m *Meta) promote(members []Member, id string, applied uint64) *response {
	member := findMember(members, id)
	if member == nil {
		return m.errResponse(errorf(ErrNotFound, "node %q is not a member", id))
	}
	voters, dead := m.voterState(members)
	if member.Voter || voters-len(dead) >= m.opts.MaxVoters {
		return &response{Index: m.Catalog().Index}
	}
	if applied < m.Catalog().Index {
		return &response{Index: m.Catalog().Index, Lagging: true}
	}
	f := m.raft.AddVoter(raft.ServerID(id), raft.ServerAddress(member.RaftAddr), 0, m.opts.Timeouts.Apply)
	if err := f.Error(); err != nil {
		return m.raftError(err)
	}
	m.log.Info("node is a meta voter", "node", id)
	return &response{Index: m.Catalog().Index}
}

func findMember(members []Member, id string) *Member {
	for i := range members {
		if members[i].ID == id {
			return &members[i]
		}
	}
	return nil
}

// handleRemove moves each of the node's replicas to a live node that has none of the
// tablespace yet, removes the node from the catalog, then from the group (leader only).
func (m *Meta) handleRemove(id string) *response {
	m.memberMu.Lock()
	defer m.memberMu.Unlock()
	members, err := m.Members()
	if err != nil {
		return m.raftError(err)
	}
	isMember := slices.ContainsFunc(members, func(s Member) bool { return s.ID == id })
	cat := m.Catalog()
	if _, ok := cat.Nodes[id]; !ok && !isMember {
		return m.errResponse(errorf(ErrNotFound, "node %q does not exist", id))
	}
	if id == m.opts.NodeID && len(members) == 1 {
		return m.errResponse(errorf(ErrInvalid, "node %q is the cluster's only node", id))
	}
	for _, name := range cat.Hosted(id) {
		if r := m.moveReplica(name, id); r != nil {
			return r
		}
	}
	if _, ok := m.Catalog().Nodes[id]; ok {
		if r := m.applyLocal(&command{Op: opRemoveNode, Name: id}); r.NotLeader || r.Err != "" {
			return r
		}
	}
	if isMember {
		if err := m.raft.RemoveServer(raft.ServerID(id), 0, m.opts.Timeouts.Apply).Error(); err != nil {
			return m.raftError(err)
		}
		m.log.Info("node removed from the meta group", "node", id)
	}
	return &response{Index: m.Catalog().Index}
}

// moveReplica replaces node in the tablespace's replicas by a live node without one; nil on
// success, else the response to return.
func (m *Meta) moveReplica(name, node string) *response {
	cat := m.Catalog()
	ts := cat.Tablespaces[name]
	cands := cat.pickNodes(1, ts.Replicas)
	if len(cands) == 0 {
		return m.errResponse(errorf(ErrNodeInUse, "node %q hosts a replica of tablespace %q and no other live node can take it", node, name))
	}
	next := ts
	next.Replicas = slices.Clone(ts.Replicas)
	next.Replicas[slices.Index(next.Replicas, node)] = cands[0]
	if next.PreferredLeader == node {
		next.PreferredLeader = ""
	}
	if r := m.applyLocal(&command{Op: opAlterTablespace, Tablespace: &next, IfMod: ts.ModIndex}); r.NotLeader || r.Err != "" {
		return r
	}
	return nil
}

// register asks the leader (through seeds when this node knows none) to add or update this
// node, waits until this node has applied the result, then asks to be a voter (handleJoin).
func (m *Meta) register(ctx context.Context, seeds []string) error {
	self := m.opts.Self
	req := &request{Op: rpcJoin, Node: &self, RaftAddr: string(m.opts.Transport.LocalAddr())}
	for {
		resp, err := m.call(ctx, req, seeds)
		if err != nil {
			return err
		}
		if err := resp.error(); err != nil {
			return err
		}
		if err := m.WaitApplied(ctx, resp.Index); err != nil {
			return err
		}
		if req.Ready && !resp.Lagging {
			return nil
		}
		req.Ready, req.Applied = true, m.Catalog().Index
	}
}

// registerInBackground registers this node through the nodes its catalog knows, for one tick's
// worth of trying.
func (m *Meta) registerInBackground() {
	ctx, cancel := context.WithTimeout(m.ctx, m.opts.Timeouts.Apply)
	defer cancel()
	if err := m.registerOnce(ctx, nil); err != nil {
		m.log.Warn("completing this node's registration", "err", err)
	}
}

// checkSelf registers this node again when the catalog has it dead (it is back: it applies the
// log) or the catalog or the group has other addresses for it. A node the catalog does not have
// is left alone: it may have been removed.
func (m *Meta) checkSelf() {
	n, ok := m.Catalog().Nodes[m.opts.NodeID]
	if !ok {
		if !m.registered() {
			// A join that stopped before its registration was applied: finish it.
			m.registerInBackground()
		}
		return
	}
	s := m.opts.Self
	stale := !n.Live || n.PGAddr != s.PGAddr || n.ClusterAddr != s.ClusterAddr
	if !stale {
		members, err := m.Members()
		if err != nil {
			return
		}
		want := string(m.opts.Transport.LocalAddr())
		stale = slices.ContainsFunc(members, func(x Member) bool { return x.ID == m.opts.NodeID && x.RaftAddr != want })
	}
	if !stale {
		return
	}
	ctx, cancel := context.WithTimeout(m.ctx, m.opts.Timeouts.Apply)
	defer cancel()
	if err := m.register(ctx, nil); err != nil {
		m.log.Warn("updating this node's addresses in the catalog", "err", err)
	}
}
