package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// specialCall reads the calls gram.y spells with keywords (func_expr_common_subexpr): CAST,
// EXTRACT, SUBSTRING, POSITION, OVERLAY, TRIM, COALESCE, GREATEST, LEAST, NULLIF, GROUPING.
func (p *parser) specialCall(t lexer.Token) (ast.Expr, bool) {
	if !p.peekN(1).IsPunct("(") {
		return nil, false
	}
	switch t.Value {
	case "cast":
		p.pos += 2
		x := p.expr()
		p.expectKw("as")
		c := &ast.Cast{Expr: x, Type: p.typeName()}
		p.expectPunct(")")
		return c, true
	case "extract":
		return p.extract(), true
	case "substring":
		return p.substring(), true
	case "position":
		p.pos += 2
		b := p.exprPrec(precOr, true)
		p.expectKw("in")
		a := p.exprPrec(precOr, true)
		p.expectPunct(")")
		return &ast.FuncCall{Name: []string{"position"}, Args: []ast.Expr{a, b}, Syntax: "position"}, true
	case "overlay":
		return p.overlay(), true
	case "trim":
		return p.trim(), true
	case "coalesce", "greatest", "least", "nullif", "grouping":
		p.pos += 2
		args := p.exprList()
		p.expectPunct(")")
		if t.Value == "grouping" {
			return &ast.GroupingFunc{Args: args}, true
		}
		if t.Value == "nullif" && len(args) != 2 {
			p.syntaxError(p.toks[p.pos-1])
		}
		return &ast.FuncCall{Name: []string{t.Value}, Args: args}, true
	case "treat", "normalize", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
		"xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable":
		p.unsupported(t, strings.ToUpper(t.Value))
	}
	return nil, false
}

// extractFields are EXTRACT's field words that are keywords; any identifier or a string
// names a field too.
func (p *parser) extract() ast.Expr {
	p.pos += 2
	f := p.next()
	var field string
	switch f.Kind {
	case lexer.Ident, lexer.QuotedIdent, lexer.String:
		field = f.Value
	default:
		p.syntaxError(f)
	}
	if f.Kind == lexer.Ident && category(f.Value) != unreserved && category(f.Value) != colName {
		p.syntaxError(f)
	}
	p.expectKw("from")
	x := p.expr()
	p.expectPunct(")")
	return &ast.Extract{Field: field, Expr: x}
}

// substring reads SUBSTRING(x FROM a FOR b) and its orders, SUBSTRING(x SIMILAR p ESCAPE e)
// and the plain call substring(args).
func (p *parser) substring() ast.Expr {
	p.pos += 2
	call := &ast.FuncCall{Name: []string{"substring"}}
	if p.acceptPunct(")") {
		return call
	}
	outer := p.inSubstring
	p.inSubstring = true
	x := p.expr()
	p.inSubstring = outer
	switch {
	case p.acceptKw("from"):
		from := p.expr()
		call.Args, call.Syntax = []ast.Expr{x, from}, "substring"
		if p.acceptKw("for") {
			call.Args = append(call.Args, p.expr())
		}
	case p.acceptKw("for"):
		forx := p.expr()
		call.Args, call.Syntax = []ast.Expr{x, ast.NumberLiteral("1"), forx}, "substring"
		if p.acceptKw("from") {
			call.Args[1] = p.expr()
		}
	case p.acceptKw("similar"): // the regular-expression form: the same call as FROM p FOR e
		pat := p.expr()
		p.expectKw("escape")
		call.Args, call.Syntax = []ast.Expr{x, pat, p.expr()}, "substring"
	default:
		call.Args = []ast.Expr{x}
		for p.acceptPunct(",") {
			call.Args = append(call.Args, p.expr())
		}
	}
	p.expectPunct(")")
	return call
}

// overlay reads OVERLAY(x PLACING y FROM a [FOR b]) or the plain call overlay(args).
func (p *parser) overlay() ast.Expr {
	p.pos += 2
	call := &ast.FuncCall{Name: []string{"overlay"}}
	if p.acceptPunct(")") {
		return call
	}
	call.Args = []ast.Expr{p.expr()}
	if p.acceptKw("placing") {
		call.Args = append(call.Args, p.expr())
		p.expectKw("from")
		call.Args = append(call.Args, p.expr())
		if p.acceptKw("for") {
			call.Args = append(call.Args, p.expr())
		}
	} else {
		for p.acceptPunct(",") {
			call.Args = append(call.Args, p.expr())
		}
	}
	p.expectPunct(")")
	return call
}

// trim reads TRIM([BOTH|LEADING|TRAILING] [chars] FROM x) and TRIM([spec] x[, chars]):
// Args are the string then the characters, as the converter builds them.
func (p *parser) trim() ast.Expr {
	p.pos += 2
	call := &ast.FuncCall{Name: []string{"trim"}, Syntax: "trim", TrimSpec: "BOTH"}
	switch {
	case p.acceptKw("leading"):
		call.TrimSpec = "LEADING"
	case p.acceptKw("trailing"):
		call.TrimSpec = "TRAILING"
	default:
		p.acceptKw("both")
	}
	if p.acceptKw("from") {
		call.Args = p.exprList()
	} else {
		first := p.exprList()
		if p.acceptKw("from") {
			if len(first) != 1 {
				p.syntaxError(p.toks[p.pos-1])
			}
			call.Args = append(p.exprList(), first[0])
		} else {
			call.Args = first
		}
	}
	if len(call.Args) > 2 {
		p.unsupported(p.peek(), "TRIM with more than two arguments")
	}
	p.expectPunct(")")
	return call
}
