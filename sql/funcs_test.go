package sql

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
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
		"pg_catalog|generate_series|SETOF numeric|numeric, numeric|func",
		"pg_catalog|generate_series|SETOF numeric|numeric, numeric, numeric|func",
		"pg_catalog|generate_series|SETOF timestamp with time zone|timestamp with time zone, timestamp with time zone, interval|func",
		"pg_catalog|generate_series|SETOF timestamp without time zone|timestamp without time zone, timestamp without time zone, interval|func",
		"pg_catalog|lower|text|text|func",
		"pg_catalog|now|timestamp with time zone||func",
		"tag: SELECT 18",
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

// The overload each call resolves to, by PostgreSQL's rules (checked against PostgreSQL 15,
// which picks the same pg_proc oid, or fails with the same SQLSTATE).
func TestResolveFunc(t *testing.T) {
	typed := func(ty types.Type) *expr { return &expr{typ: ty} }
	unknown := &expr{typ: types.Text, unknown: true}
	null := &expr{typ: types.Null}
	i2, i4, i8, num, f4 := typed(types.Int16), typed(types.Int32), typed(types.Int64), typed(types.Numeric), typed(types.Float32)
	txt, date, ts := typed(types.Text), typed(types.Date), typed(types.Timestamp)
	for _, c := range []struct {
		name string
		args []*expr
		oid  int64
		code string
	}{
		{"round", []*expr{i4}, 1342, ""},      // float8 is numeric's preferred type
		{"round", []*expr{num}, 1708, ""},     // exact
		{"round", []*expr{unknown}, 1342, ""}, // numeric category, its preferred type
		{"round", []*expr{f4}, 1342, ""},
		{"round", []*expr{num, i8}, 0, "42883"}, // bigint does not convert to integer implicitly
		{"round", []*expr{i4, i4}, 1707, ""},
		{"mod", []*expr{i2, i4}, 941, ""}, // most exact matches
		{"mod", []*expr{i4, i8}, 947, ""},
		{"mod", []*expr{unknown, i4}, 941, ""}, // the unknown taken as the known type
		{"mod", []*expr{unknown, unknown}, 0, "42725"},
		{"mod", []*expr{f4, i4}, 0, "42883"},
		{"isfinite", []*expr{unknown}, 0, "42725"}, // datetime and timespan categories: ambiguous
		{"isfinite", []*expr{date}, 1373, ""},
		{"isfinite", []*expr{ts}, 2048, ""},
		{"has_table_privilege", []*expr{unknown, unknown}, 1926, ""}, // string category wins
		{"has_table_privilege", []*expr{i8, unknown}, 1927, ""},
		{"has_table_privilege", []*expr{i4, unknown}, 1927, ""},
		{"has_table_privilege", []*expr{unknown, unknown, unknown}, 1922, ""},
		{"abs", []*expr{i2}, 1398, ""},
		{"abs", []*expr{null}, 1395, ""},
		{"concat", []*expr{i4, unknown, typed(types.Bool)}, 3058, ""},
		{"generate_series", []*expr{i4, i8}, 1069, ""},
		{"generate_series", []*expr{i4, unknown}, 1067, ""},
		{"substring", []*expr{unknown, i4}, 937, ""},
		{"pg_get_expr", []*expr{txt, i8}, 1716, ""},
		{"array_length", []*expr{typed(types.Int32Array), i4}, 2176, ""},
		{"array_length", []*expr{i4, i4}, 0, "42883"},
		{"cardinality", []*expr{typed(types.TextArray)}, 3179, ""},
		{"format_type", []*expr{i8, null}, 1081, ""},
		{"lower", []*expr{i4}, 0, "42883"},
	} {
		p, err := resolveFunc(c.name, funcRegistry[c.name].procs, c.args)
		var code string
		var se *Error
		if errors.As(err, &se) {
			code = se.Code
		}
		if code != c.code || c.code == "" && (p == nil || p.oid != c.oid) {
			t.Errorf("%s: got %v %v, want %d %s", callText(c.name, c.args), p, err, c.oid, c.code)
		}
	}
}
