package parser

import (
	"math"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// primary reads an operand (gram.y's c_expr, func_expr and AexprConst) with the
// subscripts and field selections its form allows.
func (p *parser) primary() ast.Expr {
	t := p.peek()
	switch t.Kind {
	case lexer.Integer, lexer.Numeric:
		p.pos++
		return ast.NumberLiteral(t.Value)
	case lexer.String:
		p.pos++
		return &ast.Literal{Type: ast.LitString, Val: t.Value}
	case lexer.BitString:
		p.pos++
		return p.bitString(t, t.Value)
	case lexer.HexString:
		p.pos++
		return p.bitString(t, hexBits(t.Value))
	case lexer.Param:
		p.pos++
		n, err := strconv.Atoi(t.Value)
		if err != nil || n > math.MaxInt32 {
			p.fail(&Error{Code: "42601", Message: "syntax error", Near: t.Text(p.src), Pos: t.Pos})
		}
		return p.indirection(&ast.Param{N: n})
	case lexer.Punct:
		if t.Value == "(" {
			return p.parenExpr()
		}
	case lexer.Ident:
		return p.word(t)
	case lexer.QuotedIdent:
		return p.nameExpr()
	}
	p.syntaxError(t)
	return nil
}

// bitString is B'...' (or X'...' as its bits), checking the digits as PostgreSQL's bit input
// does: PostgreSQL's parser passes them to bit_in, whose error is 22P02.
func (p *parser) bitString(t lexer.Token, bits string) ast.Expr {
	for i := 0; i < len(bits); i++ {
		if bits[i] != '0' && bits[i] != '1' {
			p.fail(&Error{Code: "22P02", Message: `"` + bits[i:i+1] + `" is not a valid binary digit`, Pos: t.Pos})
		}
	}
	return &ast.Literal{Type: ast.LitBitString, Val: bits}
}

// hexBits is a hexadecimal bit string's bits; an invalid digit is kept, for bitString to
// refuse.
func hexBits(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i++ {
		v, err := strconv.ParseUint(h[i:i+1], 16, 8)
		if err != nil {
			return h[i:]
		}
		b.WriteString(strconv.FormatUint(v|16, 2)[1:])
	}
	return b.String()
}

// parenExpr reads what starts with '(': a subquery, a parenthesized expression or a row,
// with the indirection that may follow.
func (p *parser) parenExpr() ast.Expr {
	if sel, ok := p.trySelectWithParens(); ok {
		return p.indirection(&ast.SubLink{Kind: ast.ExprSubLink, Select: sel})
	}
	p.pos++
	x := p.expr()
	if p.isPunct(",") {
		fields := []ast.Expr{x}
		for p.acceptPunct(",") {
			fields = append(fields, p.expr())
		}
		p.expectPunct(")")
		return &ast.Row{Fields: fields}
	}
	p.expectPunct(")")
	return p.indirection(x)
}

// indirection reads subscripts [i], slices [i:j] and field selections .name after x.
func (p *parser) indirection(x ast.Expr) ast.Expr {
	for {
		switch {
		case p.isPunct("["):
			x = p.subscript(x)
		case p.isPunct("."):
			p.pos++
			t := p.peek()
			if t.IsPunct("*") {
				p.unsupported(t, "(x).*")
			}
			x = &ast.Field{Expr: x, Name: p.colLabel()}
		default:
			return x
		}
	}
}

// subscript reads [i] or the slice [i:j]. A slice's omitted bound is held as the int4
// extreme on its side, as sql's converter holds it (arrayslice.go): PostgreSQL clamps a
// slice's bounds to the array's, so a[:j] and a[-2147483648:j] are one slice.
func (p *parser) subscript(x ast.Expr) ast.Expr {
	p.pos++
	s := &ast.Subscript{Expr: x}
	if !p.isPunct(":") {
		s.Index = p.expr()
	}
	if p.acceptPunct(":") {
		if s.Index == nil {
			s.Index = ast.NumberLiteral(sliceOmittedLower)
		}
		if p.isPunct("]") {
			s.Upper = ast.NumberLiteral(sliceOmittedUpper)
		} else {
			s.Upper = p.expr()
		}
	}
	p.expectPunct("]")
	return s
}

// The bounds a slice's omitted ones stand for.
const (
	sliceOmittedLower = "-2147483648"
	sliceOmittedUpper = "2147483647"
)

// nameExpr reads what starts with a name: a column reference with its indirection, a
// function call, or a typed literal (type 'string').
func (p *parser) nameExpr() ast.Expr {
	first := p.next()
	names := []string{first.Value}
	for p.isPunct(".") && (p.peekN(1).Kind == lexer.Ident || p.peekN(1).Kind == lexer.QuotedIdent) {
		p.pos++
		names = append(names, p.next().Value)
	}
	switch n := p.peek(); {
	case n.IsPunct("("):
		if len(names) == 1 && first.Kind == lexer.Ident && category(first.Value) == colName {
			p.syntaxError(n)
		}
		return p.funcCall(first, names)
	case n.Kind == lexer.String:
		if len(names) == 1 && first.Kind == lexer.Ident && category(first.Value) == colName {
			p.syntaxError(n)
		}
		p.pos++
		return &ast.Cast{Expr: &ast.Literal{Type: ast.LitString, Val: n.Value}, Type: ast.TypeName{Name: genericTypeName(names)}}
	case n.IsPunct(".") && p.peekN(1).IsPunct("*"):
		p.pos += 2
		return &ast.ColumnRef{Names: names, Star: true}
	}
	return p.indirection(&ast.ColumnRef{Names: names})
}

// word reads what starts with an unquoted word: a keyword's special form, or a name.
func (p *parser) word(t lexer.Token) ast.Expr {
	if x, ok := p.keywordExpr(t); ok {
		return x
	}
	switch category(t.Value) {
	case reserved:
		p.syntaxError(t)
	case typeFuncName:
		// a type-or-function name: a function's or a type's, not a column's
		if n := p.peekN(1); !n.IsPunct("(") && n.Kind != lexer.String && !n.IsPunct(".") {
			p.syntaxError(n)
		}
	}
	return p.nameExpr()
}

// keywordExpr reads the special forms keywords start; ok is false for another word.
func (p *parser) keywordExpr(t lexer.Token) (ast.Expr, bool) {
	switch t.Value {
	case "null":
		p.pos++
		return &ast.Literal{Type: ast.LitNull}, true
	case "true", "false":
		p.pos++
		return &ast.Literal{Type: ast.LitBool, Val: t.Value}, true
	case "case":
		p.pos++
		return p.caseExpr(), true
	case "array":
		return p.arrayExpr(), true
	case "exists":
		p.pos++
		return &ast.SubLink{Kind: ast.ExistsSubLink, Select: p.selectWithParens()}, true
	case "row":
		if p.peekN(1).IsPunct("(") {
			p.pos += 2
			r := &ast.Row{Explicit: true}
			if !p.isPunct(")") {
				r.Fields = p.exprList()
			}
			p.expectPunct(")")
			return r, true
		}
	case "default":
		p.syntaxError(t) // DEFAULT is an a_expr (prefix), not an operand of b_expr or indirection
	}
	if x, ok := p.sqlValue(t); ok {
		return x, true
	}
	if x, ok := p.specialCall(t); ok {
		return x, true
	}
	if x, ok := p.constTypeLiteral(t); ok {
		return x, true
	}
	return nil, false
}

// sqlValueWords are the functions PostgreSQL's grammar spells without parentheses; the
// time ones take a precision.
var sqlValueWords = map[string]bool{"current_date": false, "current_time": true, "current_timestamp": true,
	"localtime": true, "localtimestamp": true, "current_role": false, "current_user": false, "session_user": false,
	"user": false, "current_catalog": false, "current_schema": false}

func (p *parser) sqlValue(t lexer.Token) (ast.Expr, bool) {
	precise, ok := sqlValueWords[t.Value]
	if !ok {
		return nil, false
	}
	if t.Value == "current_schema" {
		if p.peekN(1).IsPunct("(") {
			return nil, false // current_schema() is a plain call
		}
		// PostgreSQL's grammar makes the keyword a call of current_schema() (as the converter
		// reads it too).
		p.pos++
		return &ast.FuncCall{Name: []string{"current_schema"}}, true
	}
	p.pos++
	v := &ast.SQLValue{Name: strings.ToUpper(t.Value), Precision: -1}
	if precise && p.acceptPunct("(") {
		n := p.next()
		if n.Kind != lexer.Integer {
			p.syntaxError(n)
		}
		v.Precision, _ = strconv.Atoi(n.Value)
		p.expectPunct(")")
	}
	return v, true
}

// arrayExpr reads ARRAY[...] (nested brackets are arrays too) or ARRAY(subquery).
func (p *parser) arrayExpr() ast.Expr {
	p.pos++
	if p.isPunct("(") {
		return &ast.SubLink{Kind: ast.ArraySubLink, Select: p.selectWithParens()}
	}
	if !p.isPunct("[") {
		p.syntaxError(p.peek())
	}
	return p.arrayBrackets()
}

func (p *parser) arrayBrackets() ast.Expr {
	p.enter()
	x := p.arrayElems()
	p.leave()
	return x
}

func (p *parser) arrayElems() ast.Expr {
	p.expectPunct("[")
	a := &ast.Array{}
	if p.acceptPunct("]") {
		return a
	}
	if p.isPunct("[") { // array_expr_list: nested brackets only
		for {
			a.Elems = append(a.Elems, p.arrayBrackets())
			if !p.acceptPunct(",") {
				break
			}
		}
	} else {
		a.Elems = p.exprList()
	}
	p.expectPunct("]")
	return a
}
