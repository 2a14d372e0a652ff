# WITH x AS [NOT] MATERIALIZED (cte_materialized.go): the results are those of the default;
# which WITH queries are computed once is checked by TestCTEMaterializedShares.
statement ok
CREATE TABLE cm (id int PRIMARY KEY, v int)

statement ok
INSERT INTO cm VALUES (1, 10), (2, 20), (3, 30)

statement ok
CREATE SEQUENCE cm_seq

query
WITH x AS MATERIALIZED (SELECT id, v FROM cm) SELECT * FROM x ORDER BY id
----
1|10
2|20
3|30
tag: SELECT 3

query
WITH x AS NOT MATERIALIZED (SELECT id, v FROM cm) SELECT * FROM x WHERE id > 1 ORDER BY id
----
2|20
3|30
tag: SELECT 2

query
WITH x AS MATERIALIZED (SELECT id, v FROM cm), y AS NOT MATERIALIZED (SELECT id FROM x WHERE v > 10) SELECT x.id, y.id FROM x LEFT JOIN y USING (id) ORDER BY 1
----
1|NULL
2|2
3|3
tag: SELECT 3

query
WITH x AS NOT MATERIALIZED (SELECT random() AS r) SELECT a.r = b.r FROM x a, x b
----
t
tag: SELECT 1

query
WITH x AS MATERIALIZED (SELECT random() AS r) SELECT a.r = b.r FROM x a, x b
----
t
tag: SELECT 1

query
WITH x AS MATERIALIZED (SELECT nextval('cm_seq') AS n) SELECT id, (SELECT n FROM x) FROM cm ORDER BY id
----
1|1
2|1
3|1
tag: SELECT 3

query
WITH x AS (SELECT nextval('cm_seq') AS n) SELECT id, (SELECT n FROM x) FROM cm ORDER BY id
----
1|2
2|2
3|2
tag: SELECT 3

query
WITH x AS NOT MATERIALIZED (SELECT nextval('cm_seq') AS n) SELECT a.n = b.n FROM x a, x b
----
t
tag: SELECT 1

query
WITH x AS NOT MATERIALIZED (SELECT id, v FROM cm) SELECT a.id, b.v FROM x a JOIN x b ON a.id = b.id - 1 ORDER BY 1
----
1|20
2|30
tag: SELECT 2

query
WITH x (a, b) AS MATERIALIZED (VALUES (1, 'one'), (2, 'two')) SELECT * FROM x ORDER BY a
----
1|one
2|two
tag: SELECT 2

query
WITH x AS NOT MATERIALIZED (SELECT 1 AS v UNION ALL SELECT 2) SELECT sum(v) FROM x
----
3
tag: SELECT 1

query
WITH RECURSIVE r (n) AS MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) SELECT * FROM r
----
1
2
3
4
tag: SELECT 4

query
WITH RECURSIVE r (n) AS NOT MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT a.n, b.n FROM r a JOIN r b USING (n)
----
1|1
2|2
3|3
tag: SELECT 3

query
WITH x AS MATERIALIZED (WITH y AS NOT MATERIALIZED (SELECT 5 AS v) SELECT v * 2 AS w FROM y) SELECT w FROM x
----
10
tag: SELECT 1

query
SELECT id, (WITH x AS MATERIALIZED (SELECT cm.v + 1 AS w) SELECT w FROM x) FROM cm ORDER BY id
----
1|11
2|21
3|31
tag: SELECT 3

query
WITH x AS (SELECT 1 AS materialized) SELECT materialized FROM x
----
1
tag: SELECT 1

query
SELECT * FROM (WITH x AS MATERIALIZED (SELECT id FROM cm WHERE id < 3) SELECT count(*) AS c FROM x) s
----
2
tag: SELECT 1

statement error 42601
WITH x AS MATERIALIZED SELECT 1

statement error 42601
WITH x AS NOT (SELECT 1) SELECT * FROM x

statement error 42601
WITH x MATERIALIZED (SELECT 1) SELECT * FROM x
