package clusternet

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"

	"github.com/drovedb/drove/internal/committrace"
	"github.com/hashicorp/go-msgpack/v2/codec"
	"github.com/hashicorp/raft"
)

// The receiving side of a group's Raft transport. It speaks NetworkTransport's wire format
// (a type byte and a msgpack request; an error string and a msgpack response, in order on each
// connection), so raft's NetworkTransport sends to it unchanged. Like NetworkTransport's own
// handler it serves a connection in one goroutine — every handoff between goroutines costs a
// wakeup, which a loaded machine makes expensive — but before handing a request to Raft it
// also decodes the requests already read off the socket behind it, and when they continue
// each other (a leader's pipeline whose requests queued while the previous one was handled,
// coalesce.go) hands Raft one merged AppendEntries — one log append, one fsync — then writes
// one answer per request, in order.

// RPC type bytes of NetworkTransport's wire format (hashicorp/raft net_transport.go).
const (
	rpcAppendEntries uint8 = iota
	rpcRequestVote
	rpcInstallSnapshot
	rpcTimeoutNow
	rpcRequestPreVote
)

// connReceiveBufferSize is NetworkTransport's read buffer per connection.
const connReceiveBufferSize = 256 << 10

var errShutdown = errors.New("clusternet: raft transport closed")

// rpcServer dispatches a group's incoming RPCs to Raft (Consumer).
type rpcServer struct {
	consumeCh chan raft.RPC
	shutdown  chan struct{}
	once      sync.Once
	log       *slog.Logger

	hbMu sync.Mutex
	hbFn func(raft.RPC)
}

func newRPCServer(log *slog.Logger) *rpcServer {
	return &rpcServer{consumeCh: make(chan raft.RPC), shutdown: make(chan struct{}), log: log}
}

func (s *rpcServer) close() { s.once.Do(func() { close(s.shutdown) }) }

func (s *rpcServer) setHeartbeatHandler(fn func(raft.RPC)) {
	s.hbMu.Lock()
	s.hbFn = fn
	s.hbMu.Unlock()
}

// acceptLoop serves the connections sl accepts until it is closed.
func (s *rpcServer) acceptLoop(sl *streamLayer) {
	for {
		c, err := sl.Accept()
		if err != nil {
			return // only when the group closes
		}
		go s.serveConn(c)
	}
}

// incoming is one decoded request.
type incoming struct {
	rpc       raft.RPC
	append    *raft.AppendEntriesRequest // set for AppendEntries
	heartbeat bool
}

// decodeRPC reads one request from r.
func decodeRPC(r *bufio.Reader, dec *codec.Decoder) (*incoming, error) {
	typ, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	in := &incoming{}
	switch typ {
	case rpcAppendEntries:
		req := new(raft.AppendEntriesRequest)
		if err := dec.Decode(req); err != nil {
			return nil, err
		}
		in.rpc.Command, in.append, in.heartbeat = req, req, isHeartbeat(req)
	case rpcRequestVote:
		req := new(raft.RequestVoteRequest)
		if err := dec.Decode(req); err != nil {
			return nil, err
		}
		in.rpc.Command = req
	case rpcRequestPreVote:
		req := new(raft.RequestPreVoteRequest)
		if err := dec.Decode(req); err != nil {
			return nil, err
		}
		in.rpc.Command = req
	case rpcInstallSnapshot:
		req := new(raft.InstallSnapshotRequest)
		if err := dec.Decode(req); err != nil {
			return nil, err
		}
		in.rpc.Command = req
		in.rpc.Reader = io.LimitReader(r, req.Size) // Raft reads it all before it answers
	case rpcTimeoutNow:
		req := new(raft.TimeoutNowRequest)
		if err := dec.Decode(req); err != nil {
			return nil, err
		}
		in.rpc.Command = req
	default:
		return nil, fmt.Errorf("unknown rpc type %d", typ)
	}
	return in, nil
}

// serveConn answers the requests of one incoming connection, in order, until it fails or
// the transport closes.
func (s *rpcServer) serveConn(c net.Conn) {
	defer c.Close()
	r := bufio.NewReaderSize(c, connReceiveBufferSize)
	w := bufio.NewWriter(c)
	var rc reqCodec
	if cc, ok := c.(*conn); ok && cc.appends {
		rc = &binaryCodec{r: r, w: w}
	} else {
		h := &codec.MsgpackHandle{}
		h.TimeNotBuiltin = true // as NetworkTransport encodes (msgpackUseNewTimeFormat false)
		rc = &msgpackCodec{r: r, dec: codec.NewDecoder(r, &codec.MsgpackHandle{}), enc: codec.NewEncoder(w, h)}
	}
	var held *incoming
	batch := make([]*incoming, 0, maxCoalesce)
	for {
		first := held
		held = nil
		if first == nil {
			var err error
			if first, err = rc.decode(); err != nil {
				s.connFailed("failed to decode incoming command", err)
				return
			}
		}
		batch = append(batch[:0], first)
		if first.append != nil && coalescable(first.append) {
			var err error
			if batch, held, err = collect(batch, r, rc); err != nil {
				s.connFailed("failed to decode incoming command", err)
				return
			}
		}
		err := s.handle(batch, rc)
		if err == nil {
			err = w.Flush()
		}
		if committrace.Enabled && batch[0].append != nil {
			committrace.Mark(committrace.Answer, lastIndex(batch[len(batch)-1].append), 0)
		}
		if err != nil {
			s.connFailed("failed to answer", err)
			return
		}
	}
}

// reqCodec reads a connection's requests and writes their answers: NetworkTransport's msgpack,
// or drove's binary AppendEntries (appendcodec.go) on a kindRaftAppends connection.
type reqCodec interface {
	decode() (*incoming, error)
	answer(rpcErr string, resp any) error
}

type msgpackCodec struct {
	r   *bufio.Reader
	dec *codec.Decoder
	enc *codec.Encoder
}

func (m *msgpackCodec) decode() (*incoming, error) { return decodeRPC(m.r, m.dec) }

func (m *msgpackCodec) answer(rpcErr string, resp any) error {
	if err := m.enc.Encode(rpcErr); err != nil {
		return err
	}
	return m.enc.Encode(resp)
}

// binaryCodec reads binary AppendEntries frames; a connection of that kind carries nothing else.
type binaryCodec struct {
	r   *bufio.Reader
	w   *bufio.Writer
	buf []byte // the answer being encoded, reused
}

func (b *binaryCodec) decode() (*incoming, error) {
	body, err := readFrame(b.r)
	if err != nil {
		return nil, err
	}
	req, err := decodeRequest(body)
	if err != nil {
		return nil, err
	}
	if committrace.Enabled {
		committrace.Mark(committrace.Received, lastIndex(req), 0)
	}
	return &incoming{rpc: raft.RPC{Command: req}, append: req, heartbeat: isHeartbeat(req)}, nil
}

func (b *binaryCodec) answer(rpcErr string, resp any) error {
	r, _ := resp.(*raft.AppendEntriesResponse)
	if r == nil && rpcErr == "" {
		rpcErr = fmt.Sprintf("clusternet: no AppendEntries answer (%T)", resp)
	}
	frame, buf := encodeResponseFrame(b.buf, rpcErr, r)
	b.buf = buf
	_, err := b.w.Write(frame)
	return err
}

// connFailed logs why a connection is dropped, unless it or the transport closed.
func (s *rpcServer) connFailed(what string, err error) {
	select {
	case <-s.shutdown:
		return
	default:
	}
	if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) || errors.Is(err, errShutdown) {
		return
	}
	s.log.Warn("raft transport: "+what, "err", err)
}

// collect adds to batch the requests already read off the connection (buffered in r) that
// continue it, without waiting for more; it returns the first one that does not (nil if
// none). A request only partly buffered is decoded whole: its sender is writing it.
func collect(batch []*incoming, r *bufio.Reader, rc reqCodec) ([]*incoming, *incoming, error) {
	for len(batch) < maxCoalesce && r.Buffered() > 0 {
		next, err := rc.decode()
		if err != nil {
			return batch, nil, err
		}
		prev := batch[len(batch)-1].append
		if next.append == nil || !coalescable(next.append) || !continues(prev, next.append) {
			return batch, next, nil
		}
		batch = append(batch, next)
	}
	return batch, nil, nil
}

// handle hands batch to Raft — one request, or the merge of several AppendEntries — and
// writes its answer once per request.
func (s *rpcServer) handle(batch []*incoming, rc reqCodec) error {
	respCh := make(chan raft.RPCResponse, 1)
	rpc := batch[0].rpc
	rpc.RespChan = respCh
	if len(batch) > 1 {
		reqs := make([]*raft.AppendEntriesRequest, len(batch))
		for i, in := range batch {
			reqs[i] = in.append
		}
		rpc.Command = mergeAppends(reqs)
	}
	if committrace.Enabled && batch[0].append != nil {
		committrace.Mark(committrace.ToRaft, lastIndex(batch[len(batch)-1].append), 0)
	}
	if !s.fastPath(batch[0], rpc) {
		select {
		case s.consumeCh <- rpc:
		case <-s.shutdown:
			return errShutdown
		}
	}
	var resp raft.RPCResponse
	select {
	case resp = <-respCh:
	case <-s.shutdown:
		return errShutdown
	}
	respErr := ""
	if resp.Error != nil {
		respErr = resp.Error.Error()
	}
	for range batch {
		if err := rc.answer(respErr, resp.Response); err != nil {
			return err
		}
	}
	return nil
}

func (s *rpcServer) fastPath(in *incoming, rpc raft.RPC) bool {
	if !in.heartbeat {
		return false
	}
	s.hbMu.Lock()
	fn := s.hbFn
	s.hbMu.Unlock()
	if fn == nil {
		return false
	}
	fn(rpc)
	return true
}
