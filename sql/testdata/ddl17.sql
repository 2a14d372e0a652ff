# Issue 17, everyday PostgreSQL: ADD COLUMN ... GENERATED ALWAYS AS (expr) STORED,
# DROP COLUMN ... CASCADE and RENAME COLUMN under a generated column, how the catalogs print
# DEFAULTs and generation expressions, pg_get_serial_sequence, VARIADIC calls, COPY's WHERE
# and FORCE options.
# ADD COLUMN ... GENERATED ALWAYS AS (expr) STORED computes the column for the existing rows.
statement ok
CREATE TABLE d17g (id int PRIMARY KEY, a int, b int)

statement ok
INSERT INTO d17g VALUES (1, 1, 2), (2, 3, 4), (3, NULL, 5)

statement ok
ALTER TABLE d17g ADD COLUMN s int GENERATED ALWAYS AS (a + b) STORED

query
SELECT * FROM d17g ORDER BY id
----
1|1|2|3
2|3|4|7
3|NULL|5|NULL
tag: SELECT 3

statement ok
INSERT INTO d17g (id, a, b) VALUES (4, 10, 20)

query
UPDATE d17g SET a = 100 WHERE id = 1 RETURNING s
----
102
tag: UPDATE 1

# Added together with the column it reads, which gets its DEFAULT first.
statement ok
ALTER TABLE d17g ADD COLUMN k int DEFAULT 10, ADD COLUMN t text GENERATED ALWAYS AS ('v' || (k * id)) STORED

query
SELECT id, k, t FROM d17g ORDER BY id
----
1|10|v10
2|10|v20
3|10|v30
4|10|v40
tag: SELECT 4

# A value that fails makes the whole ALTER fail: nothing changed.
statement error 22012
ALTER TABLE d17g ADD COLUMN q int GENERATED ALWAYS AS (10 / (id - 2)) STORED

query
SELECT count(*) FROM information_schema.columns WHERE table_name = 'd17g' AND column_name = 'q'
----
0
tag: SELECT 1

statement error 23502
ALTER TABLE d17g ADD COLUMN nn int GENERATED ALWAYS AS (a * 2) STORED NOT NULL

statement error 42P17
ALTER TABLE d17g ADD COLUMN g2 int GENERATED ALWAYS AS (s * 2) STORED

statement error 42P17
ALTER TABLE d17g ADD COLUMN g2 float8 GENERATED ALWAYS AS (random()) STORED

statement error 42601
ALTER TABLE d17g ADD COLUMN g2 int DEFAULT 1 GENERATED ALWAYS AS (a) STORED

statement error 42703
ALTER TABLE d17g ADD COLUMN g2 int GENERATED ALWAYS AS (nosuch + 1) STORED

statement error 428C9
INSERT INTO d17g (id, s) VALUES (9, 1)

# DROP COLUMN of a column a generated column reads: 2BP01, and CASCADE drops the reader.
statement error 2BP01
ALTER TABLE d17g DROP COLUMN b

statement error 2BP01
ALTER TABLE d17g DROP COLUMN b RESTRICT, DROP COLUMN t

statement ok
ALTER TABLE d17g DROP COLUMN t

statement error 2BP01
ALTER TABLE d17g DROP COLUMN b

statement ok
ALTER TABLE d17g DROP COLUMN b CASCADE

query
SELECT column_name FROM information_schema.columns WHERE table_name = 'd17g' ORDER BY ordinal_position
----
id
a
k
tag: SELECT 3

statement ok
CREATE TABLE d17c (a int, b int, x int GENERATED ALWAYS AS (a * 2) STORED, y int GENERATED ALWAYS AS (a + b) STORED, z int GENERATED ALWAYS AS (b) STORED)

statement ok
ALTER TABLE d17c DROP COLUMN a CASCADE

query
SELECT column_name FROM information_schema.columns WHERE table_name = 'd17c' ORDER BY ordinal_position
----
b
z
tag: SELECT 2

statement ok
ALTER TABLE d17c DROP COLUMN IF EXISTS nosuch CASCADE

# RENAME COLUMN keeps the generation expression working, printed with the new name.
statement ok
CREATE TABLE d17r (a int, b int, c int GENERATED ALWAYS AS (a * 2 + b) STORED)

statement ok
INSERT INTO d17r (a, b) VALUES (1, 2)

statement ok
ALTER TABLE d17r RENAME COLUMN a TO x

statement ok
INSERT INTO d17r (x, b) VALUES (10, 1)

query
UPDATE d17r SET b = b + 1 RETURNING x, b, c
----
1|3|5
10|2|22
tag: UPDATE 2

query
SELECT column_name, generation_expression FROM information_schema.columns WHERE table_name = 'd17r' ORDER BY ordinal_position
----
x|NULL
b|NULL
c|((x * 2) + b)
tag: SELECT 3

query
SELECT pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d WHERE d.adrelid = 'd17r'::regclass
----
x * 2 + b
tag: SELECT 1

statement ok
ALTER TABLE d17r RENAME COLUMN b TO "B b"

query
SELECT generation_expression FROM information_schema.columns WHERE table_name = 'd17r' AND column_name = 'c'
----
((x * 2) + "B b")
tag: SELECT 1

# How the catalogs print a DEFAULT or generation expression: parenthesized as ruleutils.c
# writes them.
statement ok
CREATE TABLE d17d (a int DEFAULT ((1 + 2) * 3), b int, s text DEFAULT 'v' || (1 + 2), u int GENERATED ALWAYS AS (-b + abs(b) * 2) STORED, w int DEFAULT (2 * 3) + 1)

query
SELECT column_name, column_default, generation_expression FROM information_schema.columns WHERE table_name = 'd17d' AND column_name <> 's' ORDER BY ordinal_position
----
a|((1 + 2) * 3)|NULL
b|NULL|NULL
u|NULL|((- b) + (abs(b) * 2))
w|((2 * 3) + 1)|NULL
tag: SELECT 4

query
INSERT INTO d17d (b) VALUES (-1) RETURNING *
----
9|-1|v3|3|7
tag: INSERT 0 1
