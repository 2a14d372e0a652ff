# numeric: PostgreSQL's exact decimal, its scales, rounding, casts and aggregates.

statement ok
CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,2), ratio numeric, qty bigint)

statement ok
INSERT INTO prices VALUES (1, 1.005, 1.5, 10), (2, '3.14159', 1.50, 20), (3, -2.499, 0.3333, 9223372036854775807), (4, NULL, NULL, NULL), (5, 100, 'NaN', 5)

query
SELECT id, amount, ratio FROM prices ORDER BY id
----
1|1.01|1.5
2|3.14|1.50
3|-2.50|0.3333
4|NULL|NULL
5|100.00|NaN
tag: SELECT 5

query
SELECT 1.5, .5, 1e3, 1.5e-3, 12345678901234567890, -0.0, 1.50 + 0, 007.10
----
1.5|0.5|1000|0.0015|12345678901234567890|0.0|1.50|7.10
tag: SELECT 1

query
SELECT 1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 0.1 + 0.2, 1.10 * 1.1, 2 + 1.0, 3 * 0.50
----
3.75|-0.75|3.375|0.3|1.210|3.0|1.50
tag: SELECT 1

query
SELECT 1 / 3.0, 10.0 / 4, 1.000 / 3, 2 / 3::numeric, 1e20 / 7, 0.001 / 3, 123456789.0 / 0.0001, 1 / 7.0000000000000000000
----
0.33333333333333333333|2.5000000000000000|0.33333333333333333333|0.66666666666666666667|14285714285714285714|0.00033333333333333333|1234567890000.00000000|0.14285714285714285714
tag: SELECT 1

query
SELECT 10.5 % 3, -7.5 % 2, 7 % 2.5, mod(10.5, 3), mod(-7, 2.0)
----
1.5|-1.5|2.0|1.5|-1.0
tag: SELECT 1

query
SELECT 1.5 + 1.5::float8, 1.5 * 2::real, pg_typeof(1.5 + 1)::text
----
3|3|numeric
tag: SELECT 1

query
SELECT 1.5 = 1.50, 1.5 > 1, 2 < 2.5, 2.0 = 2, 1.5 BETWEEN 1 AND 2, 1.5 IN (1.50, 3), 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 1e100
----
t|t|t|t|t|t|t|t
tag: SELECT 1

query
SELECT '1.50'::numeric, 2.5::int, -2.5::int, 3.5::smallint, 1.5::numeric(5,0), 123.456::numeric(5,2), 0.1::float8::numeric, 1.5::float8, 12.5::text, '  -3.000 '::numeric
----
1.50|3|-3|4|2|123.46|0.1|1.5|12.5|-3.000
tag: SELECT 1

query
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-infinity'::numeric, 'Infinity'::numeric + 1, 'Infinity'::numeric - 'Infinity'::numeric
----
NaN|Infinity|-Infinity|Infinity|NaN
tag: SELECT 1

statement error 22003
SELECT 1234.5::numeric(5,2)

statement error 22P02
SELECT 'abc'::numeric

statement error 22012
SELECT 1.5 / 0

statement error 22012
SELECT 1.5 % 0

statement error 22003
SELECT 1e30::bigint

statement error 0A000
SELECT 'NaN'::numeric::int

statement error 42883
SELECT round(1.5::float8, 1)

statement error 22003
INSERT INTO prices VALUES (6, 123456789.99, 0, 0)

statement ok
CREATE TABLE tiny (a int PRIMARY KEY, b numeric(3, 4), c numeric(4))

statement ok
INSERT INTO tiny VALUES (1, 0.01234, 12.5), (2, NULL, -9999.4)

query
SELECT * FROM tiny ORDER BY a
----
1|0.0123|13
2|NULL|-9999
tag: SELECT 2

statement error 22003
INSERT INTO tiny VALUES (3, 0.1, 0)

statement error 22003
INSERT INTO tiny VALUES (3, 0, 9999.5)

statement error 22023
CREATE TABLE numbad (a int PRIMARY KEY, b numeric(0))

query
SELECT round(2.5), round(-2.5), round(1.2345, 2), round(1234.5, -2), round(1.5, 3), trunc(1.99, 1), trunc(-1.99), floor(-1.5), ceil(1.2), ceiling(-1.2), abs(-1.50), abs(2.0)
----
3|-3|1.23|1200|1.500|1.9|-1|-2|2|-1|1.50|2.0
tag: SELECT 1

query
SELECT round(2.5::float8), round(3.5::float8), floor(2.7::float8), trunc(-2.7::float8)
----
2|4|2|-2
tag: SELECT 1

query
SELECT sum(qty), avg(id), sum(amount), avg(amount), min(amount), max(amount), sum(ratio), avg(ratio) FROM prices
----
9223372036854775842|3.0000000000000000|101.65|25.4125000000000000|-2.50|100.00|NaN|NaN
tag: SELECT 1

query
SELECT sum(amount), avg(amount), count(amount) FROM prices WHERE id < 4
----
1.65|0.55000000000000000000|3
tag: SELECT 1

query
SELECT avg(x) FROM (SELECT 1 AS x UNION ALL SELECT 2) s
----
1.5000000000000000
tag: SELECT 1

query
SELECT ratio, count(*) FROM prices WHERE id < 3 GROUP BY ratio
----
1.5|2
tag: SELECT 1

query
SELECT id, amount * 2, amount / 3, amount + ratio FROM prices WHERE id < 4 ORDER BY amount DESC
----
2|6.28|1.04666666666666666667|4.64
1|2.02|0.33666666666666666667|2.51
3|-5.00|-0.83333333333333333333|-2.1667
tag: SELECT 3

query
SELECT id FROM prices WHERE amount > 1 ORDER BY id
----
1
2
5
tag: SELECT 3

query
SELECT id FROM prices WHERE amount = 3.14 OR ratio = 1.5 ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT coalesce(amount, 0.5), greatest(1, 2.5, amount), least(amount, 2), CASE WHEN id > 2 THEN 1 ELSE 2.50 END FROM prices ORDER BY id
----
1.01|2.5|1.01|2.50
3.14|3.14|2|2.50
-2.50|2.5|-2.50|1
0.5|2.5|2|1
100.00|100.00|2|1
tag: SELECT 5

statement ok
UPDATE prices SET amount = amount * 1.1 WHERE id < 3

query
SELECT id, amount FROM prices WHERE id < 3 ORDER BY id
----
1|1.11
2|3.45
tag: SELECT 2

statement ok
INSERT INTO prices (id, amount) VALUES (7, 5), (8, 2.5::float8), (9, '7.777')

query
SELECT id, amount FROM prices WHERE id > 6 ORDER BY id
----
7|5.00
8|2.50
9|7.78
tag: SELECT 3

query
SELECT qty::numeric + 1, qty * 2.0 FROM prices WHERE id = 3
----
9223372036854775808|18446744073709551614.0
tag: SELECT 1

query
SELECT sum(x) OVER (ORDER BY x), avg(x) OVER () FROM (SELECT 1.5 AS x UNION ALL SELECT 2.25) s ORDER BY 1
----
1.5|1.8750000000000000
3.75|1.8750000000000000
tag: SELECT 2

# Equal numbers of different types meet in joins, IN, EXISTS and groups.

statement ok
CREATE TABLE nums (id int PRIMARY KEY, n numeric, f float8)

statement ok
INSERT INTO nums VALUES (1, 1, 1), (2, 2.0, 2.5), (3, 2.5, 3), (4, NULL, NULL), (5, 1.00, 1)

query
SELECT a.id, b.id FROM nums a JOIN nums b ON a.id = b.n ORDER BY 1, 2
----
1|1
1|5
2|2
tag: SELECT 3

query
SELECT a.id, b.id FROM nums a JOIN nums b ON a.n = b.f ORDER BY 1, 2
----
1|1
1|5
3|2
5|1
5|5
tag: SELECT 5

query
SELECT id FROM nums WHERE id IN (SELECT n FROM nums) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM nums WHERE f IN (SELECT n FROM nums) ORDER BY id
----
1
2
5
tag: SELECT 3

query
SELECT id FROM nums a WHERE EXISTS (SELECT 1 FROM nums b WHERE b.n = a.id) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT count(*), count(DISTINCT n) FROM (SELECT n FROM nums GROUP BY n) s
----
4|3
tag: SELECT 1

query
SELECT length((1e-9001 * 1e-9001)::text), 1e-9001 * 1e-9001 = 0
----
16385|t
tag: SELECT 1
