# ROW(...) constructors as values (anonymous records, printed as record_out prints them) and
# rows compared with a subquery's one row, as PostgreSQL 15.
statement ok
CREATE TABLE r (a int, b int, c text)

statement ok
INSERT INTO r VALUES (1, 2, 'x'), (3, 4, 'y'), (NULL, 5, 'z y')

statement ok
CREATE TABLE s2 (x int, y int, z bigint)

statement ok
INSERT INTO s2 VALUES (1, 2, 10), (3, 5, 20)

query
SELECT ROW(1, 2), (1, 2), ROW(1, 2) = ROW(1, 2), ROW(1, 2) < ROW(1, 3), ROW(1, NULL) = ROW(1, 2)
----
(1,2)|(1,2)|t|t|NULL
tag: SELECT 1

query
SELECT ROW(a, b, c), (c, a) FROM r ORDER BY b
----
(1,2,x)|(x,1)
(3,4,y)|(y,3)
(,5,"z y")|("z y",)
tag: SELECT 3

query
SELECT ROW(1, 'a b', NULL, '', 'x,y', 'q"r', 'back\slash', 1.5, true)
----
(1,"a b",,"","x,y","q""r","back\\slash",1.5,t)
tag: SELECT 1

query
SELECT a FROM r WHERE ROW(a, b) = ROW(3, 4)
----
3
tag: SELECT 1

query
SELECT ROW(a, b) IN (SELECT x, y FROM s2), ROW(a, b) NOT IN ((1, 2), (7, 8)) FROM r ORDER BY b
----
t|f
f|t
NULL|t
tag: SELECT 3

query
SELECT a, b FROM r WHERE (a, b) = (SELECT x, y FROM s2 WHERE x = 1)
----
1|2
tag: SELECT 1

query
SELECT a, b FROM r WHERE (a, b) <> (SELECT x, y FROM s2 WHERE x = 1) ORDER BY b
----
3|4
NULL|5
tag: SELECT 2

query
SELECT a, b FROM r WHERE (a, b) < (SELECT x, y FROM s2 WHERE x = 3) ORDER BY b
----
1|2
3|4
tag: SELECT 2

query
SELECT a, b FROM r WHERE (a, b) >= (SELECT x, y FROM s2 WHERE x = 3) ORDER BY b
----
tag: SELECT 0

statement error 42601
SELECT a, b FROM r WHERE (SELECT x, y FROM s2 WHERE x = 3) > (a, b) ORDER BY b

query
SELECT b, (a, b) = (SELECT x, y FROM s2 WHERE s2.x = r.a), (a, b) <= (SELECT x, z FROM s2 WHERE s2.y = r.b + 1) FROM r ORDER BY b
----
2|t|NULL
4|f|t
5|NULL|NULL
tag: SELECT 3

query
SELECT (1, 2) = (SELECT 1, 2 WHERE false), (1, 2) <> (SELECT 3, 4 WHERE false)
----
NULL|NULL
tag: SELECT 1

query
SELECT (1, '2') = (SELECT 1, 2), ('a', 1) < (SELECT 'b', 0)
----
t|t
tag: SELECT 1

query
SELECT (a, b, c) = (SELECT x, y, 'x' FROM s2 WHERE x = 1) FROM r ORDER BY b
----
t
f
f
tag: SELECT 3

statement error 21000
SELECT a, b FROM r WHERE (a, b) = (SELECT x, y FROM s2)

statement error 21000
SELECT a, b FROM r WHERE (a, b) < (SELECT x, y FROM s2)

statement error 42601
SELECT a, b FROM r WHERE (a, b) = (SELECT x FROM s2 WHERE x = 1)

statement error 42601
SELECT a, b FROM r WHERE (a, b) = (SELECT x, y, z FROM s2 WHERE x = 1)

statement error 42883
SELECT a, b FROM r WHERE (a, b) = (SELECT c, b FROM r WHERE b = 2)

statement error 42883
SELECT (SELECT 1) = (1, 2)

statement ok
INSERT INTO r VALUES (1, 2, 'w'), (NULL, NULL, NULL)

query
SELECT ROW(a, b), ROW(a, b) IS NULL, ROW(a, b) IS NOT NULL, (a, c) IS NULL FROM r ORDER BY ROW(a, b), c
----
(1,2)|f|t|f
(1,2)|f|t|f
(3,4)|f|t|f
(,5)|f|f|f
(,)|t|f|t
tag: SELECT 5

query
SELECT ROW(a, b), count(*) FROM r GROUP BY ROW(a, b) ORDER BY 1 DESC
----
(,)|1
(,5)|1
(3,4)|1
(1,2)|2
tag: SELECT 4

query
SELECT DISTINCT (a, b) FROM r ORDER BY 1
----
(1,2)
(3,4)
(,5)
(,)
tag: SELECT 4

# A row IN a list whose item is not a row constructor compares the row with it as a record.
query
SELECT (1, 2) IN ((1, 2), NULL), (5, 6) NOT IN ((3, 4), NULL), (1, 2) NOT IN ((3, 4))
----
t|NULL|t
tag: SELECT 1
