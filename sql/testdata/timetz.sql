# time with time zone (timetz): input with offsets and abbreviations, output, casts, PostgreSQL's
# order (by UTC time, then by zone), arithmetic, EXTRACT, AT TIME ZONE, columns and keys.
# The zones used have no daylight saving time, so the answers do not depend on today's date.
query
SELECT '10:00:00.123456+05:30'::timetz, '10:00 PST'::timetz, time with time zone '23:59:59.5-03', '10:00+05:30:15'::timetz, '10:00+0530'::timetz, '24:00+01'::timetz, 'allballs'::timetz
----
10:00:00.123456+05:30|10:00:00-08|23:59:59.5-03|10:00:00+05:30:15|10:00:00+05:30|24:00:00+01|00:00:00+00
tag: SELECT 1

query
SELECT '10:00 pm +02'::timetz, '10:00:00 -03'::timetz, '10:00 zulu'::timetz, '10:00:00.1234567+00'::timetz, '2024-07-01 10:00 America/New_York'::timetz, '10:00+15:59'::timetz
----
22:00:00+02|10:00:00-03|10:00:00+00|10:00:00.123457+00|10:00:00-04|10:00:00+15:59
tag: SELECT 1

query
SELECT pg_typeof('10:00+01'::timetz), pg_typeof(current_time), pg_typeof(localtime), current_time IS NOT NULL, pg_typeof(time '10:00' + interval '1 hour')
----
time with time zone|time with time zone|time without time zone|t|time without time zone
tag: SELECT 1

statement ok
SET TIME ZONE 'Asia/Kolkata'

query
SELECT '10:00'::timetz, time '10:00'::timetz, '10:00+01'::timetz::time, timestamptz '2024-07-01 10:00+00'::timetz, CAST(timestamptz '2024-01-01 23:00:00.5+00' AS time with time zone)
----
10:00:00+05:30|10:00:00+05:30|10:00:00|15:30:00+05:30|04:30:00.5+05:30
tag: SELECT 1

query
SELECT '12:00+03'::timetz AT TIME ZONE 'UTC', '12:00+03'::timetz AT TIME ZONE 'Asia/Tokyo', '12:00+03'::timetz AT TIME ZONE interval '-02:30', timezone('UTC', '01:00+03'::timetz), '12:00+03'::timetz::text
----
09:00:00+00|18:00:00+09|06:30:00-02:30|22:00:00+00|12:00:00+03
tag: SELECT 1

statement ok
RESET TIME ZONE

query
SELECT '10:00+01'::timetz = '09:00+00'::timetz, '10:00+01'::timetz < '09:00+00'::timetz, '10:00+02'::timetz < '09:00+00'::timetz, '10:00+01'::timetz = '10:00:00+01', '10:00+01'::timetz <> '10:00+02'
----
f|t|t|t|t
tag: SELECT 1

query
SELECT '23:00+02'::timetz + interval '2 hours', '01:00-05'::timetz - interval '90 minutes', interval '1 day 1 hour' + '10:00+01'::timetz, date '2024-03-01' + '10:00+02'::timetz, '23:30-01'::timetz + date '2024-12-31'
----
01:00:00+02|23:30:00-05|11:00:00+01|2024-03-01 08:00:00+00|2025-01-01 00:30:00+00
tag: SELECT 1

query
SELECT extract(hour FROM timetz '10:20:30.5+05:30'), extract(timezone FROM timetz '10:20+05:30'), extract(timezone_hour FROM timetz '10:20-05:30'), extract(timezone_minute FROM timetz '10:20-05:30'), extract(epoch FROM timetz '01:00+01'), date_part('second', timetz '10:20:30.5+05:30')
----
10|19800|-5|-30|0.000000|30.5
tag: SELECT 1

statement error 22007
SELECT '10:00 America/New_York'::timetz

statement error 22007
SELECT 'ten past ten'::timetz

statement error 22008
SELECT '25:00+00'::timetz

statement error 22009
SELECT '10:00+16'::timetz

statement error 22023
SELECT '10:00+00'::timetz AT TIME ZONE interval '1 day'

statement error 42883
SELECT '10:00+00'::timetz - '09:00+00'::timetz

statement ok
CREATE TABLE opening (id int PRIMARY KEY, opens time with time zone NOT NULL, closes timetz)

statement ok
INSERT INTO opening VALUES (1, '09:00+01', '17:00+01'), (2, '08:00+00', NULL), (3, '10:00+02', '18:30-05'), (4, '09:00-01', '12:00+00')

query
SELECT id, opens, closes FROM opening ORDER BY opens, id
----
3|10:00:00+02|18:30:00-05
1|09:00:00+01|17:00:00+01
2|08:00:00+00|NULL
4|09:00:00-01|12:00:00+00
tag: SELECT 4

query
SELECT id FROM opening WHERE opens = '08:00+00' OR opens > '09:30:00+00' ORDER BY id
----
2
4
tag: SELECT 2

query
SELECT min(opens), max(opens), count(DISTINCT opens) FROM opening
----
10:00:00+02|09:00:00-01|4
tag: SELECT 1

statement ok
UPDATE opening SET closes = closes + interval '30 minutes' WHERE id = 1

query
SELECT closes FROM opening WHERE id = 1
----
17:30:00+01
tag: SELECT 1

statement ok
CREATE TABLE slots (at timetz PRIMARY KEY, label text)

statement ok
INSERT INTO slots VALUES ('10:00+01', 'a'), ('09:00+00', 'b'), ('12:00+03', 'c')

statement error 23505
INSERT INTO slots VALUES ('10:00+01', 'dup')

query
SELECT at, label FROM slots WHERE at = '09:00+00'
----
09:00:00+00|b
tag: SELECT 1

query
SELECT at, label FROM slots ORDER BY at DESC
----
09:00:00+00|b
10:00:00+01|a
12:00:00+03|c
tag: SELECT 3

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'opening' ORDER BY ordinal_position
----
id|integer
opens|time with time zone
closes|time with time zone
tag: SELECT 3

query
SELECT format_type(atttypid, atttypmod), attlen FROM pg_attribute WHERE attrelid = 'opening'::regclass AND attname = 'opens'
----
time with time zone|12
tag: SELECT 1

query
SELECT typname, typlen FROM pg_type WHERE oid = 1266
----
timetz|12
tag: SELECT 1
