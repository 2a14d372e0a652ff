package sql

import (
	"math"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// div, gcd, lcm, factorial, scale, min_scale, trim_scale and width_bucket, with
// PostgreSQL's results for NaN and the infinities and its errors (int.c, int8.c, numeric.c,
// float.c).

func numericFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "div", vol: i, strict: true, procs: []string{"1973: numeric, numeric -> numeric"}, build: buildDiv},
		{name: "gcd", vol: i, strict: true, procs: []string{"5044: int4, int4 -> int4", "5045: int8, int8 -> int8",
			"5048: numeric, numeric -> numeric"}, build: gcdLcm(false)},
		{name: "lcm", vol: i, strict: true, procs: []string{"5046: int4, int4 -> int4", "5047: int8, int8 -> int8",
			"5049: numeric, numeric -> numeric"}, build: gcdLcm(true)},
		{name: "factorial", vol: i, strict: true, procs: []string{"1376: int8 -> numeric"}, build: buildFactorial},
		{name: "scale", vol: i, strict: true, procs: []string{"3281: numeric -> int4"}, build: numericScale(false)},
		{name: "min_scale", vol: i, strict: true, procs: []string{"5042: numeric -> int4"}, build: numericScale(true)},
		{name: "trim_scale", vol: i, strict: true, procs: []string{"5043: numeric -> numeric"}, build: buildTrimScale},
		{name: "width_bucket", vol: i, strict: true, procs: []string{"320: float8, float8, float8, int4 -> int4",
			"2170: numeric, numeric, numeric, int4 -> int4", "3218: anycompatible, anycompatiblearray -> int4"}, build: buildWidthBucket},
	}
}

// arrayWidthBucket is width_bucket(x, thresholds): how many of the sorted thresholds are at
// most x, found by width_bucket_array's binary search.
func arrayWidthBucket(v []types.Value) (types.Value, error) {
	th, err := arrayElems(v[1])
	if err != nil {
		return types.Value{}, err
	}
	for _, t := range th {
		if t.IsNull() {
			return types.Value{}, Errorf("22004", "thresholds array must not contain NULLs")
		}
	}
	lo, hi := 0, len(th)
	for lo < hi {
		mid := (lo + hi) / 2
		if compare(v[0], th[mid]) < 0 {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return int4(lo), nil
}

// decimals reads a function's numeric arguments.
func decimals(v []types.Value) ([]*apd.Decimal, error) {
	out := make([]*apd.Decimal, len(v))
	for i, x := range v {
		d, err := decimalOf(x)
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}

var numericNaN = types.Value{T: types.Numeric, S: "NaN"}

// buildDiv is div(x, y): the quotient truncated toward zero, scale 0.
func buildDiv(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := decimals(v)
		if err != nil {
			return types.Value{}, err
		}
		x, y := d[0], d[1]
		switch {
		case x.Form == apd.NaN || y.Form == apd.NaN:
			return numericNaN, nil
		case x.Form == apd.Infinite && y.Form == apd.Infinite:
			return numericNaN, nil
		case y.Form == apd.Finite && y.IsZero():
			return types.Value{}, Errorf("22012", "division by zero")
		case x.Form == apd.Infinite:
			return types.NewNumeric(&apd.Decimal{Form: apd.Infinite, Negative: x.Negative != y.Negative}), nil
		case y.Form == apd.Infinite:
			return types.NewNumeric(apd.New(0, 0)), nil
		}
		var q apd.Decimal
		ctx := exact.WithPrecision(uint32(max(x.NumDigits()+int64(x.Exponent)-y.NumDigits()-int64(y.Exponent)+2, 1)))
		if _, err := ctx.QuoInteger(&q, x, y); err != nil {
			return types.Value{}, errNumericOver
		}
		return numericResult(&q)
	})
}

// gcdLcm is gcd or lcm of two integers of one type, or of two numerics (whose scale is the
// larger of theirs; NaN or an infinity gives NaN). The result is never negative.
func gcdLcm(lcm bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		rt := c.ret
		if rt != types.Numeric {
			return strictFunc(c, func(v []types.Value) (types.Value, error) { return intGcdLcm(rt, v[0].I, v[1].I, lcm) })
		}
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			d, err := decimals(v)
			if err != nil {
				return types.Value{}, err
			}
			if d[0].Form != apd.Finite || d[1].Form != apd.Finite {
				return numericNaN, nil
			}
			return numericGcdLcm(d[0], d[1], lcm)
		})
	}
}

func intGcdLcm(t types.Type, x, y int64, lcm bool) (types.Value, error) {
	limit := int64(math.MinInt32)
	if t == types.Int64 {
		limit = math.MinInt64
	}
	if lcm {
		if x == 0 || y == 0 {
			return types.NewInt(t, 0), nil
		}
		g, _ := intGcdLcm(t, x, y, false)
		q := x / g.I
		r := q * y
		if r/y != q || r == limit || intRange(t, r) != nil {
			return types.Value{}, outOfRange(t)
		}
		return types.NewInt(t, abs64(r)), nil
	}
	// The minimum has no positive counterpart: gcd(min, 0) and gcd(min, min) are out of range.
	if (x == limit && (y == 0 || y == limit)) || (y == limit && x == 0) {
		return types.Value{}, outOfRange(t)
	}
	for y != 0 {
		x, y = y, x%y
	}
	return types.NewInt(t, abs64(x)), nil
}

func numericGcdLcm(x, y *apd.Decimal, lcm bool) (types.Value, error) {
	exp := min(x.Exponent, y.Exponent, 0)
	a, b := scaledCoeff(x, exp), scaledCoeff(y, exp)
	var r apd.BigInt
	switch {
	case lcm && (a.Sign() == 0 || b.Sign() == 0):
		r.SetInt64(0)
	case lcm:
		var g, q apd.BigInt
		g.GCD(nil, nil, a, b)
		q.Quo(a, &g)
		r.Mul(&q, b)
	default:
		r.GCD(nil, nil, a, b)
	}
	r.Abs(&r)
	return numericResult(apd.NewWithBigInt(&r, exp))
}

// scaledCoeff is |d| × 10^-exp as an integer (exp no larger than d's exponent).
func scaledCoeff(d *apd.Decimal, exp int32) *apd.BigInt {
	var c, p apd.BigInt
	c.Abs(&d.Coeff)
	p.Exp(apd.NewBigInt(10), apd.NewBigInt(int64(d.Exponent-exp)), nil)
	return c.Mul(&c, &p)
}

// maxFactorial is the largest n whose factorial numeric holds (131072 digits before the point).
const maxFactorial = 32177

func buildFactorial(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		n := v[0].I
		switch {
		case n < 0:
			return types.Value{}, Errorf("22003", "factorial of a negative number is undefined")
		case n > maxFactorial:
			return types.Value{}, errNumericOver
		case n <= 1:
			return types.NewNumeric(apd.New(1, 0)), nil
		}
		var r apd.BigInt
		r.MulRange(2, n)
		return types.NewNumeric(apd.NewWithBigInt(&r, 0)), nil
	})
}

// numericScale is scale(x), the digits after the point x shows, or min_scale(x), the fewest
// that show it exactly; NULL for NaN and the infinities.
func numericScale(minimal bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			d, err := decimalOf(v[0])
			if err != nil {
				return types.Value{}, err
			}
			if d.Form != apd.Finite {
				return types.Value{T: types.Int32, Null: true}, nil
			}
			if minimal {
				d = withoutTrailingZeros(d)
			}
			return int4(int(max(-d.Exponent, 0))), nil
		})
	}
}

// withoutTrailingZeros is d without the zeros at the end of its fraction (a positive exponent, which
// Reduce makes of 1200, prints without a point).
func withoutTrailingZeros(d *apd.Decimal) *apd.Decimal {
	var r apd.Decimal
	r.Reduce(d)
	return &r
}

func buildTrimScale(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		d, err := decimalOf(v[0])
		if err != nil || d.Form != apd.Finite {
			return v[0], err
		}
		return types.NewNumeric(withoutTrailingZeros(d)), nil
	})
}

// buildWidthBucket is width_bucket(x, low, high, count): which of count equal buckets between
// low and high holds x, 0 below them and count+1 above (the bounds may be reversed).
func buildWidthBucket(c *funcCall) (*expr, error) {
	if len(c.args) == 2 {
		return strictFunc(c, arrayWidthBucket)
	}
	numeric := c.args[0].typ == types.Numeric
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		count := v[3].I
		if count <= 0 {
			return types.Value{}, Errorf("2201G", "count must be greater than zero")
		}
		if numeric {
			return numericWidthBucket(v, count)
		}
		x, lo, hi := v[0].F, v[1].F, v[2].F
		switch {
		case math.IsNaN(x) || math.IsNaN(lo) || math.IsNaN(hi):
			return types.Value{}, Errorf("2201G", "operand, lower bound, and upper bound cannot be NaN")
		case math.IsInf(lo, 0) || math.IsInf(hi, 0):
			return types.Value{}, Errorf("2201G", "lower and upper bounds must be finite")
		case lo == hi:
			return types.Value{}, Errorf("2201G", "lower bound cannot equal upper bound")
		}
		var b int64
		switch {
		case (lo < hi && x < lo) || (lo > hi && x > lo):
			b = 0
		case (lo < hi && x >= hi) || (lo > hi && x <= hi):
			b = count + 1
		default:
			b = float8Bucket(float64(count)*(x-lo)/(hi-lo) + 1)
		}
		if b > math.MaxInt32 {
			return types.Value{}, outOfRange(types.Int32)
		}
		return int4(int(b)), nil
	})
}

// float8Bucket converts width_bucket_float8's double result to int4 as PostgreSQL 15's C
// cast does on x86-64: a count * (x - low) that overflows to infinity makes a NaN, which (as any
// value out of int4's range) converts to -2147483648.
func float8Bucket(f float64) int64 {
	if math.IsNaN(f) || f >= math.MaxInt32+1 || f <= math.MinInt32-1 {
		return math.MinInt32
	}
	return int64(f)
}

func numericWidthBucket(v []types.Value, count int64) (types.Value, error) {
	d, err := decimals(v[:3])
	if err != nil {
		return types.Value{}, err
	}
	x, lo, hi := d[0], d[1], d[2]
	for _, b := range d {
		if b.Form == apd.NaN {
			return types.Value{}, Errorf("2201G", "operand, lower bound, and upper bound cannot be NaN")
		}
	}
	if lo.Form != apd.Finite || hi.Form != apd.Finite {
		return types.Value{}, Errorf("2201G", "lower and upper bounds must be finite")
	}
	dir := hi.Cmp(lo) // 1 when the buckets ascend
	if dir == 0 {
		return types.Value{}, Errorf("2201G", "lower bound cannot equal upper bound")
	}
	var b int64
	switch {
	case x.Cmp(lo)*dir < 0:
		b = 0
	case x.Cmp(hi)*dir >= 0:
		b = count + 1
	default:
		var num, den, q apd.Decimal
		_, _ = exact.Sub(&num, x, lo)
		_, _ = exact.Mul(&num, &num, apd.New(count, 0))
		_, _ = exact.Sub(&den, hi, lo)
		ctx := exact.WithPrecision(uint32(num.NumDigits() + 2))
		_, _ = ctx.QuoInteger(&q, &num, &den)
		n, _ := q.Int64()
		b = n + 1
	}
	if b > math.MaxInt32 {
		return types.Value{}, outOfRange(types.Int32)
	}
	return int4(int(b)), nil
}
