# EXTRACT, date_part, date_trunc, to_char, AT TIME ZONE, to_timestamp.
query
SELECT extract(year FROM timestamp '2024-02-29 13:14:15.5'), extract(month FROM timestamp '2024-02-29 13:14:15.5'), extract(day FROM date '2024-02-29'), extract(second FROM timestamp '2024-02-29 13:14:15.5'), extract(epoch FROM timestamp '2024-02-29 13:14:15.5')
----
2024|2|29|15.500000|1709212455.500000
tag: SELECT 1

query
SELECT extract(dow FROM date '2024-03-03'), extract(isodow FROM date '2024-03-03'), extract(doy FROM date '2024-12-31'), extract(week FROM date '2024-12-30'), extract(isoyear FROM date '2024-12-30'), extract(quarter FROM date '2024-08-01')
----
0|7|366|1|2025|3
tag: SELECT 1

query
SELECT extract(century FROM date '2000-12-31'), extract(millennium FROM date '2001-01-01'), extract(decade FROM date '1999-05-05'), extract(milliseconds FROM timestamp '2024-01-01 00:00:12.345'), extract(microseconds FROM timestamp '2024-01-01 00:00:12.345')
----
20|3|199|12345.000|12345000
tag: SELECT 1

query
SELECT date_part('year', timestamp '2024-02-29 13:14:15.5'), date_part('second', timestamp '2024-02-29 13:14:15.5'), date_part('epoch', timestamp '2024-02-29 13:14:15.5'), date_part('hour', date '2024-01-01'), pg_typeof(date_part('day', now())), pg_typeof(extract(day FROM now()))
----
2024|15.5|1709212455.5|0|double precision|numeric
tag: SELECT 1

query
SELECT extract(epoch FROM interval '1 day 2 hours'), extract(hour FROM interval '26 hours'), extract(month FROM interval '14 months'), extract(year FROM interval '14 months'), date_part('minute', interval '90 minutes'), extract(epoch FROM date '2024-01-01')
----
93600.000000|26|2|1|30|1704067200
tag: SELECT 1

query
SELECT extract(epoch FROM timestamptz '2024-01-01 00:00:00+02'), extract(hour FROM timestamptz '2024-01-01 10:00:00+00'), extract(timezone FROM timestamptz '2024-01-01 10:00:00+00'), extract('year' FROM timestamptz 'infinity')
----
1704060000.000000|10|0|Infinity
tag: SELECT 1

query
SELECT date_trunc('month', timestamp '2024-02-29 13:14:15.5'), date_trunc('hour', timestamp '2024-02-29 13:14:15.5'), date_trunc('week', timestamp '2024-02-29 13:14:15.5'), date_trunc('year', date '2024-02-29'), date_trunc('quarter', timestamp '2024-08-15'), date_trunc('minute', timestamp '2024-02-29 13:14:15.5')
----
2024-02-01 00:00:00|2024-02-29 13:00:00|2024-02-26 00:00:00|2024-01-01 00:00:00+00|2024-07-01 00:00:00|2024-02-29 13:14:00
tag: SELECT 1

query
SELECT date_trunc('day', timestamptz '2024-06-01 23:30:00+00'), date_trunc('day', timestamptz '2024-06-01 23:30:00+00', 'Asia/Tokyo'), date_trunc('hour', interval '1 day 05:45:00'), date_trunc('century', timestamp '2024-01-01'), date_trunc('decade', timestamp '2024-01-01')
----
2024-06-01 00:00:00+00|2024-06-01 15:00:00+00|1 day 05:00:00|2001-01-01 00:00:00|2020-01-01 00:00:00
tag: SELECT 1

statement ok
SET TIME ZONE 'America/New_York'

query
SELECT date_trunc('day', timestamptz '2024-03-10 12:00:00'), date_trunc('month', timestamptz '2024-11-20 12:00:00'), extract(hour FROM timestamptz '2024-06-01 12:00:00+00'), extract(timezone_hour FROM timestamptz '2024-06-01 12:00:00+00')
----
2024-03-10 00:00:00-05|2024-11-01 00:00:00-04|8|-4
tag: SELECT 1

query
SELECT timestamp '2024-06-01 12:00:00' AT TIME ZONE 'UTC', timestamptz '2024-06-01 12:00:00+00' AT TIME ZONE 'Europe/Paris', timestamptz '2024-06-01 12:00:00+00' AT TIME ZONE 'UTC', timezone('Asia/Tokyo', timestamp '2024-01-01 09:00')
----
2024-06-01 08:00:00-04|2024-06-01 14:00:00|2024-06-01 12:00:00|2023-12-31 19:00:00-05
tag: SELECT 1

query
SELECT timestamp '2024-01-01 12:00' AT TIME ZONE INTERVAL '+05:00', timestamptz '2024-01-01 12:00+00' AT TIME ZONE '+03', timestamptz '2024-01-01 12:00+00' AT TIME ZONE 'PST'
----
2024-01-01 02:00:00-05|2024-01-01 09:00:00|2024-01-01 04:00:00
tag: SELECT 1

query
SELECT timestamptz '2024-03-09 12:00:00' + interval '1 day', timestamptz '2024-03-09 12:00:00' + interval '24 hours', timestamptz '2024-03-10 12:00:00' - timestamptz '2024-03-09 12:00:00'
----
2024-03-10 12:00:00-04|2024-03-10 13:00:00-04|23:00:00
tag: SELECT 1

statement ok
RESET TIME ZONE

query
SELECT to_char(timestamp '2024-02-09 13:04:05.678901', 'YYYY-MM-DD HH24:MI:SS.MS US'), to_char(timestamp '2024-02-09 13:04:05', 'HH12:MI AM Mon Month Dy Day'), to_char(timestamp '2024-02-09 01:04:05', 'FMMonth FMDD, YYYY hh12 pm')
----
2024-02-09 13:04:05.678 678901|01:04 PM Feb February  Fri Friday   |February 9, 2024 01 am
tag: SELECT 1

query
SELECT to_char(timestamp '2024-02-09 13:04:05', 'DDTH "of" MON YY Q WW IW D ID DDD J'), to_char(date '2024-03-01', 'FMDDth FMmonth'), to_char(timestamptz '2024-02-09 13:04:05+00', 'YYYY-MM-DD HH24:MI:SS TZ OF')
----
09TH of FEB 24 1 06 06 6 5 040 2460350|1st march|2024-02-09 13:04:05 UTC +00
tag: SELECT 1

query
SELECT to_char(interval '1 day 03:04:05.5', 'DD HH24:MI:SS.MS'), to_char(interval '50 hours', 'HH24 "hours"'), to_char(timestamp '0044-03-15 00:00 BC', 'YYYY BC')
----
01 03:04:05.500|50 hours|0044 BC
tag: SELECT 1

query
SELECT to_timestamp(0), to_timestamp(1704067200.5), to_timestamp('2024-02-09 13:04:05', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp('09 Feb 2024 01:04 PM', 'DD Mon YYYY HH12:MI AM'), to_timestamp('20240209', 'YYYYMMDD')
----
1970-01-01 00:00:00+00|2024-01-01 00:00:00.5+00|2024-02-09 13:04:05+00|2024-02-09 13:04:00+00|2024-02-09 00:00:00+00
tag: SELECT 1

statement error 22023
SELECT extract(fortnight FROM timestamp '2024-01-01')

statement error 0A000
SELECT extract(hour FROM date '2024-01-01')

statement error 22023
SELECT date_trunc('fortnight', timestamp '2024-01-01')

statement error 22023
SELECT timestamp '2024-01-01' AT TIME ZONE 'Mars/Olympus'
