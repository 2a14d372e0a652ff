# Secondary indexes: lookups and ranges answer as a scan would, unique indexes refuse
# duplicates, and every change keeps them current.

statement ok
CREATE TABLE sbtest (id serial PRIMARY KEY, k int DEFAULT 0, c char(10) NOT NULL DEFAULT '', pad text)

statement ok
INSERT INTO sbtest (k, c, pad) VALUES (5, 'a', 'p1'), (3, 'b', 'p2'), (5, 'c', NULL), (9, 'd', 'p4'), (1, 'e', 'p5'), (NULL::int, 'f', 'p6')

query
CREATE INDEX k_1 ON sbtest (k)
----
tag: CREATE INDEX

query
SELECT id, c FROM sbtest WHERE k = 5 ORDER BY id
----
1|a         
3|c         
tag: SELECT 2

query
SELECT id FROM sbtest WHERE k BETWEEN 2 AND 5 ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM sbtest WHERE k > 3 AND k <= 9 ORDER BY id
----
1
3
4
tag: SELECT 3

query
SELECT id FROM sbtest WHERE 5 < k ORDER BY id
----
4
tag: SELECT 1

query
SELECT count(*) FROM sbtest WHERE k = 4
----
0
tag: SELECT 1

query
SELECT count(*) FROM sbtest WHERE k = 2.5
----
0
tag: SELECT 1

query
SELECT id FROM sbtest WHERE k >= 2.5 ORDER BY id
----
1
2
3
4
tag: SELECT 4

statement ok
UPDATE sbtest SET k = k + 1 WHERE k = 5

query
SELECT id, k FROM sbtest WHERE k IN (5, 6) ORDER BY id
----
1|6
3|6
tag: SELECT 2

query
SELECT id FROM sbtest WHERE k = 6 ORDER BY id
----
1
3
tag: SELECT 2

statement ok
DELETE FROM sbtest WHERE k = 6 AND c = 'a'

query
SELECT id FROM sbtest WHERE k = 6
----
3
tag: SELECT 1

# A transaction sees its own changes through an indexed predicate.

statement ok
BEGIN

statement ok
INSERT INTO sbtest (k, c) VALUES (6, 'new')

query
SELECT c FROM sbtest WHERE k = 6 ORDER BY c
----
c         
new       
tag: SELECT 2

statement ok
ROLLBACK

query
SELECT count(*) FROM sbtest WHERE k = 6
----
1
tag: SELECT 1

# Unique indexes.

statement ok
CREATE TABLE users (id int PRIMARY KEY, email text, team text, seat int)

statement ok
INSERT INTO users VALUES (1, 'a@x', 'red', 1), (2, 'b@x', 'red', 2), (3, NULL, 'blue', 1), (4, NULL, 'blue', 2)

statement ok
CREATE UNIQUE INDEX users_email ON users (email)

statement error 23505
INSERT INTO users VALUES (5, 'a@x', 'green', 1)

statement error 23505
UPDATE users SET email = 'b@x' WHERE id = 1

statement ok
UPDATE users SET email = 'c@x' WHERE id = 1

statement ok
INSERT INTO users VALUES (5, 'a@x', 'green', 1)

query
SELECT id FROM users WHERE email = 'a@x'
----
5
tag: SELECT 1

statement ok
INSERT INTO users VALUES (6, NULL, 'green', 2)

statement error 23505
CREATE UNIQUE INDEX users_team ON users (team)

statement ok
CREATE UNIQUE INDEX users_team_seat ON users (team, seat)

query
SELECT id FROM users WHERE team = 'blue' AND seat = 2
----
4
tag: SELECT 1

query
SELECT id FROM users WHERE team = 'red' ORDER BY id
----
1
2
tag: SELECT 2

statement error 23505
INSERT INTO users VALUES (7, 'z@x', 'red', 2)

# As PostgreSQL, a unique index is checked at each row, which refuses this swap.
statement error 23505
UPDATE users SET seat = 3 - seat WHERE team = 'red'

query
SELECT id, seat FROM users WHERE team = 'red' ORDER BY id
----
1|1
2|2
tag: SELECT 2

statement ok
CREATE INDEX users_team_hash ON users USING hash (team)

query
SELECT count(*) FROM users WHERE team = 'green'
----
2
tag: SELECT 1

statement error 42P07
CREATE INDEX users_email ON users (team)

statement ok
CREATE INDEX IF NOT EXISTS users_email ON users (team)

statement error 42703
CREATE INDEX bad ON users (nope)

statement error 42P01
CREATE INDEX bad ON nope (a)

statement ok
DROP INDEX users_team_hash, users_email

statement error 42704
DROP INDEX users_email

statement ok
DROP INDEX IF EXISTS users_email

statement error 2BP01
DROP INDEX users_pkey

query
INSERT INTO users VALUES (8, 'a@x', 'green', 9) RETURNING id
----
8
tag: INSERT 0 1

statement ok
CREATE INDEX ON users (email)

# Indexes go along with ALTER TABLE and TRUNCATE.

statement ok
ALTER TABLE users ADD COLUMN note text

query
SELECT id FROM users WHERE team = 'blue' AND seat = 1
----
3
tag: SELECT 1

statement ok
TRUNCATE users

statement ok
INSERT INTO users VALUES (1, 'a@x', 'blue', 1, NULL)

query
SELECT id FROM users WHERE team = 'blue' AND seat = 1
----
1
tag: SELECT 1

# char(n) compares without its padding, in lookups by key or index too.

statement ok
CREATE TABLE codes (code char(3) PRIMARY KEY, label char(5), n int)

statement ok
INSERT INTO codes VALUES ('ab', 'x', 1), ('abc', 'yy', 2)

statement ok
CREATE INDEX codes_label ON codes (label)

query
SELECT n FROM codes WHERE code = 'ab'
----
1
tag: SELECT 1

query
SELECT n FROM codes WHERE code = 'ab  '
----
1
tag: SELECT 1

query
SELECT count(*) FROM codes WHERE code = 'abcd'
----
0
tag: SELECT 1

query
SELECT n FROM codes WHERE label = 'yy' AND code IN ('abc', 'zz')
----
2
tag: SELECT 1

query
SELECT n FROM codes WHERE label > 'x' ORDER BY n
----
2
tag: SELECT 1

# A range of an integer primary key is read key by key when it is narrow.

statement ok
CREATE TABLE seq (id bigint PRIMARY KEY, v int)

statement ok
INSERT INTO seq VALUES (1, 10), (2, 20), (3, 30), (5, 50), (8, 80), (-3, -30)

query
SELECT id, v FROM seq WHERE id BETWEEN 2 AND 5 ORDER BY id
----
2|20
3|30
5|50
tag: SELECT 3

query
SELECT id FROM seq WHERE id > 1 AND id < 8 AND v <> 30 ORDER BY id
----
2
5
tag: SELECT 2

query
SELECT sum(v) FROM seq WHERE id >= -100000 AND id <= 100000
----
160
tag: SELECT 1

query
SELECT count(*) FROM seq WHERE id BETWEEN 5 AND 2
----
0
tag: SELECT 1

query
SELECT id FROM seq WHERE id BETWEEN 1.5 AND 3 ORDER BY id
----
2
3
tag: SELECT 2

statement ok
BEGIN

statement ok
INSERT INTO seq VALUES (4, 40)

statement ok
DELETE FROM seq WHERE id = 3

query
SELECT id FROM seq WHERE id BETWEEN 2 AND 5 ORDER BY id
----
2
4
5
tag: SELECT 3

query
UPDATE seq SET v = v + 1 WHERE id BETWEEN 4 AND 5
----
tag: UPDATE 2

statement ok
COMMIT

query
SELECT id, v FROM seq WHERE id >= 4 AND id <= 5 ORDER BY id
----
4|41
5|51
tag: SELECT 2
