# A LIKE or NOT LIKE pattern ends before a join's words (LEFT, RIGHT, FULL, INNER, CROSS,
# NATURAL) in an ON condition, while left(...) and right(...) stay in the pattern
# (TestQueryAccess, seed 1796124309118417540: drove refused with 42601).
statement ok
CREATE TABLE qd (a int, b int, v text, PRIMARY KEY (a, b))

statement ok
INSERT INTO qd VALUES (1, 1, 'ab'), (1, 2, 'b'), (2, 1, 'abc'), (3, 1, NULL)

query
SELECT x.b, y.a, y.b, z.b FROM qd x JOIN qd y ON x.v LIKE 'a%' LEFT JOIN qd z ON z.a = y.a AND z.b = 2 ORDER BY 1, 2, 3, 4
----
1|1|1|2
1|1|1|2
1|1|2|2
1|1|2|2
1|2|1|NULL
1|2|1|NULL
1|3|1|NULL
1|3|1|NULL
tag: SELECT 8

query
SELECT count(*), count(y.a), count(z.a) FROM qd x JOIN qd y ON x.v LIKE 'a%' RIGHT JOIN qd z ON z.a = y.a
----
12|12|12
tag: SELECT 1

query
SELECT count(*), count(y.a), count(z.a) FROM qd x JOIN qd y ON x.a = y.a AND x.v LIKE '%b' FULL JOIN qd z ON z.b = y.a
----
13|12|13
tag: SELECT 1

query
SELECT count(*) FROM qd x JOIN qd y ON x.v LIKE 'a%' CROSS JOIN qd z
----
32
tag: SELECT 1

query
SELECT count(*) FROM qd x JOIN qd y ON x.v NOT LIKE 'a%' INNER JOIN qd z ON z.a = y.a
----
6
tag: SELECT 1

query
SELECT count(*), count(z.a) FROM qd x JOIN qd y ON x.v NOT LIKE 'a%' LEFT OUTER JOIN qd z ON z.a = y.b
----
7|7
tag: SELECT 1

query
SELECT count(*) FROM qd x LEFT JOIN qd y ON x.v LIKE y.v RIGHT JOIN qd z ON z.a = y.a
----
6
tag: SELECT 1

query
SELECT count(*) FROM qd x JOIN (SELECT a AS p, b AS q FROM qd) y ON x.v LIKE 'a%' NATURAL JOIN qd z
----
8
tag: SELECT 1

query
SELECT x.v FROM qd x WHERE x.v LIKE left(x.v, 1) || '%' ORDER BY 1
----
ab
abc
b
tag: SELECT 3

query
SELECT x.v FROM qd x WHERE x.v LIKE right(x.v, 1) ORDER BY 1
----
b
tag: SELECT 1

# A LIKE pattern ends before ORDER BY's ASC, DESC and NULLS FIRST/LAST (drove refused
# with 42601).
query
SELECT v FROM qd ORDER BY v LIKE 'a%' DESC, v
----
NULL
ab
abc
b
tag: SELECT 4

query
SELECT v FROM qd ORDER BY v LIKE 'a%' NULLS FIRST, v DESC
----
NULL
b
abc
ab
tag: SELECT 4

query
SELECT v FROM qd ORDER BY v NOT LIKE '%b' ASC NULLS LAST, v
----
ab
b
abc
NULL
tag: SELECT 4

query
SELECT v, row_number() OVER (ORDER BY v LIKE '%b' DESC, v) FROM qd ORDER BY 2
----
NULL|1
ab|2
b|3
abc|4
tag: SELECT 4

query
SELECT v FROM qd ORDER BY v LIKE 'a' || '%' DESC NULLS LAST, v
----
ab
abc
b
NULL
tag: SELECT 4

# A LIKE or SIMILAR TO pattern ends before a select-list item's alias without AS (drove
# refused with 42601), and COLLATE, a cast and || stay in it.
query
SELECT v LIKE 'a%' flag, v NOT LIKE 'a%' f2, v SIMILAR TO 'a%' f3, v LIKE 'a' || v f4, v LIKE 'A%' COLLATE "C" f5, v LIKE 'a%'::text f6 FROM qd ORDER BY a, b
----
t|f|t|f|f|t
f|t|f|f|f|f
t|f|t|f|f|t
NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 4

query
SELECT v LIKE (v) x, v LIKE left(v, 1) || '%' y, v LIKE text 'a%' z FROM qd ORDER BY a, b
----
t|t|t
t|t|f
t|t|t
NULL|NULL|NULL
tag: SELECT 4

# A CASE in a LIKE pattern keeps its comparisons (x LIKE CASE WHEN a = 1 THEN ...: drove
# refused with 42601).
query
SELECT a, b, v LIKE CASE WHEN a = 1 THEN 'a%' ELSE 'b' END, v LIKE CASE WHEN b <> 1 THEN 'b' END x FROM qd ORDER BY a, b
----
1|1|t|NULL
1|2|f|t
2|1|f|NULL
3|1|NULL|NULL
tag: SELECT 4

query
SELECT a, b FROM qd WHERE v LIKE CASE WHEN a = 1 AND b >= 1 THEN 'a%' ELSE '%c' END = true ORDER BY a, b
----
1|1
2|1
tag: SELECT 2
