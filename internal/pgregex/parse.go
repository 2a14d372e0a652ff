// Package pgregex is PostgreSQL's regular-expression engine's matching rules in Go: it
// parses Henry Spencer's ARE syntax (as PostgreSQL 15 has it) into the subexpression tree
// PostgreSQL's regcomp.c builds, with the same greediness flags, and matches with the rules
// of regexec.c: the whole match is the leftmost, then the longest or shortest by the tree's
// preference, and each subexpression's span is then chosen by its node's own preference,
// earlier nodes first ("Regular Expression Matching Rules" in PostgreSQL's manual). Go's
// regexp (RE2) is leftmost-first, so its groups and, for a non-greedy pattern, its whole
// match differ from PostgreSQL's.
//
// Where PostgreSQL runs a DFA over a node's language, this package runs a Thompson NFA
// simulation (nfa.go), so one longest/shortest question costs O(text x pattern); lookahead
// and lookbehind constraints are evaluated at a position and remembered. Character classes,
// case folding and word characters are ASCII's, as in PostgreSQL's C locale. Work is bounded
// by a step budget (ErrTooComplex) and the compiled program's size.
package pgregex

import (
	"strings"
)

// Flags are the compile options (PostgreSQL's cflags) the regexp functions' flags select.
type Flags struct {
	Fold     bool // i
	NLStop   bool // n, p: . and [^...] do not match a newline
	NLAnchor bool // n, w: ^ and $ match at newlines
	Expanded bool // x
	Literal  bool // q
}

// Error is a pattern PostgreSQL's regcomp rejects; Msg is regerror's text.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

const (
	msgParen    = "parentheses () not balanced"
	msgBrack    = "brackets [] not balanced"
	msgBrace    = "braces {} not balanced"
	msgBadRpt   = "quantifier operand invalid"
	msgBadBr    = "invalid repetition count(s)"
	msgEscape   = "invalid escape \\ sequence"
	msgSubReg   = "invalid backreference number"
	msgRange    = "invalid character range"
	msgCType    = "invalid character class"
	msgBadOpt   = "invalid embedded option"
	msgTooBig   = "regular expression is too complex"
	msgCollate  = "invalid collating element"
	dupMax      = 255
	inf         = -1
	maxSubexprs = 1000
	maxDepth    = 500 // nested parentheses
)

// subre flags, as regguts.h has them.
const (
	fLonger  = 1
	fShorter = 2
	fMixed   = 4
	fCap     = 8
	fBackr   = 16
)

func up(f int) int     { return f&(fMixed|fCap|fBackr) | ((f << 2) & (f << 1) & fMixed) }
func messy(f int) bool { return f&(fMixed|fCap|fBackr) != 0 }
func pref(f int) int   { return f & (fLonger | fShorter) }
func combine(a, b int) int {
	p := pref(a)
	if p == 0 {
		p = pref(b)
	}
	return up(a|b) | p
}

// subre is a node of the subexpression tree: '=' a plain node (its language only), '.' a
// concatenation of two, '|' alternatives, '*' an iteration, 'b' a back reference, '(' a
// capture of a capture.
type subre struct {
	op       byte
	flags    int
	capno    int
	backno   int
	min, max int
	children []*subre
	items    []*expr // a '=' node's pieces while the branch is parsed
	nitems   int
	e        *expr
	prog     *prog
}

type parser struct {
	p       []rune
	i       int
	flags   Flags
	nsubexp int            // capturing groups opened so far
	subs    map[int]*subre // closed groups
	looks   []*look
	backref bool
	err     *Error
	depth   int // nesting of parse
	// lastBackref is the node of the back reference escape just read
	lastBackref *subre
}

func (p *parser) fail(msg string) {
	if p.err == nil {
		p.err = &Error{Msg: msg}
	}
	p.i = len(p.p)
}

func (p *parser) eos() bool { return p.i >= len(p.p) }

func (p *parser) peek() rune {
	p.skipSpace()
	if p.eos() {
		return -1
	}
	return p.p[p.i]
}

// skipSpace skips expanded syntax's white space and comments.
func (p *parser) skipSpace() {
	if !p.flags.Expanded {
		return
	}
	for p.i < len(p.p) {
		switch c := p.p[p.i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			p.i++
		case c == '#':
			for p.i < len(p.p) && p.p[p.i] != '\n' {
				p.i++
			}
		default:
			return
		}
	}
}

func (p *parser) branchEnd(stopper rune) bool {
	c := p.peek()
	return c == -1 || c == '|' || (stopper == ')' && c == ')')
}

// parse is regcomp.c's parse: branches joined by |.
func (p *parser) parse(stopper rune, lacon bool) *subre {
	branches := &subre{op: '|', flags: fLonger}
	if p.depth++; p.depth > maxDepth {
		p.fail(msgTooBig)
		return branches
	}
	defer func() { p.depth-- }()
	for {
		br := p.parsebranch(stopper, lacon)
		branches.children = append(branches.children, br)
		branches.flags |= up(branches.flags | br.flags)
		if p.err != nil {
			return branches
		}
		if p.peek() != '|' {
			break
		}
		p.i++
	}
	if stopper == ')' {
		if p.peek() != ')' {
			p.fail(msgParen)
			return branches
		}
	}
	if len(branches.children) == 1 {
		return branches.children[0]
	}
	if !messy(branches.flags) {
		alts := make([]*expr, len(branches.children))
		for k, c := range branches.children {
			alts[k] = exprOf(c)
		}
		return &subre{op: '=', flags: branches.flags, e: &expr{k: eAlt, subs: alts}}
	}
	return branches
}

func (p *parser) parsebranch(stopper rune, lacon bool) *subre {
	t := &subre{op: '='}
	for p.err == nil && !p.branchEnd(stopper) {
		t = p.parseqatom(stopper, lacon, t)
	}
	return t
}

const (
	atomPlain = iota
	atomCapture
	atomBackref
)

// parseqatom is regcomp.c's parseqatom: one atom or constraint and its quantifier, and,
// when the atom is messy (captures, back references, or a greediness that conflicts with
// the branch's so far), the rest of the branch as the tree's right side.
func (p *parser) parseqatom(stopper rune, lacon bool, top *subre) *subre {
	var atom *subre
	var piece *expr
	kind := atomPlain
	c := p.peek()
	switch c {
	case '^', '$':
		p.i++
		top.items = append(top.items, &expr{k: eAssert, assert: p.anchor(c)})
		top.nitems++
		return top
	case '*', '+', '?':
		p.fail(msgBadRpt)
		return top
	case '{':
		if p.i+1 < len(p.p) && isDigit(p.p[p.i+1]) {
			p.fail(msgBadRpt)
			return top
		}
		p.i++
		piece = p.literal('{')
	case ')':
		p.fail(msgParen)
		return top
	case '.':
		p.i++
		s := &charSet{neg: true}
		if p.flags.NLStop {
			s.add('\n', '\n')
		}
		piece = &expr{k: eSet, set: s}
	case '[':
		p.i++
		piece = &expr{k: eSet, set: p.bracket()}
	case '\\':
		p.i++
		e, a, ok := p.escape(lacon)
		if !ok {
			return top
		}
		switch {
		case a != 0:
			top.items = append(top.items, &expr{k: eAssert, assert: a})
			top.nitems++
			return top
		case e != nil:
			piece = e
		default:
			atom = p.lastBackref
			kind = atomBackref
		}
	case '(':
		p.i++
		if p.i < len(p.p) && p.p[p.i] == '?' {
			p.i++
			switch {
			case p.i < len(p.p) && p.p[p.i] == ':':
				p.i++
				atom = p.parse(')', lacon)
				p.i++
			case p.i < len(p.p) && (p.p[p.i] == '=' || p.p[p.i] == '!'):
				p.lookaround(false, p.p[p.i] == '!', 1, top)
				return top
			case p.i+1 < len(p.p) && p.p[p.i] == '<' && (p.p[p.i+1] == '=' || p.p[p.i+1] == '!'):
				p.lookaround(true, p.p[p.i+1] == '!', 2, top)
				return top
			default:
				p.fail(msgBadRpt)
				return top
			}
			break
		}
		if lacon {
			atom = p.parse(')', lacon)
			p.i++
			break
		}
		p.nsubexp++
		subno := p.nsubexp
		if subno > maxSubexprs {
			p.fail(msgTooBig)
			return top
		}
		atom = p.parse(')', lacon)
		if p.err != nil {
			return top
		}
		p.i++
		if atom.capno == 0 {
			atom.flags |= fCap
			atom.capno = subno
		} else {
			atom = &subre{op: '(', flags: atom.flags | fCap, capno: subno, children: []*subre{atom}}
		}
		p.subs[subno] = atom
		kind = atomCapture
	default:
		p.i++
		piece = p.literal(c)
	}
	if p.err != nil {
		return top
	}
	m, n, qprefer := p.quantifier()
	if p.err != nil {
		return top
	}
	if m == 0 && n == 0 {
		top.items = append(top.items, &expr{k: eEmpty})
		top.nitems++
		return top
	}
	af := 0
	if atom != nil {
		af = atom.flags
	}
	f := top.flags | qprefer | af
	if kind == atomPlain && !messy(up(f)) {
		e := piece
		if atom != nil {
			e = exprOf(atom)
		}
		top.items = append(top.items, repeat(e, m, n))
		top.nitems++
		top.flags = f
		return top
	}
	return p.messyAtom(stopper, lacon, top, atom, piece, kind, m, n, qprefer)
}

// messyAtom is parseqatom's hard part: top becomes a concatenation of what the branch had
// so far and t, the (quantified) atom followed by the rest of the branch.
func (p *parser) messyAtom(stopper rune, lacon bool, top, atom *subre, piece *expr, kind, m, n, qprefer int) *subre {
	if atom == nil {
		atom = &subre{op: '=', e: piece}
	}
	t := &subre{op: '.', flags: combine(qprefer, atom.flags)}
	prefix := &subre{op: '=', flags: top.flags, e: cat(top.items)}
	vacuous := top.nitems == 0
	top.op, top.items = '.', nil
	var x *subre
	lpm := atom.flags & (fLonger | fShorter | fMixed)
	switch {
	case kind == atomBackref:
		atom.min, atom.max = m, n
		atom.flags |= combine(qprefer, atom.flags)
		atom.e = repeat(atom.e, m, n)
		x = atom
	case m == 1 && n == 1 && (qprefer == 0 || lpm == 0 || qprefer == lpm):
		x = atom
	case atom.flags&(fCap|fBackr) == 0:
		x = &subre{op: '=', flags: combine(qprefer, atom.flags), e: repeat(exprOf(atom), m, n)}
	case m > 0 && atom.flags&fBackr == 0:
		f := combine(qprefer, atom.flags)
		n1 := n
		if n != inf {
			n1 = n - 1
		}
		pre := &subre{op: '=', flags: pref(f), e: repeat(exprOf(atom), m-1, n1)}
		x = &subre{op: '.', flags: f, children: []*subre{pre, atom}}
	default:
		x = &subre{op: '*', flags: combine(qprefer, atom.flags), min: m, max: n, children: []*subre{atom}}
	}
	if !p.branchEnd(stopper) {
		rest := p.parsebranch(stopper, lacon)
		t.children = []*subre{x, rest}
		t.flags |= combine(t.flags, rest.flags)
		top.flags |= combine(top.flags, t.flags)
		switch {
		case vacuous:
			top.children = []*subre{x, rest}
		case x.op == '=' && rest.op == '=' && !messy(up(x.flags|rest.flags)):
			t.op, t.flags = '=', combine(x.flags, rest.flags)
			t.e = cat([]*expr{exprOf(x), exprOf(rest)})
			t.children = nil
			top.children = []*subre{prefix, t}
		default:
			top.children = []*subre{prefix, t}
		}
		return top
	}
	top.flags |= combine(top.flags, x.flags)
	if vacuous {
		return x
	}
	top.children = []*subre{prefix, x}
	return top
}

// lookaround parses a lookahead or lookbehind constraint (skip: the characters after "(?").
func (p *parser) lookaround(behind, neg bool, skip int, top *subre) {
	p.i += skip
	sub := p.parse(')', true)
	if p.err != nil {
		return
	}
	p.i++
	l := &look{behind: behind, neg: neg, e: exprOf(sub)}
	p.looks = append(p.looks, l)
	top.items = append(top.items, &expr{k: eLook, look: l})
	top.nitems++
}

// quantifier reads an optional quantifier: its bounds and preference (0: none, a fixed {m}).
func (p *parser) quantifier() (m, n, qprefer int) {
	c := p.peek()
	lazy := func() int {
		if p.i < len(p.p) && p.p[p.i] == '?' {
			p.i++
			return fShorter
		}
		return fLonger
	}
	switch c {
	case '*':
		p.i++
		m, n, qprefer = 0, inf, lazy()
	case '+':
		p.i++
		m, n, qprefer = 1, inf, lazy()
	case '?':
		p.i++
		m, n, qprefer = 0, 1, lazy()
	case '{':
		if p.i+1 >= len(p.p) || !isDigit(p.p[p.i+1]) {
			return 1, 1, 0
		}
		p.i++
		m = p.number()
		n = m
		if p.i < len(p.p) && p.p[p.i] == ',' {
			p.i++
			n = inf
			if p.i < len(p.p) && isDigit(p.p[p.i]) {
				n = p.number()
			}
			if n != inf && m > n {
				p.fail(msgBadBr)
				return
			}
			qprefer = fLonger
		}
		if p.i >= len(p.p) {
			p.fail(msgBrace)
			return
		}
		if p.p[p.i] != '}' {
			p.fail(msgBadBr)
			return
		}
		p.i++
		if qprefer != 0 {
			qprefer = lazy()
		} else if p.i < len(p.p) && p.p[p.i] == '?' {
			p.i++
		}
	default:
		return 1, 1, 0
	}
	if p.err == nil {
		switch p.peek() {
		case '*', '+', '?':
			p.fail(msgBadRpt)
		case '{':
			if p.i+1 < len(p.p) && isDigit(p.p[p.i+1]) {
				p.fail(msgBadRpt)
			}
		}
	}
	return m, n, qprefer
}

func (p *parser) number() int {
	n := 0
	for p.i < len(p.p) && isDigit(p.p[p.i]) {
		n = n*10 + int(p.p[p.i]-'0')
		p.i++
		if n > dupMax {
			p.fail(msgBadBr)
			return 0
		}
	}
	return n
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

func (p *parser) anchor(c rune) uint8 {
	if c == '^' {
		if p.flags.NLAnchor {
			return aBOL
		}
		return aBOS
	}
	if p.flags.NLAnchor {
		return aEOL
	}
	return aEOS
}

// literal is the set of one character (both cases under flag i).
func (p *parser) literal(c rune) *expr {
	s := &charSet{}
	s.add(c, c)
	if p.flags.Fold {
		s.fold()
	}
	return &expr{k: eSet, set: s}
}

// exprOf is the language of a finished node.
func exprOf(t *subre) *expr {
	switch t.op {
	case '=', 'b':
		if t.e == nil {
			t.e = cat(t.items)
		}
		return t.e
	case '.':
		return cat([]*expr{exprOf(t.children[0]), exprOf(t.children[1])})
	case '|':
		alts := make([]*expr, len(t.children))
		for k, c := range t.children {
			alts[k] = exprOf(c)
		}
		return &expr{k: eAlt, subs: alts}
	case '*':
		return repeat(exprOf(t.children[0]), t.min, t.max)
	default:
		return exprOf(t.children[0])
	}
}

func cat(items []*expr) *expr {
	switch len(items) {
	case 0:
		return &expr{k: eEmpty}
	case 1:
		return items[0]
	}
	return &expr{k: eCat, subs: append([]*expr(nil), items...)}
}

func repeat(e *expr, m, n int) *expr {
	if m == 1 && n == 1 {
		return e
	}
	return &expr{k: eRep, subs: []*expr{e}, min: m, max: n}
}

// withoutConstraints is e with its constraints always true, as a back reference's copy of
// its group has them in PostgreSQL (removeconstraints).
func withoutConstraints(e *expr) *expr {
	switch e.k {
	case eAssert, eLook:
		return &expr{k: eEmpty}
	case eCat, eAlt, eRep:
		c := *e
		c.subs = make([]*expr, len(e.subs))
		for k, s := range e.subs {
			c.subs[k] = withoutConstraints(s)
		}
		return &c
	}
	return e
}

// prefixes handles ***: and ***= and a leading embedded-options group.
func (p *parser) prefixes() {
	if strings.HasPrefix(string(p.p[:min(4, len(p.p))]), "***=") {
		p.flags.Literal = true
		p.p = p.p[4:]
		return
	}
	if strings.HasPrefix(string(p.p[:min(4, len(p.p))]), "***:") {
		p.p = p.p[4:]
	}
	if len(p.p) < 3 || p.p[0] != '(' || p.p[1] != '?' || !isLetter(p.p[2]) {
		return
	}
	i := 2
	for ; i < len(p.p) && p.p[i] != ')'; i++ {
		switch p.p[i] {
		case 'b', 'e':
			p.fail(msgBadOpt) // BRE and ERE syntax are not supported here
			return
		case 'c':
			p.flags.Fold = false
		case 'i':
			p.flags.Fold = true
		case 'm', 'n':
			p.flags.NLStop, p.flags.NLAnchor = true, true
		case 'p':
			p.flags.NLStop, p.flags.NLAnchor = true, false
		case 'q':
			p.flags.Literal = true
		case 's':
			p.flags.NLStop, p.flags.NLAnchor = false, false
		case 't':
			p.flags.Expanded = false
		case 'w':
			p.flags.NLStop, p.flags.NLAnchor = false, true
		case 'x':
			p.flags.Expanded = true
		default:
			p.fail(msgBadOpt)
			return
		}
	}
	if i == len(p.p) {
		p.fail(msgBadOpt)
		return
	}
	p.p = p.p[i+1:]
}

func isLetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
