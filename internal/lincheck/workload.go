package lincheck

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Store is the system under test, seen as registers keyed by int. Read reports ok=false
// for an absent key. CAS sets k to new iff it is present and equal to old, and reports
// whether it did. A Store shared by several clients must be safe for concurrent use.
type Store interface {
	Read(ctx context.Context, k int) (v int, ok bool, err error)
	Write(ctx context.Context, k, v int) error
	CAS(ctx context.Context, k, old, new int) (bool, error)
}

// Outcome is what an error means for the operation that returned it.
type Outcome uint8

const (
	// OK: the operation completed and its result is known (the error is nil).
	OK Outcome = iota
	// Failed: the operation certainly had no effect; it is left out of the history.
	Failed
	// Unknown: the operation may or may not have taken effect, now or later.
	Unknown
)

func (o Outcome) String() string {
	switch o {
	case OK:
		return "ok"
	case Failed:
		return "failed"
	case Unknown:
		return "unknown"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Mix weighs the operations a client picks; the zero Mix is Read 2, Write 1, CAS 2.
type Mix struct{ Read, Write, CAS int }

// Workload drives Clients concurrent clients, each looping random operations over Keys keys
// until Duration passes, it has done OpsPerClient operations, or ctx ends. Keys rotate, as
// Jepsen's independent keys do: once the clients have done about OpsPerKey operations per
// key, they move on to the next Keys fresh keys. That bounds each key's history, and with it
// the checker's work, which grows exponentially with the unknown outcomes open at once on
// one key. Written values are unique per client and sequence number, (client+1)*1e9 + seq, so a read
// names the write it saw. Everything random comes from Seed.
type Workload struct {
	Clients      int           // default 4
	Keys         int           // keys in use at once, default 3
	OpsPerKey    int           // default 100; negative: never rotate
	Duration     time.Duration // 0: no time limit
	OpsPerClient int           // 0: no count limit (then Duration or ctx must end the run)
	OpTimeout    time.Duration // per operation, default 5s; a timeout is classified by Classify
	Pace         time.Duration // pause between a client's operations, default none
	Mix          Mix
	Seed         uint64
	// Classify maps a non-nil error to Failed or Unknown; nil means ClassifySQL, which is
	// conservative: an error it does not recognize is Unknown.
	Classify func(error) Outcome
	Logf     func(format string, args ...any) // optional
}

// Stats counts a workload's operations by outcome, with a sample of the errors seen.
type Stats struct {
	Ops, OK, Failed, Unknown int
	Reads, Writes, CASes     int
	CASApplied               int
	Errors                   map[string]int // error text → count, at most maxErrorKinds texts
}

const maxErrorKinds = 20

func (s Stats) String() string {
	var errs []string
	for e, n := range s.Errors {
		errs = append(errs, fmt.Sprintf("%dx %s", n, e))
	}
	sort.Strings(errs)
	out := fmt.Sprintf("%d ops (%d reads, %d writes, %d cas of which %d applied): %d ok, %d failed, %d unknown",
		s.Ops, s.Reads, s.Writes, s.CASes, s.CASApplied, s.OK, s.Failed, s.Unknown)
	if len(errs) > 0 {
		out += "; errors: " + strings.Join(errs, "; ")
	}
	return out
}

func (s *Stats) add(o Stats) {
	s.Ops += o.Ops
	s.OK += o.OK
	s.Failed += o.Failed
	s.Unknown += o.Unknown
	s.Reads += o.Reads
	s.Writes += o.Writes
	s.CASes += o.CASes
	s.CASApplied += o.CASApplied
	for e, n := range o.Errors {
		if s.Errors == nil {
			s.Errors = map[string]int{}
		}
		if _, ok := s.Errors[e]; ok || len(s.Errors) < maxErrorKinds {
			s.Errors[e] += n
		}
	}
}

func (w Workload) withDefaults() Workload {
	if w.Clients <= 0 {
		w.Clients = 4
	}
	if w.Keys <= 0 {
		w.Keys = 3
	}
	if w.OpTimeout <= 0 {
		w.OpTimeout = 5 * time.Second
	}
	if w.OpsPerKey == 0 {
		w.OpsPerKey = 100
	}
	if w.Mix == (Mix{}) {
		w.Mix = Mix{Read: 2, Write: 1, CAS: 2}
	}
	if w.Classify == nil {
		w.Classify = ClassifySQL
	}
	return w
}

// Run runs the workload against stores, client i using stores[i%len(stores)] (one Store
// per node, or one per client), recording into rec, and returns when every client has
// stopped. Cancelling ctx aborts operations in flight (they are then classified as errors);
// Duration stops clients between operations.
func (w Workload) Run(ctx context.Context, stores []Store, rec *Recorder) Stats {
	w = w.withDefaults()
	if len(stores) == 0 {
		panic("lincheck: Workload.Run without stores")
	}
	if w.Logf != nil {
		w.Logf("lincheck: workload seed=%d clients=%d keys=%d", w.Seed, w.Clients, w.Keys)
	}
	var deadline time.Time
	if w.Duration > 0 {
		deadline = time.Now().Add(w.Duration)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total Stats
		ops   atomic.Int64
	)
	for i := range w.Clients {
		c := &client{w: &w, id: i, store: stores[i%len(stores)], rec: rec, ops: &ops,
			rng: rand.New(rand.NewPCG(w.Seed, uint64(i))), seen: map[int]int{}}
		wg.Go(func() {
			s := c.loop(ctx, deadline)
			mu.Lock()
			total.add(s)
			mu.Unlock()
		})
	}
	wg.Wait()
	return total
}

// client is one workload client: sequential, with its own random stream.
type client struct {
	w     *Workload
	id    int
	store Store
	rec   *Recorder
	rng   *rand.Rand
	ops   *atomic.Int64 // operations started by every client: picks the keys in use
	seq   int
	seen  map[int]int // key → the last value this client saw or wrote there
	stats Stats
}

func (c *client) loop(ctx context.Context, deadline time.Time) Stats {
	for n := 0; c.w.OpsPerClient <= 0 || n < c.w.OpsPerClient; n++ {
		if ctx.Err() != nil || (!deadline.IsZero() && time.Now().After(deadline)) {
			break
		}
		c.do(ctx, c.next())
		if c.w.Pace > 0 {
			select {
			case <-ctx.Done():
			case <-time.After(c.w.Pace):
			}
		}
	}
	return c.stats
}

// next picks a random operation. A CAS usually expects the value this client last saw at
// the key, so that some succeed; otherwise one no write produced, so that it fails.
func (c *client) next() Op {
	k := c.rng.IntN(c.w.Keys)
	if n := c.ops.Add(1) - 1; c.w.OpsPerKey > 0 {
		k += int(n/int64(c.w.Keys*c.w.OpsPerKey)) * c.w.Keys
	}
	m := c.w.Mix
	r := c.rng.IntN(m.Read + m.Write + m.CAS)
	switch {
	case r < m.Read:
		return Read(k)
	case r < m.Read+m.Write:
		return Write(k, c.value())
	}
	old, ok := c.seen[k]
	if !ok || c.rng.IntN(8) == 0 {
		old = -1 - c.rng.IntN(3)
	}
	return CAS(k, old, c.value())
}

// value returns a fresh value, unique to this client and operation.
func (c *client) value() int {
	c.seq++
	return (c.id+1)*1_000_000_000 + c.seq
}

// do runs one operation and records it.
func (c *client) do(ctx context.Context, op Op) {
	id := c.rec.Invoke(c.id, op)
	ctx, cancel := context.WithTimeout(ctx, c.w.OpTimeout)
	defer cancel()
	var (
		res Result
		err error
	)
	switch op.Kind {
	case KindRead:
		c.stats.Reads++
		res.Value, res.Exists, err = c.store.Read(ctx, op.Key)
	case KindWrite:
		c.stats.Writes++
		err = c.store.Write(ctx, op.Key, op.Value)
	case KindCAS:
		c.stats.CASes++
		res.OK, err = c.store.CAS(ctx, op.Key, op.Old, op.New)
	}
	c.stats.Ops++
	c.finish(id, op, res, err)
}

func (c *client) finish(id int, op Op, res Result, err error) {
	outcome := OK
	if err != nil {
		outcome = c.w.Classify(err)
		c.noteError(err)
		c.rec.Note(id, fmt.Sprintf("%s: %v", outcome, err))
	}
	switch outcome {
	case OK:
		c.stats.OK++
		c.rec.Return(id, res)
		c.learn(op, res)
	case Failed:
		c.stats.Failed++
		c.rec.Fail(id)
	default:
		c.stats.Unknown++
		c.rec.Unknown(id)
		delete(c.seen, op.Key)
	}
}

// learn remembers what a completed operation says the key now holds.
func (c *client) learn(op Op, res Result) {
	switch {
	case op.Kind == KindRead && res.Exists:
		c.seen[op.Key] = res.Value
	case op.Kind == KindRead:
		delete(c.seen, op.Key)
	case op.Kind == KindWrite:
		c.seen[op.Key] = op.Value
	case op.Kind == KindCAS && res.OK:
		c.stats.CASApplied++
		c.seen[op.Key] = op.New
	}
}

func (c *client) noteError(err error) {
	if c.stats.Errors == nil {
		c.stats.Errors = map[string]int{}
	}
	e := err.Error()
	if _, ok := c.stats.Errors[e]; ok || len(c.stats.Errors) < maxErrorKinds {
		c.stats.Errors[e]++
	}
}
