package sql

import (
	"math"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

func TestExactDecimal(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{
		{0.1, "0.1000000000000000055511151231257827021181583404541015625"},
		{1.5, "1.5"},
		{-2, "-2"},
		{1e22, "10000000000000000000000"},
		{math.SmallestNonzeroFloat64, "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625E-324"},
	} {
		var want apd.Decimal
		if _, _, err := want.SetString(tc.want); err != nil {
			t.Fatal(err)
		}
		if got := exactDecimal(tc.f); got.Cmp(&want) != 0 {
			t.Errorf("exactDecimal(%g) = %s, want %s", tc.f, got, tc.want)
		}
	}
}

// TestFloatFunctions checks results glibc (and so PostgreSQL) gives where Go's math package
// differs in the last bit, and the edges of the domain.
func TestFloatFunctions(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"exp(1.5)", floatVia(1.5, (*apd.Context).Exp), 4.4816890703380645},
		{"exp(1)", floatVia(1, (*apd.Context).Exp), 2.718281828459045},
		{"ln(2)", floatVia(2, (*apd.Context).Ln), 0.6931471805599453},
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

// BenchmarkFloatExp compares exp of a double computed in decimal (as drove does, to round as
// glibc) with Go's math.Exp.
func BenchmarkFloatExp(b *testing.B) {
	b.Run("decimal", func(b *testing.B) {
		for i := range b.N {
			_ = floatVia(1+float64(i%100)/37, (*apd.Context).Exp)
		}
	})
	b.Run("math", func(b *testing.B) {
		for i := range b.N {
			_ = math.Exp(1 + float64(i%100)/37)
		}
	})
}
