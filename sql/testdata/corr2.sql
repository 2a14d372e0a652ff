# corr2: a cursor declared without SCROLL or NO SCROLL is scrollable when its plan can run
# backward, as PostgreSQL's PerformCursorOpen decides (cursor_scroll.go).
statement ok
CREATE TABLE corr2_c (a int PRIMARY KEY, b text)

statement ok
INSERT INTO corr2_c VALUES (1, 'x'), (2, 'y'), (3, 'z')

statement ok
BEGIN

statement ok
DECLARE c1 CURSOR FOR SELECT * FROM corr2_c ORDER BY a

query
FETCH 2 FROM c1
----
1|x
2|y
tag: FETCH 2

query
FETCH PRIOR FROM c1
----
1|x
tag: FETCH 1

query
FETCH ABSOLUTE 2 FROM c1
----
2|y
tag: FETCH 1

query
FETCH BACKWARD 5 FROM c1
----
1|x
tag: FETCH 1

statement ok
DECLARE c2 CURSOR FOR SELECT b FROM corr2_c WHERE a > 1 ORDER BY a LIMIT 5

query
MOVE FORWARD ALL IN c2
----
tag: MOVE 2

query
FETCH BACKWARD ALL FROM c2
----
z
y
tag: FETCH 2

statement ok
DECLARE c3 CURSOR FOR SELECT * FROM generate_series(1, 3) g

statement ok
DECLARE c4 CURSOR FOR VALUES (1), (2), (3)

statement ok
DECLARE c5 CURSOR FOR SELECT a FROM corr2_c UNION ALL SELECT 7 FROM corr2_c

statement ok
DECLARE c6 CURSOR FOR SELECT b, count(*) FROM corr2_c GROUP BY b ORDER BY b

statement ok
DECLARE c7 CURSOR FOR SELECT b, count(*) FROM corr2_c GROUP BY b

statement ok
DECLARE c8 CURSOR FOR SELECT 1

statement ok
DECLARE c9 CURSOR FOR SELECT * FROM corr2_c FOR UPDATE

statement ok
DECLARE c10 NO SCROLL CURSOR FOR SELECT * FROM corr2_c

statement ok
DECLARE c11 CURSOR FOR SELECT count(*) FROM corr2_c

statement ok
DECLARE c12 CURSOR FOR SELECT DISTINCT b FROM corr2_c

statement ok
DECLARE c13 CURSOR FOR SELECT generate_series(1, 2)

statement ok
DECLARE c14 CURSOR FOR SELECT a, row_number() OVER () FROM corr2_c

statement ok
DECLARE c15 CURSOR FOR WITH w AS MATERIALIZED (SELECT a FROM corr2_c) SELECT * FROM w

statement ok
DECLARE c16 CURSOR FOR SELECT * FROM (SELECT a FROM corr2_c ORDER BY b LIMIT 2) s

query
SELECT name, is_scrollable FROM pg_cursors ORDER BY length(name), name
----
c1|t
c2|t
c3|t
c4|t
c5|t
c6|t
c7|f
c8|f
c9|f
c10|f
c11|f
c12|f
c13|f
c14|f
c15|t
c16|t
tag: SELECT 16

query
FETCH LAST FROM c3
----
3
tag: FETCH 1

query
FETCH PRIOR FROM c3
----
2
tag: FETCH 1

query
MOVE 1 IN c7
----
tag: MOVE 1

statement error 55000
FETCH PRIOR FROM c7

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
DECLARE c10 NO SCROLL CURSOR FOR SELECT * FROM corr2_c ORDER BY a

query
FETCH 2 FROM c10
----
1|x
2|y
tag: FETCH 2

statement error 55000
FETCH ABSOLUTE 1 FROM c10

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
DECLARE c11 CURSOR FOR SELECT count(*) FROM corr2_c

query
FETCH 1 FROM c11
----
3
tag: FETCH 1

statement error 55000
FETCH BACKWARD 1 FROM c11

statement ok
ROLLBACK

# A WITH HOLD cursor scrollable by default goes back after its COMMIT.
statement ok
BEGIN

statement ok
DECLARE h CURSOR WITH HOLD FOR SELECT a FROM corr2_c ORDER BY a

query
FETCH 2 FROM h
----
1
2
tag: FETCH 2

statement ok
COMMIT

query
FETCH FIRST FROM h
----
1
tag: FETCH 1

statement ok
CLOSE h
