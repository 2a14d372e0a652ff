package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// oidCast is x::oid. drove's oid is an int8 holding PostgreSQL's unsigned 32-bit value, so it
// compares and sorts as PostgreSQL's: smallint and integer convert as their bits (-1 is
// 4294967295, PostgreSQL's int4-to-oid cast is binary), a bigint must be in 0..4294967295,
// and text reads -2147483648..4294967295 as oidin does, a negative value wrapping. ok is
// false for what the general cast handles (parameters, other types).
func oidCast(x *expr) (*expr, bool, error) {
	if x.param > 0 || !(x.typ == types.Text || x.typ.IsInteger() || x.typ == types.Null) {
		return nil, false, nil
	}
	from := x.typ
	y := &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Int64, Null: true}, err
		}
		switch from {
		case types.Text:
			return oidIn(v.S)
		case types.Int16, types.Int32:
			return types.NewInt(types.Int64, int64(uint32(int32(v.I)))), nil
		}
		if v.I < 0 || v.I > 1<<32-1 {
			return types.Value{}, Errorf("22003", "OID out of range")
		}
		return types.NewInt(types.Int64, v.I), nil
	}}
	y, err := fold(y, x)
	return y, true, err
}

// oidIn reads an oid's text as PostgreSQL's oidin.
func oidIn(s string) (types.Value, error) {
	t := strings.TrimSpace(s)
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil && (t == "" || err.(*strconv.NumError).Err != strconv.ErrRange) {
		return types.Value{}, Errorf("22P02", "invalid input syntax for type oid: %q", s)
	}
	if err != nil || n < -1<<31 || n > 1<<32-1 {
		return types.Value{}, Errorf("22003", "value %q is out of range for type oid", s)
	}
	return types.NewInt(types.Int64, int64(uint32(n))), nil
}
