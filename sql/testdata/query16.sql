# Queries bound from sql/ast (issue 16, step 3): WITH's queries, set operations' operands,
# VALUES and subqueries are converted once and bound from the tree.
statement ok
CREATE TABLE q16 (id int PRIMARY KEY, g int, v text)

statement ok
INSERT INTO q16 VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

# A WITH clause inside a recursive WITH query's own query: its queries are in scope for both terms.
query
WITH RECURSIVE t(n) AS (WITH x AS (SELECT 1) SELECT * FROM x UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (WITH s AS (SELECT 2 AS step) SELECT 1 UNION ALL SELECT n + (SELECT step FROM s) FROM t WHERE n < 6) SELECT * FROM t
----
1
3
5
7
tag: SELECT 4

# The recursive checks over the tree.
statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < (SELECT count(*) FROM t)) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM q16 LEFT JOIN t ON t.n = q16.id WHERE t.n < 3) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT max(n) + 1 FROM t) SELECT * FROM t

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 ORDER BY 1) SELECT * FROM t

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 LIMIT 2) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n FROM t) SELECT * FROM t

query
WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a
----
1
tag: SELECT 1

statement error 42712
WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a

# Subqueries bound from the tree: scalar (named by its one select-list entry), EXISTS,
# IN, op ANY/ALL, ARRAY, rows, correlated, with WITH and set operations inside.
query
SELECT (SELECT v FROM q16 WHERE id = 1), (SELECT max(id) AS top FROM q16), EXISTS (SELECT 1 FROM q16 WHERE g = 2), ARRAY(SELECT id FROM q16 ORDER BY id DESC)
----
a|4|t|{4,3,2,1}
tag: SELECT 1

query
SELECT id, (WITH w AS (SELECT g FROM q16 i WHERE i.id = o.id) SELECT g FROM w) AS wg FROM q16 o ORDER BY id
----
1|1
2|1
3|2
4|NULL
tag: SELECT 4

query
SELECT id FROM q16 WHERE id IN (SELECT 1 UNION SELECT 3 UNION ALL VALUES (4)) ORDER BY id
----
1
3
4
tag: SELECT 3

query
SELECT id FROM q16 WHERE g = ANY (SELECT g FROM q16 WHERE v > 'b') AND id > ALL (SELECT 1 UNION SELECT 2) ORDER BY id
----
3
tag: SELECT 1

query
SELECT id FROM q16 WHERE (g, v) IN (SELECT 1, 'b' INTERSECT SELECT g, v FROM q16) ORDER BY id
----
2
tag: SELECT 1

query
SELECT id, (SELECT count(*) FROM q16 i WHERE i.g = o.g) FROM q16 o ORDER BY id
----
1|2
2|2
3|1
4|0
tag: SELECT 4

query
SELECT g, (SELECT count(*) FROM q16 i WHERE i.g = o.g), count(*) FROM q16 o GROUP BY g ORDER BY g
----
1|2|2
2|1|1
NULL|0|1
tag: SELECT 3

query
SELECT id FROM q16 WHERE id = ANY ('{2,3}') ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT (SELECT 1 UNION SELECT 2 ORDER BY 1 DESC LIMIT 1), (VALUES (7))
----
2|7
tag: SELECT 1

# Set operations' operands with their own WITH, ORDER BY and LIMIT.
query
(WITH w AS (SELECT 1 AS x) SELECT x FROM w) UNION ALL (SELECT id FROM q16 ORDER BY id DESC LIMIT 1) ORDER BY 1
----
1
4
tag: SELECT 2

query
SELECT id FROM q16 EXCEPT (SELECT 2 INTERSECT SELECT g FROM q16) ORDER BY 1
----
1
3
4
tag: SELECT 3

# Views and statements that embed a query.
statement ok
CREATE VIEW q16v AS WITH w AS (SELECT id, g FROM q16) SELECT id, (SELECT count(*) FROM w w2 WHERE w2.g = w.g) AS peers FROM w

query
SELECT * FROM q16v ORDER BY id
----
1|2
2|2
3|1
4|0
tag: SELECT 4

statement ok
CREATE TABLE q16c AS SELECT id FROM q16 WHERE id IN (SELECT 2 UNION SELECT 4)

query
SELECT * FROM q16c ORDER BY id
----
2
4
tag: SELECT 2

statement ok
INSERT INTO q16c SELECT * FROM (VALUES (10), (11)) n (x) WHERE EXISTS (SELECT 1 FROM q16) UNION SELECT 12

query
SELECT * FROM q16c ORDER BY id
----
2
4
10
11
12
tag: SELECT 5

# Locking clauses read into the tree.
query
SELECT id FROM q16 WHERE id = 1 FOR SHARE
----
1
tag: SELECT 1

query
SELECT id FROM q16 WHERE id = 1 FOR KEY SHARE OF q16 SKIP LOCKED
----
1
tag: SELECT 1

statement error 42P01
SELECT id FROM q16 WHERE id = 1 FOR NO KEY UPDATE OF nosuch

statement error 0A000
SELECT DISTINCT id FROM q16 FOR SHARE

statement error 0A000
SELECT 1 UNION SELECT 2 FOR KEY SHARE

query
SELECT * FROM (SELECT id FROM q16 WHERE id = 2 FOR UPDATE NOWAIT) s
----
2
tag: SELECT 1
