# regjoin: statements from PostgreSQL 15's join, subselect, select_distinct, limit, union, case
# and select_having regression files (and variants of them) where drove answered differently.
statement ok
CREATE TABLE rj_t (id int PRIMARY KEY, g int, v int)

statement ok
INSERT INTO rj_t VALUES (1, 1, 30), (2, 1, 10), (3, 2, 20), (4, 2, 50), (5, 3, 40)

statement ok
CREATE SEQUENCE rj_seq

# A volatile select-list item is computed after ORDER BY and LIMIT (limit.sql); with a sort key
# that is not in the select list the session used to panic (slice bounds out of range) and the
# connection was lost.
query
SELECT id, nextval('rj_seq') FROM rj_t ORDER BY v LIMIT 3
----
2|1
3|2
1|3
tag: SELECT 3

query
SELECT id, nextval('rj_seq') FROM rj_t ORDER BY v DESC, g OFFSET 1 LIMIT 2
----
5|5
1|6
tag: SELECT 2

query
SELECT sum(v) AS s1, sum(v) + random() * 0 AS s2 FROM rj_t GROUP BY g ORDER BY g LIMIT 2
----
40|40
70|70
tag: SELECT 2

# The postponed item runs below LIMIT, as PostgreSQL's Limit over Result over Sort: the rows
# OFFSET skips are computed too.
query
SELECT id, v, nextval('rj_seq') FROM rj_t ORDER BY v OFFSET 2 LIMIT 2
----
1|30|9
5|40|10
tag: SELECT 2

statement ok
CREATE TABLE rj_p (id int PRIMARY KEY, x int)

statement ok
INSERT INTO rj_p VALUES (1, NULL), (2, 20), (3, 30)

statement ok
CREATE TABLE rj_q (a int, b int)

statement ok
INSERT INTO rj_q VALUES (1, NULL), (NULL, NULL), (3, 33)

# A table's name used as a value on the NULL-extended side of an outer join is NULL, not a
# record of NULLs: count(q) counts only the joined rows (join.sql's count(t2.*)). A stored row
# whose columns are all NULL stays a record.
query
SELECT p.id, count(q) FROM rj_p p LEFT JOIN rj_q q ON q.a = p.id GROUP BY p.id ORDER BY 1
----
1|1
2|0
3|1
tag: SELECT 3

query
SELECT p.id, q, q IS NULL, row_to_json(q), to_jsonb(q) FROM rj_p p LEFT JOIN rj_q q ON q.a = p.id ORDER BY 1
----
1|(1,)|f|{"a":1,"b":null}|{"a": 1, "b": null}
2|NULL|t|NULL|NULL
3|(3,33)|f|{"a":3,"b":33}|{"a": 3, "b": 33}
tag: SELECT 3

query
SELECT q.a, q.b, p, coalesce(p::text, 'none') FROM rj_p p RIGHT JOIN rj_q q ON q.a = p.id ORDER BY 1, 2
----
1|NULL|(1,)|(1,)
3|33|(3,30)|(3,30)
NULL|NULL|NULL|none
tag: SELECT 3

query
SELECT count(q), count(*) FROM rj_q q
----
3|3
tag: SELECT 1

query
SELECT p.id, q.a, p, q FROM rj_p p FULL JOIN rj_q q ON p.id = q.a + 1 ORDER BY 1, 2
----
1|NULL|(1,)|NULL
2|1|(2,20)|(1,)
3|NULL|(3,30)|NULL
NULL|3|NULL|(3,33)
NULL|NULL|NULL|(,)
tag: SELECT 5

query
SELECT p.id, (SELECT count(q) FROM rj_q q WHERE q.a = p.id) FROM rj_p p ORDER BY 1
----
1|1
2|0
3|1
tag: SELECT 3

# An ORDER BY expression equal to a select-list item sorts on that item (PostgreSQL's
# findTargetlistEntrySQL99): SELECT DISTINCT f(x) ... ORDER BY f(x) runs (select_distinct.sql
# variants; drove answered 42P10), a qualified name matches its column, and ORDER BY random()
# sorts on the random() the rows show.
query
SELECT DISTINCT g % 2 FROM rj_t ORDER BY g % 2 DESC
----
1
0
tag: SELECT 2

query
SELECT DISTINCT abs(v - 25) FROM rj_t ORDER BY abs(v - 25)
----
5
15
25
tag: SELECT 3

query
SELECT DISTINCT (g * 10)::text AS t FROM rj_t ORDER BY (g * 10)::text
----
10
20
30
tag: SELECT 3

query
SELECT DISTINCT t.g FROM rj_t t ORDER BY t.g
----
1
2
3
tag: SELECT 3

query
SELECT DISTINCT g FROM rj_t t ORDER BY t.g DESC
----
3
2
1
tag: SELECT 3

query
SELECT DISTINCT * FROM rj_q q ORDER BY q.a NULLS FIRST, q.b
----
NULL|NULL
1|NULL
3|33
tag: SELECT 3

query
SELECT DISTINCT g, count(*) FROM rj_t GROUP BY g ORDER BY count(*), g
----
3|1
1|2
2|2
tag: SELECT 3

query
SELECT DISTINCT upper(s) FROM (VALUES ('a'), ('B'), ('A')) v(s) ORDER BY upper(s)
----
A
B
tag: SELECT 2

statement error 42P10
SELECT DISTINCT g % 2 FROM rj_t ORDER BY g

statement error 42P10
SELECT DISTINCT g % 2 FROM rj_t ORDER BY g % 3

query
SELECT bool_and(r >= prev) FROM (SELECT r, lag(r) OVER () AS prev FROM (SELECT random() AS r FROM generate_series(1, 50) ORDER BY random()) s) t
----
t
tag: SELECT 1

# NATURAL INNER JOIN is NATURAL JOIN (join.sql; drove answered 42601).
query
SELECT * FROM rj_p a NATURAL INNER JOIN (SELECT id, x FROM rj_p WHERE id > 1) b ORDER BY 1
----
2|20
3|30
tag: SELECT 2

query
SELECT * FROM (SELECT id AS a, x AS k FROM rj_p) s NATURAL INNER JOIN rj_q NATURAL INNER JOIN (SELECT 3 AS a) t ORDER BY 1
----
3|30|33
tag: SELECT 1
