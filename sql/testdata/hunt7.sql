# hunt7: disagreements found by the randomized differential tests (TestExprDifferential and
# the others) on fresh seeds; under each comment, the blocks the fix changes failed on drove
# before it (the rest cover it).
# Rows compared: PostgreSQL's parse analysis transforms every field of both rows (reading a
# literal into its type: 22P02) before it resolves the pairs' operators (42883)
# (TestExprDifferential seed 777002)
statement error 22P02
SELECT CASE WHEN true THEN '00000000-0000-0000-0000-000000000000'::uuid WHEN (('1.5'::text, CAST('  pad  ' AS int)) IS DISTINCT FROM ((''::text || ~ '-1'::int + ~ 10 / 100 # - '-1'::int), NULL::int)) THEN '{12345678-1234-5678-1234-567812345678}'::uuid END

statement error 22P02
SELECT ('1.5'::text, CAST('  pad  ' AS int)) = ('x'::text # 1, 1)

statement error 22P02
SELECT ('1.5'::text, CAST('  pad  ' AS int)) < ('x'::text # 1, 1)

statement error 22P02
SELECT ('1.5'::text, CAST('  pad  ' AS int)) IN (('x'::text # 1, 1), ('a', 2))

statement error 42883
SELECT ('1.5'::text, 1) IN (('x'::text # 1, 1), ('a', 'zz'::int))

# an ordering comparison of rows is one RowCompareExpr in PostgreSQL, whose fields are all
# simplified: 1 < 2 does not spare the second pair's 1/0; = and IS DISTINCT FROM are an AND
# and an OR simplified left to right, which a decided pair stops
statement error 22012
SELECT (1, 1/0 + 1) < (2, 3)

statement error 22012
SELECT (1, 1/0) <= (2, 3)

query
SELECT (1, 1/0 + 1) = (2, 3), (1, 1/0 + 1) IS DISTINCT FROM (2, 3), (2, 1/0 + 1) IN ((3, 3), (1, 2))
----
f|t|f
tag: SELECT 1

statement error 22012
SELECT (2, 1/0 + 1) = (2, 3)

statement error 22012
SELECT (1, 1/0 + 1) IN ((2, 3), (1, 2))

query
SELECT (1, 'a') < (1, 'b'), (1, '2') = (1, 2), (NULL, 1) < (1, 2), ('1', 2) IS DISTINCT FROM (1, NULL), (1, 2) IN ((1, '2'), (3, 4))
----
t|t|NULL|t|t
tag: SELECT 1

# a field of a row compared with = or IS DISTINCT FROM folds when its pair is simplified, not
# before: its errors are raised as that pair's (TestExprDifferential seed 920003)
statement error 22023
SELECT CASE WHEN ((false, '-2147483648'::int) IS DISTINCT FROM (((46341, 1.5) IS DISTINCT FROM (CAST('[[1, 2], [3]]'::jsonb AS int), '1e3'::numeric)), 2147483647)) THEN NULL::text WHEN true THEN '-3'::text END

statement error 22023
SELECT ((1, 2) = (1, CAST('[1]'::jsonb AS int)), 1) = (true, 1)

query
SELECT (2, 1) = (1, CAST('[1]'::jsonb AS int)), (1, (2, 3) = (2, 1/0)) = (2, true)
----
f|f
tag: SELECT 1

# position(sub IN s) is strpos(s, sub): s is computed first (TestExprDifferential seed 920003)
statement ok
CREATE TABLE h7pos (id int PRIMARY KEY, a int, s text)

statement ok
INSERT INTO h7pos VALUES (1, 1, 'a'), (2, 2, 'b')

statement error 22023
SELECT position((SELECT s FROM h7pos) IN chr(a - 100)) FROM h7pos WHERE id = 1

statement error 22023
SELECT strpos(chr(a - 100), (SELECT s FROM h7pos)) FROM h7pos WHERE id = 1

statement error 21000
SELECT strpos((SELECT s FROM h7pos), chr(a - 100)) FROM h7pos WHERE id = 1

query
SELECT position(s IN 'xab'), strpos('xab', s), position('' IN s), strpos(NULL, s) FROM h7pos ORDER BY id
----
2|2|1|NULL
3|3|1|NULL
tag: SELECT 2

# ROLLBACK TO a savepoint puts back the deferred checks SET CONSTRAINTS ... IMMEDIATE ran
# since it (PostgreSQL un-fires them): drove failed the slice of its queue, killing the
# session (TestDMLDifferential seed 920004)
statement ok
CREATE TABLE h7dp (id int PRIMARY KEY)

statement ok
CREATE TABLE h7dc (id int PRIMARY KEY, p int REFERENCES h7dp DEFERRABLE INITIALLY DEFERRED)

statement ok
BEGIN

statement ok
INSERT INTO h7dc VALUES (1, 5)

statement ok
SAVEPOINT s

statement ok
INSERT INTO h7dp VALUES (5)

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement ok
ROLLBACK TO s

statement error 23503
COMMIT

query
SELECT count(*) FROM h7dc
----
0
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO h7dc VALUES (2, 6)

statement ok
SAVEPOINT s

statement ok
INSERT INTO h7dp VALUES (6)

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement ok
RELEASE s

statement ok
SAVEPOINT t

statement error 23503
INSERT INTO h7dc VALUES (3, 7)

statement ok
ROLLBACK TO t

statement ok
COMMIT

query
SELECT * FROM h7dc ORDER BY id
----
2|6
tag: SELECT 1

# an ordering comparison of rows is PostgreSQL's RowCompareExpr: never a constant while
# planning (it decides no branch), and computed pair by pair, a NULL pair ending it
# (TestExprDifferential seed 950031, with row orderings in its generator)
statement error 22023
SELECT CASE WHEN false THEN '-9223372036854775808'::bigint WHEN ((true, 'a''b') < (true, NULL::text)) THEN CAST('{"b": 1, "a": 2, "aa": [3]}'::jsonb AS bigint) END

statement error 22P02
SELECT CASE WHEN (('1.5'::text, 100) >= ('  pad  '::text, 10)) THEN 'ABC' ELSE jsonb_typeof(CAST('Hello World'::text AS jsonb)) END

statement error 22012
SELECT CASE WHEN (1, 2) < (3, 4) THEN 1 ELSE 1/0 END

query
SELECT CASE WHEN (1) < (3) THEN 1 ELSE 1/0 END, CASE WHEN (1, 2) = (1, 2) THEN 1 ELSE 1/0 END, (1, 2) < (3, 4), (1, NULL) <= (1, 2), (2, 1) > (1, NULL), ('a', 1) >= ('a', 1)
----
1|1|t|NULL|t|t
tag: SELECT 1

statement ok
CREATE TABLE h7ord (id int PRIMARY KEY, o boolean, a int, j jsonb)

statement ok
INSERT INTO h7ord VALUES (1, NULL, 1, '[1]'), (2, true, 2, '2'), (3, false, NULL, '"x"')

query
SELECT id, (o, a) >= (true, CAST(j AS int)) FROM h7ord WHERE id = 1
----
1|NULL
tag: SELECT 1

query
SELECT id, (o, a) >= (true, CAST(j AS int)) FROM h7ord WHERE id = 3
----
3|f
tag: SELECT 1

query
SELECT id, (a, o) > (1, false), (a, id, o) <= (2, 2, true) FROM h7ord ORDER BY id
----
1|NULL|t
2|t|t
3|NULL|NULL
tag: SELECT 3
