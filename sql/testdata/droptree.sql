# DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX, SEQUENCE and TRUNCATE run from sql/parser's
# tree (drop_tree.go): names are read as PostgreSQL reads them (a quoted name holding a dot is
# one name; a qualified name may have spaces around its dot), and what the dialect pass's
# parsers answered otherwise.
statement ok
CREATE TABLE dt1 (a int PRIMARY KEY, b int)

statement ok
INSERT INTO dt1 VALUES (1, 1), (2, 2)

statement ok
CREATE INDEX "dt.i" ON dt1 (b)

statement ok
DROP INDEX "dt.i"

statement error 42704
DROP INDEX "nos.i"

statement ok
DROP INDEX IF EXISTS "nos.i"

statement ok
TRUNCATE public . dt1

query
SELECT count(*) FROM dt1
----
0
tag: SELECT 1

statement error 42601
TRUNCATE TABLE ONLY public.dt1 *

statement ok
CREATE SEQUENCE dts

statement ok
DROP SEQUENCE public . dts

statement ok
CREATE VIEW dtv AS SELECT 1 AS x

statement ok
DROP VIEW public . dtv

statement ok
CREATE MATERIALIZED VIEW dtm AS SELECT 1 AS x

statement ok
BEGIN READ ONLY

statement error 25006
DROP MATERIALIZED VIEW dtm

statement ok
ROLLBACK

statement ok
DROP MATERIALIZED VIEW public . dtm

statement error 0A000
DROP INDEX CONCURRENTLY dt1_pkey, dt1_b_idx

statement ok
DROP TABLE public . dt1

statement error 42601
DROP TABLE

statement error 42601
DROP TABLE x y

statement error 42601
TRUNCATE
