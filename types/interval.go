package types

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Intervals, as PostgreSQL keeps them: months, days and microseconds, three fields that do
// not convert into each other (a month is not a fixed number of days, nor a day of hours
// across a daylight-saving change), except to compare, where a month is 30 days and a day 24
// hours. A Value of type Interval keeps them in S, 16 bytes: months and days as big-endian
// int32s, then microseconds as a big-endian int64.

// IntervalValue is an interval's three fields.
type IntervalValue struct {
	Months, Days int32
	Micros       int64
}

// NewInterval returns the interval value of iv.
func NewInterval(iv IntervalValue) Value {
	var b [16]byte
	binary.BigEndian.PutUint32(b[0:], uint32(iv.Months))
	binary.BigEndian.PutUint32(b[4:], uint32(iv.Days))
	binary.BigEndian.PutUint64(b[8:], uint64(iv.Micros))
	return Value{T: Interval, S: string(b[:])}
}

// Interval returns the fields of an interval value.
func (v Value) Interval() IntervalValue {
	if len(v.S) != 16 {
		return IntervalValue{}
	}
	b := []byte(v.S)
	return IntervalValue{Months: int32(binary.BigEndian.Uint32(b[0:])), Days: int32(binary.BigEndian.Uint32(b[4:])),
		Micros: int64(binary.BigEndian.Uint64(b[8:]))}
}

// Span is the interval's length for comparison (PostgreSQL's interval_cmp_value): whole
// days, counting a month as 30, and the microseconds within a day.
func (iv IntervalValue) Span() (days, micros int64) {
	days = int64(iv.Months)*30 + int64(iv.Days) + floorDiv(iv.Micros, usecsPerDay)
	return days, iv.Micros - floorDiv(iv.Micros, usecsPerDay)*usecsPerDay
}

// CompareIntervals orders intervals as PostgreSQL does: by Span.
func CompareIntervals(a, b IntervalValue) int {
	ad, am := a.Span()
	bd, bm := b.Span()
	switch {
	case ad < bd, ad == bd && am < bm:
		return -1
	case ad > bd, ad == bd && am > bm:
		return 1
	}
	return 0
}

// appendIntervalKey appends an order-preserving key: the span, then the fields themselves
// so that the value decodes back ('1 mon' and '30 days' are distinct keys).
func appendIntervalKey(dst []byte, v Value) []byte {
	d, m := v.Interval().Span()
	dst = binary.BigEndian.AppendUint64(dst, uint64(d)^(1<<63))
	dst = binary.BigEndian.AppendUint64(dst, uint64(m))
	return append(dst, v.S...)
}

// AppendIntervalText prints iv in IntervalStyle postgres: "1 year 2 mons -3 days +04:05:06".
func AppendIntervalText(dst []byte, iv IntervalValue) []byte {
	start := len(dst)
	isBefore := false
	part := func(v int64, unit string) {
		if v == 0 {
			return
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		if isBefore && v > 0 {
			dst = append(dst, '+')
		}
		dst = strconv.AppendInt(dst, v, 10)
		dst = append(dst, ' ')
		dst = append(dst, unit...)
		if v != 1 {
			dst = append(dst, 's')
		}
		isBefore = v < 0
	}
	part(int64(iv.Months/12), "year")
	part(int64(iv.Months%12), "mon")
	part(int64(iv.Days), "day")
	us := iv.Micros
	if len(dst) == start || us != 0 {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		switch {
		case us < 0:
			dst = append(dst, '-')
		case isBefore:
			dst = append(dst, '+')
		}
		u := uint64(us)
		if us < 0 {
			u = uint64(-us) // -MinInt64 wraps to itself, which is right as an unsigned value
		}
		h := u / 3600e6
		dst = append2u(dst, h)
		dst = append(dst, ':')
		dst = append2u(dst, u/60e6%60)
		dst = append(dst, ':')
		dst = append2u(dst, u/1e6%60)
		dst = appendFrac(dst, int64(u%1e6))
	}
	return dst
}

func append2u(dst []byte, v uint64) []byte {
	if v < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendUint(dst, v, 10)
}

// appendFrac appends .ffffff without trailing zeros, nothing for 0.
func appendFrac(dst []byte, us int64) []byte {
	if us == 0 {
		return dst
	}
	s := strconv.FormatInt(us+1e6, 10)[1:]
	return append(append(dst, '.'), strings.TrimRight(s, "0")...)
}

// intervalUnits maps PostgreSQL's interval unit words to the unit they denote.
var intervalUnits = func() map[string]string {
	m := map[string]string{}
	for unit, words := range map[string]string{
		"microsecond": "microsecond microseconds microsecon us usec usecs",
		"millisecond": "millisecond milliseconds millisecon ms msec msecs",
		"second":      "second seconds sec secs s",
		"minute":      "minute minutes min mins m",
		"hour":        "hour hours hr hrs h",
		"day":         "day days d",
		"week":        "week weeks w",
		"month":       "month months mon mons",
		"year":        "year years yr yrs y",
		"decade":      "decade decades dec decs",
		"century":     "century centuries cent c",
		"millennium":  "millennium millennia millenniums mil mils",
	} {
		for _, w := range strings.Fields(words) {
			m[w] = unit
		}
	}
	return m
}()

// IntervalUnitWords calls fn with every spelling of an interval unit and the unit it denotes
// ("mins", "minute"): EXTRACT's fields read the same table.
func IntervalUnitWords(fn func(word, unit string)) {
	for w, unit := range intervalUnits {
		fn(w, unit)
	}
}

// ParseInterval reads s as PostgreSQL's interval input does (IntervalStyle postgres): unit
// phrases ("1 year 2 mons", "1.5 days", "-3 hours"), a time ("04:05:06", "-1:30"), "@",
// "ago", and ISO 8601 durations ("P1Y2M3DT4H5M6S", "PT1.5S").
func ParseInterval(s string) (Value, error) { return ParseIntervalTypmod(s, -1) }

// ParseIntervalTypmod is ParseInterval for a type with PostgreSQL's typmod (-1 for none): a
// number without a unit counts the range's last field (INTERVAL '1' DAY), a:b is minutes
// and seconds in MINUTE TO SECOND, and the result is truncated to the range and rounded to
// the precision (AdjustIntervalForTypmod).
func ParseIntervalTypmod(s string, typmod int) (Value, error) {
	bad := func() (Value, error) {
		return Value{}, &DateTimeError{Code: "22007", Msg: fmt.Sprintf("invalid input syntax for type interval: %q", s)}
	}
	overflow := func() (Value, error) {
		return Value{}, &DateTimeError{Code: "22015", Msg: fmt.Sprintf("interval field value out of range: %q", s)}
	}
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return bad()
	}
	var acc intervalAcc
	var ok bool
	if t[0] == 'p' {
		ok = acc.iso(t[1:])
	} else {
		ok = acc.postgres(t, IntervalRange(typmod))
	}
	if !ok {
		return bad()
	}
	iv, code := acc.result()
	switch code {
	case "22015":
		return overflow()
	case "22008":
		return Value{}, &DateTimeError{Code: code, Msg: "interval out of range"}
	}
	return AdjustInterval(NewInterval(iv), typmod)
}

// intervalAcc accumulates fields in wide types; fractions of months and days spill down as
// PostgreSQL's AdjustFractDays and AdjustFractSeconds do. over records a field past int64
// (PostgreSQL's "interval field value out of range"), which a conversion from float64 or a
// sum would otherwise wrap silently.
type intervalAcc struct {
	iyears, imonths, idays, imicros int64
	over                            bool
}

// intervalUnitScale is the field a unit counts in and how many of that field one unit is.
var intervalUnitScale = map[string]struct {
	field byte // 'm'onths, 'd'ays or 'u' microseconds
	mult  int64
}{
	"microsecond": {'u', 1}, "millisecond": {'u', 1e3}, "second": {'u', 1e6}, "minute": {'u', 60e6},
	"hour": {'u', 3600e6}, "day": {'d', 1}, "week": {'d', 7}, "month": {'m', 1}, "year": {'m', 12},
	"decade": {'m', 120}, "century": {'m', 1200}, "millennium": {'m', 12000},
}

// addInt adds n units exactly, as PostgreSQL reads a whole number (not through a double).
func (a *intervalAcc) addInt(n int64, unit string) bool {
	u, ok := intervalUnitScale[unit]
	if !ok {
		return false
	}
	years := u.field == 'm' && u.mult >= 12 // counted apart, as PostgreSQL's tm_year
	mult := u.mult
	if years {
		mult = u.mult / 12
	}
	p := n * mult
	if n != 0 && (p/n != mult || n == -1 && p == math.MinInt64) {
		a.over = true
		return true
	}
	switch {
	case years:
		a.sum(&a.iyears, p)
	case u.field == 'm':
		a.sum(&a.imonths, p)
	case u.field == 'd':
		a.sum(&a.idays, p)
	default:
		a.sum(&a.imicros, p)
	}
	return true
}

// sum adds x to *f, recording an overflow.
func (a *intervalAcc) sum(f *int64, x int64) {
	r := *f + x
	if (x > 0 && r < *f) || (x < 0 && r > *f) {
		a.over = true
	}
	*f = r
}

// add adds v units as PostgreSQL's ISO 8601 input does (ParseISO8601Number): the whole
// part exactly, the fraction as addSplit spills it.
func (a *intervalAcc) add(v float64, unit string) bool {
	if !(v >= math.MinInt64 && v < -math.MinInt64) { // also NaN
		a.over = true
		return true
	}
	whole := math.Trunc(v)
	return a.addSplit(int64(whole), v-whole, unit)
}

// addSplit adds n units exactly and the fraction frac (|frac| < 1) of one as PostgreSQL's
// DecodeInterval does: to microseconds for a time unit or a day, to days then microseconds
// for a week or a month (of 30 days), to whole months for a year and longer.
func (a *intervalAcc) addSplit(n int64, frac float64, unit string) bool {
	u, ok := intervalUnitScale[unit]
	if !ok || !a.addInt(n, unit) || frac == 0 {
		return ok
	}
	switch {
	case u.field == 'u':
		a.fractMicros(frac, u.mult)
	case unit == "day":
		a.fractMicros(frac, usecsPerDay)
	case unit == "week":
		a.fractDays(frac, 7)
	case unit == "month":
		a.fractDays(frac, 30)
	default: // AdjustFractYears: rint(frac * scale * 12)
		a.sum(&a.imonths, int64(math.RoundToEven(frac*float64(u.mult/12)*12)))
	}
	return true
}

// fractMicros adds frac*scale microseconds, a half or less of one dropped
// (AdjustFractMicroseconds).
func (a *intervalAcc) fractMicros(frac float64, scale int64) {
	frac *= float64(scale)
	us := int64(frac)
	frac -= float64(us)
	if frac > 0.5 {
		us++
	} else if frac < -0.5 {
		us--
	}
	a.sum(&a.imicros, us)
}

// fractDays adds frac*scale days: whole days, the rest in microseconds (AdjustFractDays).
func (a *intervalAcc) fractDays(frac float64, scale int64) {
	frac *= float64(scale)
	d := int64(frac)
	a.sum(&a.idays, d)
	a.fractMicros(frac-float64(d), usecsPerDay)
}

// result is the interval read; code is the SQLSTATE of an overflow: 22015 for a field past
// its range, 22008 for years and months that fit apart but not together (PostgreSQL's
// interval_in says "interval out of range" then).
func (a *intervalAcc) result() (iv IntervalValue, code string) {
	if a.over || !fitsInt32(a.imonths) || !fitsInt32(a.idays) || !fitsInt32(a.iyears) {
		return IntervalValue{}, "22015"
	}
	months := a.iyears*12 + a.imonths
	if !fitsInt32(months) {
		return IntervalValue{}, "22008"
	}
	return IntervalValue{Months: int32(months), Days: int32(a.idays), Micros: a.imicros}, ""
}

func fitsInt32(n int64) bool { return n >= math.MinInt32 && n <= math.MaxInt32 }

// iso reads an ISO 8601 duration after its P: nY nM nW nD, then T nH nM nS.
func (a *intervalAcc) iso(s string) bool {
	if s == "" {
		return false
	}
	inTime := false
	for s != "" {
		if s[0] == 't' {
			if inTime {
				return false
			}
			inTime, s = true, s[1:]
			continue
		}
		i := 0
		for i < len(s) && (isDigit(s[i]) || s[i] == '.' || s[i] == '-' || s[i] == '+') {
			i++
		}
		if i == 0 || i == len(s) {
			return false
		}
		v, err := strconv.ParseFloat(s[:i], 64)
		if err != nil {
			return false
		}
		var unit string
		switch c := s[i]; {
		case !inTime && c == 'y':
			unit = "year"
		case !inTime && c == 'm':
			unit = "month"
		case !inTime && c == 'w':
			unit = "week"
		case !inTime && c == 'd':
			unit = "day"
		case inTime && c == 'h':
			unit = "hour"
		case inTime && c == 'm':
			unit = "minute"
		case inTime && c == 's':
			unit = "second"
		default:
			return false
		}
		a.add(v, unit)
		s = s[i+1:]
	}
	return true
}

// IntervalFromPostgres reads the binary format's fields.
func IntervalFromPostgres(micros int64, days, months int32) Value {
	return NewInterval(IntervalValue{Months: months, Days: days, Micros: micros})
}
