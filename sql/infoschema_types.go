package sql

import "github.com/drovedb/drove/types"

// typeInfo is information_schema.columns' character_octet_length, numeric_precision,
// numeric_precision_radix, numeric_scale and datetime_precision of column c, as
// PostgreSQL's _pg_char_octet_length, _pg_numeric_precision, _pg_numeric_precision_radix,
// _pg_numeric_scale and _pg_datetime_precision compute them (UTF8: 4 bytes a character).
func typeInfo(c types.Column) []types.Value {
	null := types.Value{T: types.Int32, Null: true}
	num := func(n int) types.Value { return types.NewInt(types.Int32, int64(n)) }
	octets, prec, radix, scale, dt := null, null, null, null, null
	switch c.Type {
	case types.Text:
		octets = num(1073741824)
		if c.Length > 0 {
			octets = num(c.Length * 4)
		}
	case types.Int16:
		prec, radix, scale = num(16), num(2), num(0)
	case types.Int32:
		prec, radix, scale = num(32), num(2), num(0)
	case types.Int64:
		prec, radix, scale = num(64), num(2), num(0)
	case types.Float32, types.Float64:
		prec, radix = num(24), num(2)
		if c.Type == types.Float64 {
			prec = num(53)
		}
	case types.Numeric:
		radix = num(10)
		if p, s, ok := types.NumericPrecisionScale(c.Length); ok {
			prec, scale = num(p), num(s)
		}
	case types.Date:
		dt = num(0)
	case types.Time, types.TimeTZ, types.Timestamp, types.Timestamptz, types.Interval:
		dt = num(6)
		if p, ok := c.Precision(); ok {
			dt = num(p)
		}
	}
	return []types.Value{octets, prec, radix, scale, dt}
}
