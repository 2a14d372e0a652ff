statement ok
CREATE TABLE sp (k int PRIMARY KEY, v text)

statement ok
INSERT INTO sp VALUES (1, 'one'), (2, 'two')

# Outside a transaction block savepoint statements are refused, and nothing is left failed.
query
SAVEPOINT a
----
error 25P01: SAVEPOINT can only be used in transaction blocks

query
ROLLBACK TO SAVEPOINT a
----
error 25P01: ROLLBACK TO SAVEPOINT can only be used in transaction blocks

query
RELEASE SAVEPOINT a
----
error 25P01: RELEASE SAVEPOINT can only be used in transaction blocks

query
SELECT count(*) FROM sp
----
2
tag: SELECT 1

# ROLLBACK TO undoes inserts, updates and deletes since the savepoint and keeps it.
statement ok
BEGIN

statement ok
INSERT INTO sp VALUES (3, 'three')

query
SAVEPOINT a
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (4, 'four')

statement ok
UPDATE sp SET v = 'uno' WHERE k = 1

statement ok
DELETE FROM sp WHERE k = 2

query
SELECT k, v FROM sp ORDER BY k
----
1|uno
3|three
4|four
tag: SELECT 3

query
ROLLBACK TO SAVEPOINT a
----
tag: ROLLBACK

query
SELECT k, v FROM sp ORDER BY k
----
1|one
2|two
3|three
tag: SELECT 3

statement ok
UPDATE sp SET v = 'eins' WHERE k = 1

query
ROLLBACK WORK TO a
----
tag: ROLLBACK

query
SELECT k, v FROM sp ORDER BY k
----
1|one
2|two
3|three
tag: SELECT 3

# An error aborts the transaction; ROLLBACK TO a savepoint taken before it recovers it.
query
SAVEPOINT b
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (5, 'five')

statement error 23505
INSERT INTO sp VALUES (1, 'dup')

statement error 25P02
SELECT 1

# RELEASE and SAVEPOINT are refused in an aborted transaction, as any statement but ROLLBACK.
statement error 25P02
RELEASE b

statement error 25P02
SAVEPOINT c

query
ROLLBACK TO b
----
tag: ROLLBACK

query
SELECT k, v FROM sp ORDER BY k
----
1|one
2|two
3|three
tag: SELECT 3

# The key the failed statement's transaction inserted is free again.
statement ok
INSERT INTO sp VALUES (5, 'cinco')

query
COMMIT
----
tag: COMMIT

query
SELECT k, v FROM sp ORDER BY k
----
1|one
2|two
3|three
5|cinco
tag: SELECT 4

# Names repeat: the newest of a name is the one named; RELEASE destroys it and all later ones.
statement ok
BEGIN

query
SAVEPOINT x
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (10, 'a')

query
SAVEPOINT y
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (11, 'b')

query
SAVEPOINT x
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (12, 'c')

query
ROLLBACK TO x
----
tag: ROLLBACK

query
SELECT k FROM sp WHERE k >= 10 ORDER BY k
----
10
11
tag: SELECT 2

query
RELEASE SAVEPOINT x
----
tag: RELEASE

query
ROLLBACK TO x
----
tag: ROLLBACK

query
SELECT k FROM sp WHERE k >= 10 ORDER BY k
----
tag: SELECT 0

# ROLLBACK TO the first x destroyed y, which was taken after it.
statement error 3B001
RELEASE y

statement error 3B001
ROLLBACK TO y

statement error 25P02
SELECT 1

# An unknown name leaves the transaction aborted; a known one recovers it.
statement error 3B001
ROLLBACK TO nosuch

query
ROLLBACK TO x
----
tag: ROLLBACK

query
SELECT k FROM sp WHERE k >= 10 ORDER BY k
----
tag: SELECT 0

query
COMMIT
----
tag: COMMIT

# RELEASE of an unknown name aborts the transaction.
statement ok
BEGIN

statement error 3B001
RELEASE nosuch

query
COMMIT
----
tag: ROLLBACK

# Names are identifiers: folded unless quoted.
statement ok
BEGIN

query
SAVEPOINT "Mixed"
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (20, 'x')

statement error 3B001
ROLLBACK TO Mixed

query
ROLLBACK TO "Mixed"
----
tag: ROLLBACK

query
SAVEPOINT Lower
----
tag: SAVEPOINT

query
RELEASE "lower"
----
tag: RELEASE

query
SELECT count(*) FROM sp WHERE k = 20
----
0
tag: SELECT 1

query
COMMIT
----
tag: COMMIT

# Syntax.
statement ok
BEGIN

statement error 42601
SAVEPOINT

query
ROLLBACK
----
tag: ROLLBACK

statement ok
BEGIN

statement error 42601
SAVEPOINT a b

query
ROLLBACK
----
tag: ROLLBACK

statement ok
BEGIN

statement error 42601
ROLLBACK TO

query
ROLLBACK
----
tag: ROLLBACK

# SET inside a savepoint is undone by ROLLBACK TO and kept by RELEASE.
statement ok
BEGIN

statement ok
SET extra_float_digits = 2

query
SAVEPOINT s
----
tag: SAVEPOINT

statement ok
SET extra_float_digits = 3

statement ok
SET LOCAL statement_timeout = '5s'

query
SHOW extra_float_digits
----
3
tag: SHOW

query
ROLLBACK TO s
----
tag: ROLLBACK

query
SHOW extra_float_digits
----
2
tag: SHOW

query
SHOW statement_timeout
----
0
tag: SHOW

statement ok
SET extra_float_digits = 3

query
RELEASE s
----
tag: RELEASE

query
COMMIT
----
tag: COMMIT

query
SHOW extra_float_digits
----
3
tag: SHOW

statement ok
RESET extra_float_digits

# The isolation level cannot change inside a savepoint.
statement ok
BEGIN

query
SAVEPOINT s
----
tag: SAVEPOINT

statement error 25001
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ

query
ROLLBACK
----
tag: ROLLBACK

# A REPEATABLE READ transaction keeps its snapshot across ROLLBACK TO.
statement ok
BEGIN ISOLATION LEVEL REPEATABLE READ

query
SELECT count(*) FROM sp
----
4
tag: SELECT 1

query
SAVEPOINT s
----
tag: SAVEPOINT

statement ok
INSERT INTO sp VALUES (30, 'x')

query
ROLLBACK TO SAVEPOINT s
----
tag: ROLLBACK

query
SELECT count(*) FROM sp
----
4
tag: SELECT 1

query
COMMIT
----
tag: COMMIT

# TRUNCATE after a savepoint is undone by ROLLBACK TO.
statement ok
BEGIN

query
SAVEPOINT t
----
tag: SAVEPOINT

statement ok
TRUNCATE sp

query
SELECT count(*) FROM sp
----
0
tag: SELECT 1

query
ROLLBACK TO t
----
tag: ROLLBACK

query
SELECT count(*) FROM sp
----
4
tag: SELECT 1

query
COMMIT
----
tag: COMMIT

# Savepoints end with the transaction.
statement ok
BEGIN

query
SAVEPOINT s
----
tag: SAVEPOINT

query
COMMIT
----
tag: COMMIT

statement ok
BEGIN

statement error 3B001
ROLLBACK TO s

query
ROLLBACK
----
tag: ROLLBACK
