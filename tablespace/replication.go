package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/raft"
)

// Replica is a member of a tablespace's Raft group: its id (the node's), its address on the
// group's transport, and whether it votes.
type Replica struct {
	ID, Address string
	Voter       bool
}

// ReplicaState is a Replica as this replica sees it.
type ReplicaState struct {
	Replica
	Leader bool // the group's leader, as far as this replica knows
	Self   bool // this replica
	// MatchIndex is the last log index the replica is known to hold: on the leader, for every
	// follower that answered since it took the lead (0: not yet); for this replica, its last
	// log index.
	MatchIndex uint64
	// AppliedIndex is this replica's applied index (0 for the others).
	AppliedIndex uint64
	// LastContact: on the leader, a follower's last successful answer; on a follower, for
	// itself, its last contact with the leader. Zero when unknown.
	LastContact time.Time
	// LagEntries and Lag say how far the replica is behind (DESIGN.md, "Follower lag"): the
	// log entries after the last one it is known to have (on the leader, a follower's match
	// index; for this replica, its applied index), and the age of the first of them — now
	// minus the time the leader appended it. Both 0 when it is caught up. LagKnown is false
	// when this replica cannot tell: a follower the leader has not heard from since it took
	// the lead, or this replica following with no contact with a leader for an election
	// timeout (it cannot know what it misses).
	LagEntries uint64
	Lag        time.Duration
	LagKnown   bool
}

// Multi-replica Raft timing defaults (see DESIGN.md, "Replication").
const (
	DefaultHeartbeatTimeout   = 500 * time.Millisecond
	DefaultElectionTimeout    = 500 * time.Millisecond
	DefaultLeaderLeaseTimeout = 250 * time.Millisecond
)

// leaderTerm is the term in which this replica leads and takes writes, or 0: it has applied
// everything before its term's first entry and aborted the chunks a previous leader left.
// A single voter (no Transport) always answers 1: no other replica can lead, and when Raft
// steps down and re-elects itself (a full disk) its own errors say why, as before clustering.
func (ts *Tablespace) leaderTerm() uint64 {
	if ts.opts.Transport == nil {
		return 1
	}
	t := ts.readyTerm.Load()
	if t == 0 || ts.raft.State() != raft.Leader || ts.raft.CurrentTerm() != t {
		return 0
	}
	return t
}

// IsLeader reports whether this replica leads the group and takes writes.
func (ts *Tablespace) IsLeader() bool {
	if ts.direct != nil {
		return !ts.closed.Load()
	}
	if ts.raft == nil {
		return false
	}
	if ts.opts.Transport == nil {
		return ts.raft.State() == raft.Leader
	}
	return ts.leaderTerm() != 0
}

// Transferring reports whether this replica, leading, is handing leadership over: Raft
// refuses its writes until the transfer ends, so a router should wait for the new leader
// rather than send sessions here.
func (ts *Tablespace) Transferring() bool { return ts.transferring.Load() > 0 }

// Leader returns the group's leader as this replica knows it; "" when unknown.
func (ts *Tablespace) Leader() (id, address string) {
	if d := ts.direct; d != nil {
		return string(d.conf.Servers[0].ID), string(d.conf.Servers[0].Address)
	}
	addr, sid := ts.raft.LeaderWithID()
	return string(sid), string(addr)
}

// WaitLeader waits until the group has a known leader (and, if it is this replica, until it
// takes writes).
func (ts *Tablespace) WaitLeader(ctx context.Context) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		if ts.closed.Load() {
			return ErrClosed
		}
		if id, _ := ts.Leader(); id != "" && (id != ts.opts.NodeID || ts.IsLeader()) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// AppliedIndex is the index of the last log entry this replica applied.
func (ts *Tablespace) AppliedIndex() uint64 { return ts.fsm.applied.Load() }

// watchLeadership makes this replica writable each time it becomes leader: a new leader may
// not yet have applied entries its predecessor committed (a transaction reading that state
// would lose updates), so it waits for a barrier, then aborts held-back chunks whose commit
// never came, and only then takes writes in that term.
func (ts *Tablespace) watchLeadership(ch <-chan bool) {
	defer close(ts.watchDone)
	for {
		select {
		case <-ts.stop:
			return
		case leader := <-ch:
			if leader {
				ts.becomeReady()
			} else if ts.tracker != nil {
				ts.tracker.reset()
			}
		}
	}
}

func (ts *Tablespace) becomeReady() {
	for {
		term := ts.raft.CurrentTerm()
		if ts.raft.State() != raft.Leader || ts.readyTerm.Load() == term {
			return // not leading, or ready already (a single voter's Open made it so)
		}
		err := ts.raft.Barrier(0).Error()
		if err == nil {
			err = ts.abortOrphanChunks()
		}
		if err == nil && ts.raft.State() == raft.Leader && ts.raft.CurrentTerm() == term {
			// Serial counters count from what this node saw when it last led: other leaders
			// may have handed out values since. The first use recounts from the table.
			ts.serials.Clear()
			ts.refreshVoters()
			ts.readyTerm.Store(term)
			return
		}
		if errors.Is(err, raft.ErrRaftShutdown) {
			return
		}
		select { // a full disk, say: retry while this replica leads
		case <-ts.stop:
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// writable is the check every write makes before it does anything.
func (ts *Tablespace) writable() error {
	if ts.closed.Load() {
		return ErrClosed
	}
	if ts.leaderTerm() == 0 {
		return ts.notLeader()
	}
	return nil
}

func (ts *Tablespace) notLeader() error {
	if id, addr := ts.Leader(); id != "" && id != ts.opts.NodeID {
		return fmt.Errorf("%w: the leader is %s (%s)", ErrNotLeader, id, addr)
	}
	return ErrNotLeader
}

// leading makes the transaction a writer in this replica's current leadership term, or fails
// with ErrNotLeader: its locks and the state it read mean nothing to another leader.
func (tx *Txn) leading() error {
	if tx.term != 0 {
		return nil
	}
	t := tx.ts.leaderTerm()
	if t == 0 {
		return tx.ts.notLeader()
	}
	tx.term = t
	return nil
}

// raftErr maps an error of a Raft membership future.
func raftErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, raft.ErrNotLeader), errors.Is(err, raft.ErrLeadershipLost),
		errors.Is(err, raft.ErrLeadershipTransferInProgress):
		return fmt.Errorf("%w: %v", ErrNotLeader, err)
	case errors.Is(err, raft.ErrRaftShutdown):
		return ErrClosed
	}
	return err
}

// await waits for a Raft future, or for ctx.
func await(ctx context.Context, f raft.Future) error {
	done := make(chan error, 1)
	go func() { done <- f.Error() }()
	select {
	case err := <-done:
		return raftErr(err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// membershipTimeout bounds how long a membership change waits to be enqueued.
const membershipTimeout = 10 * time.Second

// AddReplica adds a replica to the group (leader only): a voter, or a non-voter that
// receives the log but does not vote. An empty replica catches up from a snapshot.
func (ts *Tablespace) AddReplica(ctx context.Context, r Replica) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if r.ID == "" || r.Address == "" {
		return errors.New("tablespace: a replica needs an id and an address")
	}
	if ts.direct != nil {
		return errSingleVoter
	}
	id, addr := raft.ServerID(r.ID), raft.ServerAddress(r.Address)
	defer ts.refreshVoters()
	var f raft.IndexFuture
	if r.Voter {
		ts.voters.Add(1) // reads confirm with a quorum from the moment the entry is appended
		f = ts.raft.AddVoter(id, addr, 0, membershipTimeout)
	} else {
		f = ts.raft.AddNonvoter(id, addr, 0, membershipTimeout)
	}
	if err := await(ctx, f); err != nil {
		return err
	}
	return ts.awaitDurable(ctx, f.Index())
}

// refreshVoters caches the number of voters of the group's latest configuration, which
// VerifyLeader reads on every statement: a group of one voter needs no confirmation round.
// Only this leader's AddReplica and RemoveReplica change the configuration while it leads,
// and a new leader counts again, so the cache is never below the truth while it matters.
func (ts *Tablespace) refreshVoters() {
	var ids []raft.ServerID
	for _, s := range ts.configuration() {
		if s.Suffrage == raft.Voter {
			ids = append(ids, s.ID)
		}
	}
	ts.voters.Store(int32(len(ids)))
	if ts.tracker != nil {
		ts.tracker.setVoters(raft.ServerID(ts.opts.NodeID), ids)
	}
}

// RemoveReplica removes a replica from the group (leader only). Removing the leader itself
// makes it step down once the change is committed.
func (ts *Tablespace) RemoveReplica(ctx context.Context, id string) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if ts.direct != nil {
		return errSingleVoter
	}
	defer ts.refreshVoters()
	f := ts.raft.RemoveServer(raft.ServerID(id), 0, membershipTimeout)
	if err := await(ctx, f); err != nil {
		return err
	}
	return ts.awaitDurable(ctx, f.Index())
}

// TransferLeadership hands the lead to voter id ("" = the most up to date one) and returns
// once it has (leader only).
func (ts *Tablespace) TransferLeadership(ctx context.Context, id string) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if ts.direct != nil {
		return errSingleVoter
	}
	ts.transferring.Add(1)
	defer ts.transferring.Add(-1)
	if id == "" {
		return await(ctx, ts.raft.LeadershipTransfer())
	}
	for _, r := range ts.configuration() {
		if string(r.ID) == id {
			return await(ctx, ts.raft.LeadershipTransferToServer(r.ID, r.Address))
		}
	}
	return fmt.Errorf("tablespace: no replica %q in the group", id)
}

func (ts *Tablespace) configuration() []raft.Server {
	if d := ts.direct; d != nil {
		return d.conf.Servers
	}
	f := ts.raft.GetConfiguration()
	if f.Error() != nil {
		return nil
	}
	return f.Configuration().Servers
}

// Replicas lists the group's members from the Raft configuration, with what this replica
// knows of their progress (see ReplicaState).
func (ts *Tablespace) Replicas() []ReplicaState {
	if d := ts.direct; d != nil {
		return d.replicas()
	}
	leaderAddr, leaderID := ts.raft.LeaderWithID()
	leading := ts.raft.State() == raft.Leader
	now, last := time.Now(), ts.raft.LastIndex()
	var out []ReplicaState
	for _, s := range ts.configuration() {
		rs := ReplicaState{
			Replica: Replica{ID: string(s.ID), Address: string(s.Address), Voter: s.Suffrage == raft.Voter},
			Leader:  s.ID == leaderID && s.Address == leaderAddr,
			Self:    string(s.ID) == ts.opts.NodeID,
		}
		switch {
		case rs.Self:
			rs.MatchIndex, rs.AppliedIndex = ts.raft.LastIndex(), ts.fsm.applied.Load()
			// Raft's applied index also covers the no-ops the FSM never sees (see Stats).
			applied := max(rs.AppliedIndex, ts.raft.AppliedIndex())
			rs.LagEntries, rs.Lag = ts.lagAfter(applied, rs.MatchIndex, now)
			rs.LagKnown = true
			if !leading {
				rs.LastContact = ts.raft.LastContact()
				rs.LagKnown = now.Sub(rs.LastContact) < ts.opts.ElectionTimeout
			}
		case leading && ts.tracker != nil:
			if p, ok := ts.tracker.progress(s.ID); ok {
				rs.MatchIndex, rs.LastContact = p.match, p.contact
				rs.LagEntries, rs.Lag = ts.lagAfter(p.match, last, now)
				rs.LagKnown = p.match > 0
			}
		}
		out = append(out, rs)
	}
	return out
}

// lagAfter is the lag of a replica that has this log up to index have, when this log ends at
// last: the entries after have, and the age of the first of them by the time the leader
// appended it (raft.Log.AppendedAt, kept in the log). An entry already compacted away is
// aged by the oldest entry still in the log, a lower bound; an entry without a time (written
// by an older version) counts as no age.
func (ts *Tablespace) lagAfter(have, last uint64, now time.Time) (uint64, time.Duration) {
	if have >= last {
		return 0, 0
	}
	var l raft.Log
	err := ts.logs.GetLog(have+1, &l)
	if err != nil {
		first, ferr := ts.logs.FirstIndex()
		if ferr != nil || first <= have+1 || ts.logs.GetLog(first, &l) != nil {
			return last - have, 0
		}
	}
	if l.AppendedAt.IsZero() {
		return last - have, 0
	}
	return last - have, max(now.Sub(l.AppendedAt), 0)
}

// verifier batches VerifyLeader calls: one confirmation round at a time; callers that arrive
// while one is in flight share the next.
type verifier struct {
	mu     sync.Mutex
	busy   bool
	next   *verifyRound // the round callers arriving now will share
	rounds uint64       // rounds run, for tests and metrics
}

type verifyRound struct {
	done    chan struct{}
	err     error
	waiting int // callers sharing it
}

// verifyWaiting is how many callers wait for the next round.
func (ts *Tablespace) verifyWaiting() int {
	ts.verify.mu.Lock()
	defer ts.verify.mu.Unlock()
	if ts.verify.next == nil {
		return 0
	}
	return ts.verify.next.waiting
}

// VerifyLeader is the barrier of a linearizable read: it returns nil once this replica has
// confirmed with a quorum that it still leads and has applied every entry committed when it
// confirmed, so a read after it sees every write acknowledged before the call. Concurrent
// callers share confirmation rounds. A single-voter group returns at once.
func (ts *Tablespace) VerifyLeader(ctx context.Context) error {
	if ts.opts.Transport == nil || ts.voters.Load() == 1 {
		return ts.writable() // one voter: nobody else can have been elected
	}
	if err := ts.writable(); err != nil {
		return err
	}
	v := &ts.verify
	v.mu.Lock()
	if v.next == nil {
		v.next = &verifyRound{done: make(chan struct{})}
	}
	r := v.next
	r.waiting++
	if !v.busy {
		v.busy, v.next = true, nil
		go ts.runVerify(r)
	}
	v.mu.Unlock()
	select {
	case <-r.done:
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// runVerify runs round r, then the round callers queued meanwhile, if any.
func (ts *Tablespace) runVerify(r *verifyRound) {
	v := &ts.verify
	for r != nil {
		r.err = ts.verifyOnce()
		close(r.done)
		v.mu.Lock()
		v.rounds++
		r, v.next = v.next, nil
		if r == nil {
			v.busy = false
		}
		v.mu.Unlock()
	}
}

func (ts *Tablespace) verifyOnce() error {
	if ts.verifyHook != nil {
		ts.verifyHook()
	}
	term := ts.leaderTerm()
	if term == 0 {
		return ts.notLeader()
	}
	if err := ts.raft.VerifyLeader().Error(); err != nil {
		return raftErr(err)
	}
	if ts.raft.CurrentTerm() != term {
		return ts.notLeader()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return ts.fsm.waitApplied(ctx, ts.lastCommand(ts.raft.CommitIndex()), ts.stop)
}

// lastCommand is the index of the last entry up to commit that the FSM applies: Raft hands it
// commands and configuration changes but not its no-ops and barriers, so the FSM's applied
// index stops short of a commit index that ends with them. Entries already applied are not
// looked at, so this usually reads nothing.
func (ts *Tablespace) lastCommand(commit uint64) uint64 {
	applied := ts.fsm.applied.Load()
	for i := commit; i > applied; i-- {
		var l raft.Log
		if err := ts.logs.GetLog(i, &l); err != nil {
			return i // cannot tell: wait for it
		}
		if l.Type == raft.LogCommand || l.Type == raft.LogConfiguration {
			return i
		}
	}
	return applied
}

// VerifyRounds is how many VerifyLeader confirmation rounds have run.
func (ts *Tablespace) VerifyRounds() uint64 {
	ts.verify.mu.Lock()
	defer ts.verify.mu.Unlock()
	return ts.verify.rounds
}

// waitApplied waits until entry index is applied.
func (f *fsm) waitApplied(ctx context.Context, index uint64, stop <-chan struct{}) error {
	if f.applied.Load() >= index {
		return nil
	}
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for f.applied.Load() < index {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-stop:
			return ErrClosed
		case <-t.C:
		}
	}
	return nil
}
