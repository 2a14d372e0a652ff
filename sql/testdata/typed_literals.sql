# Typed literals TYPE 'text' of the character, bytea, float and numeric types (PostgreSQL's
# AexprConst): the text is cast to the type, its modifier applied as a cast applies it.
query
SELECT varchar(3) 'abcd', varchar(3) 'ab' || '|'
----
abc|ab|
tag: SELECT 1

query
SELECT char(2) 'x', char 'xy', character(3) 'a', character varying(2) 'abc', varchar 'abc'
----
x |xy|a  |ab|abc
tag: SELECT 1

query
SELECT char(2) 'x' || '|', varchar(2) 'abc ' || 'x'
----
x||abx
tag: SELECT 1

query
SELECT bytea '\x01', pg_typeof(bytea '\x01'), bytea 'ab'
----
\x01|bytea|\x6162
tag: SELECT 1

query
SELECT double precision '1.5', pg_typeof(double precision '1.5')
----
1.5|double precision
tag: SELECT 1

query
SELECT float(2) '1.5', pg_typeof(float(2) '1.5'), pg_typeof(float(30) '1'), real '1.5', float4 '1'
----
1.5|real|double precision|1.5|1
tag: SELECT 1

query
SELECT numeric(5,2) '1.234', pg_typeof(numeric(5,2) '1.234'), numeric '1.5', decimal(3) '1.5', dec '1.5'
----
1.23|numeric|1.5|2|1.5
tag: SELECT 1

statement error 22003
SELECT numeric(2,1) '12.3'

statement error 22P02
SELECT double precision 'x'

query
SELECT interval '1' day, interval '1 2:03' day to minute, interval '1.5' second
----
1 day|1 day 02:03:00|00:00:01.5
tag: SELECT 1

# Quoted type names called as functions are casts (PostgreSQL's func_expr resolves a type's
# name with one argument to a coercion).
query
SELECT "numeric"('1.5'), "int4"(2.6), "text"(12), "varchar"(12), "float8"(1), "bool"('t'), "int8"('5')
----
1.5|3|12|12|1|t|5
tag: SELECT 1

query
SELECT pg_typeof("numeric"(1)), pg_typeof("text"(1.5)), "varchar"(12) || '|', "bpchar"('a ') || '|', "interval"('1 day'), "timestamp"('2024-01-01')
----
numeric|text|12||a||1 day|2024-01-01 00:00:00
tag: SELECT 1

statement error 22P02
SELECT "int4"('x')

statement error 42883
SELECT "foo"(1)

query
SELECT pg_catalog.numeric(1.5), pg_catalog.varchar(12)
----
1.5|12
tag: SELECT 1

statement ok
CREATE TABLE "interval" (a int)

statement ok
INSERT INTO "interval" (a) VALUES (1)

# ORDER BY an expression over VALUES' columns.
query
VALUES (1), (2) ORDER BY column1 + 1
----
1
2
tag: SELECT 2

query
VALUES (1, 'a'), (2, 'b') ORDER BY -column1
----
2|b
1|a
tag: SELECT 2

query
VALUES (1), (2) ORDER BY column1 + 1 DESC LIMIT 1
----
2
tag: SELECT 1

statement error 42703
VALUES (1), (2) ORDER BY column2 + 1

query
SELECT * FROM (VALUES (1), (2)) v ORDER BY column1 + 1 DESC
----
2
1
tag: SELECT 2

query
VALUES (1, 'a') ORDER BY column1 + 1 LIMIT 1
----
1|a
tag: SELECT 1

statement error 42703
VALUES (1) ORDER BY column2 + 1

query
SELECT 1 UNION VALUES (2), (1) ORDER BY 1 DESC
----
2
1
tag: SELECT 2

statement error 0A000
SELECT 1 AS column1 UNION SELECT 2 ORDER BY column1 + 1
