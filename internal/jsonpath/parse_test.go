package jsonpath

import (
	"errors"
	"strings"
	"testing"
)

// The outputs and messages below are PostgreSQL 15's (sql/testdata/jsonpath_type.sql has
// many more, checked through SQL).
func TestParseOutputAndErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`$.a[*] ? (@ > 1)`, `$."a"[*]?(@ > 1)`},
		{`$--+1`, `($ - -1)`},
		{`(1.).e3`, `(1)."e3"`},
		{`-1.5.abs()`, `(-(1.5).abs())`},
		{`$ ? (@ like_regex "pattern" flag "smixq")`, `$?(@ like_regex "pattern" flag "ismxq")`},
		{`$.a.**{2 to 2}.b`, `$."a".**{2}."b"`},
		{`0x42`, `42601: syntax error at end of jsonpath input`},
		{`1.type()`, `42601: trailing junk after numeric literal at or near "1.t" of jsonpath input`},
		{`lax strict $`, `42601: syntax error at or near " " of jsonpath input`},
		{`$ ? (@ == exists(@))`, `42601: syntax error at end of jsonpath input`},
		{`$ ? (@ == abc/*c*/)`, `42601: syntax error at or near ")" of jsonpath input`},
		{`@ + 1`, `42601: @ is not allowed in root expressions`},
		{`$ ? (last > 0)`, `42601: LAST is allowed only in array subscripts`},
		{`$.**{2147483648}`, `22003: value "2147483648" is out of range for type integer`},
		{`"\uD800"`, `22P02: invalid input syntax for type jsonpath`},
		{``, `22P02: invalid input syntax for type jsonpath: ""`},
	} {
		got := ""
		p, err := Parse(c.in)
		var je *Error
		switch {
		case errors.As(err, &je):
			got = je.Code + ": " + je.Msg
		case err != nil:
			got = err.Error()
		default:
			got = p.String()
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestParseDepth: nesting is bounded (54001), not a stack overflow.
func TestParseDepth(t *testing.T) {
	deep := strings.Repeat("(", 100000)
	var je *Error
	if _, err := Parse(deep + "$"); !errors.As(err, &je) || je.Code != "54001" {
		t.Fatalf("got %v", err)
	}
	neg := strings.Repeat("-", 100000)
	if _, err := Parse(neg + "$"); !errors.As(err, &je) || je.Code != "54001" {
		t.Fatalf("got %v", err)
	}
}

// FuzzParse: the parser takes untrusted bytes. It must not panic, and a path it accepts
// prints as text that parses back to the same text (jsonpath_out's output is valid input).
func FuzzParse(f *testing.F) {
	for _, s := range []string{`$.a[*] ? (@ > 1)`, `strict $.**{1 to last}.b`, `$ ? (@ like_regex "^a" flag "i")`,
		`$[last - 1 to last, $.size()]`, `"\u{1F600}".type()`, `-(1.5).abs() + $x`, `$.a ? (exists(@.b) && !(@.c starts with "x"))`,
		`1.e3.e`, `$ /* c */ .a`, `$."a\"b".keyvalue().value.double()`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			var je *Error
			if !errors.As(err, &je) || len(je.Code) != 5 {
				t.Fatalf("%q: error without SQLSTATE: %v", s, err)
			}
			return
		}
		out := p.String()
		q, err := Parse(out)
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", s, out, err)
		}
		if q.String() != out {
			t.Fatalf("%q printed as %q, then as %q", s, out, q.String())
		}
	})
}

// TestLongChain: a long accessor chain parses and prints whole (the parser appends to its
// tail, so this is linear).
func TestLongChain(t *testing.T) {
	in := "$" + strings.Repeat(".a", 200000)
	p, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.String()); got != 1+200000*4 {
		t.Fatalf("printed %d bytes", got)
	}
}
