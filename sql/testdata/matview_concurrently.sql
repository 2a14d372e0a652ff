# REFRESH MATERIALIZED VIEW CONCURRENTLY: needs a populated materialized view with a unique
# index, and writes only the difference.
statement ok
CREATE TABLE t (id int PRIMARY KEY, g int, name text)

statement ok
INSERT INTO t VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, NULL)

statement ok
CREATE MATERIALIZED VIEW mv AS SELECT id, g, name FROM t

statement error 55000
REFRESH MATERIALIZED VIEW CONCURRENTLY mv

statement ok
CREATE MATERIALIZED VIEW mvn AS SELECT id FROM t WITH NO DATA

statement ok
CREATE UNIQUE INDEX mvn_id ON mvn (id)

statement error 0A000
REFRESH MATERIALIZED VIEW CONCURRENTLY mvn

statement ok
CREATE UNIQUE INDEX mv_id ON mv (id)

statement error 42601
REFRESH MATERIALIZED VIEW CONCURRENTLY mv WITH NO DATA

statement ok
UPDATE t SET g = 5 WHERE id = 2

statement ok
DELETE FROM t WHERE id = 3

statement ok
INSERT INTO t VALUES (4, 4, 'd d'), (5, NULL, NULL)

query
REFRESH MATERIALIZED VIEW CONCURRENTLY mv
----
tag: REFRESH MATERIALIZED VIEW

query
SELECT * FROM mv ORDER BY id
----
1|1|a
2|5|b
4|4|d d
5|NULL|NULL
tag: SELECT 4

query
REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv
----
tag: REFRESH MATERIALIZED VIEW

query
SELECT * FROM mv ORDER BY id
----
1|1|a
2|5|b
4|4|d d
5|NULL|NULL
tag: SELECT 4

# In a transaction block it is the transaction's.
statement ok
BEGIN

statement ok
DELETE FROM t WHERE id = 1

statement ok
REFRESH MATERIALIZED VIEW CONCURRENTLY mv

query
SELECT count(*) FROM mv
----
3
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT count(*) FROM mv
----
4
tag: SELECT 1

# Two equal rows without NULLs cannot be matched: 21000; with a NULL they can.
statement ok
CREATE MATERIALIZED VIEW mvg AS SELECT g FROM t

statement ok
CREATE UNIQUE INDEX mvg_g ON mvg (g)

statement ok
INSERT INTO t VALUES (6, 4, 'e')

statement error 21000
REFRESH MATERIALIZED VIEW CONCURRENTLY mvg

statement ok
CREATE MATERIALIZED VIEW mvnull AS SELECT name FROM t WHERE g IS NULL OR g > 100

statement ok
CREATE UNIQUE INDEX mvnull_name ON mvnull (name)

statement ok
INSERT INTO t VALUES (7, NULL, NULL)

query
REFRESH MATERIALIZED VIEW CONCURRENTLY mvnull
----
tag: REFRESH MATERIALIZED VIEW

query
SELECT count(*) FROM mvnull
----
2
tag: SELECT 1

# A unique index the new rows break: 23505.
statement ok
CREATE MATERIALIZED VIEW mvu AS SELECT id, g FROM t WHERE id <> 6

statement ok
CREATE UNIQUE INDEX mvu_g ON mvu (g)

statement ok
UPDATE t SET g = 1 WHERE id = 2

statement error 23505
REFRESH MATERIALIZED VIEW CONCURRENTLY mvu

statement error 42P01
REFRESH MATERIALIZED VIEW CONCURRENTLY nosuch

statement error 0A000
REFRESH MATERIALIZED VIEW CONCURRENTLY t
