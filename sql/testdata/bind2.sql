# bind2: LIMIT ALL is a LIMIT (a NULL count, as in PostgreSQL's raw tree), not the absence
# of one: a recursive WITH query refuses it as it refuses any LIMIT; OFFSET alone is no LIMIT.
statement ok
CREATE TABLE b2_t (id int PRIMARY KEY, v int)

statement ok
INSERT INTO b2_t VALUES (1, 10), (2, 20), (3, 30)

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 LIMIT ALL) SELECT n FROM t

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 LIMIT NULL) SELECT n FROM t

statement error 0A000
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 LIMIT ALL OFFSET 0) SELECT n FROM t

# The recursive term's own LIMIT ALL (in parentheses) is not the recursive query's.
query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3 LIMIT ALL)) SELECT n FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t LIMIT ALL
----
1
2
3
tag: SELECT 3

query
SELECT id FROM b2_t ORDER BY id LIMIT ALL
----
1
2
3
tag: SELECT 3

query
SELECT id FROM b2_t ORDER BY id OFFSET 1 LIMIT ALL
----
2
3
tag: SELECT 2

query
SELECT id FROM b2_t ORDER BY id LIMIT NULL OFFSET 2
----
3
tag: SELECT 1

query
SELECT id FROM (SELECT id FROM b2_t ORDER BY id DESC LIMIT ALL) s WHERE id > 1 ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT (SELECT v FROM b2_t WHERE id = o.id LIMIT ALL) FROM b2_t o ORDER BY 1
----
10
20
30
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3 LIMIT 1)) SELECT n FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3 ORDER BY 1 DESC OFFSET 0)) SELECT n FROM t
----
1
2
3
tag: SELECT 3

query
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 2 UNION ALL (SELECT n + 10 FROM t WHERE n < 20 ORDER BY 1 LIMIT 1)) SELECT n FROM t
----
1
2
11
21
tag: SELECT 4
