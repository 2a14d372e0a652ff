package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A row against ANY/ALL (SELECT x, y ...), as PostgreSQL 15: = ANY is IN and <> ALL is NOT
// IN (hashed, rowin.go); any other operator compares the row with each of the subquery's
// rows element-wise (rowcompare.go), ANY true when one comparison is, else NULL when one is
// NULL, else false (an empty subquery: false), ALL false when one is, else NULL when one is
// NULL, else true (empty: true). The subquery's columns must be as many as the row's (42601).

// compileRowQuantified compiles left op ANY/ALL (q); in is left IN (q).
func compileRowQuantified(op string, all, in bool, left []ast.Expr, q *ast.Select, sc *scope) (*expr, error) {
	switch {
	case in || op == "=" && !all:
		return compileRowInSubquery(left, q, false, sc)
	case op == "<>" && all:
		return compileRowInSubquery(left, q, true, sc)
	}
	if _, ok := comparisonOutcomes[op]; !ok {
		return nil, unsupported("operator %s with ANY/ALL", op)
	}
	sp, err := compileRowSubquery(len(left), q, sc)
	if err != nil {
		return nil, err
	}
	cmp, err := compileRowAgainstFields(left, sp, op, sc)
	if err != nil {
		return nil, err
	}
	site := new(subqSite)
	run := func(row []types.Value) ([][]types.Value, error) {
		it, ec, err := sp.open(row)
		if err != nil {
			return nil, err
		}
		var rows [][]types.Value
		for {
			y, err := ec.pull(it)
			if err != nil || y == nil {
				return rows, err
			}
			if err := ec.mem.grow(rowBytes(y)); err != nil {
				return nil, err
			}
			rows = append(rows, append([]types.Value(nil), y...))
		}
	}
	return &expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		rows, err := subqOnce(sp, site, row, run) // once per execution when not correlated
		if err != nil {
			return types.Value{}, err
		}
		p := withFields(row, len(sp.cols))
		defer putFields(p)
		fields := (*p)[len(row):]
		sawNull := false
		for _, y := range rows {
			copy(fields, y)
			v, err := cmp.eval(*p)
			if err != nil {
				return types.Value{}, err
			}
			switch {
			case v.IsNull():
				sawNull = true
			case v.Bool() != all: // ANY found a true one, ALL a false one
				return v, nil
			}
		}
		if sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(all), nil
	}}, nil
}
