# regwin: statements from PostgreSQL 15's window, select, select_implicit, expressions,
# boolean, rowtypes and numerology regression files (and variants of them) where drove
# answered differently.
statement ok
CREATE TABLE rw_num (id int PRIMARY KEY, f4 float4, f8 float8, n numeric)

statement ok
INSERT INTO rw_num VALUES (0, '-inf', '-inf', '-inf'), (1, -3, -3, -3), (2, -1, -1, -1), (3, 0, 0, 0), (4, 1.1, 1.1, 1.1), (5, 1.12, 1.12, 1.12), (6, 2, 2, 2), (7, 100, 100, 100), (8, 'inf', 'inf', 'inf'), (9, 'nan', 'nan', 'nan')

# RANGE frames over floats and numerics decide the infinities and NaN as PostgreSQL's
# in_range functions: an infinite offset from the infinity it points away from takes in every
# number (the limit is not NaN, which used to take in the NaN row, or leave +Infinity's frame
# empty), NaN is after every number and only NaN's peer.
query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY f4 RANGE BETWEEN 'inf' PRECEDING AND 'inf' FOLLOWING) ORDER BY id
----
0|0|8
1|0|8
2|0|8
3|0|8
4|0|8
5|0|8
6|0|8
7|0|8
8|0|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY f8 RANGE BETWEEN 'inf' PRECEDING AND 'inf' PRECEDING) ORDER BY id
----
0|0|0
1|0|0
2|0|0
3|0|0
4|0|0
5|0|0
6|0|0
7|0|0
8|0|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY f8 RANGE BETWEEN 'inf' FOLLOWING AND 'inf' FOLLOWING) ORDER BY id
----
0|0|8
1|8|8
2|8|8
3|8|8
4|8|8
5|8|8
6|8|8
7|8|8
8|8|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY f8 DESC RANGE BETWEEN 'inf' PRECEDING AND 'inf' FOLLOWING) ORDER BY id
----
0|8|0
1|8|0
2|8|0
3|8|0
4|8|0
5|8|0
6|8|0
7|8|0
8|8|0
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w, count(*) OVER w FROM rw_num WINDOW w AS (ORDER BY f8 RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id
----
0|0|0|1
1|1|1|1
2|2|3|2
3|2|3|2
4|4|6|3
5|4|6|3
6|4|6|3
7|7|7|1
8|8|8|1
9|9|9|1
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY n RANGE BETWEEN 'inf' PRECEDING AND 'inf' FOLLOWING) ORDER BY id
----
0|0|8
1|0|8
2|0|8
3|0|8
4|0|8
5|0|8
6|0|8
7|0|8
8|0|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY n RANGE BETWEEN 'inf' PRECEDING AND 'inf' PRECEDING) ORDER BY id
----
0|0|0
1|0|0
2|0|0
3|0|0
4|0|0
5|0|0
6|0|0
7|0|0
8|0|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY n RANGE BETWEEN 'inf' FOLLOWING AND 'inf' FOLLOWING) ORDER BY id
----
0|0|8
1|8|8
2|8|8
3|8|8
4|8|8
5|8|8
6|8|8
7|8|8
8|8|8
9|9|9
tag: SELECT 10

query
SELECT id, first_value(id) OVER w, last_value(id) OVER w FROM rw_num WINDOW w AS (ORDER BY n DESC RANGE BETWEEN CURRENT ROW AND 'inf' FOLLOWING) ORDER BY id
----
0|0|0
1|1|0
2|2|0
3|3|0
4|4|0
5|5|0
6|6|0
7|7|0
8|8|0
9|9|9
tag: SELECT 10

query
SELECT id, sum(n) OVER w, count(*) OVER w FROM rw_num WINDOW w AS (ORDER BY n RANGE BETWEEN 1.5 PRECEDING AND 2 FOLLOWING) ORDER BY id
----
0|-Infinity|1
1|-4|2
2|-1|2
3|3.22|5
4|4.22|4
5|4.22|4
6|4.22|3
7|100|1
8|Infinity|1
9|NaN|1
tag: SELECT 10

# A NaN offset is refused as a negative one.
statement error 22013
SELECT id, first_value(id) OVER (ORDER BY f4 RANGE BETWEEN 1.1 PRECEDING AND 'NaN' FOLLOWING) FROM rw_num

statement error 22013
SELECT id, first_value(id) OVER (ORDER BY f8 RANGE BETWEEN 'NaN' PRECEDING AND CURRENT ROW) FROM rw_num

statement error 22013
SELECT id, first_value(id) OVER (ORDER BY n RANGE BETWEEN 1.1 PRECEDING AND 'NaN' FOLLOWING) FROM rw_num

# An integer RANGE offset whose limit is past the integer's range frames every row on that
# side (in_range's overflow rule); it used to fail with 22003.
query
SELECT x, last_value(x) OVER (ORDER BY x::smallint RANGE BETWEEN CURRENT ROW AND 2147450884 FOLLOWING) FROM generate_series(32764, 32766) x ORDER BY x
----
32764|32766
32765|32766
32766|32766
tag: SELECT 3

query
SELECT x, last_value(x) OVER (ORDER BY x::smallint DESC RANGE BETWEEN CURRENT ROW AND 2147450885 FOLLOWING) FROM generate_series(-32766, -32764) x ORDER BY x
----
-32766|-32766
-32765|-32766
-32764|-32766
tag: SELECT 3

query
SELECT x, last_value(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND 4 FOLLOWING) FROM generate_series(2147483644, 2147483646) x ORDER BY x
----
2147483644|2147483646
2147483645|2147483646
2147483646|2147483646
tag: SELECT 3

query
SELECT x, last_value(x) OVER (ORDER BY x DESC RANGE BETWEEN CURRENT ROW AND 5 FOLLOWING) FROM generate_series(-2147483646, -2147483644) x ORDER BY x
----
-2147483646|-2147483646
-2147483645|-2147483646
-2147483644|-2147483646
tag: SELECT 3

query
SELECT x, last_value(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND 4 FOLLOWING) FROM generate_series(9223372036854775804, 9223372036854775806) x ORDER BY x
----
9223372036854775804|9223372036854775806
9223372036854775805|9223372036854775806
9223372036854775806|9223372036854775806
tag: SELECT 3

query
SELECT x, first_value(x) OVER (ORDER BY x RANGE BETWEEN 9223372036854775807 PRECEDING AND CURRENT ROW), last_value(x) OVER (ORDER BY x DESC RANGE BETWEEN CURRENT ROW AND 9223372036854775807 FOLLOWING) FROM generate_series(-9223372036854775806, -9223372036854775804) x ORDER BY x
----
-9223372036854775806|-9223372036854775806|-9223372036854775806
-9223372036854775805|-9223372036854775806|-9223372036854775806
-9223372036854775804|-9223372036854775806|-9223372036854775806
tag: SELECT 3

statement ok
CREATE TABLE rw_t (id int PRIMARY KEY, g int, v int, n int)

statement ok
INSERT INTO rw_t VALUES (1, 1, 10, 1), (2, 1, 20, 2), (3, 1, 30, 0), (4, 2, 40, 1), (5, 2, 50, NULL), (6, 2, 60, 3), (7, 3, 70, 1)

# lag, lead, nth_value and ntile take any expression as their offset, not only an integer
# literal (a syntax error before).
query
SELECT id, lag(v, n) OVER w, lag(v, n, -1) OVER w, lead(v, n) OVER w, lead(v, n * 2, 0) OVER w FROM rw_t WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id
----
1|NULL|-1|20|30
2|NULL|-1|NULL|0
3|30|30|30|30
4|NULL|-1|50|60
5|NULL|NULL|NULL|NULL
6|NULL|-1|NULL|0
7|NULL|-1|NULL|0
tag: SELECT 7

query
SELECT id, nth_value(v, g + 1) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), ntile(g + 1) OVER (PARTITION BY g ORDER BY id) FROM rw_t ORDER BY id
----
1|20|1
2|20|1
3|20|2
4|30|1
5|30|2
6|30|3
7|40|1
tag: SELECT 7

query
SELECT id, lead(v, (SELECT count(*) FROM rw_t s WHERE s.id < t.id AND s.g = t.g)::int) OVER (ORDER BY id), lag(v, 1::smallint, 0) OVER (ORDER BY id) FROM rw_t t ORDER BY id
----
1|10|0
2|30|10
3|50|20
4|40|30
5|60|40
6|NULL|50
7|70|60
tag: SELECT 7

query
SELECT id, lag(v, n - 2) OVER (ORDER BY id), lead(v, 1 - n) OVER (ORDER BY id) FROM rw_t ORDER BY id
----
1|20|10
2|20|10
3|50|40
4|50|40
5|NULL|NULL
6|50|40
7|NULL|70
tag: SELECT 7

statement error 22016
SELECT nth_value(v, n) OVER (ORDER BY id) FROM rw_t

# PostgreSQL has no lag(anyelement, bigint): a bigint offset is not cast down.
statement error 42883
SELECT lag(v, 1::bigint, 0) OVER (ORDER BY id) FROM rw_t

statement error 42883
SELECT ntile(n::bigint) OVER (ORDER BY id) FROM rw_t

statement ok
CREATE TABLE rw_f (id int PRIMARY KEY, g int, k int, v int, d date)

statement ok
INSERT INTO rw_f VALUES (1, 1, 1, 10, '2020-01-01'), (2, 1, 1, 20, '2020-06-01'), (3, 1, 2, 30, '2021-01-01'), (4, 1, 4, 40, '2021-03-01'), (5, 1, 4, 50, '2022-01-01'), (6, 1, 4, 60, '2024-01-01'), (7, 1, 7, 70, '2024-02-01'), (8, 2, 1, 80, '2020-01-01'), (9, 2, 3, 90, '2020-01-02'), (10, 2, NULL, 100, NULL), (11, 2, NULL, 110, NULL)

# GROUPS frames (a syntax error before): offsets count peer groups.
query
SELECT id, sum(v) OVER w, count(*) OVER w, first_value(k) OVER w, last_value(k) OVER w FROM rw_f WINDOW w AS (PARTITION BY g ORDER BY k GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id
----
1|60|3|1|2
2|60|3|1|2
3|210|6|1|4
4|250|5|2|7
5|250|5|2|7
6|250|5|2|7
7|220|4|4|7
8|170|2|1|3
9|380|4|1|NULL
10|300|3|3|NULL
11|300|3|3|NULL
tag: SELECT 11

query
SELECT id, sum(v) OVER (ORDER BY k GROUPS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), sum(v) OVER (ORDER BY k GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING), sum(v) OVER (ORDER BY k DESC GROUPS BETWEEN 1 FOLLOWING AND 3 FOLLOWING), sum(v) OVER (ORDER BY k GROUPS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM rw_f ORDER BY id
----
1|110|NULL|NULL|110
2|110|NULL|NULL|110
3|140|110|110|30
4|380|120|230|150
5|380|120|230|150
6|380|120|230|150
7|450|240|270|70
8|110|NULL|NULL|110
9|230|140|140|90
10|660|220|310|210
11|660|220|310|210
tag: SELECT 11

query
SELECT id, sum(v) OVER (ORDER BY k NULLS FIRST GROUPS 2 PRECEDING), sum(v) OVER (ORDER BY k GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), sum(v) OVER (ORDER BY k GROUPS BETWEEN 10 PRECEDING AND 10 FOLLOWING), nth_value(k, 2) OVER (ORDER BY k GROUPS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM rw_f ORDER BY id
----
1|320|660|660|3
2|320|660|660|3
3|350|550|660|4
4|270|430|660|NULL
5|270|430|660|NULL
6|270|430|660|NULL
7|310|280|660|NULL
8|320|660|660|3
9|230|520|660|4
10|210|210|660|NULL
11|210|210|660|NULL
tag: SELECT 11

query
SELECT id, sum(v) OVER (w GROUPS BETWEEN 1 PRECEDING AND 1 PRECEDING), count(*) OVER (w GROUPS 1 PRECEDING) FROM rw_f WINDOW w AS (PARTITION BY g ORDER BY k) ORDER BY id
----
1|NULL|2
2|NULL|2
3|30|3
4|30|4
5|30|4
6|30|4
7|150|4
8|NULL|1
9|80|2
10|90|3
11|90|3
tag: SELECT 11

# EXCLUDE CURRENT ROW, GROUP, TIES and NO OTHERS (a syntax error before).
query
SELECT id, sum(v) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW), sum(v) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP), sum(v) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES), sum(v) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS) FROM rw_f ORDER BY id
----
1|650|550|560|660
2|640|550|570|660
3|630|630|660|660
4|620|510|550|660
5|610|510|560|660
6|600|510|570|660
7|590|590|660|660
8|580|550|630|660
9|570|570|660|660
10|560|450|550|660
11|550|450|560|660
tag: SELECT 11

query
SELECT id, sum(v) OVER w1, count(*) OVER w1, sum(v) OVER w2, first_value(k) OVER w2, last_value(k) OVER w2, sum(v) OVER w3, nth_value(v, 2) OVER w4 FROM rw_f WINDOW w1 AS (PARTITION BY g ORDER BY k RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE GROUP), w2 AS (ORDER BY k GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES), w3 AS (ORDER BY k RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW), w4 AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE CURRENT ROW) ORDER BY id
----
1|30|1|40|1|2|650|30
2|30|1|50|1|2|640|30
3|30|2|230|1|3|520|20
4|NULL|0|200|3|7|390|30
5|NULL|0|210|3|7|380|40
6|NULL|0|220|3|7|370|50
7|NULL|0|430|4|NULL|210|60
8|NULL|0|110|1|2|580|70
9|NULL|0|270|2|4|430|80
10|NULL|0|170|7|NULL|110|90
11|NULL|0|180|7|NULL|100|100
tag: SELECT 11

query
SELECT id, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 3) OVER w, array_agg(v) OVER w FROM rw_f WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE GROUP) ORDER BY id
----
1|20|30|NULL|{20,30}
2|10|40|40|{10,30,40}
3|20|50|50|{20,40,50}
4|30|60|60|{30,50,60}
5|40|70|70|{40,60,70}
6|50|80|80|{50,70,80}
7|60|90|90|{60,80,90}
8|70|100|100|{70,90,100}
9|80|110|110|{80,100,110}
10|90|110|NULL|{90,110}
11|100|100|NULL|{100}
tag: SELECT 11

query
SELECT id, string_agg(v::text, ',') OVER (ORDER BY k, id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES), count(*) OVER (ORDER BY k RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM rw_f ORDER BY id
----
1|10,20|1
2|10,20,80|1
3|80,30,90|4
4|90,40,50|6
5|40,50,60|6
6|50,60,70|6
7|60,70,100|9
8|20,80,30|1
9|30,90,40|5
10|70,100,110|10
11|100,110|10
tag: SELECT 11

# A frame offset may be any expression without the query's columns: a cast, an interval,
# a subquery (a syntax error before).
query
SELECT id, sum(v) OVER (ORDER BY id ROWS BETWEEN 1::int8 PRECEDING AND (SELECT 1) + 0 FOLLOWING), sum(v) OVER (ORDER BY k RANGE BETWEEN 2::int8 PRECEDING AND 1::int2 PRECEDING), sum(v) OVER (ORDER BY k GROUPS (SELECT count(*) FROM rw_t WHERE id < 3) PRECEDING) FROM rw_f ORDER BY id
----
1|30|NULL|110
2|60|NULL|110
3|90|110|140
4|120|120|270
5|150|120|270
6|180|120|270
7|210|NULL|310
8|240|NULL|110
9|270|140|230
10|300|210|430
11|210|210|430
tag: SELECT 11

query
SELECT id, count(*) OVER (ORDER BY d RANGE BETWEEN '1 year'::interval PRECEDING AND '6 months'::interval FOLLOWING), sum(v) OVER (ORDER BY d DESC RANGE BETWEEN CURRENT ROW AND interval '1' year FOLLOWING EXCLUDE CURRENT ROW) FROM rw_f ORDER BY id
----
1|4|80
2|4|180
3|6|200
4|3|50
5|3|70
6|2|NULL
7|2|60
8|4|10
9|4|90
10|2|110
11|2|100
tag: SELECT 11

statement error 42P20
SELECT sum(v) OVER (PARTITION BY g GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM rw_f

statement error 42P10
SELECT sum(v) OVER (ORDER BY id ROWS BETWEEN g PRECEDING AND CURRENT ROW) FROM rw_f

statement error 42P10
SELECT sum(v) OVER (ORDER BY k RANGE BETWEEN CURRENT ROW AND g + 1 FOLLOWING) FROM rw_f

statement error 22013
SELECT sum(v) OVER (ORDER BY k GROUPS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM rw_f

statement error 22013
SELECT sum(v) OVER (ORDER BY k RANGE BETWEEN 1 PRECEDING AND -2 FOLLOWING) FROM rw_f

statement error 42P20
SELECT sum(v) OVER (ORDER BY k, id RANGE BETWEEN '1'::int PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM rw_f

# RANGE offsets over time and timetz add the interval's time part without wrapping around
# midnight, as in_range does (time + interval wraps: 23:00 and 00:30 used to be 22.5 hours
# apart in a 2-hour frame); timetz offsets were 0A000.
query
SELECT t, count(*) OVER (ORDER BY t RANGE BETWEEN '2 hours' PRECEDING AND '2 hours' FOLLOWING), min(t) OVER (ORDER BY t DESC RANGE BETWEEN '3 hours' PRECEDING AND '1 day 1 hour' FOLLOWING) FROM (VALUES ('23:00'::time), ('00:30'), ('22:00'), ('01:00'), ('12:00')) v(t) ORDER BY 1
----
00:30:00|2|00:30:00
01:00:00|2|00:30:00
12:00:00|1|12:00:00
22:00:00|2|22:00:00
23:00:00|2|22:00:00
tag: SELECT 5

query
SELECT t, count(*) OVER (ORDER BY t RANGE BETWEEN '2 hours' PRECEDING AND '2 hours' FOLLOWING), min(t) OVER (ORDER BY t DESC RANGE BETWEEN '3 hours' PRECEDING AND '1 day 1 hour' FOLLOWING) FROM (VALUES ('23:00+01'::timetz), ('00:30+01'), ('22:00-03'), ('01:00+00'), ('12:00+05')) v(t) ORDER BY 1
----
00:30:00+01|2|00:30:00+01
01:00:00+00|2|01:00:00+00
12:00:00+05|1|12:00:00+05
23:00:00+01|1|23:00:00+01
22:00:00-03|1|22:00:00-03
tag: SELECT 5

query
SELECT t, count(*) OVER (ORDER BY t RANGE BETWEEN '-1 day' PRECEDING AND '2 hours' FOLLOWING) FROM (VALUES ('23:00'::time), ('00:30')) v(t) ORDER BY 1
----
00:30:00|1
23:00:00|1
tag: SELECT 2

statement error 22013
SELECT t, count(*) OVER (ORDER BY t RANGE BETWEEN '1 day -1 hour' PRECEDING AND '2 hours' FOLLOWING) FROM (VALUES ('23:00'::time), ('00:30')) v(t)

# A window function called without OVER is 42809, as PostgreSQL (a syntax error of vitess's
# grammar before).
statement error 42809
SELECT lag(1)

statement error 42809
SELECT rank() FROM rw_t

statement error 42809
SELECT id, nth_value(v, 2) FROM rw_t

statement error 42809
SELECT percent_rank(), cume_dist()

statement error 42809
SELECT ntile(2) FROM rw_t ORDER BY 1

statement error 42809
SELECT first_value(v) + 1 FROM rw_t

# session_user is PostgreSQL's SQL-value keyword (expressions.sql), not a column name (42703
# before).
query
SELECT session_user = current_user, length(session_user) > 0
----
t|t
tag: SELECT 1

query
SELECT id FROM rw_t WHERE session_user IS NOT NULL ORDER BY id LIMIT 1
----
1
tag: SELECT 1

