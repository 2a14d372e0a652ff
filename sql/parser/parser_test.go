package parser

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/drovedb/drove/sql/ast"
	"github.com/jackc/pgx/v5/pgconn"
)

// Expressions read with gram.y's precedence and associativity, printed in ast's SQL style
// (every operator application in parentheses).
func TestExprPrecedence(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a OR b AND c", "(a OR (b AND c))"},
		{"a AND b OR c AND d OR e", "((a AND b) OR (c AND d) OR e)"},
		{"NOT a AND b", "((NOT a) AND b)"},
		{"NOT a = b", "(NOT (a = b))"},
		{"NOT NOT a", "(NOT (NOT a))"},
		{"a = b IS NULL", "((a = b) IS NULL)"},
		{"a IS NULL = b", "((a IS NULL) = b)"},
		{"a < b LIKE c", "(a < (b LIKE c))"},
		{"a LIKE b < c", "((a LIKE b) < c)"},
		{"a LIKE b || c ESCAPE d", "(a LIKE (b || c) ESCAPE d)"},
		{"a || b + c", "(a || (b + c))"},
		{"a + b || c", "((a + b) || c)"},
		{"a + b * c - d", "((a + (b * c)) - d)"},
		{"a - b - c", "((a - b) - c)"},
		{"a ^ b ^ c", "((a ^ b) ^ c)"},
		{"-a ^ b", "((- a) ^ b)"},
		{"-2 ^ 2", "(-2 ^ 2)"},
		{"- - 2", "2"},
		{"-a::int", "(- (a)::int)"},
		{"a * b::int", "(a * (b)::int)"},
		{"a AT TIME ZONE 'UTC' + b", "((a AT TIME ZONE 'UTC') + b)"},
		{"a + b AT TIME ZONE 'UTC'", "(a + (b AT TIME ZONE 'UTC'))"},
		{"a || b COLLATE \"C\"", "(a || (b COLLATE \"C\"))"},
		{"-a COLLATE \"C\"", "((- a) COLLATE \"C\")"},
		{"@ a + b", "(@ (a + b))"},
		{"~ a || b", "((~ a) || b)"},
		{"a BETWEEN b + 1 AND c + 1 AND d", "((a BETWEEN (b + 1) AND (c + 1)) AND d)"},
		{"a NOT BETWEEN SYMMETRIC 1 AND 2", "(a NOT BETWEEN SYMMETRIC 1 AND 2)"},
		{"a IN (1, 2) = true", "((a IN (1, 2)) = true)"},
		{"1 IN (1) IN (true)", "((1 IN (1)) IN (true))"},
		{"1 IS NULL::text", "((1 IS NULL))::text"},
		{"true IS NOT TRUE IS NULL", "((true IS NOT TRUE) IS NULL)"},
		{"a IS NOT DISTINCT FROM b + 1", "(a IS NOT DISTINCT FROM (b + 1))"},
		{"a ISNULL OR b NOTNULL", "((a IS NULL) OR (b IS NOT NULL))"},
		{"a = ANY (b) AND c <> ALL (ARRAY[1])", "((a = ANY (b)) AND (c <> ALL (ARRAY[1])))"},
		{"a LIKE ANY (b)", "(a LIKE ANY (b))"},
		{"a NOT ILIKE ALL (b)", "(a NOT ILIKE ALL (b))"},
		{"a OPERATOR(pg_catalog.+) b * c", "(a + (b * c))"},
		{"a OPERATOR(s.===) b", "(a OPERATOR(s.===) b)"},
		{"a != b", "(a <> b)"},
		{"a[1][2:3]", "a[1][2:3]"},
		{"(a).b.c", "((a).b).c"},
		{"(a[1]).f", "(a[1]).f"},
		{"t.a.b", "t.a.b"},
		{"$1[2]", "$1[2]"},
		{"x::numeric(10, 2)[]", "(x)::numeric(10,2)[]"},
		{"CAST(x AS double precision)", "(x)::double precision"},
		{"x::timestamp(3) with time zone", "(x)::timestamptz(3)"},
		{"x::character varying(5)", "(x)::varchar(5)"},
		{"x::pg_catalog.int4", "(x)::int4"},
		{"INTERVAL '1' DAY TO SECOND(3)", "'1'::interval day to second(3)"},
		{"DATE '2020-01-01' + 1", "('2020-01-01'::date + 1)"},
		{"char 'x'", "'x'::bpchar"},
		{"EXTRACT(year FROM d)", "EXTRACT(year FROM d)"},
		{"substring(a FROM 2 FOR 3)", "SUBSTRING(a FROM 2 FOR 3)"},
		{"position('b' IN a)", "POSITION('b' IN a)"},
		{"trim(LEADING 'x' FROM a)", "TRIM(LEADING 'x' FROM a)"},
		{"CASE WHEN a THEN 1 ELSE 2 END", "CASE WHEN a THEN 1 ELSE 2 END"},
		{"ARRAY[[1, 2], [3, 4]]", "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]"},
		{"ROW(1, 2) = (1, 2)", "(ROW(1, 2) = (1, 2))"},
		{"EXISTS (SELECT 1) AND a IN (SELECT 2)", "(EXISTS (SELECT 1) AND (a IN (SELECT 2)))"},
		{"a NOT IN (SELECT 2)", "(NOT (a IN (SELECT 2)))"},
		{"((SELECT 1)) + ((1))", "((SELECT 1) + 1)"},
		{"ARRAY(SELECT 1)", "ARRAY(SELECT 1)"},
		{"count(DISTINCT a ORDER BY b DESC NULLS LAST)", "count(DISTINCT a ORDER BY b DESC NULLS LAST)"},
		{"percentile_cont(0.5) WITHIN GROUP (ORDER BY a)", "percentile_cont(0.5) WITHIN GROUP (ORDER BY a)"},
		{"count(*) FILTER (WHERE a > 1) OVER w", "count(*) FILTER (WHERE (a > 1)) OVER w"},
		{"sum(a) OVER (w PARTITION BY b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
			"sum(a) OVER (w PARTITION BY b ORDER BY c ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"},
		{"make_interval(days => 2, hours := 1)", "make_interval(days => 2, hours => 1)"},
		{"CURRENT_TIMESTAMP(3) + LOCALTIME", "(CURRENT_TIMESTAMP(3) + LOCALTIME)"},
		{"coalesce(a, b) + grouping(a)", "(coalesce(a, b) + GROUPING(a))"},
		{"\"grouping\"(a)", "\"grouping\"(a)"},
		{"left(a, 2) || current_user", "(left(a, 2) || CURRENT_USER)"},
		{"B'101' || X'1F'", "(B'101' || B'00011111')"},
		{"9223372036854775808 + 2147483648", "(9223372036854775808 + 2147483648)"},
	} {
		e, err := ParseExpr(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := ast.Print(e, ast.SQL); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// The literal types are the grammar's: by size and spelling.
func TestLiteralTypes(t *testing.T) {
	for in, want := range map[string]ast.LitType{"1": ast.LitInteger, "2147483648": ast.LitBigint, "-2147483648": ast.LitInteger,
		"9223372036854775808": ast.LitNumeric, "1.5": ast.LitNumeric, "1e3": ast.LitNumeric, "'x'": ast.LitString,
		"true": ast.LitBool, "null": ast.LitNull} {
		e, err := ParseExpr(in)
		if err != nil {
			t.Fatal(err)
		}
		if l, ok := e.(*ast.Literal); !ok || l.Type != want {
			t.Errorf("%s: %#v, want type %d", in, e, want)
		}
	}
}

// Queries, printed in ast's SQL style.
func TestSelect(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"select 1 union select 2 intersect select 3", "SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)"},
		{"select 1 intersect select 2 union select 3", "SELECT 1 INTERSECT SELECT 2 UNION SELECT 3"},
		{"select 1 except all select 2 except select 3", "SELECT 1 EXCEPT ALL SELECT 2 EXCEPT SELECT 3"},
		{"(select 1 order by 1) union select 2 order by 1 limit 3", "(SELECT 1 ORDER BY 1) UNION SELECT 2 ORDER BY 1 LIMIT 3"},
		{"(select 1) limit all offset 2 rows", "SELECT 1 LIMIT ALL OFFSET 2"},
		{"select 1 offset 2", "SELECT 1 OFFSET 2"},
		{"select pg_catalog.numeric(5, 2) '3.14159', pg_catalog.varchar(2) 'abcd', public.t(3) 'x'", "SELECT '3.14159'::numeric(5,2), 'abcd'::varchar(2), 'x'::public.t(3)"},
		{"select 1 limit null", "SELECT 1 LIMIT ALL"},
		{"select a from t fetch first 3 rows only", "SELECT a FROM t LIMIT 3"},
		{"select a from t offset 1 fetch next row only", "SELECT a FROM t LIMIT 1 OFFSET 1"},
		{"select a from t order by a fetch first 3 rows with ties", "SELECT a FROM t ORDER BY a FETCH FIRST (3) ROWS WITH TIES"},
		{"select a from t order by a offset 1 fetch next row with ties", "SELECT a FROM t ORDER BY a OFFSET 1 FETCH FIRST (1) ROWS WITH TIES"},
		{"select a isnull, b notnull from t", "SELECT (a IS NULL), (b IS NOT NULL) FROM t"},
		{"select a from t for update", "SELECT a FROM t FOR UPDATE"},
		{"select a from t x for no key update of x nowait for key share skip locked for share of t, \"U\"",
			`SELECT a FROM t AS x FOR NO KEY UPDATE OF x NOWAIT FOR KEY SHARE SKIP LOCKED FOR SHARE OF t, "U"`},
		{"select a from t order by a for update limit 1", "SELECT a FROM t ORDER BY a LIMIT 1 FOR UPDATE"},
		{"select a from t limit 1 for share skip locked", "SELECT a FROM t LIMIT 1 FOR SHARE SKIP LOCKED"},
		{"(select a from t for update) for share", "SELECT a FROM t FOR UPDATE FOR SHARE"},
		{"select a from t for read only", "SELECT a FROM t"},
		{"select x.k from t join u using (k) as x left join v using (k, \"L\") as \"Y\"", `SELECT x.k FROM t JOIN u USING (k) AS x LEFT JOIN v USING (k, "L") AS "Y"`},
		{"select * from generate_series(1, 3) with ordinality", "SELECT * FROM generate_series(1, 3) WITH ORDINALITY"},
		{"select * from t, lateral unnest(t.a) with ordinality as u(x, n)", "SELECT * FROM t, LATERAL unnest(t.a) WITH ORDINALITY AS u(x, n)"},
		{"select * from json_each('{}') as j(k, v)", "SELECT * FROM json_each('{}') AS j(k, v)"},
		{"select * from json_to_record('{}') as x(a int, \"B\" text collate \"C\")", `SELECT * FROM json_to_record('{}') AS x (a int, "B" text COLLATE "C")`},
		{"select * from f() as (a int[])", "SELECT * FROM f() AS (a int[])"},
		{"select * from f() r (a numeric(10, 2))", "SELECT * FROM f() AS r (a numeric(10,2))"},
		{"select * from rows from (generate_series(1, 2), f(x) as (a int, b text)) with ordinality as g(p, q, r, o)",
			"SELECT * FROM ROWS FROM (generate_series(1, 2), f(x) AS (a int, b text)) WITH ORDINALITY AS g(p, q, r, o)"},
		{"select * from lateral rows from (f(1)) g", "SELECT * FROM LATERAL ROWS FROM (f(1)) AS g"},
		{"select * from f(1) as g(x)", "SELECT * FROM f(1) AS g(x)"},
		{"select a[:2], a[2:], a[:], a[1:2][:], (f(x))[:1] from t",
			"SELECT a[-2147483648:2], a[2:2147483647], a[-2147483648:2147483647], a[1:2][-2147483648:2147483647], (f(x))[-2147483648:1] FROM t"},
		{"select * from only t join only (s.u) as x on true, only v w", "SELECT * FROM t JOIN s.u AS x ON true, v AS w"},
		{"(select 1 order by 1) offset 1 fetch first 1 rows with ties", "SELECT 1 ORDER BY 1 OFFSET 1 FETCH FIRST (1) ROWS WITH TIES"},
		{"select a from t for update of t limit 2", "SELECT a FROM t LIMIT 2 FOR UPDATE OF t"},
		{"with recursive r(n) as not materialized (select 1) select * from r",
			"WITH RECURSIVE r(n) AS NOT MATERIALIZED (SELECT 1) SELECT * FROM r"},
		{"select distinct a x, b as \"Y\", c from s.t as u (p, q)", "SELECT DISTINCT a AS x, b AS \"Y\", c FROM s.t AS u(p, q)"},
		{"select a value, b as year from t", "SELECT a AS value, b AS year FROM t"},
		{"select from t", "SELECT  FROM t"},
		{"select * from a join b using (x) left join c on c.k = a.k, d natural full join e",
			"SELECT * FROM a JOIN b USING (x) LEFT JOIN c ON (c.k = a.k), d NATURAL FULL JOIN e"},
		{"select * from a cross join b join c on true", "SELECT * FROM a CROSS JOIN b JOIN c ON true"},
		{"select * from a join b join c on x on y", "SELECT * FROM a JOIN (b JOIN c ON x) ON y"},
		{"select * from (a join b on x) right outer join c using (k)", "SELECT * FROM a JOIN b ON x RIGHT JOIN c USING (k)"},
		{"select * from t, lateral (select t.a) s", "SELECT * FROM t, LATERAL (SELECT t.a) AS s"},
		{"select * from generate_series(1, 3) g", "SELECT * FROM generate_series(1, 3) AS g"},
		{"select a, count(*) from t where b group by a having count(*) > 1 window w as (partition by a) order by 1 desc",
			"SELECT a, count(*) FROM t WHERE b GROUP BY a HAVING (count(*) > 1) WINDOW w AS (PARTITION BY a) ORDER BY 1 DESC"},
		{"values (1, default), (2, 3) order by 1", "VALUES (1, DEFAULT), (2, 3) ORDER BY 1"},
		{"table t", "SELECT * FROM t"},
		{"select 1;;", "SELECT 1"},
		{"select * from t order by a using >", "SELECT * FROM t ORDER BY a DESC"},
		{"select distinct on (a, b + 1) a, b from t order by a", "SELECT DISTINCT ON (a, (b + 1)) a, b FROM t ORDER BY a"},
		{"select a, grouping(a, b) from t group by rollup (a, (b, c)), cube(a), grouping sets ((a, b), (), rollup(a), a), ()",
			"SELECT a, GROUPING(a, b) FROM t GROUP BY ROLLUP(a, (b, c)), CUBE(a), GROUPING SETS ((a, b), (), ROLLUP(a), a), ()"},
		{"select rollup(a) from t group by (rollup(a)), cube", "SELECT rollup(a) FROM t GROUP BY (rollup(a)), cube"},
		// bare labels: the keyword is a label when the token after it ends the item
		{"select 1 abort, 2 all, 3 between, 4 and, 5 in from t", `SELECT 1 AS abort, 2 AS "all", 3 AS "between", 4 AS "and", 5 AS "in" FROM t`},
		{"select 1 between 0 and 2 and, 2 like, 3 not, 4 is", `SELECT (1 BETWEEN 0 AND 2) AS "and", 2 AS "like", 3 AS "not", 4 AS "is"`},
		{"select (select 1 in), 1 + 2 in, case when a then 1 end end from t",
			`SELECT (SELECT 1 AS "in"), (1 + 2) AS "in", CASE WHEN a THEN 1 END AS "end" FROM t`},
	} {
		s, err := ParseSelect(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := ast.Print(s, ast.SQL); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// Syntax errors in PostgreSQL's words, at PostgreSQL's position (checked on PostgreSQL 15),
// and the errors of constructs PostgreSQL's grammar refuses itself.
var errorCases = []struct {
	in, code, msg string
	pos           int
}{
	{"select 1 = 1 = true", "42601", `syntax error at or near "="`, 14},
	{"select 1 < 2 like 'x' = 3", "42601", `syntax error at or near "="`, 23},
	{"select 1 like 'a' ilike 'b'", "42601", `syntax error at or near "ilike"`, 19},
	{"select 1 year", "42601", `syntax error at or near "year"`, 10},
	{"select f(x)[1]", "42601", `syntax error at or near "["`, 12},
	{"select array[1][1]", "42601", `syntax error at or near "["`, 16},
	{"select (select 1 2)", "42601", `syntax error at or near "2"`, 18},
	{"select ((select 1) + )", "42601", `syntax error at or near ")"`, 22},
	{"select * from (select 1)", "42601", "subquery in FROM must have an alias", 15},
	{"select * from (values (1) order by 1)", "42601", "VALUES in FROM must have an alias", 15},
	{"select * from (values (1) union values (2))", "42601", "subquery in FROM must have an alias", 15},
	{"select * from (t)", "42601", `syntax error at or near ")"`, 17},
	{"select 1 limit 1, 2", "42601", "LIMIT #,# syntax is not supported", 10},
	{"select 1 order by 1) order by 1", "42601", `syntax error at or near ")"`, 20},
	{"(select 1 order by 1) order by 1", "42601", "multiple ORDER BY clauses not allowed", 32},
	{"(select 1 limit 2) limit 3", "42601", "multiple LIMIT clauses not allowed", 26},
	{"(select 1 offset 2) offset 3", "42601", "multiple OFFSET clauses not allowed", 28},
	{"with a as (select 1) (with b as (select 2) select 3)", "42601", "multiple WITH clauses not allowed", 1},
	{"select a => 1", "42601", `syntax error at or near "=>"`, 10},
	{"select from", "42601", "syntax error at end of input", 12},
	{"select 'a' 'b'", "42601", `syntax error at or near "'b'"`, 12},
	{"select 1 + 1e", "42601", `trailing junk after numeric literal at or near "1e"`, 12},
	{"select left from t", "42601", `syntax error at or near "from"`, 13},
	{"select x::", "42601", "syntax error at end of input", 11},
	{"select 1 not 2", "42601", `syntax error at or near "2"`, 14},
	{"select case end", "42601", `syntax error at or near "end"`, 13},
	{"select count(distinct a) within group (order by a) from t", "42601", "cannot use DISTINCT with WITHIN GROUP", 26},
	{"select string_agg(a, ',' order by a) within group (order by a) from t", "42601", "cannot use multiple ORDER BY clauses with WITHIN GROUP", 38},
	{"select * from t natural join u on true", "42601", `syntax error at or near "on"`, 32},
	{"select a from t where a = any(1", "42601", "syntax error at end of input", 32},
	{"select 1 = 2 in, 3", "42601", `syntax error at or near ","`, 16},
	{"select 1 group by rollup(())", "42601", `syntax error at or near ")"`, 27},
	{"select 1 group by grouping sets a", "42601", `syntax error at or near "a"`, 33},
	{"select a from t group by distinct", "42601", "syntax error at end of input", 34},
	{"select 1 from pg_class for update of pg_catalog.pg_class", "42601", "FOR UPDATE must specify unqualified relation names", 38},
	{"select 1 from pg_class for key share of a.b.c", "42601", "FOR KEY SHARE must specify unqualified relation names", 41},
	{"select 1 from pg_class for share of a.b.c.d", "42601", "improper qualified name (too many dotted names): a.b.c.d", 37},
	{"select 1 from pg_class for update limit 1 for update", "42601", `syntax error at or near "for"`, 43},
	{"select 1 from pg_class for update nowait skip locked", "42601", `syntax error at or near "skip"`, 42},
	{"select 1 from pg_class for update nowait of pg_class", "42601", `syntax error at or near "of"`, 42},
	{"select 1 from pg_class for no update", "42601", `syntax error at or near "update"`, 31},
	{"select 1 from pg_class for key update", "42601", `syntax error at or near "update"`, 32},
	{"select 1 from pg_class for read", "42601", "syntax error at end of input", 32},
	{"select 1 from pg_class for update of", "42601", "syntax error at end of input", 37},
	{"select 1 fetch first 1 rows with ties", "42601", "WITH TIES cannot be specified without ORDER BY clause", 0},
	{"select * from only (pg_class) * limit 0", "42601", `syntax error at or near "*"`, 31},
	{"select * from only pg_class()", "42601", `syntax error at or near "("`, 28},
	{"select * from generate_series(1, 2) as (a, b)", "42601", `syntax error at or near ","`, 42},
	{"select * from rows from (generate_series(1, 2) g)", "42601", `syntax error at or near "g"`, 48},
	{"select * from rows from (generate_series(1, 2)) with", "42601", `syntax error at or near "with"`, 49},
	{"select * from generate_series(1, 2) with ordinality with ordinality", "42601", `syntax error at or near "with"`, 53},
	{"select 1 from pg_class a join pg_class b using (oid) x", "42601", `syntax error at or near "x"`, 54},
	{"select 1 from pg_class a join pg_class b using (oid) as x (y)", "42601", `syntax error at or near "("`, 59},
	{"select 1 from pg_class for skip locked", "42601", `syntax error at or near "skip"`, 28},
	{"select * from x.y.z.pt", "42601", "improper qualified name (too many dotted names): x.y.z.pt", 15},
	{"select pg_catalog.varchar(2 order by 1) 'x'", "42601", "type modifier cannot have ORDER BY", 29},
	{"select pg_catalog.varchar(f(1 order by 1), x => 2) 'x'", "42601", "type modifier cannot have parameter name", 44},
	{"select 1 is of (integer)", "42601", `syntax error at or near "of"`, 13},
	{"select 'a' is not json", "42601", `syntax error at or near "json"`, 19},
	{"select pg_catalog.int4() '3'", "42601", `syntax error at or near "'3'"`, 26},
	{"select pg_catalog.varchar(distinct 2) 'x'", "42601", `syntax error at or near "'x'"`, 39},
	{"select pg_catalog.varchar(*) 'x'", "42601", `syntax error at or near "'x'"`, 30},
	{"select pg_catalog.varchar(2) over () 'x'", "42601", `syntax error at or near "'x'"`, 38},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := ParseSelect(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.in, err, c.code)
			continue
		}
		if c.msg != "" && (e.Error() != c.msg || e.Position(c.in) != c.pos) {
			t.Errorf("%s: got %q at %d, want %q at %d", c.in, e.Error(), e.Position(c.in), c.msg, c.pos)
		}
	}
}

// Nesting deeper than MaxDepth is 54001, whatever nests: parentheses, prefix operators,
// CASE, subqueries, arrays; a long flat expression is not nesting.
func TestDepth(t *testing.T) {
	n := MaxDepth + 1
	for _, q := range []string{
		"select " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"select " + strings.Repeat("- ", n) + "1",
		"select " + strings.Repeat("not ", n) + "true",
		"select " + strings.Repeat("case when true then ", n) + "1" + strings.Repeat(" end", n),
		"select " + strings.Repeat("(select ", n) + "1" + strings.Repeat(")", n),
		"select array" + strings.Repeat("[", n) + "1" + strings.Repeat("]", n),
		"select * from " + strings.Repeat("(", n) + "a join b on true" + strings.Repeat(")", n),
		"select f(" + strings.Repeat("f(", n) + strings.Repeat(")", n+1),
	} {
		_, err := ParseSelect(q)
		var e *Error
		if !errors.As(err, &e) || e.Code != "54001" {
			t.Errorf("%.40s...: got %v, want 54001", q, err)
		}
	}
	// A flat sum nests its tree as deeply as it is long, which everything after the parser
	// walks: past MaxDepth it is 54001, as PostgreSQL's analysis gives (its grammar reads it).
	flat := "select 1" + strings.Repeat(" + 1", 100000)
	if _, err := ParseSelect(flat); err == nil || err.(*Error).Code != "54001" {
		t.Errorf("a flat sum: %v, want 54001", err)
	}
	ands := "select true" + strings.Repeat(" and true", 100000)
	if _, err := ParseSelect(ands); err != nil {
		t.Errorf("a flat AND chain, one BoolOp: %v", err)
	}
	shallow := "select " + strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000)
	if _, err := ParseSelect(shallow); err != nil {
		t.Errorf("1000 parentheses: %v", err)
	}
}

// The table of TestErrors is PostgreSQL 15's answers (its 0A000 cases excepted).
func TestErrorsOnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	for _, tc := range errorCases {
		if tc.code != "42601" {
			continue
		}
		_, err := c.Exec(context.Background(), tc.in).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != tc.code || pe.Message != tc.msg || int(pe.Position) != tc.pos {
			t.Errorf("%q: PostgreSQL answers %v (position %d), the table says %s at %d", tc.in, err, pePos(pe), tc.msg, tc.pos)
		}
	}
}

func pePos(pe *pgconn.PgError) int32 {
	if pe == nil {
		return 0
	}
	return pe.Position
}
