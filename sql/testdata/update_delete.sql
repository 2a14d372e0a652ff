statement ok
CREATE TABLE acct (id int PRIMARY KEY, owner text NOT NULL, balance bigint NOT NULL DEFAULT 0)

statement ok
INSERT INTO acct VALUES (1, 'ann', 100), (2, 'ben', 50), (3, 'cat', 0), (4, 'dan', 75)

query
UPDATE acct SET balance = balance + 10 WHERE id = 1
----
tag: UPDATE 1

query
UPDATE acct SET balance = balance - 5 WHERE balance > 40
----
tag: UPDATE 3

query
SELECT id, balance FROM acct ORDER BY id
----
1|105
2|45
3|0
4|70
tag: SELECT 4

query
UPDATE acct SET balance = 1 WHERE id = 42
----
tag: UPDATE 0

query
UPDATE acct SET owner = upper(owner), balance = balance * 2 WHERE owner LIKE '%a%'
----
tag: UPDATE 3

query
SELECT * FROM acct ORDER BY id
----
1|ANN|210
2|ben|45
3|CAT|0
4|DAN|140
tag: SELECT 4

query
UPDATE acct SET id = id + 100 WHERE id = 3
----
tag: UPDATE 1

query
SELECT id, owner FROM acct WHERE id > 100
----
103|CAT
tag: SELECT 1

query
SELECT count(*) FROM acct WHERE id = 3
----
0
tag: SELECT 1

statement error 23505
UPDATE acct SET id = 1 WHERE id = 2

statement error 23502
UPDATE acct SET owner = NULL WHERE id = 1

statement error 42703
UPDATE acct SET nosuch = 1

statement error 42601
UPDATE acct SET balance = 1, balance = 2

statement error 22P02
UPDATE acct SET balance = 'lots' WHERE id = 1

statement ok
UPDATE acct SET balance = DEFAULT WHERE id = 4

query
SELECT balance FROM acct WHERE id = 4
----
0
tag: SELECT 1

query
UPDATE acct SET balance = balance + 1
----
tag: UPDATE 4

query
DELETE FROM acct WHERE id = 2
----
tag: DELETE 1

query
DELETE FROM acct WHERE id = 2
----
tag: DELETE 0

query
DELETE FROM acct WHERE balance < 10
----
tag: DELETE 2

query
SELECT id, balance FROM acct ORDER BY id
----
1|211
tag: SELECT 1

query
DELETE FROM acct
----
tag: DELETE 1

query
SELECT count(*) FROM acct
----
0
tag: SELECT 1

statement error 42P01
DELETE FROM nosuch

statement error 42P01
UPDATE nosuch SET a = 1

statement ok
CREATE TABLE tr (id int PRIMARY KEY, v text)

statement ok
INSERT INTO tr VALUES (1, 'a'), (2, 'b')

statement ok
BEGIN

query
TRUNCATE tr
----
tag: TRUNCATE TABLE

query
SELECT count(*) FROM tr
----
0
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT count(*) FROM tr
----
2
tag: SELECT 1

# A transaction may TRUNCATE and then write the table again; it reads its own writes.

statement ok
BEGIN

statement ok
TRUNCATE tr

statement ok
INSERT INTO tr VALUES (2, 'new'), (3, 'c')

query
SELECT id, v FROM tr ORDER BY id
----
2|new
3|c
tag: SELECT 2

statement ok
COMMIT

query
SELECT id, v FROM tr ORDER BY id
----
2|new
3|c
tag: SELECT 2

# TRUNCATE keeps serial counters going (CONTINUE IDENTITY is the default).

statement ok
CREATE TABLE trs (id serial PRIMARY KEY, v text)

statement ok
INSERT INTO trs (v) VALUES ('a'), ('b')

statement ok
TRUNCATE trs

query
INSERT INTO trs (v) VALUES ('c') RETURNING id
----
3
tag: INSERT 0 1

query
TRUNCATE TABLE tr
----
tag: TRUNCATE TABLE

query
SELECT count(*) FROM tr
----
0
tag: SELECT 1

statement error 42P01
TRUNCATE nosuch
