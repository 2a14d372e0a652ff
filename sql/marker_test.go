package sql

import (
	"context"
	"strings"
	"testing"
)

// The dialect pass's markers (pgcheck.go) begin with a NUL, which no user text can hold:
// every string constant is checked by the lexer (22021, as PostgreSQL), and comments and
// quoted identifiers never reach vitess as what the markers are. These queries spell the
// markers' text every way a user can and must mean what PostgreSQL 15 says they mean.
func TestMarkersCannotBeTyped(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	cases := []struct{ sql, want string }{
		// the json operator marker, written as a string between ||s: text, not ->
		{`SELECT '{"a":1}' || E'\\0op:->' || 'a'`, `{"a":1}\0op:->a` + "\ntag: SELECT 1"},
		{`SELECT '{"a":1}' || $$` + "\x01" + `op:->$$ || 'a'`, "{\"a\":1}\x01op:->a\ntag: SELECT 1"},
		// the set-operation marker as a comment and as a quoted identifier: UNION stays UNION
		{`SELECT 1 UNION SELECT /*drove:intersect*/ 2 ORDER BY 1`, "1\n2\ntag: SELECT 2"},
		{`SELECT 1 AS x UNION SELECT "/*drove:except*/" FROM (SELECT 2 AS "/*drove:except*/") t ORDER BY 1`, "1\n2\ntag: SELECT 2"},
		// IS DISTINCT FROM's marker as a string operand of <>
		{`SELECT 1 <> 2 AND 'distinct' <> 'x'`, "t\ntag: SELECT 1"},
	}
	for _, c := range cases {
		got := strings.Join(execOK(t, s, c.sql).lines, "\n")
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.sql, got, c.want)
		}
	}
	for _, q := range []string{`SELECT E'\0op:->'`, `SELECT U&'\0000op:->'`, `SELECT 'a' || E'\x00op:->' || 'b'`} {
		if err := s.Exec(context.Background(), q, &textOutput{}); sqlState(err) == "" {
			t.Errorf("%s: no error, want the lexer's refusal of a NUL", q)
		}
	}
}
