package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// selectStmt reads a whole query: [WITH] a select clause or set operation, then ORDER BY,
// LIMIT/OFFSET/FETCH and locking, which go to the outermost node as PostgreSQL's
// insertSelectOptions puts them.
func (p *parser) selectStmt() *ast.Select {
	p.enter()
	s := p.query()
	p.leave()
	return s
}

func (p *parser) query() *ast.Select {
	var with *ast.With
	withAt := p.peek()
	if p.isKw("with") {
		with = p.withClause()
	}
	s := p.setExpr(0)
	if with != nil {
		if s.With != nil {
			p.fail(&Error{Code: "42601", Message: "multiple WITH clauses not allowed", Pos: withAt.Pos})
		}
		s.With = with
	}
	p.selectOptions(s)
	return s
}

// setPrec is the precedence of a set operation: INTERSECT binds tighter than UNION and
// EXCEPT; 0 for a token that is none.
func setPrec(t lexer.Token) int {
	switch {
	case t.Is("union"), t.Is("except"):
		return 1
	case t.Is("intersect"):
		return 2
	}
	return 0
}

// setExpr reads set operations of at least precedence min, left-associative. Each operation
// nests the tree one level deeper on the left, which everything after the parser walks, so
// it counts toward MaxDepth (PostgreSQL answers 5,000 UNION branches and refuses 10,000).
func (p *parser) setExpr(min int) *ast.Select {
	left := p.setOperand()
	chain := 0
	for {
		t := p.peek()
		prec := setPrec(t)
		if prec == 0 || prec < min {
			return left
		}
		if chain++; p.depth+chain > MaxDepth {
			p.tooDeep()
		}
		p.pos++
		s := &ast.Select{Op: map[string]ast.SetOp{"union": ast.Union, "intersect": ast.Intersect, "except": ast.Except}[t.Value]}
		if p.acceptKw("all") {
			s.All = true
		} else {
			p.acceptKw("distinct")
		}
		s.Left, s.Right = left, p.setExpr(prec+1)
		left = s
	}
}

// setOperand reads a simple select, VALUES, TABLE t or a query in parentheses.
func (p *parser) setOperand() *ast.Select {
	t := p.peek()
	switch {
	case t.IsPunct("("):
		return p.selectWithParens()
	case t.Is("select"):
		return p.simpleSelect()
	case t.Is("values"):
		return p.values()
	case t.Is("table"):
		p.pos++
		return &ast.Select{Targets: []ast.Target{{Expr: &ast.ColumnRef{Star: true}}}, From: []ast.FromItem{p.relation()}}
	}
	p.syntaxError(t)
	return nil
}

// selectWithParens reads ( query ).
func (p *parser) selectWithParens() *ast.Select {
	if sel, ok := p.trySelectWithParens(); ok {
		return sel
	}
	p.expectPunct("(")
	p.syntaxError(p.peek())
	return nil
}

// startsQuery reports whether the tokens from i, after any opening parentheses, begin a
// query.
func (p *parser) startsQuery(i int) bool {
	i = p.afterParens(i)
	if i >= len(p.toks) {
		return false
	}
	t := p.toks[i]
	return t.Is("select") || t.Is("values") || t.Is("with") || t.Is("table")
}

// afterParens is the index of the first token from i that is not '('. Runs longer than a
// few tokens are looked up in a table built once, so nested parentheses stay linear.
func (p *parser) afterParens(i int) int {
	for k := 0; k < 4; k++ {
		if i >= len(p.toks) || !p.toks[i].IsPunct("(") {
			return i
		}
		i++
	}
	if p.parenRunEnd == nil {
		p.parenRunEnd = make([]int32, len(p.toks)+1)
		p.parenRunEnd[len(p.toks)] = int32(len(p.toks))
		for j := len(p.toks) - 1; j >= 0; j-- {
			p.parenRunEnd[j] = int32(j)
			if p.toks[j].IsPunct("(") {
				p.parenRunEnd[j] = p.parenRunEnd[j+1]
			}
		}
	}
	return int(p.parenRunEnd[i])
}

// trySelectWithParens reads ( query ) at the next token if it is one, leaving the position
// where it was when not. A syntax error inside is kept (the furthest one is what PostgreSQL
// reports when the other reading fails too); the outcome at each '(' is memoized, so
// nested parentheses are read a bounded number of times.
func (p *parser) trySelectWithParens() (*ast.Select, bool) {
	start := p.pos
	if !p.isPunct("(") || !p.startsQuery(start+1) {
		return nil, false
	}
	if m, ok := p.selects[start]; ok {
		if m.err != nil {
			return nil, false
		}
		p.pos = m.end
		return m.sel, true
	}
	var sel *ast.Select
	err := p.attempt(func() {
		p.pos++
		sel = p.selectStmt()
		p.expectPunct(")")
	})
	if p.selects == nil {
		p.selects = map[int]selectMemo{}
	}
	p.selects[start] = selectMemo{sel: sel, end: p.pos, err: err}
	if err != nil {
		p.pos = start
		return nil, false
	}
	return sel, true
}

// attempt runs f, returning the syntax error it raised (and keeping the furthest one);
// other errors go on up.
func (p *parser) attempt(f func()) (err *Error) {
	depth, inSubstring := p.depth, p.inSubstring
	defer func() {
		if p.fatal {
			return // unwinding to run without a recover at each level (a re-panic is costly)
		}
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			p.depth, p.inSubstring = depth, inSubstring
			if p.furthest == nil || b.err.Pos > p.furthest.Pos {
				p.furthest = b.err
			}
			err = b.err
		}
	}()
	f()
	return nil
}

// simpleSelect reads SELECT [ALL|DISTINCT] targets [FROM] [WHERE] [GROUP BY] [HAVING]
// [WINDOW].
func (p *parser) simpleSelect() *ast.Select {
	p.pos++
	s := &ast.Select{}
	if t := p.peek(); t.Is("distinct") {
		p.pos++
		if p.acceptKw("on") {
			p.expectPunct("(")
			s.DistinctOn = p.exprList()
			p.expectPunct(")")
		}
		s.Distinct = true
	} else {
		p.acceptKw("all")
	}
	if !p.endsTargets(p.peek()) {
		s.Targets = p.targets()
	}
	if p.isKw("into") {
		s.Into = p.intoClause()
	}
	if p.acceptKw("from") {
		s.From = p.fromList()
	}
	if p.acceptKw("where") {
		s.Where = p.expr()
	}
	if p.isKw("group") {
		p.pos++
		p.expectKw("by")
		s.GroupBy, s.GroupDistinct = p.groupBy()
	}
	if p.acceptKw("having") {
		s.Having = p.expr()
	}
	if p.acceptKw("window") {
		s.Windows = p.windows()
	}
	return s
}

// endsTargets reports whether t ends an empty select list (SELECT FROM t, SELECT;).
func (p *parser) endsTargets(t lexer.Token) bool {
	switch {
	case t.Kind == lexer.EOF, t.IsPunct(";"), t.IsPunct(")"):
		return true
	case t.Kind != lexer.Ident:
		return false
	}
	switch t.Value {
	case "from", "where", "group", "having", "window", "union", "intersect", "except", "order", "limit",
		"offset", "fetch", "for", "into":
		return true
	}
	return false
}

func (p *parser) targets() []ast.Target {
	var out []ast.Target
	for {
		out = append(out, p.target())
		if !p.acceptPunct(",") {
			return out
		}
	}
}

func (p *parser) target() ast.Target {
	if p.acceptPunct("*") {
		return ast.Target{Expr: &ast.ColumnRef{Star: true}}
	}
	saved := p.labelDepth
	p.labelDepth = p.depth + 1 // exprPrec's level for the item's expression
	t := ast.Target{Expr: p.expr()}
	p.labelDepth = saved
	switch l := p.peek(); {
	case l.Is("as"):
		p.pos++
		t.Alias = p.colLabel()
	case l.Is("nulls") && (p.peekN(1).Is("first") || p.peekN(1).Is("last")):
		// NULLS_LA, PostgreSQL's lexer's token for NULLS FIRST/LAST, is no label
	case l.Kind == lexer.QuotedIdent, l.Kind == lexer.Ident && !lexer.AsLabelOnly(l.Value):
		p.pos++
		t.Alias = l.Value
	}
	return t
}

// values reads VALUES (row), ...
func (p *parser) values() *ast.Select {
	p.pos++
	s := &ast.Select{Values: [][]ast.Expr{}}
	for {
		p.expectPunct("(")
		var row []ast.Expr
		for {
			row = append(row, p.expr()) // DEFAULT is an a_expr
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
		s.Values = append(s.Values, row)
		if !p.acceptPunct(",") {
			return s
		}
	}
}

// withClause reads WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query), ...
func (p *parser) withClause() *ast.With {
	p.pos++
	w := &ast.With{Recursive: p.acceptKw("recursive")}
	for {
		c := ast.CTE{Name: p.colID()}
		if p.isPunct("(") {
			c.Columns = p.nameList()
		}
		p.expectKw("as")
		switch {
		case p.acceptKw("materialized"):
			c.Materialized = ast.CTEMaterialized
		case p.acceptKw("not"):
			p.expectKw("materialized")
			c.Materialized = ast.CTENotMaterialized
		}
		switch t := p.peekN(1); {
		case p.isPunct("(") && t.Is("merge"):
			p.unsupported(t, "MERGE in WITH")
		case p.isPunct("(") && (t.Is("insert") || t.Is("update") || t.Is("delete") || t.Is("with")):
			// PreparableStmt: a writing statement, with a WITH of its own too
			p.pos++
			c.Stmt = p.dmlOrQuery()
			if q, ok := c.Stmt.(*ast.Select); ok {
				c.Query, c.Stmt = q, nil
			}
			p.expectPunct(")")
		default:
			c.Query = p.selectWithParens()
		}
		if t := p.peek(); t.Is("search") || t.Is("cycle") {
			p.unsupported(t, "SEARCH and CYCLE")
		}
		w.CTEs = append(w.CTEs, c)
		if !p.acceptPunct(",") {
			return w
		}
	}
}

// intoClause reads SELECT's INTO [TEMP|UNLOGGED] [TABLE] name.
func (p *parser) intoClause() *ast.Into {
	p.pos++
	into := &ast.Into{Persistence: p.optTemp()}
	p.acceptKw("table")
	into.Table = p.qualifiedName()
	return into
}
