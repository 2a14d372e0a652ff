package sql

import (
	"sync"
	"testing"

	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/types"
)

// compileOverS compiles src over a one-column scope, s text (merged: -1: a scopeCol's zero
// value would be a USING column merged with itself, which mergedChain follows forever).
func compileOverS(tb testing.TB, src string) *expr {
	tb.Helper()
	sc := &scope{cols: []scopeCol{{name: "s", typ: types.Text, merged: -1}}}
	e, err := pgparser.ParseExpr(src)
	if err != nil {
		tb.Fatal(err)
	}
	x, err := compileAST(e, sc)
	if err != nil {
		tb.Fatalf("%s: %v", src, err)
	}
	return x
}

// One compiled expression runs on several goroutines at once and each gets its own answer
// (under -race, without a data race): nothing a compiled node captures changes while it runs
// (DESIGN.md, "Compiled expressions are goroutine-safe"). x op ANY|ALL (array) passes each
// element to its operator in a private row, not a captured variable; the regex cache swaps
// whole entries atomically; ROW(...) builds its fields in a buffer of its own.
func TestCompiledExprGoroutineSafe(t *testing.T) {
	subjects := []string{"a", "b", "c", "d", "zz", "ab"}
	for _, c := range []struct {
		src  string
		want func(s string) string
	}{
		{"(s ~ ANY (ARRAY['^a', '^b', '^c']))::text", func(s string) string { return boolText(s[0] <= 'c') }},
		{"(s ~ ALL (ARRAY['^[abc]', '^.$']))::text", func(s string) string { return boolText(s[0] <= 'c' && len(s) == 1) }},
		{"(s ~* ANY (ARRAY['^A$', s || 'x', 'Z']))::text", func(s string) string { return boolText(s == "a" || s == "zz") }},
		{"(s LIKE ANY (ARRAY['a%', 'b%', 'c%']))::text", func(s string) string { return boolText(s[0] <= 'c') }},
		{"(s ILIKE ALL (ARRAY['%', s]))::text", func(string) string { return "true" }},
		{"(s::varchar NOT LIKE ANY (ARRAY['a'::varchar, s::varchar]))::text", func(s string) string { return boolText(s != "a") }},
		{"(s = ANY (ARRAY['a', 'b', 'c']))::text", func(s string) string { return boolText(len(s) == 1 && s[0] <= 'c') }},
		{"regexp_replace(s, s, 'x')", func(string) string { return "x" }},
		{"ROW(s, s || '!')::text", func(s string) string { return "(" + s + "," + s + "!)" }},
	} {
		x := compileOverS(t, c.src)
		evalOnGoroutines(t, x, c.src, subjects, c.want)
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// benchEvalS evaluates src over s = 'zz', which no pattern matches (every element tested).
func benchEvalS(b *testing.B, src string) {
	x := compileOverS(b, src)
	row := []types.Value{types.NewText("zz")}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := x.eval(row); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegexAnyArray(b *testing.B) {
	benchEvalS(b, "s ~ ANY (ARRAY['^a', '^b', '^c'])")
}

func BenchmarkRegexAnyArrayColumn(b *testing.B) {
	benchEvalS(b, "s ~ ANY (ARRAY['^a', '^b', s || 'x'])")
}

func BenchmarkLikeAnyArray(b *testing.B) {
	benchEvalS(b, "s LIKE ANY (ARRAY['a%', 'b%', 'c%'])")
}

func BenchmarkEqAnyArray(b *testing.B) {
	benchEvalS(b, "s = ANY (ARRAY['a', 'b', 'c'])")
}

// evalOnGoroutines evaluates x over s = each of subjects on 4 goroutines at once, 300 times
// each, and fails on an error or a result other than want(s).
func evalOnGoroutines(t *testing.T, x *expr, src string, subjects []string, want func(string) string) {
	t.Helper()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				s := subjects[(i+g)%len(subjects)]
				v, err := x.eval([]types.Value{types.NewText(s)})
				if err != nil {
					t.Error(err)
					return
				}
				if w := want(s); v.S != w {
					t.Errorf("%s with s = %q: got %q, want %q", src, s, v.S, w)
					return
				}
			}
		}()
	}
	wg.Wait()
}
