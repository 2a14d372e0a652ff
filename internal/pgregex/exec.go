package pgregex

import "sync"

// Regexp is a compiled pattern. It is safe for concurrent use: each match has its own
// matcher.
type Regexp struct {
	tree    *subre
	nsub    int
	looks   []*look
	backref bool
	fold    bool
	shorter bool      // the whole match is the shortest (the tree prefers shorter)
	lookOK  bool      // no lookaround constraint
	pool    sync.Pool // *matcher, with its scratch sets
}

// DefaultBudget is the number of NFA steps one search may take before it fails with
// ErrTooComplex.
const DefaultBudget = 50_000_000

// Compile parses pattern, an ARE, with the flags f.
func Compile(pattern string, f Flags) (*Regexp, error) {
	p := &parser{p: []rune(pattern), flags: f, subs: map[int]*subre{}}
	if !f.Literal {
		p.prefixes()
	}
	var tree *subre
	switch {
	case p.err != nil:
	case p.flags.Literal:
		items := make([]*expr, len(p.p))
		for k, c := range p.p {
			items[k] = p.literal(c)
		}
		tree = &subre{op: '=', e: cat(items)}
	default:
		tree = p.parse(-1, false)
	}
	if p.err != nil {
		return nil, p.err
	}
	c := &compiler{}
	compileTree(c, tree)
	for k, l := range p.looks {
		l.id = k
		l.prog = c.compile(l.e)
	}
	if c.err {
		return nil, &Error{Msg: msgTooBig}
	}
	return &Regexp{tree: tree, nsub: p.nsubexp, looks: p.looks, backref: p.backref,
		fold: p.flags.Fold, shorter: tree.flags&fShorter != 0, lookOK: len(p.looks) == 0}, nil
}

func compileTree(c *compiler, t *subre) {
	if c.err {
		return
	}
	t.prog = c.compile(exprOf(t))
	for _, ch := range t.children {
		compileTree(c, ch)
	}
}

// NumSubexp is the number of capturing groups.
func (re *Regexp) NumSubexp() int { return re.nsub }

// HasBackref reports whether the pattern has a back reference.
func (re *Regexp) HasBackref() bool { return re.backref }

// HasLookaround reports whether the pattern has a lookahead or lookbehind constraint.
func (re *Regexp) HasLookaround() bool { return !re.lookOK }

type matcher struct {
	re     *Regexp
	s      []rune
	steps  int
	budget int
	err    error
	looks  [][]int8
	pmatch []int
	free   []*sset
	stacks [][]int32
	depth  int
}

func (re *Regexp) newMatcher(s []rune) *matcher {
	m, _ := re.pool.Get().(*matcher)
	if m == nil {
		m = &matcher{re: re, looks: make([][]int8, len(re.looks))}
	}
	m.s, m.steps, m.budget, m.err = s, 0, DefaultBudget, nil
	clear(m.looks)
	return m
}

// release returns m to the pool; out, its answer, must not be m.pmatch.
func (re *Regexp) release(m *matcher) {
	m.s, m.pmatch = nil, nil
	re.pool.Put(m)
}

// MatchRunes reports whether s has a match.
func (re *Regexp) MatchRunes(s []rune) (bool, error) {
	m := re.newMatcher(s)
	defer re.release(m)
	if !re.backref {
		found := m.search(re.tree.prog, 0) >= 0
		return found, m.err
	}
	found := m.find(0) != nil
	return found, m.err
}

// FindRunes is the first match in s that starts at from or later, as PostgreSQL's
// pg_regexec with search_start finds it: the match and group offsets (in characters, -1 for
// a group that took no part), nil if there is none.
func (re *Regexp) FindRunes(s []rune, from int) ([]int, error) {
	m := re.newMatcher(s)
	defer re.release(m)
	out := m.find(from)
	return out, m.err
}

func (m *matcher) find(from int) []int {
	re := m.re
	m.pmatch = make([]int, 2*(re.nsub+1))
	pr := re.tree.prog
	if !re.backref {
		begin := m.search(pr, from)
		if begin < 0 || !m.tryBegin(begin) {
			return nil
		}
		return m.pmatch
	}
	// regexec.c's cfindloop: a round takes the earliest end of any (approximate) match at
	// or after close and tries the begins up to it; the next round searches one past that
	// end, and only while that is before the end of the text, so a match that starts at
	// the very end is tried only when a round's earliest end is there.
	n := len(m.s)
	for close := from; m.err == nil; {
		end := m.firstEnd(pr, close)
		if end < 0 {
			return nil
		}
		for begin := m.search(pr, close); begin >= 0 && begin <= end && m.err == nil; begin++ {
			if m.tryBegin(begin) {
				return m.pmatch
			}
		}
		close = end + 1
		if close >= n {
			return nil
		}
	}
	return nil
}

// tryBegin looks for a match that starts at begin: its ends in the order the tree prefers,
// each dissected until one verifies (only back references can refuse one).
func (m *matcher) tryBegin(begin int) bool {
	re := m.re
	pr := re.tree.prog
	estart, estop := begin, len(m.s)
	for m.err == nil {
		var end int
		if re.shorter {
			end = m.shortest(pr, begin, estart, estop)
		} else {
			end = m.longest(pr, begin, estop)
		}
		if end < 0 {
			return false
		}
		for k := range m.pmatch {
			m.pmatch[k] = -1
		}
		if re.nsub == 0 && !re.backref || m.dissect(re.tree, begin, end) {
			m.pmatch[0], m.pmatch[1] = begin, end
			return m.err == nil
		}
		if re.shorter {
			if end == estop {
				return false
			}
			estart = end + 1
		} else {
			if end == begin {
				return false
			}
			estop = end - 1
		}
	}
	return false
}

func (m *matcher) zap(t *subre) {
	if t.capno > 0 {
		m.pmatch[2*t.capno], m.pmatch[2*t.capno+1] = -1, -1
	}
	for _, c := range t.children {
		m.zap(c)
	}
}

// nodeLongest and nodeShortest are longest and shortest over a node's language; a back
// reference node whose group is set matches the group's text exactly (rege_dfa.c's
// dfa_backref), else its group's language.
func (m *matcher) nodeLongest(t *subre, begin, limit int) int {
	if m.steps++; m.over() {
		return -1
	}
	if t.op == 'b' && m.pmatch[2*t.backno] >= 0 {
		return m.backrefEnd(t, begin, begin, limit, false)
	}
	return m.longest(t.prog, begin, limit)
}

func (m *matcher) nodeShortest(t *subre, begin, atLeast, limit int) int {
	if m.steps++; m.over() {
		return -1
	}
	if t.op == 'b' && m.pmatch[2*t.backno] >= 0 {
		return m.backrefEnd(t, begin, atLeast, limit, true)
	}
	return m.shortest(t.prog, begin, atLeast, limit)
}

func (m *matcher) same(a, b, n int) bool {
	for k := 0; k < n; k++ {
		x, y := m.s[a+k], m.s[b+k]
		if x != y && !(m.re.fold && foldASCII(x) == foldASCII(y)) {
			return false
		}
	}
	return true
}

func foldASCII(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func (m *matcher) backrefEnd(t *subre, start, lo, hi int, shortest bool) int {
	so, eo := m.pmatch[2*t.backno], m.pmatch[2*t.backno+1]
	if so < 0 {
		return -1
	}
	brlen := eo - so
	if brlen == 0 {
		if lo == start && (t.max == inf || t.min <= t.max) {
			return start
		}
		return -1
	}
	minreps := 0
	if lo > start {
		minreps = (lo-start-1)/brlen + 1
	}
	maxreps := (hi - start) / brlen
	minreps = max(minreps, t.min)
	if t.max != inf && maxreps > t.max {
		maxreps = t.max
	}
	if maxreps < minreps {
		return -1
	}
	if shortest && minreps == 0 {
		return start
	}
	p, reps := start, 0
	for reps < maxreps {
		if !m.same(so, p, brlen) {
			break
		}
		p += brlen
		reps++
		if shortest && reps >= minreps {
			break
		}
	}
	if reps >= minreps {
		return p
	}
	return -1
}

// dissect is regexec.c's cdissect: it sets the groups of node t matching [begin, end),
// which t's language is known to contain; false when back references rule it out.
func (m *matcher) dissect(t *subre, begin, end int) bool {
	if m.over() {
		return false
	}
	var ok bool
	switch t.op {
	case '=':
		ok = true
	case 'b':
		ok = m.brDissect(t, begin, end)
	case '.':
		if t.children[0].flags&fShorter != 0 {
			ok = m.revConDissect(t, begin, end)
		} else {
			ok = m.conDissect(t, begin, end)
		}
	case '|':
		ok = m.altDissect(t, begin, end)
	case '*':
		if t.children[0].flags&fShorter != 0 {
			ok = m.revIterDissect(t, begin, end)
		} else {
			ok = m.iterDissect(t, begin, end)
		}
	default:
		ok = m.dissect(t.children[0], begin, end)
	}
	if ok && t.capno > 0 {
		m.pmatch[2*t.capno], m.pmatch[2*t.capno+1] = begin, end
	}
	return ok
}

func (m *matcher) conDissect(t *subre, begin, end int) bool {
	left, right := t.children[0], t.children[1]
	mid := m.nodeLongest(left, begin, end)
	for mid >= 0 && m.err == nil {
		if m.nodeLongest(right, mid, end) == end {
			if m.dissect(left, begin, mid) {
				if m.dissect(right, mid, end) {
					return true
				}
				m.zap(left)
			}
		}
		if mid == begin {
			return false
		}
		mid = m.nodeLongest(left, begin, mid-1)
	}
	return false
}

func (m *matcher) revConDissect(t *subre, begin, end int) bool {
	left, right := t.children[0], t.children[1]
	mid := m.nodeShortest(left, begin, begin, end)
	for mid >= 0 && m.err == nil {
		if m.nodeLongest(right, mid, end) == end {
			if m.dissect(left, begin, mid) {
				if m.dissect(right, mid, end) {
					return true
				}
				m.zap(left)
			}
		}
		if mid == end {
			return false
		}
		mid = m.nodeShortest(left, begin, mid+1, end)
	}
	return false
}

func (m *matcher) brDissect(t *subre, begin, end int) bool {
	so, eo := m.pmatch[2*t.backno], m.pmatch[2*t.backno+1]
	if so < 0 {
		return false
	}
	brlen := eo - so
	if brlen == 0 {
		return begin == end && (t.max == inf || t.min <= t.max)
	}
	if begin == end {
		return t.min == 0
	}
	tlen := end - begin
	if tlen%brlen != 0 {
		return false
	}
	reps := tlen / brlen
	if reps < t.min || (t.max != inf && reps > t.max) {
		return false
	}
	for p := begin; p < end; p += brlen {
		if !m.same(so, p, brlen) {
			return false
		}
	}
	return true
}

func (m *matcher) altDissect(t *subre, begin, end int) bool {
	for _, c := range t.children {
		if m.err != nil {
			return false
		}
		if m.nodeLongest(c, begin, end) == end && m.dissect(c, begin, end) {
			return true
		}
	}
	return false
}
