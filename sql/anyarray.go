package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// compileAnyArray compiles x op ANY (array) and x op ALL (array), PostgreSQL's
// ScalarArrayOpExpr: NULL when the array is NULL; otherwise over the array's elements (every
// dimension), ANY is true if some comparison is, else NULL if some is NULL, else false, and
// ALL false if some comparison is, else NULL if some is NULL, else true. An untyped array
// ('{1,2}', $1) is one of x's type, as PostgreSQL infers it (of text when x is untyped too).
// Its inputs all constant, it folds, as PostgreSQL's planner folds it.
func compileAnyArray(e *ast.AnyAll, sc *scope) (*expr, error) {
	holds, ok := comparisonOutcomes[e.Op]
	if !ok {
		return nil, unsupported("operator %s with ANY/ALL", e.Op)
	}
	left, err := compileAST(e.Left, sc)
	if err != nil {
		return nil, err
	}
	arr, err := compileAST(e.Array, sc)
	if err != nil {
		return nil, err
	}
	if arr.unknown || arr.typ == types.Null {
		at := types.TextArray
		if !left.unknown && types.ArrayOf(left.typ) != types.Null {
			at = types.ArrayOf(left.typ)
		}
		if arr.unknown {
			arr, err = castLiteral(arr, at)
		} else {
			arr, err = coerceArg(arr, at)
		}
		if err != nil {
			return nil, err
		}
	}
	if !arr.typ.IsArray() {
		return nil, Errorf("42809", "op ANY/ALL (array) requires array on right side")
	}
	et := arr.typ.Elem()
	if left.unknown {
		if left, err = castLiteral(left, et); err != nil {
			return nil, err
		}
	}
	if !comparable(left.typ, et) {
		return nil, Errorf("42883", "operator does not exist: %s %s %s", left.typ, e.Op, et)
	}
	all := e.All
	trimLeft, trimElem := charTrims(left, &expr{typ: et, bpchar: arr.bpchar, varchar: arr.varchar}) // an array keeps its elements' kind
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		a, err := arr.eval(row)
		if err != nil || a.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		elems, err := arrayElems(a)
		if err != nil {
			return types.Value{}, err
		}
		if trimLeft {
			x = trimChar(x)
		}
		sawNull := false
		for _, y := range elems {
			if x.IsNull() || y.IsNull() {
				sawNull = true
				continue
			}
			if trimElem {
				y = trimChar(y)
			}
			if holds(compare(x, y)) != all {
				return types.NewBool(!all), nil // ANY found a match; ALL found a miss
			}
		}
		if sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(all), nil
	}}, left, arr)
}
