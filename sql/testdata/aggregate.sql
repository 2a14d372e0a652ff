# Aggregation: GROUP BY, HAVING, count/sum/min/max/avg, DISTINCT.
statement ok
CREATE TABLE sales (id int PRIMARY KEY, region text, product text, qty int, price double precision, big bigint)

statement ok
INSERT INTO sales VALUES (1, 'north', 'apple', 10, 1.5, 100), (2, 'north', 'pear', 5, 2.0, 200), (3, 'south', 'apple', 7, 1.5, NULL), (4, 'south', 'apple', 3, 1.25, 400), (5, 'east', 'plum', NULL, 4.0, 500), (6, NULL, 'apple', 1, NULL, 600)

query
SELECT count(*), count(qty), count(region), count(DISTINCT region), count(DISTINCT product) FROM sales
----
6|5|5|3|3
tag: SELECT 1

query
SELECT sum(qty), min(qty), max(qty), sum(big), min(product), max(product) FROM sales
----
26|1|10|1800|apple|plum
tag: SELECT 1

# An explicit ALL is the default: count(ALL x) is count(x), in any function call.
query
SELECT count(ALL qty), sum(ALL qty), min(ALL 51), max(all product), avg(ALL qty) = avg(qty), count(ALL region) FROM sales
----
5|26|51|plum|t|5
tag: SELECT 1

statement error 42601
SELECT region, count(ALL *) FROM sales GROUP BY region

query
SELECT lower(ALL 'ABC'), "lower"(ALL 'X'), string_agg(ALL product, ',') = string_agg(product, ',') FROM sales
----
abc|x|t
tag: SELECT 1

statement error 42601
SELECT lower(ALL) FROM sales

statement error 42601
SELECT coalesce(ALL qty) FROM sales

query
SELECT sum(price), min(price), max(price) FROM sales
----
10.25|1.25|4
tag: SELECT 1

query
SELECT region, count(*), sum(qty) FROM sales GROUP BY region ORDER BY region
----
east|1|NULL
north|2|15
south|2|10
NULL|1|1
tag: SELECT 4

query
SELECT region, product, sum(qty) FROM sales GROUP BY region, product ORDER BY region, product
----
east|plum|NULL
north|apple|10
north|pear|5
south|apple|10
NULL|apple|1
tag: SELECT 5

query
SELECT product, count(*) AS n FROM sales GROUP BY product HAVING count(*) > 1 ORDER BY n DESC
----
apple|4
tag: SELECT 1

query
SELECT product FROM sales GROUP BY product HAVING sum(qty) >= 6 ORDER BY product
----
apple
tag: SELECT 1

query
SELECT region AS r, max(qty) FROM sales GROUP BY r ORDER BY r NULLS LAST
----
east|NULL
north|10
south|7
NULL|1
tag: SELECT 4

query
SELECT region, max(qty) FROM sales GROUP BY 1 ORDER BY 1
----
east|NULL
north|10
south|7
NULL|1
tag: SELECT 4

query
SELECT upper(product), count(*) FROM sales GROUP BY upper(product) ORDER BY 1
----
APPLE|4
PEAR|1
PLUM|1
tag: SELECT 3

query
SELECT qty % 2, count(*) FROM sales WHERE qty IS NOT NULL GROUP BY qty % 2 ORDER BY 1
----
0|1
1|4
tag: SELECT 2

query
SELECT count(*) FROM sales WHERE qty > 100
----
0
tag: SELECT 1

query
SELECT sum(qty), max(product) FROM sales WHERE qty > 100
----
NULL|NULL
tag: SELECT 1

query
SELECT region, count(*) FROM sales WHERE qty > 100 GROUP BY region
----
tag: SELECT 0

query
SELECT count(*) + 1, sum(qty) * 2, max(qty) - min(qty) FROM sales
----
7|52|9
tag: SELECT 1

query
SELECT region, sum(qty) FROM sales GROUP BY region ORDER BY sum(qty) DESC NULLS LAST, region
----
north|15
south|10
NULL|1
east|NULL
tag: SELECT 4

query
SELECT region FROM sales GROUP BY region ORDER BY count(*), region
----
east
NULL
north
south
tag: SELECT 4

query
SELECT DISTINCT product FROM sales ORDER BY product
----
apple
pear
plum
tag: SELECT 3

query
SELECT DISTINCT region, product FROM sales ORDER BY 1, 2
----
east|plum
north|apple
north|pear
south|apple
NULL|apple
tag: SELECT 5

query
SELECT DISTINCT qty % 3 FROM sales ORDER BY 1
----
0
1
2
NULL
tag: SELECT 4

query
SELECT count(*) FROM (SELECT DISTINCT product FROM sales) p
----
3
tag: SELECT 1

query
SELECT sum(DISTINCT qty), count(DISTINCT price) FROM sales
----
26|4
tag: SELECT 1

query
SELECT avg(price) FROM sales WHERE price IS NOT NULL
----
2.05
tag: SELECT 1

query
SELECT product, avg(price) FROM sales WHERE product = 'apple' GROUP BY product
----
apple|1.4166666666666667
tag: SELECT 1

statement error 42803
SELECT region, qty FROM sales GROUP BY region

statement error 42803
SELECT count(sum(qty)) FROM sales

statement error 42803
SELECT id FROM sales WHERE count(*) > 1

statement error 42803
SELECT product FROM sales HAVING count(*) > 1

statement error 42883
SELECT sum(product) FROM sales

statement error 42P10
SELECT region FROM sales GROUP BY 3

statement error 42P10
SELECT DISTINCT region FROM sales ORDER BY qty

query
SELECT sum(big * 9223372036854775) FROM sales WHERE big > 0
----
16602069666338595000
tag: SELECT 1
