# Date/time answers found wrong by PostgreSQL 15's interval/timestamp/timestamptz/horology
# regression files (recorded from PostgreSQL 15).
# A timestamp or date stored in a timestamptz column is read in the session's TimeZone, on
# every path that assigns a value: INSERT VALUES, INSERT SELECT, UPDATE, UPDATE FROM,
# ON CONFLICT DO UPDATE, EXECUTE's arguments (horology.sql's TEMP_TIMESTAMP).
statement ok
SET TimeZone = 'PST8PDT'

statement ok
CREATE TABLE rt_tz (id int PRIMARY KEY, f1 timestamptz)

statement ok
CREATE TABLE rt_ts (d1 timestamp)

statement ok
INSERT INTO rt_ts VALUES ('1970-01-01 00:00'), ('1996-02-28 17:32:01'), ('2001-09-22 18:19:20')

statement ok
INSERT INTO rt_tz VALUES (1, timestamp '2000-01-01 00:00'), (2, date '2000-01-02')

statement ok
INSERT INTO rt_tz VALUES (3, timestamp '2000-07-01 12:00')

statement ok
INSERT INTO rt_tz SELECT 10 + row_number() OVER (ORDER BY d1), d1 FROM rt_ts WHERE d1 BETWEEN '13-jun-1957' AND '1-jan-2010'

statement ok
UPDATE rt_tz SET f1 = timestamp '2001-01-01 00:00' WHERE id = 1

statement ok
UPDATE rt_tz SET f1 = v.t FROM (VALUES (2, timestamp '2002-02-02 00:00')) v(i, t) WHERE rt_tz.id = v.i

statement ok
INSERT INTO rt_tz VALUES (3, NULL) ON CONFLICT (id) DO UPDATE SET f1 = timestamp '2003-07-04 00:00'

query
SELECT id, f1, f1 AT TIME ZONE 'UTC' FROM rt_tz ORDER BY id
----
1|2001-01-01 00:00:00-08|2001-01-01 08:00:00
2|2002-02-02 00:00:00-08|2002-02-02 08:00:00
3|2003-07-04 00:00:00-07|2003-07-04 07:00:00
11|1970-01-01 00:00:00-08|1970-01-01 08:00:00
12|1996-02-28 17:32:01-08|1996-02-29 01:32:01
13|2001-09-22 18:19:20-07|2001-09-23 01:19:20
tag: SELECT 6

statement ok
PREPARE rt_p(timestamptz) AS SELECT $1, $1 AT TIME ZONE 'UTC'

query
EXECUTE rt_p(timestamp '2004-04-04 00:00')
----
2004-04-04 00:00:00-08|2004-04-04 08:00:00
tag: SELECT 1

statement ok
DEALLOCATE rt_p

# 'allballs' is midnight UTC (PostgreSQL's DTK_ZULU), not midnight in the session's zone.
query
SELECT timestamptz '2001-12-27 allballs', timestamp '2001-12-27 allballs', 'allballs'::timetz, 'allballs'::time
----
2001-12-26 16:00:00-08|2001-12-27 00:00:00|00:00:00+00|00:00:00
tag: SELECT 1

# 'now' and 'today' are the transaction's start in the session's zone: the local date and
# time, the same all through a transaction. Zones +14 and -12 make the local date differ
# from UTC's at any hour.
statement ok
SET TimeZone = 'Pacific/Kiritimati'

query
SELECT 'today'::date = current_date, 'today'::timestamp = date_trunc('day', localtimestamp), 'today'::timestamptz = date_trunc('day', now()), 'tomorrow'::date = current_date + 1, 'yesterday'::date = current_date - 1, 'now'::date = current_date, timestamp 'now' = localtimestamp, 'now'::timestamptz = now()
----
t|t|t|t|t|t|t|t
tag: SELECT 1

statement ok
SET TimeZone = 'Etc/GMT+12'

query
SELECT 'today'::date = current_date, 'today'::timestamp = date_trunc('day', localtimestamp), 'today'::timestamptz = date_trunc('day', now()), 'tomorrow'::date = current_date + 1, 'now'::date = current_date, timestamp 'now' = localtimestamp, timestamp(2) 'now' = localtimestamp(2)
----
t|t|t|t|t|t|t
tag: SELECT 1

statement ok
CREATE TABLE rt_now (d date, t timestamp(2), tz timestamptz)

statement ok
BEGIN

statement ok
INSERT INTO rt_now VALUES ('today', 'now', 'now')

statement ok
SELECT pg_sleep(0.05)

statement ok
INSERT INTO rt_now SELECT 'today', 'now', 'now'

statement ok
SELECT pg_sleep(0.05)

statement ok
INSERT INTO rt_now VALUES (date 'today', timestamp 'now', timestamptz 'now')

query
SELECT count(*), count(DISTINCT t), count(DISTINCT tz), count(*) FILTER (WHERE t = localtimestamp(2) AND tz = now() AND d = current_date) FROM rt_now
----
3|1|1|3
tag: SELECT 1

statement ok
COMMIT

statement ok
RESET TimeZone

# to_timestamp/to_date (horology.sql): MS and US digits are a fraction of a second, so
# fewer digits than the pattern's width are tenths or hundredths.
query
SELECT to_timestamp('2018-11-02 12:34:56.12', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('2018-11-02 12:34:56.1', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('2018-11-02 12:34:56.12', 'YYYY-MM-DD HH24:MI:SS.US'), to_timestamp('2018-11-02 12:34:56.12345', 'YYYY-MM-DD HH24:MI:SS.US')
----
2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.1+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.12345+00
tag: SELECT 1

query
SELECT to_timestamp('2018-11-02 12:34:56.5 12', 'YYYY-MM-DD HH24:MI:SS.MS US'), to_timestamp('20181102123456123', 'YYYYMMDDHH24MISSMS'), to_timestamp('2018110212345612', 'YYYYMMDDHH24MISSUS')
----
2018-11-02 12:34:56.62+00|2018-11-02 12:34:56.123+00|2018-11-02 12:34:56.12+00
tag: SELECT 1

statement error 22008
SELECT to_timestamp('2018-11-02 12:34:56.1234', 'YYYY-MM-DD HH24:MI:SS.MS')

# Without a year the date is in 1 BC.
query
SELECT to_date('5', 'MM'), to_timestamp('10', 'HH24'), to_date('', '')
----
0001-05-01 BC|0001-01-01 10:00:00+00 BC|0001-01-01 BC
tag: SELECT 1

# The template's rest is ignored once the input ends; abutting fields need their width.
query
SELECT to_date('2018', 'YYYY-MM-DD'), to_timestamp('2018-03 ', 'YYYY-MM DD HH24'), to_timestamp('1997', 'YYYYMMDD'), to_timestamp('199711', 'YYYYMMDD')
----
2018-01-01|2018-03-01 00:00:00+00|1997-01-01 00:00:00+00|1997-11-01 00:00:00+00
tag: SELECT 1

statement error 22007
SELECT to_timestamp('19971', 'YYYYMMDD')

# FF1..FF6: the fraction, the result rounded to n digits (from 2000, as PostgreSQL).
query
SELECT i, to_timestamp('2018-11-02 12:34:56', 'YYYY-MM-DD HH24:MI:SS.FF' || i), to_timestamp('2018-11-02 12:34:56.12', 'YYYY-MM-DD HH24:MI:SS.FF' || i), to_timestamp('2018-11-02 12:34:56.123456', 'YYYY-MM-DD HH24:MI:SS.FF' || i) FROM generate_series(1, 6) i ORDER BY i
----
1|2018-11-02 12:34:56+00|2018-11-02 12:34:56.1+00|2018-11-02 12:34:56.1+00
2|2018-11-02 12:34:56+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.12+00
3|2018-11-02 12:34:56+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.123+00
4|2018-11-02 12:34:56+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.1235+00
5|2018-11-02 12:34:56+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.12346+00
6|2018-11-02 12:34:56+00|2018-11-02 12:34:56.12+00|2018-11-02 12:34:56.123456+00
tag: SELECT 6

query
SELECT to_timestamp('2018-11-02 12:34:56.15', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('1999-11-02 12:34:56.15', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('1969-11-02 12:34:56.15', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('2018-11-02 12:34:56.999999', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('20181102123456123', 'YYYYMMDDHH24MISSFF2')
----
2018-11-02 12:34:56.2+00|1999-11-02 12:34:56.1+00|1969-11-02 12:34:56.1+00|2018-11-02 12:34:57+00|2018-11-02 12:34:56.12+00
tag: SELECT 1

statement error 22008
SELECT to_timestamp('2018-11-02 12:34:56.123456789', 'YYYY-MM-DD HH24:MI:SS.FF6')

# SSSS/SSSSS (seconds past midnight; a nonzero HH/MI/SS overrides), J (Julian day), DDD.
query
SELECT to_timestamp('2015-02-11 86000', 'YYYY-MM-DD SSSSS'), to_timestamp('2015-02-11 86000', 'YYYY-MM-DD SSSS'), to_timestamp('2015-02-11 10:00 3600', 'YYYY-MM-DD HH24:MI SSSS'), to_timestamp('2015-02-11 00:30 3661', 'YYYY-MM-DD HH24:MI SSSS')
----
2015-02-11 23:53:20+00|2015-02-11 23:53:20+00|2015-02-11 10:00:00+00|2015-02-11 01:30:01+00
tag: SELECT 1

statement error 22008
SELECT to_timestamp('2015-02-11 86400', 'YYYY-MM-DD SSSSS')

query
SELECT to_date('2458872', 'J'), to_date('2458872 11 12', 'J MM DD'), to_date('1999 2458872', 'YYYY J'), to_date('0', 'J'), to_date('1721425', 'J'), to_timestamp('2458872 10', 'J HH24')
----
2020-01-23|2020-11-12|2020-01-23|0001-01-01 BC|0001-12-31 BC|2020-01-23 10:00:00+00
tag: SELECT 1

query
SELECT to_date('2015 365', 'YYYY DDD'), to_date('2016 366', 'YYYY DDD'), to_date('2015 0', 'YYYY DDD'), to_date('2015 45', 'YYYY DDD'), to_date('2015 05 45', 'YYYY MM DDD'), to_date('2015 45 10', 'YYYY DDD DD')
----
2015-12-31|2016-12-31|2015-01-01|2015-02-14|2015-05-14|2015-02-10
tag: SELECT 1

statement error 22008
SELECT to_date('2015 366', 'YYYY DDD')

statement error 22007
SELECT to_date('45', 'DDD')

# A date past timestamptz's range compares as later (earlier) than every finite
# timestamptz, as PostgreSQL 15's date_cmp_timestamptz, instead of failing (horology.sql);
# converting it still fails, also where the zone's offset moves the first day's midnight
# before the first timestamptz.
query
SELECT '2202020-10-05'::date > '2020-10-05'::timestamptz, '2020-10-05'::timestamptz > '2202020-10-05'::date, '2202020-10-05'::date < 'infinity'::timestamptz, '2202020-10-05'::date = 'infinity'::timestamptz
----
t|f|t|f
tag: SELECT 1

statement error 22008
SELECT '2202020-10-05'::date::timestamptz

statement ok
SET TimeZone = 'UTC-2'

query
SELECT '4714-11-24 BC'::date < '2020-10-05'::timestamptz, '2020-10-05'::timestamptz > '4714-11-24 BC'::date, '4714-11-24 BC'::date > '-infinity'::timestamptz
----
t|t|t
tag: SELECT 1

statement error 22008
SELECT '4714-11-24 BC'::date::timestamptz

statement error 22008
SELECT date_trunc('day', '4714-11-24 BC'::date)

statement ok
RESET TimeZone
