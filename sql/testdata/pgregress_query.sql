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

# NATURAL FULL JOIN: USING the columns both sides name (join.sql).
statement ok
CREATE TABLE pq_n1 (a int, b int)

statement ok
CREATE TABLE pq_n2 (a int, c int)

statement ok
INSERT INTO pq_n1 VALUES (1, 1), (2, 2)

statement ok
INSERT INTO pq_n2 VALUES (2, 2), (3, 3)

query
SELECT * FROM pq_n1 NATURAL FULL JOIN pq_n2 ORDER BY a
----
1|1|NULL
2|2|2
3|NULL|3
tag: SELECT 3

query
SELECT pq_n1.a, pq_n2.a, a, c FROM pq_n1 NATURAL FULL OUTER JOIN pq_n2 WHERE a > 1 ORDER BY 3
----
2|2|2|2
NULL|3|3|3
tag: SELECT 2

query
SELECT * FROM pq_n1 NATURAL FULL JOIN pq_n2 NATURAL FULL JOIN pq_n1 x ORDER BY a, b
----
1|1|NULL
2|2|2
3|NULL|3
tag: SELECT 3

query
SELECT j.a, x.c FROM (pq_n1 NATURAL FULL JOIN (SELECT a, a AS b FROM pq_n2) s) j, pq_n2 x WHERE x.a = j.a
----
2|2
3|3
tag: SELECT 2

query
SELECT count(*) FROM (SELECT 1 AS z) s NATURAL FULL JOIN (SELECT 2 AS y) t
----
1
tag: SELECT 1

query
SELECT * FROM pq_n1 NATURAL FULL JOIN LATERAL (SELECT pq_n2.a, pq_n2.c FROM pq_n2) l ORDER BY a
----
1|1|NULL
2|2|2
3|NULL|3
tag: SELECT 3

statement error 42601
SELECT * FROM pq_n1 NATURAL FULL JOIN pq_n2 ON true

statement error 42601
SELECT * FROM pq_n1 FULL JOIN pq_n2

# SELECT * in an aggregated query: every column grouped or dependent on the group (its
# table's primary key grouped), else 42803.
query
SELECT * FROM pq_n1 NATURAL FULL JOIN pq_n2 GROUP BY a, b, c ORDER BY a
----
1|1|NULL
2|2|2
3|NULL|3
tag: SELECT 3

query
SELECT *, count(*) FROM pq_n1 FULL JOIN pq_n2 USING (a) GROUP BY a, pq_n1.b, pq_n2.c ORDER BY a
----
1|1|NULL|1
2|2|2|1
3|NULL|3|1
tag: SELECT 3

query
SELECT pq_qb.*, count(*) FROM pq_qb GROUP BY id ORDER BY id
----
1|10|1
2|20|1
tag: SELECT 2

query
SELECT x.*, max(y.w) FROM pq_qb x JOIN pq_qc y USING (id) GROUP BY x.id ORDER BY 1
----
1|10|10
2|20|20
tag: SELECT 2

query
SELECT * FROM pq_qc GROUP BY id, w HAVING w > 10
----
2|20
tag: SELECT 1

statement error 42803
SELECT * FROM pq_qc GROUP BY id

statement error 42803
SELECT pq_n1.* FROM pq_n1 FULL JOIN pq_n2 USING (a) GROUP BY a, b

statement error 42803
SELECT *, count(*) FROM pq_qc

# A qualified reference to a merged USING column is that side's value, which grouping the
# merged column does not group.
statement error 42803
SELECT pq_n1.a FROM pq_n1 FULL JOIN pq_n2 USING (a) GROUP BY a

query
SELECT pq_n2.a, a, (SELECT pq_n2.a) FROM pq_n1 FULL JOIN pq_n2 USING (a) GROUP BY a, pq_n2.a ORDER BY 2
----
NULL|1|NULL
2|2|2
3|3|3
tag: SELECT 3

# Words vitess reserves that PostgreSQL reads as names: key (not after PRIMARY or FOREIGN),
# window functions' names not called, partition (not before BY), match (not before FULL,
# SIMPLE or PARTIAL) and a few MySQL statement words.
statement ok
CREATE TABLE pq_kw (key int PRIMARY KEY, rank int, partition text, match bool, lag int, databases int, condition int)

statement ok
INSERT INTO pq_kw (key, rank, partition, match, lag, databases, condition) VALUES (1, 2, 'p', true, 3, 4, 5), (2, 1, 'p', false, NULL, 6, 7)

query
SELECT key, rank, partition, match, lag, databases, condition, rank() OVER (PARTITION BY partition ORDER BY key DESC), lag(key) OVER (ORDER BY key) FROM pq_kw ORDER BY key
----
1|2|p|t|3|4|5|2|NULL
2|1|p|f|NULL|6|7|1|1
tag: SELECT 2

query
SELECT k.key, key + rank AS key FROM pq_kw k WHERE match AND key IN (SELECT key FROM pq_kw) GROUP BY key ORDER BY 1
----
1|3
tag: SELECT 1

statement ok
CREATE TABLE pq_kw2 (id int PRIMARY KEY, key int, FOREIGN KEY (key) REFERENCES pq_kw (key) MATCH SIMPLE)

statement ok
INSERT INTO pq_kw2 VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET key = excluded.key

query
UPDATE pq_kw2 SET key = 1 WHERE key = 2 RETURNING key, id
----
1|1
tag: UPDATE 1

# ALTER TABLE ADD COLUMN takes PostgreSQL's type names as CREATE TABLE does, and a DEFAULT,
# there or in CREATE TABLE, may end with a cast (pg_dump writes DEFAULT 'x'::text).
statement ok
CREATE TABLE pq_ad (a int PRIMARY KEY, b text DEFAULT 'x'::text, c int8 DEFAULT '5'::int8 NOT NULL)

statement ok
ALTER TABLE pq_ad ADD COLUMN d timestamptz, ADD e int8 DEFAULT 7::int8, ADD COLUMN f character varying(4) DEFAULT 'ab'::character varying

statement ok
INSERT INTO pq_ad (a) VALUES (1)

query
SELECT a, b, c, d, e, f, pg_typeof(c), pg_typeof(d), pg_typeof(e), pg_typeof(f) FROM pq_ad
----
1|x|5|NULL|7|ab|bigint|timestamp with time zone|bigint|character varying
tag: SELECT 1

# pg_typeof names char(n) and varchar values' types.
statement ok
CREATE TABLE pq_ch (c char(3), v varchar(4), t text)

statement ok
INSERT INTO pq_ch VALUES ('a', 'b', 'c')

query
SELECT pg_typeof(c), pg_typeof(v), pg_typeof(t), pg_typeof(c || ''), pg_typeof(v || v), pg_typeof('x'::varchar), pg_typeof('x'::char(2)), pg_typeof(coalesce(v, 'z')), pg_typeof(lower(v)) FROM pq_ch
----
character|character varying|text|text|text|character varying|character|character varying|text
tag: SELECT 1

query
SELECT pg_typeof(s.v), pg_typeof(s.c), pg_typeof(m) FROM (SELECT v, c, NULL::text AS m FROM pq_ch UNION ALL SELECT v, c, m FROM (SELECT max(v) AS m FROM pq_ch) x, pq_ch) s LIMIT 1
----
character varying|character|text
tag: SELECT 1

# x [NOT] IN (list) is simplified as PostgreSQL's planner does: the items that read no column
# (two or more) as one array, computed whole, then x = item OR ... left to right, so an item
# after a constant that decides the answer is never simplified, and a constant in it that
# fails to compute is no error (found by TestExprDifferential, seed 1796113233307583532).
statement ok
CREATE TABLE pq_in (id int, o bool, i int)

statement ok
INSERT INTO pq_in VALUES (1, true, 1), (2, false, 2)

query
SELECT id, CASE WHEN o THEN 1 WHEN true NOT IN (true, (i < 1 % - '-2147483648'::int)) THEN 2 END, 1 IN (1, i + 1 % - '-2147483648'::int), 2 NOT IN (i, 2, i / 0) FROM pq_in ORDER BY id
----
1|1|t|f
2|NULL|t|f
tag: SELECT 2

query
SELECT id FROM pq_in WHERE 1 IN (i, 1, i + 1 % - '-2147483648'::int) ORDER BY id
----
1
2
tag: SELECT 2

statement error 22003
SELECT id FROM pq_in WHERE 1 IN (1, 2, 1 % - '-2147483648'::int)

statement error 22003
SELECT id FROM pq_in WHERE i IN (1 % - '-2147483648'::int)

statement error 22012
SELECT id FROM pq_in WHERE 3 NOT IN (i, 2, 1 / 0)

query
SELECT id, CASE WHEN NOT (true NOT IN (true, i < 1 % - '-2147483648'::int)) OR 1 % - '-2147483648'::int > 0 THEN 'a' END, CASE WHEN 2 IN (1, 2, i) OR jsonb_array_length('1.5'::jsonb) > 0 THEN 'b' END FROM pq_in ORDER BY id
----
1|a|b
2|a|b
tag: SELECT 2

# quote_literal and quote_nullable of a boolean quote its text, true or false (PostgreSQL's
# quote_literal($1::text)), not its output t or f.
query
SELECT quote_nullable(1.5), quote_literal(true), quote_nullable(false), quote_nullable(NULL::bool), quote_literal(ARRAY[1, 2])
----
'1.5'|'true'|'false'|NULL|'{1,2}'
tag: SELECT 1
