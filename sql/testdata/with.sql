# WITH queries (common table expressions).

statement ok
CREATE TABLE emp (id int PRIMARY KEY, name text, dept text, salary int)

statement ok
INSERT INTO emp VALUES (1, 'ada', 'eng', 120), (2, 'bob', 'eng', 100), (3, 'cy', 'ops', 90), (4, 'di', 'ops', 95), (5, 'ed', 'sales', 70)

query
WITH totals AS (SELECT dept, sum(salary) AS total FROM emp GROUP BY dept)
SELECT dept, total FROM totals WHERE total > 100 ORDER BY dept
----
eng|220
ops|185
tag: SELECT 2

query
WITH t (d, n) AS (SELECT dept, count(*) FROM emp GROUP BY dept),
     big AS (SELECT d FROM t WHERE n > 1)
SELECT e.name FROM emp e JOIN big ON big.d = e.dept ORDER BY e.name
----
ada
bob
cy
di
tag: SELECT 4

query
WITH avg_sal AS (SELECT avg(salary) AS a FROM emp)
SELECT name FROM emp, avg_sal WHERE salary > avg_sal.a ORDER BY name
----
ada
bob
tag: SELECT 2

query
WITH x AS (SELECT id FROM emp WHERE id < 3)
SELECT a.id, b.id FROM x a, x b WHERE a.id < b.id
----
1|2
tag: SELECT 1

query
WITH x AS (SELECT 1 AS n) SELECT n FROM x UNION ALL SELECT n + 1 FROM x
----
1
2
tag: SELECT 2

query
SELECT name FROM emp WHERE dept IN (WITH d AS (SELECT 'ops' AS dept) SELECT dept FROM d) ORDER BY name
----
cy
di
tag: SELECT 2

# A WITH query shadows a table of its name, and sees only the queries before it.

query
WITH emp AS (SELECT 42 AS id) SELECT id FROM emp
----
42
tag: SELECT 1

statement error 42P01
WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS n) SELECT * FROM a

statement error 42712
WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a

statement error 42P10
WITH a (x, y) AS (SELECT 1) SELECT * FROM a

# WITH RECURSIVE.

query
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r
----
1
2
3
4
5
tag: SELECT 5

statement ok
CREATE TABLE tree (id int PRIMARY KEY, parent int, name text)

statement ok
INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x'), (6, 3, 'b1')

query
WITH RECURSIVE sub (id, name, depth) AS (
  SELECT id, name, 0 FROM tree WHERE id = 2
  UNION ALL
  SELECT t.id, t.name, s.depth + 1 FROM tree t JOIN sub s ON t.parent = s.id
) SELECT name, depth FROM sub ORDER BY depth, name
----
a|0
a1|1
a1x|2
tag: SELECT 3

query
WITH RECURSIVE up (id, parent) AS (
  SELECT id, parent FROM tree WHERE name = 'a1x'
  UNION
  SELECT t.id, t.parent FROM tree t, up WHERE t.id = up.parent
) SELECT count(*), max(id) FROM up
----
4|5
tag: SELECT 1

query
WITH RECURSIVE cycle (n) AS (SELECT 1 UNION SELECT (n % 3) + 1 FROM cycle) SELECT n FROM cycle ORDER BY n
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE fib (a, b) AS (SELECT 0::bigint, 1::bigint UNION ALL SELECT b, a + b FROM fib WHERE b < 50), plain AS (SELECT 1 AS one) SELECT max(a), (SELECT one FROM plain) FROM fib
----
34|1
tag: SELECT 1

statement error 42804
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n::bigint + 1 FROM r WHERE n < 3) SELECT * FROM r
