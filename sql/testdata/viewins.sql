# INSERT through automatically updatable views (viewins): a view column that is an expression
# is never written (0A000 when named or filled, DEFAULT too), and ON CONFLICT on a view, its
# target and DO UPDATE's SET over the view's columns, excluded as the view's proposed row.
statement ok
CREATE TABLE vib(a int PRIMARY KEY, b text)

statement ok
CREATE VIEW vi_view15 AS SELECT a, upper(b) FROM vib

statement ok
INSERT INTO vi_view15 (a) VALUES (4)

statement error 0A000
INSERT INTO vi_view15 VALUES (5, 'x')

statement error 0A000
INSERT INTO vi_view15 (a, upper) VALUES (6, 'x')

statement error 0A000
INSERT INTO vi_view15 VALUES (7, DEFAULT)

statement error 0A000
INSERT INTO vi_view15 (a, upper) VALUES (8, DEFAULT), (9, 'y')

statement error 0A000
INSERT INTO vi_view15 SELECT 10, 'z'

statement error 0A000
INSERT INTO vi_view15 (a, upper) SELECT 11, 'z'

statement ok
INSERT INTO vi_view15 VALUES (12)

statement error 23502
INSERT INTO vi_view15 DEFAULT VALUES

statement ok
CREATE VIEW vi_v2 AS SELECT * FROM vi_view15

statement error 0A000
INSERT INTO vi_v2 (a, upper) VALUES (20, 'x')

statement ok
INSERT INTO vi_v2 VALUES (22)

query
SELECT * FROM vi_view15 ORDER BY a
----
4|NULL
12|NULL
22|NULL
tag: SELECT 3

statement ok
CREATE TABLE vic(a int PRIMARY KEY, b text, c int)

statement ok
CREATE VIEW vic_v AS SELECT a AS x, b, upper(b) AS ub FROM vic

statement ok
INSERT INTO vic_v (x, b) VALUES (1, 'p') ON CONFLICT DO NOTHING

statement ok
INSERT INTO vic_v (x, b) VALUES (1, 'q') ON CONFLICT DO NOTHING

statement ok
INSERT INTO vi_view15 (a) VALUES (4) ON CONFLICT DO NOTHING

statement error 0A000
INSERT INTO vi_view15 (a, upper) VALUES (30, 'x') ON CONFLICT DO NOTHING

query
INSERT INTO vic_v (x, b) VALUES (1, 'q') ON CONFLICT (x) DO UPDATE SET b = excluded.b || vic_v.b || excluded.ub RETURNING *
----
1|qpQ|QPQ
tag: INSERT 0 1

query
INSERT INTO vic_v AS t (x, b) VALUES (1, 'r') ON CONFLICT (x) DO UPDATE SET b = excluded.b || t.ub WHERE t.x = 1 RETURNING *
----
1|rQPQ|RQPQ
tag: INSERT 0 1

query
INSERT INTO vic_v AS t (x, b) VALUES (1, 'r') ON CONFLICT (x) DO UPDATE SET b = 'never' WHERE t.x = 2 RETURNING *
----
tag: INSERT 0 0

query
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (x) DO UPDATE SET (b) = ROW(excluded.ub) RETURNING ub, x
----
S|1
tag: INSERT 0 1

statement error 42702
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (x) DO UPDATE SET b = b

statement error 0A000
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (x) DO UPDATE SET ub = 'k'

statement error 42703
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (a) DO UPDATE SET b = 'k'

statement error 42P10
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (ub) DO UPDATE SET b = 'k'

statement error 42P10
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (b) DO NOTHING

statement error 42703
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (x) DO UPDATE SET c = 1

statement error 42703
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT (x) DO UPDATE SET b = excluded.a

statement error 42704
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT ON CONSTRAINT vic_pkey DO UPDATE SET b = 'con'

statement error 42601
INSERT INTO vic_v (x, b) VALUES (1, 's') ON CONFLICT DO UPDATE SET b = 'k'

statement ok
CREATE VIEW vic_c AS SELECT * FROM vic WHERE a < 10 WITH CHECK OPTION

statement error 44000
INSERT INTO vic_c VALUES (1, 'z', 0) ON CONFLICT (a) DO UPDATE SET a = 20

statement error 44000
INSERT INTO vic_c VALUES (30, 'z', 0) ON CONFLICT (a) DO UPDATE SET a = 2

query
INSERT INTO vic_c VALUES (2, 'w', 0) ON CONFLICT (a) DO UPDATE SET b = 'w2' RETURNING *
----
2|w|0
tag: INSERT 0 1

query
INSERT INTO vic_c VALUES (2, 'w', 0) ON CONFLICT (a) DO UPDATE SET b = 'w2' WHERE vic_c.c > 5 RETURNING *
----
tag: INSERT 0 0

query
INSERT INTO vic_c VALUES (2, 'w', 0) ON CONFLICT (a) DO UPDATE SET c = excluded.c + vic_c.c + 7 RETURNING *
----
2|w|7
tag: INSERT 0 1

statement ok
CREATE VIEW vic_vv AS SELECT x AS y, b FROM vic_v

query
INSERT INTO vic_vv VALUES (2, 'n') ON CONFLICT (y) DO UPDATE SET b = excluded.b || '!' RETURNING *
----
2|n!
tag: INSERT 0 1

query
INSERT INTO vic_vv VALUES (5, 'n') ON CONFLICT (y) DO UPDATE SET b = excluded.b || '!' RETURNING *
----
5|n
tag: INSERT 0 1

query
SELECT * FROM vic ORDER BY a
----
1|S|NULL
2|n!|7
5|n|NULL
tag: SELECT 3
