package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// psqlDescribeFunctions is psql 15's \df query (describeFunctions, as psql -E prints it) for
// the pattern lower|abs|now|count|generate_series|_pg_expandarray.
const psqlDescribeFunctions = `SELECT n.nspname as "Schema",
  p.proname as "Name",
  pg_catalog.pg_get_function_result(p.oid) as "Result data type",
  pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
 CASE p.prokind
  WHEN 'a' THEN 'agg'
  WHEN 'w' THEN 'window'
  WHEN 'p' THEN 'proc'
  ELSE 'func'
 END as "Type"
FROM pg_catalog.pg_proc p
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.proname OPERATOR(pg_catalog.~) '^(lower|abs|now|count|generate_series|_pg_expandarray)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_function_is_visible(p.oid)
ORDER BY 1, 2, 4;`

func TestPsqlDescribeFunctions(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	got := strings.Join(execOK(t, s, psqlDescribeFunctions).lines, "\n")
	want := strings.Join([]string{
		"pg_catalog|abs|bigint|bigint|func",
		"pg_catalog|abs|double precision|double precision|func",
		"pg_catalog|abs|integer|integer|func",
		"pg_catalog|abs|numeric|numeric|func",
		"pg_catalog|abs|real|real|func",
		"pg_catalog|abs|smallint|smallint|func",
		"pg_catalog|count|bigint||agg",
		`pg_catalog|count|bigint|"any"|agg`,
		"pg_catalog|generate_series|SETOF bigint|bigint, bigint|func",
		"pg_catalog|generate_series|SETOF bigint|bigint, bigint, bigint|func",
		"pg_catalog|generate_series|SETOF integer|integer, integer|func",
		"pg_catalog|generate_series|SETOF integer|integer, integer, integer|func",
		"pg_catalog|lower|text|text|func",
		"pg_catalog|now|timestamp with time zone||func",
		"tag: SELECT 14",
	}, "\n")
	if got != want {
		t.Fatalf("\\df:\n%s\nwant\n%s", got, want)
	}
	// \df without a pattern lists no system function, as in PostgreSQL.
	q := strings.Replace(psqlDescribeFunctions, "p.proname OPERATOR(pg_catalog.~) '^(lower|abs|now|count|generate_series|_pg_expandarray)$' COLLATE pg_catalog.default",
		"n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'", 1)
	if got := execOK(t, s, q).lines; len(got) != 1 || got[0] != "tag: SELECT 0" {
		t.Fatalf("\\df: %v", got)
	}
}

// Calls no overload takes, or more than one takes equally well, fail as in PostgreSQL, with
// its messages.
func TestFuncResolutionErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE t (id int PRIMARY KEY, c char(3), v varchar(5), f real)")
	for _, c := range []struct{ sql, code, msg, hint string }{
		{"SELECT lower(1)", "42883", "function lower(integer) does not exist", "No function matches the given name and argument types. You might need to add explicit type casts."},
		{"SELECT nosuch(1, 'a', NULL)", "42883", "function nosuch(integer, unknown, unknown) does not exist", "No function matches"},
		{"SELECT round(f, 2) FROM t", "42883", "function round(real, integer) does not exist", "No function matches"},
		{"SELECT abs(c) FROM t", "42883", "function abs(character) does not exist", "No function matches"},
		{"SELECT length(v, v) FROM t", "42883", "function length(character varying, character varying) does not exist", "No function matches"},
		{"SELECT concat()", "42883", "function concat() does not exist", "No function matches"},
		{"SELECT mod('5', '3')", "42725", "function mod(unknown, unknown) is not unique", "Could not choose a best candidate function. You might need to add explicit type casts."},
		{"SELECT cardinality('{1}')", "42804", "could not determine polymorphic type because input has type unknown", ""},
		{"SELECT array_length(ARRAY[1], 1::bigint)", "42883", "function array_length(integer[], bigint) does not exist", "No function matches"},
		{`SELECT "row_number"()`, "42809", "window function row_number requires an OVER clause", ""},
		{`SELECT "count"(1)`, "0A000", "aggregate count called by a quoted name is not supported yet", ""},
		{"SELECT 1 FROM t WHERE generate_series(1, 2) = 1", "0A000", "set-returning function generate_series is not allowed here", ""},
	} {
		err := s.Exec(context.Background(), c.sql, &textOutput{})
		var se *Error
		if !errors.As(err, &se) || se.Code != c.code || se.Message != c.msg || !strings.HasPrefix(se.Hint, c.hint) {
			t.Errorf("%s: %v (hint %q), want %s %s", c.sql, err, hintOf(se), c.code, c.msg)
		}
	}
}

func hintOf(e *Error) string {
	if e == nil {
		return ""
	}
	return e.Hint
}
