# regwith: statements from PostgreSQL 15's with.sql, subselect.sql, join.sql, union.sql and
# select_distinct.sql (and variants of them) where drove answered differently after the binder
# moved onto drove's own tree.
statement ok
CREATE TABLE rw_t (id int PRIMARY KEY, g int, v int)

statement ok
INSERT INTO rw_t VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30), (4, NULL, 40), (5, 3, NULL)

statement ok
CREATE TABLE rw_k (k int)

statement ok
INSERT INTO rw_k VALUES (2), (4)

# x op ANY/ALL over a subquery that starts with WITH, VALUES or TABLE (with.sql) was taken
# for x op ANY (array) and was a syntax error.
query
SELECT id FROM rw_t WHERE v > ALL (WITH c AS (SELECT v FROM rw_t WHERE g = 1) SELECT v FROM c) ORDER BY id
----
3
4
tag: SELECT 2

query
SELECT id FROM rw_t WHERE g = ANY (VALUES (1), (3)) ORDER BY id
----
1
2
5
tag: SELECT 3

query
SELECT id FROM rw_t WHERE id <> ALL (TABLE rw_k) AND id > 1 OR id = SOME (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 2 FROM r WHERE n < 3) SELECT n FROM r) ORDER BY id
----
1
3
5
tag: SELECT 3

query
SELECT 1 = ANY (ARRAY[1, 2]), 3 = ANY ('{1,2}')
----
t|f
tag: SELECT 1

# A WITH query inside a recursive one's definition hides the outer name: WITH RECURSIVE w6
# AS (WITH w6 AS (...) SELECT * FROM w6) is not recursive (with.sql). drove took it for a
# recursive query without UNION (42P19).
query
WITH RECURSIVE w1(c1) AS
 (WITH w2(c2) AS
  (WITH RECURSIVE w6(c6) AS
   (WITH w6(c6) AS
    (WITH w8(c8) AS (SELECT 1) SELECT * FROM w8)
    SELECT * FROM w6)
   SELECT * FROM w6)
  SELECT * FROM w2)
SELECT * FROM w1
----
1
tag: SELECT 1

query
WITH RECURSIVE t(n) AS (WITH t(n) AS (SELECT 5) SELECT n FROM t) SELECT * FROM t
----
5
tag: SELECT 1

query
WITH RECURSIVE t(n) AS (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n * 10 FROM t) SELECT * FROM t
----
10
20
30
tag: SELECT 3

# The outer name is still seen before the inner definition, and in it.
query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (WITH t2 AS (SELECT n FROM t), t AS (SELECT 7 AS n) SELECT n + 1 FROM t2 WHERE n < 3)) SELECT * FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (WITH u AS (SELECT n + 1 AS n FROM t WHERE n < 3) SELECT n FROM u)) SELECT * FROM t
----
1
2
3
tag: SELECT 3

statement error 42P19
WITH RECURSIVE t(n) AS (WITH u AS (SELECT n FROM t) SELECT n FROM u) SELECT * FROM t

# A WITH query on a recursive query's UNION may not read the recursive query (with.sql):
# PostgreSQL's 42P19, where drove bound it first and found no such table (42P01).
statement error 42P19
WITH RECURSIVE outermost(x) AS (
  WITH innermost AS (SELECT 2 FROM outermost)
  SELECT * FROM innermost UNION SELECT * FROM outermost)
SELECT * FROM outermost ORDER BY 1

query
WITH RECURSIVE o(x) AS (WITH i AS (SELECT 2) SELECT * FROM i UNION SELECT x + 1 FROM o WHERE x < 4) SELECT * FROM o ORDER BY 1
----
2
3
4
tag: SELECT 3

# A VALUES list inside a subquery in a row of another VALUES list ended the outer list's rows,
# so its next row was a syntax error (subselect.sql).
query
SELECT * FROM (VALUES (3 NOT IN (SELECT * FROM (VALUES (1), (2)) ss1)), (false)) ss
----
t
f
tag: SELECT 2

query
VALUES ((SELECT max(x) FROM (VALUES (1), (7)) v(x))), (2), ((VALUES (5)))
----
7
2
5
tag: SELECT 3

query
SELECT * FROM (VALUES (1, (VALUES (2)))) a, (VALUES (3), (4)) b ORDER BY 3
----
1|2|3
1|2|4
tag: SELECT 2

query
SELECT id FROM rw_t WHERE id <> ALL (VALUES (2), (3)) ORDER BY id
----
1
4
5
tag: SELECT 3
