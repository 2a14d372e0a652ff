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
	t.mu.Unlock()
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
		return &cappedPipeline{AppendPipeline: p, t: t}, nil
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
// answers itself).
type cappedPipeline struct {
	raft.AppendPipeline
	t *trackingTransport
}

// AppendEntries implements raft.AppendPipeline.
func (p *cappedPipeline) AppendEntries(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) (raft.AppendFuture, error) {
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
