package sql

import (
	"context"
	"errors"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// syntaxPositionCases are syntax errors with PostgreSQL 15's message and position (a 1-based
// character offset into the query string as sent), which TestSyntaxErrorPositionsOnPostgres
// checks on a real PostgreSQL. They cover errors found by the dialect pass, by vitess in the
// rewritten text (mapped back through the pass), by the statement parsers (SET, SAVEPOINT,
// COPY, ...), in a RETURNING list, and in a statement after others. pg is "ok" where
// PostgreSQL runs the statement and drove does not parse it yet (it still answers in
// PostgreSQL's shape).
var syntaxPositionCases = []struct {
	sql, msg string
	pos      int
	pg       string
}{
	{"select 1 +", "syntax error at end of input", 11, ""},
	{"SET @a = 1", `syntax error at or near "@"`, 5, ""},
	{"SELECT 1 INTO @v", `syntax error at or near "@"`, 15, ""},
	{"select a from t where", "syntax error at end of input", 22, ""},
	{"select 1 'b'", "syntax error at or near \"'b'\"", 10, ""},
	{"select 'a' collate \"C\" 'b'", "syntax error at or near \"'b'\"", 24, ""},
	{"select 1::text 'b'", "syntax error at or near \"'b'\"", 16, ""},
	{"  select 1 ;; select (", "syntax error at end of input", 23, ""},
	{"select 'é', 1 2", "syntax error at or near \"2\"", 15, ""},
	{"select (1", "syntax error at end of input", 10, ""},
	{"select 1 from", "syntax error at end of input", 14, ""},
	{"select 1 from t t t", "syntax error at or near \"t\"", 19, ""},
	{"selec 1", "syntax error at or near \"selec\"", 1, ""},
	{"SELECT * FROM t WHERE", "syntax error at end of input", 22, ""},
	{"select * from t where a = 1 and", "syntax error at end of input", 32, ""},
	{"select * from t order by", "syntax error at end of input", 25, ""},
	{"select * from t limit", "syntax error at end of input", 22, ""},
	{"select 1 from t    ,  ", "syntax error at end of input", 23, ""},
	{"select * from t where a in (1,", "syntax error at end of input", 31, ""},
	{"select 1; selec 2", "syntax error at or near \"selec\"", 11, ""},
	{"select 1 2; select 3", "syntax error at or near \"2\"", 10, ""},
	{"select * from t as", "syntax error at end of input", 19, ""},
	{"insert into t values (1", "syntax error at end of input", 24, ""},
	{"insert into t values", "syntax error at end of input", 21, ""},
	{"update t set", "syntax error at end of input", 13, ""},
	{"update t set a = 1 where", "syntax error at end of input", 25, ""},
	{"delete from t where", "syntax error at end of input", 20, ""},
	{"delete from", "syntax error at end of input", 12, ""},
	{"create table x (a int,", "syntax error at end of input", 23, ""},
	{"create table x (a int primary key b int)", "syntax error at or near \"b\"", 35, ""},
	{"select case when 1 then 2", "syntax error at end of input", 26, ""},
	{"select f(1, from t", "syntax error at or near \"from\"", 13, ""},
	{"insert into t values (1) returning a,", "syntax error at end of input", 38, ""},
	{"select 'a' || from t", "syntax error at or near \"from\"", 15, ""},
	{"select ARRAY[1, 2", "syntax error at end of input", 18, ""},
	{"select cast(1 as", "syntax error at end of input", 17, ""},
	{"select 1 in ()", "syntax error at or near \")\"", 14, ""},
	{"select (select 1", "syntax error at end of input", 17, ""},
	{"select * from t join u on", "syntax error at end of input", 26, ""},
	{"select * from t group by", "syntax error at end of input", 25, ""},
	{"with x as (select 1) select * from", "syntax error at end of input", 35, ""},
	{"set statement_timeout", "syntax error at end of input", 22, ""},
	{"set statement_timeout = ", "syntax error at end of input", 25, ""},
	{"savepoint", "syntax error at end of input", 10, ""},
	{"savepoint a b", "syntax error at or near \"b\"", 13, ""},
	{"rollback to", "syntax error at end of input", 12, ""},
	{"begin isolation level", "syntax error at end of input", 22, ""},
	{"truncate", "syntax error at end of input", 9, ""},
	{"truncate t u", "syntax error at or near \"u\"", 12, ""},
	{"create index on", "syntax error at end of input", 16, ""},
	{"copy t from", "syntax error at end of input", 12, ""},
	{"copy t to stdout with (format", "syntax error at end of input", 30, ""},
	{"select 1 from t where a between 1", "syntax error at end of input", 34, ""},
	{"select * from t where a is", "syntax error at end of input", 27, ""},
	{"select a, from t", "syntax error at or near \"from\"", 11, ""},
	{"select 1 union", "syntax error at end of input", 15, ""},
	{"select * from t where a = 1 or", "syntax error at end of input", 31, ""},
	{"select 1 /* c */ 2", "syntax error at or near \"2\"", 18, ""},
	{"select a::int from t where", "syntax error at end of input", 27, ""},
	{"select a::int b c from t", "syntax error at or near \"c\"", 17, ""},
	{"select x[1] y z", "syntax error at or near \"z\"", 15, ""},
	{"select * from t full join u using (a) where", "syntax error at end of input", 44, ""},
	{"select e'\\n' x y", "syntax error at or near \"y\"", 16, ""},
	{"select $$a$$ x y", "syntax error at or near \"y\"", 16, ""},
	{"SELECT \"Col\" a b FROM t", "syntax error at or near \"b\"", 16, ""},
	{"select 1 x y; select 2", "syntax error at or near \"y\"", 12, ""},
	{"select 1; select 2 x y", "syntax error at or near \"y\"", 22, ""},
	{"select * from t where a ilike 'x' y", "syntax error at or near \"y\"", 35, ""},
	{"insert into t values (1) returning a b c", "syntax error at or near \"c\"", 40, ""},
	{"update t set a = 1 returning a b c", "syntax error at or near \"c\"", 34, ""},
	{"delete from t returning", "syntax error at end of input", 24, ""},
	{"select count(all a) b c from t", "syntax error at or near \"c\"", 23, ""},
	{"select 1 /* é */ x y", "syntax error at or near \"y\"", 20, ""},
	{"select 'é' x y", "syntax error at or near \"y\"", 14, ""},
	{"select a from t offset 1 limit 2 x", "syntax error at or near \"x\"", 34, ""},
	{"select array[1,2] x y", "syntax error at or near \"y\"", 21, ""},
	{"select cast(a as int) x y from t", "syntax error at or near \"y\"", 25, ""},
	{"select a is distinct from b x y from t", "syntax error at or near \"y\"", 31, ""},
	{"select * from t order by a nulls first x", "syntax error at or near \"x\"", 40, ""},
	{"select string_agg(a, ',') x y from t", "syntax error at or near \"y\"", 29, ""},
	{"select 1 x y -- comment", "syntax error at or near \"y\"", 12, ""},
	{"select 'a' 'b'", "syntax error at or near \"'b'\"", 12, ""},
	{"set statement_timeout to 1 2", "syntax error at or near \"2\"", 28, ""},
	{"set statement_timeout to", "syntax error at end of input", 25, ""},
	{"show", "syntax error at end of input", 5, ""},
	{"select 1 union select 2 x y", "syntax error at or near \"y\"", 27, ""},
	{"with w as (select 1) select * from w x y", "syntax error at or near \"y\"", 40, ""},
	{"select * from t limit 1 2", "syntax error at or near \"2\"", 25, ""},
	{"alter table t add column", "syntax error at end of input", 25, ""},
	{"drop table", "syntax error at end of input", 11, ""},
	{"SELECT 1 NULLS FIRST", "syntax error at or near \"NULLS\"", 10, ""},
	{"SELECT x FROM a GROUP BY x NULLS LAST ORDER BY x", "syntax error at or near \"NULLS\"", 28, ""},
	{"SELECT A(greAtest())", "syntax error at or near \")\"", 19, ""},
	{"select coalesce( /* none */ )", "syntax error at or near \")\"", 29, ""},
	{"select * from t full join u using (a.b)", "syntax error at or near \".\"", 37, ""},
	{"insert into t values (1) on conflict (a) do", "syntax error at end of input", 44, ""},
	{"insert into t values (1) on conflict (a) do what", "syntax error at or near \"what\"", 45, ""},
	{"create table x (a int) with (fillfactor = 1", "syntax error at end of input", 44, ""},
	{"select cast(1 as numeric(10", "syntax error at end of input", 28, ""},
	{"select 1::numeric(10", "syntax error at end of input", 21, ""},
	{"SET A=(", "syntax error at or near \"(\"", 7, ""},
	{"savepoint a.b", "syntax error at or near \".\"", 12, ""},
	{"copy t to stdout (format", "syntax error at end of input", 25, ""},
	{"select 1 from t lock in share mode", "syntax error at or near \"in\"", 22, ""},
	{"LOCK t IN FOO MODE", `syntax error at or near "FOO"`, 11, ""}, // LOCK: sql/parser, the word as written
	{"LOCK TABLE t IN SHARE EXCLUSIVE MODE", `syntax error at or near "EXCLUSIVE"`, 23, ""},
	{"COMMENT ON TABLE t IS 3", `syntax error at or near "3"`, 23, ""}, // COMMENT ON: sql/parser
	{"COMMENT ON Materialized t IS 'x'", `syntax error at or near "t"`, 25, ""},
	{"select a from t group by a with rollup", "syntax error at or near \"with\"", 28, ""},
	{"delete from t order by a limit 1", "syntax error at or near \"order\"", 15, ""},
	{"update t set a = 1 limit 1", "syntax error at or near \"limit\"", 20, ""},
	{"replace into t values (1)", "syntax error at or near \"replace\"", 1, ""},
	{"select * from t force index (x)", "syntax error at or near \"index\"", 23, ""},
	{"delete ignore from t", "syntax error at or near \"ignore\"", 8, ""},
	{"insert into t partition (p) values (1)", "syntax error at or near \"partition\"", 15, ""},
	{"SELECT a FROM t ORDER BY a NULLS LAST%0", "syntax error at or near \"%\"", 38, ""},
	{"0", "syntax error at or near \"0\"", 1, ""},
	{")UNION", "syntax error at or near \")\"", 1, ""},
	{"select 1) intersect select 2", "syntax error at or near \")\"", 9, ""},
	{"CREATE TABLE (UNIQUE \x7f0)", "syntax error at or near \"(\"", 14, ""},
	{"create table x (a int, unique \x7f)", "syntax error at or near \"\x7f\"", 31, ""},
	{"create table x (a int, unique (a) 'a\\b')", "syntax error at or near \"'a\\b'\"", 35, ""},
	{"create table x (a int, check (a > 0) x); select 1", "syntax error at or near \"x\"", 38, ""},
	{"alter table t add constraint c check; select 1", "syntax error at or near \";\"", 37, ""},
	{"alter table t drop constraint", "syntax error at end of input", 30, ""},
	{"PREPARE p \x7f", "syntax error at or near \"\x7f\"", 11, ""},
	{"PREPARE \x7f AS SELECT 1", "syntax error at or near \"\x7f\"", 9, ""},
	{"EXECUTE p 'a\\b'", "syntax error at or near \"'a\\b'\"", 11, ""},
	{"DEALLOCATE p \x7f", "syntax error at or near \"\x7f\"", 14, ""},
	{"PREPARE p AS", "syntax error at end of input", 13, ""},
	{"PREPARE p", "syntax error at end of input", 10, ""},
	// PREPARE's and DECLARE's statement is read with the command (command_tree.go): an error
	// in it is placed there.
	{"PREPARE bad AS CREATE TABLE x (a int)", `syntax error at or near "CREATE"`, 16, ""},
	{"DECLARE c CURSOR FOR INSERT INTO t VALUES (1)", `syntax error at or near "INSERT"`, 22, ""},
	{"FETCH FORWARD x FROM c", `syntax error at or near "FROM"`, 17, ""},
	{"CLOSE c d", `syntax error at or near "d"`, 9, ""},
	{"MOVE;", `syntax error at or near ";"`, 5, ""},
	{"UPDATE t SET a=0 FROM\x1f", "syntax error at or near \"\x1f\"", 22, ""},
	{"DELETE FROM t USING \x1f", "syntax error at or near \"\x1f\"", 21, ""},
	{"select * from t order by 1 nulls first \x7f", "syntax error at or near \"\x7f\"", 40, ""},
	{"update t set a = 1 from '0'", "syntax error at or near \"'0'\"", 25, ""},
	{"select 1; 42", "syntax error at or near \"42\"", 11, ""},
	{"select interval '1 day' +", "syntax error at end of input", 26, ""},
	{"select 1 returning", "syntax error at or near \"returning\"", 10, ""},
	{"insert into t values (1) returning", "syntax error at end of input", 35, ""},
	{"insert into t values (1) returning; select 1", "syntax error at or near \";\"", 35, ""},
	{"select 1;\n select 2 from t where a = 1\n and", "syntax error at end of input", 44, ""},
	// Strings mixing queries (sql/parser) and other statements (the dialect pass), each
	// statement parsed on its own text: the first error in the string is reported, at its
	// place in the whole string.
	{"CREATE TABLE m1 (a int); SELECT 1 +; INSERT INTO t VALUES (1); SELECT 2", `syntax error at or near ";"`, 36, ""},
	{"CREATE TABLE m1 (a int,); SELECT 1; INSERT INTO t VALUES (1); SELECT 2", `syntax error at or near ")"`, 24, ""},
	{"CREATE TABLE m1 (a int); SELECT 1; INSERT INTO t VALUES (1) x; SELECT 2", `syntax error at or near "x"`, 61, ""},
	{"CREATE TABLE m1 (a int); SELECT 1; INSERT INTO t VALUES (1); SELECT 2 2", `syntax error at or near "2"`, 71, ""},
	{"CREATE TABLE m1 (a int,); SELECT 1 +; INSERT INTO t VALUES (1); SELECT 2", `syntax error at or near ")"`, 24, ""},
	{"SELECT 1; INSERT INTO t VALUES (1) x; SELECT 2 2", `syntax error at or near "x"`, 36, ""},
	{"SELECT 'é;'; INSERT INTO t VALUES (length('a;b')) x; SELECT 2", `syntax error at or near "x"`, 51, ""},
	{"SELECT 'é'; CREATE TABLE m1 (a int, b text collate); SELECT 2", `syntax error at or near ")"`, 51, ""},
	{"/* é */ SELECT 1; UPDATE t SET b = 2 WHERE; SELECT 2", `syntax error at or near ";"`, 43, ""},
}

func TestSyntaxErrorPositions(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	if err := s.Exec(context.Background(), "CREATE TABLE t (a int PRIMARY KEY, b int); CREATE TABLE u (a int PRIMARY KEY)", &textOutput{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range syntaxPositionCases {
		err := s.Exec(context.Background(), c.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != "42601" || e.Message != c.msg || e.Position != c.pos {
			t.Errorf("%q: got %#v, want %s at %d", c.sql, err, c.msg, c.pos)
		}
	}
}

func TestSyntaxErrorPositionsOnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	if _, err := c.Exec(ctx, "CREATE TABLE t (a int PRIMARY KEY, b int); CREATE TABLE u (a int PRIMARY KEY)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range syntaxPositionCases {
		_, err := c.Exec(ctx, tc.sql).ReadAll()
		var pe *pgconn.PgError
		if tc.pg == "ok" {
			if err != nil {
				t.Errorf("%q: PostgreSQL answers %v, the table says it runs", tc.sql, err)
			}
			continue
		}
		if !errors.As(err, &pe) || pe.Code != "42601" || pe.Message != tc.msg || int(pe.Position) != tc.pos {
			t.Errorf("%q: PostgreSQL answers %#v, the table says %s at %d", tc.sql, err, tc.msg, tc.pos)
		}
	}
}

// invalidUTF8Cases are query strings that are not UTF-8, which PostgreSQL refuses whole.
var invalidUTF8Cases = []struct{ sql, msg string }{
	{"select '\x92'", `invalid byte sequence for encoding "UTF8": 0x92`},
	{"select 'a\xe2\x82'", `invalid byte sequence for encoding "UTF8": 0xe2 0x82 0x27`},
	{"select 1 -- \xff", `invalid byte sequence for encoding "UTF8": 0xff`},
	{"CREATE INDEX A\x92\x92 ON t (a)", `invalid byte sequence for encoding "UTF8": 0x92`},
}

func TestInvalidUTF8(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	for _, c := range invalidUTF8Cases {
		err := s.Exec(context.Background(), c.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != "22021" || e.Message != c.msg {
			t.Errorf("%q: got %v, want 22021 %s", c.sql, err, c.msg)
		}
	}
}

func TestInvalidUTF8OnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	for _, tc := range invalidUTF8Cases {
		_, err := c.Exec(ctx, tc.sql).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "22021" || pe.Message != tc.msg {
			t.Errorf("%q: PostgreSQL answers %v, the table says %s", tc.sql, err, tc.msg)
		}
	}
}
