# hunt_probe: wrong answers found by running PostgreSQL 15's regression statements (with.sql,
# limit.sql, ...) against drove and PostgreSQL side by side; each block failed on drove before
# its fix.
statement ok
CREATE TABLE hp_int4 (f1 int4)

statement ok
INSERT INTO hp_int4 VALUES (0), (123456), (-123456), (2147483647), (-2147483647)

# A WITH query that reads a column of the row its WITH clause is evaluated for makes a
# subquery that reads it correlated: it runs again for each row (it was computed for the first
# row and kept, every row showing 0).
query
SELECT (WITH cte(foo) AS (VALUES (f1)) SELECT (SELECT foo FROM cte)) FROM hp_int4 ORDER BY 1
----
-2147483647
-123456
0
123456
2147483647
tag: SELECT 5

query
SELECT (WITH cte(foo) AS (VALUES (f1)) VALUES ((SELECT foo FROM cte))) FROM hp_int4 ORDER BY 1
----
-2147483647
-123456
0
123456
2147483647
tag: SELECT 5

query
SELECT f1, (WITH c AS (SELECT f1 AS foo) SELECT count(*) FROM c c1, c c2 WHERE c1.foo = c2.foo AND EXISTS (SELECT 1 FROM c WHERE foo > 0)) FROM hp_int4 ORDER BY 1
----
-2147483647|0
-123456|0
0|0
123456|1
2147483647|1
tag: SELECT 5

query
SELECT f1, (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < f1 % 5) SELECT (SELECT max(n) FROM r)) FROM hp_int4 ORDER BY 1
----
-2147483647|1
-123456|1
0|1
123456|1
2147483647|2
tag: SELECT 5

# An unqualified * after other items of a select list or a RETURNING list (vitess takes one
# only first) was a syntax error.
query
SELECT 1 AS one, * FROM hp_int4 ORDER BY f1
----
1|-2147483647
1|-123456
1|0
1|123456
1|2147483647
tag: SELECT 5

query
SELECT f1 AS x, *, f1 + 1 AS y, * FROM hp_int4 WHERE f1 = 0
----
0|0|1|0
tag: SELECT 1

query
SELECT 2, * FROM (SELECT 1 AS a) s
----
2|1
tag: SELECT 1

query
SELECT x, y FROM (SELECT 1, * FROM hp_int4) s(x, y) ORDER BY y
----
1|-2147483647
1|-123456
1|0
1|123456
1|2147483647
tag: SELECT 5

query
SELECT 1, * FROM hp_int4 WHERE f1 = 0 UNION ALL SELECT 2, * FROM hp_int4 WHERE f1 = 0
----
1|0
2|0
tag: SELECT 2

query
INSERT INTO hp_int4 VALUES (7) RETURNING f1 * 2, *
----
14|7
tag: INSERT 0 1

query
DELETE FROM hp_int4 WHERE f1 = 7 RETURNING 1, *, f1
----
1|7|7
tag: DELETE 1

statement error 42601
SELECT 1, *

statement error 42601
SELECT 1, * 2 FROM hp_int4

# LIMIT and OFFSET as PostgreSQL binds them: a number of another type is converted to bigint
# (2.5 rounds to 3; a volatile or NULL bigint is fine), they may read the enclosing query's row
# (the subquery is then correlated), and not the query's own columns (42P10). Each was 42804,
# or 42703 for the enclosing row.
statement ok
CREATE TABLE hp_int8 (q1 int8, q2 int8)

statement ok
INSERT INTO hp_int8 VALUES (123, 456), (123, 4567890123456789), (4567890123456789, 123), (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789)

query
SELECT * FROM hp_int8 ORDER BY q1, q2 LIMIT 2.5
----
123|456
123|4567890123456789
4567890123456789|-4567890123456789
tag: SELECT 3

query
SELECT * FROM hp_int8 ORDER BY q1, q2 LIMIT 2.4
----
123|456
123|4567890123456789
tag: SELECT 2

query
SELECT * FROM hp_int8 ORDER BY q1, q2 LIMIT 1::numeric(3,1) + 0.6 OFFSET 1.5::float8
----
4567890123456789|-4567890123456789
4567890123456789|123
tag: SELECT 2

query
SELECT count(*) FROM (SELECT * FROM hp_int8 LIMIT (CASE WHEN random() < 2 THEN NULL::bigint END)) s
----
5
tag: SELECT 1

query
SELECT count(*) FROM (SELECT * FROM hp_int8 OFFSET (CASE WHEN random() < 2 THEN 1 END)) s
----
4
tag: SELECT 1

statement error 22003
SELECT * FROM hp_int8 LIMIT 1e30

statement error 42804
SELECT * FROM hp_int8 LIMIT 'x'::text

statement error 42P10
SELECT * FROM hp_int8 LIMIT q1

statement error 42803
SELECT * FROM hp_int8 LIMIT sum(q1)

query
SELECT (SELECT n FROM (VALUES (1)) AS x, (SELECT n FROM generate_series(1, 10) AS n ORDER BY n LIMIT 1 OFFSET s - 1) AS y) AS z FROM generate_series(1, 10) AS s ORDER BY s
----
1
2
3
4
5
6
7
8
9
10
tag: SELECT 10

query
SELECT f1, (SELECT array_agg(x) FROM (SELECT x FROM generate_series(1, 5) x ORDER BY x OFFSET abs(f1 % 4) LIMIT 2) s) FROM hp_int4 ORDER BY 1
----
-2147483647|{4,5}
-123456|{1,2}
0|{1,2}
123456|{1,2}
2147483647|{4,5}
tag: SELECT 5

query
SELECT f1, (SELECT count(*) FROM (SELECT 1 FROM hp_int8 LIMIT f1 % 3 + 1) s) FROM hp_int4 ORDER BY 1
----
-2147483647|0
-123456|1
0|1
123456|1
2147483647|2
tag: SELECT 5

# ORDER BY x USING < (or >) is ASC (DESC); it was a syntax error.
query
SELECT q1, q2 FROM hp_int8 ORDER BY q1 USING >, q2 USING <
----
4567890123456789|-4567890123456789
4567890123456789|123
4567890123456789|4567890123456789
123|456
123|4567890123456789
tag: SELECT 5

query
SELECT DISTINCT ON (q1) q1, q2 FROM hp_int8 ORDER BY q1 USING <, q2 USING >
----
123|4567890123456789
4567890123456789|4567890123456789
tag: SELECT 2

query
SELECT q2, row_number() OVER (ORDER BY q2 USING >) FROM hp_int8 ORDER BY q2 USING < NULLS LAST
----
-4567890123456789|5
123|4
456|3
4567890123456789|1
4567890123456789|2
tag: SELECT 5

# Equal arrays of numbers that print differently ({1.0} and {1.00}, {0} and {-0}) are one
# value for DISTINCT, GROUP BY and set operations, as = says; they were told apart by text.
query
SELECT DISTINCT ARRAY[x] FROM (VALUES (1.0), (1.00)) v(x)
----
{1.0}
tag: SELECT 1

query
SELECT count(*) FROM (SELECT ARRAY[x], count(*) FROM (VALUES (1.0), (1.00), (2.0)) v(x) GROUP BY ARRAY[x]) s
----
2
tag: SELECT 1

query
SELECT count(DISTINCT ARRAY[x]) FROM (VALUES (1.0), (1.00), (2.0)) v(x)
----
2
tag: SELECT 1

query
SELECT count(*) FROM (SELECT ARRAY[x] FROM (VALUES (1.0)) v(x) UNION SELECT ARRAY[y] FROM (VALUES (1.00)) w(y)) s
----
1
tag: SELECT 1

query
SELECT count(*) FROM (SELECT ARRAY[x] FROM (VALUES (1.0)) v(x) EXCEPT SELECT ARRAY[y] FROM (VALUES (1.00)) w(y)) s
----
0
tag: SELECT 1

query
SELECT count(*) FROM (SELECT DISTINCT ARRAY[x] FROM (VALUES ('0'::float8), ('-0'::float8)) v(x)) s
----
1
tag: SELECT 1

query
SELECT count(*) FROM (SELECT DISTINCT ARRAY[x] FROM (VALUES ('1 mon'::interval), ('30 days'::interval)) v(x)) s
----
1
tag: SELECT 1

statement ok
CREATE TABLE hp_arrn (id int PRIMARY KEY, a numeric[])

statement ok
INSERT INTO hp_arrn VALUES (1, '{1.0}'), (2, '{1.00}'), (3, '{2}')

query
SELECT count(*) FROM hp_arrn GROUP BY a ORDER BY 1
----
1
2
tag: SELECT 2

# A select-list item calling a volatile function (nextval, random) that is not a sort key is
# computed after ORDER BY and LIMIT, as PostgreSQL's planner does: nextval numbers the rows
# in their output order and runs only for the rows returned (it numbered them in scan order,
# for every row). nextval and the other sequence functions count as volatile.
statement ok
CREATE SEQUENCE hp_seq

query
SELECT nextval('hp_seq'), f1 FROM hp_int4 ORDER BY f1
----
1|-2147483647
2|-123456
3|0
4|123456
5|2147483647
tag: SELECT 5

query
SELECT f1, nextval('hp_seq') FROM hp_int4 ORDER BY f1 DESC LIMIT 2
----
2147483647|6
123456|7
tag: SELECT 2

query
SELECT currval('hp_seq')
----
7
tag: SELECT 1

query
SELECT f1 % 2 AS k, count(*), nextval('hp_seq') FROM hp_int4 GROUP BY 1 ORDER BY 1
----
-1|1|8
0|3|9
1|1|10
tag: SELECT 3

query
SELECT f1, nextval('hp_seq'), row_number() OVER (ORDER BY f1 DESC) FROM hp_int4 ORDER BY f1
----
-2147483647|11|5
-123456|12|4
0|13|3
123456|14|2
2147483647|15|1
tag: SELECT 5

query
SELECT nextval('hp_seq') AS n, f1 FROM hp_int4 ORDER BY n DESC
----
20|-2147483647
19|2147483647
18|-123456
17|123456
16|0
tag: SELECT 5

statement ok
CREATE TABLE hp_numbered (n int, f int)

statement ok
INSERT INTO hp_numbered SELECT nextval('hp_seq'), f1 FROM hp_int4 ORDER BY f1

query
SELECT n - (SELECT min(n) FROM hp_numbered), f FROM hp_numbered ORDER BY f
----
0|-2147483647
1|-123456
2|0
3|123456
4|2147483647
tag: SELECT 5

# SELECT ... FOR UPDATE on a table without a primary key (or not selecting its key) locks
# by the key it did not decode: XX000 "primary key value is NULL".
statement ok
CREATE TABLE hp_nopk (a int, b text)

statement ok
INSERT INTO hp_nopk VALUES (1, 'x'), (2, 'y')

query
SELECT b FROM hp_nopk WHERE a = 1 FOR UPDATE
----
x
tag: SELECT 1

query
SELECT a FROM hp_nopk ORDER BY a FOR UPDATE
----
1
2
tag: SELECT 2

statement ok
CREATE TABLE hp_pk (id int PRIMARY KEY, f1 int)

statement ok
INSERT INTO hp_pk VALUES (1, 3), (2, 1)

query
SELECT f1 FROM hp_pk WHERE f1 > 1 FOR UPDATE
----
3
tag: SELECT 1
