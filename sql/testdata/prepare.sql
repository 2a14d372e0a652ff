# SQL-level PREPARE, EXECUTE and DEALLOCATE, as PostgreSQL 15 answers.
statement ok
CREATE TABLE t (id int PRIMARY KEY, name text, qty int)

statement ok
INSERT INTO t VALUES (1, 'apple', 10), (2, 'pear', 0), (3, 'plum', 7)

statement ok
PREPARE one AS SELECT 1

query
EXECUTE one
----
1
tag: SELECT 1

statement ok
PREPARE byid (int) AS SELECT name, qty FROM t WHERE id = $1

query
EXECUTE byid (3)
----
plum|7
tag: SELECT 1

query
EXECUTE byid ('2')
----
pear|0
tag: SELECT 1

query
EXECUTE byid (1 + 1)
----
pear|0
tag: SELECT 1

query
EXECUTE byid (NULL)
----
tag: SELECT 0

statement error 22P02
EXECUTE byid ('x')

statement error 42804
EXECUTE byid (true)

statement error 42601
EXECUTE byid

statement error 42601
EXECUTE byid (1, 2)

statement error 42P05
PREPARE byid AS SELECT 2

statement error 26000
EXECUTE nope

statement error 26000
EXECUTE nope (1)

statement error 26000
DEALLOCATE nope

# Parameter types from their use, and several parameters.
statement ok
PREPARE range AS SELECT id FROM t WHERE qty >= $1 AND qty <= $2 ORDER BY id

query
EXECUTE range (1, 10)
----
1
3
tag: SELECT 2

query
EXECUTE range (0, 0)
----
2
tag: SELECT 1

statement ok
PREPARE ins (int, text, int) AS INSERT INTO t VALUES ($1, $2, $3)

statement ok
EXECUTE ins (4, 'fig', 3)

statement ok
PREPARE upd AS UPDATE t SET qty = qty + $1 WHERE id = $2

statement ok
EXECUTE upd (5, 4)

statement ok
PREPARE del AS DELETE FROM t WHERE id = $1 RETURNING name

query
EXECUTE del (4)
----
fig
tag: DELETE 1

query
SELECT count(*) FROM t
----
3
tag: SELECT 1

statement error 42601
PREPARE bad AS CREATE TABLE x (a int)

statement error 42P01
PREPARE bad AS SELECT * FROM nope

statement error 42704
PREPARE bad (nosuchtype) AS SELECT $1

query
SELECT name, from_sql, parameter_types FROM pg_prepared_statements ORDER BY name
----
byid|t|{integer}
del|t|{integer}
ins|t|{integer,text,integer}
one|t|{}
range|t|{integer,integer}
upd|t|{integer,integer}
tag: SELECT 6

query
SELECT statement FROM pg_prepared_statements WHERE name = 'one'
----
PREPARE one AS SELECT 1
tag: SELECT 1

statement ok
DEALLOCATE one

statement ok
DEALLOCATE PREPARE byid

statement error 26000
EXECUTE one

query
SELECT count(*) FROM pg_prepared_statements
----
4
tag: SELECT 1

statement ok
DEALLOCATE ALL

query
SELECT count(*) FROM pg_prepared_statements
----
0
tag: SELECT 1

# EXECUTE in a failed transaction, and a statement prepared in a rolled-back one stays.
statement ok
BEGIN

statement ok
PREPARE q AS SELECT 42

statement error 22012
SELECT 1/0

statement error 25P02
EXECUTE q

statement ok
ROLLBACK

query
EXECUTE q
----
42
tag: SELECT 1
