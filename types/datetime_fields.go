package types

import (
	"math"
	"strconv"
	"strings"
)

// The field decoders of PostgreSQL's datetime.c.

// strtoint reads an int at the start of s as C's strtol does (blanks, a sign, digits): ok
// is false on overflow of a 32-bit int; n is how many bytes were read, 0 when no digits.
func strtoint(s string) (v, n int, ok bool) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	i = skipDigits(s, i)
	if i == start {
		return 0, 0, true
	}
	x, err := strconv.ParseInt(s[start:i], 10, 32)
	if neg {
		x = -x
	}
	return int(x), i, err == nil || neg && s[start:i] == "2147483648"
}

// fraction reads ".123" as microseconds, rounded as PostgreSQL's rint does; trailing junk
// is an error.
func fraction(s string) (int64, dterr) {
	if s == "." { // PostgreSQL takes a bare point as no fraction
		return 0, dtOK
	}
	if len(s) < 2 || s[0] != '.' {
		return 0, dtBadFormat
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, dtBadFormat
	}
	return int64(math.RoundToEven(f * 1e6)), dtOK
}

// leadingFraction reads the fraction at the start of s, ignoring what follows (strtod).
func leadingFraction(s string) int64 {
	n := 1
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n == 1 {
		return 0
	}
	f, _ := strconv.ParseFloat(s[:n], 64)
	return int64(math.RoundToEven(f * 1e6))
}

// decodeTime reads hh:mm[:ss[.frac]] (mm:ss.frac when the second part has a fraction).
func decodeTime(s string, t *tm) dterr {
	h, n, ok := strtoint(s)
	if !ok {
		return dtFieldOverflow
	}
	s = s[n:]
	if s == "" || s[0] != ':' {
		return dtBadFormat
	}
	m, n, ok := strtoint(s[1:])
	if !ok {
		return dtFieldOverflow
	}
	s = s[1+n:]
	t.hour, t.min, t.sec, t.usec = h, m, 0, 0
	switch {
	case s == "":
	case s[0] == '.':
		us, err := fraction(s)
		if err != dtOK {
			return err
		}
		t.hour, t.min, t.sec, t.usec = 0, h, m, us
	case s[0] == ':':
		sec, n, ok := strtoint(s[1:])
		if !ok {
			return dtFieldOverflow
		}
		t.sec = sec
		if rest := s[1+n:]; rest != "" {
			us, err := fraction(rest)
			if err != dtOK {
				return err
			}
			t.usec = us
		}
	default:
		return dtBadFormat
	}
	if t.min > 59 || t.sec > 60 || t.usec > 1e6 {
		return dtFieldOverflow
	}
	return dtOK
}

// timeOverflows reports a time of day past 24:00:00 (23:59:60 is allowed, as a leap second).
func timeOverflows(t *tm) bool {
	if t.hour > 24 || t.min > 59 || t.sec > 60 || t.usec > 1e6 {
		return true
	}
	return ((int64(t.hour)*60+int64(t.min))*60+int64(t.sec))*1e6+t.usec > 86400e6
}

// decodeZone reads a numeric offset: +hh, +hhmm, +hh:mm, +hh:mm:ss; returns seconds east.
func decodeZone(s string) (int, dterr) {
	if s == "" || (s[0] != '+' && s[0] != '-') {
		return 0, dtBadFormat
	}
	hr, n, ok := strtoint(s[1:])
	if !ok {
		return 0, dtZoneOverflow
	}
	rest := s[1+n:]
	var min, sec int
	switch {
	case rest != "" && rest[0] == ':':
		if min, n, ok = strtoint(rest[1:]); !ok {
			return 0, dtZoneOverflow
		}
		rest = rest[1+n:]
		if rest != "" && rest[0] == ':' {
			if sec, n, ok = strtoint(rest[1:]); !ok {
				return 0, dtZoneOverflow
			}
			rest = rest[1+n:]
		}
	case rest == "" && len(s) > 3:
		hr, min = hr/100, hr%100
	}
	if hr < 0 || hr > 15 || min < 0 || min > 59 || sec < 0 || sec > 59 {
		return 0, dtZoneOverflow
	}
	if rest != "" {
		return 0, dtBadFormat
	}
	off := (hr*60+min)*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, dtOK
}

// decodeDate reads a date field with delimiters (2024-01-02, 1/2/2024, 02-jan-2024,
// 2024.100): month names first, then the numbers in DateStyle's field order.
func decodeDate(s string, fmask int, t *tm, is2digits, haveTextMonth *bool, order DateOrder) (int, dterr) {
	var buf [8]string
	parts := buf[:0]
	for i := 0; i < len(s) && len(parts) < maxDateFields; {
		for i < len(s) && !isDigit(s[i]) && !isAlpha(s[i]) {
			i++
		}
		if i == len(s) {
			return 0, dtBadFormat // a separator at the end
		}
		start := i
		if isDigit(s[i]) {
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		} else {
			for i < len(s) && isAlpha(s[i]) {
				i++
			}
		}
		parts = append(parts, s[start:i])
		if i < len(s) {
			i++ // one character after a part is dropped, whatever it is
		}
	}
	tmask := 0
	for i, p := range parts {
		if !isAlpha(p[0]) {
			continue
		}
		kw := dateKeywords[p]
		switch kw.kw {
		case kwIgnore:
			continue // left in place: as a number below it is a format error, as in PostgreSQL
		case kwMonth:
			t.mon = kw.val
			*haveTextMonth = true
		default:
			return 0, dtBadFormat
		}
		if fmask&mMonth != 0 {
			return 0, dtBadFormat
		}
		fmask |= mMonth
		tmask |= mMonth
		parts[i] = ""
	}
	for _, p := range parts {
		if p == "" {
			continue
		}
		dmask, err := decodeNumber(p, *haveTextMonth, fmask, t, is2digits, order)
		if err != dtOK {
			return 0, err
		}
		if fmask&dmask != 0 {
			return 0, dtBadFormat
		}
		fmask |= dmask
		tmask |= dmask
	}
	if fmask&^(mDOY|mTZ) != mDate {
		return 0, dtBadFormat
	}
	return tmask, dtOK
}

// decodeNumber places one number in the date by what is already known and DateStyle's
// field order (DecodeNumber): a first number of 3 or more digits is the year in any order.
func decodeNumber(s string, haveTextMonth bool, fmask int, t *tm, is2digits *bool, order DateOrder) (int, dterr) {
	val, n, ok := strtoint(s)
	if !ok {
		return 0, dtFieldOverflow
	}
	if n == 0 {
		return 0, dtBadFormat
	}
	if rest := s[n:]; rest != "" {
		if rest[0] != '.' {
			return 0, dtBadFormat
		}
		if n > 2 { // a run-together date or time with a fraction
			return numberField(s, fmask|mDate, t, is2digits)
		}
		us, err := fraction(rest)
		if err != dtOK {
			return 0, err
		}
		t.usec = us
	}
	if len(s) == 3 && fmask&mDate == mYear && val >= 1 && val <= 366 { // day of the year
		t.yday = val
		return mDOY | mMonth | mDay, dtOK
	}
	var tmask int
	switch fmask & mDate {
	case 0:
		switch {
		case len(s) >= 3 || order == DateOrderYMD:
			tmask, t.year = mYear, val
		case order == DateOrderDMY:
			tmask, t.mday = mDay, val
		default:
			tmask, t.mon = mMonth, val
		}
	case mYear:
		tmask, t.mon = mMonth, val
	case mMonth:
		// after a month name: mon-dd-yy and dd-mon-yy in MDY and DMY, yy-mon-dd in YMD
		if haveTextMonth && (len(s) >= 3 || order == DateOrderYMD) {
			tmask, t.year = mYear, val
		} else {
			tmask, t.mday = mDay, val
		}
	case mYear | mMonth:
		if haveTextMonth && len(s) >= 3 && *is2digits { // dd-mon-yyyy: the first number was the day
			t.mday, t.year = t.year, val
			*is2digits = false
		} else {
			t.mday = val
		}
		tmask = mDay
	case mDay:
		tmask, t.mon = mMonth, val
	case mMonth | mDay:
		tmask, t.year = mYear, val
	case mDate:
		return numberField(s, fmask, t, is2digits)
	default:
		return 0, dtBadFormat
	}
	if tmask == mYear {
		*is2digits = len(s) <= 2
	}
	return tmask, dtOK
}

// numberField reads run-together digits (DecodeNumberField): yyyymmdd or yymmdd while the
// date is incomplete, else hhmmss or hhmm, with an optional fraction of a second.
func numberField(s string, fmask int, t *tm, is2digits *bool) (int, dterr) {
	dot := strings.IndexByte(s, '.')
	if dot >= 0 {
		t.usec = leadingFraction(s[dot:])
		s = s[:dot]
	} else if fmask&mDate != mDate && len(s) >= 6 {
		t.mday = atoi(s[len(s)-2:])
		t.mon = atoi(s[len(s)-4 : len(s)-2])
		t.year = atoi(s[:len(s)-4])
		if len(s) == 6 {
			*is2digits = true
		}
		return mDate, dtOK
	}
	if fmask&mTime != mTime { // not all of the time of day given yet
		switch len(s) {
		case 6:
			t.hour, t.min, t.sec = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:])
			return mTime, dtOK
		case 4:
			t.hour, t.min, t.sec = atoi(s[:2]), atoi(s[2:]), 0
			return mTime, dtOK
		}
	}
	return 0, dtBadFormat
}

// atoi reads digits as C's atoi does for values that fit (callers pass at most a few
// digits, or a year that the range checks then refuse).
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s) && isDigit(s[i]); i++ {
		if v > math.MaxInt32/10 {
			return math.MaxInt32 // PostgreSQL's atoi is undefined here; any value is then out of range
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}
