package clusternet

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"
)

// Defaults.
const (
	// DefaultHandshakeTimeout bounds the TLS handshake plus the header and ack exchange of an
	// incoming connection: a peer that is slow, silent or sends garbage holds a goroutine and at
	// most one header's memory for this long.
	DefaultHandshakeTimeout = 5 * time.Second
	// defaultDialTimeout bounds Dial when its context has no deadline.
	defaultDialTimeout = 10 * time.Second
	// maxPending bounds the incoming connections still in their handshake; more are closed at
	// once, so a flood of silent connections costs at most maxPending goroutines.
	maxPending = 256
)

// ErrClosed is returned by Dial after Close.
var ErrClosed = errors.New("clusternet: mux closed")

// ErrUnknown is returned by Dial when the peer has no such Raft group or service (yet).
var ErrUnknown = errors.New("no such raft group or service on the peer")

// Config configures a node's cluster port.
type Config struct {
	NodeID   string    // this node's id (sent in every connection header, for fault injection and logs); default: the address
	Addr     string    // listen address, e.g. "127.0.0.1:5434" or "127.0.0.1:0"
	TLS      *TLSFiles // nil: plain TCP
	Insecure bool      // allow a non-loopback Addr without TLS
	Faults   *Faults   // nil in production; tests inject partitions/delays
	Logger   *slog.Logger

	// Advertise is the address other nodes dial to reach this one (the Raft ServerAddress of
	// every group on this node). Default: the actual listen address, Addr().
	Advertise string
	// HandshakeTimeout overrides DefaultHandshakeTimeout (tests shorten it).
	HandshakeTimeout time.Duration
}

// TLSFiles names the PEM files of mutual TLS: this node's certificate and key, and the CA that
// signs every node's certificate. Both sides present their certificate and verify the peer's.
type TLSFiles struct{ Cert, Key, CA string }

// Mux is a node's cluster port: one listener whose connections are routed by their header to a
// Raft group's transport or to an internal RPC service.
type Mux struct {
	cfg       Config
	id        string
	addr      string // advertised
	log       *slog.Logger
	ln        net.Listener
	serverTLS *tls.Config
	clientTLS *tls.Config
	timeout   time.Duration
	sem       chan struct{}

	done     chan struct{} // closed by Close: ends waits in handshakes
	mu       sync.Mutex
	closed   bool
	groups   map[string]*streamLayer
	services map[string]func(net.Conn, string)
	pending  map[net.Conn]struct{} // accepted, header not yet routed
	conns    map[*conn]struct{}    // routed, both directions

	wg sync.WaitGroup // accept loop and handshakes
}

// Listen opens the cluster port. It refuses a non-loopback address without TLS unless
// cfg.Insecure is set.
func Listen(cfg Config) (*Mux, error) {
	if err := checkAddr(cfg.Addr, cfg.TLS != nil, cfg.Insecure); err != nil {
		return nil, err
	}
	m := &Mux{
		cfg: cfg, log: cfg.Logger, timeout: cfg.HandshakeTimeout,
		sem:      make(chan struct{}, maxPending),
		done:     make(chan struct{}),
		groups:   map[string]*streamLayer{},
		services: map[string]func(net.Conn, string){},
		pending:  map[net.Conn]struct{}{},
		conns:    map[*conn]struct{}{},
	}
	if m.log == nil {
		m.log = slog.Default()
	}
	if m.timeout <= 0 {
		m.timeout = DefaultHandshakeTimeout
	}
	if cfg.TLS != nil {
		var err error
		if m.serverTLS, m.clientTLS, err = loadTLS(*cfg.TLS); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("clusternet: listen on %s: %w", cfg.Addr, err)
	}
	m.ln = ln
	m.addr = cfg.Advertise
	if m.addr == "" {
		m.addr = ln.Addr().String()
	}
	m.id = cfg.NodeID
	if m.id == "" {
		m.id = m.addr
	}
	if err := checkName("node id", m.id); err != nil {
		ln.Close()
		return nil, err
	}
	m.log = m.log.With("node", m.id, "cluster_addr", m.addr)
	if host, _, _ := net.SplitHostPort(cfg.Addr); cfg.TLS == nil && !isLoopback(host) {
		m.log.Warn("cluster port is plain TCP on a non-loopback address (--cluster-insecure): any host that reaches it can join Raft groups")
	}
	if cfg.Faults != nil {
		cfg.Faults.register(m.addr, m.id)
	}
	m.wg.Add(1)
	go m.acceptLoop()
	return m, nil
}

// Addr is the address other nodes dial: Config.Advertise, or the actual listen address.
func (m *Mux) Addr() string { return m.addr }

// NodeID is this node's id.
func (m *Mux) NodeID() string { return m.id }

// Handle routes connections dialed for service to h, each in its own goroutine, with the
// dialer's node id. h owns the connection; it is closed when h returns, and by Close. A later
// Handle for the same service replaces h for new connections; a nil h removes the service.
func (m *Mux) Handle(service string, h func(conn net.Conn, fromNode string)) {
	if err := checkName("service name", service); err != nil {
		panic(err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if h == nil {
		delete(m.services, service)
		return
	}
	m.services[service] = h
}

// Dial connects to the service on the node at addr. The context bounds the connect and the
// header exchange, not the returned connection's life.
func (m *Mux) Dial(ctx context.Context, addr, service string) (net.Conn, error) {
	c, err := m.dial(ctx, addr, header{kind: kindService, name: service, from: m.id}, nil)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Close stops accepting, closes every connection (incoming and outgoing, Raft and service) and
// waits for the accept loop and pending handshakes. Raft transports obtained from Transport
// stay the callers' to close (Raft's Shutdown does it); until then they accept nothing and
// their dials fail.
func (m *Mux) Close() error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	close(m.done)
	var all []net.Conn
	for c := range m.pending {
		all = append(all, c)
	}
	for c := range m.conns {
		all = append(all, c)
	}
	m.mu.Unlock()
	err := m.ln.Close()
	for _, c := range all {
		_ = c.Close()
	}
	m.wg.Wait()
	if m.cfg.Faults != nil {
		m.cfg.Faults.unregister(m.addr)
	}
	return err
}

func (m *Mux) isClosed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}

func (m *Mux) acceptLoop() {
	defer m.wg.Done()
	var backoff time.Duration
	for {
		c, err := m.ln.Accept()
		if err != nil {
			if m.isClosed() {
				return
			}
			// e.g. EMFILE: back off rather than spin
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			m.log.Warn("cluster port accept failed", "err", err, "retry_in", backoff)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		select {
		case m.sem <- struct{}{}:
		default:
			m.log.Warn("too many cluster connections in handshake; closing one", "remote", c.RemoteAddr())
			c.Close()
			continue
		}
		if !m.trackPending(c) {
			<-m.sem
			c.Close()
			return
		}
		m.wg.Add(1)
		go m.serve(c)
	}
}

func (m *Mux) trackPending(c net.Conn) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return false
	}
	m.pending[c] = struct{}{}
	return true
}

func (m *Mux) untrackPending(c net.Conn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, c)
}

// track records a routed connection; false after Close.
func (m *Mux) track(c *conn) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return false
	}
	m.conns[c] = struct{}{}
	return true
}

func (m *Mux) untrack(c *conn) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.conns, c)
}
