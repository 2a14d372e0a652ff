package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/drovedb/drove/auth"
	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/internal/sysmem"
	"github.com/drovedb/drove/pgwire"
	"github.com/drovedb/drove/server/clusternet"
	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/tablespace"
)

// DefaultTablespace is the tablespace created with every data directory, and the database a
// client gets when it names no other.
const DefaultTablespace = "drove"

// Config configures a node. Zero values take the defaults.
type Config struct {
	DataDir string // default "./drove-data"
	// NodeID names this node in the catalog; "" keeps the data directory's (a random one at
	// first start).
	NodeID string
	// PGAddr is the PostgreSQL listen address; "" serves no network (embedded use).
	PGAddr string
	// PGAdvertise is the address clients reach the PostgreSQL port at, as sysnodes shows it,
	// when it differs from the bound one (a wildcard or a container's); default the bound one.
	PGAdvertise string
	// Password, when set, becomes the password of the superuser "drove" (DROVE_PASSWORD). Once
	// any user has a password, every connection must prove one with SCRAM-SHA-256, and the
	// server may listen beyond loopback.
	Password string
	// TrustNetwork lets every client in without a password, on any address (the docker
	// image's DROVE_HOST_AUTH_METHOD=trust). Without it and with no password, only loopback
	// is served.
	TrustNetwork bool
	// TLSCert and TLSKey are PEM files; with both, clients that ask for TLS (sslmode=require
	// and up) get it. Without, they are told the server has none.
	TLSCert, TLSKey string
	MaxConnections  int // authenticated sessions, default 100; more are refused with SQLSTATE 53300
	// MaxStartupConnections bounds connections still authenticating (default the larger of
	// 1000 and twice MaxConnections); AuthenticationTimeout (default 60s) closes them.
	MaxStartupConnections int
	AuthenticationTimeout time.Duration
	// HTTPAddr serves /metrics, /healthz and /readyz; "" serves none.
	HTTPAddr           string
	CheckpointInterval time.Duration // default 60s
	MaxDirtyMemory     int64         // default 256 MiB per tablespace
	// MaxTxnMemory bounds one transaction's write set; past it a write fails with 53200.
	// Default tablespace.DefaultMaxTxnMemory (1 GiB); negative: no bound.
	MaxTxnMemory    int64
	PageCacheMemory int64 // default 256 MiB for the node
	LogSegmentSize  int64 // bytes per log segment file; default 64 MiB
	Logger          *slog.Logger

	// MaxQueryMemory bounds what every running query together holds in sorts, hash tables
	// and groups (memory.go); past it a query fails with 53200. Default half the machine's
	// (or its cgroup's) memory; negative: no bound.
	MaxQueryMemory int64

	// ClusterAddr is the cluster port: every Raft group's traffic and the nodes' internal
	// calls (joining, forwarded sessions). "" keeps the node private (embedded use): its
	// groups talk in memory and no other node can join it.
	ClusterAddr string
	// ClusterAdvertise is the cluster address other nodes dial, when it differs from
	// ClusterAddr (a wildcard or NATed listen address); default the bound address.
	ClusterAdvertise string
	// Join lists cluster addresses of nodes of an existing cluster to join at first start;
	// empty bootstraps a new cluster. A node that has joined once restarts without it.
	Join []string
	// ClusterTLS, when set, makes the cluster port mutual TLS; a non-loopback ClusterAddr
	// needs it unless ClusterInsecure.
	ClusterTLS      *clusternet.TLSFiles
	ClusterInsecure bool
	// DeadNodeTimeout is how long a node may be unreachable before its replicas are replaced
	// on live nodes; default meta.DefaultTimeouts' (a minute).
	DeadNodeTimeout time.Duration
	// Faults injects network faults between nodes (tests only).
	Faults *clusternet.Faults
}

// Server is one running node.
type Server struct {
	cfg    Config
	log    *slog.Logger
	lock   *os.File // flock on the data directory: one process per directory
	cache  *checkpoint.Cache
	pg     *pgwire.Server
	pgAddr net.Addr
	nodeID string
	users  *auth.Store
	budget *sql.MemoryBudget // every session's queries reserve from it; nil: none

	metrics  *metrics
	http     *http.Server
	httpAddr net.Addr

	mux         *clusternet.Mux // nil: no cluster port
	metaMu      sync.RWMutex
	meta        *meta.Meta
	reconcileMu sync.Mutex // one reconcile at a time
	// notLeading: since when each local replica the catalog names as leader has not led
	// (checkInactive; under reconcileMu).
	notLeading map[string]time.Time
	stopping   chan struct{} // closed by Close: background loops end
	closers    []func() error

	ddl         sync.Mutex // serializes CREATE/DROP TABLESPACE
	mu          sync.RWMutex
	tablespaces map[string]*tablespace.Tablespace
	closed      bool
}

var validName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,62}$`)

// Start opens the data directory (creating it and the default tablespace on first start),
// restores every tablespace found in it, and starts serving PostgreSQL if PGAddr is set.
func Start(cfg Config) (*Server, error) {
	if cfg.DataDir == "" {
		cfg.DataDir = "./drove-data"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.PageCacheMemory == 0 {
		cfg.PageCacheMemory = 256 << 20
	}
	s := &Server{
		cfg:         cfg,
		log:         cfg.Logger,
		cache:       checkpoint.NewCache(cfg.PageCacheMemory),
		tablespaces: make(map[string]*tablespace.Tablespace),
		stopping:    make(chan struct{}),
		notLeading:  make(map[string]time.Time),
		users:       auth.NewMemory(),
	}
	s.budget = queryBudget(&s.cfg, sysmem.Total())
	s.metrics = newMetrics(s)
	if err := s.start(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// start brings the node up: data directory, cluster and catalog, local replicas, then the
// listeners. The PostgreSQL port is bound first, because the catalog records its address.
func (s *Server) start() error {
	if err := s.lockDataDir(); err != nil {
		return err
	}
	if err := errors.Join(s.loadNodeID(), s.removeDropped()); err != nil {
		return err
	}
	var pgListener net.Listener
	if s.cfg.PGAddr != "" {
		l, err := net.Listen("tcp", s.cfg.PGAddr)
		if err != nil {
			return fmt.Errorf("listening on %s: %w", s.cfg.PGAddr, err)
		}
		pgListener, s.pgAddr = l, l.Addr()
		s.closers = append(s.closers, l.Close)
	}
	fileUsers, err := auth.Open(filepath.Join(s.cfg.DataDir, "users.json"))
	if err != nil {
		return err
	}
	if err := s.startCluster(s.Address(), fileUsers); err != nil {
		return err
	}
	s.syncUsers(s.meta.Catalog())
	if err := s.applyPassword(); err != nil {
		return err
	}
	if s.cfg.PGAddr != "" && !s.cfg.TrustNetwork && !s.users.Required() {
		if err := checkLoopback(s.cfg.PGAddr); err != nil {
			return err
		}
	}
	s.reconcile()
	s.waitLocalLeaders(startLeaderWait)
	changes, stopWatch := s.meta.Watch()
	s.closers = append(s.closers, func() error { stopWatch(); return nil })
	go s.reconcileLoop(changes)
	if s.cfg.HTTPAddr != "" {
		if err := s.serveHTTP(s.cfg.HTTPAddr); err != nil {
			return err
		}
	}
	if pgListener != nil {
		return s.servePG(pgListener)
	}
	return nil
}

func (s *Server) servePG(l net.Listener) error {
	tlsConfig, err := loadTLS(s.cfg.TLSCert, s.cfg.TLSKey)
	if err != nil {
		return err
	}
	s.pg = pgwire.NewServer(pgwire.Config{Backend: s, Logger: s.log, TLS: tlsConfig, MaxConnections: s.cfg.MaxConnections,
		MaxStartupConnections: s.cfg.MaxStartupConnections, AuthenticationTimeout: s.cfg.AuthenticationTimeout})
	if s.mux != nil {
		s.mux.Handle(forwardService, func(c net.Conn, _ string) { s.pg.ServeForwarded(context.Background(), c) })
	}
	go func() {
		if err := s.pg.Serve(l); err != nil {
			s.log.Error("pgwire server stopped", "err", err)
		}
	}()
	s.log.Info("serving PostgreSQL protocol", "addr", s.pgAddr.String(), "data_dir", s.cfg.DataDir)
	switch {
	case s.cfg.TrustNetwork:
		s.log.Warn("trust authentication: anyone who can reach this address can connect without a password")
	case s.users.Required():
		s.log.Info("password authentication (SCRAM-SHA-256) required")
	}
	return nil
}

// loadTLS reads the certificate and key for TLS connections; nil when neither is given.
func loadTLS(certFile, keyFile string) (*tls.Config, error) {
	switch {
	case certFile == "" && keyFile == "":
		return nil, nil
	case certFile == "" || keyFile == "":
		return nil, errors.New("TLS needs both a certificate (--tls-cert) and its key (--tls-key)")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("loading TLS certificate: %w", err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// checkLoopback refuses a non-loopback listen address when no password is configured: trust
// is only safe where no other machine can connect.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to listen on %s with no password configured: set one with --password or DROVE_PASSWORD, or let anyone in with --host-auth-method=trust", addr)
	}
	return nil
}

func (s *Server) lockDataDir() error {
	if err := os.MkdirAll(filepath.Join(s.cfg.DataDir, "tablespaces"), 0o755); err != nil {
		return fmt.Errorf("creating data directory: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(s.cfg.DataDir, "LOCK"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := io.ReadAll(io.LimitReader(f, 32))
		f.Close()
		pid := strings.TrimSpace(string(holder))
		if pid == "" {
			pid = "unknown"
		}
		return fmt.Errorf("data directory %s is locked by process %s: another drove process has it open", s.cfg.DataDir, pid)
	}
	// The holder's process id, for the error above in the next process that tries.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	s.lock = f
	return nil
}

func (s *Server) tablespaceDir(name string) string {
	return filepath.Join(s.cfg.DataDir, "tablespaces", name)
}

func (s *Server) existingTablespaces() ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(s.cfg.DataDir, "tablespaces"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && validName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// openTablespace opens this node's replica of a tablespace from its directory (creating it
// when new). On a node with a cluster port the replica joins its group there: boot is the
// group's initial configuration when this replica is one of the initial ones, nil when it
// waits to be added by the leader.
func (s *Server) openTablespace(name string, boot []tablespace.Replica) (*tablespace.Tablespace, error) {
	opts := tablespace.Options{
		Dir:                s.tablespaceDir(name),
		Name:               name,
		NodeID:             s.nodeID,
		Adopt:              true,
		CheckpointInterval: s.cfg.CheckpointInterval,
		MaxDirtyMemory:     s.cfg.MaxDirtyMemory,
		LogSegmentSize:     int(s.cfg.LogSegmentSize),
		MaxTxnMemory:       s.cfg.MaxTxnMemory,
		PageCache:          s.cache,
		ObserveCommit:      s.metrics.observeCommit(name),
		Logger:             s.log,
	}
	if s.mux != nil {
		opts.Transport = s.mux.Transport(tablespaceGroupPrefix + name)
		opts.Bootstrap = boot
	}
	ts, err := tablespace.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("opening tablespace %s: %w", name, err)
	}
	s.mu.Lock()
	s.tablespaces[name] = ts
	s.mu.Unlock()
	return ts, nil
}

// Tablespace returns an open tablespace by name.
func (s *Server) Tablespace(name string) (*tablespace.Tablespace, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ts, ok := s.tablespaces[name]
	return ts, ok
}

// PGAddr is the address the PostgreSQL listener is bound to, or nil.
func (s *Server) PGAddr() net.Addr { return s.pgAddr }

// Session starts a SQL session on a tablespace, for embedded use.
func (s *Server) Session(database string) (*sql.Session, error) {
	if database == "" {
		database = DefaultTablespace
	}
	ts, ok := s.Tablespace(database)
	if !ok {
		if m := s.metaGroup(); m != nil && s.mux != nil {
			if _, exists := m.Catalog().Tablespaces[database]; exists {
				// Routed here by a node that has not yet seen the replica move (or close):
				// the forwarding side retries 57P03 on the tablespace's current leader.
				return nil, sql.Errorf("57P03", "tablespace %q has no replica on this node at the moment; retry", database)
			}
		}
		return nil, sql.Errorf("3D000", "database %q does not exist", database)
	}
	session := sql.NewSession(ts, s)
	session.SetMemoryBudget(s.budget)
	return session, nil
}

// Open implements pgwire.Backend: the database name selects the tablespace.
func (s *Server) Open(_ context.Context, _ string, database string) (sql.Executor, error) {
	return s.Session(database)
}

// Close stops serving, takes a final checkpoint of every local replica, leaves the
// metadata group and releases the data directory.
func (s *Server) Close() error { return s.shutdown(false) }

// crash stops the node as kill -9 would leave its data directory: everything stops with no
// final checkpoint (tablespace.Abandon), so the next Start recovers from the last checkpoint
// and the log. The OS page cache survives a kill -9 and survives here; what a power loss
// would drop (writes never fsynced) is not simulated. For tests, which cut the node's network
// first (clusternet.Faults.Isolate) so peers lose it at once, as they lose a killed process.
func (s *Server) crash() error { return s.shutdown(true) }

func (s *Server) shutdown(crash bool) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.stopping)
	s.mu.Unlock()
	var errs []error
	if s.http != nil {
		errs = append(errs, s.http.Close())
	}
	if s.pg != nil {
		errs = append(errs, s.pg.Close())
	}
	for _, c := range s.closers {
		if err := c(); err != nil && !errors.Is(err, net.ErrClosed) {
			errs = append(errs, err)
		}
	}
	s.reconcileMu.Lock() // a running reconcile ends before the replicas close
	s.mu.Lock()
	tss := s.tablespaces
	s.tablespaces = map[string]*tablespace.Tablespace{}
	s.mu.Unlock()
	s.reconcileMu.Unlock()
	for name, ts := range tss {
		closeTS := ts.Close
		if crash {
			closeTS = ts.Abandon
		}
		if err := closeTS(); err != nil {
			errs = append(errs, fmt.Errorf("closing tablespace %s: %w", name, err))
		}
	}
	if m := s.metaGroup(); m != nil {
		errs = append(errs, m.Close())
	}
	if s.mux != nil {
		errs = append(errs, s.mux.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Close())
	}
	return errors.Join(errs...)
}
