# Randomized differential hunt (hunt8): each block a shrunk disagreement with PostgreSQL 15.
statement ok
CREATE TABLE h8e (id int PRIMARY KEY, o boolean, t text, j jsonb, arr int[])

statement ok
INSERT INTO h8e VALUES (1, true, 'x', '{}', '{1}')

# <@ computes its left operand first (drove swapped the operands of @> and computed the right
# one first, so the uuid cast failed before the subquery's two rows). exprdiff seed 880002.
statement error 21000
SELECT (SELECT j FROM generate_series(1, 2)) <@ (t::uuid)::text::jsonb FROM h8e

statement error 21000
SELECT CASE WHEN (SELECT o FROM generate_series(1, 2)) THEN j END <@ jsonb_build_object('a', t::uuid) FROM h8e

statement error 21000
SELECT (SELECT arr FROM generate_series(1, 2)) <@ ARRAY[t::uuid::text::int] FROM h8e

query
SELECT j <@ '{"a": 1}', '{"a": 1}' <@ j, arr <@ '{1,2}', '{1,2}' <@ arr FROM h8e
----
t|f|t|f
tag: SELECT 1

# An ordering of rows computes both fields of a pair before it looks for a NULL: the
# subquery beside a NULL still runs (its two rows are 21000). = is the AND of the pairs,
# which 1 = 2 decides before the subquery runs.
statement error 21000
SELECT (NULL::text, 1) >= ((SELECT 'a'::text UNION SELECT 'b'), 2)

statement error 21000
SELECT (NULL::text, 1) < ((SELECT t FROM h8e UNION SELECT 'b'), 2)

query
SELECT (NULL::text, 1) = ((SELECT 'a'::text UNION SELECT 'b'), 2)
----
f
tag: SELECT 1

query
SELECT (1, random() < 2) < (1, true), (1, 2) < (1, 3), (NULL::int, 2) < (1, 3), (1, 2) <= (1, 2), ('1', 2) < (1, 3)
----
f|t|NULL|t|t
tag: SELECT 1

query
SELECT (o, t) < (true, 'y'), (o, t) < (o, 'a' || t), ('a', t) > ('a', 'abc'::varchar), (id, t) >= (1, (SELECT t FROM h8e)) FROM h8e
----
t|f|t|t
tag: SELECT 1

query
SELECT count(*) FROM h8e WHERE (id, t) > (0, 'z') AND (o, id) <= (true, 1)
----
1
tag: SELECT 1

# A CHECK's <> prints as <> (vitess printed !=), and pg_constraint.conbin is the expression
# pg_get_expr prints (it was NULL).
statement ok
CREATE TABLE h8c (a int CHECK (a <> 3), b int, CONSTRAINT h8c_b CHECK (b != 4 AND a <> b), c int CHECK (c <> ALL (ARRAY[1, 2])))

query
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true), pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = 'h8c'::regclass ORDER BY conname
----
h8c_a_check|CHECK ((a <> 3))|CHECK (a <> 3)|(a <> 3)
h8c_b|CHECK (((b <> 4) AND (a <> b)))|CHECK (b <> 4 AND a <> b)|((b <> 4) AND (a <> b))
h8c_c_check|CHECK ((c <> ALL (ARRAY[1, 2])))|CHECK (c <> ALL (ARRAY[1, 2]))|(c <> ALL (ARRAY[1, 2]))
tag: SELECT 3

statement ok
CREATE INDEX h8c_pi ON h8c (a) WHERE a <> 5

query
SELECT pg_get_indexdef('h8c_pi'::regclass)
----
CREATE INDEX h8c_pi ON public.h8c USING btree (a) WHERE (a <> 5)
tag: SELECT 1

# A regclass or regtype read through a derived table, a WITH query, a scalar subquery or a
# GROUP BY prints as the name it stands for (it printed the oid).
statement ok
CREATE TABLE h8r (a int PRIMARY KEY)

query
SELECT r, r::text, r || '' FROM (SELECT 'h8r'::regclass AS r) s
----
h8r|h8r|h8r
tag: SELECT 1

query
SELECT r FROM (SELECT 'h8r'::regclass AS r UNION ALL SELECT 'h8r_pkey'::regclass) s ORDER BY 1
----
h8r
h8r_pkey
tag: SELECT 2

query
SELECT * FROM (SELECT 'h8r'::regclass AS r, 'int4'::regtype AS t) s
----
h8r|integer
tag: SELECT 1

query
WITH c AS (SELECT 'h8r'::regclass AS r) SELECT r, r = 'h8r'::regclass::oid, (SELECT count(*) FROM pg_class WHERE oid = c.r) FROM c
----
h8r|t|1
tag: SELECT 1

query
SELECT (SELECT 'h8r'::regclass), (SELECT 'h8r'::regclass)::text, (SELECT 'h8r'::regclass) = 'h8r'::regclass
----
h8r|h8r|t
tag: SELECT 1

query
SELECT r FROM (SELECT 'h8r'::regclass AS r) s GROUP BY r
----
h8r
tag: SELECT 1

query
SELECT r, count(*) FROM (SELECT 'h8r'::regclass AS r UNION ALL SELECT 'h8r'::regclass) s GROUP BY 1
----
h8r|2
tag: SELECT 1

query
SELECT format('%s', r), concat(r, '!'), t FROM (SELECT 'h8r'::regclass AS r) s, (VALUES ('int8'::regtype)) v(t)
----
h8r|h8r!|bigint
tag: SELECT 1

# regnamespace and regproc literals name a schema and a function (they were 22P02), print as
# the name, and compare as oids; a computed oid cast to one is the name.
query
SELECT 'now'::regproc, 'now'::regproc::oid, 'pg_catalog.now'::regproc, 1299::regproc, 'public'::regnamespace::oid, 11::regnamespace, '11'::regnamespace, 'PG_CATALOG'::regnamespace, '"public"'::regnamespace
----
now|1299|now|now|2200|pg_catalog|pg_catalog|pg_catalog|public
tag: SELECT 1

query
SELECT 'now'::regproc::text, 'pg_catalog'::regnamespace || '', format('%s', 'now'::regproc), 99999::regnamespace, '-'::regproc, '-'::regnamespace
----
now|pg_catalog|now|99999|-|-
tag: SELECT 1

statement error 3F000
SELECT 'nosuch'::regnamespace

statement error 42883
SELECT 'nosuch'::regproc

statement error 42725
SELECT 'abs'::regproc

statement error 42602
SELECT 'a.b.c'::regnamespace

statement error 42883
SELECT 'now()'::regproc

query
SELECT nspname FROM pg_namespace WHERE oid = 'pg_catalog'::regnamespace
----
pg_catalog
tag: SELECT 1

query
SELECT proname FROM pg_proc WHERE oid = 'now'::regproc
----
now
tag: SELECT 1

query
SELECT n, p FROM (SELECT 'public'::regnamespace AS n, 'now'::regproc AS p) s
----
public|now
tag: SELECT 1

query
SELECT pronamespace::regnamespace, oid::regproc FROM pg_proc WHERE proname = 'now'
----
pg_catalog|now
tag: SELECT 1
