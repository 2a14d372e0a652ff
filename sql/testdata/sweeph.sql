# Side-by-side sweep of PostgreSQL 15's regression files (join, subselect, with, numeric,
# int8, float8, interval, timestamptz): the differences found there, each reduced to its
# smallest statement.
# A column-name keyword that starts a typed literal (interval '1 day') names a column when
# what follows it cannot continue the literal (timestamptz.sql's "SELECT str, interval, ...").
statement ok
CREATE TABLE sw_kw (interval int, "time" int, "timestamp" int, "char" int, "real" int, "numeric" int, "int" int, "varchar" int, "bit" int, "dec" int, "float" int, "national" int, "boolean" int, "precision" int)

statement ok
INSERT INTO sw_kw VALUES (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)

query
SELECT interval, time, timestamp FROM sw_kw
----
1|2|3
tag: SELECT 1

query
SELECT interval + 1, sw_kw.interval, char, real, numeric, int, varchar, bit, dec, float, national, boolean, precision FROM sw_kw WHERE interval = 1 AND time = 2 ORDER BY interval, time
----
2|1|4|5|6|7|8|9|10|11|12|13|14
tag: SELECT 1

query
SELECT interval '1 day', time '10:00', timestamp '2000-01-01', time with time zone '10:00+02', char(2) 'ab', character varying '101', double precision '1.5'
----
1 day|10:00:00|2000-01-01 00:00:00|10:00:00+02|ab|101|1.5
tag: SELECT 1

statement error 42601
SELECT interval(2) FROM sw_kw

# Two FROM items of one query level may not share a name (join.sql: "table name "a1"
# specified more than once"), but two tables named without an alias may when they differ.
statement ok
CREATE TABLE sw_j1 (i int, j int, t text)

statement ok
CREATE TABLE sw_j2 (i int, k int)

statement ok
INSERT INTO sw_j1 VALUES (1, 4, 'one'), (2, 3, 'two'), (3, 2, 'three'), (NULL, 0, 'zero')

statement ok
INSERT INTO sw_j2 VALUES (1, -1), (2, 2), (2, 4), (5, -5), (NULL, NULL)

statement error 42712
SELECT * FROM sw_j1 a, sw_j2 a

statement error 42712
SELECT * FROM sw_j1 a JOIN sw_j2 a ON true

statement error 42712
SELECT * FROM sw_j1, sw_j1

statement error 42712
SELECT * FROM sw_j1 a, LATERAL (SELECT * FROM sw_j2) a

statement error 42712
WITH c AS (SELECT 1 AS x) SELECT * FROM c, c

statement error 42712
SELECT * FROM generate_series(1, 2), generate_series(1, 3)

statement error 42712
SELECT * FROM sw_j1 a1 JOIN sw_j2 a2 USING (i) AS a1

statement error 42712
UPDATE sw_j2 SET k = 0 FROM sw_j2

statement error 42712
DELETE FROM sw_j2 USING sw_j2

query
SELECT count(*) FROM (sw_j1 a CROSS JOIN sw_j2 b) x, sw_j1 a
----
80
tag: SELECT 1

statement ok
CREATE TEMP TABLE sw_j1 (i int)

query
SELECT count(*) FROM sw_j1, public.sw_j1
----
0
tag: SELECT 1

statement ok
DROP TABLE pg_temp.sw_j1

# JOIN ... USING (cols) AS x names the merged columns x.col, x.*, x (PostgreSQL 14's
# join_using_alias); the sides' own columns are not x's.
query
SELECT * FROM sw_j1 JOIN sw_j2 USING (i) AS x WHERE x.i = 1
----
1|4|one|-1
tag: SELECT 1

statement error 42703
SELECT * FROM sw_j1 JOIN sw_j2 USING (i) AS x WHERE x.t = 'one'

statement error 42P01
SELECT * FROM (sw_j1 JOIN sw_j2 USING (i) AS x) AS xx WHERE x.i = 1

query
SELECT x.*, ROW(x.*), row_to_json(x.*), row_to_json(x) FROM sw_j1 JOIN sw_j2 USING (i) AS x WHERE sw_j1.t = 'one'
----
1|(1)|{"i":1}|{"i":1}
tag: SELECT 1

query
SELECT x.i, a.i, b.i FROM (VALUES (1), (2)) a(i) FULL JOIN (VALUES (2), (3)) b(i) USING (i) AS x ORDER BY 1
----
1|1|NULL
2|2|2
3|NULL|3
tag: SELECT 3

query
SELECT x.i, count(*) FROM (VALUES (1), (2), (2)) a(i) FULL JOIN (VALUES (2), (3), (3)) b(i) USING (i) AS x GROUP BY x.i ORDER BY 1
----
1|1
2|2
3|2
tag: SELECT 3

query
SELECT x.*, y.*, row_to_json(x) FROM (VALUES (1, 2)) a(p, q) JOIN (VALUES (1, 2)) b(p, q) USING (q, p) AS x JOIN (VALUES (1, 3)) c(p, r) USING (p) AS y
----
2|1|1|{"q":2,"p":1}
tag: SELECT 1

query
SELECT x.p FROM (VALUES (1, 2)) a(p, q) LEFT JOIN (VALUES (5, 2)) b(p, q) USING (p) AS x WHERE x.p = 1 AND a.q = 2
----
1
tag: SELECT 1
