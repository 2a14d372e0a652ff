# A statement's subqueries read the table as the statement found it (PostgreSQL's command ids),
# never the rows it has inserted or updated by then: ON CONFLICT DO UPDATE SET / WHERE,
# RETURNING, INSERT ... SELECT from the same table, UPDATE ... FROM a self-join.
statement ok
CREATE TABLE uv (id int PRIMARY KEY, n int, u int UNIQUE)

statement ok
INSERT INTO uv VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3)

query
INSERT INTO uv VALUES (10, 0, 10), (1, 0, 1), (11, 0, 11), (2, 0, 2) ON CONFLICT (id) DO UPDATE SET n = (SELECT count(*) FROM uv) RETURNING id, n
----
10|0
1|3
11|0
2|3
tag: INSERT 0 4

query
SELECT * FROM uv ORDER BY id
----
1|3|1
2|3|2
3|3|3
10|0|10
11|0|11
tag: SELECT 5

query
INSERT INTO uv VALUES (1, 0, 1), (2, 0, 2), (3, 0, 3) ON CONFLICT (id) DO UPDATE SET n = (SELECT sum(n) FROM uv) + (SELECT n FROM uv x WHERE x.id = uv.id + 1) RETURNING id, n
----
1|12
2|12
3|NULL
tag: INSERT 0 3

query
INSERT INTO uv VALUES (12, 0, 12), (1, 5, 1), (13, 0, 13) ON CONFLICT (u) DO UPDATE SET n = (SELECT max(id) FROM uv) + excluded.n RETURNING id, n, (SELECT count(*) FROM uv)
----
12|0|5
1|16|5
13|0|5
tag: INSERT 0 3

query
INSERT INTO uv VALUES (14, 0, 14), (1, 0, 1), (2, 0, 2) ON CONFLICT (id) DO UPDATE SET n = -1 WHERE EXISTS (SELECT 1 FROM uv x WHERE x.id = 14) OR uv.id = 2 RETURNING id, n
----
14|0
2|-1
tag: INSERT 0 2

query
INSERT INTO uv VALUES (15, 0, 15), (16, 0, 16) ON CONFLICT DO NOTHING RETURNING id, (SELECT count(*) FROM uv)
----
15|8
16|8
tag: INSERT 0 2

query
INSERT INTO uv SELECT id + 10, n, u + 10 FROM uv WHERE id <= 6 ON CONFLICT (id) DO UPDATE SET n = (SELECT count(*) FROM uv) + excluded.n RETURNING id, n
----
11|26
12|9
13|NULL
tag: INSERT 0 3

query
SELECT * FROM uv ORDER BY id
----
1|16|1
2|-1|2
3|NULL|3
10|0|10
11|26|11
12|9|12
13|NULL|13
14|0|14
15|0|15
16|0|16
tag: SELECT 10

statement error 21000
INSERT INTO uv VALUES (30, 0, 30), (30, 1, 31) ON CONFLICT (id) DO UPDATE SET n = (SELECT count(*) FROM uv)

statement ok
BEGIN

statement ok
INSERT INTO uv VALUES (40, 40, 40)

statement ok
UPDATE uv SET n = 100 WHERE id = 1

query
INSERT INTO uv VALUES (41, 0, 41), (1, 0, 1), (40, 0, 40) ON CONFLICT (id) DO UPDATE SET n = (SELECT count(*) FROM uv) + (SELECT n FROM uv x WHERE x.id = 1) RETURNING id, n
----
41|0
1|111
40|111
tag: INSERT 0 3

query
INSERT INTO uv VALUES (1, 0, 1), (40, 0, 40) ON CONFLICT (id) DO UPDATE SET n = (SELECT n FROM uv x WHERE x.id = 1) + (SELECT n FROM uv x WHERE x.id = 40) RETURNING id, n
----
1|222
40|222
tag: INSERT 0 2

query
UPDATE uv SET n = (SELECT sum(n) FROM uv x WHERE x.id <= uv.id) FROM uv y WHERE y.id = uv.id AND uv.id IN (1, 2, 3, 40, 41) RETURNING uv.id, uv.n, (SELECT count(*) FROM uv)
----
1|222|12
2|221|12
3|221|12
40|478|12
41|478|12
tag: UPDATE 5

query
SELECT * FROM uv ORDER BY id
----
1|222|1
2|221|2
3|221|3
10|0|10
11|26|11
12|9|12
13|NULL|13
14|0|14
15|0|15
16|0|16
40|478|40
41|478|41
tag: SELECT 12

statement ok
COMMIT

query
UPDATE uv SET n = (SELECT max(x.n) FROM uv x) + 1 FROM uv y WHERE y.id = uv.id + 1 AND uv.id < 4 RETURNING uv.id, uv.n
----
1|479
2|479
tag: UPDATE 2

query
SELECT * FROM uv ORDER BY id
----
1|479|1
2|479|2
3|221|3
10|0|10
11|26|11
12|9|12
13|NULL|13
14|0|14
15|0|15
16|0|16
40|478|40
41|478|41
tag: SELECT 12
