package sql

import (
	"math"

	"github.com/drovedb/drove/types"
)

// Array slices: the dialect pass writes a[i:j] as drove_subscript(a, i, j), an omitted bound
// as the int4 extreme on its side. PostgreSQL clamps a slice's bounds to the array's, so
// a[:j] and a[-2147483648:j] are one slice.
const (
	sliceOmittedLower = "-2147483648"
	sliceOmittedUpper = "2147483647"
)

// sliceColon rewrites the colon of a subscript into the slice's second argument.
func (r *rewriter) sliceColon() error {
	if r.prev.IsPunct("[") {
		r.b.WriteString(sliceOmittedLower) // a[:j]
	}
	r.b.WriteString(", ")
	r.lastWord = ""
	return nil
}

// buildSlice is drove_subscript(a, i, j): a[i:j], the elements from i to j (clamped to the
// array's bounds) as an array of a's type starting at 1; NULL when a bound is NULL.
func buildSlice(c *funcCall) (*expr, error) {
	a := c.args[0]
	if a.unknown || !a.typ.IsArray() && a.typ != types.Null {
		return nil, Errorf("42804", "cannot subscript type %s because it does not support subscripting", a.typ)
	}
	lo, err := subscriptInt(c.args[1])
	if err != nil {
		return nil, err
	}
	hi, err := subscriptInt(c.args[2])
	if err != nil {
		return nil, err
	}
	t := a.typ
	if t == types.Int2Vector {
		t = types.Int16Array // PostgreSQL: a slice of an int2vector is an int2[]
	}
	return arrayMap(t, []*expr{a, lo, hi}, func(elems, vals []types.Value) (types.Value, error) {
		if vals[1].IsNull() || vals[2].IsNull() {
			return types.Value{T: t, Null: true}, nil
		}
		lb := int64(vals[0].ArrayLower())
		from := max(vals[1].I-lb, 0)
		to := min(vals[2].I-lb, int64(len(elems))-1, math.MaxInt32)
		if from > to {
			return types.NewArray(t, nil), nil
		}
		return types.NewArray(t, elems[from:to+1]), nil
	})
}
