package sql

import (
	"cmp"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// family groups types that compare and convert among themselves.
type family uint8

const (
	famNull family = iota
	famNumeric
	famText
	famBool
	famTime
	famBytes
	famArray
	famRecord
	famUUID
	famJSON
	famInterval
	famClock   // time of day
	famClockTZ // time of day with a zone offset
)

func familyOf(t types.Type) family {
	switch t {
	case types.Int16, types.Int32, types.Int64, types.Float32, types.Float64, types.Numeric:
		return famNumeric
	case types.Text:
		return famText
	case types.Bool:
		return famBool
	case types.Timestamp, types.Date, types.Timestamptz:
		return famTime
	case types.Interval:
		return famInterval
	case types.Time:
		return famClock
	case types.TimeTZ:
		return famClockTZ
	case types.Bytea:
		return famBytes
	case types.UUID:
		return famUUID
	case types.JSON, types.JSONB:
		return famJSON
	}
	switch {
	case t.IsArray():
		return famArray
	case t.IsRecord():
		return famRecord
	}
	return famNull
}

// floatToInt converts a float to an integer type as PostgreSQL's casts do: rounded half to
// even, then checked (-2^63 itself is a bigint).
func floatToInt(v types.Value, to types.Type) (types.Value, error) {
	r := math.RoundToEven(v.F)
	if math.IsNaN(r) || r < math.MinInt64 || r >= math.MaxInt64 {
		return types.Value{}, outOfRange(to)
	}
	if err := intRange(to, int64(r)); err != nil {
		return types.Value{}, err
	}
	return types.NewInt(to, int64(r)), nil
}

func outOfRange(t types.Type) error {
	return Errorf("22003", "%s out of range", t)
}

// intRange checks that i fits t.
func intRange(t types.Type, i int64) error {
	switch t {
	case types.Int16:
		if i < math.MinInt16 || i > math.MaxInt16 {
			return outOfRange(t)
		}
	case types.Int32:
		if i < math.MinInt32 || i > math.MaxInt32 {
			return outOfRange(t)
		}
	}
	return nil
}

// ParseText reads s as a value of type t, the way PostgreSQL reads text input for that type
// (pgwire uses it for parameters sent in text format).
func ParseText(s string, t types.Type) (types.Value, error) { return parseText(s, t) }

// ParseTextIn is ParseText with DateStyle's field order order for a date or timestamp (a
// client's text parameter, read in the session's DateStyle as PostgreSQL's input functions).
func ParseTextIn(s string, t types.Type, order types.DateOrder) (types.Value, error) {
	if order == types.DateOrderMDY || !isDateTime(t) && !t.IsArray() {
		return parseText(s, t)
	}
	return parseTextAt(s, t, time.UTC, time.Now(), order)
}

// parseText reads s as a value of type t, the way PostgreSQL reads an untyped literal.
func parseText(s string, t types.Type) (types.Value, error) {
	bad := func() (types.Value, error) {
		code := "22P02"
		if isDateTime(t) {
			code = "22007"
		}
		return types.Value{}, Errorf(code, "invalid input syntax for type %s: %q", t, s)
	}
	if v, ok, err := parseNewDateTime(s, t); ok {
		return v, err
	}
	switch t {
	case types.Int16, types.Int32, types.Int64:
		i, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return types.Value{}, Errorf("22003", "value %q is out of range for type %s", s, t)
			}
			return bad()
		}
		if intRange(t, i) != nil {
			return types.Value{}, Errorf("22003", "value %q is out of range for type %s", s, t)
		}
		return types.NewInt(t, i), nil
	case types.Float32, types.Float64:
		trimmed := strings.TrimSpace(s)
		switch strings.ToLower(trimmed) {
		case "nan":
			return types.NewFloat(t, math.NaN()), nil
		case "infinity", "inf", "+infinity":
			return types.NewFloat(t, math.Inf(1)), nil
		case "-infinity", "-inf":
			return types.NewFloat(t, math.Inf(-1)), nil
		}
		bits := 64
		if t == types.Float32 {
			bits = 32
		}
		f, err := strconv.ParseFloat(trimmed, bits)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return types.Value{}, Errorf("22003", "%q is out of range for type %s", s, t)
			}
			return bad()
		}
		if f == 0 && nonzeroMantissa(trimmed) { // underflow: PostgreSQL refuses, not rounds to 0
			return types.Value{}, Errorf("22003", "%q is out of range for type %s", s, t)
		}
		return types.NewFloat(t, f), nil
	case types.Bool:
		if b, ok := parseBool(strings.ToLower(strings.TrimSpace(s))); ok {
			return types.NewBool(b), nil
		}
		return bad()
	case types.Timestamp, types.Date:
		parse := types.ParseTimestamp
		if t == types.Date {
			parse = types.ParseDate
		}
		v, err := parse(s, time.Now().UTC())
		if dt, ok := err.(*types.DateTimeError); ok {
			return types.Value{}, Errorf(dt.Code, "%s", dt.Msg)
		}
		return v, err
	case types.Bytea:
		if rest, ok := strings.CutPrefix(s, `\x`); ok {
			// byteain's hex form is hex_decode's (white space between pairs skipped), and
			// its errors are 22023, invalid_parameter_value.
			b, err := decodeHex(rest)
			if err != nil {
				return types.Value{}, err
			}
			return types.NewBytea(b), nil
		}
		return decodeByteaEscape(s)
	case types.Text:
		return types.NewText(s), nil
	}
	switch t {
	case types.UUID, types.JSON, types.JSONB:
		return parseJSONOrUUID(s, t)
	case types.JSONPath:
		return parseJSONPath(s)
	}
	if t == types.Numeric {
		v, err := types.ParseNumeric(s)
		if err != nil {
			code := "22P02"
			if errors.Is(err, types.ErrNumericOverflow) {
				code = "22003"
			}
			return types.Value{}, Errorf(code, "%v", err)
		}
		return v, nil
	}
	if t.IsArray() {
		return parseArrayIn(s, t, time.UTC)
	}
	return bad()
}

// decodeByteaEscape reads bytea's escape format: \\ for a backslash, \nnn octal, else raw.
func decodeByteaEscape(s string) (types.Value, error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			out = append(out, s[i])
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '\\':
			out = append(out, '\\')
			i++
		case i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]):
			out = append(out, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 3
		default:
			return types.Value{}, Errorf("22P02", "invalid input syntax for type bytea")
		}
	}
	return types.NewBytea(out), nil
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// assign converts v (of static type from, or an untyped literal when unknown) to a value of
// column c, as PostgreSQL's assignment casts do.
// assignNumber is assign between two numeric types (but a float to itself); ok is false for
// other types.
func assignNumber(v types.Value, from types.Type, c *types.Column) (r types.Value, ok bool, err error) {
	to := c.Type
	switch {
	case to == types.Numeric && familyOf(from) == famNumeric:
		r, err = numericTypmod(v, c)
	case from == types.Numeric && to.IsInteger():
		r, err = numericToInt(v, to)
	case from == types.Numeric && to.IsFloat():
		if err := numericFloatRange(v, to); err != nil {
			return types.Value{}, true, err
		}
		r, err = assign(types.NewFloat(types.Float64, num(v)), types.Float64, false, c)
	case from.IsInteger() && to.IsInteger():
		r, err = types.NewInt(to, v.I), intRange(to, v.I)
	case from.IsFloat() && to.IsInteger():
		r, err = floatToInt(v, to)
	case from.IsInteger() && to.IsFloat():
		r = types.NewFloat(to, float64(v.I))
	case from.IsFloat() && to.IsFloat() && from != to:
		if to == types.Float32 { // dtof: the rounded float4 overflowed or underflowed
			if f := float32(v.F); math.IsInf(float64(f), 0) && !math.IsInf(v.F, 0) {
				return types.Value{}, true, Errorf("22003", "value out of range: overflow")
			} else if f == 0 && v.F != 0 {
				return types.Value{}, true, errFloatUnder
			}
		}
		r = types.NewFloat(to, v.F)
	default:
		return types.Value{}, false, nil
	}
	return r, true, err
}

func assign(v types.Value, from types.Type, unknown bool, c *types.Column) (types.Value, error) {
	if v.IsNull() {
		return types.NullValue, nil
	}
	to := c.Type
	if unknown {
		var err error
		if v, err = parseTextTypmod(v.S, c, time.UTC, time.Now(), types.DateOrderMDY); err != nil {
			return types.Value{}, err
		}
		if to == types.Numeric {
			return numericTypmod(v, c)
		}
		return checkLength(v, c)
	}
	if r, ok, err := assignNumber(v, from, c); ok {
		return r, err
	}
	switch {
	case from == to:
		return checkLength(v, c)
	case canCastDateTime(from, to) && (from == types.Timestamptz || to == types.Timestamptz ||
		from == types.Interval || to == types.Interval || from == types.Time || to == types.Time || from == types.TimeTZ):
		r, _, err := castDateTime(v, to, time.UTC)
		if err != nil {
			return r, err
		}
		return dateTimeTypmod(r, c)
	case from == types.Timestamp && to == types.Date:
		if types.IsInfinite(v.I) {
			return types.Value{T: types.Date, I: v.I}, nil
		}
		return types.Value{T: types.Date, I: floorDiv(v.I, microsPerDay)}, nil
	case from == types.Date && to == types.Timestamp:
		us, ok := types.DateToTimestamp(v.I)
		if !ok {
			return types.Value{}, Errorf("22008", "date out of range for timestamp")
		}
		return dateTimeTypmod(types.Value{T: types.Timestamp, I: us}, c)
	case to == types.Text && (familyOf(from) == famNumeric || from == types.Bool || isDateTime(from)):
		return checkLength(types.NewText(v.String()), c)
	case from.IsArray() && to.IsArray() && from != types.Int2Vector:
		if r, err := assignArray(v, c); !isCode(err, "42804") {
			return r, err
		}
	}
	return types.Value{}, &Error{Code: "42804",
		Message: "column \"" + c.Name + "\" is of type " + c.TypeName() + " but expression is of type " + from.String(),
		Hint:    "You will need to rewrite or cast the expression."}
}

// assignableColumn refuses, when INSERT ... SELECT is planned, a text column of the query
// (not an untyped literal: SELECT NULL UNION SELECT NULL, a VALUES list's or a DISTINCT's
// NULLs are text in PostgreSQL) for a column of another type: assign refuses each of its
// values, and PostgreSQL the statement, even when every value is NULL or there is none.
func assignableColumn(src Column, c *types.Column) error {
	if src.Type != types.Text || src.unknown || c.Type == types.Text {
		return nil
	}
	return &Error{Code: "42804",
		Message: "column \"" + c.Name + "\" is of type " + c.TypeName() + " but expression is of type text",
		Hint:    "You will need to rewrite or cast the expression."}
}

// checkLength enforces varchar(n) and pads char(n); a date/time type's typmod rounds (or
// truncates an interval), as assignment does in PostgreSQL.
func checkLength(v types.Value, c *types.Column) (types.Value, error) {
	if c.Type != types.Text || c.Length == 0 {
		return dateTimeTypmod(v, c)
	}
	n := utf8.RuneCountInString(v.S)
	if n > c.Length {
		trimmed := strings.TrimRight(v.S, " ")
		if utf8.RuneCountInString(trimmed) > c.Length {
			return types.Value{}, Errorf("22001", "value too long for type %s", c.TypeName())
		}
		v.S = string([]rune(v.S)[:c.Length])
		n = c.Length
	}
	if c.Fixed && n < c.Length {
		v.S += strings.Repeat(" ", c.Length-n)
	}
	return v, nil
}

const microsPerDay = 86400 * 1_000_000

// floorDiv divides rounding toward minus infinity (a timestamp before 1970 is on the day before).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// compareDateTimestamp orders a date (days) and a timestamp (microseconds) by day first:
// a date's microseconds may not fit an int64.
func compareDateTimestamp(days, micros int64) int {
	if types.IsInfinite(days) || types.IsInfinite(micros) {
		return cmp.Compare(days, micros) // the infinities are the same in both types
	}
	if c := cmp.Compare(days, floorDiv(micros, microsPerDay)); c != 0 {
		return c
	}
	return cmp.Compare(days*microsPerDay, micros)
}

// compare orders two non-NULL values of comparable families.
func compare(a, b types.Value) int {
	if isDateTime(a.T) && isDateTime(b.T) {
		if c, ok := compareDateTime(a, b); ok {
			return c
		}
	}
	switch {
	case a.T.IsInteger() && b.T.IsInteger(), a.T == types.Bool && b.T == types.Bool,
		a.T == types.Timestamp && b.T == types.Timestamp, a.T == types.Date && b.T == types.Date:
		return cmp.Compare(a.I, b.I)
	case a.T == types.Date && b.T == types.Timestamp:
		return compareDateTimestamp(a.I, b.I)
	case a.T == types.Timestamp && b.T == types.Date:
		return -compareDateTimestamp(b.I, a.I)
	case (a.T == types.Numeric || b.T == types.Numeric) && !a.T.IsFloat() && !b.T.IsFloat():
		return compareNumeric(a, b)
	case familyOf(a.T) == famNumeric && familyOf(b.T) == famNumeric:
		return cmpFloat(num(a), num(b))
	case a.T.IsArray() && b.T.IsArray():
		return compareArrays(a, b)
	case a.T == types.JSONB && b.T == types.JSONB:
		return compareJSONB(a, b)
	case a.T.IsRecord() && b.T.IsRecord():
		return compareRecords(a, b)
	}
	return strings.Compare(a.S, b.S)
}

// compareRecords orders records field by field, a NULL field after any other, as
// PostgreSQL's btrecordcmp (ORDER BY ROW(a, b)).
func compareRecords(a, b types.Value) int {
	x, errA := a.FieldValues()
	y, errB := b.FieldValues()
	if errA != nil || errB != nil {
		return strings.Compare(a.S, b.S)
	}
	return compareSequences(x, y)
}

// compareRecordValues is record_cmp: two records (not row constructors, which compare
// element-wise) compare field by field, two NULL fields equal and a NULL after any value,
// fields of different types (42804) or different numbers of fields (42804, unless an
// unequal field decided first) are errors.
func compareRecordValues(a, b types.Value) (int, error) {
	fa, x, err := a.RecordFields()
	if err != nil {
		return 0, err
	}
	fb, y, err := b.RecordFields()
	if err != nil {
		return 0, err
	}
	for i := 0; i < len(x) && i < len(y); i++ {
		if fa[i].Type != fb[i].Type {
			return 0, Errorf("42804", "cannot compare dissimilar column types %s and %s at record column %d", fa[i].Type, fb[i].Type, i+1)
		}
		switch xn, yn := x[i].IsNull(), y[i].IsNull(); {
		case xn && yn:
		case xn:
			return 1, nil
		case yn:
			return -1, nil
		case x[i].T.IsRecord() && y[i].T.IsRecord():
			if c, err := compareRecordValues(x[i], y[i]); c != 0 || err != nil {
				return c, err
			}
		default:
			if c := compare(x[i], y[i]); c != 0 {
				return c, nil
			}
		}
	}
	if len(x) != len(y) {
		return 0, Errorf("42804", "cannot compare record types with different numbers of columns")
	}
	return 0, nil
}

// compareSequences orders two lists of values (a record's fields, an array's elements)
// item by item, a NULL after any other value, a prefix before the longer list.
func compareSequences(x, y []types.Value) int {
	for i := 0; i < len(x) && i < len(y); i++ {
		switch xn, yn := x[i].IsNull(), y[i].IsNull(); {
		case xn && yn:
		case xn:
			return 1
		case yn:
			return -1
		default:
			if c := compare(x[i], y[i]); c != 0 {
				return c
			}
		}
	}
	return cmp.Compare(len(x), len(y))
}

// compareArrays orders arrays element by element, a NULL element after any other, a prefix
// before the longer array, then by lower bound, as PostgreSQL's array_cmp.
func compareArrays(a, b types.Value) int {
	x, errA := a.Elems()
	y, errB := b.Elems()
	if errA != nil || errB != nil {
		return strings.Compare(a.S, b.S)
	}
	if c := compareSequences(x, y); c != 0 {
		return c
	}
	return cmp.Compare(a.ArrayLower(), b.ArrayLower())
}

// numericFloatRange refuses a numeric too large or too small (but not zero) for float type
// to, as numeric_float8 and numeric_float4 read its text: 22003.
func numericFloatRange(v types.Value, to types.Type) error {
	bits, name := 64, "double precision"
	if to == types.Float32 {
		bits, name = 32, "real"
	}
	f, err := strconv.ParseFloat(v.S, bits)
	if v.S == "NaN" || strings.HasSuffix(v.S, "Infinity") {
		return nil
	}
	if errors.Is(err, strconv.ErrRange) || f == 0 && strings.Trim(v.S, "-0.") != "" {
		return Errorf("22003", "%q is out of range for type %s", v.S, name)
	}
	return nil
}

func num(v types.Value) float64 {
	switch {
	case v.T.IsInteger():
		return float64(v.I)
	case v.T == types.Numeric:
		f, _ := strconv.ParseFloat(v.S, 64) // NaN and ±Infinity parse too; huge values are ±Inf
		return f
	}
	return v.F
}

// nanOrder orders two values of which one or both are NaN (ok is false when neither is) as
// PostgreSQL orders floats and numerics: NaN equals NaN and is greater than everything.
func nanOrder(aNaN, bNaN bool) (c int, ok bool) {
	switch {
	case aNaN && bNaN:
		return 0, true
	case aNaN:
		return 1, true
	case bNaN:
		return -1, true
	}
	return 0, false
}

// cmpFloat orders floats as PostgreSQL does (see nanOrder).
func cmpFloat(a, b float64) int {
	if c, ok := nanOrder(math.IsNaN(a), math.IsNaN(b)); ok {
		return c
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Assign converts v, a value of its own type, to a value of column c the way an INSERT
// assigns it: integer ranges, float rounding, varchar length and char padding, PostgreSQL's
// errors. NULL stays NULL (NOT NULL is EncodeRow's to check). The native Go API uses it.
func Assign(v types.Value, c *types.Column) (types.Value, error) {
	return assign(v, v.T, false, c)
}

// EncodeRow checks NOT NULL and encodes a full row of table (in schema column order) into
// its primary key and value, as INSERT and UPDATE store them.
func EncodeRow(table string, schema *types.Schema, row []types.Value) (key, value []byte, err error) {
	return finishRow(&boundTable{name: table, schema: schema}, row, nil, nil)
}

// nonzeroMantissa reports whether the float literal s (well-formed) has a nonzero digit before
// its exponent.
func nonzeroMantissa(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, "+-"))
	digits, exp := "123456789", "e"
	if rest, ok := strings.CutPrefix(s, "0x"); ok {
		s, digits, exp = rest, "123456789abcdef", "p"
	}
	if i := strings.Index(s, exp); i >= 0 {
		s = s[:i]
	}
	return strings.ContainsAny(s, digits)
}

// parseBool reads a boolean as PostgreSQL's parse_bool does: any prefix of true, false, yes or
// no, a prefix of on or off of two letters or more, 1 or 0.
func parseBool(s string) (b, ok bool) {
	switch {
	case s == "":
		return false, false
	case s == "1" || s == "0":
		return s == "1", true
	case strings.HasPrefix("true", s) || strings.HasPrefix("yes", s):
		return true, true
	case strings.HasPrefix("false", s) || strings.HasPrefix("no", s):
		return false, true
	case len(s) >= 2 && strings.HasPrefix("on", s):
		return true, true
	case len(s) >= 2 && strings.HasPrefix("off", s):
		return false, true
	}
	return false, false
}
