package lincheck

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Faults injects faults into the cluster under test; a cluster test implements it over its
// nodes (in-process transport, processes, containers). Node ids are the ones given to the
// Nemesis. Every method returns when the fault is in place (or undone), or an error.
type Faults interface {
	// Partition cuts every link between a node in a and a node in b, both ways. At most one
	// partition is in place at a time; a is the minority side.
	Partition(ctx context.Context, a, b []string) error
	// Heal restores every link.
	Heal(ctx context.Context) error
	// Kill stops node abruptly (kill -9: no shutdown, unsynced writes may be lost).
	Kill(ctx context.Context, node string) error
	// Restart starts a killed node again on its data directory.
	Restart(ctx context.Context, node string) error
	// Pause freezes node (SIGSTOP: connections stay open, nothing is answered).
	Pause(ctx context.Context, node string) error
	// Resume unfreezes a paused node.
	Resume(ctx context.Context, node string) error
	// TransferLeader makes node the leader of the groups under test (it may be one already).
	TransferLeader(ctx context.Context, node string) error
}

// Fault is a kind of fault a Nemesis may inject.
type Fault string

// The faults; AllFaults is every one.
const (
	FaultPartition      Fault = "partition"
	FaultKill           Fault = "kill"
	FaultPause          Fault = "pause"
	FaultTransferLeader Fault = "transfer-leader"
)

// AllFaults lists every Fault.
var AllFaults = []Fault{FaultPartition, FaultKill, FaultPause, FaultTransferLeader}

// Action is one step of a schedule: a fault or its undoing.
type Action string

// The actions, one per Faults method.
const (
	ActPartition Action = "partition"
	ActHeal      Action = "heal"
	ActKill      Action = "kill"
	ActRestart   Action = "restart"
	ActPause     Action = "pause"
	ActResume    Action = "resume"
	ActTransfer  Action = "transfer-leader"
)

// Step is one timed action: Node for kill, restart, pause, resume and transfer-leader; A
// (the minority) and B for partition.
type Step struct {
	At     time.Duration // since the schedule started
	Action Action
	Node   string
	A, B   []string
}

func (s Step) String() string {
	at := s.At.Round(time.Millisecond)
	switch s.Action {
	case ActPartition:
		return fmt.Sprintf("%v %s %v | %v", at, s.Action, s.A, s.B)
	case ActHeal:
		return fmt.Sprintf("%v %s", at, s.Action)
	}
	return fmt.Sprintf("%v %s %s", at, s.Action, s.Node)
}

// Schedule is a fault schedule: the steps in time order, ending with every fault undone.
type Schedule struct {
	Seed  uint64
	Steps []Step
}

func (s Schedule) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nemesis seed=%d, %d steps:", s.Seed, len(s.Steps))
	for _, st := range s.Steps {
		b.WriteString("\n  " + st.String())
	}
	return b.String()
}

// Nemesis generates seeded random fault schedules over Nodes: faults start and end at
// random gaps of MinGap..MaxGap for Duration, never affecting more than a minority
// ((len(Nodes)-1)/2 nodes killed, paused or on the minority side of a partition) at once,
// and every fault still in place at Duration is undone then. The same fields give the same
// schedule.
type Nemesis struct {
	Nodes    []string
	Seed     uint64
	Faults   []Fault                                      // default AllFaults
	Duration time.Duration                                // default 10s
	MinGap   time.Duration                                // default 200ms
	MaxGap   time.Duration                                // default 1s
	Logf     func(format string, args ...any)             // optional: each step as run
	Annotate func(tag, desc string, start, end time.Time) // optional: e.g. Recorder.Annotate
	_        struct{}                                     // no positional literals
}

func (n Nemesis) withDefaults() Nemesis {
	if len(n.Faults) == 0 {
		n.Faults = AllFaults
	}
	if n.Duration <= 0 {
		n.Duration = 10 * time.Second
	}
	if n.MinGap <= 0 {
		n.MinGap = 200 * time.Millisecond
	}
	if n.MaxGap < n.MinGap {
		n.MaxGap = max(n.MinGap, time.Second)
	}
	return n
}

// faultState is what is broken at one point of a schedule.
type faultState struct {
	killed, paused []string
	minority       []string // the minority side of the partition in place, if any
}

func (s *faultState) affected() []string {
	return append(append(slices.Clone(s.killed), s.paused...), s.minority...)
}

// apply updates the state for step.
func (s *faultState) apply(st Step) {
	switch st.Action {
	case ActPartition:
		s.minority = slices.Clone(st.A)
	case ActHeal:
		s.minority = nil
	case ActKill:
		s.killed = append(s.killed, st.Node)
	case ActRestart:
		s.killed = slices.DeleteFunc(s.killed, func(n string) bool { return n == st.Node })
	case ActPause:
		s.paused = append(s.paused, st.Node)
	case ActResume:
		s.paused = slices.DeleteFunc(s.paused, func(n string) bool { return n == st.Node })
	}
}

// undo returns the steps that end every fault in place, at time at.
func (s *faultState) undo(at time.Duration) []Step {
	var steps []Step
	if s.minority != nil {
		steps = append(steps, Step{At: at, Action: ActHeal})
	}
	for _, n := range s.paused {
		steps = append(steps, Step{At: at, Action: ActResume, Node: n})
	}
	for _, n := range s.killed {
		steps = append(steps, Step{At: at, Action: ActRestart, Node: n})
	}
	return steps
}

// Plan returns the schedule the fields describe.
func (n Nemesis) Plan() Schedule {
	n = n.withDefaults()
	rng := rand.New(rand.NewPCG(n.Seed, 0x6e656d65736973)) // "nemesis"
	budget := (len(n.Nodes) - 1) / 2
	var st faultState
	sched := Schedule{Seed: n.Seed}
	at := time.Duration(0)
	for {
		at += n.MinGap + time.Duration(rng.Int64N(int64(n.MaxGap-n.MinGap)+1))
		if at >= n.Duration {
			break
		}
		var step Step
		var ok bool
		undoable := st.undo(at)
		if len(undoable) > 0 && (rng.IntN(2) == 0 || len(st.affected()) >= budget) {
			step, ok = undoable[rng.IntN(len(undoable))], true
		} else {
			step, ok = n.newFault(rng, &st, budget, at)
		}
		if ok {
			st.apply(step)
			sched.Steps = append(sched.Steps, step)
		}
	}
	sched.Steps = append(sched.Steps, st.undo(n.Duration)...)
	return sched
}

// newFault picks a fault that keeps the affected nodes within budget, if there is one.
func (n Nemesis) newFault(rng *rand.Rand, st *faultState, budget int, at time.Duration) (Step, bool) {
	affected := st.affected()
	var healthy []string
	for _, node := range n.Nodes {
		if !slices.Contains(affected, node) {
			healthy = append(healthy, node)
		}
	}
	room := budget - len(affected)
	var choices []Fault
	for _, f := range n.Faults {
		switch {
		case f == FaultTransferLeader && len(healthy) > 0,
			(f == FaultKill || f == FaultPause) && room > 0,
			f == FaultPartition && room > 0 && st.minority == nil:
			choices = append(choices, f)
		}
	}
	if len(choices) == 0 {
		return Step{}, false
	}
	rng.Shuffle(len(healthy), func(i, j int) { healthy[i], healthy[j] = healthy[j], healthy[i] })
	switch choices[rng.IntN(len(choices))] {
	case FaultKill:
		return Step{At: at, Action: ActKill, Node: healthy[0]}, true
	case FaultPause:
		return Step{At: at, Action: ActPause, Node: healthy[0]}, true
	case FaultTransferLeader:
		return Step{At: at, Action: ActTransfer, Node: healthy[0]}, true
	}
	a := slices.Clone(healthy[:1+rng.IntN(room)])
	var b []string
	for _, node := range n.Nodes {
		if !slices.Contains(a, node) {
			b = append(b, node)
		}
	}
	slices.Sort(a)
	return Step{At: at, Action: ActPartition, A: a, B: b}, true
}

// Run plans the schedule, logs it, and executes it against f (see Execute).
func (n Nemesis) Run(ctx context.Context, f Faults) (Schedule, error) {
	sched := n.Plan()
	if n.Logf != nil {
		n.Logf("lincheck: %v", sched)
	}
	return sched, n.Execute(ctx, f, sched)
}

// Execute runs sched's steps against f at their times. If ctx ends first, it undoes the
// faults in place (under a context that is not cancelled) instead of running the rest. A
// step's error is logged and execution goes on; the errors are returned joined.
func (n Nemesis) Execute(ctx context.Context, f Faults, sched Schedule) error {
	start := time.Now()
	var (
		st    faultState
		errs  []error
		since = map[string]time.Time{} // annotation tag → when its fault started
	)
	run := func(ctx context.Context, step Step) {
		err := do(ctx, f, step)
		if n.Logf != nil {
			n.Logf("lincheck: nemesis seed=%d at %v: %v (err=%v)", sched.Seed, time.Since(start).Round(time.Millisecond), step, err)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%v: %w", step, err))
		}
		st.apply(step)
		n.annotate(step, since)
	}
	for _, step := range sched.Steps {
		t := time.NewTimer(time.Until(start.Add(step.At)))
		select {
		case <-ctx.Done():
			t.Stop()
			ctx := context.WithoutCancel(ctx)
			for _, u := range st.undo(time.Since(start)) {
				run(ctx, u)
			}
			return errors.Join(errs...)
		case <-t.C:
		}
		run(ctx, step)
	}
	return errors.Join(errs...)
}

// annotate reports a fault's interval to n.Annotate when it ends (a transfer is a point).
func (n Nemesis) annotate(step Step, since map[string]time.Time) {
	if n.Annotate == nil {
		return
	}
	now := time.Now()
	switch step.Action {
	case ActTransfer:
		n.Annotate("leader", "leader → "+step.Node, now, now)
	case ActPartition:
		since["partition"] = now
	case ActKill, ActPause:
		since[step.Node] = now
	case ActHeal:
		n.Annotate("partition", "partitioned", since["partition"], now)
	case ActRestart:
		n.Annotate(step.Node, "killed", since[step.Node], now)
	case ActResume:
		n.Annotate(step.Node, "paused", since[step.Node], now)
	}
}

func do(ctx context.Context, f Faults, s Step) error {
	switch s.Action {
	case ActPartition:
		return f.Partition(ctx, s.A, s.B)
	case ActHeal:
		return f.Heal(ctx)
	case ActKill:
		return f.Kill(ctx, s.Node)
	case ActRestart:
		return f.Restart(ctx, s.Node)
	case ActPause:
		return f.Pause(ctx, s.Node)
	case ActResume:
		return f.Resume(ctx, s.Node)
	case ActTransfer:
		return f.TransferLeader(ctx, s.Node)
	}
	return fmt.Errorf("lincheck: unknown action %q", s.Action)
}
