package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// Row constructors compared: (a, b) = (1, 2), <>, <, <=, >, >=, and (a, b) [NOT] IN ((1, 2),
// ...). As BETWEEN, each is rewritten into comparisons of the elements, with PostgreSQL's
// meaning: = is the AND of the pairs' equalities, <> the OR of their inequalities, and an
// ordering compares pairs left to right up to the first unequal or NULL pair, which decides
// (NULL when it holds a NULL). a < x OR (a = x AND rest) gives exactly that: when a or x is
// NULL both its terms are NULL and rest cannot make the OR true.

// rowFunc is ROW(x) and ROW() as the dialect pass writes them (vitess reads ROW(x) as x).
const rowFunc = "drove_row"

// compileRowComparison compiles l op right when l is a row and right a row or a subquery;
// ok is false for anything else (a row against any other value compares two records).
func compileRowComparison(op string, l *ast.Row, right ast.Expr, sc *scope) (x *expr, ok bool, err error) {
	switch r := right.(type) {
	case *ast.Row:
		tree, err := rowCompareTree(op, l.Fields, r.Fields)
		if err != nil {
			return nil, true, err
		}
		x, err := compileAST(tree, sc)
		return x, true, err
	case *ast.SubLink:
		if r.Kind == ast.ExprSubLink {
			x, err := compileRowAgainstSubquery(l.Fields, r.Select, op, sc) // rowsubquery.go
			return x, true, err
		}
	}
	return nil, false, nil
}

// rowCompareTree is the element-wise form of the comparison l op r of two rows.
func rowCompareTree(op string, l, r []ast.Expr) (ast.Expr, error) {
	if len(l) != len(r) {
		return nil, Errorf("42601", "unequal number of entries in row expressions")
	}
	if len(l) == 0 {
		return nil, Errorf("0A000", "cannot compare rows of zero length")
	}
	pair := func(op string, i int) ast.Expr { return &ast.BinaryOp{Op: op, Left: l[i], Right: r[i]} }
	switch op {
	case "=", "<>":
		if len(l) == 1 {
			return pair(op, 0), nil
		}
		out := &ast.BoolOp{Op: ast.And}
		if op == "<>" {
			out.Op = ast.Or
		}
		for i := range l {
			out.Args = append(out.Args, pair(op, i))
		}
		return out, nil
	case "<", "<=", ">", ">=":
		strict := op[:1]
		n := len(l) - 1
		out := pair(op, n)
		for i := n - 1; i >= 0; i-- {
			out = &ast.BoolOp{Op: ast.Or, Args: []ast.Expr{pair(strict, i),
				&ast.BoolOp{Op: ast.And, Args: []ast.Expr{pair("=", i), out}}}}
		}
		return out, nil
	}
	return nil, Errorf("42883", "operator does not exist: record %s record", op)
}

// rowInList is (a, b) [NOT] IN ((1, 2), (3, 4)): the OR of the rows' equalities (negated).
func rowInList(e *ast.In, sc *scope) (*expr, error) {
	var out ast.Expr
	or := &ast.BoolOp{Op: ast.Or}
	for _, item := range e.List {
		or.Args = append(or.Args, &ast.BinaryOp{Op: "=", Left: e.Expr, Right: item})
	}
	out = or
	if len(or.Args) == 1 {
		out = or.Args[0]
	}
	if e.Not {
		out = &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{out}}
	}
	return compileAST(out, sc)
}

// rowConjuncts is how the planner reads a row comparison in WHERE: (a, b) = (x, y) is the
// conjuncts a = x and b = y (so a whole primary key given as a row is a point lookup), and an
// ordering also implies a bound on its first elements, (a, b) > (x, y) implying a >= x, which
// an access can use (keyset pagination: WHERE (k1, k2) > ($1, $2) ORDER BY k1, k2). The
// comparison itself stays a conjunct: every row an access yields passes the whole WHERE.
func rowConjuncts(e ast.Expr, acc []ast.Expr) []ast.Expr {
	c, ok := e.(*ast.BinaryOp)
	if !ok {
		return append(acc, e)
	}
	l, lok := c.Left.(*ast.Row)
	r, rok := c.Right.(*ast.Row)
	if !lok || !rok || len(l.Fields) != len(r.Fields) || len(l.Fields) < 1 {
		return append(acc, e)
	}
	switch c.Op {
	case "=":
		for i := range l.Fields {
			acc = append(acc, &ast.BinaryOp{Op: "=", Left: l.Fields[i], Right: r.Fields[i]})
		}
		return acc
	case "<", "<=":
		return append(acc, e, &ast.BinaryOp{Op: "<=", Left: l.Fields[0], Right: r.Fields[0]})
	case ">", ">=":
		return append(acc, e, &ast.BinaryOp{Op: ">=", Left: l.Fields[0], Right: r.Fields[0]})
	}
	return append(acc, e)
}
