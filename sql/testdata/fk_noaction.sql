# A foreign key's NO ACTION and RESTRICT are checked when the statement ends, as PostgreSQL
# 15's RI triggers are: a statement that deletes a parent and its children together succeeds.
statement ok
CREATE TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree (id))

statement ok
INSERT INTO tree VALUES (1, NULL), (2, 1)

statement ok
UPDATE tree SET parent = 2 WHERE id = 1

statement error 23503
DELETE FROM tree WHERE id = 1

query
DELETE FROM tree WHERE id IN (1, 2)
----
tag: DELETE 2

statement ok
CREATE TABLE rtree (id int PRIMARY KEY, parent int REFERENCES rtree (id) ON DELETE RESTRICT)

statement ok
INSERT INTO rtree VALUES (1, NULL), (2, 1)

statement ok
UPDATE rtree SET parent = 2 WHERE id = 1

statement error 23503
DELETE FROM rtree WHERE id = 2

statement ok
DELETE FROM rtree WHERE id IN (1, 2)

query
SELECT count(*) FROM rtree
----
0
tag: SELECT 1

# Two tables: children still there at the statement's end fail it.
statement ok
CREATE TABLE p (id int PRIMARY KEY)

statement ok
CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p ON UPDATE NO ACTION)

statement ok
CREATE TABLE cr (id int PRIMARY KEY, p int REFERENCES p ON UPDATE RESTRICT ON DELETE RESTRICT)

statement ok
INSERT INTO p VALUES (1), (2), (3)

statement ok
INSERT INTO c VALUES (10, 1)

statement error 23503
DELETE FROM p WHERE id = 1

statement error 23503
UPDATE p SET id = id + 10 WHERE id = 1

query
DELETE FROM p WHERE id = 2
----
tag: DELETE 1

statement ok
INSERT INTO cr VALUES (20, 3)

statement error 23503
DELETE FROM p WHERE id = 3

statement error 23503
UPDATE p SET id = 30 WHERE id = 3

statement ok
DELETE FROM cr

# In a transaction block the failed statement fails the transaction; its writes are undone.
statement ok
BEGIN

statement error 23503
DELETE FROM p

statement ok
ROLLBACK

query
SELECT id FROM p ORDER BY id
----
1
3
tag: SELECT 2

query
SELECT id, p FROM c
----
10|1
tag: SELECT 1
