# SQL cursors: DECLARE, FETCH, MOVE, CLOSE (cursor.go), recorded from PostgreSQL 15.
statement ok
CREATE TABLE cur (k int PRIMARY KEY, v text)

statement ok
INSERT INTO cur SELECT g, 'v' || g FROM generate_series(1, 10) g

# Outside a transaction block a cursor needs WITH HOLD.
query
DECLARE c CURSOR FOR SELECT k FROM cur
----
error 25P01: DECLARE CURSOR can only be used in transaction blocks

query
FETCH NEXT FROM c
----
error 34000: cursor "c" does not exist

query
MOVE 1 IN c
----
error 34000: cursor "c" does not exist

query
CLOSE c
----
error 34000: cursor "c" does not exist

# A cursor read forward: each FETCH form, the tags count the rows.
statement ok
BEGIN

query
DECLARE c NO SCROLL CURSOR FOR SELECT k, v FROM cur ORDER BY k
----
tag: DECLARE CURSOR

query
FETCH c
----
1|v1
tag: FETCH 1

query
FETCH NEXT FROM c
----
2|v2
tag: FETCH 1

query
FETCH 2 IN c
----
3|v3
4|v4
tag: FETCH 2

query
FETCH FORWARD FROM c
----
5|v5
tag: FETCH 1

query
FETCH FORWARD 2 FROM c
----
6|v6
7|v7
tag: FETCH 2

query
MOVE FORWARD 1 IN c
----
tag: MOVE 1

query
FETCH RELATIVE 1 FROM c
----
9|v9
tag: FETCH 1

query
FETCH ALL FROM c
----
10|v10
tag: FETCH 1

query
FETCH NEXT FROM c
----
tag: FETCH 0

query
MOVE NEXT IN c
----
tag: MOVE 0

query
CLOSE c
----
tag: CLOSE CURSOR

query
FETCH c
----
error 34000: cursor "c" does not exist

statement ok
ROLLBACK

# NO SCROLL: going back is refused (and fails the transaction).
statement ok
BEGIN

statement ok
DECLARE c NO SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k

query
FETCH 2 FROM c
----
1
2
tag: FETCH 2

query
FETCH PRIOR FROM c
----
error 55000: cursor can only scan forward

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
DECLARE c NO SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k

query
FETCH ABSOLUTE 3 FROM c
----
3
tag: FETCH 1

query
FETCH ABSOLUTE 5 FROM c
----
5
tag: FETCH 1

query
FETCH FIRST FROM c
----
error 55000: cursor can only scan forward

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
DECLARE c NO SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k

query
MOVE BACKWARD ALL IN c
----
tag: MOVE 0

query
FETCH FORWARD -1 FROM c
----
error 55000: cursor can only scan forward

query
FETCH 1 FROM c
----
error 25P02: current transaction is aborted, commands ignored until end of transaction block

query
FETCH LAST FROM c
----
error 25P02: current transaction is aborted, commands ignored until end of transaction block

statement ok
ROLLBACK

# SCROLL: every direction.
statement ok
BEGIN

statement ok
DECLARE s SCROLL CURSOR FOR SELECT k FROM cur WHERE k <= 5 ORDER BY k

query
MOVE FORWARD ALL IN s
----
tag: MOVE 5

query
FETCH PRIOR FROM s
----
5
tag: FETCH 1

query
MOVE BACKWARD ALL IN s
----
tag: MOVE 4

query
FETCH RELATIVE 0 FROM s
----
tag: FETCH 0

query
FETCH ABSOLUTE -2 FROM s
----
4
tag: FETCH 1

query
FETCH 0 FROM s
----
4
tag: FETCH 1

query
MOVE 0 IN s
----
tag: MOVE 1

query
MOVE ABSOLUTE 0 IN s
----
tag: MOVE 0

query
FETCH 0 FROM s
----
tag: FETCH 0

query
FETCH LAST FROM s
----
5
tag: FETCH 1

query
FETCH FIRST FROM s
----
1
tag: FETCH 1

query
FETCH FORWARD -2 FROM s
----
tag: FETCH 0

query
FETCH ABSOLUTE 2 FROM s
----
2
tag: FETCH 1

query
FETCH RELATIVE 2 FROM s
----
4
tag: FETCH 1

query
FETCH RELATIVE -3 FROM s
----
1
tag: FETCH 1

query
FETCH BACKWARD 1 FROM s
----
tag: FETCH 0

query
FETCH ABSOLUTE 10 FROM s
----
tag: FETCH 0

query
FETCH BACKWARD 2 FROM s
----
5
4
tag: FETCH 2

query
FETCH BACKWARD ALL FROM s
----
3
2
1
tag: FETCH 3

query
FETCH FORWARD ALL FROM s
----
1
2
3
4
5
tag: FETCH 5

query
MOVE BACKWARD 10 IN s
----
tag: MOVE 5

query
MOVE ABSOLUTE 4 IN s
----
tag: MOVE 1

query
FETCH RELATIVE -1 FROM s
----
3
tag: FETCH 1

statement ok
COMMIT

query
FETCH s
----
error 34000: cursor "s" does not exist

# A cursor reads the snapshot of its DECLARE: the transaction's later writes are not seen.
statement ok
BEGIN

statement ok
DECLARE c CURSOR FOR SELECT k, v FROM cur WHERE k <= 3 ORDER BY k

query
FETCH 1 FROM c
----
1|v1
tag: FETCH 1

statement ok
UPDATE cur SET v = 'changed' WHERE k <= 3

statement ok
DELETE FROM cur WHERE k = 3

query
FETCH ALL FROM c
----
2|v2
3|v3
tag: FETCH 2

statement ok
ROLLBACK

# Two cursors read in turns.
statement ok
BEGIN

statement ok
DECLARE a NO SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k

statement ok
DECLARE b SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k DESC

query
FETCH 2 FROM a
----
1
2
tag: FETCH 2

query
FETCH 2 FROM b
----
10
9
tag: FETCH 2

query
FETCH 1 FROM a
----
3
tag: FETCH 1

query
FETCH 1 FROM b
----
8
tag: FETCH 1

query
SELECT name, statement, is_holdable, is_binary, is_scrollable FROM pg_cursors ORDER BY name
----
a|DECLARE a NO SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k|f|f|f
b|DECLARE b SCROLL CURSOR FOR SELECT k FROM cur ORDER BY k DESC|f|f|t
tag: SELECT 2

query
CLOSE ALL
----
tag: CLOSE CURSOR ALL

query
SELECT count(*) FROM pg_cursors
----
0
tag: SELECT 1

statement ok
COMMIT

# Errors: a name in use, a query that writes, an error of the query at FETCH.
statement ok
BEGIN

statement ok
DECLARE c CURSOR FOR SELECT 1

query
DECLARE c CURSOR FOR SELECT 2
----
error 42P03: cursor "c" already exists

statement ok
ROLLBACK

statement ok
BEGIN

query
DECLARE c CURSOR FOR INSERT INTO cur VALUES (100, 'x')
----
error 42601: syntax error at or near "INSERT"

statement ok
ROLLBACK

statement ok
BEGIN

query
DECLARE c CURSOR FOR WITH w AS (INSERT INTO cur VALUES (100, 'x') RETURNING k) SELECT * FROM w
----
error 0A000: DECLARE CURSOR must not contain data-modifying statements in WITH

statement ok
ROLLBACK

statement ok
BEGIN

query
DECLARE c CURSOR FOR SELECT k FROM nosuchtable
----
error 42P01: relation "nosuchtable" does not exist

statement ok
ROLLBACK

statement ok
BEGIN

query
DECLARE c SCROLL NO SCROLL CURSOR FOR SELECT 1
----
error 42P11: cannot specify both SCROLL and NO SCROLL

statement ok
ROLLBACK

statement ok
BEGIN

query
DECLARE c CURSOR FOR SELECT 10 / (g - 3) FROM generate_series(1, 5) g
----
tag: DECLARE CURSOR

query
FETCH 2 FROM c
----
-5
-10
tag: FETCH 2

query
FETCH 1 FROM c
----
error 22012: division by zero

query
FETCH 1 FROM c
----
error 25P02: current transaction is aborted, commands ignored until end of transaction block

statement ok
ROLLBACK

# WITH HOLD: the cursor outlives its COMMIT, not a ROLLBACK.
statement ok
BEGIN

statement ok
DECLARE h NO SCROLL CURSOR WITH HOLD FOR SELECT k FROM cur WHERE k <= 4 ORDER BY k

query
FETCH 1 FROM h
----
1
tag: FETCH 1

statement ok
COMMIT

statement ok
UPDATE cur SET v = 'later' WHERE k = 2

query
FETCH 2 FROM h
----
2
3
tag: FETCH 2

query
SELECT name, is_holdable, is_scrollable FROM pg_cursors
----
h|t|f
tag: SELECT 1

statement ok
BEGIN

query
FETCH ALL FROM h
----
4
tag: FETCH 1

statement ok
ROLLBACK

query
FETCH 1 FROM h
----
tag: FETCH 0

query
CLOSE h
----
tag: CLOSE CURSOR

statement ok
BEGIN

statement ok
DECLARE h CURSOR WITH HOLD FOR SELECT k FROM cur

statement ok
ROLLBACK

query
FETCH h
----
error 34000: cursor "h" does not exist

# WITH HOLD outside a transaction block; a SCROLL one goes back after its COMMIT.
query
DECLARE h SCROLL CURSOR WITH HOLD FOR SELECT k, v FROM cur WHERE k BETWEEN 2 AND 3 ORDER BY k
----
tag: DECLARE CURSOR

query
FETCH ALL FROM h
----
2|later
3|v3
tag: FETCH 2

query
FETCH BACKWARD ALL FROM h
----
3|v3
2|later
tag: FETCH 2

query
CLOSE h
----
tag: CLOSE CURSOR

# A cursor declared after a savepoint goes with ROLLBACK TO it; one declared before stays.
statement ok
BEGIN

statement ok
DECLARE before CURSOR FOR SELECT 1

statement ok
SAVEPOINT sp

statement ok
DECLARE after CURSOR FOR SELECT 2

statement ok
ROLLBACK TO SAVEPOINT sp

query
FETCH before
----
1
tag: FETCH 1

query
FETCH after
----
error 34000: cursor "after" does not exist

statement ok
ROLLBACK

# Syntax.
query
FETCH FORWARD x FROM c
----
error 42601: syntax error at or near "FROM"

query
CLOSE
----
error 42601: syntax error at end of input
