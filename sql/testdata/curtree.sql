# PREPARE, EXECUTE, DEALLOCATE, DECLARE, FETCH, MOVE and CLOSE read by sql/parser
# (command_tree.go), their statement the tree's; where the tree's answer differs from the
# dialect pass's, PostgreSQL 15's is the one recorded here.
statement ok
CREATE TABLE ct (a int PRIMARY KEY, b text)

statement ok
INSERT INTO ct VALUES (1, 'x'), (2, 'y'), (3, 'z')

# A prepared statement may be named transaction: only PREPARE TRANSACTION 'gid' is
# two-phase commit (0A000 in drove).
statement ok
PREPARE transaction AS SELECT count(*) FROM ct

query
EXECUTE transaction
----
3
tag: SELECT 1

statement ok
DEALLOCATE transaction

statement ok
PREPARE ps AS SELECT a FROM ct WHERE a >= $1 ORDER BY a USING OPERATOR(pg_catalog.>)

query
EXECUTE ps (2)
----
3
2
tag: SELECT 2

# The prepared statement re-reads its statement when run again after a DEALLOCATE.
statement ok
DEALLOCATE ps; PREPARE ps AS SELECT b FROM ct WHERE a = $1

query
EXECUTE ps (3)
----
z
tag: SELECT 1

statement ok
PREPARE pi (int, text) AS INSERT INTO ct VALUES ($1, $2) RETURNING a

query
EXECUTE pi (4, 'w')
----
4
tag: INSERT 0 1

statement error 42601
EXECUTE pi (5 AS a, 'v')

statement error 42601
PREPARE bad AS CREATE TABLE x (a int)

statement error 42601
DECLARE c CURSOR FOR INSERT INTO ct VALUES (9, 'q')

statement ok
BEGIN

statement ok
DECLARE c CURSOR FOR SELECT a FROM ct ORDER BY a USING OPERATOR(pg_catalog.<) FOR SHARE

query
FETCH 2 FROM c
----
1
2
tag: FETCH 2

query
MOVE FORWARD ALL IN c
----
tag: MOVE 2

statement ok
CLOSE c

statement error 42601
CLOSE c d

statement error 42601
FETCH FORWARD x FROM c

statement ok
ROLLBACK

# PostgreSQL's analysis refuses contradicting options when the DECLARE runs, not when the
# string is parsed: the nextval before it has run.
statement ok
CREATE SEQUENCE cs

statement error 42P11
SELECT nextval('cs'); DECLARE c SCROLL NO SCROLL CURSOR WITH HOLD FOR SELECT 1

statement error 42P11
DECLARE c ASENSITIVE INSENSITIVE CURSOR WITH HOLD FOR SELECT 1

query
SELECT nextval('cs')
----
2
tag: SELECT 1

statement error 0A000
DECLARE c CURSOR WITH HOLD FOR WITH x AS (INSERT INTO ct VALUES (5, 'v') RETURNING a) SELECT * FROM x

statement ok
DECLARE c CURSOR WITH HOLD FOR SELECT a FROM ct ORDER BY a

query
FETCH LAST FROM c
----
4
tag: FETCH 1

query
SELECT name, statement, is_holdable FROM pg_cursors
----
c|DECLARE c CURSOR WITH HOLD FOR SELECT a FROM ct ORDER BY a|t
tag: SELECT 1

statement ok
CLOSE ALL

# PREPARE's SELECT INTO is the dialect pass's (ctas.go).
statement ok
PREPARE pinto AS SELECT 7 AS v INTO ctinto

statement ok
EXECUTE pinto

query
SELECT v FROM ctinto
----
7
tag: SELECT 1
