# DELETE bound from sql/parser's tree: USING, RETURNING, ONLY, aliases, views (nested, with
# expressions and conditions), = ANY (array), subqueries, and its errors.
statement ok
CREATE TABLE d1 (id int PRIMARY KEY, g int, s text)

statement ok
CREATE TABLE d2 (g int PRIMARY KEY, name text)

statement ok
INSERT INTO d1 VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, 2, 'd'), (5, 3, 'e'), (6, 3, 'f'), (7, 4, 'g'), (8, 4, 'h')

statement ok
INSERT INTO d2 VALUES (1, 'one'), (2, 'two'), (3, 'three')

query
DELETE FROM ONLY d1 AS x WHERE x.id = 1 RETURNING x.id, s, x.*
----
1|a|1|1|a
tag: DELETE 1

query
DELETE FROM d1 USING d2 WHERE d1.g = d2.g AND d2.name = 'two' RETURNING d1.id, d2.name
----
3|two
4|two
tag: DELETE 2

query
DELETE FROM d1 WHERE id = ANY (ARRAY[2, 5, 99]) RETURNING id
----
2
5
tag: DELETE 2

statement error 42712
DELETE FROM d1 USING d1 WHERE d1.id = 1

statement error 42P01
DELETE FROM d1 AS x WHERE d1.id = 1

statement error 42703
DELETE FROM d1 WHERE nope = 1

statement error 42P01
DELETE FROM nosuch

statement error 42803
DELETE FROM d1 RETURNING count(*)

query
DELETE FROM d1 WHERE g = (SELECT max(g) FROM d2) RETURNING id, (SELECT name FROM d2 WHERE d2.g = d1.g)
----
6|three
tag: DELETE 1

statement ok
CREATE VIEW dv (k, grp, label) AS SELECT id, g, s || '!' FROM d1 WHERE g >= 1

statement ok
CREATE VIEW dvv AS SELECT k, label FROM dv WHERE k > 7

query
DELETE FROM dvv AS w WHERE w.k = 8 RETURNING *, label || '?' AS l2
----
8|h!|h!?
tag: DELETE 1

query
DELETE FROM dv WHERE grp = 4 RETURNING label, k
----
g!|7
tag: DELETE 1

statement error 42P01
DELETE FROM dv v WHERE dv.k = 1

statement ok
CREATE VIEW dagg AS SELECT g, count(*) AS n FROM d1 GROUP BY g

statement error 55000
DELETE FROM dagg

query
SELECT id, g, s FROM d1 ORDER BY id
----
tag: SELECT 0
