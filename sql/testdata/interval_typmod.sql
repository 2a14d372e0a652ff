# Interval fields and precision (INTERVAL '1' DAY, DAY TO SECOND(3), interval(3)), the
# SQL-standard input forms they read (years-months, days hours:minutes), and the precision of
# time, timetz, timestamp and timestamptz: on input, in casts and in columns.
query
SELECT interval '1' day, interval '1' year, interval '5' month, interval '1' second, interval '1.5' day, interval '-1.5' hour, interval '10' hour to minute
----
1 day|1 year|5 mons|00:00:01|1 day|-01:00:00|00:10:00
tag: SELECT 1

query
SELECT interval '1-2' year to month, interval '3 4:05' day to minute, interval '3 4:05:06.789' day to second(1), interval '1:30' minute to second, interval '1:30' hour to minute, interval '1:30:45' hour to minute
----
1 year 2 mons|3 days 04:05:00|3 days 04:05:06.8|00:01:30|01:30:00|01:30:00
tag: SELECT 1

query
SELECT interval(3) '1.23456 sec', interval '1.23456' second(2), '1 day 1.5 sec'::interval(0), CAST('5' AS interval minute), '1 day 2'::interval day to hour, '-1.5 sec'::interval(0), '1.25 sec'::interval(1)
----
00:00:01.235|00:00:01.23|1 day 00:00:02|00:05:00|1 day 02:00:00|-00:00:02|00:00:01.3
tag: SELECT 1

query
SELECT interval '1 year 2 months 3 days 4:05:06' year, interval '1 year 2 months 3 days 4:05:06' month, interval '1 year 2 months 3 days 4:05:06' day, interval '1 year 2 months 3 days 4:05:06' hour, interval '1 year 2 months 3 days 4:05:06.5' minute to second(0)
----
1 year|1 year 2 mons|1 year 2 mons 3 days|1 year 2 mons 3 days 04:00:00|1 year 2 mons 3 days 04:05:07
tag: SELECT 1

# The SQL-standard forms without a qualifier.
query
SELECT interval '1-2', interval '-1-2', interval '3 4:05', interval '1-2 3 4:05:06', interval '1 -2:00', interval '1:30.5', interval '0:00:60.5', '1:60'::interval minute to second
----
1 year 2 mons|-1 years -2 mons|3 days 04:05:00|1 year 2 mons 3 days 04:05:06|1 day -02:00:00|00:01:30.5|00:01:00.5|00:02:00
tag: SELECT 1

statement error 22007
SELECT interval '2 10' year to month

statement error 22007
SELECT interval '3 4'

statement error 22007
SELECT interval '1 day 2 days'

statement error 22007
SELECT interval 'abc' day

statement error 22015
SELECT interval '1-13' year to month

statement error 22015
SELECT interval '1:60'

statement error 42601
SELECT interval '1' day to year

statement error 42601
SELECT '1 mon'::interval day(3)

statement error 42601
SELECT '1'::interval(2) second

query
SELECT '10:00:00.5'::time(0), '10:00:00.25'::time(1), '10:00:00.35'::time(1), '23:59:59.9'::time(0), '2024-01-01 10:00:00.125'::timestamp(2), '1990-01-01 10:00:00.5'::timestamp(0), '10:00:00.56+01'::timetz(1), CAST('10:00:00.56' AS time(1) with time zone) IS NOT NULL
----
10:00:01|10:00:00.3|10:00:00.4|24:00:00|2024-01-01 10:00:00.13|1990-01-01 10:00:00|10:00:00.6+01|t
tag: SELECT 1

query
SELECT '1990-01-01 10:00:00.5+00'::timestamptz(0), timestamp(1) '2024-01-01 10:00:00.25', time(2) '10:00:00.125', timestamp '2024-01-01 10:00:00.55'::timestamp(1)::text, pg_typeof(localtimestamp(1)), pg_typeof(current_time(2))
----
1990-01-01 10:00:00+00|2024-01-01 10:00:00.3|10:00:00.13|2024-01-01 10:00:00.6|timestamp without time zone|time with time zone
tag: SELECT 1

query
SELECT format_type(1186, 2147418115), format_type(1114, 3), format_type(1184, 0), format_type(1083, 6), format_type(1266, 2), format_type(1186, -1), format_type(1186, 470351871)
----
interval(3)|timestamp(3) without time zone|timestamp(0) with time zone|time(6) without time zone|time(2) with time zone|interval|interval day to second
tag: SELECT 1

query
SELECT timestamp(2) with time zone '2024-01-01 10:00:00.555+00', time(1) without time zone '10:00:00.25', timestamp(0) without time zone '2024-01-01 10:00:00.5'
----
2024-01-01 10:00:00.56+00|10:00:00.3|2024-01-01 10:00:01
tag: SELECT 1

statement error 42601
SELECT interval(2) with time zone '1 sec'

statement ok
CREATE TABLE precise (id int PRIMARY KEY, a timestamp(0), b timestamptz(2), c time(1), d timetz(3), e interval day to second(3), f interval(0), g interval year to month, h interval hour, i timestamp(3) with time zone, j time(2) without time zone, k time(1) with time zone, l timestamp(6) without time zone)

statement ok
INSERT INTO precise VALUES (1, '2024-01-01 10:00:00.5', '2024-01-01 10:00:00.125+00', '10:00:00.25', '10:00:00.12345+01', '3 days 4:05:06.78912', '1.5 sec', '1 year 2 months 3 days', '1 day 10:30', '2024-01-01 10:00:00.12345+00', '10:00:00.125', '10:00:00.15+02', '2024-01-01 10:00:00.1234567')

statement ok
INSERT INTO precise (id, e, g, h) VALUES (2, '5', '1-2', '7')

statement ok
UPDATE precise SET f = interval '2.5 sec', a = timestamp '2024-01-01 10:00:00.4', c = time '11:00:00.99', g = interval '3 years 4 months 5 days' WHERE id = 2

query
SELECT * FROM precise ORDER BY id
----
1|2024-01-01 10:00:01|2024-01-01 10:00:00.13+00|10:00:00.3|10:00:00.123+01|3 days 04:05:06.789|00:00:02|1 year 2 mons|1 day 10:00:00|2024-01-01 10:00:00.123+00|10:00:00.13|10:00:00.2+02|2024-01-01 10:00:00.123457
2|2024-01-01 10:00:00|NULL|11:00:01|NULL|00:00:05|00:00:03|3 years 4 mons|07:00:00|NULL|NULL|NULL|NULL
tag: SELECT 2

query
SELECT attname, format_type(atttypid, atttypmod), atttypmod FROM pg_attribute WHERE attrelid = 'precise'::regclass AND attnum > 1 ORDER BY attnum
----
a|timestamp(0) without time zone|0
b|timestamp(2) with time zone|2
c|time(1) without time zone|1
d|time(3) with time zone|3
e|interval day to second(3)|470286339
f|interval(0)|2147418112
g|interval year to month|458751
h|interval hour|67174399
i|timestamp(3) with time zone|3
j|time(2) without time zone|2
k|time(1) with time zone|1
l|timestamp(6) without time zone|6
tag: SELECT 12

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'precise' AND column_name IN ('e', 'k') ORDER BY column_name
----
e|interval
k|time with time zone
tag: SELECT 2

statement ok
CREATE TABLE stamps (at timestamp(0) PRIMARY KEY, note text)

statement ok
INSERT INTO stamps VALUES ('2024-01-01 10:00:00.4', 'a')

statement error 23505
INSERT INTO stamps VALUES ('2024-01-01 09:59:59.6', 'b')

query
SELECT at, note FROM stamps WHERE at = '2024-01-01 10:00:00'
----
2024-01-01 10:00:00|a
tag: SELECT 1
