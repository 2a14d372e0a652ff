# timestamp with time zone: instants, read and printed in the session's TimeZone.
query
SELECT '2024-03-10 12:00:00+02'::timestamptz, timestamptz '2024-01-01 00:00:00', '2024-06-01 10:00:00.123456 America/New_York'::timestamptz
----
2024-03-10 10:00:00+00|2024-01-01 00:00:00+00|2024-06-01 14:00:00.123456+00
tag: SELECT 1

query
SELECT TIMESTAMP WITH TIME ZONE '2024-01-01 23:30:00-05:30', '2024-01-01 10:00 PST'::timestamptz, 'epoch'::timestamptz, 'infinity'::timestamptz, '-infinity'::timestamptz
----
2024-01-02 05:00:00+00|2024-01-01 18:00:00+00|1970-01-01 00:00:00+00|infinity|-infinity
tag: SELECT 1

statement ok
SET TIME ZONE 'Europe/Rome'

query
SHOW TimeZone
----
Europe/Rome
tag: SHOW

query
SELECT '2024-01-15 10:00:00'::timestamptz, '2024-07-15 10:00:00'::timestamptz, '2024-07-15 10:00:00+00'::timestamptz
----
2024-01-15 10:00:00+01|2024-07-15 10:00:00+02|2024-07-15 12:00:00+02
tag: SELECT 1

query
SELECT '2024-03-31 02:30:00'::timestamptz, '2024-10-27 02:30:00'::timestamptz
----
2024-03-31 03:30:00+02|2024-10-27 02:30:00+01
tag: SELECT 1

statement ok
CREATE TABLE ev (id int PRIMARY KEY, at timestamptz NOT NULL, note text)

statement ok
INSERT INTO ev VALUES (1, '2024-01-01 00:00:00+00', 'a'), (2, '2023-12-31 23:00:00', 'b'), (3, '2024-06-01 12:00:00-04', 'c'), (4, '2024-06-01 16:00:00Z', 'd')

query
SELECT id, at FROM ev ORDER BY at, id
----
2|2023-12-31 23:00:00+01
1|2024-01-01 01:00:00+01
3|2024-06-01 18:00:00+02
4|2024-06-01 18:00:00+02
tag: SELECT 4

query
SELECT at, count(*) FROM ev GROUP BY at ORDER BY at
----
2023-12-31 23:00:00+01|1
2024-01-01 01:00:00+01|1
2024-06-01 18:00:00+02|2
tag: SELECT 3

query
SELECT id FROM ev WHERE at = '2024-01-01 01:00:00' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ev WHERE at > timestamp '2024-01-01 00:30:00' ORDER BY id
----
1
3
4
tag: SELECT 3

statement ok
CREATE TABLE evk (at timestamptz PRIMARY KEY, n int)

statement ok
INSERT INTO evk VALUES ('2024-05-05 05:05:05.5+05', 1), ('2024-05-05 01:05:05.5Z', 2)

statement error 23505
INSERT INTO evk VALUES ('2024-05-05 02:05:05.5+02', 3)

query
SELECT at, n FROM evk ORDER BY at DESC
----
2024-05-05 03:05:05.5+02|2
2024-05-05 02:05:05.5+02|1
tag: SELECT 2

statement ok
SET TIME ZONE 'UTC'

query
SELECT id, at FROM ev ORDER BY id
----
1|2024-01-01 00:00:00+00
2|2023-12-31 22:00:00+00
3|2024-06-01 16:00:00+00
4|2024-06-01 16:00:00+00
tag: SELECT 4

query
SELECT at::timestamp, at::date, at::text, at::time FROM ev WHERE id = 3
----
2024-06-01 16:00:00|2024-06-01|2024-06-01 16:00:00+00|16:00:00
tag: SELECT 1

query
SELECT '2024-02-29 13:14:15'::timestamp::timestamptz, '2024-02-29'::date::timestamptz
----
2024-02-29 13:14:15+00|2024-02-29 00:00:00+00
tag: SELECT 1

statement ok
SET timezone = 'Asia/Kolkata'

query
SELECT '2024-02-29 13:14:15'::timestamp::timestamptz, '2024-02-29'::date::timestamptz, '2024-02-29 20:00:00+00'::timestamptz::date
----
2024-02-29 13:14:15+05:30|2024-02-29 00:00:00+05:30|2024-03-01
tag: SELECT 1

query
SELECT pg_typeof(now()), pg_typeof(current_timestamp), pg_typeof(transaction_timestamp()), pg_typeof(statement_timestamp()), pg_typeof(clock_timestamp()), pg_typeof(localtimestamp)
----
timestamp with time zone|timestamp with time zone|timestamp with time zone|timestamp with time zone|timestamp with time zone|timestamp without time zone
tag: SELECT 1

query
SELECT now() = current_timestamp, now() = transaction_timestamp(), now() <= clock_timestamp()
----
t|t|t
tag: SELECT 1

statement ok
BEGIN

statement ok
CREATE TABLE nowt (id int PRIMARY KEY, t timestamptz)

statement ok
INSERT INTO nowt VALUES (1, now())

statement ok
INSERT INTO nowt VALUES (2, now())

query
SELECT count(DISTINCT t) FROM nowt
----
1
tag: SELECT 1

statement ok
COMMIT

statement ok
SET TIME ZONE 'America/Los_Angeles'

query
SELECT '2024-11-03 01:30:00'::timestamptz, '2024-03-10 02:30:00'::timestamptz, '1900-01-01 00:00:00'::timestamptz
----
2024-11-03 01:30:00-08|2024-03-10 03:30:00-07|1900-01-01 00:00:00-08
tag: SELECT 1

statement ok
RESET timezone

query
SELECT '0044-03-15 12:00:00 BC'::timestamptz, '2024-01-01 00:00:00+05:45'::timestamptz, '2024-01-01 00:00:00-00:30'::timestamptz
----
0044-03-15 12:00:00+00 BC|2023-12-31 18:15:00+00|2024-01-01 00:30:00+00
tag: SELECT 1

statement error 22007
SELECT 'not a time'::timestamptz

statement error 22008
SELECT '2024-13-01 00:00:00+00'::timestamptz

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ev' ORDER BY ordinal_position
----
id|integer
at|timestamp with time zone
note|text
tag: SELECT 3

query
SELECT format_type(1184, -1), format_type(1186, -1), format_type(1083, -1), pg_typeof(time '10:00'), pg_typeof(interval '1 day')
----
timestamp with time zone|interval|time without time zone|time without time zone|interval
tag: SELECT 1

query
SELECT oid, typname, typlen FROM pg_type WHERE oid IN (1083, 1184, 1186) ORDER BY oid
----
1083|time|8
1184|timestamptz|8
1186|interval|16
tag: SELECT 3

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'ev' AND a.attnum > 0 ORDER BY a.attnum
----
id|integer
at|timestamp with time zone
note|text
tag: SELECT 3

# Zones given as POSIX strings and hours.
statement ok
SET TIME ZONE 'UTC+3'

query
SELECT timestamptz '2024-01-01 00:00:00+00', current_setting('TimeZone')
----
2023-12-31 21:00:00-03|UTC+3
tag: SELECT 1

statement ok
SET TIME ZONE -5

query
SELECT timestamptz '2024-01-01 00:00:00+00', current_setting('TimeZone')
----
2023-12-31 19:00:00-05|<-05>+05
tag: SELECT 1

statement ok
SET TIME ZONE LOCAL

query
SELECT timestamptz '2024-01-01 00:00:00+00'
----
2024-01-01 00:00:00+00
tag: SELECT 1

statement ok
RESET TIME ZONE

# Secondary indexes on the new types: ranges and equality through them.
statement ok
CREATE TABLE sched (id int PRIMARY KEY, at timestamptz, span interval, clock time)

statement ok
CREATE INDEX sched_at ON sched (at)

statement ok
CREATE INDEX sched_clock ON sched (clock)

statement ok
CREATE INDEX sched_span ON sched (span)

statement ok
INSERT INTO sched VALUES (1, '2024-01-01 10:00+00', '1 day', '10:00'), (2, '2024-01-02 10:00+00', '2 days', '11:00'), (3, '2024-01-03 10:00+00', '1 mon', '12:00'), (4, NULL, '30 days', NULL)

query
SELECT id FROM sched WHERE at >= '2024-01-02 11:00+01' ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT id FROM sched WHERE at BETWEEN '2024-01-01' AND '2024-01-02 12:00' ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM sched WHERE clock > '10:30' ORDER BY clock DESC
----
3
2
tag: SELECT 2

query
SELECT id FROM sched WHERE span = '30 days' ORDER BY id
----
3
4
tag: SELECT 2

query
SELECT id FROM sched WHERE span > '1 day' AND span < '1 mon 1 day' ORDER BY span, id
----
2
3
4
tag: SELECT 3

statement ok
SET TIME ZONE 'Europe/Rome'

query
SELECT 'at ' || at, at || '' FROM ev WHERE id = 1
----
at 2024-01-01 01:00:00+01|2024-01-01 01:00:00+01
tag: SELECT 1

statement ok
RESET TIME ZONE
