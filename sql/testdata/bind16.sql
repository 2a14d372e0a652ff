# GROUP BY, set operations and VALUES bound from sql/ast (issue 16, step 3): positions and
# aliases in GROUP BY and its grouping sets, GROUPING, DISTINCT ON, the set operations and
# VALUES lists with their own ORDER BY and LIMIT.
statement ok
CREATE TABLE b16 (id int PRIMARY KEY, g int, h text)

statement ok
INSERT INTO b16 VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'x'), (4, NULL, 'z')

query
SELECT g % 2 AS m, h, count(*) FROM b16 GROUP BY ROLLUP (m, 2) ORDER BY 1, 2, 3
----
0|x|1
0|NULL|1
1|x|1
1|y|1
1|NULL|2
NULL|z|1
NULL|NULL|1
NULL|NULL|4
tag: SELECT 8

query
SELECT g AS a, g AS b, count(*) FROM b16 GROUP BY a, ROLLUP (b) ORDER BY 1, 2
----
1|1|2
1|NULL|2
2|2|1
2|NULL|1
NULL|NULL|1
NULL|NULL|1
tag: SELECT 6

query
SELECT h, g, grouping(h, g), grouping(g), count(*) FROM b16 GROUP BY GROUPING SETS ((h, g), h, ()) ORDER BY 3, 1, 2
----
x|1|0|0|1
x|2|0|0|1
y|1|0|0|1
z|NULL|0|0|1
x|NULL|1|1|2
y|NULL|1|1|1
z|NULL|1|1|1
NULL|NULL|3|1|4
tag: SELECT 8

query
SELECT g, count(*) FROM b16 GROUP BY CUBE (g, (h, id)), () HAVING count(*) > 1 ORDER BY 1, 2
----
1|2
NULL|4
tag: SELECT 2

statement error 42803
SELECT grouping(g) FROM b16

statement error 42803
SELECT g FROM b16 GROUP BY g HAVING grouping(h) = 0

statement error 42P10
SELECT g FROM b16 GROUP BY 3

statement error 42883
SELECT g FROM b16 GROUP BY ROLLUP (g, CUBE (h))

query
SELECT DISTINCT ON (g) g, h FROM b16 ORDER BY g, h DESC
----
1|y
2|x
NULL|z
tag: SELECT 3

query
SELECT DISTINCT ON (g % 2, 1) g, id FROM b16 ORDER BY g % 2, 1, id DESC
----
2|3
1|2
NULL|4
tag: SELECT 3

statement error 0A000
SELECT 1 UNION SELECT 2 FOR UPDATE

query
VALUES (2, 'b'), (1, 'a') ORDER BY "*VALUES*".column1
----
1|a
2|b
tag: SELECT 2

query
VALUES (1) ORDER BY "*VALUES*".column1 + 1 LIMIT 1
----
1
tag: SELECT 1

query
VALUES (3), (1), (2) ORDER BY column1 DESC LIMIT 2 OFFSET 1
----
2
1
tag: SELECT 2

query
SELECT pg_typeof(x), x FROM (VALUES ('1'), ('2'), (3)) v(x) ORDER BY 2
----
integer|1
integer|2
integer|3
tag: SELECT 3

query
WITH w AS (SELECT 1 AS a) VALUES ((SELECT a FROM w)), (2) ORDER BY 1 DESC
----
2
1
tag: SELECT 2

query
(SELECT 1 UNION SELECT 2 ORDER BY 1 DESC LIMIT 1) UNION ALL SELECT 3 ORDER BY 1
----
2
3
tag: SELECT 2

query
SELECT 1 INTERSECT SELECT 1 EXCEPT SELECT 2 UNION VALUES (4), (5) ORDER BY 1
----
1
4
5
tag: SELECT 3

query
(WITH q AS (SELECT 5) SELECT * FROM q) UNION (WITH r AS (VALUES (6)) SELECT * FROM r) EXCEPT ALL VALUES (5) ORDER BY 1
----
6
tag: SELECT 1

query
SELECT id FROM b16 EXCEPT ALL SELECT g FROM b16 INTERSECT SELECT 1 ORDER BY 1
----
2
3
4
tag: SELECT 3

statement error 42601
VALUES (1, 2), (3)

statement error 42601
SELECT 1 UNION SELECT 1, 2

statement error 42P19
WITH RECURSIVE r(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r
