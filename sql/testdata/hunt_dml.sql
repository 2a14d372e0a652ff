statement ok
CREATE TABLE t (id int PRIMARY KEY, u text UNIQUE, v text NOT NULL DEFAULT 'dv', n int CHECK (n >= 0))

statement ok
CREATE INDEX t_v ON t (v)

query
INSERT INTO t VALUES (1, 'a', 'x', 1), (2, 'b', 'y', 2), (3, 'c', 'x', 3) RETURNING id, u || v, n * 2
----
1|ax|2
2|by|4
3|cx|6
tag: INSERT 0 3

statement error 23505
INSERT INTO t VALUES (4, 'd', 'x', 4), (5, 'a', 'y', 5), (6, 'f', 'z', 6)

statement error 23502
INSERT INTO t VALUES (4, 'd', 'x', 4), (5, 'e', NULL, 5), (6, 'f', 'z', 6)

statement error 23514
INSERT INTO t VALUES (4, 'd', 'x', 4), (5, 'e', 'y', -5), (6, 'f', 'z', 6)

statement error 23505
INSERT INTO t VALUES (4, 'd', 'x', 4), (4, 'e', 'y', 5)

statement error 23505
INSERT INTO t VALUES (4, 'd', 'x', 4), (5, 'd', 'y', 5)

query
SELECT * FROM t ORDER BY id
----
1|a|x|1
2|b|y|2
3|c|x|3
tag: SELECT 3

query
SELECT id FROM t WHERE u = 'd'
----
tag: SELECT 0

query
SELECT id FROM t WHERE v = 'x' ORDER BY id
----
1
3
tag: SELECT 2

statement error 23514
UPDATE t SET n = n - 2 WHERE id IN (1, 2, 3)

statement error 23505
UPDATE t SET u = 'b' WHERE id = 3

statement error 23505
UPDATE t SET u = CASE id WHEN 1 THEN 'b' WHEN 2 THEN 'a' ELSE u END WHERE id IN (1, 2)

query
SELECT * FROM t ORDER BY id
----
1|a|x|1
2|b|y|2
3|c|x|3
tag: SELECT 3

query
SELECT id FROM t WHERE u = 'a'
----
1
tag: SELECT 1

query
SELECT id FROM t WHERE u = 'b'
----
2
tag: SELECT 1

query
UPDATE t SET id = id + 10
----
tag: UPDATE 3

query
SELECT * FROM t ORDER BY id
----
11|a|x|1
12|b|y|2
13|c|x|3
tag: SELECT 3

query
SELECT id FROM t WHERE v = 'x' ORDER BY id
----
11
13
tag: SELECT 2

statement error 23505
UPDATE t SET id = id + 1

query
UPDATE t SET id = 14 - id WHERE id IN (11, 13)
----
tag: UPDATE 2

query
SELECT * FROM t ORDER BY id
----
1|c|x|3
3|a|x|1
12|b|y|2
tag: SELECT 3

query
INSERT INTO t (id, u) VALUES (20, 'p') RETURNING *
----
20|p|dv|NULL
tag: INSERT 0 1

query
INSERT INTO t VALUES (11, 'zz', 'q', 0) ON CONFLICT (id) DO NOTHING RETURNING id
----
11
tag: INSERT 0 1

statement error 23505
INSERT INTO t VALUES (30, 'a', 'q', 0) ON CONFLICT (id) DO NOTHING RETURNING id

query
INSERT INTO t VALUES (30, 'a', 'q', 0) ON CONFLICT (u) DO NOTHING RETURNING id
----
tag: INSERT 0 0

query
INSERT INTO t VALUES (30, 'a', 'q', 0) ON CONFLICT DO NOTHING RETURNING id
----
tag: INSERT 0 0

query
INSERT INTO t VALUES (30, 'a', 'q', 7) ON CONFLICT (u) DO UPDATE SET n = EXCLUDED.n, v = t.v || EXCLUDED.v RETURNING *
----
3|a|xq|7
tag: INSERT 0 1

statement error 23505
INSERT INTO t VALUES (31, 'a', 'q', 8), (32, 'new', 'q', 8) ON CONFLICT (u) DO UPDATE SET u = 'b' RETURNING *

statement error 23505
INSERT INTO t VALUES (33, 'a', 'q', 8) ON CONFLICT (u) DO UPDATE SET id = 11 RETURNING *

query
INSERT INTO t VALUES (33, 'a', 'q', 8) ON CONFLICT (u) DO UPDATE SET id = 40 RETURNING *
----
40|a|xq|7
tag: INSERT 0 1

query
SELECT * FROM t ORDER BY id
----
1|c|x|3
11|zz|q|0
12|b|y|2
20|p|dv|NULL
40|a|xq|7
tag: SELECT 5

query
SELECT id FROM t WHERE u = 'a'
----
40
tag: SELECT 1

query
SELECT id FROM t WHERE v = 'xq' ORDER BY id
----
40
tag: SELECT 1

query
INSERT INTO t VALUES (40, 'zz', 'q', 0) ON CONFLICT (u) DO UPDATE SET n = 1
----
tag: INSERT 0 1

statement error 23514
INSERT INTO t VALUES (41, 'b', 'q', 0) ON CONFLICT (u) DO UPDATE SET n = -1

query
INSERT INTO t VALUES (42, 'k1', 'q', 0), (43, 'k1', 'q', 0) ON CONFLICT (u) DO NOTHING RETURNING id
----
42
tag: INSERT 0 1

statement error 21000
INSERT INTO t VALUES (44, 'k2', 'q', 0), (45, 'k2', 'q', 0) ON CONFLICT (u) DO UPDATE SET n = 5

statement error 23505
INSERT INTO t VALUES (44, 'k3', 'q', 0), (44, 'k4', 'q', 0) ON CONFLICT (u) DO NOTHING

query
INSERT INTO t VALUES (46, 'k5', 'q', 0), (46, 'k6', 'q', 0) ON CONFLICT (id) DO NOTHING RETURNING u
----
k5
tag: INSERT 0 1

query
SELECT * FROM t ORDER BY id
----
1|c|x|3
11|zz|q|1
12|b|y|2
20|p|dv|NULL
40|a|xq|7
42|k1|q|0
46|k5|q|0
tag: SELECT 7

query
INSERT INTO t SELECT id + 100, u || '2', v, n FROM t
----
tag: INSERT 0 7

query
SELECT id, u FROM t WHERE id > 100 ORDER BY id
----
101|c2
111|zz2
112|b2
120|p2
140|a2
142|k12
146|k52
tag: SELECT 7

statement error 23505
INSERT INTO t SELECT id + 1, u || '3', v, n FROM t

statement error 23505
INSERT INTO t SELECT id + 1000, u, v, n FROM t WHERE id > 100

query
SELECT count(*), sum(id) FROM t
----
14|1044
tag: SELECT 1

statement ok
CREATE TABLE s (id int PRIMARY KEY, tid int, w text)

statement ok
INSERT INTO s VALUES (1, 11, 's1'), (2, 11, 's2'), (3, 12, 's3'), (4, 999, 's4')

query
UPDATE t SET v = s.w FROM s WHERE s.tid = t.id RETURNING t.id, s.id
----
11|1
12|3
tag: UPDATE 2

query
SELECT id, v FROM t WHERE id IN (11, 12) ORDER BY id
----
11|s1
12|s3
tag: SELECT 2

query
DELETE FROM s USING t WHERE s.tid = t.id AND t.id = 11 RETURNING s.id
----
1
2
tag: DELETE 2

query
DELETE FROM t USING s WHERE s.tid = t.id OR s.id = 99 RETURNING t.id
----
12
tag: DELETE 1

query
SELECT count(*) FROM t
----
13
tag: SELECT 1

query
UPDATE t SET n = t.n + 1 FROM (VALUES (101), (101), (102)) AS x(i) WHERE x.i = t.id RETURNING t.id, t.n
----
101|4
tag: UPDATE 1

statement ok
BEGIN

statement ok
INSERT INTO s VALUES (10, 1, 'a')

statement ok
SAVEPOINT p1

statement ok
INSERT INTO s VALUES (11, 1, 'b')

statement ok
UPDATE s SET id = 12 WHERE id = 10

statement error 23505
INSERT INTO s VALUES (11, 1, 'c'), (13, 1, 'd')

statement error 25P02
SELECT * FROM s

statement ok
ROLLBACK TO SAVEPOINT p1

query
SELECT * FROM s ORDER BY id
----
3|12|s3
4|999|s4
10|1|a
tag: SELECT 3

query
INSERT INTO s VALUES (11, 1, 'c'), (12, 1, 'd') RETURNING *
----
11|1|c
12|1|d
tag: INSERT 0 2

statement ok
SAVEPOINT p2

statement ok
DELETE FROM s WHERE id = 10

statement ok
RELEASE SAVEPOINT p2

statement ok
SAVEPOINT p3

statement ok
UPDATE s SET w = 'zz'

statement ok
ROLLBACK TO p3

statement ok
COMMIT

query
SELECT * FROM s ORDER BY id
----
3|12|s3
4|999|s4
11|1|c
12|1|d
tag: SELECT 4

statement ok
CREATE TABLE ser (id serial PRIMARY KEY, name text, ts int DEFAULT 42)

statement ok
BEGIN

query
INSERT INTO ser (name) VALUES ('a'), ('b') RETURNING *
----
1|a|42
2|b|42
tag: INSERT 0 2

statement ok
ROLLBACK

query
INSERT INTO ser (name) VALUES ('c') RETURNING *
----
3|c|42
tag: INSERT 0 1

statement ok
BEGIN

statement ok
SAVEPOINT q

query
INSERT INTO ser (name) VALUES ('d') RETURNING id
----
4
tag: INSERT 0 1

statement ok
ROLLBACK TO q

query
INSERT INTO ser (name) VALUES ('e') RETURNING id
----
5
tag: INSERT 0 1

statement ok
COMMIT

query
INSERT INTO ser (id, name) VALUES (DEFAULT, 'f'), (100, 'g'), (DEFAULT, NULL) RETURNING *
----
6|f|42
100|g|42
7|NULL|42
tag: INSERT 0 3

statement ok
CREATE TABLE p (id int PRIMARY KEY, name text)

statement ok
CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE, x text)

statement ok
CREATE TABLE c2 (id int PRIMARY KEY, pid int REFERENCES p ON DELETE SET NULL)

statement ok
CREATE TABLE c3 (id int PRIMARY KEY, pid int REFERENCES p ON DELETE RESTRICT)

statement ok
INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c')

statement ok
INSERT INTO c VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z')

statement ok
INSERT INTO c2 VALUES (1, 1), (2, 2)

statement ok
INSERT INTO c3 VALUES (1, 3)

query
DELETE FROM p WHERE id = 1 RETURNING *
----
1|a
tag: DELETE 1

query
SELECT * FROM c ORDER BY id
----
3|2|z
tag: SELECT 1

query
SELECT * FROM c2 ORDER BY id
----
1|NULL
2|2
tag: SELECT 2

statement error 23503
DELETE FROM p WHERE id IN (2, 3)

query
SELECT * FROM c ORDER BY id
----
3|2|z
tag: SELECT 1

query
SELECT * FROM c2 ORDER BY id
----
1|NULL
2|2
tag: SELECT 2

statement ok
DELETE FROM c2 WHERE pid = 2

query
UPDATE p SET id = 20 WHERE id = 2
----
tag: UPDATE 1

query
SELECT * FROM c ORDER BY id
----
3|20|z
tag: SELECT 1

query
SELECT id FROM c WHERE pid = 20
----
3
tag: SELECT 1

statement error 23503
INSERT INTO c VALUES (4, 99, 'bad')

statement ok
BEGIN

statement ok
INSERT INTO c VALUES (5, 20, 'ok')

statement error 23503
INSERT INTO c VALUES (6, 99, 'bad')

statement error 25P02
INSERT INTO c VALUES (7, 20, 'fine')

statement error 25P02
SELECT 1

statement ok
ROLLBACK

query
SELECT * FROM c ORDER BY id
----
3|20|z
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO s VALUES (50, 1, 'a')

statement ok
TRUNCATE s

query
SELECT count(*) FROM s
----
0
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT count(*) FROM s
----
4
tag: SELECT 1

statement ok
BEGIN

statement ok
TRUNCATE s

statement ok
INSERT INTO s VALUES (50, 1, 'a')

statement ok
COMMIT

query
SELECT * FROM s
----
50|1|a
tag: SELECT 1

query
SELECT * FROM s WHERE id = 1
----
tag: SELECT 0

# Subqueries on the target table read the statement's snapshot, not rows it has changed.
statement ok
CREATE TABLE h (id int PRIMARY KEY, n int, u int UNIQUE)

statement ok
INSERT INTO h SELECT g, g, g FROM generate_series(1, 8) g

query
UPDATE h SET n = (SELECT max(n) FROM h) + id WHERE id <= 3 RETURNING id, n
----
1|9
2|10
3|11
tag: UPDATE 3

query
DELETE FROM h WHERE n = (SELECT min(n) FROM h) RETURNING id
----
4
tag: DELETE 1

query
UPDATE h SET n = n * 10 WHERE n < (SELECT avg(n) FROM h) RETURNING id, n
----
5|50
6|60
7|70
tag: UPDATE 3

query
UPDATE h SET n = n + 1 WHERE id IN (SELECT id FROM h WHERE n > 50) RETURNING id, n
----
6|61
7|71
tag: UPDATE 2

query
INSERT INTO h SELECT id + 100, n, NULL FROM h WHERE id > (SELECT max(id) - 3 FROM h) RETURNING id
----
106
107
108
tag: INSERT 0 3

query
INSERT INTO h SELECT id + 1, n, NULL FROM h WHERE id >= 107 ON CONFLICT (id) DO UPDATE SET n = h.n + 1000 RETURNING id, n
----
108|1008
109|8
tag: INSERT 0 2

query
INSERT INTO h SELECT id, n, NULL::int FROM h WHERE id > 100 UNION ALL SELECT 300, 0, NULL ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n + 1 RETURNING id, n
----
106|62
107|72
108|1009
109|9
300|0
tag: INSERT 0 5

query
INSERT INTO h VALUES (300, 5, 7) ON CONFLICT (u) DO UPDATE SET n = EXCLUDED.n RETURNING id, n, u
----
7|5|7
tag: INSERT 0 1

query
INSERT INTO h VALUES (301, 5, 7) ON CONFLICT (u) DO UPDATE SET n = NULL, u = EXCLUDED.u + 100 RETURNING id, n, u
----
7|NULL|107
tag: INSERT 0 1

query
SELECT * FROM h ORDER BY id
----
1|9|1
2|10|2
3|11|3
5|50|5
6|61|6
7|NULL|107
8|8|8
106|62|NULL
107|72|NULL
108|1009|NULL
109|9|NULL
300|0|NULL
tag: SELECT 12

query
SELECT id FROM h WHERE u = 107
----
7
tag: SELECT 1

query
SELECT id FROM h WHERE u = 7
----
tag: SELECT 0

statement ok
BEGIN

query
INSERT INTO h VALUES (400, 1, 400), (401, 1, 401) RETURNING id
----
400
401
tag: INSERT 0 2

statement ok
SAVEPOINT a

statement error 23505
UPDATE h SET u = 400 WHERE id = 401

statement error 25P02
SELECT 1

statement ok
ROLLBACK TO SAVEPOINT a

query
UPDATE h SET u = 402 WHERE id = 401 RETURNING *
----
401|1|402
tag: UPDATE 1

statement ok
SAVEPOINT b

statement ok
DELETE FROM h WHERE id = 400

statement ok
INSERT INTO h VALUES (400, 2, 403)

query
SELECT id FROM h WHERE u = 403
----
400
tag: SELECT 1

statement ok
ROLLBACK TO b

query
SELECT id, u FROM h WHERE id >= 400 ORDER BY id
----
400|400
401|402
tag: SELECT 2

query
SELECT id FROM h WHERE u = 402
----
401
tag: SELECT 1

query
SELECT id FROM h WHERE u = 400
----
400
tag: SELECT 1

query
SELECT id FROM h WHERE u = 403
----
tag: SELECT 0

statement ok
COMMIT

query
SELECT id, u FROM h WHERE u >= 400 ORDER BY u
----
400|400
401|402
tag: SELECT 2

statement ok
CREATE SEQUENCE hs

statement ok
BEGIN

query
SELECT nextval('hs')
----
1
tag: SELECT 1

statement ok
SAVEPOINT a

query
SELECT nextval('hs')
----
2
tag: SELECT 1

statement ok
ROLLBACK TO a

query
SELECT nextval('hs'), currval('hs')
----
3|3
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT nextval('hs')
----
4
tag: SELECT 1

# RETURNING's subqueries read the statement's snapshot; DEFAULT in UPDATE and INSERT.
statement ok
CREATE TABLE r (id int PRIMARY KEY, v text DEFAULT ('d' || 'x'), n int DEFAULT 7)

statement ok
INSERT INTO r VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)

query
UPDATE r SET n = n + 10 WHERE id <= 2 RETURNING id, n, (SELECT sum(n) FROM r)
----
1|11|6
2|12|6
tag: UPDATE 2

query
DELETE FROM r WHERE id IN (SELECT id FROM r ORDER BY id LIMIT 1) RETURNING *, (SELECT count(*) FROM r)
----
1|a|11|3
tag: DELETE 1

query
UPDATE r SET v = DEFAULT, n = DEFAULT WHERE id = 2 RETURNING *
----
2|dx|7
tag: UPDATE 1

query
INSERT INTO r (id) VALUES (4), (5) RETURNING id * 2, v, n - 1
----
8|dx|6
10|dx|6
tag: INSERT 0 2

query
INSERT INTO r VALUES (5, 'z', 0) ON CONFLICT ON CONSTRAINT r_pkey DO UPDATE SET v = r.v || EXCLUDED.v RETURNING *
----
5|dxz|7
tag: INSERT 0 1

query
SELECT * FROM r ORDER BY id
----
2|dx|7
3|c|3
4|dx|7
5|dxz|7
tag: SELECT 4

# Foreign keys: self-references cascading several levels, SET NULL under a unique index,
# ON UPDATE CASCADE moving many parents at once.
statement ok
CREATE TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree ON DELETE CASCADE ON UPDATE CASCADE)

statement ok
INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1), (6, NULL), (7, 6)

query
DELETE FROM tree WHERE id = 2 RETURNING *
----
2|1
tag: DELETE 1

query
SELECT * FROM tree ORDER BY id
----
1|NULL
5|1
6|NULL
7|6
tag: SELECT 4

query
UPDATE tree SET id = id + 100 WHERE id IN (1, 6) RETURNING *
----
101|NULL
106|NULL
tag: UPDATE 2

query
SELECT * FROM tree ORDER BY id
----
5|101
7|106
101|NULL
106|NULL
tag: SELECT 4

query
SELECT id FROM tree WHERE parent = 101
----
5
tag: SELECT 1

statement ok
CREATE TABLE par (id int PRIMARY KEY)

statement ok
CREATE TABLE kid (id int PRIMARY KEY, pid int UNIQUE REFERENCES par ON DELETE SET NULL ON UPDATE CASCADE)

statement ok
INSERT INTO par VALUES (1), (2), (3)

statement ok
INSERT INTO kid VALUES (10, 1), (20, 2), (30, 3)

query
DELETE FROM par WHERE id <= 2
----
tag: DELETE 2

query
SELECT * FROM kid ORDER BY id
----
10|NULL
20|NULL
30|3
tag: SELECT 3

query
SELECT id FROM kid WHERE pid IS NULL ORDER BY id
----
10
20
tag: SELECT 2

query
UPDATE par SET id = 1 WHERE id = 3
----
tag: UPDATE 1

query
SELECT id, pid FROM kid WHERE pid = 1
----
30|1
tag: SELECT 1

query
SELECT id, pid FROM kid WHERE pid = 3
----
tag: SELECT 0

statement ok
BEGIN

statement ok
INSERT INTO par VALUES (5)

statement ok
INSERT INTO kid VALUES (50, 5)

statement ok
SAVEPOINT s

query
DELETE FROM par WHERE id = 5
----
tag: DELETE 1

query
SELECT * FROM kid WHERE id = 50
----
50|NULL
tag: SELECT 1

statement ok
ROLLBACK TO s

query
SELECT * FROM kid WHERE pid = 5
----
50|5
tag: SELECT 1

statement ok
COMMIT

query
SELECT * FROM kid ORDER BY id
----
10|NULL
20|NULL
30|1
50|5
tag: SELECT 4

statement ok
CREATE TABLE rpar (id int PRIMARY KEY)

statement ok
CREATE TABLE rkid (id int PRIMARY KEY, pid int REFERENCES rpar ON DELETE RESTRICT)

statement ok
INSERT INTO rpar VALUES (1), (2)

statement ok
INSERT INTO rkid VALUES (1, 2)

statement error 23503
DELETE FROM rpar

query
SELECT * FROM rpar ORDER BY id
----
1
2
tag: SELECT 2

statement error 0A000
TRUNCATE rpar

statement error 23503
UPDATE rpar SET id = 3 WHERE id = 2

query
DELETE FROM rpar WHERE id = 1
----
tag: DELETE 1

# Correlated subqueries over the target read the statement's snapshot, not rows it changed.
statement ok
CREATE TABLE cs (id int PRIMARY KEY, n int)

statement ok
INSERT INTO cs SELECT g, g FROM generate_series(1, 6) g

query
UPDATE cs SET n = (SELECT sum(n) FROM cs c2 WHERE c2.id <= cs.id) RETURNING id, n
----
1|1
2|3
3|6
4|10
5|15
6|21
tag: UPDATE 6

query
DELETE FROM cs WHERE EXISTS (SELECT 1 FROM cs c2 WHERE c2.id = cs.id - 1) RETURNING id
----
2
3
4
5
6
tag: DELETE 5

query
SELECT * FROM cs ORDER BY id
----
1|1
tag: SELECT 1

statement ok
CREATE TABLE cj (id int PRIMARY KEY, g text, n int)

statement ok
INSERT INTO cj VALUES (1, 'a', 1), (2, 'a', 2), (3, 'a', 3), (4, 'b', 4), (5, 'b', 5)

query
UPDATE cj SET n = cj.n + (SELECT sum(n) FROM cj c2 WHERE c2.g = cj.g) FROM (VALUES ('a'), ('b')) AS v(g) WHERE v.g = cj.g AND cj.id = 4 RETURNING cj.id, cj.n, v.g
----
4|13|b
tag: UPDATE 1

query
UPDATE cj SET n = cj.n + (SELECT sum(n) FROM cj c2 WHERE c2.g = cj.g) FROM (VALUES ('a'), ('b')) AS v(g) WHERE v.g = cj.g
----
tag: UPDATE 5

query
SELECT * FROM cj ORDER BY id
----
1|a|7
2|a|8
3|a|9
4|b|31
5|b|23
tag: SELECT 5

query
DELETE FROM cj USING cj AS j WHERE j.g = cj.g AND j.g = 'a' AND (SELECT count(*) FROM cj AS e WHERE e.g = cj.g) > 1 RETURNING cj.id
----
1
2
3
tag: DELETE 3

query
SELECT * FROM cj ORDER BY id
----
4|b|31
5|b|23
tag: SELECT 2

statement ok
CREATE TABLE up (id int PRIMARY KEY, n int)

statement ok
INSERT INTO up VALUES (1, 1), (2, 2)

query
INSERT INTO up VALUES (5, (SELECT count(*) FROM up)), (6, (SELECT count(*) FROM up)) RETURNING *
----
5|2
6|2
tag: INSERT 0 2

query
SELECT * FROM up ORDER BY id
----
1|1
2|2
5|2
6|2
tag: SELECT 4
