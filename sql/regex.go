package sql

import (
	"regexp"

	"github.com/dlclark/regexp2/v2"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// PostgreSQL's regular expressions (AREs) run on Go's RE2 engine, made to agree with
// PostgreSQL where the two differ in common use:
//   - PostgreSQL's default is not newline-sensitive: "." matches a newline (RE2: (?s)); the
//     flags n/m, p and w select the other modes as PostgreSQL's do;
//   - a match is the longest at its position (PostgreSQL's regex engine is POSIX-like: "a|ab"
//     matches "ab") unless the pattern's first quantifier is non-greedy, which makes the whole
//     pattern prefer the shortest, as in PostgreSQL;
//   - \y, \Y and \Z are RE2's \b, \B and \z; flag x (expanded syntax) drops white space and
//     comments; flag q makes the pattern a literal;
//   - successive matches ("g") are found as PostgreSQL finds them: the next search starts where
//     the last match ended, one character later after an empty match, so an empty match right
//     after a non-empty one counts (regexp_replace('abc', 'b*', 'X', 'g') is XaXXcX).
// A pattern with a back reference runs on regexp2 instead (regex_backref.go); what else RE2
// lacks (lookahead, and \m and \M outside a pattern with a back reference) is 2201B.

// pgRegex is a compiled pattern and how its matches are searched.
type pgRegex struct {
	re     *regexp.Regexp
	bre    *regexp2.Regexp // instead of re, for a pattern with a back reference
	global bool            // flag g
	// anchored: the pattern has an assertion that looks before the match (^, \b), so a
	// search cannot start inside the text by slicing it
	anchored bool
}

// regexCache compiles a pattern once for as long as a call keeps getting the same pattern and
// flags (a constant pattern, typically).
type regexCache struct {
	pattern, flags string
	re             *pgRegex
	fn             string // the function, for its flag errors
	allowGlobal    bool
}

func (c *regexCache) get(pattern, flags string) (*pgRegex, error) {
	if c.re != nil && c.pattern == pattern && c.flags == flags {
		return c.re, nil
	}
	re, err := compilePGRegex(pattern, flags, c.fn, c.allowGlobal)
	if err != nil {
		return nil, err
	}
	c.pattern, c.flags, c.re = pattern, flags, re
	return re, nil
}

// compilePGRegex compiles pattern with PostgreSQL's flags; fn names the function for the
// error a "g" flag gets where it is not allowed.
func compilePGRegex(pattern, flags, fn string, allowGlobal bool) (*pgRegex, error) {
	dotAll, multiLine, fold, literal, expanded, global := true, false, false, false, false, false
	for _, f := range flags {
		switch f {
		case 'g':
			global = true
		case 'i':
			fold = true
		case 'c':
			fold = false
		case 'n', 'm':
			dotAll, multiLine = false, true
		case 'p':
			dotAll, multiLine = false, false
		case 'w':
			dotAll, multiLine = true, true
		case 's':
			dotAll, multiLine = true, false
		case 'q':
			literal = true
		case 'x':
			expanded = true
		case 't':
		default:
			return nil, Errorf("22023", "invalid regular expression option: %q", string(f))
		}
	}
	if global && !allowGlobal {
		e := &Error{Code: "22023", Message: fn + "() does not support the \"global\" option"}
		if fn == "regexp_match" {
			e.Hint = "Use the regexp_matches function instead."
		}
		return nil, e
	}
	switch {
	case literal:
		pattern = regexp.QuoteMeta(pattern)
	case expanded:
		pattern = stripExpanded(pattern)
	}
	backref := !literal && hasBackref(pattern)
	if !literal {
		pattern = translateEscapes(pattern, backref)
	}
	prefix := "(?"
	if dotAll {
		prefix += "s"
	}
	if multiLine {
		prefix += "m"
	}
	if fold {
		prefix += "i"
	}
	if prefix != "(?" {
		pattern = prefix + ")" + pattern
	}
	if backref {
		bre, err := compileBackref(pattern)
		if err != nil {
			return nil, err
		}
		return &pgRegex{bre: bre, global: global}, nil
	}
	parsed, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, Errorf("2201B", "invalid regular expression: %v", err)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, Errorf("2201B", "invalid regular expression: %v", err)
	}
	if !firstQuantifierLazy(parsed) {
		re.Longest()
	}
	return &pgRegex{re: re, global: global, anchored: looksBehind(parsed)}, nil
}

// translateEscapes rewrites PostgreSQL's escapes that RE2 spells otherwise; for regexp2
// (backtrack) also \m and \M, the start and end of a word, as lookarounds.
func translateEscapes(p string, backtrack bool) string {
	if !strings.Contains(p, `\`) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' || i+1 == len(p) {
			b.WriteByte(p[i])
			continue
		}
		i++
		switch p[i] {
		case 'y':
			b.WriteString(`\b`)
		case 'Y':
			b.WriteString(`\B`)
		case 'Z':
			b.WriteString(`\z`)
		case 'm', 'M':
			if !backtrack {
				b.WriteByte('\\')
				b.WriteByte(p[i])
			} else if p[i] == 'm' {
				b.WriteString(`\b(?=\w)`)
			} else {
				b.WriteString(`\b(?<=\w)`)
			}
		default:
			b.WriteByte('\\')
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

// stripExpanded drops the white space and #-comments flag x ignores (outside brackets and
// not escaped).
func stripExpanded(p string) string {
	var b strings.Builder
	inBracket := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteByte(c)
			i++
			b.WriteByte(p[i])
			continue
		case inBracket:
			inBracket = c != ']'
		case c == '[':
			inBracket = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c == '#':
			for i < len(p) && p[i] != '\n' {
				i++
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// firstQuantifierLazy reports whether the pattern's first quantifier, in reading order, is
// non-greedy: PostgreSQL then prefers the shortest match for the whole pattern.
func firstQuantifierLazy(re *syntax.Regexp) bool {
	var lazy, found bool
	var walk func(*syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if found {
			return
		}
		switch r.Op {
		case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
			found, lazy = true, r.Flags&syntax.NonGreedy != 0
			return
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(re)
	return lazy
}

// looksBehind reports whether the pattern has an assertion about the text before a position.
func looksBehind(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, s := range re.Sub {
		if looksBehind(s) {
			return true
		}
	}
	return false
}

// eachMatch calls fn with the submatch offsets (into s) of each match found from byte offset
// from, the first only unless all, until fn returns false. Matches are found as PostgreSQL
// finds them (see above); a pattern that looks behind is searched in the whole text by RE2's
// own iteration, which differs only in leaving out an empty match right after another match.
// The error is a back-reference match that ran out of time or memory.
func (r *pgRegex) eachMatch(s string, from int, all bool, fn func(m []int) bool) error {
	if r.bre != nil {
		return r.eachBackrefMatch(s, from, all, fn)
	}
	if r.anchored {
		for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
			if m[0] >= from && (!fn(m) || !all) {
				return nil
			}
		}
		return nil
	}
	for from <= len(s) {
		m := r.re.FindStringSubmatchIndex(s[from:])
		if m == nil {
			return nil
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += from
			}
		}
		if !fn(m) || !all {
			return nil
		}
		from = m[1]
		if m[0] == m[1] {
			if from == len(s) {
				return nil
			}
			_, n := utf8.DecodeRuneInString(s[from:])
			from += n
		}
	}
	return nil
}

// matchString reports whether s has a match.
func (r *pgRegex) matchString(s string) (bool, error) {
	if r.bre == nil {
		return r.re.MatchString(s), nil
	}
	found, err := r.bre.MatchString(s)
	if err != nil {
		return false, backrefMatchError(err)
	}
	return found, nil
}

// byteOffset is the byte offset of the 1-based character position pos in s (len(s) past
// its end).
func byteOffset(s string, pos int64) int {
	n := int64(1)
	for i := range s {
		if n == pos {
			return i
		}
		n++
	}
	return len(s)
}
