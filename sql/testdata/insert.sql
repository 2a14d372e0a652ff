statement ok
CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, score double precision DEFAULT 1.5, active boolean DEFAULT true, note varchar(5))

query
INSERT INTO users (id, name) VALUES (1, 'ada')
----
tag: INSERT 0 1

query
INSERT INTO users VALUES (2, 'bob', 3, false, 'hi'), (3, 'cy', NULL, NULL, NULL)
----
tag: INSERT 0 2

query
SELECT * FROM users ORDER BY id
----
1|ada|1.5|t|NULL
2|bob|3|f|hi
3|cy|NULL|NULL|NULL
tag: SELECT 3

statement error 23505
INSERT INTO users (id, name) VALUES (1, 'again')

statement error 23505
INSERT INTO users (id, name) VALUES (10, 'x'), (10, 'y')

query
SELECT count(*) FROM users WHERE id = 10
----
0
tag: SELECT 1

statement error 23502
INSERT INTO users (id) VALUES (4)

statement error 23502
INSERT INTO users (id, name) VALUES (NULL, 'nokey')

statement error 22P02
INSERT INTO users (id, name) VALUES ('abc', 'x')

statement ok
INSERT INTO users (id, name) VALUES ('5', 'quoted int')

statement error 22001
INSERT INTO users (id, name, note) VALUES (6, 'x', 'toolong')

statement ok
INSERT INTO users (id, name, note) VALUES (6, 'x', 'five ')

statement ok
INSERT INTO users (id, name, note) VALUES (7, 'x', 'trim     ')

query
SELECT id, note, length(note) FROM users WHERE id IN (6, 7) ORDER BY id
----
6|five |5
7|trim |5
tag: SELECT 2

statement error 42703
INSERT INTO users (id, nosuch) VALUES (8, 1)

statement error 42701
INSERT INTO users (id, id) VALUES (8, 8)

statement error 42601
INSERT INTO users (id, name) VALUES (8)

statement error 42601
INSERT INTO users (id) VALUES (8, 'a')

statement error 42804
INSERT INTO users (id, name, active) VALUES (8, 'x', 1)

statement ok
INSERT INTO users (id, name, active) VALUES (8, 'x', 'yes'), (9, 'y', 'off')

query
SELECT id, active FROM users WHERE id >= 8 ORDER BY id
----
8|t
9|f
tag: SELECT 2

statement ok
INSERT INTO users (id, name, score) VALUES (11, 'int to double', 7), (12, 'default kw', DEFAULT)

query
SELECT id, score FROM users WHERE id > 10 ORDER BY id
----
11|7
12|1.5
tag: SELECT 2

statement ok
INSERT INTO users (id, name) VALUES (13, 'it''s'), (14, 'back\slash'), (15, E'tab\there')

query
SELECT id, name, length(name) FROM users WHERE id BETWEEN 13 AND 15 ORDER BY id
----
13|it's|4
14|back\slash|10
15|tab	here|8
tag: SELECT 3

statement ok
CREATE TABLE small (k smallint PRIMARY KEY, i int, b bigint)

statement error 22003
INSERT INTO small VALUES (40000, 1, 1)

statement error 22003
INSERT INTO small VALUES (1, 3000000000, 1)

statement ok
INSERT INTO small VALUES (1, 2147483647, 9223372036854775807)

statement ok
INSERT INTO small VALUES (-32768, -2147483648, -9223372036854775807)

statement ok
INSERT INTO small VALUES (2, 2.5, 3.5)

query
SELECT * FROM small ORDER BY k
----
-32768|-2147483648|-9223372036854775807
1|2147483647|9223372036854775807
2|3|4
tag: SELECT 3

statement ok
CREATE TABLE copy_src (id int PRIMARY KEY, name text, n int)

statement ok
INSERT INTO copy_src VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', NULL)

statement ok
CREATE TABLE copy_dst (id bigint PRIMARY KEY, name text DEFAULT 'none', total bigint)

query
INSERT INTO copy_dst SELECT id, name, n * 2 FROM copy_src WHERE id < 3
----
tag: INSERT 0 2

query
INSERT INTO copy_dst (id, total) SELECT id + 10, sum(n) FROM copy_src GROUP BY id
----
tag: INSERT 0 3

query
SELECT * FROM copy_dst ORDER BY id
----
1|a|20
2|b|40
11|none|10
12|none|20
13|none|NULL
tag: SELECT 5

statement error 23505
INSERT INTO copy_dst SELECT id, name, n FROM copy_src

query
SELECT count(*) FROM copy_dst
----
5
tag: SELECT 1

query
INSERT INTO copy_dst SELECT id + 100, name, total FROM copy_dst
----
tag: INSERT 0 5

statement error 42601
INSERT INTO copy_dst (id) SELECT id, name FROM copy_src

statement error 42601
INSERT INTO copy_dst (id, name) SELECT id FROM copy_src

statement error 42804
INSERT INTO copy_dst (id, total) SELECT id, name FROM copy_src

statement ok
CREATE TABLE ret (id int PRIMARY KEY, name text, n int DEFAULT 7)

query
INSERT INTO ret (id, name) VALUES (1, 'a'), (2, 'b') RETURNING id, n, name || '!' AS shout
----
1|7|a!
2|7|b!
tag: INSERT 0 2

query
INSERT INTO ret VALUES (3, 'c', 1) RETURNING *
----
3|c|1
tag: INSERT 0 1

query
UPDATE ret SET n = n + 1 WHERE id = 2 RETURNING id, n
----
2|8
tag: UPDATE 1

query
DELETE FROM ret WHERE id = 1 RETURNING name, ret.n
----
a|7
tag: DELETE 1

query
UPDATE ret SET n = 0 WHERE id = 99 RETURNING id
----
tag: UPDATE 0

query
INSERT INTO ret SELECT id + 10, name, n FROM ret WHERE id = 2 RETURNING id
----
12
tag: INSERT 0 1

statement error 42703
INSERT INTO ret VALUES (4, 'd') RETURNING nosuch

statement error 42803
DELETE FROM ret RETURNING count(*)

query
SELECT * FROM ret ORDER BY id
----
2|b|8
3|c|1
12|b|8
tag: SELECT 3

statement ok
CREATE TABLE kv (k int PRIMARY KEY, v text, hits int DEFAULT 0)

query
INSERT INTO kv VALUES (1, 'a', 1), (2, 'b', 1) ON CONFLICT (k) DO NOTHING
----
tag: INSERT 0 2

query
INSERT INTO kv VALUES (1, 'x', 5), (3, 'c', 1) ON CONFLICT (k) DO NOTHING RETURNING k, v
----
3|c
tag: INSERT 0 1

query
INSERT INTO kv VALUES (1, 'x', 5), (1, 'y', 6) ON CONFLICT DO NOTHING
----
tag: INSERT 0 0

query
INSERT INTO kv (k, v) VALUES (2, 'B'), (4, 'd') ON CONFLICT (k) DO UPDATE SET v = excluded.v, hits = kv.hits + 1 RETURNING *
----
2|B|2
4|d|0
tag: INSERT 0 2

query
INSERT INTO kv VALUES (3, 'C', 9) ON CONFLICT (k) DO UPDATE SET hits = kv.hits + excluded.hits
----
tag: INSERT 0 1

query
SELECT * FROM kv ORDER BY k
----
1|a|1
2|B|2
3|c|10
4|d|0
tag: SELECT 4

statement error 21000
INSERT INTO kv VALUES (5, 'e'), (5, 'f') ON CONFLICT (k) DO UPDATE SET v = excluded.v

statement error 42P10
INSERT INTO kv VALUES (1, 'a') ON CONFLICT (v) DO NOTHING

statement error 42601
INSERT INTO kv VALUES (1, 'a') ON CONFLICT DO UPDATE SET v = 'z'

statement error 42703
INSERT INTO kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET nosuch = 1

query
SELECT count(*) FROM kv
----
4
tag: SELECT 1

# deviation: HerdDB's UPSERT, which PostgreSQL does not have.
query
UPSERT INTO kv VALUES (1, 'one', 100), (9, 'nine', 0)
----
tag: INSERT 0 2

# deviation: the result of the HerdDB-only UPSERT above.
query
SELECT * FROM kv WHERE k IN (1, 9) ORDER BY k
----
1|one|100
9|nine|0
tag: SELECT 2

# INSERT INTO t AS alias: the alias names the existing row in ON CONFLICT DO UPDATE.

statement ok
CREATE TABLE counters (name text PRIMARY KEY, n int)

statement ok
INSERT INTO counters AS c VALUES ('a', 1)

query
INSERT INTO counters AS c VALUES ('a', 5) ON CONFLICT (name) DO UPDATE SET n = c.n + excluded.n RETURNING name, n
----
a|6
tag: INSERT 0 1

query
INSERT INTO counters AS c (name, n) SELECT 'b', 2 RETURNING c.name, c.n
----
b|2
tag: INSERT 0 1
