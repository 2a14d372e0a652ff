statement ok
CREATE TABLE iv (id int PRIMARY KEY, d interval, t timestamptz)

statement ok
INSERT INTO iv VALUES (1, '1 day', '2024-01-01'), (2, '2 hours', '2024-01-02'), (3, NULL, NULL)

query
SELECT sum(d), avg(d), min(t), max(t), count(t) FROM iv
----
1 day 02:00:00|13:00:00|2024-01-01 00:00:00+00|2024-01-02 00:00:00+00|2
tag: SELECT 1

query
SELECT t::text || ' x', 'at ' || t, d || '' FROM iv WHERE id = 1
----
2024-01-01 00:00:00+00 x|at 2024-01-01 00:00:00+00|1 day
tag: SELECT 1

query
SELECT CASE WHEN id = 1 THEN t ELSE '2025-01-01' END, coalesce(t, now()) IS NOT NULL, greatest(t, '2024-01-01 12:00+00') FROM iv ORDER BY id
----
2024-01-01 00:00:00+00|t|2024-01-01 12:00:00+00
2025-01-01 00:00:00+00|t|2024-01-02 00:00:00+00
2025-01-01 00:00:00+00|t|2024-01-01 12:00:00+00
tag: SELECT 3
