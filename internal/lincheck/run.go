package lincheck

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/anishathalye/porcupine"
)

var seedFlag = flag.Uint64("lincheck.seed", 0, "replay one linearizability run with this seed (0: random seeds)")

// Seeds returns the seeds to run: the one given with -lincheck.seed=N, or else n random
// ones. Every run logs its seed, and a failure names it, so a run is replayed with
// `go test -run ThatTest -lincheck.seed=N`.
func Seeds(n int) []uint64 {
	if *seedFlag != 0 {
		return []uint64{*seedFlag}
	}
	seeds := make([]uint64, n)
	for i := range seeds {
		seeds[i] = rand.Uint64()>>1 | 1 // non-zero
	}
	return seeds
}

// Config is one linearizability run: Workload against Stores while, if Nemesis is set, its
// schedule runs against Faults; then the history is checked.
type Config struct {
	// Seed seeds the workload and the nemesis (overriding their own Seed fields).
	Seed     uint64
	Workload Workload
	Stores   []Store
	// Nemesis, if set, runs alongside the workload; its Duration defaults to the workload's.
	Nemesis *Nemesis
	Faults  Faults
	// CheckTimeout bounds the linearizability check (default 1 minute); a check that runs out
	// of time is not a failure, but Report.Err says so if Strict.
	CheckTimeout time.Duration
	Strict       bool
	Logf         func(format string, args ...any) // optional
}

// Report is the outcome of a run.
type Report struct {
	Seed     uint64
	Stats    Stats
	Schedule Schedule
	// NemesisErr joins the errors of fault steps that failed.
	NemesisErr error
	Result     porcupine.CheckResult
	Info       CheckInfo
	strict     bool
}

func (r Report) String() string {
	return fmt.Sprintf("lincheck seed=%d: %s; workload: %v; check: %v", r.Seed, r.Result, r.Stats, r.Info)
}

// Err is nil when the history is linearizable (or the check timed out, unless Strict) and
// some operation completed, and otherwise says why, with the seed that replays the run and the visualization's path.
func (r Report) Err() error {
	switch {
	case r.Result == porcupine.Illegal:
		return fmt.Errorf("not linearizable (replay with -lincheck.seed=%d): %v\n%v", r.Seed, r.Info, r.Schedule)
	case r.Result == porcupine.Unknown && r.strict:
		return fmt.Errorf("linearizability check timed out (seed %d): %v", r.Seed, r.Info)
	case r.Stats.OK == 0:
		return fmt.Errorf("vacuous: no operation completed (seed %d): %v", r.Seed, r.Stats)
	}
	return nil
}

// nemesisSeed derives the nemesis's seed from the run's, so the two streams differ.
func nemesisSeed(seed uint64) uint64 { return seed ^ 0x9e3779b97f4a7c15 }

// Run runs cfg and checks the history. The workload's Duration bounds the run (or its
// OpsPerClient); the nemesis undoes its faults before Run checks.
func Run(ctx context.Context, cfg Config) Report {
	if cfg.CheckTimeout <= 0 {
		cfg.CheckTimeout = time.Minute
	}
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	rep := Report{Seed: cfg.Seed, strict: cfg.Strict}
	logf("lincheck: seed=%d (replay with -lincheck.seed=%d)", cfg.Seed, cfg.Seed)
	rec := NewRecorder()
	w := cfg.Workload
	w.Seed = cfg.Seed
	if w.Logf == nil {
		w.Logf = logf
	}
	nemDone := make(chan struct{})
	if cfg.Nemesis != nil {
		n := *cfg.Nemesis
		n.Seed = nemesisSeed(cfg.Seed)
		if n.Duration <= 0 {
			n.Duration = w.Duration
		}
		if n.Logf == nil {
			n.Logf = logf
		}
		if n.Annotate == nil {
			n.Annotate = rec.Annotate
		}
		nctx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			defer close(nemDone)
			rep.Schedule, rep.NemesisErr = n.Run(nctx, cfg.Faults)
		}()
		defer func() { cancel(); <-nemDone }()
		rep.Stats = w.Run(ctx, cfg.Stores, rec)
		cancel()
		<-nemDone
	} else {
		close(nemDone)
		rep.Stats = w.Run(ctx, cfg.Stores, rec)
	}
	rep.Result, rep.Info = rec.Check(cfg.CheckTimeout)
	logf("%v", rep)
	return rep
}
