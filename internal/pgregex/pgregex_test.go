package pgregex

import (
	"strings"
	"testing"
)

// match renders regexp_match's answer: {groups} (or {whole} without groups), NULL for none.
func match(t *testing.T, pattern, s string) string {
	t.Helper()
	re, err := Compile(pattern, Flags{})
	if err != nil {
		return "ERROR: " + err.Error()
	}
	rs := []rune(s)
	m, err := re.FindRunes(rs, 0)
	if err != nil {
		return "ERROR: " + err.Error()
	}
	if m == nil {
		return "NULL"
	}
	var parts []string
	g := 1
	if len(m) == 2 {
		g = 0
	}
	for ; 2*g < len(m); g++ {
		if m[2*g] < 0 {
			parts = append(parts, "NULL")
			continue
		}
		v := string(rs[m[2*g]:m[2*g+1]])
		if v == "" {
			v = `""`
		}
		parts = append(parts, v)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// TestMatchingRules: regexp_match answers recorded from PostgreSQL 15 where RE2's
// leftmost-first rules give others.
func TestMatchingRules(t *testing.T) {
	for _, c := range []struct{ s, p, want string }{
		{"abcd", "(a|ab)(c|bcd)(d*)", "{ab,c,d}"},
		{"abc", "(a|ab)(bc|c)?", "{ab,c}"},
		{"foobar", "(f|fo|foo)(o*)(bar)", "{foo,\"\",bar}"},
		{"aaa", "(a*?)(a*)", "{\"\",\"\"}"},
		{"aaa", "(a{1,2}?)(a*)", "{a,\"\"}"},
		{"aab", "(a|aa)*b", "{aa}"},
		{"abab", "(a|ab)\\1*", "{ab}"},
		{"abcab", "(a|ab)(c|bcd)?(\\1)?", "{ab,c,ab}"},
		{"aaaa", "(a*?)\\1", "{\"\"}"},
		{"ab", "a|ab", "{ab}"},
		{"xabc", "(?<=x)a(?=b)", "{a}"},
		{"foo bar", "\\mbar", "{bar}"},
		{"abc", "(", "ERROR: parentheses () not balanced"},
		{"abc", "a**", "ERROR: quantifier operand invalid"},
		{"abc", "\\1(a)", "ERROR: invalid backreference number"},
	} {
		if got := match(t, c.p, c.s); got != c.want {
			t.Errorf("regexp_match(%q, %q) = %s, PostgreSQL %s", c.s, c.p, got, c.want)
		}
	}
}
