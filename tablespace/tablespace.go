package tablespace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/internal/raftlog"
	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// DefaultMaxTxnMemory is Options.MaxTxnMemory's default: about 1.9 million 300-byte rows,
// which at commit peak at two to three times that in memory (see DESIGN.md).
const DefaultMaxTxnMemory = 1 << 30

// Options configure a tablespace replica. Zero values take the defaults below.
type Options struct {
	Dir  string // this tablespace's directory: raft log, snapshots, pages
	Name string // tablespace name
	// NodeID names this replica in the Raft group; default "node1".
	NodeID string

	CheckpointInterval time.Duration // default 60s; negative disables periodic checkpoints
	MaxDirtyMemory     int64         // dirty bytes that trigger an early checkpoint; default 256 MiB
	PageCache          *checkpoint.Cache
	PageCacheMemory    int64 // when PageCache is nil: bound of a private cache; default 256 MiB

	LockTimeout time.Duration // longest wait for a lock; default 10s (a transaction's WaitForRowLocks lifts it for row locks)
	// MaxEntryBytes bounds a transaction's log entry: a larger one commits in chunks of about
	// this size (see chunked.go). Default 32 MiB.
	MaxEntryBytes int
	// MaxTxnMemory bounds the memory a transaction's write set and row locks may hold (an
	// estimate: row bytes plus a fixed cost per row and lock); a write past it fails with
	// ErrTxnMemory and the transaction can only roll back. Default 1 GiB; negative: no bound.
	MaxTxnMemory int64
	ApplyTimeout time.Duration // longest wait to enqueue a log entry in Raft; default 0 (no limit); a direct commit (direct.go) does not use it
	// TrailingLogs is how many log entries survive a checkpoint's truncation, so a replica a
	// little behind catches up from the log rather than a snapshot. Default 1024.
	TrailingLogs uint64
	// LogSegmentSize is the size of the log's segment files, each preallocated when created.
	// Default 64 MiB.
	LogSegmentSize int

	// Transport carries the group's Raft traffic to the other replicas (the node's cluster
	// port). Nil: a single-voter group on an in-memory transport, as before clustering.
	Transport raft.Transport
	// Bootstrap is the initial configuration of a new group, used with Transport when the
	// directory has no Raft state: every initial replica bootstraps with the same list. Empty
	// with no state: the replica starts empty and waits for a leader to add it.
	Bootstrap []Replica
	// Raft timing of a multi-replica group (DESIGN.md, "Replication"); zero: the defaults
	// DefaultHeartbeatTimeout, DefaultElectionTimeout, DefaultLeaderLeaseTimeout.
	HeartbeatTimeout time.Duration
	// Adopt lets this replica take over a one-member group of another id: a directory from
	// before the cluster port, or a restored backup (adopt.go).
	Adopt              bool
	ElectionTimeout    time.Duration
	LeaderLeaseTimeout time.Duration

	// ObserveCommit, when set, is told how long each successful commit of a non-empty
	// transaction took (log append, fsync and apply); metrics hang off it.
	ObserveCommit func(time.Duration)

	Logger *slog.Logger

	logHooks *raftlog.Hooks // tests: faults under the log
	// raftCommit keeps a single voter's commits on Raft's goroutines (tests: the old path).
	raftCommit bool
}

func (o *Options) setDefaults() {
	if o.NodeID == "" {
		o.NodeID = "node1"
	}
	if o.CheckpointInterval == 0 {
		o.CheckpointInterval = 60 * time.Second
	}
	if o.MaxDirtyMemory == 0 {
		o.MaxDirtyMemory = 256 << 20
	}
	if o.PageCacheMemory == 0 {
		o.PageCacheMemory = 256 << 20
	}
	if o.LockTimeout == 0 {
		o.LockTimeout = 10 * time.Second
	}
	if o.MaxEntryBytes == 0 {
		o.MaxEntryBytes = 32 << 20
	}
	if o.LogSegmentSize == 0 {
		o.LogSegmentSize = 64 << 20
	}
	if o.MaxTxnMemory == 0 {
		o.MaxTxnMemory = DefaultMaxTxnMemory
	}
	if o.TrailingLogs == 0 {
		o.TrailingLogs = 1024
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.HeartbeatTimeout == 0 {
		o.HeartbeatTimeout = DefaultHeartbeatTimeout
	}
	if o.ElectionTimeout == 0 {
		o.ElectionTimeout = DefaultElectionTimeout
	}
	if o.LeaderLeaseTimeout == 0 {
		o.LeaderLeaseTimeout = DefaultLeaderLeaseTimeout
	}
}

// Tablespace is one replica of a tablespace's Raft group together with its state machine.
type Tablespace struct {
	opts  Options
	log   *slog.Logger
	fsm   *fsm
	locks *lockTable

	raft      *raft.Raft                // nil while commits are direct
	direct    *directLog                // a single voter's commits off Raft's goroutines (direct.go); nil: Raft's
	raftPtr   atomic.Pointer[raft.Raft] // raft, for the log's AsyncIf (called before NewRaft returns)
	logDB     *raftlog.Store
	logs      raft.LogStore // the log cache in front of logDB
	snaps     *snapStore
	transport raft.Transport
	tracker   *trackingTransport // followers' progress; nil for a single voter
	applyWait applyWaiters       // the commits awaitApply waits for (pipeline.go)
	readyTerm atomic.Uint64      // the term in which this replica leads and takes writes
	voters    atomic.Int32       // voters in the latest configuration, as this leader knows it
	// transferring counts the leadership transfers this replica runs (TransferLeadership):
	// while one does, Raft refuses its writes although it still leads.
	transferring atomic.Int32
	verify       verifier
	// verifyHook, in tests, runs at the start of each VerifyLeader round.
	verifyHook func()
	watchDone  chan struct{}

	nextTxn   atomic.Uint64
	serials   sync.Map // serialKey → *serialCounter
	seqs      sync.Map // sequence name → *seqCache (sequence_cache.go)
	gates     sync.Map // table name → *tableGate
	active    sync.Map // txn id → *activeTxn: transactions holding row locks
	closed    atomic.Bool
	closeOnce sync.Once
	stop      chan struct{}
	wake      chan struct{} // an early checkpoint is due
	loopDone  chan struct{}

	statsMu   sync.Mutex
	lastCkpt  checkpointStats
	lastCkptM *checkpoint.Manifest
}

// Open starts (or restarts) a tablespace replica in opts.Dir: Raft restores the newest
// checkpoint and replays the log after it. A single voter (no Transport) returns once it
// leads and has applied every entry it had, so reads see every acknowledged write, and from
// then on commits without Raft's goroutines (direct.go); a replica
// of a multi-replica group returns once started (WaitLeader waits for an election).
func Open(opts Options) (*Tablespace, error) {
	opts.setDefaults()
	if opts.Dir == "" || opts.Name == "" {
		return nil, errors.New("tablespace: Dir and Name are required")
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, err
	}
	hlog := hclog.New(&hclog.LoggerOptions{
		Name: "raft." + opts.Name, Level: hclog.Error, Output: os.Stderr,
	})
	snaps, err := openSnapshotStore(opts.Dir, hlog)
	if err != nil {
		return nil, err
	}
	pages, err := openCurrentStore(opts.Dir, snaps)
	if err != nil {
		return nil, fmt.Errorf("tablespace %s: %w", opts.Name, err)
	}
	cache := opts.PageCache
	if cache == nil {
		cache = checkpoint.NewCache(opts.PageCacheMemory)
	}
	ts := &Tablespace{
		opts:      opts,
		log:       opts.Logger.With("tablespace", opts.Name),
		fsm:       newFSM(pages, cache),
		locks:     newLockTable(),
		stop:      make(chan struct{}),
		wake:      make(chan struct{}, 1),
		loopDone:  make(chan struct{}),
		watchDone: make(chan struct{}),
	}
	ts.fsm.dir = opts.Dir
	ts.fsm.onDirty = ts.dirtyChanged
	ts.fsm.onCheckpoint = ts.checkpointDone
	ts.snaps = &snapStore{FileSnapshotStore: snaps, f: ts.fsm}
	if err := ts.startRaft(hlog, ts.snaps); err != nil {
		ts.shutdownRaft()
		return nil, err
	}
	go ts.checkpointLoop()
	return ts, nil
}

func (ts *Tablespace) startRaft(hlog hclog.Logger, snaps raft.SnapshotStore) error {
	if err := raftlog.MigrateBolt(ts.opts.Dir); err != nil {
		return fmt.Errorf("tablespace %s: %w", ts.opts.Name, err)
	}
	logDB, err := raftlog.Open(filepath.Join(ts.opts.Dir, raftlog.Dir), raftlog.Options{
		SegmentSize: ts.opts.LogSegmentSize, Logger: ts.log, Hooks: ts.opts.logHooks})
	if err != nil {
		return fmt.Errorf("tablespace %s: opening raft log: %w", ts.opts.Name, err)
	}
	ts.logDB = logDB
	if ts.opts.Transport != nil {
		ts.fsm.durable = ts.waitDurable // a single voter's appends are synchronous
	}
	if err := raftlog.DropBehindSnapshot(logDB, snaps); err != nil {
		return fmt.Errorf("tablespace %s: %w", ts.opts.Name, err)
	}
	logs := raftlog.NewCache(1024, logDB)
	ts.logs = logs
	cfg := raft.DefaultConfig()
	cfg.LocalID = raft.ServerID(ts.opts.NodeID)
	cfg.Logger = hlog
	cfg.BatchApplyCh = true // concurrent commits share one append and one fsync
	// The largest group commit. Raft allocates a batch of this capacity for every commit it
	// applies (processLogs), so 1024 cost 8 KiB of zeroed garbage per fsync, a quarter of an
	// insert's CPU (DESIGN.md, "Write path"). A session commits one entry at a time, so
	// 128 still takes every session of the default 100 connections in one fsync.
	cfg.MaxAppendEntries = 128
	cfg.TrailingLogs = ts.opts.TrailingLogs
	// Checkpoints are drove's to schedule (interval and dirty memory), not Raft's.
	cfg.SnapshotThreshold = 1 << 62
	cfg.SnapshotInterval = 24 * time.Hour
	if ts.opts.Transport != nil {
		notify := make(chan bool, 1)
		cfg.NotifyCh = notify
		return ts.startGroup(cfg, logs, snaps, notify)
	}
	close(ts.watchDone) // a single voter needs no leadership watch
	// A single voter elects itself after one heartbeat timeout: keep restarts quick.
	cfg.HeartbeatTimeout = 300 * time.Millisecond
	cfg.ElectionTimeout = 300 * time.Millisecond
	cfg.LeaderLeaseTimeout = 150 * time.Millisecond

	addr, trans := raft.NewInmemTransport(raft.ServerAddress(ts.opts.NodeID))
	ts.transport = trans
	if ts.opts.Adopt {
		if err := ts.adopt(cfg, logs, snaps, addr); err != nil {
			return err
		}
	}
	existing, err := raft.HasExistingState(logs, logDB, snaps)
	if err != nil {
		return err
	}
	if !existing {
		conf := raft.Configuration{Servers: []raft.Server{{ID: cfg.LocalID, Address: addr}}}
		if err := raft.BootstrapCluster(cfg, logs, logDB, snaps, trans, conf); err != nil {
			return fmt.Errorf("tablespace %s: bootstrap: %w", ts.opts.Name, err)
		}
	}
	r, err := raft.NewRaft(cfg, ts.fsm, logs, logDB, snaps, trans)
	if err != nil {
		return fmt.Errorf("tablespace %s: starting raft: %w", ts.opts.Name, err)
	}
	ts.raft = r
	deadline := time.Now().Add(30 * time.Second)
	for r.State() != raft.Leader {
		if time.Now().After(deadline) {
			return fmt.Errorf("tablespace %s: no leadership after 30s", ts.opts.Name)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The barrier returns once every entry before it, including the log replayed after the
	// checkpoint, is applied.
	if err := r.Barrier(0).Error(); err != nil {
		return fmt.Errorf("tablespace %s: replaying log: %w", ts.opts.Name, err)
	}
	if err := ts.abortOrphanChunks(); err != nil {
		return fmt.Errorf("tablespace %s: %w", ts.opts.Name, err)
	}
	if err := ts.startDirect(); err != nil {
		return fmt.Errorf("tablespace %s: %w", ts.opts.Name, err)
	}
	ts.log.Info("tablespace open", "applied_index", ts.fsm.applied.Load(),
		"tables", len(ts.fsm.schemas()))
	return nil
}

// startGroup starts a replica of a multi-replica group on opts.Transport.
func (ts *Tablespace) startGroup(cfg *raft.Config, logs raft.LogStore, snaps raft.SnapshotStore, notify chan bool) error {
	cfg.HeartbeatTimeout = ts.opts.HeartbeatTimeout
	cfg.ElectionTimeout = ts.opts.ElectionTimeout
	cfg.LeaderLeaseTimeout = ts.opts.LeaderLeaseTimeout
	if _, ok := ts.opts.Transport.(raft.WithPreVote); !ok {
		cfg.PreVoteDisabled = true // the tracking wrapper offers pre-votes only by passing them on
	}
	ts.tracker = newTrackingTransport(ts.opts.Transport)
	ts.tracker.durable = ts.logDB.Durable
	ts.transport = ts.tracker
	ts.logDB.SetAsyncIf(ts.asyncLog)
	if ts.opts.Adopt {
		if err := ts.adopt(cfg, logs, snaps, ts.tracker.LocalAddr()); err != nil {
			return err
		}
	}
	existing, err := raft.HasExistingState(logs, ts.logDB, snaps)
	if err != nil {
		return err
	}
	if !existing && len(ts.opts.Bootstrap) > 0 {
		var conf raft.Configuration
		for _, r := range ts.opts.Bootstrap {
			s := raft.Server{ID: raft.ServerID(r.ID), Address: raft.ServerAddress(r.Address), Suffrage: raft.Nonvoter}
			if r.Voter {
				s.Suffrage = raft.Voter
			}
			conf.Servers = append(conf.Servers, s)
		}
		if err := raft.BootstrapCluster(cfg, logs, ts.logDB, snaps, ts.tracker, conf); err != nil {
			return fmt.Errorf("tablespace %s: bootstrap: %w", ts.opts.Name, err)
		}
	}
	r, err := raft.NewRaft(cfg, ts.fsm, logs, ts.logDB, snaps, ts.tracker)
	if err != nil {
		return fmt.Errorf("tablespace %s: starting raft: %w", ts.opts.Name, err)
	}
	ts.raft = r
	ts.raftPtr.Store(r)
	go ts.watchLeadership(notify)
	ts.log.Info("tablespace replica started", "applied_index", ts.fsm.applied.Load(),
		"tables", len(ts.fsm.schemas()), "bootstrap", !existing && len(ts.opts.Bootstrap) > 0)
	return nil
}

// Name is the tablespace's name.
func (ts *Tablespace) Name() string { return ts.opts.Name }

// Logger is the tablespace's logger, for its users' messages about it.
func (ts *Tablespace) Logger() *slog.Logger { return ts.log }

// Closed reports whether Close has begun: the replica takes no more statements.
func (ts *Tablespace) Closed() bool { return ts.closed.Load() }

// Schema returns the schema of a table. The schema is shared and must not be modified.
func (ts *Tablespace) Schema(table string) (*types.Schema, bool) {
	t := ts.fsm.table(table)
	if t == nil {
		return nil, false
	}
	return t.schema, true
}

// Tables returns every table's schema, sorted by name.
func (ts *Tablespace) Tables() []*types.Schema { return ts.fsm.schemas() }

// CreateTable creates a table; ErrTableExists if one has that name.
func (ts *Tablespace) CreateTable(ctx context.Context, s *types.Schema) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if ts.fsm.table(s.Name) != nil {
		return fmt.Errorf("%w: %q", ErrTableExists, s.Name)
	}
	return ts.propose(ctx, &wal.Entry{Kind: wal.KindCreateTable, Schema: types.MarshalSchema(s)})
}

// DropTable drops a table and its rows; ErrNoTable if there is none.
func (ts *Tablespace) DropTable(ctx context.Context, name string) error {
	if err := ts.writable(); err != nil {
		return err
	}
	err := ts.closingGate(ctx, name, func() error {
		if ts.fsm.table(name) == nil {
			return fmt.Errorf("%w: %q", ErrNoTable, name)
		}
		return ts.propose(ctx, &wal.Entry{Kind: wal.KindDropTable, Table: name})
	})
	if err != nil {
		return err
	}
	if err := ts.dropOwnedSequences(ctx, name); err != nil {
		return err
	}
	// Its comments go after it, as its sequences do (comment.go).
	return ts.DropCommentsIn(ctx, nil, name)
}

// Checkpoint takes a checkpoint now and returns when it is durable and the log is truncated.
func (ts *Tablespace) Checkpoint(ctx context.Context) error {
	if ts.closed.Load() {
		return ErrClosed
	}
	done := make(chan error, 1)
	if d := ts.direct; d != nil {
		go func() { done <- d.checkpoint() }()
	} else {
		go func() { done <- ts.raft.Snapshot().Error() }()
	}
	select {
	case err := <-done:
		if errors.Is(err, raft.ErrNothingNewToSnapshot) {
			return nil
		}
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (ts *Tablespace) dirtyChanged(bytes int64) {
	if bytes > ts.opts.MaxDirtyMemory {
		select {
		case ts.wake <- struct{}{}:
		default:
		}
	}
}

func (ts *Tablespace) checkpointDone(m *checkpoint.Manifest, st checkpointStats) {
	ts.statsMu.Lock()
	ts.lastCkpt, ts.lastCkptM = st, m
	ts.statsMu.Unlock()
	ts.log.Info("checkpoint", "seq", m.Seq, "raft_index", m.RaftIndex, "records", st.Records,
		"pages_written", st.PagesWritten, "bytes", st.Bytes, "pages_removed", st.PagesRemoved,
		"duration", st.Duration)
}

// checkpointLoop takes the periodic checkpoints and the early ones dirty memory asks for.
func (ts *Tablespace) checkpointLoop() {
	defer close(ts.loopDone)
	var tick <-chan time.Time
	if ts.opts.CheckpointInterval > 0 {
		t := time.NewTicker(ts.opts.CheckpointInterval)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ts.stop:
			return
		case <-tick:
		case <-ts.wake:
		}
		if err := ts.Checkpoint(context.Background()); err != nil &&
			!errors.Is(err, errCheckpointRunning) && !errors.Is(err, errChunksPending) && !errors.Is(err, ErrClosed) {
			ts.log.Error("checkpoint failed", "err", err)
		}
	}
}

// Stats is a point-in-time summary of the tablespace for status and metrics.
type Stats struct {
	AppliedIndex       uint64
	ApplyLag           uint64 // log entries stored but not yet applied
	DirtyBytes         int64
	Tables             int
	LastCheckpointSeq  uint64
	LastCheckpointTime time.Duration
	LastCheckpointSize int64
	Leader             bool
	DiskFull           bool   // writes are refused (53100) until the log's disk has room again
	LogAppends         uint64 // fsynced appends to the log
	LogEntries         uint64 // entries those appends carried (entries/appends = group commit)
	OldVersions        int64  // replaced row images kept for pinned snapshots
	OldVersionBytes    int64  // their estimated memory
	PinnedSnapshots    int64  // readers holding a snapshot (statements, REPEATABLE READ transactions)
}

// Stats returns the current Stats.
func (ts *Tablespace) Stats() Stats {
	ts.statsMu.Lock()
	st := Stats{LastCheckpointTime: ts.lastCkpt.Duration, LastCheckpointSize: ts.lastCkpt.Bytes}
	if ts.lastCkptM != nil {
		st.LastCheckpointSeq = ts.lastCkptM.Seq
	}
	ts.statsMu.Unlock()
	st.AppliedIndex = ts.fsm.applied.Load()
	st.DirtyBytes = ts.fsm.dirtyMem.Load()
	st.OldVersions, st.OldVersionBytes = ts.OldVersions()
	st.PinnedSnapshots = ts.fsm.snaps.readers.Load()
	st.Tables = len(ts.fsm.schemas())
	st.Leader = ts.raft != nil && ts.raft.State() == raft.Leader
	if d := ts.direct; d != nil {
		st.Leader = !ts.closed.Load()
		if last, applied := d.lastIndex(), d.appliedIndex(); last > applied {
			st.ApplyLag = last - applied
		}
	}
	if ts.raft != nil {
		// Raft's applied index also covers the no-op entry each new leader appends, which
		// never reaches the FSM; counting from the FSM's alone would report it as lag
		// forever. (Raft's runs ahead of the FSM's while a batch is being applied.)
		applied := max(st.AppliedIndex, ts.raft.AppliedIndex())
		if last := ts.raft.LastIndex(); last > applied {
			st.ApplyLag = last - applied
		}
	}
	if ts.logDB != nil {
		st.LogAppends, st.LogEntries = ts.logDB.Stats()
		st.DiskFull = ts.logDB.Full()
	}
	return st
}

// Close takes a final checkpoint, so the next start replays nothing, and stops the replica.
func (ts *Tablespace) Close() error {
	var err error
	ts.closeOnce.Do(func() {
		close(ts.stop)
		<-ts.loopDone
		ts.returnSequenceBlocks()
		if cerr := ts.Checkpoint(context.Background()); cerr != nil {
			ts.log.Warn("final checkpoint failed; the log will be replayed at next start", "err", cerr)
		}
		ts.closed.Store(true)
		err = ts.shutdownRaft()
		if ts.raft != nil {
			<-ts.watchDone // after the shutdown, which ends any barrier it waits for
		}
		// The cache may be the node's, shared with other tablespaces: free this one's pages.
		ts.fsm.cache.RemoveStore(ts.fsm.pages)
	})
	return err
}

// Abandon stops the replica the way a killed process leaves it on disk: no final checkpoint,
// so the next Open restores the last checkpoint and replays the log after it, as after a
// kill -9. Raft is shut down (which writes nothing) and the files are closed, so the same
// process can open the directory again. It is for crash-recovery tests of what embeds a
// tablespace (the server's in-process kill); a real shutdown is Close.
func (ts *Tablespace) Abandon() error {
	var err error
	ts.closeOnce.Do(func() {
		close(ts.stop)
		<-ts.loopDone // a checkpoint already running ends: a kill could as well come after it
		ts.closed.Store(true)
		err = ts.shutdownRaft()
		if ts.raft != nil {
			<-ts.watchDone
		}
		ts.fsm.cache.RemoveStore(ts.fsm.pages)
	})
	return err
}

func (ts *Tablespace) shutdownRaft() error {
	var errs []error
	if ts.raft != nil {
		errs = append(errs, ts.raft.Shutdown().Error())
	}
	if ts.direct != nil {
		ts.direct.close() // before the log closes under an append
	}
	if c, ok := ts.transport.(io.Closer); ok {
		errs = append(errs, c.Close())
	}
	if ts.logDB != nil {
		errs = append(errs, ts.logDB.Close())
	}
	return errors.Join(errs...)
}

// TableStats describes one table's share of the tablespace.
type TableStats struct {
	Name       string
	Rows       int   // rows in the committed state
	DirtyBytes int64 // changed records not yet in a checkpoint's pages
	Pages      int   // data pages holding some of its rows
	OldBytes   int64 // replaced row images kept for pinned snapshots (estimate)
}

// TableStats returns every table's TableStats, sorted by name.
func (ts *Tablespace) TableStats() []TableStats {
	f := ts.fsm
	f.mu.RLock()
	out := make([]TableStats, 0, len(f.tables))
	for name, t := range f.tables {
		if isInternalTable(name) {
			continue
		}
		t.mu.RLock()
		out = append(out, TableStats{Name: name, Rows: t.pk.len(), DirtyBytes: t.dirtyMem, Pages: len(t.pages),
			OldBytes: t.oldMem})
		t.mu.RUnlock()
	}
	f.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// TableRows returns the number of rows of table name in the committed state, for the SQL
// planner's estimates; false if there is no such table.
func (ts *Tablespace) TableRows(name string) (int, bool) {
	f := ts.fsm
	f.mu.RLock()
	defer f.mu.RUnlock()
	t, ok := f.tables[name]
	if !ok {
		return 0, false
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.pk.len(), true
}

// activeTxn is a transaction that holds row locks, as systransactions lists it.
type activeTxn struct {
	id      uint64
	started time.Time // when it took its first lock
}

// TxnInfo describes an open transaction that has written or locked rows.
type TxnInfo struct {
	ID      uint64
	Started time.Time
}

// ActiveTransactions lists the transactions holding row locks, oldest first. Read-only
// transactions take no locks and are not listed.
func (ts *Tablespace) ActiveTransactions() []TxnInfo {
	var out []TxnInfo
	ts.active.Range(func(_, v any) bool {
		a := v.(*activeTxn)
		out = append(out, TxnInfo{ID: a.id, Started: a.started})
		return true
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Started.Before(out[j].Started) })
	return out
}
