# GROUP BY (), ROLLUP, CUBE and GROUPING SETS (nested, with plain columns), grouping(),
# rolled-up NULLs against NULL values, HAVING and ORDER BY over them, against PostgreSQL 15.
statement ok
CREATE TABLE gs (id int PRIMARY KEY, a text, b int, c int, v int)

statement ok
INSERT INTO gs VALUES (1, 'x', 1, 10, 5), (2, 'x', 2, 10, 7), (3, 'y', 1, 20, 1), (4, 'y', NULL, 20, 2), (5, NULL, 1, 10, 4), (6, 'x', 1, 20, NULL)

statement ok
CREATE TABLE gs_empty (a int, v int)

query
SELECT count(*), sum(v) FROM gs GROUP BY ()
----
6|19
tag: SELECT 1

query
SELECT count(*), sum(v) FROM gs_empty GROUP BY ()
----
0|NULL
tag: SELECT 1

query
SELECT 1 FROM gs_empty GROUP BY ()
----
1
tag: SELECT 1

query
SELECT a, b, sum(v), count(*) FROM gs GROUP BY ROLLUP (a, b) ORDER BY a, b, grouping(a, b)
----
x|1|5|2
x|2|7|1
x|NULL|12|3
y|1|1|1
y|NULL|2|1
y|NULL|3|2
NULL|1|4|1
NULL|NULL|4|1
NULL|NULL|19|6
tag: SELECT 9

query
SELECT a, b, sum(v), grouping(a, b), grouping(b), grouping(a) FROM gs GROUP BY ROLLUP (a, b) ORDER BY grouping(a, b), a, b
----
x|1|5|0|0|0
x|2|7|0|0|0
y|1|1|0|0|0
y|NULL|2|0|0|0
NULL|1|4|0|0|0
x|NULL|12|1|1|0
y|NULL|3|1|1|0
NULL|NULL|4|1|1|0
NULL|NULL|19|3|1|1
tag: SELECT 9

query
SELECT a, b, count(*), grouping(a, b) FROM gs GROUP BY CUBE (a, b) ORDER BY 4, 1, 2
----
x|1|2|0
x|2|1|0
y|1|1|0
y|NULL|1|0
NULL|1|1|0
x|NULL|3|1
y|NULL|2|1
NULL|NULL|1|1
NULL|1|4|2
NULL|2|1|2
NULL|NULL|1|2
NULL|NULL|6|3
tag: SELECT 12

query
SELECT a, b, c, sum(v) FROM gs GROUP BY GROUPING SETS ((a, b), (c), ()) ORDER BY a, b, c
----
x|1|NULL|5
x|2|NULL|7
y|1|NULL|1
y|NULL|NULL|2
NULL|1|NULL|4
NULL|NULL|10|16
NULL|NULL|20|3
NULL|NULL|NULL|19
tag: SELECT 8

query
SELECT a, c, sum(v) FROM gs GROUP BY a, ROLLUP (c) ORDER BY a, c
----
x|10|12
x|20|NULL
x|NULL|12
y|20|3
y|NULL|3
NULL|10|4
NULL|NULL|4
tag: SELECT 7

query
SELECT a, b, c, count(*) FROM gs GROUP BY GROUPING SETS (a, ROLLUP (b, c), GROUPING SETS ((c), ())) ORDER BY 1, 2, 3, 4
----
x|NULL|NULL|3
y|NULL|NULL|2
NULL|1|10|2
NULL|1|20|2
NULL|1|NULL|4
NULL|2|10|1
NULL|2|NULL|1
NULL|NULL|10|3
NULL|NULL|20|1
NULL|NULL|20|3
NULL|NULL|NULL|1
NULL|NULL|NULL|1
NULL|NULL|NULL|6
NULL|NULL|NULL|6
tag: SELECT 14

query
SELECT a, b, c, count(*) FROM gs GROUP BY ROLLUP (a, (b, c)) ORDER BY 1, 2, 3
----
x|1|10|1
x|1|20|1
x|2|10|1
x|NULL|NULL|3
y|1|20|1
y|NULL|20|1
y|NULL|NULL|2
NULL|1|10|1
NULL|NULL|NULL|6
NULL|NULL|NULL|1
tag: SELECT 10

query
SELECT a, b, count(*) FROM gs GROUP BY CUBE (a), CUBE (b) ORDER BY 1, 2, 3
----
x|1|2
x|2|1
x|NULL|3
y|1|1
y|NULL|1
y|NULL|2
NULL|1|1
NULL|1|4
NULL|2|1
NULL|NULL|1
NULL|NULL|1
NULL|NULL|6
tag: SELECT 12

query
SELECT b, count(*), grouping(b) FROM gs GROUP BY ROLLUP (b) ORDER BY 3, 1
----
1|4|0
2|1|0
NULL|1|0
NULL|6|1
tag: SELECT 4

query
SELECT a, sum(v) FROM gs GROUP BY ROLLUP (a) HAVING sum(v) > 5 ORDER BY a NULLS FIRST
----
NULL|19
x|12
tag: SELECT 2

query
SELECT a, sum(v) FROM gs GROUP BY ROLLUP (a) HAVING grouping(a) = 1
----
NULL|19
tag: SELECT 1

query
SELECT coalesce(a, 'total'), count(*) FROM gs GROUP BY ROLLUP (a) ORDER BY grouping(a), a DESC
----
total|1
y|2
x|3
total|6
tag: SELECT 4

query
SELECT a, count(*) FROM gs_empty GROUP BY ROLLUP (a)
----
NULL|0
tag: SELECT 1

query
SELECT a, b, count(*) FROM gs GROUP BY GROUPING SETS (a, a, (a, b)) ORDER BY 1, 2, 3
----
x|1|2
x|2|1
x|NULL|3
x|NULL|3
y|1|1
y|NULL|1
y|NULL|2
y|NULL|2
NULL|1|1
NULL|NULL|1
NULL|NULL|1
tag: SELECT 11

query
SELECT a, grouping(a), count(*) FROM gs GROUP BY a ORDER BY a
----
x|0|3
y|0|2
NULL|0|1
tag: SELECT 3

query
SELECT b % 2, count(*) FROM gs GROUP BY ROLLUP (b % 2) ORDER BY 1
----
0|1
1|4
NULL|6
NULL|1
tag: SELECT 4

query
SELECT a, b, count(*) FROM gs WHERE c = 10 GROUP BY CUBE (1, 2) ORDER BY 1, 2, 3
----
x|1|1
x|2|1
x|NULL|2
NULL|1|1
NULL|1|2
NULL|2|1
NULL|NULL|1
NULL|NULL|3
tag: SELECT 8

query
SELECT a, (SELECT count(*) FROM gs g2 WHERE g2.a = gs.a), count(*) FROM gs GROUP BY ROLLUP (a) ORDER BY 1, 3
----
x|3|3
y|2|2
NULL|0|1
NULL|0|6
tag: SELECT 4

query
SELECT a, b, rank() OVER (ORDER BY count(*) DESC, a, b) FROM gs GROUP BY ROLLUP (a, b) ORDER BY 3
----
NULL|NULL|1
x|NULL|2
x|1|3
y|NULL|4
x|2|5
y|1|6
y|NULL|7
NULL|1|8
NULL|NULL|9
tag: SELECT 9

statement error 42803
SELECT a, b, count(*) FROM gs GROUP BY ROLLUP (a)

statement error 42803
SELECT grouping(b) FROM gs GROUP BY ROLLUP (a)

statement error 42803
SELECT grouping(a) FROM gs

statement error 42803
SELECT a FROM gs WHERE grouping(a) = 0 GROUP BY a

statement error 42883
SELECT a FROM gs GROUP BY ROLLUP (a, CUBE (b))

statement error 54011
SELECT count(*) FROM gs GROUP BY CUBE (a, b, c, v, id, a, b, c, v, id, a, b, c)
