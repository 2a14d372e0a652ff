# UPDATE bound from sql/parser's tree: SET lists (DEFAULT, multiple-column items from a row,
# ROW(...) and a subquery), FROM with joins and LATERAL, ONLY, aliases, RETURNING, views
# (nested, WITH CHECK OPTION), WHERE CURRENT OF, and the errors the dialect pass got wrong.
statement ok
CREATE TABLE u1 (id int PRIMARY KEY, g int, s text DEFAULT 'dflt', n int)

statement ok
CREATE TABLE u2 (g int PRIMARY KEY, name text, k int)

statement ok
INSERT INTO u1 VALUES (1, 1, 'a', 10), (2, 1, 'b', 20), (3, 2, 'c', 30), (4, 2, 'd', 40), (5, 3, 'e', 50)

statement ok
INSERT INTO u2 VALUES (1, 'one', 100), (2, 'two', 200), (3, 'three', 300)

query
UPDATE ONLY u1 AS x SET n = x.n + 1, s = DEFAULT WHERE x.id = 1 RETURNING x.id, s, x.*
----
1|dflt|1|1|dflt|11
tag: UPDATE 1

query
UPDATE u1 SET (s, n) = ('p', DEFAULT) WHERE id = 2 RETURNING *
----
2|1|p|NULL
tag: UPDATE 1

query
UPDATE u1 SET (s, n) = ROW(s || '!', n * 2) WHERE id IN (3, 4) RETURNING id, s, n
----
3|c!|60
4|d!|80
tag: UPDATE 2

query
UPDATE u1 SET (s, n) = (SELECT name, k FROM u2 WHERE u2.g = u1.g) WHERE id >= 3 RETURNING id, s, n
----
3|two|200
4|two|200
5|three|300
tag: UPDATE 3

query
UPDATE u1 SET n = u2.k + u1.id FROM u2 WHERE u1.g = u2.g AND u2.name = 'one' RETURNING u1.id, u1.n, u2.name
----
1|101|one
2|102|one
tag: UPDATE 2

query
UPDATE u1 SET s = l.t FROM u2 JOIN LATERAL (SELECT u2.name || '-' || u2.k AS t) l ON true WHERE u1.g = u2.g AND u1.id = 5 RETURNING u1.s
----
three-300
tag: UPDATE 1

query
UPDATE u1 SET n = $$7$$ WHERE id = ANY (ARRAY[1, 99]) RETURNING n
----
7
tag: UPDATE 1

statement error 42601
UPDATE u1 SET n = DEFAULT + 1

statement error 42601
UPDATE u1 SET n = 1, n = 2

statement error 42703
UPDATE u1 SET nope = 1

statement error 42601
UPDATE u1 SET (s, n) = ('a', 1, 2)

statement error 0A000
UPDATE u1 SET (s, n) = 1

statement error 42712
UPDATE u1 SET n = 1 FROM u1 WHERE true

statement error 42P01
UPDATE u1 AS x SET n = 1 WHERE u1.id = 1

statement error 42803
UPDATE u1 SET n = 1 RETURNING count(*)

statement error 34000
UPDATE u1 SET n = 1 WHERE CURRENT OF nosuchcursor

statement ok
CREATE VIEW uv AS SELECT id, s, n, n + 1 AS n1 FROM u1 WHERE n < 1000 WITH CHECK OPTION

statement ok
CREATE VIEW uvv AS SELECT id, n, s AS label FROM uv WHERE id < 5

query
UPDATE uv SET n = n1 + 1 WHERE id = 1 RETURNING *
----
1|dflt|9|10
tag: UPDATE 1

statement error 44000
UPDATE uvv SET (label, n) = ('via', DEFAULT) WHERE id = 2

query
UPDATE uvv SET (label, n) = ROW('via', n + 1) WHERE id = 2 RETURNING label, n
----
via|103
tag: UPDATE 1

statement error 44000
UPDATE uvv SET n = 5000 WHERE id = 1

statement error 0A000
UPDATE uv SET n1 = 2

statement error 42703
UPDATE uv SET g = 2

query
SELECT id, g, s, n FROM u1 ORDER BY id
----
1|1|dflt|9
2|1|via|103
3|2|two|200
4|2|two|200
5|3|three-300|300
tag: SELECT 5
