# A WITH query read by several references, or calling a volatile function, is computed once
# per run of its query, as PostgreSQL materializes it: the references see the same rows.
statement ok
CREATE TABLE cs (id int PRIMARY KEY, v int)

statement ok
INSERT INTO cs VALUES (1, 10), (2, 20), (3, 30)

statement ok
CREATE SEQUENCE cs_seq

query
WITH x AS (SELECT random() AS r) SELECT a.r = b.r FROM x a, x b
----
t
tag: SELECT 1

query
WITH x AS (SELECT nextval('cs_seq') AS n) SELECT a.n, b.n FROM x a, x b
----
1|1
tag: SELECT 1

query
SELECT nextval('cs_seq')
----
2
tag: SELECT 1

query
WITH x AS (SELECT id, random() AS r FROM cs) SELECT count(*) FROM x a JOIN x b ON a.id = b.id WHERE a.r = b.r
----
3
tag: SELECT 1

query
WITH x AS (SELECT id, nextval('cs_seq') AS n FROM cs) SELECT a.id, a.n = b.n FROM x a JOIN x b USING (id) ORDER BY 1
----
1|t
2|t
3|t
tag: SELECT 3

query
WITH x AS (SELECT random() AS r) SELECT count(DISTINCT r) FROM (SELECT (SELECT r FROM x) AS r FROM cs) s
----
1
tag: SELECT 1

query
WITH x AS (SELECT id, v FROM cs) SELECT a.id, b.v FROM x a, x b WHERE a.id = b.id + 1 ORDER BY 1
----
2|10
3|20
tag: SELECT 2

query
SELECT id, (WITH w AS (SELECT cs.v + random() * 0 AS s) SELECT sum(w1.s + w2.s) FROM w w1, w w2) FROM cs ORDER BY id
----
1|20
2|40
3|60
tag: SELECT 3

query
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r), x AS (SELECT n FROM r) (SELECT n FROM x LIMIT 2) UNION ALL (SELECT n * 10 FROM x LIMIT 3)
----
1
2
10
20
30
tag: SELECT 5

query
WITH x AS (SELECT id FROM cs), y AS (SELECT a.id FROM x a, x b WHERE a.id = b.id) SELECT count(*) FROM y, y y2
----
9
tag: SELECT 1

statement ok
PREPARE cs_p AS WITH x AS (SELECT nextval('cs_seq') AS n) SELECT a.n = b.n FROM x a, x b

query
EXECUTE cs_p
----
t
tag: SELECT 1

query
EXECUTE cs_p
----
t
tag: SELECT 1

query
WITH RECURSIVE r(n) AS (SELECT random() UNION ALL SELECT n FROM r WHERE false) SELECT a.n = b.n FROM r a, r b
----
t
tag: SELECT 1

query
WITH RECURSIVE r(n) AS (SELECT nextval('cs_seq') UNION ALL SELECT n + 1 FROM r WHERE n < 0) SELECT count(*) FROM r a JOIN r b ON a.n = b.n
----
1
tag: SELECT 1

query
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT a.n, count(*) FROM r a, r b WHERE b.n <= a.n GROUP BY a.n ORDER BY 1
----
1|1
2|2
3|3
4|4
5|5
tag: SELECT 5

query
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) (SELECT n FROM r LIMIT 2) UNION ALL (SELECT n * 10 FROM r LIMIT 3)
----
1
2
10
20
30
tag: SELECT 5
