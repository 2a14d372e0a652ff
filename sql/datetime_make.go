package sql

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/types"
)

// age, justify_*, the make_* constructors and to_timestamp (datetimeFuncs).

// buildAge is age(a, b) (and age(a), from midnight today): years, months and days between
// the calendar fields, borrowing as PostgreSQL's timestamp_age does.
func buildAge(c *funcCall) (*expr, error) {
	sc := c.sc
	return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
		x, y := a[0], types.Value{}
		if len(a) == 1 {
			y = x
			today := types.NewDate(sessionOf(sc).transactionTime().In(loc))
			us, _ := types.DateToTimestamp(today.I)
			x = types.Value{T: types.Timestamp, I: us}
			if y.T == types.Timestamptz {
				x, _, _ = castDateTime(x, types.Timestamptz, loc)
			}
		} else {
			y = a[1]
		}
		if types.IsInfinite(x.I) || types.IsInfinite(y.I) {
			return types.Value{}, Errorf("22008", "cannot subtract infinite timestamps")
		}
		l1, l2 := x.I, y.I
		if x.T == types.Timestamptz {
			l1, _ = types.TimestamptzLocal(x.I, loc)
			l2, _ = types.TimestamptzLocal(y.I, loc)
		}
		return ageOf(clockOf(l1), clockOf(l2), x.I < y.I), nil
	})
}

func ageOf(t1, t2 wallClock, before bool) types.Value {
	fsec := t1.usec - t2.usec
	sec, min, hour := t1.sec-t2.sec, t1.min-t2.min, t1.hour-t2.hour
	mday, mon, year := t1.day-t2.day, t1.month-t2.month, t1.year-t2.year
	if before {
		fsec, sec, min, hour, mday, mon, year = -fsec, -sec, -min, -hour, -mday, -mon, -year
	}
	for fsec < 0 {
		fsec += 1e6
		sec--
	}
	for sec < 0 {
		sec += 60
		min--
	}
	for min < 0 {
		min += 60
		hour--
	}
	for hour < 0 {
		hour += 24
		mday--
	}
	for mday < 0 {
		if before {
			mday += daysInMonth(t1.year, t1.month)
		} else {
			mday += daysInMonth(t2.year, t2.month)
		}
		mon--
	}
	for mon < 0 {
		mon += 12
		year--
	}
	if before {
		fsec, sec, min, hour, mday, mon, year = -fsec, -sec, -min, -hour, -mday, -mon, -year
	}
	return types.NewInterval(types.IntervalValue{Months: int32(year*12 + mon), Days: int32(mday),
		Micros: ((int64(hour)*60+int64(min))*60+int64(sec))*1e6 + fsec})
}

// buildJustify is justify_days (30 days a month), justify_hours (24 hours a day) or both.
func buildJustify(which string) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
			d := a[0].Interval()
			months, days, us := int64(d.Months), int64(d.Days), d.Micros
			if which != "days" {
				days += us / microsPerDay
				us %= microsPerDay
			}
			if which != "hours" {
				months += days / 30
				days %= 30
			}
			// justify_interval weighs the time too when the days are 0; justify_days does not
			// (PostgreSQL's interval_justify_interval and interval_justify_days).
			timeTips := which != "days"
			switch {
			case which != "hours" && months > 0 && (days < 0 || timeTips && days == 0 && us < 0):
				days += 30
				months--
			case which != "hours" && months < 0 && (days > 0 || timeTips && days == 0 && us > 0):
				days -= 30
				months++
			}
			switch {
			case which != "days" && days > 0 && us < 0:
				us += microsPerDay
				days--
			case which != "days" && days < 0 && us > 0:
				us -= microsPerDay
				days++
			}
			if months != int64(int32(months)) || days != int64(int32(days)) {
				return types.Value{}, intervalOverflow()
			}
			return types.NewInterval(types.IntervalValue{Months: int32(months), Days: int32(days), Micros: us}), nil
		})
	}
}

// civilDays is the days since 1970 of a calendar date, checked as make_date checks it.
func civilDays(y, m, d int64) (int64, error) {
	bad := Errorf("22008", "date field value out of range: %d-%02d-%02d", y, m, d)
	if y == 0 || m < 1 || m > 12 || d < 1 || y > 5874897 || y < -4713 {
		return 0, bad
	}
	if y < 0 {
		y++ // BC years: -1 is 1 BC, astronomical year 0
	}
	if d > int64(daysInMonth(int(y), int(m))) {
		return 0, bad
	}
	return time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC).Unix() / 86400, nil
}

func buildMakeDate(c *funcCall) (*expr, error) {
	return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
		days, err := civilDays(a[0].I, a[1].I, a[2].I)
		if err != nil {
			return types.Value{}, err
		}
		return dateValue(days)
	})
}

// clockMicros is h:m:s as microseconds, checked as make_time checks it.
func clockMicros(h, m int64, s float64) (int64, error) {
	if h < 0 || h > 24 || m < 0 || m > 59 || s < 0 || s > 60 || math.IsNaN(s) ||
		h == 24 && (m > 0 || s > 0) {
		return 0, Errorf("22008", "time field value out of range: %d:%02d:%02.6g", h, m, s) // C's %02g
	}
	return (h*60+m)*60e6 + int64(math.RoundToEven(s*1e6)), nil
}

func buildMakeTime(c *funcCall) (*expr, error) {
	return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
		us, err := clockMicros(a[0].I, a[1].I, a[2].F)
		return types.Value{T: types.Time, I: us}, err
	})
}

// buildMakeTimestamp is make_timestamp and make_timestamptz (in the session's zone, or the
// zone given as the seventh argument).
func buildMakeTimestamp(c *funcCall) (*expr, error) {
	rt := c.ret
	return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
		days, err := civilDays(a[0].I, a[1].I, a[2].I)
		if err != nil {
			return types.Value{}, err
		}
		tod, err := clockMicros(a[3].I, a[4].I, a[5].F)
		if err != nil {
			return types.Value{}, err
		}
		local := days*microsPerDay + tod
		if rt == types.Timestamp {
			return types.Value{T: types.Timestamp, I: local}, nil
		}
		if len(a) == 7 {
			if loc, err = makeTimestampZone(a[6].S); err != nil {
				return types.Value{}, err
			}
		}
		return types.Value{T: types.Timestamptz, I: local - types.ZoneOffsetAt(local, loc)*1e6}, nil
	})
}

// makeTimestampZone is make_timestamptz's zone, read as PostgreSQL's parse_sane_timezone
// reads it: a numeric offset is ISO 8601's ('+05:30' east of Greenwich, where AT TIME ZONE
// reads POSIX's '+05:30' as west), a leading digit is refused, else an abbreviation or a
// zone name.
func makeTimestampZone(name string) (*time.Location, error) {
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		return nil, Errorf("22023", "invalid input syntax for type numeric time zone: \"%s\"", name)
	}
	if name == "" || name[0] != '+' && name[0] != '-' {
		return zoneNamed(name)
	}
	// DecodeTimezone: hours, then :minutes[:seconds], or hhmm run together
	field := func(s string) (int, string) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil && i > 0 {
			n = math.MaxInt32 // strtoint's ERANGE
		}
		return n, s[i:]
	}
	hr, rest := field(name[1:])
	min, sec := 0, 0
	switch {
	case strings.HasPrefix(rest, ":"):
		if min, rest = field(rest[1:]); strings.HasPrefix(rest, ":") {
			sec, rest = field(rest[1:])
		}
	case rest == "" && len(name) > 3:
		hr, min = hr/100, hr%100
	}
	if hr > 15 || min >= 60 || sec >= 60 {
		return nil, Errorf("22023", "numeric time zone \"%s\" out of range", name)
	}
	if rest != "" {
		return zoneNamed(name)
	}
	off := (hr*60+min)*60 + sec
	if name[0] == '-' {
		off = -off
	}
	return time.FixedZone(name, off), nil
}

func buildMakeInterval(c *funcCall) (*expr, error) {
	return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
		months := a[0].I*12 + a[1].I
		days := a[2].I*7 + a[3].I
		secs := a[6].F
		if math.IsNaN(secs) || math.IsInf(secs, 0) || months != int64(int32(months)) || days != int64(int32(days)) {
			return types.Value{}, intervalOverflow()
		}
		us := (a[4].I*60+a[5].I)*60e6 + int64(math.RoundToEven(secs*1e6))
		return types.NewInterval(types.IntervalValue{Months: int32(months), Days: int32(days), Micros: us}), nil
	})
}

// buildToTimestamp is to_timestamp(seconds since 1970) and to_timestamp(text, format).
func buildToTimestamp(c *funcCall) (*expr, error) {
	if len(c.args) == 2 {
		return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
			return parseFormatted(a[0].S, a[1].S, loc)
		})
	}
	return dtCall(c, func(a []types.Value, _ *time.Location) (types.Value, error) {
		f := a[0].F
		switch {
		case math.IsNaN(f):
			return types.Value{}, Errorf("22008", "timestamp cannot be NaN")
		case math.IsInf(f, 1):
			return types.Value{T: types.Timestamptz, I: types.Infinity}, nil
		case math.IsInf(f, -1):
			return types.Value{T: types.Timestamptz, I: types.NegInfinity}, nil
		}
		if f < -210866803200 || f >= 9224318016000 {
			return types.Value{}, Errorf("22008", "timestamp out of range: \"%s\"", strconv.FormatFloat(f, 'g', -1, 64))
		}
		// PostgreSQL rounds the microseconds since 2000-01-01, not since 1970: the float's
		// rounding differs between the two.
		const pgEpoch = 946684800
		us := math.RoundToEven((f-pgEpoch)*1e6) + pgEpoch*1e6
		return types.Value{T: types.Timestamptz, I: int64(us)}, nil
	})
}

// buildDateBin is date_bin(stride, ts, origin): the start of the stride-wide bin, counted
// from origin, that holds ts, as PostgreSQL 15's timestamp_bin (the same arithmetic for
// timestamptz: the zone plays no part).
func buildDateBin(c *funcCall) (*expr, error) {
	rt := c.ret
	return strictFunc(c, func(a []types.Value) (types.Value, error) {
		stride, ts, origin := a[0].Interval(), a[1], a[2]
		if types.IsInfinite(ts.I) {
			return types.Value{T: rt, I: ts.I}, nil
		}
		if types.IsInfinite(origin.I) {
			return types.Value{}, Errorf("22008", "origin out of range")
		}
		if stride.Months != 0 {
			return types.Value{}, Errorf("0A000", "timestamps cannot be binned into intervals containing months or years")
		}
		step, ok := mulAdd64(int64(stride.Days), 86400e6, stride.Micros)
		if !ok {
			return types.Value{}, intervalOverflow()
		}
		if step <= 0 {
			return types.Value{}, Errorf("22008", "stride must be greater than zero")
		}
		diff := ts.I - origin.I // the same in PostgreSQL's epoch as in drove's
		if (ts.I^origin.I)&(ts.I^diff) < 0 {
			return types.Value{}, intervalOverflow()
		}
		mod := diff % step
		res := ts.I - mod
		if mod < 0 { // toward -infinity, not zero: one stride earlier, which may leave the range
			r := res - step
			if r > res || r < math.MinInt64/2 {
				return types.Value{}, timestampOverflow()
			}
			if _, err := types.TimestampFromPostgres(types.TimestampToPostgres(r)); err != nil {
				return types.Value{}, timestampOverflow()
			}
			res = r
		}
		return types.Value{T: rt, I: res}, nil
	})
}

// mulAdd64 is a*b + c, ok false when it overflows an int64.
func mulAdd64(a, b, c int64) (int64, bool) {
	p := a * b
	if a != 0 && (p/a != b || p/b != a) {
		return 0, false
	}
	s := p + c
	if (c > 0 && s < p) || (c < 0 && s > p) {
		return 0, false
	}
	return s, true
}
