package sql

import (
	"context"
	"errors"
	"testing"
)

// A table referenced by its name where FROM (or INSERT's AS) gave it an alias, and excluded
// outside ON CONFLICT's DO UPDATE, are 42P01 "invalid reference" with PostgreSQL's hint, not
// a missing FROM-clause entry (messages recorded from PostgreSQL 15).
func TestInvalidReferenceToTable(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE foo (x int PRIMARY KEY, y int)")
	alias := `Perhaps you meant to reference the table alias "bar".`
	excluded := `There is an entry for table "excluded", but it cannot be referenced from this part of the query.`
	for _, c := range []struct{ sql, table, hint string }{
		{"INSERT INTO foo AS bar DEFAULT VALUES RETURNING foo.*", "foo", alias},
		{"INSERT INTO foo AS bar VALUES (1) RETURNING foo.x", "foo", alias},
		{"UPDATE foo AS bar SET y = 1 RETURNING foo.x", "foo", alias},
		{"SELECT foo.x FROM foo AS bar", "foo", alias},
		{"SELECT foo.* FROM foo AS bar", "foo", alias},
		{"INSERT INTO foo AS bar VALUES (1) ON CONFLICT (x) DO UPDATE SET y = foo.y", "foo", alias},
		{"INSERT INTO foo VALUES (1) ON CONFLICT (x) DO UPDATE SET y = 2 RETURNING excluded.x", "excluded", excluded},
		{"INSERT INTO foo VALUES (1) ON CONFLICT (x) DO UPDATE SET y = 2 RETURNING excluded.*", "excluded", excluded},
	} {
		err := s.Exec(context.Background(), c.sql, discard{})
		want := `invalid reference to FROM-clause entry for table "` + c.table + `"`
		var e *Error
		if !errors.As(err, &e) || e.Code != "42P01" || e.Message != want || e.Hint != c.hint {
			t.Errorf("%s: got %#v, want 42P01 %s (%s)", c.sql, err, want, c.hint)
		}
	}
}
