package types

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func TestParseTimestamptz(t *testing.T) {
	rome, _ := LoadZone("Europe/Rome")
	cases := []struct {
		in   string
		loc  *time.Location
		want string // in UTC, "" for an error
		code string
	}{
		{"2024-03-10 12:00:00+02", time.UTC, "2024-03-10 10:00:00+00", ""},
		{"2024-01-15 10:00:00", rome, "2024-01-15 09:00:00+00", ""},
		{"2024-07-15 10:00:00", rome, "2024-07-15 08:00:00+00", ""},
		{"2024-03-31 02:30:00", rome, "2024-03-31 01:30:00+00", ""}, // a gap: the offset before
		{"2024-10-27 02:30:00", rome, "2024-10-27 01:30:00+00", ""}, // an overlap: the later offset
		{"2024-06-01 10:00:00 America/New_York", rome, "2024-06-01 14:00:00+00", ""},
		{"2024-01-01 10:00 PST", time.UTC, "2024-01-01 18:00:00+00", ""},
		{"2024-01-01 00:00:00+05:45", time.UTC, "2023-12-31 18:15:00+00", ""},
		{"infinity", rome, "infinity", ""},
		{"garbage", time.UTC, "", "22007"},
		{"2024-13-01 00:00+00", time.UTC, "", "22008"},
	}
	for _, c := range cases {
		v, err := ParseTimestamptz(c.in, time.Now(), c.loc)
		if c.code != "" {
			if dt, ok := err.(*DateTimeError); !ok || dt.Code != c.code {
				t.Errorf("%q: got %v, want SQLSTATE %s", c.in, err, c.code)
			}
			continue
		}
		if err != nil || v.T != Timestamptz || v.String() != c.want {
			t.Errorf("%q in %v: got %q (%v), want %q", c.in, c.loc, v.String(), err, c.want)
		}
	}
}

func TestAppendTimestamptz(t *testing.T) {
	kolkata, _ := LoadZone("Asia/Kolkata")
	ny, _ := LoadZone("america/new_york")
	us := time.Date(2024, 2, 29, 7, 44, 15, 500000000, time.UTC).UnixMicro()
	cases := []struct {
		loc  *time.Location
		want string
	}{
		{time.UTC, "2024-02-29 07:44:15.5+00"},
		{kolkata, "2024-02-29 13:14:15.5+05:30"},
		{ny, "2024-02-29 02:44:15.5-05"},
	}
	for _, c := range cases {
		if got := string(AppendTimestamptz(nil, us, c.loc)); got != c.want {
			t.Errorf("in %v: got %q, want %q", c.loc, got, c.want)
		}
	}
	if got := string(AppendOffset(nil, -(3600 + 30*60 + 15))); got != "-01:30:15" {
		t.Errorf("offset: got %q", got)
	}
}

func TestInterval(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1 day", "1 day"},
		{"1 year 2 mons 3 days 04:05:06", "1 year 2 mons 3 days 04:05:06"},
		{"-1 day +02:03:00", "-1 days +02:03:00"},
		{"1.5 days", "1 day 12:00:00"},
		{"1.5 years", "1 year 6 mons"},
		{"@ 3 days ago", "-3 days"},
		{"P1Y2M3DT4H5M6S", "1 year 2 mons 3 days 04:05:06"},
		{"PT1.5S", "00:00:01.5"},
		{"-04:05:06", "-04:05:06"},
		{"90 minutes", "01:30:00"},
		{"0", "00:00:00"},
		{"3 mons -1 day", "3 mons -1 days"},
		{"9223372036854775807 microseconds", "2562047788:00:54.775807"}, // exact, not via float64
		{"-9223372036854775808 microseconds", "-2562047788:00:54.775808"},
		{"9007199254740993 microseconds", "2501999:47:34.740993"},
		{"2562047788:00:00", "2562047788:00:00"},
	}
	for _, c := range cases {
		v, err := ParseInterval(c.in)
		if err != nil || v.String() != c.want {
			t.Errorf("%q: got %q (%v), want %q", c.in, v.String(), err, c.want)
		}
	}
	if _, err := ParseInterval("one day"); err == nil {
		t.Error("'one day' parsed")
	}
	// Fields past int64 are PostgreSQL's 22015, not values wrapped by a conversion or a sum.
	for _, in := range []string{"2562047789 hours", "2562047789:00:00", "9223372036854775807 microseconds 1 microsecond",
		"99999999999999999999 days", "-9223372036854775808 microseconds ago", "PT2562047789H", "2147483648 days",
		"9223372036854775807 weeks", "99999999999999999999.5 seconds"} {
		var e *DateTimeError
		if v, err := ParseInterval(in); !errors.As(err, &e) || e.Code != "22015" {
			t.Errorf("%q: got %q (%v), want 22015", in, v.String(), err)
		}
	}
	month, _ := ParseInterval("1 mon")
	days30, _ := ParseInterval("30 days")
	hours25, _ := ParseInterval("25 hours")
	day, _ := ParseInterval("1 day")
	if CompareIntervals(month.Interval(), days30.Interval()) != 0 || CompareIntervals(day.Interval(), hours25.Interval()) >= 0 {
		t.Error("interval comparison does not count 30-day months and 24-hour days")
	}
}

func TestParseTime(t *testing.T) {
	cases := []struct{ in, want string }{
		{"10:00", "10:00:00"},
		{"23:59:59.999999", "23:59:59.999999"},
		{"24:00:00", "24:00:00"},
		{"1:02 PM", "13:02:00"},
		{"12:30 am", "00:30:00"},
		{"allballs", "00:00:00"},
		{"2024-01-02 03:04:05", "03:04:05"},
		{"10:00:00+02", "10:00:00"},
	}
	for _, c := range cases {
		v, err := ParseTime(c.in)
		if err != nil || v.T != Time || v.String() != c.want {
			t.Errorf("%q: got %q (%v), want %q", c.in, v.String(), err, c.want)
		}
	}
	for _, bad := range []string{"25:00", "ten", ""} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// TestNewDateTimeKeysAndRows: the new types are column types whose key encoding orders like
// their values (intervals by their 30-day-month span) and whose values survive both encodings.
func TestNewDateTimeKeysAndRows(t *testing.T) {
	iv := func(s string) Value { v, _ := ParseInterval(s); return v }
	ordered := map[Type][]Value{
		Timestamptz: {{T: Timestamptz, I: NegInfinity}, {T: Timestamptz, I: -5}, {T: Timestamptz, I: 7}, {T: Timestamptz, I: Infinity}},
		Time:        {{T: Time, I: 0}, {T: Time, I: 3600e6}, {T: Time, I: MicrosPerDay}},
		Interval:    {iv("-1 year"), iv("-1 day"), iv("23 hours"), iv("1 day 1 hour"), iv("2 mons"), iv("61 days")},
	}
	for typ, vals := range ordered {
		if !typ.IsColumnType() {
			t.Errorf("%s is not a column type", typ)
		}
		s := &Schema{Name: "t", Columns: []Column{{Name: "k", Type: typ}, {Name: "v", Type: typ}}, PK: []int{0}}
		var prev []byte
		for i, v := range vals {
			key, err := AppendKey(nil, s, []Value{v, v})
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && bytes.Compare(prev, key) >= 0 {
				t.Errorf("%s: key of %v does not sort after the previous one", typ, v)
			}
			prev = key
			if n := KeyValueLen(typ, key); n != len(key) {
				t.Errorf("%s: KeyValueLen %d, key is %d bytes", typ, n, len(key))
			}
			row := make([]Value, 2)
			if err := DecodeRow(s, key, AppendRow(nil, s, []Value{v, v}), row); err != nil {
				t.Fatal(err)
			}
			if row[0] != v || row[1] != v {
				t.Errorf("%s: %v decoded as %v, %v", typ, v, row[0], row[1])
			}
		}
	}
	for _, c := range []struct {
		t   Type
		oid uint32
	}{{Timestamptz, 1184}, {Interval, 1186}, {Time, 1083}} {
		if c.t.OID() != c.oid || FromOID(c.oid) != c.t {
			t.Errorf("%s: OID %d, FromOID %s", c.t, c.t.OID(), FromOID(c.oid))
		}
	}
}
