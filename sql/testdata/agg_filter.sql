# Aggregate FILTER (WHERE ...), as PostgreSQL 15.
statement ok
CREATE TABLE sales (id int PRIMARY KEY, region text, amount int, note varchar(10))

statement ok
INSERT INTO sales VALUES (1, 'north', 10, 'a'), (2, 'north', 25, NULL), (3, 'south', 5, 'b'), (4, 'south', NULL, 'c'), (5, 'east', 40, 'd')

query
SELECT count(*) FILTER (WHERE amount > 8), count(*), sum(amount) FILTER (WHERE region <> 'north'), avg(amount) FILTER (WHERE amount IS NOT NULL) FROM sales
----
3|5|45|20.0000000000000000
tag: SELECT 1

query
SELECT region, count(*) FILTER (WHERE amount > 8) AS big, max(amount) FILTER (WHERE id > 1), min(note) FILTER (WHERE note <> 'a') FROM sales GROUP BY region ORDER BY region
----
east|1|40|d
north|2|25|NULL
south|0|5|b
tag: SELECT 3

query
SELECT region, count(DISTINCT amount) FILTER (WHERE amount < 30), string_agg(note, ',') FILTER (WHERE note IS NOT NULL) FROM sales GROUP BY 1 ORDER BY 1
----
east|0|d
north|2|a
south|1|b,c
tag: SELECT 3

query
SELECT count(*) FILTER (WHERE false), sum(amount) FILTER (WHERE NULL) FROM sales
----
0|NULL
tag: SELECT 1

query
SELECT region FROM sales GROUP BY region HAVING count(*) FILTER (WHERE amount >= 10) > 0 ORDER BY region
----
east
north
tag: SELECT 2

query
SELECT region, sum(amount) FILTER (WHERE amount > 1) - sum(amount) AS d FROM sales GROUP BY region ORDER BY count(*) FILTER (WHERE note > 'a'), region
----
north|0
east|0
south|0
tag: SELECT 3

query
SELECT count(*) FILTER (WHERE amount > 8) FROM sales WHERE id < 0
----
0
tag: SELECT 1

statement error 42803
SELECT count(*) FILTER (WHERE count(*) > 1) FROM sales

statement error 42809
SELECT lower(region) FILTER (WHERE id > 1) FROM sales

statement error 42803
SELECT id FROM sales WHERE count(*) FILTER (WHERE id > 1) > 0

statement error 42804
SELECT count(*) FILTER (WHERE amount) FROM sales

query
SELECT (SELECT count(*) FILTER (WHERE s2.amount > s.amount) FROM sales s2) FROM sales s ORDER BY id
----
2
1
3
0
0
tag: SELECT 5

statement error 42883
SELECT drove_agg_filter(count(*), true) FROM sales

statement error 42601
SELECT count(*) FILTER (amount > 1) FROM sales
