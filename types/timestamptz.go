package types

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Timestamp with time zone: an instant, kept like a timestamp as microseconds since
// 1970-01-01 UTC. Input without a zone is read in the session's TimeZone and output is
// printed in it, so the text functions take a location.

// Timestamptz, Interval and Time are numbered apart from the other types (which other work
// extends from 17 up) so that independent additions do not collide.
const (
	Timestamptz Type = 40 // timestamp with time zone, microseconds since the Unix epoch, UTC
	Interval    Type = 41 // interval: months, days and microseconds, 16 bytes in S
	Time        Type = 42 // time without time zone, microseconds since midnight
)

var zoneCache sync.Map // name → *time.Location

// LoadZone resolves a time zone name as PostgreSQL's pg_tzset does: a name of the zone
// database (matched case-insensitively, Europe/Rome or europe/rome), UTC and its synonyms, or
// a POSIX TZ string without rules (GMT+2: two hours WEST of Greenwich, POSIX's sign).
func LoadZone(name string) (*time.Location, bool) {
	if l, ok := zoneCache.Load(name); ok {
		return l.(*time.Location), true
	}
	loc, ok := loadZone(name)
	if ok {
		zoneCache.Store(name, loc)
	}
	return loc, ok
}

// fixedZoneOffset is the offset (seconds east) of the zone named name when it has never
// changed (UTC, Etc/GMT+3): the only zone names a time without a date may carry, as
// PostgreSQL's DecodeTimeOnly takes them (pg_get_timezone_offset).
func fixedZoneOffset(name string) (int, bool) {
	loc, ok := LoadZone(name)
	if !ok {
		return 0, false
	}
	t := time.Unix(0, 0).In(loc)
	if start, end := t.ZoneBounds(); !start.IsZero() || !end.IsZero() {
		return 0, false
	}
	_, off := t.Zone()
	return off, true
}

func loadZone(name string) (*time.Location, bool) {
	switch strings.ToLower(name) {
	case "utc", "gmt", "z", "zulu", "uct", "ut", "etc/utc", "universal":
		return time.UTC, true
	case "", "local":
		return nil, false
	}
	if strings.Contains(name, "..") || len(name) > 255 {
		return nil, false
	}
	if l, err := time.LoadLocation(name); err == nil {
		return l, true
	}
	b := []byte(strings.ToLower(name))
	for i := range b {
		if i == 0 || strings.IndexByte("/_-", b[i-1]) >= 0 {
			b[i] = byte(unicode.ToUpper(rune(b[i])))
		}
	}
	if l, err := time.LoadLocation(string(b)); err == nil {
		return l, true
	}
	if name[0] == '<' { // <-05>+05: a quoted POSIX name, as PostgreSQL names a numeric zone
		end := strings.IndexByte(name, '>')
		if end < 0 {
			return nil, false
		}
		if rest, ok := posixOffset(name[end+1:]); !ok || rest != "" {
			return nil, false
		}
		return time.FixedZone(name[1:end], posixSeconds(name[end+1:])), true
	}
	if name[0] == '+' || name[0] == '-' || isDigit(name[0]) {
		// A POSIX zone with an empty standard name, which PostgreSQL's tzparse allows
		// (unlike IANA's): '+02:00' is two hours WEST of Greenwich, UTC-2.
		if rest, ok := posixOffset(name); !ok || rest != "" {
			return nil, false
		}
		return time.FixedZone("", posixSeconds(name)), true
	}
	if !isAlpha(name[0]) || !posixZone(name) {
		return nil, false
	}
	// A POSIX zone: the standard name and offset; a daylight-saving part is not applied.
	n := strings.IndexAny(name, "0123456789,+-")
	return time.FixedZone(name[:n], posixSeconds(name[n:])), true
}

// posixSeconds is a POSIX TZ offset ([+-]hh[:mm[:ss]], hours WEST) as seconds east; any text
// after it is ignored.
func posixSeconds(rest string) int {
	sign := -1 // POSIX offsets count hours west
	if rest[0] == '-' || rest[0] == '+' {
		if rest[0] == '-' {
			sign = 1
		}
		rest = rest[1:]
	}
	secs, mult := 0, 3600
	for _, part := range strings.SplitN(rest, ":", 3) {
		end := 0
		for end < len(part) && isDigit(part[end]) {
			end++
		}
		v, _ := strconv.Atoi(part[:end])
		secs += v * mult
		mult /= 60
		if end < len(part) {
			break
		}
	}
	return sign * secs
}

// ParseTimestamptz reads s as PostgreSQL's timestamptz input does: a zone in s (an offset,
// a name or an abbreviation) says where the wall clock is; without one it is in loc.
// Numeric dates are in DateStyle's order MDY.
func ParseTimestamptz(s string, now time.Time, loc *time.Location) (Value, error) {
	return ParseTimestamptzIn(s, now, loc, DateOrderMDY)
}

// ParseTimestamptzIn is ParseTimestamptz with DateStyle's field order order.
func ParseTimestamptzIn(s string, now time.Time, loc *time.Location, order DateOrder) (Value, error) {
	d, err := decodeDateTime(s, now, order)
	if err != dtOK {
		return Value{}, d.inputError(err, "timestamp with time zone", s)
	}
	switch d.kind {
	case kEpoch:
		return Value{T: Timestamptz, I: 0}, nil
	case kLate:
		return Value{T: Timestamptz, I: Infinity}, nil
	case kEarly:
		return Value{T: Timestamptz, I: NegInfinity}, nil
	}
	outOfRange := &DateTimeError{Code: "22008", Msg: fmt.Sprintf("timestamp out of range: %q", s)}
	t := &d.tm
	if !validJulian(t.year, t.mon) {
		return Value{}, outOfRange
	}
	local, ok := localMicros(t)
	if !ok {
		return Value{}, outOfRange
	}
	off, zerr := d.offsetAt(local, loc)
	if zerr != nil {
		return Value{}, zerr
	}
	us := local - off*1e6
	if off < 0 && us < local { // wrapped past the largest int64
		return Value{}, outOfRange
	}
	if pg := us - unixToPG; pg < minTimestamp || pg >= endTimestamp || us >= Infinity-1 {
		return Value{}, outOfRange
	}
	return Value{T: Timestamptz, I: us}, nil
}

// localMicros is the wall clock of t as microseconds since 1970 (read as if UTC).
func localMicros(t *tm) (int64, bool) {
	days := int64(date2j(t.year, t.mon, t.mday) - unixEpochJDate)
	if days > math.MaxInt64/usecsPerDay || days < -300000*366 {
		return 0, false
	}
	// Past the last microsecond an int64 holds the sum would wrap (294270 AD read as a
	// date in 290286 BC).
	tod := ((int64(t.hour)*60+int64(t.min))*60+int64(t.sec))*1e6 + t.usec
	if days > 0 && tod > math.MaxInt64-days*usecsPerDay {
		return 0, false
	}
	return days*usecsPerDay + tod, true
}

// ZoneOffsetAt is the offset (seconds east) of zone loc for the wall clock local
// (microseconds since 1970 read as UTC), as PostgreSQL's DetermineTimeZoneOffset picks it:
// in a gap the offset before the transition, in an overlap the later (standard) one.
func ZoneOffsetAt(local int64, loc *time.Location) int64 {
	if loc == nil || loc == time.UTC {
		return 0
	}
	secs := floorDiv(local, 1e6)
	// Try the offset in force just before and just after: the one that maps back to the
	// same wall clock wins.
	_, off1 := time.Unix(secs-86400, 0).In(loc).Zone()
	_, off2 := time.Unix(secs+86400, 0).In(loc).Zone()
	_, offA := time.Unix(secs-int64(off1), 0).In(loc).Zone()
	if offA == off1 {
		_, offB := time.Unix(secs-int64(off2), 0).In(loc).Zone()
		if offB == off2 && off2 != off1 {
			// Ambiguous (an overlap): PostgreSQL takes the standard, i.e. later, offset.
			return int64(off2)
		}
		return int64(off1)
	}
	_, offB := time.Unix(secs-int64(off2), 0).In(loc).Zone()
	if offB == off2 {
		return int64(off2)
	}
	// A gap: PostgreSQL reads the clock with the offset before the transition.
	return int64(off1)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// TimestamptzLocal is the wall clock of instant us in loc (microseconds since 1970 read
// as UTC) and the offset in seconds east.
func TimestamptzLocal(us int64, loc *time.Location) (local int64, off int64) {
	if loc == nil || loc == time.UTC || IsInfinite(us) {
		return us, 0
	}
	_, o := time.Unix(floorDiv(us, 1e6), 0).In(loc).Zone()
	return us + int64(o)*1e6, int64(o)
}

// AppendTimestamptz appends instant us as PostgreSQL prints a timestamptz in zone loc
// (DateStyle ISO): "2024-01-02 03:04:05.5+01", offsets with minutes and seconds when they
// have them.
func AppendTimestamptz(dst []byte, us int64, loc *time.Location) []byte {
	switch us {
	case Infinity:
		return append(dst, "infinity"...)
	case NegInfinity:
		return append(dst, "-infinity"...)
	}
	local, off := TimestamptzLocal(us, loc)
	t := time.UnixMicro(local).UTC()
	bc := t.Year() <= 0
	dst = appendTime(dst, t, TimestampLayout)
	if bc {
		dst = dst[:len(dst)-len(" BC")]
	}
	dst = AppendOffset(dst, off)
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

// AppendOffset appends a zone offset as PostgreSQL prints it: +hh, +hh:mm or +hh:mm:ss.
func AppendOffset(dst []byte, off int64) []byte {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	dst = append(dst, sign)
	dst = append2(dst, off/3600)
	if m, s := off/60%60, off%60; m != 0 || s != 0 {
		dst = append2(append(dst, ':'), m)
		if s != 0 {
			dst = append2(append(dst, ':'), s)
		}
	}
	return dst
}

func append2(dst []byte, v int64) []byte {
	if v < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, v, 10)
}

// TimestamptzFromTime is the instant t.
func TimestamptzFromTime(t time.Time) (Value, error) {
	v, err := TimestampFromTime(t.UTC())
	v.T = Timestamptz
	return v, err
}

// TimestamptzFromPostgres reads microseconds since 2000-01-01 UTC (the binary format).
func TimestamptzFromPostgres(pg int64) (Value, error) {
	v, err := TimestampFromPostgres(pg)
	v.T = Timestamptz
	return v, err
}

// offsetAt is the zone offset in seconds the decoded text gives local time local: its own
// offset, its zone abbreviation or name, or else loc's; an hour further east after "DST"
// ("MET DST" is UTC+2: DecodeDateTime's DTZMOD subtracts an hour from the zone west).
func (d *dtDecoder) offsetAt(local int64, loc *time.Location) (int64, error) {
	off, err := d.zoneOffsetAt(local, loc)
	if d.dst {
		off += 3600
	}
	return off, err
}

func (d *dtDecoder) zoneOffsetAt(local int64, loc *time.Location) (int64, error) {
	switch {
	case d.hasOff:
		return int64(d.zoneOff), nil
	case d.zone != "":
		if o, ok := zoneAbbrevOffsets[strings.ToLower(d.zone)]; ok && !d.namedZone {
			return int64(o), nil
		}
		if o, ok := DynamicAbbrevAtLocal(d.zone, local); ok && !d.namedZone {
			return int64(o), nil
		}
		l, ok := LoadZone(d.zone)
		if !ok {
			return 0, &DateTimeError{Code: "0A000", Msg: fmt.Sprintf("time zone abbreviation %q is not supported yet", d.zone)}
		}
		return ZoneOffsetAt(local, l), nil
	}
	return ZoneOffsetAt(local, loc), nil
}
