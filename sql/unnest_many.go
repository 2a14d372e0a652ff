package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// unnest(a, b, ...) in FROM: PostgreSQL's ROWS FROM (unnest(a), unnest(b), ...), one column
// per array, the shorter ones padded with NULLs. The dialect pass writes it as the
// derived table (SELECT unnest(a) AS unnest, unnest(b) AS unnest) AS unnest, whose
// set-returning calls run in lockstep and pad the same way (srf.go). The alias's column
// list renames the first columns; WITH ORDINALITY adds the counting column.

// fromUnnestMany finishes a call of unnest in FROM with several arguments, whose text
// (after "(select ") is at p.start in the output; done is false for one argument.
func (r *rewriter) fromUnnestMany(p openParen) (done bool, err error) {
	out := r.b.String()[p.start:]
	open := strings.IndexByte(out, '(')
	open = open + 1 + strings.IndexByte(out[open+1:], '(')
	args := splitTopLevel(out[open+1 : len(out)-1])
	if len(args) < 2 {
		return false, nil
	}
	alias, names, ord, ordCol, n := "unnest", []string(nil), false, "ordinality", 0
	if r.peek(n).Is("with") && r.peek(n+1).Is("ordinality") {
		ord, n = true, n+2
	}
	if r.peek(n).Is("as") {
		n++
	}
	if t := r.peek(n); t.Kind == lexer.Ident && !notFunctionNames[t.Value] && !fromClauseEnds[t.Value] && !joinWords[t.Value] || t.Kind == lexer.QuotedIdent {
		alias, n = t.Value, n+1
		if r.nextAt(n, "(") {
			n++
			for {
				c := r.peek(n)
				if c.Kind != lexer.Ident && c.Kind != lexer.QuotedIdent {
					return true, r.syntaxErrorAt(c)
				}
				names, n = append(names, c.Value), n+1
				if r.nextAt(n, ")") {
					n++
					break
				}
				if !r.nextAt(n, ",") {
					return true, r.syntaxErrorAt(r.peek(n))
				}
				n++
			}
		}
	}
	width := len(args)
	if ord {
		width++
	}
	if len(names) > width {
		return true, Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, width, len(names))
	}
	r.skip(n)
	var b strings.Builder
	b.WriteString("(select ")
	for k, a := range args {
		col := "unnest"
		if k < len(names) {
			col = names[k]
		}
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("unnest(" + a + ") as " + backquote(col))
	}
	if ord {
		if len(names) > len(args) {
			ordCol = names[len(args)]
		}
		b.WriteString(", " + ordinalityFunc + "() as " + backquote(ordCol))
	}
	b.WriteString(") as " + backquote(alias))
	r.b.truncate(p.start)
	r.rewound(p.start)
	r.b.WriteString(b.String())
	return true, nil
}

func backquote(name string) string { return "`" + strings.ReplaceAll(name, "`", "``") + "`" }

// splitTopLevel splits rewritten (vitess) text at its commas outside parentheses, strings and
// quoted names.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'', '`':
			for i++; i < len(s); i++ {
				if c == '\'' && s[i] == '\\' {
					i++
					continue
				}
				if s[i] == c {
					if i+1 < len(s) && s[i+1] == c {
						i++
						continue
					}
					break
				}
			}
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}
