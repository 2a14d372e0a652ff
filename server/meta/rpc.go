package meta

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/hashicorp/raft"
)

// The meta service: one request and one response per connection, each a 4-byte big-endian
// length and a JSON document. Catalog changes are rare, so a connection per call costs
// nothing that matters and leaves no connection state to get wrong.

const (
	rpcApply  = "apply"  // a command
	rpcJoin   = "join"   // add or update a node
	rpcRemove = "remove" // move a node's replicas away, then remove it
	rpcSync   = "sync"   // the leader's applied index, after a barrier
)

type request struct {
	Op       string   `json:"op"`
	Cmd      *command `json:"cmd,omitempty"`
	Node     *Node    `json:"node,omitempty"`
	RaftAddr string   `json:"raft_addr,omitempty"`
	Name     string   `json:"name,omitempty"`
	// Ready: the joining node has applied its registration; make it a voter if one is wanted.
	Ready   bool   `json:"ready,omitempty"`
	Applied uint64 `json:"applied,omitempty"` // with Ready: the node's applied index
}

type response struct {
	// Index is the meta log index the caller must apply before it returns: the command's
	// entry, or the leader's applied index when there is none.
	Index uint64 `json:"index"`
	Kind  string `json:"kind,omitempty"`
	Err   string `json:"err,omitempty"`
	// NotLeader: this node does not lead; Leader is the leader's cluster address if known.
	NotLeader bool   `json:"not_leader,omitempty"`
	Leader    string `json:"leader,omitempty"`
	// Lagging: a Ready node has not applied what the leader has; it should catch up and ask again.
	Lagging bool `json:"lagging,omitempty"`
}

func (r *response) error() error { return wireError(r.Kind, r.Err) }

func (m *Meta) errResponse(err error) *response {
	return &response{Index: m.Catalog().Index, Kind: kindName(err), Err: err.Error()}
}

const maxMessage = 16 << 20

func writeMsg(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf := make([]byte, 4+len(b))
	binary.BigEndian.PutUint32(buf, uint32(len(b)))
	copy(buf[4:], b)
	_, err = w.Write(buf)
	return err
}

func readMsg(r io.Reader, v any) error {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > maxMessage {
		return fmt.Errorf("meta: message of %d bytes", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// ServeConn answers one request of another node's meta client on c and closes it. A server
// routes its cluster port's "meta" service here.
func (m *Meta) ServeConn(c net.Conn) {
	defer c.Close()
	t := m.opts.Timeouts
	c.SetDeadline(time.Now().Add(t.Apply + 5*time.Second))
	var req request
	if err := readMsg(c, &req); err != nil {
		m.log.Debug("meta: bad request", "remote", c.RemoteAddr(), "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(m.ctx, t.Apply)
	defer cancel()
	writeMsg(c, m.handle(ctx, &req))
}

// Serve answers on l until it is closed (ServeConn per connection).
func (m *Meta) Serve(l net.Listener) error {
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go m.ServeConn(c)
	}
}

// handle runs a request on this node, which must lead.
func (m *Meta) handle(ctx context.Context, req *request) *response {
	if !m.IsLeader() {
		_, addr := m.Leader()
		return &response{NotLeader: true, Leader: addr}
	}
	switch req.Op {
	case rpcApply:
		if req.Cmd == nil {
			return m.errResponse(errorf(ErrInvalid, "apply without a command"))
		}
		return m.applyLocal(req.Cmd)
	case rpcJoin:
		return m.handleJoin(req)
	case rpcRemove:
		return m.handleRemove(req.Name)
	case rpcSync:
		if err := m.raft.Barrier(m.opts.Timeouts.Apply).Error(); err != nil {
			return m.raftError(err)
		}
		return &response{Index: m.Catalog().Index}
	}
	return m.errResponse(errorf(ErrInvalid, "unknown request %q", req.Op))
}

// applyLocal appends cmd to the log on this node, the leader, and returns once it is applied
// here. On a full disk it fails at once with ErrDiskFull, rather than through an append that
// would fail and make Raft step down.
func (m *Meta) applyLocal(cmd *command) *response {
	b, err := encodeCommand(cmd)
	if err != nil {
		return m.errResponse(err)
	}
	if err := m.logs.Writable(); err != nil {
		return m.errResponse(diskFull(err))
	}
	f := m.raft.Apply(b, m.opts.Timeouts.Apply)
	if err := f.Error(); err != nil {
		return m.raftError(err)
	}
	resp := &response{Index: max(f.Index(), m.Catalog().Index)}
	if err, _ := f.Response().(error); err != nil {
		resp.Kind, resp.Err = kindName(err), err.Error()
	} else {
		m.log.Info("catalog changed", "change", cmd.describe(), "index", f.Index())
	}
	return resp
}

// raftError maps a failed Raft call: an entry that never entered the log is retried at the new
// leader; one that may have is reported as of unknown outcome.
func (m *Meta) raftError(err error) *response {
	switch {
	case errors.Is(err, raft.ErrNotLeader), errors.Is(err, raft.ErrEnqueueTimeout):
		_, addr := m.Leader()
		return &response{NotLeader: true, Leader: addr}
	case errors.Is(err, raft.ErrLeadershipLost), errors.Is(err, raft.ErrRaftShutdown):
		return m.errResponse(&Error{Kind: ErrUnknownOutcome, Msg: "meta: " + err.Error()})
	case errors.Is(err, ErrDiskFull):
		// The append of this very entry failed: it is in no log, so it was not applied.
		return m.errResponse(diskFull(err))
	}
	return m.errResponse(err)
}

// diskFull is the error of a command refused for a full disk (err is the log's).
func diskFull(err error) *Error {
	return &Error{Kind: ErrDiskFull, Msg: "meta: the catalog cannot be changed: " + err.Error()}
}

// call runs req at the meta leader: here if this node leads, else over the meta service at
// the leader's cluster address (or, while no leader is known, at one of seeds or of the
// catalog's nodes), following redirections and waiting out elections until ctx ends.
func (m *Meta) call(ctx context.Context, req *request, seeds []string) (*response, error) {
	// The other requests are idempotent, and a command with an id is applied at most once.
	retrySafe := req.Op != rpcApply || req.Cmd.ID != ""
	hint, wait, sentAny := "", time.Millisecond, false
	for attempt := 0; ; attempt++ {
		if m.ctx.Err() != nil {
			return nil, ErrClosed
		}
		var resp *response
		var sent bool
		var err error
		if m.IsLeader() {
			resp, sent = m.handle(ctx, req), true
		} else if addr := m.target(hint, seeds, attempt); addr != "" {
			resp, sent, err = m.roundTrip(ctx, addr, req)
		}
		hint, sentAny = "", sentAny || sent
		switch {
		case err != nil && sent && !retrySafe:
			return nil, &Error{Kind: ErrUnknownOutcome, Msg: fmt.Sprintf("meta: %s: %v", req.Op, err)}
		case resp != nil && resp.Kind == "unknown_outcome" && retrySafe:
		case resp != nil && !resp.NotLeader:
			return resp, nil
		case resp != nil:
			hint = resp.Leader
		}
		if err != nil {
			m.log.Debug("meta: leader unreachable", "err", err)
		}
		select {
		case <-ctx.Done():
			if sentAny && req.Op == rpcApply {
				return nil, fmt.Errorf("%w: %w", ErrUnknownOutcome, ctx.Err())
			}
			return nil, fmt.Errorf("%w: %w", ErrNoLeader, ctx.Err())
		case <-m.ctx.Done():
			return nil, ErrClosed
		case <-time.After(wait):
		}
		wait = min(2*wait, m.opts.Timeouts.Heartbeat/2)
	}
}

// target picks the address to try: the last redirection, the known leader, or in turn the
// seeds and the catalog's other nodes.
func (m *Meta) target(hint string, seeds []string, attempt int) string {
	if hint != "" {
		return hint
	}
	if id, addr := m.Leader(); id != "" && id != m.opts.NodeID {
		return addr
	}
	cands := seeds
	for _, n := range m.Catalog().NodeList() {
		if n.ID != m.opts.NodeID && n.ClusterAddr != "" {
			cands = append(cands[:len(cands):len(cands)], n.ClusterAddr)
		}
	}
	if len(cands) == 0 {
		return ""
	}
	return cands[attempt%len(cands)]
}

// roundTrip sends req to addr. sent reports whether the request may have reached it.
func (m *Meta) roundTrip(ctx context.Context, addr string, req *request) (resp *response, sent bool, err error) {
	c, err := m.opts.Dial(ctx, addr)
	if err != nil {
		return nil, false, err
	}
	defer c.Close()
	// A leader that accepts the connection and then hangs (a paused process) costs one attempt,
	// not the caller's whole context.
	dl := time.Now().Add(m.opts.Timeouts.Apply + 2*time.Second)
	if cdl, ok := ctx.Deadline(); ok && cdl.Before(dl) {
		dl = cdl
	}
	c.SetDeadline(dl)
	stop := context.AfterFunc(ctx, func() { c.SetDeadline(time.Now()) })
	defer stop()
	if err := writeMsg(c, req); err != nil {
		return nil, true, err
	}
	resp = new(response)
	if err := readMsg(c, resp); err != nil {
		return nil, true, err
	}
	return resp, true, nil
}
