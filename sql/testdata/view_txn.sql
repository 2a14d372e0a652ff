# View DDL in transaction blocks: CREATE, CREATE OR REPLACE, DROP and ALTER VIEW are undone by
# ROLLBACK and ROLLBACK TO SAVEPOINT and kept by COMMIT, as PostgreSQL 15's.
statement ok
CREATE TABLE t (id int PRIMARY KEY, x int)

statement ok
INSERT INTO t VALUES (1, 10), (2, 20)

statement ok
BEGIN

statement ok
CREATE VIEW v AS SELECT id FROM t

query
SELECT * FROM v ORDER BY 1
----
1
2
tag: SELECT 2

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM v

statement ok
CREATE VIEW v AS SELECT id, x FROM t

statement ok
BEGIN

statement ok
DROP VIEW v

query
SELECT count(*) FROM pg_views WHERE viewname = 'v'
----
0
tag: SELECT 1

statement ok
CREATE VIEW v AS SELECT 'other' AS name

query
SELECT * FROM v
----
other
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT * FROM v ORDER BY 1
----
1|10
2|20
tag: SELECT 2

statement ok
BEGIN

statement ok
CREATE OR REPLACE VIEW v AS SELECT id, x * 2 AS x, 'new' AS tag FROM t

query
SELECT * FROM v ORDER BY 1
----
1|20|new
2|40|new
tag: SELECT 2

statement ok
ROLLBACK

query
SELECT * FROM v ORDER BY 1
----
1|10
2|20
tag: SELECT 2

statement ok
BEGIN

statement ok
ALTER VIEW v RENAME TO w

query
SELECT * FROM w ORDER BY 1
----
1|10
2|20
tag: SELECT 2

query
SELECT viewname FROM pg_views WHERE viewname IN ('v', 'w')
----
w
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT viewname FROM pg_views WHERE viewname IN ('v', 'w')
----
v
tag: SELECT 1

# Savepoints.
statement ok
BEGIN

statement ok
CREATE VIEW a AS SELECT 1 AS one

statement ok
SAVEPOINT s1

statement ok
DROP VIEW a

statement ok
CREATE VIEW b AS SELECT 2 AS two

statement ok
ROLLBACK TO SAVEPOINT s1

query
SELECT * FROM a
----
1
tag: SELECT 1

query
SELECT count(*) FROM pg_views WHERE viewname = 'b'
----
0
tag: SELECT 1

statement ok
CREATE VIEW c AS SELECT 3 AS three

statement ok
SAVEPOINT s2

statement ok
CREATE OR REPLACE VIEW c AS SELECT 3 AS three, 4 AS four

query
SELECT * FROM c
----
3|4
tag: SELECT 1

statement ok
ROLLBACK TO s2

query
SELECT * FROM c
----
3
tag: SELECT 1

statement ok
SAVEPOINT s3

statement error 42P01
SELECT * FROM b

statement ok
ROLLBACK TO s3

statement ok
RELEASE s1

statement ok
COMMIT

query
SELECT viewname FROM pg_views WHERE viewname IN ('a', 'b', 'c') ORDER BY 1
----
a
c
tag: SELECT 2

# Committed DDL stays.
statement ok
BEGIN

statement ok
DROP VIEW a

statement ok
ALTER VIEW c RENAME TO c2

statement ok
COMMIT

query
SELECT viewname FROM pg_views WHERE viewname IN ('a', 'c', 'c2') ORDER BY 1
----
c2
tag: SELECT 1

# Writing through a view created in the transaction, and an error after it.
statement ok
BEGIN

statement ok
CREATE VIEW pos AS SELECT id, x FROM t WHERE x > 0 WITH CHECK OPTION

statement ok
INSERT INTO pos VALUES (3, 30)

query
UPDATE pos SET x = 31 WHERE id = 3 RETURNING *
----
3|31
tag: UPDATE 1

statement error 44000
UPDATE pos SET x = -1 WHERE id = 3

statement ok
ROLLBACK

query
SELECT count(*) FROM t
----
2
tag: SELECT 1

statement error 42P01
SELECT * FROM pos

statement ok
BEGIN

statement ok
CREATE VIEW d1 AS SELECT id FROM t

statement error 2BP01
DROP TABLE t

statement ok
ROLLBACK

query
SELECT count(*) FROM pg_views WHERE viewname = 'd1'
----
0
tag: SELECT 1

# A view dropped with CASCADE in a rolled-back transaction comes back with the view it read.
statement ok
CREATE VIEW e1 AS SELECT id FROM v

statement ok
BEGIN

statement ok
DROP VIEW v CASCADE

query
SELECT count(*) FROM pg_views WHERE viewname IN ('v', 'e1')
----
0
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT * FROM e1 ORDER BY 1
----
1
2
tag: SELECT 2

# DROP TABLE takes effect at once, also in a transaction block, and so do the drops of the
# views CASCADE removes with it: a rollback brings back neither.
statement ok
CREATE TABLE gone (id int PRIMARY KEY)

statement ok
CREATE VIEW gone_v AS SELECT id FROM gone

statement ok
BEGIN

statement ok
DROP TABLE gone CASCADE

statement ok
ROLLBACK

# deviation: PostgreSQL's ROLLBACK undoes DROP TABLE and has both again; drove's does not (docs/sql.md, Transactions)
query
SELECT count(*) FROM pg_views WHERE viewname = 'gone_v'
----
0
tag: SELECT 1
