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

# A cursor's rows are computed by the FETCH that returns them, in the session's TimeZone of
# then: a SET between two FETCHes applies to the rows after it, as in PostgreSQL.
statement ok
CREATE TABLE corr2_tz (a int PRIMARY KEY, t timestamptz)

statement ok
INSERT INTO corr2_tz VALUES (1, '2024-01-01 12:00:00+00'), (2, '2024-06-01 12:00:00+00'), (3, '2024-07-01 00:00:00+00')

statement ok
SET TimeZone = 'UTC'

statement ok
BEGIN

statement ok
DECLARE z NO SCROLL CURSOR FOR SELECT a, t, t::text, extract(hour FROM t), to_char(t, 'HH24') FROM corr2_tz

statement ok
SET TimeZone = 'Asia/Tokyo'

query
FETCH 1 FROM z
----
1|2024-01-01 21:00:00+09|2024-01-01 21:00:00+09|21|21
tag: FETCH 1

statement ok
SET TimeZone = 'America/New_York'

query
FETCH 2 FROM z
----
2|2024-06-01 08:00:00-04|2024-06-01 08:00:00-04|8|08
3|2024-06-30 20:00:00-04|2024-06-30 20:00:00-04|20|20
tag: FETCH 2

statement ok
SET LOCAL TimeZone = 'Europe/Berlin'

query
FETCH 1 FROM z
----
tag: FETCH 0

statement ok
COMMIT

# A WITH HOLD cursor's rows are computed at its COMMIT; its timestamptz values print in the
# zone of the FETCH.
statement ok
SET TimeZone = 'UTC'

statement ok
BEGIN

statement ok
DECLARE hz CURSOR WITH HOLD FOR SELECT a, t, t::text FROM corr2_tz ORDER BY a

query
FETCH 1 FROM hz
----
1|2024-01-01 12:00:00+00|2024-01-01 12:00:00+00
tag: FETCH 1

statement ok
COMMIT

statement ok
SET TimeZone = 'Asia/Tokyo'

query
FETCH 1 FROM hz
----
2|2024-06-01 21:00:00+09|2024-06-01 12:00:00+00
tag: FETCH 1

query
FETCH PRIOR FROM hz
----
1|2024-01-01 21:00:00+09|2024-01-01 12:00:00+00
tag: FETCH 1

statement ok
CLOSE hz

statement ok
RESET TimeZone

# A regtype literal is the oid of the type it names, as regtypein reads it; 42704 for none.
query
SELECT 'int4'::regtype::oid, 'integer'::regtype::oid, 'pg_catalog.int4'::regtype::oid, 'int'::regtype::oid, 'varchar'::regtype::oid, 'character varying'::regtype::oid, 'text[]'::regtype::oid, '_int4'::regtype::oid, 'timestamptz'::regtype::oid, 'timestamp with time zone'::regtype::oid, 'double precision'::regtype::oid, '"int4"'::regtype::oid, 'INT4'::regtype::oid, 'numeric(10,2)'::regtype::oid, 'bool'::regtype::oid, '25'::regtype::oid
----
23|23|23|23|1043|1043|1009|1007|1184|1184|701|23|23|1700|16|25
tag: SELECT 1

query
SELECT 'int4'::regtype::oid = 23
----
t
tag: SELECT 1

query
SELECT typname FROM pg_type WHERE oid = 'integer'::regtype
----
int4
tag: SELECT 1

statement error 42704
SELECT 'nosuchtype'::regtype

statement error 42704
SELECT '"Int4"'::regtype

statement error 42704
SELECT 'pg_catalog.nosuch'::regtype
