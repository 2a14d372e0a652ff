# hunt2: wrong answers found comparing drove with PostgreSQL 15 (its regression suite and
# known disagreements); each block failed on drove before its fix.
# A non-deferrable foreign key is judged when the statement ends, as PostgreSQL's RI
# triggers: a child row may come before its parent in one statement.
statement ok
CREATE TABLE fkself (id int PRIMARY KEY, parent int REFERENCES fkself(id))

statement ok
INSERT INTO fkself VALUES (2, 1), (1, NULL)

statement ok
UPDATE fkself SET id = id + 10, parent = parent + 10

query
SELECT * FROM fkself ORDER BY id
----
11|NULL
12|11
tag: SELECT 2

statement ok
INSERT INTO fkself VALUES (4, 3), (3, 2), (2, NULL)

statement error 23503
INSERT INTO fkself VALUES (6, 5), (7, NULL)

statement ok
DELETE FROM fkself WHERE id IN (2, 3, 4)

statement error 23503
DELETE FROM fkself WHERE id = 11

statement ok
CREATE TABLE fkp (id int PRIMARY KEY)

statement ok
CREATE TABLE fkc (id int PRIMARY KEY, p int REFERENCES fkp(id))

statement ok
INSERT INTO fkp VALUES (1)

statement error 23503
INSERT INTO fkc VALUES (1, 2), (2, 1)

statement ok
INSERT INTO fkp VALUES (2)

statement ok
INSERT INTO fkc VALUES (2, 2)

query
SELECT * FROM fkc ORDER BY id
----
2|2
tag: SELECT 1

statement error 23503
UPDATE fkc SET p = p + 5

# A non-deferrable UNIQUE or PRIMARY KEY is checked row by row, as in PostgreSQL.
statement ok
CREATE TABLE uq (id int PRIMARY KEY, u int UNIQUE)

statement ok
INSERT INTO uq VALUES (1, 1), (2, 2)

statement error 23505
UPDATE uq SET id = id + 1

statement error 23505
UPDATE uq SET u = u + 1

statement error 23505
UPDATE uq SET id = 3 - id

# An ordered-set aggregate's direct argument may read only grouped columns (42803).
statement error 42803
SELECT percentile_cont(id) WITHIN GROUP (ORDER BY u) FROM uq

statement error 42803
SELECT percentile_disc(u / 10.0) WITHIN GROUP (ORDER BY id) FROM uq GROUP BY u + 1

query
SELECT u, percentile_disc(uq.u / 10.0) WITHIN GROUP (ORDER BY id), percentile_cont((u + 1) / 10.0) WITHIN GROUP (ORDER BY id) FROM uq GROUP BY u, u + 1 ORDER BY u
----
1|1|1
2|2|2
tag: SELECT 2

query
SELECT percentile_cont(0.5 + (SELECT max(id) FROM uq) * 0) WITHIN GROUP (ORDER BY id), mode() WITHIN GROUP (ORDER BY u) FROM uq
----
1.5|1
tag: SELECT 1

# An OFFSET without LIMIT in one subquery after a LIMIT in another (PostgreSQL's
# subselect.sql): the LIMIT belongs to its own query level.
query
SELECT exists(SELECT 1 LIMIT 0), NOT exists (SELECT 1 OFFSET 1), (SELECT 1 LIMIT 1), (SELECT 2 OFFSET 1)
----
f|t|1|NULL
tag: SELECT 1

query
SELECT * FROM (SELECT x FROM generate_series(1, 5) x LIMIT 3) a WHERE a.x IN (SELECT y FROM generate_series(1, 5) y OFFSET 1) ORDER BY 1
----
2
3
tag: SELECT 2

query
SELECT (SELECT x FROM generate_series(1, 5) x ORDER BY x LIMIT 1), (SELECT y FROM generate_series(1, 5) y ORDER BY y OFFSET 2 LIMIT 1), (SELECT 7 OFFSET 0)
----
1|3|7
tag: SELECT 1

# float4 and float8 print in exponential form by the shortest digits' decimal exponent, as
# PostgreSQL's float4out (at least FLT_DIG, 6) and float8out (DBL_DIG, 15): 1234567::float4
# printed 1234567 and 0.0001::float4 printed 1e-04 (PostgreSQL's float4.sql, int4.sql).
query
SELECT 123456::float4, 1234567::float4, 12345678::float4, 1e6::float4, 1.5e7::float4, 16777216::float4, 0.0001::float4, 0.00012::float4, 1e-5::float4, -1234567::float4, 999999::float4
----
123456|1.234567e+06|1.2345678e+07|1e+06|1.5e+07|1.6777216e+07|0.0001|0.00012|1e-05|-1.234567e+06|999999
tag: SELECT 1

query
SELECT 123456789::float4, (1234567::float4)::text, row_to_json(ROW(0.0001::float4)), 1e15::float8, 999999999999999::float8, 0.0001::float8, 0.00009999::float8, 123456789012345.6::float8, '-0'::float4
----
1.2345679e+08|1.234567e+06|{"f1":0.0001}|1e+15|999999999999999|0.0001|9.999e-05|123456789012345.6|-0
tag: SELECT 1

# SELECT * over a USING or NATURAL join lists the merged columns first, then the left's
# others, then the right's, as PostgreSQL (PostgreSQL's join.sql): they came in table order.
statement ok
CREATE TABLE u1 (a int, b int, d int)

statement ok
CREATE TABLE u2 (c int, b int, d int)

statement ok
INSERT INTO u1 VALUES (1, 2, 4)

statement ok
INSERT INTO u2 VALUES (3, 2, 4)

query
SELECT * FROM u1 JOIN u2 USING (b)
----
2|1|4|3|4
tag: SELECT 1

query
SELECT * FROM u1 JOIN u2 USING (d, b)
----
4|2|1|3
tag: SELECT 1

query
SELECT * FROM u1 LEFT JOIN u2 USING (b)
----
2|1|4|3|4
tag: SELECT 1

query
SELECT * FROM u1 RIGHT JOIN u2 USING (b)
----
2|1|4|3|4
tag: SELECT 1

query
SELECT * FROM u1 FULL JOIN u2 USING (b)
----
2|1|4|3|4
tag: SELECT 1

query
SELECT * FROM u1 NATURAL JOIN u2
----
2|4|1|3
tag: SELECT 1

query
SELECT *, u2.*, u1.* FROM u1 JOIN u2 USING (b) JOIN u1 x USING (a) CROSS JOIN u2 y
----
1|2|4|3|4|2|4|3|2|4|3|2|4|1|2|4
tag: SELECT 1
