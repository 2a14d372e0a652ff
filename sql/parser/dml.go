package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// qualifiedName reads a (schema-qualified) relation name: PostgreSQL's qualified_name.
func (p *parser) qualifiedName() *ast.Table {
	at := p.peek()
	first := p.colID()
	if !p.isPunct(".") {
		return &ast.Table{Name: first}
	}
	p.pos++
	second := p.colLabel()
	if p.isPunct(".") {
		p.unsupported(at, "a name with a database")
	}
	return &ast.Table{Schema: first, Name: second}
}

// relationExpr reads relation_expr: a name, `name *`, ONLY name, ONLY (name). drove has no
// inheritance, so a table is its only member: ONLY t is t, and the tree does not keep it.
func (p *parser) relationExpr() *ast.Table {
	if p.acceptKw("only") {
		if p.acceptPunct("(") {
			tbl := p.qualifiedName()
			p.expectPunct(")")
			return tbl
		}
		return p.qualifiedName()
	}
	tbl := p.qualifiedName()
	p.acceptPunct("*")
	return tbl
}

// dmlAlias reads UPDATE's and DELETE's [AS] alias (relation_expr_opt_alias): a bare SET is
// UPDATE's keyword, never an alias, as gram.y's precedence decides.
func (p *parser) dmlAlias(tbl *ast.Table) {
	t := p.peek()
	switch {
	case t.Is("as"):
		p.pos++
	case t.Is("set") || !p.nameOK(t, colName):
		return
	}
	tbl.Alias = &ast.Alias{Name: p.colID()}
}

// insert reads INSERT INTO target [AS alias] [(columns)] [OVERRIDING ...] query | DEFAULT
// VALUES [ON CONFLICT ...] [RETURNING ...].
func (p *parser) insert() *ast.Insert {
	p.expectKw("into")
	s := &ast.Insert{Table: p.qualifiedName()}
	if p.acceptKw("as") {
		s.Table.Alias = &ast.Alias{Name: p.colID()}
	}
	if p.isPunct("(") && !p.startsQuery(p.pos+1) {
		p.pos++
		for {
			p.insertColumn(s)
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
	}
	if p.acceptKw("overriding") {
		switch t := p.next(); {
		case t.Is("system"):
			s.Overriding = "SYSTEM"
		case t.Is("user"):
			s.Overriding = "USER"
		default:
			p.syntaxError(t)
		}
		p.expectKw("value")
	}
	if s.Overriding == "" && s.Columns == nil && p.isKw("default") && p.peekN(1).Is("values") {
		p.pos += 2
	} else {
		s.Query = p.selectStmt()
	}
	if p.isKw("on") {
		p.pos++
		p.expectKw("conflict")
		s.OnConflict = p.onConflict()
	}
	s.Returning = p.returning()
	return s
}

func (p *parser) onConflict() *ast.OnConflict {
	c := &ast.OnConflict{}
	switch {
	case p.isPunct("("):
		c.Columns = p.indexElems()
		if p.acceptKw("where") {
			c.Where = p.expr()
		}
	case p.isKw("on"):
		p.pos++
		p.expectKw("constraint")
		c.Constraint = p.colID()
	}
	p.expectKw("do")
	if p.acceptKw("nothing") {
		return c
	}
	p.expectKw("update")
	p.expectKw("set")
	c.Update = true
	c.Set = p.setClauses()
	if p.acceptKw("where") {
		c.UpdateWhere = p.expr()
	}
	return c
}

// returning reads [RETURNING targets].
func (p *parser) returning() []ast.Target {
	if !p.acceptKw("returning") {
		return nil
	}
	return p.targets()
}

// setClauses reads SET's assignments: `c = v`, `(a, b) = v` (v may be DEFAULT, as any a_expr).
func (p *parser) setClauses() []ast.SetClause {
	var out []ast.SetClause
	for {
		var c ast.SetClause
		if p.acceptPunct("(") {
			c.Multi = true
			for {
				p.setTarget(&c)
				if !p.acceptPunct(",") {
					break
				}
			}
			p.expectPunct(")")
		} else {
			p.setTarget(&c)
		}
		p.expectOp("=")
		c.Value = p.expr()
		out = append(out, c)
		if !p.acceptPunct(",") {
			return out
		}
	}
}

// insertColumn reads a column of INSERT's list into s, with the subscript of an element or
// slice of it (insert_column_item's opt_indirection); a field of it, or a second subscript,
// is 0A000, as in SET.
func (p *parser) insertColumn(s *ast.Insert) {
	s.Columns = append(s.Columns, p.colID())
	var sub *ast.Subscript
	if p.isPunct("[") {
		sub = p.subscript(nil).(*ast.Subscript)
		if s.Subs == nil {
			s.Subs = make([]*ast.Subscript, len(s.Columns)-1, len(s.Columns))
		}
	}
	if s.Subs != nil {
		s.Subs = append(s.Subs, sub)
	}
	if t := p.peek(); t.IsPunct(".") || t.IsPunct("[") {
		p.unsupported(t, "a field or second subscript of an INSERT column")
	}
}

// setTarget reads an assigned column into c, with the subscript of an element or slice of
// it (set_target's opt_indirection); a field of it, or a second subscript (drove's arrays
// have one dimension), is 0A000.
func (p *parser) setTarget(c *ast.SetClause) {
	c.Columns = append(c.Columns, p.colID())
	var sub *ast.Subscript
	if p.isPunct("[") {
		sub = p.subscript(nil).(*ast.Subscript)
		if c.Subs == nil {
			c.Subs = make([]*ast.Subscript, len(c.Columns)-1, len(c.Columns))
		}
	}
	if c.Subs != nil {
		c.Subs = append(c.Subs, sub)
	}
	if t := p.peek(); t.IsPunct(".") || t.IsPunct("[") {
		p.unsupported(t, "a field or second subscript of an assigned column")
	}
}

// expectOp consumes the operator op.
func (p *parser) expectOp(op string) {
	if t := p.peek(); t.Kind != lexer.Op || t.Value != op {
		p.syntaxError(t)
	}
	p.pos++
}

// whereCurrent reads [WHERE cond | WHERE CURRENT OF cursor].
func (p *parser) whereCurrent() (ast.Expr, string) {
	if !p.acceptKw("where") {
		return nil, ""
	}
	if p.isKw("current") && p.peekN(1).Is("of") {
		p.pos += 2
		return nil, p.colID()
	}
	return p.expr(), ""
}

// update reads UPDATE table [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...].
func (p *parser) update() *ast.Update {
	s := &ast.Update{Table: p.relationExpr()}
	p.dmlAlias(s.Table)
	p.expectKw("set")
	s.Set = p.setClauses()
	if p.acceptKw("from") {
		s.From = p.fromList()
	}
	s.Where, s.CurrentOf = p.whereCurrent()
	s.Returning = p.returning()
	return s
}

// delete reads DELETE FROM table [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...].
func (p *parser) delete() *ast.Delete {
	p.expectKw("from")
	s := &ast.Delete{Table: p.relationExpr()}
	p.dmlAlias(s.Table)
	if p.acceptKw("using") {
		s.Using = p.fromList()
	}
	s.Where, s.CurrentOf = p.whereCurrent()
	s.Returning = p.returning()
	return s
}

// indexElems reads '(' index_elem, ... ')': a column, a function call or a parenthesized
// expression, each with [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST].
func (p *parser) indexElems() []ast.IndexElem {
	p.expectPunct("(")
	var out []ast.IndexElem
	for {
		out = append(out, p.indexElem())
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return out
}

func (p *parser) indexElem() ast.IndexElem {
	var e ast.IndexElem
	switch t := p.peek(); {
	case t.IsPunct("("):
		p.pos++
		e.Expr = p.expr()
		p.expectPunct(")")
	case p.nameOK(t, colName) && !p.peekN(1).IsPunct("(") && !p.peekN(1).IsPunct("."):
		e.Name = p.colID()
	default:
		// func_expr_windowless: a call
		x := p.primary()
		switch x.(type) {
		case *ast.FuncCall, *ast.SQLValue, *ast.Cast, *ast.Extract:
		default:
			p.syntaxError(t)
		}
		e.Expr = x
	}
	if p.acceptKw("collate") {
		e.Collation = p.collationName()
	}
	if t := p.peek(); p.nameOK(t) && !t.Is("nulls") || t.Kind == lexer.QuotedIdent {
		e.Opclass = p.colID()
		if p.isPunct(".") {
			p.unsupported(p.peek(), "a qualified operator class")
		}
	}
	switch {
	case p.acceptKw("asc"):
	case p.acceptKw("desc"):
		e.Desc = true
	}
	if p.isKw("nulls") {
		p.pos++
		switch t := p.next(); {
		case t.Is("first"):
			e.Nulls = ast.NullsFirst
		case t.Is("last"):
			e.Nulls = ast.NullsLast
		default:
			p.syntaxError(t)
		}
	}
	return e
}
