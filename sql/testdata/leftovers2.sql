# leftovers2: wrong answers and wrong errors left by the previous leftovers task.
statement ok
CREATE TABLE l2_t (a int PRIMARY KEY, b int)

statement ok
INSERT INTO l2_t VALUES (1, 2), (3, 4)

# A whole-row value in an aggregated query is read through the group (the GROUP BY item that
# is the same whole-row value, or the row of a table whose primary key is grouped), not from
# the aggregated row's slots: it read (0) and (0,1), or panicked.
query
SELECT s, count(*) FROM (SELECT x FROM generate_series(1, 5) x) s GROUP BY s ORDER BY s
----

query
SELECT s FROM (SELECT x FROM generate_series(1, 3) x) s GROUP BY 1 ORDER BY 1
----

query
SELECT l2_t, count(*) FROM l2_t GROUP BY l2_t ORDER BY 1
----

query
SELECT g, count(*) FROM l2_t g GROUP BY g ORDER BY g
----

query
SELECT l2_t FROM l2_t GROUP BY a ORDER BY a
----

query
SELECT row_to_json(l2_t.*) FROM l2_t GROUP BY l2_t ORDER BY 1::text
----

query
SELECT row_to_json(l2_t) FROM l2_t GROUP BY l2_t.* ORDER BY 1::text
----

query
SELECT (SELECT l2_t) FROM l2_t GROUP BY l2_t ORDER BY 1
----

query
SELECT (SELECT row_to_json(l2_t.*)) FROM l2_t GROUP BY a ORDER BY a
----

query
SELECT l2_t FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY l2_t.a ORDER BY 1
----

query
SELECT g2, count(*) FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY g2.a
----

query
SELECT g2 IS NULL, count(*) FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY g2
----

statement error 42803
SELECT l2_t FROM l2_t GROUP BY b

statement error 42803
SELECT (SELECT l2_t) FROM l2_t GROUP BY b

statement error 42803
SELECT count(*) FROM l2_t GROUP BY b HAVING l2_t IS NULL

statement error 42803
SELECT s, count(*) FROM (SELECT x FROM generate_series(1, 3) x) s GROUP BY s.x

