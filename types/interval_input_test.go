package types

import "testing"

func TestParseIntervalTypmod(t *testing.T) {
	day2sec := RangeDay | RangeHour | RangeMinute | RangeSecond
	cases := []struct {
		in     string
		typmod int
		want   string // "" for an error
		code   string
	}{
		{"1", IntervalTypmod(FullPrecision, RangeDay), "1 day", ""},
		{"1.5", IntervalTypmod(FullPrecision, RangeDay), "1 day", ""},
		{"-1.5", IntervalTypmod(FullPrecision, RangeHour), "-01:00:00", ""},
		{"10", IntervalTypmod(FullPrecision, RangeHour|RangeMinute), "00:10:00", ""},
		{"1-2", IntervalTypmod(FullPrecision, RangeYear|RangeMonth), "1 year 2 mons", ""},
		{"3 4:05:06.789", IntervalTypmod(1, day2sec), "3 days 04:05:06.8", ""},
		{"1:30", IntervalTypmod(FullPrecision, RangeMinute|RangeSecond), "00:01:30", ""},
		{"1 2", IntervalTypmod(FullPrecision, RangeDay|RangeHour), "1 day 02:00:00", ""},
		{"1.23456", IntervalTypmod(2, RangeSecond), "00:00:01.23", ""},
		{"-1.5 sec", IntervalTypmod(0, RangeFull), "-00:00:02", ""},
		{"1 year 2 mons 3 days 04:05:06", IntervalTypmod(FullPrecision, RangeYear), "1 year", ""},
		{"3 4:05", -1, "3 days 04:05:00", ""},
		{"1-2 3 4:05:06", -1, "1 year 2 mons 3 days 04:05:06", ""},
		{"-1-2", -1, "-1 years -2 mons", ""},
		{"1 -2:00", -1, "1 day -02:00:00", ""},
		{"1:30.5", -1, "00:01:30.5", ""},
		{"0:00:60.5", -1, "00:01:00.5", ""},
		{"1 day ago", -1, "-1 days", ""},
		{"1 hour 30", -1, "01:00:30", ""},
		{"2 10", IntervalTypmod(FullPrecision, RangeYear|RangeMonth), "", "22007"},
		{"3 4", -1, "", "22007"},
		{"1 day 2 days", -1, "", "22007"},
		{"1.5 sec 3 ms", -1, "", "22007"},
		{"10 ago", -1, "", "22007"},
		{"day", -1, "", "22007"},
		{"1-13", -1, "", "22015"},
		{"1:60", -1, "", "22015"},
		{"0:00:61", -1, "", "22015"},
	}
	for _, c := range cases {
		v, err := ParseIntervalTypmod(c.in, c.typmod)
		if c.code != "" {
			if dt, ok := err.(*DateTimeError); !ok || dt.Code != c.code {
				t.Errorf("%q (%#x): got %v (%v), want SQLSTATE %s", c.in, c.typmod, v, err, c.code)
			}
			continue
		}
		if err != nil || v.String() != c.want {
			t.Errorf("%q (%#x): got %q (%v), want %q", c.in, c.typmod, v.String(), err, c.want)
		}
	}
}

func TestDateTimeTypmods(t *testing.T) {
	for _, c := range []struct {
		us   int64
		p    int
		want int64
	}{{500000, 0, 1e6}, {250000, 1, 300000}, {-1500000, 0, -2e6}, {1234567, 6, 1234567}, {149999, 1, 100000}} {
		if got := RoundMicros(c.us, c.p); got != c.want {
			t.Errorf("RoundMicros(%d, %d) = %d, want %d", c.us, c.p, got, c.want)
		}
	}
	// A fraction between 1970 and 2000 rounds toward 2000, as PostgreSQL counts from there.
	if got := RoundTimestamp(500000, 0); got != 0 {
		t.Errorf("RoundTimestamp(1970-01-01 00:00:00.5, 0) = %d, want 0", got)
	}
	if got := RoundTimestamp(Infinity, 0); got != Infinity {
		t.Errorf("infinity rounded to %d", got)
	}
	for _, c := range []struct {
		col  Column
		want string
		mod  int
	}{
		{Column{Type: Timestamp}.WithTypmod(3), "timestamp(3) without time zone", 3},
		{Column{Type: TimeTZ}.WithTypmod(0), "time(0) with time zone", 0},
		{Column{Type: Interval}.WithTypmod(IntervalTypmod(3, RangeDay|RangeHour|RangeMinute|RangeSecond)), "interval day to second(3)", 470286339},
		{Column{Type: Interval}.WithTypmod(IntervalTypmod(FullPrecision, RangeYear|RangeMonth)), "interval year to month", 458751},
		{Column{Type: Interval}, "interval", -1},
		{Column{Type: Text, Length: 5}, "character varying(5)", 9},
	} {
		if got := c.col.TypeName(); got != c.want {
			t.Errorf("TypeName = %q, want %q", got, c.want)
		}
		if got := c.col.Typmod(); got != c.mod {
			t.Errorf("%s: Typmod = %d, want %d", c.want, got, c.mod)
		}
	}
}
