# Subqueries of an aggregated query: they may read its grouped columns (and its aggregates),
# and an aggregate whose arguments read only an enclosing query's columns is that query's, as
# in PostgreSQL 15.
statement ok
CREATE TABLE t1 (id int PRIMARY KEY, g int, v int, s text)

statement ok
CREATE TABLE t2 (id int PRIMARY KEY, g int, x int)

statement ok
INSERT INTO t1 VALUES (1, 1, 10, 'a'), (2, 1, 20, 'b'), (3, 2, 30, 'c'), (4, 3, NULL, 'd'), (5, NULL, 5, 'e')

statement ok
INSERT INTO t2 VALUES (1, 1, 1), (2, 1, 2), (3, 2, 3), (4, 4, 1), (5, NULL, 2)

query
SELECT g, (SELECT count(*) FROM t2 WHERE t2.g = t1.g) FROM t1 GROUP BY g ORDER BY g
----
1|2
2|1
3|0
NULL|0
tag: SELECT 4

query
SELECT g, count(*), (SELECT sum(x) FROM t2 WHERE t2.g = t1.g) AS xs FROM t1 GROUP BY g ORDER BY g NULLS FIRST
----
NULL|1|NULL
1|2|3
2|1|3
3|1|NULL
tag: SELECT 4

query
SELECT g FROM t1 GROUP BY g HAVING EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.g) ORDER BY g
----
1
2
3
tag: SELECT 3

query
SELECT g FROM t1 GROUP BY g HAVING NOT EXISTS (SELECT 1 FROM t2 WHERE t2.g = t1.g) ORDER BY g NULLS LAST
----
3
NULL
tag: SELECT 2

query
SELECT g, sum(v) FROM t1 GROUP BY g HAVING sum(v) > (SELECT count(*) FROM t2 WHERE t2.g = t1.g) ORDER BY g
----
1|30
2|30
NULL|5
tag: SELECT 3

query
SELECT t1.g AS k, (SELECT max(x) FROM t2 WHERE t2.g = t1.g) FROM t1 GROUP BY t1.g ORDER BY (SELECT count(*) FROM t2 WHERE t2.g = t1.g), k NULLS FIRST
----
NULL|NULL
3|NULL
2|3
1|2
tag: SELECT 4

query
SELECT g, (SELECT count(*) FROM t2 WHERE t2.x <= count(t1.v)) FROM t1 GROUP BY g ORDER BY g
----
1|4
2|2
3|0
NULL|2
tag: SELECT 4

query
SELECT g, (SELECT sum(t2.id) FROM t2 WHERE t2.x < max(t1.v)) FROM t1 GROUP BY g ORDER BY g
----
1|15
2|15
3|NULL
NULL|15
tag: SELECT 4

query
SELECT (SELECT max(t1.v) FROM t2 WHERE t2.id = 1) FROM t1
----
30
tag: SELECT 1

query
SELECT (SELECT max(t1.v) FROM t2 WHERE t2.id = 99) FROM t1
----
NULL
tag: SELECT 1

query
SELECT (SELECT max(t1.v) + min(t2.x) FROM t2) FROM t1
----
31
tag: SELECT 1

query
SELECT g, (SELECT sum(t1.v) FROM t2 LIMIT 1) FROM t1 GROUP BY g ORDER BY g
----
1|30
2|30
3|NULL
NULL|5
tag: SELECT 4

query
SELECT count(*) FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.g = t1.g) HAVING (SELECT count(t1.id)) > 1
----
3
tag: SELECT 1

query
SELECT g, (SELECT (SELECT t1.g + t2.x FROM t2 WHERE t2.id = 3)) FROM t1 GROUP BY g ORDER BY g
----
1|4
2|5
3|6
NULL|NULL
tag: SELECT 4

query
SELECT g, (SELECT count(*) FROM t2 WHERE t2.g = t1.g), rank() OVER (ORDER BY g) FROM t1 WHERE g IS NOT NULL GROUP BY g ORDER BY g
----
1|2|1
2|1|2
3|0|3
tag: SELECT 3

query
SELECT g + 1 AS h, (SELECT count(*) FROM t2 WHERE t2.g = t1.g) FROM t1 GROUP BY g ORDER BY h
----
2|2
3|1
4|0
NULL|0
tag: SELECT 4

statement error 42803
SELECT g, (SELECT count(*) FROM t2 WHERE t2.x = t1.v) FROM t1 GROUP BY g

statement error 42803
SELECT g FROM t1 GROUP BY g HAVING EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.v)

statement error 42803
SELECT count(*), (SELECT t1.v) FROM t1

statement error 42803
SELECT g, (SELECT 1 FROM t2 ORDER BY t1.s LIMIT 1) FROM t1 GROUP BY g

statement error 42803
SELECT * FROM t1 WHERE v = (SELECT max(t1.v) FROM t2)

statement error 42803
SELECT (SELECT max(t1.v) FROM t2), v FROM t1

statement error 42803
SELECT (SELECT max(max(t1.v)) FROM t2) FROM t1
