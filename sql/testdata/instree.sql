# INSERT bound from sql/parser's tree: column lists, VALUES with DEFAULT, INSERT ... SELECT,
# DEFAULT VALUES, OVERRIDING, ON CONFLICT (target, ON CONSTRAINT, inference WHERE, DO NOTHING,
# DO UPDATE SET with row items, excluded, WHERE), RETURNING, aliases, views with CHECK OPTION,
# parameters; and where the dialect pass's INSERT deviated from PostgreSQL 15.
statement ok
CREATE TABLE it (a int PRIMARY KEY, b int, c text DEFAULT 'x')

statement ok
CREATE TABLE iu (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k text UNIQUE, n int DEFAULT 0)

query
INSERT INTO it VALUES (1, 10, DEFAULT), (2, DEFAULT, DEFAULT), (3, 30, 'z') RETURNING *
----
1|10|x
2|NULL|x
3|30|z
tag: INSERT 0 3

query
INSERT INTO it (c, a) VALUES ('q', 4) RETURNING a, b, c
----
4|NULL|q
tag: INSERT 0 1

query
INSERT INTO it AS t (a, b) SELECT a + 10, b FROM it WHERE b IS NOT NULL ORDER BY a RETURNING t.a, t.b
----
11|10
13|30
tag: INSERT 0 2

query
INSERT INTO iu DEFAULT VALUES RETURNING id, k, n
----
1|NULL|0
tag: INSERT 0 1

statement error 428C9
INSERT INTO iu (id, k) VALUES (100, 'a')

query
INSERT INTO iu (id, k) OVERRIDING SYSTEM VALUE VALUES (100, 'a') RETURNING *
----
100|a|0
tag: INSERT 0 1

query
INSERT INTO iu (id, k) OVERRIDING USER VALUE VALUES (555, 'b') RETURNING id > 2, k
----
f|b
tag: INSERT 0 1

query
INSERT INTO it VALUES (1, 11), (5, 50) ON CONFLICT DO NOTHING RETURNING a
----
5
tag: INSERT 0 1

query
INSERT INTO it AS t VALUES (1, 12, 'new') ON CONFLICT (a) DO UPDATE SET b = t.b + excluded.b, c = excluded.c RETURNING *
----
1|22|new
tag: INSERT 0 1

query
INSERT INTO it VALUES (1, 13) ON CONFLICT ON CONSTRAINT it_pkey DO UPDATE SET (b, c) = (excluded.b, 'row') WHERE it.b > 0 RETURNING *
----
1|13|row
tag: INSERT 0 1

query
INSERT INTO it VALUES (2, 20) ON CONFLICT (a) DO UPDATE SET (b, c) = (SELECT max(a), 'sub' FROM it) RETURNING *
----
2|13|sub
tag: INSERT 0 1

query
INSERT INTO it VALUES (3, 33) ON CONFLICT (a) DO UPDATE SET b = 0 WHERE excluded.b < 0 RETURNING *
----
tag: INSERT 0 0

query
INSERT INTO iu (k, n) VALUES ('a', 7) ON CONFLICT (k) DO UPDATE SET n = iu.n + excluded.n RETURNING k, n
----
a|7
tag: INSERT 0 1

statement error 42P10
INSERT INTO it VALUES (1, 1) ON CONFLICT (b) DO NOTHING

statement error 42601
INSERT INTO it VALUES (1, 1) ON CONFLICT DO UPDATE SET b = 1

statement error 42601
INSERT INTO it VALUES (1, 1) ON CONFLICT (a) DO UPDATE SET b = 1, b = 2

statement ok
PREPARE ins (int, text) AS INSERT INTO it (a, c) VALUES ($1, $2) RETURNING a, c

query
EXECUTE ins(40, 'p')
----
40|p
tag: INSERT 0 1

statement ok
CREATE VIEW itv AS SELECT a, b FROM it WHERE b > 0 WITH CHECK OPTION

query
INSERT INTO itv VALUES (41, 1) RETURNING *
----
41|1
tag: INSERT 0 1

statement error 44000
INSERT INTO itv VALUES (42, -1)

# The dialect pass took a VALUES list of rows of different lengths.
statement error 42601
INSERT INTO it VALUES (50), (51, 1)

statement error 42601
INSERT INTO it VALUES (DEFAULT + 1)

# The dialect pass dropped the conflict target's WHERE without reading it.
statement error 42703
INSERT INTO it VALUES (1, 1) ON CONFLICT (a) WHERE nosuch > 0 DO NOTHING

query
INSERT INTO it VALUES (1, 1) ON CONFLICT (a) WHERE b > 0 DO NOTHING RETURNING a
----
tag: INSERT 0 0

# A view whose table has an alias: its CHECK OPTION and RETURNING read the alias.
statement ok
CREATE VIEW itx AS SELECT x.a, x.b FROM it x WHERE x.a > 100 WITH CHECK OPTION

query
INSERT INTO itx VALUES (105, 1) RETURNING a, b
----
105|1
tag: INSERT 0 1

statement error 44000
INSERT INTO itx VALUES (6, 1)

# INSERT ... SELECT through a view without a column list fills the first columns.
query
INSERT INTO itx SELECT 107 RETURNING *
----
107|NULL
tag: INSERT 0 1

statement error 42601
INSERT INTO itx SELECT 108, 2, 3

query
SELECT * FROM it ORDER BY a
----
1|13|row
2|13|sub
3|30|z
4|NULL|q
5|50|x
11|10|x
13|30|x
40|NULL|p
41|1|x
105|1|x
107|NULL|x
tag: SELECT 11
