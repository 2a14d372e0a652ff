package sql

import (
	"math"
	"math/big"
)

// exp, ln and pow of doubles rounded to the nearest double, as glibc's (which PostgreSQL
// calls) nearly always are and Go's math package often are not: computed in 106-bit binary
// floating point (twice the 53 bits kept), then rounded once.

const bigPrec = 106

var bigLn2, _, _ = big.ParseFloat("0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875", 10, bigPrec, big.ToNearestEven)

// invN are 1/n for the series of e^r.
var invN = func() []*big.Float {
	out := make([]*big.Float, 40)
	for n := 1; n < len(out); n++ {
		out[n] = new(big.Float).SetPrec(bigPrec).Quo(newBig(1), newBig(float64(n)))
	}
	return out
}()

func newBig(f float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(f) }

// bigExp is e^x for |x| below a few thousand.
func bigExp(x *big.Float) *big.Float {
	// x = k*ln2 + r, |r| <= ln2/2; e^r from its series over r/2^10, squared back 10 times
	xf, _ := x.Float64()
	k := math.Round(xf / math.Ln2)
	r := new(big.Float).SetPrec(bigPrec).Mul(newBig(k), bigLn2)
	r.Sub(x, r)
	const halvings = 10
	r.SetMantExp(r, -halvings)
	sum, term := newBig(1), newBig(1)
	for n := 1; n < 40; n++ {
		term.Mul(term, r)
		term.Mul(term, invN[n])
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -bigPrec {
			break
		}
		sum.Add(sum, term)
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}

// bigLn is ln(x) of a finite x > 0: math.Log's answer refined by one Newton step,
// y + x*e^-y - 1, which doubles its correct bits.
func bigLn(x float64) *big.Float {
	y0 := math.Log(x)
	if x < 0x1p-1022 { // Go's log on amd64 is wrong for subnormals: scale into the normals
		y0 = math.Log(x*0x1p54) - 54*math.Ln2
	}
	y := newBig(y0)
	e := bigExp(new(big.Float).SetPrec(bigPrec).Neg(y))
	e.Mul(e, newBig(x))
	e.Sub(e, newBig(1))
	return y.Add(y, e)
}

// nearest is f rounded to the nearest double (±Inf beyond the range, 0 or a subnormal
// below it).
func nearest(f *big.Float) float64 {
	v, _ := f.Float64()
	return v
}

// floatExp is e^x of a finite x.
func floatExp(x float64) float64 {
	switch {
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	}
	return nearest(bigExp(newBig(x)))
}

// floatLn is ln(x) of x > 0: NaN and +Infinity are themselves, as in PostgreSQL (big.Float
// holds neither; NaN panicked).
func floatLn(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 1) {
		return x
	}
	return nearest(bigLn(x))
}
