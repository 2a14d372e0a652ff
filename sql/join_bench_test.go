package sql

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"
)

// Join-ordering benchmarks (issue 16), each query planned with its joins in FROM order
// (fromorder: the planner before join ordering) and ordered. A query that runs past
// JOINBENCH_TIMEOUT (default 60s) is reported as skipped with the time it ran, so the slow
// plans can be measured without hanging the run:
// JOINBENCH_TIMEOUT=30s go test ./sql -run '^$' -bench Join -benchtime 3x

// joinBenchTimeout bounds one run of a benchmark query.
func joinBenchTimeout() string {
	if v := os.Getenv("JOINBENCH_TIMEOUT"); v != "" {
		return v
	}
	return "60s"
}

// benchJoinPair runs q planned with joins in FROM order and then with its joins ordered,
// one after the other so both see the same machine load.
func benchJoinPair(b *testing.B, s *Session, q string, want int) {
	for _, ordered := range []bool{false, true} {
		name := "fromorder"
		if ordered {
			name = "ordered"
		}
		b.Run(name, func(b *testing.B) {
			joinOrdering.Store(ordered)
			defer joinOrdering.Store(true)
			s.cache = nil // bind again
			benchJoinQuery(b, s, q, want)
		})
	}
}

// benchJoinQuery runs q b.N times; it must return want rows.
func benchJoinQuery(b *testing.B, s *Session, q string, want int) {
	ctx := context.Background()
	if err := s.Exec(ctx, "SET statement_timeout = '"+joinBenchTimeout()+"'", discard{}); err != nil {
		b.Fatal(err)
	}
	if testing.Verbose() {
		out := &textOutput{}
		if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+q, out); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s\n%s", q, strings.Join(out.lines, "\n"))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		out := &textOutput{}
		if err := s.Exec(ctx, q, out); err != nil {
			var e *Error
			if errors.As(err, &e) && e.Code == "57014" {
				b.Skipf("exceeded statement_timeout after %v", time.Since(start).Round(time.Millisecond))
			}
			b.Fatal(err)
		}
		if got := len(out.lines) - 1; got != want {
			b.Fatalf("%d rows, want %d: %v", got, want, out.lines)
		}
	}
}

// joinBenchTables creates n tables name1..nameN of rows rows each: id int PRIMARY KEY, nxt int
// (a permutation of the ids, so joining nxt to the next table's id keeps the row count) and
// v int.
func joinBenchTables(b *testing.B, s *Session, name string, n, rows int) {
	ctx := context.Background()
	for t := 1; t <= n; t++ {
		q := fmt.Sprintf("CREATE TABLE %s%d (id int PRIMARY KEY, nxt int, v int); "+
			"INSERT INTO %s%d SELECT g, (g * 7919 + %d) %% %d, g %% 100 FROM generate_series(0, %d) g",
			name, t, name, t, t, rows, rows-1)
		if err := s.Exec(ctx, q, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJoin6Way10k joins six 10k-row tables with explicit JOIN ... ON equalities, in
// the order written (a chain) and with a point filter on the last table, which a good plan
// starts from.
func BenchmarkJoin6Way10k(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	joinBenchTables(b, s, "j", 6, 10000)
	q := "SELECT count(*) FROM j1 JOIN j2 ON j2.id = j1.nxt JOIN j3 ON j3.id = j2.nxt " +
		"JOIN j4 ON j4.id = j3.nxt JOIN j5 ON j5.id = j4.nxt JOIN j6 ON j6.id = j5.nxt"
	b.Run("all", func(b *testing.B) { benchJoinPair(b, s, q, 1) })
	b.Run("filtered", func(b *testing.B) { benchJoinPair(b, s, q+" WHERE j6.id = 4242", 1) })
}

// BenchmarkJoin8Comma joins eight 1000-row tables written with commas and WHERE equalities,
// the shape older SQL test suites use: in chain order, and in an order where neighbours in
// FROM share no condition (a left-deep plan in FROM order makes cross products).
func BenchmarkJoin8Comma(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	joinBenchTables(b, s, "k", 8, 1000)
	var conds []string
	for t := 1; t < 8; t++ {
		conds = append(conds, fmt.Sprintf("k%d.nxt = k%d.id", t, t+1))
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	b.Run("chain", func(b *testing.B) {
		benchJoinPair(b, s, "SELECT count(*) FROM k1, k2, k3, k4, k5, k6, k7, k8"+where, 1)
	})
	b.Run("shuffled", func(b *testing.B) {
		benchJoinPair(b, s, "SELECT count(*) FROM k1, k3, k5, k7, k2, k4, k6, k8"+where, 1)
	})
}

// chainTables creates n tables of 10 rows in the sqllogictest select5 shape: tN(aN int, bN
// int, xN varchar(40)), aN = 1..10, bN a permutation of it, no primary key.
func chainTables(b *testing.B, s *Session, n int) {
	rng := rand.New(rand.NewSource(5))
	var sb strings.Builder
	for t := 1; t <= n; t++ {
		fmt.Fprintf(&sb, "CREATE TABLE t%d (a%d int, b%d int, x%d varchar(40)); INSERT INTO t%d VALUES ", t, t, t, t, t)
		for i, p := range rng.Perm(10) {
			if i > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "(%d, %d, 'table t%d row %d')", i+1, p+1, t, i+1)
		}
		sb.WriteString(";")
	}
	if err := s.Exec(context.Background(), sb.String(), discard{}); err != nil {
		b.Fatal(err)
	}
}

// chainQuery is a select5-style query over tables 1..n: one constant filter and a chain of
// equalities along a random permutation of the tables; FROM lists them in chain order or
// shuffled.
func chainQuery(n int, shuffled bool) string {
	rng := rand.New(rand.NewSource(int64(n)))
	chain := rng.Perm(n)
	var conds, sel []string
	for i := 0; i+1 < n; i++ {
		conds = append(conds, fmt.Sprintf("b%d = a%d", chain[i]+1, chain[i+1]+1))
	}
	conds = append(conds, fmt.Sprintf("a%d = 5", chain[0]+1))
	rng.Shuffle(len(conds), func(i, j int) { conds[i], conds[j] = conds[j], conds[i] })
	order := append([]int(nil), chain...)
	if shuffled {
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	var from []string
	for _, t := range order {
		from = append(from, fmt.Sprintf("t%d", t+1))
	}
	for _, t := range chain[n-3:] {
		sel = append(sel, fmt.Sprintf("x%d", t+1))
	}
	return "SELECT " + strings.Join(sel, ", ") + " FROM " + strings.Join(from, ", ") + " WHERE " + strings.Join(conds, " AND ")
}

// BenchmarkJoinChain joins 21, 25 and 26 ten-row tables through a chain of equalities with
// one constant filter (issue 16: 27 s for 21 tables where PostgreSQL takes milliseconds).
func BenchmarkJoinChain(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	chainTables(b, s, 26)
	for _, n := range []int{21, 25, 26} {
		for _, shuffled := range []bool{false, true} {
			name := fmt.Sprintf("%d/chain", n)
			if shuffled {
				name = fmt.Sprintf("%d/shuffled", n)
			}
			q := chainQuery(n, shuffled)
			b.Run(name, func(b *testing.B) { benchJoinPair(b, s, q, 1) })
		}
	}
}

// BenchmarkJoinPlan measures binding alone (parse, plan, EXPLAIN, no execution) of an
// 8-table join, ordered exhaustively, and a 26-table one, ordered greedily.
func BenchmarkJoinPlan(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	chainTables(b, s, 26)
	for _, n := range []int{8, 26} {
		q := "EXPLAIN " + chainQuery(n, true)
		for _, ordered := range []bool{false, true} {
			name := fmt.Sprintf("%d/fromorder", n)
			if ordered {
				name = fmt.Sprintf("%d/ordered", n)
			}
			b.Run(name, func(b *testing.B) {
				joinOrdering.Store(ordered)
				defer joinOrdering.Store(true)
				ctx := context.Background()
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					s.cache = nil
					if err := s.Exec(ctx, q, discard{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
