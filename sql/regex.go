package sql

import (
	"context"
	"errors"
	"hash/maphash"
	"regexp"
	"sync/atomic"
	"unicode/utf8"

	"github.com/drovedb/drove/internal/pgregex"
)

// PostgreSQL's regular expressions (AREs) run on internal/pgregex, which parses them into
// the subexpression tree PostgreSQL builds and matches with PostgreSQL's rules (the whole
// match leftmost, then longest or shortest by the pattern's greediness; each group's span
// by its own greediness, earlier groups first), back references and lookahead/lookbehind
// constraints included. Whether a match exists does not depend on those rules, so a test
// for a match (~, regexp_like) runs on Go's RE2 when the pattern's language is one RE2 can
// express (no back reference, no lookaround, no \m or \M): pgregex renders it in RE2
// syntax, and RE2 is much faster. Successive matches ("g") are found as PostgreSQL finds
// them: the next search starts where the last match ended, one character later after an
// empty match, and sees the whole text (^ and lookbehind look before the start).

// pgRegex is a compiled pattern and how its matches are searched.
type pgRegex struct {
	pg     *pgregex.Regexp
	re     *regexp.Regexp // the same language on RE2, for matchString; nil when RE2 lacks it
	global bool           // flag g
}

// regexCache keeps the patterns a call compiled, so that a constant pattern compiles once and
// so do the few patterns of x ~ ANY (array) (one entry would recompile on every element). It
// is a small direct-mapped cache: a pattern's hash picks its slot, which holds an entry that
// never changes, swapped in whole. A compiled expression may run on several goroutines at
// once (DESIGN.md, "Compiled expressions are goroutine-safe"), and a hit costs a hash, one
// atomic load and no allocation.
type regexCache struct {
	slots       [regexCacheSlots]atomic.Pointer[regexEntry]
	fn          string // the function, for its flag errors
	allowGlobal bool
}

const regexCacheSlots = 8

type regexEntry struct {
	pattern, flags string
	re             *pgRegex
}

var regexSeed = maphash.MakeSeed()

func (c *regexCache) get(pattern, flags string) (*pgRegex, error) {
	slot := &c.slots[maphash.String(regexSeed, pattern)%regexCacheSlots]
	if e := slot.Load(); e != nil && e.pattern == pattern && e.flags == flags {
		return e.re, nil
	}
	re, err := compilePGRegex(pattern, flags, c.fn, c.allowGlobal)
	if err != nil {
		return nil, err
	}
	slot.Store(&regexEntry{pattern: pattern, flags: flags, re: re})
	return re, nil
}

// compilePGRegex compiles pattern with PostgreSQL's flags; fn names the function for the
// error a "g" flag gets where it is not allowed.
func compilePGRegex(pattern, flags, fn string, allowGlobal bool) (*pgRegex, error) {
	var f pgregex.Flags
	global := false
	for _, c := range flags {
		switch c {
		case 'g':
			global = true
		case 'i':
			f.Fold = true
		case 'c':
			f.Fold = false
		case 'n', 'm':
			f.NLStop, f.NLAnchor = true, true
		case 'p':
			f.NLStop, f.NLAnchor = true, false
		case 'w':
			f.NLStop, f.NLAnchor = false, true
		case 's':
			f.NLStop, f.NLAnchor = false, false
		case 'q':
			f.Literal = true
		case 'x':
			f.Expanded = true
		case 't':
			f.Expanded = false
		default:
			return nil, Errorf("22023", "invalid regular expression option: %q", string(c))
		}
	}
	if global && !allowGlobal {
		e := &Error{Code: "22023", Message: fn + "() does not support the \"global\" option"}
		if fn == "regexp_match" {
			e.Hint = "Use the regexp_matches function instead."
		}
		return nil, e
	}
	pg, err := pgregex.Compile(pattern, f)
	if err != nil {
		return nil, Errorf("2201B", "invalid regular expression: %v", err)
	}
	out := &pgRegex{pg: pg, global: global}
	if src, ok := pg.RE2(); ok {
		// RE2 may refuse what PostgreSQL accepts (a repeat count past 1000): pgregex
		// answers then.
		out.re, _ = regexp.Compile(src)
	}
	return out, nil
}

// regexMatchError is a match that ran out of its step budget, as PostgreSQL reports a
// regular expression its engine cannot run.
func regexMatchError(err error) error {
	if errors.Is(err, pgregex.ErrTooComplex) {
		return Errorf("2201B", "regular expression failed: regular expression is too complex")
	}
	return err
}

// textRunes is s as characters, with each character's byte offset (and len(s) at the end).
func textRunes(s string) ([]rune, []int) {
	rs := make([]rune, 0, len(s))
	offs := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		rs = append(rs, r)
		offs = append(offs, i)
		i += n
	}
	return rs, append(offs, len(s))
}

// eachMatch calls fn with the submatch offsets (into s, -1 for a group that took no part)
// of each match found from byte offset from, the first only unless all, until fn returns
// false. The error is a match that ran out of its step budget.
func (r *pgRegex) eachMatch(s string, from int, all bool, fn func(m []int) bool) error {
	rs, offs := textRunes(s)
	start := 0
	for start < len(rs) && offs[start] < from {
		start++
	}
	for start <= len(rs) {
		m, err := r.pg.FindRunes(rs, start)
		if err != nil {
			return regexMatchError(err)
		}
		if m == nil {
			return nil
		}
		b := make([]int, len(m))
		for i, p := range m {
			b[i] = -1
			if p >= 0 {
				b[i] = offs[p]
			}
		}
		if !fn(b) || !all {
			return nil
		}
		start = m[1]
		if m[0] == m[1] {
			start++
		}
	}
	return nil
}

// longSubject is the length past which a match on RE2, which never looks at a context,
// runs on its own goroutine so that the statement can be cancelled while it runs.
const longSubject = 256 << 10

// matchString reports whether s has a match; ctx (nil: none) cancels a long one.
func (r *pgRegex) matchString(ctx context.Context, s string) (bool, error) {
	if r.re != nil {
		if ctx == nil || len(s) < longSubject {
			return r.re.MatchString(s), nil
		}
		return matchCancellable(ctx, r.re, s)
	}
	rs, _ := textRunes(s)
	found, err := r.pg.MatchRunes(rs)
	return found, regexMatchError(err)
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

// matchCancellable runs RE2's match of s on a goroutine of its own and returns ctx's error
// as soon as ctx ends (statement_timeout, a cancel request): RE2 runs in time linear in the
// subject, but a long subject with a pattern of many states takes seconds. The abandoned
// match finishes in the background and its answer is dropped.
func matchCancellable(ctx context.Context, re *regexp.Regexp, s string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	done := make(chan bool, 1)
	go func() { done <- re.MatchString(s) }()
	select {
	case found := <-done:
		return found, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}
