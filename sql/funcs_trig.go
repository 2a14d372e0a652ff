package sql

import (
	"math"

	"github.com/drovedb/drove/types"
)

// The trigonometric and hyperbolic functions of double precision, in radians and in degrees,
// with PostgreSQL's errors (float.c): an infinite argument of a periodic function and an
// argument outside an inverse function's domain are 22003 "input is out of range"; NaN gives
// NaN. The degree variants are PostgreSQL's: exact at the angles that have exact answers
// (sind(30) is 0.5, cosd(60) 0.5, tand(45) 1), by scaling with constants computed the same way.

var errInputRange = Errorf("22003", "input is out of range")

func trigFuncs() []builtin {
	const i = 'i'
	f := func(name, oid string, fn func(float64) (float64, error)) builtin {
		return builtin{name: name, vol: i, strict: true, procs: []string{oid + ": float8 -> float8"}, build: floatFunc(fn)}
	}
	return []builtin{
		f("sin", "1604", periodic(math.Sin)), f("cos", "1605", periodic(math.Cos)), f("tan", "1606", periodic(math.Tan)),
		f("cot", "1607", periodic(func(x float64) float64 { return 1 / math.Tan(x) })),
		f("asin", "1600", inverse(math.Asin)), f("acos", "1601", inverse(math.Acos)),
		f("atan", "1602", func(x float64) (float64, error) { return math.Atan(x), nil }),
		{name: "atan2", vol: i, strict: true, procs: []string{"1603: float8, float8 -> float8"}, build: floatFunc2(math.Atan2)},
		f("sind", "2735", degreeTrig(sind)), f("cosd", "2736", degreeTrig(cosd)), f("tand", "2737", degreeTrig(tand)),
		f("cotd", "2738", degreeTrig(cotd)), f("asind", "2731", inverse(asind)), f("acosd", "2732", inverse(acosd)),
		f("atand", "2733", func(x float64) (float64, error) { return math.Atan(x) / degreeConsts.atan1 * 45, nil }),
		{name: "atan2d", vol: i, strict: true, procs: []string{"2734: float8, float8 -> float8"},
			build: floatFunc2(func(y, x float64) float64 { return math.Atan2(y, x) / degreeConsts.atan1 * 45 })},
		f("degrees", "1608", func(x float64) (float64, error) { return scaled(x, x/radiansPerDegree) }),
		f("radians", "1609", func(x float64) (float64, error) { return scaled(x, x*radiansPerDegree) }),
		f("sinh", "2462", func(x float64) (float64, error) { return math.Sinh(x), nil }),
		f("cosh", "2463", func(x float64) (float64, error) { return math.Cosh(x), nil }),
		f("tanh", "2464", func(x float64) (float64, error) { return math.Tanh(x), nil }),
		f("asinh", "2465", func(x float64) (float64, error) { return math.Asinh(x), nil }),
		f("acosh", "2466", func(x float64) (float64, error) {
			if x < 1 {
				return 0, errInputRange
			}
			return math.Acosh(x), nil
		}),
		f("atanh", "2467", func(x float64) (float64, error) {
			if x < -1 || x > 1 {
				return 0, errInputRange
			}
			return math.Atanh(x), nil
		}),
		f("cbrt", "1345", func(x float64) (float64, error) { return glibcCbrt(x), nil }),
	}
}

// floatFunc is a strict function of one double precision argument.
func floatFunc(fn func(float64) (float64, error)) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			r, err := fn(v[0].F)
			if err != nil {
				return types.Value{}, err
			}
			return types.NewFloat(types.Float64, r), nil
		})
	}
}

// floatFunc2 is a strict function of two double precision arguments whose result is finite
// for every input; NaN in either gives NaN.
func floatFunc2(fn func(float64, float64) float64) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			if math.IsNaN(v[0].F) || math.IsNaN(v[1].F) {
				return types.NewFloat(types.Float64, math.NaN()), nil
			}
			return types.NewFloat(types.Float64, fn(v[0].F, v[1].F)), nil
		})
	}
}

// scaled is x times a finite non-zero constant, r, checked as float8_mul and float8_div do.
func scaled(x, r float64) (float64, error) {
	switch {
	case math.IsInf(r, 0) && !math.IsInf(x, 0):
		return 0, errFloatOver
	case r == 0 && x != 0:
		return 0, errFloatUnder
	}
	return r, nil
}

// periodic is sin, cos, tan or cot: NaN for NaN, an error for an infinity.
func periodic(fn func(float64) float64) func(float64) (float64, error) {
	return func(x float64) (float64, error) {
		if math.IsInf(x, 0) {
			return 0, errInputRange
		}
		return fn(x), nil
	}
}

// inverse is an inverse function defined on [-1, 1]: NaN for NaN, an error outside.
func inverse(fn func(float64) float64) func(float64) (float64, error) {
	return func(x float64) (float64, error) {
		if x < -1 || x > 1 {
			return 0, errInputRange
		}
		return fn(x), nil
	}
}

// degreeTrig is sind, cosd, tand or cotd: NaN for NaN, an error for an infinity, the angle
// reduced to [0, 360) first as fmod does.
func degreeTrig(fn func(float64) float64) func(float64) (float64, error) {
	return func(x float64) (float64, error) {
		if math.IsNaN(x) {
			return x, nil
		}
		if math.IsInf(x, 0) {
			return 0, errInputRange
		}
		return fn(math.Mod(x, 360)), nil
	}
}

// radiansPerDegree is a variable, and so are the angles below: a constant expression such as
// 30 * radiansPerDegree is computed exactly and then rounded, which is not the product
// sind(30) computes at run time, and sind(30) would not be exactly 0.5.
var radiansPerDegree, thirty, sixty = 0.0174532925199432957692, 30.0, 60.0

// degreeConsts are float.c's scaling constants, computed at run time as PostgreSQL does so
// that the divisions below give exact answers at 30, 45, 60 and 90 degrees.
var degreeConsts = func() (c struct{ sin30, oneMinusCos60, asinHalf, acosHalf, atan1, tan45, cot45 float64 }) {
	c.sin30 = math.Sin(thirty * radiansPerDegree)
	c.oneMinusCos60 = 1 - math.Cos(sixty*radiansPerDegree)
	c.asinHalf, c.acosHalf, c.atan1 = math.Asin(0.5), math.Acos(0.5), math.Atan(1)
	return c
}()

func init() {
	degreeConsts.tan45 = sindQ1(45) / cosdQ1(45)
	degreeConsts.cot45 = cosdQ1(45) / sindQ1(45)
}

func sind0to30(x float64) float64 { return math.Sin(x*radiansPerDegree) / degreeConsts.sin30 / 2 }

func cosd0to60(x float64) float64 {
	return 1 - (1-math.Cos(x*radiansPerDegree))/degreeConsts.oneMinusCos60/2
}

func sindQ1(x float64) float64 {
	if x <= 30 {
		return sind0to30(x)
	}
	return cosd0to60(90 - x)
}

func cosdQ1(x float64) float64 {
	if x <= 60 {
		return cosd0to60(x)
	}
	return sind0to30(90 - x)
}

// quadrant folds an angle of (-360, 360) into [0, 90], with the sign the functions odd in
// the angle (sin), odd about 180 (sin), and odd about 90 (cos) take on the way.
func quadrant(x float64, oddAt0, oddAt180, oddAt90 bool) (float64, float64) {
	sign := 1.0
	if x < 0 {
		x = -x
		if oddAt0 {
			sign = -sign
		}
	}
	if x > 180 {
		x = 360 - x
		if oddAt180 {
			sign = -sign
		}
	}
	if x > 90 {
		x = 180 - x
		if oddAt90 {
			sign = -sign
		}
	}
	return x, sign
}

func sind(x float64) float64 {
	x, sign := quadrant(x, true, true, false)
	return sign * sindQ1(x)
}

func cosd(x float64) float64 {
	x, sign := quadrant(x, false, false, true)
	return sign * cosdQ1(x)
}

func tand(x float64) float64 {
	x, sign := quadrant(x, true, true, true)
	return noNegativeZero(sign * (sindQ1(x) / cosdQ1(x) / degreeConsts.tan45))
}

func cotd(x float64) float64 {
	x, sign := quadrant(x, true, true, true)
	return noNegativeZero(sign * (cosdQ1(x) / sindQ1(x) / degreeConsts.cot45))
}

func noNegativeZero(f float64) float64 {
	if f == 0 {
		return 0
	}
	return f
}

func asindQ1(x float64) float64 {
	if x <= 0.5 {
		return math.Asin(x) / degreeConsts.asinHalf * 30
	}
	return 90 - math.Acos(x)/degreeConsts.acosHalf*60
}

func acosdQ1(x float64) float64 {
	if x <= 0.5 {
		return 90 - math.Asin(x)/degreeConsts.asinHalf*30
	}
	return math.Acos(x) / degreeConsts.acosHalf * 60
}

func asind(x float64) float64 {
	if x >= 0 {
		return asindQ1(x)
	}
	return -asindQ1(-x)
}

func acosd(x float64) float64 {
	if x >= 0 {
		return acosdQ1(x)
	}
	return 90 + asindQ1(-x)
}

// glibcCbrt is glibc's cbrt (a polynomial guess refined by one Halley step), which
// PostgreSQL calls: it is not correctly rounded (cbrt(27) is 3.0000000000000004), and
// Go's math.Cbrt, which is, would differ from PostgreSQL in the last digit. The float64
// conversions keep Go from fusing a multiply and an add, as glibc's build does not.
func glibcCbrt(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	const cbrt2, sqrCbrt2 = 1.2599210498948731648, 1.5874010519681994748
	factor := [5]float64{1 / sqrCbrt2, 1 / cbrt2, 1, cbrt2, sqrCbrt2}
	xm, xe := math.Frexp(math.Abs(x))
	u := float64(0.784932344976639262 - float64(0.145263899385486377*xm))
	for _, c := range []float64{-1.83469277483613086, 2.44693122563534430, -2.11499494167371287, 1.50819193781584896,
		0.354895765043919860} {
		u = float64(c + float64(u*xm))
	}
	t2 := float64(float64(u*u) * u)
	ym := float64(float64(u*float64(t2+float64(2*xm))) / float64(float64(2*t2)+xm) * factor[2+xe%3])
	if x < 0 {
		ym = -ym
	}
	return math.Ldexp(ym, xe/3)
}
