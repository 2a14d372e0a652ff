package sql

import (
	"errors"
	"strings"

	"github.com/drovedb/drove/types"
)

// Arrays and records (types/array.go, types/record.go) exist for the catalog queries clients
// send: pg_index.indkey is an int2vector that psql and pgjdbc subscript, cast to int2[] and
// expand with _pg_expandarray. The dialect pass writes x[i] as drove_subscript(x, i), (r).f as
// drove_field(r, 'f'), ARRAY[a, b] as drove_array_of(a, b), and x op ANY (array) as x op ANY
// (SELECT unnest(array)). The functions here are entries of the registry (funcs_builtin.go).

// dimFunc is array_lower/array_upper/array_length(a, dim): NULL for a dimension the array
// lacks, and an empty array has none.
func dimFunc(f func(lower, n int) int) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		a, dim := c.args[0], c.args[1]
		return fold(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
			null := types.Value{T: types.Int32, Null: true}
			v, err := a.eval(row)
			if err != nil || v.IsNull() {
				return null, err
			}
			d, err := dim.eval(row)
			if err != nil || d.IsNull() || d.I != 1 {
				return null, err
			}
			elems, err := arrayElems(v)
			if err != nil || len(elems) == 0 {
				return null, err
			}
			return types.NewInt(types.Int32, int64(f(v.ArrayLower(), len(elems)))), nil
		}}, a, dim)
	}
}

func arrayLower(lower, n int) int  { return lower }
func arrayUpper(lower, n int) int  { return lower + n - 1 }
func arrayLength(lower, n int) int { return n }

func buildCardinality(c *funcCall) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Int32, Null: true}, err
		}
		elems, err := arrayElems(v)
		return types.NewInt(types.Int32, int64(len(elems))), err
	}}, a)
}

// buildArrayToString is array_to_string(a, delimiter [, null_string]).
func buildArrayToString(c *funcCall) (*expr, error) {
	args := c.args
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		var v [3]types.Value
		for i, x := range args {
			var err error
			if v[i], err = x.eval(row); err != nil {
				return types.Value{}, err
			}
		}
		if v[0].IsNull() || v[1].IsNull() {
			return types.Value{T: types.Text, Null: true}, nil
		}
		elems, err := arrayElems(v[0])
		if err != nil {
			return types.Value{}, err
		}
		var parts []string
		for _, e := range elems {
			switch {
			case !e.IsNull():
				parts = append(parts, e.String())
			case len(args) == 3 && !v[2].IsNull():
				parts = append(parts, v[2].S) // NULL elements print as the third argument
			}
		}
		return types.NewText(strings.Join(parts, v[1].S)), nil
	}}, args...)
}

// buildSubscript is drove_subscript(a, i): a[i].
func buildSubscript(c *funcCall) (*expr, error) {
	if len(c.args) == 3 {
		return buildSlice(c)
	}
	if len(c.args) != 2 {
		return nil, c.arityError()
	}
	a := c.args[0]
	if a.unknown || !a.typ.IsArray() && a.typ != types.Null {
		return nil, Errorf("42804", "cannot subscript type %s because it does not support subscripting", a.typ)
	}
	i, err := subscriptInt(c.args[1])
	if err != nil {
		return nil, err
	}
	et := a.typ.Elem()
	return fold(&expr{typ: et, eval: func(row []types.Value) (types.Value, error) {
		null := types.Value{T: et, Null: true}
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return null, err
		}
		n, err := i.eval(row)
		if err != nil || n.IsNull() {
			return null, err
		}
		elems, err := arrayElems(v)
		if err != nil {
			return null, err
		}
		k := n.I - int64(v.ArrayLower())
		if k < 0 || k >= int64(len(elems)) {
			return null, nil // PostgreSQL: a subscript out of range reads NULL
		}
		return elems[k], nil
	}}, a, i)
}

// buildField is drove_field(r, 'f'): (r).f.
func buildField(c *funcCall) (*expr, error) {
	if len(c.args) != 2 {
		return nil, c.arityError()
	}
	r, field := c.args[0], c.args[1]
	if !field.constant || field.typ != types.Null && !field.unknown {
		return nil, Errorf("42601", "a field name must be a constant")
	}
	if !r.typ.IsRecord() {
		return nil, Errorf("42809", "column notation .%s applied to type %s, which is not a composite type", mustConst(field).S, r.typ)
	}
	var fields []types.Column
	if r.shape != nil { // nil: a record whose fields the plan does not know (through CASE, say)
		fields = r.shape.Fields()
	}
	for k, f := range fields {
		if f.Name != mustConst(field).S {
			continue
		}
		return fold(&expr{typ: f.Type, eval: func(row []types.Value) (types.Value, error) {
			v, err := r.eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: f.Type, Null: true}, err
			}
			fields, err := v.FieldValues()
			if err != nil {
				return types.Value{}, err
			}
			return fields[k], nil
		}}, r)
	}
	return nil, Errorf("42703", "could not identify column %q in record data type", mustConst(field).S)
}

// buildArrayOf is drove_array_of(a, b, ...): ARRAY[a, b, ...].
func buildArrayOf(c *funcCall) (*expr, error) {
	if len(c.args) == 0 { // an ARRAY[] not right under a cast to an array type (compileCastTo)
		return nil, &Error{Code: "42P18", Message: "cannot determine type of empty array",
			Hint: "Explicitly cast to the desired type, for example ARRAY[]::integer[]."}
	}
	xs, et, kind, err := commonTypeKind("ARRAY", c.args, c.sc)
	if err != nil {
		return nil, err
	}
	at := types.ArrayOf(et)
	if at == types.Null {
		return nil, unsupported("arrays of %s", et)
	}
	x, err := fold(&expr{typ: at, eval: func(row []types.Value) (types.Value, error) {
		elems := make([]types.Value, len(xs))
		for i, x := range xs {
			var err error
			if elems[i], err = x.eval(row); err != nil {
				return types.Value{}, err
			}
		}
		return types.NewArray(at, elems), nil
	}}, xs...)
	return kind.set(x), err // the kind of the elements (char(n)[] is bpchar[])
}

// arrayElems returns an array value's elements; a malformed one is 22P02.
func arrayElems(v types.Value) ([]types.Value, error) {
	elems, err := v.Elems()
	if errors.Is(err, types.ErrArrayTooLarge) {
		return nil, Errorf("54000", "%v", err)
	}
	if err != nil {
		return nil, Errorf("22P02", "%v", err)
	}
	return elems, nil
}
