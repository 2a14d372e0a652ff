package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// fromList reads FROM's items, each a table reference with the joins after it.
func (p *parser) fromList() []ast.FromItem {
	var out []ast.FromItem
	for {
		out = append(out, p.tableRef())
		if !p.acceptPunct(",") {
			return out
		}
	}
}

// tableRef reads a table reference and the joins that follow it, left-associative.
func (p *parser) tableRef() ast.FromItem {
	p.enter()
	left := p.tablePrimary()
	// Each join nests the tree one level deeper on the left: it counts toward MaxDepth.
	for chain := 1; p.startsJoin(); chain++ {
		if p.depth+chain > MaxDepth {
			p.tooDeep()
		}
		left = p.join(left)
	}
	p.leave()
	return left
}

// startsJoin reports whether the next tokens start a join.
func (p *parser) startsJoin() bool {
	t := p.peek()
	switch {
	case t.Is("join"), t.Is("cross"), t.Is("natural"), t.Is("inner"):
		return true
	case t.Is("left"), t.Is("right"), t.Is("full"):
		n := p.peekN(1)
		return n.Is("join") || n.Is("outer")
	}
	return false
}

// joinKind reads [INNER | LEFT|RIGHT|FULL [OUTER]] JOIN.
func (p *parser) joinKind() ast.JoinKind {
	kind := ast.InnerJoin
	switch t := p.next(); {
	case t.Is("join"):
		return kind
	case t.Is("inner"):
	case t.Is("left"):
		kind = ast.LeftJoin
	case t.Is("right"):
		kind = ast.RightJoin
	case t.Is("full"):
		kind = ast.FullJoin
	default:
		p.syntaxError(t)
	}
	if kind != ast.InnerJoin {
		p.acceptKw("outer")
	}
	p.expectKw("join")
	return kind
}

// join reads one join after left. CROSS and NATURAL joins take the next table alone (they
// are complete without a condition, and joins associate to the left); a qualified join's
// right side is a table reference with any joins that complete before its ON or USING, as
// gram.y's shift reads a JOIN b JOIN c ON x ON y.
func (p *parser) join(left ast.FromItem) ast.FromItem {
	switch {
	case p.acceptKw("cross"):
		p.expectKw("join")
		return &ast.Join{Kind: ast.CrossJoin, Left: left, Right: p.tablePrimary()}
	case p.acceptKw("natural"):
		kind := p.joinKind()
		return &ast.Join{Kind: kind, Natural: true, Left: left, Right: p.tablePrimary()}
	}
	j := &ast.Join{Kind: p.joinKind(), Left: left}
	j.Right = p.tableRef()
	switch t := p.peek(); {
	case t.Is("on"):
		p.pos++
		j.On = p.expr()
	case t.Is("using"):
		p.pos++
		j.Using = p.nameList()
		if p.acceptKw("as") {
			j.UsingAlias = p.colID()
		}
	default:
		p.syntaxError(t)
	}
	return j
}

// tablePrimary reads a table, a subquery or a parenthesized join, with its alias.
func (p *parser) tablePrimary() ast.FromItem {
	t := p.peek()
	switch {
	case t.Is("lateral"):
		p.pos++
		if !p.isPunct("(") {
			return p.functionFrom(p.peek(), true)
		}
		return p.subqueryFrom(t, true)
	case t.Is("rows") && p.peekN(1).Is("from"):
		return p.functionFrom(t, false)
	case t.IsPunct("("):
		return p.parenFrom(t)
	case t.Is("only"):
		return p.tableAlias(p.relationExpr())
	}
	return p.relation()
}

// parenFrom reads ( query ) alias or ( join ).
func (p *parser) parenFrom(open lexer.Token) ast.FromItem {
	if p.startsQuery(p.pos + 1) {
		start := p.pos
		if _, ok := p.trySelectWithParens(); ok {
			p.pos = start
			return p.subqueryFrom(open, false)
		}
	}
	p.pos++
	inner := p.tableRef()
	if _, ok := inner.(*ast.Join); !ok {
		p.syntaxError(p.peek()) // ( table ) is not PostgreSQL's
	}
	p.expectPunct(")")
	if alias := p.alias(); alias != nil {
		// As the converter holds it: a subquery selecting * from the join.
		return &ast.SubqueryFrom{Select: starFrom(inner), Alias: alias}
	}
	return inner
}

// starFrom is SELECT * FROM item.
func starFrom(item ast.FromItem) *ast.Select {
	return &ast.Select{Targets: []ast.Target{{Expr: &ast.ColumnRef{Star: true}}}, From: []ast.FromItem{item}}
}

// subqueryFrom reads ( query ) [AS] alias [(columns)]; PostgreSQL 15 requires the alias.
func (p *parser) subqueryFrom(at lexer.Token, lateral bool) ast.FromItem {
	if lateral {
		at = p.peek() // PostgreSQL points at the subquery, after LATERAL
	}
	sel := p.selectWithParens()
	alias := p.alias()
	if alias == nil {
		msg, hint := "subquery in FROM must have an alias", "For example, FROM (SELECT ...) [AS] foo."
		if sel.Values != nil { // PostgreSQL's grammar words a bare VALUES list's error so
			msg, hint = "VALUES in FROM must have an alias", "For example, FROM (VALUES ...) [AS] foo."
		}
		p.fail(&Error{Code: "42601", Message: msg, Pos: at.Pos, Hint: hint})
	}
	return &ast.SubqueryFrom{Select: sel, Lateral: lateral, Alias: alias}
}

// relation reads a table by its (qualified) name with its alias; a name followed by '(' is
// a function in FROM, 0A000 until sql/ast holds one.
func (p *parser) relation() ast.FromItem {
	at := p.peek()
	start := p.pos
	if p.nameOK(at, typeFuncName) && !p.nameOK(at, colName) && p.peekN(1).IsPunct("(") {
		return p.functionFrom(at, false) // left(...), a type-or-function-name keyword's call
	}
	first := p.colID()
	names := []string{first}
	for p.acceptPunct(".") {
		names = append(names, p.colLabel())
	}
	if p.isPunct("(") {
		p.pos = start
		return p.functionFrom(at, false)
	}
	p.acceptPunct("*") // t * is t with its inheritance children, the default
	tbl := &ast.Table{}
	switch len(names) {
	case 1:
		tbl.Name = names[0]
	case 2:
		tbl.Schema, tbl.Name = names[0], names[1]
	case 3:
		p.unsupported(at, "a name with a database") // PostgreSQL's analysis refuses it with 0A000 too
	default:
		p.fail(&Error{Code: "42601", Message: "improper qualified name (too many dotted names): " + strings.Join(names, "."), Pos: at.Pos})
	}
	return p.tableAlias(tbl)
}

// tableAlias reads a table's alias in FROM; TABLESAMPLE is 0A000.
func (p *parser) tableAlias(tbl *ast.Table) *ast.Table {
	if t := p.peek(); t.Is("tablesample") {
		p.unsupported(t, "TABLESAMPLE")
	}
	tbl.Alias = p.alias()
	if t := p.peek(); t.Is("tablesample") {
		p.unsupported(t, "TABLESAMPLE")
	}
	return tbl
}

// alias reads [AS] name [(columns)], nil when there is none.
func (p *parser) alias() *ast.Alias {
	t := p.peek()
	switch {
	case t.Is("as"):
		p.pos++
	case p.nameOK(t, colName):
	default:
		return nil
	}
	a := &ast.Alias{Name: p.colID()}
	if p.isPunct("(") {
		a.Columns = p.nameList()
	}
	return a
}

// functionFrom reads a function in FROM: [LATERAL] func_table func_alias_clause, where
// func_table is a call or ROWS FROM (call [AS (defs)], ...), either [WITH ORDINALITY]: an
// ast.FuncFrom, PostgreSQL's RangeFunction (sql's binder gives it its columns, funcfrom.go).
func (p *parser) functionFrom(at lexer.Token, lateral bool) ast.FromItem {
	f := &ast.FuncFrom{Lateral: lateral}
	if p.isKw("rows") && p.peekN(1).Is("from") {
		p.pos += 2
		p.expectPunct("(")
		f.RowsFrom = true
		for {
			rf := ast.RangeFunc{Call: p.fromCall(p.peek())}
			if p.acceptKw("as") {
				rf.ColDefs = p.colDefList()
			}
			f.Funcs = append(f.Funcs, rf)
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
	} else {
		f.Funcs = []ast.RangeFunc{{Call: p.fromCall(at)}}
	}
	if p.isKw("with") && p.peekN(1).Is("ordinality") {
		p.pos += 2
		f.Ordinality = true
	}
	p.funcAlias(f)
	return f
}

// fromCall reads func_expr_windowless: a function call (the keyword forms that are not
// calls in sql/ast are 0A000).
func (p *parser) fromCall(at lexer.Token) *ast.FuncCall {
	p.windowless = true
	call := p.primary()
	p.windowless = false
	f, ok := call.(*ast.FuncCall)
	if !ok {
		switch call.(type) {
		case *ast.SQLValue, *ast.Extract, *ast.Cast:
			p.unsupported(at, "this function in FROM")
		}
		p.syntaxError(at)
	}
	return f
}

// funcAlias reads func_alias_clause into f: alias_clause, or a column definition list with
// or without a name before it (AS (a int), AS x (a int), x (a int)). After the alias's '(', a
// name followed by ',' or ')' starts a list of names, else a definition.
func (p *parser) funcAlias(f *ast.FuncFrom) {
	t := p.peek()
	switch {
	case t.Is("as"):
		p.pos++
		if p.isPunct("(") {
			f.ColDefs = p.colDefList()
			return
		}
	case p.nameOK(t, colName):
	default:
		return
	}
	f.Alias = &ast.Alias{Name: p.colID()}
	if p.isPunct("(") {
		if n := p.peekN(2); n.IsPunct(",") || n.IsPunct(")") {
			f.Alias.Columns = p.nameList()
		} else {
			f.ColDefs = p.colDefList()
		}
	}
}

// colDefList reads '(' TableFuncElement, ... ')': name type [COLLATE c].
func (p *parser) colDefList() []ast.ColumnDef {
	p.expectPunct("(")
	var out []ast.ColumnDef
	for {
		c := ast.ColumnDef{Name: p.colID(), Type: p.typeName()}
		if p.acceptKw("collate") {
			c.Collation = p.collationName()
		}
		out = append(out, c)
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return out
}
