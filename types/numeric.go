package types

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"
)

// Numeric is PostgreSQL's exact decimal. A value keeps its text form in S: the digits after
// the point are its display scale ("1.50" has scale 2), which arithmetic carries the way
// PostgreSQL does, and which the text and binary wire formats both send. NaN and ±Infinity
// are values too, as in PostgreSQL 14 and later.
const Numeric Type = 16

// A numeric column's Length holds its typmod the way PostgreSQL packs it: precision << 16 |
// scale; 0 is an unconstrained numeric.

// NumericTypmod packs numeric(precision, scale) into a column's Length.
func NumericTypmod(precision, scale int) int { return precision<<16 | scale }

// NumericPrecisionScale unpacks a numeric column's Length; ok is false for unconstrained.
func NumericPrecisionScale(length int) (precision, scale int, ok bool) {
	if length == 0 {
		return 0, 0, false
	}
	return length >> 16, length & 0xffff, true
}

// Limits PostgreSQL puts on a numeric's digits before and after the point.
const (
	NumericMaxWeightDigits = 131072
	NumericMaxScale        = 16383
)

// NewNumeric is the value of d. Zero is never negative; d's exponent is its display scale.
func NewNumeric(d *apd.Decimal) Value {
	switch d.Form {
	case apd.NaN, apd.NaNSignaling:
		return Value{T: Numeric, S: "NaN"}
	case apd.Infinite:
		if d.Negative {
			return Value{T: Numeric, S: "-Infinity"}
		}
		return Value{T: Numeric, S: "Infinity"}
	}
	if d.IsZero() && d.Negative {
		var z apd.Decimal
		z.Set(d)
		z.Negative = false
		d = &z
	}
	if d.Exponent > 0 { // 1E+3 is 1000, scale 0
		var c apd.Decimal
		if _, err := apd.BaseContext.WithPrecision(uint32(d.NumDigits())+uint32(d.Exponent)).Quantize(&c, d, 0); err == nil {
			d = &c
		}
	}
	return Value{T: Numeric, S: d.Text('f')}
}

// ErrNumericOverflow is numeric input past the type's range (SQLSTATE 22003).
var ErrNumericOverflow = errors.New("value overflows numeric format")

// ParseNumeric reads numeric_in's input: digits with an optional point and exponent,
// surrounding spaces, NaN and [+-]Infinity (any case).
func ParseNumeric(s string) (Value, error) {
	t := strings.TrimSpace(s)
	switch strings.ToLower(t) {
	case "nan":
		return Value{T: Numeric, S: "NaN"}, nil
	case "infinity", "+infinity", "inf", "+inf":
		return Value{T: Numeric, S: "Infinity"}, nil
	case "-infinity", "-inf":
		return Value{T: Numeric, S: "-Infinity"}, nil
	}
	for i := 0; i < len(t); i++ { // apd also takes forms PostgreSQL does not (NaN payloads, "inf" inside)
		if c := t[i]; !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return Value{}, fmt.Errorf("invalid input syntax for type numeric: %q", s)
		}
	}
	// The exponent is read apart: apd refuses one past 100000, PostgreSQL takes any whose
	// value fits (1e131071) and calls a larger one an overflow, not a syntax error.
	exp, expOverflow := int64(0), false
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		e, err := strconv.ParseInt(t[i+1:], 10, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) || i == 0 {
			return Value{}, fmt.Errorf("invalid input syntax for type numeric: %q", s)
		}
		expOverflow = err != nil || e >= math.MaxInt32/2 || e <= -(math.MaxInt32/2)
		t, exp = t[:i], e
	}
	d, _, err := apd.NewFromString(t)
	if err != nil && len(t) > 100000 {
		// apd refuses more than 100000 digits; a numeric has up to 131072 before the point,
		// and its printed form must read back (COPY TO, then FROM)
		if body := strings.TrimLeft(t, "+-"); len(t)-len(body) <= 1 && !strings.ContainsAny(body, "+-") {
			d, err = bigDecimal(strings.TrimPrefix(t, "+"))
		}
	}
	if err != nil || d.Form != apd.Finite {
		return Value{}, fmt.Errorf("invalid input syntax for type numeric: %q", s)
	}
	if exp += int64(d.Exponent); expOverflow || exp < -NumericMaxScale || exp+d.NumDigits() > NumericMaxWeightDigits {
		return Value{}, ErrNumericOverflow
	}
	d.Exponent = int32(exp)
	return NewNumeric(d), nil
}

// Decimal returns a numeric value as an apd decimal.
func (v Value) Decimal() (*apd.Decimal, error) {
	switch v.S {
	case "NaN":
		return &apd.Decimal{Form: apd.NaN}, nil
	case "Infinity":
		return &apd.Decimal{Form: apd.Infinite}, nil
	case "-Infinity":
		return &apd.Decimal{Form: apd.Infinite, Negative: true}, nil
	}
	d, _, err := apd.NewFromString(v.S)
	if err != nil && len(v.S) > 100000 { // past apd's exponent limit (1e131071 is a numeric)
		return bigDecimal(v.S)
	}
	return d, err
}

// bigDecimal reads a numeric's text form whose digits apd's parser refuses as too many.
func bigDecimal(s string) (*apd.Decimal, error) {
	var d apd.Decimal
	digits, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if _, ok := d.Coeff.SetString(digits+frac, 10); !ok {
		return nil, fmt.Errorf("invalid input syntax for type numeric: %q", s)
	}
	d.Exponent, d.Negative = -int32(len(frac)), strings.HasPrefix(s, "-")
	return &d, nil
}

// NumericScale is the display scale of a numeric value: its digits after the point.
func (v Value) NumericScale() int {
	if i := strings.IndexByte(v.S, '.'); i >= 0 {
		return len(v.S) - i - 1
	}
	return 0
}

// AppendNumericKey appends a form of a numeric value that equal values share whatever their
// scale (1.5 and 1.50): for grouping and hashing, not for ordering.
func AppendNumericKey(dst []byte, v Value) []byte {
	s := v.S
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return append(dst, s...)
}

// Binary format (numeric_send): int16 count of base-10000 digits, int16 weight of the first
// (in powers of 10000), uint16 sign, int16 display scale, then the digits.
const (
	numericPos  = 0x0000
	numericNeg  = 0x4000
	numericNaN  = 0xC000
	numericPInf = 0xD000
	numericNInf = 0xF000
)

// AppendNumericBinary appends v in numeric_send's format.
func AppendNumericBinary(dst []byte, v Value) []byte {
	head := func(ndigits, weight int, sign uint16, dscale int) {
		dst = binary.BigEndian.AppendUint16(dst, uint16(ndigits))
		dst = binary.BigEndian.AppendUint16(dst, uint16(int16(weight)))
		dst = binary.BigEndian.AppendUint16(dst, sign)
		dst = binary.BigEndian.AppendUint16(dst, uint16(dscale))
	}
	switch v.S {
	case "NaN":
		head(0, 0, numericNaN, 0)
		return dst
	case "Infinity":
		head(0, 0, numericPInf, 0)
		return dst
	case "-Infinity":
		head(0, 0, numericNInf, 0)
		return dst
	}
	s, sign := v.S, uint16(numericPos)
	if strings.HasPrefix(s, "-") {
		s, sign = s[1:], numericNeg
	}
	intPart, frac, _ := strings.Cut(s, ".")
	dscale := len(frac)
	// Pad both parts to whole base-10000 digits around the point.
	intPart = strings.TrimLeft(intPart, "0")
	if pad := (4 - len(intPart)%4) % 4; pad > 0 {
		intPart = strings.Repeat("0", pad) + intPart
	}
	if pad := (4 - len(frac)%4) % 4; pad > 0 {
		frac += strings.Repeat("0", pad)
	}
	all := intPart + frac
	weight := len(intPart)/4 - 1
	var digits []uint16
	for i := 0; i < len(all); i += 4 {
		d, _ := strconv.Atoi(all[i : i+4])
		digits = append(digits, uint16(d))
	}
	for len(digits) > 0 && digits[0] == 0 { // leading zero digits carry no information
		digits, weight = digits[1:], weight-1
	}
	for len(digits) > 0 && digits[len(digits)-1] == 0 {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		weight, sign = 0, numericPos
	}
	head(len(digits), weight, sign, dscale)
	for _, d := range digits {
		dst = binary.BigEndian.AppendUint16(dst, d)
	}
	return dst
}

// ParseNumericBinary reads numeric_send's format.
func ParseNumericBinary(b []byte) (Value, error) {
	bad := fmt.Errorf("invalid binary numeric")
	if len(b) < 8 {
		return Value{}, bad
	}
	ndigits := int(binary.BigEndian.Uint16(b))
	weight := int(int16(binary.BigEndian.Uint16(b[2:])))
	sign := binary.BigEndian.Uint16(b[4:])
	dscale := int(binary.BigEndian.Uint16(b[6:]))
	b = b[8:]
	switch sign {
	case numericNaN:
		return Value{T: Numeric, S: "NaN"}, nil
	case numericPInf:
		return Value{T: Numeric, S: "Infinity"}, nil
	case numericNInf:
		return Value{T: Numeric, S: "-Infinity"}, nil
	case numericPos, numericNeg:
	default:
		return Value{}, bad
	}
	if len(b) != 2*ndigits || dscale > NumericMaxScale || ndigits > 0 && (weight+1)*4 > NumericMaxWeightDigits {
		return Value{}, bad
	}
	// Digits as text: weight+1 groups before the point, the rest after.
	var sb strings.Builder
	if sign == numericNeg {
		sb.WriteByte('-')
	}
	for i := 0; i <= weight; i++ {
		d := 0
		if i < ndigits {
			d = int(binary.BigEndian.Uint16(b[2*i:]))
		}
		if d > 9999 {
			return Value{}, bad
		}
		fmt.Fprintf(&sb, "%04d", d)
	}
	if weight < 0 {
		sb.WriteByte('0')
	}
	var frac strings.Builder
	for i := 0; i < -weight-1; i++ {
		frac.WriteString("0000")
	}
	for i := max(weight+1, 0); i < ndigits; i++ {
		d := int(binary.BigEndian.Uint16(b[2*i:]))
		if d > 9999 {
			return Value{}, bad
		}
		fmt.Fprintf(&frac, "%04d", d)
	}
	f := frac.String()
	for len(f) < dscale {
		f += "0"
	}
	text := sb.String()
	if dscale > 0 {
		text += "." + f[:dscale]
	}
	return ParseNumeric(text)
}
