package sql

import (
	"math"
	"strings"
	"testing"
)

// TestFloatFunctions checks results glibc (and so PostgreSQL) gives where Go's math package
// differs in the last bit, and the edges of the domain.
func TestFloatFunctions(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"exp(1.5)", floatExp(1.5), 4.4816890703380645},
		{"exp(1)", floatExp(1), 2.718281828459045},
		{"ln(2)", floatLn(2), 0.6931471805599453},
		{"ln(inf)", floatLn(math.Inf(1)), math.Inf(1)},
		{"log10(1000)", glibcLog10(1000), 3},
		{"log10(0.001)", glibcLog10(0.001), -3},
		{"log10(30*0.913)", glibcLog10(30 * 0.913), 1.4375920322539613},
		{"log10(2)", glibcLog10(2), 0.3010299956639812},
		{"log10(0.25)", glibcLog10(0.25), -0.6020599913279624},
		{"log10(5e-324)", glibcLog10(5e-324), -323.3062153431158},
		{"pow(-2, 3)", floatPow(-2, 3), -8},
		{"pow(-2, 2)", floatPow(-2, 2), 4},
		{"pow(1.1, 2)", floatPow(1.1, 2), 1.2100000000000002},
		{"pow(2, -1074)", floatPow(2, -1074), 5e-324},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if v := floatLn(math.NaN()); !math.IsNaN(v) { // panicked: big.Float has no NaN
		t.Errorf("ln(NaN) = %v, want NaN", v)
	}
	for _, tc := range []struct {
		x, y float64
		code string
	}{
		{0, -1, "2201F"}, {-8, 1.0 / 3, "2201F"}, {10, 400, "22003"}, {10, -400, "22003"}, {0, 0, ""},
		{math.NaN(), 0, ""}, {-1, math.Inf(1), ""},
	} {
		_, err := floatPower(tc.x, tc.y)
		if code := errCode(err); code != tc.code {
			t.Errorf("power(%v, %v): %v, want %s", tc.x, tc.y, err, tc.code)
		}
	}
}

func errCode(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	return ""
}

// TestNumericMathScale checks PostgreSQL 15's choice of a numeric result's scale.
func TestNumericMathScale(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, tc := range []struct{ q, want string }{
		{"sqrt(2::numeric)", "1.414213562373095"},
		{"sqrt(1e-10)", "0.000010000000000000000"},
		{"exp(230.5)", "12731456153663247106055069401202952912538125270721155860812604922322188448616237254369720409103490337.3"},
		{"ln(1.0001)", "0.00009999500033330834"},
		{"log(7.5, 2.25)", "0.4024661276243884"},
		{"power(2::numeric, 10)", "1024.0000000000000000"},
		{"power(0.9, 1000)", "0.0000000000000000"},
		{"power(2.5, 2.5)", "9.8821176880261854"},
		{"power(-2.0, -3)", "-0.1250000000000000"},
		{"power(0::numeric, 2.5)", "0.0000000000000000"},
		{"power('-Infinity'::numeric, 3)", "-Infinity"},
		{"sign(-2.50)", "-1"},
	} {
		got := execOK(t, s, "SELECT "+tc.q).lines
		if len(got) == 0 || strings.TrimSpace(got[0]) != tc.want {
			t.Errorf("%s = %v, want %s", tc.q, got, tc.want)
		}
	}
}

// BenchmarkFloatExp compares exp of a double rounded to the nearest (as drove computes it,
// to agree with glibc) with Go's math.Exp.
func BenchmarkFloatExp(b *testing.B) {
	b.Run("nearest", func(b *testing.B) {
		for i := range b.N {
			_ = floatExp(1 + float64(i%100)/37)
		}
	})
	b.Run("math", func(b *testing.B) {
		for i := range b.N {
			_ = math.Exp(1 + float64(i%100)/37)
		}
	})
}
