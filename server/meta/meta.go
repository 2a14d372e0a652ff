package meta

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/internal/fsutil"
	"github.com/drovedb/drove/internal/raftlog"
)

// Options configure a node's member of the metadata group.
type Options struct {
	// Dir is the group's directory (<data-dir>/meta): the raft-wal log in wal/ and the
	// catalog snapshots in snapshots/.
	Dir    string
	NodeID string
	// Transport carries the group's Raft traffic (clusternet's "meta" group in a server, an
	// in-memory transport in tests). Its LocalAddr is the Raft address other members use.
	Transport raft.Transport
	// Bootstrap starts a new cluster with this node as its only voter when Dir holds no state
	// (the first start without --join); with state it is ignored.
	Bootstrap bool
	// Self is this node's addresses, recorded in the catalog at bootstrap and join, and again
	// whenever they change. Self.ID is NodeID.
	Self Node
	// Dial connects to another node's meta service (ServeConn) at its cluster address.
	Dial func(ctx context.Context, addr string) (net.Conn, error)
	// MaxVoters is how many members vote (3 by default; 1, 3, 5 or 7); the rest are
	// non-voters that replicate the catalog without weighing on its quorum.
	MaxVoters int
	Logger    *slog.Logger
	Timeouts  Timeouts

	trailingLogs   uint64         // tests: entries kept after a snapshot (default 1024)
	logSegmentSize int            // tests: the log's segment size (default logSegmentSize)
	logHooks       *raftlog.Hooks // tests: faults under the log
}

// logSegmentSize is the meta log's segment size. Entries are tiny: small segments keep an idle
// cluster's preallocated log (and the full-disk reserve, one segment more) small.
const logSegmentSize = 4 << 20

// Timeouts are the group's timings. Zero fields take DefaultTimeouts' values.
type Timeouts struct {
	// Raft's: a follower that hears nothing from the leader for Heartbeat (randomised up to
	// twice that) stands for election; the leader sends heartbeats every Heartbeat/10 and
	// steps down when it has not reached a quorum for LeaderLease.
	Heartbeat, Election, LeaderLease, Commit time.Duration
	// DeadNode is how long a node may go unheard before the catalog marks it not live and
	// its replicas are replaced (auto-heal).
	DeadNode time.Duration
	// Tick is how often the meta leader reviews liveness, replica sets and voters.
	Tick time.Duration
	// Apply bounds a command's wait for the Raft log on the leader.
	Apply time.Duration
}

// DefaultTimeouts are tuned for a LAN: a dead meta leader is replaced in about a second, and
// a node must be gone for a minute before its replicas are rebuilt elsewhere. See DESIGN.md.
func DefaultTimeouts() Timeouts {
	return Timeouts{
		Heartbeat: 500 * time.Millisecond, Election: 500 * time.Millisecond,
		LeaderLease: 250 * time.Millisecond, Commit: 50 * time.Millisecond,
		DeadNode: time.Minute, Tick: time.Second, Apply: 10 * time.Second,
	}
}

// FastTimeouts are for tests: elections in a few hundred milliseconds on an in-memory transport,
// without spurious ones on a loaded machine.
func FastTimeouts() Timeouts {
	return Timeouts{
		Heartbeat: 100 * time.Millisecond, Election: 100 * time.Millisecond,
		LeaderLease: 50 * time.Millisecond, Commit: 5 * time.Millisecond,
		DeadNode: 500 * time.Millisecond, Tick: 50 * time.Millisecond, Apply: 5 * time.Second,
	}
}

func (t *Timeouts) fill() {
	d := DefaultTimeouts()
	for _, p := range []struct{ v, def *time.Duration }{
		{&t.Heartbeat, &d.Heartbeat}, {&t.Election, &d.Election}, {&t.LeaderLease, &d.LeaderLease},
		{&t.Commit, &d.Commit}, {&t.DeadNode, &d.DeadNode}, {&t.Tick, &d.Tick}, {&t.Apply, &d.Apply},
	} {
		if *p.v == 0 {
			*p.v = *p.def
		}
	}
}

// Meta is this node's member of the metadata group.
type Meta struct {
	opts Options
	log  *slog.Logger
	fsm  *fsm
	raft *raft.Raft
	logs *raftlog.Store
	live *liveness
	// memberMu serialises the leader's changes of the Raft configuration.
	memberMu sync.Mutex
	obs      *raft.Observer
	ctx      context.Context // cancelled by Close
	stop     context.CancelFunc
	wg       sync.WaitGroup
	close    sync.Once
	cerr     error
}

// Open starts this node's member from Dir: a restart (the state is there), or with
// Options.Bootstrap a new single-voter cluster. A node that has neither joins with Join.
// Open returns without waiting for a leader, except when it bootstraps: then it returns once
// this node leads and is registered.
func Open(opts Options) (*Meta, error) {
	m, existing, err := start(opts)
	if err != nil {
		return nil, err
	}
	if !existing && !opts.Bootstrap {
		m.Close()
		return nil, fmt.Errorf("meta: %s holds no cluster state: bootstrap a cluster or join one", opts.Dir)
	}
	// A bootstrap registers this node before returning; so does a restart after a first start
	// that stopped before its registration was applied (registered() is false).
	if !existing || (opts.Bootstrap && !m.registered()) {
		ctx, cancel := context.WithTimeout(m.ctx, 30*time.Second)
		defer cancel()
		if err := m.registerOnce(ctx, nil); err != nil {
			m.Close()
			return nil, fmt.Errorf("meta: bootstrap: %w", err)
		}
	}
	m.goBackground()
	return m, nil
}

// registeredFile marks, in Dir, that this node's registration was applied: from then on a
// catalog without this node means it was removed, never that it was not yet added.
const registeredFile = "registered"

func (m *Meta) registered() bool {
	_, err := os.Stat(filepath.Join(m.opts.Dir, registeredFile))
	return err == nil
}

// registerOnce registers this node and marks it registered.
func (m *Meta) registerOnce(ctx context.Context, seeds []string) error {
	if err := m.register(ctx, seeds); err != nil {
		return err
	}
	if m.registered() {
		return nil
	}
	return fsutil.WriteFileSync(filepath.Join(m.opts.Dir, registeredFile), []byte("1\n"))
}

// Join starts this node's member and asks the cluster, through seeds (cluster addresses of any
// of its nodes), to add it: as a voter while the group has fewer than MaxVoters, else as a
// non-voter. It returns once this node has applied its own registration. A node that already
// joined restarts with Open; Join again is harmless (it updates the node's addresses).
func Join(ctx context.Context, opts Options, seeds []string) (*Meta, error) {
	if len(seeds) == 0 {
		return nil, errors.New("meta: join needs the address of a node of the cluster")
	}
	opts.Bootstrap = false
	m, _, err := start(opts)
	if err != nil {
		return nil, err
	}
	if err := m.registerOnce(ctx, seeds); err != nil {
		m.Close()
		return nil, fmt.Errorf("meta: joining through %v: %w", seeds, err)
	}
	m.goBackground()
	return m, nil
}

// start opens the log and snapshots in Dir and starts Raft (bootstrapping when asked and Dir
// is empty). existing reports whether Dir held state.
func start(opts Options) (m *Meta, existing bool, err error) {
	if opts.NodeID == "" || opts.Transport == nil || opts.Dial == nil || opts.Dir == "" {
		return nil, false, errors.New("meta: Options need Dir, NodeID, Transport and Dial")
	}
	opts.Self.ID = opts.NodeID
	opts.Timeouts.fill()
	if opts.MaxVoters == 0 {
		opts.MaxVoters = 3
	}
	if opts.MaxVoters < 1 || opts.MaxVoters%2 == 0 || opts.MaxVoters > 7 {
		return nil, false, fmt.Errorf("meta: MaxVoters %d: use 1, 3, 5 or 7", opts.MaxVoters)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m = &Meta{opts: opts, log: opts.Logger.With("group", "meta")}
	m.fsm = newFSM(m.log)
	m.live = newLiveness()
	m.ctx, m.stop = context.WithCancel(context.Background())
	if existing, err = m.startRaft(); err != nil {
		m.stop()
		if m.logs != nil {
			m.logs.Close()
		}
		return nil, false, err
	}
	return m, existing, nil
}

func (m *Meta) raftConfig() *raft.Config {
	t := m.opts.Timeouts
	cfg := raft.DefaultConfig()
	cfg.LocalID = raft.ServerID(m.opts.NodeID)
	cfg.Logger = hclog.New(&hclog.LoggerOptions{Name: "raft.meta", Level: hclog.Warn,
		Output: newSlogWriter(m.log), DisableTime: true})
	cfg.HeartbeatTimeout, cfg.ElectionTimeout = t.Heartbeat, t.Election
	cfg.LeaderLeaseTimeout, cfg.CommitTimeout = t.LeaderLease, t.Commit
	// Entries are small and few: snapshot (the whole catalog) every 1024 of them.
	cfg.SnapshotThreshold = 1024
	cfg.TrailingLogs = 1024
	if m.opts.trailingLogs != 0 {
		cfg.TrailingLogs = m.opts.trailingLogs
	}
	return cfg
}

func (m *Meta) startRaft() (bool, error) {
	// The log is the tablespaces' (internal/raftlog): a full disk refuses commands with
	// ErrDiskFull until space returns, instead of breaking the log.
	segSize := logSegmentSize
	if m.opts.logSegmentSize != 0 {
		segSize = m.opts.logSegmentSize
	}
	w, err := raftlog.Open(filepath.Join(m.opts.Dir, raftlog.Dir),
		raftlog.Options{SegmentSize: segSize, Logger: m.log, Hooks: m.opts.logHooks})
	if err != nil {
		return false, fmt.Errorf("meta: opening raft log: %w", err)
	}
	m.logs = w
	cfg := m.raftConfig()
	snaps, err := raftlog.OpenSnapshotStore(m.opts.Dir, 2, cfg.Logger)
	if err != nil {
		return false, err
	}
	if err := raftlog.DropBehindSnapshot(w, snaps); err != nil {
		return false, fmt.Errorf("meta: %w", err)
	}
	logs := raftlog.NewCache(256, w)
	existing, err := raft.HasExistingState(logs, w, snaps)
	if err != nil {
		return false, err
	}
	trans := m.opts.Transport
	if !existing && m.opts.Bootstrap {
		conf := raft.Configuration{Servers: []raft.Server{{ID: cfg.LocalID, Address: trans.LocalAddr()}}}
		if err := raft.BootstrapCluster(cfg, logs, w, snaps, trans, conf); err != nil {
			return false, fmt.Errorf("meta: bootstrap: %w", err)
		}
	}
	r, err := raft.NewRaft(cfg, m.fsm, logs, w, snaps, trans)
	if err != nil {
		return false, fmt.Errorf("meta: starting raft: %w", err)
	}
	m.raft = r
	// A blocking observer, so a heartbeat's resumption is never dropped; observe only takes a
	// lock to record it, and Close deregisters it before it stops reading.
	ch := make(chan raft.Observation, 64)
	m.obs = raft.NewObserver(ch, true, func(o *raft.Observation) bool {
		switch o.Data.(type) {
		case raft.FailedHeartbeatObservation, raft.ResumedHeartbeatObservation:
			return true
		}
		return false
	})
	r.RegisterObserver(m.obs)
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		m.observe(ch)
	}()
	return existing, nil
}

// goBackground starts the leader's duties and the check of this node's registration.
func (m *Meta) goBackground() {
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		m.leaderLoop()
	}()
}

// Close leaves the group running without this node (it stays a member: RemoveNode removes it).
func (m *Meta) Close() error {
	m.close.Do(func() {
		if m.raft != nil {
			m.raft.DeregisterObserver(m.obs)
		}
		m.stop()
		if m.raft != nil {
			m.cerr = m.raft.Shutdown().Error()
		}
		m.wg.Wait()
		if m.logs != nil {
			if err := m.logs.Close(); m.cerr == nil {
				m.cerr = err
			}
		}
	})
	return m.cerr
}

// ID is this node's id.
func (m *Meta) ID() string { return m.opts.NodeID }

// Catalog returns the catalog as this node has applied it.
func (m *Meta) Catalog() *Catalog { return m.fsm.cat.Load() }

// Watch returns a channel that receives after each change this node applies; changes made
// while a notification is pending coalesce into it. Read Catalog on receipt. cancel stops the
// notifications.
func (m *Meta) Watch() (ch <-chan struct{}, cancel func()) { return m.fsm.watch() }

// IsLeader reports whether this node leads the metadata group.
func (m *Meta) IsLeader() bool { return m.raft.State() == raft.Leader }

// Leader returns the meta leader's node id and cluster address, "" when none is known.
func (m *Meta) Leader() (id, addr string) {
	raddr, rid := m.raft.LeaderWithID()
	if rid == "" {
		return "", ""
	}
	if n, ok := m.Catalog().Nodes[string(rid)]; ok && n.ClusterAddr != "" {
		return string(rid), n.ClusterAddr
	}
	return string(rid), string(raddr)
}

// Member is a node's place in the metadata group's Raft configuration.
type Member struct {
	ID, RaftAddr string
	Voter        bool
}

// Members lists the group's configuration as this node knows it.
func (m *Meta) Members() ([]Member, error) {
	f := m.raft.GetConfiguration()
	if err := f.Error(); err != nil {
		return nil, err
	}
	var out []Member
	for _, s := range f.Configuration().Servers {
		out = append(out, Member{ID: string(s.ID), RaftAddr: string(s.Address), Voter: s.Suffrage == raft.Voter})
	}
	return out, nil
}

// WaitApplied waits until this node has applied the meta log up to index.
func (m *Meta) WaitApplied(ctx context.Context, index uint64) error {
	for {
		c, ch := m.fsm.appliedCh()
		if c.Index >= index {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-m.ctx.Done():
			return ErrClosed
		}
	}
}

// slogWriter turns Raft's log lines into slog records. A line repeated — Raft logs every failed
// heartbeat to a dead node, several times a second — is passed on at most every quietPeriod.
type slogWriter struct {
	log  *slog.Logger
	mu   *sync.Mutex
	last map[string]time.Time
}

const quietPeriod = 10 * time.Second

func newSlogWriter(log *slog.Logger) slogWriter {
	return slogWriter{log: log, mu: new(sync.Mutex), last: map[string]time.Time{}}
}

func (w slogWriter) Write(p []byte) (int, error) {
	sc := bufio.NewScanner(bytes.NewReader(p))
	for sc.Scan() {
		line := sc.Text()
		key := repeatKey(line)
		now := time.Now()
		w.mu.Lock()
		quiet := now.Sub(w.last[key]) < quietPeriod
		if !quiet {
			if len(w.last) > 1000 {
				clear(w.last)
			}
			w.last[key] = now
		}
		w.mu.Unlock()
		if !quiet {
			w.log.Warn(line)
		}
	}
	return len(p), nil
}

// repeatKey is what identifies a repetition of a Raft log line: the message and its first field
// (the peer, usually), without the rest (errors, backoff times, indexes).
func repeatKey(line string) string {
	msg, rest, ok := strings.Cut(line, "=")
	if !ok {
		return line
	}
	first, _, _ := strings.Cut(rest, " ")
	return msg + "=" + first
}
