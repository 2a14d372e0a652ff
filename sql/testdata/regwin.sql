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
