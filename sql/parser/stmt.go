package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// otherStatements start PostgreSQL statements the parser does not read (0A000 at the word):
// drove runs none of them.
var otherStatements = map[string]bool{"merge": true, "grant": true, "revoke": true,
	"call": true, "do": true, "cluster": true, "reindex": true,
	"security": true, "load": true, "import": true, "reassign": true}

// statement reads one statement (PostgreSQL's stmt), dispatching on its first word.
func (p *parser) statement() ast.Stmt {
	t := p.peek()
	if t.Kind != lexer.Ident {
		return p.selectStmt()
	}
	if s := p.droveStatement(t); s != nil {
		return s
	}
	if n := p.peekN(1); (t.Is("create") || t.Is("alter") || t.Is("drop")) && (n.Is("role") || n.Is("user") && !p.peekN(2).Is("mapping")) {
		return p.roleStmt() // role.go
	}
	switch t.Value {
	case "insert", "update", "delete", "with":
		return p.dmlOrQuery()
	case "create":
		return p.create()
	case "alter":
		return p.alter()
	case "drop":
		return p.drop()
	case "truncate":
		return p.truncate()
	}
	if s := p.utility(t); s != nil {
		return s
	}
	if otherStatements[t.Value] {
		p.fail(&Error{Code: "0A000", Message: "the parser does not read " + t.Text(p.src) + " statements", Pos: t.Pos})
	}
	return p.selectStmt()
}

// preparable reads a statement PREPARE, EXPLAIN, COPY and a WITH query may hold: a query or
// INSERT, UPDATE, DELETE (PostgreSQL's PreparableStmt).
func (p *parser) preparable() ast.Stmt {
	t := p.peek()
	if t.Is("insert") || t.Is("update") || t.Is("delete") || t.Is("with") {
		return p.dmlOrQuery()
	}
	return p.selectStmt()
}

// dmlOrQuery reads [WITH ...] INSERT | UPDATE | DELETE | query.
func (p *parser) dmlOrQuery() ast.Stmt {
	if !p.isKw("with") {
		return p.dml(nil)
	}
	start := p.pos
	with := p.withClause()
	if t := p.peek(); t.Is("insert") || t.Is("update") || t.Is("delete") {
		return p.dml(with)
	}
	p.pos = start // a query: its WITH is read with it, as selectStmt places it
	return p.selectStmt()
}

// dml reads INSERT, UPDATE or DELETE after its WITH, one level of nesting (counted without
// a defer, as everywhere in the parser).
func (p *parser) dml(with *ast.With) ast.Stmt {
	p.enter()
	var s ast.Stmt
	switch t := p.next(); t.Value {
	case "insert":
		ins := p.insert()
		ins.With, s = with, ins
	case "update":
		upd := p.update()
		upd.With, s = with, upd
	case "delete":
		del := p.delete()
		del.With, s = with, del
	default:
		p.syntaxError(t)
	}
	p.leave()
	return s
}
