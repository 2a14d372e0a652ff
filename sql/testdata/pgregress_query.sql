# pgregress_query: query semantics where drove once answered differently from PostgreSQL 15
# (its regression suite's subselect, window, with and join tests, and the hunts around them).
statement ok
CREATE TABLE pq_qb (id int PRIMARY KEY, w int)

statement ok
INSERT INTO pq_qb VALUES (1, 10), (2, 20)

statement ok
CREATE TABLE pq_qc (id int, w int)

statement ok
INSERT INTO pq_qc VALUES (1, 10), (2, 20)

# A subquery of an aggregated query may read a column functionally dependent on the group
# (its table's primary key grouped), as the query itself may.
query
SELECT id, (SELECT w), (SELECT w + id FROM pq_qc WHERE pq_qc.id = pq_qb.id) FROM pq_qb GROUP BY id ORDER BY id
----
1|10|11
2|20|22
tag: SELECT 2

query
SELECT id, (SELECT (SELECT w)) FROM pq_qb GROUP BY id HAVING (SELECT w) > 10
----
2|20
tag: SELECT 1

statement error 42803
SELECT id, (SELECT w) FROM pq_qc GROUP BY id

# A window call's arguments may aggregate: the query is then aggregated (one group without
# GROUP BY), as PostgreSQL's.
query
SELECT sum(sum(w)) OVER (), count(*) OVER (ORDER BY max(w)) FROM pq_qc
----
30|1
tag: SELECT 1

query
SELECT rank() OVER (ORDER BY sum(w)) FROM pq_qc
----
1
tag: SELECT 1

statement error 42803
SELECT id, sum(sum(w)) OVER () FROM pq_qc

# DISTINCT ON may name a window call.
query
SELECT DISTINCT ON (row_number() OVER (ORDER BY id)) id, w FROM pq_qc
----
1|10
2|20
tag: SELECT 2

query
SELECT DISTINCT ON (w / 100, rank() OVER (ORDER BY w / 100)) w / 100 FROM pq_qc
----
0
tag: SELECT 1

# WITH RECURSIVE: an item may read a later one (the items are ordered by what they read);
# items reading each other are not implemented (0A000); a self-reference outside the form
# non-recursive-term UNION [ALL] recursive-term is 42P19 (with.sql).
query
WITH RECURSIVE x(n) AS (SELECT n + 1 FROM y), y(n) AS (SELECT 1) SELECT * FROM x
----
2
tag: SELECT 1

query
WITH RECURSIVE a AS (SELECT * FROM c UNION ALL SELECT n + 1 FROM a WHERE n < 3), b AS (SELECT 10 AS n), c AS (SELECT n FROM b) SELECT * FROM a ORDER BY n
----
10
tag: SELECT 1

statement error 0A000
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM y WHERE n < 3), y(n) AS (SELECT n FROM x) SELECT * FROM x

statement error 42P01
WITH x(n) AS (SELECT n FROM y), y(n) AS (SELECT 1) SELECT * FROM x

statement error 42P19
WITH RECURSIVE x(n) AS (SELECT n FROM x) SELECT * FROM x

statement error 42P19
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3 UNION ALL SELECT 5) SELECT * FROM x

statement error 42P19
WITH RECURSIVE x(n) AS (SELECT n + 1 FROM x UNION ALL SELECT 1) SELECT * FROM x

statement error 42P19
WITH RECURSIVE x(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM x) SELECT * FROM x
