# time (without time zone): literals, casts, comparison, arithmetic with intervals.
query
SELECT time '10:00', '23:59:59.999999'::time, time '24:00:00', '1:02 PM'::time, 'allballs'::time, '2024-01-02 03:04:05'::time
----
10:00:00|23:59:59.999999|24:00:00|13:02:00|00:00:00|03:04:05
tag: SELECT 1

query
SELECT time '10:00' + interval '3 hours', time '23:00' + interval '2 hours 30 minutes', time '01:00' - interval '2 hours', interval '1 minute' + time '00:00:59'
----
13:00:00|01:30:00|23:00:00|00:01:59
tag: SELECT 1

query
SELECT time '12:00' - time '10:30:15', time '10:00' < time '10:00:01', time '10:00' = '10:00:00'
----
01:29:45|t|t
tag: SELECT 1

query
SELECT timestamp '2024-05-06 07:08:09.5'::time, interval '26 hours'::time, time '05:06'::interval, date '2024-01-01' + time '10:30'
----
07:08:09.5|02:00:00|05:06:00|2024-01-01 10:30:00
tag: SELECT 1

statement ok
CREATE TABLE shifts (id int PRIMARY KEY, starts time NOT NULL, ends time)

statement ok
INSERT INTO shifts VALUES (1, '09:00', '17:00'), (2, '22:00', '06:00'), (3, '06:30:15.25', NULL)

query
SELECT id, starts, ends, ends - starts FROM shifts ORDER BY starts
----
3|06:30:15.25|NULL|NULL
1|09:00:00|17:00:00|08:00:00
2|22:00:00|06:00:00|-16:00:00
tag: SELECT 3

query
SELECT id FROM shifts WHERE starts BETWEEN '06:00' AND '12:00' ORDER BY id
----
1
3
tag: SELECT 2

query
SELECT extract(hour FROM starts), date_part('minute', starts), extract(epoch FROM time '01:00:01.5') FROM shifts WHERE id = 3
----
6|30|3601.500000
tag: SELECT 1

statement error 22007
SELECT 'ten o''clock'::time

statement error 22008
SELECT '25:00'::time

query
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'shifts' ORDER BY ordinal_position
----
id|integer
starts|time without time zone
ends|time without time zone
tag: SELECT 3
