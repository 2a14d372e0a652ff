package sql

import (
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// The constructors of the mathematical functions (sqrt, exp, ln, log, power, sign, pi,
// random) with PostgreSQL's errors and, for numeric, its choice of the result's scale
// (numeric.c's numeric_sqrt, numeric_exp, numeric_ln, log_var, power_var): at least 16
// significant digits and no fewer digits after the point than an input has. The digits are
// computed with apd well past that scale and rounded half away from zero, as round_var does.

// strictFunc builds a strict, immutable function of its arguments: NULL when one is.
func strictFunc(c *funcCall, f func(v []types.Value) (types.Value, error)) (*expr, error) {
	args, rt := c.args, c.ret
	return foldStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		var buf [7]types.Value // regexp_instr has seven arguments
		v := buf[:len(args)]
		if null, err := evalStrict(row, args, v); err != nil || null {
			return types.Value{T: rt, Null: true}, err
		}
		return f(v)
	}}, args...)
}

// minSigDigits and maxDisplayScale are NUMERIC_MIN_SIG_DIGITS and NUMERIC_MAX_DISPLAY_SCALE.
const (
	minSigDigits    = 16
	maxDisplayScale = 1000
)

var (
	errSqrtNegative = Errorf("2201F", "cannot take square root of a negative number")
	errLogZero      = Errorf("2201E", "cannot take logarithm of zero")
	errLogNegative  = Errorf("2201E", "cannot take logarithm of a negative number")
	errPowZeroNeg   = Errorf("2201F", "zero raised to a negative power is undefined")
	errPowComplex   = Errorf("2201F", "a negative number raised to a non-integer power yields a complex result")
	errFloatOver    = Errorf("22003", "value out of range: overflow")
	errFloatUnder   = Errorf("22003", "value out of range: underflow")
	errNumericOver  = Errorf("22003", "value overflows numeric format")
)

func buildSqrt(c *funcCall) (*expr, error) {
	if c.ret != types.Numeric {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			if v[0].F < 0 {
				return types.Value{}, errSqrtNegative
			}
			return types.NewFloat(types.Float64, math.Sqrt(v[0].F)), nil
		})
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := decimalOf(v[0])
		if err != nil {
			return types.Value{}, err
		}
		if d.Negative && !d.IsZero() {
			return types.Value{}, errSqrtNegative
		}
		if d.Form != apd.Finite {
			return types.NewNumeric(d), nil
		}
		w, _ := weightAndFirst(d)
		sweight := (w+1)*4/2 - 1
		rscale := clampScale(minSigDigits-sweight, d)
		return numericSqrt(d, rscale)
	})
}

// numericSqrt is the square root of d >= 0 rounded half away from zero to rscale digits
// after the point: the integer square root of d * 10^(2(rscale+1)), whose last digit decides
// the rounding (the root is truncated, and truncation never crosses the midpoint). apd's
// Sqrt runs out of exponent range near numeric's largest values.
func numericSqrt(d *apd.Decimal, rscale int64) (types.Value, error) {
	s := rscale + 1
	e := int64(d.Exponent) + 2*s
	var n apd.BigInt
	n.Set(&d.Coeff)
	ten := apd.NewBigInt(10)
	if e >= 0 {
		var p apd.BigInt
		p.Exp(ten, apd.NewBigInt(e), nil)
		n.Mul(&n, &p)
	} else {
		var p apd.BigInt
		p.Exp(ten, apd.NewBigInt(-e), nil)
		n.Quo(&n, &p)
	}
	var r apd.Decimal
	r.Coeff.Sqrt(&n)
	r.Exponent = int32(-s)
	return roundNumeric(&r, int32(rscale), apd.RoundHalfUp)
}

func buildExp(c *funcCall) (*expr, error) {
	if c.ret != types.Numeric {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			x := v[0].F
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return types.NewFloat(types.Float64, math.Exp(x)), nil
			}
			return floatResult(floatExp(x), true)
		})
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := decimalOf(v[0])
		if err != nil {
			return types.Value{}, err
		}
		switch {
		case d.Form == apd.NaN || d.Form == apd.Infinite && !d.Negative:
			return types.NewNumeric(d), nil
		case d.Form == apd.Infinite:
			return types.NewNumeric(apd.New(0, 0)), nil
		}
		f, _ := d.Float64()
		if math.Abs(f) >= 3*2000 {
			if f > 0 {
				return types.Value{}, errNumericOver
			}
			return types.NewNumeric(apd.New(0, -maxDisplayScale)), nil
		}
		w := max(min(f*0.434294481903252, 2000), -2000)
		rscale := clampScale(minSigDigits-int64(w), d)
		return numericFunc(d, rscale+max(int64(w), 0), rscale, func(ctx *apd.Context, r, x *apd.Decimal) error {
			_, err := ctx.Exp(r, x)
			return err
		})
	})
}

// buildLn is ln(x), and log(x) of a double precision (its base-10 logarithm).
func buildLn(c *funcCall) (*expr, error) {
	if c.ret != types.Numeric {
		log := floatLn
		if c.name == "log" || c.name == "log10" {
			log = glibcLog10
		}
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			switch x := v[0].F; {
			case x == 0:
				return types.Value{}, errLogZero
			case x < 0:
				return types.Value{}, errLogNegative
			default:
				return types.NewFloat(types.Float64, log(x)), nil
			}
		})
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := lnArg(v[0])
		if err != nil {
			return types.Value{}, err
		}
		if d.Form != apd.Finite {
			return types.NewNumeric(d), nil
		}
		rscale := clampScale(minSigDigits-lnDweight(d), d)
		return numericFunc(d, rscale+6, rscale, lnScaled)
	})
}

// lnScaled is ln(x) of x > 0 as ln(x / 10^m) + m ln(10), x / 10^m in [1, 10): apd's Ln
// runs out of exponent range near numeric's largest and smallest values.
func lnScaled(ctx *apd.Context, r, x *apd.Decimal) error {
	var y apd.Decimal
	y.Set(x)
	m := int64(y.Exponent) + y.NumDigits() - 1
	y.Exponent -= int32(m)
	if _, err := ctx.Ln(r, &y); err != nil || m == 0 {
		return err
	}
	var l10, t apd.Decimal
	if _, err := ctx.Ln(&l10, apd.New(10, 0)); err != nil {
		return err
	}
	if _, err := ctx.Mul(&t, &l10, apd.New(m, 0)); err != nil {
		return err
	}
	_, err := ctx.Add(r, r, &t)
	return err
}

// lnArg reads the argument of a numeric logarithm, refusing zero and negative numbers.
func lnArg(v types.Value) (*apd.Decimal, error) {
	d, err := decimalOf(v)
	switch {
	case err != nil:
		return nil, err
	case d.Form == apd.NaN:
		return d, nil
	case d.IsZero():
		return nil, errLogZero
	case d.Negative:
		return nil, errLogNegative
	}
	return d, nil
}

// buildLog is log(x) of a numeric (log(10, x) in PostgreSQL) and log(b, x).
func buildLog(c *funcCall) (*expr, error) {
	if len(c.args) == 1 && c.ret != types.Numeric {
		return buildLn(c)
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		base, num := types.NewNumeric(apd.New(10, 0)), v[0]
		if len(v) == 2 {
			base, num = v[0], v[1]
		}
		if base.S == "NaN" || num.S == "NaN" {
			return types.Value{T: types.Numeric, S: "NaN"}, nil
		}
		b, err := lnArg(base)
		if err != nil {
			return types.Value{}, err
		}
		n, err := lnArg(num)
		if err != nil {
			return types.Value{}, err
		}
		if b.Form != apd.Finite || n.Form != apd.Finite {
			return logSpecial(b, n), nil
		}
		if b.Cmp(apd.New(1, 0)) == 0 {
			return types.Value{}, Errorf("22012", "division by zero")
		}
		rdw := lnDweight(n) - lnDweight(b)
		rscale := clampScale(minSigDigits-rdw, b, n)
		digits := uint32(max(rscale+max(rdw, 0), 0) + 20)
		ctx := exact.WithPrecision(digits)
		var lb, ln, q apd.Decimal
		if err := lnScaled(ctx, &lb, b); err != nil {
			return types.Value{}, errNumericOver
		}
		if err := lnScaled(ctx, &ln, n); err != nil {
			return types.Value{}, errNumericOver
		}
		if _, err := ctx.Quo(&q, &ln, &lb); err != nil {
			return types.Value{}, errNumericOver
		}
		return roundNumeric(&q, int32(rscale), apd.RoundHalfUp)
	})
}

// logSpecial is log(b, x) of positive numbers one of which is Infinity, as numeric_log
// defines it: Inf/Inf is NaN, log(Inf, x) 0 and log(b, Inf) Infinity.
func logSpecial(b, n *apd.Decimal) types.Value {
	switch {
	case b.Form == apd.Infinite && n.Form == apd.Infinite:
		return types.Value{T: types.Numeric, S: "NaN"}
	case b.Form == apd.Infinite:
		return types.NewNumeric(apd.New(0, 0))
	}
	return types.Value{T: types.Numeric, S: "Infinity"}
}

// lnDweight is estimate_ln_dweight: the decimal weight of ln(d), for d > 0.
func lnDweight(d *apd.Decimal) int64 {
	if d.Cmp(apd.New(9, -1)) >= 0 && d.Cmp(apd.New(11, -1)) <= 0 {
		var x apd.Decimal
		_, _ = exact.Sub(&x, d, apd.New(1, 0))
		if x.IsZero() {
			return 0
		}
		w, first := leadDigits(&x, 1)
		return w*4 + int64(math.Log10(first))
	}
	w, digits := leadDigits(d, 2)
	lnv := math.Log(digits) + float64((w-1)*4)*2.302585092994046
	return int64(math.Log10(math.Abs(lnv)))
}

// leadDigits are d's base-10000 weight and its first n base-10000 digits as one number
// (|d| is about digits * 10000^(weight-n+1)), read from the coefficient's decimal digits:
// apd's division gives up on numbers of tens of thousands of digits.
func leadDigits(d *apd.Decimal, n int64) (weight int64, digits float64) {
	e10 := d.NumDigits() + int64(d.Exponent) - 1 // 10^e10 <= |d| < 10^(e10+1)
	weight = e10 / 4
	if e10 < 0 && e10%4 != 0 {
		weight--
	}
	cs := d.Coeff.String()
	drop := 4*(weight-n+1) - int64(d.Exponent) // coefficient digits below the ones kept
	switch {
	case drop <= 0:
		f, _ := strconv.ParseFloat(cs+"e"+strconv.FormatInt(-drop, 10), 64)
		return weight, f
	case drop >= int64(len(cs)):
		return weight, 0
	}
	f, _ := strconv.ParseFloat(cs[:int64(len(cs))-drop], 64)
	return weight, f
}

// dscale is a numeric's display scale: its digits after the point.
func dscale(d *apd.Decimal) int64 { return max(-int64(d.Exponent), 0) }

// clampScale is a result scale: scale, at least every input's, within 0..1000.
func clampScale(scale int64, inputs ...*apd.Decimal) int64 {
	for _, in := range inputs {
		scale = max(scale, dscale(in))
	}
	return min(max(scale, 0), maxDisplayScale)
}

// numericFunc computes f(d) to digits significant digits (those the result has up to rscale
// digits after the point), and a margin, and rounds it to rscale digits after the point.
func numericFunc(d *apd.Decimal, digits, rscale int64, f func(ctx *apd.Context, r, x *apd.Decimal) error) (types.Value, error) {
	ctx := exact.WithPrecision(uint32(max(digits, 1) + 20))
	var r apd.Decimal
	if err := f(ctx, &r, d); err != nil {
		return types.Value{}, errNumericOver
	}
	return roundNumeric(&r, int32(rscale), apd.RoundHalfUp)
}

// floatResult is a double precision result of a function of finite inputs: an infinity
// overflowed, and a zero underflowed when zero is not what the inputs give.
func floatResult(f float64, underflow bool) (types.Value, error) {
	switch {
	case math.IsInf(f, 0):
		return types.Value{}, errFloatOver
	case f == 0 && underflow:
		return types.Value{}, errFloatUnder
	}
	return types.NewFloat(types.Float64, f), nil
}

func buildSign(c *funcCall) (*expr, error) {
	if c.ret != types.Numeric {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			s := 0.0
			if v[0].F > 0 {
				s = 1
			} else if v[0].F < 0 {
				s = -1
			}
			return types.NewFloat(types.Float64, s), nil
		})
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := decimalOf(v[0])
		switch {
		case err != nil:
			return types.Value{}, err
		case d.Form == apd.NaN:
			return types.NewNumeric(d), nil
		case d.IsZero():
			return types.NewNumeric(apd.New(0, 0)), nil
		case d.Negative:
			return types.NewNumeric(apd.New(-1, 0)), nil
		}
		return types.NewNumeric(apd.New(1, 0)), nil
	})
}

func buildPi(*funcCall) (*expr, error) {
	return constExpr(types.NewFloat(types.Float64, math.Pi), false), nil
}

// buildRandom is random(): volatile, so never folded and computed for each row (and not a
// value a point lookup can use).
func buildRandom(*funcCall) (*expr, error) {
	return &expr{typ: types.Float64, eval: func([]types.Value) (types.Value, error) {
		return types.NewFloat(types.Float64, rand.Float64()), nil
	}}, nil
}

// buildPower is power(x, y) and pow(x, y).
func buildPower(c *funcCall) (*expr, error) {
	if c.ret != types.Numeric {
		return strictFunc(c, func(v []types.Value) (types.Value, error) { return floatPower(v[0].F, v[1].F) })
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) { return decimalPower(v[0], v[1]) })
}

// decimalPower is numeric_power, power(numeric, numeric) and numeric ^ numeric.
func decimalPower(a, b types.Value) (types.Value, error) {
	x, err := decimalOf(a)
	if err != nil {
		return types.Value{}, err
	}
	y, err := decimalOf(b)
	if err != nil {
		return types.Value{}, err
	}
	if x.Form != apd.Finite || y.Form != apd.Finite {
		return specialPower(x, y)
	}
	if x.IsZero() && y.Negative {
		return types.Value{}, errPowZeroNeg
	}
	return numericPower(x, y)
}

// floatPower is dpow: PostgreSQL's errors, then pow(3)'s answers (which Go's math.Pow
// gives for NaN and the infinities too).
func floatPower(x, y float64) (types.Value, error) {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return types.NewFloat(types.Float64, math.Pow(x, y)), nil
	case x == 0 && y < 0:
		return types.Value{}, errPowZeroNeg
	case x < 0 && math.Floor(y) != y:
		return types.Value{}, errPowComplex
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return types.NewFloat(types.Float64, math.Pow(x, y)), nil
	}
	return floatResult(floatPow(x, y), x != 0)
}

// glibcLog10 is glibc's log10 (e_log10.c), which is not correctly rounded, so computing
// log10 to the nearest double would differ from PostgreSQL's in the last bit now and then:
// x = 2^k * m, log10(x) = k*log10(2) + log(m)/ln(10), the constants split for precision.
func glibcLog10(x float64) float64 {
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	if math.IsInf(x, 1) || math.IsNaN(x) {
		return x
	}
	frac, exp := math.Frexp(x) // x = frac * 2^exp, frac in [0.5, 1)
	k := exp - 1               // x = (2*frac) * 2^k, 2*frac in [1, 2)
	m := 2 * frac
	if k < 0 { // glibc keeps m in [0.5, 1) and counts k+1 for negative exponents
		m, k = frac, k+1
	}
	y := float64(k)
	z := float64(y*log10_2lo) + float64(ivln10*floatLn(m))
	return z + float64(y*log10_2hi)
}

// floatPow is x^y of finite doubles, x = 0 or y integral when x < 0, rounded to the
// nearest double (see floatexact.go).
func floatPow(x, y float64) float64 {
	if x == 0 || y == 0 || x == 1 {
		return math.Pow(x, y)
	}
	p := bigLn(math.Abs(x))
	p.Mul(p, newBig(y))
	switch pf, _ := p.Float64(); {
	case pf > 710:
		p = newBig(math.Inf(1))
	case pf < -746:
		p = newBig(0)
	default:
		p = bigExp(p)
	}
	r := nearest(p)
	if x < 0 && math.Mod(y, 2) != 0 {
		r = -r
	}
	return r
}

// specialPower is power(x, y) of numerics one of which is NaN or infinite: PostgreSQL's
// errors, then pow(3)'s answers, which are 0, 1, NaN or an infinity.
func specialPower(x, y *apd.Decimal) (types.Value, error) {
	if x.Form != apd.NaN && y.Form != apd.NaN {
		if x.IsZero() && y.Negative {
			return types.Value{}, errPowZeroNeg
		}
		if x.Negative && y.Form == apd.Finite && !isIntegral(y) {
			return types.Value{}, errPowComplex
		}
	}
	fx, _ := x.Float64()
	fy, _ := y.Float64()
	if x.Form == apd.NaN {
		fx = math.NaN()
	}
	if y.Form == apd.NaN {
		fy = math.NaN()
	}
	// A finite numeric beyond float64's range stays beyond 1 in size, which is all pow(3)
	// asks of it here; an odd integer exponent stays odd only when it is exact, as float64
	// holds every odd integer a finite y can be here (x is infinite).
	var d apd.Decimal
	if _, err := d.SetFloat64(math.Pow(fx, fy)); err != nil {
		return types.Value{}, err
	}
	if d.Form == apd.Finite && d.IsZero() {
		d.Negative = false
	}
	return types.NewNumeric(&d), nil
}

// isOddIntegral reports whether the integral d is odd, from its digits: exact at any size
// ((-1.0) ^ 1000000000000001 is -1).
func isOddIntegral(d *apd.Decimal) bool {
	if d.Exponent > 0 {
		return false // a multiple of 10
	}
	var c apd.BigInt
	c.Set(&d.Coeff)
	if d.Exponent < 0 { // 3.00: drop the zeros after the point
		var p apd.BigInt
		p.Exp(apd.NewBigInt(10), apd.NewBigInt(int64(-d.Exponent)), nil)
		c.Quo(&c, &p)
	}
	return c.Bit(0) == 1
}

func isIntegral(d *apd.Decimal) bool {
	var r apd.Decimal
	d.Modf(nil, &r)
	return r.IsZero()
}

// numericPower is power_var of finite numerics, 0 ^ negative excluded.
func numericPower(x, y *apd.Decimal) (types.Value, error) {
	if isIntegral(y) {
		if n, err := y.Int64(); err == nil && n >= math.MinInt32 && n <= math.MaxInt32 {
			return numericIntPower(x, n)
		}
	}
	if x.IsZero() {
		return types.NewNumeric(apd.New(0, -minSigDigits)), nil
	}
	neg := false
	var base apd.Decimal
	base.Set(x)
	if x.Negative {
		if !isIntegral(y) {
			return types.Value{}, errPowComplex
		}
		neg = isOddIntegral(y)
		base.Negative = false
	}
	val, err := powerWeightEstimate(&base, y)
	if err != nil {
		return types.Value{}, err
	}
	if math.Abs(val) > 2000*3.01 {
		if val > 0 {
			return types.Value{}, errNumericOver
		}
		return types.NewNumeric(apd.New(0, -maxDisplayScale)), nil
	}
	val *= 0.434294481903252
	rscale := clampScale(minSigDigits-int64(val), &base, y)
	ctx := exact.WithPrecision(uint32(max(rscale+int64(val), 0) + 30))
	var ln, prod, r apd.Decimal
	if _, err := ctx.Ln(&ln, &base); err != nil {
		return types.Value{}, errNumericOver
	}
	if _, err := ctx.Mul(&prod, &ln, y); err != nil {
		return types.Value{}, errNumericOver
	}
	if _, err := ctx.Exp(&r, &prod); err != nil {
		return types.Value{}, errNumericOver
	}
	r.Negative = neg && !r.IsZero()
	return roundNumeric(&r, int32(rscale), apd.RoundHalfUp)
}

// powerWeightEstimate is power_var's first, low-precision ln(x) * y: ln(x) to about 8
// significant digits, the product rounded to as many decimals, as a double. The result's
// scale is chosen from it, so it must be PostgreSQL's to the last digit: a double's
// ln(1e40) * -2.25 reaches -90 where PostgreSQL's -89.99999976 truncates to -89.
func powerWeightEstimate(x, y *apd.Decimal) (float64, error) {
	lr := max(8-lnDweight(x), 0)
	ctx := exact.WithPrecision(uint32(lr + 30))
	var ln, prod apd.Decimal
	if err := lnScaled(ctx, &ln, x); err != nil {
		return 0, errNumericOver
	}
	if err := quantize(&ln, -int32(lr), apd.RoundHalfUp); err != nil {
		return 0, err
	}
	if _, err := exact.Mul(&prod, &ln, y); err != nil {
		return 0, errNumericOver
	}
	if err := quantize(&prod, -int32(lr), apd.RoundHalfUp); err != nil {
		return 0, err
	}
	return prod.Float64()
}

// numericIntPower is power_var_int: x to an integer power, shown with at least 16 digits
// after the point (PostgreSQL 15's choice, whatever the result's size).
func numericIntPower(x *apd.Decimal, n int64) (types.Value, error) {
	rscale := clampScale(minSigDigits, x)
	if n == 0 { // 0 ^ 0 too, as SQL:2003 asks
		return roundNumeric(apd.New(1, 0), int32(rscale), apd.RoundHalfUp)
	}
	if x.IsZero() {
		return types.NewNumeric(apd.New(0, -int32(rscale))), nil
	}
	// log10 of the result, roughly: beyond numeric's range it overflows, and far below the
	// result's scale it is 0
	// (from the first 16 digits, as power_var_int: one base-10000 digit made 2.25^1000 a
	// few digits short)
	w, first := leadDigits(x, 4)
	f := float64(n) * (math.Log10(first) + float64((w-3)*4))
	if f > 4*32768 {
		return types.Value{}, errNumericOver
	}
	if f+1 < -float64(rscale) {
		return types.NewNumeric(apd.New(0, -int32(rscale))), nil
	}
	ctx := exact.WithPrecision(uint32(max(rscale+int64(f), 0) + 30))
	var r apd.Decimal
	if _, err := ctx.Pow(&r, x, apd.New(n, 0)); err != nil {
		if n > 0 && isIntegral(x) { // past apd's exponent limit: an exact integer, numeric's range
			return numericResult(widePow(x, n, int32(rscale)))
		}
		return types.Value{}, errNumericOver
	}
	return roundNumeric(&r, int32(rscale), apd.RoundHalfUp)
}
