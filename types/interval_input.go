package types

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Interval input in PostgreSQL's style (DecodeInterval, datetime.c) and the interval
// typmod: fields qualifiers such as DAY TO SECOND and a seconds precision.

// The interval range bits of a typmod (PostgreSQL's INTERVAL_MASK of each field).
const (
	RangeMonth  = 1 << 1
	RangeYear   = 1 << 2
	RangeDay    = 1 << 3
	RangeHour   = 1 << 10
	RangeMinute = 1 << 11
	RangeSecond = 1 << 12
	RangeFull   = 0x7FFF
	// FullPrecision is the precision of a typmod without one.
	FullPrecision = 0xFFFF
)

// IntervalTypmod is PostgreSQL's typmod for a range and precision (INTERVAL_TYPMOD).
func IntervalTypmod(precision, rng int) int { return (rng&0x7FFF)<<16 | precision&0xFFFF }

// IntervalRange is the range of an interval typmod, RangeFull for -1.
func IntervalRange(typmod int) int {
	if typmod < 0 {
		return RangeFull
	}
	return typmod >> 16 & 0x7FFF
}

// IntervalPrecision is the precision of an interval typmod, FullPrecision for none.
func IntervalPrecision(typmod int) int {
	if typmod < 0 {
		return FullPrecision
	}
	return typmod & 0xFFFF
}

// intervalRangeNames are the qualifiers PostgreSQL's grammar accepts, as format_type
// prints them.
var intervalRangeNames = map[int]string{
	RangeYear: "year", RangeMonth: "month", RangeDay: "day", RangeHour: "hour", RangeMinute: "minute",
	RangeSecond: "second", RangeYear | RangeMonth: "year to month", RangeDay | RangeHour: "day to hour",
	RangeDay | RangeHour | RangeMinute:               "day to minute",
	RangeDay | RangeHour | RangeMinute | RangeSecond: "day to second", RangeHour | RangeMinute: "hour to minute",
	RangeHour | RangeMinute | RangeSecond: "hour to second", RangeMinute | RangeSecond: "minute to second",
}

// IntervalRangeOf reads a qualifier ("day to second"), ok false for one PostgreSQL lacks.
func IntervalRangeOf(words string) (int, bool) {
	words = strings.Join(strings.Fields(strings.ToLower(words)), " ")
	for r, n := range intervalRangeNames {
		if n == words {
			return r, true
		}
	}
	return 0, false
}

// IntervalTypeName is format_type's name of interval with typmod: interval, interval(3),
// interval day to second(3).
func IntervalTypeName(typmod int) string {
	name := "interval"
	if r := IntervalRange(typmod); r != RangeFull {
		name += " " + intervalRangeNames[r]
	}
	if p := IntervalPrecision(typmod); p != FullPrecision {
		name += fmt.Sprintf("(%d)", p)
	}
	return name
}

// AdjustInterval truncates v to its typmod's range and rounds it to its precision, as
// PostgreSQL's AdjustIntervalForTypmod.
func AdjustInterval(v Value, typmod int) (Value, error) {
	if typmod < 0 || v.IsNull() {
		return v, nil
	}
	iv := v.Interval()
	const hour, minute = int64(3600e6), int64(60e6)
	switch IntervalRange(typmod) {
	case RangeYear:
		iv.Months, iv.Days, iv.Micros = iv.Months/12*12, 0, 0
	case RangeMonth, RangeYear | RangeMonth:
		iv.Days, iv.Micros = 0, 0
	case RangeDay:
		iv.Micros = 0
	case RangeHour, RangeDay | RangeHour:
		iv.Micros = iv.Micros / hour * hour
	case RangeMinute, RangeHour | RangeMinute, RangeDay | RangeHour | RangeMinute:
		iv.Micros = iv.Micros / minute * minute
	}
	if p := IntervalPrecision(typmod); p != FullPrecision {
		if p > 6 {
			return Value{}, &DateTimeError{Code: "22023", Msg: fmt.Sprintf("interval(%d) precision must be between 0 and 6", p)}
		}
		iv.Micros = RoundMicros(iv.Micros, p)
	}
	return NewInterval(iv), nil
}

// intervalDefaultUnit is the unit of a number without one: the range's last field.
func intervalDefaultUnit(rng int) string {
	switch rng {
	case RangeYear:
		return "year"
	case RangeMonth, RangeYear | RangeMonth:
		return "month"
	case RangeDay:
		return "day"
	case RangeHour, RangeDay | RangeHour:
		return "hour"
	case RangeMinute, RangeHour | RangeMinute, RangeDay | RangeHour | RangeMinute:
		return "minute"
	}
	return "second"
}

// The field bits of DecodeInterval's tmask: a field given twice is an error.
var unitFieldMask = map[string]int{
	"microsecond": 1 << 0, "millisecond": 1 << 1, "second": 1 << 2, "minute": 1 << 3, "hour": 1 << 4,
	"day": 1 << 5, "week": 1 << 6, "month": 1 << 7, "year": 1 << 8, "decade": 1 << 9, "century": 1 << 10,
	"millennium": 1 << 11,
}

const allSecsMask = 1<<0 | 1<<1 | 1<<2

// postgres reads the postgres-style input as DecodeInterval does, right to left so that a
// unit is known before its number: a number takes the unit after it; without one, the
// field before a time or an hour count is days, else the range's last field. a-b is years
// and months, h:m[:s] a time (m:s in MINUTE TO SECOND, or with a fraction), @ is noise and
// a trailing ago negates.
func (a *intervalAcc) postgres(s string, rng int) bool {
	s = strings.TrimPrefix(s, "@")
	toks := intervalTokens(strings.Fields(s))
	if len(toks) == 0 {
		return false
	}
	unit, fmask, ago, unitPending := "", 0, false, false
	for i := len(toks) - 1; i >= 0; i-- {
		w := toks[i]
		tmask := 0
		switch {
		case strings.Contains(w, ":"):
			us, ok, over := parseClock(w, rng == RangeMinute|RangeSecond)
			if !ok {
				return false
			}
			a.over = a.over || over
			a.sum(&a.imicros, us)
			tmask, unit, unitPending = 1<<3|1<<4|allSecsMask, "day", false
		case w == "ago":
			if unitPending || ago || i != len(toks)-1 {
				return false
			}
			ago, unit = true, "ago"
			continue
		case intervalUnits[w] != "":
			if unitPending {
				return false
			}
			unit, unitPending = intervalUnits[w], true
			continue
		default:
			if unit == "" {
				unit = intervalDefaultUnit(rng)
			}
			var ok bool
			if tmask, ok = a.number(w, &unit); !ok {
				return false
			}
			unitPending = false
		}
		if a.over {
			return true // PostgreSQL reports the overflow before a repeated field
		}
		if tmask&fmask != 0 {
			return false
		}
		fmask |= tmask
	}
	if unitPending {
		return false // a unit without its number
	}
	if ago {
		a.over = a.over || a.imicros == math.MinInt64
		a.iyears, a.imonths, a.idays, a.imicros = -a.iyears, -a.imonths, -a.idays, -a.imicros
	}
	return true
}

// intervalTokens splits glued forms like "1day" or "10h": digits then letters.
func intervalTokens(f []string) []string {
	var toks []string
	for k := 0; k < len(f); k++ {
		w := f[k]
		// A sign takes the number after it across spaces ("1 month - 1 second"), as
		// ParseDateTime soaks up the whitespace after a + or -.
		if (w == "-" || w == "+") && k+1 < len(f) && isDigit(f[k+1][0]) {
			k++
			w += f[k]
		}
		i := 0
		for i < len(w) && (isDigit(w[i]) || w[i] == '.' || w[i] == '-' || w[i] == '+' || w[i] == ':') {
			i++
		}
		if i > 0 && i < len(w) && isAlpha(w[i]) {
			toks = append(toks, w[:i], w[i:])
		} else {
			toks = append(toks, w)
		}
	}
	return toks
}

// number adds the number w counted in *unit (years and months for a-b) and returns its
// field bits; an hour count makes the next number to the left days.
func (a *intervalAcc) number(w string, unit *string) (int, bool) {
	if *unit == "ago" {
		return 0, false
	}
	if y, m, ok := strings.Cut(strings.TrimLeft(w, "+-"), "-"); ok {
		years, err1 := strconv.ParseInt(y, 10, 64)
		months, err2 := strconv.ParseInt(m, 10, 64)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		if months >= 12 || years > math.MaxInt64/12 {
			a.over = true
			return 0, true
		}
		total := years*12 + months
		if w[0] == '-' {
			total = -total
		}
		*unit = "month"
		a.sum(&a.imonths, total)
		return unitFieldMask["month"], true
	}
	u := *unit
	mask := unitFieldMask[u]
	// As DecodeInterval: the whole part an int64 (past it out of range), the fraction a
	// double, so that no digit of either is lost.
	ip, fp, hasFrac := strings.Cut(w, ".")
	switch ip {
	case "":
		ip = "0"
	case "-", "+":
		return 0, false
	}
	n, err := strconv.ParseInt(ip, 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			a.over = true
			return mask, true
		}
		return 0, false
	}
	frac := 0.0
	if hasFrac && fp != "" {
		if strings.TrimLeft(fp, "0123456789") != "" {
			return 0, false
		}
		frac, _ = strconv.ParseFloat("0."+fp, 64)
		if w[0] == '-' {
			frac = -frac
		}
	}
	a.addSplit(n, frac, u)
	if u == "second" && frac != 0 {
		mask = allSecsMask
	}
	if u == "hour" {
		*unit = "day"
	}
	return mask, true
}

// parseClock reads [-]h:mm[:ss[.frac]] as microseconds (mm:ss.frac when the second part
// has a fraction, and mm:ss when minSec); over is a field out of range.
func parseClock(w string, minSec bool) (us int64, ok, over bool) {
	neg := false
	if w != "" && (w[0] == '-' || w[0] == '+') {
		neg = w[0] == '-'
		w = w[1:]
	}
	parts := strings.Split(w, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false, false
	}
	if len(parts) == 2 && (minSec || strings.Contains(parts[1], ".")) {
		parts = []string{"0", parts[0], parts[1]}
	}
	h, err1 := strconv.ParseInt(parts[0], 10, 64)
	m, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil || m < 0 || h < 0 {
		return 0, false, false
	}
	if m > 59 {
		return 0, true, true
	}
	if h > (math.MaxInt64/60_000_000-m)/60 {
		return 0, true, true
	}
	us = (h*60 + m) * 60e6
	if len(parts) == 3 {
		sec, err := strconv.ParseFloat(parts[2], 64)
		if err != nil || sec < 0 || strings.ContainsAny(parts[2], "eEnN+-") {
			return 0, false, false
		}
		if math.Floor(sec) > 60 { // PostgreSQL's DecodeTime takes a 60th second
			return 0, true, true
		}
		secUs := int64(math.RoundToEven(sec * 1e6))
		if us > math.MaxInt64-secUs { // 2562047788:00:54.775808 would wrap
			return 0, true, true
		}
		us += secUs
	}
	if neg {
		us = -us
	}
	return us, true, false
}
