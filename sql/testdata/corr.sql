# corr: a filter tests its top-level AND terms cheapest first, as PostgreSQL's
# order_qual_clauses (equal costs: equivalence-class equalities after the other terms).
statement ok
CREATE TABLE corr_q (a int, b int, s text)

statement ok
INSERT INTO corr_q VALUES (NULL, 0, 'x'), (5, 0, 'y')

query
SELECT * FROM corr_q WHERE 1/b = 1 AND a > 10
----
tag: SELECT 0

statement error 22012
SELECT * FROM corr_q WHERE a/b > 0 AND a > 1

query
SELECT * FROM corr_q WHERE abs(1/b) = 1 AND s = 'z'
----
tag: SELECT 0

statement error 22012
SELECT * FROM corr_q WHERE 1/b = 1 AND a::text = '7'

query
SELECT * FROM corr_q WHERE 1/b = 1 AND b IN (1, 2, 3, 4)
----
tag: SELECT 0

query
SELECT * FROM corr_q WHERE 1/b = 1 AND b IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
----
tag: SELECT 0

statement error 22012
SELECT * FROM corr_q WHERE 1/b = 1 AND b IN (1, 2, 3, 4, 5)

query
SELECT * FROM corr_q WHERE 1/b = 1 AND b = ANY ('{1,2,3,4,5,6,7,8,9}')
----
tag: SELECT 0

statement error 22012
SELECT * FROM corr_q x WHERE (SELECT a FROM corr_q y WHERE y.s = x.s) > 100 AND 1/b = 1

query
SELECT * FROM corr_q WHERE 1/b = 1 AND length(s) > 5
----
tag: SELECT 0

statement error 22012
SELECT * FROM corr_q WHERE length(s)/b = 1 AND upper(s) || 'x' = 'a'

query
SELECT * FROM corr_q WHERE a/b = 1 AND a::numeric > 1000
----
tag: SELECT 0

query
SELECT * FROM corr_q WHERE (1/b = 1 AND a > 1) AND a > 10
----
tag: SELECT 0

query
SELECT * FROM corr_q WHERE 1/b = 1 AND coalesce(a, 0) > 100
----
tag: SELECT 0

query
SELECT * FROM corr_q WHERE 1/b = 1 AND a BETWEEN 100 AND 200
----
tag: SELECT 0

query
SELECT a, count(*) FROM corr_q GROUP BY a HAVING 1/min(b) = 1 AND a > 10
----
tag: SELECT 0

query
SELECT count(*) FROM corr_q x JOIN corr_q y ON x.s = y.s AND 1/x.b = 1 AND x.a > 10
----
0
tag: SELECT 1

# corr: a prepared statement's first runs are custom plans, which fold what is computed from
# constants and parameters alone with the parameters' values (1/$1 run with 0 is 22012 even
# when no row is read).
statement ok
CREATE TABLE corr_e (a int)

statement ok
PREPARE corr_p1(int) AS SELECT 1/$1 FROM corr_q WHERE false

statement error 22012
EXECUTE corr_p1(0)

statement ok
PREPARE corr_p2(int) AS SELECT 1/$1 FROM corr_e

statement error 22012
EXECUTE corr_p2(0)

query
EXECUTE corr_p2(1)
----
tag: SELECT 0

statement ok
PREPARE corr_p3(int) AS SELECT CASE WHEN a > 5 THEN 1/$1 END FROM corr_q

statement error 22012
EXECUTE corr_p3(0)

statement ok
PREPARE corr_p4(int) AS SELECT 1 FROM corr_q WHERE false AND 1/$1 = 1

query
EXECUTE corr_p4(0)
----
tag: SELECT 0

statement ok
PREPARE corr_p5(int) AS SELECT CASE WHEN $1 = 0 THEN 0 ELSE 1/$1 END FROM corr_q

query
EXECUTE corr_p5(0)
----
0
0
tag: SELECT 2

statement ok
PREPARE corr_p6(int, int) AS SELECT coalesce($2, 1/$1) FROM corr_q

query
EXECUTE corr_p6(0, 1)
----
1
1
tag: SELECT 2

statement error 22012
EXECUTE corr_p6(0, NULL)

# corr: set operations and VALUES resolve date, timestamp and timestamptz to their common
# type (date to timestamp to timestamptz), as select_common_type.
statement ok
CREATE TABLE corr_ta (ts timestamp)

statement ok
CREATE TABLE corr_tb (d date, tz timestamptz)

statement ok
INSERT INTO corr_ta VALUES ('2020-01-02 03:04:05')

statement ok
INSERT INTO corr_tb VALUES ('2020-01-01', '2020-01-03 00:00:00+00')

statement ok
SET timezone = 'UTC'

query
SELECT ts FROM corr_ta UNION SELECT d FROM corr_tb ORDER BY 1
----
2020-01-01 00:00:00
2020-01-02 03:04:05
tag: SELECT 2

query
SELECT d FROM corr_tb UNION ALL SELECT ts FROM corr_ta ORDER BY 1
----
2020-01-01 00:00:00
2020-01-02 03:04:05
tag: SELECT 2

query
SELECT d FROM corr_tb UNION SELECT tz FROM corr_tb ORDER BY 1
----
2020-01-01 00:00:00+00
2020-01-03 00:00:00+00
tag: SELECT 2

query
SELECT ts FROM corr_ta INTERSECT SELECT d FROM corr_tb
----
tag: SELECT 0

query
SELECT ts FROM corr_ta EXCEPT SELECT tz FROM corr_tb
----
2020-01-02 03:04:05+00
tag: SELECT 1

query
VALUES (date '2020-01-01'), (timestamp '2020-01-01 01:00')
----
2020-01-01 00:00:00
2020-01-01 01:00:00
tag: SELECT 2

query
SELECT NULL UNION SELECT d FROM corr_tb UNION SELECT ts FROM corr_ta ORDER BY 1
----
2020-01-01 00:00:00
2020-01-02 03:04:05
NULL
tag: SELECT 3

statement ok
SET timezone = 'Asia/Tokyo'

query
VALUES (date '2020-01-01'), (timestamptz '2020-01-01 01:00+00')
----
2020-01-01 00:00:00+09
2020-01-01 10:00:00+09
tag: SELECT 2

statement error 42846
SELECT d FROM corr_tb UNION SELECT time '01:00'

statement error 42804
SELECT ts FROM corr_ta UNION SELECT interval '1 day'

statement ok
RESET timezone

# corr: concat, concat_ws, format and quote_literal print a timestamptz in the session's
# TimeZone and DateStyle when the statement runs, not when it was prepared.
statement ok
SET timezone = 'UTC'

statement ok
PREPARE corr_f1 AS SELECT concat(timestamptz '2020-01-01 00:00:00+00'), concat_ws(',', timestamptz '2020-01-01 00:00:00+00', 'x'), format('%s|%L', timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:00+00'), quote_literal(timestamptz '2020-01-01 00:00:00+00'), quote_nullable(timestamptz '2020-01-01 00:00:00+00')

query
EXECUTE corr_f1
----
2020-01-01 00:00:00+00|2020-01-01 00:00:00+00,x|2020-01-01 00:00:00+00|'2020-01-01 00:00:00+00'|'2020-01-01 00:00:00+00'|'2020-01-01 00:00:00+00'
tag: SELECT 1

statement ok
SET timezone = 'Asia/Tokyo'

query
EXECUTE corr_f1
----
2020-01-01 09:00:00+09|2020-01-01 09:00:00+09,x|2020-01-01 09:00:00+09|'2020-01-01 09:00:00+09'|'2020-01-01 09:00:00+09'|'2020-01-01 09:00:00+09'
tag: SELECT 1

statement ok
SET datestyle = 'SQL, MDY'

query
EXECUTE corr_f1
----
01/01/2020 09:00:00 JST|01/01/2020 09:00:00 JST,x|01/01/2020 09:00:00 JST|'01/01/2020 09:00:00 JST'|'01/01/2020 09:00:00 JST'|'01/01/2020 09:00:00 JST'
tag: SELECT 1

statement ok
RESET datestyle

statement ok
PREPARE corr_f2 AS SELECT concat(now()::timestamptz(0)) = now()::timestamptz(0)::text, quote_literal(now()) = quote_literal(now()::text), format('%s', now()) = now()::text, concat_ws('', now()) = now()::text

query
EXECUTE corr_f2
----
t|t|t|t
tag: SELECT 1

statement ok
SET timezone = 'UTC'

query
EXECUTE corr_f2
----
t|t|t|t
tag: SELECT 1

statement ok
RESET timezone
