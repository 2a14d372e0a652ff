# Named windows (WINDOW w AS (...), OVER w, OVER (w ORDER BY ...)) with PostgreSQL's rules
# for what a window built on another may add (42P20, 42704), against PostgreSQL 15.
statement ok
CREATE TABLE wf (id int PRIMARY KEY, g text, v int, d date, ts timestamp, n numeric, f float8)

statement ok
INSERT INTO wf VALUES (1, 'a', 1, '2024-01-01', '2024-01-01 10:00', 1.5, 0.5), (2, 'a', 2, '2024-01-02', '2024-01-01 11:30', 2.5, 1), (3, 'a', 2, '2024-01-05', '2024-01-01 12:00', 2.5, 2.5), (4, 'b', 5, '2024-02-01', '2024-01-02 00:00', 10, 3), (5, 'b', 7, '2024-02-03', '2024-01-02 06:00', 11, NULL), (6, 'b', NULL, NULL, NULL, NULL, 7), (7, 'a', 4, '2024-01-04', '2024-01-01 13:00', 4, 4)

query
SELECT id, sum(v) OVER w, row_number() OVER w FROM wf WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id
----
1|1|1
2|3|2
3|5|3
4|5|1
5|12|2
6|12|3
7|9|4
tag: SELECT 7

query
SELECT id, sum(v) OVER (w ORDER BY id), count(*) OVER w FROM wf WINDOW w AS (PARTITION BY g) ORDER BY id
----
1|1|4
2|3|4
3|5|4
4|5|3
5|12|3
6|12|3
7|9|4
tag: SELECT 7

query
SELECT id, sum(v) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM wf WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id
----
1|1
2|3
3|4
4|5
5|12
6|7
7|6
tag: SELECT 7

query
SELECT id, sum(v) OVER w2, max(v) OVER w1 FROM wf WINDOW w1 AS (PARTITION BY g), w2 AS (w1 ORDER BY v, id) ORDER BY id
----
1|1|4
2|3|4
3|5|4
4|5|7
5|12|7
6|12|7
7|9|4
tag: SELECT 7

query
SELECT id, sum(v) OVER w FROM wf WINDOW w AS (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) ORDER BY id
----
1|3
2|4
3|7
4|12
5|7
6|4
7|4
tag: SELECT 7

query
SELECT g, sum(sum(v)) OVER w FROM wf GROUP BY g WINDOW w AS (ORDER BY g) ORDER BY g
----
a|9
b|21
tag: SELECT 2

query
SELECT id FROM wf WINDOW unused AS (PARTITION BY g) ORDER BY id LIMIT 2
----
1
2
tag: SELECT 2

query
SELECT id, rank() OVER (W) FROM wf WINDOW w AS (ORDER BY v) ORDER BY id
----
1|1
2|2
3|2
4|5
5|6
6|7
7|4
tag: SELECT 7

statement error 42P20
SELECT sum(v) OVER (w PARTITION BY id) FROM wf WINDOW w AS (PARTITION BY g)

statement error 42P20
SELECT sum(v) OVER (w ORDER BY v) FROM wf WINDOW w AS (ORDER BY id)

statement error 42P20
SELECT sum(v) OVER (w) FROM wf WINDOW w AS (ORDER BY id ROWS UNBOUNDED PRECEDING)

statement error 42P20
SELECT sum(v) OVER (w ORDER BY id) FROM wf WINDOW w AS (ROWS UNBOUNDED PRECEDING)

statement error 42704
SELECT sum(v) OVER nope FROM wf

statement error 42704
SELECT sum(v) OVER (nope ORDER BY id) FROM wf

statement error 42704
SELECT 1 FROM wf WINDOW w2 AS (w1), w1 AS (ORDER BY id)

statement error 42P20
SELECT 1 FROM wf WINDOW w AS (ORDER BY id), w AS (ORDER BY v)
