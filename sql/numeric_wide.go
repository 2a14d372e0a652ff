package sql

import (
	"github.com/cockroachdb/apd/v3"
)

// apd refuses any result whose adjusted exponent passes its system limit (1e100000), but a
// numeric reaches 1e131071 (PostgreSQL's 131072 digits before the point). wideArith computes
// + - * and / of finite a and b on their coefficients instead, without that limit, for the
// results apd refused; numericResult then checks numeric's own range (22003 past it).

// wideArith is a op b for op one of + - *, exactly.
func wideArith(op string, a, b *apd.Decimal) *apd.Decimal {
	var d apd.Decimal
	if op == "*" {
		d.Coeff.Mul(&a.Coeff, &b.Coeff)
		d.Exponent = a.Exponent + b.Exponent
		d.Negative = a.Negative != b.Negative && d.Coeff.Sign() != 0
		return &d
	}
	e := min(a.Exponent, b.Exponent)
	x, y := signedScaled(a, e), signedScaled(b, e)
	if op == "-" {
		y.Neg(y)
	}
	x.Add(x, y)
	d.Negative = x.Sign() < 0
	d.Coeff.Abs(x)
	d.Exponent = e
	return &d
}

// signedScaled is d's signed coefficient at exponent e (at most d's own).
func signedScaled(d *apd.Decimal, e int32) *apd.BigInt {
	z := new(apd.BigInt).Set(&d.Coeff)
	if k := d.Exponent - e; k > 0 {
		z.Mul(z, pow10Big(int64(k)))
	}
	if d.Negative {
		z.Neg(z)
	}
	return z
}

func pow10Big(k int64) *apd.BigInt {
	return new(apd.BigInt).Exp(apd.NewBigInt(10), apd.NewBigInt(k), nil)
}

// wideDiv is a / b (b not zero) rounded half away from zero to scale digits after the point,
// as numericDiv rounds it.
func wideDiv(a, b *apd.Decimal, scale int32) *apd.Decimal {
	n := new(apd.BigInt).Set(&a.Coeff)
	den := new(apd.BigInt).Set(&b.Coeff)
	if k := int64(a.Exponent) - int64(b.Exponent) + int64(scale); k >= 0 {
		n.Mul(n, pow10Big(k))
	} else {
		den.Mul(den, pow10Big(-k))
	}
	var q, r apd.BigInt
	q.QuoRem(n, den, &r)
	if r.Add(&r, &r).CmpAbs(den) >= 0 {
		q.Add(&q, apd.NewBigInt(1))
	}
	d := apd.Decimal{Exponent: -scale}
	d.Coeff.Set(&q)
	d.Negative = a.Negative != b.Negative && q.Sign() != 0
	return &d
}

// widePow is the integral x to the power n > 0, exactly, shown with scale digits after the
// point.
func widePow(x *apd.Decimal, n int64, scale int32) *apd.Decimal {
	var d apd.Decimal
	d.Coeff.Exp(&x.Coeff, apd.NewBigInt(n), nil)
	e := int64(x.Exponent) * n
	if k := e + int64(scale); k > 0 {
		d.Coeff.Mul(&d.Coeff, pow10Big(k))
	} else if k < 0 { // x's trailing zeros after the point: the division is exact
		d.Coeff.Quo(&d.Coeff, pow10Big(-k))
	}
	d.Exponent = -scale
	d.Negative = x.Negative && n%2 == 1
	return &d
}
