# Function-style casts, typename(x), for the type names that are not keywords, as PostgreSQL
# 15 resolves them: a conversion function or a coercion; 42883 where neither exists.
query
SELECT float8(1), pg_typeof(float8(1)), float4(2.5), pg_typeof(float4(2.5))
----
1|double precision|2.5|real
tag: SELECT 1

query
SELECT int4('3'), int2(3), int8(3) + 1, pg_typeof(int8(3) + 1), int4(1.7), int4(-2.5), int8(2.5::float8)
----
3|3|4|bigint|2|-3|2
tag: SELECT 1

query
SELECT int4(true), bool(1), bool(0), bool('t'), bool('no'), text(1), text(true), text(2.50), pg_typeof(text(1))
----
1|t|f|t|f|1|true|2.50|text
tag: SELECT 1

query
SELECT date('2020-01-01'), date(timestamp '2020-01-02 10:00'), pg_typeof(date('2020-01-01'))
----
2020-01-01|2020-01-02|date
tag: SELECT 1

query
SELECT timestamptz('2020-01-01'), pg_typeof(timestamptz(date '2020-01-03')), timetz('10:00+02')
----
2020-01-01 00:00:00+00|timestamp with time zone|10:00:00+02
tag: SELECT 1

query
SELECT uuid('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), jsonb('{"a": 1}'), json('[1, 2]'), pg_typeof(jsonb('{}'))
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{"a": 1}|[1, 2]|jsonb
tag: SELECT 1

query
SELECT text(date '2020-01-01'), pg_catalog.int4('42'), int4(5::int8)
----
2020-01-01|42|5
tag: SELECT 1

statement ok
CREATE TABLE tf (id int PRIMARY KEY, s text, n numeric(6,2), f float8)

statement ok
INSERT INTO tf VALUES (1, '10', 1.25, 2.75), (2, '20', 2.5, NULL)

query
SELECT id, int4(s) + 1, int4(n), float8(n), int8(f), text(id) || 'x' FROM tf ORDER BY id
----
1|11|1|1.25|3|1x
2|21|3|2.5|NULL|2x
tag: SELECT 2

query
SELECT sum(int4(s)) FROM tf WHERE bool(id - 1)
----
20
tag: SELECT 1

query
SELECT int4(x) FROM (VALUES ('7'), (NULL)) v (x) ORDER BY 1
----
7
NULL
tag: SELECT 2

# Errors.
statement error 22P02
SELECT float8('x')

statement error 22P02
SELECT int4('x')

statement error 22003
SELECT int2(100000)

statement error 42883
SELECT float8(1, 2)

statement error 42883
SELECT int4(date '2020-01-01')

statement error 42883
SELECT uuid(1)

statement error 42883
SELECT jsonb(1)

statement error 42883
SELECT int2(true)
