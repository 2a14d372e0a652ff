# interval: literals, output in IntervalStyle postgres, arithmetic and ordering.
query
SELECT INTERVAL '1 day', interval '2 hours', '1 year 2 mons 3 days 04:05:06'::interval, interval '1.5 days', interval '-1 day +02:03:00'
----
1 day|02:00:00|1 year 2 mons 3 days 04:05:06|1 day 12:00:00|-1 days +02:03:00
tag: SELECT 1

query
SELECT interval '1 year -2 months', interval '@ 3 days ago', interval '10 minutes 30 seconds', interval '90 minutes', interval '1 week'
----
10 mons|-3 days|00:10:30|01:30:00|7 days
tag: SELECT 1

query
SELECT interval 'P1Y2M3DT4H5M6S', interval 'PT1.5S', interval 'P2W', interval '0', interval '1.25 months', interval '1.5 years'
----
1 year 2 mons 3 days 04:05:06|00:00:01.5|14 days|00:00:00|1 mon 7 days 12:00:00|1 year 6 mons
tag: SELECT 1

query
SELECT interval '-04:05:06', interval '123:00:00', interval '0.000001 sec', interval '100 ms', interval '3 mons -1 day', interval '-1 mons -2 days'
----
-04:05:06|123:00:00|00:00:00.000001|00:00:00.1|3 mons -1 days|-1 mons -2 days
tag: SELECT 1

query
SELECT timestamp '2024-01-31 10:00' + interval '1 month', timestamp '2024-02-29 00:00' + interval '1 year', date '2024-01-01' + interval '36 hours'
----
2024-02-29 10:00:00|2025-02-28 00:00:00|2024-01-02 12:00:00
tag: SELECT 1

query
SELECT timestamp '2024-03-01 00:00' - interval '1 day 1 hour', interval '1 day' + timestamp '2024-12-31 23:00', timestamp '2024-03-01' - timestamp '2024-02-01 12:30'
----
2024-02-28 23:00:00|2025-01-01 23:00:00|28 days 11:30:00
tag: SELECT 1

query
SELECT interval '1 day' + interval '3 hours', interval '1 month' - interval '2 days', interval '1 hour' * 2.5, 3 * interval '1 month 1 day', interval '1 month' / 2, -interval '1 day 2 hours'
----
1 day 03:00:00|1 mon -2 days|02:30:00|3 mons 3 days|15 days|-1 days -02:00:00
tag: SELECT 1

query
SELECT interval '1 month' = interval '30 days', interval '1 day' = interval '24 hours', interval '1 day' < interval '25 hours', interval '1 year' > interval '360 days'
----
t|t|t|f
tag: SELECT 1

statement ok
CREATE TABLE spans (id int PRIMARY KEY, d interval, t timestamp)

statement ok
INSERT INTO spans VALUES (1, '1 day', '2024-01-01 00:00'), (2, '2 hours', '2024-01-01 00:00'), (3, '1 mon', '2024-01-31 12:00'), (4, NULL, NULL), (5, '-3 days', '2024-03-01 00:00')

query
SELECT id, d, t + d FROM spans ORDER BY d, id
----
5|-3 days|2024-02-27 00:00:00
2|02:00:00|2024-01-01 02:00:00
1|1 day|2024-01-02 00:00:00
3|1 mon|2024-02-29 12:00:00
4|NULL|NULL
tag: SELECT 5

query
SELECT id FROM spans WHERE d > '1 day' ORDER BY id
----
3
tag: SELECT 1

query
SELECT sum(id), max(d), min(d) FROM spans
----
15|1 mon|-3 days
tag: SELECT 1

query
SELECT d, count(*) FROM spans GROUP BY d ORDER BY d
----
-3 days|1
02:00:00|1
1 day|1
1 mon|1
NULL|1
tag: SELECT 5

query
SELECT justify_days(interval '65 days'), justify_hours(interval '50 hours'), justify_interval(interval '1 mon -1 hour'), isfinite(interval '1 day')
----
2 mons 5 days|2 days 02:00:00|29 days 23:00:00|t
tag: SELECT 1

query
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5), make_date(2024, 2, 29), make_timestamp(2024, 2, 29, 13, 14, 15.5), make_time(8, 15, 23.5)
----
1 year 2 mons 25 days 05:06:07.5|2024-02-29|2024-02-29 13:14:15.5|08:15:23.5
tag: SELECT 1

query
SELECT age(timestamp '2024-03-15 10:00', timestamp '2023-01-31 12:30'), age(timestamp '2023-01-31', timestamp '2024-03-15 10:00'), age(timestamp '2024-02-29', timestamp '2024-01-31')
----
1 year 1 mon 14 days 21:30:00|-1 years -1 mons -15 days -10:00:00|29 days
tag: SELECT 1

query
SELECT pg_typeof(interval '1 day'), pg_typeof(timestamp '2024-01-01' - timestamp '2023-01-01'), pg_typeof(date '2024-01-01' + interval '1 day')
----
interval|interval|timestamp without time zone
tag: SELECT 1

statement error 22007
SELECT interval 'one day'

statement error 42883
SELECT interval '1 day' + 1

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'spans' ORDER BY ordinal_position
----
id|integer
d|interval
t|timestamp without time zone
tag: SELECT 3

# Intervals equal by span ('1 mon' = '30 days' = '720 hours') group and match as one.
statement ok
CREATE TABLE ivk (d interval PRIMARY KEY, n int)

statement ok
INSERT INTO ivk VALUES ('1 mon', 1), ('1 day', 2), ('-2 hours', 3)

query
SELECT n FROM ivk WHERE d = '30 days'
----
1
tag: SELECT 1

query
SELECT n FROM ivk WHERE d = interval '24 hours' OR d = '-7200 seconds' ORDER BY n
----
2
3
tag: SELECT 2

statement ok
INSERT INTO spans VALUES (6, '30 days', NULL), (7, '720 hours', NULL)

query
SELECT count(*), count(DISTINCT d) FROM spans GROUP BY d ORDER BY 1, 2
----
1|0
1|1
1|1
1|1
3|1
tag: SELECT 5

query
SELECT timestamp '2024-01-01' + time '10:00', timestamptz '2024-01-01 00:00+00' - time '01:00', time '01:00' + timestamp '2024-01-01'
----
2024-01-01 10:00:00|2023-12-31 23:00:00+00|2024-01-01 01:00:00
tag: SELECT 1

query
SELECT sum(d), avg(d), count(d) FROM spans
----
1 mon 28 days 722:00:00|9 days 136:20:00|6
tag: SELECT 1

query
SELECT id, sum(d) OVER (ORDER BY id) FROM spans ORDER BY id
----
1|1 day
2|1 day 02:00:00
3|1 mon 1 day 02:00:00
4|1 mon 1 day 02:00:00
5|1 mon -2 days +02:00:00
6|1 mon 28 days 02:00:00
7|1 mon 28 days 722:00:00
tag: SELECT 7

# Whole numbers are read exactly, and a field past int64 is an error, not a wrapped value.
query
SELECT interval '9223372036854775807 microseconds', interval '2562047788:00:00', interval '9007199254740993 microseconds'
----
2562047788:00:54.775807|2562047788:00:00|2501999:47:34.740993
tag: SELECT 1

statement error 22015
SELECT interval '2562047789 hours'

statement error 22015
SELECT interval '9223372036854775807 microseconds 1 microsecond'

statement error 22015
SELECT interval '2562047789:00:00'

# A timestamp plus days or months far past the range is out of range, not wrapped.
statement error 22008
SELECT timestamptz '2000-01-01' + interval '2147483647 days'

statement error 22008
SELECT timestamp '2000-01-01' + interval '2147483647 months'

statement error 22008
SELECT date '2000-01-01' + interval '2147483647 days'

# date_part('epoch', interval) sums its parts in double precision as PostgreSQL does (the
# exact seconds, 443340000000.000040, would print as 443340000000.00006).
query
SELECT date_part('epoch', INTERVAL '3 mons -40 days' / '1e-5'::float8), date_part('epoch', interval '5131 days 0.000061 sec'), extract(epoch from INTERVAL '3 mons -40 days' / '1e-5'::float8)
----
443340000000|443318400.000061|443340000000.000040
tag: SELECT 1
