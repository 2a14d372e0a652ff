package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// set reads SET [LOCAL|SESSION] and its forms: name {TO|=} values | DEFAULT, name FROM
// CURRENT, TIME ZONE, NAMES, SCHEMA, ROLE, SESSION AUTHORIZATION, TRANSACTION modes,
// SESSION CHARACTERISTICS AS TRANSACTION modes.
func (p *parser) set() ast.Stmt {
	p.pos++
	s := &ast.Set{}
	switch {
	case p.acceptKw("local"):
		s.Local = true
	case p.isKw("session") && !p.peekN(1).Is("characteristics") && !p.peekN(1).Is("authorization") &&
		!p.peekN(1).IsPunct(".") && !p.peekN(1).Is("to") && !(p.peekN(1).Kind == lexer.Op && p.peekN(1).Value == "="):
		p.pos++
	}
	t := p.peek()
	switch {
	case t.Is("transaction") && !p.peekN(1).Is("to") && !p.peekN(1).IsPunct("."):
		p.pos++
		if n := p.peek(); n.Is("snapshot") {
			p.unsupported(n, "SET TRANSACTION SNAPSHOT")
		}
		s.Kind, s.Name, s.Modes = ast.SetTxModes, "transaction", p.txModes(true)
	case t.Is("session") && p.peekN(1).Is("characteristics"):
		p.pos += 2
		p.expectKw("as")
		p.expectKw("transaction")
		s.Kind, s.Name, s.Modes = ast.SetSessionTx, "session characteristics", p.txModes(true)
	case t.Is("time") && p.peekN(1).Is("zone"):
		p.pos += 2
		s.Name = "timezone"
		p.zoneValue(s)
	case t.Is("names") && !p.peekN(1).Is("to") && !(p.peekN(1).Kind == lexer.Op && p.peekN(1).Value == "="):
		p.pos++
		s.Name = "client_encoding"
		if n := p.peek(); n.Kind == lexer.EOF || n.IsPunct(";") || p.acceptKw("default") {
			s.Kind = ast.SetDefault
		} else {
			s.Values = []ast.Expr{p.setWord()}
		}
	case t.Is("schema") && p.peekN(1).Kind == lexer.String:
		p.pos++
		s.Name, s.Values = "search_path", []ast.Expr{&ast.Literal{Type: ast.LitString, Val: p.stringConst()}}
	case t.Is("role") && !p.peekN(1).Is("to") && !(p.peekN(1).Kind == lexer.Op && p.peekN(1).Value == "="):
		p.pos++
		s.Name, s.Values = "role", []ast.Expr{p.setWord()}
	case t.Is("session") && p.peekN(1).Is("authorization"):
		p.pos += 2
		s.Name = "session_authorization"
		if p.acceptKw("default") {
			s.Kind = ast.SetDefault
		} else {
			s.Values = []ast.Expr{p.setWord()}
		}
	case t.Is("constraints"):
		p.pos++
		return p.setConstraints()
	case t.Is("catalog"), t.Is("xml"):
		p.unsupported(t, "SET "+t.Text(p.src))
	default:
		s.Name = p.varName()
		p.genericSet(s)
	}
	return s
}

// setConstraints reads SET CONSTRAINTS' ALL | names DEFERRED | IMMEDIATE.
func (p *parser) setConstraints() ast.Stmt {
	s := &ast.SetConstraints{}
	if !p.acceptKw("all") {
		for {
			s.Names = append(s.Names, p.qualifiedName())
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	switch t := p.next(); {
	case t.Is("deferred"):
		s.Deferred = true
	case t.Is("immediate"):
	default:
		p.syntaxError(t)
	}
	return s
}

// genericSet reads {TO|=} values | DEFAULT, or FROM CURRENT.
func (p *parser) genericSet(s *ast.Set) {
	if p.isKw("from") && p.peekN(1).Is("current") {
		p.pos += 2
		s.Kind = ast.SetCurrent
		return
	}
	if t := p.peek(); !t.Is("to") && !(t.Kind == lexer.Op && t.Value == "=") {
		p.syntaxError(t)
	}
	p.pos++
	if p.acceptKw("default") {
		s.Kind = ast.SetDefault
		return
	}
	for {
		s.Values = append(s.Values, p.varValue())
		if !p.acceptPunct(",") {
			return
		}
	}
}

// varValue reads var_value: a number, or a word or string (a string constant).
func (p *parser) varValue() ast.Expr {
	t := p.peek()
	switch {
	case t.Kind == lexer.Integer, t.Kind == lexer.Numeric, t.Kind == lexer.Op:
		return p.numericOnly()
	case t.Is("true"), t.Is("false"), t.Is("on"):
		p.pos++
		return &ast.Literal{Type: ast.LitString, Val: t.Value}
	}
	return p.setWord()
}

// setWord reads NonReservedWord_or_Sconst as a string constant.
func (p *parser) setWord() ast.Expr {
	t := p.peek()
	if t.Kind != lexer.String && !p.nameOK(t, colName, typeFuncName) {
		p.syntaxError(t)
	}
	p.pos++
	return &ast.Literal{Type: ast.LitString, Val: t.Value}
}

// zoneValue reads SET TIME ZONE's value: a string, a word, a number, DEFAULT or LOCAL (both
// the default); an INTERVAL is 0A000.
func (p *parser) zoneValue(s *ast.Set) {
	t := p.peek()
	switch {
	case t.Is("default"), t.Is("local"):
		p.pos++
		s.Kind = ast.SetDefault
	case t.Is("interval"):
		qualifier := p.peekN(2)
		c, _ := p.constTypeLiteral(t)
		cast, ok := c.(*ast.Cast)
		if !ok {
			p.syntaxError(t)
		}
		switch cast.Type.Name {
		case "interval", "interval hour", "interval hour to minute":
		default:
			if !strings.HasPrefix(cast.Type.Name, "interval(") {
				p.fail(&Error{Code: "42601", Message: "time zone interval must be HOUR or HOUR TO MINUTE", Pos: qualifier.Pos})
			}
		}
		s.Values = []ast.Expr{cast}
	case t.Kind == lexer.String, t.Kind == lexer.Ident, t.Kind == lexer.QuotedIdent:
		if t.Kind == lexer.Ident && category(t.Value) != unreserved && !t.Is("true") && !t.Is("false") && !t.Is("on") {
			p.syntaxError(t)
		}
		p.pos++
		s.Values = []ast.Expr{&ast.Literal{Type: ast.LitString, Val: t.Value}}
	default:
		s.Values = []ast.Expr{p.numericOnly()}
	}
}

// copyStmt reads COPY [BINARY] table [(columns)] FROM|TO [PROGRAM] 'file' | STDIN | STDOUT
// [[WITH] options] [WHERE cond], or COPY (query) TO ...
func (p *parser) copyStmt() ast.Stmt {
	p.pos++
	s := &ast.Copy{}
	binary := p.acceptKw("binary")
	if p.acceptPunct("(") {
		s.Query = p.preparable()
		p.expectPunct(")")
		p.expectKw("to")
	} else {
		s.Table = p.qualifiedName()
		if p.isPunct("(") {
			s.Columns = p.nameList()
		}
		switch t := p.next(); {
		case t.Is("from"):
			s.From = true
		case t.Is("to"):
		default:
			p.syntaxError(t)
		}
	}
	if binary {
		s.Options = append(s.Options, ast.DefElem{Name: "format", Arg: &ast.Literal{Type: ast.LitString, Val: "binary"}})
	}
	s.Program = p.acceptKw("program")
	switch t := p.next(); {
	case t.Kind == lexer.String:
		s.File = t.Value
	case !s.Program && (t.Is("stdin") || t.Is("stdout")):
	default:
		p.syntaxError(t)
	}
	if p.isKw("using") || p.isKw("delimiters") {
		p.acceptKw("using")
		p.expectKw("delimiters")
		s.Options = append(s.Options, ast.DefElem{Name: "delimiter", Arg: &ast.Literal{Type: ast.LitString, Val: p.stringConst()}})
	}
	p.acceptKw("with")
	if p.isPunct("(") {
		s.Options = append(s.Options, p.defList(copyOptions)...)
	} else {
		s.Options = append(s.Options, p.oldCopyOptions()...)
	}
	if w := p.peek(); s.Query == nil && p.acceptKw("where") {
		if !s.From { // gram.y's own check, at the WHERE
			p.fail(&Error{Code: "42601", Message: "WHERE clause not allowed with COPY TO", Pos: w.Pos})
		}
		s.Where = p.expr()
	}
	return s
}

// copyStringOptions are the old COPY options that take [AS] 'string'.
var copyStringOptions = map[string]bool{"delimiter": true, "null": true, "quote": true, "escape": true, "encoding": true}

// oldCopyOptions reads the pre-9.0 COPY options as PostgreSQL's grammar turns them into
// generic ones.
func (p *parser) oldCopyOptions() []ast.DefElem {
	var out []ast.DefElem
	for {
		t := p.peek()
		switch {
		case t.Is("binary"), t.Is("csv"):
			p.pos++
			out = append(out, ast.DefElem{Name: "format", Arg: &ast.Literal{Type: ast.LitString, Val: t.Value}})
		case t.Is("header"), t.Is("freeze"):
			p.pos++
			out = append(out, ast.DefElem{Name: t.Value, Arg: &ast.Literal{Type: ast.LitString, Val: "true"}})
		case t.Kind == lexer.Ident && copyStringOptions[t.Value]:
			p.pos++
			p.acceptKw("as")
			out = append(out, ast.DefElem{Name: t.Value, Arg: &ast.Literal{Type: ast.LitString, Val: p.stringConst()}})
		case t.Is("force"):
			out = append(out, p.oldForceOption())
		default:
			return out
		}
	}
}

// oldForceOption reads the pre-9.0 FORCE QUOTE cols | * , FORCE NOT NULL cols, FORCE NULL
// cols as the options force_quote, force_not_null and force_null.
func (p *parser) oldForceOption() ast.DefElem {
	p.expectKw("force")
	d := ast.DefElem{Name: "force_null"}
	switch t := p.next(); {
	case t.Is("quote"):
		d.Name = "force_quote"
		if s := p.peek(); s.Value == "*" && (s.Kind == lexer.Op || s.Kind == lexer.Punct) {
			p.pos++
			d.Star = true
			return d
		}
	case t.Is("not"):
		p.expectKw("null")
		d.Name = "force_not_null"
	case t.Is("null"):
	default:
		p.syntaxError(t)
	}
	for {
		d.List = append(d.List, p.colID())
		if !p.acceptPunct(",") {
			return d
		}
	}
}
