package lincheck

import (
	"fmt"
	"sync"
	"time"

	"github.com/anishathalye/porcupine"
)

type opState uint8

const (
	pending  opState = iota // invoked, no outcome yet
	returned                // the client knows the result
	unknown                 // may or may not have taken effect
	failed                  // certainly had no effect: left out of the history
)

// record is one invoked operation.
type record struct {
	proc      int // porcupine's client id: a new one after each unknown outcome
	op        Op
	call, ret int64 // nanoseconds since the recorder's start
	out       Result
	state     opState
	note      string
}

// Recorder collects a concurrent history of register operations. It is safe for concurrent
// use: each client calls Invoke just before sending an operation and exactly one of Return,
// Unknown or Fail once it knows the outcome.
//
// A client whose operation ended unknown is treated like a crashed Jepsen process: its next
// operation gets a new porcupine client id, because the unknown one stays open to the end
// of the history and a porcupine client's operations must not overlap.
type Recorder struct {
	base time.Time

	mu          sync.Mutex
	ops         []record
	last        map[int]int // client → index of its latest record
	procs       int
	annotations []porcupine.Annotation
}

// NewRecorder returns an empty Recorder whose clock starts now.
func NewRecorder() *Recorder {
	return &Recorder{base: time.Now(), last: map[int]int{}}
}

// now is the monotonic time since the recorder started, in nanoseconds.
func (r *Recorder) now() int64 { return int64(time.Since(r.base)) }

// Invoke records that client is about to send op and returns the operation's id.
func (r *Recorder) Invoke(client int, op Op) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	proc := -1
	if i, ok := r.last[client]; ok && r.ops[i].state != pending && r.ops[i].state != unknown {
		proc = r.ops[i].proc
	}
	if proc < 0 {
		proc = r.procs
		r.procs++
	}
	id := len(r.ops)
	r.ops = append(r.ops, record{proc: proc, op: op, call: r.now()})
	r.last[client] = id
	return id
}

func (r *Recorder) finish(id int, s opState, out Result) {
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := &r.ops[id]
	if rec.state != pending {
		panic(fmt.Sprintf("lincheck: operation %d (%v) finished twice", id, rec.op))
	}
	rec.state, rec.out, rec.ret = s, out, now
}

// Return records that operation id completed with result res.
func (r *Recorder) Return(id int, res Result) {
	res.Unknown = false
	r.finish(id, returned, res)
}

// Unknown records that operation id may or may not have taken effect, now or at any later
// time (the client got 08007, timed out, or lost its connection after sending it). In the
// history it stays open until the end, with an output every step accepts. An unknown read
// is left out: it cannot have changed anything.
func (r *Recorder) Unknown(id int) { r.finish(id, unknown, Result{Unknown: true}) }

// Fail records that operation id certainly had no effect (refused before it was sent, or
// an error such as 40001 returned before anything was applied); it is left out of the
// history.
func (r *Recorder) Fail(id int) { r.finish(id, failed, Result{}) }

// Note attaches text (the node that served it, the error) to operation id; the
// visualization shows it.
func (r *Recorder) Note(id int, note string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops[id].note = note
}

// Annotate adds an interval (a fault, say) to the visualization on a row named tag.
func (r *Recorder) Annotate(tag, desc string, start, end time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.annotations = append(r.annotations, porcupine.Annotation{
		Tag: tag, Description: desc, Start: int64(start.Sub(r.base)), End: int64(end.Sub(r.base)),
		BackgroundColor: "#f8d7da",
	})
}

// Operations returns the history to check: certainly failed operations and unknown reads
// are left out, and operations that are unknown or still pending return at the end of the
// history (after every other event) with an unknown output.
func (r *Recorder) Operations() []porcupine.Operation {
	now := r.now()
	r.mu.Lock()
	defer r.mu.Unlock()
	end := now
	for _, rec := range r.ops {
		end = max(end, rec.call, rec.ret)
	}
	end++
	hist := make([]porcupine.Operation, 0, len(r.ops))
	for _, rec := range r.ops {
		o := porcupine.Operation{ClientId: rec.proc, Input: rec.op, Call: rec.call, Output: rec.out, Return: rec.ret}
		if rec.note != "" {
			o.Metadata = rec.note
		}
		switch rec.state {
		case failed:
			continue
		case pending, unknown:
			if rec.op.Kind == KindRead {
				continue
			}
			o.Output, o.Return = Result{Unknown: true}, end
		}
		hist = append(hist, o)
	}
	return hist
}
