package sql

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// The result columns of LATERAL items and join aliases are named as PostgreSQL 15 names them
// (the golden files compare values only), and the errors carry its hints and details.
func TestLateralColumnsAndErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE lt (a int PRIMARY KEY, n int, arr int[])")
	execOK(t, s, "CREATE TABLE lb (a int PRIMARY KEY, y int)")
	names := []struct {
		q    string
		want []string
	}{
		{"SELECT * FROM lt, LATERAL generate_series(1, lt.n)", []string{"a", "n", "arr", "generate_series"}},
		{"SELECT * FROM lt, unnest(lt.arr)", []string{"a", "n", "arr", "unnest"}},
		{"SELECT * FROM lt, unnest(lt.arr) WITH ORDINALITY", []string{"a", "n", "arr", "unnest", "ordinality"}},
		{"SELECT s.* FROM lt LEFT JOIN LATERAL (SELECT lt.n + 1, lt.a AS b) s ON true", []string{"?column?", "b"}},
		{"SELECT * FROM (lt JOIN lb USING (a)) AS j", []string{"a", "n", "arr", "y"}},
		{"SELECT * FROM (lt JOIN lb USING (a)) AS j (k)", []string{"k", "n", "arr", "y"}},
	}
	for _, c := range names {
		out := &columnsOutput{}
		if err := s.Exec(context.Background(), c.q, out); err != nil {
			t.Errorf("%s: %v", c.q, err)
		} else if !slices.Equal(out.names(), c.want) {
			t.Errorf("%s: columns %q, want %q", c.q, out.names(), c.want)
		}
	}
	errs := []struct{ q, code, msg, detail, hint string }{
		{"SELECT * FROM lt, (SELECT lt.a) s", "42P01", `invalid reference to FROM-clause entry for table "lt"`, "",
			`There is an entry for table "lt", but it cannot be referenced from this part of the query.`},
		{"SELECT * FROM lt, (SELECT n) s", "42703", `column "n" does not exist`, "",
			`There is a column named "n" in table "lt", but it cannot be referenced from this part of the query.`},
		{"SELECT * FROM lt RIGHT JOIN LATERAL (SELECT lt.a) s ON true", "42P10", `invalid reference to FROM-clause entry for table "lt"`,
			"The combining JOIN type must be INNER or LEFT for a LATERAL reference.", ""},
		{"SELECT * FROM lt FULL JOIN LATERAL (SELECT n) s ON true", "42P10", `invalid reference to FROM-clause entry for table "lt"`,
			"The combining JOIN type must be INNER or LEFT for a LATERAL reference.", ""},
	}
	for _, c := range errs {
		var e *Error
		err := s.Exec(context.Background(), c.q, &textOutput{})
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg || e.Detail != c.detail || e.Hint != c.hint {
			t.Errorf("%s: %#v, want %s %q detail %q hint %q", c.q, err, c.code, c.msg, c.detail, c.hint)
		}
	}
}
