package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// lock reads LOCK [TABLE] relation_expr [, ...] [IN lock_type MODE] [NOWAIT] (PostgreSQL's
// LockStmt).
func (p *parser) lock() ast.Stmt {
	p.pos++
	p.acceptKw("table")
	s := &ast.Lock{}
	for {
		s.Tables = append(s.Tables, p.relationExpr())
		if !p.acceptPunct(",") {
			break
		}
	}
	if p.acceptKw("in") {
		s.Mode = p.lockType()
		p.expectKw("mode")
	}
	s.NoWait = p.acceptKw("nowait")
	return s
}

// lockType reads PostgreSQL's lock_type, returned in upper case: ACCESS SHARE | ROW SHARE |
// ROW EXCLUSIVE | SHARE UPDATE EXCLUSIVE | SHARE | SHARE ROW EXCLUSIVE | EXCLUSIVE |
// ACCESS EXCLUSIVE. Each word is checked where the grammar fails on it.
func (p *parser) lockType() string {
	switch t := p.next(); {
	case t.Is("access"), t.Is("row"):
		n := p.next()
		if !n.Is("share") && !n.Is("exclusive") {
			p.syntaxError(n)
		}
		return upperWord(t.Value + " " + n.Value)
	case t.Is("share"):
		for _, w := range []string{"update", "row"} {
			if p.acceptKw(w) {
				p.expectKw("exclusive")
				return "SHARE " + upperWord(w) + " EXCLUSIVE"
			}
		}
		return "SHARE"
	case t.Is("exclusive"):
		return "EXCLUSIVE"
	default:
		p.syntaxError(t)
	}
	return ""
}

// commentKinds are the objects COMMENT ON reads that drove keeps comments of, by their first
// word; otherKinds PostgreSQL's others, 0A000 at their word.
var (
	commentKinds = map[string]bool{"table": true, "view": true, "materialized": true, "sequence": true,
		"index": true, "column": true, "constraint": true}
	otherCommentKinds = map[string]bool{"schema": true, "function": true, "procedure": true, "routine": true,
		"type": true, "domain": true, "database": true, "extension": true, "role": true, "trigger": true,
		"aggregate": true, "operator": true, "collation": true, "conversion": true, "policy": true,
		"rule": true, "tablespace": true, "server": true, "foreign": true, "text": true, "event": true,
		"access": true, "cast": true, "transform": true, "language": true, "procedural": true,
		"publication": true, "subscription": true, "statistics": true, "large": true}
)

// comment reads COMMENT ON kind any_name IS 'text' | NULL for the kinds drove keeps
// (PostgreSQL's CommentStmt): TABLE, VIEW, MATERIALIZED VIEW, SEQUENCE, INDEX, COLUMN, and
// CONSTRAINT name ON [DOMAIN] any_name.
func (p *parser) comment() ast.Stmt {
	p.pos++
	p.expectKw("on")
	t := p.next()
	switch {
	case t.Kind == lexer.Ident && otherCommentKinds[t.Value]:
		p.unsupported(t, "COMMENT ON "+upperWord(t.Value))
	case t.Kind != lexer.Ident || !commentKinds[t.Value]:
		p.syntaxError(t)
	}
	s := &ast.Comment{Kind: upperWord(t.Value)}
	switch t.Value {
	case "materialized":
		p.expectKw("view")
		s.Kind = "MATERIALIZED VIEW"
	case "constraint":
		s.Constraint = p.colID()
		p.expectKw("on")
		s.OnDomain = p.acceptKw("domain")
	}
	s.Name = p.anyName()
	p.expectKw("is")
	if !p.acceptKw("null") {
		text := p.stringConst()
		s.Text = &text
	}
	return s
}
