package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// alter reads ALTER TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE.
func (p *parser) alter() ast.Stmt {
	p.pos++
	t := p.peek()
	s := &ast.AlterTable{}
	switch k, ok := dropKinds[t.Value]; {
	case t.Kind == lexer.Ident && ok:
		p.pos++
		s.Kind = k
	case t.Is("materialized") && p.peekN(1).Is("view"):
		p.pos += 2
		s.Kind = ast.ObjMatView
	case t.Kind == lexer.Ident && (createObjects[t.Value] || t.Value == "system" || t.Value == "large" || t.Value == "routine"):
		p.fail(&Error{Code: "0A000", Message: "the parser does not read ALTER " + t.Text(p.src), Pos: t.Pos})
	default:
		p.syntaxError(t)
	}
	if p.isKw("all") {
		p.unsupported(p.peek(), "ALTER ... ALL IN TABLESPACE")
	}
	s.IfExists = p.ifExists()
	if s.Kind == ast.ObjTable && p.acceptKw("only") {
		s.Only = true
	}
	s.Table = p.qualifiedName()
	p.acceptPunct("*")
	if s.Kind == ast.ObjSequence {
		if o, ok := p.seqOption(); ok {
			a := &ast.AlterSequence{IfExists: s.IfExists, Name: s.Table, Options: []ast.SeqOption{o}}
			a.Options = append(a.Options, p.seqOptions(false)...)
			return a
		}
	}
	if p.isKw("rename") {
		s.Cmds = []ast.AlterCmd{p.rename(s.Kind)}
		return s
	}
	if p.isKw("set") && p.peekN(1).Is("schema") {
		p.pos += 2
		s.Cmds = []ast.AlterCmd{{Kind: ast.AlterSetSchema, NewName: p.colID()}}
		return s
	}
	for {
		s.Cmds = append(s.Cmds, p.alterCmd())
		if !p.acceptPunct(",") {
			return s
		}
	}
}

// rename reads RENAME TO name | RENAME [COLUMN] col TO name | RENAME CONSTRAINT c TO name,
// as PostgreSQL 15's grammar has them for the object kind: an index and a sequence have only
// RENAME TO, and only a table has RENAME CONSTRAINT.
func (p *parser) rename(kind ast.ObjectKind) ast.AlterCmd {
	p.pos++
	var c ast.AlterCmd
	switch {
	case p.acceptKw("to"):
		c.Kind = ast.AlterRename
		c.NewName = p.colID()
		return c
	case kind == ast.ObjIndex || kind == ast.ObjSequence:
		p.syntaxError(p.peek())
	case kind == ast.ObjTable && p.acceptKw("constraint"):
		c.Kind = ast.AlterRenameConstraint
	default:
		p.acceptKw("column")
		c.Kind = ast.AlterRenameColumn
	}
	c.Name = p.colID()
	p.expectKw("to")
	c.NewName = p.colID()
	return c
}

// alterCmd reads one action of ALTER TABLE's list.
func (p *parser) alterCmd() ast.AlterCmd {
	t := p.next()
	var c ast.AlterCmd
	switch {
	case t.Is("add"):
		switch n := p.peek(); {
		case n.Is("constraint"), n.Is("check"), n.Is("unique"), n.Is("primary"), n.Is("foreign"), n.Is("exclude"):
			c.Kind = ast.AlterAddConstraint
			con := p.tableConstraint()
			c.Constraint = &con
		default:
			p.acceptKw("column")
			c.Kind = ast.AlterAddColumn
			c.IfNotExists = p.ifNotExists()
			def := p.columnDef()
			c.Column = &def
		}
	case t.Is("drop"):
		if p.acceptKw("constraint") {
			c.Kind = ast.AlterDropConstraint
		} else {
			p.acceptKw("column")
			c.Kind = ast.AlterDropColumn
		}
		c.IfExists = p.ifExists()
		c.Name = p.colID()
		c.Behavior = p.behavior()
	case t.Is("alter"):
		p.acceptKw("column")
		c.Name = p.colID()
		p.alterColumn(&c)
	case t.Is("validate"):
		p.expectKw("constraint")
		c.Kind, c.Name = ast.AlterValidateConstraint, p.colID()
	case t.Is("set") && p.isPunct("("), t.Is("reset"):
		c.Kind = map[bool]ast.AlterKind{true: ast.AlterSetOptions, false: ast.AlterResetOptions}[t.Is("set")]
		c.Options = p.defList(relOptions)
	case t.Is("owner"):
		p.expectKw("to")
		c.Kind = ast.AlterOwner
		if p.isKw("current_user") || p.isKw("session_user") || p.isKw("current_role") { // RoleSpec's keyword
			c.Name = p.next().Value
		} else {
			c.NewName = p.colID()
		}
	case t.Kind == lexer.Ident && alterOtherWords[t.Value] || t.Is("force") && p.isKw("row"):
		p.unsupported(t, "ALTER TABLE "+t.Text(p.src))
	default:
		p.syntaxError(t)
	}
	return c
}

// alterOtherWords begin PostgreSQL 15's ALTER TABLE actions the parser does not hold (0A000);
// another word (MySQL's MODIFY, CHANGE, ...) is a syntax error, as in PostgreSQL.
var alterOtherWords = map[string]bool{"cluster": true, "enable": true, "disable": true, "inherit": true,
	"no": true, "of": true, "not": true, "replica": true, "attach": true, "detach": true}

// alterColumn reads ALTER [COLUMN] col's action.
func (p *parser) alterColumn(c *ast.AlterCmd) {
	t := p.next()
	switch {
	case t.Is("set") && p.isKw("default"):
		p.pos++
		c.Kind, c.Default = ast.AlterSetDefault, p.expr()
	case t.Is("drop") && p.acceptKw("default"):
		c.Kind = ast.AlterDropDefault
	case (t.Is("set") || t.Is("drop")) && p.isKw("not") && p.peekN(1).Is("null"):
		p.pos += 2
		c.Kind = map[bool]ast.AlterKind{true: ast.AlterSetNotNull, false: ast.AlterDropNotNull}[t.Is("set")]
	case t.Is("set") && p.isKw("data"), t.Is("type"):
		if t.Is("set") {
			p.pos++
			p.expectKw("type")
		}
		c.Kind, c.Type = ast.AlterColumnType, p.typeName()
		if p.acceptKw("collate") {
			c.Collation = p.collationName()
		}
		if p.acceptKw("using") {
			c.Using = p.expr()
		}
	case t.Is("add") && p.isKw("generated"):
		var con ast.Constraint
		p.generated(&con)
		if con.Kind != ast.ConstrIdentity {
			p.syntaxError(p.toks[p.pos-1])
		}
		c.Kind, c.Constraint = ast.AlterAddIdentity, &con
	case t.Is("drop") && p.acceptKw("expression"):
		c.Kind, c.IfExists = ast.AlterDropExpression, p.ifExists()
	case t.Is("drop") && p.acceptKw("identity"):
		c.Kind, c.IfExists = ast.AlterDropIdentity, p.ifExists()
	case t.Is("set") && p.isKw("generated"), t.Is("set") && p.startsSeqOption(), t.Is("restart"):
		p.pos--
		c.Kind, c.SeqOptions = ast.AlterSeqOptions, p.identityOptions()
	case (t.Is("set") || t.Is("drop") || t.Is("reset")) && p.alterColumnOther():
		p.unsupported(t, "ALTER COLUMN "+t.Text(p.src)+" "+p.peek().Text(p.src))
	default:
		if t.Is("set") || t.Is("drop") {
			p.syntaxError(p.peek())
		}
		p.syntaxError(t)
	}
}

// alterColumnOther reports whether the word after ALTER COLUMN's SET, DROP or RESET starts
// one of PostgreSQL's actions the parser does not hold (0A000 rather than a syntax error).
func (p *parser) alterColumnOther() bool {
	t := p.peek()
	return t.Is("statistics") || t.Is("storage") || t.Is("compression") || t.Is("expression") || t.IsPunct("(")
}

func (p *parser) startsSeqOption() bool {
	save := p.pos
	_, ok := p.attemptSeqOption()
	p.pos = save
	return ok
}

func (p *parser) attemptSeqOption() (o ast.SeqOption, ok bool) {
	err := p.attempt(func() { o, ok = p.seqOption() })
	return o, err == nil && ok
}

// identityOptions reads alter_identity_column_option_list: RESTART [[WITH] n], SET
// GENERATED {ALWAYS|BY DEFAULT}, SET sequence option; SET GENERATED is a SeqOption named
// "generated always" or "generated by default".
func (p *parser) identityOptions() []ast.SeqOption {
	var out []ast.SeqOption
	for {
		switch {
		case p.isKw("restart"):
			o, _ := p.seqOption()
			out = append(out, o)
		case p.isKw("set") && p.peekN(1).Is("generated"):
			p.pos += 2
			name := "generated by default"
			if p.generatedWhen() {
				name = "generated always"
			}
			out = append(out, ast.SeqOption{Name: name})
		case p.isKw("set"):
			p.pos++
			o, ok := p.seqOption()
			if !ok || o.Name == "restart" {
				p.syntaxError(p.peek())
			}
			out = append(out, o)
		default:
			return out
		}
	}
}
