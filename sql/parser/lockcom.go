package parser

import "github.com/drovedb/drove/sql/ast"

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
