package lincheck

import (
	"context"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// checkReduced checks hist key by key as Recorder.Check does.
func checkReduced(hist []porcupine.Operation) porcupine.CheckResult {
	res := porcupine.Ok
	for _, part := range partitionOps(hist) {
		switch checkKey(part, time.Time{}).result {
		case porcupine.Illegal:
			return porcupine.Illegal
		case porcupine.Unknown:
			res = porcupine.Unknown
		}
	}
	return res
}

func TestCheckReductions(t *testing.T) {
	cases := []struct {
		name               string
		hist               []porcupine.Operation
		want               porcupine.CheckResult
		dropped, tightened int // as the final verdict saw them
	}{
		{"an unobserved unknown write is left out", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, Write(1, 2), 2, -1, none), op(0, Read(1), 3, 4, val(1))},
			porcupine.Ok, 1, 0},
		{"an observed unknown write returns at its first observer", []porcupine.Operation{
			op(1, Write(1, 2), 0, -1, none), op(0, Read(1), 5, 6, val(2)), op(0, Read(1), 7, 8, val(2))},
			porcupine.Ok, 0, 1},
		{"an unknown write cannot be observed, lost, and observed again", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, Write(1, 2), 2, -1, none),
			op(0, Read(1), 3, 4, val(2)), op(0, Read(1), 5, 6, val(1)), op(0, Read(1), 7, 8, val(2))},
			porcupine.Illegal, 0, 1},
		{"an unknown cas a kept one depends on is kept", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, CAS(1, 1, 2), 2, -1, none), op(2, CAS(1, 2, 3), 3, -1, none),
			op(0, Read(1), 10, 11, val(3))},
			porcupine.Ok, 0, 1},
		{"an unobserved unknown write is why a cas failed: it returns with the cas", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, Write(1, 2), 2, -1, none),
			op(0, CAS(1, 1, 3), 3, 4, fail), op(0, Write(1, 4), 5, 6, none), op(0, Read(1), 7, 8, val(4))},
			porcupine.Ok, 0, 1},
		{"an unobserved unknown write applied late, after the value the cas expected", []porcupine.Operation{
			op(1, Write(1, 2), 0, -1, none), op(0, Write(1, 1), 1, 2, none),
			op(0, CAS(1, 1, 3), 3, 4, fail), op(0, Write(1, 4), 5, 6, none), op(0, Read(1), 7, 8, val(4))},
			porcupine.Ok, 0, 1},
		{"an unobserved unknown write cannot come back after the cas", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, Write(1, 2), 2, -1, none),
			op(0, CAS(1, 1, 3), 3, 4, fail), op(0, Read(1), 7, 8, val(1))},
			porcupine.Illegal, 0, 1},
		{"an unknown cas expecting a value nothing writes is left out", []porcupine.Operation{
			op(0, Write(1, 1), 0, 1, none), op(1, CAS(1, -1, 2), 2, -1, none),
			op(0, CAS(1, 1, 3), 3, 4, ok), op(0, Read(1), 7, 8, val(3))},
			porcupine.Ok, 1, 0},
		{"values written twice: no tightening", []porcupine.Operation{
			op(1, Write(1, 2), 0, -1, none), op(2, Write(1, 2), 0, 1, none), op(0, Read(1), 5, 6, val(2))},
			porcupine.Ok, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			kc := checkKey(tc.hist, time.Time{})
			if kc.result != tc.want || kc.dropped != tc.dropped || kc.tightened != tc.tightened {
				t.Fatalf("got %s dropped %d tightened %d, want %s %d %d", kc.result, kc.dropped, kc.tightened, tc.want, tc.dropped, tc.tightened)
			}
			if got := porcupine.CheckOperations(Model, tc.hist); got != (tc.want == porcupine.Ok) {
				t.Fatalf("porcupine on the raw history disagrees: %v", got)
			}
		})
	}
}

// Many unknown outcomes (one in fifteen operations applied late, applied then reported
// unknown, or never applied) on two keys at a time: linearizable, and checked in
// milliseconds. With the deterministic model and every unknown operation open to the end,
// such a history once ran past a 10-minute test timeout.
func TestCheckManyUnknowns(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		rec := NewRecorder()
		store := &ambiguousStore{memStore: newMemStore(), coin: newChance(seed), n: 15}
		w := Workload{Clients: 6, Keys: 2, OpsPerClient: 300, Seed: seed, Classify: classifyTest}
		st := w.Run(context.Background(), []Store{store}, rec)
		store.late.Wait()
		res, info := rec.Check(20 * time.Second)
		t.Logf("seed %d: %v; %v", seed, st, info)
		if res != porcupine.Ok || info.Dropped+info.Bounded == 0 {
			t.Fatalf("seed %d: %s: %v", seed, res, info)
		}
	}
}
