package raftlog

import (
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/raft"
)

// ErrClosed: the store was closed while a caller waited for it.
var ErrClosed = errors.New("raftlog: the log is closed")

// Background appends (the Raft thesis, §10.2.1: a leader may write its log in parallel with
// replicating it). hashicorp/raft's leader stores a batch (one fsync) before its replicators
// send it, so a commit cost the leader's fsync, then a follower's fsync and a round trip, one
// after the other. When the owner's AsyncIf says so at a StoreLogs call — a leader of a group
// with more than one voter — StoreLogs only buffers the batch: it is readable at once (GetLog,
// LastIndex), and a writer goroutine appends and fsyncs everything buffered in one raft-wal
// append (a group commit). Durable reports how far the log is on disk.
//
// Raft counts the leader's copy as soon as StoreLogs returns, so it may commit an entry that is
// durable only on followers. That is safe because nothing observes such an entry before the
// leader's copy is durable too; the owner (package tablespace) arranges it:
//   - its state machine applies an entry only once Durable reaches it (WaitDurable), so a
//     commit is acknowledged, and a read sees its effects, only with the leader's copy on disk;
//   - the commit index it sends followers is capped at the leader's Durable, so a follower
//     applies only entries on the leader's disk and its own;
//
// together: whatever anyone observed is durable on the leader and on the followers Raft counted,
// a quorum. A leader that crashes before its fsync loses only entries nobody observed; Raft may
// then elect a replica without them (the restarted leader votes for it), which is fine for an
// entry no replica applied and no client was told about.
//
// Ordering: a StoreLogs that does not buffer (a follower's, or any once the leader stepped
// down) first waits until everything buffered is written, and so do DeleteRange and Close, so
// the log on disk is always a prefix of the log Raft sees. A follower therefore acknowledges
// only entries on its disk. A failed background append (raft-wal rolls it back) is retried,
// whole, after a pause, with the full-disk guard of a synchronous append; until a retry
// succeeds, every StoreLogs fails with its error (Raft steps down, and its commits fail) and
// WaitDurable callers that asked for it get the error. Nothing is acknowledged meanwhile: the
// durable index does not move.

// maxWriteBytes bounds one background append (at least one entry is always written).
const maxWriteBytes = 64 << 20

// retryPause is the wait before a failed background append is tried again.
const retryPause = 20 * time.Millisecond

// SetAsyncIf installs the test StoreLogs asks, on every call, whether to buffer the batch and
// write it in the background. It must be answered consistently with the caller of StoreLogs
// (hashicorp/raft calls StoreLogs from its own goroutine, which is also the one that changes its
// state). nil (the default) keeps every append synchronous. Call it before the log is used.
func (g *Store) SetAsyncIf(f func() bool) { g.asyncIf = f }

// Durable is the index up to which the log is on disk: every entry at or below it is durable.
func (g *Store) Durable() uint64 { return g.durable.Load() }

// Failed is the error of the last background append while it is not retried successfully.
func (g *Store) Failed() error {
	g.pmu.Lock()
	defer g.pmu.Unlock()
	return g.failErr
}

// Failing returns a channel that is closed while a background append is failing (at once if
// one is now).
func (g *Store) Failing() <-chan struct{} {
	g.pmu.Lock()
	defer g.pmu.Unlock()
	return g.failCh
}

// WaitDurable waits until Durable reaches index. It returns ErrClosed once the store is
// closed, errStop's error when stop closes, and, if failFast, the error of a failed background
// append as soon as there is one (the entry may still become durable when a retry succeeds).
func (g *Store) WaitDurable(index uint64, stop <-chan struct{}, failFast bool) error {
	for {
		if g.durable.Load() >= index {
			return nil
		}
		g.pmu.Lock()
		ch, err := g.changed, g.failErr
		closed := g.closed
		g.changedTaken = true
		g.pmu.Unlock()
		switch {
		case g.durable.Load() >= index:
			return nil
		case closed:
			return ErrClosed
		case failFast && err != nil:
			return err
		}
		select {
		case <-ch:
		case <-stop:
			return ErrClosed
		}
	}
}

// notifyLocked wakes every WaitDurable caller; g.pmu is held. Without one (a single voter's
// appends) it allocates nothing.
func (g *Store) notifyLocked() {
	if !g.changedTaken {
		return
	}
	close(g.changed)
	g.changed = make(chan struct{})
	g.changedTaken = false
}

// pendingLast is the last buffered index, 0 if none; g.pmu is held.
func (g *Store) pendingLast() uint64 {
	if n := len(g.pending); n > 0 {
		return g.pending[n-1].Index
	}
	return 0
}

// storeAsync buffers logs for the writer goroutine.
func (g *Store) storeAsync(logs []*raft.Log) error {
	if len(logs) == 0 {
		return nil
	}
	g.pmu.Lock()
	defer g.pmu.Unlock()
	if g.failErr != nil {
		return g.failErr
	}
	if g.closed {
		return ErrClosed
	}
	// raft-wal refuses a gap when the entries are written, which would wedge the writer: check
	// here what can be (the leader appends after its last index, so never a gap in practice).
	if prev := g.pendingLast(); prev != 0 && logs[0].Index != prev+1 {
		return fmt.Errorf("raftlog: non-contiguous append: %d after %d", logs[0].Index, prev)
	}
	g.pending = append(g.pending, logs...)
	select {
	case g.kick <- struct{}{}:
	default:
	}
	return nil
}

// writeLoop appends what StoreLogs buffered, all of it at once, until Close.
func (g *Store) writeLoop() {
	defer close(g.writerDone)
	for {
		select {
		case <-g.kick:
		case <-g.stopWriter:
			return
		}
		for g.writePending() {
		}
	}
}

// writePending appends the buffered entries (up to maxWriteBytes) and reports whether it
// should be called again: more are buffered, or the append failed and is to be retried.
func (g *Store) writePending() bool {
	g.pmu.Lock()
	n, size := 0, 0
	for n < len(g.pending) && (n == 0 || size < maxWriteBytes) {
		size += len(g.pending[n].Data)
		n++
	}
	batch := g.pending[:n:n]
	g.pmu.Unlock()
	if n == 0 {
		return false
	}
	if err := g.storeTraced(batch); err != nil {
		g.pmu.Lock()
		if g.failErr == nil {
			close(g.failCh)
			g.log.Error("background log append failed; refusing appends until a retry succeeds", "dir", g.dir, "err", err)
		}
		g.failErr = err
		g.notifyLocked()
		g.pmu.Unlock()
		select {
		case <-g.stopWriter:
			return false
		case <-time.After(retryPause):
		}
		return true
	}
	g.pmu.Lock()
	if g.failErr != nil {
		g.log.Info("background log append succeeded again", "dir", g.dir)
		g.failErr = nil
		g.failCh = make(chan struct{})
	}
	if n == len(g.pending) {
		clear(g.pending)
		g.pending = g.pending[:0]
	} else {
		clear(g.pending[:n])
		g.pending = g.pending[n:]
	}
	more := len(g.pending) > 0
	g.notifyLocked()
	g.pmu.Unlock()
	return more
}

// flush waits until every entry buffered so far is durable, or returns the error of the
// failed background append.
func (g *Store) flush() error {
	g.pmu.Lock()
	last := g.pendingLast()
	g.pmu.Unlock()
	if last == 0 {
		return nil
	}
	return g.WaitDurable(last, nil, true)
}

// getPending looks index up among the buffered entries.
func (g *Store) getPending(index uint64, out *raft.Log) bool {
	g.pmu.Lock()
	defer g.pmu.Unlock()
	n := len(g.pending)
	if n == 0 {
		return false
	}
	first := g.pending[0].Index
	if index < first || index > g.pending[n-1].Index {
		return false
	}
	*out = *g.pending[index-first]
	return true
}

// bufferedRange is the first and last buffered index (0, 0 if none).
func (g *Store) bufferedRange() (first, last uint64) {
	g.pmu.Lock()
	defer g.pmu.Unlock()
	if n := len(g.pending); n > 0 {
		return g.pending[0].Index, g.pending[n-1].Index
	}
	return 0, 0
}
