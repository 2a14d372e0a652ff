# CREATE TABLE AS and SELECT INTO run from sql/parser's tree (ctas_tree.go): where the dialect
# pass's path answered otherwise than PostgreSQL, and what both share.
statement ok
CREATE TABLE cts (a int PRIMARY KEY, b text)

statement ok
INSERT INTO cts VALUES (1, 'x'), (2, 'y'), (3, 'z')

statement ok
SELECT a INTO ct1 FROM cts WHERE a = 1 UNION SELECT 2

query
SELECT a FROM ct1 ORDER BY a
----
1
2
tag: SELECT 2

statement error 42601
SELECT 1 AS a UNION SELECT 2 INTO ct2

statement error 42601
SELECT * FROM (SELECT 1 INTO ct2) s

statement error 42601
CREATE TABLE ct2 AS SELECT 1 INTO ct3

statement error 3F000
CREATE TABLE nosuch.ct2 AS SELECT 1

statement error 3F000
CREATE TEMP TABLE nosuch.ct2 AS SELECT 1

statement error 3F000
SELECT 1 INTO nosuch.ct2

statement error 42P16
CREATE TEMP TABLE public.ct2 AS SELECT 1

statement ok
CREATE TABLE pg_temp.ct4 AS SELECT 1 AS one

query
SELECT relpersistence FROM pg_class WHERE relname = 'ct4'
----
t
tag: SELECT 1

statement ok
SELECT 2 AS two INTO pg_temp.ct5

query
SELECT c.relpersistence, t.two FROM pg_class c, ct5 t WHERE c.relname = 'ct5'
----
t|2
tag: SELECT 1

statement ok
CREATE TABLE ct6 WITH (fillfactor = 50) AS SELECT a, b FROM cts

query
SELECT a, b FROM ct6 ORDER BY a
----
1|x
2|y
3|z
tag: SELECT 3

statement error 22023
CREATE TABLE ct7 WITH (fillfactor = 5) AS SELECT 1

statement error 42601
CREATE TABLE ct7 (x, y) AS SELECT 1

statement error 42P16
CREATE TABLE ct7 ON COMMIT DROP AS SELECT 1

statement ok
CREATE TABLE public . ct8 (k) AS SELECT a FROM cts WITH NO DATA

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ct8' ORDER BY ordinal_position
----
k|integer
tag: SELECT 1

statement ok
CREATE TABLE IF NOT EXISTS ct8 AS SELECT 1

query
SELECT count(*) FROM ct8
----
0
tag: SELECT 1

statement ok
BEGIN

statement ok
CREATE TEMP TABLE ct9 ON COMMIT DROP AS SELECT a FROM cts

query
SELECT count(*) FROM ct9
----
3
tag: SELECT 1

statement ok
COMMIT

statement error 42P01
SELECT * FROM ct9

statement ok
CREATE TABLE ct10 AS WITH d AS (DELETE FROM cts WHERE a = 3 RETURNING *) SELECT a, b FROM d

query
SELECT a, b FROM ct10
----
3|z
tag: SELECT 1

query
SELECT count(*) FROM cts
----
2
tag: SELECT 1

statement ok
WITH q AS (SELECT a FROM cts) SELECT a * 10 AS t INTO TEMP TABLE ct11 FROM q

query
SELECT t FROM ct11 ORDER BY t
----
10
20
tag: SELECT 2

statement ok
CREATE TABLE "ct.12" AS SELECT 1 AS a

query
SELECT a FROM "ct.12"
----
1
tag: SELECT 1

# CREATE TABLE (LIKE ...) from the tree: the LIKE elements written out when it runs.
statement ok
CREATE TABLE lsrc (id int PRIMARY KEY, v varchar(5) DEFAULT 'd' NOT NULL, n numeric(4,1) CHECK (n > 0), u int UNIQUE)

statement ok
CREATE INDEX lsrc_v ON lsrc (v)

statement ok
CREATE TABLE l1 (a int, LIKE lsrc, z text CHECK (z <> ''))

query
SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'l1' ORDER BY ordinal_position
----
a|integer|YES|NULL
id|integer|NO|NULL
v|character varying|NO|NULL
n|numeric|YES|NULL
u|integer|YES|NULL
z|text|YES|NULL
tag: SELECT 6

statement ok
CREATE TABLE l2 (LIKE public.lsrc INCLUDING ALL EXCLUDING INDEXES)

query
SELECT column_name, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'l2' ORDER BY ordinal_position
----
id|NO|NULL
v|NO|'d'::character varying
n|YES|NULL
u|YES|NULL
tag: SELECT 4

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'l2'::regclass ORDER BY 1
----
lsrc_n_check|c
tag: SELECT 1

statement ok
CREATE TABLE l3 (LIKE lsrc INCLUDING INDEXES INCLUDING DEFAULTS)

query
SELECT indexname FROM pg_indexes WHERE tablename = 'l3' ORDER BY 1
----
l3_pkey
l3_u_key
l3_v_idx
tag: SELECT 3

statement ok
INSERT INTO l3 (id, n, u) VALUES (1, 2.5, 7)

query
SELECT id, v, n, u FROM l3
----
1|d|2.5|7
tag: SELECT 1

statement error 23505
INSERT INTO l3 (id, n, u) VALUES (2, 2.5, 7)

statement ok
CREATE VIEW lview AS SELECT id, v AS w FROM lsrc

statement ok
CREATE TEMP TABLE l4 (LIKE lview, x int)

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'l4'::regclass AND a.attnum > 0 ORDER BY a.attnum
----
id|integer
w|character varying(5)
x|integer
tag: SELECT 3

statement error 42P01
CREATE TABLE l5 (LIKE nosuch)

statement error 42601
CREATE TABLE l5 (LIKE lsrc INCLUDING nothing)

statement error 42701
CREATE TABLE l5 (id int, LIKE lsrc)
