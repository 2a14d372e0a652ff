# pgregress: statements from PostgreSQL 15's regression suite (src/test/regress) where drove
# once answered differently from PostgreSQL.
# A quoted literal cast to numeric(p,s) rounds to the scale and checks the precision, like any
# other value cast there.
query
SELECT '2.5'::numeric(2,0), CAST('123.456' AS numeric(5,2)), '-0.005'::numeric(3,2), 'NaN'::numeric(3,1)
----
3|123.46|-0.01|NaN
tag: SELECT 1

statement error 22003
SELECT '12345'::numeric(3,0)

statement ok
PREPARE numtypmod AS SELECT $1::numeric(5,2)

query
EXECUTE numtypmod('123.456')
----
123.46
tag: SELECT 1

statement error 22003
EXECUTE numtypmod('12345')

# A float literal too small to represent is out of range (it does not silently become 0), while
# a subnormal one is kept (float8.sql, float4.sql).
statement error 22003
SELECT '1e-400'::float8

statement error 22003
SELECT '-1e-50'::float4

query
SELECT '1e-320'::float8 > 0, '0e-999'::float8, '-0.000e-400'::float8, '1e-44'::float4 > 0
----
t|0|-0|t
tag: SELECT 1

# octet_length of a char(n) value counts its padding; length and char_length do not
# (select_implicit.sql, strings.sql).
statement ok
CREATE TABLE pgr_chars (c char(8), v varchar(8))

statement ok
INSERT INTO pgr_chars VALUES ('XXXX', 'XXXX  '), ('日本', NULL)

query
SELECT c, octet_length(c), length(c), char_length(c), octet_length(c::text), octet_length(v), octet_length('ab'::char(5)) FROM pgr_chars ORDER BY c
----
XXXX    |8|4|4|4|6|5
日本      |12|2|2|6|NULL|5
tag: SELECT 2

# Boolean input takes any prefix of true/false/yes/no and a prefix of on/off of two letters or
# more (boolean.sql).
query
SELECT 'of'::bool, 'tr'::bool, 'FAL'::bool, ' ye '::bool, 'n'::bool, 'ON'::bool, 'OFF'::text::bool
----
f|t|f|t|f|t|f
tag: SELECT 1

statement error 22P02
SELECT 'o'::bool

statement error 22P02
SELECT 'on_'::bool

statement error 22P02
SELECT 'truex'::bool

statement error 22P02
SELECT '11'::bool

# An untyped literal in a UNION branch or a VALUES row takes the type of the other branch
# (union.sql, float8.sql, arrays.sql); two literal branches make text.
query
SELECT x FROM (VALUES (1), ('2')) v(x) ORDER BY x
----
1
2
tag: SELECT 2

query
SELECT x, pg_typeof(x) FROM (VALUES ('NaN'), (1.5::float8), ('-Infinity')) v(x) ORDER BY x
----
-Infinity|double precision
1.5|double precision
NaN|double precision
tag: SELECT 3

query
SELECT x, pg_typeof(x) FROM (VALUES ('2020-01-01'::date), ('infinity')) v(x) ORDER BY x
----
2020-01-01|date
infinity|date
tag: SELECT 2

query
SELECT x FROM (VALUES (ARRAY[1,2]), ('{}')) v(x) ORDER BY x
----
{}
{1,2}
tag: SELECT 2

query
SELECT '1' UNION SELECT 2 UNION SELECT '03' ORDER BY 1
----
1
2
3
tag: SELECT 3

query
SELECT 'a' UNION SELECT 'b' ORDER BY 1
----
a
b
tag: SELECT 2

statement error 22P02
SELECT 1 UNION SELECT 'x'

statement error 22P02
SELECT 1, 'x' UNION ALL SELECT 2, 3

statement error 42804
SELECT 'a' UNION SELECT 'b' UNION SELECT 1

statement error 42804
SELECT NULL UNION SELECT '1' UNION SELECT 2

# A frame may not end before it starts (window.sql).
statement error 42P20
SELECT count(*) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM generate_series(1, 3) x

statement error 42P20
SELECT count(*) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM generate_series(1, 3) x

statement error 42P20
SELECT count(*) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM generate_series(1, 3) x

statement error 42P20
SELECT count(*) OVER (ORDER BY x ROWS 1 FOLLOWING) FROM generate_series(1, 3) x

query
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING), sum(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM generate_series(1, 3) x ORDER BY x
----
1|1|NULL
2|1|1
3|0|3
tag: SELECT 3

# sum and avg of floats overflow like float addition does, not to Infinity (aggregates.sql);
# an infinite input still sums to infinity, and float4 sums in single precision. A number cast
# to real is rounded to single precision (float4.sql).
statement error 22003
SELECT sum(x) FROM (VALUES (1e308::float8), (1e308)) v(x)

statement error 22003
SELECT avg(x) FROM (VALUES (1e308::float8), (1e308)) v(x)

statement error 22003
SELECT sum(x) FROM (VALUES (3e38::float4), (3e38)) v(x)

statement error 22003
SELECT sum(x) OVER () FROM (VALUES (1e308::float8), (1e308)) v(x)

query
SELECT sum(x), avg(x) FROM (VALUES ('Infinity'::float8), (1e308), (1e308)) v(x)
----
Infinity|Infinity
tag: SELECT 1

query
SELECT sum(x), avg(x), 0.1::float4::float8, x * 3 FROM (VALUES (0.1::float4), (0.2), (0.3), (1e-8)) v(x) GROUP BY x ORDER BY x
----
1e-08|9.99999993922529e-09|0.10000000149011612|2.999999981767587e-08
0.1|0.10000000149011612|0.10000000149011612|0.30000000447034836
0.2|0.20000000298023224|0.10000000149011612|0.6000000089406967
0.3|0.30000001192092896|0.10000000149011612|0.9000000357627869
tag: SELECT 4

query
SELECT 0.1::float4::float8, 1.1::float4 * 3, 16777217::float4::float8, 1e-3::float4 = '0.001'::float4
----
0.10000000149011612|3.3000000715255737|16777216|t
tag: SELECT 1

statement error 22003
SELECT 1e39::float4

statement error 22003
SELECT 1e300::float8::float4

# time's input needs a clock: a date alone, today or epoch is refused; HHMMSS and HHMM are
# clocks (time.sql, horology.sql).
query
SELECT '040506'::time, '0405'::time, '040506.5'::time, '1999-01-08 04:05:06 PST'::time, 'allballs'::time, '10:00 PM'::time
----
04:05:06|04:05:00|04:05:06.5|04:05:06|00:00:00|22:00:00
tag: SELECT 1

statement error 22007
SELECT '2020-01-01'::time

statement error 22007
SELECT 'today'::time

statement error 22007
SELECT 'epoch'::time

statement error 22007
SELECT '20200101T1000'::time

statement error 22007
SELECT '04'::time

# A grouped expression matches however its columns are qualified (select_implicit.sql).
statement ok
CREATE TABLE test_missing_target (a int, b int, c char(8), d char)

statement ok
INSERT INTO test_missing_target VALUES (0, 1, 'XXXX', 'A'), (1, 2, 'AAAA', 'b'), (2, 2, 'AAAA', 'c'), (3, 3, 'BBBB', 'D'), (4, 3, 'BBBB', 'e'), (5, 3, 'bbbb', 'F'), (6, 4, 'cccc', 'g'), (7, 4, 'cccc', 'h'), (8, 4, 'CCCC', 'I'), (9, 4, 'CCCC', 'j')

query
SELECT a%2, count(b) FROM test_missing_target GROUP BY test_missing_target.a%2 ORDER BY 1
----
0|5
1|5
tag: SELECT 2

query
SELECT count(c) FROM test_missing_target GROUP BY lower(test_missing_target.c) ORDER BY lower(c)
----
2
3
4
1
tag: SELECT 4

query
SELECT lower(test_missing_target.c), count(c) FROM test_missing_target GROUP BY lower(c) ORDER BY lower(c)
----
aaaa|2
bbbb|3
cccc|4
xxxx|1
tag: SELECT 4

query
SELECT x.b/2, count(x.b) FROM test_missing_target x, test_missing_target y WHERE x.a = y.a GROUP BY x.b/2 ORDER BY x.b/2
----
0|1
1|5
2|4
tag: SELECT 3

statement error 42803
SELECT y.a%2 FROM test_missing_target x, test_missing_target y GROUP BY x.a%2

statement error 42702
SELECT count(x.a) FROM test_missing_target x, test_missing_target y WHERE x.a = y.a GROUP BY b/2 ORDER BY b/2
