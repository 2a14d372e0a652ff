package lincheck

import (
	"math"
	"testing"

	"github.com/anishathalye/porcupine"
)

// op builds a history element; ret < 0 means unknown (open to the end of the history).
func op(client int, in Op, call, ret int64, out Result) porcupine.Operation {
	if ret < 0 {
		ret, out = math.MaxInt64, Result{Unknown: true}
	}
	return porcupine.Operation{ClientId: client, Input: in, Call: call, Output: out, Return: ret}
}

var (
	none   = Result{}
	absent = Result{}
	ok     = Result{OK: true}
	fail   = Result{OK: false}
)

func val(v int) Result { return Result{Value: v, Exists: true} }

func TestModel(t *testing.T) {
	cases := []struct {
		name string
		hist []porcupine.Operation
		want porcupine.CheckResult
	}{
		{"empty history", nil, porcupine.Ok},
		{"a key starts absent", []porcupine.Operation{op(0, Read(1), 0, 1, absent)}, porcupine.Ok},
		{"a read of a value never written", []porcupine.Operation{op(0, Read(1), 0, 1, val(7))}, porcupine.Illegal},
		{"read your write", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, Read(1), 2, 3, val(5))}, porcupine.Ok},
		{"a stale read after the write returned", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, Write(1, 6), 2, 3, none), op(1, Read(1), 4, 5, val(5))}, porcupine.Illegal},
		{"absent after a completed write", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(1, Read(1), 2, 3, absent)}, porcupine.Illegal},
		{"a read concurrent with a write sees either", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, Write(1, 6), 2, 10, none),
			op(1, Read(1), 3, 4, val(5)), op(2, Read(1), 5, 6, val(6))}, porcupine.Ok},
		{"concurrent reads cannot see the writes in two orders", []porcupine.Operation{
			op(0, Write(1, 5), 0, 10, none), op(1, Write(1, 6), 0, 10, none),
			op(2, Read(1), 11, 12, val(5)), op(3, Read(1), 13, 14, val(6))}, porcupine.Illegal},
		{"cas applies on a match", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, CAS(1, 5, 8), 2, 3, ok), op(1, Read(1), 4, 5, val(8))}, porcupine.Ok},
		{"cas cannot report success on a mismatch", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, CAS(1, 4, 8), 2, 3, ok)}, porcupine.Illegal},
		{"cas cannot report failure on a match", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, CAS(1, 5, 8), 2, 3, fail)}, porcupine.Illegal},
		{"cas on an absent key fails", []porcupine.Operation{op(0, CAS(1, 0, 8), 0, 1, fail)}, porcupine.Ok},
		{"a cas that applied twice: reported failed but its value is read", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(0, CAS(1, 5, 8), 2, 3, fail), op(1, Read(1), 4, 5, val(8))}, porcupine.Illegal},
		{"an unknown write may have happened", []porcupine.Operation{
			op(0, Write(1, 5), 0, -1, none), op(1, Read(1), 4, 5, val(5))}, porcupine.Ok},
		{"an unknown write may never happen", []porcupine.Operation{
			op(0, Write(1, 5), 0, -1, none), op(1, Read(1), 4, 5, absent), op(1, Read(1), 6, 7, absent)}, porcupine.Ok},
		{"an unknown write may happen late", []porcupine.Operation{
			op(0, Write(1, 5), 0, -1, none), op(1, Read(1), 4, 5, absent), op(1, Read(1), 6, 7, val(5))}, porcupine.Ok},
		{"an unknown write happens at most once", []porcupine.Operation{
			op(0, Write(1, 4), 0, 1, none), op(0, Write(1, 5), 2, -1, none),
			op(1, Read(1), 4, 5, val(5)), op(1, Read(1), 6, 7, val(4)), op(1, Read(1), 8, 9, val(5))}, porcupine.Illegal},
		{"an unknown write cannot be seen before it was sent", []porcupine.Operation{
			op(1, Read(1), 0, 1, val(5)), op(0, Write(1, 5), 2, -1, none)}, porcupine.Illegal},
		{"an unknown cas applies only on a match", []porcupine.Operation{
			op(0, Write(1, 4), 0, 1, none), op(0, CAS(1, 3, 5), 2, -1, none), op(1, Read(1), 4, 5, val(5))}, porcupine.Illegal},
		{"an unknown cas that matched may have applied", []porcupine.Operation{
			op(0, Write(1, 4), 0, 1, none), op(0, CAS(1, 4, 5), 2, -1, none), op(1, Read(1), 4, 5, val(5))}, porcupine.Ok},
		{"an unknown cas that matched may not have applied", []porcupine.Operation{
			op(0, Write(1, 4), 0, 1, none), op(0, CAS(1, 4, 5), 2, -1, none), op(1, Read(1), 4, 5, val(4)),
			op(1, Write(1, 6), 6, 7, none), op(1, Read(1), 8, 9, val(6))}, porcupine.Ok},
		{"keys are independent", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(1, Read(2), 2, 3, absent), op(1, Read(1), 4, 5, val(5))}, porcupine.Ok},
		{"a value read on the wrong key", []porcupine.Operation{
			op(0, Write(1, 5), 0, 1, none), op(1, Read(2), 2, 3, val(5))}, porcupine.Illegal},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := porcupine.CheckOperationsTimeout(Model, tc.hist, 0); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
			// Check's reductions of unknown operations do not change the verdict.
			if got := checkReduced(tc.hist); got != tc.want {
				t.Fatalf("reduced: got %s, want %s", got, tc.want)
			}
			// The event form of the same history partitions the same way.
			if got := porcupine.CheckEventsTimeout(Model, toEvents(tc.hist), 0); got != tc.want {
				t.Fatalf("events: got %s, want %s", got, tc.want)
			}
		})
	}
}

// toEvents turns operations into the equivalent call/return events, in time order.
func toEvents(hist []porcupine.Operation) []porcupine.Event {
	type ev struct {
		t    int64
		kind porcupine.EventKind
		i    int
	}
	var evs []ev
	for i, o := range hist {
		evs = append(evs, ev{o.Call, porcupine.CallEvent, i}, ev{o.Return, porcupine.ReturnEvent, i})
	}
	for i := 1; i < len(evs); i++ { // insertion sort: calls before returns at equal times
		for j := i; j > 0 && (evs[j].t < evs[j-1].t || evs[j].t == evs[j-1].t && !bool(evs[j].kind) && bool(evs[j-1].kind)); j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
	out := make([]porcupine.Event, len(evs))
	for k, e := range evs {
		o := hist[e.i]
		v := o.Input
		if e.kind == porcupine.ReturnEvent {
			v = o.Output
		}
		out[k] = porcupine.Event{ClientId: o.ClientId, Kind: e.kind, Value: v, Id: e.i}
	}
	return out
}

func TestDescribe(t *testing.T) {
	cases := []struct {
		op   Op
		out  Result
		want string
	}{
		{Read(1), val(5), "read(1) -> 5"},
		{Read(1), absent, "read(1) -> absent"},
		{Write(2, 7), none, "write(2, 7)"},
		{Write(2, 7), Result{Unknown: true}, "write(2, 7) -> ?"},
		{CAS(3, 1, 2), ok, "cas(3, 1->2) -> ok"},
		{CAS(3, 1, 2), fail, "cas(3, 1->2) -> fail"},
		{CAS(3, 1, 2), Result{Unknown: true}, "cas(3, 1->2) -> ?"},
	}
	for _, tc := range cases {
		if got := Model.DescribeOperation(tc.op, tc.out); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if got := Model.DescribeState([]any{register{}, register{v: 3, present: true}}); got != "{absent, 3}" {
		t.Errorf("state: got %q", got)
	}
}
