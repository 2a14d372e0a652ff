package sql

import (
	"math"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Assignment into an array column's element or slice, UPDATE's (and ON CONFLICT DO UPDATE's)
// SET c[i] = v and SET c[i:j] = arr, as PostgreSQL's array_set_element and array_set_slice
// for one dimension: a NULL array is an empty one, assigning before the first or past the
// last element extends the array, padding with NULLs (c[0] = v makes {1,2} [0:2]={v,1,2}; c[3]
// = v into an empty array [3:3]={v}).

// subscriptAssign is the new value of column c when sub of base (the column's value before:
// the old row's, or an earlier assignment's to another element) is assigned value.
func subscriptAssign(base *expr, sub *ast.Subscript, value *expr, c *types.Column, sc *scope) (*expr, error) {
	if !c.Type.IsArray() || c.Type == types.Int2Vector {
		return nil, Errorf("42804", "cannot subscript type %s because it does not support subscripting", c.Type)
	}
	lo, err := assignSubscript(sub.Index, sc)
	if err != nil {
		return nil, err
	}
	slice := sub.Upper != nil
	target := *c // the element's type for c[i], the array's for a slice
	target.NotNull, target.Generated = false, ""
	var hi *expr
	if slice {
		if hi, err = assignSubscript(sub.Upper, sc); err != nil {
			return nil, err
		}
	} else {
		target.Type = c.Type.Elem() // varchar(n)[]'s Length is its elements'
	}
	if value.param > 0 && value.unknown {
		value = value.setParamType(target.Type)
	}
	if value.typ == types.Text && !value.unknown && target.Type != types.Text {
		// PostgreSQL's transformAssignmentIndirection finds no assignment cast from text
		return nil, &Error{Code: "42804", Message: "subscripted assignment to \"" + c.Name + "\" requires type " +
			target.TypeName() + " but expression is of type text", Hint: "You will need to rewrite or cast the expression."}
	}
	if err := checkConstAssign(value, &target); err != nil {
		return nil, err
	}
	omitLo, omitHi := isNumber(sub.Index, sliceOmittedLower), isNumber(sub.Upper, sliceOmittedUpper)
	ps, t := sc.params, c.Type
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		old, err := base.eval(row)
		if err != nil {
			return old, err
		}
		var elems []types.Value
		if !old.IsNull() {
			if elems, err = old.Elems(); err != nil {
				return old, err
			}
		}
		lower := old.ArrayLower()
		first, last, err := assignBounds(lo, hi, row, lower, len(elems), omitLo, omitHi)
		if err != nil {
			return old, err
		}
		v, err := value.eval(row)
		if err != nil {
			return old, err
		}
		if v, err = assignExpr(v, value, &target, ps); err != nil {
			return old, err
		}
		src := []types.Value{v}
		if slice {
			if v.IsNull() { // PostgreSQL leaves the array as it was
				return old, nil
			}
			if src, err = v.Elems(); err != nil {
				return old, err
			}
		}
		return arraySet(t, elems, lower, first, last, src)
	}}, nil
}

// assignSubscript compiles a subscript of an assignment: an integer.
func assignSubscript(e ast.Expr, sc *scope) (*expr, error) {
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	return subscriptInt(x)
}

// subscriptInt makes a subscript an integer as PostgreSQL's transformContainerSubscripts
// does, by assignment coercion to int4: an untyped literal is read as one ('2'; 'x' is
// 22P02), a bigint is range-checked (22003), numeric and floats are rounded (b[1.5] is b[2]);
// any other type is 42804.
func subscriptInt(x *expr) (*expr, error) {
	switch {
	case x.unknown:
		return castLiteral(x, types.Int32)
	case x.typ == types.Int32 || x.typ == types.Int16 || x.typ == types.Null:
		return x, nil
	case x.typ != types.Int64 && x.typ != types.Numeric && !x.typ.IsFloat():
		return nil, Errorf("42804", "array subscript must have type integer")
	}
	int4 := &types.Column{Type: types.Int32}
	return fold(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Int32, Null: true}, err
		}
		r, _, err := assignNumber(v, x.typ, int4)
		return r, err
	}}, x)
}

// isNumber reports whether e is the number literal n (a slice's omitted bound).
func isNumber(e ast.Expr, n string) bool {
	l, ok := e.(*ast.Literal)
	return ok && l.Val == n
}

// assignBounds evaluates the subscripts, first to last, of an array of n elements from
// lower; hi is nil for one element.
func assignBounds(lo, hi *expr, row []types.Value, lower, n int, omitLo, omitHi bool) (int64, int64, error) {
	l, err := lo.eval(row)
	if err != nil {
		return 0, 0, err
	}
	if hi == nil {
		if l.IsNull() {
			return 0, 0, Errorf("22004", "array subscript in assignment must not be null")
		}
		return l.I, l.I, nil
	}
	h, err := hi.eval(row)
	if err != nil {
		return 0, 0, err
	}
	if n == 0 && (omitLo || omitHi) {
		return 0, 0, Errorf("2202E", "array slice subscript must provide both boundaries")
	}
	if l.IsNull() || h.IsNull() {
		return 0, 0, Errorf("22004", "array subscript in assignment must not be null")
	}
	first, last := l.I, h.I
	if omitLo {
		first = int64(lower)
	}
	if omitHi {
		last = int64(lower + n - 1)
	}
	if last < first {
		return 0, 0, Errorf("2202E", "upper bound cannot be less than lower bound")
	}
	return first, last, nil
}

// arraySet is elems (subscripts from lower) with src written from first to last, the array
// extended to take them and padded with NULLs between.
func arraySet(t types.Type, elems []types.Value, lower int, first, last int64, src []types.Value) (types.Value, error) {
	if int64(len(src)) < last-first+1 {
		return types.Value{}, Errorf("2202E", "source array too small")
	}
	lo, hi := first, last
	if len(elems) == 0 {
		lower = int(first) // an empty array has no bounds: it takes the assignment's
	}
	lo, hi = min(lo, int64(lower)), max(hi, int64(lower+len(elems)-1))
	if err := arrayBoundsCheck(lo, hi-lo+1); err != nil {
		return types.Value{}, err
	}
	out := make([]types.Value, hi-lo+1)
	for k := range out {
		out[k] = types.NullValue
	}
	copy(out[int64(lower)-lo:], elems)
	copy(out[first-lo:last-lo+1], src)
	return types.NewArrayAt(t, int(lo), out), nil
}

// arrayBoundsCheck refuses an array of n elements from lower that PostgreSQL's
// ArrayGetNItems or ArrayCheckBounds would (54000).
func arrayBoundsCheck(lower, n int64) error {
	if n > int64(types.MaxArrayElems) {
		return Errorf("54000", "%v", types.ErrArrayTooLarge)
	}
	if lower+n > math.MaxInt32+1 {
		return Errorf("54000", "array lower bound is too large: %d", lower)
	}
	return nil
}
