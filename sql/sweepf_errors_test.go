package sql

import (
	"context"
	"errors"
	"testing"
)

// An ungrouped column is named by its range table entry, as parse_agg.c's check_ungrouped
// names it: "t.a" whether written a or t.a, the alias when there is one (select_having.sql,
// select_implicit.sql; the golden files compare SQLSTATEs only).
func TestSweepUngroupedColumnMessages(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE sf_g (a int PRIMARY KEY, b int, c int)")
	errs := []struct{ q, col string }{
		{"SELECT b FROM sf_g GROUP BY c", "sf_g.b"},
		{"SELECT 1 FROM sf_g HAVING b > 1", "sf_g.b"},
		{"SELECT count(*) FROM sf_g GROUP BY c ORDER BY b", "sf_g.b"},
		{"SELECT x.b FROM sf_g x GROUP BY c", "x.b"},
		{"SELECT b FROM sf_g AS x GROUP BY c", "x.b"},
		{"SELECT y FROM (SELECT 1 AS y, 2 AS z) s GROUP BY z", "s.y"},
		{"WITH w AS (SELECT 1 AS p, 2 AS q) SELECT p FROM w GROUP BY q", "w.p"},
	}
	for _, c := range errs {
		var e *Error
		want := `column "` + c.col + `" must appear in the GROUP BY clause or be used in an aggregate function`
		err := s.Exec(context.Background(), c.q, &textOutput{})
		if !errors.As(err, &e) || e.Code != "42803" || e.Message != want {
			t.Errorf("%s: %v, want 42803 %q", c.q, err, want)
		}
	}
}
