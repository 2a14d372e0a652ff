# INSERT ... DEFAULT VALUES: every column's default.
statement ok
CREATE TABLE dv (id serial PRIMARY KEY, a text DEFAULT ('d' || 'x'), b int DEFAULT (1 + 2), c int)

statement ok
INSERT INTO dv DEFAULT VALUES

query
INSERT INTO dv AS x DEFAULT VALUES RETURNING *
----
2|dx|3|NULL
tag: INSERT 0 1

query
INSERT INTO public.dv DEFAULT VALUES ON CONFLICT (id) DO UPDATE SET c = 1 RETURNING id, a
----
3|dx
tag: INSERT 0 1

statement error 42601
INSERT INTO dv (a) DEFAULT VALUES

statement error 42601
INSERT INTO dv () VALUES ()

query
SELECT * FROM dv ORDER BY id
----
1|dx|3|NULL
2|dx|3|NULL
3|dx|3|NULL
tag: SELECT 3

# INSERT ... SELECT: an untyped literal takes the column's type, but the text a set
# operation, a VALUES list or a derived table makes of it is refused for a column of another
# type, even when every value is NULL.
statement ok
CREATE TABLE hu (a int, b text)

query
INSERT INTO hu (a) SELECT '1' RETURNING a
----
1
tag: INSERT 0 1

query
INSERT INTO hu (a) SELECT NULL RETURNING a
----
NULL
tag: INSERT 0 1

statement error 42804
INSERT INTO hu (a) SELECT NULL UNION ALL SELECT NULL

statement error 42804
INSERT INTO hu (a) SELECT NULL INTERSECT SELECT NULL

statement error 42804
INSERT INTO hu (a) SELECT * FROM (VALUES (NULL), (NULL)) v

statement error 42804
INSERT INTO hu (a) SELECT v FROM (SELECT '1' AS v) s

statement error 42804
INSERT INTO hu (a) SELECT '1'::text WHERE false

statement error 42804
INSERT INTO hu (a) SELECT DISTINCT NULL

statement error 42804
SELECT DISTINCT '1' UNION SELECT 1

statement error 42804
SELECT DISTINCT NULL UNION SELECT 1

query
SELECT DISTINCT NULL AS n, 'x' AS x
----
NULL|x
tag: SELECT 1

query
SELECT DISTINCT '1' UNION SELECT '2' ORDER BY 1
----
1
2
tag: SELECT 2

query
INSERT INTO hu (b) SELECT NULL UNION ALL SELECT NULL RETURNING b
----
NULL
NULL
tag: INSERT 0 2

query
INSERT INTO hu (a) SELECT NULL UNION ALL SELECT 1 RETURNING a
----
NULL
1
tag: INSERT 0 2

query
SELECT count(*) FROM hu
----
6
tag: SELECT 1

# A column's DEFAULT is an expression without parentheses, as PostgreSQL's grammar has it.
statement ok
CREATE TABLE dd (id int PRIMARY KEY, a text DEFAULT 'd'||'x', b int DEFAULT 1+2 NOT NULL, c int DEFAULT -1, d text DEFAULT upper('a') || lower('B') CHECK (d <> ''), e numeric DEFAULT 2 * (3 + 4), f int DEFAULT (5), g text DEFAULT 'x'::text, h int default 1 + 2)

statement ok
ALTER TABLE dd ADD COLUMN i int DEFAULT 3 * 3

query
INSERT INTO dd (id) VALUES (1) RETURNING *
----
1|dx|3|-1|Ab|14|5|x|3|9
tag: INSERT 0 1

statement ok
CREATE TABLE dd2 (id int PRIMARY KEY, k int DEFAULT 1 + 1 NOT NULL, FOREIGN KEY (k) REFERENCES dd (id) ON DELETE SET DEFAULT)

statement error 23503
INSERT INTO dd2 (id) VALUES (1)

query
INSERT INTO dd2 (id, k) VALUES (1, 1) RETURNING *
----
1|1
tag: INSERT 0 1
