package sql

import "github.com/drovedb/drove/sql/lexer"

// The pattern of LIKE. PostgreSQL reads it as any expression whose operators bind
// tighter than LIKE (x LIKE '%' || y || '%' is x LIKE ('%' || y || '%')), vitess's LIKE takes
// only a simple expression (no operator outside parentheses): the pass writes the pattern in
// parentheses, closed before the first token that ends it at its depth (a comparison, a
// keyword such as AND, ESCAPE, IS or THEN, a comma, a closing parenthesis, the statement's
// end). A CASE inside the pattern keeps it open through its END.

//
// A prefix ~ after an operator that binds tighter than it (2 * ~ 3 + 1 is 2 * (~ (3 + 1)) in
// PostgreSQL) is written in parentheses the same way, which an operator of ||'s level closes
// too (2 * ~ 3 | 1 is (2 * (~ 3)) | 1).

// patternOpen is an open pattern parenthesis.
type patternOpen struct {
	depth int  // the parenthesis depth it was opened at
	cases int  // CASEs open inside it
	tilde bool // a prefix ~'s operand, not a LIKE pattern
	// similar: SIMILAR TO's similar_to_escape( call, escaped once its ESCAPE was written;
	// close is written after its parenthesis (the regex marker).
	similar, escaped bool
	close            string
}

// openTilde opens the operand of a prefix ~ that follows an operator binding tighter than it.
func (r *rewriter) openTilde() {
	switch r.prev.Value {
	case "+", "-", "*", "/", "%", "^":
		if r.prev.Kind == lexer.Op {
			r.b.WriteString(" (")
			r.patterns = append(r.patterns, patternOpen{depth: r.depth, tilde: true})
		}
	}
}

// closeTildes closes the prefix ~ operands open at the current depth, before an operator of
// ||'s level.
func (r *rewriter) closeTildes() {
	for n := len(r.patterns); n > 0 && r.patterns[n-1].tilde && r.patterns[n-1].depth == r.depth; n-- {
		r.b.WriteString(")")
		r.patterns = r.patterns[:n-1]
	}
}

// openPattern opens the pattern after LIKE (ILIKE is written as REGEXP, whose pattern vitess
// reads as PostgreSQL does), except before ANY/SOME/ALL (the
// any-array rule's) and in CREATE TABLE's (LIKE t).
func (r *rewriter) openPattern(w string) {
	if w != "like" || r.isCreateTable() {
		return
	}
	if n := r.peek(0); n.Is("any") || n.Is("some") || n.Is("all") {
		return
	}
	r.b.WriteString(" (")
	r.patterns = append(r.patterns, patternOpen{depth: r.depth})
}

// patternWord closes the open pattern before word w when w ends it.
func (r *rewriter) patternWord(w string) {
	n := len(r.patterns)
	if n == 0 || r.patterns[n-1].depth != r.depth {
		return
	}
	p := &r.patterns[n-1]
	switch {
	case w == "case":
		p.cases++
	case p.cases > 0:
		if w == "end" {
			p.cases--
		}
	case w == "escape" && r.similarEscapeNext(): // written as the call's comma
	case endsOperand(r.prev) && w != "collate" && w != "at":
		// A word right after an operand is no operator of the pattern: a join's (ON x LIKE
		// 'a%' LEFT JOIN), ORDER BY's (DESC, NULLS FIRST), an alias (SELECT x LIKE 'a%' f).
		r.closePatterns(r.depth)
	case !isOperandWord(w) && !patternOperandWords[w]:
		r.closePatterns(r.depth)
	}
}

// patternOperandWords are the chain-ending words that stand in an operand: constants, and the
// words of the operand rules the pass rewrites (ARRAY[...], CAST, ...).
var patternOperandWords = map[string]bool{"true": true, "false": true, "null": true, "default": true,
	"array": true, "cast": true, "collate": true, "row": true, "exists": true, "interval": true,
	"date": true, "timestamp": true, "time": true, "current_date": true, "current_timestamp": true,
	"localtimestamp": true, "localtime": true, "current_user": true, "session_user": true, "user": true,
	"current_role": true, "current_schema": true, "current_catalog": true}

// endsOperand reports whether token t can end an operand: a constant, a parameter, a name,
// a closing parenthesis or bracket.
func endsOperand(t lexer.Token) bool {
	switch t.Kind {
	case lexer.String, lexer.BitString, lexer.HexString, lexer.Integer, lexer.Numeric, lexer.Param, lexer.QuotedIdent:
		return true
	case lexer.Ident:
		return isOperandWord(t.Value) || t.Value == "end" || patternOperandWords[t.Value] && !operandStartWords[t.Value]
	case lexer.Punct:
		return t.Value == ")" || t.Value == "]"
	}
	return false
}

// operandStartWords are patternOperandWords that begin an operand rather than end one.
var operandStartWords = map[string]bool{"array": true, "cast": true, "collate": true, "row": true, "exists": true,
	"interval": true, "date": true, "timestamp": true, "time": true}

// patternInCase reports whether a CASE is open inside the pattern open at the current depth
// (x LIKE CASE WHEN a = 1 THEN ...: its comparisons are the CASE's).
func (r *rewriter) patternInCase() bool {
	n := len(r.patterns)
	return n > 0 && r.patterns[n-1].depth == r.depth && r.patterns[n-1].cases > 0
}

// closePatterns closes the patterns open at depth d or deeper.
func (r *rewriter) closePatterns(d int) {
	for n := len(r.patterns); n > 0 && r.patterns[n-1].depth >= d; n-- {
		r.b.WriteString(")" + r.patterns[n-1].close)
		r.patterns = r.patterns[:n-1]
	}
}
