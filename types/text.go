package types

import (
	"bytes"
	"encoding/hex"
	"math"
	"strconv"
	"time"
)

// AppendText appends v in PostgreSQL's text output format (the format of the text wire
// protocol). NULL appends nothing: callers signal NULL out of band.
func (v Value) AppendText(dst []byte) []byte {
	if v.IsNull() {
		return dst
	}
	switch v.T {
	case Int16, Int32, Int64:
		return strconv.AppendInt(dst, v.I, 10)
	case Float32:
		return appendFloat(dst, v.F, 32)
	case Float64:
		return appendFloat(dst, v.F, 64)
	case Bool:
		if v.I != 0 {
			return append(dst, 't')
		}
		return append(dst, 'f')
	case Text:
		return append(dst, v.S...)
	case Timestamp, Date:
		switch v.I {
		case Infinity:
			return append(dst, "infinity"...)
		case NegInfinity:
			return append(dst, "-infinity"...)
		}
		if v.T == Timestamp {
			return appendTime(dst, v.Time(), TimestampLayout)
		}
		return appendTime(dst, time.Unix(v.I*86400, 0).UTC(), DateLayout)
	case UUID:
		return appendUUIDText(dst, v.S)
	case JSONB:
		return appendJSONBText(dst, v.S)
	case Timestamptz:
		return AppendTimestamptz(dst, v.I, time.UTC)
	case Interval:
		return AppendIntervalText(dst, v.Interval())
	case Time:
		return AppendTimeOfDay(dst, v.I)
	case TimeTZ:
		return AppendTimeTZ(dst, v)
	case Bytea:
		dst = append(dst, '\\', 'x')
		return hex.AppendEncode(dst, []byte(v.S))
	}
	if v.T.IsRecord() {
		return v.appendRecordText(dst)
	}
	return append(dst, v.S...) // arrays
}

// appendTime prints t with layout (which starts with the year) as PostgreSQL does: years
// before 1 AD as "0001-01-01 BC" (astronomical year 0 is 1 BC).
func appendTime(dst []byte, t time.Time, layout string) []byte {
	if t.Year() > 0 {
		return t.AppendFormat(dst, layout)
	}
	y := 1 - t.Year()
	for n := len(strconv.Itoa(y)); n < 4; n++ {
		dst = append(dst, '0')
	}
	dst = strconv.AppendInt(dst, int64(y), 10)
	dst = t.AppendFormat(dst, layout[len("2006"):])
	return append(dst, " BC"...)
}

// appendFloat prints like PostgreSQL 15 (extra_float_digits = 1: shortest exact form).
func appendFloat(dst []byte, f float64, bits int) []byte {
	if out, ok := appendFloatSpecial(dst, f); ok {
		return out
	}
	// As PostgreSQL's float8out and float4out (ryu's shortest digits): exponential when the
	// shortest form's decimal exponent is below -4 or at least DBL_DIG (15) for float8,
	// FLT_DIG (6) for float4, so 1234567::float4 is 1.234567e+06 and 0.0001::float4 is 0.0001.
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', -1, bits)
	exp, err := strconv.Atoi(string(dst[bytes.LastIndexByte(dst[start:], 'e')+start+1:]))
	limit := 15
	if bits == 32 {
		limit = 6
	}
	if f == 0 || err == nil && exp >= -4 && exp < limit {
		return strconv.AppendFloat(dst[:start], f, 'f', -1, bits)
	}
	// PostgreSQL prints at least two exponent digits, as Go does: only the sign differs.
	return dst
}

// appendFloatSpecial prints NaN and the infinities as PostgreSQL does, whatever the digits;
// ok is false for a finite f.
func appendFloatSpecial(dst []byte, f float64) (out []byte, ok bool) {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...), true
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...), true
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...), true
	}
	return dst, false
}
