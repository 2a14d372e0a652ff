package pgregex

import (
	"regexp"
	"testing"
)

// FuzzCompile: any pattern either compiles or fails with an *Error, never panics; a
// compiled one matches any text without panicking and with offsets inside the text, and
// when RE2 has its language, RE2 and this engine agree on whether a match exists.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"(a|ab)(c|bcd)(d*)", "(a*?)(a*)", `(a|ab)\1*`, `(?<=x)a(?=b)`, `\mfoo\M`,
		"[[:alpha:]]+", "a{2,3}?", `***=a.c`, "(?i)ab", "(?x) a b # c", `[^\d]\w\s`, "((a)|b)*", `()*\1`} {
		f.Add(s, uint8(0), "abcd ab\nxab")
		f.Add(s, uint8(5), "")
	}
	f.Fuzz(func(t *testing.T, pattern string, flags uint8, text string) {
		fl := Flags{Fold: flags&1 != 0, NLStop: flags&2 != 0, NLAnchor: flags&4 != 0, Expanded: flags&8 != 0, Literal: flags&16 != 0}
		re, err := Compile(pattern, fl)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: %v is not an *Error", pattern, err)
			}
			return
		}
		rs := []rune(text)
		if len(rs) > 64 {
			rs = rs[:64]
		}
		m, err := re.FindRunes(rs, 0)
		if err != nil {
			return
		}
		for k := 0; k < len(m); k += 2 {
			if m[k] < -1 || m[k+1] > len(rs) || m[k] > m[k+1] || (m[k] < 0) != (m[k+1] < 0) {
				t.Fatalf("%q over %q: group offsets %v", pattern, string(rs), m)
			}
		}
		if src, ok := re.RE2(); ok {
			r2, err := regexp.Compile(src)
			if err != nil {
				return
			}
			found, err := re.MatchRunes(rs)
			if err == nil && found != r2.MatchString(string(rs)) {
				t.Fatalf("%q over %q: pgregex %v, RE2 (%s) %v", pattern, string(rs), found, src, !found)
			}
			if err == nil && found != (m != nil) {
				t.Fatalf("%q over %q: MatchRunes %v, FindRunes %v", pattern, string(rs), found, m)
			}
		}
	})
}
