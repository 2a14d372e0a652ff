# corr3: CREATE TABLE AS whose query starts with a data-modifying WITH runs the WITH's
# INSERT/UPDATE/DELETE (as SELECT INTO does) and fills the table from the main query; WITH NO
# DATA runs none of it. A view or materialized view refuses such a query (0A000), and one
# below the top level is refused everywhere (ctas.go, view_stmt.go, cte_modify.go).
statement ok
CREATE TABLE corr3_t (a int)

statement ok
INSERT INTO corr3_t VALUES (1), (2), (3), (4)

query
CREATE TABLE corr3_x AS WITH d AS (DELETE FROM corr3_t WHERE a = 1 RETURNING *) SELECT * FROM d
----
tag: SELECT 1

query
SELECT a FROM corr3_t ORDER BY a
----
2
3
4
tag: SELECT 3

query
SELECT a FROM corr3_x
----
1
tag: SELECT 1

query
WITH d AS (DELETE FROM corr3_t WHERE a = 2 RETURNING *) SELECT * INTO corr3_y FROM d
----
tag: SELECT 1

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
tag: SELECT 2

query
SELECT a FROM corr3_y
----
2
tag: SELECT 1

query
CREATE TABLE corr3_nd AS WITH d AS (DELETE FROM corr3_t WHERE a = 3 RETURNING *) SELECT * FROM d WITH NO DATA
----
tag: CREATE TABLE AS

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
tag: SELECT 2

query
SELECT count(*) FROM corr3_nd
----
0
tag: SELECT 1

query
CREATE TABLE corr3_z (b) AS WITH i AS (INSERT INTO corr3_t VALUES (7), (8) RETURNING *) SELECT a FROM i ORDER BY a DESC LIMIT 1
----
tag: SELECT 1

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
7
8
tag: SELECT 4

query
SELECT b FROM corr3_z
----
8
tag: SELECT 1

query
CREATE TABLE corr3_u AS WITH u AS (UPDATE corr3_t SET a = a * 10 WHERE a = 7 RETURNING a), i AS (INSERT INTO corr3_t VALUES (9) RETURNING a) SELECT 'x' AS k
----
tag: SELECT 1

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
8
9
70
tag: SELECT 5

query
SELECT k FROM corr3_u
----
x
tag: SELECT 1

query
CREATE TABLE IF NOT EXISTS corr3_x AS WITH d AS (DELETE FROM corr3_t RETURNING *) SELECT * FROM d
----
tag: CREATE TABLE AS

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
8
9
70
tag: SELECT 5

statement error 42P07
CREATE TABLE corr3_x AS WITH d AS (DELETE FROM corr3_t RETURNING *) SELECT * FROM d

statement error 42P01
CREATE TABLE corr3_e AS WITH d AS (DELETE FROM corr3_nosuch RETURNING *) SELECT * FROM d

statement ok
BEGIN

query
CREATE TABLE corr3_r AS WITH d AS (DELETE FROM corr3_t WHERE a = 4 RETURNING *) SELECT * FROM d
----
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
8
9
70
tag: SELECT 5

statement error 42P01
SELECT * FROM corr3_r

statement error 0A000
CREATE TABLE corr3_e AS SELECT * FROM (WITH d AS (DELETE FROM corr3_t RETURNING *) SELECT * FROM d) s

statement error 0A000
CREATE MATERIALIZED VIEW corr3_mv AS WITH d AS (DELETE FROM corr3_t WHERE a = 4 RETURNING *) SELECT * FROM d

statement error 0A000
CREATE MATERIALIZED VIEW corr3_mv AS WITH d AS (DELETE FROM corr3_t WHERE a = 4 RETURNING *) SELECT * FROM d WITH NO DATA

statement error 42P01
CREATE MATERIALIZED VIEW corr3_mv AS WITH d AS (DELETE FROM corr3_nosuch RETURNING *) SELECT * FROM d

statement error 0A000
CREATE VIEW corr3_v AS WITH d AS (DELETE FROM corr3_t WHERE a = 4 RETURNING *) SELECT * FROM d

statement error 0A000
CREATE VIEW corr3_v AS SELECT * FROM (WITH d AS (DELETE FROM corr3_t RETURNING *) SELECT * FROM d) s

query
SELECT a FROM corr3_t ORDER BY a
----
3
4
8
9
70
tag: SELECT 5

statement error 42P01
SELECT * FROM corr3_mv

statement ok
DROP TABLE corr3_t, corr3_x, corr3_y, corr3_nd, corr3_z, corr3_u

# DROP of a system relation (drop_system.go): of the wrong kind 42809, as PostgreSQL (it was
# 42P01: drove looked for a user relation of that name); DROP TABLE of a system table 42501.
statement error 42809
DROP SEQUENCE pg_catalog.pg_class

statement error 42809
DROP SEQUENCE pg_class

statement error 42809
DROP SEQUENCE IF EXISTS pg_catalog.pg_class

statement error 42809
DROP VIEW pg_catalog.pg_class

statement error 42809
DROP VIEW IF EXISTS pg_class

statement error 42809
DROP INDEX pg_catalog.pg_class

statement error 42809
DROP MATERIALIZED VIEW pg_catalog.pg_class

statement error 42501
DROP TABLE pg_catalog.pg_class

statement error 42501
DROP TABLE IF EXISTS pg_class

statement error 42809
DROP TABLE pg_catalog.pg_tables

statement error 42809
DROP TABLE IF EXISTS information_schema.tables

statement error 42809
DROP SEQUENCE pg_tables

statement error 42809
DROP INDEX information_schema.tables

statement error 42809
DROP MATERIALIZED VIEW IF EXISTS pg_catalog.pg_views

statement error 42809
DROP TABLE pg_catalog.pg_tables, pg_catalog.pg_class

statement error 42501
DROP TABLE pg_catalog.pg_class, pg_catalog.pg_tables

statement error 42P01
DROP TABLE corr3_nosuch, pg_catalog.pg_class

statement error 42P01
DROP TABLE public.pg_class

statement error 42P01
DROP SEQUENCE public.pg_class

statement error 42P01
DROP VIEW pg_catalog.corr3_nosuch

# deviation: PostgreSQL's superuser drops a system view; drove's are built in (42501, as
# PostgreSQL answers a user who does not own it).
statement error 42501
DROP VIEW pg_catalog.pg_tables

# deviation: as above
statement error 42501
DROP VIEW information_schema.tables

# An index named in CREATE INDEX on a temporary table is in the session's temporary schema
# (temp_index.go): a permanent relation of its name may exist, and DROP INDEX, ALTER INDEX
# and regclass find the temporary one first, as pg_temp comes first in the search path.
statement ok
CREATE TEMP TABLE corr3_tt (a int)

statement ok
CREATE INDEX corr3_tti ON corr3_tt (a)

statement ok
CREATE INDEX ON corr3_tt (a)

query
SELECT schemaname ~ '^pg_temp' AS tmp, tablename, indexname, indexdef FROM pg_indexes WHERE tablename = 'corr3_tt' ORDER BY indexname
----
t|corr3_tt|corr3_tt_a_idx|CREATE INDEX corr3_tt_a_idx ON pg_temp.corr3_tt USING btree (a)
t|corr3_tt|corr3_tti|CREATE INDEX corr3_tti ON pg_temp.corr3_tt USING btree (a)
tag: SELECT 2

query
SELECT c.relname, n.nspname ~ '^pg_temp' AS tmp, c.relkind, c.relpersistence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname LIKE 'corr3_tt%' ORDER BY 1
----
corr3_tt|t|r|t
corr3_tt_a_idx|t|i|t
corr3_tti|t|i|t
tag: SELECT 3

statement ok
CREATE TABLE corr3_pt (a int)

statement ok
CREATE INDEX corr3_tti ON corr3_pt (a)

statement error 42P07
CREATE INDEX corr3_tti ON corr3_pt (a)

statement error 42P07
CREATE INDEX corr3_tti ON corr3_tt (a)

query
SELECT schemaname ~ '^pg_temp' AS tmp, tablename FROM pg_indexes WHERE indexname = 'corr3_tti' ORDER BY 1
----
f|corr3_pt
t|corr3_tt
tag: SELECT 2

query
SELECT 'corr3_tti'::regclass::oid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'corr3_tti' AND n.nspname ~ '^pg_temp')
----
t
tag: SELECT 1

statement ok
COMMENT ON INDEX corr3_tti IS 'temp index'

query
SELECT obj_description('corr3_tti'::regclass, 'pg_class')
----
temp index
tag: SELECT 1

statement ok
ALTER INDEX corr3_tti RENAME TO corr3_tti2

query
SELECT schemaname ~ '^pg_temp' AS tmp, tablename, indexname FROM pg_indexes WHERE indexname LIKE 'corr3_tti%' ORDER BY 1
----
f|corr3_pt|corr3_tti
t|corr3_tt|corr3_tti2
tag: SELECT 2

statement ok
DROP INDEX corr3_tti2

statement ok
DROP INDEX corr3_tt_a_idx

query
SELECT schemaname ~ '^pg_temp' AS tmp, tablename, indexname FROM pg_indexes WHERE indexname LIKE 'corr3_tt%' ORDER BY 1
----
f|corr3_pt|corr3_tti
tag: SELECT 1

statement ok
DROP TABLE corr3_pt, corr3_tt
