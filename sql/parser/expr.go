package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// Precedence levels of gram.y's %left/%right/%nonassoc table, lowest first. The postfix
// forms above unary minus ([] subscripts, ::, .) are read with their operand.
const (
	precOr       = 1 + iota // OR, left
	precAnd                 // AND, left
	precNot                 // NOT, right
	precIs                  // IS, ISNULL, NOTNULL, nonassoc
	precCompare             // < > = <= >= <>, nonassoc
	precLike                // BETWEEN IN LIKE ILIKE SIMILAR NOT_LA, nonassoc
	precEscape              // ESCAPE, nonassoc
	precOp                  // other operators, OPERATOR(), left
	precAdd                 // + -, left
	precMul                 // * / %, left
	precExp                 // ^, left
	precAt                  // AT TIME ZONE, left
	precCollate             // COLLATE, left
	precUminus              // unary minus, right
	precTypecast            // ::, left, after any expression (1 IS NULL::text)
)

// expr reads an a_expr.
func (p *parser) expr() ast.Expr { return p.exprPrec(precOr, false) }

// exprPrec reads an expression of operators binding at least as tightly as min. restricted
// reads PostgreSQL's b_expr (BETWEEN's lower bound, POSITION's operands): no boolean
// operators, IS tests other than DISTINCT FROM, pattern matches, IN, AT TIME ZONE or COLLATE.
func (p *parser) exprPrec(min int, restricted bool) ast.Expr {
	p.enter()
	x := p.operators(min, restricted)
	p.leave()
	return x
}

// operators is exprPrec's loop over the operators after the first operand.
func (p *parser) operators(min int, restricted bool) ast.Expr {
	left := p.prefix(restricted)
	last := 0 // the level of the last nonassociative operator applied, to refuse a second
	// Each operator applied nests the tree one level deeper on the left (but an AND or OR
	// that makeBool flattens), which everything after the parser walks: it counts toward
	// MaxDepth, as PostgreSQL's analysis refuses 1+1+...+1 past its stack depth.
	chain := 0 // not p.depth, which tells where a bare column label may follow
	for {
		t := p.peek()
		prec := p.infixPrec(t, restricted)
		if prec == 0 || prec < min {
			return left
		}
		if prec == last {
			p.syntaxError(t) // nonassociative: a = b = c
		}
		var nonassoc bool
		prev, _ := left.(*ast.BoolOp)
		left, nonassoc = p.infix(left, prec, restricted)
		if b, _ := left.(*ast.BoolOp); b == nil || b != prev {
			if chain++; p.depth+chain > MaxDepth {
				p.tooDeep()
			}
		}
		last = 0
		if nonassoc {
			last = prec
		}
	}
}

// comparisonOps are the operators gram.y gives comparison's precedence.
var comparisonOps = map[string]bool{"<": true, ">": true, "=": true, "<=": true, ">=": true, "<>": true, "!=": true}

// opPrec is the precedence of an operator token.
func opPrec(op string) int {
	switch op {
	case "+", "-":
		return precAdd
	case "*", "/", "%":
		return precMul
	case "^":
		return precExp
	}
	if comparisonOps[op] {
		return precCompare
	}
	if op == "=>" {
		return 0 // only a named argument's
	}
	return precOp
}

// infixPrec is the precedence of t as an infix or postfix operator here, 0 when it is none.
func (p *parser) infixPrec(t lexer.Token, restricted bool) int {
	switch t.Kind {
	case lexer.Op:
		return opPrec(t.Value)
	case lexer.Punct:
		if t.Value == "::" {
			return precTypecast
		}
		return 0
	case lexer.Ident:
	default:
		return 0
	}
	if p.depth == p.labelDepth && p.bareLabel(t) {
		return 0
	}
	if t.Value == "operator" && p.peekN(1).IsPunct("(") {
		return precOp
	}
	if t.Value == "is" && restricted {
		if p.peekN(1).Is("distinct") || p.peekN(1).Is("not") && p.peekN(2).Is("distinct") {
			return precIs
		}
		return 0
	}
	if restricted {
		return 0
	}
	switch t.Value {
	case "or":
		return precOr
	case "and":
		return precAnd
	case "is", "isnull", "notnull":
		return precIs
	case "similar":
		if !p.peekN(1).Is("to") && p.inSubstring {
			return 0 // SUBSTRING(x SIMILAR p ESCAPE e)
		}
		return precLike
	case "between", "in", "like", "ilike":
		return precLike
	case "not":
		switch n := p.peekN(1); {
		case n.Is("between"), n.Is("in"), n.Is("like"), n.Is("ilike"), n.Is("similar"):
			return precLike
		}
	case "at":
		if p.peekN(1).Is("time") && p.peekN(2).Is("zone") {
			return precAt
		}
	case "collate":
		return precCollate
	}
	return 0
}

// infix applies the operator at the next token to left; nonassoc reports whether it was a
// nonassociative one ending in an operand (a = b, a LIKE b, a IS DISTINCT FROM b), which
// may not be followed by one of its level: bison refuses only that shift; after a form that
// ends in its own token (IS NULL, IN (...)) there is nothing to shift and it reduces.
func (p *parser) infix(left ast.Expr, prec int, restricted bool) (ast.Expr, bool) {
	t := p.peek()
	switch prec {
	case precOr, precAnd:
		p.pos++
		kind := ast.Or
		if prec == precAnd {
			kind = ast.And
		}
		return makeBool(kind, left, p.exprPrec(prec+1, false)), false
	case precIs:
		x := p.isTest(left, restricted)
		_, distinct := x.(*ast.DistinctFrom)
		return x, distinct
	case precLike:
		return p.predicate(left)
	case precTypecast:
		p.pos++
		return &ast.Cast{Expr: left, Type: p.typeName()}, false
	case precAt:
		p.pos += 3
		return &ast.AtTimeZone{Expr: left, Zone: p.exprPrec(precAt+1, false)}, false
	case precCollate:
		p.pos++
		return &ast.Collate{Expr: left, Collation: p.collationName()}, false
	}
	op := p.operatorName()
	if x, ok := p.quantified(left, op, t); ok {
		return x, false
	}
	right := p.exprPrec(prec+1, restricted)
	return &ast.BinaryOp{Op: op, Left: left, Right: right}, prec == precCompare
}

// operatorName reads an operator token or OPERATOR(schema.op), by pg_operator's name.
func (p *parser) operatorName() string {
	t := p.next()
	if t.Kind == lexer.Op {
		if t.Value == "!=" {
			return "<>"
		}
		return t.Value
	}
	p.expectPunct("(")
	name := ""
	for p.peek().Kind == lexer.Ident || p.peek().Kind == lexer.QuotedIdent {
		name += p.colLabel() + "."
		p.expectPunct(".")
	}
	op := p.next()
	if op.Kind != lexer.Op && !op.IsPunct("*") {
		p.syntaxError(op)
	}
	p.expectPunct(")")
	if name == "" || name == "pg_catalog." {
		return op.Value
	}
	return "OPERATOR(" + name + op.Value + ")"
}

// quantified reads op ANY|SOME|ALL (array or subquery) after op was read.
func (p *parser) quantified(left ast.Expr, op string, at lexer.Token) (ast.Expr, bool) {
	t := p.peek()
	if !(t.Is("any") || t.Is("some") || t.Is("all")) || !p.peekN(1).IsPunct("(") {
		return nil, false
	}
	if op == "=>" {
		p.syntaxError(at)
	}
	p.pos++
	all := t.Is("all")
	if sel, ok := p.trySelectWithParens(); ok {
		kind := ast.AnySubLink
		if all {
			kind = ast.AllSubLink
		}
		return &ast.SubLink{Kind: kind, Op: op, Left: left, Select: sel}, true
	}
	p.expectPunct("(")
	arr := p.expr()
	p.expectPunct(")")
	return &ast.AnyAll{Op: op, All: all, Left: left, Array: arr}, true
}

// makeBool is AND or OR of l and r, flattening nested ones of the same kind as PostgreSQL's
// makeAndExpr and makeOrExpr do.
// A left operand of the same kind takes r in place, so a chain of n ANDs is built in linear
// time (copying its arguments at each step was quadratic).
func makeBool(kind ast.BoolKind, l, r ast.Expr) ast.Expr {
	out, ok := l.(*ast.BoolOp)
	if ok && out.Op == kind {
		l = nil
	} else {
		out = &ast.BoolOp{Op: kind}
	}
	for _, x := range []ast.Expr{l, r} {
		if x == nil {
			continue
		}
		if b, ok := x.(*ast.BoolOp); ok && b.Op == kind {
			out.Args = append(out.Args, b.Args...)
		} else {
			out.Args = append(out.Args, x)
		}
	}
	return out
}

// prefix reads a prefix operator's application, or an operand with its postfix forms.
func (p *parser) prefix(restricted bool) ast.Expr {
	t := p.peek()
	switch {
	case t.Is("not") && !restricted:
		p.pos++
		return &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{p.exprPrec(precNot, false)}}
	case t.Is("default") && !restricted:
		// a_expr's DEFAULT (SetToDefault): analysis refuses it outside VALUES and SET
		p.pos++
		return &ast.Default{}
	case t.Kind == lexer.Op && (t.Value == "-" || t.Value == "+"):
		p.pos++
		x := p.exprPrec(precUminus, restricted)
		if t.Value == "+" {
			return &ast.UnaryOp{Op: "+", Expr: x}
		}
		return negate(x)
	case t.Kind == lexer.Op && opPrec(t.Value) == precOp, t.Is("operator") && p.peekN(1).IsPunct("("):
		op := p.operatorName()
		return &ast.UnaryOp{Op: op, Expr: p.exprPrec(precOp+1, restricted)}
	}
	return p.primary()
}

// negate is -x: a minus before a number is part of the constant (PostgreSQL's doNegate).
func negate(x ast.Expr) ast.Expr {
	if l, ok := x.(*ast.Literal); ok && (l.Type == ast.LitInteger || l.Type == ast.LitBigint || l.Type == ast.LitNumeric) {
		if v, neg := cutMinus(l.Val); neg {
			return ast.NumberLiteral(v)
		}
		return ast.NumberLiteral("-" + l.Val)
	}
	return &ast.UnaryOp{Op: "-", Expr: x}
}

func cutMinus(v string) (string, bool) {
	if len(v) > 0 && v[0] == '-' {
		return v[1:], true
	}
	return v, false
}

// collationName reads COLLATE's any_name; pg_catalog's collations are named without it.
func (p *parser) collationName() string {
	at := p.peek()
	names := []string{p.colID()}
	for p.acceptPunct(".") {
		names = append(names, p.colLabel())
	}
	switch {
	case len(names) == 1:
		return names[0]
	case len(names) == 2 && names[0] == "pg_catalog":
		return names[1]
	}
	p.unsupported(at, "a schema-qualified collation")
	return ""
}

// bareLabel reports whether the word t, after a select list item's expression, is the
// item's label without AS: PostgreSQL 15's LR parser shifts the keyword and decides by the
// token after it, a label when that ends the item (SELECT 1 in, 2 between FROM t). Only at
// the item's own level: in SELECT 1 = 2 in, 3 the IN belongs to 2 and the comma is an error.
func (p *parser) bareLabel(t lexer.Token) bool {
	if lexer.AsLabelOnly(t.Value) {
		return false
	}
	switch n := p.peekN(1); n.Kind {
	case lexer.EOF:
		return true
	case lexer.Punct:
		return n.Value == "," || n.Value == ";" || n.Value == ")"
	case lexer.Ident:
		return p.endsTargets(n)
	}
	return false
}
