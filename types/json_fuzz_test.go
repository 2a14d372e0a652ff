package types

import (
	"testing"
)

// FuzzJSONBText: any text either fails to parse as jsonb or round-trips: its binary form
// decodes to an equal tree, and its printed text parses back to the same binary form.
func FuzzJSONBText(f *testing.F) {
	for _, s := range []string{`{"b": 2, "a": [1, 2.50, "x\u00e9"], "a": null}`, `[]`, `"\ud83d\ude00"`, `-0.0e-3`,
		`[[[{}]]]`, `{"":true}`, `1e1000`, `"\u0000"`, `[1,]`, "\"\xff\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, errJSON := ParseJSON(s, false)
		n, err := ParseJSON(s, true)
		if err != nil {
			return
		}
		if errJSON != nil {
			t.Fatalf("%q is jsonb but not json: %v", s, errJSON)
		}
		v := NewJSONB(n)
		back, err := DecodeJSONB(v.S)
		if err != nil {
			t.Fatalf("%q: its binary form does not decode: %v", s, err)
		}
		if CompareJSONB(n, back) != 0 || !JSONEqual(n, back) {
			t.Fatalf("%q: decoded tree differs", s)
		}
		text := v.String()
		again, err := ParseJSON(text, true)
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", s, text, err)
		}
		if NewJSONB(again).S != v.S {
			t.Fatalf("%q printed as %q, which parses to another value", s, text)
		}
	})
}

// FuzzDecodeJSONB: bytes from storage or the wire never panic the decoder; what it accepts
// is canonical (re-encodes to the same bytes) and prints and compares without panicking.
func FuzzDecodeJSONB(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", null, true]}`, `1.50`, `[]`} {
		n, _ := ParseJSON(s, true)
		f.Add(NewJSONB(n).S)
	}
	f.Add("\x01\x05\xff\xff\xff\xff\x0f")
	f.Add("\x01\x06\x02\x01a\x00\x01a\x00")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := DecodeJSONB(s)
		if err != nil {
			return
		}
		if got := NewJSONB(n).S; got != s {
			t.Fatalf("%q decodes but re-encodes as %q", s, got)
		}
		_ = Value{T: JSONB, S: s}.String()
		_ = AppendJSONText(nil, n, true)
		if CompareJSONB(n, n) != 0 {
			t.Fatalf("%q does not equal itself", s)
		}
		_ = AppendJSONBKey(nil, n)
	})
}
