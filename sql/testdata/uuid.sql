# uuid: PostgreSQL's 16-byte uuid type, its input forms, output, ordering, keys and casts.
statement ok
CREATE TABLE u (id uuid PRIMARY KEY, note text, other uuid)

statement ok
INSERT INTO u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'hyphens', NULL), ('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12}', 'braces upper', 'a0eebc999c0b4ef8bb6d6bb9bd380a11'), ('a0eebc999c0b4ef8bb6d6bb9bd380a10', 'plain', NULL), ('a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a13', 'hyphen every four', NULL)

query
SELECT id, note, other FROM u ORDER BY id
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10|plain|NULL
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|hyphens|NULL
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12|braces upper|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13|hyphen every four|NULL
tag: SELECT 4

query
SELECT id, note FROM u ORDER BY id DESC LIMIT 2
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13|hyphen every four
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12|braces upper
tag: SELECT 2

query
SELECT note FROM u WHERE id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'
----
braces upper
tag: SELECT 1

query
SELECT note FROM u WHERE id > 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' ORDER BY id
----
braces upper
hyphen every four
tag: SELECT 2

statement error 23505
INSERT INTO u VALUES ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'duplicate', NULL)

statement error 22P02
INSERT INTO u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', 'short', NULL)

query
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1x'::uuid
----
error 22P02: invalid input syntax for type uuid: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1x"

query
SELECT ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
----
error 22P02: invalid input syntax for type uuid: " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"

query
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-'::uuid
----
error 22P02: invalid input syntax for type uuid: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-"

query
SELECT 'a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11'::uuid
----
error 22P02: invalid input syntax for type uuid: "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11"

query
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
----
error 22P02: invalid input syntax for type uuid: "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"

query
SELECT '{a0eebc999c0b4ef8bb6d6bb9bd380a11}'::uuid, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid::text, CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS uuid)
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
tag: SELECT 1

query
SELECT pg_typeof(id), pg_typeof(id::text), id::text = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' FROM u WHERE note = 'hyphens'
----
uuid|text|t
tag: SELECT 1

query
SELECT length(gen_random_uuid()::text), pg_typeof(gen_random_uuid()), gen_random_uuid() = gen_random_uuid()
----
36|uuid|f
tag: SELECT 1

query
SELECT substr(gen_random_uuid()::text, 15, 1), substr(gen_random_uuid()::text, 9, 1)
----
4|-
tag: SELECT 1

query
SELECT count(DISTINCT x) FROM (SELECT gen_random_uuid() AS x FROM generate_series(1, 100)) s
----
100
tag: SELECT 1

statement ok
INSERT INTO u (id, note) SELECT gen_random_uuid(), 'random' FROM generate_series(1, 5)

query
SELECT count(*), count(DISTINCT id) FROM u WHERE note = 'random'
----
5|5
tag: SELECT 1

query
SELECT other, count(*) FROM u GROUP BY other ORDER BY other
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|1
NULL|8
tag: SELECT 2

statement ok
CREATE INDEX u_other ON u (other)

query
SELECT note FROM u WHERE other = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
----
braces upper
tag: SELECT 1

query
SELECT id = other, id < other FROM u WHERE note = 'braces upper'
----
f|f
tag: SELECT 1

statement error 42883
SELECT id = 1 FROM u

statement error 42883
SELECT id = note FROM u

statement ok
UPDATE u SET other = id WHERE note = 'plain'

query
SELECT note FROM u WHERE other = id
----
plain
tag: SELECT 1

statement ok
DELETE FROM u WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10'

query
SELECT count(*) FROM u
----
8
tag: SELECT 1

query
SELECT max(id::text), min(id::text) FROM u WHERE note <> 'random'
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
tag: SELECT 1

query
SELECT data_type FROM information_schema.columns WHERE table_name = 'u' ORDER BY ordinal_position
----
uuid
text
uuid
tag: SELECT 3

query
SELECT t.typname, t.oid, t.typlen FROM pg_type t WHERE t.typname IN ('uuid', 'json', 'jsonb') ORDER BY t.oid
----
json|114|-1
uuid|2950|16
jsonb|3802|-1
tag: SELECT 3

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'u'::regclass AND a.attnum > 0 ORDER BY a.attnum
----
id|uuid
note|text
other|uuid
tag: SELECT 3
