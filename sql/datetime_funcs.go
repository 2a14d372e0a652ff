package sql

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The date/time functions of the registry (datetimeFuncs): now() and its siblings, EXTRACT
// and date_part, date_trunc, date_bin, age, AT TIME ZONE (timezone()), the make_* constructors,
// to_timestamp, justify_*; to_char is in datetime_format.go.

func datetimeFuncs() []builtin {
	const i, s, v = 'i', 's', 'v'
	return []builtin{
		{name: "transaction_timestamp", vol: s, strict: true, procs: []string{"2647: -> timestamptz"}, build: buildNow},
		{name: "statement_timestamp", vol: s, strict: true, procs: []string{"2648: -> timestamptz"}, build: buildClock(false)},
		{name: "clock_timestamp", vol: v, strict: true, procs: []string{"2649: -> timestamptz"}, build: buildClock(true)},
		{name: "date_part", vol: s, strict: true, procs: []string{"1171: text, timestamptz -> float8",
			"1172: text, interval -> float8 immutable", "1384: text, date -> float8 immutable",
			"1385: text, time -> float8 immutable", "2021: text, timestamp -> float8 immutable",
			"1273: text, timetz -> float8 immutable"}, build: buildExtract(false)},
		{name: "extract", vol: i, strict: true, procs: []string{"6199: text, date -> numeric", "6200: text, time -> numeric",
			"6202: text, timestamp -> numeric", "6203: text, timestamptz -> numeric stable", "6204: text, interval -> numeric", "6201: text, timetz -> numeric"},
			build: buildExtract(true)},
		{name: "drove_extract", build: buildDroveExtract},
		{name: "date_trunc", vol: s, strict: true, procs: []string{"1217: text, timestamptz -> timestamptz",
			"1218: text, interval -> interval immutable", "1284: text, timestamptz, text -> timestamptz",
			"2020: text, timestamp -> timestamp immutable"}, build: buildDateTrunc},
		{name: "date_bin", vol: i, strict: true, procs: []string{"6177: interval, timestamp, timestamp -> timestamp",
			"6178: interval, timestamptz, timestamptz -> timestamptz"}, build: buildDateBin},
		{name: "age", vol: s, strict: true, procs: []string{"1199: timestamptz, timestamptz -> interval immutable",
			"1386: timestamptz -> interval", "2058: timestamp, timestamp -> interval immutable", "2059: timestamp -> interval"},
			build: buildAge},
		{name: "timezone", vol: i, strict: true, procs: []string{"1026: interval, timestamptz -> timestamp",
			"1159: text, timestamptz -> timestamp", "2069: text, timestamp -> timestamptz",
			"2070: interval, timestamp -> timestamptz", "2037: text, timetz -> timetz stable",
			"2038: interval, timetz -> timetz"}, build: buildTimezone},
		{name: "justify_days", vol: i, strict: true, procs: []string{"1295: interval -> interval"}, build: buildJustify("days")},
		{name: "justify_hours", vol: i, strict: true, procs: []string{"1175: interval -> interval"}, build: buildJustify("hours")},
		{name: "justify_interval", vol: i, strict: true, procs: []string{"2711: interval -> interval"}, build: buildJustify("interval")},
		{name: "make_date", vol: i, strict: true, procs: []string{"3846: year int4, month int4, day int4 -> date"}, build: buildMakeDate},
		{name: "make_time", vol: i, strict: true, procs: []string{"3847: hour int4, min int4, sec float8 -> time"}, build: buildMakeTime},
		{name: "make_timestamp", vol: i, strict: true, procs: []string{
			"3461: year int4, month int4, mday int4, hour int4, min int4, sec float8 -> timestamp"}, build: buildMakeTimestamp},
		{name: "make_timestamptz", vol: s, strict: true, procs: []string{
			"3462: year int4, month int4, mday int4, hour int4, min int4, sec float8 -> timestamptz",
			"3463: year int4, month int4, mday int4, hour int4, min int4, sec float8, timezone text -> timestamptz"},
			build: buildMakeTimestamp},
		{name: "make_interval", vol: i, strict: true, procs: []string{"3464: years int4 = 0, months int4 = 0, weeks int4 = 0, " +
			"days int4 = 0, hours int4 = 0, mins int4 = 0, secs float8 = 0.0 -> interval"}, build: buildMakeInterval},
		{name: "to_timestamp", vol: s, strict: true, procs: []string{"1158: float8 -> timestamptz immutable",
			"1778: text, text -> timestamptz"}, build: buildToTimestamp},
		{name: "to_number", vol: s, strict: true, procs: []string{"1777: text, text -> numeric"},
			build: func(c *funcCall) (*expr, error) {
				return strictFunc(c, func(v []types.Value) (types.Value, error) { return readNumber(v[0].S, v[1].S) })
			}},
		{name: "to_date", vol: s, strict: true, procs: []string{"1780: text, text -> date"},
			build: func(c *funcCall) (*expr, error) {
				return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) { return parseDate(a[0].S, a[1].S) })
			}},
		{name: "to_char", vol: s, strict: true, procs: []string{"1768: interval, text -> text", "1770: timestamptz, text -> text",
			"2049: timestamp, text -> text", "1772: numeric, text -> text", "1773: int4, text -> text", "1774: int8, text -> text",
			"1775: float4, text -> text", "1776: float8, text -> text"},
			build: func(c *funcCall) (*expr, error) {
				switch c.args[0].typ {
				case types.Numeric, types.Int32, types.Int64, types.Float32, types.Float64:
					return buildNumToChar(c) // numfmt.go
				}
				return buildToChar(c)
			}},
	}
}

// sessionOf is the session a call runs in, nil in a column's DEFAULT.
func sessionOf(sc *scope) *Session {
	if sc == nil || sc.params == nil {
		return nil
	}
	return sc.params.sess
}

// dtCall builds a strict function of all of c's arguments, which f computes in the
// session's zone.
func dtCall(c *funcCall, f func(args []types.Value, loc *time.Location) (types.Value, error)) (*expr, error) {
	args, rt, sc := c.args, c.ret, c.sc
	x := &expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		vals := make([]types.Value, len(args))
		null := false
		for k, a := range args {
			v, err := a.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals[k] = v
			null = null || v.IsNull()
		}
		if null {
			return types.Value{T: rt, Null: true}, nil
		}
		return f(vals, sc.location())
	}}
	// Folded only where PostgreSQL folds: the stable overloads (those that read the zone
	// or the clock) come without constant arguments (stableCall).
	return foldStrict(x, args...)
}

// buildNow is now() and transaction_timestamp(): when the transaction began.
func buildNow(c *funcCall) (*expr, error) {
	sess := sessionOf(c.sc)
	return &expr{typ: types.Timestamptz, rowFree: true, eval: func([]types.Value) (types.Value, error) {
		return types.TimestamptzFromTime(sess.transactionTime())
	}}, nil
}

// buildClock is statement_timestamp() (when the statement began) or clock_timestamp() (now).
func buildClock(wall bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		sess := sessionOf(c.sc)
		return &expr{typ: types.Timestamptz, rowFree: true, eval: func([]types.Value) (types.Value, error) {
			if wall {
				return types.TimestamptzFromTime(time.Now())
			}
			return types.TimestamptzFromTime(sess.statementTime())
		}}, nil
	}
}

// compileNow compiles CURRENT_TIMESTAMP, CURRENT_TIME, LOCALTIMESTAMP, LOCALTIME (each with
// an optional precision fsp, which rounds the fraction; -1 when not written) and now().
func compileNow(name string, fsp int, sc *scope) (*expr, error) {
	to := types.Timestamptz
	switch name {
	case "now", "current_timestamp":
	case "localtimestamp":
		to = types.Timestamp
	case "localtime":
		to = types.Time
	case "current_time":
		to = types.TimeTZ
	default:
		return nil, unsupported("%s", name)
	}
	x, err := callFunc("now", nil, 0, sc)
	if err != nil || name == "now" || to == types.Timestamptz && fsp < 0 {
		return x, err
	}
	precision := 6
	if fsp >= 0 { // current_time(0) rounds to whole seconds; -1: no precision given
		precision = min(fsp, 6)
	}
	return &expr{typ: to, rowFree: true, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil {
			return v, err
		}
		v.I = types.RoundTimestamp(v.I, precision)
		r, _, err := castDateTime(v, to, sc.location())
		return r, err
	}}, nil
}

// buildCurrentDate is CURRENT_DATE: the transaction's date in the session's zone.
func buildCurrentDate(c *funcCall) (*expr, error) {
	if len(c.args) != 0 {
		return nil, c.arityError()
	}
	sc := c.sc
	return &expr{typ: types.Date, rowFree: true, eval: func([]types.Value) (types.Value, error) {
		return types.NewDate(sessionOf(sc).transactionTime().In(sc.location())), nil
	}}, nil
}

// buildDroveExtract is EXTRACT(field FROM x), which the dialect pass wrote as
// drove_extract('field', x): the function extract(field, x).
func buildDroveExtract(c *funcCall) (*expr, error) {
	if len(c.args) != 2 {
		return nil, c.arityError()
	}
	return callFunc("extract", c.args, 2, c.sc)
}

// buildExtract is EXTRACT (a numeric) or date_part (a double precision).
func buildExtract(asNumeric bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
			x := a[1]
			if !asNumeric && x.T == types.Date { // date_part(text, date) reads the date as a timestamp
				us, ok := types.DateToTimestamp(x.I)
				if !ok {
					return types.Value{}, Errorf("22008", "date out of range for timestamp")
				}
				x = types.Value{T: types.Timestamp, I: us}
			}
			if x.T == types.Interval && fieldNames[strings.ToLower(a[0].S)] == "epoch" {
				if asNumeric {
					return scaledResult(intervalEpochMicros(x.Interval()).String(), 6, true)
				}
				return types.NewFloat(types.Float64, intervalEpochFloat(x.Interval())), nil
			}
			if fieldNames[strings.ToLower(a[0].S)] == "julian" && !types.IsInfinite(x.I) {
				if v, ok, err := extractJulian(x, loc, asNumeric); ok || err != nil {
					return v, err
				}
			}
			val, scale, null, err := extractField(strings.ToLower(a[0].S), x, loc)
			if err != nil || null {
				return types.Value{T: c.ret, Null: true}, err
			}
			return extractResult(val, scale, asNumeric)
		})
	}
}

// extractResult is val/10^scale as a numeric (with scale digits) or a double; an infinite
// val (math.MaxInt64 or MinInt64 with scale -1) is ±Infinity.
func extractResult(val int64, scale int, asNumeric bool) (types.Value, error) {
	if scale < 0 {
		inf := "Infinity"
		if val < 0 {
			inf = "-Infinity"
		}
		if asNumeric {
			return types.ParseNumeric(inf)
		}
		return types.NewFloat(types.Float64, math.Inf(int(val>>63|1))), nil
	}
	return scaledResult(strconv.FormatInt(val, 10), scale, asNumeric)
}

// scaledResult is the integer s/10^scale as a numeric (with scale digits) or a double.
func scaledResult(s string, scale int, asNumeric bool) (types.Value, error) {
	if scale > 0 {
		neg := strings.HasPrefix(s, "-")
		digits := strings.TrimPrefix(s, "-")
		for len(digits) <= scale {
			digits = "0" + digits
		}
		s = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
		if neg {
			s = "-" + s
		}
	}
	if asNumeric {
		return types.ParseNumeric(s)
	}
	f, _ := strconv.ParseFloat(s, 64)
	return types.NewFloat(types.Float64, f), nil
}

// fieldNames maps the spellings of EXTRACT's fields to their canonical names: the interval
// units' spellings (types.IntervalUnitWords, one table for both, as PostgreSQL's) and the
// fields that are not units.
var fieldNames = func() map[string]string {
	m := map[string]string{}
	types.IntervalUnitWords(func(word, unit string) {
		switch unit {
		case "microsecond", "millisecond":
			unit += "s"
		}
		m[word] = unit
	})
	for canon, words := range map[string]string{
		"quarter":    "quarter qtr",
		"dow":        "dow",
		"isodow":     "isodow",
		"doy":        "doy",
		"isoyear":    "isoyear",
		"epoch":      "epoch",
		"julian":     "julian",
		"timezone":   "timezone",
		"timezone_h": "timezone_h timezone_hour",
		"timezone_m": "timezone_m timezone_minute",
	} {
		for _, w := range strings.Fields(words) {
			m[w] = canon
		}
	}
	return m
}()

// wallClock is a timestamp's calendar fields.
type wallClock struct {
	year, month, day, hour, min, sec int
	usec                             int64
	t                                time.Time
}

func clockOf(local int64) wallClock {
	t := time.UnixMicro(local).UTC()
	return wallClock{t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), int64(t.Nanosecond() / 1000), t}
}

// extractField computes field of x: the value times 10^scale; null for a field that is
// NULL (an infinite timestamp's day); scale -1 with val's sign for ±Infinity.
func extractField(field string, x types.Value, loc *time.Location) (val int64, scale int, null bool, err error) {
	canon, known := fieldNames[field]
	typeName := x.T.String()
	if !known {
		return 0, 0, false, Errorf("22023", "unit %q not recognized for type %s", field, typeName)
	}
	unsupportedUnit := func() (int64, int, bool, error) {
		return 0, 0, false, Errorf("0A000", "unit %q not supported for type %s", field, typeName)
	}
	switch x.T {
	case types.Interval:
		return extractInterval(canon, x.Interval(), unsupportedUnit)
	case types.Time, types.TimeTZ:
		us, off := x.I, int64(0)
		if x.T == types.TimeTZ {
			us, off = x.TimeTZParts()
			switch canon {
			case "timezone":
				return off, 0, false, nil
			case "timezone_h":
				return off / 3600, 0, false, nil
			case "timezone_m":
				return off / 60 % 60, 0, false, nil
			case "epoch":
				return us - off*1e6, 6, false, nil
			}
		}
		switch canon {
		case "microseconds":
			return us % 60e6, 0, false, nil
		case "milliseconds":
			return us % 60e6, 3, false, nil
		case "second":
			return us % 60e6, 6, false, nil
		case "minute":
			return us / 60e6 % 60, 0, false, nil
		case "hour":
			return us / 3600e6, 0, false, nil
		case "epoch":
			return us, 6, false, nil
		}
		return unsupportedUnit()
	}
	if types.IsInfinite(x.I) {
		switch canon {
		case "epoch", "year", "decade", "century", "millennium", "julian", "isoyear":
			return x.I, -1, false, nil
		}
		if x.T == types.Date && (canon == "hour" || canon == "minute" || canon == "second" ||
			canon == "milliseconds" || canon == "microseconds" || strings.HasPrefix(canon, "timezone")) {
			return unsupportedUnit()
		}
		return 0, 0, true, nil
	}
	local, off := x.I, int64(0)
	switch x.T {
	case types.Date:
		local = x.I * microsPerDay
		switch canon {
		case "hour", "minute", "second", "milliseconds", "microseconds", "timezone", "timezone_h", "timezone_m":
			return unsupportedUnit()
		case "epoch":
			return x.I * 86400, 0, false, nil
		}
	case types.Timestamptz:
		local, off = types.TimestamptzLocal(x.I, loc)
	}
	return extractWall(canon, x, local, off, unsupportedUnit)
}

// extractWall is EXTRACT of a timestamp's or date's field from its wall clock local (and
// zone offset off, for a timestamptz).
func extractWall(canon string, x types.Value, local, off int64, unsupportedUnit func() (int64, int, bool, error)) (int64, int, bool, error) {
	w := clockOf(local)
	astro := func(y int) int64 { // PostgreSQL's year: no year 0
		if y > 0 {
			return int64(y)
		}
		return int64(y - 1)
	}
	switch canon {
	case "microseconds":
		return int64(w.sec)*1e6 + w.usec, 0, false, nil
	case "milliseconds":
		return int64(w.sec)*1e6 + w.usec, 3, false, nil
	case "second":
		return int64(w.sec)*1e6 + w.usec, 6, false, nil
	case "minute":
		return int64(w.min), 0, false, nil
	case "hour":
		return int64(w.hour), 0, false, nil
	case "day":
		return int64(w.day), 0, false, nil
	case "month":
		return int64(w.month), 0, false, nil
	case "quarter":
		return int64((w.month-1)/3 + 1), 0, false, nil
	case "week":
		_, wk := w.t.ISOWeek()
		return int64(wk), 0, false, nil
	case "year":
		return astro(w.year), 0, false, nil
	case "decade":
		if w.year >= 0 {
			return int64(w.year / 10), 0, false, nil
		}
		return -int64((8 - (w.year - 1)) / 10), 0, false, nil
	case "century":
		if w.year > 0 {
			return int64((w.year + 99) / 100), 0, false, nil
		}
		return -int64((99 - (w.year - 1)) / 100), 0, false, nil
	case "millennium":
		if w.year > 0 {
			return int64((w.year + 999) / 1000), 0, false, nil
		}
		return -int64((999 - (w.year - 1)) / 1000), 0, false, nil
	case "dow":
		return int64(w.t.Weekday()), 0, false, nil
	case "isodow":
		d := int64(w.t.Weekday())
		if d == 0 {
			d = 7
		}
		return d, 0, false, nil
	case "doy":
		return int64(w.t.YearDay()), 0, false, nil
	case "isoyear":
		y, _ := w.t.ISOWeek()
		return astro(y), 0, false, nil
	case "epoch":
		if x.T == types.Timestamptz {
			return x.I, 6, false, nil
		}
		return local, 6, false, nil
	case "timezone", "timezone_h", "timezone_m":
		if x.T != types.Timestamptz {
			return unsupportedUnit()
		}
		switch canon {
		case "timezone_h":
			return off / 3600, 0, false, nil
		case "timezone_m":
			return off / 60 % 60, 0, false, nil
		}
		return off, 0, false, nil
	}
	return unsupportedUnit() // julian
}

// intervalEpochFloat is date_part('epoch', interval): PostgreSQL sums the parts in double
// precision, in this order, so its last digit can differ from the exact seconds EXTRACT
// gives (converted to a double): 25000 years -3999999 days -23:59:59.99996 is 443340000000,
// not 443340000000.00006.
func intervalEpochFloat(d types.IntervalValue) float64 {
	year, mon := d.Months/12, d.Months%12
	// Each product converted on its own, so that no platform fuses it into the sum.
	return float64(d.Micros)/1e6 + float64(365.25*86400*float64(year)) + float64(30.0*86400*float64(mon)) +
		float64(86400.0*float64(d.Days))
}

// extractInterval is EXTRACT from an interval, on its fields as interval2itm splits them.
func extractInterval(canon string, d types.IntervalValue, unsupportedUnit func() (int64, int, bool, error)) (int64, int, bool, error) {
	year, mon := int64(d.Months/12), int64(d.Months%12)
	us := d.Micros
	hour := us / 3600e6
	secUs := us % 60e6
	switch canon {
	case "microseconds":
		return secUs, 0, false, nil
	case "milliseconds":
		return secUs, 3, false, nil
	case "second":
		return secUs, 6, false, nil
	case "minute":
		return us / 60e6 % 60, 0, false, nil
	case "hour":
		return hour, 0, false, nil
	case "day":
		return int64(d.Days), 0, false, nil
	case "month":
		return mon, 0, false, nil
	case "quarter":
		return mon/3 + 1, 0, false, nil
	case "year":
		return year, 0, false, nil
	case "decade":
		return year / 10, 0, false, nil
	case "century":
		return year / 100, 0, false, nil
	case "millennium":
		return year / 1000, 0, false, nil
	}
	return unsupportedUnit() // epoch: intervalEpochMicros
}

// intervalEpochMicros is EXTRACT(epoch FROM interval) in microseconds, exact: it passes an
// int64 from about 106751991 days (or 292471 years) on, as PostgreSQL's numeric does not.
func intervalEpochMicros(d types.IntervalValue) *big.Int {
	year, mon := int64(d.Months/12), int64(d.Months%12)
	secs := year*31557600 + mon*2592000 + int64(d.Days)*86400 // at most about 6e15
	r := new(big.Int).Mul(big.NewInt(secs), big.NewInt(1e6))
	return r.Add(r, big.NewInt(d.Micros))
}

// truncFields are date_trunc's units in increasing size.
var truncFields = []string{"microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month",
	"quarter", "year", "decade", "century", "millennium"}

func buildDateTrunc(c *funcCall) (*expr, error) {
	return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
		field := strings.ToLower(a[0].S)
		canon, ok := fieldNames[field]
		if !ok || !containsStr(truncFields, canon) {
			if a[1].T == types.Interval && !ok {
				return types.Value{}, Errorf("22023", "unit %q not recognized for type interval", field)
			}
			if !ok {
				return types.Value{}, Errorf("22023", "unit %q not recognized for type %s", field, a[1].T)
			}
			return types.Value{}, Errorf("0A000", "unit %q not supported for type %s", field, a[1].T)
		}
		x := a[1]
		if x.T == types.Interval {
			return truncInterval(canon, x.Interval())
		}
		if types.IsInfinite(x.I) {
			return x, nil
		}
		if len(a) == 3 {
			z, err := zoneNamed(a[2].S)
			if err != nil {
				return types.Value{}, err
			}
			loc = z
		}
		local, off := x.I, int64(0)
		if x.T == types.Timestamptz {
			local, off = types.TimestamptzLocal(x.I, loc)
		}
		local = truncWall(canon, local)
		if x.T == types.Timestamptz {
			if indexStr(truncFields, canon) >= indexStr(truncFields, "day") {
				off = types.ZoneOffsetAt(local, loc)
			}
			local -= off * 1e6
		}
		return types.Value{T: x.T, I: local}, nil
	})
}

func containsStr(list []string, s string) bool { return indexStr(list, s) >= 0 }

func indexStr(list []string, s string) int {
	for k, x := range list {
		if x == s {
			return k
		}
	}
	return -1
}

// truncWall truncates a wall clock (microseconds since 1970 read as UTC) to unit canon.
func truncWall(canon string, local int64) int64 {
	switch canon {
	case "microseconds":
		return local
	case "milliseconds":
		return floorDiv(local, 1000) * 1000
	case "second":
		return floorDiv(local, 1e6) * 1e6
	case "minute":
		return floorDiv(local, 60e6) * 60e6
	case "hour":
		return floorDiv(local, 3600e6) * 3600e6
	case "day":
		return floorDiv(local, microsPerDay) * microsPerDay
	}
	w := clockOf(local)
	y, m, d := w.year, w.month, 1
	switch canon {
	case "week":
		wd := int(w.t.Weekday()+6) % 7 // days since Monday
		day := floorDiv(local, microsPerDay) - int64(wd)
		return day * microsPerDay
	case "month":
	case "quarter":
		m = (m-1)/3*3 + 1
	case "year":
		m = 1
	case "decade":
		m = 1
		if y > 0 {
			y = y / 10 * 10
		} else {
			y = -((8 - (y - 1)) / 10) * 10
		}
	case "century":
		m = 1
		if y > 0 {
			y = (y+99)/100*100 - 99
		} else {
			y = -((99-(y-1))/100)*100 + 1
		}
	case "millennium":
		m = 1
		if y > 0 {
			y = (y+999)/1000*1000 - 999
		} else {
			y = -((999-(y-1))/1000)*1000 + 1
		}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).UnixMicro()
}

// truncInterval is date_trunc on an interval's fields.
func truncInterval(canon string, d types.IntervalValue) (types.Value, error) {
	r := types.IntervalValue{}
	switch canon {
	case "millennium":
		r.Months = d.Months / 12000 * 12000
	case "century":
		r.Months = d.Months / 1200 * 1200
	case "decade":
		r.Months = d.Months / 120 * 120
	case "year":
		r.Months = d.Months / 12 * 12
	case "quarter":
		r.Months = d.Months / 3 * 3
	case "month":
		r.Months = d.Months
	case "week":
		return types.Value{}, Errorf("0A000", "unit \"week\" not supported for type interval")
	default:
		r.Months, r.Days = d.Months, d.Days
		switch canon {
		case "hour":
			r.Micros = d.Micros / 3600e6 * 3600e6
		case "minute":
			r.Micros = d.Micros / 60e6 * 60e6
		case "second":
			r.Micros = d.Micros / 1e6 * 1e6
		case "milliseconds":
			r.Micros = d.Micros / 1000 * 1000
		case "microseconds":
			r.Micros = d.Micros
		}
	}
	return types.NewInterval(r), nil
}

// zoneNamed resolves a zone argument (AT TIME ZONE, date_trunc's third): a zone name, an
// abbreviation, or a POSIX offset (+05 is five hours WEST, as PostgreSQL reads it).
func zoneNamed(name string) (*time.Location, error) {
	if off, ok := types.ZoneAbbrevOffset(name); ok {
		return time.FixedZone(strings.ToUpper(name), off), nil
	}
	// A dynamic abbreviation (MSK) stands for its zone here, as in PostgreSQL's date_trunc;
	// AT TIME ZONE resolves it at the value's time (atDynamicAbbrev).
	if l, ok := types.DynamicAbbrevZone(name); ok {
		return l, nil
	}
	if l, ok := types.LoadZone(name); ok {
		return l, nil
	}
	if n := strings.TrimSpace(name); n != "" && (n[0] == '+' || n[0] == '-' || n[0] >= '0' && n[0] <= '9') {
		if l, ok := types.LoadZone("UTC" + n); ok {
			return l, nil
		}
	}
	return nil, Errorf("22023", "time zone %q not recognized", name)
}

// buildTimezone is timezone(zone, x), x AT TIME ZONE zone: a timestamp read in the zone
// becomes a timestamptz, a timestamptz becomes the zone's wall clock.
func buildTimezone(c *funcCall) (*expr, error) {
	// timezone(text, timetz) takes a named zone's offset today: stable in the registry, so
	// it is not folded (stableCall).
	return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
		z, x := a[0], a[1]
		var loc *time.Location
		if z.T == types.Interval {
			loc = time.FixedZone("", int(z.Interval().Micros/1e6))
		} else {
			var err error
			if loc, err = zoneNamed(z.S); err != nil {
				return types.Value{}, err
			}
			loc = atDynamicAbbrev(z.S, x, loc)
		}
		switch x.T {
		case types.Timestamptz:
			r, _, err := castDateTime(x, types.Timestamp, loc)
			return r, err
		case types.TimeTZ:
			return timeTZAtZone(x, z, loc)
		}
		r, _, err := castDateTime(x, types.Timestamptz, loc)
		return r, err
	})
}

// atDynamicAbbrev is the fixed zone a dynamic abbreviation (MSK) stands for at x's time, as
// PostgreSQL's timestamp_zone and timestamptz_zone resolve it; loc for any other zone.
func atDynamicAbbrev(name string, x types.Value, loc *time.Location) *time.Location {
	if x.IsNull() || types.IsInfinite(x.I) {
		return loc
	}
	var off int
	var ok bool
	switch x.T {
	case types.Timestamptz:
		off, ok = types.DynamicAbbrevAtInstant(name, x.I)
	case types.Timestamp:
		off, ok = types.DynamicAbbrevAtLocal(name, x.I)
	}
	if !ok {
		return loc
	}
	return time.FixedZone(strings.ToUpper(name), off)
}

// timeTZAtZone is timetz AT TIME ZONE: the same instant at the zone's offset, a named
// zone's as of now (PostgreSQL's as of the transaction's start).
func timeTZAtZone(x, z types.Value, loc *time.Location) (types.Value, error) {
	if z.T == types.Interval && (z.Interval().Months != 0 || z.Interval().Days != 0) {
		return types.Value{}, Errorf("22023", "interval time zone %q must not include months or days", z.String())
	}
	_, to := time.Now().In(loc).Zone()
	if !types.ValidZoneOffset(int64(to)) {
		return types.Value{}, Errorf("22023", "time zone %q not recognized", z.String())
	}
	us, off := x.TimeTZParts()
	r := (us + (int64(to)-off)*1e6) % microsPerDay
	if r < 0 {
		r += microsPerDay
	}
	return types.NewTimeTZ(r, int64(to)), nil
}

// compileAtTimeZone compiles x AT TIME ZONE z: the function timezone(z, x).
func compileAtTimeZone(e *ast.AtTimeZone, sc *scope) (*expr, error) {
	args, err := compileArgs(sc, e.Zone, e.Expr)
	if err != nil {
		return nil, err
	}
	if args[1].unknown {
		if args[1], err = castLiteral(args[1], types.Timestamptz); err != nil {
			return nil, err
		}
	}
	return callFunc("timezone", args, 2, sc)
}
