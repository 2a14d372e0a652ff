package types

import (
	"strconv"
	"time"
)

// DateStyle's output styles, as TextStyle.Date carries them: the zero value is ISO, which
// AppendText and AppendTimestamptz print. The others are PostgreSQL's EncodeDateOnly and
// EncodeDateTime: SQL (12/17/1997 07:37:16.5 EST), Postgres (Wed Dec 17 07:37:16.5 1997 EST)
// and German (17.12.1997 07:37:16.5 EST), the day before the month in SQL and Postgres when
// the field order is DMY. time and timetz print alike in every style.
const (
	DateISO uint8 = iota
	DateSQL
	DatePostgres
	DateGerman
)

// DateOrder is DateStyle's field order, how input reads a date of numbers alone (1/2/2024):
// MDY (the zero value), DMY or YMD, as PostgreSQL's DateOrder.
type DateOrder uint8

// DateStyle's field orders.
const (
	DateOrderMDY DateOrder = iota
	DateOrderDMY
	DateOrderYMD
)

// DateStyles maps DateStyle's canonical style names to TextStyle.Date.
var DateStyles = map[string]uint8{"ISO": DateISO, "SQL": DateSQL, "Postgres": DatePostgres, "German": DateGerman}

// datePlain reports whether st prints dates and timestamps as ISO does.
func (st TextStyle) datePlain() bool { return st.Date == DateISO }

// isDateText reports whether v's text is one DateStyle changes.
func isDateText(t Type) bool {
	switch t {
	case Date, Timestamp, Timestamptz, DateArray, TimestampArray, TimestamptzArray:
		return true
	}
	return false
}

// AppendTextStyledIn appends v's text form under st with loc as the session's TimeZone: a
// date, timestamp or timestamptz (or an array of them) by DateStyle, the rest as
// AppendTextStyled (a timestamptz under ISO as AppendTextIn).
func AppendTextStyledIn(dst []byte, v Value, st TextStyle, loc *time.Location) []byte {
	if v.IsNull() {
		return dst
	}
	if !isDateText(v.T) {
		return AppendTextStyled(dst, v, st)
	}
	if loc == nil {
		loc = time.UTC
	}
	if st.datePlain() {
		return AppendTextIn(dst, v, loc)
	}
	switch v.T {
	case Date:
		return AppendDateStyled(dst, v.I, st)
	case Timestamp:
		return AppendTimestampStyled(dst, v.I, nil, st)
	case Timestamptz:
		return AppendTimestampStyled(dst, v.I, loc, st)
	}
	elems, err := v.Elems()
	if err != nil {
		return append(dst, v.S...)
	}
	a := newArray(v.T, elems, func(e Value, b []byte) []byte { return AppendTextStyledIn(b, e, st, loc) })
	return appendArrayDims(dst, v, len(elems), a.S)
}

// AppendDateStyled appends the date days (since 1970-01-01) in st's DateStyle.
func AppendDateStyled(dst []byte, days int64, st TextStyle) []byte {
	switch days {
	case Infinity:
		return append(dst, "infinity"...)
	case NegInfinity:
		return append(dst, "-infinity"...)
	}
	if st.datePlain() {
		return appendTime(dst, time.Unix(days*86400, 0).UTC(), DateLayout)
	}
	t := time.Unix(days*86400, 0).UTC()
	y, bc := styledYear(t)
	sep := byte('/')
	switch st.Date {
	case DatePostgres:
		sep = '-'
	case DateGerman:
		sep = '.'
	}
	dst = appendDayMonth(dst, t, sep, st.DMY || st.Date == DateGerman)
	dst = appendYear(append(dst, sep), y)
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

// AppendTimestampStyled appends the timestamp us (microseconds since 1970) in st's DateStyle:
// a timestamptz when loc is not nil, in loc and with its zone abbreviation.
func AppendTimestampStyled(dst []byte, us int64, loc *time.Location, st TextStyle) []byte {
	switch us {
	case Infinity:
		return append(dst, "infinity"...)
	case NegInfinity:
		return append(dst, "-infinity"...)
	}
	if st.datePlain() {
		if loc != nil {
			return AppendTimestamptz(dst, us, loc)
		}
		return appendTime(dst, time.UnixMicro(us).UTC(), TimestampLayout)
	}
	local := us
	zone := ""
	if loc != nil {
		local, _ = TimestamptzLocal(us, loc)
		zone, _ = time.Unix(floorDiv(us, 1e6), 0).In(loc).Zone()
	}
	t := time.UnixMicro(local).UTC()
	y, bc := styledYear(t)
	switch st.Date {
	case DatePostgres:
		dst = append(dst, t.Weekday().String()[:3]...)
		dst = append(dst, ' ')
		if st.DMY {
			dst = append2(dst, int64(t.Day()))
			dst = append(append(dst, ' '), t.Month().String()[:3]...)
		} else {
			dst = append(dst, t.Month().String()[:3]...)
			dst = append2(append(dst, ' '), int64(t.Day()))
		}
		dst = t.AppendFormat(append(dst, ' '), "15:04:05.999999")
		dst = appendYear(append(dst, ' '), y)
	default:
		dst = AppendDateStyled(dst, floorDiv(local, microsPerDay), TextStyle{Date: st.Date, DMY: st.DMY})
		if bc {
			dst = dst[:len(dst)-len(" BC")]
		}
		dst = t.AppendFormat(append(dst, ' '), "15:04:05.999999")
	}
	if loc != nil {
		dst = append(append(dst, ' '), zone...)
	}
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

const microsPerDay = 86400 * 1e6

// styledYear is t's year as PostgreSQL prints it, and whether it is BC (astronomical year 0
// is 1 BC).
func styledYear(t time.Time) (int, bool) {
	if y := t.Year(); y <= 0 {
		return 1 - y, true
	}
	return t.Year(), false
}

// appendDayMonth appends mm<sep>dd, or dd<sep>mm when dayFirst.
func appendDayMonth(dst []byte, t time.Time, sep byte, dayFirst bool) []byte {
	a, b := int64(t.Month()), int64(t.Day())
	if dayFirst {
		a, b = b, a
	}
	return append2(append(append2(dst, a), sep), b)
}

// appendYear appends y with at least four digits.
func appendYear(dst []byte, y int) []byte {
	for n := len(strconv.Itoa(y)); n < 4; n++ {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(y), 10)
}
