# Subqueries: IN / NOT IN / EXISTS / NOT EXISTS / scalar, correlated and not; UNION.
statement ok
CREATE TABLE c (id int PRIMARY KEY, name text, country text)

statement ok
CREATE TABLE o (id int PRIMARY KEY, cust int, total int)

statement ok
INSERT INTO c VALUES (1, 'ada', 'uk'), (2, 'bo', 'se'), (3, 'cy', 'uk'), (4, 'di', NULL)

statement ok
INSERT INTO o VALUES (10, 1, 50), (11, 1, 70), (12, 2, 20), (13, NULL, 5), (14, 9, 1)

query
SELECT name FROM c WHERE id IN (SELECT cust FROM o) ORDER BY name
----
ada
bo
tag: SELECT 2

query
SELECT name FROM c WHERE id NOT IN (SELECT cust FROM o) ORDER BY name
----
tag: SELECT 0

query
SELECT name FROM c WHERE id NOT IN (SELECT cust FROM o WHERE cust IS NOT NULL) ORDER BY name
----
cy
di
tag: SELECT 2

query
SELECT name FROM c WHERE EXISTS (SELECT 1 FROM o WHERE o.cust = c.id) ORDER BY name
----
ada
bo
tag: SELECT 2

query
SELECT name FROM c WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.cust = c.id) ORDER BY name
----
cy
di
tag: SELECT 2

query
SELECT name, (SELECT sum(total) FROM o WHERE o.cust = c.id) AS spent FROM c ORDER BY id
----
ada|120
bo|20
cy|NULL
di|NULL
tag: SELECT 4

query
SELECT name, (SELECT count(*) FROM o WHERE o.cust = c.id) FROM c ORDER BY id
----
ada|2
bo|1
cy|0
di|0
tag: SELECT 4

query
SELECT id, (SELECT name FROM c WHERE c.id = o.cust) FROM o ORDER BY id
----
10|ada
11|ada
12|bo
13|NULL
14|NULL
tag: SELECT 5

query
SELECT name FROM c WHERE id = (SELECT cust FROM o WHERE total = 20)
----
bo
tag: SELECT 1

query
SELECT (SELECT max(total) FROM o), (SELECT min(name) FROM c)
----
70|ada
tag: SELECT 1

query
SELECT id FROM o WHERE total > (SELECT avg(total) FROM o) ORDER BY id
----
10
11
tag: SELECT 2

query
SELECT name FROM c WHERE country IN (SELECT country FROM c WHERE name = 'ada') ORDER BY 1
----
ada
cy
tag: SELECT 2

query
SELECT o.id FROM o WHERE o.total = (SELECT max(o2.total) FROM o o2 WHERE o2.cust = o.cust) ORDER BY 1
----
11
12
14
tag: SELECT 3

query
SELECT name FROM c WHERE EXISTS (SELECT 1 FROM o WHERE o.cust = c.id AND EXISTS (SELECT 1 FROM c c2 WHERE c2.id = o.cust AND c2.country = c.country)) ORDER BY 1
----
ada
bo
tag: SELECT 2

query
SELECT NULL IN (SELECT cust FROM o WHERE cust > 100), 1 IN (SELECT cust FROM o), 3 IN (SELECT cust FROM o), 3 NOT IN (SELECT cust FROM o WHERE cust > 0)
----
f|t|NULL|t
tag: SELECT 1

query
SELECT name FROM c WHERE id IN (SELECT cust FROM o GROUP BY cust HAVING count(*) > 1)
----
ada
tag: SELECT 1

statement error 21000
SELECT (SELECT id FROM c)

statement error 42601
SELECT (SELECT id, name FROM c WHERE id = 1)

statement error 42601
SELECT 1 WHERE 1 IN (SELECT id, name FROM c)

query
SELECT name FROM c UNION SELECT country FROM c ORDER BY 1
----
ada
bo
cy
di
se
uk
NULL
tag: SELECT 7

query
SELECT country FROM c UNION ALL SELECT country FROM c ORDER BY 1 NULLS FIRST
----
NULL
NULL
se
se
uk
uk
uk
uk
tag: SELECT 8

query
SELECT id FROM c UNION SELECT cust FROM o ORDER BY id DESC LIMIT 3
----
NULL
9
4
tag: SELECT 3

query
SELECT id, name FROM c WHERE id < 3 UNION ALL SELECT id, 'order' FROM o WHERE id < 12 ORDER BY 1
----
1|ada
2|bo
10|order
11|order
tag: SELECT 4

query
SELECT 1 UNION SELECT 2 UNION SELECT 1 ORDER BY 1
----
1
2
tag: SELECT 2

query
SELECT total FROM o UNION SELECT 2.5 ORDER BY 1
----
1
2.5
5
20
50
70
tag: SELECT 6

statement error 42601
SELECT id FROM c UNION SELECT id, name FROM c

statement error 42804
SELECT id FROM c UNION SELECT name FROM c

# Quantified comparisons: ANY / SOME / ALL over a subquery.

statement ok
CREATE TABLE q_nums (n int PRIMARY KEY)

statement ok
INSERT INTO q_nums VALUES (1), (5), (10)

statement ok
CREATE TABLE q_nulls (n int)

statement ok
INSERT INTO q_nulls VALUES (3), (NULL)

query
SELECT 5 = ANY (SELECT n FROM q_nums), 4 = ANY (SELECT n FROM q_nums), 4 < ANY (SELECT n FROM q_nums), 4 < ALL (SELECT n FROM q_nums), 0 < ALL (SELECT n FROM q_nums)
----
t|f|t|f|t
tag: SELECT 1

query
SELECT 3 = ANY (SELECT n FROM q_nulls), 4 = ANY (SELECT n FROM q_nulls), 4 > ALL (SELECT n FROM q_nulls), 2 > ALL (SELECT n FROM q_nulls), 1 > ALL (SELECT n FROM q_nums WHERE n > 100)
----
t|NULL|NULL|f|t
tag: SELECT 1

query
SELECT n FROM q_nums WHERE n >= ALL (SELECT n FROM q_nums)
----
10
tag: SELECT 1

query
SELECT n FROM q_nums o WHERE n <> ALL (SELECT n + 4 FROM q_nums i WHERE i.n < o.n) ORDER BY n
----
1
10
tag: SELECT 2

query
SELECT n FROM q_nums WHERE n = SOME (SELECT n * 5 FROM q_nums) ORDER BY n
----
5
tag: SELECT 1

# EXISTS correlated on a column that is no key runs the inner query once, into a hash set.

statement ok
CREATE TABLE emp (id int PRIMARY KEY, dept int, boss bigint, salary double precision)

statement ok
CREATE TABLE proj (id int PRIMARY KEY, dept bigint, leader int, budget int)

statement ok
INSERT INTO emp VALUES (1, 10, NULL, 100), (2, 10, 1, 80), (3, 20, 1, 90), (4, NULL, 2, 70), (5, 30, 3, 60)

statement ok
INSERT INTO proj VALUES (1, 10, 2, 500), (2, 20, 3, 50), (3, NULL, 1, 900), (4, 10, NULL, 10)

query
SELECT id FROM emp e WHERE EXISTS (SELECT 1 FROM proj p WHERE p.dept = e.dept) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM emp e WHERE NOT EXISTS (SELECT * FROM proj WHERE dept = e.dept AND budget > 100) ORDER BY id
----
3
4
5
tag: SELECT 3

query
SELECT id FROM emp WHERE EXISTS (SELECT 1 FROM proj p WHERE emp.id = p.leader AND p.budget >= 50) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id, CASE WHEN EXISTS (SELECT 1 FROM emp b WHERE b.boss = e.id) THEN 'boss' ELSE 'staff' END FROM emp e ORDER BY id
----
1|boss
2|boss
3|boss
4|staff
5|staff
tag: SELECT 5

query
SELECT id FROM emp e WHERE EXISTS (SELECT 1 FROM proj p WHERE p.leader = e.id + 1 AND p.dept IS NOT NULL) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM emp e WHERE EXISTS (SELECT 1 FROM proj p WHERE p.dept = e.dept AND p.budget > e.salary) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT count(*) FROM emp e WHERE EXISTS (SELECT 1 FROM emp b WHERE b.salary = e.salary * 1.0 - 10)
----
4
tag: SELECT 1
