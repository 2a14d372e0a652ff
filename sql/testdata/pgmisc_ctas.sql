# CREATE TABLE AS and SELECT INTO: the new table's columns, rows, options and errors, as
# PostgreSQL 15 answers.
statement ok
CREATE TABLE src (id int PRIMARY KEY, name text, price numeric(6,2), code varchar(4))

statement ok
INSERT INTO src VALUES (1, 'one', 1.50, 'a'), (2, 'two', 20.00, 'bb'), (3, NULL, NULL, NULL)

query
CREATE TABLE copy1 AS SELECT * FROM src
----
tag: SELECT 3

query
SELECT * FROM copy1 ORDER BY id
----
1|one|1.50|a
2|two|20.00|bb
3|NULL|NULL|NULL
tag: SELECT 3

query
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute WHERE attrelid = 'copy1'::regclass AND attnum > 0 ORDER BY attnum
----
id|integer|f
name|text|f
price|numeric(6,2)|f
code|character varying(4)|f
tag: SELECT 4

query
CREATE TABLE renamed (k, label) AS SELECT id, upper(name), price * 2 AS doubled FROM src WHERE id < 3
----
tag: SELECT 2

query
SELECT k, label, doubled, pg_typeof(k), pg_typeof(label), pg_typeof(doubled) FROM renamed ORDER BY k
----
1|ONE|3.00|integer|text|numeric
2|TWO|40.00|integer|text|numeric
tag: SELECT 2

query
CREATE TABLE empty1 AS SELECT id, name FROM src WITH NO DATA
----
tag: CREATE TABLE AS

query
SELECT count(*) FROM empty1
----
0
tag: SELECT 1

query
CREATE TABLE withdata AS SELECT id FROM src WHERE id > 1 WITH DATA
----
tag: SELECT 2

query
SELECT * FROM withdata ORDER BY id
----
2
3
tag: SELECT 2

query
CREATE TABLE IF NOT EXISTS copy1 AS SELECT 1 AS x
----
tag: CREATE TABLE AS

query
SELECT count(*) FROM copy1
----
3
tag: SELECT 1

statement error 42P07
CREATE TABLE copy1 AS SELECT 1 AS x

statement error 42P07
SELECT 1 AS x INTO copy1

# Rows can be added to the new table: its hidden key goes on past the copied rows.
statement ok
INSERT INTO copy1 VALUES (4, 'four', 4.00, 'd')

statement ok
UPDATE copy1 SET name = 'uno' WHERE id = 1

query
SELECT id, name FROM copy1 ORDER BY id
----
1|uno
2|two
3|NULL
4|four
tag: SELECT 4

query
CREATE TABLE lits AS SELECT 1 AS i, 'x' AS s, NULL AS n, 2.5 AS f, true AS b, ARRAY[1, 2] AS a, now()::date - now()::date AS d
----
tag: SELECT 1

query
SELECT pg_typeof(i), pg_typeof(s), pg_typeof(n), pg_typeof(f), pg_typeof(b), pg_typeof(a), pg_typeof(d) FROM lits
----
integer|text|text|numeric|boolean|integer[]|integer
tag: SELECT 1

query
CREATE TABLE fromvalues AS VALUES (1, 'a'), (2, 'b')
----
tag: SELECT 2

query
SELECT * FROM fromvalues ORDER BY 1
----
1|a
2|b
tag: SELECT 2

query
CREATE TABLE fromwith AS WITH w AS (SELECT id * 10 AS z FROM src) SELECT z FROM w WHERE z > 10
----
tag: SELECT 2

query
SELECT * FROM fromwith ORDER BY z
----
20
30
tag: SELECT 2

query
CREATE TABLE grouped AS SELECT name IS NULL AS noname, count(*) AS n, sum(price) AS total FROM src GROUP BY 1
----
tag: SELECT 2

query
SELECT * FROM grouped ORDER BY noname
----
f|2|21.50
t|1|NULL
tag: SELECT 2

query
CREATE TABLE unioned (v) AS SELECT 1 UNION SELECT 2 UNION SELECT 2
----
tag: SELECT 2

query
SELECT * FROM unioned ORDER BY v
----
1
2
tag: SELECT 2

query
SELECT id, name INTO into1 FROM src WHERE id <> 2
----
tag: SELECT 2

query
SELECT * FROM into1 ORDER BY id
----
1|one
3|NULL
tag: SELECT 2

query
SELECT id * 2 AS twice INTO TABLE into2 FROM src ORDER BY id LIMIT 2
----
tag: SELECT 2

query
SELECT * FROM into2 ORDER BY twice
----
2
4
tag: SELECT 2

query
WITH w AS (SELECT 5 AS z) SELECT z INTO into3 FROM w
----
tag: SELECT 1

query
SELECT * FROM into3
----
5
tag: SELECT 1

query
SELECT 1 AS x INTO into4 UNION SELECT 2
----
tag: SELECT 2

query
SELECT * FROM into4 ORDER BY x
----
1
2
tag: SELECT 2

query
SELECT "Quoted Col" INTO "Quoted Table" FROM (SELECT 7 AS "Quoted Col") q
----
tag: SELECT 1

query
SELECT * FROM "Quoted Table"
----
7
tag: SELECT 1

query
CREATE TABLE public.qualified AS SELECT 1 AS one
----
tag: SELECT 1

query
SELECT * FROM qualified
----
1
tag: SELECT 1

# Errors.
statement error 42601
CREATE TABLE toomany (a, b, c) AS SELECT 1, 2

statement error 42701
CREATE TABLE dupnames (p, p) AS SELECT 1, 2

statement error 42701
CREATE TABLE dupcols AS SELECT 1 AS a, 2 AS a

statement error 42701
CREATE TABLE unnamed AS SELECT 1, 2

statement error 42P02
CREATE TABLE param AS SELECT $1

statement error 22012
CREATE TABLE divzero AS SELECT 1 / 0 AS x

statement error 42P01
CREATE TABLE missing AS SELECT * FROM nonexistent

statement error 42P01
SELECT * INTO missing2 FROM nonexistent

query
SELECT count(*) FROM pg_class WHERE relname IN ('toomany', 'dupnames', 'dupcols', 'unnamed', 'param', 'divzero', 'missing', 'missing2')
----
0
tag: SELECT 1

statement error 42601
CREATE TABLE noquery AS

statement error 42601
CREATE TABLE badcols (a,) AS SELECT 1

# A table created in a transaction block goes with its ROLLBACK, and stays with its COMMIT.
statement ok
BEGIN

query
CREATE TABLE intx AS SELECT id FROM src
----
tag: SELECT 3

query
SELECT count(*) FROM intx
----
3
tag: SELECT 1

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM intx

statement ok
BEGIN

query
SELECT id INTO intx2 FROM src WHERE id = 1
----
tag: SELECT 1

statement ok
COMMIT

query
SELECT * FROM intx2
----
1
tag: SELECT 1

statement ok
BEGIN

statement error 22012
CREATE TABLE failtx AS SELECT 1 / (id - 1) AS x FROM src

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM failtx

statement ok
BEGIN READ ONLY

statement error 25006
CREATE TABLE ro AS SELECT 1 AS x

statement ok
ROLLBACK

statement ok
BEGIN READ ONLY

statement error 25006
SELECT 1 AS x INTO ro2

statement ok
ROLLBACK
