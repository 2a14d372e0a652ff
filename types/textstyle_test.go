package types

import (
	"math"
	"testing"
)

// TestTextStyle checks extra_float_digits at or below 0 and bytea_output = 'escape' against
// PostgreSQL 15's output (psql -At, recorded by hand from the server).
func TestTextStyle(t *testing.T) {
	f8 := func(f float64) Value { return Value{T: Float64, F: f} }
	f4 := func(f float64) Value { return Value{T: Float32, F: float64(float32(f))} }
	cases := []struct {
		extra int
		bytea string
		v     Value
		want  string
	}{
		{0, "hex", f8(0.1), "0.1"},
		{0, "hex", f8(1.0 / 3), "0.333333333333333"},
		{0, "hex", f8(1e20), "1e+20"},
		{0, "hex", f8(123456789012345678), "1.23456789012346e+17"},
		{0, "hex", f8(1.5e-5), "1.5e-05"},
		{0, "hex", f8(math.NaN()), "NaN"},
		{0, "hex", f8(math.Inf(-1)), "-Infinity"},
		{0, "hex", f8(0), "0"},
		{0, "hex", f8(math.Copysign(0, -1)), "-0"},
		{0, "hex", f8(100), "100"},
		{0, "hex", f8(1e15), "1e+15"},
		{0, "hex", f8(1e14), "100000000000000"},
		{0, "hex", f4(0.1), "0.1"},
		{0, "hex", f4(1e20), "1e+20"},
		{0, "hex", f4(1234567), "1.23457e+06"},
		{0, "hex", f4(123456), "123456"},
		{0, "hex", f4(1.5e-5), "1.5e-05"},
		{-3, "hex", f8(1.0 / 3), "0.333333333333"},
		{-3, "hex", f8(123456789012345678), "1.23456789012e+17"},
		{-3, "hex", f8(123456789.123), "123456789.123"},
		{-3, "hex", f4(1234567), "1.23e+06"},
		{-3, "hex", f4(12.5), "12.5"},
		{-15, "hex", f8(1.0 / 3), "0.3"},
		{-15, "hex", f8(123), "1e+02"},
		{-15, "hex", f4(77), "8e+01"},
		{1, "hex", f8(0.1), "0.1"},
		{3, "hex", f8(1.0 / 3), "0.3333333333333333"},
		{1, "escape", NewBytea([]byte("\x00\x01\\\x7f\x80\xffA'z ")), `\000\001\\\177\200\377A'z `},
		{1, "escape", NewBytea(nil), ""},
		{1, "hex", NewBytea([]byte("abc")), `\x616263`},
		{0, "escape", f8(0.1), "0.1"},
	}
	for _, c := range cases {
		st := NewTextStyle(c.extra, c.bytea)
		if got := string(AppendTextStyled(nil, c.v, st)); got != c.want {
			t.Errorf("extra_float_digits %d, bytea_output %s: %v printed %q, want %q", c.extra, c.bytea, c.v.T, got, c.want)
		}
	}
}
