package pgregex

import "errors"

type ekind uint8

const (
	eEmpty ekind = iota
	eSet
	eCat
	eAlt
	eRep
	eAssert
	eLook
)

// expr is a node's language: what PostgreSQL's NFA for the node accepts.
type expr struct {
	k        ekind
	set      *charSet
	subs     []*expr
	min, max int
	assert   uint8
	look     *look
}

// Constraints.
const (
	aBOS uint8 = iota + 1
	aEOS
	aBOL
	aEOL
	aWordStart
	aWordEnd
	aWordB
	aNotWordB
)

// look is a lookahead or lookbehind constraint.
type look struct {
	behind, neg bool
	e           *expr
	prog        *prog
	id          int
}

const (
	opSet uint8 = iota
	opFork
	opAssert
	opLook
	opMatch
)

type inst struct {
	op     uint8
	assert uint8
	out    int32
	set    *charSet
	alts   []int32
	look   *look
}

// prog is a Thompson NFA: instructions and the entry; instruction 0 is the match.
type prog struct {
	insts []inst
	start int32
}

// maxInsts bounds the NFA instructions of one pattern (all its nodes' programs).
const maxInsts = 400000

// ErrTooComplex is a match that ran out of its step budget.
var ErrTooComplex = errors.New("regular expression is too complex")

type compiler struct {
	total int
	err   bool
}

func (c *compiler) compile(e *expr) *prog {
	pr := &prog{insts: []inst{{op: opMatch}}}
	pr.start = c.emit(pr, e, 0)
	c.total += len(pr.insts)
	if c.total > maxInsts {
		c.err = true
	}
	return pr
}

func (c *compiler) add(pr *prog, in inst) int32 {
	pr.insts = append(pr.insts, in)
	if len(pr.insts)+c.total > maxInsts {
		c.err = true
	}
	return int32(len(pr.insts) - 1)
}

// emit compiles e to run before out and returns its entry.
func (c *compiler) emit(pr *prog, e *expr, out int32) int32 {
	if c.err {
		return out
	}
	switch e.k {
	case eEmpty:
		return out
	case eSet:
		return c.add(pr, inst{op: opSet, set: e.set, out: out})
	case eAssert:
		return c.add(pr, inst{op: opAssert, assert: e.assert, out: out})
	case eLook:
		return c.add(pr, inst{op: opLook, look: e.look, out: out})
	case eCat:
		for k := len(e.subs) - 1; k >= 0; k-- {
			out = c.emit(pr, e.subs[k], out)
		}
		return out
	case eAlt:
		alts := make([]int32, len(e.subs))
		for k, s := range e.subs {
			alts[k] = c.emit(pr, s, out)
		}
		return c.add(pr, inst{op: opFork, alts: alts})
	}
	// eRep
	sub := e.subs[0]
	cur := out
	if e.max == inf {
		loop := c.add(pr, inst{op: opFork})
		body := c.emit(pr, sub, loop)
		pr.insts[loop].alts = []int32{body, out}
		cur = loop
	} else {
		for k := e.min; k < e.max && !c.err; k++ {
			body := c.emit(pr, sub, cur)
			cur = c.add(pr, inst{op: opFork, alts: []int32{body, out}})
		}
	}
	for k := 0; k < e.min && !c.err; k++ {
		cur = c.emit(pr, sub, cur)
	}
	return cur
}

// sset is a sparse set of instructions, with the start position of the thread that put
// each there (for the search).
type sset struct {
	dense  []int32
	starts []int
	sparse []int32
}

func (q *sset) has(pc int32) bool {
	i := q.sparse[pc]
	return int(i) < len(q.dense) && q.dense[i] == pc
}

func (q *sset) insert(pc int32, start int) {
	q.sparse[pc] = int32(len(q.dense))
	q.dense = append(q.dense, pc)
	q.starts = append(q.starts, start)
}

func (q *sset) clear() { q.dense, q.starts = q.dense[:0], q.starts[:0] }

func (m *matcher) getSet(n int) *sset {
	for k, q := range m.free {
		if len(q.sparse) >= n {
			m.free = append(m.free[:k], m.free[k+1:]...)
			q.clear()
			return q
		}
	}
	return &sset{sparse: make([]int32, n), dense: make([]int32, 0, 16), starts: make([]int, 0, 16)}
}

func (m *matcher) putSet(q ...*sset) { m.free = append(m.free, q...) }

// closure adds pc and what it reaches without consuming a character at pos.
func (m *matcher) closure(pr *prog, q *sset, pc int32, pos, start int) {
	m.depth++
	if len(m.stacks) < m.depth {
		m.stacks = append(m.stacks, nil)
	}
	stack := append(m.stacks[m.depth-1][:0], pc)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if q.has(pc) {
			continue
		}
		q.insert(pc, start)
		m.steps++
		in := &pr.insts[pc]
		switch in.op {
		case opFork:
			for k := len(in.alts) - 1; k >= 0; k-- {
				stack = append(stack, in.alts[k])
			}
		case opAssert:
			if m.assertAt(in.assert, pos) {
				stack = append(stack, in.out)
			}
		case opLook:
			if m.lookAt(in.look, pos) {
				stack = append(stack, in.out)
			}
		}
	}
	m.stacks[m.depth-1] = stack
	m.depth--
}

// step moves the threads of cur over the character at pos into next; threads that started
// at or after cut (when cut >= 0) are dropped.
func (m *matcher) step(pr *prog, cur, next *sset, pos, cut int) {
	c := m.s[pos]
	for k, pc := range cur.dense {
		in := &pr.insts[pc]
		if in.op != opSet || (cut >= 0 && cur.starts[k] >= cut) || !in.set.has(c) {
			continue
		}
		m.closure(pr, next, in.out, pos+1, cur.starts[k])
	}
}

func (m *matcher) over() bool {
	if m.steps > m.budget {
		m.err = ErrTooComplex
		return true
	}
	return m.err != nil
}

// longest is the end of the longest match of pr starting at begin and ending by limit, -1
// if none (rege_dfa.c's longest).
func (m *matcher) longest(pr *prog, begin, limit int) int {
	cur, next := m.getSet(len(pr.insts)), m.getSet(len(pr.insts))
	defer m.putSet(cur, next)
	m.closure(pr, cur, pr.start, begin, begin)
	best := -1
	if cur.has(0) {
		best = begin
	}
	for p := begin; p < limit && len(cur.dense) > 0 && !m.over(); p++ {
		next.clear()
		m.step(pr, cur, next, p, -1)
		cur, next = next, cur
		if cur.has(0) {
			best = p + 1
		}
	}
	if m.err != nil {
		return -1
	}
	return best
}

// shortest is the end of the shortest match of pr starting at begin that ends at min or
// later and by limit, -1 if none.
func (m *matcher) shortest(pr *prog, begin, atLeast, limit int) int {
	cur, next := m.getSet(len(pr.insts)), m.getSet(len(pr.insts))
	defer m.putSet(cur, next)
	m.closure(pr, cur, pr.start, begin, begin)
	if begin >= atLeast && cur.has(0) {
		return begin
	}
	for p := begin; p < limit && len(cur.dense) > 0 && !m.over(); p++ {
		next.clear()
		m.step(pr, cur, next, p, -1)
		cur, next = next, cur
		if p+1 >= atLeast && cur.has(0) {
			return p + 1
		}
	}
	return -1
}

// search is the leftmost position at or after from where a match of pr starts, -1 if none:
// threads keep their start, the earliest wins a state, and once a match is seen only
// threads that started before it go on.
func (m *matcher) search(pr *prog, from int) int {
	cur, next := m.getSet(len(pr.insts)), m.getSet(len(pr.insts))
	defer m.putSet(cur, next)
	best := -1
	if from > len(m.s) {
		return -1
	}
	for p := from; ; p++ {
		if best < 0 {
			m.closure(pr, cur, pr.start, p, p)
		}
		if cur.has(0) {
			if st := cur.starts[cur.sparse[0]]; best < 0 || st < best {
				best = st
			}
		}
		if p == len(m.s) || m.over() || (best >= 0 && len(cur.dense) == 0) {
			break
		}
		next.clear()
		m.step(pr, cur, next, p, best)
		cur, next = next, cur
		if best >= 0 && len(cur.dense) == 0 {
			break
		}
	}
	if m.err != nil {
		return -1
	}
	return best
}

// firstEnd is the earliest position where a match of pr that starts at from or later ends,
// -1 if none.
func (m *matcher) firstEnd(pr *prog, from int) int {
	if from > len(m.s) {
		return -1
	}
	cur, next := m.getSet(len(pr.insts)), m.getSet(len(pr.insts))
	defer m.putSet(cur, next)
	for p := from; ; p++ {
		m.closure(pr, cur, pr.start, p, p)
		if cur.has(0) {
			return p
		}
		if p == len(m.s) || m.over() {
			return -1
		}
		next.clear()
		m.step(pr, cur, next, p, -1)
		cur, next = next, cur
	}
}

func (m *matcher) wordAt(p int) bool { return p >= 0 && p < len(m.s) && isWord(m.s[p]) }

func (m *matcher) assertAt(a uint8, p int) bool {
	n := len(m.s)
	switch a {
	case aBOS:
		return p == 0
	case aEOS:
		return p == n
	case aBOL:
		return p == 0 || m.s[p-1] == '\n'
	case aEOL:
		return p == n || m.s[p] == '\n'
	}
	before, after := m.wordAt(p-1), m.wordAt(p)
	switch a {
	case aWordStart:
		return !before && after
	case aWordEnd:
		return before && !after
	case aWordB:
		return before != after
	}
	return before == after
}

// lookAt evaluates a lookaround constraint at p, remembering the answers: a lookbehind's
// for every position at once (one pass of its search).
func (m *matcher) lookAt(l *look, p int) bool {
	memo := m.looks[l.id]
	if memo == nil {
		memo = make([]int8, len(m.s)+1)
		m.looks[l.id] = memo
		if l.behind {
			m.behindAll(l.prog, memo)
		}
	}
	if memo[p] == 0 {
		memo[p] = 2
		if m.shortest(l.prog, p, p, len(m.s)) >= 0 {
			memo[p] = 1
		}
	}
	return (memo[p] == 1) != l.neg
}

// behindAll marks in memo each position where some match of pr ends.
func (m *matcher) behindAll(pr *prog, memo []int8) {
	cur, next := m.getSet(len(pr.insts)), m.getSet(len(pr.insts))
	defer m.putSet(cur, next)
	for p := 0; ; p++ {
		m.closure(pr, cur, pr.start, p, p)
		memo[p] = 2
		if cur.has(0) {
			memo[p] = 1
		}
		if p == len(m.s) || m.over() {
			return
		}
		next.clear()
		m.step(pr, cur, next, p, -1)
		cur, next = next, cur
	}
}
