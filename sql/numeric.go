package sql

import (
	"cmp"
	"math"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// numeric arithmetic (types/numeric.go holds the values) with PostgreSQL's scale rules: + and
// - keep the larger scale, * adds the scales, / picks a scale that gives at least 16
// significant digits and no fewer than either input's, rounding half away from zero.

// exact is the context of the operations that never round: apd computes them to as many
// digits as they take.
var exact = apd.Context{MaxExponent: apd.MaxExponent, MinExponent: apd.MinExponent, Traps: apd.DefaultTraps}

// decimalOf reads an integer, float or numeric value as a decimal. A float converts the way
// float8_numeric does: its 15 significant digits.
func decimalOf(v types.Value) (*apd.Decimal, error) {
	switch {
	case v.T.IsInteger():
		return apd.New(v.I, 0), nil
	case v.T.IsFloat():
		switch {
		case math.IsNaN(v.F):
			return &apd.Decimal{Form: apd.NaN}, nil
		case math.IsInf(v.F, 0):
			return &apd.Decimal{Form: apd.Infinite, Negative: v.F < 0}, nil
		}
		digits := 15
		if v.T == types.Float32 {
			digits = 6
		}
		d, _, err := apd.NewFromString(strconv.FormatFloat(v.F, 'g', digits, 64))
		return d, err
	}
	d, err := v.Decimal()
	if err != nil {
		return nil, Errorf("22P02", "invalid input syntax for type numeric: %q", v.S)
	}
	return d, nil
}

// numericResult is d as a value, refused when it is beyond numeric's range.
func numericResult(d *apd.Decimal) (types.Value, error) {
	if d.Form == apd.Finite && !d.IsZero() &&
		(int64(d.Exponent)+d.NumDigits() > types.NumericMaxWeightDigits || d.Exponent < -types.NumericMaxScale) {
		return types.Value{}, Errorf("22003", "value overflows numeric format")
	}
	return types.NewNumeric(d), nil
}

// numericArith applies + - * / % to two values of which at least one is numeric and neither
// a float.
func numericArith(op string, x, y types.Value) (types.Value, error) {
	a, err := decimalOf(x)
	if err != nil {
		return types.Value{}, err
	}
	b, err := decimalOf(y)
	if err != nil {
		return types.Value{}, err
	}
	if (op == "/" || op == "%") && b.IsZero() && b.Form == apd.Finite && a.Form != apd.NaN { // NaN / 0 is NaN
		return types.Value{}, Errorf("22012", "division by zero")
	}
	if a.Form != apd.Finite || b.Form != apd.Finite {
		return specialArith(op, a, b)
	}
	var d apd.Decimal
	switch op {
	case "+":
		_, err = exact.Add(&d, a, b)
	case "-":
		_, err = exact.Sub(&d, a, b)
	case "*":
		// PostgreSQL rounds a product with more digits after the point than a numeric holds.
		if _, err = exact.Mul(&d, a, b); err != nil {
			return numericResult(wideArith(op, a, b))
		}
		if d.Exponent < -types.NumericMaxScale {
			err = quantize(&d, -types.NumericMaxScale, apd.RoundHalfUp)
		}
	case "/":
		return numericDiv(a, b, divScale(a, b))
	case "%":
		// Digits enough for the quotient's integer part and every digit of the remainder,
		// which has the scale of the finer operand: mod(-19, 3.14159) is -0.15046, all of it.
		frac := int64(max(-a.Exponent, -b.Exponent, 0))
		ctx := exact.WithPrecision(uint32(max(a.NumDigits()+int64(a.Exponent), 1) + 2*frac + 2))
		if _, err = ctx.Rem(&d, a, b); err == nil {
			err = quantize(&d, min(a.Exponent, b.Exponent, 0), apd.RoundHalfUp)
		}
	}
	if err != nil && (op == "+" || op == "-") { // past apd's exponent limit, not numeric's
		return numericResult(wideArith(op, a, b))
	}
	if err != nil {
		return types.Value{}, Errorf("22003", "value overflows numeric format")
	}
	return numericResult(&d)
}

// specialArith is arithmetic where NaN or an infinity takes part, as PostgreSQL defines it.
func specialArith(op string, a, b *apd.Decimal) (types.Value, error) {
	nan := types.Value{T: types.Numeric, S: "NaN"}
	if a.Form == apd.NaN || b.Form == apd.NaN {
		return nan, nil
	}
	f := func(d *apd.Decimal) float64 {
		v, _ := d.Float64()
		return v
	}
	var r float64
	switch op {
	case "+":
		r = f(a) + f(b)
	case "-":
		r = f(a) - f(b)
	case "*":
		r = f(a) * f(b)
	case "/":
		if b.Form == apd.Infinite {
			if a.Form == apd.Infinite {
				return nan, nil
			}
			return types.NewNumeric(apd.New(0, 0)), nil
		}
		r = f(a) / f(b)
	case "%":
		if a.Form == apd.Infinite {
			return nan, nil
		}
		return types.NewNumeric(a), nil // x % ±Infinity is x
	}
	switch {
	case math.IsNaN(r):
		return nan, nil
	case math.IsInf(r, 1):
		return types.Value{T: types.Numeric, S: "Infinity"}, nil
	case math.IsInf(r, -1):
		return types.Value{T: types.Numeric, S: "-Infinity"}, nil
	}
	return types.NewNumeric(apd.New(0, 0)), nil
}

// weightAndFirst are the position (in powers of 10000) and value of the first nonzero
// base-10000 digit of d, which is how PostgreSQL estimates a quotient's size.
func weightAndFirst(d *apd.Decimal) (weight int64, first int64) {
	if d.IsZero() {
		return 0, 0
	}
	e10 := d.NumDigits() + int64(d.Exponent) - 1 // 10^e10 <= |d| < 10^(e10+1)
	weight = e10 / 4
	if e10 < 0 && e10%4 != 0 {
		weight--
	}
	var q, abs apd.Decimal
	abs.Abs(d)
	ctx := exact.WithPrecision(uint32(d.NumDigits()) + 8)
	_, _ = ctx.Quo(&q, &abs, apd.New(1, int32(4*weight)))
	_, _ = ctx.Floor(&q, &q)
	first, _ = q.Int64()
	return weight, first
}

// divScale is select_div_scale: the scale of a / b.
func divScale(a, b *apd.Decimal) int32 {
	w1, f1 := weightAndFirst(a)
	w2, f2 := weightAndFirst(b)
	qweight := w1 - w2
	if f1 <= f2 {
		qweight--
	}
	scale := 16 - qweight*4
	scale = max(scale, int64(-a.Exponent), int64(-b.Exponent), 0)
	return int32(min(scale, 1000))
}

// numericDiv is a / b rounded half away from zero to scale digits after the point.
func numericDiv(a, b *apd.Decimal, scale int32) (types.Value, error) {
	// Truncate well past the digits kept, so the rounding digit is exact, then round once.
	intDigits := max(a.NumDigits()+int64(a.Exponent)-(b.NumDigits()+int64(b.Exponent))+2, 1)
	ctx := exact.WithPrecision(uint32(intDigits + int64(scale) + 2))
	ctx.Rounding = apd.RoundDown
	var q apd.Decimal
	if _, err := ctx.Quo(&q, a, b); err != nil {
		return numericResult(wideDiv(a, b, scale))
	}
	return roundNumeric(&q, scale, apd.RoundHalfUp)
}

// roundNumeric rounds d to scale digits after the point (before it, for a negative scale) in
// the given mode; the result shows max(scale, 0) digits after the point.
func roundNumeric(d *apd.Decimal, scale int32, mode apd.Rounder) (types.Value, error) {
	if d.Form != apd.Finite {
		return types.NewNumeric(d), nil
	}
	var r apd.Decimal
	r.Set(d)
	if err := quantize(&r, -scale, mode); err != nil {
		return types.Value{}, err
	}
	if scale < 0 { // round(1234.5, -2) is 1200, shown without a point
		if err := quantize(&r, 0, mode); err != nil {
			return types.Value{}, err
		}
	}
	return numericResult(&r)
}

// quantize sets d's exponent to exp, rounding in the given mode when digits go.
func quantize(d *apd.Decimal, exp int32, mode apd.Rounder) error {
	digits := d.NumDigits() + int64(d.Exponent) - int64(exp) // the digits left of 10^exp, and more
	if digits < 0 && !d.IsZero() {
		// |d| < 10^(exp-1): apd would make it 0 whatever the mode (ceil(0.001) is 1), so
		// round 10^(exp-1) of the same sign instead, which every mode rounds alike.
		neg := d.Negative
		d.SetFinite(1, exp-1)
		d.Negative = neg
		digits = 0
	}
	ctx := exact.WithPrecision(uint32(max(digits, 0) + 2))
	ctx.Rounding = mode
	if _, err := ctx.Quantize(d, d, exp); err != nil {
		return Errorf("22003", "value overflows numeric format")
	}
	return nil
}

// numericToInt converts a numeric to an integer type, rounding half away from zero.
func numericToInt(v types.Value, to types.Type) (types.Value, error) {
	d, err := decimalOf(v)
	if err != nil {
		return types.Value{}, err
	}
	if d.Form != apd.Finite {
		what := "infinity" // either sign, as numeric_int4's message
		if d.Form == apd.NaN {
			what = "NaN"
		}
		return types.Value{}, Errorf("0A000", "cannot convert %s to %s", what, to)
	}
	r, err := roundNumeric(d, 0, apd.RoundHalfUp)
	if err != nil {
		return types.Value{}, err
	}
	i, err := strconv.ParseInt(r.S, 10, 64)
	if err != nil || intRange(to, i) != nil {
		return types.Value{}, outOfRange(to)
	}
	return types.NewInt(to, i), nil
}

// toNumeric converts an integer, float or numeric value to numeric.
func toNumeric(v types.Value) (types.Value, error) { return numericTypmod(v, &unconstrained) }

// unconstrained is a numeric column without precision and scale.
var unconstrained = types.Column{Type: types.Numeric}

// numericTypmod converts an integer, float or numeric value to a value of numeric column c:
// numeric(precision, scale) rounds to the scale and fails when the digits before the point do
// not fit.
func numericTypmod(v types.Value, c *types.Column) (types.Value, error) {
	p, s, constrained := types.NumericPrecisionScale(c.Length)
	if v.T == types.Numeric && (!constrained || v.S == "NaN") {
		return v, nil
	}
	d, err := decimalOf(v)
	if err != nil || !constrained || d.Form == apd.NaN {
		if err != nil {
			return types.Value{}, err
		}
		return numericResult(d)
	}
	bound := "10^" + strconv.Itoa(p-s)
	if p == s {
		bound = "1" // PostgreSQL shows 10^0 as 1
	}
	overflow := &Error{Code: "22003", Message: "numeric field overflow",
		Detail: "A field with precision " + strconv.Itoa(p) + ", scale " + strconv.Itoa(s) +
			" must round to an absolute value less than " + bound + "."}
	if d.Form != apd.Finite {
		overflow.Detail = "A field with precision " + strconv.Itoa(p) + ", scale " + strconv.Itoa(s) + " cannot hold an infinite value."
		return types.Value{}, overflow
	}
	if err := quantize(d, -int32(s), apd.RoundHalfUp); err != nil {
		return types.Value{}, err
	}
	if !d.IsZero() && d.NumDigits()+int64(d.Exponent) > int64(p-s) {
		return types.Value{}, overflow
	}
	return numericResult(d)
}

// compareNumeric orders two values of which one is numeric and neither a float.
func compareNumeric(x, y types.Value) int {
	a, errA := decimalOf(x)
	b, errB := decimalOf(y)
	if errA != nil || errB != nil {
		return cmp.Compare(x.S, y.S)
	}
	if c, ok := nanOrder(a.Form == apd.NaN, b.Form == apd.NaN); ok { // above the infinities too
		return c
	}
	return a.Cmp(b)
}

// sumType is the type of sum(x) or avg(x) over x of type t, as PostgreSQL types them.
func sumType(avg bool, t types.Type) (types.Type, error) {
	switch {
	case t == types.Interval:
		return types.Interval, nil
	case familyOf(t) != famNumeric:
		return types.Null, Errorf("42883", "function sum(%s) does not exist", t)
	case t.IsFloat() && avg, t == types.Float64:
		return types.Float64, nil
	case t == types.Float32:
		return types.Float32, nil
	case avg, t == types.Numeric, t == types.Int64:
		return types.Numeric, nil
	}
	return types.Int64, nil // sum of smallint or integer
}

// sumAcc accumulates sum(x) or avg(x). Integers add up in i, exactly, until they would
// overflow; then they carry on in dec.
type sumAcc struct {
	n   int64
	i   int64
	f   float64
	dec apd.Decimal
	iv  types.Value // an interval's running sum
}

func (a *sumAcc) add(v types.Value, rt types.Type) error {
	a.n++
	switch {
	case rt == types.Interval:
		if a.n == 1 {
			a.iv = v
			return nil
		}
		var err error
		a.iv, err = sumIntervals(a.iv.Interval(), v.Interval())
		return err
	case rt.IsFloat():
		x, s := num(v), a.f+num(v)
		if rt == types.Float32 { // float4pl adds in single precision
			s = float64(float32(a.f) + float32(x))
		}
		if math.IsInf(s, 0) && !math.IsInf(a.f, 0) && !math.IsInf(x, 0) {
			return Errorf("22003", "value out of range: overflow")
		}
		a.f = s
	case v.T.IsInteger():
		s := a.i + v.I
		if (s > a.i) == (v.I > 0) || v.I == 0 {
			a.i = s
			return nil
		}
		if rt == types.Int64 {
			return outOfRange(types.Int64)
		}
		if _, err := exact.Add(&a.dec, &a.dec, apd.New(v.I, 0)); err != nil {
			return Errorf("22003", "value overflows numeric format")
		}
	default:
		d, err := decimalOf(v)
		if err != nil {
			return err
		}
		if _, err := exact.Add(&a.dec, &a.dec, d); err != nil && d.Form == apd.Finite {
			return Errorf("22003", "value overflows numeric format")
		}
	}
	return nil
}

// total is the sum as a decimal.
func (a *sumAcc) total() *apd.Decimal {
	var t apd.Decimal
	_, _ = exact.Add(&t, &a.dec, apd.New(a.i, 0))
	return &t
}

func (a *sumAcc) sum(rt types.Type) (types.Value, error) {
	switch {
	case a.n == 0:
		return types.Value{T: rt, Null: true}, nil
	case rt == types.Interval:
		return a.iv, nil
	case rt.IsFloat():
		return types.NewFloat(rt, a.f), nil
	case rt == types.Int64:
		return types.NewInt(rt, a.i), nil
	}
	return numericResult(a.total())
}

func (a *sumAcc) avg(rt types.Type) (types.Value, error) {
	switch {
	case a.n == 0:
		return types.Value{T: rt, Null: true}, nil
	case rt == types.Interval:
		return scaleInterval(a.iv.Interval(), float64(a.n), true)
	case rt.IsFloat():
		return types.NewFloat(rt, a.f/float64(a.n)), nil
	}
	t := a.total()
	if t.Form != apd.Finite {
		return types.NewNumeric(t), nil
	}
	n := apd.New(a.n, 0)
	return numericDiv(t, n, divScale(t, n))
}

// negateNumeric is -v for a numeric value (its text form): NaN and zero keep their sign.
func negateNumeric(v types.Value) types.Value {
	switch {
	case v.S == "NaN":
	case strings.HasPrefix(v.S, "-"):
		v.S = v.S[1:]
	case strings.Trim(v.S, "0.") != "":
		v.S = "-" + v.S
	}
	return v
}
