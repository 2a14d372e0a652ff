package sql

import (
	"context"
	"strings"
	"testing"
)

// TestViewConditionsPushedDown: a condition on a simple view goes into its query, so the
// table's key serves it (a point lookup, not a scan), through a * and a view on a view; a
// view whose rows a condition inside would change (LIMIT, aggregates, DISTINCT, window
// functions) or a condition on a computed column is filtered above the view instead.
func TestViewConditionsPushedDown(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE items (id int PRIMARY KEY, name text, price int)",
		"INSERT INTO items VALUES (1, 'a', 5), (2, 'b', 50), (3, 'c', 7)",
		"CREATE VIEW cheap AS SELECT id, name AS n, price * 2 AS p2 FROM items WHERE price < 10",
		"CREATE VIEW every AS SELECT * FROM items",
		"CREATE VIEW cheaper AS SELECT n, id FROM cheap",
		"CREATE VIEW firstone AS SELECT id FROM items ORDER BY id LIMIT 1",
		"CREATE VIEW counted AS SELECT id, count(*) AS c FROM items GROUP BY id",
		"CREATE VIEW ranked AS SELECT id, row_number() OVER (ORDER BY id) AS r FROM items",
		"CREATE TABLE others (k int)",
		"INSERT INTO others VALUES (1), (5)",
	} {
		if err := s.Exec(ctx, q, &textOutput{}); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	tests := []struct {
		query  string
		pushed bool   // the plan is a point lookup
		rows   string // the result, rows joined by ";"
	}{
		{"SELECT * FROM cheap WHERE id = 3", true, "3|c|14"},
		{"SELECT * FROM cheap c WHERE c.id = 2", true, ""},
		{"SELECT id FROM every WHERE id = 2", true, "2"},
		{"SELECT id FROM cheaper WHERE id = 1", true, "1"},
		{"SELECT id FROM cheap WHERE p2 = 14 AND id = 3", true, "3"},
		{"SELECT id FROM cheap WHERE p2 = 14", false, "3"},
		{"SELECT id FROM firstone WHERE id = 2", false, ""},
		{"SELECT c FROM counted WHERE id = 2", false, "1"},
		{"SELECT r FROM ranked WHERE id = 3", false, "3"},
		// The bound c.n >= 'a' the row comparison implies goes into the view (as name >= 'a');
		// the comparison, which shares its operands, stays above the join as written.
		{"SELECT c.n, o.k FROM cheap c, others o WHERE (c.n, o.k) > ('a', 3) ORDER BY 1, 2", false, "a|5;c|1;c|5"},
	}
	for _, tt := range tests {
		var plan, out textOutput
		if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+tt.query, &plan); err != nil {
			t.Fatalf("EXPLAIN %s: %v", tt.query, err)
		}
		if got := strings.Contains(strings.Join(plan.lines, "\n"), "Index Scan using items_pkey on items"); got != tt.pushed {
			t.Errorf("%s: pushed into the view %v, want %v; plan:\n%s", tt.query, got, tt.pushed, strings.Join(plan.lines, "\n"))
		}
		if err := s.Exec(ctx, tt.query, &out); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if got := strings.Join(out.lines[:len(out.lines)-1], ";"); got != tt.rows {
			t.Errorf("%s: rows %q, want %q", tt.query, got, tt.rows)
		}
	}
}
