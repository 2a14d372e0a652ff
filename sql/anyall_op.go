package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// compileOperatorAnyAll compiles x op ANY|ALL (array) for an operator that is not a
// comparison (a regex match, @>, ...): the operator is compiled once over stand-ins for x and
// the element, which each evaluation passes in a row of its own (argrow.go); x is evaluated
// once, before the array, as PostgreSQL evaluates a ScalarArrayOpExpr's arguments. As in
// PostgreSQL, the operator must yield boolean (42809), a NULL array is NULL, an empty one
// false for ANY and true for ALL, and a NULL outcome makes the result NULL unless one
// settles it.
func compileOperatorAnyAll(e *ast.AnyAll, sc *scope) (*expr, error) {
	left, arr, elemType, err := compileAnyAllTyped(e, sc)
	if err != nil {
		return nil, err
	}
	args := newArgRow(2)
	x := left // a constant reads no row: the operator keeps it (an untyped literal's rules)
	if !left.constant {
		x = args.arg(0, left)
	}
	elem := args.arg(1, &expr{typ: elemType, bpchar: arr.bpchar, varchar: arr.varchar})
	var op *expr
	if regexOperators[e.Op] {
		op, err = compileRegex(e.Op, x, elem, sc)
	} else {
		op, err = applyOperator(e.Op, x, elem, sc)
	}
	if err != nil {
		return nil, err
	}
	if op.typ != types.Bool {
		return nil, Errorf("42809", "op ANY/ALL (array) requires operator to yield boolean")
	}
	all := e.All
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		xv, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		av, err := arr.eval(row)
		if err != nil || av.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		elems, err := arrayElems(av)
		if err != nil {
			return types.Value{}, err
		}
		if len(elems) == 0 {
			return types.NewBool(all), nil
		}
		p := args.get()
		v, err := anyAllOver(op, *p, xv, elems, all)
		args.put(p)
		return v, err
	}}, left, arr)
}

// anyAllOver combines op's outcome over row = (x, element) for each of elems, as
// ScalarArrayOpExpr does: ANY true at the first true, ALL false at the first false, else NULL
// if an outcome was NULL.
func anyAllOver(op *expr, row []types.Value, x types.Value, elems []types.Value, all bool) (types.Value, error) {
	row[0] = x
	sawNull := false
	for _, y := range elems {
		row[1] = y
		v, err := op.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if v.IsNull() {
			sawNull = true
		} else if v.Bool() != all {
			return types.NewBool(!all), nil
		}
	}
	if sawNull {
		return types.Value{T: types.Bool, Null: true}, nil
	}
	return types.NewBool(all), nil
}
