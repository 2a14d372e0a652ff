statement ok
CREATE TABLE t (id int PRIMARY KEY, r real, d double precision, b boolean, ts timestamp, bin bytea, ch char(3), vc varchar(4))

statement ok
INSERT INTO t VALUES (1, 1.5, 0.1, true, '2024-02-29 13:45:01.5', '\x0001ff', 'ab', 'abcd')

statement ok
INSERT INTO t VALUES (2, -0.25, 1e300, false, '1999-12-31', 'plain', 'xyz', '')

statement ok
INSERT INTO t VALUES (3, 'NaN', '-Infinity', 'f', '2000-01-01T00:00:00', 'a\\b', NULL, NULL)

query
SELECT * FROM t ORDER BY id
----
1|1.5|0.1|t|2024-02-29 13:45:01.5|\x0001ff|ab |abcd
2|-0.25|1e+300|f|1999-12-31 00:00:00|\x706c61696e|xyz|
3|NaN|-Infinity|f|2000-01-01 00:00:00|\x615c62|NULL|NULL
tag: SELECT 3

query
SELECT id FROM t WHERE ts > '2000-01-01' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM t WHERE b ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM t WHERE b IS FALSE ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT id FROM t ORDER BY r DESC
----
3
1
2
tag: SELECT 3

statement error 22007
INSERT INTO t (id, ts) VALUES (4, 'yesterday-ish')

statement error 22P02
INSERT INTO t (id, b) VALUES (4, 'maybe')

statement error 22023
INSERT INTO t (id, bin) VALUES (4, '\xzz')

statement error 22001
INSERT INTO t (id, ch) VALUES (4, 'abcd')

statement ok
CREATE TABLE keys (a text, b bigint, c boolean, PRIMARY KEY (a, b, c))

statement ok
INSERT INTO keys VALUES ('x', 1, true), ('x', 1, false), ('x', -1, true), ('', 0, false)

statement error 23505
INSERT INTO keys VALUES ('x', 1, true)

query
SELECT * FROM keys WHERE a = 'x' AND b = 1 AND c = true
----
x|1|t
tag: SELECT 1

query
SELECT * FROM keys WHERE a = '' AND b = 0 AND c = false
----
|0|f
tag: SELECT 1

query
SELECT * FROM keys ORDER BY a, b, c
----
|0|f
x|-1|t
x|1|f
x|1|t
tag: SELECT 4

statement ok
CREATE TABLE fkey (f double precision PRIMARY KEY, v text)

statement ok
INSERT INTO fkey VALUES (1, 'one'), (-0.5, 'neg'), (2.5, 'two and a half')

query
SELECT v FROM fkey WHERE f = 1
----
one
tag: SELECT 1

query
SELECT v FROM fkey WHERE f = 2.5
----
two and a half
tag: SELECT 1

statement ok
INSERT INTO t (id, ts) VALUES (10, '2024-05-06 07:08:09.123456Z'), (11, '2024-05-06T07:08:09+02:00'), (12, '2024-05-06 07:08:09-05')

query
SELECT id, ts FROM t WHERE id >= 10 ORDER BY id
----
10|2024-05-06 07:08:09.123456
11|2024-05-06 07:08:09
12|2024-05-06 07:08:09
tag: SELECT 3

# bytea || bytea, with an untyped literal on either side, and length of a bytea.
query
SELECT '\x0102'::bytea || '\x03'::bytea, '\x01'::bytea || '\xff', '\x' || '\x0a'::bytea, length('\x010203'::bytea), octet_length('\x0102'::bytea || '\x03'::bytea)
----
\x010203|\x01ff|\x0a|3|3
tag: SELECT 1

query
SELECT '\x01'::bytea || 1
----
error 42883: operator does not exist: bytea || integer
