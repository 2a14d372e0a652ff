# Tables without a primary key: rows get a hidden row id, so duplicates are kept and every
# statement works as on any table.

statement ok
CREATE TABLE history (tid int, delta int, note text)

query
INSERT INTO history VALUES (1, 10, 'a'), (1, 10, 'a'), (2, -5, NULL)
----
tag: INSERT 0 3

query
SELECT * FROM history ORDER BY tid, delta
----
1|10|a
1|10|a
2|-5|NULL
tag: SELECT 3

query
SELECT h.* FROM history h WHERE h.tid = 2
----
2|-5|NULL
tag: SELECT 1

query
SELECT tid, sum(delta), count(*) FROM history GROUP BY tid ORDER BY tid
----
1|20|2
2|-5|1
tag: SELECT 2

query
UPDATE history SET delta = delta * 2 WHERE tid = 1
----
tag: UPDATE 2

query
DELETE FROM history WHERE note IS NULL
----
tag: DELETE 1

query
INSERT INTO history (delta) VALUES (7) RETURNING *
----
NULL|7|NULL
tag: INSERT 0 1

query
INSERT INTO history SELECT tid, delta + 1, note FROM history WHERE tid = 1
----
tag: INSERT 0 2

query
SELECT tid, delta, note FROM history ORDER BY tid NULLS FIRST, delta
----
NULL|7|NULL
1|20|a
1|20|a
1|21|a
1|21|a
tag: SELECT 5

query
SELECT count(*) FROM history a JOIN history b ON a.delta = b.delta
----
9
tag: SELECT 1

statement error 42601
INSERT INTO history VALUES (1, 2, 'three', 4)

statement ok
TRUNCATE history

statement ok
INSERT INTO history VALUES (5, 5, 'after truncate')

query
SELECT * FROM history
----
5|5|after truncate
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO history VALUES (6, 6, 'rolled back')

statement ok
ROLLBACK

query
SELECT count(*) FROM history
----
1
tag: SELECT 1
