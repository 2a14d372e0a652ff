package server

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The admin HTTP endpoint: /metrics for Prometheus, /healthz (the process answers) and
// /readyz (every tablespace has a leader here and takes statements). Gauges are read from
// the tablespaces at scrape time, so the write path pays only for the commit histogram.

// metrics holds the instruments the server feeds as things happen.
type metrics struct {
	registry      *prometheus.Registry
	commitLatency *prometheus.HistogramVec
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		commitLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "drove_commit_duration_seconds",
			Help: "Time from commit to acknowledgement (log append, fsync, apply); its count is the number of commits.",
			// From a group-committed fsync (~100µs) to a stalled disk.
			Buckets: prometheus.ExponentialBuckets(50e-6, 2, 16),
		}, []string{"tablespace"}),
	}
	m.registry.MustRegister(m.commitLatency, nodeCollector{s},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observeCommit returns the commit hook for one tablespace.
func (m *metrics) observeCommit(tablespace string) func(time.Duration) {
	h := m.commitLatency.WithLabelValues(tablespace)
	return func(d time.Duration) { h.Observe(d.Seconds()) }
}

var (
	descRole = prometheus.NewDesc("drove_tablespace_leader",
		"1 when this node leads the tablespace, 0 when it follows.", []string{"tablespace"}, nil)
	descApplied = prometheus.NewDesc("drove_tablespace_applied_index",
		"Raft index of the last log entry applied.", []string{"tablespace"}, nil)
	descApplyLag = prometheus.NewDesc("drove_tablespace_apply_lag_entries",
		"Log entries stored but not yet applied.", []string{"tablespace"}, nil)
	descDirty = prometheus.NewDesc("drove_tablespace_dirty_bytes",
		"Bytes of records changed since the last checkpoint.", []string{"tablespace"}, nil)
	descOldBytes = prometheus.NewDesc("drove_tablespace_old_version_bytes",
		"Bytes of replaced row images kept for pinned snapshots.", []string{"tablespace"}, nil)
	descPinned = prometheus.NewDesc("drove_tablespace_pinned_snapshots",
		"Readers holding a snapshot (running statements, REPEATABLE READ transactions).", []string{"tablespace"}, nil)
	descTables   = prometheus.NewDesc("drove_tablespace_tables", "Tables in the tablespace.", []string{"tablespace"}, nil)
	descDiskFull = prometheus.NewDesc("drove_tablespace_disk_full",
		"1 while the tablespace refuses writes because its log's disk is full (53100).", []string{"tablespace"}, nil)
	descAppends = prometheus.NewDesc("drove_log_appends_total",
		"fsynced appends to the tablespace's Raft log.", []string{"tablespace"}, nil)
	descEntries = prometheus.NewDesc("drove_log_entries_total",
		"Entries those appends carried (entries/appends is the group-commit factor).", []string{"tablespace"}, nil)
	descCkptSeconds = prometheus.NewDesc("drove_checkpoint_last_duration_seconds",
		"Duration of the tablespace's last checkpoint.", []string{"tablespace"}, nil)
	descCkptBytes = prometheus.NewDesc("drove_checkpoint_last_bytes",
		"Page bytes the tablespace's last checkpoint wrote.", []string{"tablespace"}, nil)
	descReplicaLag = prometheus.NewDesc("drove_tablespace_replica_lag_entries",
		"Log entries a replica is behind: on the leader, each follower's entries after the index it acknowledged; for the local replica, what it stored but has not applied.",
		[]string{"tablespace", "node"}, nil)
	descReplicaLagSeconds = prometheus.NewDesc("drove_tablespace_replica_lag_seconds",
		"Age of the oldest log entry a replica is behind by (now minus when the leader appended it; 0 when caught up): on the leader for each follower, for the local replica its own; absent when unknown.",
		[]string{"tablespace", "node"}, nil)
	descCacheHits   = prometheus.NewDesc("drove_page_cache_hits_total", "Page cache hits.", nil, nil)
	descCacheMisses = prometheus.NewDesc("drove_page_cache_misses_total", "Page cache misses (page file reads).", nil, nil)
	descCacheBytes  = prometheus.NewDesc("drove_page_cache_bytes", "Bytes of pages in the cache.", nil, nil)
	descConns       = prometheus.NewDesc("drove_connections", "Authenticated PostgreSQL client connections.", nil, nil)
)

// nodeCollector reads the node's state when Prometheus scrapes.
type nodeCollector struct{ s *Server }

func (c nodeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descReplicaLag, descReplicaLagSeconds, descRole, descApplied, descApplyLag, descDirty, descOldBytes, descPinned, descTables,
		descDiskFull, descAppends, descEntries, descCkptSeconds, descCkptBytes, descCacheHits, descCacheMisses,
		descCacheBytes, descConns} {
		ch <- d
	}
}

func (c nodeCollector) Collect(ch chan<- prometheus.Metric) {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	counter := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v, labels...)
	}
	for _, info := range c.s.Tablespaces() {
		ts, ok := c.s.Tablespace(info.Name)
		if !ok {
			continue
		}
		st := ts.Stats()
		role := 0.0
		if st.Leader {
			role = 1
		}
		gauge(descRole, role, info.Name)
		gauge(descApplied, float64(st.AppliedIndex), info.Name)
		gauge(descApplyLag, float64(st.ApplyLag), info.Name)
		gauge(descDirty, float64(st.DirtyBytes), info.Name)
		gauge(descOldBytes, float64(st.OldVersionBytes), info.Name)
		gauge(descPinned, float64(st.PinnedSnapshots), info.Name)
		gauge(descTables, float64(st.Tables), info.Name)
		full := 0.0
		if st.DiskFull {
			full = 1
		}
		gauge(descDiskFull, full, info.Name)
		counter(descAppends, float64(st.LogAppends), info.Name)
		counter(descEntries, float64(st.LogEntries), info.Name)
		gauge(descCkptSeconds, st.LastCheckpointTime.Seconds(), info.Name)
		gauge(descCkptBytes, float64(st.LastCheckpointSize), info.Name)
		for _, r := range c.s.ReplicaStates(info.Name) {
			gauge(descReplicaLag, float64(r.LagEntries), info.Name, r.NodeID)
			if r.LagKnown {
				gauge(descReplicaLagSeconds, r.Lag.Seconds(), info.Name, r.NodeID)
			}
		}
	}
	hits, misses, bytes := c.s.cache.Stats()
	counter(descCacheHits, float64(hits))
	counter(descCacheMisses, float64(misses))
	gauge(descCacheBytes, float64(bytes))
	conns := 0
	if c.s.pg != nil {
		conns = c.s.pg.Connections()
	}
	gauge(descConns, float64(conns))
}

// ready reports why the node cannot take statements, or nil.
func (s *Server) ready() error {
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	if closed {
		return errors.New("shutting down")
	}
	for _, info := range s.Tablespaces() {
		ts, ok := s.Tablespace(info.Name)
		if !ok || ts.Closed() || !ts.Stats().Leader {
			return fmt.Errorf("tablespace %s has no leader here", info.Name)
		}
	}
	return nil
}

// serveHTTP starts the admin endpoint on addr.
func (s *Server) serveHTTP(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if err := s.ready(); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	// Profiles of the running server, for the operator who must find out where time goes.
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	s.httpAddr = l.Addr()
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := s.http.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("admin HTTP server stopped", "err", err)
		}
	}()
	s.log.Info("serving metrics and health checks", "addr", s.httpAddr.String())
	return nil
}

// HTTPAddr is the address of the admin HTTP endpoint, or nil.
func (s *Server) HTTPAddr() net.Addr { return s.httpAddr }
