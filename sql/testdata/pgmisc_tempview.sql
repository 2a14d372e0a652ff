# Temporary views: the session's own (other sessions and disconnects: view_temp_test.go).
statement ok
CREATE TABLE ptv (id int PRIMARY KEY, v int)

statement ok
INSERT INTO ptv VALUES (1, 10), (2, 20), (3, 30)

statement ok
CREATE TEMP VIEW tv1 AS SELECT id, v FROM ptv WHERE v > 10

query
SELECT * FROM tv1 ORDER BY id
----
2|20
3|30
tag: SELECT 2

statement ok
CREATE OR REPLACE TEMPORARY VIEW tv1 AS SELECT id, v, v * 2 AS w FROM ptv WHERE v > 10

query
SELECT * FROM tv1 ORDER BY id
----
2|20|40
3|30|60
tag: SELECT 2

statement error 42P16
CREATE OR REPLACE TEMP VIEW tv1 AS SELECT id FROM ptv

statement error 42P07
CREATE TEMP VIEW tv1 AS SELECT 1

statement ok
CREATE TEMP VIEW ptv AS SELECT 42 AS id

query
SELECT * FROM ptv
----
42
tag: SELECT 1

query
SELECT count(*) FROM public.ptv
----
3
tag: SELECT 1

statement ok
DROP VIEW ptv

query
SELECT count(*) FROM ptv
----
3
tag: SELECT 1

statement ok
CREATE VIEW tv2 AS SELECT id FROM tv1

query
SELECT * FROM tv2 ORDER BY id
----
2
3
tag: SELECT 2

statement error 0A000
CREATE MATERIALIZED VIEW tmv AS SELECT * FROM tv1

statement error 2BP01
DROP VIEW tv1

statement ok
UPDATE tv1 SET v = v + 1 WHERE id = 3

query
SELECT * FROM ptv ORDER BY id
----
1|10
2|20
3|31
tag: SELECT 3

statement ok
ALTER VIEW tv2 RENAME TO tv3

query
SELECT count(*) FROM tv3
----
2
tag: SELECT 1

statement error 42P01
SELECT * FROM tv2

statement ok
DROP VIEW tv1 CASCADE

statement error 42P01
SELECT * FROM tv3

statement error 42P01
SELECT * FROM tv1

statement ok
BEGIN

statement ok
CREATE TEMP VIEW tv4 AS SELECT 1 AS one

query
SELECT * FROM tv4
----
1
tag: SELECT 1

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM tv4

statement ok
CREATE TEMP VIEW tv5 AS SELECT 5 AS five

statement ok
BEGIN

statement ok
DROP VIEW tv5

statement ok
COMMIT

statement error 42P01
SELECT * FROM tv5
