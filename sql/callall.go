package sql

import (
	"github.com/drovedb/drove/sql/lexer"
)

// dropCallAll blanks out the ALL of f(ALL x): PostgreSQL's grammar takes it in any function
// call, where it means what f(x) means (ALL is the opposite of DISTINCT, and the default),
// and vitess's grammar has no place for it. The word becomes spaces, so every position in the
// text stays where it was. f(ALL) and count(ALL *) stay the syntax errors they are.
func dropCallAll(q string) string {
	if !mentionsAll(q) {
		return q
	}
	toks, err := lexer.Lex(q)
	if err != nil {
		return q // the dialect pass reports it
	}
	var b []byte
	for i := 2; i+1 < len(toks); i++ {
		t := toks[i]
		if !t.Is("all") || !toks[i-1].IsPunct("(") ||
			toks[i-2].Kind != lexer.Ident && toks[i-2].Kind != lexer.QuotedIdent ||
			toks[i+1].IsPunct(")") || toks[i+1].IsPunct("*") {
			continue
		}
		if b == nil {
			b = []byte(q)
		}
		for j := t.Pos; j < t.End; j++ {
			b[j] = ' '
		}
	}
	if b == nil {
		return q
	}
	return string(b)
}

// mentionsAll reports whether q holds the letters "all" in any case: only then can it have
// an f(ALL x), and only then is it lexed here.
func mentionsAll(q string) bool {
	for i := 0; i+3 <= len(q); i++ {
		if q[i]|0x20 == 'a' && q[i+1]|0x20 == 'l' && q[i+2]|0x20 == 'l' {
			return true
		}
	}
	return false
}
