package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hashicorp/raft"
)

// The leader's log append in parallel with replication (DESIGN.md, "Replication", and
// internal/raftlog's async.go). On the leader of a group of several voters the log buffers
// Raft's appends and fsyncs them in the background, so Raft may count the leader's copy, and
// commit, before it is durable. Nothing observes such an entry:
//   - the state machine applies an entry only once the local log is durable up to it
//     (fsm.durable = waitDurable): commits are answered after the apply, and reads, locks
//     and checkpoints see only applied state;
//   - the commit index sent to followers is capped at the leader's durable index
//     (trackingTransport.capCommit), so followers apply only what is on the leader's disk;
//   - a membership change is answered once the leader's log holds it durably.
// A background append that fails fails the commits waiting for it with ErrOutcomeUnknown (the
// followers may have committed the entry) and makes Raft's next append fail, so it steps down.

// asyncLog is the log's AsyncIf. hashicorp/raft (v1.7.3) calls StoreLogs only from its main
// goroutine — dispatchLogs as leader, appendEntries as follower — and that goroutine is the
// only one that changes its state (Shutdown aside, after which nothing is stored), so the state
// read here is the one the append is made in. A single voter keeps synchronous appends.
func (ts *Tablespace) asyncLog() bool {
	r := ts.raftPtr.Load()
	return r != nil && ts.voters.Load() > 1 && r.State() == raft.Leader
}

// waitDurable is the state machine's wait for the log to be durable up to index. It reports
// false only when that will not happen in this run: the log was closed, or the tablespace is
// closing while the log's background appends fail.
func (ts *Tablespace) waitDurable(index uint64) bool {
	if ts.logDB.Durable() >= index {
		return true
	}
	if ts.logDB.WaitDurable(index, ts.stop, false) == nil {
		return true
	}
	if ts.logDB.Failed() != nil {
		return false
	}
	return ts.logDB.WaitDurable(index, nil, false) == nil // closing, and the fsync ends soon
}

// unsettledError is a commit's error returned before its entry was settled (applied or
// refused by Raft): the transaction's locks must be held until settled closes, since the
// entry may still apply.
type unsettledError struct {
	err     error
	settled <-chan struct{}
}

func (e *unsettledError) Error() string { return e.err.Error() }
func (e *unsettledError) Unwrap() error { return e.err }

// awaitApply waits for f. On a group whose leader appends in the background, a failure of
// that append ends the wait at once with an unsettledError wrapping ErrOutcomeUnknown.
func (ts *Tablespace) awaitApply(f raft.ApplyFuture) error {
	if ts.opts.Transport == nil || ts.voters.Load() <= 1 {
		return f.Error()
	}
	failing := ts.logDB.Failing()
	p := &pendingApply{f: f, done: make(chan struct{})}
	ts.applyWait.add(p)
	select {
	case <-p.done:
		return p.err
	case <-failing:
		select {
		case <-p.done: // it settled after all
			return p.err
		default:
		}
		return &unsettledError{
			err:     fmt.Errorf("%w: the leader's log append failed: %v", ErrOutcomeUnknown, ts.logDB.Failed()),
			settled: p.done,
		}
	}
}

// pendingApply is a commit waiting for its Raft future: done closes once f.Error() returned
// (into err).
type pendingApply struct {
	f    raft.ApplyFuture
	err  error
	done chan struct{}
}

// applyWaiters waits for the futures of a leader's commits on behalf of their sessions, so a
// session can also watch the log's failure (awaitApply) without a goroutine of its own per
// commit. One goroutine runs while commits are queued and waits for them in turn: the leader's
// state machine answers futures in log order, a whole applied batch at once, so after the
// first of a batch the others are already answered. Each commit then costs its session one
// wakeup, and the batch one for the waiter, where a goroutine per commit cost a goroutine start
// and a second wakeup per commit (DESIGN.md, "CPU per replicated update"). A future queued
// behind one answered later waits for it: within a batch or two, since the leader answers in
// log order; on a failing log the sessions do not wait for either (awaitApply).
type applyWaiters struct {
	mu      sync.Mutex
	queue   []*pendingApply
	next    int // queue[next:] are still to wait for
	running bool
}

// maxKeptWaiters is the largest queue whose memory applyWaiters keeps for the next commits.
const maxKeptWaiters = 1024

// add queues p; a waiter goroutine is started if none runs.
func (w *applyWaiters) add(p *pendingApply) {
	w.mu.Lock()
	w.queue = append(w.queue, p)
	start := !w.running
	w.running = true
	w.mu.Unlock()
	if start {
		go w.run()
	}
}

// run waits for the queued futures until the queue is empty, then ends.
func (w *applyWaiters) run() {
	for {
		w.mu.Lock()
		if w.next == len(w.queue) {
			w.running = false
			w.queue, w.next = w.queue[:0], 0
			if cap(w.queue) > maxKeptWaiters {
				w.queue = nil // do not keep a burst's backing array
			}
			w.mu.Unlock()
			return
		}
		p := w.queue[w.next]
		w.queue[w.next] = nil
		w.next++
		if w.next >= 64 && 2*w.next >= len(w.queue) {
			// A queue that never empties under load: move the rest to the front, so the
			// array does not grow with every commit.
			n := copy(w.queue, w.queue[w.next:])
			clear(w.queue[n:])
			w.queue, w.next = w.queue[:n], 0
		}
		w.mu.Unlock()
		p.err = p.f.Error()
		close(p.done)
	}
}

// awaitDurable waits until the local log is durable up to index (a membership change Raft
// reported committed), failing if the log's background appends fail.
func (ts *Tablespace) awaitDurable(ctx context.Context, index uint64) error {
	if ts.logDB.Durable() >= index {
		return nil
	}
	err := ts.logDB.WaitDurable(index, ctx.Done(), true)
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return fmt.Errorf("%w: the leader's log append failed: %v", ErrOutcomeUnknown, err)
}

// settledLater reports the channel an unsettled commit error says to wait for, if any.
func settledLater(err error) <-chan struct{} {
	if err == nil {
		return nil // (errors.As would still allocate u)
	}
	var u *unsettledError
	if errors.As(err, &u) {
		return u.settled
	}
	return nil
}
