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

// statementCases are statements of each kind drove runs, printed in ast's SQL style: the
// canonical spelling PostgreSQL's raw parse tree keeps (END is COMMIT, FETCH c is FETCH
// FORWARD 1, a SET value word is a string, the old option spellings are options).
var statementCases = []struct{ in, want string }{
	{"insert into t values (1, 'a'), (2, default)", "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)"},
	{"INSERT INTO s.t AS x (a, b) SELECT a, b FROM u WHERE a > 1 RETURNING x.a, b AS bb, *", "INSERT INTO s.t AS x (a, b) SELECT a, b FROM u WHERE (a > 1) RETURNING x.a, b AS bb, *"},
	{"insert into t default values returning *", "INSERT INTO t DEFAULT VALUES RETURNING *"},
	{"insert into t (a) overriding system value values (1)", "INSERT INTO t (a) OVERRIDING SYSTEM VALUE VALUES (1)"},
	{"insert into t (select 1)", "INSERT INTO t SELECT 1"},
	{"insert into t values (1) on conflict do nothing", "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING"},
	{"insert into t values (1, 2) on conflict (a, (lower(b)) collate \"C\" desc) where a > 0 do update set b = excluded.b, (c, d) = (1, 2) where t.b <> excluded.b returning a", "INSERT INTO t VALUES (1, 2) ON CONFLICT (a, (lower(b)) COLLATE \"C\" DESC) WHERE (a > 0) DO UPDATE SET b = excluded.b, (c, d) = (1, 2) WHERE (t.b <> excluded.b) RETURNING a"},
	{"insert into t values (1) on conflict on constraint t_pkey do update set b = default", "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET b = DEFAULT"},
	{"with w as (select 1) insert into t select * from w", "WITH w AS (SELECT 1) INSERT INTO t SELECT * FROM w"},
	{"with d as (delete from t where a = 1 returning *) insert into u select * from d", "WITH d AS (DELETE FROM t WHERE (a = 1) RETURNING *) INSERT INTO u SELECT * FROM d"},
	{"with a as (with x as (select 1) insert into t select * from x returning *) select * from a", "WITH a AS (WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x RETURNING *) SELECT * FROM a"},
	{"with a as (with x as (select 1) select * from x union select 2) select * from a", "WITH a AS (WITH x AS (SELECT 1) SELECT * FROM x UNION SELECT 2) SELECT * FROM a"},
	{"update t set a = 1", "UPDATE t SET a = 1"},
	{"update only_t as x set a = a + 1, b = default from u, v where x.id = u.id returning x.*", "UPDATE only_t AS x SET a = (a + 1), b = DEFAULT FROM u, v WHERE (x.id = u.id) RETURNING x.*"},
	{"update t x set (a, b) = (select 1, 2), c = row(1, 2) where current of cur", "UPDATE t AS x SET (a, b) = (SELECT 1, 2), c = ROW(1, 2) WHERE CURRENT OF cur"},
	{"update t set (a) = row(1)", "UPDATE t SET (a) = ROW(1)"},
	{"update t set set = 1", "UPDATE t SET set = 1"},
	{"delete from t", "DELETE FROM t"},
	{"upsert into s.t as x (a, b) values (1, 2) returning x.*", "UPSERT INTO s.t AS x (a, b) VALUES (1, 2) RETURNING x.*"},
	{"upsert into t select 1 on conflict do nothing", "UPSERT INTO t SELECT 1 ON CONFLICT DO NOTHING"},
	{"create tablespace if not exists \"TS\", 'replica:n1', 'leader:n1'", "CREATE TABLESPACE IF NOT EXISTS 'TS', 'replica:n1', 'leader:n1'"},
	{"drop node if exists n2", "DROP NODE IF EXISTS 'n2'"},
	{"restore tablespace x from stdin", "RESTORE TABLESPACE 'x' FROM STDIN"},
	{"delete from only s.t where a = 1", "DELETE FROM s.t WHERE (a = 1)"},
	{"update only (t) x set a = 1", "UPDATE t AS x SET a = 1"},
	{"truncate only t, only (u), v *", "TRUNCATE t, u, v"},
	{"delete from t as x using u where x.a = u.a returning x.a", "DELETE FROM t AS x USING u WHERE (x.a = u.a) RETURNING x.a"},
	{"delete from t where current of c", "DELETE FROM t WHERE CURRENT OF c"},
	{"with recursive r(n) as (select 1) delete from t where a in (select n from r)", "WITH RECURSIVE r(n) AS (SELECT 1) DELETE FROM t WHERE (a IN (SELECT n FROM r))"},
	{"select * from (values (1)) v, lateral (select 1) s", "SELECT * FROM (VALUES (1)) AS v, LATERAL (SELECT 1) AS s"},
	{"with u as (update t set a = 1 returning a) select * from u", "WITH u AS (UPDATE t SET a = 1 RETURNING a) SELECT * FROM u"},
	{"create table t (a int)", "CREATE TABLE t (a int)"},
	{"create temp table if not exists s.t (id serial primary key, name varchar(20) not null default 'x', price numeric(10,2) check (price > 0), tags text[], d timestamp with time zone default now(), c char(3) collate \"C\" unique)", "CREATE TEMP TABLE IF NOT EXISTS s.t (id serial PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', price numeric(10,2) CHECK ((price > 0)), tags text[], d timestamptz DEFAULT now(), c char(3) COLLATE \"C\" UNIQUE)"},
	{"create table t (a int constraint a_nn not null, b int references u (id) on delete cascade on update set null, c int references u match full, primary key (a, b), constraint u_c unique (c) deferrable initially deferred, foreign key (b) references u (id) on delete restrict, check (a > 0) no inherit)", "CREATE TABLE t (a int CONSTRAINT a_nn NOT NULL, b int REFERENCES u (id) ON DELETE CASCADE ON UPDATE SET NULL, c int REFERENCES u MATCH FULL, PRIMARY KEY (a, b), CONSTRAINT u_c UNIQUE (c) DEFERRABLE INITIALLY DEFERRED, FOREIGN KEY (b) REFERENCES u (id) ON DELETE RESTRICT, CHECK ((a > 0)) NO INHERIT)"},
	{"create table t (id int generated always as identity (start with 10 increment by 2), b bigint generated by default as identity, c int generated always as (a * 2) stored)", "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START 10 INCREMENT 2), b bigint GENERATED BY DEFAULT AS IDENTITY, c int GENERATED ALWAYS AS ((a * 2)) STORED)"},
	{"create unlogged table t (a int) with (fillfactor = 70)", "CREATE UNLOGGED TABLE t (a int) WITH (fillfactor = 70)"},
	{"create local temp table t (a int) on commit delete rows", "CREATE TEMP TABLE t (a int) ON COMMIT DELETE ROWS"},
	{"create temporary table t (a int) on commit drop", "CREATE TEMP TABLE t (a int) ON COMMIT DROP"},
	{"create table t2 as select * from t with no data", "CREATE TABLE t2 AS SELECT * FROM t WITH NO DATA"},
	{"create table t2 (x, y) as select 1, 2", "CREATE TABLE t2 (x, y) AS SELECT 1, 2"},
	{"create table t2 as values (1)", "CREATE TABLE t2 AS VALUES (1)"},
	{"create table t (a double precision, b character varying(10), c bit varying(3), d interval day to second, e time(3) without time zone, f int4[][], g \"char\", h decimal(5))", "CREATE TABLE t (a double precision, b varchar(10), c bit varying(3), d interval day to second, e time(3), f int4[][], g \"char\", h decimal(5))"},
	{"create table t ()", "CREATE TABLE t ()"},
	{"create table t (unique nulls not distinct (a), primary key (a) include (b))", "CREATE TABLE t (UNIQUE NULLS NOT DISTINCT (a), PRIMARY KEY (a) INCLUDE (b))"},
	{"create index on t (a)", "CREATE INDEX ON t (a)"},
	{"create unique index if not exists i on s.t using btree (a desc nulls last, (lower(b)), c text_pattern_ops) include (d) where a > 0", "CREATE UNIQUE INDEX IF NOT EXISTS i ON s.t USING btree (a DESC NULLS LAST, (lower(b)), c text_pattern_ops) INCLUDE (d) WHERE (a > 0)"},
	{"create index concurrently i on t using gin (a) with (fastupdate = off)", "CREATE INDEX CONCURRENTLY i ON t USING gin (a) WITH (fastupdate = 'off')"},
	{"create view v as select 1", "CREATE VIEW v AS SELECT 1"},
	{"create or replace temp view v (a, b) as select 1, 2 with local check option", "CREATE OR REPLACE TEMP VIEW v (a, b) AS SELECT 1, 2 WITH LOCAL CHECK OPTION"},
	{"create recursive view v (n) as select 1", "CREATE RECURSIVE VIEW v (n) AS SELECT 1"},
	{"create materialized view if not exists mv as select 1 with no data", "CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1 WITH NO DATA"},
	{"create sequence s", "CREATE SEQUENCE s"},
	{"create temp sequence if not exists s as bigint increment by -1 minvalue 1 no maxvalue start with 5 cache 10 cycle owned by t.a", "CREATE TEMP SEQUENCE IF NOT EXISTS s AS bigint INCREMENT -1 MINVALUE 1 NO MAXVALUE START 5 CACHE 10 CYCLE OWNED BY t.a"},
	{"alter sequence s restart with 3", "ALTER SEQUENCE s RESTART 3"},
	{"alter sequence if exists s no cycle owned by none", "ALTER SEQUENCE IF EXISTS s NO CYCLE OWNED BY NONE"},
	{"alter sequence s restart", "ALTER SEQUENCE s RESTART"},
	{"alter sequence s rename to s2", "ALTER SEQUENCE s RENAME TO s2"},
	{"alter table t add column b int default 1 not null, add c text", "ALTER TABLE t ADD COLUMN b int DEFAULT 1 NOT NULL, ADD COLUMN c text"},
	{"alter table if exists only t add column if not exists b int", "ALTER TABLE IF EXISTS ONLY t ADD COLUMN IF NOT EXISTS b int"},
	{"alter table t drop column if exists b cascade, drop c", "ALTER TABLE t DROP COLUMN IF EXISTS b CASCADE, DROP COLUMN c"},
	{"alter table t alter column a type bigint using a::bigint, alter b set data type text collate \"C\"", "ALTER TABLE t ALTER COLUMN a TYPE bigint USING (a)::bigint, ALTER COLUMN b TYPE text COLLATE \"C\""},
	{"alter table t alter a set default 1, alter b drop default, alter c set not null, alter d drop not null", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1, ALTER COLUMN b DROP DEFAULT, ALTER COLUMN c SET NOT NULL, ALTER COLUMN d DROP NOT NULL"},
	{"alter table t add constraint c check (a > 0) not valid, add unique (a), add foreign key (a) references u", "ALTER TABLE t ADD CONSTRAINT c CHECK ((a > 0)) NOT VALID, ADD UNIQUE (a), ADD FOREIGN KEY (a) REFERENCES u"},
	{"alter table t drop constraint if exists c restrict", "ALTER TABLE t DROP CONSTRAINT IF EXISTS c RESTRICT"},
	{"alter table t validate constraint c", "ALTER TABLE t VALIDATE CONSTRAINT c"},
	{"alter table t rename to u", "ALTER TABLE t RENAME TO u"},
	{"alter table t rename a to b", "ALTER TABLE t RENAME COLUMN a TO b"},
	{"alter table t rename column a to b", "ALTER TABLE t RENAME COLUMN a TO b"},
	{"alter table t rename constraint a to b", "ALTER TABLE t RENAME CONSTRAINT a TO b"},
	{"alter table t set schema s", "ALTER TABLE t SET SCHEMA s"},
	{"alter table t alter column a add generated always as identity", "ALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY"},
	{"alter table t alter column a drop identity if exists", "ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS"},
	{"alter table t alter column a drop expression if exists", "ALTER TABLE t ALTER COLUMN a DROP EXPRESSION IF EXISTS"},
	{"alter table t alter column a drop expression", "ALTER TABLE t ALTER COLUMN a DROP EXPRESSION"},
	{"alter table t alter column a set generated by default set increment by 2 restart with 3", "ALTER TABLE t ALTER COLUMN a SET GENERATED BY DEFAULT SET INCREMENT 2 RESTART 3"},
	{"alter table t set (fillfactor = 50)", "ALTER TABLE t SET (fillfactor = 50)"},
	{"alter view v rename to w", "ALTER VIEW v RENAME TO w"},
	{"alter materialized view if exists mv rename column a to b", "ALTER MATERIALIZED VIEW IF EXISTS mv RENAME COLUMN a TO b"},
	{"alter index i rename to j", "ALTER INDEX i RENAME TO j"},
	{"create user u with password 'p''q' superuser", "CREATE USER u PASSWORD 'p''q' SUPERUSER"},
	{"create role \"R\" encrypted password 'p' in role a, b admin c sysid 5 connection limit -1 valid until '2030-01-01' nologin",
		"CREATE ROLE \"R\" PASSWORD 'p' IN ROLE a, b ADMIN c SYSID 5 CONNECTION LIMIT -1 VALID UNTIL '2030-01-01' NOLOGIN"},
	{"alter role r with nosuperuser inherit password null user a", "ALTER ROLE r NOSUPERUSER INHERIT PASSWORD NULL USER a"},
	{"drop user if exists a, \"B\"", "DROP USER IF EXISTS a, \"B\""},
	{"drop role r", "DROP ROLE r"},
	{"alter view v owner to current_user", "ALTER VIEW v OWNER TO CURRENT_USER"},
	{"alter materialized view public.m rename a to b", "ALTER MATERIALIZED VIEW public.m RENAME COLUMN a TO b"},
	{"alter index if exists i owner to \"R\"", "ALTER INDEX IF EXISTS i OWNER TO \"R\""},
	{"alter sequence s owner to session_user", "ALTER SEQUENCE s OWNER TO SESSION_USER"},
	{"refresh materialized view concurrently public.m with no data", "REFRESH MATERIALIZED VIEW CONCURRENTLY public.m WITH NO DATA"},
	{"drop table t", "DROP TABLE t"},
	{"drop table if exists t, s.u cascade", "DROP TABLE IF EXISTS t, s.u CASCADE"},
	{"drop view v restrict", "DROP VIEW v RESTRICT"},
	{"drop materialized view mv", "DROP MATERIALIZED VIEW mv"},
	{"drop index concurrently if exists i", "DROP INDEX CONCURRENTLY IF EXISTS i"},
	{"drop sequence s", "DROP SEQUENCE s"},
	{"truncate t", "TRUNCATE t"},
	{"truncate table t, u restart identity cascade", "TRUNCATE t, u RESTART IDENTITY CASCADE"},
	{"truncate t continue identity restrict", "TRUNCATE t RESTRICT"},
	{"begin", "BEGIN"},
	{"begin work", "BEGIN"},
	{"begin transaction isolation level serializable, read only", "BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY"},
	{"start transaction read write not deferrable", "START TRANSACTION READ WRITE, NOT DEFERRABLE"},
	{"start transaction isolation level repeatable read deferrable", "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, DEFERRABLE"},
	{"commit", "COMMIT"},
	{"end", "COMMIT"},
	{"commit and chain", "COMMIT AND CHAIN"},
	{"commit transaction and no chain", "COMMIT"},
	{"rollback", "ROLLBACK"},
	{"abort", "ROLLBACK"},
	{"rollback and chain", "ROLLBACK AND CHAIN"},
	{"savepoint s", "SAVEPOINT s"},
	{"release s", "RELEASE SAVEPOINT s"},
	{"release savepoint s", "RELEASE SAVEPOINT s"},
	{"rollback to s", "ROLLBACK TO SAVEPOINT s"},
	{"rollback work to savepoint s", "ROLLBACK TO SAVEPOINT s"},
	{"set x = 1", "SET x TO 1"},
	{"set local search_path to a, \"B\", 'c'", "SET LOCAL search_path TO 'a', 'B', 'c'"},
	{"set session x.y to default", "SET x.y TO DEFAULT"},
	{"set timezone from current", "SET timezone FROM CURRENT"},
	{"set time zone 'UTC'", "SET timezone TO 'UTC'"},
	{"set time zone local", "SET timezone TO DEFAULT"},
	{"set time zone -5", "SET timezone TO -5"},
	{"set time zone interval '+02:00' hour to minute", "SET TIME ZONE INTERVAL '+02:00' hour to minute"},
	{"set names 'UTF8'", "SET client_encoding TO 'UTF8'"},
	{"set schema 'public'", "SET search_path TO 'public'"},
	{"set role admin", "SET role TO 'admin'"},
	{"set session authorization default", "SET session_authorization TO DEFAULT"},
	{"set transaction isolation level read committed", "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"},
	{"set session characteristics as transaction read only", "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"},
	{"set enable_seqscan = off", "SET enable_seqscan TO 'off'"},
	{"set x = true", "SET x TO 'true'"},
	{"set constraints all deferred", "SET CONSTRAINTS ALL DEFERRED"},
	{"set constraints a, s.b immediate", "SET CONSTRAINTS a, s.b IMMEDIATE"},
	{"show x", "SHOW x"},
	{"show all", "SHOW ALL"},
	{"show time zone", "SHOW timezone"},
	{"show transaction isolation level", "SHOW transaction_isolation"},
	{"reset x.y", "RESET x.y"},
	{"reset all", "RESET ALL"},
	{"reset session authorization", "RESET session_authorization"},
	{"prepare p as select $1", "PREPARE p AS SELECT $1"},
	{"prepare p (int, text) as insert into t values ($1, $2)", "PREPARE p (int, text) AS INSERT INTO t VALUES ($1, $2)"},
	{"execute p", "EXECUTE p"},
	{"execute p (1, 'a' || 'b')", "EXECUTE p(1, ('a' || 'b'))"},
	{"deallocate p", "DEALLOCATE p"},
	{"deallocate prepare all", "DEALLOCATE ALL"},
	{"explain select 1", "EXPLAIN SELECT 1"},
	{"explain analyze verbose select 1", "EXPLAIN (\"analyze\", \"verbose\") SELECT 1"},
	{"explain (analyze, format json, costs false, buffers) update t set a = 1", "EXPLAIN (\"analyze\", format 'json', costs 'false', buffers) UPDATE t SET a = 1"},
	{"explain (select 1)", "EXPLAIN SELECT 1"},
	{"explain execute p(1)", "EXPLAIN EXECUTE p(1)"},
	{"explain create table t2 as select 1", "EXPLAIN CREATE TABLE t2 AS SELECT 1"},
	{"explain (costs off) select a into t2 from t", "EXPLAIN (costs 'off') SELECT a INTO t2 FROM t"},
	{"explain declare c cursor for select 1", "EXPLAIN DECLARE c CURSOR FOR SELECT 1"},
	{"explain create materialized view v as select 1", "EXPLAIN CREATE MATERIALIZED VIEW v AS SELECT 1"},
	{"explain (analyze maybe) values (1)", "EXPLAIN (\"analyze\" 'maybe') VALUES (1)"},
	{"copy (select 1 into x) to stdout", "COPY (SELECT 1 INTO x) TO STDOUT"},
	{"copy (insert into t values (1) returning a) to stdout", "COPY (INSERT INTO t VALUES (1) RETURNING a) TO STDOUT"},
	{"declare c cursor for select 1", "DECLARE c CURSOR FOR SELECT 1"},
	{"declare c binary insensitive scroll cursor with hold for select 1", "DECLARE c BINARY INSENSITIVE SCROLL CURSOR WITH HOLD FOR SELECT 1"},
	{"declare c no scroll cursor without hold for select 1", "DECLARE c NO SCROLL CURSOR FOR SELECT 1"},
	{"fetch c", "FETCH FORWARD 1 FROM c"},
	{"fetch next from c", "FETCH FORWARD 1 FROM c"},
	{"fetch prior in c", "FETCH BACKWARD 1 FROM c"},
	{"fetch first c", "FETCH ABSOLUTE 1 FROM c"},
	{"fetch last from c", "FETCH ABSOLUTE -1 FROM c"},
	{"fetch absolute -2 from c", "FETCH ABSOLUTE -2 FROM c"},
	{"fetch relative 3 c", "FETCH RELATIVE 3 FROM c"},
	{"fetch 5 from c", "FETCH FORWARD 5 FROM c"},
	{"fetch -1 c", "FETCH FORWARD -1 FROM c"},
	{"fetch all c", "FETCH FORWARD ALL FROM c"},
	{"fetch forward c", "FETCH FORWARD 1 FROM c"},
	{"fetch forward 2 from c", "FETCH FORWARD 2 FROM c"},
	{"fetch backward all in c", "FETCH BACKWARD ALL FROM c"},
	{"move c", "MOVE FORWARD 1 FROM c"},
	{"move backward 2 c", "MOVE BACKWARD 2 FROM c"},
	{"close c", "CLOSE c"},
	{"close all", "CLOSE ALL"},
	{"listen ch", "LISTEN ch"},
	{"unlisten ch", "UNLISTEN ch"},
	{"unlisten *", "UNLISTEN *"},
	{"notify ch", "NOTIFY ch"},
	{"notify ch, 'payload'", "NOTIFY ch, 'payload'"},
	{"copy t from stdin", "COPY t FROM STDIN"},
	{"copy t (a, b) to stdout with (format csv, header)", "COPY t (a, b) TO STDOUT WITH (format 'csv', header)"},
	{"copy t from '/tmp/x' csv header delimiter as ';' null ''", "COPY t FROM '/tmp/x' WITH (format 'csv', header 'true', delimiter ';', \"null\" '')"},
	{"copy (select 1) to program 'cat'", "COPY (SELECT 1) TO PROGRAM 'cat'"},
	{"copy binary t to stdout", "COPY t TO STDOUT WITH (format 'binary')"},
	{"copy t from stdin where a > 1", "COPY t FROM STDIN WHERE (a > 1)"},
	{"vacuum", "VACUUM"},
	{"vacuum full freeze verbose analyze t (a), u", "VACUUM (\"full\", \"freeze\", \"verbose\", \"analyze\") t (a), u"},
	{"vacuum (analyze, verbose) t", "VACUUM (\"analyze\", \"verbose\") t"},
	{"analyze", "ANALYZE"},
	{"analyze verbose t", "ANALYZE (\"verbose\") t"},
	{"analyze (skip_locked) t (a, b)", "ANALYZE (skip_locked) t (a, b)"},
	{"refresh materialized view mv", "REFRESH MATERIALIZED VIEW mv"},
	{"refresh materialized view concurrently s.mv with no data", "REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv WITH NO DATA"},
	{"checkpoint", "CHECKPOINT"},
	{"discard all", "DISCARD ALL"},
	{"discard temporary", "DISCARD TEMP"},
	{"DISCARD Plans", "DISCARD PLANS"},
	{"discard sequences", "DISCARD SEQUENCES"},
	{"lock t", "LOCK TABLE t"},
	{"lock table s.t *, only (u) in share row exclusive mode nowait", "LOCK TABLE s.t, u IN SHARE ROW EXCLUSIVE MODE NOWAIT"},
	{"lock t in access share mode", "LOCK TABLE t IN ACCESS SHARE MODE"},
	{"lock t in row exclusive mode", "LOCK TABLE t IN ROW EXCLUSIVE MODE"},
	{"lock t in share update exclusive mode", "LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE"},
	{"lock t in share mode", "LOCK TABLE t IN SHARE MODE"},
	{"lock t in exclusive mode nowait", "LOCK TABLE t IN EXCLUSIVE MODE NOWAIT"},
	{"comment on table s.t is 'it''s'", "COMMENT ON TABLE s.t IS 'it''s'"},
	{"comment on materialized view \"M\" is null", "COMMENT ON MATERIALIZED VIEW \"M\" IS NULL"},
	{"comment on column t.a is ''", "COMMENT ON COLUMN t.a IS ''"},
	{"comment on constraint c on domain d is 'x'", "COMMENT ON CONSTRAINT c ON DOMAIN d IS 'x'"},
	{"comment on index i is 'x'", "COMMENT ON INDEX i IS 'x'"},
	{"insert into t values (default + 1, -default, default::int)", "INSERT INTO t VALUES ((DEFAULT + 1), (- DEFAULT), (DEFAULT)::int)"},
	{"select into unlogged t from u", "SELECT INTO UNLOGGED t FROM u"},
	{"select a, b into temp table s.t from u where x", "SELECT a, b INTO TEMP s.t FROM u WHERE x"},
}

// TestStatements: each statement prints as expected and the print parses back to an equal
// tree.
func TestStatements(t *testing.T) {
	for _, c := range statementCases {
		list, err := Parse(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if len(list) != 1 {
			t.Errorf("%s: %d statements", c.in, len(list))
			continue
		}
		got := ast.Print(list[0], ast.SQL)
		if got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
		again, err := Parse(got)
		if err != nil || len(again) != 1 || ast.Print(again[0], ast.SQL) != got {
			t.Errorf("%s: %s does not read back: %v", c.in, got, err)
		}
	}
}

// statementErrors are PostgreSQL 15's syntax errors in statements, with its message and
// position (a byte offset; TestStatementErrorsOnPostgres checks them on PostgreSQL).
var statementErrors = []struct {
	in, msg string
	pos     int
}{
	{"insert into t", "syntax error at end of input", 13},
	{"insert t values (1)", "syntax error at or near \"t\"", 7},
	{"insert into t (a values (1)", "syntax error at or near \"values\"", 17},
	{"insert into t (a) default values", "syntax error at or near \"default\"", 18},
	{"insert into t values (1) on conflict do", "syntax error at end of input", 39},
	{"insert into t values (1) on conflict (a) do update", "syntax error at end of input", 50},
	{"insert into t values (1) returning", "syntax error at end of input", 34},
	{"update t set", "syntax error at end of input", 12},
	{"update t set a", "syntax error at end of input", 14},
	{"update t set a = 1 where current c", "syntax error at or near \"c\"", 33},
	{"update t a b set x = 1", "syntax error at or near \"b\"", 11},
	{"delete t", "syntax error at or near \"t\"", 7},
	{"delete from t using", "syntax error at end of input", 19},
	{"delete from t where current of", "syntax error at end of input", 30},
	{"create table t (a int,)", "syntax error at or near \")\"", 22},
	{"create table t (a)", "syntax error at end of input", 18},
	{"create table t (a int not)", "syntax error at or near \")\"", 25},
	{"create table t (a int references)", "syntax error at or near \")\"", 32},
	{"create table t (a int check a > 0)", "syntax error at or near \"a\"", 28},
	{"create table t (a int generated by default as (a) stored)", "for a generated column, GENERATED ALWAYS must be specified", 32},
	{"create table t (a int, unique (a) deferrable not deferrable)", "conflicting constraint properties", 45},
	{"create table t (a int, primary key (a) initially deferred not deferrable)", "constraint declared INITIALLY DEFERRED must be DEFERRABLE", 58},
	{"create table t as", "syntax error at end of input", 17},
	{"create table t (a int) on commit", "syntax error at end of input", 32},
	{"create index i on t", "syntax error at end of input", 19},
	{"create index i on t ()", "syntax error at or near \")\"", 21},
	{"create view v", "syntax error at end of input", 13},
	{"create view v as", "syntax error at end of input", 16},
	{"create or replace table t (a int)", "syntax error at or near \"table\"", 18},
	{"create sequence s increment by x", "syntax error at or near \"x\"", 31},
	{"create sequence s as int[]", "syntax error at or near \"[\"", 24}, // AS SimpleTypename
	{"alter table t", "syntax error at end of input", 13},
	{"alter table t add", "syntax error at end of input", 17},
	{"alter table t alter column a type", "syntax error at end of input", 33},
	{"alter table t drop", "syntax error at end of input", 18},
	{"alter table t rename to", "syntax error at end of input", 23},
	{"drop table", "syntax error at end of input", 10},
	{"drop table if t", "syntax error at or near \"t\"", 14},
	{"drop temporary table t", "syntax error at or near \"temporary\"", 5},
	{"drop foo t", "syntax error at or near \"foo\"", 5},
	{"truncate", "syntax error at end of input", 8},
	{"begin isolation level", "syntax error at end of input", 21},
	{"begin read", "syntax error at end of input", 10},
	{"commit and", "syntax error at end of input", 10},
	{"rollback to", "syntax error at end of input", 11},
	{"savepoint", "syntax error at end of input", 9},
	{"set", "syntax error at end of input", 3},
	{"set x", "syntax error at end of input", 5},
	{"set x to", "syntax error at end of input", 8},
	{"set time zone", "syntax error at end of input", 13},
	{"set time zone interval '1' day", "time zone interval must be HOUR or HOUR TO MINUTE", 27},
	{"set transaction", "syntax error at end of input", 15},
	{"show", "syntax error at end of input", 4},
	{"reset", "syntax error at end of input", 5},
	{"prepare p", "syntax error at end of input", 9},
	{"prepare p as", "syntax error at end of input", 12},
	{"execute", "syntax error at end of input", 7},
	{"deallocate", "syntax error at end of input", 10},
	{"explain", "syntax error at end of input", 7},
	{"explain analyze", "syntax error at end of input", 15},
	{"declare c for select 1", "syntax error at or near \"for\"", 10},
	{"declare c cursor select 1", "syntax error at or near \"select\"", 17},
	{"fetch", "syntax error at end of input", 5},
	{"fetch forward from", "syntax error at end of input", 18},
	{"fetch absolute c", "syntax error at or near \"c\"", 15},
	{"close", "syntax error at end of input", 5},
	{"listen", "syntax error at end of input", 6},
	{"notify", "syntax error at end of input", 6},
	{"notify ch, 1", "syntax error at or near \"1\"", 11},
	{"copy t", "syntax error at end of input", 6},
	{"copy t from", "syntax error at end of input", 11},
	{"copy (select 1) from stdin", "syntax error at or near \"from\"", 16},
	{"vacuum t (", "syntax error at end of input", 10},
	{"refresh materialized mv", "syntax error at or near \"mv\"", 21},
	{"explain (all) select 1", "syntax error at or near \"all\"", 9},
	{"vacuum (select) t", "syntax error at or near \"select\"", 8},
	{"alter table t reset (a b)", "syntax error at or near \"b\"", 23},
	{"insert into t values (1) on conflict (a) do nothing returning", "syntax error at end of input", 61},
	{"select default(x)", "syntax error at or near \"(\"", 14},
	{"select 1 between default and 2", "syntax error at or near \"default\"", 17},
	{"checkpoint now", "syntax error at or near \"now\"", 11},
	{"discard", "syntax error at end of input", 7},
	{"discard \"all\"", "syntax error at or near \"\"all\"\"", 8},
	{"discard all plans", "syntax error at or near \"plans\"", 12},
	{"lock", "syntax error at end of input", 4},
	{"lock table", "syntax error at end of input", 10},
	{"lock t in", "syntax error at end of input", 9},
	{"lock t in share", "syntax error at end of input", 15},
	{"lock t in share row mode", "syntax error at or near \"mode\"", 20},
	{"lock t in access mode", "syntax error at or near \"mode\"", 17},
	{"lock t in row update mode", "syntax error at or near \"update\"", 14},
	{"lock t mode", "syntax error at or near \"mode\"", 7},
	{"lock t nowait x", "syntax error at or near \"x\"", 14},
	{"lock t, ", "syntax error at end of input", 8},
	{"comment", "syntax error at end of input", 7},
	{"comment on", "syntax error at end of input", 10},
	{"comment on table t", "syntax error at end of input", 18},
	{"comment on table t is", "syntax error at end of input", 21},
	{"comment on table t is 1", "syntax error at or near \"1\"", 22},
	{"comment on foo t is 'x'", "syntax error at or near \"foo\"", 11},
	{"comment on constraint c t is 'x'", "syntax error at or near \"t\"", 24},
	{"comment on materialized t is 'x'", "syntax error at or near \"t\"", 24},
	{"comment on table t is 'a' 'b'", "syntax error at or near \"'b'\"", 26},
	{"alter index i rename j to k", "syntax error at or near \"j\"", 21},
	{"alter sequence s rename column a to b", "syntax error at or near \"column\"", 24},
	{"alter view v rename constraint a to b", "syntax error at or near \"constraint\"", 20},
	{"alter view v rename to public.w", "syntax error at or near \".\"", 29},
	{"alter index if exists only i rename to j", "syntax error at or near \"only\"", 22},
	{"refresh materialized view m with", "syntax error at end of input", 32},
	{"refresh view m", "syntax error at or near \"view\"", 8},
	{"create user u password", "syntax error at end of input", 22},
	{"create role r with password 'p' superuser sysid", "syntax error at end of input", 47},
	{"alter role r admin a", "syntax error at or near \"admin\"", 13},
	{"alter user u in role a", "syntax error at or near \"role\"", 16},
	{"drop role", "syntax error at end of input", 9},
	{"drop user a b", "syntax error at or near \"b\"", 12},
	{"create role r connection 5", "syntax error at or near \"5\"", 25},
	{"refresh materialized view m, n", "syntax error at or near \",\"", 27},
}

// A text that is not UTF-8 is PostgreSQL's 22021 (its server checks the encoding before
// parsing), at the first invalid byte: an identifier of invalid bytes is not cut to "".
func TestInvalidUTF8(t *testing.T) {
	_, err := Parse("SELECT a\x99\x99 FROM t")
	var e *Error
	if !errors.As(err, &e) || e.Code != "22021" || e.Pos != 8 || e.Message != `invalid byte sequence for encoding "UTF8": 0x99` {
		t.Errorf("got %v (%+v)", err, e)
	}
}

func TestStatementErrors(t *testing.T) {
	for _, c := range statementErrors {
		_, err := Parse(c.in)
		var e *Error
		if !errors.As(err, &e) || e.Code != "42601" || e.Error() != c.msg || e.Pos != c.pos {
			t.Errorf("%s: got %v, want %s at %d", c.in, err, c.msg, c.pos)
		}
	}
}

// TestStatementErrorsOnPostgres: PostgreSQL 15 answers statementErrors as the table says.
// Each follows `SELECT 1/0;` in one simple query: PostgreSQL parses the whole string first,
// so the error is its grammar's, whatever the catalog holds.
func TestStatementErrorsOnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	const prefix = "SELECT 1/0;\n"
	for _, tc := range statementErrors {
		_, err := c.Exec(context.Background(), prefix+tc.in).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "42601" || pe.Message != tc.msg || int(pe.Position)-len(prefix)-1 != tc.pos {
			t.Errorf("%q: PostgreSQL answers %v (position %d), the table says %s at %d", tc.in, err, pePos(pe), tc.msg, tc.pos)
		}
	}
}

// BenchmarkPgbench reads pgbench's statements (TPC-B-like, with parameters as pgbench -M
// extended sends them).
func BenchmarkPgbench(b *testing.B) {
	for _, c := range []struct{ name, q string }{
		{"update_accounts", "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2"},
		{"select_accounts", "SELECT abalance FROM pgbench_accounts WHERE aid = $1"},
		{"update_tellers", "UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2"},
		{"insert_history", "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				if _, err := Parse(c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Data-modifying statements nested in WITH count toward MaxDepth: 54001, not a stack overflow.
func TestStatementDepth(t *testing.T) {
	n := MaxDepth + 1
	q := strings.Repeat("WITH a AS (INSERT INTO t ", n) + "VALUES (1)" + strings.Repeat(") SELECT 1", n)
	_, err := Parse(q)
	var e *Error
	if !errors.As(err, &e) || e.Code != "54001" {
		t.Errorf("got %v, want 54001", err)
	}
}
