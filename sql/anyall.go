package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// x op ANY|SOME|ALL (array) is PostgreSQL's ScalarArrayOpExpr: x compared with each element
// of the array. Both trees hold it as an ast.AnyAll (sql/parser reads it so; the converter
// reads the dialect pass's `x op ANY (SELECT drove_unnest(array))` back into it), and the
// planner takes `pk = ANY (array)` for a key list (keyList).

// compileAnyAll compiles x op ANY|ALL (array) with PostgreSQL's NULL rules: a NULL array is
// NULL whatever x is; an empty one is false for ANY and true for ALL, whatever x is; else
// ANY is true at the first comparison that holds, ALL false at the first that does not, and
// otherwise the result is NULL if a comparison was NULL (x or an element NULL).
func compileAnyAll(e *ast.AnyAll, sc *scope) (*expr, error) {
	if strings.Contains(e.Op, "~~") {
		return compileLikeAnyAll(e, sc) // like_any.go
	}
	if l, ok := e.Left.(*ast.Row); ok { // rowquantified.go, over the array's elements as rows
		q := &ast.Select{Targets: []ast.Target{{Expr: &ast.FuncCall{Name: []string{"drove_unnest"}, Args: []ast.Expr{e.Array}}}}}
		return compileRowQuantified(e.Op, e.All, false, l.Fields, q, sc)
	}
	holds, ok := comparisonOutcomes[e.Op]
	if !ok {
		return compileOperatorAnyAll(e, sc) // anyall_op.go
	}
	left, arr, elemType, err := compileAnyAllTyped(e, sc)
	if err != nil {
		return nil, err
	}
	if !comparable(left.typ, elemType) {
		return nil, Errorf("42883", "operator does not exist: %s %s %s", left.typ, e.Op, elemType)
	}
	trimLeft, trimElem := charTrims(left, &expr{typ: elemType, bpchar: arr.bpchar, varchar: arr.varchar})
	all := e.All
	return foldAcross(left.typ, elemType)(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
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
			if holds(compareAt(x, y, sc.location)) != all {
				return types.NewBool(!all), nil // ANY found a match; ALL found a miss
			}
		}
		if sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(all), nil
	}}, left, arr)
}

// compileAnyAllTyped is compileAnyAllOperands with an untyped x taking the elements' type,
// which it returns (NULL for a NULL array).
func compileAnyAllTyped(e *ast.AnyAll, sc *scope) (left, arr *expr, elemType types.Type, err error) {
	if left, arr, err = compileAnyAllOperands(e, sc); err != nil {
		return nil, nil, types.Null, err
	}
	elemType = types.Null
	if arr.typ != types.Null {
		elemType = arr.typ.Elem()
	}
	if left.unknown {
		if left, err = castLiteral(left, elemType); err != nil {
			return nil, nil, types.Null, err
		}
		left.bpchar, left.varchar = arr.bpchar, arr.varchar // it takes the elements' type
	}
	return left, arr, elemType, nil
}

// compileAnyAllOperands compiles x and the array of x op ANY|ALL (array). An untyped array
// ($1, '{...}') is one of x's type, as PostgreSQL infers it, or text[] when x is untyped too
// ('a' = ANY ('{a,b}')); anything but an array or NULL is 42809.
func compileAnyAllOperands(e *ast.AnyAll, sc *scope) (left, arr *expr, err error) {
	if left, err = compileAST(e.Left, sc); err != nil {
		return nil, nil, err
	}
	if at := types.ArrayOf(left.typ); !left.unknown && at != types.Null && untypedArray(e.Array) {
		// The tree keeps the cast, which EXPLAIN shows as PostgreSQL does ('{x,y}'::text[]).
		e.Array = &ast.Cast{Expr: e.Array, Type: ast.TypeName{Name: at.String()}}
	}
	if arr, err = compileAST(e.Array, sc); err != nil {
		return nil, nil, err
	}
	if arr.unknown {
		if arr, err = castLiteral(arr, types.TextArray); err != nil {
			return nil, nil, err
		}
	}
	if t := arr.typ; !t.IsArray() && t != types.Null {
		return nil, nil, Errorf("42809", "op ANY/ALL (array) requires array on right side")
	}
	return left, arr, nil
}

// untypedArray reports whether a is a parameter or a string constant, whose type x op ANY (a)
// infers from x.
func untypedArray(a ast.Expr) bool {
	switch a := a.(type) {
	case *ast.Param:
		return true
	case *ast.Literal:
		return a.Type == ast.LitString
	}
	return false
}
