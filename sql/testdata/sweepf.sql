# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (union, select_distinct,
# case, select_having, select_implicit, limit, returning, insert_conflict) and probes around
# them, recorded from PostgreSQL 15.
# A common type of real and numeric (or an integer) is real, not double precision:
# select_common_type climbs the implicit casts (an operator would pick double precision).
query
SELECT CASE WHEN true THEN 1.1::float4 ELSE 2::numeric END, pg_typeof(CASE WHEN true THEN 1.1::float4 ELSE 2::numeric END)
----
1.1|real
tag: SELECT 1

query
SELECT COALESCE(1.1::float4, 2::numeric), COALESCE(2::numeric, 1.1::float4), pg_typeof(COALESCE(1::numeric, 2::float4))
----
1.1|2|real
tag: SELECT 1

query
SELECT GREATEST(1.1::float4, 1::numeric), LEAST(1.1::float4, 5), pg_typeof(GREATEST(1::numeric, 2::float4))
----
1.1|1.1|real
tag: SELECT 1

query
SELECT ARRAY[1.1::float4, 2.5], pg_typeof(ARRAY[1::numeric, 1.1::float4])
----
{1.1,2.5}|real[]
tag: SELECT 1

query
SELECT x FROM (SELECT 1.1::float4 AS x UNION ALL SELECT 2::numeric) s ORDER BY 1
----
1.1
2
tag: SELECT 2

query
SELECT x, pg_typeof(x) FROM (SELECT 2::int8 AS x UNION SELECT 1.1::float4) s ORDER BY 1
----
1.1|real
2|real
tag: SELECT 2

query
SELECT CASE WHEN true THEN 1.1::float4 ELSE 1 END, CASE WHEN false THEN 1 ELSE 1.1::float4 END
----
1.1|1.1
tag: SELECT 1

query
SELECT pg_typeof(CASE WHEN true THEN 1::int2 ELSE 3::float4 END), pg_typeof(CASE WHEN true THEN 1::float4 ELSE 3::int2 END)
----
real|real
tag: SELECT 1

# An IN list of constants is an array of their common type (x's included): real here.
query
SELECT 1.1::float4 IN (1.1::numeric, 2), 1.1::float4 NOT IN (1.1::numeric, 2), 1.1::numeric IN (1.1::float4, 2::float4)
----
t|f|f
tag: SELECT 1

query
SELECT 1.1::float4 = ANY (ARRAY[1.1::numeric, 2])
----
f
tag: SELECT 1

statement ok
CREATE TABLE sf_r (r real)

statement ok
INSERT INTO sf_r VALUES (1.1), (2.5), (3.3)

query
SELECT r FROM sf_r WHERE r IN (1.1, 3.3::numeric) ORDER BY 1
----
1.1
3.3
tag: SELECT 2

query
SELECT CASE WHEN r > 2 THEN r ELSE 0::numeric END FROM sf_r ORDER BY 1
----
0
2.5
3.3
tag: SELECT 3

# CASE resolves its result type with the ELSE first (transformCaseExpr): char(n) against
# varchar, and the order of the types in the error.
query
SELECT pg_typeof(CASE WHEN true THEN 'a'::varchar ELSE 'b'::char(2) END), pg_typeof(CASE WHEN true THEN 'a'::char(2) ELSE 'b'::varchar END)
----
character|character varying
tag: SELECT 1

query
SELECT CASE WHEN true THEN 'a '::varchar ELSE 'b '::char(2) END || 'x', CASE WHEN false THEN 'a '::varchar ELSE 'b '::char(2) END || 'x'
----
ax|bx
tag: SELECT 1

statement error 42804
SELECT CASE WHEN true THEN 'x'::text ELSE 1 END

# NULLIF of an untyped NULL has the other argument's type (the = operator's).
query
SELECT pg_typeof(NULLIF(NULL, 1)), pg_typeof(NULLIF(NULL, NULL)), pg_typeof(NULLIF(NULL, 'a'::char(2))), NULLIF(NULL, 1) + 1
----
integer|text|character|NULL
tag: SELECT 1

# ON CONFLICT's WHERE infers a partial unique index when it implies the index's predicate,
# a narrower bound on the same expression included (insert_conflict.sql: coalesce(a, 1) > 1
# implies coalesce(a, 1) > 0).
statement ok
CREATE TABLE sf_pi (a int, b int, c int, t text)

statement ok
CREATE UNIQUE INDEX sf_pi_b ON sf_pi (b) WHERE a > 0

statement ok
CREATE UNIQUE INDEX sf_pi_t ON sf_pi (t) WHERE a <> 0 AND c >= -5

statement ok
CREATE UNIQUE INDEX sf_pi_co ON sf_pi (coalesce(c, 0)) WHERE coalesce(a, 1) > 0

statement ok
INSERT INTO sf_pi VALUES (1, 1, 7, 'x')

statement ok
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a > 5 DO NOTHING

statement ok
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a >= 1 DO NOTHING

statement ok
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE 5 < a DO NOTHING

statement ok
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a = 3 AND b > 0 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a >= 0 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a = 0 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE 0 > a DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a > 0.5 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a < 5 DO NOTHING

query
INSERT INTO sf_pi VALUES (1, 1) ON CONFLICT (b) WHERE a > 1 AND a < 3 DO UPDATE SET t = 'upd' RETURNING *
----
1|1|7|upd
tag: INSERT 0 1

statement ok
INSERT INTO sf_pi VALUES (2, 2, 8, 'upd') ON CONFLICT (t) WHERE a = 1 AND c > -1 DO NOTHING

statement ok
INSERT INTO sf_pi VALUES (2, 2, 8, 'upd') ON CONFLICT (t) WHERE a < 0 AND c = -5 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (2, 2, 8, 'upd') ON CONFLICT (t) WHERE a <> 1 AND c > -6 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (2, 2, 8, 'upd') ON CONFLICT (t) WHERE a <> 0 AND c <> -5 DO NOTHING

statement ok
INSERT INTO sf_pi VALUES (2, 2, 7, 'y') ON CONFLICT (coalesce(c, 0)) WHERE coalesce(a, 1) > 1 DO NOTHING

statement error 42P10
INSERT INTO sf_pi VALUES (2, 2, 7, 'y') ON CONFLICT (coalesce(c, 0)) WHERE coalesce(a, 2) > 1 DO NOTHING

query
SELECT * FROM sf_pi ORDER BY a, b
----
1|1|7|upd
tag: SELECT 1

# NULLIF(real, integer or numeric) is real: the = operator PostgreSQL picks (float48eq) takes
# real as it is.
query
SELECT NULLIF(1.1::float4, 2), NULLIF(1.1::float4, 2.5), NULLIF(1.1::float4, 1.1), pg_typeof(NULLIF(1.5::float4, 2::int8)), pg_typeof(NULLIF(1.5::numeric, 2::float4))
----
1.1|1.1|1.1|real|double precision
tag: SELECT 1
