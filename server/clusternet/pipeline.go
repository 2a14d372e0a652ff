package clusternet

import (
	"bufio"
	"errors"
	"hash/fnv"
	"net"
	"sync"
	"time"

	"github.com/drovedb/drove/internal/committrace"
	"github.com/hashicorp/raft"
)

// ObservedPipeline is raft's AppendEntriesPipeline (NetworkTransport's back-pressure, drove's
// binary AppendEntries on a kindRaftAppends connection, appendcodec.go: at most raftMaxInFlight requests unanswered) that also passes every answer
// decoded without error to observe, in order, from the goroutine that decodes it and before
// Raft can take it from Consumer. The tablespace's follower-progress tracker uses it: wrapping
// NetworkTransport's pipeline to see the answers took a goroutine between the decoder and Raft,
// one more wakeup on every commit's path (DESIGN.md).
func (t *Transport) ObservedPipeline(id raft.ServerID, target raft.ServerAddress,
	observe func(*raft.AppendEntriesRequest, *raft.AppendEntriesResponse)) (raft.AppendPipeline, error) {
	if t.olderPeer(target) {
		return nil, raft.ErrPipelineReplicationNotSupported
	}
	c, err := t.sl.dialKind(target, raftTimeout, kindRaftAppends)
	if errors.Is(err, errOlderPeer) {
		t.setOlderPeer(target, err)
		return nil, raft.ErrPipelineReplicationNotSupported
	}
	if err != nil {
		return nil, err
	}
	p := &pipeline{
		c: c, r: bufio.NewReader(c),
		observe: observe,
		peer:    peerID(target),
		// As NetworkTransport's: the decoder takes a request as soon as it is sent, so an
		// unbuffered channel lets two be unanswered, and each more slot one more.
		inflight: make(chan *appendFuture, raftMaxInFlight-2),
		done:     make(chan raft.AppendFuture, raftMaxInFlight-2),
		shutdown: make(chan struct{}),
	}
	go p.decodeResponses()
	return p, nil
}

type pipeline struct {
	c        net.Conn
	r        *bufio.Reader
	buf      []byte // the request being encoded, reused (only the replicator's goroutine sends)
	observe  func(*raft.AppendEntriesRequest, *raft.AppendEntriesResponse)
	peer     uint64 // the target's hash, for committrace
	inflight chan *appendFuture
	done     chan raft.AppendFuture
	shutdown chan struct{}
	once     sync.Once
}

var errPipelineShutdown = errors.New("clusternet: append pipeline closed")

// AppendEntries sends a request; it blocks while raftMaxInFlight are unanswered.
func (p *pipeline) AppendEntries(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) (raft.AppendFuture, error) {
	f := &appendFuture{start: time.Now(), args: args, resp: resp, ready: make(chan struct{})}
	_ = p.c.SetWriteDeadline(time.Now().Add(raftTimeout))
	frame, buf := encodeRequestFrame(p.buf, args)
	if cap(buf) <= maxKeptBuffer {
		p.buf = buf
	}
	if _, err := p.c.Write(frame); err != nil {
		p.c.Close()
		return nil, err
	}
	if committrace.Enabled {
		committrace.Mark(committrace.Sent, lastIndex(args), p.peer)
	}
	select {
	case p.inflight <- f:
		return f, nil
	case <-p.shutdown:
		return nil, errPipelineShutdown
	}
}

// maxKeptBuffer is the largest request buffer a pipeline keeps for the next request (a big
// batch's buffer is left to the garbage collector).
const maxKeptBuffer = 1 << 20

// decodeResponses reads the answers in order until the pipeline closes.
func (p *pipeline) decodeResponses() {
	for {
		var f *appendFuture
		select {
		case f = <-p.inflight:
		case <-p.shutdown:
			return
		}
		_ = p.c.SetReadDeadline(time.Now().Add(raftTimeout))
		var rpcErr string
		body, err := readFrame(p.r)
		if err == nil {
			rpcErr, err = decodeResponse(body, f.resp)
		}
		switch {
		case err != nil:
			p.c.Close() // the stream is out of step: every later answer fails too
		case rpcErr != "":
			err = errors.New(rpcErr)
		case p.observe != nil:
			p.observe(f.args, f.resp)
		}
		if committrace.Enabled && err == nil {
			committrace.Mark(committrace.Acked, lastIndex(f.args), p.peer)
		}
		f.err = err
		close(f.ready)
		select {
		case p.done <- f:
		case <-p.shutdown:
			return
		}
	}
}

// Consumer implements raft.AppendPipeline: the answered requests, in order.
func (p *pipeline) Consumer() <-chan raft.AppendFuture { return p.done }

// Close implements raft.AppendPipeline.
func (p *pipeline) Close() error {
	p.once.Do(func() {
		close(p.shutdown)
		p.c.Close()
	})
	return nil
}

// appendFuture is a pipelined request's raft.AppendFuture.
type appendFuture struct {
	start time.Time
	args  *raft.AppendEntriesRequest
	resp  *raft.AppendEntriesResponse
	err   error
	ready chan struct{}
}

func (f *appendFuture) Error() error {
	<-f.ready
	return f.err
}

func (f *appendFuture) Start() time.Time                      { return f.start }
func (f *appendFuture) Request() *raft.AppendEntriesRequest   { return f.args }
func (f *appendFuture) Response() *raft.AppendEntriesResponse { return f.resp }

// olderPeerRetry is how long a peer that refused binary appends is replicated to without a
// pipeline before the next try (it may have been upgraded meanwhile). Raft tries to start a
// pipeline after every successful AppendEntries: without this, a dial and an error log per
// batch.
const olderPeerRetry = time.Minute

// olderPeer reports whether target refused binary appends less than olderPeerRetry ago.
func (t *Transport) olderPeer(target raft.ServerAddress) bool {
	t.olderMu.Lock()
	defer t.olderMu.Unlock()
	at, ok := t.older[target]
	return ok && time.Since(at) < olderPeerRetry
}

// setOlderPeer records that target refused binary appends. Raft does not log
// ErrPipelineReplicationNotSupported, so the transport says why, once per try.
func (t *Transport) setOlderPeer(target raft.ServerAddress, err error) {
	t.olderMu.Lock()
	if t.older == nil {
		t.older = map[raft.ServerAddress]time.Time{}
	}
	t.older[target] = time.Now()
	t.olderMu.Unlock()
	t.srv.log.Warn("raft transport: replicating without a pipeline", "peer", target, "err", err,
		"retry_in", olderPeerRetry)
}

// lastIndex is the last log index an AppendEntries request carries (its previous entry's for a
// heartbeat).
func lastIndex(args *raft.AppendEntriesRequest) uint64 {
	return args.PrevLogEntry + uint64(len(args.Entries))
}

// peerID names a peer in committrace's marks (0 when tracing is off).
func peerID(target raft.ServerAddress) uint64 {
	if !committrace.Enabled {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(target))
	return h.Sum64()
}
