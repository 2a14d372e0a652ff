# DROP SEQUENCE, TRUNCATE and DROP INDEX CONCURRENTLY run from sql/parser's tree
# (drop_tree.go): a quoted sequence name holding a dot is one name, TRUNCATE of a table in a
# schema that does not exist is 3F000, and DROP INDEX CONCURRENTLY refuses to run inside a
# transaction block, explicit or implicit (25001), before it looks at its names.
statement ok
CREATE SEQUENCE dt2s

statement error 42P01
DROP SEQUENCE "a.b"

statement error 42P01
DROP SEQUENCE "public.dt2s"

statement error 42P01
DROP SEQUENCE pg_catalog.nosuch

statement ok
DROP SEQUENCE IF EXISTS "a.b", dt2s

query
SELECT count(*) FROM pg_class WHERE relname = 'dt2s'
----
0
tag: SELECT 1

statement ok
CREATE TABLE dt2 (a int PRIMARY KEY, b int)

statement ok
INSERT INTO dt2 VALUES (1, 1), (2, 2)

statement error 42809
DROP SEQUENCE dt2

statement error 3F000
TRUNCATE "S".t

statement error 3F000
TRUNCATE nos.dt2

statement error 3F000
TRUNCATE dt2, nos.dt2

statement error 42P01
TRUNCATE nosuch, nos.dt2

query
SELECT count(*) FROM dt2
----
2
tag: SELECT 1

statement ok
CREATE INDEX dt2_b ON dt2 (b)

statement ok
BEGIN

statement error 25001
DROP INDEX CONCURRENTLY dt2_b

statement ok
ROLLBACK

statement ok
BEGIN

statement error 25001
DROP INDEX CONCURRENTLY IF EXISTS nosuch

statement ok
ROLLBACK

statement error 25001
SELECT 1; DROP INDEX CONCURRENTLY dt2_b

statement ok
DROP INDEX CONCURRENTLY dt2_b

statement ok
DROP INDEX CONCURRENTLY IF EXISTS dt2_b

statement ok
DROP TABLE dt2
