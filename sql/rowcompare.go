package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
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
		ordering := op != "=" && op != "<>"
		undo, err := precompileFields(sc, ordering, l.Fields, r.Fields)
		if err != nil {
			return nil, true, err
		}
		defer undo()
		if ordering && len(l.Fields) > 1 {
			x, err := compileRowOrdering(op, l.Fields, r.Fields, sc)
			return x, true, err
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

// compileRowOrdering compiles an ordering comparison of two rows (of two fields or more)
// as PostgreSQL's RowCompareExpr: pair by pair, both fields computed, a NULL in either
// makes it NULL and an unequal pair decides it, the later pairs never computed; and the
// planner simplifies its fields but never the comparison, so it is no constant that
// decides a branch while planning (CASE WHEN (1, 2) < (3, 4) THEN 1 ELSE 1/0 END is 22012).
// Each field is computed once, before its pair is compared (rowOrderingFields): a NULL
// beside a subquery does not fold the pair away, so the subquery still runs (and fails with
// 21000 for two rows, as PostgreSQL's does).
func compileRowOrdering(op string, l, r []ast.Expr, sc *scope) (*expr, error) {
	fields, undo, err := rowOrderingFields(l, r, sc)
	if err != nil {
		return nil, err
	}
	defer undo()
	eqs, decide := make([]*expr, len(l)), make([]*expr, len(l))
	for i := range l {
		if eqs[i], err = compileAST(&ast.BinaryOp{Op: "=", Left: l[i], Right: r[i]}, sc); err != nil {
			return nil, err
		}
		if decide[i], err = compileAST(&ast.BinaryOp{Op: op[:1], Left: l[i], Right: r[i]}, sc); err != nil {
			return nil, err
		}
	}
	orEqual, n := len(op) == 2, len(fields)
	return stable(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		p := withFields(row, n)
		defer putFields(p)
		ext := *p
		for i, eq := range eqs {
			for k := 2 * i; k < 2*i+2; k++ { // the pair's fields, left then right
				v, err := fields[k].eval(row)
				if err != nil {
					return types.Value{}, err
				}
				ext[len(row)+k] = v
			}
			v, err := eq.eval(ext)
			switch {
			case err != nil:
				return types.Value{}, err
			case v.IsNull():
				return types.Value{T: types.Bool, Null: true}, nil
			case !v.Bool():
				return decide[i].eval(ext)
			}
		}
		return types.NewBool(orEqual), nil
	}}, fields...)
}

// rowOrderingFields compiles the fields of two rows compared by an ordering, interleaved
// (l[0], r[0], l[1], ...), and points each (scope.pre, until undo) at a placeholder that
// reads its value from the field columns after the row (withFields), where the comparison
// stores it. A constant field stays itself: the pair's operator types and folds it as any.
func rowOrderingFields(l, r []ast.Expr, sc *scope) (fields []*expr, undo func(), err error) {
	if sc.pre == nil {
		sc.pre = make(map[ast.Expr]*expr)
	}
	type saved struct {
		node ast.Expr
		x    *expr
		had  bool
	}
	var restore []saved
	undo = func() {
		for i := len(restore) - 1; i >= 0; i-- {
			if s := restore[i]; s.had {
				sc.pre[s.node] = s.x
			} else {
				delete(sc.pre, s.node)
			}
		}
	}
	n := 2 * len(l)
	for i := range l {
		for j, f := range []ast.Expr{l[i], r[i]} {
			x, err := compileAST(f, sc)
			if err != nil {
				undo()
				return nil, func() {}, err
			}
			fields = append(fields, x)
			if isConst(x) {
				continue
			}
			ph := *x // the field's type and kind, its value read from the field columns
			k := 2*i + j
			ph.eval = func(row []types.Value) (types.Value, error) { return row[len(row)-n+k], nil }
			ph.pend, ph.conj, ph.paramFold = nil, nil, false
			old, had := sc.pre[f]
			restore = append(restore, saved{f, old, had})
			sc.pre[f] = &ph
		}
	}
	return fields, undo, nil
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

// precompileFields compiles the fields of rows in the order PostgreSQL's parse analysis
// transforms them, every field of the first row, then the next's, before the element-wise
// tree pairs them up: an analysis error in a later field (a literal that does not fit its
// type, 22P02) comes before the operator error of an earlier pair (42883).
//
// With foldAll (an ordering comparison, which PostgreSQL keeps as one RowCompareExpr whose
// arguments it all simplifies) a field's folding error is raised there too, and the tree
// reads the compiled fields (scope.pre) until undo. Otherwise (=, <>, IS DISTINCT FROM, IN:
// an AND or OR of the pairs, which PostgreSQL simplifies left to right until one decides it)
// a field's folding error belongs to the pair that reads it: the fields are only checked,
// as a branch that never runs (compileASTDead), and the tree compiles them again. Rows with
// a subquery in a field are compiled pair by pair only, as the subquery's own folding
// errors are pending where it is bound (subfold.go).
func precompileFields(sc *scope, foldAll bool, rows ...[]ast.Expr) (undo func(), err error) {
	undo = func() {}
	for _, fields := range rows {
		for _, f := range fields {
			if hasSubLink(f) {
				return undo, nil
			}
		}
	}
	if !foldAll {
		cost := sc.cost
		defer func() { sc.cost = cost }()
		for _, fields := range rows {
			for _, f := range fields {
				if _, err := compileASTDead(f, sc); err != nil {
					return undo, err
				}
			}
		}
		return undo, nil
	}
	if sc.pre == nil {
		sc.pre = make(map[ast.Expr]*expr)
	}
	var added []ast.Expr
	undo = func() {
		for _, f := range added {
			delete(sc.pre, f)
		}
	}
	for _, fields := range rows {
		for _, f := range fields {
			if _, ok := sc.pre[f]; ok {
				continue
			}
			x, err := compileAST(f, sc)
			if err != nil {
				undo()
				return func() {}, err
			}
			sc.pre[f] = x
			added = append(added, f)
		}
	}
	return undo, nil
}

// hasSubLink reports whether e holds a subquery.
func hasSubLink(e ast.Expr) bool {
	found := false
	ast.Walk(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.SubLink); ok {
			found = true
		}
		return !found
	})
	return found
}

// rowInList is (a, b) [NOT] IN ((1, 2), (3, 4)): the OR of the rows' equalities (negated).
func rowInList(e *ast.In, sc *scope) (*expr, error) {
	if l, ok := e.Expr.(*ast.Row); ok {
		rows := [][]ast.Expr{l.Fields}
		for _, item := range e.List {
			if r, ok := item.(*ast.Row); ok {
				rows = append(rows, r.Fields)
			}
		}
		undo, err := precompileFields(sc, false, rows...)
		if err != nil {
			return nil, err
		}
		defer undo()
	}
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
