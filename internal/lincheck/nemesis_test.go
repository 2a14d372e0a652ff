package lincheck

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func nodes(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("n%d", i))
	}
	return out
}

// checkSchedule verifies a schedule's invariants: steps in time order within the duration,
// valid nodes, at most a minority affected at any time, a fault undone only when in place,
// and nothing in place at the end.
func checkSchedule(t *testing.T, n Nemesis, s Schedule) {
	t.Helper()
	budget := (len(n.Nodes) - 1) / 2
	var st faultState
	var last time.Duration
	for i, step := range s.Steps {
		if step.At < last || step.At > n.Duration {
			t.Fatalf("step %d (%v) out of order or past %v", i, step, n.Duration)
		}
		last = step.At
		switch step.Action {
		case ActKill, ActPause, ActTransfer:
			if !slices.Contains(n.Nodes, step.Node) || slices.Contains(st.affected(), step.Node) {
				t.Fatalf("step %d (%v): node unknown or already affected %v", i, step, st.affected())
			}
		case ActRestart:
			if !slices.Contains(st.killed, step.Node) {
				t.Fatalf("step %d (%v): not killed", i, step)
			}
		case ActResume:
			if !slices.Contains(st.paused, step.Node) {
				t.Fatalf("step %d (%v): not paused", i, step)
			}
		case ActPartition:
			all := append(slices.Clone(step.A), step.B...)
			slices.Sort(all)
			if st.minority != nil || len(step.A) == 0 || !slices.Equal(all, n.Nodes) {
				t.Fatalf("step %d (%v): not a partition of %v, or one already in place", i, step, n.Nodes)
			}
		case ActHeal:
			if st.minority == nil {
				t.Fatalf("step %d: heal with no partition", i)
			}
		}
		st.apply(step)
		if a := st.affected(); len(a) > budget {
			t.Fatalf("after step %d (%v): %v affected, more than a minority of %d", i, step, a, len(n.Nodes))
		}
	}
	if a := st.affected(); len(a) != 0 {
		t.Fatalf("faults left in place at the end: %v", a)
	}
}

func TestNemesisPlan(t *testing.T) {
	for _, size := range []int{1, 2, 3, 5, 7} {
		for seed := uint64(1); seed <= 200; seed++ {
			n := Nemesis{Nodes: nodes(size), Seed: seed, Duration: 20 * time.Second, MinGap: 100 * time.Millisecond}
			s := n.Plan()
			checkSchedule(t, n.withDefaults(), s)
			if s.Seed != seed || !strings.Contains(s.String(), fmt.Sprintf("seed=%d", seed)) {
				t.Fatalf("the schedule does not carry its seed: %v", s)
			}
			if size == 1 && slices.ContainsFunc(s.Steps, func(st Step) bool { return st.Action != ActTransfer }) {
				t.Fatalf("one node cannot lose a minority: %v", s)
			}
		}
	}
}

func TestNemesisPlanCoversFaults(t *testing.T) {
	seen := map[Action]int{}
	maxAffected := 0
	for seed := uint64(1); seed <= 20; seed++ {
		var st faultState
		for _, step := range (Nemesis{Nodes: nodes(5), Seed: seed}).Plan().Steps {
			seen[step.Action]++
			st.apply(step)
			maxAffected = max(maxAffected, len(st.affected()))
		}
	}
	for _, a := range []Action{ActPartition, ActHeal, ActKill, ActRestart, ActPause, ActResume, ActTransfer} {
		if seen[a] == 0 {
			t.Errorf("no %s in 20 schedules: %v", a, seen)
		}
	}
	if maxAffected != 2 {
		t.Errorf("five nodes: at most %d affected at once, want 2 sometimes", maxAffected)
	}
	only := Nemesis{Nodes: nodes(3), Seed: 1, Faults: []Fault{FaultKill}}.Plan()
	for _, step := range only.Steps {
		if step.Action != ActKill && step.Action != ActRestart {
			t.Fatalf("kill-only schedule has %v", step)
		}
	}
}

func TestNemesisReplayable(t *testing.T) {
	n := Nemesis{Nodes: nodes(5), Seed: 42}
	a, b := n.Plan().String(), n.Plan().String()
	if a != b {
		t.Fatalf("same seed, different schedules:\n%s\n%s", a, b)
	}
	n.Seed = 43
	if n.Plan().String() == a {
		t.Fatal("different seeds, same schedule")
	}
}

// fakeFaults records the faults asked of it; fail makes one action fail.
type fakeFaults struct {
	mu    sync.Mutex
	calls []string
	fail  Action
}

func (f *fakeFaults) call(a Action, args ...any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, strings.TrimSpace(fmt.Sprint(append([]any{a}, args...)...)))
	if a == f.fail {
		return errors.New("injected")
	}
	return nil
}

func (f *fakeFaults) Partition(_ context.Context, a, b []string) error {
	return f.call(ActPartition, a, b)
}
func (f *fakeFaults) Heal(context.Context) error                { return f.call(ActHeal) }
func (f *fakeFaults) Kill(_ context.Context, n string) error    { return f.call(ActKill, " ", n) }
func (f *fakeFaults) Restart(_ context.Context, n string) error { return f.call(ActRestart, " ", n) }
func (f *fakeFaults) Pause(_ context.Context, n string) error   { return f.call(ActPause, " ", n) }
func (f *fakeFaults) Resume(_ context.Context, n string) error  { return f.call(ActResume, " ", n) }
func (f *fakeFaults) TransferLeader(_ context.Context, n string) error {
	return f.call(ActTransfer, " ", n)
}

func stepCall(s Step) string {
	if s.Action == ActPartition {
		return strings.TrimSpace(fmt.Sprint(s.Action, s.A, s.B))
	}
	return strings.TrimSpace(fmt.Sprint(s.Action, " ", s.Node))
}

func TestNemesisExecute(t *testing.T) {
	var annotations []string
	var logs []string
	n := Nemesis{Nodes: nodes(3), Seed: 9, Duration: 150 * time.Millisecond, MinGap: time.Millisecond, MaxGap: 5 * time.Millisecond,
		Logf:     func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) },
		Annotate: func(tag, desc string, _, _ time.Time) { annotations = append(annotations, tag+" "+desc) }}
	f := &fakeFaults{}
	start := time.Now()
	sched, err := n.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 150*time.Millisecond || el > 5*time.Second {
		t.Errorf("ran for %v, want the schedule's 150ms", el)
	}
	var want []string
	for _, s := range sched.Steps {
		want = append(want, stepCall(s))
	}
	if !slices.Equal(f.calls, want) {
		t.Fatalf("calls:\n%v\nwant:\n%v", f.calls, want)
	}
	if len(logs) != len(sched.Steps)+1 || !strings.Contains(logs[0], "seed=9") {
		t.Errorf("logs: %v", logs)
	}
	if len(annotations) == 0 {
		t.Error("no annotations")
	}
}

// Cancelling the run undoes the faults in place, and a failing step does not stop the rest.
func TestNemesisExecuteCancelled(t *testing.T) {
	n := Nemesis{Nodes: nodes(5), Seed: 3}
	sched := Schedule{Seed: 3, Steps: []Step{
		{At: 0, Action: ActKill, Node: "n1"},
		{At: 0, Action: ActPartition, A: []string{"n2"}, B: []string{"n1", "n3", "n4", "n5"}},
		{At: time.Hour, Action: ActHeal},
	}}
	f := &fakeFaults{fail: ActKill}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := n.Execute(ctx, f, sched)
	if err == nil || !strings.Contains(err.Error(), "kill n1: injected") {
		t.Fatalf("got %v, want the kill's error", err)
	}
	want := []string{"kill n1", "partition[n2] [n1 n3 n4 n5]", "heal", "restart n1"}
	if !slices.Equal(f.calls, want) {
		t.Fatalf("calls %q, want %q", f.calls, want)
	}
}
