package sql

import (
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// commonTypeOf resolves the result type of CASE, GREATEST/LEAST and the like: untyped
// literals take the type of the typed branches (text when none is typed), numbers widen.
func commonTypeOf(what string, xs []*expr) ([]*expr, types.Type, error) {
	rt := types.Null
	for _, x := range xs {
		switch {
		case x.unknown || x.typ == types.Null:
		case rt == types.Null:
			rt = x.typ
		case familyOf(rt) == famNumeric && familyOf(x.typ) == famNumeric:
			rt = arithType(rt, x.typ)
		case rt != x.typ:
			return nil, 0, Errorf("42804", "%s types %s and %s cannot be matched", what, rt, x.typ)
		}
	}
	if rt == types.Null {
		rt = types.Text
	}
	out := make([]*expr, len(xs))
	for i, x := range xs {
		var err error
		switch {
		case x.unknown:
			if out[i], err = castLiteral(x, rt); err != nil {
				return nil, 0, err
			}
		case x.typ != rt && x.typ != types.Null:
			out[i] = convertExpr(x, rt)
		default:
			out[i] = x
		}
	}
	return out, rt, nil
}

// compileCase compiles CASE [x] WHEN ... THEN ... [ELSE ...] END. Like PostgreSQL it
// simplifies the branches in order: one whose condition is constant true is the result, and
// what follows it, like the result of a condition that is constant false or NULL, is only
// type-checked (compileDead), so an error it would raise (1/0) cannot happen.
func compileCase(e *sqlparser.CaseExpr, sc *scope) (*expr, error) {
	var conds []*expr
	vals := make([]*expr, 0, len(e.Whens)+1)
	live := make([]bool, 0, len(e.Whens)+1)
	taken := -1 // the branch whose condition is constant true
	for _, w := range e.Whens {
		cond := w.Cond
		if e.Expr != nil {
			cond = &sqlparser.ComparisonExpr{Operator: sqlparser.EqualOp, Left: e.Expr, Right: w.Cond}
		}
		if taken >= 0 {
			sc.dead++
		}
		c, err := compileBool(cond, sc)
		if taken >= 0 {
			sc.dead--
		}
		if err != nil {
			return nil, err
		}
		reachable := taken < 0 && !(isConst(c) && !passesConst(c))
		compileVal := compileDead
		if reachable {
			compileVal = compile
		}
		v, err := compileVal(w.Val, sc)
		if err != nil {
			return nil, err
		}
		if reachable && isConst(c) {
			taken = len(vals)
		}
		conds = append(conds, c)
		vals = append(vals, v)
		live = append(live, reachable)
	}
	hasElse := e.Else != nil
	if hasElse {
		compileVal := compileDead
		if taken < 0 {
			compileVal = compile
		}
		v, err := compileVal(e.Else, sc)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		live = append(live, taken < 0)
	}
	vals, rt, kind, err := commonTypeKind("CASE", vals)
	if err != nil {
		return nil, err
	}
	// Only the branches that can be taken are kept; one taken always is the ELSE.
	var lconds, lvals []*expr
	for i, c := range conds {
		if live[i] && i != taken {
			lconds, lvals = append(lconds, c), append(lvals, vals[i])
		}
	}
	var elseVal *expr
	switch {
	case taken >= 0:
		elseVal = vals[taken]
	case hasElse:
		elseVal = vals[len(vals)-1]
	}
	if len(lconds) == 0 && elseVal != nil {
		x := *elseVal
		x.typ = rt // CASE WHEN true THEN NULL ELSE 1 END is an integer
		return kind.set(&x), nil
	}
	inputs := append(append([]*expr{}, lconds...), lvals...)
	if elseVal != nil {
		inputs = append(inputs, elseVal)
	}
	x, err := fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		for i, c := range lconds {
			ok, err := passes(c, row)
			if err != nil {
				return types.Value{}, err
			}
			if ok {
				return lvals[i].eval(row)
			}
		}
		if elseVal != nil {
			return elseVal.eval(row)
		}
		return types.Value{T: rt, Null: true}, nil
	}}, inputs...)
	return kind.set(x), err
}

// passesConst reports whether a constant condition holds (NULL does not).
func passesConst(c *expr) bool {
	v := mustConst(c)
	return !v.IsNull() && v.Bool()
}

// compileSubstr compiles substring(s FROM start [FOR count]) with PostgreSQL's rules: the
// characters at positions start .. start+count-1 that exist.
func compileSubstr(e *sqlparser.SubstrExpr, sc *scope) (*expr, error) {
	var xs []*expr
	for _, a := range []sqlparser.Expr{e.Name, e.From, e.To} {
		if a == nil {
			xs = append(xs, nil)
			continue
		}
		x, err := compileText(a, sc)
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
	}
	s, from, count := xs[0], xs[1], xs[2]
	if s.unknown {
		s.unknown, s.typ = false, types.Text
	}
	var err error
	if from, err = intArg("substring", from); err != nil {
		return nil, err
	}
	if count != nil {
		if count, err = intArg("substring", count); err != nil {
			return nil, err
		}
	}
	if s.typ != types.Text && s.typ != types.Null {
		return nil, Errorf("42883", "function substring(%s, integer) does not exist", s.typ)
	}
	inputs := []*expr{s, from}
	if count != nil {
		inputs = append(inputs, count)
	}
	return foldStrict(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		var vals [3]types.Value
		if null, err := evalStrict(row, inputs, vals[:]); err != nil || null {
			return types.Value{T: types.Text, Null: true}, err
		}
		runes := []rune(vals[0].S)
		start, end := vals[1].I, int64(math.MaxInt64)
		if count != nil {
			if vals[2].I < 0 {
				return types.Value{}, Errorf("22011", "negative substring length not allowed")
			}
			if start > math.MaxInt64-vals[2].I {
				end = math.MaxInt64
			} else {
				end = start + vals[2].I
			}
		}
		lo, hi := max(start, 1), min(end, int64(len(runes))+1)
		if lo >= hi {
			return types.NewText(""), nil
		}
		return types.NewText(string(runes[lo-1 : hi-1])), nil
	}}, inputs...)
}

// evalStrict evaluates every argument of a strict function into dst, as PostgreSQL does before
// it calls one: an error in any of them is raised even when another is NULL. null reports
// whether one is NULL (the function's result then is).
func evalStrict(row []types.Value, args []*expr, dst []types.Value) (null bool, err error) {
	for i, a := range args {
		if dst[i], err = a.eval(row); err != nil {
			return false, err
		}
		null = null || dst[i].IsNull()
	}
	return null, nil
}

// intArg checks an integer argument of a function (an untyped literal becomes one).
func intArg(fn string, x *expr) (*expr, error) {
	if x.unknown {
		return castLiteral(x, types.Int64)
	}
	if !x.typ.IsInteger() && x.typ != types.Null {
		return nil, Errorf("42883", "function %s with argument of type %s does not exist", fn, x.typ)
	}
	return x, nil
}

// compileTrim compiles trim([BOTH|LEADING|TRAILING] [chars] FROM s), ltrim and rtrim.
func compileTrim(e *sqlparser.TrimFuncExpr, sc *scope) (*expr, error) {
	s, err := compileText(e.StringArg, sc)
	if err != nil {
		return nil, err
	}
	chars := constExpr(types.NewText(" "), false)
	if e.TrimArg != nil {
		if chars, err = compileText(e.TrimArg, sc); err != nil {
			return nil, err
		}
	}
	for _, x := range []*expr{s, chars} {
		if !x.unknown && x.typ != types.Text && x.typ != types.Null {
			return nil, Errorf("42883", "function trim(%s) does not exist", x.typ)
		}
	}
	left, right := true, true
	switch {
	case e.TrimFuncType == sqlparser.LTrimType || e.Type == sqlparser.LeadingTrimType:
		right = false
	case e.TrimFuncType == sqlparser.RTrimType || e.Type == sqlparser.TrailingTrimType:
		left = false
	}
	return foldStrict(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		var vals [2]types.Value
		if null, err := evalStrict(row, []*expr{s, chars}, vals[:]); err != nil || null {
			return types.Value{T: types.Text, Null: true}, err
		}
		v, c := vals[0], vals[1]
		out := v.S
		if left {
			out = strings.TrimLeft(out, c.S)
		}
		if right {
			out = strings.TrimRight(out, c.S)
		}
		return types.NewText(out), nil
	}}, s, chars)
}

// compilePosition compiles position(sub IN s): the 1-based character position, 0 if absent.
func compilePosition(e *sqlparser.LocateExpr, sc *scope) (*expr, error) {
	if e.Pos != nil {
		return nil, Errorf("42883", "function position with 3 arguments does not exist")
	}
	sub, err := compileText(e.SubStr, sc)
	if err != nil {
		return nil, err
	}
	s, err := compileText(e.Str, sc)
	if err != nil {
		return nil, err
	}
	for _, x := range []*expr{sub, s} {
		if !x.unknown && x.typ != types.Text && x.typ != types.Null {
			return nil, Errorf("42883", "function position(%s) does not exist", x.typ)
		}
	}
	return foldStrict(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
		var vals [2]types.Value
		if null, err := evalStrict(row, []*expr{sub, s}, vals[:]); err != nil || null {
			return types.Value{T: types.Int32, Null: true}, err
		}
		a, b := vals[0], vals[1]
		i := strings.Index(b.S, a.S)
		if i < 0 {
			return types.NewInt(types.Int32, 0), nil
		}
		return types.NewInt(types.Int32, int64(utf8.RuneCountInString(b.S[:i])+1)), nil
	}}, sub, s)
}

// compileNow compiles now() and current_timestamp: the time the statement runs, as a
// timestamp in UTC.
func compileNow(e *sqlparser.CurTimeFuncExpr) (*expr, error) {
	switch e.Name.Lowered() {
	case "now", "current_timestamp", "localtimestamp":
	default:
		return nil, unsupported("%s", e.Name.Lowered())
	}
	return &expr{typ: types.Timestamp, rowFree: true, eval: func([]types.Value) (types.Value, error) {
		return types.NewTimestamp(time.Now()), nil
	}}, nil
}

// moreFuncs compiles the scalar functions beyond compileFunc's first few; ok is false for a
// name it does not know.
func moreFuncs(name string, args []*expr) (*expr, bool, error) {
	arity := func(n int) error {
		if len(args) != n {
			return Errorf("42883", "function %s with %d arguments does not exist", name, len(args))
		}
		return nil
	}
	numeric := func(x *expr) bool { return familyOf(x.typ) == famNumeric || x.typ == types.Null }
	switch name {
	case "nullif":
		if err := arity(2); err != nil {
			return nil, true, err
		}
		a, b, err := unify(args[0], args[1])
		if err != nil {
			return nil, true, err
		}
		if !comparable(a.typ, b.typ) {
			return nil, true, Errorf("42883", "operator does not exist: %s = %s", a.typ, b.typ)
		}
		if a.unknown {
			a.unknown, a.typ = false, types.Text
		}
		for _, x := range []*expr{a, b} {
			if isConst(x) && mustConst(x).IsNull() {
				return a, true, nil // as PostgreSQL simplifies it: a NULL equals nothing
			}
		}
		return must(fold(&expr{typ: a.typ, eval: func(row []types.Value) (types.Value, error) {
			x, err := a.eval(row)
			if err != nil {
				return x, err
			}
			y, err := b.eval(row) // even when x is NULL, as PostgreSQL does
			if err != nil || x.IsNull() {
				return x, err
			}
			if !y.IsNull() && compare(x, y) == 0 {
				return types.Value{T: a.typ, Null: true}, nil
			}
			return x, nil
		}}, a, b))
	case "greatest", "least":
		if len(args) == 0 {
			return nil, true, Errorf("42601", "syntax error at or near \")\"")
		}
		xs, rt, kind, err := commonTypeKind(strings.ToUpper(name), args)
		if err != nil {
			return nil, true, err
		}
		trim := kind.bpchar // char(n) values order without their padding
		sign := 1
		if name == "least" {
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
		return kind.set(x), true, err
	case "current_date":
		if err := arity(0); err != nil {
			return nil, true, err
		}
		return &expr{typ: types.Date, rowFree: true, eval: func([]types.Value) (types.Value, error) {
			return types.NewDate(time.Now().UTC()), nil
		}}, true, nil
	case "isfinite":
		if err := arity(1); err != nil {
			return nil, true, err
		}
		x := args[0]
		if x.unknown { // PostgreSQL picks a timestamp type for an untyped literal
			var err error
			if x, err = castLiteral(x, types.Timestamp); err != nil {
				return nil, true, err
			}
		}
		if familyOf(x.typ) != famTime {
			return nil, true, Errorf("42883", "function isfinite(%s) does not exist", x.typ)
		}
		return must(foldStrict(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
			v, err := x.eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Bool, Null: true}, err
			}
			return types.NewBool(!types.IsInfinite(v.I)), nil
		}}, x))
	case "concat":
		if len(args) == 0 {
			return nil, true, Errorf("42883", "function concat() does not exist")
		}
		// stable in PostgreSQL: its arguments print by their types' output functions
		return must(stable(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			var b []byte
			for _, x := range args {
				v, err := x.eval(row)
				if err != nil {
					return types.Value{}, err
				}
				b = v.AppendText(b) // NULL appends nothing
			}
			return types.NewText(string(b)), nil
		}}, args...))
	case "replace":
		if err := arity(3); err != nil {
			return nil, true, err
		}
		for i, x := range args {
			if !x.unknown && x.typ != types.Text && x.typ != types.Null {
				return nil, true, Errorf("42883", "function replace(%s) does not exist", x.typ)
			}
			args[i] = asText(x)
		}
		return must(foldStrict(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			var v [3]types.Value
			if null, err := evalStrict(row, args, v[:]); err != nil || null {
				return types.Value{T: types.Text, Null: true}, err
			}
			if v[1].S == "" {
				return types.NewText(v[0].S), nil
			}
			return types.NewText(strings.ReplaceAll(v[0].S, v[1].S, v[2].S)), nil
		}}, args...))
	case "round", "floor", "ceil", "ceiling", "trunc":
		if len(args) == 0 || len(args) > 2 || !numeric(args[0]) || (len(args) == 2 && name != "round" && name != "trunc") {
			return nil, true, Errorf("42883", "function %s does not exist for these arguments", name)
		}
		x := args[0]
		var digits *expr
		if len(args) == 2 {
			d, err := intArg(name, args[1])
			if err != nil {
				return nil, true, err
			}
			digits = d
		}
		rt := x.typ
		switch {
		case digits != nil && rt.IsFloat():
			return nil, true, Errorf("42883", "function %s(%s, integer) does not exist", name, rt)
		case digits != nil || rt == types.Null:
			rt = types.Numeric // round(x, n) and trunc(x, n) exist for numeric only
		case rt == types.Float32:
			rt = types.Float64
		}
		inputs := []*expr{x}
		if digits != nil {
			inputs = append(inputs, digits)
		}
		mode := map[string]apd.Rounder{"round": apd.RoundHalfUp, "trunc": apd.RoundDown, "floor": apd.RoundFloor,
			"ceil": apd.RoundCeiling, "ceiling": apd.RoundCeiling}[name]
		return must(foldStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
			var vals [2]types.Value
			null, err := evalStrict(row, inputs, vals[:])
			if err != nil || null {
				return types.Value{T: rt, Null: true}, err
			}
			v := vals[0]
			if v.T.IsInteger() && rt.IsInteger() {
				return v, nil // an integer is already whole
			}
			if rt == types.Numeric {
				scale := int64(0)
				if digits != nil {
					scale = max(min(vals[1].I, types.NumericMaxScale), -types.NumericMaxWeightDigits)
				}
				dec, err := decimalOf(v)
				if err != nil {
					return types.Value{}, err
				}
				return roundNumeric(dec, int32(scale), mode)
			}
			scale := 1.0
			if digits != nil {
				scale = math.Pow(10, float64(vals[1].I))
			}
			f := v.F * scale
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
			return types.NewFloat(v.T, f/scale), nil
		}}, inputs...))
	case "pg_typeof":
		// The argument's type, by name (a regtype in PostgreSQL, which prints as the name).
		if err := arity(1); err != nil {
			return nil, true, err
		}
		name := args[0].typ.String()
		if args[0].unknown {
			name = "unknown"
		}
		return constExpr(types.NewText(name), false), true, nil
	case "mod":
		if err := arity(2); err != nil {
			return nil, true, err
		}
		a, b, err := unify(args[0], args[1])
		if err != nil {
			return nil, true, err
		}
		if !numeric(a) || !numeric(b) {
			return nil, true, Errorf("42883", "function mod(%s, %s) does not exist", a.typ, b.typ)
		}
		rt := arithType(a.typ, b.typ)
		if rt.IsFloat() {
			return nil, true, Errorf("42883", "function mod(%s, %s) does not exist", a.typ, b.typ)
		}
		return must(strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
			if rt.IsInteger() {
				return intArith(sqlparser.ModOp, rt, x.I, y.I)
			}
			return numericArith("%", x, y)
		}))
	}
	return nil, false, nil
}

func must(x *expr, err error) (*expr, bool, error) { return x, true, err }

// compileRegex compiles the regular-expression match operators (~, ~*, !~, !~*), which the
// dialect pass wrote as REGEXP with a marker on the pattern. Patterns are Go's RE2 syntax,
// which agrees with PostgreSQL's for the common constructs; a constant pattern is compiled
// once.
func compileRegex(e *sqlparser.ComparisonExpr, m *sqlparser.CollateExpr, sc *scope) (*expr, error) {
	a, err := compile(e.Left, sc)
	if err != nil {
		return nil, err
	}
	p, err := compile(m.Expr, sc)
	if err != nil {
		return nil, err
	}
	for _, x := range []*expr{a, p} {
		if x.unknown {
			x.unknown, x.typ = false, types.Text
		}
		if x.typ != types.Text && x.typ != types.Null {
			return nil, Errorf("42883", "operator does not exist: %s ~ %s", a.typ, p.typ)
		}
	}
	prefix := ""
	if strings.HasSuffix(m.Collation, "i") {
		prefix = "(?i)"
	}
	negate := e.Operator == sqlparser.NotRegexpOp
	var last *regexp.Regexp
	var lastPattern string
	return strict2(types.Bool, a, p, func(x, y types.Value) (types.Value, error) {
		if last == nil || y.S != lastPattern {
			re, err := regexp.Compile(prefix + y.S)
			if err != nil {
				return types.Value{}, Errorf("2201B", "invalid regular expression: %v", err)
			}
			last, lastPattern = re, y.S
		}
		return types.NewBool(last.MatchString(x.S) != negate), nil
	})
}
