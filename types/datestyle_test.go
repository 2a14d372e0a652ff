package types

import (
	"testing"
	"time"
)

// TestDateStyleOutput checks each DateStyle's text against PostgreSQL 15's (captured with
// psql, TimeZone America/New_York), the day-first orders included.
func TestDateStyleOutput(t *testing.T) {
	ny, ok := LoadZone("America/New_York")
	if !ok {
		t.Fatal("no America/New_York")
	}
	tz, _ := ParseTimestamptz("1997-12-17 07:37:16.5", time.Now(), ny)
	bc, _ := ParseTimestamptz("0044-03-15 10:00:00 BC", time.Now(), ny)
	ts, _ := ParseTimestamp("1997-07-01 07:37:16.123", time.Now())
	d, _ := ParseDate("0044-03-15 BC", time.Now())
	cases := []struct {
		style string
		want  [4]string
	}{
		{"SQL, MDY", [4]string{"12/17/1997 07:37:16.5 EST", "03/15/0044 10:00:00 LMT BC", "07/01/1997 07:37:16.123", "03/15/0044 BC"}},
		{"SQL, DMY", [4]string{"17/12/1997 07:37:16.5 EST", "15/03/0044 10:00:00 LMT BC", "01/07/1997 07:37:16.123", "15/03/0044 BC"}},
		{"SQL, YMD", [4]string{"12/17/1997 07:37:16.5 EST", "03/15/0044 10:00:00 LMT BC", "07/01/1997 07:37:16.123", "03/15/0044 BC"}},
		{"Postgres, MDY", [4]string{"Wed Dec 17 07:37:16.5 1997 EST", "Fri Mar 15 10:00:00 0044 LMT BC", "Tue Jul 01 07:37:16.123 1997", "03-15-0044 BC"}},
		{"Postgres, DMY", [4]string{"Wed 17 Dec 07:37:16.5 1997 EST", "Fri 15 Mar 10:00:00 0044 LMT BC", "Tue 01 Jul 07:37:16.123 1997", "15-03-0044 BC"}},
		{"German, DMY", [4]string{"17.12.1997 07:37:16.5 EST", "15.03.0044 10:00:00 LMT BC", "01.07.1997 07:37:16.123", "15.03.0044 BC"}},
		{"German, MDY", [4]string{"17.12.1997 07:37:16.5 EST", "15.03.0044 10:00:00 LMT BC", "01.07.1997 07:37:16.123", "15.03.0044 BC"}},
		{"ISO, DMY", [4]string{"1997-12-17 07:37:16.5-05", "0044-03-15 10:00:00-04:56:02 BC", "1997-07-01 07:37:16.123", "0044-03-15 BC"}},
	}
	for _, c := range cases {
		st := NewTextStyle(1, "hex", "postgres", c.style)
		for i, v := range []Value{tz, bc, ts, d} {
			if got := string(AppendTextStyledIn(nil, v, st, ny)); got != c.want[i] {
				t.Errorf("%s: %s: got %q, want %q", c.style, v.T, got, c.want[i])
			}
		}
	}
}
