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
