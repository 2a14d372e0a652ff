package sql

import "github.com/drovedb/drove/sql/lexer"

// PostgreSQL's postfix predicates, x IS [NOT] NULL|TRUE|FALSE|UNKNOWN and x [NOT] IN (...),
// are operands like any other once read: x IS NULL || 'a' is (x IS NULL) || 'a', and
// 1 IN (1) IN (true), (x IS NULL)::text, 'a' IN ('a') LIKE 't%' are read the same way. In
// vitess's MySQL grammar both end the operand (IS NULL is a boolean_primary, IN a predicate),
// so an operator after one is a syntax error there. The pass writes the predicate in
// parentheses when one of those operators follows it: it tracks, per depth, where the
// operand of an IS predicate begins (after the last AND, OR, prefix NOT, a clause keyword, a
// comma or the parenthesis: IS binds looser than the comparisons) and where IN's left operand
// begins (also after a comparison, which binds looser than IN).

// exprStarts are where, in the output, the operands of the postfix predicates at one depth
// begin.
type exprStarts struct {
	is, in int
	// low is the loosest-binding operator pending at this depth since the expression began
	// (labelRank's ranks; 0: none): a keyword that would bind tighter cannot label the select
	// list's item there (dialect_labels.go).
	low int
}

// postfixEnd is the predicate the last token ended: its token count and whether it was IN's.
type postfixEnd struct {
	tok int
	in  bool
}

// postfixBoundaries are the words after which an expression begins anew at the same depth.
var postfixBoundaries = map[string]bool{"and": true, "or": true, "not": true, "when": true, "then": true,
	"else": true, "select": true, "where": true, "having": true, "on": true, "by": true, "distinct": true,
	"all": true, "returning": true, "limit": true, "offset": true, "using": true, "set": true}

// likeWords are the words of the predicates at IN's level, which do not associate but read a
// postfix predicate before them as their operand.
var likeWords = map[string]bool{"like": true, "ilike": true, "similar": true, "in": true, "between": true}

// setStarts records that an expression begins here at the current depth: for IS's operand
// and IN's (both), or only IN's. The main loop calls it after a token that opened a
// parenthesis (the pass's rules open some of their own).
func (r *rewriter) setStarts(both bool) {
	for len(r.starts) <= r.depth {
		r.starts = append(r.starts, exprStarts{})
	}
	if r.depth < 0 {
		return
	}
	r.starts[r.depth].in = r.b.Len()
	if both {
		r.starts[r.depth].is = r.b.Len()
		r.starts[r.depth].low = 0
	}
}

// pendingOp notes that an operator of rank (labelRank's) is pending at the current depth.
func (r *rewriter) pendingOp(rank int) {
	if r.depth < 0 || r.depth >= len(r.starts) {
		return
	}
	if s := &r.starts[r.depth]; s.low == 0 || rank < s.low {
		s.low = rank
	}
}

// saveStarts keeps the current depth's starts while a CASE or a bracket is open, whose
// insides begin expressions of their own at the same depth; restoreStarts brings them back
// at its END or ].
func (r *rewriter) saveStarts() {
	var s exprStarts
	if r.depth >= 0 && r.depth < len(r.starts) {
		s = r.starts[r.depth]
	}
	r.savedStarts = append(r.savedStarts, s)
	r.setStarts(true)
}

func (r *rewriter) restoreStarts() {
	n := len(r.savedStarts)
	if n == 0 {
		return
	}
	s := r.savedStarts[n-1]
	r.savedStarts = r.savedStarts[:n-1]
	if r.depth >= 0 && r.depth < len(r.starts) {
		r.starts[r.depth] = s
	}
}

// shiftStarts keeps the starts on their text when insertAt inserts before them.
func (r *rewriter) shiftStarts(pos, n int) {
	for i := range r.starts {
		if r.starts[i].is > pos {
			r.starts[i].is += n
		}
		if r.starts[i].in > pos {
			r.starts[i].in += n
		}
	}
}

// boundaryWord notes w, just written, as the start of a new expression when it is one.
// and is BETWEEN's when the chain says so; not is a prefix NOT unless it follows IS or comes
// before LIKE, IN, BETWEEN, ...
func (r *rewriter) boundaryWord(w string, betweenAnd, afterIs bool) {
	switch {
	case w == "case":
		r.saveStarts()
	case w == "end":
		r.restoreStarts()
	case w == "and" && betweenAnd, w == "not" && (afterIs || likeWords[r.peek(0).Value]):
	case postfixBoundaries[w]:
		low := 0
		if r.depth >= 0 && r.depth < len(r.starts) {
			low = r.starts[r.depth].low
		}
		r.setStarts(true)
		if rank := labelRank[w]; rank > 0 { // AND, OR, a prefix NOT: still pending
			r.starts[r.depth].low = low
			r.pendingOp(rank)
		}
	}
}

// endPostfix notes that the token just read ended a postfix predicate.
func (r *rewriter) endPostfix(in bool) {
	r.postfix = postfixEnd{tok: r.ntok, in: in}
}

// wrapPostfix writes the predicate the previous token ended in parentheses when t, an
// operator other than a comparison, a cast or a word of IN's level, applies to it.
func (r *rewriter) wrapPostfix(t lexer.Token) error {
	if r.postfix.tok == 0 || r.ntok != r.postfix.tok+1 || r.depth < 0 || r.depth >= len(r.starts) {
		return nil
	}
	switch {
	case t.Kind == lexer.Op && !comparisons[t.Value]:
	case t.Kind == lexer.Punct && t.Value == "::":
	case t.Kind == lexer.Ident && (likeWords[t.Value] || t.Value == "not" && likeWords[r.peek(0).Value]):
	case t.Kind == lexer.Ident && (t.Value == "is" || isnullWords[t.Value]) && !r.postfix.in: // x IS TRUE IS NULL
	default:
		return nil
	}
	start := r.starts[r.depth].is
	if r.postfix.in {
		start = r.starts[r.depth].in
	}
	if err := r.insertAt(start, "("); err != nil {
		return err
	}
	r.b.WriteByte(')')
	r.operandStart = start
	return nil
}
