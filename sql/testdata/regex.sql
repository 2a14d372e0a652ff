# Regular-expression matches: ~, ~*, !~, !~*, also as OPERATOR(pg_catalog.~).

statement ok
CREATE TABLE words (id int PRIMARY KEY, w text)

statement ok
INSERT INTO words VALUES (1, 'apple'), (2, 'Apricot'), (3, 'banana'), (4, 'pg_toast'), (5, NULL)

query
SELECT id FROM words WHERE w ~ '^ap' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM words WHERE w ~* '^ap' ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM words WHERE w !~ '^pg_' ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM words WHERE w !~* 'AN' ORDER BY id
----
1
2
4
tag: SELECT 3

query
SELECT id FROM words WHERE w OPERATOR(pg_catalog.~) '^(banana)$' COLLATE pg_catalog.default
----
3
tag: SELECT 1

query
SELECT 'abc' ~ 'b', 'abc' ~ E'^a\\w+$', NULL::text ~ 'x'
----
t|t|NULL
tag: SELECT 1

query
SELECT count(*) FROM words WHERE w ~ '[aeiou]{2}' OR w ILIKE 'ba%'
----
2
tag: SELECT 1

statement error 2201B
SELECT 'x' ~ '('

statement error 42883
SELECT 1 ~ 'x'
