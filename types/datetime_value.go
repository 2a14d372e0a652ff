package types

import (
	"fmt"
	"math"
	"time"
)

// Dates and timestamps as values: Julian day arithmetic, the types' ranges, and the
// conversions from decoded input, PostgreSQL's binary format and Go times.

// Julian day numbers (PostgreSQL's date2j and j2date, valid far beyond the types' ranges).
const (
	unixEpochJDate     = 2440588
	postgresEpochJDate = 2451545
)

func date2j(y, m, d int) int {
	if m > 2 {
		m++
		y += 4800
	} else {
		m += 13
		y += 4799
	}
	century := y / 100
	j := y*365 - 32167
	j += y/4 - century + century/4
	return j + 7834*m/256 + d
}

func j2date(jd int) (year, month, day int) {
	julian := uint64(uint32(jd)) + 32044
	quad := julian / 146097
	extra := (julian-quad*146097)*4 + 3
	julian += 60 + quad*3 + extra/146097
	quad = julian / 1461
	julian -= quad * 1461
	y := julian * 4 / 1461
	if y != 0 {
		julian = (julian+305)%365 + 123
	} else {
		julian = (julian+306)%366 + 123
	}
	y += quad * 4
	quad = julian * 2141 / 65536
	return int(y) - 4800, int((quad+10)%12 + 1), int(julian - 7834*quad/256)
}

// validJulian is PostgreSQL's IS_VALID_JULIAN: from 4714-11-24 BC to 5874898-06 AD.
func validJulian(y, m int) bool {
	return (y > -4713 || y == -4713 && m >= 11) && (y < 5874898 || y == 5874898 && m < 6)
}

// ParseDate reads s as PostgreSQL's date input does with DateStyle's order MDY. now is
// what "today" means.
func ParseDate(s string, now time.Time) (Value, error) { return ParseDateIn(s, now, DateOrderMDY) }

// ParseDateIn is ParseDate with DateStyle's field order order.
func ParseDateIn(s string, now time.Time, order DateOrder) (Value, error) {
	d, err := decodeDateTime(s, now, order)
	if err != dtOK {
		return Value{}, d.inputError(err, "date", s)
	}
	switch d.kind {
	case kEpoch:
		return Value{T: Date, I: 0}, nil
	case kLate:
		return Value{T: Date, I: Infinity}, nil
	case kEarly:
		return Value{T: Date, I: NegInfinity}, nil
	}
	if !validJulian(d.tm.year, d.tm.mon) {
		return Value{}, &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date out of range: %q", s)}
	}
	days := int64(date2j(d.tm.year, d.tm.mon, d.tm.mday) - unixEpochJDate)
	if !DateInRange(days) {
		return Value{}, &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date out of range: %q", s)}
	}
	return Value{T: Date, I: days}, nil
}

// DateInRange reports whether days after 1970-01-01 is a date PostgreSQL can hold
// (IS_VALID_DATE: 4714-11-24 BC to 5874897-12-31).
func DateInRange(days int64) bool {
	return days >= -unixEpochJDate && days < 2147483494-unixEpochJDate
}

// Infinity and NegInfinity are the I of date and timestamp 'infinity' and '-infinity'
// (PostgreSQL's DT_NOEND and DT_NOBEGIN): they sort after and before every value in compare
// and in the key encoding, and no finite value reaches them (DateInRange and the timestamp
// range checks end far inside an int64).
const (
	Infinity    int64 = math.MaxInt64
	NegInfinity int64 = math.MinInt64
)

// IsInfinite reports whether i, a date's or a timestamp's I, is one of the infinities.
func IsInfinite(i int64) bool { return i == Infinity || i == NegInfinity }

// DateToTimestamp is the timestamp at the start of the date days after 1970-01-01; ok is
// false when that is past the timestamps drove holds (PostgreSQL: "date out of range for
// timestamp"). An infinite date is the same infinite timestamp.
func DateToTimestamp(days int64) (micros int64, ok bool) {
	if IsInfinite(days) {
		return days, true
	}
	if !DateInRange(days) || days > math.MaxInt64/usecsPerDay {
		return 0, false
	}
	if pg := days*usecsPerDay - unixToPG; pg < minTimestamp || pg >= endTimestamp {
		return 0, false
	}
	return days * usecsPerDay, true
}

// TimestampInRange reports whether finite timestamp us (microseconds since 1970) is one
// PostgreSQL holds (IS_VALID_TIMESTAMP): a zone shift can carry a valid one past either end.
func TimestampInRange(us int64) bool {
	pg := us - unixToPG
	return us < Infinity-1 && us > NegInfinity+unixToPG && pg >= minTimestamp && pg < endTimestamp
}

// Timestamps PostgreSQL accepts, in microseconds since 2000-01-01 (MIN_TIMESTAMP and
// END_TIMESTAMP); drove's microseconds since 1970 end a little earlier, in 294247, one
// microsecond before Infinity.
const (
	minTimestamp = -211813488000000000
	endTimestamp = 9223371331200000000
	usecsPerDay  = int64(86400e6)
	unixToPG     = (postgresEpochJDate - unixEpochJDate) * usecsPerDay
)

// ParseTimestamp reads s as PostgreSQL's timestamp (without time zone) input does: a
// time zone in s is checked and ignored. now is what "now" and "today" mean. Numeric dates
// are in DateStyle's order MDY.
func ParseTimestamp(s string, now time.Time) (Value, error) {
	return ParseTimestampIn(s, now, DateOrderMDY)
}

// ParseTimestampIn is ParseTimestamp with DateStyle's field order order.
func ParseTimestampIn(s string, now time.Time, order DateOrder) (Value, error) {
	d, err := decodeDateTime(s, now, order)
	if err != dtOK {
		return Value{}, d.inputError(err, "timestamp", s)
	}
	switch d.kind {
	case kEpoch:
		return Value{T: Timestamp, I: 0}, nil
	case kLate:
		return Value{T: Timestamp, I: Infinity}, nil
	case kEarly:
		return Value{T: Timestamp, I: NegInfinity}, nil
	}
	t := &d.tm
	outOfRange := func() error {
		return &DateTimeError{Code: "22008", Msg: fmt.Sprintf("timestamp out of range: %q", s)}
	}
	if !validJulian(t.year, t.mon) {
		return Value{}, outOfRange()
	}
	days := int64(date2j(t.year, t.mon, t.mday) - postgresEpochJDate)
	tod := ((int64(t.hour)*60+int64(t.min))*60+int64(t.sec))*1e6 + t.usec
	if days > math.MaxInt64/usecsPerDay || days < math.MinInt64/usecsPerDay {
		return Value{}, outOfRange()
	}
	pg := days*usecsPerDay + tod
	if pg < minTimestamp || pg >= endTimestamp || pg >= math.MaxInt64-unixToPG {
		return Value{}, outOfRange()
	}
	return Value{T: Timestamp, I: pg + unixToPG}, nil
}

// TimestampFromPostgres reads microseconds since 2000-01-01 (PostgreSQL's binary format).
// PostgreSQL's infinities (INT64_MIN and INT64_MAX) are drove's; values past either type's
// range are out of range (22008), as timestamp_recv says.
func TimestampFromPostgres(pg int64) (Value, error) {
	switch {
	case IsInfinite(pg):
		return Value{T: Timestamp, I: pg}, nil
	case pg < minTimestamp || pg >= endTimestamp || pg >= math.MaxInt64-unixToPG:
		return Value{}, &DateTimeError{Code: "22008", Msg: "timestamp out of range"}
	}
	return Value{T: Timestamp, I: pg + unixToPG}, nil
}

// DateFromPostgres reads days since 2000-01-01 (PostgreSQL's binary format), as date_recv;
// INT32_MIN and INT32_MAX are -infinity and infinity.
func DateFromPostgres(pg int32) (Value, error) {
	switch days := int64(pg) + postgresEpochJDate - unixEpochJDate; {
	case pg == math.MaxInt32:
		return Value{T: Date, I: Infinity}, nil
	case pg == math.MinInt32:
		return Value{T: Date, I: NegInfinity}, nil
	case !DateInRange(days):
		return Value{}, &DateTimeError{Code: "22008", Msg: "date out of range"}
	default:
		return Value{T: Date, I: days}, nil
	}
}

// TimestampFromTime is the timestamp of t's wall clock in UTC, or 22008 when t is outside
// the timestamps PostgreSQL and drove hold (4714-11-24 BC to 294247-01-10).
func TimestampFromTime(t time.Time) (Value, error) {
	t = t.UTC()
	if y := t.Year(); y < -4713 || y > 294247 {
		return Value{}, &DateTimeError{Code: "22008", Msg: "timestamp out of range"}
	}
	days := int64(date2j(t.Year(), int(t.Month()), t.Day())) - postgresEpochJDate
	pg := days*usecsPerDay + int64(t.Hour()*3600+t.Minute()*60+t.Second())*1e6 + int64(t.Nanosecond()/1000)
	return TimestampFromPostgres(pg)
}

// TimestampToPostgres is ts (microseconds since 1970) as PostgreSQL's binary format has it:
// microseconds since 2000-01-01, with the infinities as INT64_MIN and INT64_MAX.
func TimestampToPostgres(ts int64) int64 {
	if IsInfinite(ts) {
		return ts
	}
	return ts - unixToPG
}

// DateToPostgres is days (since 1970) as PostgreSQL's binary format has it: days since
// 2000-01-01, with the infinities as INT32_MIN and INT32_MAX.
func DateToPostgres(days int64) int32 {
	switch days {
	case Infinity:
		return math.MaxInt32
	case NegInfinity:
		return math.MinInt32
	}
	return int32(days - (postgresEpochJDate - unixEpochJDate))
}
