# Write paths found by sweeping PostgreSQL 15's regression files (insert, update, delete,
# insert_conflict, returning, with, transactions, sequence, truncate, temp, prepare, portals)
# side by side; every block was seen failing on drove before its fix.
# excluded.* of a table without a primary key is its declared columns: the hidden row id
# is no field of the whole-row value (insert_conflict.sql).
statement ok
CREATE TABLE rd_nopk (key int4, fruit text)

statement ok
CREATE UNIQUE INDEX rd_nopk_key ON rd_nopk (key)

statement ok
INSERT INTO rd_nopk VALUES (23, 'Apple')

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = excluded.*::text RETURNING *
----
23|(23,Avocado)
tag: INSERT 0 1

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit WHERE i.* != excluded.* RETURNING *
----
23|Avocado
tag: INSERT 0 1

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = 'never' WHERE i.* != excluded.* RETURNING *
----
tag: INSERT 0 0

query
SELECT *, rd_nopk::text FROM rd_nopk
----
23|Avocado|(23,Avocado)
tag: SELECT 1
