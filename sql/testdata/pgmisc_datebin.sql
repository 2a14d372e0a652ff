# date_bin(stride, timestamp[tz], origin), as PostgreSQL 15's timestamp_bin.
query
SELECT date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01'), date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01 00:02:30')
----
2020-02-11 15:30:00|2020-02-11 15:32:30
tag: SELECT 1

query
SELECT date_bin('1 day -1 hour', timestamp '2020-01-01 05:00', timestamp '2001-01-01'), date_bin('2 hours', timestamp '2020-01-01 05:00', timestamp '2030-01-01 00:30'), date_bin('2 hours', timestamp '2020-01-01 04:30', timestamp '2030-01-01 00:30')
----
2019-12-31 08:00:00|2020-01-01 04:30:00|2020-01-01 04:30:00
tag: SELECT 1

query
SELECT date_bin('1 microsecond', timestamp '2020-01-01 05:00:00.5', timestamp '2030-01-01 00:30'), date_bin('10 seconds', timestamp '1960-01-01 00:00:07', timestamp '1970-01-01')
----
2020-01-01 05:00:00.5|1960-01-01 00:00:00
tag: SELECT 1

query
SELECT date_bin('1 hour', timestamptz '2020-01-01 05:34:00+03', timestamptz '2001-01-01 00:10+00'), date_bin('1 hour', '2020-01-01 05:34:00', '2001-01-01 00:10'), date_bin('1 day', date '2020-01-03', date '2020-01-01')
----
2020-01-01 02:10:00+00|2020-01-01 05:10:00+00|2020-01-03 00:00:00+00
tag: SELECT 1

query
SELECT pg_typeof(date_bin('1 hour', timestamp '2020-01-01', timestamp '2020-01-01')), pg_typeof(date_bin('1 hour', now(), timestamptz '2020-01-01'))
----
timestamp without time zone|timestamp with time zone
tag: SELECT 1

statement ok
SET TimeZone = 'America/New_York'

query
SELECT date_bin('1 day', timestamptz '2020-03-09 12:00-04', timestamptz '2020-03-01 00:00-05')
----
2020-03-09 01:00:00-04
tag: SELECT 1

statement ok
RESET TimeZone

query
SELECT date_bin('1 day', timestamp 'infinity', timestamp '2001-01-01'), date_bin('1 day', timestamp '-infinity', timestamp '2001-01-01'), date_bin(NULL, timestamp '2020-01-01', timestamp '2001-01-01'), date_bin('1 day', NULL, timestamp '2001-01-01')
----
infinity|-infinity|NULL|NULL
tag: SELECT 1

statement error 22008
SELECT date_bin('1 day', timestamp '2020-01-01', timestamp 'infinity')

statement error 0A000
SELECT date_bin('1 month', timestamp '2020-01-01', timestamp '2001-01-01')

statement error 0A000
SELECT date_bin('1 year -11 months', timestamptz '2020-01-01', timestamptz '2001-01-01')

statement error 22008
SELECT date_bin('0 days', timestamp '2020-01-01', timestamp '2001-01-01')

statement error 22008
SELECT date_bin('-1 days', timestamp '2020-01-01', timestamp '2001-01-01')

statement error 22008
SELECT date_bin('106751992 days', timestamp '2020-01-01', timestamp '2001-01-01')

statement error 22008
SELECT date_bin('1 day', timestamp '294246-01-01', timestamp '4713-01-01 BC')

statement error 22008
SELECT date_bin('1 day', timestamp '4713-01-01 BC', timestamp '294246-01-01')

statement error 22008
SELECT date_bin('1 day', timestamp '4714-11-24 00:00:00 BC', timestamp '4714-11-24 00:00:01 BC')

statement error 42883
SELECT date_bin('1 day', timestamp '2020-01-01')

statement ok
CREATE TABLE pdb (id int PRIMARY KEY, t timestamp)

statement ok
INSERT INTO pdb VALUES (1, '2024-05-01 10:03'), (2, '2024-05-01 10:14'), (3, '2024-05-01 10:16'), (4, '2024-05-01 10:31')

query
SELECT date_bin('15 minutes', t, timestamp '2024-01-01') AS bin, count(*) FROM pdb GROUP BY 1 ORDER BY 1
----
2024-05-01 10:00:00|2
2024-05-01 10:15:00|1
2024-05-01 10:30:00|1
tag: SELECT 3
