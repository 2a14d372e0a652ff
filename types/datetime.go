package types

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date and timestamp input, ported from PostgreSQL 15's DecodeDateTime (datetime.c) with
// DateStyle ISO, MDY, so that drove accepts exactly what PostgreSQL does: ISO 8601 with a
// space or T, any number of digits in month and day, hh:mm without seconds, fractions,
// YYYYMMDD, month names, BC, Julian days, epoch/now/today/tomorrow/yesterday/allballs, and
// time zones, which timestamp (without time zone) and date ignore after checking them.

// DateTimeError is a rejected date or timestamp input; Code is its SQLSTATE.
type DateTimeError struct {
	Code string // 22007 bad format, 22008 field or value out of range, 22009 zone offset, 22023 zone name, 0A000
	Msg  string
}

func (e *DateTimeError) Error() string { return e.Msg }

// dterr is one of PostgreSQL's DTERR_* results of decoding.
type dterr uint8

const (
	dtOK dterr = iota
	dtBadFormat
	dtFieldOverflow
	dtZoneOverflow
)

// Field masks (PostgreSQL's DTK_M bits).
const (
	mYear = 1 << iota
	mMonth
	mDay
	mDOY
	mHour
	mMinute
	mSecond // with its fraction
	mTZ
	mAMPM
	mADBC
	mDOW
	mReserved // epoch, infinity: the other fields are checked, then ignored
	mDTZ      // a daylight-saving or dynamic zone abbreviation
	mDTZMod   // "dst"
	mDate     = mYear | mMonth | mDay
	mTime     = mHour | mMinute | mSecond
)

// What the input denotes besides a date and time.
type dtKind uint8

const (
	kDate dtKind = iota
	kEpoch
	kLate  // infinity
	kEarly // -infinity
)

// tm is a decoded date and time; year is astronomical once validated (1 BC is 0).
type tm struct {
	year, mon, mday, yday, hour, min, sec int
	usec                                  int64
}

type keyword uint8

const (
	kwMonth keyword = iota + 1
	kwDOW
	kwAMPM
	kwADBC
	kwReserved
	kwIgnore
	kwISOTime
	kwUnits
	kwDTZMod
)

// What a label makes of the number after it (PostgreSQL's ptype).
const (
	ptNone = iota
	ptTime // "t": hhmmss
	ptJulian
	ptYear
	ptMonth
	ptDay
	ptHour
	ptMinute
	ptSecond
	ptOther // dow, doy, isodow, isoyear: a format error with a number
)

type kwVal struct {
	kw  keyword
	val int
}

const (
	resNow = iota
	resToday
	resTomorrow
	resYesterday
	resEpoch
	resLate
	resEarly
	resAllballs
	ampmAM = 0
	ampmPM = 1
	adbcBC = 1
)

// dateKeywords is PostgreSQL's datetktbl.
var dateKeywords = func() map[string]kwVal {
	m := map[string]kwVal{
		"am": {kwAMPM, ampmAM}, "pm": {kwAMPM, ampmPM}, "ad": {kwADBC, 0}, "bc": {kwADBC, adbcBC},
		"now": {kwReserved, resNow}, "today": {kwReserved, resToday}, "tomorrow": {kwReserved, resTomorrow},
		"yesterday": {kwReserved, resYesterday}, "epoch": {kwReserved, resEpoch}, "infinity": {kwReserved, resLate},
		"-infinity": {kwReserved, resEarly}, "allballs": {kwReserved, resAllballs},
		"at": {kwIgnore, 0}, "on": {kwIgnore, 0}, "t": {kwISOTime, 0},
		"j": {kwUnits, ptJulian}, "jd": {kwUnits, ptJulian}, "julian": {kwUnits, ptJulian},
		"y": {kwUnits, ptYear}, "m": {kwUnits, ptMonth}, "d": {kwUnits, ptDay}, "h": {kwUnits, ptHour},
		"mm": {kwUnits, ptMinute}, "s": {kwUnits, ptSecond}, "dow": {kwUnits, ptOther}, "doy": {kwUnits, ptOther},
		"isodow": {kwUnits, ptOther}, "isoyear": {kwUnits, ptOther}, "dst": {kwDTZMod, 0},
	}
	for i, names := range []string{"jan january", "feb february", "mar march", "apr april", "may", "jun june",
		"jul july", "aug august", "sep sept september", "oct october", "nov november", "dec december"} {
		for _, n := range strings.Fields(names) {
			m[n] = kwVal{kwMonth, i + 1}
		}
	}
	for i, names := range []string{"sun sunday", "mon monday", "tue tues tuesday", "wed weds wednesday",
		"thu thur thurs thursday", "fri friday", "sat saturday"} {
		for _, n := range strings.Fields(names) {
			m[n] = kwVal{kwDOW, i}
		}
	}
	return m
}()

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// dtDecoder is the state of one decodeDateTime.
type dtDecoder struct {
	buf           [8]dtField // room for the usual number of fields without allocating
	f             []dtField
	now           time.Time
	order         DateOrder // DateStyle's field order for numeric dates
	fmask         int
	kind          dtKind
	tm            tm
	is2digits     bool
	haveTextMonth bool
	bc, julian    bool
	dst           bool   // "DST" after a zone: an hour east of it
	ampm          int    // -1: 24-hour clock
	badZone       string // a zone name not recognized: PostgreSQL reports 22023, not 22007
	namedZone     bool   // a zone given by name (not by offset or abbreviation)
	// The zone the input names, for timestamp with time zone: an offset in seconds east
	// (zoneOff, when hasOff), or a name or abbreviation (zone).
	hasOff  bool
	zoneOff int
	zone    string
}

// decodeDateTime decodes s as PostgreSQL's DecodeDateTime does; now is what "now",
// "today", "tomorrow" and "yesterday" refer to.
func decodeDateTime(s string, now time.Time, order DateOrder) (*dtDecoder, dterr) {
	d := &dtDecoder{now: now, ampm: -1, order: order}
	fields, ok := lexDateTime(s, d.buf[:0])
	if !ok {
		return nil, dtBadFormat
	}
	d.f = fields
	ptype := ptNone // a label ("t", "j", "y") the next field belongs to
	for i, f := range fields {
		var tmask int
		var err dterr
		switch f.typ {
		case fDate:
			tmask, err = d.dateField(f, &ptype)
		case fTime:
			if ptype != ptNone {
				if ptype != ptTime {
					return nil, dtBadFormat
				}
				ptype = ptNone
			}
			tmask = mTime
			if err = decodeTime(f.text, &d.tm); err == dtOK && timeOverflows(&d.tm) {
				err = dtFieldOverflow
			}
		case fTZ:
			d.zoneOff, err = decodeZone(f.text)
			d.hasOff = true
			tmask = mTZ
		case fNumber:
			tmask, err = d.numberField(f.text, &ptype)
		case fString, fSpecial:
			var skip bool
			tmask, skip, err = d.wordField(i, f, &ptype)
			if skip {
				continue
			}
		}
		if err != dtOK {
			return d, err
		}
		if tmask&d.fmask != 0 {
			return d, dtBadFormat
		}
		d.fmask |= tmask
	}
	if err := d.validateDate(); err != dtOK {
		return nil, err
	}
	if d.ampm >= 0 && d.tm.hour > 12 {
		return nil, dtFieldOverflow
	}
	if d.ampm == ampmAM && d.tm.hour == 12 {
		d.tm.hour = 0
	} else if d.ampm == ampmPM && d.tm.hour != 12 {
		d.tm.hour += 12
	}
	if d.kind == kDate {
		// A date is needed; "dst" needs a zone given by offset or fixed abbreviation.
		if d.fmask&mDate != mDate || d.fmask&mDTZMod != 0 && (d.namedZone || d.fmask&mTZ == 0) {
			return nil, dtBadFormat
		}
	}
	return d, dtOK
}

// dateField handles a field with embedded delimiters: a date, or after a full month and
// day a zone name or a run-together time with an offset (hhmmss-zz).
func (d *dtDecoder) dateField(f dtField, ptype *int) (int, dterr) {
	if *ptype == ptJulian { // a Julian day with a zone: J2451187-05
		*ptype = ptNone
		jd, n, ok := strtoint(f.text)
		if !ok || jd < 0 {
			return 0, dtFieldOverflow
		}
		d.tm.year, d.tm.mon, d.tm.mday = j2date(jd)
		d.julian = true
		off, err := decodeZone(f.text[n:])
		if err != dtOK {
			return 0, err
		}
		d.zoneOff, d.hasOff = off, true
		return mDate | mTime | mTZ, dtOK
	}
	if *ptype == ptNone && d.fmask&(mMonth|mDay) != mMonth|mDay {
		return decodeDate(f.text, d.fmask, &d.tm, &d.is2digits, &d.haveTextMonth, d.order)
	}
	if isDigit(f.text[0]) || *ptype != ptNone {
		if *ptype != ptNone && *ptype != ptTime {
			return 0, dtBadFormat
		}
		*ptype = ptNone
		if d.fmask&mTime == mTime {
			return 0, dtBadFormat
		}
		cut := strings.IndexByte(f.text, '-')
		if cut < 0 {
			return 0, dtBadFormat
		}
		off, err := decodeZone(f.text[cut:])
		if err != dtOK {
			return 0, err
		}
		d.zoneOff, d.hasOff = off, true
		tmask, err := numberField(f.text[:cut], d.fmask, &d.tm, &d.is2digits)
		return tmask | mTZ, err
	}
	if !knownZone(f.orig) {
		d.badZone = f.text
		return 0, dtBadFormat
	}
	d.namedZone, d.zone = true, f.orig
	return mTZ, dtOK
}

// numberField handles a field of digits, maybe with a fraction.
func (d *dtDecoder) numberField(s string, ptype *int) (int, dterr) {
	if *ptype != ptNone {
		return d.labelledNumber(s, ptype)
	}
	dot := strings.IndexByte(s, '.')
	switch {
	case dot >= 0 && d.fmask&mDate == 0:
		return decodeDate(s, d.fmask, &d.tm, &d.is2digits, &d.haveTextMonth, d.order)
	case dot > 2, len(s) >= 6 && (d.fmask&mDate == 0 || d.fmask&mTime == 0):
		return numberField(s, d.fmask, &d.tm, &d.is2digits)
	}
	return decodeNumber(s, d.haveTextMonth, d.fmask, &d.tm, &d.is2digits, d.order)
}

// labelledNumber handles a number after a label: t (hhmmss), j (a Julian day), or the
// ISO 8601 labels y, m, d, h, mm, s (y2024m01d02h10mm30s05).
func (d *dtDecoder) labelledNumber(s string, ptype *int) (int, dterr) {
	p := *ptype
	*ptype = ptNone
	d.kind = kDate // PostgreSQL forgets an epoch or infinity before a labelled number
	intPart, frac, hasFrac := strings.Cut(s, ".")
	val := 0 // "" reads as 0, as strtoint does
	if intPart != "" {
		v, err := strconv.ParseInt(intPart, 10, 32)
		if err != nil {
			return 0, dtFieldOverflow // digits only, so too large
		}
		val = int(v)
	}
	if hasFrac && p != ptJulian && p != ptTime && p != ptSecond {
		return 0, dtBadFormat
	}
	t := &d.tm
	switch p {
	case ptTime:
		tmask, err := numberField(s, d.fmask|mDate, t, &d.is2digits)
		if err == dtOK && tmask != mTime {
			err = dtBadFormat
		}
		return tmask, err
	case ptJulian: // maybe with a fraction of a day
		t.year, t.mon, t.mday = j2date(val)
		d.julian = true
		if !hasFrac {
			return mDate, dtOK
		}
		day, err := strconv.ParseFloat("0."+frac, 64)
		if err != nil {
			return 0, dtBadFormat
		}
		us := int64(day * 86400e6)
		t.hour, t.min, t.sec, t.usec = int(us/3600e6), int(us/60e6%60), int(us/1e6%60), us%1e6
		return mDate | mTime, dtOK
	case ptYear:
		t.year = val
		return mYear, dtOK
	case ptMonth:
		if d.fmask&mMonth != 0 && d.fmask&mHour != 0 { // after a month and an hour: minutes
			t.min = val
			return mMinute, dtOK
		}
		t.mon = val
		return mMonth, dtOK
	case ptDay:
		t.mday = val
		return mDay, dtOK
	case ptHour:
		t.hour = val
		return mHour, dtOK
	case ptMinute:
		t.min = val
		return mMinute, dtOK
	case ptSecond:
		t.sec = val
		if hasFrac {
			us, err := fraction("." + frac)
			if err != dtOK {
				return 0, err
			}
			t.usec = us
		}
		return mSecond, dtOK
	}
	return 0, dtBadFormat
}

// wordField handles a word: a zone abbreviation, a keyword or a zone name.
func (d *dtDecoder) wordField(i int, f dtField, ptype *int) (tmask int, skip bool, err dterr) {
	if tzAbbrevs[f.text] {
		d.zone = f.text
		if tzMarked[f.text] {
			return mTZ | mDTZ, false, dtOK
		}
		return mTZ, false, dtOK
	}
	kw, ok := dateKeywords[f.text]
	if !ok {
		if f.typ == fString && knownZone(f.orig) {
			d.namedZone, d.zone = true, f.orig
			return mTZ, false, dtOK
		}
		return 0, false, dtBadFormat
	}
	switch kw.kw {
	case kwIgnore:
		return 0, true, dtOK
	case kwReserved:
		return d.reserved(kw.val), false, dtOK
	case kwMonth:
		tmask = mMonth
		// A numeric month before a month name was really the day: 2 jan 2024 is read so.
		if d.fmask&mMonth != 0 && !d.haveTextMonth && d.fmask&mDay == 0 && d.tm.mon >= 1 && d.tm.mon <= 31 {
			d.tm.mday = d.tm.mon
			tmask = mDay
		}
		d.haveTextMonth = true
		d.tm.mon = kw.val
	case kwAMPM:
		tmask, d.ampm = mAMPM, kw.val
	case kwADBC:
		tmask, d.bc = mADBC, kw.val == adbcBC
	case kwDOW:
		tmask = mDOW
	case kwUnits:
		*ptype = kw.val
	case kwDTZMod:
		tmask = mDTZMod | mDTZ
		d.dst = d.fmask&mTZ != 0 // a zone given after "DST" replaces the one it moved
	case kwISOTime:
		// "t" must follow a whole date and precede a time.
		if d.fmask&mDate != mDate || i+1 >= len(d.f) || d.f[i+1].typ == fTZ || d.f[i+1].typ >= fString {
			return 0, false, dtBadFormat
		}
		*ptype = ptTime
	}
	return tmask, false, dtOK
}

// reserved applies now, today, epoch and the like and returns the fields they fill.
func (d *dtDecoder) reserved(v int) int {
	d.kind = kDate // as PostgreSQL, a later now, today or allballs overrides an epoch
	// now's wall clock is the session's (callers pass it in the session's zone), as
	// PostgreSQL's GetCurrentDateTime: today is the local date, now the local time with
	// the local offset.
	day := func(offset int) {
		t := d.now.AddDate(0, 0, offset)
		d.tm.year, d.tm.mon, d.tm.mday = t.Year(), int(t.Month()), t.Day()
	}
	switch v {
	case resNow:
		t := d.now
		day(0)
		d.tm.hour, d.tm.min, d.tm.sec, d.tm.usec = t.Hour(), t.Minute(), t.Second(), int64(t.Nanosecond()/1000)
		_, off := t.Zone()
		d.hasOff, d.zoneOff, d.zone = true, off, ""
		return mDate | mTime | mTZ
	case resToday:
		day(0)
	case resTomorrow:
		day(1)
	case resYesterday:
		day(-1)
	case resAllballs:
		// PostgreSQL's DTK_ZULU: midnight in UTC, not in the session's zone.
		d.tm.hour, d.tm.min, d.tm.sec, d.tm.usec = 0, 0, 0, 0
		d.hasOff, d.zoneOff, d.zone = true, 0, ""
		return mTime | mTZ
	default:
		d.kind = map[int]dtKind{resEpoch: kEpoch, resLate: kLate, resEarly: kEarly}[v]
		return mReserved
	}
	return mDate
}

// validateDate is PostgreSQL's ValidateDate: year adjustments and field ranges.
func (d *dtDecoder) validateDate() dterr {
	t := &d.tm
	if d.fmask&mYear != 0 {
		switch {
		case d.julian:
		case d.bc:
			if t.year <= 0 {
				return dtFieldOverflow
			}
			t.year = -(t.year - 1)
		case d.is2digits:
			if t.year < 70 {
				t.year += 2000
			} else if t.year < 100 {
				t.year += 1900
			}
		case t.year <= 0:
			return dtFieldOverflow
		}
	}
	if d.fmask&mDOY != 0 {
		t.year, t.mon, t.mday = j2date(date2j(t.year, 1, 1) + t.yday - 1)
	}
	if d.fmask&mMonth != 0 && (t.mon < 1 || t.mon > 12) {
		return dtFieldOverflow
	}
	if d.fmask&mDay != 0 && (t.mday < 1 || t.mday > 31) {
		return dtFieldOverflow
	}
	if d.fmask&mDate == mDate && t.mday > daysIn(t.year, t.mon) {
		return dtFieldOverflow
	}
	return dtOK
}

func daysIn(year, mon int) int {
	if mon == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mon-1]
}

// knownZone reports whether name is a time zone PostgreSQL's pg_tzset accepts: one the
// host's zone database knows (as written, or capitalized word by word: europe/rome is
// Europe/Rome; PostgreSQL matches case-insensitively in its own copy), or a POSIX TZ
// string such as GMT+2 or EST5EDT.
func knownZone(name string) bool {
	if name == "" || len(name) > 255 || !isAlpha(name[0]) {
		return false
	}
	if posixZone(name) {
		return true
	}
	if name == "Local" || strings.Contains(name, "..") { // not names in the zone database
		return false
	}
	if _, err := time.LoadLocation(name); err == nil {
		return true
	}
	b := []byte(strings.ToLower(name))
	for i := range b {
		if i == 0 || strings.IndexByte("/_-", b[i-1]) >= 0 {
			b[i] = byte(unicode.ToUpper(rune(b[i])))
		}
	}
	_, err := time.LoadLocation(string(b))
	return err == nil
}

// posixZone reports whether s parses as tzcode's tzparse reads a POSIX TZ string without
// rules: a name, an offset, and maybe a daylight-saving name and offset. Names are any
// characters but digits, ',', '+' and '-'; hours go up to 167, as tzcode allows.
func posixZone(s string) bool {
	zname := func(s string) int { return strings.IndexAny(s, "0123456789,+-") }
	n := zname(s)
	if n < 0 {
		return false // a name without an offset
	}
	s, ok := posixOffset(s[n:])
	if !ok {
		return false
	}
	if s == "" {
		return true
	}
	if n = zname(s); n == 0 {
		return false
	} else if n < 0 {
		return true // a daylight-saving name with the default offset
	}
	s, ok = posixOffset(s[n:])
	return ok && s == ""
}

// posixOffset reads [+-]hh[:mm[:ss]] and returns the rest.
func posixOffset(s string) (string, bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	num := func(max int) bool {
		if s == "" || !isDigit(s[0]) {
			return false
		}
		v := 0
		for s != "" && isDigit(s[0]) {
			if v = v*10 + int(s[0]-'0'); v > max {
				return false
			}
			s = s[1:]
		}
		return true
	}
	if !num(167) {
		return s, false
	}
	for _, max := range []int{59, 60} {
		if s == "" || s[0] != ':' {
			break
		}
		s = s[1:]
		if !num(max) {
			return s, false
		}
	}
	return s, true
}

// inputError builds the error PostgreSQL reports for input s of type typ.
func (d *dtDecoder) inputError(err dterr, typ, s string) error {
	switch {
	case d != nil && d.badZone != "":
		return &DateTimeError{Code: "22023", Msg: fmt.Sprintf("time zone %q not recognized", d.badZone)}
	case err == dtFieldOverflow:
		return &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date/time field value out of range: %q", s)}
	case err == dtZoneOverflow:
		return &DateTimeError{Code: "22009", Msg: fmt.Sprintf("time zone displacement out of range: %q", s)}
	}
	return &DateTimeError{Code: "22007", Msg: fmt.Sprintf("invalid input syntax for type %s: %q", typ, s)}
}
