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

var (
	modelReaders   = flag.Int("model.readers", 2, "goroutines of TestModel that read while its steps run (0: none)")
	modelReadPause = flag.Duration("model.readpause", 100*time.Microsecond, "how long each of TestModel's readers rests between two reads")
)

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

	mu        sync.Mutex
	states    []*mt.Model // states[i] is state base+i; those no running read needs are dropped
	base      int
	active    map[int]int // lo of the running reads → how many
	started   atomic.Int64
	published atomic.Int64           // the last state published
	focus     atomic.Pointer[string] // the tablespace of the running step

	pause  time.Duration // between two reads
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
	rd := &modelReads{h: h, active: map[int]int{}, stop: make(chan struct{}), pause: *modelReadPause}
	rd.publish(h.m)
	for i := range n {
		g := mt.NewReadGen(h.seed, uint64(i))
		rd.wg.Add(1)
		go func() {
			defer rd.wg.Done()
			rd.reader(g)
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

// starting marks step op about to run: its state is the next one.
func (rd *modelReads) starting(op mt.Op) {
	if rd == nil {
		return
	}
	rd.focus.Store(&op.Space)
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
	rd.published.Store(int64(rd.base + len(rd.states) - 1))
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

// window returns states lo..hi and unregisters the read, once state hi is published; false
// while it is not.
func (rd *modelReads) window(lo, hi int) ([]*mt.Model, bool) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if hi >= rd.base+len(rd.states) {
		return nil, false
	}
	out := slices.Clone(rd.states[lo-rd.base : hi-rd.base+1])
	if rd.active[lo]--; rd.active[lo] == 0 {
		delete(rd.active, lo)
	}
	return out, true
}

// answer is a read's outcome waiting for the states of its window to be published.
type answer struct {
	q      mt.Read
	rows   [][]*string
	err    error
	lo, hi int
}

// reader runs reads until the run stops, checking each answer once its window's states are
// published: it does not wait for them, so it keeps reading while a step runs.
func (rd *modelReads) reader(g *mt.ReadGen) {
	var pending []answer
	for n := 0; !rd.stopped() && rd.failed.Load() == nil; n++ {
		pending = slices.DeleteFunc(pending, rd.check)
		// Reads matter while a step runs: between steps the writer checks the node, and the
		// readers mostly leave it the CPU.
		if rd.started.Load() == rd.published.Load() && n%8 != 0 {
			time.Sleep(500 * time.Microsecond)
			continue
		}
		if a, ok := rd.once(g); ok {
			pending = append(pending, a)
		}
		time.Sleep(rd.pause) // room for the writer: on two cores, readers that never rest slow it down
	}
}

// once runs one read; false when the state it starts in has no table.
func (rd *modelReads) once(g *mt.ReadGen) (answer, bool) {
	lo, m := rd.current()
	focus := ""
	if f := rd.focus.Load(); f != nil {
		focus = *f
	}
	q, ok := g.Next(m, focus)
	if !ok {
		rd.window(lo, lo)
		time.Sleep(time.Millisecond)
		return answer{}, false
	}
	rows, err := rd.query(q)
	return answer{q: q, rows: rows, err: err, lo: lo, hi: int(rd.started.Load())}, true
}

// check judges a, reporting whether it is done with: false while its window is not
// published.
func (rd *modelReads) check(a answer) bool {
	states, ok := rd.window(a.lo, a.hi)
	if !ok {
		return false
	}
	rd.reads.Add(1)
	if a.hi > a.lo {
		rd.spans.Add(1)
	}
	if msg := judge(a.q, a.rows, a.err, a.lo, states); msg != "" {
		msg = fmt.Sprintf("concurrent read in tablespace %s, while states %d..%d were current: %s\n  %s", a.q.Space, a.lo, a.hi, a.q.SQL, msg)
		rd.failed.CompareAndSwap(nil, &msg)
	} else if a.err != nil {
		rd.gone.Add(1)
	}
	return true
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
