# Silent wrong answers and wrong errors (corra), recorded from PostgreSQL 15.
# A prepared statement is planned with its parameters' values substituted (a custom plan) for
# its first five runs: a CASE arm the values rule out is dropped before it is folded, so its
# 1/0 is no error. The sixth run builds the generic plan, which folds 1/0, and fails, as does
# every later one.
statement ok
PREPARE corra_r(bool) AS SELECT CASE WHEN $1 THEN 1/0 END

query
EXECUTE corra_r(false)
----
NULL
tag: SELECT 1

statement error 22012
EXECUTE corra_r(true)

query
EXECUTE corra_r(NULL)
----
NULL
tag: SELECT 1

query
EXECUTE corra_r(false)
----
NULL
tag: SELECT 1

query
EXECUTE corra_r(false)
----
NULL
tag: SELECT 1

query
EXECUTE corra_r(false)
----
NULL
tag: SELECT 1

statement error 22012
EXECUTE corra_r(false)

statement error 22012
EXECUTE corra_r(false)

statement ok
PREPARE corra_r2(int) AS SELECT CASE WHEN $1 > 0 THEN 1/0 ELSE 5 END, coalesce($1, 1/0), CASE $1 WHEN 1 THEN 1/0 ELSE 2 END

query
EXECUTE corra_r2(0)
----
5|0|2
tag: SELECT 1

statement error 22012
EXECUTE corra_r2(1)

statement ok
SET plan_cache_mode = force_generic_plan

statement error 22012
EXECUTE corra_r2(0)

statement ok
SET plan_cache_mode = force_custom_plan

query
EXECUTE corra_r2(0)
----
5|0|2
tag: SELECT 1

statement ok
RESET plan_cache_mode

# A condition that reads a column is no constant: the arm is folded, and fails, when the
# statement is planned, even over an empty table.
statement ok
CREATE TABLE corra_e (col int)

statement error 22012
SELECT CASE WHEN col > 0 THEN 1/0 END FROM corra_e

statement ok
PREPARE corra_r3 AS SELECT CASE WHEN col > 0 THEN 1/0 END FROM corra_e

statement error 22012
EXECUTE corra_r3

statement ok
DEALLOCATE ALL

# A strict function or operator with a NULL constant argument is the NULL constant, and its
# other arguments are dropped before the subqueries in them are planned, so a constant that
# fails to fold inside one is no error. A non-strict one (concat, coalesce, greatest, IS
# DISTINCT FROM, array_append) keeps its subquery, which fails.
query
SELECT (SELECT make_time(25,60,0)) - NULL::interval, (SELECT make_time(25,60,0)) + NULL::interval, (SELECT make_time(25,60,0)) < NULL::time, (SELECT 1/0) = NULL
----
NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT (SELECT 1/0) + NULL, (SELECT 1/0) || NULL::text, NULL || (SELECT 1/0)::text, abs((SELECT 1/0)) + NULL, -(SELECT 1/0) + NULL
----
NULL|NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT power((SELECT 1/0), NULL), substr((SELECT 1/0)::text, 1, NULL), replace((SELECT 1/0)::text, NULL, 'a'), round((SELECT 1/0)::numeric, NULL), array_length(ARRAY[(SELECT 1/0)], NULL)
----
NULL|NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT date_trunc(NULL, (SELECT now() + (1/0) * interval '1 day')), to_char((SELECT 1/0), NULL), position(NULL in (SELECT 1/0)::text), make_time((SELECT 1/0), NULL, 0)
----
NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT (SELECT 1/0) IN (NULL), (SELECT 1/0) NOT IN (NULL), (SELECT (SELECT 1/0) + NULL), coalesce((SELECT 1/0), 1) * NULL
----
NULL|NULL|NULL|NULL
tag: SELECT 1

statement error 22012
SELECT (SELECT 1/0) IN (NULL, 1)

statement error 22012
SELECT (SELECT 1/0) NOT IN (NULL, NULL)

statement error 22012
SELECT (SELECT 1/0) NOT IN (NULL, NULL)

statement error 22012
SELECT concat((SELECT 1/0), NULL)

statement error 22012
SELECT coalesce(NULL, (SELECT 1/0))

statement error 22012
SELECT greatest((SELECT 1/0), NULL)

statement error 22012
SELECT (SELECT 1/0) IS DISTINCT FROM NULL

statement error 22012
SELECT array_append(ARRAY[(SELECT 1/0)], NULL)

statement error 22012
SELECT ARRAY[(SELECT 1/0)] || NULL::int

statement error 22012
SELECT 1/0 + NULL

statement error 22008
SELECT (SELECT make_time(25,0,1.5)) IS DISTINCT FROM ((SELECT make_time(25,60,0)) - NULL::interval)

# The planner folds the subquery's constants when the statement is planned, even if it never
# runs.
statement error 22012
SELECT (SELECT 1/0) FROM corra_e

statement ok
PREPARE corra_s(int) AS SELECT (SELECT 1/0) + $1

query
EXECUTE corra_s(NULL)
----
NULL
tag: SELECT 1

statement error 22012
EXECUTE corra_s(1)

statement ok
DEALLOCATE corra_s

# current_time(0) and its kin round the transaction's start to whole seconds, as any
# precision p rounds to p digits (0 is a precision, not its absence).
statement ok
BEGIN

query
SELECT extract(microseconds FROM localtime(0))::bigint % 1000000, extract(microseconds FROM current_time(0))::bigint % 1000000, extract(microseconds FROM current_timestamp(0))::bigint % 1000000, extract(microseconds FROM localtimestamp(0))::bigint % 1000000, extract(microseconds FROM localtimestamp(1))::bigint % 100000
----
0|0|0|0|0
tag: SELECT 1

query
SELECT localtimestamp(0) = date_trunc('second', localtimestamp + interval '0.5 second'), localtime(0) = date_trunc('second', localtimestamp + interval '0.5 second')::time, current_timestamp(0) = date_trunc('second', current_timestamp + interval '0.5 second')
----
t|t|t
tag: SELECT 1

statement ok
COMMIT

# A qualified name binds its qualifier to the nearest FROM item of that name, and is an error
# when that item has no such column, though an enclosing query's item of the same name has
# one (PostgreSQL's refnameNamespaceItem never looks further out).
statement ok
CREATE TABLE corra_s5 (x int, y int)

statement ok
CREATE TABLE corra_t5 (x int)

statement ok
INSERT INTO corra_s5 VALUES (1, 2)

statement ok
INSERT INTO corra_t5 VALUES (1)

statement error 42703
SELECT (SELECT s.y FROM corra_t5 s) FROM corra_s5 s

statement error 42703
SELECT * FROM corra_s5 s WHERE EXISTS (SELECT 1 FROM corra_t5 s WHERE s.y = 2)

statement error 42703
SELECT (SELECT corra_s5.y FROM corra_t5 corra_s5) FROM corra_s5

statement error 42703
SELECT (SELECT t.y FROM (SELECT 1 AS x) t) FROM corra_s5 t

query
SELECT (SELECT s.y + u.x FROM corra_t5 u) FROM corra_s5 s
----
3
tag: SELECT 1

# TRUNCATE of a table a deferred constraint's check is still pending on (PostgreSQL's pending
# trigger events) is 55006; once SET CONSTRAINTS ... IMMEDIATE ran them it truncates.
statement ok
CREATE TABLE corra_p6 (k int PRIMARY KEY)

statement ok
CREATE TABLE corra_c6 (k int REFERENCES corra_p6 DEFERRABLE INITIALLY DEFERRED)

statement ok
CREATE TABLE corra_u6 (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)

statement ok
INSERT INTO corra_p6 VALUES (1)

statement ok
BEGIN

statement ok
INSERT INTO corra_c6 VALUES (1)

statement error 55006
TRUNCATE corra_c6

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
INSERT INTO corra_u6 VALUES (1)

statement ok
TRUNCATE corra_p6, corra_u6 CASCADE

statement ok
ROLLBACK

statement ok
INSERT INTO corra_u6 VALUES (1)

statement ok
BEGIN

statement ok
INSERT INTO corra_u6 VALUES (1)

statement error 55006
TRUNCATE corra_u6

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
DELETE FROM corra_u6

statement ok
INSERT INTO corra_u6 VALUES (1), (1)

statement error 23505
SET CONSTRAINTS ALL IMMEDIATE

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
INSERT INTO corra_p6 VALUES (3)

statement ok
INSERT INTO corra_c6 VALUES (3)

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement ok
TRUNCATE corra_c6

statement ok
COMMIT

statement ok
BEGIN

statement ok
INSERT INTO corra_p6 VALUES (2)

statement ok
TRUNCATE corra_c6

statement ok
COMMIT

# A row's foreign key checks come before its deferrable UNIQUE's recheck, whatever the
# constraints' names (PostgreSQL fires RI_ConstraintTrigger_... before
# Unique_ConstraintTrigger), row by row: the first row's duplicate before the second's
# missing parent.
statement ok
CREATE TABLE corra_c7 (k int UNIQUE DEFERRABLE, f int REFERENCES corra_p6)

statement ok
CREATE TABLE corra_c8 (k int, f int REFERENCES corra_p6, CONSTRAINT "A_u" UNIQUE (k) DEFERRABLE)

statement ok
INSERT INTO corra_c7 VALUES (1, 1)

statement ok
INSERT INTO corra_c8 VALUES (1, 1)

statement error 23503
INSERT INTO corra_c7 VALUES (1, 9)

statement error 23503
INSERT INTO corra_c7 VALUES (2, 1), (1, 5)

statement error 23505
INSERT INTO corra_c7 VALUES (1, 1), (3, 5)

statement error 23503
INSERT INTO corra_c8 VALUES (1, 9)

statement error 23503
UPDATE corra_c7 SET k = 1, f = 7 WHERE k = 1

statement ok
CREATE TABLE corra_c9 (k int UNIQUE DEFERRABLE INITIALLY DEFERRED, f int REFERENCES corra_p6 DEFERRABLE INITIALLY DEFERRED)

statement ok
INSERT INTO corra_c9 VALUES (1, 1)

statement ok
BEGIN

statement ok
INSERT INTO corra_c9 VALUES (1, 5)

statement error 23503
COMMIT

# A string constant first in RETURNING, after a string constant that ends the statement's
# other clauses (SET v = 'c' RETURNING 'x'), is no syntax error.
statement ok
CREATE TABLE corra_r8 (k int, v text)

query
INSERT INTO corra_r8 VALUES (1, 'a') RETURNING 'x'
----
x
tag: INSERT 0 1

query
UPDATE corra_r8 SET v = 'c' RETURNING 'x'
----
x
tag: UPDATE 1

query
UPDATE corra_r8 SET v = 'd' RETURNING 'x' AS y, k
----
x|1
tag: UPDATE 1

query
INSERT INTO corra_r8 VALUES (2, 'b') RETURNING 'x', 'y' || k
----
x|y2
tag: INSERT 0 1

query
DELETE FROM corra_r8 WHERE v = 'b' RETURNING 'x'
----
x
tag: DELETE 1

statement error 42601
UPDATE corra_r8 SET v = 'c' 'x'
