package types

import (
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
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-4 || abs >= 1e15) {
		b := strconv.AppendFloat(dst, f, 'e', -1, bits)
		// PostgreSQL prints at least two exponent digits, as Go does: only the sign differs.
		return b
	}
	return strconv.AppendFloat(dst, f, 'f', -1, bits)
}
