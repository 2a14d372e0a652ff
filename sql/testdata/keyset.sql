# Keyset pagination over an ordered index, as PostgreSQL 15 runs it: the index is read from
# the row bound in order and LIMIT stops the scan, so a row after the page is never computed
# (1 / (k1 - 50) fails only for k1 = 50, far past every page here).
statement ok
CREATE TABLE ev (id int PRIMARY KEY, k1 int NOT NULL, k2 int NOT NULL, v text)

statement ok
CREATE INDEX ev_k ON ev (k1, k2)

statement ok
INSERT INTO ev SELECT i, i / 10, i % 10, 'x' || i FROM generate_series(0, 999) AS g(i)

statement ok
ANALYZE ev

query
SELECT k1, k2, v, 1 / (k1 - 50) FROM ev WHERE (k1, k2) > (5, 7) ORDER BY k1, k2 LIMIT 4
----
5|8|x58|0
5|9|x59|0
6|0|x60|0
6|1|x61|0
tag: SELECT 4

query
SELECT k1, k2, v FROM ev WHERE (k1, k2) >= (5, 7) ORDER BY k1, k2 LIMIT 3
----
5|7|x57
5|8|x58
5|9|x59
tag: SELECT 3

query
SELECT k1, k2, 1 / (k1 - 50) FROM ev ORDER BY k1, k2 LIMIT 3
----
0|0|0
0|1|0
0|2|0
tag: SELECT 3

query
SELECT k1, k2, 1 / (k1 - 50) FROM ev WHERE k1 = 7 AND k2 > 4 ORDER BY k2 LIMIT 2
----
7|5|0
7|6|0
tag: SELECT 2

query
SELECT v FROM ev WHERE (k1, k2) > (48, 8) ORDER BY k1, k2 LIMIT 3
----
x489
x490
x491
tag: SELECT 3

query
SELECT k1, k2 FROM ev WHERE (k1, k2) >= (99, 8) ORDER BY k1, k2
----
99|8
99|9
tag: SELECT 2

query
SELECT k1, k2 FROM ev WHERE (k1, k2) < (0, 3) ORDER BY 1, 2
----
0|0
0|1
0|2
tag: SELECT 3

query
SELECT k1, k2 FROM ev WHERE (k1, k2) > (3, 8) AND (k1, k2) <= (4, 1) ORDER BY k1, k2
----
3|9
4|0
4|1
tag: SELECT 3

query
SELECT k1, k2 FROM ev WHERE (k1, k2) > (3, NULL) ORDER BY k1, k2 LIMIT 2
----
4|0
4|1
tag: SELECT 2

query
SELECT count(*) FROM ev WHERE (k1, k2) > (97, 5)
----
24
tag: SELECT 1

query
SELECT k1, k2, 1 / (k1 - 50) FROM ev WHERE (k1, k2) < (60, 2) AND (k1, k2) > (50, 5) ORDER BY k1 DESC, k2 DESC LIMIT 4
----
60|1|0
60|0|0
59|9|0
59|8|0
tag: SELECT 4

query
SELECT k1, k2, 1 / (k1 - 50) FROM ev ORDER BY k1 DESC, k2 DESC LIMIT 3
----
99|9|0
99|8|0
99|7|0
tag: SELECT 3

query
SELECT k1, k2 FROM ev WHERE (k1, k2) <= (0, 2) ORDER BY k1 DESC, k2 DESC
----
0|2
0|1
0|0
tag: SELECT 3

query
SELECT k2, v FROM ev WHERE k1 = 42 AND k2 < 6 ORDER BY k2 DESC LIMIT 2
----
5|x425
4|x424
tag: SELECT 2

query
SELECT k1, k2 FROM ev WHERE (k1, k2) > (98, 7) ORDER BY k1 DESC NULLS LAST, k2 DESC
----
99|9
99|8
99|7
99|6
99|5
99|4
99|3
99|2
99|1
99|0
98|9
98|8
tag: SELECT 12

statement ok
BEGIN

statement ok
INSERT INTO ev VALUES (1000, 5, 8, 'new'), (1001, 5, 7, 'eq')

query
SELECT k1, k2, v FROM ev WHERE (k1, k2) > (5, 7) ORDER BY k1, k2, v LIMIT 4
----
5|8|new
5|8|x58
5|9|x59
6|0|x60
tag: SELECT 4

statement ok
ROLLBACK

statement ok
UPDATE ev SET k2 = 10 WHERE id = 58

query
SELECT k1, k2, v FROM ev WHERE (k1, k2) > (5, 7) ORDER BY k1, k2 LIMIT 4
----
5|9|x59
5|10|x58
6|0|x60
6|1|x61
tag: SELECT 4

statement ok
PREPARE page (int, int) AS SELECT k1, k2 FROM ev WHERE (k1, k2) > ($1, $2) ORDER BY k1, k2 LIMIT 3

query
EXECUTE page (9, 9)
----
10|0
10|1
10|2
tag: SELECT 3

query
EXECUTE page (99, 9)
----
tag: SELECT 0
