package sql

import (
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// goldenQueries parses every statement of the golden files (the differential test's corpora)
// and returns the queries vitess parsed, by their text, with the count of those that did not
// convert, by SQLSTATE.
func goldenQueries(t *testing.T) (queries []string, asts []*ast.Select, failed map[string][]string) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	failed = map[string][]string{}
	for _, file := range files {
		for _, b := range parseGolden(t, file) {
			if b.kind == "comment" {
				continue
			}
			pieces, err := splitAndRewrite(dropCallAll(b.sql))
			if err != nil {
				continue
			}
			for _, p := range pieces {
				st, err := parse(p)
				if err != nil {
					continue
				}
				q, ok := st.ast.(sqlparser.TableStatement)
				if !ok {
					continue
				}
				a, err := astQuery(q)
				if err != nil {
					var e *Error
					code := "other"
					if errors.As(err, &e) {
						code = e.Code
					}
					failed[code] = append(failed[code], p.orig+"  -- "+err.Error())
					continue
				}
				queries, asts = append(queries, p.orig), append(asts, a)
			}
		}
	}
	return queries, asts, failed
}

// Every query of the golden corpus converts, prints as PostgreSQL text that parses and
// converts back to an equal tree, and prints the same again.
func TestASTRoundTrip(t *testing.T) {
	queries, asts, failed := goldenQueries(t)
	if len(queries) < 1300 {
		t.Fatalf("only %d golden queries converted", len(queries))
	}
	var codes []string
	for code := range failed {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		for _, q := range failed[code] {
			// A golden query vitess parses is PostgreSQL (recorded from it): only a
			// construct the tree cannot hold yet may fail, never as a syntax error.
			if code != "0A000" {
				t.Errorf("%s: %s", code, q)
			} else {
				t.Logf("not converted: %s", q)
			}
		}
	}
	for i, a := range asts {
		checkRoundTrip(t, queries[i], a)
	}
	t.Logf("%d queries round-tripped; %d not converted (0A000)", len(asts), len(failed["0A000"]))
}

// checkRoundTrip prints a converted query, parses and converts the text again and requires
// an equal tree and the same text.
func checkRoundTrip(t *testing.T, query string, a *ast.Select) {
	t.Helper()
	text := sqlText(a)
	again, err := astStatement(text)
	if err != nil {
		t.Errorf("%s\nprinted as %s\nfails: %v", query, text, err)
		return
	}
	if !reflect.DeepEqual(a, again) {
		t.Errorf("%s\nprinted as %s\nreads back as %s", query, text, sqlText(again))
		return
	}
	if text2 := sqlText(again); text2 != text {
		t.Errorf("%s\nprints as %s\nthen as %s", query, text, text2)
	}
}

// The expressions the binder compiles from the tree round-trip, in the forms the golden
// files may lack.
func TestASTRoundTripExpressions(t *testing.T) {
	for _, q := range []string{
		"SELECT CASE a WHEN 1 THEN 2 ELSE 3 END, CASE WHEN a THEN 1 END, a NOT BETWEEN 1 AND 2, k BETWEEN $1 AND $2",
		"SELECT a BETWEEN SYMMETRIC 1 AND 2, a NOT BETWEEN SYMMETRIC b || 'x' AND (SELECT 1), (a, b) BETWEEN SYMMETRIC (1, 2) AND (3, 4)",
		"SELECT a = ANY (SELECT 1), a IN (SELECT 1), a NOT IN (SELECT 1), a > ALL (ARRAY[1, 2]), a = ANY ('{1,2}')",
		"SELECT (SELECT 2), 1 + (SELECT 2), EXISTS (SELECT 1), NOT EXISTS (SELECT 1 FROM t WHERE t.k = u.k), ARRAY(SELECT 1)",
		"SELECT a[1], a[1][2], (r).f, ((r).g).h, ROW(1, a), ROW(), (1, 'x'), ARRAY[ARRAY[1], ARRAY[2]]",
		"SELECT make_interval(days => 2, hours => 1), pg_catalog.lower('A'), coalesce(a, 1 / 0)",
		"SELECT substring(a FROM 2 FOR 1), trim(LEADING 'x' FROM a), trim(a), position('b' IN a), EXTRACT(year FROM d)",
		"SELECT DATE '2020-01-01' - 1, t AT TIME ZONE 'UTC', CURRENT_TIMESTAMP(2), LOCALTIME, current_user",
		"SELECT (a, b) = (1, 2), CASE (a, b) WHEN (1, 2) THEN 1 END, (a, b) IN (SELECT 1, 2), (a, b) < (SELECT 1, 2)",
	} {
		a, err := astStatement(q)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		checkRoundTrip(t, q, a)
	}
}

// The converter decodes the dialect pass's stand-ins into the constructs they stand for.
func TestASTConvert(t *testing.T) {
	cases := []struct{ query, sql, explain string }{
		{"SELECT a || b, 'x' || 1", "SELECT (a || b), ('x' || 1)", ""},
		{"SELECT x::int, CAST(y AS numeric(10, 2)[]), interval '1 day'", "SELECT (x)::int, (y)::numeric(10,2)[], '1 day'::interval", ""},
		{"SELECT a ILIKE 'x%', a NOT ILIKE 'y' ESCAPE '#', a LIKE 'z' ESCAPE '!'",
			"SELECT (a ILIKE 'x%'), (a NOT ILIKE 'y' ESCAPE '#'), (a LIKE 'z' ESCAPE '!')",
			"SELECT (a ~~* 'x%'), (a !~~* like_escape('y', '#')), (a ~~ like_escape('z', '!'))"},
		{"SELECT a ~ 'x', a !~* 'y'", "SELECT (a ~ 'x'), (a !~* 'y')", ""},
		{"SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b", "SELECT (a IS DISTINCT FROM b), (a IS NOT DISTINCT FROM b)", ""},
		{"SELECT * FROM a FULL JOIN b USING (x, \"Y\") LEFT JOIN c ON c.k = a.k",
			"SELECT * FROM a FULL JOIN b USING (x, \"Y\") LEFT JOIN c ON (c.k = a.k)", ""},
		{"SELECT * FROM a CROSS JOIN (b JOIN c ON true)", "SELECT * FROM a CROSS JOIN (b JOIN c ON true)", ""},
		{"SELECT x FROM t ORDER BY x DESC NULLS LAST, y NULLS FIRST LIMIT ALL OFFSET 2",
			"SELECT x FROM t ORDER BY x DESC NULLS LAST, y NULLS FIRST LIMIT ALL OFFSET 2", ""},
		{"SELECT x FROM t OFFSET 2", "SELECT x FROM t OFFSET 2", ""},
		{"SELECT x FROM t LIMIT NULL", "SELECT x FROM t LIMIT ALL", ""},
		{"SELECT x FROM t OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY", "SELECT x FROM t LIMIT 2 OFFSET 1", ""},
		{"SELECT id = ANY ('{1,2}'), id <> ALL (SELECT 1), id IN (SELECT k FROM u), id NOT IN (1, 2)",
			"SELECT (id = ANY ('{1,2}')), (id <> ALL (SELECT 1)), (id IN (SELECT k FROM u)), (id NOT IN (1, 2))",
			"SELECT (id = ANY ('{1,2}')), (id <> ALL (SELECT 1)), (id IN (SELECT k FROM u)), (id <> ALL ('{1,2}'))"},
		{"SELECT ARRAY[1, 2][1], ARRAY(SELECT 1), (r).f, a[1][2]", "SELECT (ARRAY[1, 2])[1], ARRAY(SELECT 1), (r).f, a[1][2]", ""},
		{"SELECT count(*) FILTER (WHERE x > 1), sum(DISTINCT y), string_agg(s, ','), jsonb_agg(x)",
			"SELECT count(*) FILTER (WHERE (x > 1)), sum(DISTINCT y), string_agg(s, ','), jsonb_agg(x)", ""},
		{"SELECT rank() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), lag(x, 2) OVER w FROM t WINDOW w AS (ORDER BY c)",
			"SELECT rank() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), lag(x, 2) OVER w FROM t WINDOW w AS (ORDER BY c)", ""},
		{"SELECT extract(year FROM t), t AT TIME ZONE 'UTC', current_date, current_timestamp(3), now()",
			"SELECT EXTRACT(year FROM t), (t AT TIME ZONE 'UTC'), CURRENT_DATE, CURRENT_TIMESTAMP(3), now()", ""},
		{"SELECT substring(s FROM 2 FOR 3), position('a' IN s), trim(leading 'x' FROM s), ltrim(s)",
			"SELECT SUBSTRING(s FROM 2 FOR 3), POSITION('a' IN s), TRIM(LEADING 'x' FROM s), ltrim(s)", ""},
		{"SELECT -1, - -2, -x, 2147483648, 1.5, $1, NULL, true",
			"SELECT -1, 2, (- x), 2147483648, 1.5, $1, NULL, true", "SELECT '-1'::integer, 2, (- x), 2147483648, 1.5, $1, NULL, true"},
		{"SELECT a AND b AND (c OR d OR e), NOT a", "SELECT (a AND b AND (c OR d OR e)), (NOT a)", ""},
		{"SELECT k BETWEEN 1 AND 7, k NOT BETWEEN 1 AND 2", "SELECT (k BETWEEN 1 AND 7), (k NOT BETWEEN 1 AND 2)",
			"SELECT ((k >= 1) AND (k <= 7)), ((k < 1) OR (k > 2))"},
		{"SELECT k BETWEEN SYMMETRIC 1 + 1 AND 7, k NOT BETWEEN SYMMETRIC 1 AND 'a' || 'b', k BETWEEN ASYMMETRIC 1 AND 2",
			"SELECT (k BETWEEN SYMMETRIC (1 + 1) AND 7), (k NOT BETWEEN SYMMETRIC 1 AND ('a' || 'b')), (k BETWEEN 1 AND 2)",
			"SELECT (((k >= (1 + 1)) AND (k <= 7)) OR ((k >= 7) AND (k <= (1 + 1)))), (((k < 1) OR (k > ('a' || 'b'))) AND ((k < ('a' || 'b')) OR (k > 1))), ((k >= 1) AND (k <= 2))"},
		{"SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'a' END, (1, 2) = (a, b)",
			"SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'a' END, ((1, 2) = (a, b))",
			"SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'a' END, (ROW(1, 2) = ROW(a, b))"},
		{"SELECT x IS NULL, x IS NOT TRUE, EXISTS (SELECT 1)", "SELECT (x IS NULL), (x IS NOT TRUE), EXISTS (SELECT 1)", ""},
		{"SELECT 1 UNION SELECT 2 INTERSECT ALL SELECT 3 EXCEPT SELECT 4 ORDER BY 1",
			"SELECT 1 UNION (SELECT 2 INTERSECT ALL SELECT 3) EXCEPT SELECT 4 ORDER BY 1", ""},
		{"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM (VALUES (1, 'a')) AS v(n, s), r",
			"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT (n + 1) FROM r) SELECT * FROM (VALUES (1, 'a')) AS v(n, s), r", ""},
		{"SELECT j -> 'a', j ->> 0, j @> '{}', j #> '{a}'", "SELECT (j -> 'a'), (j ->> 0), (j @> '{}'), (j #> '{a}')", ""},
		{`SELECT "select", "Mixed", "key" FROM "order"`, `SELECT "select", "Mixed", "key" FROM "order"`, `SELECT "select", "Mixed", key FROM "order"`},
		{"SELECT x FROM t FOR UPDATE", "SELECT x FROM t FOR UPDATE", ""},
		{"SELECT 'it''s', E'a\\nb'", "SELECT 'it''s', 'a\nb'", ""},
		// GROUP BY's grouping sets, GROUPING and DISTINCT ON: the dialect pass's calls and last
		// select-list entry read back as the constructs (ast.GroupingSet, ast.GroupingFunc).
		{"SELECT a, grouping(a, b) FROM t GROUP BY ROLLUP (a, (b, c)), CUBE (d), GROUPING SETS (a, (), GROUPING SETS ((b)))",
			"SELECT a, GROUPING(a, b) FROM t GROUP BY ROLLUP(a, (b, c)), CUBE(d), GROUPING SETS (a, (), GROUPING SETS (b))", ""},
		{"SELECT DISTINCT ON (a, b + 1) a, c FROM t ORDER BY a", "SELECT DISTINCT ON (a, (b + 1)) a, c FROM t ORDER BY a", ""},
	}
	for _, c := range cases {
		a, err := astStatement(c.query)
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		if got := sqlText(a); got != c.sql {
			t.Errorf("%s\n got %s\nwant %s", c.query, got, c.sql)
		}
		want := c.explain
		if want == "" {
			want = c.sql
		}
		if got := ast.Print(a, ast.Explain); got != want {
			t.Errorf("%s explained\n got %s\nwant %s", c.query, got, want)
		}
	}
}

// What PostgreSQL does not have is a syntax error for the converter too, even where vitess
// built a tree for it (read here without the dialect pass, which refuses most of it first).
func TestASTConvertRefusesMySQL(t *testing.T) {
	for _, q := range []string{
		"select a xor b", "select a div b", "select @x", "select @@version", "select _utf8mb4 'x'",
		"select match (a) against ('x') from t", "select convert(a, char)", "select cast(a as unsigned)",
		"select a from t use index (i)", "select a from t group by a with rollup",
		"select a into @x from t", "select sql_calc_found_rows a from t", "select interval(1, 2)",
		"select a from (t, u)", "select std(a) from t", "select locate('a', b, 2)",
		"select group_concat(a limit 1) from t",
	} {
		st, err := parser.Parse(q)
		if err != nil {
			t.Errorf("%s: vitess refuses it: %v", q, err)
			continue
		}
		sel, ok := st.(sqlparser.TableStatement)
		if !ok {
			t.Errorf("%s: not a query", q)
			continue
		}
		_, err = astQuery(sel)
		var e *Error
		if !errors.As(err, &e) || e.Code != "42601" {
			t.Errorf("%s: got %v, want 42601", q, err)
		}
	}
}

// FuzzASTRoundTrip: any text that parses into one query either converts, and then prints as
// text that converts back to an equal tree, or fails with a SQLSTATE.
func FuzzASTRoundTrip(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.sql")
	for _, file := range files {
		for _, b := range parseGolden(f, file) {
			if b.kind != "comment" {
				f.Add(b.sql)
			}
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		pieces, err := splitAndRewrite(dropCallAll(q))
		if err != nil || len(pieces) != 1 {
			return
		}
		st, err := parse(pieces[0])
		if err != nil {
			return
		}
		sel, ok := st.ast.(sqlparser.TableStatement)
		if !ok {
			return
		}
		a, err := astQuery(sel)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code == "" || e.Code == "XX000" {
				t.Fatalf("%q: %v", q, err)
			}
			return
		}
		text := sqlText(a)
		again, err := astStatement(text)
		if err != nil {
			t.Fatalf("%q printed as %q: %v", q, text, err)
		}
		if !reflect.DeepEqual(a, again) {
			t.Fatalf("%q printed as %q reads back as %q", q, text, sqlText(again))
		}
	})
}
