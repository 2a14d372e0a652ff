package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// An alias on a parenthesized join, (a JOIN b USING (k)) AS j [(cols)], which vitess does not
// parse: the dialect pass writes the join as the derived table (select * from a JOIN b USING
// (k)) AS j. That is what PostgreSQL's join alias means: j's columns are the join's output
// columns (USING's merged ones first), j.col reads them, and the alias hides the names inside
// it (a.x is 42P01). The derived table is not LATERAL, so a LATERAL item inside the join cannot
// read FROM items before it (PostgreSQL can): refused as 42P01 rather than answered otherwise.

// joinAlias finishes the parenthesis p, just closed, of a FROM item: a join in it followed by
// an alias becomes a derived table.
func (r *rewriter) joinAlias(p openParen) error {
	if !r.aliasNext() {
		return nil
	}
	inner := strings.TrimLeft(r.b.String()[p.start+1:], " ")
	for _, w := range []string{"select ", "values ", "with "} {
		if strings.HasPrefix(inner, w) {
			return nil // a subquery's parentheses
		}
	}
	if !topLevelJoin(inner) {
		return nil // (t) AS x or ((SELECT ...)) AS x: no join here
	}
	return r.insertAt(p.start+1, "select * from ")
}

// aliasNext reports whether an alias follows: AS, or a name that does not end the item.
func (r *rewriter) aliasNext() bool {
	t := r.peek(0)
	switch t.Kind {
	case lexer.QuotedIdent:
		return true
	case lexer.Ident:
		w := t.Value
		return w == "as" || !notFunctionNames[w] && !fromClauseEnds[w] && !joinWords[w]
	}
	return false
}

// topLevelJoin reports whether text, the rewritten content of a parenthesis, joins at its own
// level (outside nested parentheses and quotes) and is not a query: a set operation whose
// first branch is parenthesized, ((SELECT ...) EXCEPT SELECT ... FROM a JOIN b ...) AS u, has
// a SELECT at that level, which a join's text never has (its subqueries are parenthesized).
func topLevelJoin(text string) bool {
	depth := 0
	var quote byte
	join := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0 // a doubled quote closes and opens again
			}
		case c == '\'' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && (strings.HasPrefix(text[i:], " select ") || strings.HasPrefix(text[i:], " values ")):
			return false
		case depth == 0 && (strings.HasPrefix(text[i:], " join ") || strings.HasPrefix(text[i:], " straight_join ")):
			join = true
		}
	}
	return join
}
