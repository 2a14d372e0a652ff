package types

import (
	"fmt"
	"strings"
	"time"
)

// time with time zone: a time of day and a zone offset. PostgreSQL orders it by the UTC time
// it denotes, then by the zone (seconds west, ascending), and calls two values equal only when
// both agree; packing (UTC time, seconds west) into I in that order lets the integer paths
// (row and key encodings, hashing, comparison) carry it unchanged.

// TimeTZ is time with time zone (oid 1266), packed in I (see NewTimeTZ).
const TimeTZ Type = 46

const (
	maxZoneSecs = 15*3600 + 59*60 + 59 // PostgreSQL's TZ_MAX_TIMEZONE_HI
	zoneSpan    = 1 << 17              // more than 2*maxZoneSecs+1
)

// NewTimeTZ is the time us (microseconds since midnight, 0 to 24:00:00) at offset off
// (seconds east of UTC, at most 15:59:59 either way).
func NewTimeTZ(us, off int64) Value {
	return Value{T: TimeTZ, I: (us-off*1e6)*zoneSpan + (maxZoneSecs - off)}
}

// TimeTZParts is the time of day (microseconds) and offset (seconds east) of a timetz.
func (v Value) TimeTZParts() (us, off int64) {
	west := v.I - floorDiv(v.I, zoneSpan)*zoneSpan - maxZoneSecs
	return floorDiv(v.I, zoneSpan) - west*1e6, -west
}

// ValidZoneOffset reports whether off (seconds east) is an offset a timetz may hold.
func ValidZoneOffset(off int64) bool { return off >= -maxZoneSecs && off <= maxZoneSecs }

// AppendTimeTZ prints a timetz: its time as time prints it, then its offset.
func AppendTimeTZ(dst []byte, v Value) []byte {
	us, off := v.TimeTZParts()
	return AppendOffset(AppendTimeOfDay(dst, us), off)
}

// ParseTimeTZ reads s as PostgreSQL's timetz input does: a time with an optional offset or
// zone abbreviation; a zone name needs a date, and a time without a zone takes loc's
// offset on now's date (in loc), as PostgreSQL takes the session's on the current date.
func ParseTimeTZ(s string, now time.Time, loc *time.Location) (Value, error) {
	bad := &DateTimeError{Code: "22007", Msg: fmt.Sprintf("invalid input syntax for type time with time zone: %q", s)}
	overflow := &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date/time field value out of range: %q", s)}
	zoneOverflow := &DateTimeError{Code: "22009", Msg: fmt.Sprintf("time zone displacement out of range: %q", s)}
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return Value{}, bad
	}
	if len(f) == 1 && f[0] == "allballs" {
		return NewTimeTZ(0, 0), nil
	}
	var t tm
	var off int64
	hasZone := false
	zone := func(z string) error {
		o, err := decodeZone(z)
		switch {
		case err == dtZoneOverflow:
			return zoneOverflow
		case err != dtOK || hasZone:
			return bad
		}
		off, hasZone = int64(o), true
		return nil
	}
	clock := f[0]
	if i := strings.IndexAny(clock, "+-"); i > 0 && strings.Contains(clock[:i], ":") {
		if err := zone(clock[i:]); err != nil {
			return Value{}, err
		}
		clock = clock[:i]
	}
	if err := decodeTime(clock, &t); err != dtOK {
		return parseTimeTZWithDate(s, now, loc, err, bad, overflow)
	}
	for _, w := range f[1:] {
		switch {
		case w == "am" || w == "pm":
			if t.hour > 12 {
				return Value{}, overflow
			}
			if w == "am" && t.hour == 12 {
				t.hour = 0
			} else if w == "pm" && t.hour != 12 {
				t.hour += 12
			}
		case w[0] == '+' || w[0] == '-':
			if err := zone(w); err != nil {
				return Value{}, err
			}
		default:
			o, ok := zoneAbbrevOffsets[w]
			if !ok {
				// A dynamic abbreviation (MSK) means what it means today, as PostgreSQL's
				// DecodeTimeOnly resolves it without a date.
				y, m, d := now.In(loc).Date()
				day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).UnixMicro()
				o, ok = DynamicAbbrevAtLocal(w, day)
			}
			if !ok && strings.Contains(w, "/") { // Etc/GMT+3: a zone name whose offset never changed
				o, ok = fixedZoneOffset(w)
			}
			if !ok || hasZone {
				// A zone name's offset depends on the date, which a time lacks.
				return Value{}, bad
			}
			off, hasZone = int64(o), true
		}
	}
	if timeOverflows(&t) {
		return Value{}, overflow
	}
	us := ((int64(t.hour)*60+int64(t.min))*60+int64(t.sec))*1e6 + t.usec
	if !hasZone {
		off = TimeZoneOffsetToday(us, now, loc)
	}
	return NewTimeTZ(us, off), nil
}

// TimeZoneOffsetToday is loc's offset (seconds east) for the time of day us on now's date
// in loc: the offset PostgreSQL gives a timetz read or cast without a date.
func TimeZoneOffsetToday(us int64, now time.Time, loc *time.Location) int64 {
	y, m, d := now.In(loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).UnixMicro()
	return ZoneOffsetAt(day+us, loc)
}

// parseTimeTZWithDate reads a timetz written with a date (2024-07-01 10:00 Europe/Rome),
// whose zone's offset is the one in force then.
func parseTimeTZWithDate(s string, now time.Time, loc *time.Location, timeErr dterr, bad, overflow error) (Value, error) {
	d, err := decodeDateTime(s, now, DateOrderMDY)
	if err != dtOK || d.kind != kDate || d.fmask&mDate != mDate {
		if err == dtOK || err == dtBadFormat {
			if timeErr == dtFieldOverflow {
				return Value{}, overflow
			}
			return Value{}, bad
		}
		return Value{}, d.inputError(err, "time with time zone", s)
	}
	t := &d.tm
	local, ok := localMicros(t)
	if !ok {
		return Value{}, overflow
	}
	us := local - floorDiv(local, usecsPerDay)*usecsPerDay
	if t.hour == 24 {
		us = usecsPerDay
	}
	off, zerr := d.offsetAt(local, loc)
	if zerr != nil {
		return Value{}, zerr
	}
	return NewTimeTZ(us, off), nil
}

// TimeTZToPostgres is v in PostgreSQL's binary format: microseconds since midnight and the
// zone in seconds west.
func TimeTZToPostgres(v Value) (us int64, west int32) {
	us, off := v.TimeTZParts()
	return us, int32(-off)
}

// TimeTZFromPostgres reads PostgreSQL's binary timetz, refusing what timetz_recv refuses.
func TimeTZFromPostgres(us int64, west int32) (Value, error) {
	if us < 0 || us > usecsPerDay {
		return Value{}, &DateTimeError{Code: "22008", Msg: "time out of range"}
	}
	if !ValidZoneOffset(int64(west)) {
		return Value{}, &DateTimeError{Code: "22009", Msg: "time zone displacement out of range"}
	}
	return NewTimeTZ(us, -int64(west)), nil
}

// RoundMicros rounds us to p fractional digits of a second (0 to 6), half away from zero,
// as PostgreSQL's AdjustTimeForTypmod and AdjustIntervalForTypmod do.
func RoundMicros(us int64, p int) int64 {
	if p < 0 || p >= 6 {
		return us
	}
	scale := int64(1)
	for range 6 - p {
		scale *= 10
	}
	if us >= 0 {
		return (us + scale/2) / scale * scale
	}
	return -((-us + scale/2) / scale * scale)
}

// RoundTimestamp is RoundMicros for a timestamp's (or timestamptz's) microseconds since 1970:
// PostgreSQL rounds them counted from 2000, so a fraction between the two epochs rounds
// toward 2000. The infinities stay.
func RoundTimestamp(us int64, p int) int64 {
	if IsInfinite(us) {
		return us
	}
	return RoundMicros(us-unixToPG, p) + unixToPG
}
