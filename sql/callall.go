package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// dropCallAll blanks out the ALL of f(ALL x): PostgreSQL's grammar takes it in any function
// call, where it means what f(x) means (ALL is the opposite of DISTINCT, and the default),
// and vitess's grammar has no place for it. The word becomes spaces, so every position in the
// text stays where it was. f(ALL), count(ALL *) and ALL after a keyword that is no function
// name (SELECT (ALL x), COALESCE(ALL x)) stay the syntax errors they are.
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
			toks[i-2].Kind == lexer.Ident && notFunctionName[toks[i-2].Value] ||
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

// notFunctionName are the keywords PostgreSQL's grammar does not read as a function name
// before "(": its reserved keywords, and the column-name keywords with a syntax of their own
// (COALESCE, EXTRACT, ROW, VALUES, the type names, ...).
var notFunctionName = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`all analyse analyze and any array as asc asymmetric both case cast check collate
		column constraint create current_catalog current_date current_role current_time current_timestamp
		current_user default deferrable desc distinct do else end except false fetch for foreign from grant
		group having in initially intersect into lateral leading limit localtime localtimestamp not null
		offset on only or order placing primary references returning select session_user some symmetric
		table then to trailing true union unique user using variadic when where window with
		between bigint bit boolean char character coalesce dec decimal exists extract float greatest
		grouping inout int integer interval least national nchar none normalize nullif numeric out overlay
		position precision real row setof smallint substring time timestamp treat trim values varchar
		xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot
		xmlserialize xmltable filter over within`) {
		m[w] = true
	}
	return m
}()
