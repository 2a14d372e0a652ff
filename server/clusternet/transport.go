package clusternet

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// Raft transport settings.
const (
	// raftMaxPool is how many idle connections a group keeps per peer. Raft runs at most a few
	// synchronous RPCs to one peer at once (the heartbeat, an AppendEntries when not
	// pipelining, a vote, a TimeoutNow); pipelined appends and snapshots use their own
	// connection and never return it. Three covers the concurrent ones without re-dialing,
	// which matters under TLS where a dial costs a handshake (Consul and rqlite use 3 too).
	raftMaxPool = 3
	// raftTimeout is the I/O deadline of one synchronous RPC and the dial timeout; an
	// InstallSnapshot gets it per 256 KiB of snapshot. It is not the failure detector (Raft's
	// heartbeat, election and lease timeouts are, and they run on their own timers), it only
	// bounds how long a stuck RPC to a stopped peer (SIGSTOP, a black hole) holds a
	// connection before Raft re-dials. It must comfortably exceed a large AppendEntries batch
	// over a slow link and an fsync on the follower, hence seconds, not the heartbeat's
	// milliseconds.
	raftTimeout = 10 * time.Second
	// raftMaxInFlight is how many AppendEntries a leader's pipeline may have unanswered:
	// Raft's default, 2. The receiver merges requests that queue behind the one a follower
	// handles (serve.go), so a deeper pipeline no longer costs a fsync per request; but the
	// leader then sends smaller batches, more often, and the extra RPCs' CPU cost more than
	// the shorter wait gained (8 measured slower than 2, tablespace/DESIGN.md).
	raftMaxInFlight = 2
)

// Transport returns the Raft transport of group (a tablespace name, or "_meta"): the group's
// connections on this node's cluster port. Its ServerAddress values are node cluster
// addresses (Addr of each node's Mux); its LocalAddr is this node's.
//
// Calling Transport again for a group whose transport is open returns the same transport (a
// second Raft instance must not share it: use NewTransport to get an error instead). Closing
// the transport (Raft's Shutdown does) unregisters the group and closes its connections; a
// later Transport call registers it afresh. Transport panics on an empty name or one longer
// than 255 bytes, which no caller should pass (tablespace names are shorter).
func (m *Mux) Transport(group string) *Transport {
	t, err := m.transport(group, false)
	if err != nil {
		panic(err)
	}
	return t
}

// NewTransport is Transport that fails when group already has an open transport on this node.
func (m *Mux) NewTransport(group string) (*Transport, error) {
	return m.transport(group, true)
}

// Transport is a Raft group's transport on the mux. Raft's NetworkTransport sends (its
// connection pool and pipelines, unchanged); the receiving side is serve.go's, which speaks the
// same wire format and, when AppendEntries of a leader's pipeline have queued on a connection,
// hands Raft the consecutive ones as one request (coalesce.go).
type Transport struct {
	*raft.NetworkTransport
	srv *rpcServer
	sl  *streamLayer

	olderMu sync.Mutex
	older   map[raft.ServerAddress]time.Time // peers that refused binary appends, and when
}

var (
	_ raft.WithClose   = (*Transport)(nil)
	_ raft.WithPreVote = (*Transport)(nil)
)

// Consumer implements raft.Transport: the RPCs this node receives.
func (t *Transport) Consumer() <-chan raft.RPC { return t.srv.consumeCh }

// AppendEntriesPipeline implements raft.Transport: ObservedPipeline with nothing observing,
// so every group's pipeline speaks the binary encoding to another drove node.
func (t *Transport) AppendEntriesPipeline(id raft.ServerID, target raft.ServerAddress) (raft.AppendPipeline, error) {
	return t.ObservedPipeline(id, target, nil)
}

// SetHeartbeatHandler implements raft.Transport.
func (t *Transport) SetHeartbeatHandler(cb func(rpc raft.RPC)) { t.srv.setHeartbeatHandler(cb) }

// Close implements raft.WithClose: it closes the group's connections and unregisters it.
func (t *Transport) Close() error {
	err := t.NetworkTransport.Close()
	t.srv.close()
	return err
}

func (m *Mux) transport(group string, exclusive bool) (*Transport, error) {
	if err := checkName("raft group name", group); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if sl := m.groups[group]; sl != nil {
		if exclusive {
			return nil, fmt.Errorf("clusternet: raft group %q already has a transport on node %s", group, m.id)
		}
		return sl.trans, nil
	}
	sl := &streamLayer{
		m: m, group: group,
		acceptCh: make(chan *conn),
		done:     make(chan struct{}),
		conns:    map[*conn]struct{}{},
	}
	// NetworkTransport only sends: its Accept (sendOnly) waits for the group to close, and
	// the group's incoming connections go to the rpcServer.
	srv := newRPCServer(m.log.With("raft_group", group))
	nt := raft.NewNetworkTransportWithConfig(&raft.NetworkTransportConfig{
		Stream:          sendOnly{sl},
		MaxPool:         raftMaxPool,
		Timeout:         raftTimeout,
		MaxRPCsInFlight: raftMaxInFlight,
		Logger:          newHCLog(m.log.With("raft_group", group)),
	})
	sl.trans = &Transport{NetworkTransport: nt, srv: srv, sl: sl}
	go srv.acceptLoop(sl)
	m.groups[group] = sl
	return sl.trans, nil
}

// streamLayer is one Raft group's view of the mux: Accept yields the group's routed incoming
// connections, Dial dials a peer's cluster port with the group's header.
type streamLayer struct {
	m        *Mux
	group    string
	trans    *Transport
	acceptCh chan *conn
	done     chan struct{}
	once     sync.Once

	mu     sync.Mutex
	closed bool
	conns  map[*conn]struct{}
}

var _ raft.StreamLayer = (*streamLayer)(nil)

// Accept waits for the group's next incoming connection. After Close of the Mux it keeps
// waiting (the transport's own Close ends it), so the transport does not spin on errors.
func (s *streamLayer) Accept() (net.Conn, error) {
	select {
	case c := <-s.acceptCh:
		return c, nil
	case <-s.done:
		return nil, net.ErrClosed
	}
}

// sendOnly is the stream layer NetworkTransport gets: it dials, and its Accept returns only
// once the group closes (the rpcServer accepts the group's connections).
type sendOnly struct{ *streamLayer }

func (s sendOnly) Accept() (net.Conn, error) {
	<-s.done
	return nil, net.ErrClosed
}

// deliver hands an incoming connection to Accept, or closes it if the group or the mux (stop)
// closes or the transport does not take it within timeout.
func (s *streamLayer) deliver(c *conn, timeout time.Duration, stop <-chan struct{}) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case s.acceptCh <- c:
	case <-s.done:
		c.Close()
	case <-stop:
		c.Close()
	case <-t.C:
		c.Close()
	}
}

// Close unregisters the group and closes its connections, both directions.
func (s *streamLayer) Close() error {
	s.once.Do(func() {
		s.m.mu.Lock()
		if s.m.groups[s.group] == s {
			delete(s.m.groups, s.group)
		}
		s.m.mu.Unlock()
		s.mu.Lock()
		s.closed = true
		all := make([]*conn, 0, len(s.conns))
		for c := range s.conns {
			all = append(all, c)
		}
		s.mu.Unlock()
		close(s.done)
		for _, c := range all {
			c.Close()
		}
	})
	return nil
}

// Addr is the node's advertised cluster address: the transport's LocalAddr.
func (s *streamLayer) Addr() net.Addr { return clusterAddr(s.m.addr) }

// Dial connects to the group on the node at address.
func (s *streamLayer) Dial(address raft.ServerAddress, timeout time.Duration) (net.Conn, error) {
	return s.dialKind(address, timeout, kindRaft)
}

// dialKind is Dial for a connection of kind k (kindRaft or kindRaftAppends).
func (s *streamLayer) dialKind(address raft.ServerAddress, timeout time.Duration, k kind) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	select {
	case <-s.done:
		return nil, net.ErrClosed
	default:
	}
	c, err := s.m.dial(ctx, string(address), header{kind: k, name: s.group, from: s.m.id}, s)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (s *streamLayer) track(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *streamLayer) untrack(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
}

// clusterAddr is a node's cluster address as a net.Addr.
type clusterAddr string

func (a clusterAddr) Network() string { return "tcp" }
func (a clusterAddr) String() string  { return string(a) }

// newHCLog gives raft's transport an hclog.Logger writing to slog: warnings and errors only
// (the transport logs every dropped connection, which partitions and restarts make routine, at
// error level; slog gets those at warn).
func newHCLog(l *slog.Logger) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{
		Name: "raft-net", Level: hclog.Warn, Output: slogWriter{l}, DisableTime: true,
	})
}

type slogWriter struct{ l *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.l.Warn(string(bytes.TrimSpace(p)))
	return len(p), nil
}
