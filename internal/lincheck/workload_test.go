package lincheck

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

func selfTestWorkload() Workload {
	return Workload{Clients: 4, Keys: 3, OpsPerClient: 300, Classify: classifyTest}
}

// The harness passes a linearizable store and catches each broken one, naming the seed.
func TestSelfCheck(t *testing.T) {
	cases := []struct {
		name  string
		store func(seed uint64) Store
		want  porcupine.CheckResult
	}{
		{"linearizable map under a mutex", func(uint64) Store { return newMemStore() }, porcupine.Ok},
		{"stale reads from a lagging copy", func(s uint64) Store { return newStaleStore(s) }, porcupine.Illegal},
		{"an acknowledged write lost", func(s uint64) Store {
			return &lostWriteStore{memStore: newMemStore(), coin: newChance(s)}
		}, porcupine.Illegal},
		{"a CAS applied, retried and reported failed", func(s uint64) Store {
			return &retriedCASStore{memStore: newMemStore(), coin: newChance(s)}
		}, porcupine.Illegal},
		{"an operation applied but reported certainly failed", func(s uint64) Store {
			return &appliedButFailedStore{memStore: newMemStore(), coin: newChance(s)}
		}, porcupine.Illegal},
		{"unknown outcomes: applied, applied later, refused", func(s uint64) Store {
			return &ambiguousStore{memStore: newMemStore(), coin: newChance(s), n: 25}
		}, porcupine.Ok},
		{"unknown outcomes never applied", func(s uint64) Store {
			return &ambiguousStore{memStore: newMemStore(), coin: newChance(s), n: 25, never: true}
		}, porcupine.Ok},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seed := Seeds(1)[0]
			store := tc.store(seed)
			rep := Run(context.Background(), Config{Seed: seed, Workload: selfTestWorkload(), Stores: []Store{store}})
			if a, ok := store.(*ambiguousStore); ok {
				a.late.Wait()
			}
			t.Logf("%v", rep)
			if rep.Result != tc.want {
				t.Fatalf("seed %d: got %s, want %s", seed, rep.Result, tc.want)
			}
			err := rep.Err()
			if tc.want == porcupine.Ok {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			defer os.Remove(rep.Info.Visualization)
			if err == nil || !strings.Contains(err.Error(), "-lincheck.seed="+strconv.FormatUint(seed, 10)) {
				t.Fatalf("the error does not name the seed: %v", err)
			}
			if rep.Info.Visualization == "" {
				t.Errorf("no visualization: %v", rep.Info.VisualizationErr)
			}
		})
	}
}

// Unknown outcomes are exercised, not just survived: the ambiguous store produces some.
func TestWorkloadStats(t *testing.T) {
	rec := NewRecorder()
	store := &ambiguousStore{memStore: newMemStore(), coin: newChance(1), n: 10}
	w := selfTestWorkload()
	w.Seed = 7
	st := w.Run(context.Background(), []Store{store, store}, rec)
	store.late.Wait()
	if st.Ops != 4*300 || st.OK+st.Failed+st.Unknown != st.Ops || st.Reads+st.Writes+st.CASes != st.Ops {
		t.Fatalf("counts do not add up: %v", st)
	}
	if st.Unknown == 0 || st.Failed == 0 || st.CASApplied == 0 || st.CASApplied == st.CASes {
		t.Fatalf("the workload should see unknowns, failures and both CAS outcomes: %v", st)
	}
	if st.Errors[errUnknown.Error()] != st.Unknown || st.Errors[errFailed.Error()] != st.Failed {
		t.Errorf("errors: %v", st)
	}
	if res, info := rec.Check(30 * time.Second); res != porcupine.Ok {
		t.Fatalf("%s: %v", res, info)
	}
}

// Values are unique per client and operation, so a read identifies the write it saw.
func TestWorkloadValuesUnique(t *testing.T) {
	rec := NewRecorder()
	w := Workload{Clients: 3, Keys: 2, OpsPerClient: 200, Seed: 3, Mix: Mix{Write: 1, CAS: 1}}
	w.Run(context.Background(), []Store{newMemStore()}, rec)
	seen := map[int]bool{}
	for _, o := range rec.Operations() {
		in := o.Input.(Op)
		v := in.Value
		if in.Kind == KindCAS {
			v = in.New
		}
		if seen[v] {
			t.Fatalf("value %d written twice", v)
		}
		seen[v] = true
	}
	if len(seen) != 600 {
		t.Fatalf("got %d values, want 600", len(seen))
	}
}

// The same seed gives every client the same operations.
func TestWorkloadSeeded(t *testing.T) {
	ops := func(seed uint64) []Op {
		rec := NewRecorder()
		Workload{Clients: 1, OpsPerClient: 100, Seed: seed}.Run(context.Background(), []Store{newMemStore()}, rec)
		var out []Op
		for _, o := range rec.Operations() {
			out = append(out, o.Input.(Op))
		}
		return out
	}
	a, b, c := ops(5), ops(5), ops(6)
	if len(a) != 100 || strings.Join(opStrings(a), ",") != strings.Join(opStrings(b), ",") {
		t.Fatal("the same seed gave different operations")
	}
	if strings.Join(opStrings(a), ",") == strings.Join(opStrings(c), ",") {
		t.Fatal("different seeds gave the same operations")
	}
}

func opStrings(ops []Op) []string {
	var s []string
	for _, o := range ops {
		s = append(s, o.String())
	}
	return s
}
