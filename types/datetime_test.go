package types

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// answer renders what ParseTimestamp or ParseDate returned as the cases table does.
func answer(v Value, err error) string {
	var dt *DateTimeError
	if errors.As(err, &dt) {
		return "ERR " + dt.Code
	}
	if err != nil {
		return "untyped error " + err.Error()
	}
	return v.String()
}

// TestDateTimeInputLikePostgres checks every case of pg15DateTimeCases: the value or the
// SQLSTATE PostgreSQL 15 gives, for both types.
func TestDateTimeInputLikePostgres(t *testing.T) {
	now := time.Date(2024, 6, 15, 12, 30, 0, 0, time.UTC)
	for _, c := range pg15DateTimeCases {
		if got := answer(ParseTimestamp(c.in, now)); got != c.timestamp {
			t.Errorf("timestamp %q = %s, PostgreSQL: %s", c.in, got, c.timestamp)
		}
		if got := answer(ParseDate(c.in, now)); got != c.date {
			t.Errorf("date %q = %s, PostgreSQL: %s", c.in, got, c.date)
		}
	}
}

// TestDateTimeRelativeAndDeviations covers what depends on the current time and the
// documented differences from PostgreSQL.
func TestDateTimeRelativeAndDeviations(t *testing.T) {
	now := time.Date(2024, 6, 15, 12, 30, 45, 123456789, time.UTC)
	tests := []struct{ in, timestamp, date string }{
		{"now", "2024-06-15 12:30:45.123456", "2024-06-15"},
		{" NOW ", "2024-06-15 12:30:45.123456", "2024-06-15"},
		{"today", "2024-06-15 00:00:00", "2024-06-15"},
		{"tomorrow", "2024-06-16 00:00:00", "2024-06-16"},
		{"yesterday", "2024-06-14 00:00:00", "2024-06-14"},
		{"today 10:00", "2024-06-15 10:00:00", "2024-06-15"},
		{"tomorrow 10:00:00 pm", "2024-06-16 22:00:00", "2024-06-16"},
		{"yesterday allballs", "2024-06-14 00:00:00", "2024-06-14"},
		{"now 10:00", "ERR 22007", "ERR 22007"},
		{"today now", "ERR 22007", "ERR 22007"},
		{"today bc", "2024-06-15 00:00:00 BC", "2024-06-15 BC"},
		{"epoch today 10:00", "2024-06-15 10:00:00", "2024-06-15"}, // a later today overrides epoch
		{"today epoch", "1970-01-01 00:00:00", "1970-01-01"},
		// The infinities, in any case, signed, with spaces around.
		{"infinity", "infinity", "infinity"},
		{" INFINITY ", "infinity", "infinity"},
		{"+infinity", "ERR 22007", "ERR 22007"}, // PostgreSQL 16 takes it, 15 does not
		{"-infinity", "-infinity", "-infinity"},
		{" -Infinity ", "-infinity", "-infinity"},
		{"- Infinity", "-infinity", "-infinity"},
		{"infinite", "ERR 22007", "ERR 22007"},
		// Timestamps past 294247 AD do not fit drove's microseconds since 1970.
		// The last microsecond of an int64 is infinity.
		{"294247-01-10 04:00:54.775806", "294247-01-10 04:00:54.775806", "294247-01-10"},
		{"294247-01-10 04:00:54.775807", "ERR 22008", "294247-01-10"},
		{"294276-12-31", "ERR 22008", "294276-12-31"},
	}
	for _, c := range tests {
		if got := answer(ParseTimestamp(c.in, now)); got != c.timestamp {
			t.Errorf("timestamp %q = %s, want %s", c.in, got, c.timestamp)
		}
		if got := answer(ParseDate(c.in, now)); got != c.date {
			t.Errorf("date %q = %s, want %s", c.in, got, c.date)
		}
	}
}

func TestDateTimeErrorMessages(t *testing.T) {
	tests := []struct{ in, typ, want string }{
		{"not a date", "timestamp", `invalid input syntax for type timestamp: "not a date"`},
		{"2024-13-01", "date", `date/time field value out of range: "2024-13-01"`},
		{"2024-01-02 10:00+16", "timestamp", `time zone displacement out of range: "2024-01-02 10:00+16"`},
		{"2024-01-02 10:00 Foo/Bar", "timestamp", `time zone "foo/bar" not recognized`},
		{"5874898-01-01", "date", `date out of range: "5874898-01-01"`},
		{"294277-01-01", "timestamp", `timestamp out of range: "294277-01-01"`},
	}
	for _, c := range tests {
		var err error
		if c.typ == "date" {
			_, err = ParseDate(c.in, time.Now())
		} else {
			_, err = ParseTimestamp(c.in, time.Now())
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s %q: error %v, want %s", c.typ, c.in, err, c.want)
		}
	}
}

// FuzzParseDateTime feeds untrusted bytes to both parsers: they must not panic, must answer
// with a DateTimeError when they refuse, and what they accept must print and read back to
// the same value.
func FuzzParseDateTime(f *testing.F) {
	for _, c := range pg15DateTimeCases {
		f.Add(c.in)
	}
	now := time.Date(2024, 6, 15, 12, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(string, time.Time) (Value, error){ParseTimestamp, ParseDate} {
			v, err := parse(s, now)
			if err != nil {
				var dt *DateTimeError
				if !errors.As(err, &dt) || len(dt.Code) != 5 {
					t.Fatalf("%q: error %v is not a DateTimeError with a SQLSTATE", s, err)
				}
				continue
			}
			out := v.String()
			if !utf8.ValidString(out) || strings.ContainsAny(out, "\x00") {
				t.Fatalf("%q printed as %q", s, out)
			}
			back, err := parse(out, now)
			if err != nil || back != v {
				t.Fatalf("%q = %s, which reads back as %v, %v", s, out, back, err)
			}
		}
	})
}

func TestDateRanges(t *testing.T) {
	day := func(s string) int64 {
		v, err := ParseDate(s, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		return v.I
	}
	tests := []struct {
		date      string
		timestamp string // "" when it has none
	}{
		{"1970-01-01", "1970-01-01 00:00:00"},
		{"0044-03-15 BC", "0044-03-15 00:00:00 BC"},
		{"4713-11-24 BC", "4713-11-24 00:00:00 BC"},
		{"294247-01-10", "294247-01-10 00:00:00"},
		{"294247-01-11", ""},
		{"5874897-12-31", ""},
	}
	for _, tt := range tests {
		d := day(tt.date)
		if !DateInRange(d) || !DateInRange(d+1) && tt.date != "5874897-12-31" {
			t.Errorf("%s: DateInRange false", tt.date)
		}
		us, ok := DateToTimestamp(d)
		got := ""
		if ok {
			got = Value{T: Timestamp, I: us}.String()
		}
		if got != tt.timestamp {
			t.Errorf("DateToTimestamp(%s) = %q, want %q", tt.date, got, tt.timestamp)
		}
	}
	if last := day("5874897-12-31"); DateInRange(last + 1) {
		t.Error("the day after 5874897-12-31 is in range")
	}
	if first := day("4714-11-24 BC"); !DateInRange(first) || DateInRange(first-1) {
		t.Error("4714-11-24 BC should be the first date")
	}
	for _, d := range []int64{math.MaxInt64 - 1, math.MinInt64 + 1, math.MaxInt64/usecsPerDay + 1, math.MinInt64 / usecsPerDay} {
		if _, ok := DateToTimestamp(d); ok {
			t.Errorf("DateToTimestamp(%d) ok", d)
		}
	}
}

func TestTimestampFromTime(t *testing.T) {
	rome := time.FixedZone("CET", 3600)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2024, 1, 2, 10, 0, 0, 123456789, time.UTC), "2024-01-02 10:00:00.123456"},
		{time.Date(2024, 1, 2, 10, 0, 0, 0, rome), "2024-01-02 09:00:00"},
		{time.Date(-43, 3, 15, 12, 0, 0, 0, time.UTC), "0044-03-15 12:00:00 BC"},
		{time.Date(-4713, 11, 24, 0, 0, 0, 0, time.UTC), "4714-11-24 00:00:00 BC"},
		{time.Date(-4713, 11, 23, 23, 59, 59, 0, time.UTC), "ERR 22008"},
		{time.Date(294247, 1, 10, 4, 0, 54, 775806000, time.UTC), "294247-01-10 04:00:54.775806"},
		{time.Date(294247, 1, 10, 4, 0, 54, 775807000, time.UTC), "ERR 22008"}, // infinity's microsecond
		{time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC), "ERR 22008"},
		{time.Date(-300000, 1, 1, 0, 0, 0, 0, time.UTC), "ERR 22008"},
	}
	for _, tt := range tests {
		v, err := TimestampFromTime(tt.in)
		if got := answer(v, err); got != tt.want {
			t.Errorf("TimestampFromTime(%v) = %s, want %s", tt.in, got, tt.want)
		}
		if err == nil && v != NewTimestamp(tt.in) {
			t.Errorf("TimestampFromTime(%v) = %d, NewTimestamp %d", tt.in, v.I, NewTimestamp(tt.in).I)
		}
	}
}

// TestDateTimeInfinity checks that the infinities print, cross PostgreSQL's binary format
// and sort in the key encoding as PostgreSQL orders them: -infinity first, infinity last.
func TestDateTimeInfinity(t *testing.T) {
	now := time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, typ := range []Type{Date, Timestamp} {
		parse := ParseTimestamp
		if typ == Date {
			parse = ParseDate
		}
		var keys [][]byte
		for _, in := range []string{"-infinity", "4713-11-24 BC", "2024-06-15", "294247-01-01", "infinity"} {
			v, err := parse(in, now)
			if err != nil {
				t.Fatalf("%s %q: %v", typ, in, err)
			}
			k, err := AppendKeyValue(nil, typ, v)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(keys); n > 0 && string(keys[n-1]) >= string(k) {
				t.Errorf("%s %q: key does not sort after the one before", typ, in)
			}
			keys = append(keys, k)
		}
	}
	binTests := []struct {
		v      Value
		pg     int64
		prints string
	}{
		{Value{T: Timestamp, I: Infinity}, math.MaxInt64, "infinity"},
		{Value{T: Timestamp, I: NegInfinity}, math.MinInt64, "-infinity"},
		{Value{T: Timestamp, I: 0}, -946684800000000, "1970-01-01 00:00:00"},
		{Value{T: Date, I: Infinity}, math.MaxInt32, "infinity"},
		{Value{T: Date, I: NegInfinity}, math.MinInt32, "-infinity"},
		{Value{T: Date, I: 0}, -10957, "1970-01-01"},
	}
	for _, c := range binTests {
		if got := c.v.String(); got != c.prints {
			t.Errorf("%v prints %q, want %q", c.v, got, c.prints)
		}
		var pg int64
		var back Value
		var err error
		if c.v.T == Timestamp {
			pg = TimestampToPostgres(c.v.I)
			back, err = TimestampFromPostgres(pg)
		} else {
			pg = int64(DateToPostgres(c.v.I))
			back, err = DateFromPostgres(int32(pg))
		}
		if pg != c.pg || err != nil || back != c.v {
			t.Errorf("%s: binary %d (want %d), read back %v, %v", c.prints, pg, c.pg, back, err)
		}
	}
	// No finite value is an infinity: the ranges end inside the int64s.
	if DateInRange(Infinity) || DateInRange(NegInfinity) {
		t.Error("DateInRange accepts an infinity")
	}
	if _, err := TimestampFromPostgres(math.MaxInt64 - 1); err == nil {
		t.Error("a timestamp next to infinity is accepted")
	}
	if us, ok := DateToTimestamp(Infinity); !ok || us != Infinity {
		t.Errorf("DateToTimestamp(infinity) = %d, %v", us, ok)
	}
}
