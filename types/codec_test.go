package types

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// compareValues orders values of one type the way SQL does, for checking the key encoding.
func compareValues(a, b Value) int {
	switch a.T {
	case Float32, Float64:
		switch {
		case a.F < b.F:
			return -1
		case a.F > b.F:
			return 1
		}
		return 0
	case Text, Bytea, Numeric:
		return bytes.Compare([]byte(a.S), []byte(b.S))
	}
	switch {
	case a.I < b.I:
		return -1
	case a.I > b.I:
		return 1
	}
	return 0
}

func TestKeyEncodingPreservesOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	gens := map[Type]func() Value{
		Int64:     func() Value { return NewInt(Int64, int64(r.Uint64())) },
		Int16:     func() Value { return NewInt(Int16, int64(int16(r.Uint32()))) },
		Float64:   func() Value { return NewFloat(Float64, r.NormFloat64()*1e6) },
		Bool:      func() Value { return NewBool(r.IntN(2) == 1) },
		Timestamp: func() Value { return Value{T: Timestamp, I: r.Int64N(1 << 50)} },
		Text: func() Value {
			b := make([]byte, r.IntN(6))
			for i := range b {
				b[i] = []byte{0, 1, 'a', 'b', 0xff}[r.IntN(5)]
			}
			return NewText(string(b))
		},
	}
	for typ, gen := range gens {
		t.Run(typ.String(), func(t *testing.T) {
			s := &Schema{Name: "t", Columns: []Column{{Name: "k", Type: typ}, {Name: "k2", Type: Int32}}, PK: []int{0, 1}}
			for i := 0; i < 5000; i++ {
				a := []Value{gen(), NewInt(Int32, r.Int64N(3))}
				b := []Value{gen(), NewInt(Int32, r.Int64N(3))}
				ka, _ := AppendKey(nil, s, a)
				kb, _ := AppendKey(nil, s, b)
				want := compareValues(a[0], b[0])
				if want == 0 {
					want = compareValues(a[1], b[1])
				}
				if got := bytes.Compare(ka, kb); got != want {
					t.Fatalf("%v vs %v: key order %d, value order %d", a, b, got, want)
				}
				back := make([]Value, 2)
				if err := DecodeKey(s, ka, back); err != nil || compareValues(back[0], a[0]) != 0 || back[1].I != a[1].I {
					t.Fatalf("decode %v: %v %v", a, back, err)
				}
			}
		})
	}
}

func TestKeyRejectsNullAndCorruption(t *testing.T) {
	s := &Schema{Name: "t", Columns: []Column{{Name: "k", Type: Text}}, PK: []int{0}}
	if _, err := AppendKey(nil, s, []Value{NullValue}); err != ErrNullKey {
		t.Fatalf("NULL key: %v", err)
	}
	for _, bad := range [][]byte{{}, {'a'}, {'a', 0}, {'a', 0, 7}, {'a', 0, 1, 'x'}} {
		if err := DecodeKey(s, bad, make([]Value, 1)); err == nil {
			t.Errorf("corrupt key %q decoded", bad)
		}
	}
}

func TestRowRoundTrip(t *testing.T) {
	s := &Schema{Name: "t", PK: []int{1}, Columns: []Column{
		{Name: "a", Type: Int16}, {Name: "id", Type: Int64}, {Name: "f", Type: Float32},
		{Name: "d", Type: Float64}, {Name: "b", Type: Bool}, {Name: "s", Type: Text},
		{Name: "ts", Type: Timestamp}, {Name: "by", Type: Bytea}, {Name: "n", Type: Numeric, Length: NumericTypmod(10, 2)},
	}}
	rows := [][]Value{
		{NewInt(Int16, -3), NewInt(Int64, 42), NewFloat(Float32, 1.5), NewFloat(Float64, math.Inf(-1)),
			NewBool(true), NewText("héllo"), {T: Timestamp, I: -1}, NewBytea([]byte{0, 1, 2}), {T: Numeric, S: "-1.50"}},
		{NullValue, NewInt(Int64, math.MinInt64), NullValue, NullValue, NullValue, NewText(""), NullValue, NewBytea(nil), NullValue},
	}
	for _, row := range rows {
		key, err := AppendKey(nil, s, row)
		if err != nil {
			t.Fatal(err)
		}
		value := AppendRow(nil, s, row)
		got := make([]Value, len(row))
		if err := DecodeRow(s, key, value, got); err != nil {
			t.Fatal(err)
		}
		for i := range row {
			if row[i].IsNull() != got[i].IsNull() || !row[i].IsNull() && (compareValues(row[i], got[i]) != 0 || row[i].T != got[i].T) {
				t.Fatalf("column %d: wrote %#v read %#v", i, row[i], got[i])
			}
		}
		for n := 0; n < len(value); n++ {
			if err := DecodeValue(s, value[:n], got); err == nil && n < len(value) {
				// A prefix may legitimately decode only if it ends exactly after a column and
				// the count says fewer columns; our counts are explicit, so any prefix fails.
				t.Fatalf("truncated row (%d of %d bytes) decoded", n, len(value))
			}
		}
	}
	// Rows written before a column was added read the new column as NULL.
	short := &Schema{Name: "t", PK: []int{0}, Columns: []Column{{Name: "id", Type: Int64}, {Name: "v", Type: Text}}}
	long := &Schema{Name: "t", PK: []int{0}, Columns: append(slices.Clone(short.Columns), Column{Name: "w", Type: Int32})}
	v := AppendRow(nil, short, []Value{NewInt(Int64, 1), NewText("x")})
	got := make([]Value, 3)
	if err := DecodeValue(long, v, got); err != nil || got[1].S != "x" || !got[2].IsNull() {
		t.Fatalf("old row under new schema: %v %v", got, err)
	}
}

func TestTextOutput(t *testing.T) {
	cases := []struct {
		v    Value
		want string
	}{
		{NewInt(Int32, -7), "-7"},
		{NewFloat(Float64, 0.1), "0.1"},
		{NewFloat(Float64, 1e300), "1e+300"},
		{NewFloat(Float64, 1.5e-7), "1.5e-07"},
		{NewFloat(Float32, 0.1), "0.1"},
		{NewFloat(Float64, math.NaN()), "NaN"},
		{NewBool(false), "f"},
		{Value{T: Timestamp, I: 1_700_000_000_123_456}, "2023-11-14 22:13:20.123456"},
		{Value{T: Timestamp, I: 0}, "1970-01-01 00:00:00"},
		{NewBytea([]byte{0xde, 0xad}), `\xdead`},
		{NullValue, "NULL"},
	}
	for _, c := range cases {
		if got := c.v.String(); got != c.want {
			t.Errorf("%#v: %q, want %q", c.v, got, c.want)
		}
	}
}

func TestSchemaCodec(t *testing.T) {
	cols := []Column{
		{Name: "a", Type: Int32, NotNull: true},
		{Name: "b", Type: Text, Length: 10, Fixed: true, NotNull: true, Default: "'x'"},
		{Name: "c", Type: Float64},
		{Name: "_rowid", Type: Int64, NotNull: true, Hidden: true},
	}
	cases := []struct {
		name string
		s    *Schema
	}{
		{"composite key", &Schema{Name: "accounts", PK: []int{1, 0}, Columns: cols[:2]}},
		{"hidden row id and indexes", &Schema{Name: "events", PK: []int{3}, Columns: cols, Indexes: []Index{
			{Name: "events_a", Columns: []int{0}},
			{Name: "events_bc", Columns: []int{1, 2}, Unique: true, Hash: true},
		}}},
		{"constraints", &Schema{Name: "c", PK: []int{3}, Columns: cols, Indexes: []Index{
			{Name: "c_a_key", Columns: []int{0}, Unique: true},
		}, Constraints: []Constraint{
			{Name: "c_c_check", Kind: ConstraintCheck, Check: "c > 0"},
			{Name: "c_a_key", Kind: ConstraintUnique, Columns: []int{0}, Index: "c_a_key"},
			{Name: "c_b_fkey", Kind: ConstraintForeign, Columns: []int{1, 0}, RefTable: "p", RefColumns: []string{"x", "y"},
				OnDelete: RefCascade, OnUpdate: RefSetNull},
		}}},
		{"deferrable constraints", &Schema{Name: "e", PK: []int{3}, Columns: cols, Indexes: []Index{
			{Name: "e_a_key", Columns: []int{0}, Unique: true},
		}, Constraints: []Constraint{
			{Name: "e_a_key", Kind: ConstraintUnique, Columns: []int{0}, Index: "e_a_key", Deferrable: true},
			{Name: "e_b_fkey", Kind: ConstraintForeign, Columns: []int{1}, RefTable: "p", RefColumns: []string{"x"},
				OnDelete: RefNoAction, OnUpdate: RefNoAction, Deferrable: true, Deferred: true},
		}}},
		{"identity columns", &Schema{Name: "g", PK: []int{0}, Columns: []Column{
			{Name: "a", Type: Int64, NotNull: true, Default: "nextval('g_a_seq'::regclass)", Identity: IdentityAlways},
			{Name: "b", Type: Int32, NotNull: true, Default: "nextval('g_b_seq'::regclass)", Identity: IdentityByDefault},
		}}},
		{"generated columns", &Schema{Name: "gc", PK: []int{0}, Columns: []Column{
			{Name: "a", Type: Int32, NotNull: true},
			{Name: "c", Type: Int32, Generated: "a * 2"},
			{Name: "d", Type: Text, NotNull: true, Generated: "concat(a, 'x')"},
		}}},
		{"MATCH FULL and NOT VALID", &Schema{Name: "f", PK: []int{3}, Columns: cols, Constraints: []Constraint{
			{Name: "f_c_check", Kind: ConstraintCheck, Check: "c > 0", NotValid: true},
			{Name: "f_b_fkey", Kind: ConstraintForeign, Columns: []int{1, 0}, RefTable: "p", RefColumns: []string{"x", "y"},
				OnDelete: RefNoAction, OnUpdate: RefNoAction, MatchFull: true, NotValid: true},
		}}},
		{"INCLUDE columns", &Schema{Name: "i", PK: []int{3}, Columns: cols, Indexes: []Index{
			{Name: "i_a_key", Columns: []int{0}, Unique: true, Include: []int{1, 2}},
			{Name: "i_nnd", Exprs: []string{"a"}, Unique: true, NullsNotDistinct: true, Include: []int{2}},
		}}},
		{"primary key INCLUDE columns", &Schema{Name: "k", PK: []int{0}, Columns: cols, PKInclude: []int{1, 2}}},
		{"named primary key INCLUDE columns", &Schema{Name: "k", PK: []int{0}, Columns: cols, PKName: "kk", PKInclude: []int{2}}},
		{"constraints without indexes", &Schema{Name: "d", PK: []int{0}, Columns: cols[:1], Constraints: []Constraint{
			{Name: "d_a_check", Kind: ConstraintCheck, Check: "a > 0"},
		}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := MarshalSchema(tc.s)
			got, err := UnmarshalSchema(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.s) {
				t.Fatalf("round trip changed the schema: %+v", got)
			}
			// Every prefix is refused, except the one that ends where the indexes begin: that
			// is a complete schema from before indexes existed.
			noIndexes := len(MarshalSchema(&Schema{Name: tc.s.Name, PK: tc.s.PK, Columns: tc.s.Columns}))
			noConstraints := len(MarshalSchema(&Schema{Name: tc.s.Name, PK: tc.s.PK, Columns: tc.s.Columns, Indexes: tc.s.Indexes}))
			if len(tc.s.Indexes) == 0 {
				noConstraints = noIndexes + 1 // the index count, 0
			}
			// And the one that ends before the constraints' flags: none deferrable, MATCH
			// FULL or NOT VALID.
			noTiming := -1
			if slices.ContainsFunc(tc.s.Constraints, func(c Constraint) bool { return c.Deferrable || c.MatchFull || c.NotValid }) {
				plain := slices.Clone(tc.s.Constraints)
				for i := range plain {
					plain[i].Deferrable, plain[i].Deferred, plain[i].MatchFull, plain[i].NotValid = false, false, false, false
				}
				noTiming = len(MarshalSchema(&Schema{Name: tc.s.Name, PK: tc.s.PK, Columns: tc.s.Columns, Indexes: tc.s.Indexes, Constraints: plain}))
			}
			noName := -1
			if len(tc.s.Indexes) == 0 && len(tc.s.Constraints) == 0 && len(tc.s.PKInclude) > 0 {
				// No indexes, no constraints, then (the key's name being there) no timing.
				noTiming, noName = noIndexes+2, noIndexes+3
			}
			// And the one that ends before the primary key's INCLUDE columns (its name there).
			noPKInclude := -1
			if len(tc.s.PKInclude) > 0 {
				inc := binary.AppendUvarint(nil, uint64(len(tc.s.PKInclude)))
				for _, c := range tc.s.PKInclude {
					inc = binary.AppendUvarint(inc, uint64(c))
				}
				noPKInclude = len(b) - len(inc)
			}
			for n := 0; n < len(b); n++ {
				if _, err := UnmarshalSchema(b[:n]); err == nil && n != noIndexes && n != noConstraints && n != noTiming && n != noName && n != noPKInclude {
					t.Fatalf("truncated schema (%d bytes) accepted", n)
				}
			}
		})
	}
}

func FuzzUnmarshalSchema(f *testing.F) {
	f.Add(MarshalSchema(&Schema{Name: "t", PK: []int{0}, Columns: []Column{{Name: "a", Type: Int64}}}))
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := UnmarshalSchema(b)
		if err != nil {
			return
		}
		if _, err := UnmarshalSchema(MarshalSchema(s)); err != nil {
			t.Fatalf("re-marshalled schema rejected: %v", err)
		}
	})
}
