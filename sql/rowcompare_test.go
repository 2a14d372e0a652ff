package sql

import (
	"context"
	"strings"
	"testing"
)

// Row comparisons are planned from their elements: a row equal to the whole primary key is a
// point lookup, and an ordering bounds an ordered index on the key columns from the row
// itself (keyset pagination, read in the index's order) instead of a scan of the table.
func TestRowComparisonPlans(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE p (k1 int, k2 int, v text, PRIMARY KEY (k1, k2));
		CREATE TABLE q (k1 int, k2 int, v text, PRIMARY KEY (k1, k2)); CREATE INDEX q_k ON q (k1, k2);
		CREATE TABLE n (id int PRIMARY KEY, a int, b int); CREATE INDEX n_ab ON n (a, b)`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query string
		plan  string
	}{
		{"SELECT * FROM p WHERE (k1, k2) = (1, 2)", `
Index Scan using p_pkey on p
  Index Cond: ((k1 = 1) AND (k2 = 2))`},
		{"SELECT * FROM q WHERE (k1, k2) > (1, 2) ORDER BY k1, k2 LIMIT 10", `
Limit
  ->  Index Scan using q_k on q
        Index Cond: (ROW(k1, k2) > ROW(1, 2))
        Filter: ((ROW(k1, k2) > ROW(1, 2)) AND (k1 >= 1))`},
		{"SELECT * FROM q WHERE (k1, k2) <= (7, 2)", `
Index Scan using q_k on q
  Index Cond: (ROW(k1, k2) <= ROW(7, 2))
  Filter: ((ROW(k1, k2) <= ROW(7, 2)) AND (k1 <= 7))`},
		// Without an ordered index the primary key (a hash map) gives no range.
		{"SELECT * FROM p WHERE (k1, k2) > (1, 2) ORDER BY k1, k2 LIMIT 10", `
Limit
  ->  Sort
        Sort Key: k1, k2
        ->  Seq Scan on p
              Filter: ((ROW(k1, k2) > ROW(1, 2)) AND (k1 >= 1))`},
		// A row with a NULL b is not in n_ab, yet matches a >= 1: the index cannot serve it.
		{"SELECT * FROM n WHERE (a, b) > (1, 2)", `
Seq Scan on n
  Filter: ((ROW(a, b) > ROW(1, 2)) AND (a >= 1))`},
		{"SELECT * FROM n WHERE a = 1 AND b > 2", `
Index Scan using n_ab on n
  Index Cond: ((a = 1) AND (b > 2))`},
		{"SELECT * FROM p WHERE (k1, k2) <> (1, 2)", `
Seq Scan on p
  Filter: (ROW(k1, k2) <> ROW(1, 2))`},
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
