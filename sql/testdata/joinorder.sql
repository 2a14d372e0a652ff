# Join ordering (issue 16): many-table inner joins the planner reorders, with NULLs and
# duplicates in the join keys, outer joins among them and conditions over several tables.
# Every query orders its rows completely, so the order of joining cannot show.
statement ok
CREATE TABLE m1 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m1 VALUES (1, 1, 2, 'm1.1'), (2, 2, 2, 'm1.2'), (3, 2, 1, 'm1.3'), (4, 2, NULL, 'm1.4'), (5, 2, 2, 'm1.5'), (6, 1, 1, 'm1.6')

statement ok
CREATE TABLE m2 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m2 VALUES (1, NULL, 2, 'm2.1'), (2, 1, 2, 'm2.2'), (3, 4, 1, 'm2.3'), (4, 4, 3, 'm2.4'), (5, 1, NULL, 'm2.5'), (6, 1, 3, 'm2.6')

statement ok
CREATE TABLE m3 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m3 VALUES (1, 1, NULL, 'm3.1'), (2, 1, 3, 'm3.2'), (3, 4, NULL, 'm3.3'), (4, 2, 2, 'm3.4'), (5, 3, 2, 'm3.5'), (6, 1, 2, 'm3.6')

statement ok
CREATE TABLE m4 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m4 VALUES (1, 1, 2, 'm4.1'), (2, 2, NULL, 'm4.2'), (3, 1, 2, 'm4.3'), (4, 2, 3, 'm4.4'), (5, 4, 1, 'm4.5'), (6, 3, 2, 'm4.6')

statement ok
CREATE TABLE m5 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m5 VALUES (1, 3, NULL, 'm5.1'), (2, 1, NULL, 'm5.2'), (3, NULL, 3, 'm5.3'), (4, 1, 1, 'm5.4'), (5, 2, 1, 'm5.5'), (6, 1, 2, 'm5.6')

statement ok
CREATE TABLE m6 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m6 VALUES (1, 1, 2, 'm6.1'), (2, 2, NULL, 'm6.2'), (3, 1, 2, 'm6.3'), (4, 4, NULL, 'm6.4'), (5, 2, 2, 'm6.5'), (6, NULL, 2, 'm6.6')

statement ok
CREATE TABLE m7 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m7 VALUES (1, 4, NULL, 'm7.1'), (2, 2, 3, 'm7.2'), (3, NULL, 2, 'm7.3'), (4, 4, NULL, 'm7.4'), (5, 1, 1, 'm7.5'), (6, 2, 2, 'm7.6')

statement ok
CREATE TABLE m8 (id int PRIMARY KEY, k int, n int, s text)

statement ok
INSERT INTO m8 VALUES (1, NULL, 3, 'm8.1'), (2, NULL, 2, 'm8.2'), (3, 3, 2, 'm8.3'), (4, 2, 3, 'm8.4'), (5, 4, NULL, 'm8.5'), (6, 1, 2, 'm8.6')

query
SELECT m1.s, m2.s, m3.s, m4.s, m5.s, m6.s, m7.s, m8.s FROM m1, m3, m5, m7, m2, m4, m6, m8 WHERE m1.k = m2.id AND m2.k = m3.id AND m3.k = m4.id AND m4.k = m5.id AND m5.k = m6.id AND m6.k = m7.id AND m7.k = m8.id ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
----
m1.2|m2.2|m3.1|m4.1|m5.1|m6.3|m7.1|m8.4
m1.3|m2.2|m3.1|m4.1|m5.1|m6.3|m7.1|m8.4
m1.4|m2.2|m3.1|m4.1|m5.1|m6.3|m7.1|m8.4
m1.5|m2.2|m3.1|m4.1|m5.1|m6.3|m7.1|m8.4
tag: SELECT 4

query
SELECT m1.id, m2.id, m3.id, m4.id FROM m4, m1, m3, m2 WHERE m1.n = m2.n AND m3.k = m2.k AND m4.n = m3.n AND m1.id <= 3 ORDER BY 1, 2, 3, 4
----
1|2|2|4
1|2|6|1
1|2|6|3
1|2|6|6
2|2|2|4
2|2|6|1
2|2|6|3
2|2|6|6
tag: SELECT 8

query
SELECT count(*), count(m1.n), sum(m2.id), max(m3.s) FROM m1, m2, m3, m4, m5 WHERE m1.n = m2.n AND m2.n = m3.n AND m3.k = m4.k AND m4.n = m5.n
----
24|24|36|m3.6
tag: SELECT 1

query
SELECT m1.s, m2.s, m3.s, m4.s, m5.s, m6.s FROM m1 JOIN m2 ON m1.id = m2.k JOIN m3 ON m2.k = m3.id JOIN m4 ON m3.k = m4.id JOIN m5 ON m4.k = m5.id JOIN m6 ON m5.k = m6.id WHERE m6.id = 1 ORDER BY 1, 2, 3, 4, 5, 6
----
m1.4|m2.3|m3.4|m4.2|m5.2|m6.1
m1.4|m2.4|m3.4|m4.2|m5.2|m6.1
tag: SELECT 2

query
SELECT m1.id, m2.id, m3.id, m4.id, m5.id FROM m1 JOIN m2 ON m1.k = m2.id LEFT JOIN m3 ON m3.n = m2.n AND m3.id > 2 JOIN m4 ON m4.k = m1.k JOIN m5 ON m5.id = m4.n ORDER BY 1, 2, 3, 4, 5
----
1|1|4|1|2
1|1|4|3|2
1|1|5|1|2
1|1|5|3|2
1|1|6|1|2
1|1|6|3|2
2|2|4|4|3
2|2|5|4|3
2|2|6|4|3
3|2|4|4|3
3|2|5|4|3
3|2|6|4|3
4|2|4|4|3
4|2|5|4|3
4|2|6|4|3
5|2|4|4|3
5|2|5|4|3
5|2|6|4|3
6|1|4|1|2
6|1|4|3|2
6|1|5|1|2
6|1|5|3|2
6|1|6|1|2
6|1|6|3|2
tag: SELECT 24

query
SELECT m1.id, m2.id, m3.id, m4.id FROM m4, m1 LEFT JOIN m2 ON m2.k = m1.id, m3 WHERE m3.id = m1.k AND m4.id = m3.n ORDER BY 1, 2, 3, 4
----
2|NULL|2|3
3|NULL|2|3
4|3|2|3
4|4|2|3
5|NULL|2|3
tag: SELECT 5

query
SELECT m1.id, m2.id, m3.id, m4.id FROM m1 RIGHT JOIN m2 ON m1.k = m2.id, m3, m4 WHERE m3.k = m2.id AND m4.n = m3.n AND m4.id < 4 ORDER BY 1, 2, 3, 4
----
1|1|6|1
1|1|6|3
2|2|4|1
2|2|4|3
3|2|4|1
3|2|4|3
4|2|4|1
4|2|4|3
5|2|4|1
5|2|4|3
6|1|6|1
6|1|6|3
NULL|3|5|1
NULL|3|5|3
tag: SELECT 14

query
SELECT m1.id, m2.id, m3.id, m4.id, m5.id FROM m1 FULL JOIN m2 ON m1.k = m2.id JOIN m3 ON m3.id = m2.n JOIN m4 ON m4.k = m3.k, m5 WHERE m5.n = m4.n ORDER BY 1, 2, 3, 4, 5
----
1|1|2|1|6
1|1|2|3|6
2|2|2|1|6
2|2|2|3|6
3|2|2|1|6
3|2|2|3|6
4|2|2|1|6
4|2|2|3|6
5|2|2|1|6
5|2|2|3|6
6|1|2|1|6
6|1|2|3|6
NULL|3|1|1|6
NULL|3|1|3|6
NULL|4|3|5|4
NULL|4|3|5|5
NULL|6|3|5|4
NULL|6|3|5|5
tag: SELECT 18

query
SELECT m1.id, m2.id, m3.id, m4.id FROM m1 LEFT JOIN m2 ON m2.k = m1.id, m3, m4 WHERE m3.id = m1.n AND m4.k = m3.k AND m2.id IS NULL ORDER BY 1, 2, 3, 4
----
2|NULL|2|1
2|NULL|2|3
3|NULL|1|1
3|NULL|1|3
5|NULL|2|1
5|NULL|2|3
6|NULL|1|1
6|NULL|1|3
tag: SELECT 8

query
SELECT m1.id, m2.id, m3.id, m4.id FROM m3, m1, m4, m2 WHERE m1.k = m2.id AND m2.n = m3.n AND m1.n + m2.n = m4.id AND m3.id <= m4.id + 2 ORDER BY 1, 2, 3, 4
----
1|1|4|4
1|1|5|4
1|1|6|4
2|2|4|4
2|2|5|4
2|2|6|4
3|2|4|3
3|2|5|3
5|2|4|4
5|2|5|4
5|2|6|4
6|1|4|3
6|1|5|3
tag: SELECT 13

query
SELECT m1.id, m2.id, m3.id FROM m1, m2, m3 WHERE (m1.k = m2.k OR m1.n = m3.n) AND m2.id = m3.id AND m1.id < 3 ORDER BY 1, 2, 3
----
1|2|2
1|4|4
1|5|5
1|6|6
2|4|4
2|5|5
2|6|6
tag: SELECT 7

query
SELECT * FROM m1 JOIN m2 USING (id) JOIN m3 USING (id), m4 WHERE m4.id = m3.k AND m4.id = m1.k ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
----
1|1|2|m1.1|NULL|2|m2.1|1|NULL|m3.1|1|1|2|m4.1
4|2|NULL|m1.4|4|3|m2.4|2|2|m3.4|2|2|NULL|m4.2
6|1|1|m1.6|1|3|m2.6|1|2|m3.6|1|1|2|m4.1
tag: SELECT 3

query
SELECT * FROM m2, m1, m3 WHERE m1.k = m2.id AND m3.id = m2.id AND m1.id = 1 ORDER BY m1.id, m2.id, m3.id
----
1|NULL|2|m2.1|1|1|2|m1.1|1|1|NULL|m3.1
tag: SELECT 1

query
SELECT m1.id, m2.id, m3.id FROM m3, m1, m2 WHERE m1.k = m2.id AND m2.k = m3.id AND EXISTS (SELECT 1 FROM m4 WHERE m4.id = m3.k) ORDER BY 1, 2, 3
----
2|2|1
3|2|1
4|2|1
5|2|1
tag: SELECT 4

query
WITH w AS (SELECT k, count(*) AS c FROM m5 GROUP BY k) SELECT m1.id, d.id, w.c FROM m1, (SELECT id, n FROM m2 WHERE n IS NOT NULL) d, w, m3 WHERE d.id = m1.k AND w.k = m1.k AND m3.id = d.n ORDER BY 1, 2, 3
----
1|1|3
2|2|1
3|2|1
4|2|1
5|2|1
6|1|3
tag: SELECT 6

query
SELECT count(*) FROM m1, m2, m3, m5 WHERE m1.k = m2.id AND m2.k = m3.id
----
24
tag: SELECT 1

# Lookup joins (a table read by primary key for each row of the other side) compare as the
# condition does: keys from other integer widths, floats, varchar; char(n) against a text key
# compares without its padding, which no stored key has, so that join hashes instead.
statement ok
CREATE TABLE ki (id int PRIMARY KEY, w text)

statement ok
INSERT INTO ki SELECT g, 'k' || g FROM generate_series(1, 300) g

statement ok
CREATE TABLE kt (k text PRIMARY KEY, v int)

statement ok
INSERT INTO kt SELECT 'k' || g, g FROM generate_series(1, 300) g

statement ok
INSERT INTO kt VALUES ('a', -1), ('b ', -2)

statement ok
CREATE TABLE kc (id int PRIMARY KEY, c char(3), f float8, i8 bigint, vc varchar(5))

statement ok
INSERT INTO kc VALUES (1, 'a', 1.0, 1, 'a'), (2, 'b', 2.5, 2, 'b '), (3, NULL, NULL, NULL, NULL), (4, 'k4', 4, 4000000000, 'k4')

query
SELECT kc.id, ki.w FROM kc JOIN ki ON ki.id = kc.f ORDER BY 1
----
1|k1
4|k4
tag: SELECT 2

query
SELECT kc.id, ki.w FROM kc JOIN ki ON ki.id = kc.i8 ORDER BY 1
----
1|k1
2|k2
tag: SELECT 2

query
SELECT kc.id, kt.v FROM kc JOIN kt ON kt.k = kc.c ORDER BY 1
----
1|-1
4|4
tag: SELECT 2

query
SELECT kc.id, kt.v FROM kc JOIN kt ON kt.k = kc.vc ORDER BY 1
----
1|-1
2|-2
4|4
tag: SELECT 3

query
SELECT kc.id, ki.w, kt.v FROM kt, kc, ki WHERE ki.id = kc.id AND kt.k = ki.w ORDER BY 1
----
1|k1|1
2|k2|2
3|k3|3
4|k4|4
tag: SELECT 4
