package sql

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// The constructors of the scalar functions of the registry (funcs_builtin.go). Their
// arguments have the types of the overload resolution chose.

// textFunc is a function of one text argument.
func textFunc(f func(string) types.Value) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		a, rt := c.args[0], c.ret
		return fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
			v, err := a.eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: rt, Null: true}, err
			}
			return f(v.S), nil
		}}, a)
	}
}

// buildSubstring is substring(s, start [, count]) with PostgreSQL's rules: the characters at
// positions start .. start+count-1 that exist.
func buildSubstring(c *funcCall) (*expr, error) {
	inputs := c.args
	hasCount := len(inputs) == 3
	typ := inputs[0].typ // text counts characters, bytea bytes
	if typ != types.Bytea {
		typ = types.Text
	}
	return foldStrict(&expr{typ: typ, eval: func(row []types.Value) (types.Value, error) {
		var vals [3]types.Value
		if null, err := evalStrict(row, inputs, vals[:]); err != nil || null {
			return types.Value{T: typ, Null: true}, err
		}
		if typ == types.Bytea {
			return substringOf(vals, hasCount, len(vals[0].S), func(lo, hi int) types.Value {
				return types.Value{T: types.Bytea, S: vals[0].S[lo:hi]}
			})
		}
		runes := []rune(vals[0].S)
		return substringOf(vals, hasCount, len(runes), func(lo, hi int) types.Value {
			return types.NewText(string(runes[lo:hi]))
		})
	}}, inputs...)
}

// substringOf cuts the n units of vals[0] from vals[1] for vals[2] (when hasCount), 1-based
// as SQL counts; part makes the value of units [lo, hi).
func substringOf(vals [3]types.Value, hasCount bool, n int, part func(lo, hi int) types.Value) (types.Value, error) {
	start, end := vals[1].I, int64(math.MaxInt64)
	if hasCount {
		if vals[2].I < 0 {
			return types.Value{}, Errorf("22011", "negative substring length not allowed")
		}
		if start > math.MaxInt64-vals[2].I {
			end = math.MaxInt64
		} else {
			end = start + vals[2].I
		}
	}
	lo, hi := max(start, 1), min(end, int64(n)+1)
	if lo >= hi {
		return part(0, 0), nil
	}
	return part(int(lo-1), int(hi-1)), nil
}

// trimFunc is btrim, ltrim or rtrim(s [, chars]): s without the characters of chars (a
// space by default) at its start, its end or both.
func trimFunc(left, right bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		s, chars := c.args[0], constExpr(types.NewText(" "), false)
		if len(c.args) == 2 {
			chars = c.args[1]
		}
		return foldStrict(&expr{typ: c.ret, eval: func(row []types.Value) (types.Value, error) {
			var vals [2]types.Value
			if null, err := evalStrict(row, []*expr{s, chars}, vals[:]); err != nil || null {
				return types.Value{T: c.ret, Null: true}, err
			}
			out := vals[0].S
			if c.ret == types.Bytea {
				return byteaResult(trimBytes(out, vals[1].S, left, right)), nil
			}
			if left {
				out = strings.TrimLeft(out, vals[1].S)
			}
			if right {
				out = strings.TrimRight(out, vals[1].S)
			}
			return types.NewText(out), nil
		}}, s, chars)
	}
}

// trimBytes is bytea's btrim, ltrim and rtrim: the bytes of set removed from the ends of b.
func trimBytes(b, set string, left, right bool) []byte {
	in := func(c byte) bool { return strings.IndexByte(set, c) >= 0 }
	lo, hi := 0, len(b)
	for left && lo < hi && in(b[lo]) {
		lo++
	}
	for right && hi > lo && in(b[hi-1]) {
		hi--
	}
	return []byte(b[lo:hi])
}

// buildPosition is position(s, sub): the 1-based character position of sub in s, 0 if absent.
func buildPosition(c *funcCall) (*expr, error) {
	s, sub := c.args[0], c.args[1]
	return foldStrict(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
		var vals [2]types.Value
		// strpos(s, sub), as position(sub IN s) is: s is computed first
		if null, err := evalStrict(row, []*expr{s, sub}, vals[:]); err != nil || null {
			return types.Value{T: types.Int32, Null: true}, err
		}
		b, a := vals[0], vals[1]
		i := strings.Index(b.S, a.S)
		if i < 0 {
			return types.NewInt(types.Int32, 0), nil
		}
		return types.NewInt(types.Int32, int64(utf8.RuneCountInString(b.S[:i])+1)), nil
	}}, s, sub)
}

func buildReplace(c *funcCall) (*expr, error) {
	args := c.args
	return foldStrict(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		var v [3]types.Value
		if null, err := evalStrict(row, args, v[:]); err != nil || null {
			return types.Value{T: types.Text, Null: true}, err
		}
		if v[1].S == "" {
			return types.NewText(v[0].S), nil
		}
		return types.NewText(strings.ReplaceAll(v[0].S, v[1].S, v[2].S)), nil
	}}, args...)
}

// buildConcat is concat(VARIADIC "any"): stable in PostgreSQL, as its arguments print by
// their types' output functions; NULL appends nothing.
func buildConcat(c *funcCall) (*expr, error) {
	args, sc := regArgsText(c.args, c.sc), c.sc
	return stable(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		var b []byte
		for _, x := range args {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			if !v.IsNull() { // a timestamptz prints in the session's zone
				b = appendTextAs(b, v, sc.location(), sc.dateStyle())
			}
		}
		return types.NewText(string(b)), nil
	}}, args...)
}

// buildAbs is abs(x) for every numeric type (an integer's minimum has no absolute value of
// its type: 22003).
func buildAbs(c *funcCall) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: c.ret, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return v, err
		}
		switch {
		case v.T.IsInteger():
			if v.I == math.MinInt64 || intRange(v.T, -v.I) != nil {
				return types.Value{}, outOfRange(v.T)
			}
			v.I = abs64(v.I)
		case v.T == types.Numeric:
			v.S = strings.TrimPrefix(v.S, "-")
		default:
			v.F = math.Abs(v.F)
		}
		return v, nil
	}}, a)
}

var roundModes = map[string]apd.Rounder{"round": apd.RoundHalfUp, "trunc": apd.RoundDown, "floor": apd.RoundFloor,
	"ceil": apd.RoundCeiling, "ceiling": apd.RoundCeiling}

// buildRound is round, trunc, floor, ceil and ceiling, of a double precision or a numeric
// (round and trunc of a numeric also to a number of digits).
func buildRound(c *funcCall) (*expr, error) {
	name, rt, inputs := c.name, c.ret, c.args
	digits := len(inputs) == 2
	mode := roundModes[name]
	return foldStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		var vals [2]types.Value
		if null, err := evalStrict(row, inputs, vals[:]); err != nil || null {
			return types.Value{T: rt, Null: true}, err
		}
		v := vals[0]
		if rt == types.Numeric {
			scale := int64(0)
			if digits {
				scale = max(min(vals[1].I, types.NumericMaxScale), -types.NumericMaxWeightDigits)
			}
			dec, err := decimalOf(v)
			if err != nil {
				return types.Value{}, err
			}
			return roundNumeric(dec, int32(scale), mode)
		}
		f := v.F
		switch name {
		case "round":
			f = math.RoundToEven(f) // as PostgreSQL's rint
		case "floor":
			f = math.Floor(f)
		case "ceil", "ceiling":
			f = math.Ceil(f)
		case "trunc":
			f = math.Trunc(f)
		}
		return types.NewFloat(rt, f), nil
	}}, inputs...)
}

func buildMod(c *funcCall) (*expr, error) {
	rt := c.ret
	return strict2(rt, c.args[0], c.args[1], func(x, y types.Value) (types.Value, error) {
		if rt.IsInteger() {
			return intArith(sqlparser.ModOp, rt, x.I, y.I)
		}
		return numericArith("%", x, y)
	})
}

func buildIsfinite(c *funcCall) (*expr, error) {
	x := c.args[0]
	return foldStrict(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		return types.NewBool(!types.IsInfinite(v.I)), nil
	}}, x)
}

// buildPgTypeof is the argument's type as a regtype, as PostgreSQL's: a literal regtype
// (expr.reg), the type's oid inside the statement (pg_typeof(x) = 'integer'::regtype) that
// prints as its name. A type without an oid is its name.
func buildPgTypeof(c *funcCall) (*expr, error) {
	a := c.args[0]
	oid := int64(a.typ.OID())
	switch {
	case a.unknown || a.typ == types.Null:
		oid = 705 // unknown
	case a.typ == types.Text && a.bpchar: // char(n) and varchar are text values that remember their type (chars.go)
		oid = 1042
	case a.typ == types.Text && a.varchar:
		oid = 1043
	case a.typ == types.TextArray && a.bpchar:
		oid = 1014 // character[]
	case a.typ == types.TextArray && a.varchar:
		oid = 1015 // character varying[]
	case a.reg != "":
		oid = int64(regOIDs[a.reg])
	}
	if oid == 0 {
		return constExpr(types.NewText(a.typ.String()), false), nil
	}
	x := constExpr(types.NewInt(types.Int64, oid), false)
	x.reg = "regtype"
	return x, nil
}

// buildCoalesce compiles COALESCE over its compiled arguments, of which the first live are
// evaluated (those after a non-NULL constant never run).
func buildCoalesce(c *funcCall) (*expr, error) {
	args := c.args
	if len(args) == 0 {
		return nil, Errorf("42601", "syntax error at or near \")\"")
	}
	rt := types.Null
	for i, a := range args {
		if a.unknown && rt != types.Null {
			var err error
			if args[i], err = castLiteral(a, rt); err != nil {
				return nil, err
			}
			a = args[i]
		}
		if rt == types.Null {
			rt = a.typ
		} else if a.typ != types.Null && !comparable(rt, a.typ) {
			return nil, Errorf("42804", "COALESCE types %s and %s cannot be matched", rt, a.typ)
		} else if familyOf(a.typ) == famNumeric {
			rt = commonNumeric(rt, a.typ)
		} else if familyOf(a.typ) == famTime {
			rt = widerTime(rt, a.typ)
		}
	}
	args, kind := textKind(args[:c.live], rt)
	for i, a := range args {
		if a.typ != rt && a.typ != types.Null && (familyOf(rt) == famNumeric || familyOf(rt) == famTime) {
			// the value too, not only the type: COALESCE(numeric, 0) is a numeric 0, which
			// hashes (GROUP BY, set operations) and prints as one
			args[i] = convertTo(a, rt, c.sc)
		}
	}
	x, err := fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		for _, a := range args {
			v, err := a.eval(row)
			if err != nil || !v.IsNull() {
				return v, err
			}
		}
		return types.Value{T: rt, Null: true}, nil
	}}, args...)
	return kind.set(x), err
}

// buildNullif is NULLIF(a, b): NULL when a = b, else a.
func buildNullif(c *funcCall) (*expr, error) {
	if len(c.args) != 2 {
		return nil, c.arityError()
	}
	a, b, err := unify(c.args[0], c.args[1])
	if err != nil {
		return nil, err
	}
	if !comparable(a.typ, b.typ) {
		return nil, Errorf("42883", "operator does not exist: %s = %s", a.typ, b.typ)
	}
	if a.unknown {
		a.unknown, a.typ = false, types.Text
	}
	a = nullifOperand(a, b, c.sc)
	if a.typ == types.Null {
		// NULL = b takes b's type (text when b is untyped too; varchar's = is text's), and
		// so does NULLIF: NULLIF(NULL, 1) is an integer.
		t := b.typ
		if t == types.Null {
			t = types.Text
		}
		a = constExpr(types.Value{T: t, Null: true}, false)
		a.bpchar = b.bpchar
	}
	for _, x := range []*expr{a, b} {
		if isConst(x) && mustConst(x).IsNull() {
			return a, nil // as PostgreSQL simplifies it: a NULL equals nothing
		}
	}
	trimA, trimB := charTrims(a, b)
	return foldAcross(a.typ, b.typ)(&expr{typ: a.typ, bpchar: a.bpchar, varchar: a.varchar, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return x, err
		}
		y, err := b.eval(row) // even when x is NULL, as PostgreSQL does
		if err != nil || x.IsNull() {
			return x, err
		}
		if !y.IsNull() && compareAt(trimCharIf(x, trimA), trimCharIf(y, trimB), c.sc.location) == 0 {
			return types.Value{T: a.typ, Null: true}, nil
		}
		return x, nil
	}}, a, b)
}

// nullifOperand is NULLIF's first argument as the = operator PostgreSQL picks takes it, which
// is NULLIF's result: a number compared with another kind of number (integer with numeric or
// float, numeric with float) is promoted as arithmetic promotes it, since only the integers and
// the floats have operators across their sizes; char(n) compared with text is text, without
// its padding.
func nullifOperand(a, b *expr, sc *scope) *expr {
	switch {
	case familyOf(a.typ) == famNumeric && familyOf(b.typ) == famNumeric:
		if a.typ.IsInteger() && b.typ.IsInteger() || a.typ.IsFloat() && b.typ.IsFloat() {
			return a
		}
		if a.typ == types.Float32 {
			return a // real = integer or numeric is float48eq: real stays real
		}
		if t := arithType(a.typ, b.typ); t != a.typ {
			return convertTo(a, t, sc)
		}
	case a.bpchar && isTextKind(b) && !b.unknown:
		return asText(a)
	}
	return a
}

// buildGreatest is GREATEST and LEAST: the largest or smallest of the arguments that are not
// NULL, of their common type.
func buildGreatest(c *funcCall) (*expr, error) {
	if len(c.args) == 0 {
		return nil, Errorf("42601", "syntax error at or near \")\"")
	}
	xs, rt, kind, err := commonTypeKind(strings.ToUpper(c.name), c.args, c.sc)
	if err != nil {
		return nil, err
	}
	trim := kind.bpchar // char(n) values order without their padding
	sign := 1
	if c.name == "least" {
		sign = -1
	}
	x, err := fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		best := types.Value{T: rt, Null: true}
		for _, x := range xs {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			if !v.IsNull() && (best.IsNull() || sign*compareChar(v, best, trim) > 0) {
				best = v
			}
		}
		return best, nil
	}}, xs...)
	return kind.set(x), err
}
