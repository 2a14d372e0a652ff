# fuzzhunt: a date, a timestamp and a timestamptz of different types meeting outside a
# compiled comparison (hash join keys, IN subqueries and lists, = ANY (array), ANY/ALL
# subqueries, NULLIF) compared their raw encodings: a date (days) never matched a timestamp
# (microseconds), and a timestamp or date against a timestamptz was read as UTC instead of in
# the session's zone. Every block below but the plain comparisons failed on drove before.
statement ok
CREATE TABLE fh_a (id int PRIMARY KEY, k int, ts timestamp)

statement ok
CREATE TABLE fh_b (id int PRIMARY KEY, k int, d date, tz timestamptz)

statement ok
INSERT INTO fh_a VALUES (1, 1, '2024-01-01 10:00'), (2, NULL, '2024-01-01'), (3, 2, NULL), (4, 2, '2023-12-31 23:59:59.5'), (5, 3, '2024-02-29'), (6, 1, '2024-01-01 05:00')

statement ok
INSERT INTO fh_b VALUES (1, 1, '2024-01-01', '2024-01-01 10:00+00'), (2, 2, '2023-12-31', NULL), (3, NULL, NULL, '2024-01-01 00:00+05'), (4, 2, '2024-02-29', '2023-12-31 19:00:00-05')

# date = timestamp: the date is its midnight
query
SELECT a.id, b.id FROM fh_a a JOIN fh_b b ON a.ts = b.d ORDER BY 1, 2
----
2|1
5|4
tag: SELECT 2

query
SELECT a.id, b.id FROM fh_a a LEFT JOIN fh_b b ON b.d = a.ts ORDER BY 1, 2
----
1|NULL
2|1
3|NULL
4|NULL
5|4
6|NULL
tag: SELECT 6

query
SELECT a.id FROM fh_a a WHERE a.ts IN (SELECT d FROM fh_b) ORDER BY 1
----
2
5
tag: SELECT 2

query
SELECT a.id FROM fh_a a WHERE a.ts NOT IN (SELECT d FROM fh_b WHERE d IS NOT NULL) ORDER BY 1
----
1
4
6
tag: SELECT 3

query
SELECT a.id FROM fh_a a WHERE EXISTS (SELECT 1 FROM fh_b b WHERE b.d = a.ts) ORDER BY 1
----
2
5
tag: SELECT 2

query
SELECT a.id FROM fh_a a WHERE (a.ts, a.k) IN (SELECT d, k FROM fh_b) OR (a.ts, 1) IN (SELECT d, 1 FROM fh_b) ORDER BY 1
----
2
5
tag: SELECT 2

query
SELECT b.id, x.id FROM fh_b b JOIN fh_b x ON b.tz = x.d ORDER BY 1, 2
----
4|1
tag: SELECT 1

# against a timestamptz, a timestamp or date is read in the session's zone
statement ok
SET TimeZone = 'America/New_York'

query
SELECT a.id, b.id, a.ts = b.tz FROM fh_a a, fh_b b WHERE a.id IN (1, 2) AND b.id IN (1, 4) ORDER BY 1, 2
----
1|1|f
1|4|f
2|1|f
2|4|f
tag: SELECT 4

query
SELECT a.id, b.id FROM fh_a a JOIN fh_b b ON a.ts = b.tz ORDER BY 1, 2
----
6|1
tag: SELECT 1

query
SELECT a.id FROM fh_a a WHERE a.ts IN (SELECT tz FROM fh_b) ORDER BY 1
----
6
tag: SELECT 1

query
SELECT a.id FROM fh_a a WHERE EXISTS (SELECT 1 FROM fh_b b WHERE b.tz = a.ts) ORDER BY 1
----
6
tag: SELECT 1

query
SELECT a.id FROM fh_a a WHERE (a.ts, a.k) IN (SELECT tz, k FROM fh_b) OR (a.ts, 1) = ANY (SELECT tz, 1 FROM fh_b) ORDER BY 1
----
6
tag: SELECT 1

query
SELECT a.id FROM fh_a a WHERE a.ts = ANY (SELECT tz FROM fh_b) ORDER BY 1
----
6
tag: SELECT 1

query
SELECT a.id FROM fh_a a WHERE a.ts > ALL (SELECT tz FROM fh_b WHERE tz IS NOT NULL) ORDER BY 1
----
1
5
tag: SELECT 2

query
SELECT a.id, b.id FROM fh_a a, fh_b b WHERE a.ts IN (b.tz, NULL) ORDER BY 1, 2
----
6|1
tag: SELECT 1

query
SELECT a.id, b.id FROM fh_a a, fh_b b WHERE b.d IN (a.ts, b.tz) ORDER BY 1, 2
----
2|1
5|4
tag: SELECT 2

query
SELECT a.id, b.id FROM fh_a a, fh_b b WHERE a.ts = ANY (ARRAY[b.tz]) ORDER BY 1, 2
----
6|1
tag: SELECT 1

query
SELECT a.id, b.id FROM fh_a a, fh_b b WHERE NULLIF(a.ts, b.tz) IS NULL AND a.ts IS NOT NULL ORDER BY 1, 2
----
6|1
tag: SELECT 1

query
SELECT b.id FROM fh_b b WHERE b.d IN (SELECT tz FROM fh_b) OR b.d = ANY (SELECT tz + interval '5 hours' FROM fh_b) ORDER BY 1
----
1
tag: SELECT 1

query
SELECT b.id, x.id FROM fh_b b JOIN fh_b x ON b.d = x.tz + interval '5 hours' ORDER BY 1, 2
----
1|4
tag: SELECT 1

# a timestamp or date against a timestamptz reads the zone: a stable operator, which
# PostgreSQL's planner does not compute over constants, so it does compute a failing constant
# in a later CASE branch (drove folded = ANY (array) and NULLIF of such constants, and
# skipped the branch)
statement error 22008
SELECT CASE WHEN TIMESTAMP '2020-01-01 00:00:00' = ANY (ARRAY[TIMESTAMPTZ '2021-03-28 02:30:00+00']) THEN make_date(0, 13, 29) END

statement error 22008
SELECT CASE WHEN NULLIF(DATE '2020-01-01', TIMESTAMPTZ '2020-01-01 00:00:00+00') IS NULL THEN make_date(0, 13, 29) END

query
SELECT CASE WHEN TIMESTAMP '2020-01-01 00:00:00' = ANY (ARRAY[TIMESTAMPTZ '2020-01-01 05:00:00+00']) THEN 1 END, NULLIF(DATE '2020-01-01', TIMESTAMPTZ '2020-01-01 05:00:00+00')
----
1|NULL
tag: SELECT 1

statement ok
RESET TimeZone
