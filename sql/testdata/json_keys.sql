# json has no equality or ordering operator (jsonb has): GROUP BY, DISTINCT, UNION, ORDER BY
# and indexes refuse it, as PostgreSQL 15.
statement ok
CREATE TABLE jg (id int PRIMARY KEY, j jsonb, js json)

statement ok
INSERT INTO jg VALUES (1, '{"a": 1}', '{"a": 1}'), (2, '{"a": 1.0}', '[1, 2]'), (3, '[1]', '[1, 2]')

query
SELECT j, count(*) FROM jg GROUP BY j ORDER BY count(*) DESC, j
----
{"a": 1}|2
[1]|1
tag: SELECT 2

query
SELECT DISTINCT j FROM jg ORDER BY j
----
[1]
{"a": 1}
tag: SELECT 2

query
SELECT j FROM jg UNION SELECT '{"a": 1.00}'::jsonb ORDER BY 1
----
[1]
{"a": 1}
tag: SELECT 2

query
SELECT js FROM jg ORDER BY id
----
{"a": 1}
[1, 2]
[1, 2]
tag: SELECT 3

query
SELECT js FROM jg UNION ALL SELECT '[]'::json
----
{"a": 1}
[1, 2]
[1, 2]
[]
tag: SELECT 4

statement error 42883
SELECT js, count(*) FROM jg GROUP BY js

statement error 42883
SELECT DISTINCT js FROM jg

statement error 42883
SELECT js FROM jg ORDER BY js

statement error 42883
SELECT js FROM jg UNION SELECT '[]'::json

statement error 42704
CREATE INDEX ON jg (js)

statement error 42704
CREATE TABLE jgk (k json PRIMARY KEY)
