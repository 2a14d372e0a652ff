# A broader corpus: a small shop schema queried the ways applications do. Every expected output
# here is PostgreSQL 15's (the differential test checks it).
statement ok
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text, tier int, joined timestamp)

statement ok
CREATE TABLE products (sku text PRIMARY KEY, title text NOT NULL, price double precision, stock int, category text)

statement ok
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int, placed timestamp, status text)

statement ok
CREATE TABLE order_lines (order_id bigint, line int, sku text, qty int NOT NULL, PRIMARY KEY (order_id, line))

statement ok
INSERT INTO customers VALUES (1, 'Ada', 'London', 3, '2020-01-05 10:00:00'), (2, 'Bob', 'Paris', 1, '2021-03-10 09:30:00'), (3, 'Cy', 'London', 2, '2021-07-01 00:00:00'), (4, 'Dee', NULL, NULL, NULL), (5, 'Eve', 'Berlin', 3, '2022-12-31 23:59:59'), (6, 'Fox', 'Paris', 2, '2023-02-14 12:00:00')

statement ok
INSERT INTO products VALUES ('A1', 'apple', 0.5, 100, 'fruit'), ('B2', 'bread', 2.25, 20, 'bakery'), ('C3', 'cheese', 7.5, 5, 'dairy'), ('D4', 'dates', 4, 0, 'fruit'), ('E5', 'eggs', 3.2, 48, 'dairy'), ('F6', 'flour', 1.1, NULL, NULL)

statement ok
INSERT INTO orders VALUES (100, 1, '2024-01-01 08:00:00', 'shipped'), (101, 1, '2024-01-03 09:00:00', 'open'), (102, 2, '2024-01-03 10:00:00', 'shipped'), (103, 3, '2024-02-01 11:00:00', 'cancelled'), (104, 5, '2024-02-02 12:00:00', 'open'), (105, NULL, '2024-02-03 13:00:00', 'open'), (106, 6, NULL, NULL)

statement ok
INSERT INTO order_lines VALUES (100, 1, 'A1', 10), (100, 2, 'B2', 1), (101, 1, 'C3', 2), (102, 1, 'A1', 5), (102, 2, 'E5', 12), (102, 3, 'F6', 1), (103, 1, 'D4', 3), (104, 1, 'C3', 1), (104, 2, 'B2', 2), (105, 1, 'Z9', 1)

query
SELECT id, name FROM customers ORDER BY name
----
1|Ada
2|Bob
3|Cy
4|Dee
5|Eve
6|Fox
tag: SELECT 6

query
SELECT name FROM customers WHERE city = 'London' ORDER BY id
----
Ada
Cy
tag: SELECT 2

query
SELECT name FROM customers WHERE city <> 'London' ORDER BY id
----
Bob
Eve
Fox
tag: SELECT 3

query
SELECT name FROM customers WHERE city IS NULL
----
Dee
tag: SELECT 1

query
SELECT name, tier FROM customers WHERE tier IN (1, 2) ORDER BY tier, name
----
Bob|1
Cy|2
Fox|2
tag: SELECT 3

query
SELECT name FROM customers WHERE tier NOT IN (1, 2) ORDER BY name
----
Ada
Eve
tag: SELECT 2

query
SELECT name FROM customers WHERE tier BETWEEN 2 AND 3 ORDER BY name DESC
----
Fox
Eve
Cy
Ada
tag: SELECT 4

query
SELECT name FROM customers WHERE name LIKE '_o%' ORDER BY name
----
Bob
Fox
tag: SELECT 2

query
SELECT name FROM customers WHERE name ILIKE 'e%' OR city ILIKE '%PAR%' ORDER BY name
----
Bob
Eve
Fox
tag: SELECT 3

query
SELECT city, count(*) FROM customers GROUP BY city ORDER BY city NULLS FIRST
----
NULL|1
Berlin|1
London|2
Paris|2
tag: SELECT 4

query
SELECT city, count(*), min(tier), max(tier) FROM customers GROUP BY city HAVING count(*) > 1 ORDER BY city
----
London|2|2|3
Paris|2|1|2
tag: SELECT 2

query
SELECT tier, count(*) FROM customers GROUP BY tier ORDER BY tier DESC NULLS LAST
----
3|2
2|2
1|1
NULL|1
tag: SELECT 4

query
SELECT count(DISTINCT city), count(city), count(*) FROM customers
----
3|5|6
tag: SELECT 1

query
SELECT name, joined FROM customers WHERE joined > '2021-01-01' ORDER BY joined
----
Bob|2021-03-10 09:30:00
Cy|2021-07-01 00:00:00
Eve|2022-12-31 23:59:59
Fox|2023-02-14 12:00:00
tag: SELECT 4

query
SELECT name FROM customers WHERE joined IS NOT NULL ORDER BY joined DESC LIMIT 2
----
Fox
Eve
tag: SELECT 2

query
SELECT name FROM customers ORDER BY tier DESC NULLS LAST, name LIMIT 3 OFFSET 1
----
Eve
Cy
Fox
tag: SELECT 3

query
SELECT name FROM customers ORDER BY length(name), name
----
Cy
Ada
Bob
Dee
Eve
Fox
tag: SELECT 6

query
SELECT upper(name) || '@' || lower(coalesce(city, 'nowhere')) FROM customers ORDER BY id
----
ADA@london
BOB@paris
CY@london
DEE@nowhere
EVE@berlin
FOX@paris
tag: SELECT 6

query
SELECT sku, title, price FROM products WHERE price > 2 ORDER BY price DESC
----
C3|cheese|7.5
D4|dates|4
E5|eggs|3.2
B2|bread|2.25
tag: SELECT 4

query
SELECT sku, price * stock AS value FROM products WHERE stock IS NOT NULL ORDER BY value DESC, sku
----
E5|153.60000000000002
A1|50
B2|45
C3|37.5
D4|0
tag: SELECT 5

query
SELECT category, sum(stock), avg(price) FROM products WHERE category IS NOT NULL GROUP BY category ORDER BY category
----
bakery|20|2.25
dairy|53|5.35
fruit|100|2.25
tag: SELECT 3

query
SELECT category, count(*) FROM products GROUP BY category ORDER BY count(*) DESC, category NULLS LAST
----
dairy|2
fruit|2
bakery|1
NULL|1
tag: SELECT 4

query
SELECT sku FROM products WHERE stock = 0 OR stock IS NULL ORDER BY sku
----
D4
F6
tag: SELECT 2

query
SELECT sku, CASE WHEN stock IS NULL THEN 'unknown' WHEN stock = 0 THEN 'out' WHEN stock < 10 THEN 'low' ELSE 'ok' END FROM products ORDER BY sku
----
A1|ok
B2|ok
C3|low
D4|out
E5|ok
F6|unknown
tag: SELECT 6

statement error 42883
SELECT round(price * 1.2, 2) FROM products

query
SELECT round(price::numeric * 1.2, 2), floor(price), ceil(price) FROM products ORDER BY sku
----
0.60|0|1
2.70|2|3
9.00|7|8
4.80|4|4
3.84|3|4
1.32|1|2
tag: SELECT 6

query
SELECT max(price) - min(price), sum(stock) / count(stock) FROM products
----
7|34
tag: SELECT 1

query
SELECT title FROM products WHERE price = (SELECT max(price) FROM products)
----
cheese
tag: SELECT 1

query
SELECT title FROM products WHERE price > (SELECT avg(price) FROM products) ORDER BY title
----
cheese
dates
eggs
tag: SELECT 3

query
SELECT title, substring(title, 1, 3), position('e' in title) FROM products ORDER BY sku
----
apple|app|5
bread|bre|3
cheese|che|3
dates|dat|4
eggs|egg|1
flour|flo|0
tag: SELECT 6

query
SELECT replace(title, 'e', 'E'), trim(both 'a' from title) FROM products ORDER BY sku
----
applE|pple
brEad|bread
chEEsE|cheese
datEs|dates
Eggs|eggs
flour|flour
tag: SELECT 6

query
SELECT id, status FROM orders WHERE status = 'open' ORDER BY id
----
101|open
104|open
105|open
tag: SELECT 3

query
SELECT status, count(*) FROM orders GROUP BY status ORDER BY status NULLS LAST
----
cancelled|1
open|3
shipped|2
NULL|1
tag: SELECT 4

query
SELECT id FROM orders WHERE placed >= '2024-02-01' ORDER BY id
----
103
104
105
tag: SELECT 3

query
SELECT id FROM orders WHERE customer_id IS NULL OR placed IS NULL ORDER BY id
----
105
106
tag: SELECT 2

query
SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id
----
100|Ada
101|Ada
102|Bob
103|Cy
104|Eve
106|Fox
tag: SELECT 6

query
SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.id
----
100|Ada
101|Ada
102|Bob
103|Cy
104|Eve
105|NULL
106|Fox
tag: SELECT 7

query
SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id
----
Ada|100
Ada|101
Bob|102
Cy|103
Dee|NULL
Eve|104
Fox|106
tag: SELECT 7

query
SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL ORDER BY c.name
----
Dee
tag: SELECT 1

query
SELECT c.name, count(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY orders DESC, c.name
----
Ada|2
Bob|1
Cy|1
Eve|1
Fox|1
Dee|0
tag: SELECT 6

query
SELECT c.city, count(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.city ORDER BY c.city
----
Berlin|1
London|3
Paris|2
tag: SELECT 3

query
SELECT o.id, sum(l.qty) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id
----
100|11
101|2
102|18
103|3
104|3
105|1
tag: SELECT 6

query
SELECT o.id, sum(l.qty * p.price) AS total FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.sku = l.sku GROUP BY o.id ORDER BY total DESC, o.id
----
102|42.00000000000001
101|15
103|12
104|12
100|7.25
tag: SELECT 5

query
SELECT c.name, sum(l.qty * p.price) FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.sku = l.sku WHERE o.status <> 'cancelled' GROUP BY c.name ORDER BY c.name
----
Ada|22.25
Bob|42.00000000000001
Eve|12
tag: SELECT 3

query
SELECT l.order_id, l.line, p.title FROM order_lines l LEFT JOIN products p ON p.sku = l.sku ORDER BY l.order_id, l.line
----
100|1|apple
100|2|bread
101|1|cheese
102|1|apple
102|2|eggs
102|3|flour
103|1|dates
104|1|cheese
104|2|bread
105|1|NULL
tag: SELECT 10

query
SELECT l.sku FROM order_lines l LEFT JOIN products p ON p.sku = l.sku WHERE p.sku IS NULL
----
Z9
tag: SELECT 1

query
SELECT p.sku, coalesce(sum(l.qty), 0) AS sold FROM products p LEFT JOIN order_lines l ON l.sku = p.sku GROUP BY p.sku ORDER BY sold DESC, p.sku
----
A1|15
E5|12
B2|3
C3|3
D4|3
F6|1
tag: SELECT 6

query
SELECT p.title FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.sku = p.sku) ORDER BY 1
----
tag: SELECT 0

query
SELECT p.title FROM products p WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.sku = p.sku AND l.qty >= 5) ORDER BY 1
----
apple
eggs
tag: SELECT 2

query
SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'open') ORDER BY name
----
Ada
Eve
tag: SELECT 2

query
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL) ORDER BY name
----
Dee
tag: SELECT 1

query
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)
----
tag: SELECT 0

query
SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c ORDER BY c.id
----
Ada|2
Bob|1
Cy|1
Dee|0
Eve|1
Fox|1
tag: SELECT 6

query
SELECT c.name, (SELECT max(o.placed) FROM orders o WHERE o.customer_id = c.id) AS last FROM customers c ORDER BY c.id
----
Ada|2024-01-03 09:00:00
Bob|2024-01-03 10:00:00
Cy|2024-02-01 11:00:00
Dee|NULL
Eve|2024-02-02 12:00:00
Fox|NULL
tag: SELECT 6

query
SELECT o.id FROM orders o WHERE (SELECT sum(qty) FROM order_lines l WHERE l.order_id = o.id) > 5 ORDER BY o.id
----
100
102
tag: SELECT 2

query
SELECT t.city, t.n FROM (SELECT city, count(*) AS n FROM customers GROUP BY city) t WHERE t.n >= 2 ORDER BY t.city
----
London|2
Paris|2
tag: SELECT 2

query
SELECT avg(t.total) FROM (SELECT order_id, sum(qty) AS total FROM order_lines GROUP BY order_id) t
----
6.3333333333333333
tag: SELECT 1

query
SELECT max(n) FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) s
----
2
tag: SELECT 1

query
SELECT city FROM customers WHERE city IS NOT NULL UNION SELECT category FROM products WHERE category IS NOT NULL ORDER BY 1
----
Berlin
London
Paris
bakery
dairy
fruit
tag: SELECT 6

query
SELECT name FROM customers WHERE tier = 3 UNION ALL SELECT name FROM customers WHERE city = 'London' ORDER BY 1
----
Ada
Ada
Cy
Eve
tag: SELECT 4

query
SELECT 'customer' AS kind, count(*) FROM customers UNION ALL SELECT 'product', count(*) FROM products UNION ALL SELECT 'order', count(*) FROM orders ORDER BY 1
----
customer|6
order|7
product|6
tag: SELECT 3

query
SELECT DISTINCT city FROM customers WHERE city IS NOT NULL ORDER BY city
----
Berlin
London
Paris
tag: SELECT 3

query
SELECT DISTINCT c.city FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY 1
----
Berlin
London
Paris
tag: SELECT 3

query
SELECT DISTINCT status FROM orders ORDER BY status NULLS FIRST
----
NULL
cancelled
open
shipped
tag: SELECT 4

query
SELECT a.name, b.name FROM customers a JOIN customers b ON a.city = b.city AND a.id < b.id ORDER BY 1, 2
----
Ada|Cy
Bob|Fox
tag: SELECT 2

query
SELECT a.name, b.name FROM customers a CROSS JOIN customers b WHERE a.tier = 3 AND b.tier = 1 ORDER BY 1
----
Ada|Bob
Eve|Bob
tag: SELECT 2

query
SELECT c.name, o.id FROM customers c FULL JOIN orders o ON o.customer_id = c.id ORDER BY c.name NULLS FIRST, o.id
----
NULL|105
Ada|100
Ada|101
Bob|102
Cy|103
Dee|NULL
Eve|104
Fox|106
tag: SELECT 8

query
SELECT c.name, o.id FROM customers c RIGHT JOIN orders o ON o.customer_id = c.id ORDER BY o.id
----
Ada|100
Ada|101
Bob|102
Cy|103
Eve|104
NULL|105
Fox|106
tag: SELECT 7

query
SELECT id / 7, id % 7, -id / 7, id * 2 - 1 FROM orders ORDER BY id
----
14|2|-14|199
14|3|-14|201
14|4|-14|203
14|5|-14|205
14|6|-14|207
15|0|-15|209
15|1|-15|211
tag: SELECT 7

query
SELECT 7 / 2, -7 / 2, 7 % -3, -7 % 3
----
3|-3|1|-1
tag: SELECT 1

query
SELECT 10 / 4 * 4, 10 - 4 - 3, 2 + 3 * 4, (2 + 3) * 4
----
8|3|14|20
tag: SELECT 1

query
SELECT NULL = NULL, NULL IS NULL, 1 = NULL, NULL AND false, NULL OR true, NOT NULL
----
NULL|t|NULL|f|t|NULL
tag: SELECT 1

query
SELECT true AND NULL, false OR NULL
----
NULL|NULL
tag: SELECT 1

query
SELECT coalesce(NULL, NULL, 3), nullif(3, 3), nullif(3, 4), greatest(1, NULL, 2), least('b', 'a')
----
3|NULL|3|2|a
tag: SELECT 1

query
SELECT 'a' < 'b', 'B' < 'a', 'abc' LIKE 'a%', 'abc' LIKE 'A%', 'abc' ILIKE 'A%'
----
t|t|t|f|t
tag: SELECT 1

query
SELECT length(''), length('héllo'), upper('straße')
----
0|5|STRAßE
tag: SELECT 1

query
SELECT '5'::int + 1, 5::text || '!', 3.9::int, -3.9::int, 2.5::int, 3.5::int
----
6|5!|4|-4|3|4
tag: SELECT 1

query
SELECT CAST(1 AS double precision) / 3, CAST('2024-02-29 12:00:00' AS timestamp)
----
0.3333333333333333|2024-02-29 12:00:00
tag: SELECT 1

query
SELECT true::int, 0::boolean, 'yes'::boolean, 'off'::boolean
----
1|f|t|f
tag: SELECT 1

query
SELECT abs(-5), abs(-2.5), mod(17, 5), mod(-17, 5), round(-0.5), round(0.5)
----
5|2.5|2|-2|-1|1
tag: SELECT 1

query
SELECT concat('a', 1, NULL, true), 'x' || 1 || 'y'
----
a1t|x1y
tag: SELECT 1

statement error 42883
SELECT concat()

query
SELECT substring('abcdef', 2), substring('abcdef', -1, 3), substring('abcdef', 3, 0)
----
bcdef|a|
tag: SELECT 1

query
SELECT position('c' in 'abcabc'), replace('aaa', 'a', 'bb'), trim('  x  ') || '|'
----
3|bbbbbb|x|
tag: SELECT 1

query
SELECT CASE 1 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END, CASE WHEN NULL THEN 1 ELSE 0 END
----
one|0
tag: SELECT 1

query
SELECT count(*) FROM customers WHERE tier > 1 AND (city = 'Paris' OR city = 'London')
----
3
tag: SELECT 1

query
SELECT count(*) FROM customers WHERE NOT (tier > 1)
----
1
tag: SELECT 1

query
SELECT sum(tier), sum(tier) / count(tier) FROM customers
----
11|2
tag: SELECT 1

query
SELECT min(name), max(name), min(joined), max(joined) FROM customers
----
Ada|Fox|2020-01-05 10:00:00|2023-02-14 12:00:00
tag: SELECT 1

query
SELECT count(*) FROM order_lines WHERE order_id = 102
----
3
tag: SELECT 1

query
SELECT sku, qty FROM order_lines WHERE order_id = 102 AND line = 2
----
E5|12
tag: SELECT 1

query
SELECT sku FROM order_lines WHERE order_id = 102 ORDER BY line DESC
----
F6
E5
A1
tag: SELECT 3

query
SELECT order_id, max(line) FROM order_lines GROUP BY order_id HAVING max(line) > 1 ORDER BY order_id
----
100|2
102|3
104|2
tag: SELECT 3

query
SELECT order_id, count(*) FROM order_lines GROUP BY order_id HAVING sum(qty) > 3 AND count(*) > 1 ORDER BY 1
----
100|2
102|3
tag: SELECT 2

query
SELECT o.status, count(DISTINCT l.sku) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.status ORDER BY 1
----
cancelled|1
open|3
shipped|4
tag: SELECT 3

query
SELECT p.category, sum(l.qty) FROM products p JOIN order_lines l USING (sku) GROUP BY p.category ORDER BY 1 NULLS LAST
----
bakery|3
dairy|15
fruit|18
NULL|1
tag: SELECT 4

query
SELECT sku, title, qty FROM products JOIN order_lines USING (sku) WHERE order_id = 100 ORDER BY sku
----
A1|apple|10
B2|bread|1
tag: SELECT 2

query
SELECT c.name FROM customers c WHERE c.tier = (SELECT max(tier) FROM customers) ORDER BY 1
----
Ada
Eve
tag: SELECT 2

query
SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM customers d WHERE d.city = c.city AND d.id <> c.id) ORDER BY 1
----
Ada
Bob
Cy
Fox
tag: SELECT 4

query
SELECT name, tier, (SELECT count(*) FROM customers d WHERE d.tier > c.tier) AS above FROM customers c ORDER BY name
----
Ada|3|0
Bob|1|4
Cy|2|2
Dee|NULL|0
Eve|3|0
Fox|2|2
tag: SELECT 6

query
SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE city = 'London') AND status IN ('open', 'shipped') ORDER BY id
----
100
101
tag: SELECT 2

query
SELECT count(*) FROM (SELECT DISTINCT customer_id FROM orders) d
----
6
tag: SELECT 1

query
SELECT count(*) FROM (SELECT customer_id FROM orders UNION SELECT id FROM customers) u
----
7
tag: SELECT 1

query
SELECT name FROM customers ORDER BY id LIMIT 0
----
tag: SELECT 0

query
SELECT name FROM customers ORDER BY id OFFSET 4
----
Eve
Fox
tag: SELECT 2

query
SELECT name FROM customers ORDER BY id LIMIT 2 OFFSET 10
----
tag: SELECT 0

query
SELECT id, name FROM customers WHERE id = 3
----
3|Cy
tag: SELECT 1

query
SELECT id, name FROM customers WHERE id = 3 AND city = 'Paris'
----
tag: SELECT 0

query
SELECT id FROM customers WHERE id = 99
----
tag: SELECT 0

query
SELECT title FROM products WHERE sku = 'C3'
----
cheese
tag: SELECT 1

query
SELECT now() >= '2024-01-01'::timestamp
----
t
tag: SELECT 1

query
SELECT 1 WHERE EXISTS (SELECT 1 FROM products WHERE stock > 50)
----
1
tag: SELECT 1

query
SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM products WHERE stock > 500)
----
1
tag: SELECT 1

statement error 42702
SELECT id FROM customers c JOIN orders o ON o.customer_id = c.id

statement error 42803
SELECT city, name FROM customers GROUP BY city

statement error 42P01
SELECT x.id FROM customers

statement error 42703
SELECT nosuch FROM products

statement error 22012
SELECT sum(stock) / 0 FROM products

statement error 21000
SELECT (SELECT name FROM customers)

statement error 42883
SELECT title + 1 FROM products

statement error 22P02
SELECT 'abc'::int

statement error 42804
SELECT * FROM customers UNION SELECT * FROM products

statement error 42601
SELECT id FROM customers UNION SELECT sku, title FROM products

statement error 42P10
SELECT name FROM customers ORDER BY 5
