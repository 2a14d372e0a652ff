package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// Type names are normalized as the dialect pass writes them for the converter (sql's
// typeNameFrom): lower case, pg_catalog. dropped, DOUBLE PRECISION, CHARACTER VARYING as
// varchar, WITH TIME ZONE as timestamptz and timetz, interval fields after the word,
// modifiers without spaces, [] for each array bound.

// intervalFields are the words of an interval qualifier.
var intervalFields = map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true}

// intervalRanges are the pairs an interval qualifier may join with TO.
var intervalRanges = map[string]bool{"year to month": true, "day to hour": true, "day to minute": true,
	"day to second": true, "hour to minute": true, "hour to second": true, "minute to second": true}

// typeName reads a Typename.
func (p *parser) typeName() ast.TypeName {
	return ast.TypeName{Name: p.simpleTypeName() + p.arrayBounds()}
}

// simpleTypeName reads a SimpleTypename: a Typename without array bounds (a sequence's AS).
func (p *parser) simpleTypeName() string {
	t := p.peek()
	if t.Is("setof") {
		p.unsupported(t, "SETOF")
	}
	var name string
	switch {
	case t.Is("double") && p.peekN(1).Is("precision"), t.Kind == lexer.Ident && category(t.Value) == colName:
		p.pos++
		name = p.keywordType(t.Value)
	case t.Kind == lexer.Ident && category(t.Value) == reserved:
		p.syntaxError(t)
	case t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent:
		name = p.genericType()
	default:
		p.syntaxError(t)
	}
	return name
}

// genericType reads a type by name, possibly qualified, with its modifiers.
func (p *parser) genericType() string {
	t := p.next()
	names := []string{t.Value}
	for p.isPunct(".") {
		p.pos++
		names = append(names, p.colLabel())
	}
	if _, kw := keywordCategories[t.Value]; kw && t.Kind == lexer.QuotedIdent && len(names) == 1 {
		return `"` + t.Value + `"` + p.typeModifiers() // a quoted keyword names another type ("char")
	}
	return genericTypeName(names) + p.typeModifiers()
}

// genericTypeName is a type's name as written: pg_catalog's without it, quoted where it
// must be.
func genericTypeName(names []string) string {
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if !isPlainWord(n) {
			out[i] = ast.QuoteIdent(n)
		}
	}
	return strings.Join(out, ".")
}

func isPlainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			return false
		}
	}
	return s != ""
}

// typeModifiers reads (n) or (p, s) after a type name.
func (p *parser) typeModifiers() string {
	if !p.isPunct("(") {
		return ""
	}
	p.pos++
	var mods []string
	for {
		t := p.next()
		if t.Kind != lexer.Integer {
			p.syntaxError(t)
		}
		mods = append(mods, t.Value)
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return "(" + strings.Join(mods, ",") + ")"
}

// precision reads the one modifier of TIME, TIMESTAMP and INTERVAL: '(' Iconst ')', as
// gram.y's rules spell it (a second is a syntax error at its comma).
func (p *parser) precision() string {
	if !p.isPunct("(") {
		return ""
	}
	p.pos++
	t := p.next()
	if t.Kind != lexer.Integer {
		p.syntaxError(t)
	}
	p.expectPunct(")")
	return "(" + t.Value + ")"
}

// arrayBounds reads [] / [n] pairs and ARRAY / ARRAY[n] after a type.
func (p *parser) arrayBounds() string {
	var s string
	if p.acceptKw("array") {
		if p.acceptPunct("[") {
			if t := p.next(); t.Kind != lexer.Integer {
				p.syntaxError(t)
			}
			p.expectPunct("]")
		}
		return "[]"
	}
	for p.acceptPunct("[") {
		if p.peek().Kind == lexer.Integer {
			p.pos++
		}
		p.expectPunct("]")
		s += "[]"
	}
	return s
}

// constTypeFollows says whether the token after the type keyword w continues a typed
// literal (a string, type modifiers, the rest of a type's name), as gram.y's one token of
// lookahead decides between AexprConst and a columnref of a column-name keyword.
func (p *parser) constTypeFollows(w string) bool {
	n := p.peekN(1)
	switch {
	case n.Kind == lexer.String || n.IsPunct("("):
		return true
	case w == "double":
		return n.Is("precision")
	case w == "national":
		return n.Is("character") || n.Is("char")
	case w == "character" || w == "char" || w == "nchar" || w == "bit":
		return n.Is("varying")
	case w == "time" || w == "timestamp":
		return (n.Is("with") || n.Is("without")) && p.peekN(2).Is("time")
	}
	return false
}

// keywordType reads the rest of a type that starts with a column-name keyword w (read).
func (p *parser) keywordType(w string) string {
	switch w {
	case "double":
		p.expectKw("precision")
		return "double precision"
	case "character", "char", "nchar", "national":
		return p.characterType(w)
	case "bit":
		if p.acceptKw("varying") {
			return "bit varying" + p.typeModifiers()
		}
		return "bit" + p.typeModifiers()
	case "timestamp", "time":
		return p.timeType(w)
	case "interval":
		mod := p.precision()
		if mod != "" {
			return "interval" + mod
		}
		return "interval" + p.intervalQualifier()
	case "int", "integer", "smallint", "bigint", "real", "boolean":
		return w
	case "float", "numeric", "decimal", "dec":
		return w + p.typeModifiers()
	case "varchar":
		return "varchar" + p.typeModifiers()
	}
	p.syntaxError(p.toks[p.pos-1])
	return ""
}

func (p *parser) characterType(w string) string {
	if w == "national" {
		if !p.acceptKw("character") && !p.acceptKw("char") {
			p.syntaxError(p.peek())
		}
		w = "character"
	}
	if p.acceptKw("varying") {
		return "varchar" + p.typeModifiers()
	}
	return w + p.typeModifiers()
}

// timeType reads timestamp and time with their precision and time zone.
func (p *parser) timeType(w string) string {
	mod := p.precision()
	switch {
	case p.isKw("with") && p.peekN(1).Is("time") && p.peekN(2).Is("zone"):
		p.pos += 3
		return w + "tz" + mod
	case p.isKw("without") && p.peekN(1).Is("time") && p.peekN(2).Is("zone"):
		p.pos += 3
	}
	return w + mod
}

// intervalQualifier reads an interval's fields: " day", " day to second(3)", "".
func (p *parser) intervalQualifier() string {
	t := p.peek()
	if t.Kind != lexer.Ident || !intervalFields[t.Value] {
		return ""
	}
	p.pos++
	q := t.Value
	if p.acceptKw("to") {
		to := p.next()
		if to.Kind != lexer.Ident || !intervalRanges[q+" to "+to.Value] {
			p.syntaxError(to)
		}
		q += " to " + to.Value
	}
	if strings.HasSuffix(q, "second") {
		q += p.typeModifiers()
	}
	return " " + q
}

// constTypeLiteral reads a literal typed by a keyword type: INTERVAL '1' DAY, TIMESTAMP 'x',
// NUMERIC(10,2) '1.5'.
func (p *parser) constTypeLiteral(t lexer.Token) (ast.Expr, bool) {
	if t.Value == "double" && !p.peekN(1).Is("precision") {
		return nil, false
	}
	switch t.Value {
	case "double", "character", "char", "nchar", "national", "bit", "timestamp", "time", "interval", "int", "integer",
		"smallint", "bigint", "real", "boolean", "float", "numeric", "decimal", "dec", "varchar":
	default:
		return nil, false
	}
	if !p.constTypeFollows(t.Value) {
		return nil, false // a column-name keyword alone names a column: SELECT interval FROM t
	}
	p.pos++
	name := p.keywordType(t.Value)
	s := p.next()
	if s.Kind != lexer.String {
		p.syntaxError(s)
	}
	if t.Value == "interval" && !strings.Contains(name, "(") {
		name += p.intervalQualifier()
	}
	if name == "char" || name == "character" || name == "nchar" {
		name = "bpchar" // a constant's character type without a length has none (gram.y)
	}
	return &ast.Cast{Expr: &ast.Literal{Type: ast.LitString, Val: s.Value}, Type: ast.TypeName{Name: name}}, true
}
