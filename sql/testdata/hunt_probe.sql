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
