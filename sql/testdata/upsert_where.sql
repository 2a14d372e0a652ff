# INSERT ... ON CONFLICT DO UPDATE SET ... WHERE, as PostgreSQL 15.
statement ok
CREATE TABLE kv (k int PRIMARY KEY, v text, n int)

statement ok
INSERT INTO kv VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)

query
INSERT INTO kv VALUES (1, 'x', 10), (2, 'y', 20), (4, 'd', 4) ON CONFLICT (k) DO UPDATE SET v = excluded.v, n = kv.n + excluded.n WHERE kv.n >= 2 RETURNING k, v, n
----
2|y|22
4|d|4
tag: INSERT 0 2

query
SELECT * FROM kv ORDER BY k
----
1|a|1
2|y|22
3|c|3
4|d|4
tag: SELECT 4

query
INSERT INTO kv AS t VALUES (1, 'z', 0), (3, 'w', 0) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE t.v <> excluded.v AND excluded.k = 3 RETURNING *
----
3|w|3
tag: INSERT 0 1

query
INSERT INTO kv VALUES (2, 'q', 0) ON CONFLICT (k) DO UPDATE SET v = 'never' WHERE NULL RETURNING *
----
tag: INSERT 0 0

statement ok
INSERT INTO kv VALUES (1, 'q', 0) ON CONFLICT (k) DO UPDATE SET n = 100 WHERE kv.v = 'a'

query
SELECT * FROM kv ORDER BY k
----
1|a|100
2|y|22
3|w|3
4|d|4
tag: SELECT 4

query
INSERT INTO kv VALUES (5, 'e', 5), (1, 'f', 0) ON CONFLICT (k) DO NOTHING RETURNING k
----
5
tag: INSERT 0 1

statement error 42804
INSERT INTO kv VALUES (1, 'q', 0) ON CONFLICT (k) DO UPDATE SET n = 1 WHERE kv.n

statement error 42703
INSERT INTO kv VALUES (1, 'q', 0) ON CONFLICT (k) DO UPDATE SET n = 1 WHERE nosuch = 1

statement error 42803
INSERT INTO kv VALUES (1, 'q', 0) ON CONFLICT (k) DO UPDATE SET n = 1 WHERE count(*) > 1

statement error 21000
INSERT INTO kv VALUES (6, 'a', 0), (6, 'b', 0) ON CONFLICT (k) DO UPDATE SET n = 9 WHERE kv.n = 0

query
INSERT INTO kv VALUES (7, 'a', 0) ON CONFLICT (k) DO UPDATE SET n = 9 WHERE kv.n = 0 RETURNING n
----
0
tag: INSERT 0 1

query
SELECT * FROM kv ORDER BY k
----
1|a|100
2|y|22
3|w|3
4|d|4
5|e|5
7|a|0
tag: SELECT 6

# DO NOTHING without a conflict target skips a row that any unique constraint refuses, not
# only the primary key; with a target or without ON CONFLICT the row is refused.
statement ok
CREATE TABLE ocu (id int PRIMARY KEY, email text UNIQUE, n int)

statement ok
INSERT INTO ocu VALUES (1, 'a', 1)

query
INSERT INTO ocu VALUES (2, 'a', 2), (3, 'b', 3), (1, 'z', 4) ON CONFLICT DO NOTHING RETURNING id
----
3
tag: INSERT 0 1

statement error 23505
INSERT INTO ocu VALUES (4, 'b', 4) ON CONFLICT (id) DO NOTHING

statement error 23505
INSERT INTO ocu VALUES (4, 'b', 4)

query
SELECT * FROM ocu ORDER BY id
----
1|a|1
3|b|3
tag: SELECT 2
