package tablespace

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/raft"
)

// The single voter's direct commit (DESIGN.md, "A single voter's commit off Raft's
// goroutines"). A tablespace without a Transport is a group of one voter that can never gain
// another (AddReplica refuses), so once Open has replayed the log through Raft and its barrier
// has applied everything, Raft is shut down and commits are made on the committing goroutines:
// the entry is appended to the same log store with the index and term Raft would have given it,
// one fsync for all the sessions queued meanwhile (group commit), and applied to the state
// machine in log order. Checkpoints go through the same snapshot store with the index, term
// and configuration Raft had, and truncate the log as Raft's compaction does, so the next Open
// (or an adoption onto a cluster port) starts Raft on a log and snapshots it could have
// written itself. Nothing hands back to Raft while the tablespace is open.

// maxDirectBatch is the most entries one fsync carries, as Raft's MaxAppendEntries.
const maxDirectBatch = 128

// errSingleVoter refuses membership changes of a tablespace without a cluster transport.
var errSingleVoter = errors.New("tablespace: a tablespace without a cluster transport has exactly one replica")

type directLog struct {
	ts        *Tablespace
	conf      raft.Configuration // the group's configuration: this voter alone
	confIndex uint64             // the index of the entry (or snapshot) it comes from
	term      uint64             // Raft's current term: every entry is written in it

	mu      sync.Mutex
	idle    sync.Cond    // signalled when writing ends
	queue   []*directReq // committers waiting for the next append
	writing bool         // a committer leads: it appends, then hands the lead on
	closed  bool         // no more appends
	last    uint64       // the last index in the log
	pool    sync.Pool    // *directReq

	applyMu     sync.Mutex // the state machine's turn: appends are applied in log order
	appliedIdx  uint64     // the last index applied (no-ops and barriers too), under applyMu
	appliedTerm uint64

	ckptMu   sync.Mutex // one checkpoint at a time, as Raft's snapshot goroutine
	ckptDone bool       // closed: no more checkpoints; under ckptMu
}

// directReq is one committer's entry and its answer.
type directReq struct {
	log   *raft.Log
	err   error // the append's error or the state machine's verdict
	lead  bool  // woken to lead the next append, not with its answer
	wake  chan struct{}
	batch []*directReq // the leader's scratch
	logs  []*raft.Log
}

// startDirect shuts Raft down and makes commits direct, if this tablespace qualifies: no
// Transport, Raft leading a configuration of this node alone, everything in the log applied.
// Otherwise Raft stays and nothing changes.
func (ts *Tablespace) startDirect() error {
	r := ts.raft
	if ts.opts.Transport != nil || ts.opts.raftCommit || r.State() != raft.Leader {
		return nil
	}
	cf := r.GetConfiguration()
	if err := cf.Error(); err != nil {
		return err
	}
	conf := cf.Configuration()
	if len(conf.Servers) != 1 || conf.Servers[0].Suffrage != raft.Voter || string(conf.Servers[0].ID) != ts.opts.NodeID {
		return nil
	}
	term, last := r.CurrentTerm(), r.LastIndex()
	// Open's barrier was answered once the state machine applied it; Raft's own applied
	// index moves just after (processLogs hands the batch over, then records it).
	for deadline := time.Now().Add(5 * time.Second); r.AppliedIndex() != last; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) || r.LastIndex() != last {
			return nil // not quiet (cannot happen after Open's barrier): keep Raft
		}
	}
	if err := r.Shutdown().Error(); err != nil {
		return err
	}
	// Raft keeps its configuration's index private: find it as Raft did at start (nothing
	// changed it since, as nothing but Open's barrier was appended).
	latest, confIndex, err := latestConfiguration(ts.logs, ts.snaps)
	if err != nil {
		return fmt.Errorf("reading the configuration: %w", err)
	}
	if confIndex == 0 || !slices.Equal(latest.Servers, conf.Servers) {
		return fmt.Errorf("the configuration in the log (%v at %d) is not raft's (%v)", latest.Servers, confIndex, conf.Servers)
	}
	var l raft.Log
	if err := ts.logs.GetLog(last, &l); err != nil {
		return fmt.Errorf("reading the last log entry %d: %w", last, err)
	}
	if l.Term > term {
		return fmt.Errorf("log entry %d has term %d past raft's %d", last, l.Term, term)
	}
	d := &directLog{ts: ts, conf: conf, confIndex: confIndex, term: term, last: last,
		appliedIdx: last, appliedTerm: l.Term}
	d.idle.L = &d.mu
	d.pool.New = func() any { return &directReq{wake: make(chan struct{}, 1)} }
	ts.raft = nil
	ts.direct = d
	return nil
}

// commit appends data as a command entry, durably, and applies it; the result is the state
// machine's verdict, or why the entry is certainly not in the log.
func (d *directLog) commit(data []byte) error {
	r := d.pool.Get().(*directReq)
	r.log = &raft.Log{Type: raft.LogCommand, Data: data} // the log cache keeps it: never reused
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		d.pool.Put(r)
		return ErrClosed
	}
	d.queue = append(d.queue, r)
	if d.writing {
		d.mu.Unlock()
		<-r.wake
		if !r.lead {
			return d.answer(r)
		}
		r.lead = false
		d.mu.Lock()
	}
	d.writing = true
	d.lead(r) // unlocks d.mu
	return d.answer(r)
}

func (d *directReq) reset() {
	clear(d.batch)
	clear(d.logs)
	d.batch, d.logs, d.log = d.batch[:0], d.logs[:0], nil
}

func (d *directLog) answer(r *directReq) error {
	err := r.err
	r.err = nil
	r.reset()
	d.pool.Put(r)
	return err
}

// lead appends the queued entries (up to maxDirectBatch) with one fsync, hands the lead to the
// next queued committer if any, applies the entries and answers their committers. Called with
// d.mu held by the committer me, whose entry is in the queue; returns with it released.
func (d *directLog) lead(me *directReq) {
	n := min(len(d.queue), maxDirectBatch)
	batch := append(me.batch[:0], d.queue[:n]...)
	rest := copy(d.queue, d.queue[n:])
	clear(d.queue[rest:])
	d.queue = d.queue[:rest]
	idx := d.last
	d.mu.Unlock()

	now := time.Now()
	logs := me.logs[:0]
	for _, r := range batch {
		idx++
		r.log.Index, r.log.Term, r.log.AppendedAt = idx, d.term, now
		logs = append(logs, r.log)
	}
	me.batch, me.logs = batch, logs
	err := d.ts.logs.StoreLogs(logs)

	// Take the state machine's turn before the next leader can append: applies stay in log
	// order while its fsync runs alongside this apply.
	d.applyMu.Lock()
	d.mu.Lock()
	if err == nil {
		d.last = idx
	} // else raft-wal rolled the append back: the next one rewrites these indexes
	if len(d.queue) > 0 {
		next := d.queue[0]
		next.lead = true
		next.wake <- struct{}{}
	} else {
		d.writing = false
		d.idle.Broadcast()
	}
	d.mu.Unlock()

	if err != nil {
		d.applyMu.Unlock()
		err = d.appendError(err)
		for _, r := range batch {
			r.err = err
		}
	} else {
		res := d.ts.fsm.ApplyBatch(logs)
		d.appliedIdx, d.appliedTerm = idx, d.term
		d.applyMu.Unlock()
		for i, r := range batch {
			r.err, _ = res[i].(error)
		}
	}
	for _, r := range batch {
		if r != me {
			r.wake <- struct{}{}
		}
	}
}

// appendError is what a failed append means to its committers: the entries are not in the
// log (raft-wal rolled the append back), as when Raft refused them.
func (d *directLog) appendError(err error) error {
	if lerr := d.ts.logDB.Writable(); lerr != nil {
		return lerr
	}
	return fmt.Errorf("tablespace %s: log append: %w", d.ts.opts.Name, err)
}

// lastIndex is the log's last index: appended, not necessarily applied yet.
func (d *directLog) lastIndex() uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.last
}

// appliedIndex is the last index applied, no-ops included (Raft's AppliedIndex).
func (d *directLog) appliedIndex() uint64 {
	d.applyMu.Lock()
	defer d.applyMu.Unlock()
	return d.appliedIdx
}

// close refuses further commits and waits for the append and apply in progress.
func (d *directLog) close() {
	d.mu.Lock()
	d.closed = true
	for d.writing {
		d.idle.Wait()
	}
	d.mu.Unlock()
	d.applyMu.Lock()
	//lint:ignore SA2001 waits for the last batch's apply, which runs after writing ends
	d.applyMu.Unlock()
	d.ckptMu.Lock() // and for a checkpoint's truncation of the log
	d.ckptDone = true
	d.ckptMu.Unlock()
}

// checkpoint is Raft's takeSnapshot and compactLogs: the state machine's snapshot taken
// between two applies, persisted through the snapshot store with the applied index and term
// and the configuration, then the log truncated behind it, keeping TrailingLogs entries.
func (d *directLog) checkpoint() error {
	d.ckptMu.Lock()
	defer d.ckptMu.Unlock()
	if d.ckptDone {
		return ErrClosed
	}
	ts := d.ts
	d.applyMu.Lock()
	index, term := d.appliedIdx, d.appliedTerm
	snap, err := ts.fsm.Snapshot()
	d.applyMu.Unlock()
	if err != nil {
		return fmt.Errorf("failed to start snapshot: %w", err)
	}
	defer snap.Release()
	sink, err := ts.snaps.Create(raft.SnapshotVersionMax, index, term, d.conf, d.confIndex, ts.transport)
	if err != nil {
		return fmt.Errorf("failed to create snapshot: %w", err)
	}
	if err := snap.Persist(sink); err != nil {
		sink.Cancel()
		return fmt.Errorf("failed to persist snapshot: %w", err)
	}
	if err := sink.Close(); err != nil {
		return fmt.Errorf("failed to close snapshot: %w", err)
	}
	return d.compact(index)
}

// compact deletes the log up to index, keeping the last TrailingLogs entries (Raft's
// compactLogsWithTrailing).
func (d *directLog) compact(index uint64) error {
	first, err := d.ts.logs.FirstIndex()
	if err != nil {
		return fmt.Errorf("failed to get first log index: %w", err)
	}
	last, trailing := d.lastIndex(), d.ts.opts.TrailingLogs
	if last <= trailing {
		return nil
	}
	upTo := min(index, last-trailing)
	if first > upTo {
		return nil
	}
	if err := d.ts.logs.DeleteRange(first, upTo); err != nil {
		return fmt.Errorf("log compaction failed: %w", err)
	}
	return nil
}

// replicas is Replicas of a direct tablespace: this voter alone, leading.
func (d *directLog) replicas() []ReplicaState {
	s := d.conf.Servers[0]
	last := d.lastIndex()
	rs := ReplicaState{
		Replica: Replica{ID: string(s.ID), Address: string(s.Address), Voter: true},
		Leader:  true, Self: true, MatchIndex: last, AppliedIndex: d.ts.fsm.applied.Load(), LagKnown: true,
	}
	rs.LagEntries, rs.Lag = d.ts.lagAfter(max(rs.AppliedIndex, d.appliedIndex()), last, time.Now())
	return []ReplicaState{rs}
}
