# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (rowtypes, create_view,
# update, insert, delete, temp, namespace, prepare, plancache, expressions, select,
# btree_index), recorded from PostgreSQL 15.
# temp.sql: an ON COMMIT DELETE ROWS table referenced by a temporary table that keeps its rows
# fails the commit (0A000), as PostgreSQL's heap_truncate_check_FKs: the commit would leave
# rows pointing at rows it deletes. The transaction rolls back, its tables with it.
statement ok
BEGIN

statement ok
CREATE TEMP TABLE si_oc3 (col int PRIMARY KEY) ON COMMIT DELETE ROWS

statement ok
CREATE TEMP TABLE si_oc4 (col int REFERENCES si_oc3)

statement ok
INSERT INTO si_oc3 VALUES (1)

statement ok
INSERT INTO si_oc4 VALUES (1)

statement error 0A000
COMMIT

statement error 42P01
SELECT * FROM si_oc4

# The same without a row written, and autocommitted: the referencing table is not made.
statement ok
BEGIN

statement ok
CREATE TEMP TABLE si_oc5 (col int PRIMARY KEY) ON COMMIT DELETE ROWS

statement ok
CREATE TEMP TABLE si_oc6 (col int REFERENCES si_oc5)

statement error 0A000
COMMIT

statement ok
CREATE TEMP TABLE si_oc7 (col int PRIMARY KEY) ON COMMIT DELETE ROWS

statement error 0A000
CREATE TEMP TABLE si_oc8 (col int REFERENCES si_oc7)

statement error 42P01
SELECT * FROM si_oc8

# Both emptied at commit, or the referenced one keeping its rows: fine.
statement ok
CREATE TEMP TABLE si_oc9 (col int REFERENCES si_oc7) ON COMMIT DELETE ROWS

statement ok
CREATE TEMP TABLE si_oc10 (col int PRIMARY KEY)

statement ok
CREATE TEMP TABLE si_oc11 (col int REFERENCES si_oc10) ON COMMIT DELETE ROWS

statement ok
BEGIN

statement ok
INSERT INTO si_oc7 VALUES (1)

statement ok
INSERT INTO si_oc9 VALUES (1)

statement ok
INSERT INTO si_oc10 VALUES (2)

statement ok
INSERT INTO si_oc11 VALUES (2)

statement ok
COMMIT

query
SELECT (SELECT count(*) FROM si_oc7), (SELECT count(*) FROM si_oc9), (SELECT count(*) FROM si_oc10), (SELECT count(*) FROM si_oc11)
----
0|0|1|0
tag: SELECT 1
