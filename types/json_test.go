package types

import (
	"cmp"
	"testing"
)

func TestParseUUID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", ""},
		{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", ""},
		{"a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-", ""},
		{" a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"", ""},
	} {
		v, err := ParseUUID(c.in)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%q: accepted as %s", c.in, v)
		case c.want != "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.want != "" && v.String() != c.want:
			t.Errorf("%q: %s, want %s", c.in, v, c.want)
		}
	}
}

// TestJSONBOrder: PostgreSQL's jsonb ordering, by kind, then size, then contents; a
// top-level scalar sorts after an empty array but before any other.
func TestJSONBOrder(t *testing.T) {
	ordered := []string{`null`, `""`, `"a"`, `"b"`, `-1`, `1`, `1.5`, `false`, `true`, `[]`, `[null]`, `["a"]`, `[1]`, `[2]`,
		`[1, 2]`, `{}`, `{"b": 1}`, `{"a": 1, "b": 1}`, `{"a": 1, "b": 2}`}
	parse := func(s string) *JSONNode {
		n, err := ParseJSON(s, true)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i := range ordered {
		for j := range ordered {
			got := CompareJSONB(parse(ordered[i]), parse(ordered[j]))
			want := cmp.Compare(i, j)
			// The raw scalars against [] and one-element arrays are checked below.
			if (ordered[i][0] == '[') != (ordered[j][0] == '[') && (ordered[i][0] != '{' && ordered[j][0] != '{') {
				continue
			}
			if got != want {
				t.Errorf("compare(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	for _, c := range []struct {
		a, b string
		want int
	}{
		{`1`, `[]`, 1}, {`1`, `[1]`, -1}, {`"z"`, `[0]`, -1}, {`true`, `[1, 2]`, -1}, {`{"a": 1.0}`, `{"a": 1}`, 0},
		{`{"aa": 1}`, `{"b": 1}`, -1}, // keys in stored order, compared bytewise: "b" sorts first in storage
	} {
		if got := CompareJSONB(parse(c.a), parse(c.b)); got != c.want {
			t.Errorf("compare(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestJSONBText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"b":1,"a":2,"aa":3,"a":4}`, `{"a": 4, "b": 1, "aa": 3}`},
		{`[1,2.50,1e2,-0,"\u00e9\n\"\\\/"]`, `[1, 2.50, 100, 0, "é\n\"\\/"]`},
		{`"\u001f"`, `"\u001f"`},
		{`  {"a" : [ ] , "b":{}}  `, `{"a": [], "b": {}}`},
	} {
		n, err := ParseJSON(c.in, true)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got := NewJSONB(n).String(); got != c.want {
			t.Errorf("%s printed as %s, want %s", c.in, got, c.want)
		}
	}
	for _, bad := range []string{`{`, `[1,]`, `01`, `1.`, `.1`, `-`, `tru`, `"a`, "\"\t\"", `"\x"`, `"\ud800"`, `"\udc00"`,
		`{1:2}`, `{"a" 1}`, `[1 2]`, `1 2`, ``} {
		if _, err := ParseJSON(bad, false); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := ParseJSON(`"\u0000"`, false); err != nil {
		t.Errorf(`json refuses \u0000: %v`, err)
	}
	if _, err := ParseJSON(`"\u0000"`, true); err == nil {
		t.Error(`jsonb accepts \u0000`)
	}
}
