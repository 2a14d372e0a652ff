package types

import (
	"encoding/hex"
	"testing"
)

func TestNumericText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1.50", "1.50"}, {" -0.000 ", "0.000"}, {"1e3", "1000"}, {"1.5e-3", "0.0015"}, {".5", "0.5"},
		{"007.10", "7.10"}, {"+3", "3"}, {"nan", "NaN"}, {"-Infinity", "-Infinity"}, {"inf", "Infinity"},
		{"12345678901234567890.123456789", "12345678901234567890.123456789"},
		{"abc", ""}, {"1.2.3", ""}, {"", ""}, {"NaN1", ""}, {"1e", ""}, {"--1", ""}, {"1e100000000", ""},
	} {
		v, err := ParseNumeric(c.in)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("ParseNumeric(%q) = %q, want an error", c.in, v.S)
		case c.want != "" && (err != nil || v.S != c.want):
			t.Errorf("ParseNumeric(%q) = %q, %v; want %q", c.in, v.S, err, c.want)
		}
	}
}

// The binary format is numeric_send's: these byte strings are what PostgreSQL 15 sends (except
// that it also sets a display scale on -Infinity, which readers ignore).
func TestNumericBinary(t *testing.T) {
	for _, c := range []struct{ text, hex string }{
		{"0", "0000000000000000"},
		{"0.00", "0000000000000002"},
		{"1.50", "0002000000000002" + "0001" + "1388"},
		{"-12345.678", "00030001400000030001" + "0929" + "1a7c"},
		{"0.0001", "0001ffff00000004" + "0001"},
		{"10000", "0001000100000000" + "0001"},
		{"NaN", "00000000c0000000"},
		{"-Infinity", "00000000f0000000"},
	} {
		v, err := ParseNumeric(c.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(AppendNumericBinary(nil, v)); got != c.hex {
			t.Errorf("%s sends %s, want %s", c.text, got, c.hex)
		}
		b, _ := hex.DecodeString(c.hex)
		if back, err := ParseNumericBinary(b); err != nil || back.S != c.text {
			t.Errorf("%s reads back as %q, %v", c.hex, back.S, err)
		}
	}
	for _, bad := range []string{"", "00010000", "0001000000000000", "000100000000000027100", "0000000012340000"} {
		b, _ := hex.DecodeString(bad)
		if v, err := ParseNumericBinary(b); err == nil {
			t.Errorf("%s read as %q, want an error", bad, v.S)
		}
	}
}

func TestNumericKeyIgnoresScale(t *testing.T) {
	key := func(s string) string {
		v, err := ParseNumeric(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(AppendNumericKey(nil, v))
	}
	if key("1.5") != key("1.500") || key("10") != key("10.0") || key("0") != key("0.00") || key("10") == key("1") {
		t.Error("numeric keys must be equal exactly for equal values")
	}
}
