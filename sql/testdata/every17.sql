# Everyday PostgreSQL (issue 17), recorded from PostgreSQL 15.
# UPDATE and DELETE ... WHERE CURRENT OF cursor (cursor_current.go).
statement ok
CREATE TABLE co (id int PRIMARY KEY, v int)

statement ok
INSERT INTO co VALUES (1, 10), (2, 20), (3, 30), (4, 40)

statement ok
CREATE TABLE co2 (id int)

statement ok
INSERT INTO co2 VALUES (1)

statement error 34000
UPDATE co SET v = 0 WHERE CURRENT OF nope

statement ok
BEGIN

query
DECLARE c CURSOR FOR SELECT * FROM co ORDER BY id FOR UPDATE
----
tag: DECLARE CURSOR

statement ok
SAVEPOINT a

statement error 24000
UPDATE co SET v = 0 WHERE CURRENT OF c

statement ok
ROLLBACK TO a

query
FETCH c
----
1|10
tag: FETCH 1

query
UPDATE co SET v = v + 1 WHERE CURRENT OF c RETURNING *
----
1|11
tag: UPDATE 1

query
UPDATE co SET v = v + 1 WHERE CURRENT OF c RETURNING *
----
1|12
tag: UPDATE 1

query
FETCH c
----
2|20
tag: FETCH 1

query
DELETE FROM co WHERE CURRENT OF c RETURNING *
----
2|20
tag: DELETE 1

query
DELETE FROM co WHERE CURRENT OF c RETURNING *
----
tag: DELETE 0

query
UPDATE co SET v = v + 1 WHERE CURRENT OF c RETURNING *
----
tag: UPDATE 0

query
FETCH c
----
3|30
tag: FETCH 1

query
UPDATE co SET id = 30 WHERE CURRENT OF c RETURNING *
----
30|30
tag: UPDATE 1

query
UPDATE co SET v = 33 WHERE CURRENT OF c RETURNING *
----
30|33
tag: UPDATE 1

query
FETCH 2 FROM c
----
4|40
tag: FETCH 1

statement ok
SAVEPOINT a

statement error 24000
UPDATE co SET v = 0 WHERE CURRENT OF c

statement ok
ROLLBACK TO a

query
SAVEPOINT b
----
tag: SAVEPOINT

statement error 24000
UPDATE co2 SET id = 0 WHERE CURRENT OF c

statement ok
ROLLBACK TO b

statement ok
COMMIT

query
SELECT * FROM co ORDER BY id
----
1|12
4|40
30|33
tag: SELECT 3

# The rows of a table in key order, which PostgreSQL's heap order is too for a cursor's scan.
statement ok
CREATE TABLE cs (id int PRIMARY KEY, v int)

statement ok
INSERT INTO cs VALUES (1, 10), (2, 20), (3, 30), (4, 40)

# A cursor without FOR UPDATE: a simply updatable scan of the table.
statement ok
BEGIN

query
DECLARE d CURSOR FOR SELECT id, v * 2 FROM cs WHERE v > 15
----
tag: DECLARE CURSOR

query
FETCH d
----
2|40
tag: FETCH 1

query
UPDATE cs SET v = 100 WHERE CURRENT OF d RETURNING *
----
2|100
tag: UPDATE 1

query
UPDATE cs SET v = v + 1 WHERE CURRENT OF d RETURNING *
----
2|101
tag: UPDATE 1

query
SELECT * FROM cs ORDER BY id
----
1|10
2|101
3|30
4|40
tag: SELECT 4

query
FETCH d
----
3|60
tag: FETCH 1

query
DELETE FROM cs WHERE CURRENT OF d
----
tag: DELETE 1

query
SELECT * FROM cs ORDER BY id
----
1|10
2|101
4|40
tag: SELECT 3

statement ok
SAVEPOINT a

statement error 24000
UPDATE co2 SET id = 0 WHERE CURRENT OF d

statement ok
ROLLBACK TO a

query
DECLARE e CURSOR FOR SELECT count(*) FROM cs
----
tag: DECLARE CURSOR

query
FETCH e
----
3
tag: FETCH 1

statement ok
SAVEPOINT a

statement error 24000
UPDATE cs SET v = 0 WHERE CURRENT OF e

statement ok
ROLLBACK TO a

query
DECLARE f CURSOR FOR SELECT * FROM cs, co2
----
tag: DECLARE CURSOR

query
FETCH f
----
1|10|1
tag: FETCH 1

statement ok
SAVEPOINT a

statement error 24000
DELETE FROM cs WHERE CURRENT OF f

statement ok
ROLLBACK TO a

statement ok
ROLLBACK

# A SCROLL cursor goes back to rows it read; LIMIT passes the scan's row on.
statement ok
BEGIN

query
DECLARE i SCROLL CURSOR FOR SELECT * FROM cs LIMIT 2
----
tag: DECLARE CURSOR

query
FETCH 3 FROM i
----
1|10
2|20
tag: FETCH 2

statement ok
SAVEPOINT a

statement error 24000
DELETE FROM cs WHERE CURRENT OF i

statement ok
ROLLBACK TO a

query
FETCH BACKWARD 1 FROM i
----
2|20
tag: FETCH 1

query
DELETE FROM cs WHERE CURRENT OF i RETURNING *
----
2|20
tag: DELETE 1

query
FETCH PRIOR FROM i
----
1|10
tag: FETCH 1

query
UPDATE cs SET v = -1 WHERE CURRENT OF i RETURNING *
----
1|-1
tag: UPDATE 1

query
PREPARE p AS UPDATE cs SET v = -2 WHERE CURRENT OF i RETURNING id, v
----
tag: PREPARE

query
EXECUTE p
----
1|-2
tag: UPDATE 1

query
SELECT 1 FROM cs WHERE id = 2
----
tag: SELECT 0

query
UPDATE cs SET v = v + 1 WHERE CURRENT OF i
----
tag: UPDATE 1

statement ok
ROLLBACK

statement ok
DEALLOCATE p

# A cursor held from an earlier transaction, and a view.
statement ok
BEGIN

query
DECLARE h CURSOR WITH HOLD FOR SELECT * FROM cs
----
tag: DECLARE CURSOR

statement ok
COMMIT

query
FETCH h
----
1|10
tag: FETCH 1

statement error 24000
UPDATE cs SET v = 1 WHERE CURRENT OF h

statement ok
CLOSE h

statement ok
CREATE VIEW cov AS SELECT * FROM cs

statement ok
BEGIN

query
DECLARE j CURSOR FOR SELECT * FROM cs
----
tag: DECLARE CURSOR

query
FETCH j
----
1|10
tag: FETCH 1

statement ok
SAVEPOINT a

statement error 0A000
UPDATE cov SET v = 1 WHERE CURRENT OF j

statement ok
ROLLBACK TO a

statement error 0A000
DELETE FROM cov WHERE CURRENT OF j

statement ok
ROLLBACK

statement ok
DROP VIEW cov

# A subscript is coerced to integer as an assignment: numeric and floats round, bigint is
# range-checked (UPDATE's SET b[i] and reads alike).
statement ok
CREATE TABLE sub17 (id int PRIMARY KEY, b int[])

statement ok
INSERT INTO sub17 VALUES (1, '{5,6,7}')

query
UPDATE sub17 SET b[1.5] = 6 WHERE id = 1 RETURNING b
----
{5,6,7}
tag: UPDATE 1

query
UPDATE sub17 SET b[2.5] = 60 WHERE id = 1 RETURNING b
----
{5,6,60}
tag: UPDATE 1

statement error 2202E
UPDATE sub17 SET b[1.4:2.6] = '{70,80}' WHERE id = 1

query
UPDATE sub17 SET b[0.6:1.6] = '{70,80}' WHERE id = 1 RETURNING b
----
{70,80,60}
tag: UPDATE 1

statement error 22P02
UPDATE sub17 SET b['1.5'] = 6 WHERE id = 1

query
UPDATE sub17 SET b[1.5::float8] = 61, b[1::int8] = 62 WHERE id = 1 RETURNING b
----
{62,61,60}
tag: UPDATE 1

statement error 22003
UPDATE sub17 SET b[3000000000.0] = 61 WHERE id = 1

statement error 22003
UPDATE sub17 SET b[3000000000] = 61 WHERE id = 1

statement error 42804
UPDATE sub17 SET b[true] = 61 WHERE id = 1

query
SELECT b[1.5], b[1.5:2.5], b[2.5::real], b[1::bigint], b[0.4], b['1'] FROM sub17 WHERE id = 1
----
61|{61,60}|61|62|NULL|62
tag: SELECT 1

query
SELECT (ARRAY[1, 2, 3])[1.5], (ARRAY[1, 2, 3])[2.4:3.5]
----
2|{2,3}
tag: SELECT 1

statement error 22003
SELECT b[3000000000] FROM sub17

statement error 42804
SELECT b[true] FROM sub17

# INSERT with elements or slices of an array column as targets (insert_subscript.go): each
# assigned into a NULL array (never the DEFAULT), a column's assignments nested in order.
statement ok
CREATE TABLE ins17 (id int PRIMARY KEY, b int[] DEFAULT '{1,2,3}', s text[])

query
INSERT INTO ins17 (id, b[1], b[3]) VALUES (1, 5, 7) RETURNING *
----
1|{5,NULL,7}|NULL
tag: INSERT 0 1

query
INSERT INTO ins17 (id, b[1:2]) VALUES (2, '{8,9}') RETURNING *
----
2|{8,9}|NULL
tag: INSERT 0 1

query
INSERT INTO ins17 (id, b[1], s[1]) VALUES (3, 1, 'x'), (4, 2.6, NULL) RETURNING *
----
3|{1}|{x}
4|{3}|{NULL}
tag: INSERT 0 2

query
INSERT INTO ins17 (id, b[1:2], b[3]) SELECT 5, ARRAY[1, 2], 3 RETURNING *
----
5|{1,2,3}|NULL
tag: INSERT 0 1

query
INSERT INTO ins17 (id, b[1], b[1]) VALUES (6, 1, 2) RETURNING *
----
6|{2}|NULL
tag: INSERT 0 1

query
INSERT INTO ins17 (id, b[1], b[2]) SELECT g, g * 10, '7' FROM generate_series(7, 9) g RETURNING *
----
7|{70,7}|NULL
8|{80,7}|NULL
9|{90,7}|NULL
tag: INSERT 0 3

query
INSERT INTO ins17 (id, b[1:2], b[2]) VALUES (10, '{1,2}', 9) RETURNING *
----
10|{1,9}|NULL
tag: INSERT 0 1

query
INSERT INTO ins17 (id, s[1]) VALUES (11, 'y') RETURNING *
----
11|{1,2,3}|{y}
tag: INSERT 0 1

query
INSERT INTO ins17 (id, b[1]) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET b[2] = excluded.b[1] + 10 RETURNING *
----
1|{5,11,7}|NULL
tag: INSERT 0 1

statement error 42701
INSERT INTO ins17 (id, b[1], b) VALUES (20, 1, '{2}')

statement error 42701
INSERT INTO ins17 (id, b, b[1]) VALUES (20, '{2}', 1)

statement error 42701
INSERT INTO ins17 (id, id[1]) VALUES (20, 1)

statement error 22004
INSERT INTO ins17 (id, b[NULL]) VALUES (20, 1)

statement error 22P02
INSERT INTO ins17 (id, b['x']) VALUES (20, 1)

statement error 2202E
INSERT INTO ins17 (id, b[1:2]) VALUES (20, '{1}')

statement error 2202E
INSERT INTO ins17 (id, b[1:]) VALUES (20, '{1}')

statement error 22P02
INSERT INTO ins17 (id, b[1]) VALUES (20, 'a')

statement error 0A000
INSERT INTO ins17 (id, b[1]) VALUES (20, DEFAULT)

statement error 22P02
INSERT INTO ins17 (id, b[1]) SELECT 20, 'x'

statement error 42804
INSERT INTO ins17 (id, b[1]) SELECT 20, 'x'::text

statement error 42804
INSERT INTO ins17 (id, b[1:2]) SELECT 20, '{1,2}'::text

statement error 42703
INSERT INTO ins17 (id, b[id]) VALUES (20, 1)

statement error 42804
UPDATE ins17 SET b[1] = 'x'::text WHERE id = 1

statement ok
CREATE VIEW ins17v AS SELECT * FROM ins17

query
INSERT INTO ins17v (id, b[1]) VALUES (21, 9) RETURNING *
----
21|{9}|NULL
tag: INSERT 0 1

statement ok
PREPARE ins17p(int, int) AS INSERT INTO ins17 (id, b[$1]) VALUES (22, $2) RETURNING *

query
EXECUTE ins17p(1, 5)
----
22|{5}|NULL
tag: INSERT 0 1

statement ok
DEALLOCATE ins17p

query
SELECT * FROM ins17 ORDER BY id
----
1|{5,11,7}|NULL
2|{8,9}|NULL
3|{1}|{x}
4|{3}|{NULL}
5|{1,2,3}|NULL
6|{2}|NULL
7|{70,7}|NULL
8|{80,7}|NULL
9|{90,7}|NULL
10|{1,9}|NULL
11|{1,2,3}|{y}
21|{9}|NULL
22|{5}|NULL
tag: SELECT 13

# CREATE VIEW pg_temp.v makes a temporary view; pg_catalog is PostgreSQL's 42501.
statement ok
CREATE TABLE vt17 (a int)

statement ok
INSERT INTO vt17 VALUES (1)

statement ok
CREATE VIEW pg_temp.v17 AS SELECT a, a + 1 AS b FROM vt17

query
SELECT * FROM v17
----
1|2
tag: SELECT 1

statement ok
CREATE OR REPLACE VIEW pg_temp.v17 AS SELECT a, a + 2 AS b FROM vt17

query
SELECT * FROM v17
----
1|3
tag: SELECT 1

statement ok
CREATE TEMP VIEW pg_temp.v17t AS SELECT 1 AS one

query
SELECT * FROM v17t
----
1
tag: SELECT 1

statement error 42501
CREATE VIEW pg_catalog.v17c AS SELECT 1

statement error 42P07
CREATE VIEW pg_catalog.pg_class AS SELECT 1

statement error 42P16
CREATE TEMP VIEW public.v17x AS SELECT 1

statement ok
DROP VIEW v17t
