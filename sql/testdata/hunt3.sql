# hunt3: known disagreements with PostgreSQL 15, each block failing on drove before its fix.
statement ok
CREATE TABLE h3 (a int, b text)

statement ok
INSERT INTO h3 VALUES (0, 'abc'), (1, 'a_c')

# A subquery's NULL output column is text (PostgreSQL resolves every SELECT's unknown
# outputs but a set operation branch's and INSERT's source).
statement error 42883
SELECT ROW(1,2) IN (SELECT 1, NULL)

statement error 42883
SELECT 1 IN (SELECT NULL)

statement error 42883
SELECT ROW(1,2) = (SELECT 1, NULL)

statement error 42883
SELECT ROW(1,2) = ANY (SELECT 1, NULL)

statement error 42883
SELECT x FROM (SELECT NULL AS x) s WHERE x = 1

statement error 42804
SELECT * FROM (SELECT NULL AS x) s UNION SELECT 1

query
SELECT ROW(1,'x') IN (SELECT 1, NULL), 'a' IN (SELECT NULL)
----
NULL|NULL
tag: SELECT 1

query
SELECT pg_typeof(x) FROM (SELECT NULL AS x) s
----
text
tag: SELECT 1

query
SELECT pg_typeof(ARRAY(SELECT NULL)), pg_typeof((SELECT NULL))
----
text[]|text
tag: SELECT 1

query
WITH w AS (SELECT NULL AS x) SELECT pg_typeof(x) FROM w
----
text
tag: SELECT 1

query
SELECT 1 UNION SELECT NULL ORDER BY 1
----
1
NULL
tag: SELECT 2

# max and min have no record variant.
statement error 42883
SELECT max(ROW(1,2))

statement error 42883
SELECT min(r) FROM (SELECT ROW(a, b) AS r FROM h3) s

# CASE's untyped test value is text.
statement error 42883
SELECT CASE 'a' WHEN 1 THEN 1 END

statement error 42883
SELECT CASE NULL WHEN 1 THEN 1 END

statement error 22P02
SELECT CASE 1 WHEN 'a' THEN 1 END

query
SELECT CASE 'a' WHEN 'a' THEN 1 END
----
1
tag: SELECT 1

# A set operation's ORDER BY names output columns only: 0A000, not DISTINCT's 42P10.
statement error 0A000
SELECT a FROM h3 UNION SELECT a FROM h3 ORDER BY a + 1

statement error 0A000
SELECT a FROM h3 UNION ALL SELECT a FROM h3 ORDER BY -a

statement error 42703
SELECT a FROM h3 UNION SELECT a FROM h3 ORDER BY b

# A postfix IS ... or IN (...) predicate is an operand for the operators after it.
query
SELECT NULL IS NULL || 'a', 1 IN (1) || 'a', 1 NOT IN (1) || 'a', true IS NOT TRUE || 'a'
----
truea|truea|falsea|falsea
tag: SELECT 1

query
SELECT 1 IN (1) IN (true), 1 IS NULL IN (false), 1 IS NULL::text, 1 IN (1)::text
----
t|t|false|true
tag: SELECT 1

query
SELECT 1 = 1 IS NULL || 'x', 1 BETWEEN 0 AND 2 IS NULL || 'x', - 1 IS NULL || 'x'
----
falsex|falsex|falsex
tag: SELECT 1

query
SELECT true IS NOT TRUE IS NULL, true IS NOT TRUE IS NOT DISTINCT FROM false
----
f|t
tag: SELECT 1

query
SELECT CASE WHEN true THEN 1 END IS NULL || 'x', ARRAY[1, 2] IS NULL || 'x', (ARRAY[1, 2])[1] IN (1) || 'x'
----
falsex|falsex|truex
tag: SELECT 1

query
SELECT a IS NULL || 'a' AS c FROM h3 WHERE a IN (1) || 'a' = 'truea' ORDER BY a IS NULL || 'b'
----
falsea
tag: SELECT 1

statement error 42883
SELECT 1 IS NULL + 1

statement error 42883
SELECT 'a' IS NULL LIKE 'f%'

statement error 42883
SELECT 2 = 1 IN (1) || 'x'

statement error 42804
SELECT NOT 1 IS NULL || 'a'

statement ok
UPDATE h3 SET b = a IS NULL || 'u' WHERE a IN (0) || '' = 'true'

query
SELECT * FROM h3 ORDER BY a
----
0|falseu
1|a_c
tag: SELECT 2

query
SELECT 'abc' SIMILAR TO 'a' || 'b%' ESCAPE '#' || '', 'x' SIMILAR TO NULL, 'abc' SIMILAR TO 'a' || 'bc' = true
----
t|NULL|t
tag: SELECT 1

query
SELECT 'abc' SIMILAR TO CASE WHEN true THEN 'a%' END, 'abc' SIMILAR TO (SELECT 'a%')
----
t|t
tag: SELECT 1

statement error 2201B
SELECT 'abc' SIMILAR TO 'a(' || b FROM h3

# LIKE, ILIKE and their NOT forms with ANY, SOME and ALL over an array or a subquery.
query
SELECT 'abc' LIKE ANY (ARRAY['a%','x']), 'abc' LIKE ALL (ARRAY['a%','x']), 'abc' ILIKE ANY (ARRAY['A%','x']), 'abc' NOT LIKE ANY (ARRAY['a%','x']), 'abc' NOT ILIKE ALL (ARRAY['A%','x'])
----
t|f|t|t|f
tag: SELECT 1

query
SELECT 'abc' LIKE SOME (ARRAY['a%']), 'abc' LIKE ANY (NULL::text[]), 'abc' LIKE ANY ('{}'), 'abc' LIKE ANY ('{a%}')
----
t|NULL|f|t
tag: SELECT 1

query
SELECT NULL LIKE ANY ('{}'), NULL LIKE ALL ('{}'), NULL LIKE ANY ('{a}')
----
f|t|NULL
tag: SELECT 1

query
SELECT 'a' LIKE ANY (ARRAY[NULL, 'b']), 'a' LIKE ANY (ARRAY[NULL, 'a']), 'a' LIKE ALL (ARRAY[NULL, 'a']), 'a' LIKE ALL (ARRAY[NULL, 'b'])
----
NULL|t|NULL|f
tag: SELECT 1

query
SELECT a, b LIKE ANY (ARRAY['a\_%', 'x']), 'a_c' LIKE ANY (SELECT b FROM h3) FROM h3 ORDER BY a
----
0|f|t
1|t|t
tag: SELECT 2

statement error 42883
SELECT 'a' LIKE ANY (ARRAY[1])

statement error 22P02
SELECT 'a' LIKE ANY ('a')

statement error 42601
SELECT 'abc' LIKE ANY (SELECT b, a FROM h3)
# HAVING without GROUP BY or an aggregate is one row if it holds: FROM and WHERE are not read.
query
SELECT 1 FROM h3 WHERE 1/a = 1 HAVING 1 < 2

query
SELECT 1 FROM h3 WHERE 1/a = 1 HAVING 1 > 2
----
tag: SELECT 0

query
SELECT 1 FROM h3 WHERE false HAVING 1 < 2
----
1
tag: SELECT 1

query
SELECT (SELECT count(*) FROM h3 u WHERE u.a > 0), row_number() OVER () FROM h3 WHERE 1/a = 1 HAVING true
----
1|1
tag: SELECT 1

statement error 22012
SELECT 1 FROM h3 WHERE 1/a = 1 HAVING count(*) > 2

statement error 21000
SELECT (SELECT max(h3.a) FROM h3 u) FROM h3 HAVING true

# Typed literals of the numeric, boolean, text and uuid types.
statement error 22003
SELECT int4 '99999999999'

statement error 22003
SELECT int2 '99999'

statement error 22003
SELECT int8 '99999999999999999999'

statement error 22P02
SELECT int4 'abc'

query
SELECT int4 '12', int2 '3', int8 '4', integer '5', int '6', smallint '7', bigint '8'
----
12|3|4|5|6|7|8
tag: SELECT 1

query
SELECT float8 '1.5', float4 '2.5', real '3', numeric '1.25', decimal '2', bool 't', boolean 'f', text 'x', uuid 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
----
1.5|2.5|3|1.25|2|t|f|x|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
tag: SELECT 1

query
SELECT pg_typeof(int4 '1'), pg_typeof(numeric '1'), int4 '1' + 1, text 'a' || 'b'
----
integer|numeric|2|ab
tag: SELECT 1
