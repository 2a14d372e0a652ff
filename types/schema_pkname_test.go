package types

import (
	"bytes"
	"reflect"
	"testing"
)

// TestSchemaPKName: a primary key named other than <table>_pkey keeps its name through the
// codec, and a schema written before the name was stored decodes to the default name.
func TestSchemaPKName(t *testing.T) {
	cols := []Column{{Name: "a", Type: Int32, NotNull: true}, {Name: "b", Type: Text}}
	for _, s := range []*Schema{
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "myk"},
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "myk", Indexes: []Index{{Name: "t_b_idx", Columns: []int{1}}}},
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "myk", Indexes: []Index{{Name: "t_b_key", Columns: []int{1}, Unique: true}},
			Constraints: []Constraint{{Name: "t_b_key", Kind: ConstraintUnique, Columns: []int{1}, Index: "t_b_key"}}},
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "u_pkey", Constraints: []Constraint{
			{Name: "t_a_check", Kind: ConstraintCheck, Check: "a > 0", NotValid: true}}},
	} {
		b := MarshalSchema(s)
		got, err := UnmarshalSchema(b)
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		if !reflect.DeepEqual(got, s) || got.PKConstraintName() != s.PKName {
			t.Fatalf("round trip changed the schema: %+v, want %+v", got, s)
		}
		// A prefix cut inside the name is refused.
		for n := len(b) - len(s.PKName); n < len(b); n++ {
			if _, err := UnmarshalSchema(b[:n]); err == nil {
				t.Fatalf("%+v: truncated name (%d of %d bytes) accepted", s, n, len(b))
			}
		}
	}
	// The default name is not stored: the encoding is the one schemas always had.
	plain := &Schema{Name: "t", PK: []int{0}, Columns: cols}
	named := &Schema{Name: "t", PK: []int{0}, Columns: cols, PKName: "t_pkey"}
	if !bytes.Equal(MarshalSchema(plain), MarshalSchema(named)) {
		t.Fatal("the default primary key name changed the encoding")
	}
	// A schema as drove wrote it before PKName existed: version 1, "t", columns a int4 NOT
	// NULL and b text, key (a), one CHECK constraint without timing.
	old := []byte{1, 1, 't', 2,
		1, 'a', byte(Int32), 0, 2, 0,
		1, 'b', byte(Text), 0, 0, 0,
		1, 0,
		0,                                         // no indexes
		1, 1, 'k', byte(ConstraintCheck), 0, 0, 0, // constraint k: CHECK, no columns
		5, 'a', ' ', '>', ' ', '0', 0, 0, 0}
	s, err := UnmarshalSchema(old)
	if err != nil {
		t.Fatal(err)
	}
	if s.PKName != "" || s.PKConstraintName() != "t_pkey" || len(s.Constraints) != 1 || s.Constraints[0].Check != "a > 0" {
		t.Fatalf("old schema decoded as %+v (key %q)", s, s.PKConstraintName())
	}
	if _, err := UnmarshalSchema(old[:18]); err != nil { // the same, before indexes existed
		t.Fatal(err)
	}
	// The key's name may not be an index's or a constraint's.
	for _, bad := range []*Schema{
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "x", Indexes: []Index{{Name: "x", Columns: []int{1}}}},
		{Name: "t", PK: []int{0}, Columns: cols, PKName: "x", Constraints: []Constraint{{Name: "x", Kind: ConstraintCheck, Check: "a > 0"}}},
	} {
		if err := bad.Validate(); err == nil {
			t.Fatalf("%+v validated", bad)
		}
		if _, err := UnmarshalSchema(MarshalSchema(bad)); err == nil {
			t.Fatalf("%+v decoded", bad)
		}
	}
}
