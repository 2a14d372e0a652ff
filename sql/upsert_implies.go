package sql

import (
	"math/big"

	"vitess.io/vitess/go/vt/sqlparser"
)

// A partial index's predicate term is implied by an ON CONFLICT target's WHERE term when the
// two are the same, or (PostgreSQL's btree proof in predtest.c) both compare one expression
// with a number of the same kind and the WHERE's range lies inside the predicate's: a > 5
// implies a > 0, a = 3 implies a >= 1 and a <> 0. Like PostgreSQL, no use is made of integers
// being discrete (a > 0 does not imply a >= 1) nor of numbers of different kinds (a > 0.5 is
// a numeric comparison of a, not the integer one).

// boundTerm is `x op c` with c a number literal (a comparison written `c op x` is turned round).
type boundTerm struct {
	x    string // x's stored form
	op   sqlparser.ComparisonExprOperator
	c    *big.Rat
	kind sqlparser.ValType
}

// asBoundTerm reads e as a boundTerm; ok is false for anything else.
func asBoundTerm(e sqlparser.Expr) (boundTerm, bool) {
	cmp, ok := e.(*sqlparser.ComparisonExpr)
	if !ok || cmp.Modifier != sqlparser.Missing {
		return boundTerm{}, false
	}
	op := cmp.Operator
	if op > sqlparser.NotEqualOp {
		return boundTerm{}, false
	}
	x, lit := cmp.Left, cmp.Right
	c, kind, ok := numberLiteral(lit)
	if !ok {
		x, lit = cmp.Right, cmp.Left
		if c, kind, ok = numberLiteral(lit); !ok {
			return boundTerm{}, false
		}
		op = map[sqlparser.ComparisonExprOperator]sqlparser.ComparisonExprOperator{
			sqlparser.LessThanOp: sqlparser.GreaterThanOp, sqlparser.GreaterThanOp: sqlparser.LessThanOp,
			sqlparser.LessEqualOp: sqlparser.GreaterEqualOp, sqlparser.GreaterEqualOp: sqlparser.LessEqualOp,
		}[op] // = and <> stay (the zero value is EqualOp)
		if cmp.Operator == sqlparser.EqualOp || cmp.Operator == sqlparser.NotEqualOp {
			op = cmp.Operator
		}
	}
	if _, _, isNum := numberLiteral(x); isNum {
		return boundTerm{}, false
	}
	return boundTerm{x: storedExpr(x), op: op, c: c, kind: kind}, true
}

// numberLiteral is e's value when e is a number literal, optionally negated.
func numberLiteral(e sqlparser.Expr) (*big.Rat, sqlparser.ValType, bool) {
	neg := false
	if u, ok := e.(*sqlparser.UnaryExpr); ok && u.Operator == sqlparser.UMinusOp {
		neg, e = true, u.Expr
	}
	l, ok := e.(*sqlparser.Literal)
	if !ok || l.Type != sqlparser.IntVal && l.Type != sqlparser.DecimalVal {
		return nil, 0, false
	}
	r, ok := new(big.Rat).SetString(l.Val)
	if !ok {
		return nil, 0, false
	}
	if neg {
		r.Neg(r)
	}
	return r, l.Type, true
}

// boundImplies reports whether w (x op2 c2) implies p (x op1 c1), by predtest.c's table.
func boundImplies(w, p boundTerm) bool {
	if w.x != p.x || w.kind != p.kind {
		return false
	}
	d := w.c.Cmp(p.c) // c2 against c1
	switch w.op {
	case sqlparser.EqualOp:
		return holds(d, p.op)
	case sqlparser.GreaterThanOp:
		return (p.op == sqlparser.GreaterThanOp || p.op == sqlparser.GreaterEqualOp || p.op == sqlparser.NotEqualOp) && d >= 0
	case sqlparser.GreaterEqualOp:
		return p.op == sqlparser.GreaterEqualOp && d >= 0 || (p.op == sqlparser.GreaterThanOp || p.op == sqlparser.NotEqualOp) && d > 0
	case sqlparser.LessThanOp:
		return (p.op == sqlparser.LessThanOp || p.op == sqlparser.LessEqualOp || p.op == sqlparser.NotEqualOp) && d <= 0
	case sqlparser.LessEqualOp:
		return p.op == sqlparser.LessEqualOp && d <= 0 || (p.op == sqlparser.LessThanOp || p.op == sqlparser.NotEqualOp) && d < 0
	case sqlparser.NotEqualOp:
		return p.op == sqlparser.NotEqualOp && d == 0
	}
	return false
}

// holds reports whether c2 op c1 is true, given d = c2 compared with c1.
func holds(d int, op sqlparser.ComparisonExprOperator) bool {
	switch op {
	case sqlparser.EqualOp:
		return d == 0
	case sqlparser.LessThanOp:
		return d < 0
	case sqlparser.GreaterThanOp:
		return d > 0
	case sqlparser.LessEqualOp:
		return d <= 0
	case sqlparser.GreaterEqualOp:
		return d >= 0
	case sqlparser.NotEqualOp:
		return d != 0
	}
	return false
}

// termImplied reports whether one of the WHERE's terms ws implies the predicate's term p.
func termImplied(ws []sqlparser.Expr, p sqlparser.Expr) bool {
	ps := storedExpr(p)
	pb, pok := asBoundTerm(p)
	for _, w := range ws {
		if storedExpr(w) == ps {
			return true
		}
		if wb, ok := asBoundTerm(w); ok && pok && boundImplies(wb, pb) {
			return true
		}
	}
	return false
}
