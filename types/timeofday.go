package types

import (
	"fmt"
	"strings"
	"time"
)

// time without time zone: microseconds since midnight, 00:00:00 to 24:00:00 inclusive.

// MicrosPerDay is 24:00:00, the largest time.
const MicrosPerDay = usecsPerDay

// ParseTime reads s as PostgreSQL's time input does: hh:mm[:ss[.frac]] with an optional
// AM/PM and zone (ignored), "allballs", or a whole timestamp whose date is dropped. "now"
// is the wall clock in UTC: ParseTimeAt gives it the session's.
func ParseTime(s string) (Value, error) {
	return ParseTimeAt(s, time.Now().UTC())
}

// ParseTimeAt is ParseTime with now as what "now" (and a timestamp's "today") means: its
// wall clock in its location, as PostgreSQL reads 'now'::time as the transaction's start in
// the session's TimeZone.
func ParseTimeAt(s string, now time.Time) (Value, error) {
	bad := &DateTimeError{Code: "22007", Msg: fmt.Sprintf("invalid input syntax for type time: %q", s)}
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return Value{}, bad
	}
	if len(f) == 1 && f[0] == "allballs" {
		return Value{T: Time}, nil
	}
	var t tm
	clock := f[0]
	// A trailing numeric zone glued on (10:00:00+02) is checked and ignored.
	if i := strings.IndexAny(clock, "+-"); i > 0 && strings.Contains(clock[:i], ":") {
		if _, err := decodeZone(clock[i:]); err != dtOK {
			return Value{}, bad
		}
		clock = clock[:i]
	}
	clock = concatenatedClock(clock)
	if err := decodeTime(clock, &t); err != dtOK {
		// Maybe a date comes first: read it as a timestamp and keep the clock, which time's
		// input requires (a date alone, today or epoch is no time).
		if !strings.Contains(s, ":") && (len(f) != 1 || f[0] != "now") {
			return Value{}, bad
		}
		v, terr := ParseTimestamp(s, now)
		if terr != nil || IsInfinite(v.I) {
			if err == dtFieldOverflow {
				return Value{}, &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date/time field value out of range: %q", s)}
			}
			return Value{}, bad
		}
		return Value{T: Time, I: v.I - floorDiv(v.I, usecsPerDay)*usecsPerDay}, nil
	}
	for _, w := range f[1:] {
		switch {
		case w == "am" || w == "pm":
			if t.hour > 12 {
				return Value{}, &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date/time field value out of range: %q", s)}
			}
			if w == "am" && t.hour == 12 {
				t.hour = 0
			} else if w == "pm" && t.hour != 12 {
				t.hour += 12
			}
		case tzAbbrevs[w]:
		case knownZone(w): // a zone name needs a date unless its offset never changed
			if _, fixed := fixedZoneOffset(w); !fixed {
				return Value{}, bad
			}
		default:
			if _, err := decodeZone(w); err != dtOK {
				return Value{}, bad
			}
		}
	}
	if timeOverflows(&t) {
		return Value{}, &DateTimeError{Code: "22008", Msg: fmt.Sprintf("date/time field value out of range: %q", s)}
	}
	return Value{T: Time, I: ((int64(t.hour)*60+int64(t.min))*60+int64(t.sec))*1e6 + t.usec}, nil
}

// AppendTimeOfDay prints a time: hh:mm:ss with the fraction's significant digits.
func AppendTimeOfDay(dst []byte, us int64) []byte {
	dst = append2(dst, us/3600e6)
	dst = append2(append(dst, ':'), us/60e6%60)
	dst = append2(append(dst, ':'), us/1e6%60)
	return appendFrac(dst, us%1e6)
}

// concatenatedClock spells a clock written without colons, HHMM or HHMMSS[.frac] as PostgreSQL
// reads it, with them; any other field as it is.
func concatenatedClock(f string) string {
	whole, frac, _ := strings.Cut(f, ".")
	if len(whole) != 4 && len(whole) != 6 || strings.Trim(whole, "0123456789") != "" ||
		strings.Trim(frac, "0123456789") != "" || len(whole) == 4 && frac != "" {
		return f
	}
	c := whole[:2] + ":" + whole[2:4]
	if len(whole) == 6 {
		c += ":" + whole[4:]
	}
	if strings.Contains(f, ".") {
		c += "." + frac
	}
	return c
}
