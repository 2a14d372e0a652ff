# ORDER BY inside count, sum, avg, min and max: PostgreSQL accepts it (and the order changes
# nothing for these aggregates).
statement ok
CREATE TABLE pao (id int PRIMARY KEY, g text, v int, n numeric)

statement ok
INSERT INTO pao VALUES (1, 'a', 10, 1.5), (2, 'a', 20, NULL), (3, 'a', 20, 2.5), (4, 'b', 5, 0), (5, 'b', NULL, -1), (6, 'c', 7, 3)

query
SELECT sum(v ORDER BY id), count(v ORDER BY id), min(v ORDER BY v), max(v ORDER BY id DESC), avg(v ORDER BY id) FROM pao
----
62|5|5|20|12.4000000000000000
tag: SELECT 1

query
SELECT g, sum(n ORDER BY id DESC NULLS FIRST), count(DISTINCT v ORDER BY v), avg(n ORDER BY v, id), min(g ORDER BY 1), max(n ORDER BY v) FROM pao GROUP BY g ORDER BY g
----
a|4.0|2|2.0000000000000000|a|2.5
b|-1|1|-0.50000000000000000000|b|0
c|3|1|3.0000000000000000|c|3
tag: SELECT 3

query
SELECT count(v ORDER BY v) FILTER (WHERE v > 5), sum(v ORDER BY id) FILTER (WHERE g = 'a') FROM pao
----
4|50
tag: SELECT 1

query
SELECT g FROM pao GROUP BY g HAVING sum(v ORDER BY id) > 10 ORDER BY max(v ORDER BY id)
----
a
tag: SELECT 1

query
SELECT pg_typeof(sum(v ORDER BY id)), pg_typeof(avg(v ORDER BY id)), pg_typeof(count(v ORDER BY id)) FROM pao
----
bigint|numeric|bigint
tag: SELECT 1

query
SELECT sum(DISTINCT v ORDER BY v), count(DISTINCT g ORDER BY g DESC) FROM pao
----
42|3
tag: SELECT 1

query
SELECT sum(x ORDER BY x) FROM (SELECT 1 AS x WHERE false) s
----
NULL
tag: SELECT 1

statement error 42P10
SELECT count(DISTINCT v ORDER BY id) FROM pao

statement error 42703
SELECT sum(v ORDER BY nosuch) FROM pao

statement error 42803
SELECT sum(v ORDER BY count(*)) FROM pao

statement error 42883
SELECT sum(g ORDER BY id) FROM pao

statement error 42883
SELECT sum(v, v ORDER BY id) FROM pao

statement error 0A000
SELECT sum(v ORDER BY id) OVER () FROM pao
