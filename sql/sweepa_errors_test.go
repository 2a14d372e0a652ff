package sql

import (
	"context"
	"errors"
	"testing"
)

// Errors found by the side-by-side sweeps of PostgreSQL 15's regression files carry its
// messages (the golden files compare SQLSTATEs only).
func TestSweepAggregateErrorMessages(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE sa (a int PRIMARY KEY, b int)")
	errs := []struct{ q, code, msg string }{
		{"SELECT 1 FROM sa WHERE sum(b) > 0", "42803", "aggregate functions are not allowed in WHERE"},
		{"SELECT 1 WHERE count(*) > 0", "42803", "aggregate functions are not allowed in WHERE"},
		{"SELECT a FROM sa o GROUP BY a HAVING EXISTS (SELECT 1 FROM sa i WHERE sum(o.b + i.b) = i.b)", "42803",
			"aggregate functions are not allowed in WHERE"},
		{"SELECT sum() WITHIN GROUP (ORDER BY b::float8) FROM sa", "42809",
			"sum is not an ordered-set aggregate, so it cannot have WITHIN GROUP"},
		{"SELECT percentile_cont(0.5, b) FROM sa", "42809", "WITHIN GROUP is required for ordered-set aggregate percentile_cont"},
	}
	for _, c := range errs {
		var e *Error
		err := s.Exec(context.Background(), c.q, &textOutput{})
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg {
			t.Errorf("%s: %v, want %s %q", c.q, err, c.code, c.msg)
		}
	}
	// An outer query's aggregate in a subquery's WHERE is allowed.
	execOK(t, s, "SELECT a FROM sa o GROUP BY a HAVING EXISTS (SELECT 1 FROM sa i WHERE sum(o.b) = i.b)")
}
