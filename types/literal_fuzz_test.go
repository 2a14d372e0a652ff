package types

import (
	"strings"
	"testing"
)

// FuzzParseNumeric: numeric input (a literal, a cast, a COPY field) either fails or gives a
// value that prints, reads back and travels in binary as the same value.
func FuzzParseNumeric(f *testing.F) {
	for _, s := range []string{"0", "-1.50", "1e131071", "1e-16383", "NaN", "-Infinity", " +.5e-3 ", "1_000",
		"0x1F", "0o17", "0b101", "1e", "..1", "99999999999999999999999.000000000001", "-0", "1e1000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumeric(s)
		if err != nil {
			return
		}
		out := v.String()
		back, err := ParseNumeric(out)
		if err != nil || back.S != v.S || back.T != v.T {
			t.Fatalf("%.60q read as %.60q, which reads back as %.60q, %v", s, out, back.S, err)
		}
		bin, err := ParseNumericBinary(AppendNumericBinary(nil, v))
		if err != nil || bin.S != v.S || bin.T != v.T {
			t.Fatalf("%.60q (%.60q) in binary reads back as %.60q, %v", s, out, bin.S, err)
		}
	})
}

// FuzzParseNumericBinary: numeric_recv's bytes from a client either fail or give a value
// that sends back the bytes' value.
func FuzzParseNumericBinary(f *testing.F) {
	f.Add([]byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Add([]byte{0, 0, 0, 0, 0xc0, 0, 0, 0})
	f.Add([]byte{0, 2, 0xff, 0xff, 0x40, 0, 0, 4, 0x13, 0x88, 0, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseNumericBinary(b)
		if err != nil {
			return
		}
		again, err := ParseNumericBinary(AppendNumericBinary(nil, v))
		if err != nil || again.S != v.S || again.T != v.T {
			t.Fatalf("%x read as %q, which sends and reads back as %q, %v", b, v.S, again.S, err)
		}
	})
}

// FuzzParseInterval: interval input either fails or gives a value that prints and reads
// back as the same value.
func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"1 day", "-1 year 2 mons -3 days +04:05:06.789", "P1Y2M3DT4H5M6S", "@ 1 hour ago",
		"1-2", "3 4:05:06", "178956970 years", "-2147483648 days", "00:00:00.0000005", "1 week 1e3 seconds",
		"P0.5Y", "PT1.5S", "1 millennium", "9223372036854775807 microseconds", "infinity"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseInterval(s)
		if err != nil {
			return
		}
		out := v.String()
		back, err := ParseInterval(out)
		if err != nil || back != v {
			t.Fatalf("%q read as %q, which reads back as %+v, %v (want %+v)", s, out, back, err, v)
		}
	})
}

// A numeric has up to 131072 digits before the point; apd's parser takes 100000, so the
// printed form of 1e131071 (or of any value past 1e100000) did not read back: COPY TO then
// FROM failed with 22P02.
func TestParseNumericManyDigits(t *testing.T) {
	for _, s := range []string{"1" + strings.Repeat("0", 131071), "-" + strings.Repeat("9", 100001) + ".25",
		"+" + strings.Repeat("1", 100001)} {
		v, err := ParseNumeric(s)
		if err != nil || v.S != strings.TrimPrefix(s, "+") {
			t.Errorf("%.20q...: got %.20q, %v", s, v.S, err)
		}
	}
	for _, s := range []string{"--" + strings.Repeat("1", 100001), "1" + strings.Repeat("0", 131072),
		"1.2." + strings.Repeat("1", 100001), "1-" + strings.Repeat("1", 100001)} {
		if v, err := ParseNumeric(s); err == nil {
			t.Errorf("%.20q...: got %.20q, want an error", s, v.S)
		}
	}
}
