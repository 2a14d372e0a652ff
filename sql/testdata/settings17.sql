# settings17: extra_float_digits at or below 0 and bytea_output = 'escape' change how floats
# and bytea print in text (PostgreSQL 15's float8out, float4out and byteaout).
statement ok
CREATE TABLE s17_f (id int PRIMARY KEY, d float8, r float4, b bytea)

statement ok
INSERT INTO s17_f VALUES (1, 0.1, 0.1, '\x00015c7f80ff41277a20'), (2, 1.0/3, 1234567, ''), (3, 1e20, 1e20, 'abc'), (4, 123456789012345678, 123456, '\\'), (5, 1.5e-5, 1.5e-5, NULL), (6, 'NaN', '-Infinity', 'x'), (7, -0.0, 12.5, 'y'), (8, 1e15, 77, 'z'), (9, 1e14, 0.000123, 'w')

query
SELECT id, d, r, b FROM s17_f ORDER BY id
----
1|0.1|0.1|\x00015c7f80ff41277a20
2|0.3333333333333333|1.234567e+06|\x
3|1e+20|1e+20|\x616263
4|1.2345678901234568e+17|123456|\x5c
5|1.5e-05|1.5e-05|NULL
6|NaN|-Infinity|\x78
7|0|12.5|\x79
8|1e+15|77|\x7a
9|100000000000000|0.000123|\x77
tag: SELECT 9

statement ok
SET extra_float_digits = 0

query
SELECT id, d, r FROM s17_f ORDER BY id
----
1|0.1|0.1
2|0.333333333333333|1.23457e+06
3|1e+20|1e+20
4|1.23456789012346e+17|123456
5|1.5e-05|1.5e-05
6|NaN|-Infinity
7|0|12.5
8|1e+15|77
9|100000000000000|0.000123
tag: SELECT 9

query
SELECT 1/3::float8, 2/3::float4, 100::float8, 0::float8
----
0.333333333333333|0.666666666666667|100|0
tag: SELECT 1

statement ok
SET extra_float_digits = -3

query
SELECT id, d, r FROM s17_f ORDER BY id
----
1|0.1|0.1
2|0.333333333333|1.23e+06
3|1e+20|1e+20
4|1.23456789012e+17|1.23e+05
5|1.5e-05|1.5e-05
6|NaN|-Infinity
7|0|12.5
8|1e+15|77
9|1e+14|0.000123
tag: SELECT 9

statement ok
SET extra_float_digits = -15

query
SELECT id, d, r FROM s17_f ORDER BY id
----
1|0.1|0.1
2|0.3|1e+06
3|1e+20|1e+20
4|1e+17|1e+05
5|2e-05|1e-05
6|NaN|-Infinity
7|0|1e+01
8|1e+15|8e+01
9|1e+14|0.0001
tag: SELECT 9

statement ok
SET extra_float_digits = 3

query
SELECT id, d, r FROM s17_f ORDER BY id
----
1|0.1|0.1
2|0.3333333333333333|1.234567e+06
3|1e+20|1e+20
4|1.2345678901234568e+17|123456
5|1.5e-05|1.5e-05
6|NaN|-Infinity
7|0|12.5
8|1e+15|77
9|100000000000000|0.000123
tag: SELECT 9

statement error 22023
SET extra_float_digits = -16

statement ok
RESET extra_float_digits

query
SELECT d, r FROM s17_f WHERE id = 2
----
0.3333333333333333|1.234567e+06
tag: SELECT 1

statement ok
SET bytea_output = 'escape'

query
SELECT id, b FROM s17_f ORDER BY id
----
1|\000\001\\\177\200\377A'z 
2|
3|abc
4|\\
5|NULL
6|x
7|y
8|z
9|w
tag: SELECT 9

query
SELECT '\x5c00ff'::bytea, 'a\\b'::bytea, E'\\001'::bytea
----
\\\000\377|a\\b|\001
tag: SELECT 1

statement ok
BEGIN

statement ok
SET LOCAL bytea_output = 'hex'

query
SELECT b FROM s17_f WHERE id = 3
----
\x616263
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT b FROM s17_f WHERE id = 3
----
abc
tag: SELECT 1

statement error 22023
SET bytea_output = 'base64'

statement ok
RESET bytea_output

query
SELECT b FROM s17_f WHERE id = 1
----
\x00015c7f80ff41277a20
tag: SELECT 1

# IntervalStyle: postgres (the default), postgres_verbose, sql_standard and iso_8601.
statement ok
CREATE TABLE s17_iv (id int PRIMARY KEY, v interval)

statement ok
INSERT INTO s17_iv VALUES (1, '1 year 2 mons 3 days 04:05:06.5'), (2, '-1 year -2 mons'), (3, '-3 days -04:05:06'), (4, '1 year -2 days +03:00:00'), (5, '0'), (6, '-00:00:00.25'), (7, '1 day'), (8, '00:00:01'), (9, '-1 mons 2 days -00:00:01.5'), (10, '3 days 00:00:07'), (11, '-1 year'), (12, '12:34:56.123456'), (13, '-1 day +00:00:01'), (14, '2 years 1 min'), (15, NULL)

statement ok
SET IntervalStyle = postgres_verbose

query
SELECT id, v FROM s17_iv ORDER BY id
----
1|@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs
2|@ 1 year 2 mons ago
3|@ 3 days 4 hours 5 mins 6 secs ago
4|@ 1 year -2 days 3 hours
5|@ 0
6|@ 0.25 secs ago
7|@ 1 day
8|@ 1 sec
9|@ 1 mon -2 days 1.5 secs ago
10|@ 3 days 7 secs
11|@ 1 year ago
12|@ 12 hours 34 mins 56.123456 secs
13|@ 1 day -1 sec ago
14|@ 2 years 1 min
15|NULL
tag: SELECT 15

query
SHOW IntervalStyle
----
postgres_verbose
tag: SHOW

statement ok
SET IntervalStyle = sql_standard

query
SELECT id, v FROM s17_iv ORDER BY id
----
1|+1-2 +3 +4:05:06.5
2|-1-2
3|-3 4:05:06
4|+1-0 -2 +3:00:00
5|0
6|-0:00:00.25
7|1 0:00:00
8|0:00:01
9|-0-1 +2 -0:00:01.5
10|3 0:00:07
11|-1-0
12|12:34:56.123456
13|+0-0 -1 +0:00:01
14|+2-0 +0 +0:01:00
15|NULL
tag: SELECT 15

statement ok
SET IntervalStyle = 'ISO_8601'

query
SELECT id, v FROM s17_iv ORDER BY id
----
1|P1Y2M3DT4H5M6.5S
2|P-1Y-2M
3|P-3DT-4H-5M-6S
4|P1Y-2DT3H
5|PT0S
6|PT-0.25S
7|P1D
8|PT1S
9|P-1M2DT-1.5S
10|P3DT7S
11|P-1Y
12|PT12H34M56.123456S
13|P-1DT1S
14|P2YT1M
15|NULL
tag: SELECT 15

query
SELECT v FROM s17_iv WHERE v > '1 day' ORDER BY v
----
P3DT7S
P1Y-2DT3H
P1Y2M3DT4H5M6.5S
P2YT1M
tag: SELECT 4

statement error 22023
SET IntervalStyle = 'iso'

statement ok
SET IntervalStyle = postgres

query
SELECT id, v FROM s17_iv WHERE id < 5 ORDER BY id
----
1|1 year 2 mons 3 days 04:05:06.5
2|-1 years -2 mons
3|-3 days -04:05:06
4|1 year -2 days +03:00:00
tag: SELECT 4
