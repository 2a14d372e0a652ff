package pgregex

import "sort"

// charSet is a set of characters: ranges (lo, hi pairs), complemented when neg.
type charSet struct {
	neg    bool
	ranges []rune
}

func (s *charSet) add(lo, hi rune) { s.ranges = append(s.ranges, lo, hi) }

func (s *charSet) has(c rune) bool {
	for k := 0; k < len(s.ranges); k += 2 {
		if c >= s.ranges[k] && c <= s.ranges[k+1] {
			return !s.neg
		}
	}
	return s.neg
}

// fold adds the other case of each ASCII letter in the set (flag i; PostgreSQL's C locale
// folds ASCII only).
func (s *charSet) fold() {
	n := len(s.ranges)
	for k := 0; k < n; k += 2 {
		lo, hi := s.ranges[k], s.ranges[k+1]
		if a, b := max(lo, 'a'), min(hi, 'z'); a <= b {
			s.add(a-32, b-32)
		}
		if a, b := max(lo, 'A'), min(hi, 'Z'); a <= b {
			s.add(a+32, b+32)
		}
	}
}

// normalize sorts and merges the ranges.
func (s *charSet) normalize() {
	type rg struct{ lo, hi rune }
	rs := make([]rg, 0, len(s.ranges)/2)
	for k := 0; k < len(s.ranges); k += 2 {
		rs = append(rs, rg{s.ranges[k], s.ranges[k+1]})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	out := s.ranges[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], r.hi)
			continue
		}
		out = append(out, r.lo, r.hi)
	}
	s.ranges = out
}

// classRanges are the ASCII ranges of a character class (PostgreSQL's C locale).
var classRanges = map[string][]rune{
	"alnum":  {'0', '9', 'A', 'Z', 'a', 'z'},
	"alpha":  {'A', 'Z', 'a', 'z'},
	"ascii":  {0, 127},
	"blank":  {' ', ' ', '\t', '\t'},
	"cntrl":  {0, 31, 127, 127},
	"digit":  {'0', '9'},
	"graph":  {'!', '~'},
	"lower":  {'a', 'z'},
	"print":  {' ', '~'},
	"punct":  {'!', '/', ':', '@', '[', '`', '{', '~'},
	"space":  {'\t', '\r', ' ', ' '},
	"upper":  {'A', 'Z'},
	"xdigit": {'0', '9', 'A', 'F', 'a', 'f'},
	"word":   {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'},
}

func classSet(name string, neg bool) *charSet {
	return &charSet{neg: neg, ranges: append([]rune(nil), classRanges[name]...)}
}

func isWord(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

func isAlnum(c rune) bool { return isWord(c) && c != '_' }

// escape reads what follows a backslash outside a bracket expression: a set (a character or
// class escape), a constraint, or (both nil and ok) a back reference in p.lastBackref.
func (p *parser) escape(lacon bool) (e *expr, a uint8, ok bool) {
	if p.eos() {
		p.fail(msgEscape)
		return nil, 0, false
	}
	c := p.p[p.i]
	p.i++
	switch c {
	case 'A':
		return nil, aBOS, true
	case 'Z':
		return nil, aEOS, true
	case 'm':
		return nil, aWordStart, true
	case 'M':
		return nil, aWordEnd, true
	case 'y':
		return nil, aWordB, true
	case 'Y':
		return nil, aNotWordB, true
	case 'd', 's', 'w', 'D', 'S', 'W':
		s := shorthand(c)
		return &expr{k: eSet, set: s}, 0, true
	}
	if c >= '1' && c <= '9' {
		start := p.i - 1
		n := int(c - '0')
		j := p.i
		for j < len(p.p) && isDigit(p.p[j]) && n <= dupMax*1000 {
			n = n*10 + int(p.p[j]-'0')
			j++
		}
		if j == p.i || n <= p.nsubexp {
			p.i = j
			return p.backrefAtom(n, lacon)
		}
		p.i = start + 1
		c = '0'
	}
	r, ok := p.charEscape(c)
	if !ok {
		return nil, 0, false
	}
	s := &charSet{}
	s.add(r, r)
	if p.flags.Fold {
		s.fold()
	}
	return &expr{k: eSet, set: s}, 0, true
}

func (p *parser) backrefAtom(n int, lacon bool) (*expr, uint8, bool) {
	g := p.subs[n]
	if lacon || g == nil {
		p.fail(msgSubReg)
		return nil, 0, false
	}
	p.backref = true
	p.lastBackref = &subre{op: 'b', flags: fBackr, backno: n, min: 1, max: 1, e: withoutConstraints(exprOf(g))}
	return nil, 0, true
}

func shorthand(c rune) *charSet {
	switch c {
	case 'd':
		return classSet("digit", false)
	case 'D':
		return classSet("digit", true)
	case 's':
		return classSet("space", false)
	case 'S':
		return classSet("space", true)
	case 'w':
		return classSet("word", false)
	}
	return classSet("word", true)
}

// charEscape is a character-entry escape (c is the character after the backslash, already
// read); a letter or digit that is no escape is an error, any other character stands for
// itself.
func (p *parser) charEscape(c rune) (rune, bool) {
	switch c {
	case 'a':
		return 7, true
	case 'b':
		return 8, true
	case 'B':
		return '\\', true
	case 'c':
		if p.eos() {
			p.fail(msgEscape)
			return 0, false
		}
		p.i++
		return p.p[p.i-1] & 037, true
	case 'e':
		return 033, true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	case 'u':
		return p.digits(16, 4, 4)
	case 'U':
		return p.digits(16, 8, 8)
	case 'x':
		return p.digits(16, 1, 255)
	case '0':
		p.i-- // the first digit counts
		r, ok := p.digits(8, 1, 3)
		if ok && r > 0xff {
			p.i--
			r >>= 3
		}
		return r, ok
	}
	if isAlnum(c) {
		p.fail(msgEscape)
		return 0, false
	}
	return c, true
}

func (p *parser) digits(base, lo, hi int) (rune, bool) {
	n, k := 0, 0
	for ; k < hi && p.i < len(p.p); k++ {
		d := digitValue(p.p[p.i])
		if d < 0 || d >= base {
			break
		}
		n = n*base + d
		if n > 0x10FFFF {
			p.fail(msgRange)
			return 0, false
		}
		p.i++
	}
	if k < lo {
		p.fail(msgEscape)
		return 0, false
	}
	return rune(n), true
}

func digitValue(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// bracket reads a bracket expression after its [.
func (p *parser) bracket() *charSet {
	s := &charSet{}
	if p.i < len(p.p) && p.p[p.i] == '^' {
		s.neg = true
		p.i++
	}
	var negClasses []*charSet
	first := true
	for {
		if p.eos() {
			p.fail(msgBrack)
			return s
		}
		c := p.p[p.i]
		if c == ']' && !first {
			p.i++
			break
		}
		first = false
		lo, cls, ok := p.bracketElem(s, &negClasses)
		if !ok {
			return s
		}
		if cls {
			continue
		}
		hi := lo
		if p.i+1 < len(p.p) && p.p[p.i] == '-' && p.p[p.i+1] != ']' {
			p.i++
			h, cls2, ok := p.bracketElem(s, &negClasses)
			if !ok {
				return s
			}
			if cls2 || h < lo {
				p.fail(msgRange)
				return s
			}
			hi = h
		}
		s.add(lo, hi)
	}
	if p.flags.Fold {
		s.fold()
	}
	if len(negClasses) > 0 {
		// a complemented class inside brackets: everything outside it
		for _, nc := range negClasses {
			nc.normalize()
			prev := rune(0)
			for k := 0; k < len(nc.ranges); k += 2 {
				if nc.ranges[k] > prev {
					s.add(prev, nc.ranges[k]-1)
				}
				prev = nc.ranges[k+1] + 1
			}
			s.add(prev, 0x10FFFF)
		}
	}
	if s.neg && p.flags.NLStop {
		s.add('\n', '\n')
	}
	s.normalize()
	return s
}

// bracketElem reads one element of a bracket expression: a character (lo), or a class
// added to s (cls true).
func (p *parser) bracketElem(s *charSet, negClasses *[]*charSet) (lo rune, cls, ok bool) {
	c := p.p[p.i]
	p.i++
	switch {
	case c == '[' && p.i < len(p.p) && (p.p[p.i] == ':' || p.p[p.i] == '.' || p.p[p.i] == '='):
		d := p.p[p.i]
		p.i++
		start := p.i
		for p.i+1 < len(p.p) && !(p.p[p.i] == d && p.p[p.i+1] == ']') {
			p.i++
		}
		if p.i+1 >= len(p.p) {
			p.fail(msgBrack)
			return 0, false, false
		}
		name := string(p.p[start:p.i])
		p.i += 2
		if d == ':' {
			r, found := classRanges[name]
			if !found {
				p.fail(msgCType)
				return 0, false, false
			}
			for k := 0; k < len(r); k += 2 {
				s.add(r[k], r[k+1])
			}
			return 0, true, true
		}
		rs := []rune(name)
		if len(rs) != 1 {
			p.fail(msgCollate)
			return 0, false, false
		}
		return rs[0], false, true
	case c == '\\':
		if p.eos() {
			p.fail(msgEscape)
			return 0, false, false
		}
		e := p.p[p.i]
		p.i++
		switch e {
		case 'd', 's', 'w':
			r := shorthand(e).ranges
			for k := 0; k < len(r); k += 2 {
				s.add(r[k], r[k+1])
			}
			return 0, true, true
		case 'D', 'S', 'W':
			*negClasses = append(*negClasses, &charSet{ranges: append([]rune(nil), shorthand(e+32).ranges...)})
			return 0, true, true
		}
		if e >= '1' && e <= '9' {
			p.fail(msgEscape)
			return 0, false, false
		}
		r, ok := p.charEscape(e)
		return r, false, ok
	}
	return c, false, true
}
