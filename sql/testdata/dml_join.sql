# UPDATE ... FROM and DELETE ... USING, as PostgreSQL 15.
statement ok
CREATE TABLE acct (id int PRIMARY KEY, owner text, balance int)

statement ok
CREATE TABLE pay (id int PRIMARY KEY, acct_id int, amount int)

statement ok
CREATE TABLE owners (name text PRIMARY KEY, vip boolean)

statement ok
INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 0), (4, 'dee', 10)

statement ok
INSERT INTO pay VALUES (10, 1, 5), (11, 2, 7), (12, 9, 1)

statement ok
INSERT INTO owners VALUES ('ann', true), ('bob', false), ('cy', true)

query
UPDATE acct SET balance = balance + pay.amount FROM pay WHERE pay.acct_id = acct.id RETURNING acct.id, balance, pay.amount
----
1|105|5
2|57|7
tag: UPDATE 2

query
SELECT * FROM acct ORDER BY id
----
1|ann|105
2|bob|57
3|cy|0
4|dee|10
tag: SELECT 4

query
UPDATE acct a SET balance = a.balance * 2 FROM pay p, owners o WHERE p.acct_id = a.id AND o.name = a.owner AND o.vip RETURNING *
----
1|ann|210|10|1|5|ann|t
tag: UPDATE 1

query
UPDATE acct SET owner = upper(v.o) FROM (VALUES (2, 'bobby'), (3, 'cyrus'), (7, 'nobody')) AS v(id, o) WHERE v.id = acct.id RETURNING acct.id, owner
----
2|BOBBY
3|CYRUS
tag: UPDATE 2

query
UPDATE acct SET balance = 0 FROM owners WHERE owners.name = 'nobody'
----
tag: UPDATE 0

query
UPDATE acct SET balance = -1 FROM pay JOIN owners ON owners.name = 'ann' WHERE pay.acct_id = acct.id AND acct.owner = owners.name
----
tag: UPDATE 1

query
SELECT * FROM acct ORDER BY id
----
1|ann|-1
2|BOBBY|57
3|CYRUS|0
4|dee|10
tag: SELECT 4

query
UPDATE acct SET id = acct.id + 100 FROM owners WHERE owners.name = acct.owner RETURNING id
----
101
tag: UPDATE 1

statement error 42712
UPDATE acct SET balance = 1 FROM acct WHERE true

statement error 42703
UPDATE acct SET amount = 1 FROM pay WHERE pay.acct_id = acct.id

statement error 42P01
UPDATE acct SET balance = 1 FROM nosuch WHERE true

statement error 42702
UPDATE acct SET balance = 1 FROM pay WHERE id = 1

query
DELETE FROM pay USING acct WHERE acct.id + 100 = pay.acct_id + 100 RETURNING pay.id, acct.owner
----
11|BOBBY
tag: DELETE 1

query
DELETE FROM acct USING owners o WHERE o.name = acct.owner AND NOT o.vip RETURNING *
----
tag: DELETE 0

query
DELETE FROM pay USING (VALUES (12)) AS v(id) WHERE v.id = pay.id RETURNING pay.*
----
12|9|1
tag: DELETE 1

statement ok
CREATE TABLE log (k int, v text)

statement ok
INSERT INTO log VALUES (1, 'a'), (1, 'b'), (2, 'c'), (3, 'd')

query
DELETE FROM log USING acct WHERE log.k + 100 = acct.id RETURNING log.v
----
a
b
tag: DELETE 2

query
UPDATE log SET v = v || '!' FROM (VALUES (3)) x(k) WHERE x.k = log.k RETURNING *
----
3|d!|3
tag: UPDATE 1

query
SELECT * FROM log ORDER BY k, v
----
2|c
3|d!
tag: SELECT 2

query
SELECT * FROM acct ORDER BY id
----
2|BOBBY|57
3|CYRUS|0
4|dee|10
101|ann|-1
tag: SELECT 4
