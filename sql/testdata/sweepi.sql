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

# create_view.sql: a view's query is bound again each time, but a column added to a table
# since the view was made is not its query's, as in PostgreSQL: SELECT * of a join read the
# new column in the old one's place, and a NATURAL join joined on it too.
statement ok
CREATE TABLE si_ja (x int, y int)

statement ok
CREATE TABLE si_jb (p int)

statement ok
INSERT INTO si_ja VALUES (1, 2)

statement ok
INSERT INTO si_jb VALUES (3)

statement ok
CREATE VIEW si_jv AS SELECT * FROM si_ja, si_jb

statement ok
CREATE VIEW si_jv2 AS SELECT si_ja, row_to_json(si_jb) AS j FROM si_ja, si_jb

statement ok
ALTER TABLE si_ja ADD COLUMN z int DEFAULT 9

statement ok
ALTER TABLE si_jb ADD COLUMN x int DEFAULT 7

query
SELECT * FROM si_jv
----
1|2|3
tag: SELECT 1

query
SELECT si_ja::text, j::text FROM si_jv2
----
(1,2,9)|{"p":3,"x":7}
tag: SELECT 1

statement ok
CREATE TABLE si_na (a int, b int)

statement ok
CREATE TABLE si_nb (b int, c int)

statement ok
INSERT INTO si_na VALUES (1, 1)

statement ok
INSERT INTO si_nb VALUES (1, 2)

statement ok
CREATE VIEW si_nv AS SELECT * FROM si_na NATURAL JOIN si_nb

statement ok
CREATE VIEW si_nv2 AS SELECT * FROM si_na WHERE EXISTS (SELECT 1 FROM si_nb WHERE si_nb.b = a)

statement ok
ALTER TABLE si_na ADD COLUMN z int

statement ok
ALTER TABLE si_nb ADD COLUMN z int

statement ok
ALTER TABLE si_nb ADD COLUMN a int DEFAULT 42

query
SELECT * FROM si_nv
----
1|1|2
tag: SELECT 1

query
SELECT * FROM si_nv2
----
1|1
tag: SELECT 1

# Columns added since are not the view's: dropping them is no dependency's business.
statement ok
ALTER TABLE si_nb DROP COLUMN a

statement ok
ALTER TABLE si_na DROP COLUMN z

query
SELECT * FROM si_nv
----
1|1|2
tag: SELECT 1

statement error 2BP01
ALTER TABLE si_na DROP COLUMN a

# plancache.sql: pg_prepared_statements counts the plans PostgreSQL's plan cache builds: a
# custom plan for each of a statement with parameters' first five runs (every run under
# force_custom_plan), the generic plan after them, under force_generic_plan and without
# parameters. drove counted every run generic.
statement ok
CREATE TABLE si_tm (a int)

statement ok
PREPARE si_pp (int) AS SELECT count(*) FROM si_tm WHERE a = $1

statement ok
EXECUTE si_pp(1)

statement ok
EXECUTE si_pp(1)

query
SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'si_pp'
----
0|2
tag: SELECT 1

statement ok
EXECUTE si_pp(1)

statement ok
EXECUTE si_pp(1)

statement ok
EXECUTE si_pp(1)

statement ok
EXECUTE si_pp(1)

query
SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'si_pp'
----
1|5
tag: SELECT 1

statement ok
SET plan_cache_mode = force_custom_plan

statement ok
EXECUTE si_pp(1)

query
SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'si_pp'
----
1|6
tag: SELECT 1

statement ok
PREPARE si_pq AS SELECT 1

statement ok
EXECUTE si_pq

query
SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'si_pq'
----
1|0
tag: SELECT 1

statement ok
RESET plan_cache_mode

# create_view.sql: a view whose grouped query reads a column through the grouped primary key
# (SELECT * ... GROUP BY key) depends on that key: dropping it is 2BP01, as in PostgreSQL
# (drove dropped it and left the view failing with 42803); CASCADE drops the view.
statement ok
CREATE TABLE si_vbt (key int PRIMARY KEY, data varchar(20))

statement ok
INSERT INTO si_vbt VALUES (1, 'a')

statement ok
CREATE VIEW si_kdv AS SELECT * FROM si_vbt GROUP BY key

statement ok
CREATE VIEW si_kdv2 AS SELECT key, count(*) FROM si_vbt GROUP BY key

statement error 2BP01
ALTER TABLE si_vbt DROP CONSTRAINT si_vbt_pkey

query
SELECT * FROM si_kdv
----
1|a
tag: SELECT 1

statement ok
ALTER TABLE si_vbt DROP CONSTRAINT si_vbt_pkey CASCADE

statement error 42P01
SELECT * FROM si_kdv

query
SELECT * FROM si_kdv2
----
1|1
tag: SELECT 1
