# A constant that fails to fold (1/0) is an error where PostgreSQL 15 plans the statement:
# at EXECUTE, not at PREPARE (parse analysis only), and only outside a branch a constant has
# ruled out. A literal that does not fit its type is coerced by parse analysis, at PREPARE.
statement ok
CREATE TABLE t (a int)

statement ok
CREATE TABLE u (a int)

statement ok
INSERT INTO u VALUES (1), (2)

statement ok
PREPARE q1 AS SELECT 1/0

statement error 22012
EXECUTE q1

statement error 22012
EXECUTE q1

statement ok
PREPARE q2 AS SELECT a, 1/0 FROM t

statement error 22012
EXECUTE q2

statement error 22012
SELECT 1/0 FROM t

statement error 22012
SELECT 1 FROM t WHERE a > 0 AND 1/0 = 1

query
SELECT 1 WHERE false AND 1/0 = 1
----
tag: SELECT 0

statement ok
PREPARE q3 AS SELECT 1 WHERE false AND 1/0 = 1

query
EXECUTE q3
----
tag: SELECT 0

statement ok
PREPARE q4 AS SELECT CASE WHEN false THEN 1/0 END

query
EXECUTE q4
----
NULL
tag: SELECT 1

statement ok
PREPARE q5 AS SELECT CASE WHEN a > 0 THEN 1/0 END FROM t

statement error 22012
EXECUTE q5

statement ok
PREPARE q6 AS SELECT a FROM u WHERE true OR 1/0 = 1 ORDER BY a

query
EXECUTE q6
----
1
2
tag: SELECT 2

statement ok
PREPARE q7 AS INSERT INTO u VALUES (1/0)

statement error 22012
EXECUTE q7

statement ok
PREPARE q8 AS UPDATE u SET a = a + 1 WHERE a = 1/0

statement error 22012
EXECUTE q8

statement ok
PREPARE q9 AS DELETE FROM u WHERE 1/0 = 1

statement error 22012
EXECUTE q9

query
SELECT a FROM u ORDER BY a
----
1
2
tag: SELECT 2

statement error 22P02
PREPARE q10 AS SELECT 'abc'::int

statement error 22P02
PREPARE q10 AS SELECT 1/0, 'abc' + 1

statement error 42703
PREPARE q10 AS SELECT 1/0, nosuch FROM t

statement ok
PREPARE q11 AS SELECT 2147483648::int4

statement error 22003
EXECUTE q11

statement ok
PREPARE q12 AS SELECT (SELECT 1/0 FROM t)

statement error 22012
EXECUTE q12

statement ok
PREPARE q13 AS SELECT a FROM u WHERE a IN (SELECT 1/0)

statement error 22012
EXECUTE q13

statement ok
PREPARE q14 AS SELECT sqrt(-1::float8)

statement error 2201F
EXECUTE q14

statement ok
PREPARE q15 AS SELECT 1 UNION ALL SELECT 1/0

statement error 22012
EXECUTE q15

statement ok
PREPARE q16 (int) AS SELECT $1 + 1/0

statement error 22012
EXECUTE q16 (1)

statement ok
CREATE VIEW v AS SELECT 1/0 AS x

statement ok
PREPARE q17 AS SELECT x FROM v

statement error 22012
EXECUTE q17

statement ok
BEGIN

statement ok
PREPARE q18 AS SELECT 10/0

query
SELECT 1
----
1
tag: SELECT 1

statement error 22012
EXECUTE q18

statement error 25P02
SELECT 1

statement ok
ROLLBACK

query
SELECT name FROM pg_prepared_statements WHERE name LIKE 'q%' ORDER BY name
----
q1
q11
q12
q13
q14
q15
q16
q17
q18
q2
q3
q4
q5
q6
q7
q8
q9
tag: SELECT 17

statement ok
DEALLOCATE ALL

statement ok
PREPARE p1 AS SELECT log(0)

statement error 2201E
EXECUTE p1

statement ok
PREPARE p2 AS SELECT 1::int2 + 32767::int2

statement error 22003
EXECUTE p2

statement ok
PREPARE p3 AS SELECT 1 FROM generate_series(1, 1/0)

statement error 22012
EXECUTE p3

statement ok
PREPARE p4 AS SELECT 1 LIMIT 1/0

statement error 22012
EXECUTE p4

statement ok
PREPARE p5 AS SELECT a FROM u ORDER BY 1/0

statement error 22012
EXECUTE p5

statement ok
PREPARE p6 AS SELECT count(*) FROM u GROUP BY a HAVING 1/0 = 1

statement error 22012
EXECUTE p6

statement ok
PREPARE p7 AS SELECT substr('abc', 1, -1)

statement error 22011
EXECUTE p7

statement error 22008
PREPARE p8 AS SELECT '2020-13-01'::date

statement error 22P02
PREPARE p8 AS SELECT '{1,2'::int[]

statement ok
DEALLOCATE ALL
