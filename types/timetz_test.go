package types

import (
	"encoding/binary"
	"testing"
	"time"
)

func TestParseTimeTZ(t *testing.T) {
	rome, _ := LoadZone("Europe/Rome")
	winter := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2024, 7, 15, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		now  time.Time
		loc  *time.Location
		want string // "" for an error
		code string
	}{
		{"10:00:00.123456+05:30", winter, time.UTC, "10:00:00.123456+05:30", ""},
		{"10:00 PST", winter, time.UTC, "10:00:00-08", ""},
		{"10:00 zulu", winter, rome, "10:00:00+00", ""},
		{"10:00", winter, rome, "10:00:00+01", ""},
		{"10:00", summer, rome, "10:00:00+02", ""},
		{"24:00+01", winter, time.UTC, "24:00:00+01", ""},
		{"10:00+05:30:15", winter, time.UTC, "10:00:00+05:30:15", ""},
		{"10:00+0530", winter, time.UTC, "10:00:00+05:30", ""},
		{"10:00 pm +02", winter, time.UTC, "22:00:00+02", ""},
		{"10:00:00 -03", winter, time.UTC, "10:00:00-03", ""},
		{"allballs", winter, rome, "00:00:00+00", ""},
		{"10:00:00.1234567+00", winter, time.UTC, "10:00:00.123457+00", ""},
		{"10:00+15:59", winter, time.UTC, "10:00:00+15:59", ""},
		{"2024-07-01 10:00 America/New_York", winter, time.UTC, "10:00:00-04", ""},
		{"2024-01-01 10:00 America/New_York", summer, time.UTC, "10:00:00-05", ""},
		{"2024-07-01 10:00:00+03", winter, time.UTC, "10:00:00+03", ""},
		{"10:00 America/New_York", winter, time.UTC, "", "22007"},
		{"abc", winter, time.UTC, "", "22007"},
		{"", winter, time.UTC, "", "22007"},
		{"10:00 +01 +02", winter, time.UTC, "", "22007"},
		{"10:00+16", winter, time.UTC, "", "22009"},
		{"25:00+00", winter, time.UTC, "", "22008"},
		{"13:00 pm+00", winter, time.UTC, "", "22007"},
	}
	for _, c := range cases {
		v, err := ParseTimeTZ(c.in, c.now, c.loc)
		if c.code != "" {
			if dt, ok := err.(*DateTimeError); !ok || dt.Code != c.code {
				t.Errorf("%q: got %v (%v), want SQLSTATE %s", c.in, v, err, c.code)
			}
			continue
		}
		if err != nil || v.T != TimeTZ || v.String() != c.want {
			t.Errorf("%q in %v: got %q (%v), want %q", c.in, c.loc, v.String(), err, c.want)
		}
	}
}

// TestTimeTZOrder checks PostgreSQL's order (by UTC time, then by zone west) survives the
// packing into I, the key encoding included, and that parts round-trip.
func TestTimeTZOrder(t *testing.T) {
	ordered := []Value{
		NewTimeTZ(0, maxZoneSecs),            // 00:00+15:59:59, the earliest UTC instant
		NewTimeTZ(10*3600e6, 3600),           // 10:00+01 = 09:00 UTC, zone west -3600
		NewTimeTZ(9*3600e6, 0),               // 09:00+00 = 09:00 UTC, zone west 0
		NewTimeTZ(4*3600e6, -5*3600),         // 04:00-05 = 09:00 UTC, zone west 18000
		NewTimeTZ(9*3600e6+1, 0),             // a microsecond later
		NewTimeTZ(usecsPerDay, -maxZoneSecs), // 24:00-15:59:59, the latest
	}
	for i, v := range ordered {
		us, off := v.TimeTZParts()
		if back := NewTimeTZ(us, off); back != v {
			t.Errorf("%v: parts %d, %d do not round-trip", v, us, off)
		}
		if i == 0 {
			continue
		}
		p := ordered[i-1]
		if p.I >= v.I {
			t.Errorf("%v sorts before %v", v, p)
		}
		kp, _ := AppendKeyValue(nil, TimeTZ, p)
		kv, _ := AppendKeyValue(nil, TimeTZ, v)
		if binary.BigEndian.Uint64(kp) >= binary.BigEndian.Uint64(kv) {
			t.Errorf("key of %v sorts before key of %v", v, p)
		}
	}
	if got := ordered[1].String(); got != "10:00:00+01" {
		t.Errorf("got %q", got)
	}
	if got := ordered[5].String(); got != "24:00:00-15:59:59" {
		t.Errorf("got %q", got)
	}
	us, west := TimeTZToPostgres(ordered[3])
	if us != 4*3600e6 || west != 5*3600 {
		t.Errorf("binary: %d %d", us, west)
	}
	if v, err := TimeTZFromPostgres(us, west); err != nil || v != ordered[3] {
		t.Errorf("from binary: %v %v", v, err)
	}
	for _, bad := range [][2]int64{{-1, 0}, {usecsPerDay + 1, 0}, {0, maxZoneSecs + 1}} {
		if _, err := TimeTZFromPostgres(bad[0], int32(bad[1])); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
