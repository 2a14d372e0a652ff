# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (window, portals,
# foreign_key, jsonb, updatable_views), recorded from PostgreSQL 15.
# A deferred foreign key's pending check follows its row when an UPDATE changes the row's
# primary key but not the foreign key (foreign_key.sql): the COMMIT fails, also across a
# savepoint.
statement ok
CREATE TABLE sd_pk (id int PRIMARY KEY, other int)

statement ok
CREATE TABLE sd_fk (id int PRIMARY KEY, fk int REFERENCES sd_pk DEFERRABLE INITIALLY DEFERRED)

statement ok
INSERT INTO sd_pk VALUES (5, 10)

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 20)

statement ok
UPDATE sd_fk SET id = id + 1

statement error 23503
COMMIT

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 20)

statement ok
SAVEPOINT s1

statement ok
UPDATE sd_fk SET id = id + 1

statement error 23503
COMMIT

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 5), (7, 20)

statement ok
UPDATE sd_fk SET id = id + 1 WHERE id = 0

statement ok
UPDATE sd_fk SET fk = 5 WHERE id = 7

statement ok
COMMIT

query
SELECT * FROM sd_fk ORDER BY id
----
1|5
7|5
tag: SELECT 2
