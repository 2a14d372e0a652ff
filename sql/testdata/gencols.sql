# Stored generated columns: computed on every write path, refused as targets, definition
# errors, constraints on the computed value, catalogs and ALTER TABLE.
statement ok
CREATE TABLE g (a int PRIMARY KEY, b int, c int GENERATED ALWAYS AS (a * 2) STORED, d int GENERATED ALWAYS AS ((a + b) * 3) STORED)

query
INSERT INTO g VALUES (1, 10), (2, 20), (3, 30) RETURNING *
----
1|10|2|33
2|20|4|66
3|30|6|99
tag: INSERT 0 3

query
INSERT INTO g (b, a) SELECT 40, 4 RETURNING a, c, d
----
4|8|132
tag: INSERT 0 1

query
INSERT INTO g (a) VALUES (5) RETURNING c, d
----
10|NULL
tag: INSERT 0 1

statement error 428C9
INSERT INTO g VALUES (6, 60, 5)

statement error 428C9
INSERT INTO g (a, c) SELECT 6, 2

statement error 428C9
INSERT INTO g OVERRIDING SYSTEM VALUE VALUES (6, 60, 5)

statement error 428C9
INSERT INTO g VALUES (6, 60, DEFAULT), (7, 70, 3)

statement error 428C9
UPDATE g SET c = 3

query
UPDATE g SET a = a + 10, c = DEFAULT WHERE a = 1 RETURNING *
----
11|10|22|63
tag: UPDATE 1

query
UPDATE g SET b = b + 1 WHERE a = 2 RETURNING a, b, c, d
----
2|21|4|69
tag: UPDATE 1

statement ok
CREATE TABLE src (k int PRIMARY KEY, nb int)

statement ok
INSERT INTO src VALUES (2, 200), (3, 300)

query
UPDATE g SET b = src.nb FROM src WHERE g.a = src.k RETURNING g.a, g.b, g.c, g.d
----
2|200|4|606
3|300|6|909
tag: UPDATE 2

query
INSERT INTO g VALUES (3, 1) ON CONFLICT (a) DO UPDATE SET a = 33 RETURNING *
----
33|300|66|999
tag: INSERT 0 1

statement error 428C9
INSERT INTO g VALUES (33, 1) ON CONFLICT (a) DO UPDATE SET c = 1

query
SELECT * FROM g ORDER BY a
----
2|200|4|606
4|40|8|132
5|NULL|10|NULL
11|10|22|63
33|300|66|999
tag: SELECT 5

statement ok
CREATE VIEW gv AS SELECT a, b, c FROM g

query
INSERT INTO gv (a, b) VALUES (8, 80) RETURNING *
----
8|80|16
tag: INSERT 0 1

statement error 428C9
INSERT INTO gv VALUES (9, 90, 1)

query
UPDATE gv SET a = 9 WHERE a = 8 RETURNING *
----
9|80|18
tag: UPDATE 1

query
SELECT a, c, d FROM g WHERE c > 10 ORDER BY c
----
9|18|267
11|22|63
33|66|999
tag: SELECT 3

# Definition errors.
statement error 42P17
CREATE TABLE x1 (a int, c float8 GENERATED ALWAYS AS (random()) STORED)

statement error 42P17
CREATE TABLE x1 (a int, c timestamptz GENERATED ALWAYS AS (now()) STORED)

statement error 42P17
CREATE TABLE x1 (a int, c text GENERATED ALWAYS AS (current_user) STORED)

statement error 42P17
CREATE TABLE x1 (a int, b int GENERATED ALWAYS AS (a) STORED, c int GENERATED ALWAYS AS (b) STORED)

statement error 42P17
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (c) STORED)

statement error 42P10
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (xmin) STORED)

statement error 0A000
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS ((SELECT 1)) STORED)

statement error 42803
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (sum(a)) STORED)

statement error 42P20
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (row_number() OVER ()) STORED)

statement error 0A000
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (generate_series(1, a)) STORED)

statement error 42703
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (z) STORED)

statement error 22P02
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS ('x') STORED)

statement error 42804
CREATE TABLE x1 (a int, c int GENERATED ALWAYS AS (a::text) STORED)

# A generated primary key, and constraints judge the computed value.
statement ok
CREATE TABLE gk (a int, k int GENERATED ALWAYS AS (a + 100) STORED PRIMARY KEY, n int GENERATED ALWAYS AS (nullif(a, 0)) STORED NOT NULL, v varchar(3) GENERATED ALWAYS AS (repeat('x', a)) STORED)

query
INSERT INTO gk (a) VALUES (1), (2) RETURNING *
----
1|101|1|x
2|102|2|xx
tag: INSERT 0 2

statement error 23505
INSERT INTO gk (a) VALUES (1)

statement error 23502
INSERT INTO gk (a) VALUES (0)

statement error 22001
INSERT INTO gk (a) VALUES (4)

statement ok
CREATE TABLE gc (a int PRIMARY KEY, h int GENERATED ALWAYS AS (a - 5) STORED CHECK (h > 0))

statement error 23514
INSERT INTO gc VALUES (3)

statement ok
INSERT INTO gc VALUES (6)

statement error 23514
UPDATE gc SET a = 1

statement ok
CREATE TABLE gp (id int PRIMARY KEY)

statement ok
INSERT INTO gp VALUES (10)

statement ok
CREATE TABLE gf (a int PRIMARY KEY, r int GENERATED ALWAYS AS (a * 10) STORED REFERENCES gp (id))

statement ok
INSERT INTO gf VALUES (1)

statement error 23503
INSERT INTO gf VALUES (2)

# Catalogs.
query
SELECT column_name, column_default, is_generated, generation_expression FROM information_schema.columns WHERE table_name = 'g' ORDER BY ordinal_position
----
a|NULL|NEVER|NULL
b|NULL|NEVER|NULL
c|NULL|ALWAYS|(a * 2)
d|NULL|ALWAYS|((a + b) * 3)
tag: SELECT 4

query
SELECT attname, attgenerated, atthasdef FROM pg_attribute WHERE attrelid = 'g'::regclass AND attnum > 0 ORDER BY attnum
----
a||f
b||f
c|s|t
d|s|t
tag: SELECT 4

query
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'g'::regclass ORDER BY a.attnum
----
c|a * 2
d|(a + b) * 3
tag: SELECT 2

# ALTER TABLE.
statement error 2BP01
ALTER TABLE g DROP COLUMN b

statement error 0A000
ALTER TABLE g ALTER COLUMN b TYPE bigint

statement error 42601
ALTER TABLE g ALTER COLUMN c SET DEFAULT 5

statement error 55000
ALTER TABLE g ALTER COLUMN b DROP EXPRESSION

statement ok
ALTER TABLE g ALTER COLUMN b DROP EXPRESSION IF EXISTS

statement ok
ALTER TABLE g ALTER COLUMN d DROP EXPRESSION

query
SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = 'g' ORDER BY ordinal_position
----
a|NEVER
b|NEVER
c|ALWAYS
d|NEVER
tag: SELECT 4

statement ok
INSERT INTO g VALUES (50, 1, DEFAULT, 99)

query
UPDATE g SET d = 7 WHERE a = 50 RETURNING *
----
50|1|100|7
tag: UPDATE 1

statement ok
DROP VIEW gv

statement ok
ALTER TABLE g DROP COLUMN c

statement ok
ALTER TABLE g DROP COLUMN b
