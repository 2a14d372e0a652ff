package sql

import (
	"context"
	"errors"
	"testing"
)

// A non-boolean argument of a clause is 42804 naming the clause, as PostgreSQL's
// coerce_to_boolean prints it (messages recorded from PostgreSQL 15).
func TestBooleanArgumentNamesClause(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE q (a int PRIMARY KEY)")
	for _, c := range []struct{ sql, clause string }{
		{"SELECT 1 WHERE 1", "WHERE"},
		{"SELECT 1 FROM q WHERE a", "WHERE"},
		{"SELECT 1 FROM q JOIN q r ON 1", "JOIN/ON"},
		{"SELECT 1 FROM q LEFT JOIN q r ON 1", "JOIN/ON"},
		{"SELECT 1 HAVING 1", "HAVING"},
		{"SELECT CASE WHEN 1 THEN 1 END", "CASE/WHEN"},
		{"SELECT NOT 1", "NOT"},
		{"SELECT 1 AND true", "AND"},
		{"SELECT true OR 1", "OR"},
		{"SELECT 1 IS TRUE", "IS TRUE"},
		{"SELECT 1 IS NOT FALSE", "IS NOT FALSE"},
		{"SELECT count(*) FILTER (WHERE 1)", "FILTER"},
		{"CREATE TABLE c1 (a int CHECK (a))", "CHECK"},
		{"UPDATE q SET a = 1 WHERE 1", "WHERE"},
		{"DELETE FROM q WHERE 1", "WHERE"},
		{"INSERT INTO q VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 1 WHERE 1", "WHERE"},
		{"SELECT 1 FROM q a, LATERAL (SELECT 1 WHERE a.a) s", "WHERE"},
		// a term of a WHERE that the planner places apart still names AND
		{"SELECT 1 FROM q WHERE a = 1 AND 1", "AND"},
		{"SELECT 1 FROM q WHERE 1 AND a = 1", "AND"},
		{"SELECT 1 FROM q, q r WHERE q.a = 1 AND r.a = 2 AND 1", "AND"},
		{"SELECT 1 FROM q WHERE a = 1 AND EXISTS (SELECT 1 FROM q r WHERE 1)", "WHERE"},
		{"SELECT 1 FROM q WHERE a = 1 AND (1 OR true)", "OR"},
	} {
		err := s.Exec(context.Background(), c.sql, discard{})
		want := "argument of " + c.clause + " must be type boolean, not type integer"
		var e *Error
		if !errors.As(err, &e) || e.Code != "42804" || e.Message != want {
			t.Errorf("%s: got %v, want 42804 %s", c.sql, err, want)
		}
	}
}
