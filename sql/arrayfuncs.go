package sql

import (
	"strconv"

	"github.com/drovedb/drove/types"
)

// The array functions applications call: array_append, array_prepend, array_cat,
// array_position(s), array_remove, array_replace, array_dims, array_ndims, and the
// operators @>, <@ and && over arrays. Arrays are one-dimensional (types/array.go). The
// functions taking anycompatiblearray get their arguments as written (coerceArgs leaves them):
// arrayCallType finds the array type and arrayArgs gives each argument it or its element type.

func arrayFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "array_append", vol: i, procs: []string{"378: anycompatiblearray, anycompatible -> anycompatiblearray"},
			build: concatFunc(true, false)},
		{name: "array_prepend", vol: i, procs: []string{"379: anycompatible, anycompatiblearray -> anycompatiblearray"},
			build: concatFunc(false, true)},
		{name: "array_cat", vol: i, procs: []string{"383: anycompatiblearray, anycompatiblearray -> anycompatiblearray"},
			build: concatFunc(true, true)},
		{name: "array_dims", vol: i, strict: true, procs: []string{"747: anyarray -> text"}, build: buildArrayDims},
		{name: "array_ndims", vol: i, strict: true, procs: []string{"748: anyarray -> int4"}, build: buildArrayNdims},
		{name: "array_remove", vol: i, procs: []string{"3167: anycompatiblearray, anycompatible -> anycompatiblearray"},
			build: buildArrayRemove},
		{name: "array_replace", vol: i, procs: []string{"3168: anycompatiblearray, anycompatible, anycompatible -> anycompatiblearray"},
			build: buildArrayReplace},
		{name: "array_position", vol: i, procs: []string{"3277: anycompatiblearray, anycompatible -> int4",
			"3278: anycompatiblearray, anycompatible, int4 -> int4"}, build: buildArrayPosition},
		{name: "array_positions", vol: i, procs: []string{"3279: anycompatiblearray, anycompatible -> _int4"},
			build: buildArrayPositions},
	}
}

// arrayCallType is the array type of a call whose arguments at isArr are arrays and the
// others elements: the first typed array's, else the array of the first typed element's
// type, else text[] (all untyped).
func arrayCallType(args []*expr, isArr []bool) (types.Type, error) {
	for k, a := range args {
		if k < len(isArr) && isArr[k] && !a.unknown && a.typ != types.Null {
			if !a.typ.IsArray() {
				return 0, Errorf("42883", "function argument %d is of type %s, not an array", k+1, a.typ)
			}
			return widenCallType(args, isArr, a.typ), nil
		}
	}
	for k, a := range args {
		if k < len(isArr) && !isArr[k] && !a.unknown && a.typ != types.Null {
			if t := types.ArrayOf(a.typ); t != types.Null {
				return t, nil
			}
			return 0, unsupported("arrays of type %s", a.typ)
		}
	}
	return types.TextArray, nil
}

// arrayArgs gives the arguments at isArr the array type t and the others its element type.
func arrayArgs(args []*expr, isArr []bool, t types.Type) ([]*expr, error) {
	out := make([]*expr, len(args))
	for k, a := range args {
		want := t.Elem()
		if k < len(isArr) && isArr[k] {
			want = t
		} else if k >= len(isArr) {
			out[k] = a
			continue
		}
		var err error
		switch {
		case a.unknown && want.IsArray():
			out[k] = asArray(a, want)
		case a.typ == want:
			out[k] = a
		case want.IsArray() && a.typ.IsArray(), a.typ == types.Null, a.unknown, familyOf(a.typ) == familyOf(want):
			out[k], err = coerceArg(a, want)
		default:
			return nil, Errorf("42883", "function argument of type %s does not match %s", a.typ, want)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// arrayCall is arrayCallType and arrayArgs for c.
func arrayCall(c *funcCall, isArr ...bool) (types.Type, []*expr, error) {
	t, err := arrayCallType(c.args, isArr)
	if err != nil {
		return 0, nil, err
	}
	args, err := arrayArgs(c.args, isArr, t)
	return t, args, err
}

func concatFunc(aArr, bArr bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		t, args, err := arrayCall(c, aArr, bArr)
		if err != nil {
			return nil, err
		}
		return fold(arrayConcat(t, args[0], args[1], aArr, bArr), args...)
	}
}

// notDistinct is IS NOT DISTINCT FROM for two elements: how array_position, array_remove and
// array_replace match.
func notDistinct(a, b types.Value) bool {
	if a.IsNull() || b.IsNull() {
		return a.IsNull() && b.IsNull()
	}
	return compare(a, b) == 0
}

// evalArgs evaluates args on row.
func evalArgs(args []*expr, row []types.Value) ([]types.Value, error) {
	vals := make([]types.Value, len(args))
	for k, a := range args {
		var err error
		if vals[k], err = a.eval(row); err != nil {
			return nil, err
		}
	}
	return vals, nil
}

// arrayMap builds a function of an array (its first argument, NULL giving NULL) and other
// arguments, f computing the result from the array's elements.
func arrayMap(rt types.Type, args []*expr, f func(elems, vals []types.Value) (types.Value, error)) (*expr, error) {
	return fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		vals, err := evalArgs(args, row)
		if err != nil || vals[0].IsNull() {
			return types.Value{T: rt, Null: true}, err
		}
		elems, err := arrayElems(vals[0])
		if err != nil {
			return types.Value{}, err
		}
		return f(elems, vals)
	}}, args...)
}

func buildArrayRemove(c *funcCall) (*expr, error) {
	t, args, err := arrayCall(c, true, false)
	if err != nil {
		return nil, err
	}
	return arrayMap(t, args, func(elems, vals []types.Value) (types.Value, error) {
		out := elems[:0]
		for _, e := range elems {
			if !notDistinct(e, vals[1]) {
				out = append(out, e)
			}
		}
		return types.NewArrayAt(t, vals[0].ArrayLower(), out), nil
	})
}

func buildArrayReplace(c *funcCall) (*expr, error) {
	t, args, err := arrayCall(c, true, false, false)
	if err != nil {
		return nil, err
	}
	return arrayMap(t, args, func(elems, vals []types.Value) (types.Value, error) {
		for k, e := range elems {
			if notDistinct(e, vals[1]) {
				elems[k] = vals[2]
			}
		}
		return types.NewArrayAt(t, vals[0].ArrayLower(), elems), nil
	})
}

func buildArrayPosition(c *funcCall) (*expr, error) {
	_, args, err := arrayCall(c, true, false)
	if err != nil {
		return nil, err
	}
	if len(args) == 3 {
		if args[2], err = coerceArg(args[2], types.Int32); err != nil {
			return nil, err
		}
	}
	return arrayMap(types.Int32, args, func(elems, vals []types.Value) (types.Value, error) {
		lb, from := vals[0].ArrayLower(), 0
		if len(vals) == 3 {
			if vals[2].IsNull() {
				return types.Value{}, Errorf("22004", "initial position must not be null")
			}
			from = max(int(vals[2].I)-lb, 0)
		}
		for k := from; k < len(elems); k++ {
			if notDistinct(elems[k], vals[1]) {
				return types.NewInt(types.Int32, int64(k+lb)), nil
			}
		}
		return types.Value{T: types.Int32, Null: true}, nil
	})
}

func buildArrayPositions(c *funcCall) (*expr, error) {
	_, args, err := arrayCall(c, true, false)
	if err != nil {
		return nil, err
	}
	return arrayMap(types.Int32Array, args, func(elems, vals []types.Value) (types.Value, error) {
		lb, out := vals[0].ArrayLower(), []types.Value{}
		for k, e := range elems {
			if notDistinct(e, vals[1]) {
				out = append(out, types.NewInt(types.Int32, int64(k+lb)))
			}
		}
		return types.NewArray(types.Int32Array, out), nil
	})
}

// buildArrayDims is array_dims: "[1:3]"; NULL for an empty array, which has no dimensions.
func buildArrayDims(c *funcCall) (*expr, error) {
	return arrayMap(types.Text, c.args, func(elems, vals []types.Value) (types.Value, error) {
		if len(elems) == 0 {
			return types.Value{T: types.Text, Null: true}, nil
		}
		lb := vals[0].ArrayLower()
		return types.NewText("[" + strconv.Itoa(lb) + ":" + strconv.Itoa(lb+len(elems)-1) + "]"), nil
	})
}

// buildArrayNdims is array_ndims: 1, or NULL for an empty array.
func buildArrayNdims(c *funcCall) (*expr, error) {
	return arrayMap(types.Int32, c.args, func(elems, _ []types.Value) (types.Value, error) {
		if len(elems) == 0 {
			return types.Value{T: types.Int32, Null: true}, nil
		}
		return types.NewInt(types.Int32, 1), nil
	})
}

// implArrayContains is @>, <@ and && over two arrays of one type: containment and overlap
// compare elements with =, so a NULL element matches nothing.
func implArrayContains(o *opDef, a, b *expr, _ *scope) (*expr, error) {
	name := o.name
	args, err := arrayOperands(name, a, b)
	if err != nil {
		return nil, err
	}
	// <@ swaps the values, not the operands, so the left operand is computed first.
	return strict2(types.Bool, args[0], args[1], func(x, y types.Value) (types.Value, error) {
		if name == "<@" {
			x, y = y, x
		}
		xs, err := arrayElems(x)
		if err != nil {
			return types.Value{}, err
		}
		ys, err := arrayElems(y)
		if err != nil {
			return types.Value{}, err
		}
		if name == "&&" {
			for _, e := range ys {
				if containsElem(xs, e) {
					return types.NewBool(true), nil
				}
			}
			return types.NewBool(false), nil
		}
		for _, e := range ys {
			if !containsElem(xs, e) {
				return types.NewBool(false), nil
			}
		}
		return types.NewBool(true), nil
	})
}

// arrayOperands types the two operands of array operator op alike: an untyped one takes
// the other's type; two typed ones must have the same element family.
func arrayOperands(op string, a, b *expr) ([]*expr, error) {
	isArr := []bool{true, true}
	args := []*expr{a, b}
	t, err := arrayCallType(args, isArr)
	if err != nil {
		return nil, err
	}
	if !a.unknown && !b.unknown && a.typ != b.typ && a.typ != types.Null && b.typ != types.Null &&
		familyOf(a.typ.Elem()) != familyOf(b.typ.Elem()) {
		return nil, Errorf("42883", "operator does not exist: %s %s %s", a.typ, op, b.typ)
	}
	return arrayArgs(args, isArr, t)
}

// containsElem reports whether some element of xs equals e (a NULL equals nothing).
func containsElem(xs []types.Value, e types.Value) bool {
	if e.IsNull() {
		return false
	}
	for _, x := range xs {
		if !x.IsNull() && compare(x, e) == 0 {
			return true
		}
	}
	return false
}
