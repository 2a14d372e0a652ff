package sql

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// castMarker prefixes the COLLATE name the dialect pass writes for x::t and CAST(x AS t).
const castMarker = markerStart + "::"

// castTarget maps a cast's type name (as the dialect pass wrote it) to a column type.
func castTarget(name string) (types.Column, error) {
	if elem, ok := strings.CutSuffix(name, "[]"); ok && strings.Contains(elem, "(") {
		// varchar(2)[], numeric(5,2)[]: the modifier would apply to each element
		if _, err := castTarget(elem); err != nil {
			return types.Column{Name: name}, err
		}
		return types.Column{Name: name}, unsupported("arrays of %s", elem)
	}
	base, mod := name, ""
	if i := strings.IndexByte(name, '('); i >= 0 {
		base, mod = name[:i], strings.Trim(name[i:], "()")
	}
	c := types.Column{Name: name}
	switch base {
	case "smallint", "int2":
		c.Type = types.Int16
	case "int", "integer", "int4":
		c.Type = types.Int32
	case "bigint", "int8":
		c.Type = types.Int64
	case "real", "float4":
		c.Type = types.Float32
	case "double precision", "float8":
		c.Type = types.Float64
	case "float":
		return floatTypmod(c, mod)
	case "boolean", "bool":
		c.Type = types.Bool
	case "text":
		c.Type = types.Text
	case "varchar", "char", "character", "bpchar":
		c.Type = types.Text
		c.Fixed = base != "varchar"
		if c.Fixed {
			c.Length = 1
		}
		if mod != "" {
			n, err := strconv.Atoi(mod)
			if err != nil || n < 1 {
				return c, Errorf("22023", "length for type %s must be at least 1", base)
			}
			c.Length = n
		} else if base == "bpchar" {
			c.Length = 0
		}
		return c, nil
	case "timestamp", "timestamptz", "time", "timetz":
		c.Type = map[string]types.Type{"timestamp": types.Timestamp, "timestamptz": types.Timestamptz,
			"time": types.Time, "timetz": types.TimeTZ}[base]
		return timeTypmod(c, mod)
	case "interval":
		c.Type = types.Interval
		return intervalTypmod(c, "", mod)
	case "oid", "regclass", "regtype", "regnamespace", "regrole", "regproc":
		c.Type = types.Int64 // object ids; regclass is read from a relation's name
	case "date":
		c.Type = types.Date
	case "numeric", "decimal", "dec":
		c.Type = types.Numeric
		if mod != "" {
			length, err := numericModifier(mod)
			if err != nil {
				return c, err
			}
			c.Length = length
		}
		return c, nil
	case "bytea":
		c.Type = types.Bytea
	case "int2vector":
		c.Type = types.Int2Vector
	case "uuid":
		c.Type = types.UUID
	case "json":
		c.Type = types.JSON
	case "jsonb":
		c.Type = types.JSONB
	case "jsonpath":
		c.Type = types.JSONPath
	default:
		if fields, ok := strings.CutPrefix(base, "interval "); ok {
			c.Type = types.Interval
			return intervalTypmod(c, fields, mod)
		}
		if elem, ok := strings.CutSuffix(base, "[]"); ok && mod == "" {
			if e, err := castTarget(elem); err == nil && e.Length == 0 {
				if c.Type = types.ArrayOf(e.Type); c.Type != types.Null {
					return c, nil
				}
			}
		}
		return c, Errorf("42704", "type %q does not exist or is not supported yet", name)
	}
	if mod != "" {
		return c, unsupported("type modifier on %s", base)
	}
	return c, nil
}

// floatTypmod is float(p): real up to 24 bits of precision, double precision up to 53.
func floatTypmod(c types.Column, mod string) (types.Column, error) {
	c.Type = types.Float64
	if mod == "" {
		return c, nil
	}
	p, err := strconv.Atoi(mod)
	switch {
	case err != nil || p < 1:
		return c, Errorf("22023", "precision for type float must be at least 1 bit")
	case p > 53:
		return c, Errorf("22023", "precision for type float must be less than 54 bits")
	case p <= 24:
		c.Type = types.Float32
	}
	return c, nil
}

// compileCast compiles CAST(x AS t) and x::t with PostgreSQL's explicit cast rules: text
// parses as the target type, anything converts to text as it prints, numbers convert to
// each other (range-checked), integer and boolean convert both ways.
func compileCast(e *ast.Cast, sc *scope) (*expr, error) {
	x, err := compileCastTo(e, sc)
	if err == nil && x.typ == types.Text {
		name := e.Type.Name
		x.bpchar = strings.HasPrefix(name, "char") || strings.HasPrefix(name, "character") && !strings.HasPrefix(name, "character varying") || strings.HasPrefix(name, "bpchar")
		x.varchar = strings.HasPrefix(name, "varchar") || strings.HasPrefix(name, "character varying")
	}
	return x, err
}

// castAllowed reports whether a value of type from casts explicitly to type to.
func castAllowed(from, to types.Type) bool {
	return from == to || from == types.Null || from == types.Text || to == types.Text ||
		familyOf(from) == famNumeric && familyOf(to) == famNumeric ||
		familyOf(from) == famTime && familyOf(to) == famTime ||
		from == types.Int32 && to == types.Bool || from == types.Bool && to == types.Int32 ||
		from.IsArray() && to.IsArray() || familyOf(from) == famJSON && familyOf(to) == famJSON ||
		from == types.JSONB && (familyOf(to) == famNumeric || to == types.Bool) ||
		canCastDateTime(from, to)
}

func compileCastTo(e *ast.Cast, sc *scope) (*expr, error) {
	c, err := castTarget(e.Type.Name)
	if err != nil {
		return nil, err
	}
	if a, ok := e.Expr.(*ast.Array); ok && len(a.Elems) == 0 && c.Type.IsArray() {
		// ARRAY[] has the type of the cast right above it (PostgreSQL's transformArrayExpr)
		return constExpr(types.NewArray(c.Type, nil), false), nil
	}
	x, err := compileAST(e.Expr, sc)
	if err != nil {
		return nil, err
	}
	sc.cost += castCost(x, c.Type, c.Length != 0 || strings.Contains(e.Type.Name, "(")) // qualcost.go
	if c.Type == types.Text {
		x = regOutText(x, sc) // 'q'::regclass::text is the name
	}
	if y, ok, err := regclassCast(c.Name, x, sc); ok {
		return y, err
	}
	if y, ok, err := regtypeCast(c.Name, x); ok {
		return y, err
	}
	if y, ok, err := regnameCast(c.Name, x, sc); ok {
		return y, err
	}
	if c.Name == "oid" {
		if y, ok, err := oidCast(x); ok {
			return y, err
		}
	}
	if x.unknown {
		if x.param > 0 {
			y := x.setParamType(c.Type)
			if y.typ == types.Numeric && c.Length != 0 { // $1::numeric(p,s) rounds the value bound
				eval := y.eval
				y.eval = func(row []types.Value) (types.Value, error) {
					v, err := eval(row)
					if err != nil || v.IsNull() {
						return v, err
					}
					return numericTypmod(v, &c)
				}
			}
			return y, nil
		}
		v, err := parseTextTypmod(mustConst(x).S, &c, sc.location(), x.now(), x.dateOrder())
		if err != nil {
			return nil, err
		}
		if c.Type == types.Numeric { // numeric(p,s) rounds and range-checks a literal too
			v, err = numericTypmod(v, &c)
		} else {
			v, err = castLength(v, &c)
		}
		if err != nil {
			return nil, err
		}
		return constExpr(v, false), nil
	}
	from, to := x.typ, c.Type
	if !castAllowed(from, to) {
		return nil, Errorf("42846", "cannot cast type %s to %s", from, c.TypeName())
	}
	// Dates and timestamps print and parse by the DateStyle setting: those casts are stable
	// in PostgreSQL, not folded while planning.
	finish := fold
	if stableOutput(from) && to == types.Text || from == types.Text && isDateTime(to) ||
		(from == types.Timestamptz || to == types.Timestamptz) && from != to {
		finish = stableStrict
	}
	trim := x.bpchar && !c.Fixed // char(n) to text or varchar drops the padding
	return finish(&expr{typ: to, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: to, Null: true}, err
		}
		if trim {
			v = trimChar(v)
		}
		if to == types.Text {
			if t, ok := styledDateText(v, sc.location(), sc.dateStyle()); ok {
				v = t // then to varchar(n) or char(n) as any text is
			}
		}
		return castValueIn(v, &c, sc.location(), sc.now(), sc.dateOrder())
	}}, x)
}

// stableOutput reports whether PostgreSQL's output function of t is stable (reads DateStyle,
// IntervalStyle or the zone), which makes a cast to text and text || x stable.
func stableOutput(t types.Type) bool {
	return t == types.Date || t == types.Timestamp || t == types.Timestamptz || t == types.Interval
}

// castValue converts a non-NULL value for an explicit cast to column type c.
func castValue(v types.Value, c *types.Column) (types.Value, error) {
	to := c.Type
	switch {
	case v.T == types.Text && to == types.Numeric:
		v, err := parseText(v.S, to)
		if err != nil {
			return v, err
		}
		return numericTypmod(v, c)
	case v.T == types.Text && to != types.Text:
		return parseText(v.S, to)
	case v.T == types.JSON || v.T == types.JSONB:
		return castJSON(v, c)
	case to == types.Text:
		if err := CheckTextLen(v); err != nil {
			return types.Value{}, err
		}
		s := v.String()
		if v.T == types.Bool { // the cast spells booleans out; output prints t/f
			s = strconv.FormatBool(v.Bool())
		}
		return castLength(types.NewText(s), c)
	case v.T == types.Bool:
		return types.NewInt(to, v.I), nil
	case to == types.Bool:
		return types.NewBool(v.I != 0), nil
	case v.T.IsArray() && to.IsArray():
		elems, err := arrayElems(v)
		if err != nil {
			return types.Value{}, err
		}
		ec := types.Column{Type: to.Elem()}
		for i, e := range elems {
			if !e.IsNull() {
				if elems[i], err = castValue(e, &ec); err != nil {
					return types.Value{}, err
				}
			}
		}
		return types.NewArrayAt(to, v.ArrayLower(), elems), nil
	case v.T.IsFloat() && to.IsInteger():
		return floatToInt(v, to)
	}
	return assign(v, v.T, false, c)
}

// castLength applies varchar(n)/char(n) to an explicitly cast value (unlike assignment, a
// cast truncates silently), and a date/time type's precision or interval fields.
func castLength(v types.Value, c *types.Column) (types.Value, error) {
	if c.Type != types.Text || c.Length == 0 {
		return dateTimeTypmod(v, c)
	}
	if utf8.RuneCountInString(v.S) > c.Length {
		v.S = string([]rune(v.S)[:c.Length])
	}
	return checkLength(v, c)
}

// textConcat compiles text || text, text || anynonarray and anynonarray || text: the
// non-text side printed as text; NULL if either side is NULL.
func textConcat(a, b *expr, sc *scope) (*expr, error) {
	// textanycat is $1 || $2::text: a boolean is cast ('true'), not output ('t').
	var err error
	for _, x := range []**expr{&a, &b} {
		if (*x).typ == types.Bool {
			if *x, err = coerceArg(*x, types.Text); err != nil {
				return nil, err
			}
		}
	}
	// text || anynonarray prints its operand: stable in PostgreSQL (never folded) where the
	// type's output is (dates, timestamps and intervals print by DateStyle, IntervalStyle
	// and the zone).
	anyCat := stableOutput(a.typ) || stableOutput(b.typ)
	a, b = asText(a), asText(b)
	concat := func(x, y types.Value) (types.Value, error) {
		buf := make([]byte, 0, len(x.S)+len(y.S)+8)
		loc, ds := sc.location(), sc.dateStyle() // a timestamptz prints in the session's zone
		return types.NewText(string(appendTextAs(appendTextAs(buf, x, loc, ds), y, loc, ds))), nil
	}
	if anyCat {
		return zonedStrict2(types.Text, a, b, concat)
	}
	return strict2(types.Text, a, b, concat)
}

// numericModifier reads numeric's (precision[, scale]) as a column Length (types.NumericTypmod).
func numericModifier(mod string) (int, error) {
	ps, sc, _ := strings.Cut(mod, ",")
	p, err := strconv.Atoi(strings.TrimSpace(ps))
	if err != nil || p < 1 || p > 1000 {
		return 0, Errorf("22023", "NUMERIC precision %s must be between 1 and 1000", strings.TrimSpace(ps))
	}
	s := 0
	if sc != "" {
		if s, err = strconv.Atoi(strings.TrimSpace(sc)); err != nil || s < -1000 || s > 1000 {
			return 0, Errorf("22023", "NUMERIC scale %s must be between -1000 and 1000", strings.TrimSpace(sc))
		}
		if s < 0 {
			return 0, unsupported("a negative NUMERIC scale")
		}
	}
	return types.NumericTypmod(p, s), nil
}

// timeTypmod gives a time or timestamp column c the precision mod ("" for none); past 6 is
// 6, as PostgreSQL has it (with a warning).
func timeTypmod(c types.Column, mod string) (types.Column, error) {
	if mod == "" {
		return c, nil
	}
	p, err := strconv.Atoi(mod)
	if err != nil {
		return c, Errorf("42601", "invalid type modifier")
	}
	if p < 0 {
		return c, Errorf("22023", "%s precision must not be negative", strings.ToUpper(c.TypeName()))
	}
	return c.WithTypmod(min(p, 6)), nil
}

// intervalTypmod gives an interval column c the fields ("day to second", "" for all) and
// precision mod ("" for none); a precision only follows SECOND or no fields.
func intervalTypmod(c types.Column, fields, mod string) (types.Column, error) {
	rng := types.RangeFull
	if fields != "" {
		var ok bool
		if rng, ok = types.IntervalRangeOf(fields); !ok {
			return c, Errorf("42601", "syntax error at or near %q", fields)
		}
	}
	if mod == "" {
		if rng == types.RangeFull {
			return c, nil
		}
		return c.WithTypmod(types.IntervalTypmod(types.FullPrecision, rng)), nil
	}
	p, err := strconv.Atoi(mod)
	if err != nil || rng != types.RangeFull && rng&types.RangeSecond == 0 {
		return c, Errorf("42601", "syntax error at or near \"(\"")
	}
	if p < 0 {
		return c, Errorf("22023", "INTERVAL(%d) precision must not be negative", p)
	}
	return c.WithTypmod(types.IntervalTypmod(min(p, 6), rng)), nil
}
