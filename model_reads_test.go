package drove_test

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mt "github.com/drovedb/drove/internal/modeltest"
)

var modelReaders = flag.Int("model.readers", 2, "goroutines of TestModel that read while its steps run (0: none)")

// modelReads are TestModel's concurrent readers. While the writer runs its steps, each reader
// runs read statements (mt.Read) and checks that the answer is the model's answer in one of
// the states that were current while the statement ran: from the last one published before
// it started to the one the step running when it ended makes. Every statement reads one
// snapshot, so a read that sees a commit partly — a state no step left — fails the test.
//
// The writer numbers states: states[0] is the state after the setup, states[k] after step
// k-1. It sets started to k before it runs step k-1 and publishes states[k] after the model
// applied it. A reader reads lo = the last state published, runs its statement, then hi =
// started: the node was in a state from lo to hi throughout.
type modelReads struct {
	h    *modelHarness
	node sync.RWMutex // a statement holds it shared; a step that closes a node or a tablespace alone

	mu      sync.Mutex
	states  []*mt.Model // states[i] is state base+i; those no running read needs are dropped
	base    int
	active  map[int]int // lo of the running reads → how many
	started atomic.Int64

	stop   chan struct{}
	wg     sync.WaitGroup
	failed atomic.Pointer[string]
	reads  atomic.Int64 // answers checked
	spans  atomic.Int64 // of which ran across at least one step
	gone   atomic.Int64 // statements refused because what they read went away
}

// startReads publishes the state after the setup and starts n readers.
func (h *modelHarness) startReads(n int) *modelReads {
	if n <= 0 {
		return nil
	}
	rd := &modelReads{h: h, active: map[int]int{}, stop: make(chan struct{})}
	rd.publish(h.m)
	for i := range n {
		g := mt.NewReadGen(h.seed, uint64(i))
		rd.wg.Add(1)
		go func() {
			defer rd.wg.Done()
			for !rd.stopped() && rd.failed.Load() == nil {
				rd.once(g)
			}
		}()
	}
	return rd
}

// stopReads ends the readers and waits for them.
func (rd *modelReads) stopReads() {
	if rd == nil {
		return
	}
	select {
	case <-rd.stop:
	default:
		close(rd.stop)
	}
	rd.wg.Wait()
}

func (rd *modelReads) stopped() bool {
	select {
	case <-rd.stop:
		return true
	default:
		return false
	}
}

// err is the first wrong answer a reader saw.
func (rd *modelReads) err() error {
	if rd == nil {
		return nil
	}
	if s := rd.failed.Load(); s != nil {
		return fmt.Errorf("%s", *s)
	}
	return nil
}

// starting marks the step about to run: its state is the next one.
func (rd *modelReads) starting() {
	if rd == nil {
		return
	}
	rd.mu.Lock()
	rd.started.Store(int64(rd.base + len(rd.states)))
	rd.mu.Unlock()
}

// exclusive runs a step that closes the node or a tablespace with no statement running.
func (rd *modelReads) exclusive(op mt.Op, fn func() error) error {
	if rd == nil {
		return fn()
	}
	switch op.Kind {
	case mt.Restart, mt.Crash, mt.DropSpace:
		rd.node.Lock()
		defer rd.node.Unlock()
	}
	return fn()
}

// publish adds the model's state after the step that just ran, dropping states no reader
// needs.
func (rd *modelReads) publish(m *mt.Model) {
	if rd == nil {
		return
	}
	c := m.Clone()
	rd.mu.Lock()
	defer rd.mu.Unlock()
	rd.states = append(rd.states, c)
	keep := rd.base + len(rd.states) - 1
	for lo := range rd.active {
		keep = min(keep, lo)
	}
	if drop := keep - rd.base; drop > 0 {
		clear(rd.states[:drop])
		rd.states = rd.states[drop:]
		rd.base = keep
	}
}

// current registers a read starting now and returns its lo and that state.
func (rd *modelReads) current() (int, *mt.Model) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	lo := rd.base + len(rd.states) - 1
	rd.active[lo]++
	return lo, rd.states[len(rd.states)-1]
}

// window waits until state hi is published and returns states lo..hi, unregistering the
// read; false when the run stopped first.
func (rd *modelReads) window(lo, hi int) ([]*mt.Model, bool) {
	defer func() {
		rd.mu.Lock()
		if rd.active[lo]--; rd.active[lo] == 0 {
			delete(rd.active, lo)
		}
		rd.mu.Unlock()
	}()
	for {
		rd.mu.Lock()
		if hi < rd.base+len(rd.states) {
			out := slices.Clone(rd.states[lo-rd.base : hi-rd.base+1])
			rd.mu.Unlock()
			return out, true
		}
		rd.mu.Unlock()
		if rd.stopped() {
			return nil, false
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// once runs one read and checks its answer.
func (rd *modelReads) once(g *mt.ReadGen) {
	lo, m := rd.current()
	q, ok := g.Next(m)
	if !ok {
		rd.window(lo, lo)
		time.Sleep(time.Millisecond)
		return
	}
	rows, err := rd.query(q)
	hi := int(rd.started.Load())
	states, ok := rd.window(lo, hi)
	if !ok {
		return
	}
	rd.reads.Add(1)
	if hi > lo {
		rd.spans.Add(1)
	}
	if msg := judge(q, rows, err, lo, states); msg != "" {
		msg = fmt.Sprintf("concurrent read in tablespace %s, while states %d..%d were current: %s\n  %s", q.Space, lo, hi, q.SQL, msg)
		rd.failed.CompareAndSwap(nil, &msg)
	} else if err != nil {
		rd.gone.Add(1)
	}
}

// query runs q on the node.
func (rd *modelReads) query(q mt.Read) ([][]*string, error) {
	rd.node.RLock()
	defer rd.node.RUnlock()
	n := rd.h.n
	ctx := context.Background()
	if q.Space == mt.DefaultSpace {
		return sqlRunner{n.sqldb}.query(ctx, q.SQL)
	}
	s, err := openSession(n.db, q.Space)
	if err != nil {
		return nil, err
	}
	defer s.close()
	rows, _, err := s.exec(ctx, q.SQL)
	return rows, err
}

// judge returns why an answer (or error) is no state's answer, "" if it is one's. A
// statement may fail only if something it reads is missing from a state of the window, or
// its table's schema changed within it (it then asks to be run again).
func judge(q mt.Read, rows [][]*string, err error, lo int, states []*mt.Model) string {
	if err != nil {
		for _, m := range states {
			if _, ok := q.Want(m); !ok {
				return ""
			}
		}
		if sqlState(err) == "40001" && len(states) > 1 {
			return ""
		}
		return fmt.Sprintf("failed: %v, though every state of the window has what it reads", err)
	}
	got := mt.Answer(rows)
	var b strings.Builder
	for i, m := range states {
		want, ok := q.Want(m)
		if ok && slices.Equal(got, want) {
			return ""
		}
		fmt.Fprintf(&b, "\n  state %d: %q (readable: %v)", lo+i, want, ok)
	}
	return fmt.Sprintf("answer %q is no state's:%s", got, b.String())
}
