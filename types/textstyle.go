package types

import (
	"strconv"
	"strings"
	"time"
)

// TextStyle is what a session's output settings change in the text form of a value, beside
// the zone: extra_float_digits at or below 0, bytea_output = 'escape', IntervalStyle and DateStyle. Its zero value is
// PostgreSQL's default (shortest exact floats, hex bytea), which AppendText prints.
type TextStyle struct {
	// FewerFloatDigits is 1 - extra_float_digits when that is at or below 0: floats print
	// with 15 (float8) or 6 (float4) significant digits, less extra_float_digits' magnitude.
	// 0: extra_float_digits above 0, the shortest exact form.
	FewerFloatDigits int
	ByteaEscape      bool  // bytea_output = 'escape'
	Interval         uint8 // IntervalStyle: IntervalPostgres, ...
	Date             uint8 // DateStyle's output style: DateISO, DateSQL, ...
	DMY              bool  // DateStyle's field order is DMY: SQL and Postgres print the day first
	YMD              bool  // DateStyle's field order is YMD: only input reads it (prints as MDY)
}

// Order is the DateStyle field order numeric date input is read in.
func (st TextStyle) Order() DateOrder {
	switch {
	case st.DMY:
		return DateOrderDMY
	case st.YMD:
		return DateOrderYMD
	}
	return DateOrderMDY
}

// Plain reports whether st prints every value as AppendText does.
func (st TextStyle) Plain() bool { return st == TextStyle{} }

// NewTextStyle is the TextStyle of extra_float_digits', bytea_output's, IntervalStyle's and
// DateStyle's values (an IntervalStyle not in IntervalStyles is postgres; DateStyle is
// canonical, "SQL, DMY").
func NewTextStyle(extraFloatDigits int, byteaOutput, intervalStyle, dateStyle string) TextStyle {
	style, order, _ := strings.Cut(dateStyle, ", ")
	st := TextStyle{ByteaEscape: byteaOutput == "escape", Interval: IntervalStyles[intervalStyle],
		Date: DateStyles[style], DMY: order == "DMY", YMD: order == "YMD"}
	if extraFloatDigits <= 0 {
		st.FewerFloatDigits = 1 - extraFloatDigits
	}
	return st
}

// AppendTextStyled appends v's text form under st: floats and bytea by st, the rest (and
// every value under the plain style) as AppendText.
func AppendTextStyled(dst []byte, v Value, st TextStyle) []byte {
	switch {
	case v.IsNull():
		return dst
	case v.T == Float64 && st.FewerFloatDigits > 0:
		return appendFloatDigits(dst, v.F, 64, 15+1-st.FewerFloatDigits)
	case v.T == Float32 && st.FewerFloatDigits > 0:
		return appendFloatDigits(dst, v.F, 32, 6+1-st.FewerFloatDigits)
	case v.T == Bytea && st.ByteaEscape:
		return appendByteaEscape(dst, v.S)
	case v.T == Interval && st.Interval != IntervalPostgres:
		return AppendIntervalStyled(dst, v.Interval(), st.Interval)
	case !st.datePlain() && isDateText(v.T):
		return AppendTextStyledIn(dst, v, st, time.UTC)
	}
	return v.AppendText(dst)
}

// appendFloatDigits prints f as PostgreSQL's float8out and float4out do when
// extra_float_digits is at or below 0: C's %.*g with digits significant digits (at least 1).
// Go's 'g' format is C's, trailing zeros dropped and the exponent of at least two digits.
func appendFloatDigits(dst []byte, f float64, bits, digits int) []byte {
	if out, ok := appendFloatSpecial(dst, f); ok {
		return out
	}
	if digits < 1 {
		digits = 1
	}
	return strconv.AppendFloat(dst, f, 'g', digits, bits)
}

// appendByteaEscape prints b as byteaout does under bytea_output = 'escape': a backslash
// doubled, bytes outside printable ASCII as a backslash and three octal digits, the rest as
// they are.
func appendByteaEscape(dst []byte, b string) []byte {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\':
			dst = append(dst, '\\', '\\')
		case c < 0x20 || c > 0x7e:
			dst = append(dst, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
