package main

import (
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/drovedb/drove/internal/bytesize"
	"github.com/drovedb/drove/internal/sysmonslack"
	"github.com/drovedb/drove/server"
	"github.com/drovedb/drove/tablespace"
)

func serverCmd() *cobra.Command {
	var (
		cfg        server.Config
		logLevel   string
		authMethod string
		configFile string
		pwFile     string
		stopWithin time.Duration
		clusterTLS server.ClusterTLSFlags
	)
	cmd := &cobra.Command{
		Use:   "server",
		Short: "Run a drove node",
		Long: `Run a drove node serving the PostgreSQL protocol.

The data directory is created on first start with one tablespace, "drove"; connect with
  psql -h 127.0.0.1 -p 5433 -U drove drove

Settings come from, in order of precedence: the command line, DROVE_<FLAG> environment
variables (DROVE_DATA_DIR, DROVE_PASSWORD, ...), the --config file (TOML, keys named like the
flags: data-dir = "/var/lib/drove"), the defaults.

Without a password the server listens on loopback only and trusts its clients. With one
(--password, DROVE_PASSWORD or --password-file, for the user "drove") every client must
authenticate with SCRAM-SHA-256, and any address may be used.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if configFile != "" {
				if err := flagsFromFile(cmd.Flags(), configFile); err != nil {
					return err
				}
			}
			switch authMethod {
			case "", "scram-sha-256":
			case "trust":
				cfg.TrustNetwork = true
			default:
				return fmt.Errorf("--host-auth-method %q: trust or scram-sha-256", authMethod)
			}
			if pwFile != "" {
				b, err := os.ReadFile(pwFile)
				if err != nil {
					return fmt.Errorf("--password-file: %w", err)
				}
				cfg.Password = strings.TrimRight(string(b), "\r\n")
			}
			var level slog.Level
			var err error
			if err := level.UnmarshalText([]byte(logLevel)); err != nil {
				return fmt.Errorf("--log-level: %w", err)
			}
			cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
			if cfg.ClusterTLS, err = clusterTLS.Files(); err != nil {
				return err
			}
			relaxSysmon(cfg.Logger)
			srv, err := server.Start(cfg)
			if err != nil {
				return err
			}
			setSoftMemoryLimit(srv, cfg.Logger)
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
			got := <-sig
			cfg.Logger.Info("shutting down", "signal", got.String())
			return shutdown(srv, stopWithin, sig)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.DataDir, "data-dir", "./drove-data", "data directory")
	f.StringVar(&cfg.PGAddr, "pg-addr", "127.0.0.1:5433", "PostgreSQL protocol listen address")
	f.StringVar(&cfg.PGAdvertise, "pg-advertise", "", "PostgreSQL address clients reach this node at, as sysnodes shows it (default: the bound --pg-addr)")
	f.StringVar(&cfg.HTTPAddr, "http-addr", "", "admin HTTP address for /metrics, /healthz and /readyz (e.g. 127.0.0.1:8080; empty: off)")
	f.StringVar(&cfg.NodeID, "node-id", "", "this node's id (default: the data directory's, random at first start)")
	f.DurationVar(&cfg.CheckpointInterval, "checkpoint-interval", 60e9, "time between periodic checkpoints")
	f.Var(bytesize.NewFlag(&cfg.MaxDirtyMemory, 256<<20), "max-dirty-memory", "dirty bytes per tablespace that trigger an early checkpoint (256MiB, 1GB, 65536: units as in PostgreSQL)")
	f.Var(bytesize.NewFlag(&cfg.PageCacheMemory, 256<<20), "page-cache-memory", "bytes of data pages cached in memory (units as --max-dirty-memory)")
	f.Var(bytesize.NewLimitFlag(&cfg.MaxTxnMemory, tablespace.DefaultMaxTxnMemory), "max-txn-memory", "bytes one transaction's writes may hold in memory; a write past it fails with SQLSTATE 53200 (units as --max-dirty-memory; -1: no limit)")
	f.Var(bytesize.NewLimitFlag(&cfg.MaxQueryMemory, 0), "max-query-memory", "bytes all running queries together may hold in sorts, hash tables and groups; a query past it fails with SQLSTATE 53200 (0: half the machine's or cgroup's memory; -1: no limit; units as --max-dirty-memory). Unless GOMEMLIMIT is set, Go's soft memory limit is derived from it")
	f.Var(bytesize.NewFlag(&cfg.LogSegmentSize, 64<<20), "log-segment-size", "bytes per preallocated log segment file; the log keeps one more in reserve for a full disk (units as --max-dirty-memory)")
	f.StringVar(&authMethod, "host-auth-method", "", `"trust" lets clients on any address in without a password; default: scram-sha-256 once a password is set, else loopback trust`)
	f.StringVar(&cfg.Password, "password", "", `password of the user "drove" (prefer DROVE_PASSWORD or --password-file: command lines are visible to other users)`)
	f.StringVar(&pwFile, "password-file", "", `file holding the password of the user "drove"`)
	f.StringVar(&cfg.TLSCert, "tls-cert", "", "PEM certificate for TLS connections (with --tls-key)")
	f.StringVar(&cfg.TLSKey, "tls-key", "", "PEM private key of --tls-cert")
	f.IntVar(&cfg.MaxConnections, "max-connections", 100, "most authenticated client connections at once; more are refused with SQLSTATE 53300")
	f.IntVar(&cfg.MaxStartupConnections, "max-startup-connections", 0, "most connections still authenticating at once; more are refused with 53300 unread (default: the larger of 1000 and twice --max-connections)")
	f.DurationVar(&cfg.AuthenticationTimeout, "authentication-timeout", 60e9, "time a client has to finish startup, TLS and authentication before it is disconnected")
	f.StringVar(&cfg.ClusterAddr, "cluster-addr", "127.0.0.1:5434", "cluster port: Raft traffic and the nodes' internal calls (a non-loopback address needs --cluster-tls-* or --cluster-insecure)")
	f.StringVar(&cfg.ClusterAdvertise, "cluster-advertise", "", "cluster address other nodes dial, when not the --cluster-addr (default: the bound address)")
	f.StringSliceVar(&cfg.Join, "join", nil, "cluster addresses of nodes of a cluster to join at first start (host:port,...); without it a new cluster starts")
	f.StringVar(&clusterTLS.Cert, "cluster-tls-cert", "", "PEM certificate of this node on the cluster port (mutual TLS, with --cluster-tls-key and --cluster-tls-ca)")
	f.StringVar(&clusterTLS.Key, "cluster-tls-key", "", "PEM private key of --cluster-tls-cert")
	f.StringVar(&clusterTLS.CA, "cluster-tls-ca", "", "PEM certificate of the CA that signs every node's cluster certificate")
	f.BoolVar(&cfg.ClusterInsecure, "cluster-insecure", false, "allow a non-loopback --cluster-addr without TLS (a trusted private network only)")
	f.DurationVar(&cfg.DeadNodeTimeout, "dead-node-timeout", time.Minute, "how long a node may be unreachable before its replicas are replaced on live nodes")
	f.StringVar(&configFile, "config", "", "TOML file of settings named like the flags")
	f.StringVar(&logLevel, "log-level", "info", "log level: debug, info, warn, error")
	f.DurationVar(&stopWithin, "shutdown-timeout", 30*time.Second, "after SIGTERM, exit even if the final checkpoint has not finished by then")
	return cmd
}

// shutdown closes srv: running statements are cancelled and clients told 57P01 (within about
// 6 s, see pgwire's terminate), then every tablespace takes its final checkpoint. If that has
// not finished within timeout, or a second signal comes, the process exits without it: the
// log already holds every acknowledged write and the next start replays it.
func shutdown(srv *server.Server, timeout time.Duration, sig <-chan os.Signal) error {
	done := make(chan error, 1)
	go func() { done <- srv.Close() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		return fmt.Errorf("shutdown did not finish within %v; exiting without the final checkpoint (the log is replayed at the next start)", timeout)
	case s := <-sig:
		return fmt.Errorf("second signal (%v): exiting without the final checkpoint (the log is replayed at the next start)", s)
	}
}

// sysmonSlack is the timer slack given to the Go runtime's sysmon thread (internal/sysmonslack):
// within the 10 ms it sleeps when idle, and far above the 20 µs sleeps a replica's bursts of
// system calls otherwise keep it in.
const sysmonSlack = time.Millisecond

// relaxSysmon lets the kernel batch the runtime's sysmon wakeups (internal/sysmonslack), which
// cost a Raft replica a fifth to a quarter of its CPU on a virtual machine. Best effort: it
// needs CAP_SYS_NICE, and without it the server runs as before.
func relaxSysmon(log *slog.Logger) {
	if tid, err := sysmonslack.Set(sysmonSlack); err != nil {
		log.Debug("sysmon timer slack not set", "err", err)
	} else {
		log.Debug("sysmon timer slack set", "thread", tid, "slack", sysmonSlack)
	}
}

// setSoftMemoryLimit sets the Go runtime's soft memory limit from the node's memory settings
// (server.SoftMemoryLimit), so the collector works harder before the heap outgrows the
// machine, unless the user chose one with GOMEMLIMIT.
func setSoftMemoryLimit(srv *server.Server, log *slog.Logger) {
	_, budget := srv.QueryMemory()
	if os.Getenv("GOMEMLIMIT") != "" {
		log.Info("memory", "query_memory_budget", budget, "gomemlimit", "from GOMEMLIMIT")
		return
	}
	if limit := srv.SoftMemoryLimit(); limit > 0 {
		debug.SetMemoryLimit(limit)
		log.Info("memory", "query_memory_budget", budget, "gomemlimit", limit)
	}
}
