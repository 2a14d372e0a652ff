package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// compileOperatorAnyAll compiles x op ANY|ALL (array) for an operator that is not a
// comparison (a regex match, @>, ...): the operator is compiled once over x and a stand-in
// for the element, which the loop sets to each element in turn. As in PostgreSQL, the
// operator must yield boolean (42809), a NULL array is NULL, an empty one false for ANY and
// true for ALL, and a NULL outcome makes the result NULL unless one settles it.
func compileOperatorAnyAll(e *ast.AnyAll, sc *scope) (*expr, error) {
	left, arr, elemType, err := compileAnyAllTyped(e, sc)
	if err != nil {
		return nil, err
	}
	var cur types.Value
	elem := &expr{typ: elemType, bpchar: arr.bpchar, varchar: arr.varchar, eval: func([]types.Value) (types.Value, error) { return cur, nil }}
	var op *expr
	if regexOperators[e.Op] {
		op, err = compileRegex(e.Op, left, elem, sc)
	} else {
		op, err = applyOperator(e.Op, left, elem, sc)
	}
	if err != nil {
		return nil, err
	}
	if op.typ != types.Bool {
		return nil, Errorf("42809", "op ANY/ALL (array) requires operator to yield boolean")
	}
	all := e.All
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		av, err := arr.eval(row)
		if err != nil || av.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		elems, err := arrayElems(av)
		if err != nil {
			return types.Value{}, err
		}
		sawNull := false
		for _, y := range elems {
			cur = y
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
	}}, left, arr)
}
