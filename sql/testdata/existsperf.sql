# Correlated EXISTS switched to a hash set, hoisted EXISTS conjuncts, and a hash join kept
# across LATERAL rows (issue 16): the answers must not change, NULLs included.
statement ok
CREATE TABLE ep_u (k int, j int, v int, w int)

statement ok
INSERT INTO ep_u SELECT CASE WHEN i % 17 = 0 THEN NULL ELSE i % 150 END, i % 40, CASE WHEN i % 13 = 0 THEN NULL ELSE i END, i % 7 FROM generate_series(1, 300) i

statement ok
CREATE INDEX ep_u_k ON ep_u (k)

statement ok
CREATE INDEX ep_u_jv ON ep_u (j, v)

statement ok
CREATE TABLE ep_t (id int, x int, y int)

statement ok
INSERT INTO ep_t SELECT i, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 230 END, i % 9 FROM generate_series(1, 1000) i

query
SELECT count(*), sum(id) FROM ep_t WHERE EXISTS (SELECT 1 FROM ep_u WHERE ep_u.k = ep_t.x)
----
618|299353
tag: SELECT 1

query
SELECT count(*), sum(id) FROM ep_t WHERE NOT EXISTS (SELECT 1 FROM ep_u WHERE ep_u.k = ep_t.x AND ep_u.w > 2)
----
406|212444
tag: SELECT 1

query
SELECT count(*), sum(id) FROM ep_t WHERE EXISTS (SELECT 1 FROM ep_u WHERE ep_u.j = ep_t.x AND ep_u.w <> 3) OR y = 0
----
272|133139
tag: SELECT 1

query
SELECT count(*), sum(id) FROM ep_t WHERE EXISTS (SELECT 1 FROM ep_u u WHERE u.k = ep_t.x AND ep_t.y > 4)
----
273|132335
tag: SELECT 1

query
SELECT count(*), sum(id) FROM ep_t WHERE EXISTS (SELECT 1 FROM ep_u u WHERE u.k = ep_t.x AND (ep_t.y > 4) IS NOT TRUE AND NOT EXISTS (SELECT 1 FROM ep_u u2 WHERE u2.j = ep_t.y))
----
0|NULL
tag: SELECT 1

query
SELECT count(*), sum(a.id) FROM ep_t a, ep_t b WHERE a.x = b.x AND a.id < 300 AND EXISTS (SELECT 1 FROM ep_u c WHERE b.y = c.w AND NOT EXISTS (SELECT 1 FROM ep_u d WHERE a.x = d.j))
----
622|96122
tag: SELECT 1

query
SELECT count(*), sum(b.id), count(ss.x) FROM ep_t a, ep_t b JOIN LATERAL (VALUES (a.x), (NULL::int), (a.y)) ss(x) ON b.id = ss.x
----
1795|102952|1795
tag: SELECT 1

query
SELECT count(*), count(b.id) FROM ep_t a LEFT JOIN LATERAL (SELECT b.id FROM ep_t b JOIN (VALUES (a.x)) ss(x) ON b.x = ss.x) b ON true
----
3784|3694
tag: SELECT 1
