package types

import (
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
	rt, err := RecordType(fields)
	if err != nil || !rt.IsRecord() {
		t.Fatalf("RecordType: %v, %v", rt, err)
	}
	if again, _ := RecordType(fields); again != rt {
		t.Errorf("the same shape registered twice: %d and %d", rt, again)
	}
	if other, _ := RecordType(fields[:1]); other == rt {
		t.Errorf("a different shape shares type %d", rt)
	}
	for _, c := range []struct {
		vals []Value
		text string
	}{
		{[]Value{NewText("a"), NewInt(Int32, 1)}, "(a,1)"},
		{[]Value{NewText("b c"), NullValue}, `("b c",)`},
		{[]Value{NewText(""), NewInt(Int32, -2)}, `("",-2)`},
		{[]Value{NewText(`say "hi"`), NewInt(Int32, 3)}, `("say ""hi""",3)`},
	} {
		v := NewRecord(rt, c.vals)
		if got := v.String(); got != c.text {
			t.Errorf("record %v prints %q, want %q", c.vals, got, c.text)
		}
		got, err := v.FieldValues()
		if err != nil || !reflect.DeepEqual(got, c.vals) {
			t.Errorf("FieldValues() = %v, %v; want %v", got, err, c.vals)
		}
	}
}
