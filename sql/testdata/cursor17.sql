# issue 17: assignment into an array's element or slice (UPDATE/ON CONFLICT SET c[i] = v,
# c[i:j] = arr): NULL arrays, padding with NULLs past the end, several elements of one column.
statement ok
CREATE TABLE c17 (id int PRIMARY KEY, b int[], s text[], n int)

statement ok
INSERT INTO c17 VALUES (1, '{1,2,3}', '{a,b}', 0), (2, NULL, NULL, 0), (3, '{}', '{}', 0)

statement ok
UPDATE c17 SET b[2] = 5 WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{1,5,3}
tag: SELECT 1

statement ok
UPDATE c17 SET b[6] = 9 WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{1,5,3,NULL,NULL,9}
tag: SELECT 1

statement ok
UPDATE c17 SET b[1] = 4, s[1] = 'z' WHERE id = 2

query
SELECT b, s FROM c17 WHERE id = 2
----
{4}|{z}
tag: SELECT 1

statement ok
UPDATE c17 SET b[1] = 4 WHERE id = 3

query
SELECT b FROM c17 WHERE id = 3
----
{4}
tag: SELECT 1

statement error 22004
UPDATE c17 SET b[NULL] = 4 WHERE id = 1

statement ok
UPDATE c17 SET b[1:2] = '{7,8}' WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{7,8,3,NULL,NULL,9}
tag: SELECT 1

statement error 2202E
UPDATE c17 SET b[1:3] = '{7,8}' WHERE id = 1

statement error 2202E
UPDATE c17 SET b[3:1] = '{7,8}' WHERE id = 1

statement error 22004
UPDATE c17 SET b[NULL:2] = '{7,8}' WHERE id = 1

statement error 2202E
UPDATE c17 SET s[:2] = '{p,q}' WHERE id = 3

statement ok
UPDATE c17 SET b[:2] = '{10,11}' WHERE id = 1

statement ok
UPDATE c17 SET b[5:] = '{12,13,14}' WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{10,11,3,NULL,12,13}
tag: SELECT 1

statement ok
UPDATE c17 SET b[8:9] = '{1,2,3}' WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{10,11,3,NULL,12,13,NULL,1,2}
tag: SELECT 1

statement ok
UPDATE c17 SET b[1:2] = NULL WHERE id = 1

statement ok
UPDATE c17 SET b[3] = NULL WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{10,11,NULL,NULL,12,13,NULL,1,2}
tag: SELECT 1

statement error 22P02
UPDATE c17 SET b[1] = 'x' WHERE id = 1

statement error 22P02
UPDATE c17 SET b['x'] = 6 WHERE id = 1

statement ok
UPDATE c17 SET b['2'] = 6, s[3] = 'c' WHERE id = 1

query
SELECT b, s FROM c17 WHERE id = 1
----
{10,6,NULL,NULL,12,13,NULL,1,2}|{a,b,c}
tag: SELECT 1

statement ok
UPDATE c17 SET b[1] = 1, b[2] = 2, b[12] = b[1] + 100 WHERE id = 1

query
SELECT b FROM c17 WHERE id = 1
----
{1,2,NULL,NULL,12,13,NULL,1,2,NULL,NULL,110}
tag: SELECT 1

statement error 42601
UPDATE c17 SET b[1] = 1, b = '{}' WHERE id = 1

statement error 42601
UPDATE c17 SET b = '{}', b[1] = 1 WHERE id = 1

statement error 42804
UPDATE c17 SET n[1] = 1 WHERE id = 1

statement error 42703
UPDATE c17 SET nope[1] = 1 WHERE id = 1

statement error 54000
UPDATE c17 SET b[2147483647] = 1 WHERE id = 1

query
UPDATE c17 SET b[n + 2] = b[1] + 100 WHERE id = 1 RETURNING b
----
{1,101,NULL,NULL,12,13,NULL,1,2,NULL,NULL,110}
tag: UPDATE 1

query
UPDATE c17 AS q SET b[2] = x FROM (VALUES (1, 50)) w(k, x) WHERE q.id = k RETURNING b
----
{1,50,NULL,NULL,12,13,NULL,1,2,NULL,NULL,110}
tag: UPDATE 1

query
UPDATE c17 SET (b[1], n) = (ROW(-1, 7)) WHERE id = 3 RETURNING b, n
----
{-1}|7
tag: UPDATE 1

query
INSERT INTO c17 VALUES (1) ON CONFLICT (id) DO UPDATE SET b[3] = excluded.id + 40, b[4:5] = '{0,0}' RETURNING b
----
{1,50,41,0,0,13,NULL,1,2,NULL,NULL,110}
tag: INSERT 0 1

query
INSERT INTO c17 AS c VALUES (2) ON CONFLICT (id) DO UPDATE SET b[2] = c.b[1] * 2 RETURNING b
----
{4,8}
tag: INSERT 0 1

query
UPDATE c17 SET b[id - 1] = '22' WHERE id = 3 RETURNING b
----
{-1,22}
tag: UPDATE 1
