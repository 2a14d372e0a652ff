package lincheck

import (
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/anishathalye/porcupine"
)

// CheckInfo describes a check.
type CheckInfo struct {
	Ops     int // operations invoked
	Checked int // operations in the history (Recorder.Operations)
	Unknown int // unknown or pending writes and CASes
	Failed  int // certainly failed, left out
	Keys    int // partitions
	// Dropped counts unknown operations left out of the check, Bounded those given a return
	// time (see Check).
	Dropped, Bounded int
	Elapsed          time.Duration
	// IllegalKeys are the keys whose history is not linearizable; UncheckedKeys those whose
	// check ran out of time.
	IllegalKeys, UncheckedKeys []int
	// Visualization is the path of an HTML file showing the history of the illegal keys and
	// its longest partial linearizations, written when the result is Illegal;
	// VisualizationErr says why not.
	Visualization    string
	VisualizationErr error
}

func (c CheckInfo) String() string {
	s := fmt.Sprintf("%d ops (%d checked, %d unknown of which %d left out and %d bounded, %d failed) on %d keys, checked in %v",
		c.Ops, c.Checked, c.Unknown, c.Dropped, c.Bounded, c.Failed, c.Keys, c.Elapsed.Round(time.Millisecond))
	if len(c.IllegalKeys) > 0 {
		s += fmt.Sprintf("; not linearizable on keys %v", c.IllegalKeys)
	}
	if len(c.UncheckedKeys) > 0 {
		s += fmt.Sprintf("; keys %v not checked in time", c.UncheckedKeys)
	}
	if c.Visualization != "" {
		s += "; visualization: " + c.Visualization
	}
	return s
}

func (r *Recorder) counts(info *CheckInfo) {
	r.mu.Lock()
	defer r.mu.Unlock()
	info.Ops = len(r.ops)
	for _, rec := range r.ops {
		switch {
		case rec.state == failed:
			info.Failed++
		case rec.state != returned && rec.op.Kind != KindRead:
			info.Unknown++
		}
	}
}

// Check checks the history recorded so far, which should be complete (no client running),
// against Model, each key in parallel; a timeout of 0 means none, and a key whose check runs
// out of time makes the result Unknown unless another is Illegal. When the history is not
// linearizable the info names the keys that are not, and the path of a visualization of
// their operations (which takes up to the timeout again).
//
// Unknown operations are what makes checking expensive: each may take effect at any time
// after its call, so the search may try it everywhere. Check bounds them, exactly (no
// verdict changes), using that the model lets an unknown operation have no effect and that
// values are unique (the Workload's are). One whose value a completed operation observed (a
// read returned it, a CAS expected it and applied) must precede its first observer, so it
// returns then, if it alone writes that value. One whose value nothing needs can matter only
// by having overwritten a value a failed CAS expected, so it returns with the last such CAS
// that ends after its call, or is left out if there is none (or if it is a CAS expecting a
// value nothing writes). What stays expensive is many unknown operations that nobody
// observed overlapping failed CASes on one key: keep keys short-lived (Workload.OpsPerKey).
func (r *Recorder) Check(timeout time.Duration) (porcupine.CheckResult, CheckInfo) {
	hist := r.Operations()
	parts := partitionOps(hist)
	info := CheckInfo{Checked: len(hist), Keys: len(parts)}
	r.counts(&info)
	start := time.Now()
	var deadline time.Time
	if timeout > 0 {
		deadline = start.Add(timeout)
	}
	results := make([]keyCheck, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() { results[i] = checkKey(part, deadline) })
	}
	wg.Wait()
	info.Elapsed = time.Since(start)
	res := porcupine.Ok
	var bad []porcupine.Operation
	for i, kc := range results {
		info.Dropped += kc.dropped
		info.Bounded += kc.tightened
		key := parts[i][0].Input.(Op).Key
		switch kc.result {
		case porcupine.Illegal:
			res = porcupine.Illegal
			info.IllegalKeys = append(info.IllegalKeys, key)
			bad = append(bad, kc.ops...)
		case porcupine.Unknown:
			info.UncheckedKeys = append(info.UncheckedKeys, key)
			if res == porcupine.Ok {
				res = porcupine.Unknown
			}
		}
	}
	sort.Ints(info.IllegalKeys)
	sort.Ints(info.UncheckedKeys)
	if res == porcupine.Illegal {
		info.Visualization, info.VisualizationErr = r.visualize(bad, timeout)
	}
	return res, info
}

// keyCheck is the check of one key's history.
type keyCheck struct {
	result             porcupine.CheckResult
	ops                []porcupine.Operation // the history checked
	dropped, tightened int
}

func checkKey(part []porcupine.Operation, deadline time.Time) keyCheck {
	kc := keyCheck{}
	kc.ops, kc.dropped, kc.tightened = bound(part)
	var d time.Duration
	if !deadline.IsZero() {
		if d = time.Until(deadline); d <= 0 {
			kc.result = porcupine.Unknown
			return kc
		}
	}
	kc.result = porcupine.CheckOperationsTimeout(Model, kc.ops, d)
	return kc
}

func isUnknown(o porcupine.Operation) bool { return o.Output.(Result).Unknown }

// produced is the value an operation writes, if it writes one.
func produced(op Op) (int, bool) {
	switch op.Kind {
	case KindWrite:
		return op.Value, true
	case KindCAS:
		return op.New, true
	}
	return 0, false
}

// observed is the value a completed operation proves the register held: a read's, or an
// applied CAS's old one.
func observed(op Op, out Result) (int, bool) {
	switch {
	case op.Kind == KindRead && out.Exists:
		return out.Value, true
	case op.Kind == KindCAS && out.OK:
		return op.Old, true
	}
	return 0, false
}

// keyFacts are what bound needs to know about one key's history.
type keyFacts struct {
	producers map[int]int   // value → operations writing it
	first     map[int]int64 // value → earliest return of a completed operation observing it
	needed    map[int]bool  // values observed, or expected by a needed unknown CAS
	failedCAS []int64       // returns of completed failed CASes expecting a written value
}

func facts(part []porcupine.Operation) keyFacts {
	f := keyFacts{producers: map[int]int{}, first: map[int]int64{}, needed: map[int]bool{}}
	for _, o := range part {
		if v, ok := produced(o.Input.(Op)); ok {
			f.producers[v]++
		}
	}
	for _, o := range part {
		op := o.Input.(Op)
		if isUnknown(o) {
			continue
		}
		if v, ok := observed(op, o.Output.(Result)); ok {
			f.needed[v] = true
			if t, seen := f.first[v]; !seen || o.Return < t {
				f.first[v] = o.Return
			}
		}
		if op.Kind == KindCAS && !o.Output.(Result).OK && f.producers[op.Old] > 0 {
			f.failedCAS = append(f.failedCAS, o.Return)
		}
	}
	// An unknown CAS whose value is needed applied, so the value it expects is needed too.
	for changed := true; changed; {
		changed = false
		for _, o := range part {
			op := o.Input.(Op)
			if isUnknown(o) && op.Kind == KindCAS && f.needed[op.New] && !f.needed[op.Old] {
				f.needed[op.Old], changed = true, true
			}
		}
	}
	return f
}

// bound returns part with the unknown operations' returns bounded as Check describes, and
// how many it left out and how many it bounded.
func bound(part []porcupine.Operation) (ops []porcupine.Operation, dropped, bounded int) {
	f := facts(part)
	ops = make([]porcupine.Operation, 0, len(part))
	for _, o := range part {
		if !isUnknown(o) {
			ops = append(ops, o)
			continue
		}
		v, _ := produced(o.Input.(Op))
		ret := o.Return
		switch {
		case f.needed[v]:
			if t, ok := f.first[v]; ok && f.producers[v] == 1 {
				ret = max(t, o.Call)
			}
		case o.Input.(Op).Kind == KindCAS && f.producers[o.Input.(Op).Old] == 0:
			dropped++ // it expects a value nothing writes: it never applied
			continue
		default:
			var last int64 = -1
			for _, t := range f.failedCAS {
				if t >= o.Call {
					last = max(last, t)
				}
			}
			if last < 0 {
				dropped++
				continue
			}
			ret = last
		}
		if ret < o.Return {
			o.Return = ret
			bounded++
		}
		ops = append(ops, o)
	}
	return ops, dropped, bounded
}

// visualize writes the history and its partial linearizations, with the annotations, to a
// temporary HTML file and returns its path.
func (r *Recorder) visualize(hist []porcupine.Operation, timeout time.Duration) (string, error) {
	_, lin := porcupine.CheckOperationsVerbose(Model, hist, timeout)
	r.mu.Lock()
	lin.AddAnnotations(r.annotations)
	r.mu.Unlock()
	f, err := os.CreateTemp("", "lincheck-*.html")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if err := porcupine.Visualize(Model, lin, f); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}
