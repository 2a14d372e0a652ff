package sql

import (
	"errors"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// Back references (\1 to \9) are what RE2 cannot do: a pattern with one runs on regexp2, a
// backtracking engine, with the same translated pattern and flags (RE2 compatibility mode, so
// [[:alpha:]], \z and the embedded options read as RE2 reads them). Every other pattern stays
// on RE2. A backtracking engine can take exponential time, so a match is bounded in time and
// in backtracking memory and fails with 2201B when either runs out, as PostgreSQL's engine
// fails a pattern that is too complex; a statement therefore cannot hang in one match, and
// statement_timeout and cancel act when it returns.
//
// regexp2 finds the leftmost match a Perl engine prefers (alternatives in order, greedy
// quantifiers as long as they can be) where PostgreSQL takes the longest at its position:
// for the usual back-reference patterns the two agree; docs/sql.md lists where they do not.

// backrefMatchTimeout bounds one back-reference match (a variable for the test).
var backrefMatchTimeout = time.Second

// backrefStackSlots bounds a back-reference match's backtracking stack (8 MiB).
const backrefStackSlots = 1 << 20

// hasBackref reports whether p, a translated pattern, has a back reference: a backslash and
// a digit 1-9 outside a bracket expression.
func hasBackref(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+1 < len(p) && p[i+1] >= '1' && p[i+1] <= '9' {
				return true
			}
			i++
		case '[':
			i = bracketEnd(p, i)
		}
	}
	return false
}

// bracketEnd is the index of the ] that closes the bracket expression opening at p[i] (a
// ] first, after an optional ^, is a member; [:class:], [.x.] and [=x=] are skipped whole).
func bracketEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++
	}
	for ; j < len(p); j++ {
		switch {
		case p[j] == ']':
			return j
		case p[j] == '\\':
			j++
		case p[j] == '[' && j+1 < len(p) && (p[j+1] == ':' || p[j+1] == '.' || p[j+1] == '='):
			d := p[j+1]
			for k := j + 2; k+1 < len(p); k++ {
				if p[k] == d && p[k+1] == ']' {
					j = k + 1
					break
				}
			}
		}
	}
	return len(p)
}

// compileBackref compiles a translated pattern (flags already in its (?...) prefix) that has
// a back reference.
func compileBackref(pattern string) (*regexp2.Regexp, error) {
	if !backrefsValid(pattern) {
		return nil, Errorf("2201B", "invalid regular expression: invalid backreference number")
	}
	re, err := regexp2.Compile(pattern, regexp2.RE2, regexp2.OptionMaxBacktrackingStackSize(backrefStackSlots))
	if err != nil {
		return nil, Errorf("2201B", "invalid regular expression: %v", err)
	}
	re.MatchTimeout = backrefMatchTimeout
	return re, nil
}

// backrefsValid reports whether each back reference in p names a capturing group that has
// closed before it, as PostgreSQL requires (a Perl engine also takes a group still open or
// yet to come).
func backrefsValid(p string) bool {
	var open []int // the numbers of the groups open here, 0 for a non-capturing one
	closed := map[int]bool{}
	groups := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+1 < len(p) && p[i+1] >= '1' && p[i+1] <= '9' && !closed[int(p[i+1]-'0')] {
				return false
			}
			i++
		case '[':
			i = bracketEnd(p, i)
		case '(':
			n := 0
			if i+1 == len(p) || p[i+1] != '?' {
				groups++
				n = groups
			}
			open = append(open, n)
		case ')':
			if len(open) > 0 {
				closed[open[len(open)-1]] = true
				open = open[:len(open)-1]
			}
		}
	}
	return true
}

// backrefMatchError is a match that ran out of time or backtracking stack, as PostgreSQL
// reports a regular expression its engine cannot run.
func backrefMatchError(err error) error {
	msg := "regular expression is too complex"
	if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
		msg = "out of memory"
	}
	return Errorf("2201B", "regular expression failed: %s", msg)
}

// eachBackrefMatch is eachMatch on regexp2: each search starts at the byte offset from in the
// whole text (so ^ and \b see what is before it), the next where the last match ended, one
// character later after an empty match.
func (r *pgRegex) eachBackrefMatch(s string, from int, all bool, fn func(m []int) bool) error {
	for from <= len(s) {
		m, err := r.bre.FindStringMatchStartingAt(s, from)
		if err != nil {
			return backrefMatchError(err)
		}
		if m == nil {
			return nil
		}
		offsets := backrefOffsets(m)
		if !fn(offsets) || !all {
			return nil
		}
		from = offsets[1]
		if offsets[0] == offsets[1] {
			if from == len(s) {
				return nil
			}
			_, n := utf8.DecodeRuneInString(s[from:])
			from += n
		}
	}
	return nil
}

// backrefOffsets are a regexp2 match's group byte offsets as RE2's FindStringSubmatchIndex
// gives them (-1, -1 for a group that did not take part).
func backrefOffsets(m *regexp2.Match) []int {
	groups := m.Groups()
	out := make([]int, 2*len(groups))
	for i := range groups {
		g := &groups[i]
		if len(g.Captures) == 0 {
			out[2*i], out[2*i+1] = -1, -1
			continue
		}
		start, n := g.ByteRange()
		out[2*i], out[2*i+1] = start, start+n
	}
	return out
}
