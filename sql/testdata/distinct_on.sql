# SELECT DISTINCT ON (exprs) with ORDER BY (whose leftmost keys must be the DISTINCT ON
# expressions: 42P10), LIMIT/OFFSET, hidden keys, aggregates and NULLs, against PostgreSQL 15.
statement ok
CREATE TABLE dn (id int PRIMARY KEY, g text, h int, v int, c char(3))

statement ok
INSERT INTO dn VALUES (1, 'a', 1, 10, 'x'), (2, 'a', 2, 30, 'x  '), (3, 'b', 1, 20, 'y'), (4, 'b', 1, 5, 'y'), (5, NULL, 2, 7, NULL), (6, NULL, 1, 8, NULL), (7, 'c', NULL, 1, 'z')

query
SELECT DISTINCT ON (g) g, id, v FROM dn ORDER BY g, v DESC
----
a|2|30
b|3|20
c|7|1
NULL|6|8
tag: SELECT 4

query
SELECT DISTINCT ON (g) g, id, v FROM dn ORDER BY g DESC NULLS LAST, v
----
c|7|1
b|4|5
a|1|10
NULL|5|7
tag: SELECT 4

query
SELECT DISTINCT ON (g, h) g, h, id FROM dn ORDER BY g, h, id
----
a|1|1
a|2|2
b|1|3
c|NULL|7
NULL|1|6
NULL|2|5
tag: SELECT 6

query
SELECT DISTINCT ON (h, g) g, h, id FROM dn ORDER BY g, h, id DESC
----
a|1|1
a|2|2
b|1|4
c|NULL|7
NULL|1|6
NULL|2|5
tag: SELECT 6

query
SELECT DISTINCT ON (g) id FROM dn ORDER BY g, id DESC
----
2
4
7
6
tag: SELECT 4

query
SELECT DISTINCT ON (1) g, id FROM dn ORDER BY 1, 2 DESC
----
a|2
b|4
c|7
NULL|6
tag: SELECT 4

query
SELECT DISTINCT ON (g) g, id FROM dn ORDER BY g, id LIMIT 2
----
a|1
b|3
tag: SELECT 2

query
SELECT DISTINCT ON (g) g, id FROM dn ORDER BY g, id LIMIT 2 OFFSET 1
----
b|3
c|7
tag: SELECT 2

statement error 42P10
SELECT DISTINCT ON (g, h) g, h, id FROM dn ORDER BY g, id

query
SELECT DISTINCT ON (c) c, id FROM dn ORDER BY c, id DESC
----
x  |2
y  |4
z  |7
NULL|6
tag: SELECT 4

query
SELECT DISTINCT ON (v % 2) v % 2 AS parity, id FROM dn ORDER BY v % 2, id
----
0|1
1|4
tag: SELECT 2

query
SELECT DISTINCT ON (g) g, count(*), max(v) FROM dn GROUP BY g, h ORDER BY g, count(*) DESC, max(v)
----
a|1|10
b|2|20
c|1|1
NULL|1|7
tag: SELECT 4

query
SELECT DISTINCT ON (h) h FROM dn ORDER BY h
----
1
2
NULL
tag: SELECT 3

query
SELECT DISTINCT ON (g) * FROM dn ORDER BY g, id DESC
----
2|a|2|30|x  
4|b|1|5|y  
7|c|NULL|1|z  
6|NULL|1|8|NULL
tag: SELECT 4

query
SELECT DISTINCT ON (dn.g) dn.*, 1 AS one FROM dn ORDER BY dn.g, id
----
1|a|1|10|x  |1
3|b|1|20|y  |1
7|c|NULL|1|z  |1
5|NULL|2|7|NULL|1
tag: SELECT 4

query
SELECT DISTINCT ON (g) g, id FROM dn ORDER BY g, id FETCH FIRST 1 ROW ONLY
----
a|1
tag: SELECT 1

query
SELECT DISTINCT ON (1 + 1) 1 + 1 AS two
----
2
tag: SELECT 1

query
SELECT g, (SELECT DISTINCT ON (h) v FROM dn d2 WHERE d2.g = dn.g ORDER BY h, v DESC LIMIT 1) FROM dn GROUP BY g ORDER BY g
----
a|10
b|20
c|1
NULL|NULL
tag: SELECT 4

query
SELECT count(*) FROM (SELECT DISTINCT ON (g) * FROM dn ORDER BY g, id) s
----
4
tag: SELECT 1

query
SELECT * FROM (SELECT DISTINCT ON (g) g, id FROM dn ORDER BY g, id DESC) s WHERE id > 3 ORDER BY id
----
b|4
NULL|6
c|7
tag: SELECT 3

statement error 42P10
SELECT DISTINCT ON (g) g, id FROM dn ORDER BY id

statement error 42P10
SELECT DISTINCT ON (g, h) g, h, id FROM dn ORDER BY g, id, h

query
SELECT DISTINCT ON (g) g FROM dn ORDER BY g, id, g
----
a
b
c
NULL
tag: SELECT 4

statement error 42703
SELECT DISTINCT ON (nope) g FROM dn
