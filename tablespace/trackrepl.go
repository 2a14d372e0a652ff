package tablespace

import (
	"errors"
	"sync"
	"time"

	"github.com/hashicorp/raft"
)

// trackingTransport wraps a group's transport to learn what raft.Raft keeps to itself: on the
// leader, the last log index each follower acknowledged (its match index) and when it last
// answered. It watches the AppendEntries responses (direct and pipelined); the traffic itself
// is untouched.
//
// It changes one thing in what the leader sends: the commit index is capped at the leader's
// durable log index (durable), so a follower never applies an entry the leader buffered but
// has not yet fsynced (see pipeline.go).
type trackingTransport struct {
	raft.Transport
	durable func() uint64 // the leader's durable log index; nil: no cap
	mu      sync.Mutex
	peers   map[raft.ServerID]*peerProgress
	// The leader's voters other than itself and how many of them a commit needs (quorum − 1),
	// set by Tablespace.refreshVoters; empty until this replica leads (spareDelay).
	followers []raft.ServerID
	need      int
}

type peerProgress struct {
	match   uint64
	contact time.Time
}

var (
	_ raft.WithClose   = (*trackingTransport)(nil)
	_ raft.WithPreVote = (*trackingTransport)(nil)
)

func newTrackingTransport(t raft.Transport) *trackingTransport {
	return &trackingTransport{Transport: t, peers: make(map[raft.ServerID]*peerProgress)}
}

// acked records a successful AppendEntries answer from id.
func (t *trackingTransport) acked(id raft.ServerID, args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) {
	if !resp.Success {
		return
	}
	match := args.PrevLogEntry + uint64(len(args.Entries))
	t.mu.Lock()
	p := t.peers[id]
	if p == nil {
		p = &peerProgress{}
		t.peers[id] = p
	}
	// A heartbeat names no log position; any other append that succeeded leaves the
	// follower's log matching the leader's up to its last entry.
	if args.PrevLogEntry > 0 || len(args.Entries) > 0 {
		p.match = match
	}
	p.contact = time.Now()
	t.mu.Unlock()
}

// capCommit returns args with its commit index capped at the leader's durable index (a copy
// if it changes: Raft keeps the request).
func (t *trackingTransport) capCommit(args *raft.AppendEntriesRequest) *raft.AppendEntriesRequest {
	if t.durable == nil {
		return args
	}
	if d := t.durable(); args.LeaderCommitIndex > d {
		c := *args
		c.LeaderCommitIndex = d
		return &c
	}
	return args
}

// progress returns what is known of follower id.
func (t *trackingTransport) progress(id raft.ServerID) (peerProgress, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.peers[id]
	if p == nil {
		return peerProgress{}, false
	}
	return *p, true
}

// reset forgets every follower's progress: a new leadership learns it anew.
func (t *trackingTransport) reset() {
	t.mu.Lock()
	clear(t.peers)
	t.followers, t.need = nil, 0
	t.mu.Unlock()
}

// setVoters records the group's voters as this leader knows them (self is the leader's id).
func (t *trackingTransport) setVoters(self raft.ServerID, voters []raft.ServerID) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.followers = t.followers[:0]
	for _, id := range voters {
		if id != self {
			t.followers = append(t.followers, id)
		}
	}
	t.need = len(voters) / 2 // a quorum is len/2+1 voters, the leader one of them
}

// spareFollowerPace is the least time between two AppendEntries carrying entries to a spare
// follower (spareDelay).
const spareFollowerPace = 5 * time.Millisecond

// spareDelay returns how long to hold an AppendEntries with entries to follower id that was
// last sent one at last: spareFollowerPace since then if id is a spare, else 0.
//
// A spare is a voter whose acknowledgment no commit waits for: a commit needs the leader and
// need other voters, and need voters are ahead of id (higher match index; at equal ones, a
// lower id, so exactly the voters beyond the quorum are spares). Each AppendEntries costs a
// follower a log append and fsync, a read and a write, and its Raft's goroutine handoffs,
// nearly all of it per request, not per entry; a spare sent one request per pace receives
// more entries per request and spends that per-request CPU less often, while a quorum still
// gets every entry at once. Durability is unchanged — every voter fsyncs before it
// acknowledges, and a commit still needs a quorum of durable copies; a spare only lags up to
// a pace more (its lag shows it). If a voter ahead stops answering, the spare's own
// acknowledgments overtake it within about two paces and it is paced no more, so a commit
// waits at most that much longer (tablespace/DESIGN.md, "Spare followers").
func (t *trackingTransport) spareDelay(id raft.ServerID, last time.Time, now time.Time) time.Duration {
	d := spareFollowerPace - now.Sub(last)
	if d <= 0 {
		return 0
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.need == 0 || len(t.followers) <= t.need {
		return 0
	}
	mine, voter := t.matchLocked(id), false
	ahead := 0
	for _, f := range t.followers {
		if f == id {
			voter = true
			continue
		}
		if m := t.matchLocked(f); m > mine || (m == mine && f < id) {
			ahead++
		}
	}
	if !voter || ahead < t.need {
		return 0
	}
	return d
}

func (t *trackingTransport) matchLocked(id raft.ServerID) uint64 {
	if p := t.peers[id]; p != nil {
		return p.match
	}
	return 0
}

// AppendEntries implements raft.Transport.
func (t *trackingTransport) AppendEntries(id raft.ServerID, target raft.ServerAddress,
	args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) error {
	args = t.capCommit(args)
	err := t.Transport.AppendEntries(id, target, args, resp)
	if err == nil {
		t.acked(id, args, resp)
	}
	return err
}

// observedPipeliner is a transport whose pipeline passes each answer to a function before
// Raft sees it (server/clusternet's Transport): the tracker then needs no goroutine between
// the pipeline and Raft, which cost a wakeup on every commit's path.
type observedPipeliner interface {
	ObservedPipeline(id raft.ServerID, target raft.ServerAddress,
		observe func(*raft.AppendEntriesRequest, *raft.AppendEntriesResponse)) (raft.AppendPipeline, error)
}

// AppendEntriesPipeline implements raft.Transport.
func (t *trackingTransport) AppendEntriesPipeline(id raft.ServerID, target raft.ServerAddress) (raft.AppendPipeline, error) {
	if op, ok := t.Transport.(observedPipeliner); ok {
		p, err := op.ObservedPipeline(id, target, func(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) {
			t.acked(id, args, resp)
		})
		if err != nil {
			return nil, err
		}
		return &cappedPipeline{AppendPipeline: p, t: t, id: id}, nil
	}
	p, err := t.Transport.AppendEntriesPipeline(id, target)
	if err != nil {
		return nil, err
	}
	tp := &trackedPipeline{AppendPipeline: p, t: t, id: id, out: make(chan raft.AppendFuture, 128),
		stop: make(chan struct{})}
	go tp.forward()
	return tp, nil
}

// RequestPreVote implements raft.WithPreVote; raft uses pre-votes only when the wrapped
// transport has them (see startRaft).
func (t *trackingTransport) RequestPreVote(id raft.ServerID, target raft.ServerAddress,
	args *raft.RequestPreVoteRequest, resp *raft.RequestPreVoteResponse) error {
	pv, ok := t.Transport.(raft.WithPreVote)
	if !ok {
		return errors.New("tablespace: the transport has no pre-vote")
	}
	return pv.RequestPreVote(id, target, args, resp)
}

// Close implements raft.WithClose.
func (t *trackingTransport) Close() error {
	if c, ok := t.Transport.(raft.WithClose); ok {
		return c.Close()
	}
	return nil
}

// cappedPipeline caps the commit index of what it sends (an observed pipeline reports the
// answers itself) and paces a spare follower's requests (spareDelay).
type cappedPipeline struct {
	raft.AppendPipeline
	t    *trackingTransport
	id   raft.ServerID
	last time.Time // when the last request with entries was sent (only Raft's replicator sends)
}

// AppendEntries implements raft.AppendPipeline. Holding a spare's request blocks Raft's
// replicator to it for at most a pace; the entries appended meanwhile go in its next request.
func (p *cappedPipeline) AppendEntries(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) (raft.AppendFuture, error) {
	if len(args.Entries) > 0 {
		now := time.Now()
		if d := p.t.spareDelay(p.id, p.last, now); d > 0 {
			time.Sleep(d)
			now = time.Now()
		}
		p.last = now
	}
	return p.AppendPipeline.AppendEntries(p.t.capCommit(args), resp)
}

// trackedPipeline watches the answers of a transport's own pipeline, through a goroutine.
type trackedPipeline struct {
	raft.AppendPipeline
	t        *trackingTransport
	id       raft.ServerID
	out      chan raft.AppendFuture
	stop     chan struct{}
	stopOnce sync.Once
}

func (p *trackedPipeline) forward() {
	in := p.AppendPipeline.Consumer()
	for {
		select {
		case f := <-in:
			if f.Error() == nil {
				p.t.acked(p.id, f.Request(), f.Response())
			}
			select {
			case p.out <- f:
			case <-p.stop:
				return
			}
		case <-p.stop:
			return
		}
	}
}

// AppendEntries implements raft.AppendPipeline.
func (p *trackedPipeline) AppendEntries(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) (raft.AppendFuture, error) {
	return p.AppendPipeline.AppendEntries(p.t.capCommit(args), resp)
}

// Consumer implements raft.AppendPipeline.
func (p *trackedPipeline) Consumer() <-chan raft.AppendFuture { return p.out }

// Close implements raft.AppendPipeline.
func (p *trackedPipeline) Close() error {
	p.stopOnce.Do(func() { close(p.stop) })
	return p.AppendPipeline.Close()
}
