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
