package lincheck

import (
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// simCluster is a store that misbehaves while a fault is in place, as a cluster would: its
// operations fail or end unknown (applied or not), and, if staleDuringFaults, reads are
// served from a copy taken when the fault began (a deposed leader that still answers).
type simCluster struct {
	*memStore
	coin              *chance
	staleDuringFaults bool

	mu     sync.Mutex
	faults int
	copy   map[int]int
}

func (c *simCluster) change(d int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.faults == 0 && d > 0 {
		c.memStore.mu.Lock()
		c.copy = map[int]int{}
		for k, v := range c.m {
			c.copy[k] = v
		}
		c.memStore.mu.Unlock()
	}
	c.faults += d
	return nil
}

func (c *simCluster) faulty() (bool, map[int]int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.faults > 0, c.copy
}

func (c *simCluster) Partition(context.Context, []string, []string) error { return c.change(1) }
func (c *simCluster) Heal(context.Context) error                          { return c.change(-1) }
func (c *simCluster) Kill(context.Context, string) error                  { return c.change(1) }
func (c *simCluster) Restart(context.Context, string) error               { return c.change(-1) }
func (c *simCluster) Pause(context.Context, string) error                 { return c.change(1) }
func (c *simCluster) Resume(context.Context, string) error                { return c.change(-1) }
func (c *simCluster) TransferLeader(context.Context, string) error        { return nil }

func (c *simCluster) Read(ctx context.Context, k int) (int, bool, error) {
	if faulty, copy := c.faulty(); faulty && c.staleDuringFaults && c.coin.one(2) {
		c.mu.Lock()
		defer c.mu.Unlock()
		v, ok := copy[k]
		return v, ok, nil
	}
	return c.memStore.Read(ctx, k)
}

func (c *simCluster) mutate(apply func()) error {
	if faulty, _ := c.faulty(); faulty {
		switch {
		case c.coin.one(4):
			return errFailed
		case c.coin.one(4):
			apply()
			return errUnknown
		}
	}
	apply()
	return nil
}

func (c *simCluster) Write(ctx context.Context, k, v int) error {
	return c.mutate(func() { _ = c.memStore.Write(ctx, k, v) })
}

func (c *simCluster) CAS(ctx context.Context, k, old, new int) (bool, error) {
	var ok bool
	err := c.mutate(func() { ok, _ = c.memStore.CAS(ctx, k, old, new) })
	return ok, err
}

func TestRunWithNemesis(t *testing.T) {
	for _, stale := range []bool{false, true} {
		t.Run("stale="+strconv.FormatBool(stale), func(t *testing.T) {
			seed := Seeds(1)[0]
			c := &simCluster{memStore: newMemStore(), coin: newChance(seed), staleDuringFaults: stale}
			rep := Run(context.Background(), Config{
				Seed: seed,
				Workload: Workload{Clients: 4, Keys: 3, Duration: 600 * time.Millisecond, Pace: 200 * time.Microsecond,
					Classify: classifyTest},
				Stores:  []Store{c},
				Nemesis: &Nemesis{Nodes: nodes(5), MinGap: 20 * time.Millisecond, MaxGap: 60 * time.Millisecond},
				Faults:  c,
				Logf:    t.Logf,
			})
			if len(rep.Schedule.Steps) == 0 || rep.Schedule.Seed != nemesisSeed(seed) {
				t.Fatalf("no nemesis schedule: %+v", rep.Schedule)
			}
			if c.faults != 0 {
				t.Fatalf("%d faults left in place", c.faults)
			}
			if rep.Stats.Unknown == 0 || rep.Stats.Failed == 0 {
				t.Fatalf("faults caused no errors: %v", rep.Stats)
			}
			err := rep.Err()
			if !stale {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if rep.Result != porcupine.Illegal || !strings.Contains(err.Error(), "-lincheck.seed="+strconv.FormatUint(seed, 10)) {
				t.Fatalf("stale reads during faults not caught, or the seed not named: %v", err)
			}
			os.Remove(rep.Info.Visualization)
		})
	}
}

func TestSeeds(t *testing.T) {
	s := Seeds(5)
	if len(s) != 5 || s[0] == 0 || s[0] == s[1] {
		t.Fatalf("seeds %v", s)
	}
	old := *seedFlag
	defer func() { *seedFlag = old }()
	*seedFlag = 1234
	if s := Seeds(5); len(s) != 1 || s[0] != 1234 {
		t.Fatalf("-lincheck.seed=1234 gave %v", s)
	}
}

func TestReportErr(t *testing.T) {
	cases := []struct {
		rep  Report
		want string
	}{
		{Report{Seed: 1, Result: porcupine.Ok, Stats: Stats{OK: 1}}, ""},
		{Report{Seed: 1, Result: porcupine.Unknown, Stats: Stats{OK: 1}}, ""},
		{Report{Seed: 1, Result: porcupine.Unknown, Stats: Stats{OK: 1}, strict: true}, "timed out (seed 1)"},
		{Report{Seed: 2, Result: porcupine.Illegal, Stats: Stats{OK: 1}}, "-lincheck.seed=2"},
		{Report{Seed: 3, Result: porcupine.Ok, Stats: Stats{Ops: 5, Failed: 5}}, "vacuous"},
	}
	for _, tc := range cases {
		err := tc.rep.Err()
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want %q", tc.rep, err, tc.want)
		}
	}
}
