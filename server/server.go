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
	"github.com/drovedb/drove/pgwire"
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

	metrics  *metrics
	http     *http.Server
	httpAddr net.Addr

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
	}
	s.metrics = newMetrics(s)
	if err := s.lockDataDir(); err != nil {
		return nil, err
	}
	if err := errors.Join(s.loadNodeID(), s.removeDropped(), s.loadUsers()); err != nil {
		s.Close()
		return nil, err
	}
	if cfg.PGAddr != "" && !cfg.TrustNetwork && !s.users.Required() {
		if err := checkLoopback(cfg.PGAddr); err != nil {
			s.Close()
			return nil, err
		}
	}
	names, err := s.existingTablespaces()
	if err != nil {
		s.Close()
		return nil, err
	}
	if len(names) == 0 {
		names = []string{DefaultTablespace}
	}
	for _, n := range names {
		if _, err := s.openTablespace(n); err != nil {
			s.Close()
			return nil, err
		}
	}
	if cfg.HTTPAddr != "" {
		if err := s.serveHTTP(cfg.HTTPAddr); err != nil {
			s.Close()
			return nil, err
		}
	}
	if cfg.PGAddr != "" {
		tlsConfig, err := loadTLS(cfg.TLSCert, cfg.TLSKey)
		if err != nil {
			s.Close()
			return nil, err
		}
		l, err := net.Listen("tcp", cfg.PGAddr)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("listening on %s: %w", cfg.PGAddr, err)
		}
		s.pgAddr = l.Addr()
		s.pg = pgwire.NewServer(pgwire.Config{Backend: s, Logger: s.log, TLS: tlsConfig, MaxConnections: cfg.MaxConnections,
			MaxStartupConnections: cfg.MaxStartupConnections, AuthenticationTimeout: cfg.AuthenticationTimeout})
		go func() {
			if err := s.pg.Serve(l); err != nil {
				s.log.Error("pgwire server stopped", "err", err)
			}
		}()
		s.log.Info("serving PostgreSQL protocol", "addr", s.pgAddr.String(), "data_dir", cfg.DataDir)
		switch {
		case cfg.TrustNetwork:
			s.log.Warn("trust authentication: anyone who can reach this address can connect without a password")
		case s.users.Required():
			s.log.Info("password authentication (SCRAM-SHA-256) required")
		}
	}
	return s, nil
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

func (s *Server) openTablespace(name string) (*tablespace.Tablespace, error) {
	ts, err := tablespace.Open(tablespace.Options{
		Dir:                s.tablespaceDir(name),
		Name:               name,
		CheckpointInterval: s.cfg.CheckpointInterval,
		MaxDirtyMemory:     s.cfg.MaxDirtyMemory,
		LogSegmentSize:     int(s.cfg.LogSegmentSize),
		MaxTxnMemory:       s.cfg.MaxTxnMemory,
		PageCache:          s.cache,
		ObserveCommit:      s.metrics.observeCommit(name),
		Logger:             s.log,
	})
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
		return nil, sql.Errorf("3D000", "database %q does not exist", database)
	}
	return sql.NewSession(ts, s), nil
}

// Open implements pgwire.Backend: the database name selects the tablespace.
func (s *Server) Open(_ context.Context, _ string, database string) (sql.Executor, error) {
	return s.Session(database)
}

// Close stops serving, takes a final checkpoint of every tablespace and releases the data
// directory.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	tss := s.tablespaces
	s.mu.Unlock()
	var errs []error
	if s.http != nil {
		errs = append(errs, s.http.Close())
	}
	if s.pg != nil {
		errs = append(errs, s.pg.Close())
	}
	for name, ts := range tss {
		if err := ts.Close(); err != nil {
			errs = append(errs, fmt.Errorf("closing tablespace %s: %w", name, err))
		}
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Close())
	}
	return errors.Join(errs...)
}
