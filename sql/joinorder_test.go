package sql

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
)

// Random joins of small tables with NULLs and duplicate keys, mixing comma joins, INNER and
// LEFT JOINs and WHERE conditions over several tables, answer the same rows (as a multiset)
// whether the planner orders the inner joins or keeps FROM order, and the same error.
var joinOrderSeed = flag.Int64("joinorder.seed", 0, "seed of TestJoinOrderSameResults (0: from the clock)")

func TestJoinOrderSameResults(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	seed := *joinOrderSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("seed %d (replay: go test ./sql -run TestJoinOrderSameResults -joinorder.seed=%d)", seed, seed)
	rng := rand.New(rand.NewSource(seed))
	const tables = 6
	var sb strings.Builder
	val := func() string {
		if rng.Intn(5) == 0 {
			return "NULL"
		}
		return fmt.Sprint(rng.Intn(5))
	}
	for i := 1; i <= tables; i++ {
		fmt.Fprintf(&sb, "CREATE TABLE r%d (id int PRIMARY KEY, a int, b int, c text);", i)
		n := 3 + rng.Intn(10)
		for j := 0; j < n; j++ {
			fmt.Fprintf(&sb, "INSERT INTO r%d VALUES (%d, %s, %s, 'r%d.%d');", i, j, val(), val(), i, j)
		}
	}
	if err := s.Exec(ctx, sb.String(), discard{}); err != nil {
		t.Fatal(err)
	}
	run := func(q string, ordered bool) (string, []string) {
		joinOrdering.Store(ordered)
		defer joinOrdering.Store(true)
		s.cache = nil
		out := &textOutput{}
		if err := s.Exec(ctx, q, out); err != nil {
			if e, ok := err.(*Error); ok {
				return e.Code, nil
			}
			return err.Error(), nil
		}
		slices.Sort(out.lines)
		return "", out.lines
	}
	nonEmpty := 0
	for i := 0; i < 300; i++ {
		q := randomJoinQuery(rng, tables)
		errA, rowsA := run(q, false)
		errB, rowsB := run(q, true)
		if errA != errB || !slices.Equal(rowsA, rowsB) {
			t.Fatalf("%s\nin FROM order: %s %d rows %v\nordered: %s %d rows %v", q, errA, len(rowsA), rowsA, errB, len(rowsB), rowsB)
		}
		if len(rowsB) > 1 {
			nonEmpty++
		}
	}
	// The check is only as good as the rows the queries return: the data is random, and one
	// seed in about thirty gives 40-50 queries with rows, so the floor is below that.
	if nonEmpty < 25 {
		t.Fatalf("only %d of 300 queries returned rows", nonEmpty)
	}
}

// randomJoinQuery joins 3 to 6 of the tables r1..rN in a random order.
func randomJoinQuery(rng *rand.Rand, tables int) string {
	order := rng.Perm(tables)[:3+rng.Intn(tables-2)]
	name := func(i int) string { return fmt.Sprintf("r%d", order[i]+1) }
	col := func(i int) string { return name(i) + "." + []string{"a", "b", "id"}[rng.Intn(3)] }
	var where []string
	from := name(0)
	comma := rng.Intn(2) == 0
	for i := 1; i < len(order); i++ {
		// An equality with some table before it, or, now and then, with one after it.
		other := rng.Intn(i)
		if rng.Intn(4) == 0 && i+1 < len(order) {
			other = i + 1 + rng.Intn(len(order)-i-1)
		}
		cond := col(i) + " = " + col(other)
		switch {
		case comma:
			from += ", " + name(i)
			where = append(where, cond)
		case other > i:
			from += " CROSS JOIN " + name(i)
			where = append(where, cond)
		case rng.Intn(4) == 0:
			from += " LEFT JOIN " + name(i) + " ON " + cond
		default:
			from += " JOIN " + name(i) + " ON " + cond
		}
	}
	if rng.Intn(2) == 0 {
		where = append(where, col(rng.Intn(len(order)))+" = "+fmt.Sprint(rng.Intn(5)))
	}
	if rng.Intn(3) == 0 {
		// A condition over three tables, and one that is not an equality.
		where = append(where, fmt.Sprintf("%s + %s >= %s", col(0), col(1), col(len(order)-1)))
	}
	if rng.Intn(4) == 0 {
		where = append(where, fmt.Sprintf("(%s IS NULL OR %s < %s)", col(1), col(1), col(2)))
	}
	q := "SELECT * FROM " + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	return q
}

// EXPLAIN shows the order chosen: the joins go along the conditions, never through a cross
// product, and hash the smaller side.
func TestJoinOrderExplain(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE big (id int PRIMARY KEY, small_id int, v int);
		CREATE TABLE mid (id int PRIMARY KEY, big_id int);
		CREATE TABLE small (id int PRIMARY KEY, w text);
		INSERT INTO big SELECT g, g % 10, g FROM generate_series(1, 1000) g;
		INSERT INTO mid SELECT g, g * 10 FROM generate_series(1, 100) g;
		INSERT INTO small SELECT g, 'w' FROM generate_series(1, 10) g`, discard{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ query, plan string }{
		// FROM order would cross small and mid. The plan reads mid (100 rows) and looks big
		// up by its key for each rather than scanning its 1000, then hashes small.
		{"SELECT count(*) FROM small, mid, big WHERE big.small_id = small.id AND mid.big_id = big.id", `
Aggregate
  ->  Hash Join
        Hash Cond: (big.small_id = small.id)
        ->  Nested Loop
              ->  Seq Scan on mid
              ->  Index Scan using big_pkey on big
                    Index Cond: (mid.big_id = big.id)
        ->  Hash
              ->  Seq Scan on small`},
		// A point lookup makes big the smallest input, and the joins start there: small by
		// its key, then mid, whose join column is no key, through a hash of the one row.
		{"SELECT * FROM small JOIN big ON big.small_id = small.id JOIN mid ON mid.big_id = big.id WHERE big.id = 20", `
Hash Join
  Hash Cond: (mid.big_id = big.id)
  ->  Seq Scan on mid
  ->  Hash
        ->  Nested Loop
              ->  Index Scan using big_pkey on big
                    Index Cond: (id = 20)
              ->  Index Scan using small_pkey on small
                    Index Cond: (big.small_id = small.id)`},
		// Two tables: the small one is read, the large one looked up by key; FROM order
		// would have hashed all of big.
		{"SELECT small.w, big.v FROM big JOIN small ON big.id = small.id", `
Nested Loop
  ->  Seq Scan on small
  ->  Index Scan using big_pkey on big
        Index Cond: (big.id = small.id)`},
		{"SELECT count(*) FROM small JOIN big ON big.small_id = small.id", `
Aggregate
  ->  Hash Join
        Hash Cond: (big.small_id = small.id)
        ->  Seq Scan on big
        ->  Hash
              ->  Seq Scan on small`},
		// The outer join stays as written, one relation of the inner joins around it.
		{"SELECT * FROM small LEFT JOIN mid ON mid.id = small.id, big, small s2 WHERE big.id = mid.big_id AND s2.id = big.small_id", `
Hash Join
  Hash Cond: (s2.id = big.small_id)
  ->  Nested Loop
        ->  Hash Left Join
              Hash Cond: (mid.id = small.id)
              ->  Seq Scan on small
              ->  Hash
                    ->  Seq Scan on mid
        ->  Index Scan using big_pkey on big
              Index Cond: (big.id = mid.big_id)
  ->  Hash
        ->  Seq Scan on small s2`},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			out := &textOutput{}
			if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+c.query, out); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(out.lines[:len(out.lines)-1], "\n")
			if want := strings.TrimPrefix(c.plan, "\n"); got != want {
				t.Fatalf("plan:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// The select5-shaped joins of issue 16 plan without a single nested loop, in any FROM order,
// past the exhaustive search's size too.
func TestJoinOrderChains(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	rng := rand.New(rand.NewSource(5))
	var sb strings.Builder
	for i := 1; i <= 26; i++ {
		fmt.Fprintf(&sb, "CREATE TABLE t%d (a%d int, b%d int, x%d varchar(40)); INSERT INTO t%d VALUES ", i, i, i, i, i)
		for j, p := range rng.Perm(10) {
			if j > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "(%d, %d, 'x%d')", j+1, p+1, j)
		}
		sb.WriteString(";")
	}
	if err := s.Exec(ctx, sb.String(), discard{}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{4, 8, 9, 21, 26} {
		q := chainQuery(n, true)
		out := &textOutput{}
		if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+q, out); err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(out.lines, "\n")
		if strings.Contains(plan, "Nested Loop") || strings.Count(plan, "Hash Join") != n-1 {
			t.Fatalf("%d tables: %s\n%s", n, q, plan)
		}
		out = &textOutput{}
		if err := s.Exec(ctx, q, out); err != nil {
			t.Fatal(err)
		}
		if len(out.lines) != 2 {
			t.Fatalf("%d tables: %v", n, out.lines)
		}
	}
}

// A plan whose join order was chosen for small tables is made again once they have grown.
func TestJoinOrderReplansOnGrowth(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE g1 (id int PRIMARY KEY, v int); CREATE TABLE g2 (id int PRIMARY KEY, v int);
		CREATE TABLE g3 (id int PRIMARY KEY, v int)`, discard{}); err != nil {
		t.Fatal(err)
	}
	const q = "SELECT count(*) FROM g1, g2, g3 WHERE g1.v = g2.id AND g2.v = g3.id"
	planOf := func() *plan {
		if err := s.Exec(ctx, q, discard{}); err != nil {
			t.Fatal(err)
		}
		return s.cache[q][0].plan
	}
	p := planOf()
	if planOf() != p {
		t.Fatal("plan made again with no change")
	}
	if err := s.Exec(ctx, "INSERT INTO g2 SELECT g, g FROM generate_series(1, 40) g", discard{}); err != nil {
		t.Fatal(err)
	}
	if planOf() != p {
		t.Fatal("plan made again after a small change")
	}
	if err := s.Exec(ctx, "INSERT INTO g2 SELECT g, g FROM generate_series(41, 1000) g", discard{}); err != nil {
		t.Fatal(err)
	}
	if planOf() == p {
		t.Fatal("plan kept after g2 grew from 0 to 1000 rows")
	}
}
