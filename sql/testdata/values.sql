# VALUES as a query and as a table, as PostgreSQL 15.
query
VALUES (1), (2)
----
1
2
tag: SELECT 2

query
VALUES (1, 'one'), (2, 'two'), (3, NULL)
----
1|one
2|two
3|NULL
tag: SELECT 3

query
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s)
----
1|a
2|b
tag: SELECT 2

query
SELECT n * 10, upper(s) FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s) WHERE n > 1
----
20|B
tag: SELECT 1

query
SELECT * FROM (VALUES (1, 'a')) v
----
1|a
tag: SELECT 1

query
SELECT column2, column1 FROM (VALUES (1, 'a'), (2, 'b')) v ORDER BY column1 DESC
----
b|2
a|1
tag: SELECT 2

query
VALUES (3, 'c'), (1, 'a'), (2, 'b') ORDER BY 1 LIMIT 2
----
1|a
2|b
tag: SELECT 2

query
VALUES (3, 'c'), (1, 'a'), (2, 'b') ORDER BY column2 DESC OFFSET 1
----
2|b
1|a
tag: SELECT 2

query
SELECT pg_typeof(column1), column1 FROM (VALUES (1), (2.5), (NULL)) v
----
numeric|1
numeric|2.5
numeric|NULL
tag: SELECT 3

query
SELECT pg_typeof(a), a FROM (VALUES (NULL), (7)) v(a)
----
integer|NULL
integer|7
tag: SELECT 2

query
SELECT pg_typeof(a), a FROM (VALUES ('x'), ('y')) v(a)
----
text|x
text|y
tag: SELECT 2

query
SELECT pg_typeof(a), a FROM (VALUES (1::bigint), (2)) v(a) ORDER BY a
----
bigint|1
bigint|2
tag: SELECT 2

statement error 42601
VALUES (1), (2, 3)

statement error 42804
SELECT * FROM (VALUES (1), (true)) v

statement ok
CREATE TABLE items (id int PRIMARY KEY, name text)

statement ok
INSERT INTO items VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')

query
SELECT * FROM items WHERE id IN (VALUES (1), (3)) ORDER BY id
----
1|apple
3|plum
tag: SELECT 2

query
SELECT * FROM items WHERE id NOT IN (VALUES (1), (3)) ORDER BY id
----
2|pear
tag: SELECT 1

query
SELECT i.name, v.price FROM items i JOIN (VALUES (1, 0.5), (2, 0.75), (9, 1.0)) AS v(id, price) ON i.id = v.id ORDER BY i.id
----
apple|0.5
pear|0.75
tag: SELECT 2

query
SELECT i.name, v.price FROM items i LEFT JOIN (VALUES (1, 0.5)) AS v(id, price) ON i.id = v.id ORDER BY i.id
----
apple|0.5
pear|NULL
plum|NULL
tag: SELECT 3

query
SELECT 1 UNION VALUES (2), (1) ORDER BY 1
----
1
2
tag: SELECT 2

query
VALUES (1) UNION ALL SELECT 2 ORDER BY 1 DESC
----
2
1
tag: SELECT 2

query
SELECT (VALUES (42))
----
42
tag: SELECT 1

query
SELECT id, (SELECT v.x FROM (VALUES (items.id * 2)) v(x)) FROM items ORDER BY id
----
1|2
2|4
3|6
tag: SELECT 3

statement ok
INSERT INTO items SELECT * FROM (VALUES (4, 'fig'), (5, 'kiwi')) AS v(a, b)

query
SELECT count(*) FROM items
----
5
tag: SELECT 1

query
WITH w(a, b) AS (VALUES (1, 2), (3, 4)) SELECT a + b FROM w ORDER BY 1
----
3
7
tag: SELECT 2

query
SELECT * FROM (VALUES (1, 2), (3, 4)) AS v(a, b) WHERE (a, b) > (1, 2)
----
3|4
tag: SELECT 1
