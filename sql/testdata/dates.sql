# The date type.
statement ok
CREATE TABLE events (id int PRIMARY KEY, day date NOT NULL, at timestamp)

statement ok
INSERT INTO events VALUES (1, '2024-02-28', '2024-02-28 10:00:00'), (2, '2024-03-01', NULL), (3, DATE '1999-12-31', '2000-01-01 00:00:00'), (4, '1969-07-20', '1969-07-20 20:17:40')

query
SELECT id, day FROM events ORDER BY day
----
4|1969-07-20
3|1999-12-31
1|2024-02-28
2|2024-03-01
tag: SELECT 4

query
SELECT day + 1, day - 1, 2 + day FROM events WHERE id = 1
----
2024-02-29|2024-02-27|2024-03-01
tag: SELECT 1

query
SELECT '2024-03-01'::date - day FROM events WHERE id = 1
----
2
tag: SELECT 1

query
SELECT id FROM events WHERE day BETWEEN '2000-01-01' AND '2024-02-29' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM events WHERE day < at ORDER BY id
----
1
3
4
tag: SELECT 3

query
SELECT id FROM events WHERE day = at::date ORDER BY id
----
1
4
tag: SELECT 2

query
SELECT at::date, day::timestamp, day::text FROM events WHERE id = 4
----
1969-07-20|1969-07-20 00:00:00|1969-07-20
tag: SELECT 1

query
SELECT CAST('2024-05-06 23:59:59' AS date), '2024-01-31'::date + 30
----
2024-05-06|2024-03-01
tag: SELECT 1

query
SELECT min(day), max(day), count(DISTINCT day) FROM events
----
1969-07-20|2024-03-01|4
tag: SELECT 1

query
SELECT day FROM events WHERE id = 2 AND day = DATE '2024-03-01'
----
2024-03-01
tag: SELECT 1

statement error 22007
INSERT INTO events VALUES (5, 'not a date', NULL)

statement error 22008
SELECT '2024-13-01'::date

statement error 42883
SELECT day + day FROM events

statement error 42883
SELECT day * 2 FROM events

query
SELECT current_date = now()::date
----
t
tag: SELECT 1

statement ok
CREATE TABLE by_day (day date PRIMARY KEY, n int)

statement ok
INSERT INTO by_day SELECT day, id FROM events

query
SELECT n FROM by_day WHERE day = '1999-12-31'
----
3
tag: SELECT 1

query
SELECT n FROM by_day WHERE day = '1999-12-31 00:00:00'::timestamp
----
3
tag: SELECT 1

statement ok
CREATE INDEX events_day ON events (day)

query
SELECT id FROM events WHERE day >= '2024-01-01' ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position
----
id|integer
day|date
at|timestamp without time zone
tag: SELECT 3

# Date and timestamp input: every form below was checked against PostgreSQL 15 (the
# differential test keeps it so); TimeZone is UTC.
# ISO 8601 forms PostgreSQL accepts: no seconds, one-digit fields, T, fractions, zones (ignored by timestamp without time zone).
query
SELECT '2024-01-02 10:00'::timestamp, '2024-01-2 10:00:00'::timestamp, '2024-1-02'::date, '2024-01-02T10:00:00'::timestamp, '2024-01-02T10:00'::timestamp
----
2024-01-02 10:00:00|2024-01-02 10:00:00|2024-01-02|2024-01-02 10:00:00|2024-01-02 10:00:00
tag: SELECT 1

query
SELECT '2024-01-02 10:00:00.1234567'::timestamp, '2024-01-02 10:00:00.5'::timestamp, '2024-01-02 10:00:00+02'::timestamp, '2024-01-02T10:00:00Z'::timestamp, '2024-01-02 10:00:00-05:30'::timestamp
----
2024-01-02 10:00:00.123457|2024-01-02 10:00:00.5|2024-01-02 10:00:00|2024-01-02 10:00:00|2024-01-02 10:00:00
tag: SELECT 1

query
SELECT '2024-01-02 10:00:00 UTC'::timestamp, '2024-01-02 10:00:00 PST'::timestamp, '2024-01-02 10:00:00 Europe/Rome'::timestamp, '2024-01-02 10:00:00+02'::date, '2024-01-02T23:59:59.999'::date
----
2024-01-02 10:00:00|2024-01-02 10:00:00|2024-01-02 10:00:00|2024-01-02|2024-01-02
tag: SELECT 1

# Run-together digits, month names, MDY order, two-digit years.
query
SELECT '20240102'::date, '20240102T101500'::timestamp, '20240102 1015'::timestamp, '240102'::date, '2024.100'::date
----
2024-01-02|2024-01-02 10:15:00|2024-01-02 10:15:00|2024-01-02|2024-04-09
tag: SELECT 1

query
SELECT 'Jan 2 2024'::date, 'January 2, 2024 10:00 pm'::timestamp, '2 Jan 2024'::date, '02-Jan-2024'::date, '2024-Jan-02'::date
----
2024-01-02|2024-01-02 22:00:00|2024-01-02|2024-01-02|2024-01-02
tag: SELECT 1

query
SELECT '1/2/2024'::date, '01/02/24'::date, '2024/01/02'::date, '1-2-2024'::date, 'Tuesday, January 2, 2024'::date
----
2024-01-02|2024-01-02|2024-01-02|2024-01-02|2024-01-02
tag: SELECT 1

# Special values, BC dates, Julian days, leap seconds and 24:00.
query
SELECT 'epoch'::timestamp, 'epoch'::date, '2024-01-02 allballs'::timestamp, '0001-01-01 BC'::date, '0044-03-15 BC'::date
----
1970-01-01 00:00:00|1970-01-01|2024-01-02 00:00:00|0001-01-01 BC|0044-03-15 BC
tag: SELECT 1

query
SELECT 'J2451187'::date, '2024-01-02 24:00:00'::timestamp, '2024-12-31 23:59:60'::timestamp, '2024-01-02 12:00 am'::timestamp, '2024-02-29'::date
----
1999-01-08|2024-01-03 00:00:00|2025-01-01 00:00:00|2024-01-02 00:00:00|2024-02-29
tag: SELECT 1

query
SELECT '5874897-12-31'::date, '4713-11-24 BC'::date, '4714-11-24 00:00:00 BC'::timestamp
----
5874897-12-31|4713-11-24 BC|4714-11-24 00:00:00 BC
tag: SELECT 1

# What PostgreSQL rejects, with its SQLSTATE: 22007 bad format, 22008 field or value out of
# range, 22009 zone offset out of range, 22023 unknown zone name.
statement error 22007
SELECT '2024-01-02 10'::timestamp

statement error 22007
SELECT '2024-01-02T'::timestamp

statement error 22007
SELECT '10:00'::timestamp

statement error 22007
SELECT '2024-01-02 x'::timestamp

statement error 22007
SELECT '2024-01-02 10:00:00.5.5'::timestamp

statement error 22007
SELECT '2024-01-02 -'::timestamp

statement error 22008
SELECT '44-03-15 BC'::timestamp

statement error 22007
SELECT '2024-01-02 10:00:00:00'::timestamp

statement error 22007
SELECT 'now 10:00'::timestamp

statement error 22007
SELECT 'epoch epoch'::timestamp

statement error 22007
SELECT '2024-01-02 10:00 am pm'::timestamp

statement error 22008
SELECT '2024-02-30'::timestamp

statement error 22008
SELECT '2023-02-29'::timestamp

statement error 22008
SELECT '2024-01-02 24:00:01'::timestamp

statement error 22008
SELECT '2024-01-02 10:60'::timestamp

statement error 22008
SELECT '2024-01-02 13:00 pm'::timestamp

statement error 22008
SELECT '0000-01-01'::timestamp

statement error 22008
SELECT '2024-00-10'::timestamp

statement error 22008
SELECT '99999999999-01-01'::timestamp

statement error 22008
SELECT '5874898-01-01'::timestamp

statement error 22008
SELECT '4714-11-23 BC'::timestamp

statement error 22009
SELECT '2024-01-02 10:00+16'::timestamp

statement error 22023
SELECT '2024-01-02 10:00 Foo/Bar'::timestamp

# Strings assigned to date and timestamp columns go through the same input.
statement ok
INSERT INTO events VALUES (10, '2024-1-2', '2024-01-02 10:00'), (11, 'Jan 3 2024', '20240103T101500'), (12, '0044-03-15 BC', '2024-01-04T10:00:00.5+02')

query
SELECT id, day, at FROM events WHERE id >= 10 ORDER BY id
----
10|2024-01-02|2024-01-02 10:00:00
11|2024-01-03|2024-01-03 10:15:00
12|0044-03-15 BC|2024-01-04 10:00:00.5
tag: SELECT 3

statement error 22008
INSERT INTO events VALUES (13, '2024-02-30', NULL)

statement error 22007
INSERT INTO events VALUES (13, '2024-01-02', '2024-01-02 10')

# The infinities: any case, spaces around; they sort before and after every value.
query
SELECT 'infinity'::timestamp, ' -INFINITY '::date, 'Infinity'::date, '-infinity'::timestamp
----
infinity|-infinity|infinity|-infinity
tag: SELECT 1

statement error 22007
SELECT 'infinite'::date

# PostgreSQL 15 has no '+infinity' (16 added it).
statement error 22007
SELECT '+infinity'::timestamp

statement ok
CREATE TABLE spans (d date PRIMARY KEY, t timestamp)

statement ok
INSERT INTO spans VALUES ('infinity', '-infinity'), ('-infinity', 'infinity'), ('2024-01-02', '2024-01-02 10:00'), ('4714-11-24 BC', '4714-11-24 00:00 BC'), ('5874897-12-31', NULL)

statement ok
CREATE INDEX spans_t ON spans (t)

query
SELECT d, t FROM spans ORDER BY d
----
-infinity|infinity
4714-11-24 BC|4714-11-24 00:00:00 BC
2024-01-02|2024-01-02 10:00:00
5874897-12-31|NULL
infinity|-infinity
tag: SELECT 5

query
SELECT t FROM spans ORDER BY t DESC
----
NULL
infinity
2024-01-02 10:00:00
4714-11-24 00:00:00 BC
-infinity
tag: SELECT 5

query
SELECT min(d), max(d), min(t), max(t) FROM spans
----
-infinity|infinity|-infinity|infinity
tag: SELECT 1

query
SELECT t FROM spans WHERE d = 'infinity'
----
-infinity
tag: SELECT 1

query
SELECT d FROM spans WHERE t = '-infinity'
----
infinity
tag: SELECT 1

query
SELECT d FROM spans WHERE d > '2024-01-01' ORDER BY d
----
2024-01-02
5874897-12-31
infinity
tag: SELECT 3

query
SELECT count(*) FROM spans WHERE t < 'infinity'
----
3
tag: SELECT 1

query
SELECT d FROM spans WHERE d = 'infinity'::timestamp
----
infinity
tag: SELECT 1

query
SELECT d::timestamp, t::date FROM spans WHERE NOT isfinite(d) ORDER BY d
----
-infinity|infinity
infinity|-infinity
tag: SELECT 2

query
SELECT 'infinity'::date = 'infinity'::timestamp, '-infinity'::date < '4714-11-24 BC'::timestamp, 'infinity'::timestamp > '5874897-12-31'::date
----
t|t|t
tag: SELECT 1

query
SELECT 'infinity'::date + 1, 'infinity'::date - 1, 10 + '-infinity'::date
----
infinity|infinity|-infinity
tag: SELECT 1

statement error 22008
SELECT 'infinity'::date - '2024-01-02'::date

statement error 22008
SELECT '2024-01-02'::date - '-infinity'::date

query
SELECT isfinite('infinity'::date), isfinite('2024-01-02'::date), isfinite('-infinity'::timestamp), isfinite('2024-01-02 10:00'::timestamp), isfinite(NULL::date)
----
f|t|f|t|NULL
tag: SELECT 1

query
SELECT d, isfinite(t) FROM spans ORDER BY d
----
-infinity|f
4714-11-24 BC|t
2024-01-02|t
5874897-12-31|NULL
infinity|f
tag: SELECT 5

query
SELECT 'infinity'::timestamp::text, '-infinity'::date::text
----
infinity|-infinity
tag: SELECT 1

statement ok
UPDATE spans SET t = 'infinity' WHERE d = '2024-01-02'

query
SELECT count(*) FROM spans WHERE t = 'infinity'
----
2
tag: SELECT 1

statement ok
DELETE FROM spans WHERE d = '-infinity'

query
SELECT d FROM spans ORDER BY d
----
4714-11-24 BC
2024-01-02
5874897-12-31
infinity
tag: SELECT 4

statement ok
DROP TABLE spans

# deviation: drove's timestamps (microseconds since 1970 in an int64) end in 294247 AD, PostgreSQL's in 294276.
statement error 22008
SELECT '294276-12-31'::timestamp

# ISO 8601 with field labels.
query
SELECT 'y2024m01d02'::date, 'y2024m01d02h10mm30s05.5'::timestamp, '2024-01-02 h10 m5'::timestamp
----
2024-01-02|2024-01-02 10:30:05.5|2024-01-02 10:05:00
tag: SELECT 1

# Words relative to the current date.
query
SELECT 'today'::date = current_date, 'tomorrow'::date - 'yesterday'::date, 'today'::timestamp = current_date::timestamp
----
t|2|t
tag: SELECT 1

# Dates span PostgreSQL's range (4714-11-24 BC to 5874897-12-31) in arithmetic too; casting
# one to timestamp needs it to be in the timestamps' range, and comparing one with a
# timestamp does not.
query
SELECT '0044-03-15 BC'::date + 1, '10000-01-01'::date - 1, '5874897-12-31'::date - '4713-11-24 BC'::date, '0001-01-01'::date - 1
----
0044-03-16 BC|9999-12-31|2147483127|0001-12-31 BC
tag: SELECT 1

query
SELECT '100000-01-01'::date > '2024-01-02 10:00'::timestamp, '4713-11-24 BC'::date < '2024-01-02'::timestamp, '5874897-12-31'::date > '2024-01-02'::timestamp, '2024-01-02'::date = '2024-01-02 00:00'::timestamp, '412000-01-01'::date > '2024-01-02'::timestamp, '2024-01-02 10:00'::timestamp < '412000-01-01'::date
----
t|t|t|t|t|t
tag: SELECT 1

query
SELECT '100000-01-01'::date::timestamp, '0044-03-15 BC'::date::timestamp, '0044-03-15 10:00 BC'::timestamp::date
----
100000-01-01 00:00:00|0044-03-15 00:00:00 BC|0044-03-15 BC
tag: SELECT 1

statement error 22008
SELECT '5874897-12-31'::date + 1

statement error 22008
SELECT '4714-11-24 BC'::date - 1

# deviation: drove's timestamps end in 294247 AD, so later dates have no timestamp (PostgreSQL's end in 294276).
statement error 22008
SELECT '294270-01-01'::date::timestamp

statement error 22008
SELECT '5874897-12-31'::date::timestamp

statement ok
CREATE INDEX events_at ON events (at)

query
SELECT count(*) FROM events WHERE at < '412000-01-01'::date
----
6
tag: SELECT 1
