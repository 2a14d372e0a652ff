package parser

import (
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// droveStatement reads drove's own statements (sql/DESIGN.md, step 0), which PostgreSQL does
// not have, or returns nil: CREATE | ALTER | DROP TABLESPACE and DROP NODE in HerdDB's
// syntax, BACKUP/RESTORE TABLESPACE, UPSERT INTO. Their errors are those of sql's
// hand-written parsers (tablespace_stmt.go, backup.go), word for word and placed as drove
// places them.
func (p *parser) droveStatement(t lexer.Token) ast.Stmt {
	n := p.peekN(1)
	switch {
	case (t.Is("create") || t.Is("alter") || t.Is("drop")) && n.Is("tablespace"),
		t.Is("drop") && n.Is("node"):
		return p.tablespaceStmt()
	case (t.Is("backup") || t.Is("restore")) && n.Is("tablespace"):
		return p.backup()
	case t.Is("upsert"):
		// UPSERT INTO: INSERT's syntax, as the dialect pass writes it as INSERT; only as a
		// statement of its own (not after WITH, in EXPLAIN or PREPARE), as there.
		p.pos++
		p.enter()
		s := p.insert()
		p.leave()
		s.Upsert = true
		return s
	}
	return nil
}

// backup reads BACKUP TABLESPACE name TO STDOUT or RESTORE TABLESPACE name FROM STDIN (a
// name is a string, a word or a quoted identifier), as backup.go's parser does.
func (p *parser) backup() ast.Stmt {
	s := &ast.Backup{Restore: p.next().Is("restore")}
	p.pos++ // TABLESPACE
	t := p.peek()
	if t.Kind != lexer.String && t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		p.droveError(t, "syntax error: a tablespace name is expected, as in BACKUP TABLESPACE 'name' TO STDOUT")
	}
	p.pos++
	s.Name = t.Value
	switch {
	case s.Restore && !(p.acceptKw("from") && p.acceptKw("stdin")):
		p.droveError(t, "syntax error: RESTORE TABLESPACE 'name' FROM STDIN")
	case !s.Restore && !(p.acceptKw("to") && p.acceptKw("stdout")):
		p.droveError(t, "syntax error: BACKUP TABLESPACE 'name' TO STDOUT")
	}
	return s
}

// tablespaceStmt reads
//
//	CREATE TABLESPACE [IF NOT EXISTS] name [, 'option:value' ...]
//	ALTER TABLESPACE name, 'option:value' [, 'option:value' ...]
//	DROP TABLESPACE [IF EXISTS] name
//	DROP NODE [IF EXISTS] id
//
// where a name is a string, a word or a quoted identifier.
func (p *parser) tablespaceStmt() ast.Stmt {
	s := &ast.TablespaceStmt{Verb: map[string]string{"create": "CREATE", "alter": "ALTER", "drop": "DROP"}[p.next().Value]}
	s.Node = p.next().Is("node")
	switch {
	case s.Verb == "CREATE" && p.isKw("if") && p.peekN(1).Is("not") && p.peekN(2).Is("exists"):
		p.pos += 3
		s.IfExists = true
	case s.Verb == "DROP" && p.isKw("if") && p.peekN(1).Is("exists"):
		p.pos += 2
		s.IfExists = true
	}
	t := p.peek()
	if t.Kind != lexer.String && t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		msg := "syntax error: a tablespace name is expected, as in " + s.Verb + " TABLESPACE 'name'"
		if s.Node {
			msg = "syntax error: a node id is expected, as in DROP NODE 'n2'"
		}
		p.droveError(t, msg)
	}
	p.pos++
	s.Name = t.Value
	for t := p.peek(); t.Kind != lexer.EOF && !t.IsPunct(";"); t = p.peek() {
		switch {
		case s.Verb == "DROP":
			what := "TABLESPACE"
			if s.Node {
				what = "NODE"
			}
			p.droveError(t, "syntax error at or near "+strconv.Quote(t.Value)+": DROP "+what+" takes no options")
		case !t.IsPunct(",") || p.peekN(1).Kind != lexer.String:
			p.droveError(t, "syntax error at or near "+strconv.Quote(t.Value)+": tablespace options follow the name as 'key:value' strings separated by commas")
		}
		s.Options = append(s.Options, p.peekN(1).Value)
		p.pos += 2
	}
	if s.Verb == "ALTER" && len(s.Options) == 0 {
		p.droveError(p.peek(), "ALTER TABLESPACE needs at least one option, as in ALTER TABLESPACE '"+s.Name+"','leader:node'")
	}
	return s
}

// droveError is a 42601 of drove's own statements: its message whole, without a position.
func (p *parser) droveError(t lexer.Token, msg string) {
	p.fail(&Error{Code: "42601", Message: msg, Pos: t.Pos, NoPosition: true})
}
