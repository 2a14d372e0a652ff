# Temporary tables: the session's own (other sessions, disconnects, restarts: temp_table_test.go).
statement ok
CREATE TABLE tp (id int PRIMARY KEY, v text)

statement ok
INSERT INTO tp VALUES (1, 'permanent')

statement ok
CREATE TEMP TABLE tt (id int PRIMARY KEY, v text)

statement ok
INSERT INTO tt VALUES (1, 'one'), (2, 'two')

query
SELECT * FROM tt ORDER BY id
----
1|one
2|two
tag: SELECT 2

query
SELECT tt.v, tp.v FROM tt JOIN tp USING (id)
----
one|permanent
tag: SELECT 1

statement ok
CREATE TEMPORARY TABLE tp (id int PRIMARY KEY, w int)

statement ok
INSERT INTO tp VALUES (5, 50)

query
SELECT * FROM tp
----
5|50
tag: SELECT 1

query
SELECT * FROM public.tp
----
1|permanent
tag: SELECT 1

query
SELECT * FROM pg_temp.tp
----
5|50
tag: SELECT 1

statement ok
UPDATE tp SET w = w + 1

query
SELECT w FROM tp
----
51
tag: SELECT 1

statement ok
DROP TABLE tp

query
SELECT * FROM tp
----
1|permanent
tag: SELECT 1

statement error 42P07
CREATE TEMP TABLE tt (a int)

statement ok
CREATE TEMP TABLE IF NOT EXISTS tt (a int)

statement ok
BEGIN

statement ok
CREATE TEMP TABLE tx (a int)

statement ok
INSERT INTO tx VALUES (1)

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM tx

statement ok
BEGIN

statement ok
CREATE TEMP TABLE td (a int) ON COMMIT DROP

statement ok
INSERT INTO td VALUES (1), (2)

query
SELECT sum(a) FROM td
----
3
tag: SELECT 1

statement ok
COMMIT

statement error 42P01
SELECT * FROM td

statement ok
CREATE TEMP TABLE td2 (a int) ON COMMIT DROP

statement error 42P01
SELECT * FROM td2

statement ok
CREATE LOCAL TEMPORARY TABLE tl (a serial, b text) ON COMMIT PRESERVE ROWS

statement ok
INSERT INTO tl (b) VALUES ('x'), ('y')

query
SELECT a, b FROM tl ORDER BY a
----
1|x
2|y
tag: SELECT 2

statement ok
CREATE INDEX ON tl (b)

statement ok
TRUNCATE tl

statement ok
ALTER TABLE tl ADD COLUMN c int DEFAULT 7

# deviation: renaming a temporary table is not done yet (0A000)
statement error 0A000
ALTER TABLE tl RENAME TO tl2

statement ok
INSERT INTO tl (b) VALUES ('z')

query
SELECT b, c FROM tl
----
z|7
tag: SELECT 1

statement ok
DROP TABLE tl

statement error 42P16
CREATE TABLE bad (a int) ON COMMIT DROP

statement error 42601
CREATE TEMP TABLE bad (a int) ON COMMIT NOTHING

statement ok
CREATE TEMP TABLE tdr (a int) ON COMMIT DELETE ROWS

statement error 42P01
SELECT * FROM pg_temp.nothere
