# Operator precedence as PostgreSQL 15 has it (Table 4.2): the operators of ||'s level (||, ~,
# !~, ~*, &, |, #, <<, >>, the json ones, prefix ~) at one level, left to right; ^ above * /;
# LIKE's pattern any expression of tighter operators.
statement ok
CREATE TABLE prec (id int PRIMARY KEY, s text, n int, b bigint, j jsonb)

statement ok
INSERT INTO prec VALUES (1, 'ab', 7, 12, '{"a": {"b": "x"}, "c": 2}'), (2, 'a%', -3, 5, '{"c": 3}')

query
SELECT 'ab' ~ 'a' || 'b', 1 | 2 & 3, 1 << 2 + 1, 'a' || 1 + 2
----
trueb|3|8|a3
tag: SELECT 1

query
SELECT 7 | 3 & 2, 7 & 3 | 2, 7 # 3 << 2, 7 << 3 # 2, 6 & 3 << 1, 1 & 2 & 3 >> 1, 5 # 3 # 1, 2 >> 1 | 8
----
2|3|16|58|4|0|7|9
tag: SELECT 1

query
SELECT ~ 7 * 3, ~ 7 | 3, - 7 | 3, ~ 7 + 3, 1 | ~ 2, 3 & ~ 1, ~ ~ 5
----
-22|-5|-5|-11|-3|2|5
tag: SELECT 1

query
SELECT 2 * ~ 3 + 1, 2 * ~ 3 | 1, - ~ 7 * 3, 1 - 2 - ~ 2147483647 | 2, 'a' || 2 * ~ 3 || 'b', ~ 2 * ~ 1, (1 - ~ 1) <> ~ 2
----
-10|-7|22|2147483647|a-8b|3|t
tag: SELECT 1

query
SELECT 2 ^ 3 ^ 2, - 2 ^ 2, 2 ^ 3 * 2, 7 * 3 ^ 2, 7 - 3 ^ 2, 'ab' || 3 ^ 2, 2.5 ^ 2, 2 ^ -1
----
64|4|16|63|-2|ab9|6.2500000000000000|0.5
tag: SELECT 1

query
SELECT pg_typeof(2 ^ 3), pg_typeof(2.0 ^ 3), pg_typeof(1::int2 | 2::int2), pg_typeof(1 # 2::int8), pg_typeof(1::int8 << 2)
----
double precision|numeric|smallint|bigint|bigint
tag: SELECT 1

query
SELECT 'ab' LIKE 'a' || 'b', 'ab' NOT LIKE 'a' || '%' AND true, 'x' LIKE 'x' || '' = true, 'a%b' LIKE 'a!%' || 'b' ESCAPE '!'
----
t|f|t|t
tag: SELECT 1

query
SELECT s LIKE '%' || substr(s, 2) || '%', s ~ 'a' || 'b', s ~* 'A' || '%', n | b, n # b << 1, ~ n & b FROM prec ORDER BY id
----
t|trueb|true%|15|22|8
t|trueb|true%|-3|-16|0
tag: SELECT 2

query
SELECT j -> 'a' ->> 'b' || '!', j ->> 'c' || 'x', j @> '{"c": 2}' || '', j ? 'a' || 'z' FROM prec ORDER BY id
----
x!|2x|true|truez
NULL|3x|false|falsez
tag: SELECT 2

query
SELECT 1 | 2 = 3, 1 | 2 < 3 + 1, 5 & 4 BETWEEN 3 AND 5, 5 & 4 IN (4, 5), NOT 1 | 2 = 3
----
t|t|t|t|f
tag: SELECT 1

statement error 22P02
SELECT 1 | 'a'

statement error 22P02
SELECT 'a' | 1

statement error 42883
SELECT 1.5 | 2

query
SELECT 2147483647 | 0 + 1
----
2147483647
tag: SELECT 1

query
SELECT 1 << 33, 1::int8 << 65, -8 >> 1, 1::int2 << 15
----
2|2|-4|-32768
tag: SELECT 1

query
SELECT 'ab' ~ s FROM prec ORDER BY id
----
t
f
tag: SELECT 2

query
SELECT 'ab' ~ NULL, 'ab' ~ 'a' || NULL, NULL | 1, ~ NULL::int
----
NULL|NULL|NULL|NULL
tag: SELECT 1

# Comparisons, and BETWEEN / IN / LIKE / ILIKE / SIMILAR TO, do not associate; IS ends a
# comparison's chain, a true, false or null operand does not.
statement error 42601
SELECT true <> false <> true

statement error 42601
SELECT 1 = 1 = null

statement error 42601
SELECT 7 BETWEEN 3 AND 2 LIKE 'x'

statement error 42601
SELECT 'a' LIKE 'b' NOT LIKE 'c'

statement error 42601
SELECT 'a' LIKE 'b' IN (true)

statement error 42601
SELECT 'a' ILIKE 'b' BETWEEN 'a' AND 'c'

query
SELECT 1 IS NULL = false, 'a' LIKE 'a' = 'b' LIKE 'b', 1 BETWEEN 0 AND 2 AND 'a' LIKE 'a', 2 NOT BETWEEN 3 AND 1 = true, 'x' NOT LIKE 'y' ESCAPE '!' = true
----
t|t|t|t|t
tag: SELECT 1
