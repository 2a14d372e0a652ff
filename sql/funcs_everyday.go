package sql

import (
	"context"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"
	"github.com/drovedb/drove/types"
)

// pg_sleep and its interval and timestamp forms, the bytea bit and byte accessors,
// unistr, jsonb_insert, jsonb_set_lax and width_bucket over an array of thresholds, as
// PostgreSQL 15's (misc.c, float.c, numeric.c, varlena.c, jsonfuncs.c, arrayfuncs.c).

func init() {
	const i, v = 'i', 'v'
	register([]builtin{
		{name: "pg_sleep", vol: v, strict: true, procs: []string{"2626: float8 -> void"}, build: buildSleep},
		{name: "pg_sleep_for", vol: v, strict: true, procs: []string{"3935: interval -> void"}, build: buildSleep},
		{name: "pg_sleep_until", vol: v, strict: true, procs: []string{"3936: timestamptz -> void"}, build: buildSleep},
		{name: "get_bit", vol: i, strict: true, procs: []string{"723: bytea, int8 -> int4"}, build: buildByteaBit},
		{name: "set_bit", vol: i, strict: true, procs: []string{"724: bytea, int8, int4 -> bytea"}, build: buildByteaBit},
		{name: "get_byte", vol: i, strict: true, procs: []string{"721: bytea, int4 -> int4"}, build: buildByteaByte},
		{name: "set_byte", vol: i, strict: true, procs: []string{"722: bytea, int4, int4 -> bytea"}, build: buildByteaByte},
		{name: "bit_count", vol: i, strict: true, procs: []string{"6163: bytea -> int8"}, build: buildBitCount},
		{name: "unistr", vol: i, strict: true, procs: []string{"6198: text -> text"}, build: buildUnistr},
		{name: "jsonb_insert", vol: i, strict: true, procs: []string{"3579: jsonb_in jsonb, path _text, replacement jsonb, insert_after bool = false -> jsonb"},
			build: buildJSONBInsert},
		{name: "jsonb_set_lax", vol: i, procs: []string{"5054: jsonb_in jsonb, path _text, replacement jsonb, create_if_missing bool = true, null_value_treatment text = 'use_json_null'::text -> jsonb"},
			build: buildJSONBSetLax},
	})
}

// buildSleep is pg_sleep(seconds), pg_sleep_for(interval) and pg_sleep_until(timestamptz):
// it waits until the statement's context ends (a cancel request, statement_timeout), which
// fails it, or until the time has passed. A negative or NaN time does not wait.
func buildSleep(c *funcCall) (*expr, error) {
	sc, name := c.sc, c.name
	return &expr{typ: c.ret, eval: func(row []types.Value) (types.Value, error) {
		v, err := c.args[0].eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: c.ret, Null: true}, err
		}
		now := time.Now()
		var end time.Time
		switch name {
		case "pg_sleep":
			end = sleepEnd(now, v.F)
		case "pg_sleep_for": // clock_timestamp() + interval, in the session's zone
			ts, err := types.TimestamptzFromTime(now)
			if err != nil {
				return types.Value{}, err
			}
			if v, err = addInterval(ts, v.Interval(), sessionOf(sc).location()); err != nil {
				return types.Value{}, err
			}
			end = sleepUntil(v)
		default:
			end = sleepUntil(v)
		}
		return types.NewText(""), sleepCtx(statementCtx(sc), end)
	}}, nil
}

// sleepEnd is now plus secs seconds; forever for +Infinity, now for anything not positive.
func sleepEnd(now time.Time, secs float64) time.Time {
	switch {
	case !(secs > 0):
		return now
	case secs >= float64(math.MaxInt64/int64(time.Second)):
		return time.Unix(math.MaxInt64/int64(time.Second), 0)
	}
	return now.Add(time.Duration(secs * float64(time.Second)))
}

// sleepUntil is a timestamptz as a time, infinity as the far future.
func sleepUntil(ts types.Value) time.Time {
	if types.IsInfinite(ts.I) && ts.I > 0 {
		return time.Unix(math.MaxInt64/int64(time.Second), 0)
	}
	return time.UnixMicro(ts.I)
}

// statementCtx is the context of the statement running sc's expressions.
func statementCtx(sc *scope) context.Context {
	if sc != nil && sc.params != nil && sc.params.ec != nil && sc.params.ec.ctx != nil {
		return sc.params.ec.ctx
	}
	if s := sessionOf(sc); s != nil && s.stmtCtx != nil {
		return s.stmtCtx
	}
	return context.Background()
}

// sleepCtx waits until end or until ctx ends, whose error it returns.
func sleepCtx(ctx context.Context, end time.Time) error {
	d := time.Until(end)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func subscriptRange(n, size int64) error {
	return Errorf("2202E", "index %d out of valid range, 0..%d", n, size-1)
}

// buildByteaBit is get_bit(bytes, n) and set_bit(bytes, n, bit): bit n counts from the
// least significant bit of the first byte.
func buildByteaBit(c *funcCall) (*expr, error) {
	set := c.name == "set_bit"
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		b, n := v[0].S, v[1].I
		if n < 0 || n >= int64(len(b))*8 {
			return types.Value{}, subscriptRange(n, int64(len(b))*8)
		}
		mask := byte(1) << (n % 8)
		if !set {
			return int4(int(b[n/8]&mask) >> (n % 8)), nil
		}
		out := []byte(b)
		switch v[2].I {
		case 0:
			out[n/8] &^= mask
		case 1:
			out[n/8] |= mask
		default:
			return types.Value{}, Errorf("22023", "new bit must be 0 or 1")
		}
		return byteaResult(out), nil
	})
}

// buildByteaByte is get_byte(bytes, n) and set_byte(bytes, n, byte) (the low 8 bits of byte).
func buildByteaByte(c *funcCall) (*expr, error) {
	set := c.name == "set_byte"
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		b, n := v[0].S, v[1].I
		if n < 0 || n >= int64(len(b)) {
			return types.Value{}, subscriptRange(n, int64(len(b)))
		}
		if !set {
			return int4(int(b[n])), nil
		}
		out := []byte(b)
		out[n] = byte(v[2].I)
		return byteaResult(out), nil
	})
}

// buildBitCount is bit_count(bytes): the number of bits set.
func buildBitCount(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		n := 0
		for i := 0; i < len(v[0].S); i++ {
			n += bits.OnesCount8(v[0].S[i])
		}
		return types.NewInt(types.Int64, int64(n)), nil
	})
}

// buildUnistr is unistr(text): the text with its Unicode escapes \XXXX, \+XXXXXX, \uXXXX
// and \UXXXXXXXX decoded (UTF-16 surrogate pairs joined) and \\ as one backslash.
func buildUnistr(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		s, err := unistr(v[0].S)
		return textResult(s), err
	})
}

// unistrForms are the escapes unistr decodes, in the order varlena.c tries them: the text
// after the backslash that introduces one, and how many hex digits follow it.
var unistrForms = []struct {
	prefix string
	digits int
}{{"", 4}, {"+", 6}, {"u", 4}, {"U", 8}}

func unistr(s string) (string, error) {
	var b strings.Builder
	var first rune // the first half of a surrogate pair, waiting for its second
	badPair := Errorf("42601", "invalid Unicode surrogate pair")
	for len(s) > 0 {
		if s[0] != '\\' || strings.HasPrefix(s, `\\`) {
			if first != 0 {
				return "", badPair
			}
			n := 1
			if s[0] == '\\' {
				n = 2
			}
			b.WriteByte(s[0])
			s = s[n:]
			continue
		}
		r, n, ok := unistrEscape(s)
		if !ok {
			return "", &Error{Code: "42601", Message: "invalid Unicode escape",
				Hint: `Unicode escapes must be \XXXX, \+XXXXXX, \uXXXX, or \UXXXXXXXX.`}
		}
		if r <= 0 || r > utf8.MaxRune {
			return "", Errorf("22023", "invalid Unicode code point: %04X", r)
		}
		s = s[n:]
		switch {
		case first != 0 && r >= 0xDC00 && r <= 0xDFFF:
			r, first = 0x10000+(first-0xD800)<<10+(r-0xDC00), 0
		case first != 0 || r >= 0xDC00 && r <= 0xDFFF:
			return "", badPair
		case r >= 0xD800 && r <= 0xDBFF:
			first = r
			continue
		}
		b.WriteRune(r)
	}
	if first != 0 {
		return "", badPair
	}
	return b.String(), nil
}

// unistrEscape reads the escape s starts with: its code point and length.
func unistrEscape(s string) (rune, int, bool) {
	for _, f := range unistrForms {
		end := 1 + len(f.prefix) + f.digits
		if len(s) < end || s[1:1+len(f.prefix)] != f.prefix {
			continue
		}
		hex := s[1+len(f.prefix) : end]
		if strings.IndexFunc(hex, func(r rune) bool { return !isHexDigit(r) }) >= 0 {
			continue
		}
		r, _ := strconv.ParseInt(hex, 16, 64)
		return rune(r), end, true
	}
	return 0, 0, false
}

func isHexDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// buildJSONBInsert is jsonb_insert(target, path, value, insert_after): value added before
// (or after) the array element at path, or as the object key path names if it is missing.
func buildJSONBInsert(c *funcCall) (*expr, error) {
	return strictVarFunc(c, func(v []types.Value) (types.Value, error) {
		n, err := jsonTree(v[0])
		if err != nil {
			return types.Value{}, err
		}
		if !isContainer(n) {
			return types.Value{}, Errorf("22023", "cannot set path in scalar")
		}
		nv, err := jsonTree(v[2])
		if err != nil {
			return types.Value{}, err
		}
		path, err := arrayElems(v[1])
		if err != nil || len(path) == 0 {
			return v[0], err
		}
		mode := jsonInsertBefore
		if v[3].Bool() {
			mode = jsonInsertAfter
		}
		out, err := jsonSet(n, path, nv, mode, 0)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewJSONB(out), nil
	})
}

// buildJSONBSetLax is jsonb_set_lax(target, path, value, create_if_missing,
// null_value_treatment): jsonb_set, except that a NULL value does what the treatment says.
func buildJSONBSetLax(c *funcCall) (*expr, error) {
	args := c.args
	return &expr{typ: types.JSONB, eval: func(row []types.Value) (types.Value, error) {
		v := make([]types.Value, len(args))
		for i, a := range args {
			var err error
			if v[i], err = a.eval(row); err != nil {
				return types.Value{}, err
			}
		}
		switch {
		case v[0].IsNull() || v[1].IsNull() || v[3].IsNull():
			return types.Value{T: types.JSONB, Null: true}, nil
		case v[4].IsNull():
			return types.Value{}, badNullTreatment()
		case !v[2].IsNull():
			return jsonbSet(v[:4])
		}
		switch v[4].S {
		case "raise_exception":
			return types.Value{}, &Error{Code: "22004", Message: "JSON value must not be null",
				Detail: `Exception was raised because null_value_treatment is "raise_exception".`,
				Hint:   "To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed."}
		case "use_json_null":
			v[2] = types.NewJSONB(&types.JSONNode{Kind: types.JSONNull})
			return jsonbSet(v[:4])
		case "delete_key":
			return jsonbDeletePath(v[0], v[1])
		case "return_target":
			return v[0], nil
		}
		return types.Value{}, badNullTreatment()
	}}, nil
}

func badNullTreatment() error {
	return Errorf("22023", `null_value_treatment must be "delete_key", "return_target", "use_json_null", or "raise_exception"`)
}

// extractJulian is EXTRACT(julian FROM x) (a numeric) or date_part('julian', x) (a double)
// of a finite date, timestamp or timestamptz (its wall clock in loc): the Julian day number
// plus the fraction of the day gone, as timestamp_part_common computes it. ok is false for
// the other types, for which julian is not a unit.
func extractJulian(x types.Value, loc *time.Location, asNumeric bool) (v types.Value, ok bool, err error) {
	const unixEpochJDate = 2440588
	local := x.I
	switch x.T {
	case types.Date:
		return types.NewNumeric(apd.New(x.I+unixEpochJDate, 0)), true, nil // EXTRACT only: date_part sees a timestamp
	case types.Timestamptz:
		local, _ = types.TimestamptzLocal(x.I, loc)
	case types.Timestamp:
	default:
		return types.Value{}, false, nil
	}
	days := floorDiv(local, microsPerDay)
	tod, jd := local-days*microsPerDay, days+unixEpochJDate
	if !asNumeric {
		secs := float64(tod/1e6) + float64(tod%1e6)/1000000.0
		return types.NewFloat(types.Float64, float64(jd)+secs/86400), true, nil
	}
	num, den := apd.New(tod, 0), apd.New(microsPerDay, 0)
	frac, err := numericDiv(num, den, divScale(num, den))
	if err != nil {
		return types.Value{}, true, err
	}
	d, err := frac.Decimal()
	if err != nil {
		return types.Value{}, true, err
	}
	var sum apd.Decimal
	if _, err := exact.Add(&sum, d, apd.New(jd, 0)); err != nil {
		return types.Value{}, true, err
	}
	v, err = numericResult(&sum)
	return v, true, err
}
