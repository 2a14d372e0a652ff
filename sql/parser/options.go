package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// selectOptions reads ORDER BY, LIMIT/OFFSET/FETCH and FOR UPDATE after a query into s,
// refusing a second ORDER BY, LIMIT or OFFSET as PostgreSQL's insertSelectOptions does.
func (p *parser) selectOptions(s *ast.Select) {
	if t := p.peek(); t.Is("order") {
		p.pos++
		p.expectKw("by")
		if len(s.OrderBy) > 0 { // at the first key, as PostgreSQL places it
			p.fail(&Error{Code: "42601", Message: "multiple ORDER BY clauses not allowed", Pos: p.peek().Pos})
		}
		s.OrderBy = p.sortList()
	}
	locked := p.locking(s)
	var sawLimit, sawOffset bool
	for {
		t := p.peek()
		switch {
		case t.Is("limit") && !sawLimit:
			sawLimit = true
			p.limit(s, t)
		case t.Is("fetch") && !sawLimit:
			sawLimit = true
			p.fetch(s, t)
		case t.Is("offset") && !sawOffset:
			sawOffset = true
			p.pos++
			if s.Offset != nil {
				p.fail(&Error{Code: "42601", Message: "multiple OFFSET clauses not allowed", Pos: p.peek().Pos})
			}
			s.Offset = p.expr()
			if !p.acceptKw("row") {
				p.acceptKw("rows")
			}
		default:
			if !locked {
				p.locking(s)
			}
			if s.WithTies && len(s.OrderBy) == 0 { // insertSelectOptions's check, without a position
				p.fail(&Error{Code: "42601", Message: "WITH TIES cannot be specified without ORDER BY clause", Pos: p.peek().Pos, NoPosition: true})
			}
			for _, l := range s.Locking { // insertSelectOptions's too
				if s.WithTies && l.Wait == ast.SkipLocked {
					p.fail(&Error{Code: "42601", Message: "SKIP LOCKED and WITH TIES options cannot be used together", Pos: p.peek().Pos, NoPosition: true})
				}
			}
			return
		}
	}
}

func (p *parser) limit(s *ast.Select, t lexer.Token) {
	p.pos++
	at := p.peek()
	// LIMIT ALL is a NULL constant, as in PostgreSQL's raw tree: no limit, but a LIMIT (a
	// recursive WITH query refuses it).
	var n ast.Expr = &ast.Literal{Type: ast.LitNull}
	if !p.acceptKw("all") {
		n = p.expr()
	}
	if p.isPunct(",") {
		p.fail(&Error{Code: "42601", Message: "LIMIT #,# syntax is not supported", Pos: t.Pos,
			Hint: "Use separate LIMIT and OFFSET clauses."})
	}
	p.setLimit(s, at, n)
}

// setLimit sets s's LIMIT, refusing a second (at the count, as PostgreSQL places it).
func (p *parser) setLimit(s *ast.Select, at lexer.Token, n ast.Expr) {
	if s.Limit != nil {
		p.fail(&Error{Code: "42601", Message: "multiple LIMIT clauses not allowed", Pos: at.Pos})
	}
	s.Limit = n
}

// fetch reads FETCH FIRST|NEXT [count] ROW|ROWS ONLY (the count defaults to 1).
func (p *parser) fetch(s *ast.Select, t lexer.Token) {
	p.pos++
	if !p.acceptKw("first") {
		p.expectKw("next")
	}
	var n ast.Expr = ast.NumberLiteral("1")
	at := p.peek()
	if w := p.peek(); !w.Is("row") && !w.Is("rows") {
		if w.Kind == lexer.Op && (w.Value == "+" || w.Value == "-") {
			p.pos++
			c := p.next()
			if c.Kind != lexer.Integer && c.Kind != lexer.Numeric {
				p.syntaxError(c)
			}
			n = ast.NumberLiteral(c.Value)
			if w.Value == "-" {
				n = negate(n)
			}
		} else {
			n = p.primary()
		}
	}
	if !p.acceptKw("row") {
		p.expectKw("rows")
	}
	if p.peek().Is("with") && p.peekN(1).Is("ties") {
		p.pos += 2
		p.setLimit(s, at, n)
		s.WithTies = true
		return
	}
	p.expectKw("only")
	p.setLimit(s, at, n)
}

// locking reads for_locking_clause: FOR READ ONLY (nothing), or one or more clauses FOR
// UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF name, ...] [NOWAIT | SKIP LOCKED], appended
// to s's (insertSelectOptions concatenates the clauses of nested parentheses).
func (p *parser) locking(s *ast.Select) bool {
	if !p.isKw("for") {
		return false
	}
	if p.peekN(1).Is("read") {
		p.pos++
		p.expectKw("read")
		p.expectKw("only")
		return true
	}
	for p.isKw("for") {
		p.pos++
		s.Locking = append(s.Locking, p.lockingItem())
	}
	return true
}

// lockingItem reads one clause after its FOR. An OF name with a schema is PostgreSQL's
// analysis's 42601 (transformLockingClause), raised here at the name because ast.Locking's
// OF list holds bare names, as the dialect pass does.
func (p *parser) lockingItem() ast.Locking {
	var l ast.Locking
	switch {
	case p.acceptKw("update"):
	case p.acceptKw("share"):
		l.Strength = ast.ForShare
	case p.acceptKw("no"):
		p.expectKw("key")
		p.expectKw("update")
		l.Strength = ast.ForNoKeyUpdate
	case p.acceptKw("key"):
		p.expectKw("share")
		l.Strength = ast.ForKeyShare
	default:
		p.syntaxError(p.peek())
	}
	if p.acceptKw("of") {
		for {
			at := p.peek()
			names := p.anyName()
			if len(names) > 3 {
				p.fail(&Error{Code: "42601", Message: "improper qualified name (too many dotted names): " + strings.Join(names, "."), Pos: at.Pos})
			}
			if len(names) > 1 {
				p.fail(&Error{Code: "42601", Message: l.Strength.String() + " must specify unqualified relation names", Pos: at.Pos})
			}
			l.Of = append(l.Of, names[0])
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	switch {
	case p.acceptKw("nowait"):
		l.Wait = ast.NoWait
	case p.isKw("skip"):
		p.pos++
		p.expectKw("locked")
		l.Wait = ast.SkipLocked
	}
	return l
}

// groupBy reads GROUP BY [ALL | DISTINCT] list; distinct reports DISTINCT.
func (p *parser) groupBy() (items []ast.Expr, distinct bool) {
	distinct = p.acceptKw("distinct")
	if !distinct {
		p.acceptKw("all")
	}
	return p.groupByItems(), distinct
}

// groupByItems reads group_by_list: expressions and grouping constructs, separated by commas.
func (p *parser) groupByItems() []ast.Expr {
	var out []ast.Expr
	for {
		out = append(out, p.groupByItem())
		if !p.acceptPunct(",") {
			return out
		}
	}
}

// groupByItem reads an expression or, as gram.y's group_by_item, ROLLUP (list), CUBE (list),
// GROUPING SETS (group_by_list) or (), each an ast.GroupingSet as the converter builds it
// (dialect_grouping.go): ROLLUP's and CUBE's elements are expressions, where (a, b) is a row;
// GROUPING SETS's are items again.
func (p *parser) groupByItem() ast.Expr {
	t := p.peek()
	switch {
	case t.IsPunct("(") && p.peekN(1).IsPunct(")"):
		p.pos += 2
		return &ast.GroupingSet{Kind: ast.GroupingEmpty}
	case (t.Is("rollup") || t.Is("cube")) && p.peekN(1).IsPunct("("):
		p.pos += 2
		p.enter()
		g := &ast.GroupingSet{Kind: ast.GroupingRollup, Content: p.exprList()}
		p.leave()
		if t.Is("cube") {
			g.Kind = ast.GroupingCube
		}
		p.expectPunct(")")
		return g
	case t.Is("grouping") && p.peekN(1).Is("sets"):
		p.pos += 2
		p.expectPunct("(")
		p.enter()
		g := &ast.GroupingSet{Kind: ast.GroupingSets, Content: p.groupByItems()}
		p.leave()
		p.expectPunct(")")
		return g
	}
	return p.expr()
}

// windows reads WINDOW name AS (spec), ...
func (p *parser) windows() []ast.NamedWindow {
	var out []ast.NamedWindow
	for {
		name := p.colID()
		p.expectKw("as")
		out = append(out, ast.NamedWindow{Name: name, Spec: *p.windowSpec()})
		if !p.acceptPunct(",") {
			return out
		}
	}
}
