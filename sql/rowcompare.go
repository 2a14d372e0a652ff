package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"
)

// Row constructors compared: (a, b) = (1, 2), <>, <, <=, >, >=, and (a, b) [NOT] IN ((1, 2),
// ...). As BETWEEN, each is rewritten into comparisons of the elements, with PostgreSQL's
// meaning: = is the AND of the pairs' equalities, <> the OR of their inequalities, and an
// ordering compares pairs left to right up to the first unequal or NULL pair, which decides
// (NULL when it holds a NULL). a < x OR (a = x AND rest) gives exactly that: when a or x is
// NULL both its terms are NULL and rest cannot make the OR true.

// isRow reports whether e is a row constructor: (a, b), ROW(a, b), ROW(a) or ROW().
func isRow(e sqlparser.Expr) bool {
	_, ok := rowElems(e)
	return ok
}

// rowFunc is ROW(x) and ROW() as the dialect pass writes them (vitess reads ROW(x) as x).
const rowFunc = "drove_row"

// rowElems are the elements of a row constructor; ok is false for anything else (a one-element
// ValTuple is an IN list, not a row).
func rowElems(e sqlparser.Expr) (sqlparser.ValTuple, bool) {
	switch e := e.(type) {
	case sqlparser.ValTuple:
		return e, len(e) > 1
	case *sqlparser.FuncExpr:
		if e.Name.Lowered() == rowFunc && e.Qualifier.IsEmpty() {
			return sqlparser.ValTuple(e.Exprs), true
		}
	}
	return nil, false
}

// rowComparison is the element-wise form of a comparison of two rows; ok is false when e
// compares no row.
func rowComparison(e *sqlparser.ComparisonExpr) (sqlparser.Expr, bool, error) {
	if e.Modifier != sqlparser.Missing {
		return nil, false, nil
	}
	if e.Operator == sqlparser.InOp || e.Operator == sqlparser.NotInOp {
		return rowIn(e)
	}
	l, lok := rowElems(e.Left)
	r, rok := rowElems(e.Right)
	if !lok || !rok {
		// A row against any other value compares two records (or finds no operator).
		return nil, false, nil
	}
	if len(l) != len(r) {
		return nil, true, Errorf("42601", "unequal number of entries in row expressions")
	}
	if len(l) == 0 {
		return nil, true, Errorf("0A000", "cannot compare rows of zero length")
	}
	switch e.Operator {
	case sqlparser.EqualOp, sqlparser.NotEqualOp:
		var out sqlparser.Expr
		for i := range l {
			c := &sqlparser.ComparisonExpr{Operator: e.Operator, Left: l[i], Right: r[i]}
			switch {
			case out == nil:
				out = c
			case e.Operator == sqlparser.EqualOp:
				out = &sqlparser.AndExpr{Left: out, Right: c}
			default:
				out = &sqlparser.OrExpr{Left: out, Right: c}
			}
		}
		return out, true, nil
	case sqlparser.LessThanOp, sqlparser.LessEqualOp, sqlparser.GreaterThanOp, sqlparser.GreaterEqualOp:
		strict := sqlparser.LessThanOp
		if e.Operator == sqlparser.GreaterThanOp || e.Operator == sqlparser.GreaterEqualOp {
			strict = sqlparser.GreaterThanOp
		}
		n := len(l) - 1
		var out sqlparser.Expr = &sqlparser.ComparisonExpr{Operator: e.Operator, Left: l[n], Right: r[n]}
		for i := n - 1; i >= 0; i-- {
			out = &sqlparser.OrExpr{
				Left: &sqlparser.ComparisonExpr{Operator: strict, Left: l[i], Right: r[i]},
				Right: &sqlparser.AndExpr{
					Left:  &sqlparser.ComparisonExpr{Operator: sqlparser.EqualOp, Left: l[i], Right: r[i]},
					Right: out,
				},
			}
		}
		return out, true, nil
	}
	return nil, true, Errorf("42883", "operator does not exist: record %s record", e.Operator.ToString())
}

// rowIn is (a, b) [NOT] IN ((1, 2), (3, 4)): the OR of the rows' equalities (negated).
func rowIn(e *sqlparser.ComparisonExpr) (sqlparser.Expr, bool, error) {
	if !isRow(e.Left) {
		return nil, false, nil
	}
	list, ok := e.Right.(sqlparser.ValTuple)
	if !ok {
		return nil, false, nil // a subquery: compileIn (rowin.go)
	}
	var out sqlparser.Expr
	for _, item := range list {
		eq, _, err := rowComparison(&sqlparser.ComparisonExpr{Operator: sqlparser.EqualOp, Left: e.Left, Right: item})
		if err != nil {
			return nil, true, err
		}
		if out == nil {
			out = eq
		} else {
			out = &sqlparser.OrExpr{Left: out, Right: eq}
		}
	}
	if e.Operator == sqlparser.NotInOp {
		out = &sqlparser.NotExpr{Expr: out}
	}
	return out, true, nil
}

// rowConjuncts is how the planner reads a row comparison in WHERE: (a, b) = (x, y) is the
// conjuncts a = x and b = y (so a whole primary key given as a row is a point lookup), and an
// ordering also implies a bound on its first elements, (a, b) > (x, y) implying a >= x, which
// an access can use (keyset pagination: WHERE (k1, k2) > ($1, $2) ORDER BY k1, k2). The
// comparison itself stays a conjunct: every row an access yields passes the whole WHERE.
func rowConjuncts(e sqlparser.Expr, acc []sqlparser.Expr) []sqlparser.Expr {
	c, ok := e.(*sqlparser.ComparisonExpr)
	if !ok || c.Modifier != sqlparser.Missing {
		return append(acc, e)
	}
	l, lok := rowElems(c.Left)
	r, rok := rowElems(c.Right)
	if !lok || !rok || len(l) != len(r) || len(l) < 1 {
		return append(acc, e)
	}
	switch c.Operator {
	case sqlparser.EqualOp:
		for i := range l {
			acc = append(acc, &sqlparser.ComparisonExpr{Operator: sqlparser.EqualOp, Left: l[i], Right: r[i]})
		}
		return acc
	case sqlparser.LessThanOp, sqlparser.LessEqualOp:
		acc = append(acc, e, &sqlparser.ComparisonExpr{Operator: sqlparser.LessEqualOp, Left: l[0], Right: r[0]})
		return acc
	case sqlparser.GreaterThanOp, sqlparser.GreaterEqualOp:
		acc = append(acc, e, &sqlparser.ComparisonExpr{Operator: sqlparser.GreaterEqualOp, Left: l[0], Right: r[0]})
		return acc
	}
	return append(acc, e)
}
