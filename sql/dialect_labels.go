package sql

import (
	"github.com/drovedb/drove/sql/lexer"
)

// Column labels without AS, as PostgreSQL 15's grammar reads them (target_el: a_expr
// BareColLabel). Any keyword but lexer.AsLabelOnly's may label a select list's (or RETURNING's)
// item without AS: SELECT 1 abort, 2 all, 3 between FROM t. The grammar decides by the token
// after the keyword: a label when what follows ends the item (a comma, FROM, the end, ...),
// else the keyword goes on with the expression (SELECT 1 between 0 and 2). vitess takes few
// keywords as an alias, so such a label is written as a quoted one; a keyword PostgreSQL
// does not take there (SELECT 1 year) is its syntax error.

// itemEndNext: the token after the word ends a select list's item.
func (r *rewriter) itemEndNext() bool {
	t := r.peek(0)
	switch t.Kind {
	case lexer.EOF:
		return true
	case lexer.Punct:
		return t.Value == "," || t.Value == ";" || t.Value == ")"
	case lexer.Ident:
		return selectListEnds[t.Value]
	}
	return false
}

// bareLabel handles the word t in a label position: written as a quoted label (done), or
// refused as PostgreSQL refuses it.
func (r *rewriter) bareLabel(t lexer.Token) (done bool, err error) {
	w := t.Value
	if lexer.AsLabelOnly(w) {
		if !refusedLabels[w] || typeWords[w] && (r.prev.Kind == lexer.Ident || r.prev.Kind == lexer.String) {
			return false, nil // vitess refuses it; or a type's or an interval's words (double precision, '1' day)
		}
		return true, nearError(w)
	}
	if rank := labelRank[w]; rank > 0 && w != "not" && r.depth >= 0 && r.depth < len(r.starts) {
		if low := r.starts[r.depth].low; low > 0 && low < rank {
			// SELECT 1 = 2 in, 3: IN binds tighter than the pending =, so PostgreSQL's
			// grammar shifts it as 2's operator, and the comma is its syntax error.
			return true, r.syntaxErrorAt(r.peek(0))
		}
	}
	r.b.WriteString(" as ")
	r.keep("as")
	t.Kind = lexer.QuotedIdent
	r.labelled = true
	return true, r.quotedIdent(t)
}

// labelRank ranks the operators whose keywords may label an item by how loosely they bind
// (gram.y's precedence, loosest first): such a keyword labels the item only when no looser
// operator is pending at its depth, else the grammar reads it as the operator (NOT labels
// always: a plain NOT never follows an operand in the grammar, only NOT_LA before LIKE...).
var labelRank = map[string]int{"or": 1, "and": 2, "not": 3, "is": 4, "=": 5,
	"in": 6, "like": 6, "ilike": 6, "similar": 6, "between": 6}

// labelPosition: the word stands where a column label without AS may, after a select list
// item's expression (not inside a CASE, whose END it could be) and before the item's end.
func (r *rewriter) labelPosition() bool {
	return len(r.savedStarts) == 0 && r.bareLabelNext() && r.itemEndNext()
}

// refusedLabels are the keywords of lexer.AsLabelOnly vitess would read as an alias.
var refusedLabels = map[string]bool{"array": true, "char": true, "day": true, "fetch": true,
	"filter": true, "grant": true, "hour": true, "minute": true, "month": true, "overlaps": true,
	"precision": true, "second": true, "varying": true, "within": true, "without": true, "year": true}

// typeWords end a type's name or an interval's qualifier: int array, character varying,
// double precision, interval '1' day, time with[out] ...
var typeWords = map[string]bool{"array": true, "char": true, "character": true, "precision": true,
	"varying": true, "day": true, "hour": true, "minute": true, "month": true, "second": true,
	"year": true, "with": true, "without": true}

// isnullWords are PostgreSQL's postfix ISNULL and NOTNULL: never a column label (AS_LABEL
// keywords), always the operator after an operand (`SELECT 1 isnull` is a boolean).
var isnullWords = map[string]bool{"isnull": true, "notnull": true}

// emitPostfixIsNull writes x ISNULL as x IS NULL and x NOTNULL as x IS NOT NULL, PostgreSQL's
// same predicates at IS's precedence; an operator after one applies to the whole predicate
// (dialect_postfix.go). isnull( is a function's call, as in PostgreSQL.
func emitPostfixIsNull(r *rewriter, w string) error {
	if !endsOperand(r.prev) && !isnullWords[r.prev.Value] {
		return r.syntaxErrorAt(r.peek(0)) // SELECT isnull FROM t: a call's name without its (
	}
	if w == "isnull" {
		r.b.WriteString("is null")
	} else {
		r.b.WriteString("is not null")
	}
	r.keep(w)
	r.endPostfix(false)
	return nil
}
