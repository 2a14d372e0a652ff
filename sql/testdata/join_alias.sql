# An alias on a parenthesized join hides the names inside it (join_alias.go).
statement ok
CREATE TABLE ja (k int PRIMARY KEY, x int)

statement ok
CREATE TABLE jb (k int PRIMARY KEY, y int)

statement ok
CREATE TABLE jc (k int PRIMARY KEY, z int)

statement ok
INSERT INTO ja VALUES (1, 10), (2, 20), (4, 40)

statement ok
INSERT INTO jb VALUES (1, 100), (3, 300), (4, 400)

statement ok
INSERT INTO jc VALUES (1, 7), (2, 8)

query
SELECT * FROM (ja JOIN jb USING (k)) AS j ORDER BY k
----
1|10|100
4|40|400
tag: SELECT 2

query
SELECT j.k, j.x, j.y FROM (ja JOIN jb USING (k)) AS j ORDER BY 1
----
1|10|100
4|40|400
tag: SELECT 2

query
SELECT j.* FROM (ja JOIN jb USING (k)) j ORDER BY 1
----
1|10|100
4|40|400
tag: SELECT 2

query
SELECT * FROM (ja LEFT JOIN jb USING (k)) AS j (a, b, c) ORDER BY a
----
1|10|100
2|20|NULL
4|40|400
tag: SELECT 3

query
SELECT j.a, j.c FROM (ja LEFT JOIN jb USING (k)) AS j (a, b, c) ORDER BY 1
----
1|100
2|NULL
4|400
tag: SELECT 3

query
SELECT * FROM (ja FULL JOIN jb USING (k)) AS j ORDER BY k
----
1|10|100
2|20|NULL
3|NULL|300
4|40|400
tag: SELECT 4

query
SELECT j.k, jc.z FROM (ja JOIN jb USING (k)) AS j JOIN jc ON jc.k = j.k ORDER BY 1
----
1|7
tag: SELECT 1

query
SELECT j.k, jc.z FROM jc LEFT JOIN (ja JOIN jb USING (k)) AS j USING (k) ORDER BY 1
----
1|7
NULL|8
tag: SELECT 2

query
SELECT * FROM (ja NATURAL JOIN jb) AS j ORDER BY 1
----
1|10|100
4|40|400
tag: SELECT 2

query
SELECT count(*) FROM (ja CROSS JOIN jb) AS j
----
9
tag: SELECT 1

query
SELECT j.x, j.y FROM (ja JOIN jb ON ja.k = jb.k) AS j ORDER BY 1
----
10|100
40|400
tag: SELECT 2

query
SELECT * FROM ((ja JOIN jb USING (k)) JOIN jc USING (k)) AS j
----
1|10|100|7
tag: SELECT 1

query
SELECT j.k FROM ((ja JOIN jb USING (k)) AS i JOIN jc USING (k)) AS j
----
1
tag: SELECT 1

query
SELECT i.x, jc.z FROM (ja JOIN jb USING (k)) AS i, jc WHERE i.k = jc.k
----
10|7
tag: SELECT 1

query
SELECT (SELECT max(j.y) FROM (ja JOIN jb USING (k)) j WHERE j.x < o.z * 10) FROM jc o ORDER BY 1
----
400
400
tag: SELECT 2

query
SELECT * FROM (SELECT 1 AS one) AS s, (ja JOIN jb USING (k)) j ORDER BY k
----
1|1|10|100
1|4|40|400
tag: SELECT 2

query
SELECT * FROM ((SELECT 1 AS one)) AS s
----
1
tag: SELECT 1

statement error 42P01
SELECT ja.x FROM (ja JOIN jb USING (k)) AS j

statement error 42P01
SELECT jb.* FROM (ja JOIN jb USING (k)) AS j

statement error 42703
SELECT j.w FROM (ja JOIN jb USING (k)) AS j

statement error 42702
SELECT j.k FROM (ja JOIN jb ON ja.k = jb.k) AS j

statement error 42601
SELECT * FROM (ja) AS j

statement error 42P10
SELECT * FROM (ja JOIN jb USING (k)) AS j (a, b, c, d)

# a parenthesized set operation whose later branch joins is a subquery, not a join to alias
query
SELECT * FROM ((SELECT 1 AS k) EXCEPT SELECT a.k FROM (VALUES (2)) a(k) JOIN (VALUES (2)) b(k) USING (k)) u
----
1
tag: SELECT 1

query
SELECT * FROM ((SELECT 2 AS k) INTERSECT SELECT k FROM (VALUES (2)) a(k) JOIN (VALUES (2)) b(k) USING (k) ORDER BY 1) u
----
2
tag: SELECT 1
