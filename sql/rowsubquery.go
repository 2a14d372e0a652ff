package sql

import (
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A row compared with a subquery, (a, b) op (SELECT x, y ...), as PostgreSQL 15: the subquery
// yields at most one row (more is 21000), none making every field NULL, and its columns must
// be as many as the row's (42601). The comparison is the element-wise one of two rows
// (rowcompare.go) with the subquery's fields standing for the right-hand row: each field is
// an expr reading the row the subquery returned, which the comparison loads first. The
// fields are put into the comparison's tree as placeholder calls the scope maps to them
// (scope.pre), so the pairs are typed and compared as any other.

// rowFieldFunc names a placeholder of a subquery's field in a row comparison's tree.
const rowFieldFunc = "drove_row_field"

func compileRowAgainstSubquery(left []ast.Expr, q *ast.Select, op string, sc *scope) (*expr, error) {
	sp, err := compileRowSubquery(len(left), q, sc)
	if err != nil {
		return nil, err
	}
	x, err := compileRowAgainstFields(left, sp, op, sc)
	if err != nil {
		return nil, err
	}
	n, site := len(sp.cols), new(subqSite)
	run := func(row []types.Value) ([]types.Value, error) { // an uncorrelated subquery's row
		vals := make([]types.Value, n)
		return vals, sp.loadRow(row, vals)
	}
	return &expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		p := withFields(row, n)
		defer putFields(p)
		fields := (*p)[len(row):]
		// A correlated subquery's row is loaded into the fields; an uncorrelated one runs
		// once per execution of the statement, as PostgreSQL's InitPlan, so every row reads
		// the same values (one nextval() for UPDATE t SET (a, b) = (SELECT nextval('s'), 0)).
		if sp.correlated {
			if err := sp.loadRow(row, fields); err != nil {
				return types.Value{}, err
			}
		} else {
			vals, err := subqOnce(sp, site, row, run)
			if err != nil {
				return types.Value{}, err
			}
			copy(fields, vals)
		}
		return x.eval(*p)
	}}, nil
}

// loadRow runs the subquery for the outer row into vals: its one row, NULLs for none, 21000 for
// more than one.
func (sp *subplan) loadRow(row, vals []types.Value) error {
	it, _, err := sp.open(row)
	if err != nil {
		return err
	}
	first, err := it.next()
	if err != nil {
		return err
	}
	if first == nil {
		for i, c := range sp.cols {
			vals[i] = types.Value{T: c.Type, Null: true}
		}
		return nil
	}
	copy(vals, first)
	if more, err := it.next(); err != nil {
		return err
	} else if more != nil {
		return Errorf("21000", "more than one row returned by a subquery used as an expression")
	}
	return nil
}

// compileRowAgainstFields compiles the element-wise comparison of the row left with a row of
// the subquery's, which the comparison reads from the last columns of its row (fieldArg): the
// caller evaluates it over withFields.
func compileRowAgainstFields(left []ast.Expr, sp *subplan, op string, sc *scope) (*expr, error) {
	right := make([]ast.Expr, len(left))
	if sc.pre == nil {
		sc.pre = make(map[ast.Expr]*expr)
	}
	for i, c := range sp.cols {
		f := &ast.FuncCall{Name: []string{rowFieldFunc}, Args: []ast.Expr{&ast.Literal{Type: ast.LitInteger, Val: strconv.Itoa(i + 1)}}}
		right[i] = f
		sc.pre[f] = fieldArg(i, len(sp.cols), c)
		defer delete(sc.pre, f)
	}
	cmp, err := rowCompareTree(op, left, right)
	if err != nil {
		return nil, err
	}
	return compileAST(cmp, sc)
}

// compileRowValue compiles ROW(a, b, ...) (or (a, b, ...)) as a value: an anonymous record,
// whose fields are f1, f2, ... as PostgreSQL names them.
func compileRowValue(t []ast.Expr, sc *scope) (*expr, error) {
	xs, err := compileRowFields(t, sc)
	if err != nil {
		return nil, err
	}
	fields := make([]types.Column, len(xs))
	for i, x := range xs {
		switch {
		case x.typ == types.Null: // a NULL field: text, as PostgreSQL resolves unknown
			x = constExpr(types.Value{T: types.Text, Null: true}, false)
		case x.unknown:
			if x, err = castLiteral(x, types.Text); err != nil {
				return nil, err
			}
		}
		xs[i] = x
		fields[i] = types.Column{Name: "f" + strconv.Itoa(i+1), Type: x.typ}
	}
	shape := types.NewShape(fields)
	return &expr{typ: types.Record, shape: shape, eval: func(row []types.Value) (types.Value, error) {
		var buf [8]types.Value // the fields, on the stack for a short row (goroutine-safe)
		vals := buf[:0]
		for _, x := range xs {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals = append(vals, v)
		}
		return shape.Record(vals), nil
	}}, nil
}

// compileRowFields compiles a row constructor's fields; a t.* among them is t's columns, as
// PostgreSQL's transformExpressionList expands it (ROW(t.*, 1)).
func compileRowFields(t []ast.Expr, sc *scope) ([]*expr, error) {
	xs := make([]*expr, 0, len(t))
	for _, e := range t {
		if c, ok := e.(*ast.ColumnRef); ok && c.Star && len(c.Names) > 0 {
			projs, err := starProjections(c, sc)
			if err != nil {
				return nil, err
			}
			for _, p := range projs {
				xs = append(xs, p.x)
			}
			continue
		}
		x, err := compileAST(e, sc)
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
	}
	return xs, nil
}
