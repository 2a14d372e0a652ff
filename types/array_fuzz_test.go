package types

import "testing"

// FuzzParseArray: a stored array column is its text form (AppendRow writes S), read back by
// Elems on every use, so the reader must survive any bytes without panicking, and what it
// accepts must print back to text that reads as the same elements.
func FuzzParseArray(f *testing.F) {
	for _, s := range []string{"{}", "{1,NULL,3}", `{a,"b c","NULL","q\"t",back\\slash}`, "{t,f}", "{1.5,NaN,-Infinity}",
		`{"2024-01-02 03:04:05+00"}`, `{"\\x00ff"}`, `{"{\"a\": 1}",null}`, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
		`{"1 day",-1 mons}`, "{", "{a,{b}}", `{"a`, "1 2 3"} {
		f.Add(s, uint8(0))
	}
	all := append([]Type{Int2Vector, Int16Array, Int32Array, Int64Array, TextArray, TimeTZArray}, func() []Type {
		var ts []Type
		for _, a := range moreArrays {
			ts = append(ts, a.array)
		}
		return ts
	}()...)
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		typ := all[int(k)%len(all)]
		v := Value{T: typ, S: s}
		elems, err := v.Elems()
		if err != nil {
			return
		}
		again := NewArray(typ, elems)
		back, err := again.Elems()
		if err != nil {
			t.Fatalf("%s %q printed as %q, which does not read back: %v", typ, s, again.S, err)
		}
		if len(back) != len(elems) {
			t.Fatalf("%s %q: %d elements, %d after printing as %q", typ, s, len(elems), len(back), again.S)
		}
		if NewArray(typ, back).S != again.S {
			t.Fatalf("%s %q: prints as %q, then as %q", typ, s, again.S, NewArray(typ, back).S)
		}
	})
}
