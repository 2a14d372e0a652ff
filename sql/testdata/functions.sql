# Scalar functions and CASE.
statement ok
CREATE TABLE f (id int PRIMARY KEY, s text, x double precision, n int)

statement ok
INSERT INTO f VALUES (1, '  hello  ', 2.25, 7), (2, 'World', -3.75, -4), (3, NULL, NULL, NULL), (4, 'xxabcxx', 10, 0)

query
SELECT id, CASE WHEN n > 0 THEN 'pos' WHEN n < 0 THEN 'neg' ELSE 'zero or null' END FROM f ORDER BY id
----
1|pos
2|neg
3|zero or null
4|zero or null
tag: SELECT 4

query
SELECT id, CASE n WHEN 7 THEN 1 WHEN -4 THEN 2 END FROM f ORDER BY id
----
1|1
2|2
3|NULL
4|NULL
tag: SELECT 4

query
SELECT CASE WHEN 1 = 1 THEN 1 ELSE 2.5 END, CASE WHEN false THEN 1 / 0 ELSE 3 END
----
1|3
tag: SELECT 1

query
SELECT nullif(n, 0), nullif('a', 'a'), nullif(1, 2) FROM f ORDER BY id
----
7|NULL|1
-4|NULL|1
NULL|NULL|1
NULL|NULL|1
tag: SELECT 4

query
SELECT greatest(1, 5, 3), least(4, 2, 8), greatest(n, 0), least(x, 0) FROM f ORDER BY id
----
5|2|7|0
5|2|0|-3.75
5|2|0|0
5|2|0|0
tag: SELECT 4

query
SELECT greatest('b', 'a', 'c'), least(NULL, 3, 1), greatest(NULL, NULL)
----
c|1|NULL
tag: SELECT 1

query
SELECT substring('hello' from 2 for 3), substring('hello' from 3), substring('hello', 0, 3), substring('hello', 4, 100), substring('hello', 9)
----
ell|llo|he|lo|
tag: SELECT 1

query
SELECT id, substring(s, 1, 3) FROM f ORDER BY id
----
1|  h
2|Wor
3|NULL
4|xxa
tag: SELECT 4

query
SELECT '[' || trim(s) || ']', '[' || ltrim(s) || ']', '[' || rtrim(s) || ']' FROM f WHERE id = 1
----
[hello]|[hello  ]|[  hello]
tag: SELECT 1

query
SELECT trim(both 'x' from s), trim(leading 'x' from s), trim(trailing 'x' from s) FROM f WHERE id = 4
----
abc|abcxx|xxabc
tag: SELECT 1

query
SELECT position('l' in 'hello'), position('z' in 'hello'), position('' in 'abc'), position('lo' in s) FROM f WHERE id = 1
----
3|0|1|6
tag: SELECT 1

query
SELECT replace('banana', 'an', 'AN'), replace('abc', '', 'x'), replace(s, 'o', '0') FROM f WHERE id = 2
----
bANANa|abc|W0rld
tag: SELECT 1

query
SELECT concat('a', NULL, 1, 'b'), concat(s, '-', n) FROM f ORDER BY id
----
a1b|  hello  -7
a1b|World--4
a1b|-
a1b|xxabcxx-0
tag: SELECT 4

query
SELECT round(x), floor(x), ceil(x), ceiling(x), trunc(x) FROM f ORDER BY id
----
2|2|3|3|2
-4|-4|-3|-3|-3
NULL|NULL|NULL|NULL|NULL
10|10|10|10|10
tag: SELECT 4

query
SELECT round(2.5), round(-2.5), round(3.14159, 2), floor(7), ceil(-7), mod(7, 3), mod(-7, 3), mod(n, 3) FROM f WHERE id = 1
----
3|-3|3.14|7|-7|1|-1|1
tag: SELECT 1

query
SELECT upper(s), lower(s), length(s), char_length('héllo') FROM f ORDER BY id
----
  HELLO  |  hello  |9|5
WORLD|world|5|5
NULL|NULL|NULL|5
XXABCXX|xxabcxx|7|5
tag: SELECT 4

query
SELECT abs(n), abs(x), coalesce(s, 'none'), coalesce(n, x, 0) FROM f ORDER BY id
----
7|2.25|  hello  |7
4|3.75|World|-4
NULL|NULL|none|0
0|10|xxabcxx|0
tag: SELECT 4

query
SELECT now() IS NOT NULL, current_timestamp > '2020-01-01'::timestamp
----
t|t
tag: SELECT 1

query
SELECT id FROM f WHERE CASE WHEN s IS NULL THEN true ELSE length(s) > 5 END ORDER BY id
----
1
3
4
tag: SELECT 3

statement error 22011
SELECT substring('abc', 1, -1)

statement error 42804
SELECT CASE WHEN true THEN 1 ELSE 'x'::text END

statement error 42883
SELECT mod('a'::text, 2)

statement error 42883
SELECT nosuch(1)

# Overload resolution (funcresolve.go): an integer rounds as double precision (its category's
# preferred type), NULL takes the preferred type, an untyped literal the other argument's type.
query
SELECT pg_typeof(round(4)), round(4), pg_typeof(abs(NULL)), pg_typeof(mod('5', 3)), pg_typeof(mod(2::smallint, 3)), pg_typeof(round(2.5)), pg_typeof(trunc(7, 1)), trunc(7, 1)
----
double precision|4|double precision|integer|integer|numeric|numeric|7.0
tag: SELECT 1

query
SELECT pg_typeof(generate_series('1', 2)), pg_typeof(mod(2, 3::bigint)), pg_typeof(floor(2.5::real))
----
integer|bigint|double precision
integer|bigint|double precision
tag: SELECT 2

statement error 42725
SELECT mod('5', '3')

statement error 42883
SELECT lower(1)

statement error 42883
SELECT round(2.5::real, 1)

statement error 42883
SELECT concat()

# trim is btrim, ltrim or rtrim (of two arguments only as trim: vitess's ltrim and rtrim take one).
query
SELECT btrim('  x  '), trim(leading 'x' from 'xxa'), trim(trailing 'x' from 'axx'), btrim('xax', 'x'), trim(both 'x' from 'xax'), trim(leading from '  y'), ltrim('  z')
----
x|a|a|a|a|y|z
tag: SELECT 1

query
SELECT has_table_privilege('pg_class', 'SELECT'), has_schema_privilege('public', 'USAGE'), pg_function_is_visible(870), pg_get_function_arguments(870), pg_get_function_result(2331)
----
t|t|t|text|SETOF anyelement
tag: SELECT 1
