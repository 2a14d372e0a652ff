package sql

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/drovedb/drove/types"
)

// to_char(numeric|int|float, fmt): each type's value as the digit string the picture is
// filled with, as numeric_to_char, int4_to_char, int8_to_char, float4_to_char and
// float8_to_char make it.

func buildNumToChar(c *funcCall) (*expr, error) {
	typ := c.args[0].typ
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		if len(v[1].S) >= (1<<31-1-varHdr)/8 { // NUM_TOCHAR_prepare's answer before it parses
			return textResult(""), nil
		}
		nodes, d, err := parseNumFormat(v[1].S)
		if err != nil {
			return types.Value{}, err
		}
		var number string
		var sign byte
		var spaces int
		switch {
		case typ == types.Float32 || typ == types.Float64:
			number, sign, spaces = floatDigits(v[0].F, typ == types.Float32, d)
		case typ == types.Int32 && d.flag&fEEEE != 0: // int4_to_char prints it as a double
			number, sign, spaces = floatDigits(float64(v[0].I), false, d)
		default:
			x := v[0]
			if typ != types.Numeric {
				x = types.Value{T: types.Numeric, S: strconv.FormatInt(x.I, 10)}
			}
			if number, sign, spaces, err = numericDigits(x, d); err != nil {
				return types.Value{}, err
			}
		}
		out, err := renderNum(nodes, d, number, sign, spaces)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewText(out), nil
	})
}

// fitDigits is the common end of the *_to_char functions: the spaces before a number that
// is shorter than the picture, or '#'s for one that is longer.
func fitDigits(numstr string, d *numDesc) (string, int) {
	pre := len(numstr)
	if p := strings.IndexByte(numstr, '.'); p >= 0 {
		pre = p
	}
	switch {
	case pre < d.pre:
		return numstr, d.pre - pre
	case pre > d.pre:
		return strings.Repeat("#", d.pre) + "." + strings.Repeat("#", d.post), 0
	}
	return numstr, 0
}

// overflowMarks is the picture of a value EEEE cannot show (NaN, infinity).
func overflowMarks(d *numDesc) string {
	b := []byte(strings.Repeat("#", d.pre+d.post+6))
	b[0], b[d.pre+1] = ' ', '.'
	return string(b)
}

func numericDigits(x types.Value, d *numDesc) (string, byte, int, error) {
	dec, err := x.Decimal()
	if err != nil {
		return "", 0, 0, err
	}
	switch {
	case d.flag&fRoman != 0:
		r, err := roundNumeric(dec, 0, apd.RoundHalfUp)
		if err != nil {
			return "", 0, 0, err
		}
		n, err := strconv.ParseInt(r.S, 10, 64)
		if err != nil || n > math.MaxInt32 || n < math.MinInt32 {
			return "", 0, 0, Errorf("22003", "integer out of range")
		}
		return romanNumeral(n), 0, 0, nil
	case d.flag&fEEEE != 0:
		if dec.Form != apd.Finite {
			return overflowMarks(d), 0, 0, nil
		}
		s, err := numericSci(dec, d.post)
		if err != nil {
			return "", 0, 0, err
		}
		if !strings.HasPrefix(s, "-") {
			s = " " + s
		}
		return s, 0, 0, nil
	}
	if d.flag&fMulti != 0 {
		dec.Exponent += int32(d.multi)
		d.pre += d.multi
	}
	r, err := roundNumeric(dec, int32(d.post), apd.RoundHalfUp)
	if err != nil {
		return "", 0, 0, err
	}
	s, sign := r.S, byte('+')
	if strings.HasPrefix(s, "-") {
		s, sign = s[1:], '-'
	}
	s, spaces := fitDigits(s, d)
	return s, sign, spaces, nil
}

// numericSci is numeric_out_sci: the significand rounded to post digits, the exponent that
// of the value before rounding (so 9.999 at 2 digits is 10.00e+00, as PostgreSQL's).
func numericSci(dec *apd.Decimal, post int) (string, error) {
	exp := int64(0)
	if !dec.IsZero() {
		exp = dec.NumDigits() + int64(dec.Exponent) - 1
	}
	sig := *dec
	sig.Exponent -= int32(exp)
	r, err := roundNumeric(&sig, int32(post), apd.RoundHalfUp)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%se%+03d", r.S, exp), nil
}

func floatDigits(f float64, float4 bool, d *numDesc) (string, byte, int) {
	digits := 15 // DBL_DIG
	if float4 {
		digits = 6 // FLT_DIG
	}
	switch {
	case d.flag&fRoman != 0:
		return romanNumeral(int64(math.RoundToEven(f))), 0, 0
	case d.flag&fEEEE != 0:
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return overflowMarks(d), 0, 0
		}
		s := new(big.Float).SetFloat64(f).Text('e', d.post) // exact, ties to even, as glibc's printf
		if !strings.HasPrefix(s, "-") {
			s = " " + s
		}
		return s, 0, 0
	}
	if d.flag&fMulti != 0 {
		mult := math.Pow(10, float64(d.multi))
		if float4 {
			f = float64(float32(f) * float32(mult))
		} else {
			f *= mult
		}
		d.pre += d.multi
	}
	pre := len(cFormatFloat(math.Abs(f), 0))
	if pre >= digits {
		d.post = 0
	} else if pre+d.post > digits {
		d.post = digits - pre
	}
	s, sign := cFormatFloat(f, d.post), byte('+')
	if strings.HasPrefix(s, "-") {
		s, sign = s[1:], '-'
	}
	s, spaces := fitDigits(s, d)
	return s, sign, spaces
}

// cFormatFloat is %.*f as PostgreSQL's own snprintf (src/port/snprintf.c) writes it: NaN and
// infinities spelled "NaN", "Infinity" and "-Infinity" (whose width then trims a float4's
// fraction digits, as float4_to_char's "##." shows).
func cFormatFloat(f float64, prec int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return new(big.Float).SetFloat64(f).Text('f', prec) // exact, ties to even, as glibc's printf
}
