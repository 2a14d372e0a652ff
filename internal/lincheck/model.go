package lincheck

import (
	"fmt"

	"github.com/anishathalye/porcupine"
)

// Kind is what an operation does to its register.
type Kind uint8

// The three operations on a register.
const (
	KindRead  Kind = iota // Read(k) → value, or absent
	KindWrite             // Write(k, v): set (creating the key if absent)
	KindCAS               // CAS(k, old, new): set to new iff present and equal to old
)

func (k Kind) String() string {
	switch k {
	case KindRead:
		return "read"
	case KindWrite:
		return "write"
	case KindCAS:
		return "cas"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Op is the input of one operation on register Key.
type Op struct {
	Kind  Kind
	Key   int
	Value int // Write's value
	Old   int // CAS's expected value
	New   int // CAS's new value
}

// Read, Write and CAS build Ops.
func Read(k int) Op            { return Op{Kind: KindRead, Key: k} }
func Write(k, v int) Op        { return Op{Kind: KindWrite, Key: k, Value: v} }
func CAS(k, old, new int) Op   { return Op{Kind: KindCAS, Key: k, Old: old, New: new} }
func (o Op) String() string    { return describeOp(o, Result{Unknown: true}) }
func (o Op) partitionKey() int { return o.Key }

// Result is the output of one operation whose outcome the client knows: for a Read, Value
// and Exists (false: the key is absent); for a CAS, OK (whether it applied). A Write's result
// carries nothing. Unknown is set by Recorder.Unknown, never by clients: the operation may or
// may not have taken effect.
type Result struct {
	Value   int
	Exists  bool
	OK      bool
	Unknown bool
}

// register is the state of one key: the model is partitioned by key, so each partition's
// state is a single register. It is comparable, so porcupine's default == is its equality.
type register struct {
	v       int
	present bool
}

func (r register) String() string {
	if !r.present {
		return "absent"
	}
	return fmt.Sprint(r.v)
}

// step is the sequential specification of one register, nondeterministic in one way: an
// operation whose outcome is unknown may have had no effect (it may have been applied
// elsewhere in time, or never). That lets Check bound an unknown operation's interval
// instead of leaving it open to the end of the history.
func step(state, input, output any) []any {
	st := state.(register)
	op := input.(Op)
	out := output.(Result)
	switch op.Kind {
	case KindRead:
		if out.Unknown || (out.Exists == st.present && (!st.present || out.Value == st.v)) {
			return []any{st}
		}
		return nil
	case KindWrite:
		next := register{v: op.Value, present: true}
		if out.Unknown {
			return []any{next, st}
		}
		return []any{next}
	case KindCAS:
		match := st.present && st.v == op.Old
		switch {
		case out.Unknown && match:
			return []any{register{v: op.New, present: true}, st}
		case out.Unknown:
			return []any{st}
		case out.OK != match:
			return nil
		case match:
			return []any{register{v: op.New, present: true}}
		}
		return []any{st}
	}
	return nil
}

func describeOp(op Op, out Result) string {
	switch op.Kind {
	case KindRead:
		switch {
		case out.Unknown:
			return fmt.Sprintf("read(%d) -> ?", op.Key)
		case !out.Exists:
			return fmt.Sprintf("read(%d) -> absent", op.Key)
		}
		return fmt.Sprintf("read(%d) -> %d", op.Key, out.Value)
	case KindWrite:
		if out.Unknown {
			return fmt.Sprintf("write(%d, %d) -> ?", op.Key, op.Value)
		}
		return fmt.Sprintf("write(%d, %d)", op.Key, op.Value)
	case KindCAS:
		res := "fail"
		switch {
		case out.Unknown:
			res = "?"
		case out.OK:
			res = "ok"
		}
		return fmt.Sprintf("cas(%d, %d->%d) -> %s", op.Key, op.Old, op.New, res)
	}
	return op.Kind.String()
}

// partitionOps splits a history by key: registers are independent, so the history is
// linearizable iff each key's is (porcupine's P-compositionality), and each is far smaller.
func partitionOps(history []porcupine.Operation) [][]porcupine.Operation {
	index := map[int]int{}
	var parts [][]porcupine.Operation
	for _, o := range history {
		k := o.Input.(Op).partitionKey()
		i, ok := index[k]
		if !ok {
			i = len(parts)
			index[k] = i
			parts = append(parts, nil)
		}
		parts[i] = append(parts[i], o)
	}
	return parts
}

// partitionEvents is partitionOps for the event form of a history: a return event carries no
// input, so it goes where its call went.
func partitionEvents(history []porcupine.Event) [][]porcupine.Event {
	index := map[int]int{}
	byID := map[int]int{}
	var parts [][]porcupine.Event
	for _, e := range history {
		var i int
		if e.Kind == porcupine.CallEvent {
			k := e.Value.(Op).partitionKey()
			var ok bool
			if i, ok = index[k]; !ok {
				i = len(parts)
				index[k] = i
				parts = append(parts, nil)
			}
			byID[e.Id] = i
		} else {
			i = byID[e.Id]
		}
		parts[i] = append(parts[i], e)
	}
	return parts
}

// nondeterministic is the model before porcupine's power-set construction.
var nondeterministic = porcupine.NondeterministicModel{
	Partition:      partitionOps,
	PartitionEvent: partitionEvents,
	Init:           func() []any { return []any{register{}} },
	Step:           step,
	Hash: func(state any) uint64 {
		r := state.(register)
		h := uint64(r.v) * 0x9e3779b97f4a7c15
		if r.present {
			h ^= 1
		}
		return h
	},
	DescribeOperation: func(input, output any) string { return describeOp(input.(Op), output.(Result)) },
	DescribeState:     func(state any) string { return state.(register).String() },
}

// Model is the porcupine model of a set of integer registers keyed by int, every key absent
// at first, partitioned by key. Inputs are Op and outputs Result. Its states are sets of
// registers: an operation with an unknown outcome may or may not have had its effect.
var Model = nondeterministic.ToModel()
