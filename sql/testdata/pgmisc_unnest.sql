# unnest of several arrays in FROM (ROWS FROM of one unnest per array, NULL-padded), as
# PostgreSQL 15 answers.
query
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c'])
----
1|a
2|b
NULL|c
tag: SELECT 3

query
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u
----
1|a
2|b
NULL|c
tag: SELECT 3

query
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u (x)
----
1|a
2|b
NULL|c
tag: SELECT 3

query
SELECT x, y FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) u (x, y) WHERE y > 'a' ORDER BY y
----
2|b
NULL|c
tag: SELECT 2

query
SELECT u.* FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) WITH ORDINALITY AS u
----
1|a|1
2|b|2
NULL|c|3
tag: SELECT 3

query
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) WITH ORDINALITY AS u (x, y, n) ORDER BY n DESC
----
NULL|c|3
2|b|2
1|a|1
tag: SELECT 3

query
SELECT * FROM unnest(ARRAY[1, 2], NULL::int[])
----
1|NULL
2|NULL
tag: SELECT 2

query
SELECT * FROM unnest(ARRAY['a,b', 'c'], ARRAY['(1,2)'], ARRAY[1.5, 2.5, 3.5]) u (x, y, z)
----
a,b|(1,2)|1.5
c|NULL|2.5
NULL|NULL|3.5
tag: SELECT 3

query
SELECT * FROM unnest('{}'::int[], '{}'::text[])
----
tag: SELECT 0

statement ok
CREATE TABLE un (id int PRIMARY KEY, ks text[], vs int[])

statement ok
INSERT INTO un VALUES (1, ARRAY['a', 'b'], ARRAY[10, 20, 30])

query
SELECT k, v FROM unnest((SELECT ks FROM un WHERE id = 1), (SELECT vs FROM un WHERE id = 1)) AS kv (k, v) ORDER BY v
----
a|10
b|20
NULL|30
tag: SELECT 3

query
SELECT count(*), count(k), sum(v) FROM unnest(ARRAY['p', 'q', 'r'], ARRAY[1, 2]) t (k, v)
----
3|3|3
tag: SELECT 1

query
SELECT t.k, un.id FROM unnest(ARRAY['a', 'z'], ARRAY[1, 2]) t (k, n) JOIN un ON un.id = t.n ORDER BY 1
----
a|1
tag: SELECT 1

statement error 42P10
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) AS u (x, y, z)

statement error 42883
SELECT unnest(ARRAY[1, 2], ARRAY[3])

statement error 42601
SELECT * FROM unnest(ARRAY[1], ARRAY[2]) u (x,)
