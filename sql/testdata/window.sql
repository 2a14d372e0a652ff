# Window functions with PostgreSQL's default frame.

statement ok
CREATE TABLE sales (id int PRIMARY KEY, region text, amount int, day int)

statement ok
INSERT INTO sales VALUES (1, 'east', 10, 1), (2, 'east', 20, 2), (3, 'east', 20, 3), (4, 'west', 5, 1), (5, 'west', 7, 2), (6, 'north', NULL, 1)

query
SELECT id, row_number() OVER (ORDER BY id) FROM sales ORDER BY id
----
1|1
2|2
3|3
4|4
5|5
6|6
tag: SELECT 6

query
SELECT id, region, row_number() OVER (PARTITION BY region ORDER BY day DESC) AS rn FROM sales ORDER BY region, rn
----
3|east|1
2|east|2
1|east|3
6|north|1
5|west|1
4|west|2
tag: SELECT 6

query
SELECT id, amount, rank() OVER (ORDER BY amount DESC), dense_rank() OVER (ORDER BY amount DESC) FROM sales ORDER BY id
----
1|10|4|3
2|20|2|2
3|20|2|2
4|5|6|5
5|7|5|4
6|NULL|1|1
tag: SELECT 6

query
SELECT id, sum(amount) OVER (PARTITION BY region ORDER BY day), sum(amount) OVER (PARTITION BY region), count(*) OVER () FROM sales ORDER BY id
----
1|10|50|6
2|30|50|6
3|50|50|6
4|5|12|6
5|12|12|6
6|NULL|NULL|6
tag: SELECT 6

query
SELECT id, sum(amount) OVER (ORDER BY amount), count(amount) OVER (ORDER BY amount) FROM sales WHERE region = 'east' ORDER BY id
----
1|10|1
2|50|3
3|50|3
tag: SELECT 3

query
SELECT id, min(amount) OVER (PARTITION BY region), max(day) OVER (PARTITION BY region ORDER BY day), avg(amount) OVER (PARTITION BY region) FROM sales WHERE region <> 'north' ORDER BY id
----
1|10|1|16.6666666666666667
2|10|2|16.6666666666666667
3|10|3|16.6666666666666667
4|5|1|6.0000000000000000
5|5|2|6.0000000000000000
tag: SELECT 5

query
SELECT region, amount FROM (SELECT region, amount, row_number() OVER (PARTITION BY region ORDER BY amount DESC NULLS LAST, id) AS rn FROM sales) t WHERE rn = 1 ORDER BY region
----
east|20
north|NULL
west|7
tag: SELECT 3

query
SELECT id FROM sales ORDER BY row_number() OVER (ORDER BY amount DESC NULLS LAST, id) LIMIT 2
----
2
3
tag: SELECT 2

statement error 42P20
SELECT id FROM sales WHERE row_number() OVER () > 1

# Window functions over grouped rows.

query
SELECT region, sum(amount), rank() OVER (ORDER BY sum(amount) DESC NULLS LAST), count(*) OVER () FROM sales GROUP BY region ORDER BY 3
----
east|50|1|3
west|12|2|3
north|NULL|3|3
tag: SELECT 3

query
SELECT region, max(day) AS last_day, sum(count(*)) OVER (ORDER BY region) AS running FROM sales GROUP BY region HAVING count(*) > 1 ORDER BY region
----
east|3|3
west|2|5
tag: SELECT 2

statement error 42P20
SELECT region FROM sales GROUP BY region HAVING rank() OVER () > 1

query
SELECT id, min(amount) OVER (PARTITION BY region), max(day) OVER (PARTITION BY region ORDER BY day) FROM sales WHERE region <> 'north' ORDER BY id
----
1|10|1
2|10|2
3|10|3
4|5|1
5|5|2
tag: SELECT 5

# deviation: drove's plans have no index-only scans
query
EXPLAIN (COSTS OFF) SELECT id, row_number() OVER (ORDER BY id) FROM sales
----
WindowAgg
  ->  Seq Scan on sales
tag: EXPLAIN

query
SELECT id, lag(amount) OVER (ORDER BY id), lead(amount, 2, -1) OVER (ORDER BY id), lag(id, 1, 0) OVER (PARTITION BY region ORDER BY day) FROM sales ORDER BY id
----
1|NULL|20|0
2|10|5|1
3|20|7|2
4|20|NULL|0
5|5|-1|4
6|7|-1|0
tag: SELECT 6

query
SELECT id, first_value(amount) OVER (PARTITION BY region ORDER BY day), last_value(amount) OVER (PARTITION BY region ORDER BY amount), last_value(day) OVER (PARTITION BY region ORDER BY amount, day) FROM sales WHERE region = 'east' ORDER BY id
----
1|10|10|1
2|10|20|2
3|10|20|3
tag: SELECT 3

query
SELECT id, ntile(4) OVER (ORDER BY id), ntile(2) OVER (PARTITION BY region ORDER BY id) FROM sales ORDER BY id
----
1|1|1
2|1|1
3|2|2
4|2|1
5|3|2
6|4|1
tag: SELECT 6

statement error 22014
SELECT ntile(0) OVER () FROM sales

# Frame clauses.

query
SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), sum(id) OVER (ORDER BY id ROWS 2 PRECEDING), count(*) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM sales ORDER BY id
----
1|3|1|6
2|6|3|5
3|9|6|4
4|12|9|3
5|15|12|2
6|11|15|1
tag: SELECT 6

query
SELECT id, first_value(id) OVER (ORDER BY amount ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), last_value(id) OVER (ORDER BY amount NULLS FIRST, id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM sales ORDER BY id
----
1|4|3
2|4|3
3|4|3
4|4|3
5|4|3
6|4|3
tag: SELECT 6

query
SELECT id, sum(amount) OVER (PARTITION BY region ORDER BY amount RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), max(day) OVER (ORDER BY amount RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM sales WHERE amount IS NOT NULL ORDER BY id
----
1|50|2
2|40|3
3|40|3
4|12|1
5|7|2
tag: SELECT 5

query
SELECT id, sum(amount) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) FROM sales WHERE id <= 4 ORDER BY id
----
1|25
2|5
3|NULL
4|NULL
tag: SELECT 4

statement error 42P20
SELECT sum(id) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM sales

# FILTER on window aggregates: a row the condition does not hold for is not folded in.
statement ok
CREATE TABLE wf (id int PRIMARY KEY, g int, x int)

statement ok
INSERT INTO wf VALUES (1, 1, 5), (2, 1, -1), (3, 1, 3), (4, 2, -2), (5, 2, 7), (6, 3, NULL)

query
SELECT id, count(*) FILTER (WHERE x > 0) OVER (PARTITION BY g ORDER BY id), count(x) FILTER (WHERE x < 4) OVER () FROM wf ORDER BY id
----
1|1|3
2|1|3
3|2|3
4|0|3
5|1|3
6|0|3
tag: SELECT 6

query
SELECT id, sum(x) FILTER (WHERE x > 0) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM wf ORDER BY id
----
1|5
2|5
3|3
4|3
5|7
6|7
tag: SELECT 6

query
SELECT id, max(x) FILTER (WHERE x > 0) OVER (PARTITION BY g), min(x) FILTER (WHERE x < 5) OVER (PARTITION BY g), avg(x) FILTER (WHERE id % 2 = 1) OVER (PARTITION BY g) FROM wf ORDER BY id
----
1|5|-1|4.0000000000000000
2|5|-1|4.0000000000000000
3|5|-1|4.0000000000000000
4|7|-2|7.0000000000000000
5|7|-2|7.0000000000000000
6|NULL|NULL|NULL
tag: SELECT 6

query
SELECT g, sum(count(*)) FILTER (WHERE g > 1) OVER (ORDER BY g) FROM wf GROUP BY g ORDER BY g
----
1|NULL
2|2
3|3
tag: SELECT 3

query
SELECT id, count(x) FILTER (WHERE (SELECT true)) OVER (ORDER BY id), sum(10 / x) FILTER (WHERE x <> 0) OVER () FROM wf ORDER BY id
----
1|1|-9
2|2|-9
3|3|-9
4|4|-9
5|5|-9
6|5|-9
tag: SELECT 6

statement error 0A000
SELECT id, row_number() FILTER (WHERE x > 0) OVER () FROM wf

statement error 0A000
SELECT id, lag(x) FILTER (WHERE x > 0) OVER () FROM wf

statement error 42803
SELECT id, count(*) FILTER (WHERE count(*) > 0) OVER () FROM wf

statement error 42P20
SELECT id, count(*) FILTER (WHERE sum(x) OVER () > 0) OVER () FROM wf
