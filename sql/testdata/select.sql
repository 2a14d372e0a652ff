statement ok
CREATE TABLE items (id bigint PRIMARY KEY, name text, price double precision, qty int, tag varchar(10))

statement ok
INSERT INTO items VALUES (1, 'apple', 1.25, 10, 'fruit'), (2, 'banana', 0.5, 0, 'fruit'), (3, 'carrot', 0.75, 25, 'veg'), (4, 'durian', 12, NULL, NULL), (5, 'eggplant', 2.5, 3, 'veg')

query
SELECT 1
----
1
tag: SELECT 1

query
SELECT 1 + 2 * 3, 7 / 2, 7 % 3, -5 / 2
----
7|3|1|-2
tag: SELECT 1

query
SELECT 7.0 / 2
----
3.5000000000000000
tag: SELECT 1

query
SELECT 'abc' AS s, NULL AS n, true, 2 > 1 AS gt
----
abc|NULL|t|t
tag: SELECT 1

query
SELECT * FROM items WHERE id = 3
----
3|carrot|0.75|25|veg
tag: SELECT 1

query
SELECT name FROM items WHERE id = 99
----
tag: SELECT 0

query
SELECT id, name FROM items WHERE price > 1 ORDER BY id
----
1|apple
4|durian
5|eggplant
tag: SELECT 3

query
SELECT id FROM items WHERE qty IS NULL
----
4
tag: SELECT 1

query
SELECT id FROM items WHERE qty IS NOT NULL AND qty < 5 ORDER BY id
----
2
5
tag: SELECT 2

query
SELECT id FROM items WHERE tag = 'veg' OR qty = 0 ORDER BY id DESC
----
5
3
2
tag: SELECT 3

query
SELECT id FROM items WHERE NOT (tag = 'fruit') ORDER BY id
----
3
5
tag: SELECT 2

query
SELECT id FROM items WHERE id IN (1, 3, 7) ORDER BY id
----
1
3
tag: SELECT 2

query
SELECT id FROM items WHERE id NOT IN (1, 3) ORDER BY id
----
2
4
5
tag: SELECT 3

query
SELECT id FROM items WHERE qty NOT IN (10, NULL)
----
tag: SELECT 0

query
SELECT id FROM items WHERE price BETWEEN 0.5 AND 1.25 ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM items WHERE price NOT BETWEEN 0.5 AND 1.25 ORDER BY id
----
4
5
tag: SELECT 2

query
SELECT name FROM items WHERE name LIKE '%an%' ORDER BY name
----
banana
durian
eggplant
tag: SELECT 3

query
SELECT name FROM items WHERE name LIKE '_pple'
----
apple
tag: SELECT 1

query
SELECT name FROM items WHERE name NOT LIKE '%a%'
----
tag: SELECT 0

query
SELECT name, qty * 2 AS double_qty FROM items ORDER BY double_qty DESC
----
durian|NULL
carrot|50
apple|20
eggplant|6
banana|0
tag: SELECT 5

query
SELECT name FROM items ORDER BY qty
----
banana
eggplant
apple
carrot
durian
tag: SELECT 5

query
SELECT name, tag FROM items ORDER BY tag, name DESC
----
banana|fruit
apple|fruit
eggplant|veg
carrot|veg
durian|NULL
tag: SELECT 5

query
SELECT id, name FROM items ORDER BY 2 DESC LIMIT 2
----
5|eggplant
4|durian
tag: SELECT 2

query
SELECT id FROM items ORDER BY id LIMIT 2 OFFSET 1
----
2
3
tag: SELECT 2

query
SELECT id FROM items ORDER BY id OFFSET 4
----
5
tag: SELECT 1

query
SELECT id FROM items ORDER BY id LIMIT 0
----
tag: SELECT 0

query
SELECT count(*) FROM items
----
5
tag: SELECT 1

query
SELECT count(*) FROM items WHERE price < 1
----
2
tag: SELECT 1

query
SELECT count(qty), count(tag) FROM items
----
4|4
tag: SELECT 1

query
SELECT count(*) AS n FROM items WHERE id = 1
----
1
tag: SELECT 1

query
SELECT upper(name), lower('ABC'), length(name), abs(-3), coalesce(qty, -1) FROM items WHERE id = 4
----
DURIAN|abc|6|3|-1
tag: SELECT 1

query
SELECT i.name FROM items i WHERE i.id = 1
----
apple
tag: SELECT 1

query
SELECT items.name FROM items WHERE items.id = 2
----
banana
tag: SELECT 1

statement error 42P01
SELECT items.name FROM items i

statement error 42703
SELECT nosuch FROM items

statement error 42703
SELECT * FROM items WHERE nosuch = 1

statement error 42P01
SELECT * FROM nosuch

statement error 42P10
SELECT id FROM items ORDER BY 3

statement error 2201W
SELECT id FROM items LIMIT -1

statement error 42803
SELECT id, count(*) FROM items

query
SELECT DISTINCT tag FROM items ORDER BY tag
----
fruit
veg
NULL
tag: SELECT 3

query
SELECT tag, count(*) FROM items GROUP BY tag ORDER BY tag
----
fruit|2
veg|2
NULL|1
tag: SELECT 3

query
SELECT a.id, b.name FROM items a, items b WHERE a.id = b.id - 1 ORDER BY a.id
----
1|banana
2|carrot
3|durian
4|eggplant
tag: SELECT 4

query
SELECT a.id, b.id FROM items a JOIN items b ON a.id = b.id ORDER BY 1
----
1|1
2|2
3|3
4|4
5|5
tag: SELECT 5

query
SELECT id FROM items WHERE id IN (SELECT id FROM items WHERE qty > 5) ORDER BY id
----
1
3
tag: SELECT 2

query
SELECT sum(qty), min(name), max(price), count(tag), count(DISTINCT tag) FROM items
----
38|apple|12|4|2
tag: SELECT 1

statement error 42883
SELECT * FROM items WHERE name = 1

statement error 42883
SELECT nosuchfunc(1)

statement error 22012
SELECT 1 / 0

statement error 22012
SELECT id FROM items WHERE qty / 0 > 1

statement error 22003
SELECT 2147483647 + 1

query
SELECT 2147483647::bigint
----
2147483647
tag: SELECT 1

# A primary key IN a list, or = ANY an array, is one lookup per distinct value.

statement ok
CREATE TABLE keyed (id int PRIMARY KEY, name text)

statement ok
INSERT INTO keyed VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four')

query
SELECT id, name FROM keyed WHERE id IN (3, 1, 1, NULL, 9, 2.5) ORDER BY id
----
1|one
3|three
tag: SELECT 2

query
SELECT id FROM keyed WHERE id = ANY (ARRAY[4, 2, 4, NULL]) ORDER BY id
----
2
4
tag: SELECT 2

query
SELECT id FROM keyed WHERE id = ANY ('{1,3}') AND name <> 'one'
----
3
tag: SELECT 1

query
SELECT count(*) FROM keyed WHERE id IN (5, 6) OR id = 1
----
1
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO keyed VALUES (5, 'five')

statement ok
UPDATE keyed SET name = upper(name) WHERE id IN (1, 5)

statement ok
DELETE FROM keyed WHERE id = ANY (ARRAY[2])

query
SELECT id, name FROM keyed WHERE id IN (1, 2, 5) ORDER BY id
----
1|ONE
5|FIVE
tag: SELECT 2

statement ok
ROLLBACK

query
SELECT id, name FROM keyed WHERE id IN (1, 2, 5) ORDER BY id
----
1|one
2|two
tag: SELECT 2

# An ORDER BY name that several output columns carry is ambiguous only when they differ.
query
SELECT id, id FROM items WHERE id < 3 ORDER BY id DESC
----
2|2
1|1
tag: SELECT 2

query
SELECT *, id FROM items WHERE id < 3 ORDER BY id DESC
----
2|banana|0.5|0|fruit|2
1|apple|1.25|10|fruit|1
tag: SELECT 2

statement error 42702
SELECT id, qty AS id FROM items ORDER BY id

statement error 42702
SELECT qty AS x, price AS x FROM items ORDER BY x
