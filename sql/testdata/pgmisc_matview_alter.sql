# ALTER MATERIALIZED VIEW ... RENAME TO and RENAME [COLUMN] ... TO.
statement ok
CREATE TABLE pma (id int PRIMARY KEY, v int)

statement ok
INSERT INTO pma VALUES (1, 10), (2, 20)

statement ok
CREATE MATERIALIZED VIEW pmv AS SELECT id, v * 2 AS dv FROM pma

statement ok
ALTER MATERIALIZED VIEW pmv RENAME TO pmv2

statement error 42P01
SELECT * FROM pmv

query
SELECT id, dv FROM pmv2 ORDER BY id
----
1|20
2|40
tag: SELECT 2

statement ok
ALTER MATERIALIZED VIEW pmv2 RENAME COLUMN dv TO doubled

statement ok
ALTER MATERIALIZED VIEW public.pmv2 RENAME id TO ident

query
SELECT ident, doubled FROM pmv2 ORDER BY ident
----
1|20
2|40
tag: SELECT 2

statement error 42703
SELECT dv FROM pmv2

statement ok
INSERT INTO pma VALUES (3, 30)

statement ok
REFRESH MATERIALIZED VIEW pmv2

query
SELECT * FROM pmv2 ORDER BY ident
----
1|20
2|40
3|60
tag: SELECT 3

query
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'pmv%' ORDER BY relname
----
pmv2|m
tag: SELECT 1

query
SELECT attname FROM pg_attribute WHERE attrelid = 'pmv2'::regclass AND attnum > 0 ORDER BY attnum
----
ident
doubled
tag: SELECT 2

statement ok
ALTER MATERIALIZED VIEW IF EXISTS nosuchmv RENAME TO other

statement ok
ALTER MATERIALIZED VIEW IF EXISTS nosuchmv RENAME COLUMN a TO b

statement error 42P01
ALTER MATERIALIZED VIEW nosuchmv RENAME TO other

statement error 42809
ALTER MATERIALIZED VIEW pma RENAME TO other

statement error 42P07
ALTER MATERIALIZED VIEW pmv2 RENAME TO pma

statement error 42703
ALTER MATERIALIZED VIEW pmv2 RENAME COLUMN nosuch TO x

statement error 42701
ALTER MATERIALIZED VIEW pmv2 RENAME COLUMN ident TO doubled

statement error 42601
ALTER MATERIALIZED VIEW pmv2 RENAME COLUMN ident

statement ok
DROP MATERIALIZED VIEW pmv2

statement error 42P01
SELECT * FROM pmv2
