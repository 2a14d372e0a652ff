package sql

import (
	"github.com/drovedb/drove/types"
)

// trim_array and array_fill, and the common element type of anycompatible array arguments
// (int[] || bigint is bigint[], array_append(int[], numeric) numeric[]), as PostgreSQL 15.
// Arrays are one-dimensional (types/array.go): array_fill of several dimensions is 0A000.

func arrayFuncsMore() []builtin {
	const i = 'i'
	return []builtin{
		{name: "trim_array", vol: i, strict: true, procs: []string{"6172: anyarray, int4 -> anyarray"}, build: buildTrimArray},
		{name: "array_fill", vol: i, procs: []string{"1193: anyelement, _int4 -> anyarray",
			"1286: anyelement, _int4, _int4 -> anyarray"}, build: buildArrayFill},
	}
}

func init() { register(arrayFuncsMore()) }

func buildTrimArray(c *funcCall) (*expr, error) {
	t := c.ret
	return arrayMap(t, c.args, func(elems, vals []types.Value) (types.Value, error) {
		if vals[1].IsNull() {
			return types.Value{T: t, Null: true}, nil
		}
		n := vals[1].I
		if n < 0 || n > int64(len(elems)) {
			return types.Value{}, Errorf("2202E", "number of elements to trim must be between 0 and %d", len(elems))
		}
		return types.NewArray(t, elems[:int64(len(elems))-n]), nil
	})
}

func buildArrayFill(c *funcCall) (*expr, error) {
	t, args := c.ret, c.args
	return fold(&expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		vals, err := evalArgs(args, row)
		if err != nil {
			return types.Value{}, err
		}
		dims, err := fillDims(vals[1])
		if err != nil {
			return types.Value{}, err
		}
		lower := int64(1)
		if len(vals) > 2 {
			lbs, err := fillDims(vals[2])
			if err != nil {
				return types.Value{}, err
			}
			if len(lbs) != len(dims) {
				return types.Value{}, Errorf("2202E", "wrong number of array subscripts")
			}
			if len(lbs) == 1 {
				lower = lbs[0]
			}
		}
		switch {
		case len(dims) == 0:
			return types.NewArray(t, nil), nil
		case len(dims) > 1:
			return types.Value{}, unsupported("multi-dimensional arrays")
		case dims[0] < 0 || dims[0] > int64(types.MaxArrayElems): // as every array, so no client makes gigabytes of Values
			return types.Value{}, Errorf("54000", "%v", types.ErrArrayTooLarge)
		}
		if err := arrayBoundsCheck(lower, dims[0]); err != nil {
			return types.Value{}, err
		}
		elems := make([]types.Value, dims[0])
		for k := range elems {
			elems[k] = vals[0]
		}
		return types.NewArrayAt(t, int(lower), elems), nil
	}}, args...)
}

// fillDims reads array_fill's dimensions or lower bounds.
func fillDims(v types.Value) ([]int64, error) {
	if v.IsNull() {
		return nil, Errorf("22004", "dimension array or low bound array cannot be null")
	}
	elems, err := arrayElems(v)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(elems))
	for k, e := range elems {
		if e.IsNull() {
			return nil, Errorf("22004", "dimension values cannot be null")
		}
		out[k] = e.I
	}
	return out, nil
}

// commonElem is the common type of two element types of anycompatible arguments, as
// PostgreSQL's select_common_type finds it: numbers widen, date/timestamp/timestamptz widen;
// ok is false for types of different kinds.
func commonElem(a, b types.Type) (types.Type, bool) {
	switch {
	case a == b:
		return a, true
	case familyOf(a) == famNumeric && familyOf(b) == famNumeric:
		return commonNumeric(a, b), true
	case dateOrTimestamp(a) && dateOrTimestamp(b):
		return widerTime(a, b), true
	}
	return types.Null, false
}

// dateOrTimestamp reports whether t is one of the types widerTime orders.
func dateOrTimestamp(t types.Type) bool {
	return t == types.Date || t == types.Timestamp || t == types.Timestamptz
}

// widenArrayConcat is || of an array and an array or element whose element types differ
// but have a common type: both converted to it. ok is false when they have none.
func widenArrayConcat(a, b *expr) (*expr, bool, error) {
	aArr, bArr := a.typ.IsArray(), b.typ.IsArray()
	ea, eb := a.typ, b.typ
	if aArr {
		ea = ea.Elem()
	}
	if bArr {
		eb = eb.Elem()
	}
	if !aArr && !bArr || a.unknown || b.unknown {
		return nil, false, nil
	}
	e, ok := commonElem(ea, eb)
	t := types.ArrayOf(e)
	if !ok || t == types.Null {
		return nil, false, nil
	}
	conv := func(x *expr, arr bool) (*expr, error) {
		if arr {
			return coerceArg(x, t)
		}
		return coerceArg(x, e)
	}
	a, err := conv(a, aArr)
	if err != nil {
		return nil, true, err
	}
	if b, err = conv(b, bArr); err != nil {
		return nil, true, err
	}
	return arrayConcat(t, a, b, aArr, bArr), true, nil
}

// widenCallType widens t, the first typed array argument's type, by the other typed
// arguments' element types they share a common type with.
func widenCallType(args []*expr, isArr []bool, t types.Type) types.Type {
	e := t.Elem()
	for k, a := range args {
		if k >= len(isArr) || a.unknown || a.typ == types.Null {
			continue
		}
		ae := a.typ
		if isArr[k] {
			if !ae.IsArray() {
				continue
			}
			ae = ae.Elem()
		}
		if w, ok := commonElem(e, ae); ok {
			e = w
		}
	}
	if w := types.ArrayOf(e); w != types.Null {
		return w
	}
	return t
}

// compatibleTypes is the common element type of a call's anycompatible and
// anycompatiblearray arguments (seen false when it has none typed); ok is false when they
// have no common type.
func compatibleTypes(decl []*pgType, in []argIn) (elem types.Type, seen, ok bool) {
	elem = types.Null
	for i, a := range in {
		p := decl[i].poly
		if a.unknown || a.t == types.Null || p != polyCompatible && p != polyCompatibleArray {
			continue
		}
		t := a.t
		if p == polyCompatibleArray {
			if !t.IsArray() {
				return 0, false, false
			}
			t = t.Elem()
		}
		if !seen {
			elem, seen = t, true
			continue
		}
		if elem, ok = commonElem(elem, t); !ok {
			return 0, false, false
		}
	}
	return elem, seen, true
}
