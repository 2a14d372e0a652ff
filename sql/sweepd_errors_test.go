package sql

import (
	"context"
	"errors"
	"testing"
)

// A window call where PostgreSQL refuses one names the clause, as parse_agg.c's messages do
// (window.sql; the golden files compare SQLSTATEs only).
func TestSweepWindowErrorMessages(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE sw (a int PRIMARY KEY, b int); CREATE TABLE sw2 (c int)")
	errs := []struct{ q, msg string }{
		{"SELECT rank() OVER (ORDER BY rank() OVER (ORDER BY random()))", "window functions are not allowed in window definitions"},
		{"SELECT sum(b) OVER (PARTITION BY row_number() OVER ()) FROM sw", "window functions are not allowed in window definitions"},
		{"SELECT * FROM sw WHERE row_number() OVER (ORDER BY b) < 10", "window functions are not allowed in WHERE"},
		{"SELECT 1 WHERE row_number() OVER () < 10", "window functions are not allowed in WHERE"},
		{"SELECT * FROM sw INNER JOIN sw2 ON row_number() OVER (ORDER BY b) < 10", "window functions are not allowed in JOIN conditions"},
		{"SELECT rank() OVER (ORDER BY 1), count(*) FROM sw GROUP BY 1", "window functions are not allowed in GROUP BY"},
		{"DELETE FROM sw RETURNING rank() OVER (ORDER BY random())", "window functions are not allowed in RETURNING"},
	}
	for _, c := range errs {
		var e *Error
		err := s.Exec(context.Background(), c.q, &textOutput{})
		if !errors.As(err, &e) || e.Code != "42P20" || e.Message != c.msg {
			t.Errorf("%s: %v, want 42P20 %q", c.q, err, c.msg)
		}
	}
	// A window call in a subquery of WHERE is the subquery's own.
	execOK(t, s, "SELECT 1 FROM sw WHERE b IN (SELECT rank() OVER () FROM sw2)")
}
