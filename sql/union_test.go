package sql

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A chain of UNIONs is planned flat (union.go); its results must be those of the nested
// evaluation PostgreSQL defines: left to right, each UNION deduplicating everything before it,
// column types resolved pair by pair.
func TestUnionChain(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	cases := []struct {
		query string
		want  string // rows joined by ";", or the SQLSTATE
	}{
		{"SELECT 1 UNION SELECT 1 UNION ALL SELECT 1", "1;1"},
		{"SELECT 1 UNION ALL SELECT 1 UNION SELECT 2 ORDER BY 1", "1;2"},
		{"SELECT 1 UNION ALL SELECT 1 UNION ALL SELECT 2 UNION SELECT 3 UNION ALL SELECT 3 UNION ALL SELECT 2 ORDER BY 1", "1;2;2;3;3"},
		{"SELECT 2 UNION ALL SELECT 2 UNION ALL SELECT 1", "2;2;1"},
		{"SELECT 1 UNION SELECT 2.5 UNION ALL SELECT 3::bigint ORDER BY 1", "1;2.5;3"},
		// The DISTINCT of the prefix runs in its own type: two bigints a float8 would merge.
		{"SELECT 9007199254740993::bigint UNION SELECT 9007199254740992::bigint UNION ALL SELECT 0.5::float8 ORDER BY 1",
			"0.5;9.007199254740992e+15;9.007199254740992e+15"},
		{"SELECT NULL UNION SELECT 1 UNION SELECT NULL ORDER BY 1", "1;NULL"},
		{"SELECT 'a' AS x UNION SELECT 'b' UNION SELECT 'a' ORDER BY x DESC", "b;a"},
		{"SELECT 1 UNION ALL (SELECT 2 UNION SELECT 2) UNION ALL SELECT 1 ORDER BY 1", "1;1;2"},
		{"SELECT 1 UNION ALL (SELECT 2 UNION ALL SELECT 2 ORDER BY 1 LIMIT 1) UNION ALL SELECT 3 ORDER BY 1", "1;2;3"},
		{"SELECT 1 UNION SELECT 2 UNION SELECT 3 ORDER BY 1 DESC LIMIT 2", "3;2"},
		{"SELECT 1 UNION SELECT 1, 2", "42601"},
		{"SELECT 1 UNION SELECT 2 UNION SELECT 'x'::text", "42804"},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			out := &textOutput{}
			err := s.Exec(context.Background(), tc.query, out)
			got := ""
			if err != nil {
				got = sqlState(err)
			} else {
				got = strings.Join(out.lines[:len(out.lines)-1], ";")
			}
			if got != tc.want {
				t.Errorf("got %q (%v), want %q", got, err, tc.want)
			}
		})
	}
}

// The flat plan: one Append of the branches and a single DISTINCT over the prefix up to the
// last UNION, instead of one of each per UNION.
func TestUnionChainPlan(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	out := &textOutput{}
	if err := s.Exec(context.Background(), "EXPLAIN (COSTS OFF) SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 UNION SELECT 4 UNION ALL SELECT 5", out); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(out.lines[:len(out.lines)-1], "\n")
	want := `Append
  ->  Unique
        ->  Append
              ->  Result
              ->  Result
              ->  Result
              ->  Result
  ->  Result`
	if got != want {
		t.Errorf("plan:\n%s\nwant:\n%s", got, want)
	}
}

// Many branches bind and run in linear time and memory: 5,000 took 42 s and 10,000 ran out of
// memory when every UNION deduplicated all rows before it. PostgreSQL 15 answers 5,000
// branches and refuses 10,000 with 54001 (its stack depth limit); so does drove.
func TestUnionManyBranches(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	const n = 5000
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("SELECT %d", i%(n/2))
	}
	start := time.Now()
	out := &textOutput{}
	if err := s.Exec(context.Background(), strings.Join(parts, " UNION "), out); err != nil {
		t.Fatal(err)
	}
	if got := out.lines[len(out.lines)-1]; got != fmt.Sprintf("tag: SELECT %d", n/2) {
		t.Errorf("got %s", got)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("%d branches took %v", n, d)
	}
	err := s.Exec(context.Background(), strings.Repeat("SELECT 1 UNION ", 20000)+"SELECT 1", &textOutput{})
	if e, ok := err.(*Error); !ok || e.Code != "54001" {
		t.Errorf("20,000 branches: %v, want 54001", err)
	}
}
