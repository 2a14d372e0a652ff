# Row-locking clauses (FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE, OF, NOWAIT, SKIP
# LOCKED, several per query) in one session, and PostgreSQL 15's refusals. Two sessions:
# rowlock_test.go.
statement ok
CREATE TABLE rl (id int PRIMARY KEY, v text, done bool)

statement ok
CREATE TABLE rl2 (id int PRIMARY KEY, rl_id int)

statement ok
INSERT INTO rl VALUES (1, 'a', false), (2, 'b', true), (3, 'c', false), (4, 'd', false)

statement ok
INSERT INTO rl2 VALUES (1, 1), (2, 3)

query
SELECT id, v FROM rl ORDER BY id FOR UPDATE
----
1|a
2|b
3|c
4|d
tag: SELECT 4

query
SELECT id FROM rl WHERE NOT done ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
----
1
tag: SELECT 1

query
SELECT id FROM rl WHERE NOT done ORDER BY id DESC LIMIT 2 FOR NO KEY UPDATE NOWAIT
----
4
3
tag: SELECT 2

query
SELECT v FROM rl WHERE id = 2 FOR SHARE
----
b
tag: SELECT 1

query
SELECT v FROM rl x WHERE id >= 3 ORDER BY v FOR KEY SHARE OF x
----
c
d
tag: SELECT 2

query
SELECT id FROM rl x ORDER BY id OFFSET 1 LIMIT 2 FOR SHARE OF x NOWAIT FOR UPDATE OF x SKIP LOCKED
----
2
3
tag: SELECT 2

query
SELECT id FROM rl ORDER BY id LIMIT 1 FOR UPDATE OF rl, rl
----
1
tag: SELECT 1

query
SELECT 1 FOR UPDATE
----
1
tag: SELECT 1

query
SELECT id FROM rl WHERE id IN (SELECT rl_id FROM rl2 FOR UPDATE) ORDER BY id FOR UPDATE
----
1
3
tag: SELECT 2

statement ok
BEGIN

statement ok
UPDATE rl SET v = 'z' WHERE id = 1

query
SELECT id, v FROM rl WHERE id <= 2 ORDER BY id FOR UPDATE NOWAIT
----
1|z
2|b
tag: SELECT 2

statement ok
ROLLBACK

statement error 42P01
SELECT id FROM rl x FOR UPDATE OF rl

statement error 42P01
SELECT 1 FOR UPDATE OF rl

statement error 42P01
SELECT id FROM rl FOR UPDATE FOR SHARE OF nosuch

statement error 42601
SELECT id FROM rl FOR UPDATE OF public.rl

statement error 42601
SELECT id FROM rl FOR UPDATE NOWAIT SKIP LOCKED

statement error 0A000
SELECT count(*) FROM rl FOR UPDATE

statement error 0A000
SELECT DISTINCT v FROM rl FOR SHARE

statement error 0A000
SELECT v FROM rl GROUP BY v FOR NO KEY UPDATE

statement error 0A000
SELECT 1 FROM rl HAVING count(*) > 0 FOR KEY SHARE

statement error 0A000
SELECT row_number() OVER () FROM rl FOR UPDATE

statement error 0A000
SELECT generate_series(1, 2) FROM rl FOR UPDATE

statement error 0A000
SELECT id FROM rl UNION SELECT id FROM rl2 FOR SHARE

statement error 0A000
SELECT id FROM rl ORDER BY count(*) FOR UPDATE
