package sql

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkOperatorEval evaluates operators over 10k rows of a table (one operator row
// resolved while binding, its implementation run per row); BenchmarkOperatorBind binds a
// statement of many operators and evaluates them once.
func BenchmarkOperatorEval(b *testing.B) {
	s := benchSession(b, 10000)
	ctx := context.Background()
	for _, c := range []struct{ name, expr string }{
		{"int", "n + n * 2 - 1"},
		{"numeric", "n * 1.5 + 2"},
		{"compare", "n < 5000"},
		{"concat", "v || n"},
		{"date", "date '2024-01-01' + n"},
		{"timestamp", "timestamp '2024-01-01' + n * interval '1 hour'"},
		{"like", "v LIKE 'value 1%'"},
		{"jsonb", `'{"a":1}'::jsonb -> v`},
	} {
		q := "SELECT count(" + c.expr + ") FROM t"
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if err := s.Exec(ctx, q, discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOperatorBind(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	defer s.Close()
	ctx := context.Background()
	q := `SELECT %d + '2', 1::int2 + 1::real, 'a' || 1, date '2024-01-01' + 1, timestamp '2024-01-01' + '1 day',
		interval '1 day' * 2, '{"a":1}'::jsonb -> 'a', 'abc' LIKE 'a%%', -1.5, 'x' = 'y'`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		// a new text each time: bound afresh, not taken from the plan cache
		if err := s.Exec(ctx, fmt.Sprintf(q, i), discard{}); err != nil {
			b.Fatal(err)
		}
	}
}
