package sql

import "github.com/drovedb/drove/sql/lexer"

// SELECT with an empty select list (SELECT FROM t, SELECT;), which PostgreSQL's grammar
// allows (opt_target_list) and vitess's does not: the dialect pass writes the select list
// "/*drove:notargets*/ 1", and the converter makes a list under that comment empty again, so
// the query returns its rows with no columns. User text cannot spell the comment: the pass
// turns every comment of the text into a space (as the set operations' markers).

const noTargetsMarker = "/*drove:notargets*/"

func init() {
	wordRules["select"] = append(wordRules["select"], wordRule{"empty-select-list", (*rewriter).emptySelectNext,
		func(r *rewriter, w string) error {
			r.startOperand()
			r.b.WriteString(w + " " + noTargetsMarker + " 1")
			r.keep(w)
			return nil
		}})
}

// emptySelectNext reports whether the word SELECT just read starts a query (the statement, a
// parenthesized query, an operand of UNION) with no select
// list. A SELECT after a set operator that carries a marker is the set operation rule's.
func (r *rewriter) emptySelectNext() bool {
	if r.setOpMarker != "" {
		return false
	}
	p := r.prev
	if len(r.words) > 0 && !p.IsPunct("(") && !p.Is("union") && !p.Is("all") && !p.Is("distinct") {
		return false
	}
	return r.emptySelectList()
}

// emptySelectList reports whether the SELECT just read has no select list: a clause, the
// end of the query or of its parentheses follows it.
func (r *rewriter) emptySelectList() bool {
	t := r.peek(0)
	switch {
	case t.Kind == lexer.EOF, t.IsPunct(";"), t.IsPunct(")"):
		return true
	case t.Kind != lexer.Ident:
		return false
	}
	switch t.Value {
	case "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch",
		"union", "intersect", "except", "for":
		return true
	}
	return false
}
