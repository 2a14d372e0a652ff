# Window functions percent_rank, cume_dist and nth_value (with frames as PostgreSQL), and the
# argument forms of first_value, last_value, ntile, lag and lead, against PostgreSQL 15.
statement ok
CREATE TABLE pw (id int PRIMARY KEY, g text, v int, f float8)

statement ok
INSERT INTO pw VALUES (1, 'a', 10, 1.5), (2, 'a', 20, NULL), (3, 'a', 20, 2.5), (4, 'b', 5, 0), (5, 'b', NULL, -1), (6, 'c', 7, 3)

query
SELECT id, cume_dist() OVER (ORDER BY v), percent_rank() OVER (ORDER BY v) FROM pw ORDER BY id
----
1|0.5|0.4
2|0.8333333333333334|0.6
3|0.8333333333333334|0.6
4|0.16666666666666666|0
5|1|1
6|0.3333333333333333|0.2
tag: SELECT 6

query
SELECT id, cume_dist() OVER (PARTITION BY g ORDER BY v DESC), percent_rank() OVER (PARTITION BY g ORDER BY v DESC) FROM pw ORDER BY id
----
1|1|1
2|0.6666666666666666|0
3|0.6666666666666666|0
4|1|1
5|0.5|0
6|1|0
tag: SELECT 6

query
SELECT id, cume_dist() OVER (), percent_rank() OVER (), cume_dist() OVER (PARTITION BY g) FROM pw ORDER BY id
----
1|1|0|1
2|1|0|1
3|1|0|1
4|1|0|1
5|1|0|1
6|1|0|1
tag: SELECT 6

query
SELECT pg_typeof(cume_dist() OVER ()), pg_typeof(percent_rank() OVER ()) FROM pw LIMIT 1
----
double precision|double precision
tag: SELECT 1

query
SELECT id, percent_rank() OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), cume_dist() OVER (ORDER BY v ROWS 1 PRECEDING) FROM pw ORDER BY id
----
1|0|0.5
2|0.2|0.8333333333333334
3|0.4|0.8333333333333334
4|0.6|0.16666666666666666
5|0.8|1
6|1|0.3333333333333333
tag: SELECT 6

query
SELECT id, nth_value(v, 2) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|NULL
2|20
3|20
4|20
5|20
6|20
tag: SELECT 6

query
SELECT id, nth_value(v, 2) OVER (ORDER BY v) FROM pw ORDER BY id
----
1|7
2|7
3|7
4|NULL
5|7
6|7
tag: SELECT 6

query
SELECT id, nth_value(v, 2) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM pw ORDER BY id
----
1|20
2|20
3|20
4|NULL
5|NULL
6|NULL
tag: SELECT 6

query
SELECT id, nth_value(id, 3) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), nth_value(id, 1) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM pw ORDER BY id
----
1|NULL|2
2|3|3
3|4|4
4|5|5
5|6|6
6|NULL|NULL
tag: SELECT 6

query
SELECT id, nth_value(g, 1) OVER (), nth_value(f, 6) OVER (), nth_value(v, 7) OVER () FROM pw ORDER BY id
----
1|a|3|NULL
2|a|3|NULL
3|a|3|NULL
4|a|3|NULL
5|a|3|NULL
6|a|3|NULL
tag: SELECT 6

query
SELECT id, nth_value(v, NULL) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|NULL
2|NULL
3|NULL
4|NULL
5|NULL
6|NULL
tag: SELECT 6

query
SELECT id, nth_value(v, 1) OVER (ORDER BY v RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM pw ORDER BY id
----
1|10
2|20
3|20
4|5
5|NULL
6|7
tag: SELECT 6

query
SELECT pg_typeof(nth_value(f, 1) OVER ()), pg_typeof(nth_value(g, 1) OVER ()) FROM pw LIMIT 1
----
double precision|text
tag: SELECT 1

statement error 42804
SELECT nth_value('x', 1) OVER () FROM pw

statement error 42804
SELECT first_value('x') OVER () FROM pw

statement error 42804
SELECT lag('x') OVER () FROM pw

statement error 22016
SELECT nth_value(v, 0) OVER () FROM pw

statement error 22016
SELECT nth_value(v, 0) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM pw

query
SELECT id, first_value(v) OVER (PARTITION BY g ORDER BY id), last_value(v) OVER (PARTITION BY g ORDER BY id), first_value(f) OVER (ORDER BY f DESC) FROM pw ORDER BY id
----
1|10|10|NULL
2|10|20|NULL
3|10|20|NULL
4|5|5|NULL
5|5|NULL|NULL
6|7|7|NULL
tag: SELECT 6

query
SELECT id, first_value(v) OVER (ORDER BY id DESC), last_value(v) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM pw ORDER BY id
----
1|7|7
2|7|7
3|7|7
4|7|7
5|7|7
6|7|7
tag: SELECT 6

query
SELECT id, last_value(g) OVER (ORDER BY v), first_value(g) OVER (ORDER BY v ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) FROM pw ORDER BY id
----
1|a|a
2|a|b
3|a|NULL
4|b|a
5|b|NULL
6|c|a
tag: SELECT 6

query
SELECT id, ntile(4) OVER (ORDER BY id), ntile(1) OVER (ORDER BY id), ntile(10) OVER (PARTITION BY g ORDER BY id), ntile(NULL) OVER () FROM pw ORDER BY id
----
1|1|1|1|NULL
2|1|1|2|NULL
3|2|1|3|NULL
4|2|1|1|NULL
5|3|1|2|NULL
6|4|1|1|NULL
tag: SELECT 6

statement error 22014
SELECT ntile(0) OVER () FROM pw

query
SELECT id, lag(v) OVER (ORDER BY id), lag(v, 2) OVER (ORDER BY id), lag(v, 2, -1) OVER (ORDER BY id), lag(v, 0) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|NULL|NULL|-1|10
2|10|NULL|-1|20
3|20|10|10|20
4|20|20|20|5
5|5|20|20|NULL
6|NULL|5|5|7
tag: SELECT 6

query
SELECT id, lead(v) OVER (ORDER BY id), lead(v, 2) OVER (ORDER BY id), lead(v, 2, -1) OVER (ORDER BY id), lead(v, 3, 0) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|20|20|20|5
2|20|5|5|NULL
3|5|NULL|NULL|7
4|NULL|7|7|0
5|7|NULL|-1|0
6|NULL|NULL|-1|0
tag: SELECT 6

query
SELECT id, lag(g, 1, 'none') OVER (PARTITION BY g ORDER BY id), lead(f, 1, 0) OVER (ORDER BY id), lag(v, NULL) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|none|NULL|NULL
2|a|2.5|NULL
3|a|0|NULL
4|none|-1|NULL
5|b|3|NULL
6|none|0|NULL
tag: SELECT 6

query
SELECT id, lag(v, 1, NULL) OVER (ORDER BY id), lead(v, 1, v) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|NULL|20
2|10|20
3|20|5
4|20|NULL
5|5|7
6|NULL|7
tag: SELECT 6

query
SELECT id, lag(v, 1, 1.5) OVER (ORDER BY id), pg_typeof(lag(v, 1, 1.5) OVER (ORDER BY id)), lead(v::int2, 1, 100000) OVER (ORDER BY id) FROM pw ORDER BY id
----
1|1.5|numeric|20
2|10|numeric|20
3|20|numeric|5
4|20|numeric|NULL
5|5|numeric|7
6|NULL|numeric|100000
tag: SELECT 6

statement error 42883
SELECT lag(v, 1, 'x'::text) OVER () FROM pw
