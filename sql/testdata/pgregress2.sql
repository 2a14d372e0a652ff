# pgregress2: wrong answers found by comparing drove with PostgreSQL 15 (its regression suite,
# outside test suites and clients); each block failed on drove before its fix.
# ON CONFLICT (cols) infers its arbiters as PostgreSQL does: the primary key or any unique index
# (a UNIQUE constraint's too) on exactly those columns. Only a clash on an arbiter is the
# conflict; one on another key, the primary key too, is 23505 (insert.sql, insert_conflict.sql).
statement ok
CREATE TABLE pgr2_oc (id int PRIMARY KEY, u int UNIQUE, w int, v text)

statement ok
CREATE UNIQUE INDEX pgr2_oc_w ON pgr2_oc (w)

statement ok
INSERT INTO pgr2_oc VALUES (1, 10, 100, 'a'), (2, 20, 200, 'b')

query
INSERT INTO pgr2_oc VALUES (3, 10, 300, 'c') ON CONFLICT (u) DO NOTHING
----
tag: INSERT 0 0

query
INSERT INTO pgr2_oc VALUES (3, 10, 300, 'c') ON CONFLICT (u) DO UPDATE SET v = excluded.v || pgr2_oc.v RETURNING *
----
1|10|100|ca
tag: INSERT 0 1

statement error 23505
INSERT INTO pgr2_oc VALUES (1, 30, 300, 'c') ON CONFLICT (u) DO NOTHING

query
INSERT INTO pgr2_oc VALUES (4, 20, 100, 'c') ON CONFLICT (u) DO NOTHING
----
tag: INSERT 0 0

query
INSERT INTO pgr2_oc VALUES (4, 20, 100, 'c') ON CONFLICT (w) DO UPDATE SET v = 'w' RETURNING *
----
1|10|100|w
tag: INSERT 0 1

query
INSERT INTO pgr2_oc VALUES (5, 50, 500, 'x'), (6, 50, 600, 'y') ON CONFLICT (u) DO NOTHING
----
tag: INSERT 0 1

statement error 21000
INSERT INTO pgr2_oc VALUES (7, 70, 700, 'x'), (8, 70, 800, 'y') ON CONFLICT (u) DO UPDATE SET v = excluded.v

query
INSERT INTO pgr2_oc VALUES (9, NULL, 900, 'n'), (10, NULL, 1000, 'n') ON CONFLICT (u) DO NOTHING
----
tag: INSERT 0 2

statement error 42P10
INSERT INTO pgr2_oc VALUES (11, 10, 1100, 'z') ON CONFLICT (u, w) DO NOTHING

statement error 42703
INSERT INTO pgr2_oc VALUES (11, 10, 1100, 'z') ON CONFLICT (nosuch) DO NOTHING

statement error 42P10
INSERT INTO pgr2_oc VALUES (11, 10, 1100, 'z') ON CONFLICT (v) DO NOTHING

query
INSERT INTO pgr2_oc VALUES (11, 10, 1100, 'z') ON CONFLICT (u, u) DO NOTHING
----
tag: INSERT 0 0

query
INSERT INTO pgr2_oc VALUES (11, 10, 1100, 'z') ON CONFLICT (u) DO UPDATE SET u = 11 RETURNING *
----
1|11|100|w
tag: INSERT 0 1

statement error 23505
INSERT INTO pgr2_oc VALUES (12, 11, 1200, 'z') ON CONFLICT (u) DO UPDATE SET u = 20

# DO UPDATE may change the primary key of the row it updates.
query
INSERT INTO pgr2_oc VALUES (12, 11, 1200, 'z') ON CONFLICT (u) DO UPDATE SET id = 99 RETURNING *
----
99|11|100|w
tag: INSERT 0 1

query
INSERT INTO pgr2_oc VALUES (12, 11, 1200, 'z') ON CONFLICT (u) DO UPDATE SET v = 'q' WHERE pgr2_oc.v = 'nomatch' RETURNING *
----
tag: INSERT 0 0

query
INSERT INTO pgr2_oc SELECT 14, u, 1400, 'sel' FROM pgr2_oc WHERE id = 2 ON CONFLICT (u) DO UPDATE SET v = excluded.v RETURNING *
----
2|20|200|sel
tag: INSERT 0 1

# ON CONFLICT ON CONSTRAINT names the primary key or a UNIQUE constraint (not a plain index).
query
INSERT INTO pgr2_oc VALUES (12, 11, 1200, 'z') ON CONFLICT ON CONSTRAINT pgr2_oc_u_key DO UPDATE SET v = 'cons' RETURNING *
----
99|11|100|cons
tag: INSERT 0 1

statement error 23505
INSERT INTO pgr2_oc VALUES (12, 11, 1200, 'z') ON CONFLICT ON CONSTRAINT pgr2_oc_pkey DO NOTHING

query
INSERT INTO pgr2_oc VALUES (99, 12, 1200, 'z') ON CONFLICT ON CONSTRAINT pgr2_oc_pkey DO UPDATE SET v = 'pk' RETURNING *
----
99|11|100|pk
tag: INSERT 0 1

statement error 42704
INSERT INTO pgr2_oc VALUES (13, 13, 100, 'z') ON CONFLICT ON CONSTRAINT pgr2_oc_w DO NOTHING

statement error 42704
INSERT INTO pgr2_oc VALUES (13, 13, 100, 'z') ON CONFLICT ON CONSTRAINT nosuch DO NOTHING

query
SELECT * FROM pgr2_oc ORDER BY id
----
2|20|200|sel
5|50|500|x
9|NULL|900|n
10|NULL|1000|n
99|11|100|pk
tag: SELECT 5

statement ok
CREATE TABLE pgr2_ocnk (a int UNIQUE, b text, c int CHECK (c > 0))

statement ok
INSERT INTO pgr2_ocnk VALUES (1, 'x', 1)

query
INSERT INTO pgr2_ocnk VALUES (1, 'y', 1) ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *
----
1|y|1
tag: INSERT 0 1

query
INSERT INTO pgr2_ocnk VALUES (1, 'z', 1) ON CONFLICT (a) DO NOTHING
----
tag: INSERT 0 0

statement error 42809
INSERT INTO pgr2_ocnk VALUES (1, 'z', 1) ON CONFLICT ON CONSTRAINT pgr2_ocnk_c_check DO NOTHING

statement error 42P10
INSERT INTO pgr2_ocnk VALUES (1, 'z', 1) ON CONFLICT (b) DO NOTHING

query
SELECT * FROM pgr2_ocnk
----
1|y|1
tag: SELECT 1

# On the primary key, DO UPDATE may move the row to another key.
statement ok
CREATE TABLE pgr2_ocpk (id int PRIMARY KEY, u int UNIQUE, v text)

statement ok
INSERT INTO pgr2_ocpk VALUES (1, 1, 'a'), (2, 2, 'x')

query
INSERT INTO pgr2_ocpk VALUES (1, 5, 'b') ON CONFLICT (id) DO UPDATE SET id = excluded.id + 100 RETURNING *
----
101|1|a
tag: INSERT 0 1

query
INSERT INTO pgr2_ocpk VALUES (101, 6, 'b') ON CONFLICT (id) DO UPDATE SET id = 1, u = 7 RETURNING *
----
1|7|a
tag: INSERT 0 1

statement error 23505
INSERT INTO pgr2_ocpk VALUES (1, 9, 'b') ON CONFLICT (id) DO UPDATE SET id = 2

query
SELECT * FROM pgr2_ocpk ORDER BY id
----
1|7|a
2|2|x
tag: SELECT 2

# A VALUES list resolves each column's type over all its rows at once (select_common_type):
# untyped literals take the type of the typed rows. A UNION resolves pairwise, left to right
# (union.sql, select.sql).
query
VALUES ('1'), ('2'), (3)
----
1
2
3
tag: SELECT 3

query
VALUES (NULL), ('2'), (3)
----
NULL
2
3
tag: SELECT 3

query
VALUES ('1'), (NULL), (3.5)
----
1
NULL
3.5
tag: SELECT 3

statement error 22P02
VALUES ('a'), ('2'), (3)

statement error 42804
VALUES (1), (true)

query
VALUES ('1', 'x'), ('2', 'y'), (3, 'z') ORDER BY 1 DESC
----
3|z
2|y
1|x
tag: SELECT 3

query
SELECT pg_typeof(column1), column1 + 1 FROM (VALUES ('1'), ('2'), (3)) v
----
integer|2
integer|3
integer|4
tag: SELECT 3

query
SELECT * FROM (VALUES ('1'), ('2'), (3)) v(a) WHERE a > 1
----
2
3
tag: SELECT 2

query
VALUES (1::int2), (2::int8), ('3')
----
1
2
3
tag: SELECT 3

query
SELECT pg_typeof(column1) FROM (VALUES ('2020-01-01'), ('2021-01-01'), (date '2022-01-01')) v
----
date
date
date
tag: SELECT 3

query
WITH x AS (SELECT 1) VALUES ('1'), (2)
----
1
2
tag: SELECT 2

statement error 42804
SELECT '1' UNION SELECT '2' UNION SELECT 3

query
SELECT '1' UNION ALL SELECT 3
----
1
3
tag: SELECT 2

# A recursive WITH query yields its rows as its runs produce them, so a LIMIT or EXISTS above
# it ends a recursion that has no end of its own (with.sql).
query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT * FROM t LIMIT 3
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n+1 FROM t) SELECT * FROM t LIMIT 5
----
1
2
3
4
5
tag: SELECT 5

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT * FROM t WHERE n > 5 LIMIT 2
----
6
7
tag: SELECT 2

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT EXISTS (SELECT 1 FROM t WHERE n = 100)
----
t
tag: SELECT 1

query
SELECT x, (WITH RECURSIVE t(n) AS (SELECT x UNION ALL SELECT n+1 FROM t) SELECT n FROM t WHERE n > 3 LIMIT 1) FROM generate_series(1, 5) x
----
1|4
2|4
3|4
4|4
5|5
tag: SELECT 5

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM t) SELECT * FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (VALUES (1), (2) UNION ALL SELECT n*2 FROM t WHERE n < 50) SELECT * FROM t
----
1
2
2
4
4
8
8
16
16
32
32
64
64
tag: SELECT 13

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 4) SELECT a.n, b.n FROM t a, t b WHERE a.n < b.n ORDER BY 1, 2
----
1|2
1|3
1|4
2|3
2|4
3|4
tag: SELECT 6

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM (SELECT * FROM t) s WHERE n < 3) SELECT * FROM t
----
1
2
3
tag: SELECT 3

# The recursive terms PostgreSQL refuses (checkWellFormedRecursion).
statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.n+1 FROM t a JOIN t b ON a.n = b.n WHERE a.n < 5) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n IN (SELECT n FROM t)) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT max(n)+1 FROM t HAVING max(n) < 3) SELECT * FROM t

statement error 42P19
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT g FROM generate_series(1,2) g LEFT JOIN t ON t.n = g WHERE t.n < 3) SELECT * FROM t

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 3 LIMIT 1) SELECT * FROM t

# oid is unsigned 32-bit: integer and smallint convert as their bits, bigint and text are
# range-checked, and values compare unsigned (oid.sql).
query
SELECT (-1)::oid, '4294967295'::oid, (-1)::int2::oid, '-2147483648'::oid, ' 12 '::oid, 3000000000::int8::oid, cast(-5 AS oid), NULL::int::oid
----
4294967295|4294967295|4294967295|2147483648|12|3000000000|4294967291|NULL
tag: SELECT 1

query
SELECT 4294967295::oid > 1::oid, (-1)::oid > 1::oid
----
t|t
tag: SELECT 1

query
SELECT x FROM (VALUES ((-1)::oid), (5::oid)) v(x) ORDER BY x
----
5
4294967295
tag: SELECT 2

statement error 22003
SELECT '4294967296'::oid

statement error 22003
SELECT '-2147483649'::oid

statement error 22003
SELECT '99999999999999999999'::oid

statement error 22003
SELECT (-1)::int8::oid

statement error 22P02
SELECT ''::oid

statement error 22P02
SELECT '1x'::oid
