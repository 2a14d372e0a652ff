package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// isTest reads IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x, ISNULL and NOTNULL.
func (p *parser) isTest(left ast.Expr, restricted bool) ast.Expr {
	t := p.next()
	switch t.Value {
	case "isnull":
		return &ast.NullTest{Expr: left}
	case "notnull":
		return &ast.NullTest{Expr: left, Not: true}
	}
	not := p.acceptKw("not")
	w := p.peek()
	switch {
	case w.Is("distinct") && !restricted || w.Is("distinct") && restricted:
		p.pos++
		p.expectKw("from")
		return &ast.DistinctFrom{Left: left, Right: p.exprPrec(precIs+1, restricted), Not: not}
	case restricted:
		p.syntaxError(w)
	case w.Is("null"):
		p.pos++
		return &ast.NullTest{Expr: left, Not: not}
	case w.Is("true"), w.Is("false"), w.Is("unknown"):
		p.pos++
		return &ast.BoolTest{Expr: left, Not: not, Value: map[string]string{"true": "TRUE", "false": "FALSE", "unknown": "UNKNOWN"}[w.Value]}
	case w.Is("document"), w.Is("normalized"), w.Is("nfc"), w.Is("nfd"), w.Is("nfkc"), w.Is("nfkd"):
		p.unsupported(w, "IS "+w.Text(p.src))
	}
	// IS OF (PostgreSQL 14 removed it) and IS JSON (16 added it) are PostgreSQL 15's syntax errors.
	p.syntaxError(w)
	return nil
}

// predicate reads [NOT] BETWEEN, IN, LIKE, ILIKE, SIMILAR TO after their left operand;
// nonassoc as infix's.
func (p *parser) predicate(left ast.Expr) (ast.Expr, bool) {
	not := p.acceptKw("not")
	t := p.next()
	switch t.Value {
	case "between":
		return p.between(left, not), true
	case "in":
		return p.in(left, not), false
	case "like":
		return p.like(left, ast.LikeOp, not)
	case "ilike":
		return p.like(left, ast.ILikeOp, not)
	}
	p.expectKw("to") // SIMILAR TO
	return p.like(left, ast.SimilarOp, not)
}

func (p *parser) between(left ast.Expr, not bool) ast.Expr {
	b := &ast.Between{Expr: left, Not: not}
	if !p.acceptKw("asymmetric") {
		b.Symmetric = p.acceptKw("symmetric")
	}
	b.Lo = p.exprPrec(precOr, true)
	p.expectKw("and")
	b.Hi = p.exprPrec(precLike+1, false)
	return b
}

func (p *parser) in(left ast.Expr, not bool) ast.Expr {
	if sel, ok := p.trySelectWithParens(); ok {
		var x ast.Expr = &ast.SubLink{Kind: ast.AnySubLink, Op: "=", Left: left, Select: sel, In: true}
		if not { // NOT IN (subquery) is NOT over the ANY sublink, as PostgreSQL parses it
			x = &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{x}}
		}
		return x
	}
	p.expectPunct("(")
	list := p.exprList()
	p.expectPunct(")")
	return &ast.In{Expr: left, List: list, Not: not}
}

// likeOps are LIKE's and ILIKE's operator names, for LIKE ANY (array).
var likeOps = map[ast.LikeKind][2]string{ast.LikeOp: {"~~", "!~~"}, ast.ILikeOp: {"~~*", "!~~*"}}

func (p *parser) like(left ast.Expr, kind ast.LikeKind, not bool) (ast.Expr, bool) {
	if ops, ok := likeOps[kind]; ok {
		op := ops[0]
		if not {
			op = ops[1]
		}
		if x, ok := p.quantified(left, op, p.peek()); ok {
			return x, false
		}
	}
	l := &ast.Like{Kind: kind, Expr: left, Pattern: p.exprPrec(precLike+1, false), Not: not}
	if p.acceptKw("escape") {
		l.Escape = p.exprPrec(precLike+1, false)
		if p.isKw("escape") {
			p.syntaxError(p.peek())
		}
	}
	return l, true
}

// exprList reads a_expr, ... (at least one).
func (p *parser) exprList() []ast.Expr {
	var out []ast.Expr
	for {
		out = append(out, p.expr())
		if !p.acceptPunct(",") {
			return out
		}
	}
}

// caseExpr reads CASE [arg] WHEN ... THEN ... [ELSE ...] END, CASE read.
func (p *parser) caseExpr() ast.Expr {
	c := &ast.Case{}
	if !p.isKw("when") {
		c.Arg = p.expr()
	}
	if !p.isKw("when") {
		p.syntaxError(p.peek())
	}
	for p.acceptKw("when") {
		cond := p.expr()
		p.expectKw("then")
		c.Whens = append(c.Whens, ast.When{Cond: cond, Result: p.expr()})
	}
	if p.acceptKw("else") {
		c.Else = p.expr()
	}
	p.expectKw("end")
	return c
}

// sortList reads ORDER BY's keys, ORDER BY read: expr [ASC|DESC|USING op] [NULLS FIRST|LAST].
func (p *parser) sortList() []ast.SortBy {
	var out []ast.SortBy
	for {
		k := ast.SortBy{Expr: p.expr()}
		switch t := p.peek(); {
		case t.Is("asc"):
			p.pos++
		case t.Is("desc"):
			p.pos++
			k.Desc = true
		case t.Is("using"):
			p.pos++
			op := p.peek()
			if op.Kind != lexer.Op && !op.Is("operator") {
				p.syntaxError(op)
			}
			name := p.operatorName()
			switch name {
			case "<":
			case ">":
				k.Desc = true
			default:
				p.unsupported(t, "ORDER BY USING "+name)
			}
		}
		if p.isKw("nulls") && (p.peekN(1).Is("first") || p.peekN(1).Is("last")) {
			p.pos++
			k.Nulls = ast.NullsFirst
			if p.next().Is("last") {
				k.Nulls = ast.NullsLast
			}
		}
		out = append(out, k)
		if !p.acceptPunct(",") {
			return out
		}
	}
}
