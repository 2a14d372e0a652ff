package sql

import (
	"math"
	"strconv"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// The accumulators of aggregate_calls.go's aggregates, and their argument and result types
// as PostgreSQL 15 resolves them.

// statsNames are the one-variable statistics (numeric for integer and numeric input,
// double precision for floats).
var statsNames = map[string]bool{"stddev": true, "stddev_samp": true, "stddev_pop": true,
	"variance": true, "var_samp": true, "var_pop": true}

// regrNames are the two-variable statistics, over double precision (Y, X).
var regrNames = map[string]bool{"corr": true, "covar_pop": true, "covar_samp": true, "regr_slope": true,
	"regr_intercept": true, "regr_count": true, "regr_r2": true, "regr_avgx": true, "regr_avgy": true,
	"regr_sxx": true, "regr_syy": true, "regr_sxy": true}

// bindPlain resolves an aggregate that is not ordered-set by its arguments' types.
func (c *aggCall) bindPlain() error {
	if c.name == "string_agg" && len(c.args) == 2 && byteaAgg(c.args) {
		return c.bindByteaAgg()
	}
	if err := unknownAsText(c.args); err != nil {
		return err
	}
	want := 1
	switch {
	case c.name == "string_agg" || regrNames[c.name]:
		want = 2
	}
	if len(c.args) != want {
		return noFunction(c.name, c.args)
	}
	t := c.args[0].typ
	c.strict = true
	switch {
	case c.name == "array_agg":
		c.strict = false
		if t.IsArray() {
			return unsupported("array_agg of arrays")
		}
		if c.typ = types.ArrayOf(t); c.typ == types.Null {
			return unsupported("arrays of %s", t)
		}
		c.newAcc = func([]types.Value) (aggAcc, error) { return &arrayAcc{typ: c.typ}, nil }
	case c.name == "string_agg":
		if (t != types.Text && t != types.Null) || (c.args[1].typ != types.Text && c.args[1].typ != types.Null) {
			return noFunction(c.name, c.args)
		}
		c.strict, c.strictFirst, c.typ = false, true, types.Text
		c.args[0], c.args[1] = asText(c.args[0]), asText(c.args[1]) // char(n) loses its padding
		c.newAcc = func([]types.Value) (aggAcc, error) { return &stringAcc{}, nil }
	case c.name == "bool_and" || c.name == "bool_or" || c.name == "every":
		if t != types.Bool {
			return noFunction(c.name, c.args)
		}
		c.typ = types.Bool
		and := c.name != "bool_or"
		c.newAcc = func([]types.Value) (aggAcc, error) { return &boolAcc{and: and}, nil }
	case c.name == "bit_and" || c.name == "bit_or" || c.name == "bit_xor":
		if !t.IsInteger() {
			return noFunction(c.name, c.args)
		}
		c.typ = t
		op := c.name[4]
		c.newAcc = func([]types.Value) (aggAcc, error) { return &bitAcc{op: op, typ: t}, nil }
	case statsNames[c.name]:
		if familyOf(t) != famNumeric {
			return noFunction(c.name, c.args)
		}
		sample := c.name != "stddev_pop" && c.name != "var_pop"
		variance := c.name == "variance" || c.name == "var_samp" || c.name == "var_pop"
		if t.IsFloat() {
			c.typ = types.Float64
			c.newAcc = func([]types.Value) (aggAcc, error) { return &floatMoments{sample: sample, variance: variance}, nil }
		} else {
			c.typ = types.Numeric
			c.newAcc = func([]types.Value) (aggAcc, error) { return &numericMoments{sample: sample, variance: variance}, nil }
		}
	case regrNames[c.name]:
		if familyOf(t) != famNumeric || familyOf(c.args[1].typ) != famNumeric {
			return noFunction(c.name, c.args)
		}
		c.typ = types.Float64
		if c.name == "regr_count" {
			c.typ = types.Int64
		}
		c.newAcc = func([]types.Value) (aggAcc, error) { return &regrAcc{name: c.name}, nil }
	default:
		return unsupported("aggregate %s", c.name)
	}
	return nil
}

// bindOrderedSet resolves percentile_cont, percentile_disc and mode.
func (c *aggCall) bindOrderedSet() error {
	if err := unknownAsText(c.args); err != nil {
		return err
	}
	wantDirect := 1
	if c.name == "mode" {
		wantDirect = 0
	}
	if len(c.direct) != wantDirect || len(c.args) != 1 {
		return noFunction(c.name, append(append([]*expr(nil), c.direct...), c.args...))
	}
	c.strict = true
	t := c.args[0].typ
	if wantDirect == 1 {
		d := c.direct[0]
		if d.unknown {
			x, err := castLiteral(d, types.Float64)
			if err != nil {
				return err
			}
			c.direct[0] = x
		} else if d.typ.IsArray() {
			return unsupported("%s of an array of fractions", c.name)
		} else if familyOf(d.typ) != famNumeric && d.typ != types.Null {
			return noFunction(c.name, append(append([]*expr(nil), c.direct...), c.args...))
		}
	}
	switch c.name {
	case "percentile_cont":
		if familyOf(t) != famNumeric {
			if t == types.Interval {
				return unsupported("percentile_cont of interval")
			}
			return noFunction(c.name, append(append([]*expr(nil), c.direct...), c.args...))
		}
		c.typ = types.Float64
	default:
		c.typ = t
	}
	name := c.name
	c.newAcc = func(direct []types.Value) (aggAcc, error) {
		if name == "mode" {
			return &modeAcc{}, nil
		}
		if direct[0].IsNull() {
			return nil, nil
		}
		f := num(direct[0])
		if f < 0 || f > 1 || math.IsNaN(f) {
			return nil, Errorf("22003", "percentile value %s is not between 0 and 1", strconv.FormatFloat(f, 'g', 6, 64))
		}
		return &percentileAcc{cont: name == "percentile_cont", frac: f}, nil
	}
	return nil
}

type arrayAcc struct {
	typ   types.Type
	elems []types.Value
	any   bool
}

func (a *arrayAcc) add(v []types.Value) (int64, error) {
	a.elems, a.any = append(a.elems, v[0]), true
	return int64(40 + len(v[0].S)), nil
}

func (a *arrayAcc) result() (types.Value, error) {
	if !a.any {
		return types.Value{T: a.typ, Null: true}, nil
	}
	return types.NewArray(a.typ, a.elems), nil
}

// byteaAgg: string_agg's arguments choose its bytea overload, both bytea or one bytea and
// one untyped literal or NULL.
func byteaAgg(args []*expr) bool {
	a, b := args[0], args[1]
	untyped := func(x *expr) bool { return x.unknown || x.typ == types.Null }
	return a.typ == types.Bytea && (b.typ == types.Bytea || untyped(b)) || untyped(a) && b.typ == types.Bytea
}

// bindByteaAgg is string_agg(bytea, bytea): the values joined by the delimiters, as bytea.
func (c *aggCall) bindByteaAgg() error {
	for i, a := range c.args {
		if a.unknown || a.typ == types.Null {
			x, err := castLiteral(a, types.Bytea)
			if err != nil {
				return err
			}
			c.args[i] = x
		}
	}
	c.strict, c.strictFirst, c.typ = false, true, types.Bytea
	c.newAcc = func([]types.Value) (aggAcc, error) { return &stringAcc{typ: types.Bytea}, nil }
	return nil
}

// stringAcc is string_agg: each value after the first is preceded by its row's delimiter
// (none when that is NULL).
type stringAcc struct {
	b   []byte
	any bool
	typ types.Type // text, or bytea
}

func (a *stringAcc) add(v []types.Value) (int64, error) {
	if a.any && !v[1].IsNull() {
		a.b = append(a.b, v[1].S...)
	}
	a.b, a.any = append(a.b, v[0].S...), true
	return int64(len(v[0].S) + len(v[1].S)), nil
}

func (a *stringAcc) result() (types.Value, error) {
	if a.typ == types.Bytea {
		if !a.any {
			return types.Value{T: types.Bytea, Null: true}, nil
		}
		return byteaResult(a.b), nil
	}
	if !a.any {
		return types.Value{T: types.Text, Null: true}, nil
	}
	return types.NewText(string(a.b)), nil
}

type boolAcc struct {
	and, any, v bool
}

func (a *boolAcc) add(v []types.Value) (int64, error) {
	b := v[0].Bool()
	switch {
	case !a.any:
		a.v = b
	case a.and:
		a.v = a.v && b
	default:
		a.v = a.v || b
	}
	a.any = true
	return 0, nil
}

func (a *boolAcc) result() (types.Value, error) {
	if !a.any {
		return types.Value{T: types.Bool, Null: true}, nil
	}
	return types.NewBool(a.v), nil
}

type bitAcc struct {
	op  byte // a, o, x
	typ types.Type
	v   int64
	any bool
}

func (a *bitAcc) add(v []types.Value) (int64, error) {
	x := v[0].I
	switch {
	case !a.any:
		a.v = x
	case a.op == 'a':
		a.v &= x
	case a.op == 'o':
		a.v |= x
	default:
		a.v ^= x
	}
	a.any = true
	return 0, nil
}

func (a *bitAcc) result() (types.Value, error) {
	if !a.any {
		return types.Value{T: a.typ, Null: true}, nil
	}
	return types.NewInt(a.typ, a.v), nil
}

// floatMoments is float8_accum: Youngs-Cramer's running sum of squared differences.
type floatMoments struct {
	sample, variance bool
	n, sx, sxx       float64
}

func (a *floatMoments) add(v []types.Value) (int64, error) {
	x := num(v[0])
	n0, sx0 := a.n, a.sx
	a.n++
	a.sx += x
	if n0 > 0 {
		tmp := x*a.n - a.sx
		a.sxx += tmp * tmp / (a.n * n0)
		if math.IsInf(a.sx, 0) || math.IsInf(a.sxx, 0) {
			if !math.IsInf(sx0, 0) && !math.IsInf(x, 0) {
				return 0, Errorf("22003", "value out of range: overflow")
			}
			a.sxx = math.NaN()
		}
	} else if math.IsNaN(x) || math.IsInf(x, 0) {
		a.sxx = math.NaN()
	}
	return 0, nil
}

func (a *floatMoments) result() (types.Value, error) {
	d := a.n
	if a.sample {
		d--
	}
	if a.n == 0 || a.sample && a.n <= 1 {
		return types.Value{T: types.Float64, Null: true}, nil
	}
	r := a.sxx / d
	if !a.variance {
		r = math.Sqrt(r)
	}
	return types.NewFloat(types.Float64, r), nil
}

// numericMoments is numeric_accum: the count, sum and sum of squares, exact.
type numericMoments struct {
	sample, variance bool
	n                int64
	sx, sxx          apd.Decimal
	nan, inf         bool
}

func (a *numericMoments) add(v []types.Value) (int64, error) {
	d, err := decimalOf(v[0])
	if err != nil {
		return 0, err
	}
	a.n++
	switch d.Form {
	case apd.NaN, apd.NaNSignaling:
		a.nan = true
		return 0, nil
	case apd.Infinite:
		a.inf = true
		return 0, nil
	}
	var sq apd.Decimal
	if _, err := exact.Mul(&sq, d, d); err != nil {
		return 0, Errorf("22003", "value overflows numeric format")
	}
	if _, err := exact.Add(&a.sx, &a.sx, d); err != nil {
		return 0, Errorf("22003", "value overflows numeric format")
	}
	if _, err := exact.Add(&a.sxx, &a.sxx, &sq); err != nil {
		return 0, Errorf("22003", "value overflows numeric format")
	}
	return 0, nil
}

// result is numeric_stddev_internal: (N·Σx² − (Σx)²) / (N·(N−1)) (or N·N), at
// select_div_scale's scale, and its square root at the same scale.
func (a *numericMoments) result() (types.Value, error) {
	if a.n == 0 || a.sample && a.n <= 1 {
		return types.Value{T: types.Numeric, Null: true}, nil
	}
	if a.nan || a.inf {
		return types.Value{T: types.Numeric, S: "NaN"}, nil
	}
	n := apd.New(a.n, 0)
	var num, sq, den apd.Decimal
	if _, err := exact.Mul(&num, n, &a.sxx); err != nil {
		return types.Value{}, Errorf("22003", "value overflows numeric format")
	}
	if _, err := exact.Mul(&sq, &a.sx, &a.sx); err != nil {
		return types.Value{}, Errorf("22003", "value overflows numeric format")
	}
	_, _ = exact.Sub(&num, &num, &sq)
	if num.Sign() <= 0 {
		return types.NewNumeric(apd.New(0, 0)), nil
	}
	if a.sample {
		den.SetInt64(a.n * (a.n - 1))
	} else {
		_, _ = exact.Mul(&den, n, n)
	}
	scale := divScale(&num, &den)
	r, err := numericDiv(&num, &den, scale)
	if err != nil || a.variance {
		return r, err
	}
	d, err := decimalOf(r)
	if err != nil {
		return types.Value{}, err
	}
	return numericSqrt(d, int64(scale))
}

// regrAcc is float8_regr_accum over (Y, X) and the final functions of the regr family.
type regrAcc struct {
	name                     string
	n, sx, sxx, sy, syy, sxy float64
}

func (a *regrAcc) add(v []types.Value) (int64, error) {
	y, x := num(v[0]), num(v[1])
	n0, sx0, sy0 := a.n, a.sx, a.sy
	a.n++
	a.sx += x
	a.sy += y
	if n0 > 0 {
		tx, ty := x*a.n-a.sx, y*a.n-a.sy
		scale := 1.0 / (a.n * n0)
		a.sxx += tx * tx * scale
		a.syy += ty * ty * scale
		a.sxy += tx * ty * scale
		overflow := func(s, ss, old, nv float64) (float64, error) {
			if math.IsInf(s, 0) || math.IsInf(ss, 0) {
				if !math.IsInf(old, 0) && !math.IsInf(nv, 0) {
					return 0, Errorf("22003", "value out of range: overflow")
				}
				return math.NaN(), nil
			}
			return ss, nil
		}
		var err error
		if a.sxx, err = overflow(a.sx, a.sxx, sx0, x); err != nil {
			return 0, err
		}
		if a.syy, err = overflow(a.sy, a.syy, sy0, y); err != nil {
			return 0, err
		}
		if math.IsInf(a.sxy, 0) {
			if !math.IsInf(sx0, 0) && !math.IsInf(x, 0) && !math.IsInf(sy0, 0) && !math.IsInf(y, 0) {
				return 0, Errorf("22003", "value out of range: overflow")
			}
			a.sxy = math.NaN()
		}
		return 0, nil
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		a.sxx, a.sxy = math.NaN(), math.NaN()
	}
	if math.IsNaN(y) || math.IsInf(y, 0) {
		a.syy, a.sxy = math.NaN(), math.NaN()
	}
	return 0, nil
}

func (a *regrAcc) result() (types.Value, error) {
	if a.name == "regr_count" {
		return types.NewInt(types.Int64, int64(a.n)), nil
	}
	null := types.Value{T: types.Float64, Null: true}
	if a.n < 1 || a.name == "covar_samp" && a.n < 2 {
		return null, nil
	}
	var r float64
	switch a.name {
	case "regr_sxx":
		r = a.sxx
	case "regr_syy":
		r = a.syy
	case "regr_sxy":
		r = a.sxy
	case "regr_avgx":
		r = a.sx / a.n
	case "regr_avgy":
		r = a.sy / a.n
	case "covar_pop":
		r = a.sxy / a.n
	case "covar_samp":
		r = a.sxy / (a.n - 1)
	case "corr":
		if a.sxx == 0 || a.syy == 0 {
			return null, nil
		}
		r = a.sxy / math.Sqrt(a.sxx*a.syy)
	case "regr_r2":
		if a.sxx == 0 {
			return null, nil
		}
		if a.syy == 0 {
			r = 1
		} else {
			r = a.sxy * a.sxy / (a.sxx * a.syy)
		}
	case "regr_slope":
		if a.sxx == 0 {
			return null, nil
		}
		r = a.sxy / a.sxx
	case "regr_intercept":
		if a.sxx == 0 {
			return null, nil
		}
		r = (a.sy - a.sx*a.sxy/a.sxx) / a.n
	}
	return types.NewFloat(types.Float64, r), nil
}

// percentileAcc receives its values sorted.
type percentileAcc struct {
	cont bool
	frac float64
	vals []types.Value
}

func (a *percentileAcc) add(v []types.Value) (int64, error) {
	a.vals = append(a.vals, v[0])
	return 0, nil // kept rows are counted as they are kept
}

func (a *percentileAcc) result() (types.Value, error) {
	n := len(a.vals)
	if n == 0 {
		return types.Value{T: types.Float64, Null: true}, nil
	}
	if !a.cont { // percentile_disc: the first value whose position is at least frac
		k := int(math.Ceil(a.frac * float64(n)))
		return a.vals[max(k, 1)-1], nil
	}
	pos := a.frac * float64(n-1)
	lo, hi := int(math.Floor(pos)), int(math.Ceil(pos))
	x := num(a.vals[lo])
	if lo == hi {
		return types.NewFloat(types.Float64, x), nil
	}
	y := num(a.vals[hi])
	return types.NewFloat(types.Float64, x+(pos-float64(lo))*(y-x)), nil
}

// modeAcc receives its values sorted: the first of the longest runs of equal values.
type modeAcc struct {
	best, cur   types.Value
	bestN, curN int
}

func (a *modeAcc) add(v []types.Value) (int64, error) {
	x := v[0]
	if a.curN > 0 && compare(x, a.cur) == 0 {
		a.curN++
	} else {
		a.cur, a.curN = x, 1
	}
	if a.curN > a.bestN {
		a.best, a.bestN = a.cur, a.curN
	}
	return 0, nil
}

func (a *modeAcc) result() (types.Value, error) {
	if a.bestN == 0 {
		return types.Value{T: types.Null, Null: true}, nil
	}
	return a.best, nil
}
