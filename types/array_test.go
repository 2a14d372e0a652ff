package types

import (
	"fmt"
	"reflect"
	"testing"
)

func TestArrayTextForm(t *testing.T) {
	cases := []struct {
		in    string
		typ   Type
		want  string // the canonical text form; "" when in is malformed
		elems []Value
	}{
		{"{1,2,3}", Int32Array, "{1,2,3}", []Value{NewInt(Int32, 1), NewInt(Int32, 2), NewInt(Int32, 3)}},
		{" { 1 , NULL } ", Int64Array, "{1,NULL}", []Value{NewInt(Int64, 1), NullValue}},
		{"{}", Int16Array, "{}", nil},
		{`{a,"b,c","",null,"NULL","q\"x","back\\slash"}`, TextArray, `{a,"b,c","",NULL,"NULL","q\"x","back\\slash"}`,
			[]Value{NewText("a"), NewText("b,c"), NewText(""), NullValue, NewText("NULL"), NewText(`q"x`), NewText(`back\slash`)}},
		{"1 2  3", Int2Vector, "1 2 3", []Value{NewInt(Int16, 1), NewInt(Int16, 2), NewInt(Int16, 3)}},
		{"", Int2Vector, "", nil},
		{"{1,x}", Int32Array, "", nil},
		{"{70000}", Int16Array, "", nil},
		{"1,2", Int32Array, "", nil},
		{"{1,}", Int32Array, "", nil},
		{`{"open}`, TextArray, "", nil},
		{"{{1}}", Int32Array, "", nil},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			v, err := ParseArray(c.in, c.typ)
			if c.want == "" && c.elems == nil && c.typ != Int2Vector {
				if err == nil {
					t.Fatalf("ParseArray(%q) = %q, want an error", c.in, v.S)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseArray(%q): %v", c.in, err)
			}
			if got := v.String(); got != c.want {
				t.Errorf("text form %q, want %q", got, c.want)
			}
			elems, err := v.Elems()
			if err != nil || !reflect.DeepEqual(elems, c.elems) {
				t.Errorf("Elems() = %v, %v; want %v", elems, err, c.elems)
			}
		})
	}
}

func TestRecordTypes(t *testing.T) {
	fields := []Column{{Name: "x", Type: Text}, {Name: "n", Type: Int32}}
	shape := NewShape(fields)
	for _, c := range []struct {
		vals []Value
		text string
	}{
		{[]Value{NewText("a"), NewInt(Int32, 1)}, "(a,1)"},
		{[]Value{NewText("b c"), NullValue}, `("b c",)`},
		{[]Value{NewText(""), NewInt(Int32, -2)}, `("",-2)`},
		{[]Value{NewText(`say "hi"`), NewInt(Int32, 3)}, `("say ""hi""",3)`},
	} {
		v := shape.Record(c.vals)
		if !v.T.IsRecord() {
			t.Fatalf("record of type %v", v.T)
		}
		if got := v.String(); got != c.text {
			t.Errorf("record %v prints %q, want %q", c.vals, got, c.text)
		}
		gotFields, got, err := v.RecordFields()
		if err != nil || !reflect.DeepEqual(got, c.vals) || !reflect.DeepEqual(gotFields, fields) {
			t.Errorf("RecordFields() = %v, %v, %v; want %v, %v", gotFields, got, err, fields, c.vals)
		}
	}
}

// A record carries its shape: any number of distinct shapes, nested records and the empty
// record all read back (record types used to be numbered from a table of 128).
func TestRecordShapesCarried(t *testing.T) {
	var inner Value
	for i := 0; i < 1000; i++ {
		fields := []Column{{Name: fmt.Sprintf("c%d", i), Type: Int64}, {Name: "r", Type: Record}}
		v := NewShape(fields).Record([]Value{NewInt(Int64, int64(i)), inner})
		s, err := v.RecordShape()
		if err != nil || !reflect.DeepEqual(s.Fields(), fields) {
			t.Fatalf("shape %d: %v, %v", i, s, err)
		}
		if i == 1 && v.String() != `(1,"(0,)")` {
			t.Errorf("nested record prints %q", v.String())
		}
		inner = v
	}
	empty := NewShape(nil).Record(nil)
	if vals, err := empty.FieldValues(); err != nil || len(vals) != 0 || empty.String() != "()" {
		t.Errorf("ROW() = %q, %v, %v", empty.String(), vals, err)
	}
	for _, bad := range []string{"", "\x05", "\x01\x09ab"} {
		if _, err := (Value{T: Record, S: bad}).FieldValues(); err == nil {
			t.Errorf("corrupt record %q decoded", bad)
		}
	}
}
