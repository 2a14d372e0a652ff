# LISTEN, UNLISTEN and NOTIFY: tags, pg_listening_channels, errors (issue 17). Delivery is
# tested in notify_test.go and over the wire.
query
LISTEN a
----
tag: LISTEN

query
LISTEN "B"
----
tag: LISTEN

query
SELECT * FROM pg_listening_channels()
----
a
B
tag: SELECT 2

query
NOTIFY a, 'payload'
----
tag: NOTIFY

query
SELECT pg_notify('a', 'x'), pg_notify('a', NULL)
----
|
tag: SELECT 1

query
SELECT pg_notify('', 'x')
----
error 22023: channel name cannot be empty

query
SELECT pg_notify(NULL, 'x')
----
error 22023: channel name cannot be empty

query
SELECT pg_notify(repeat('c', 64), 'x')
----
error 22023: channel name too long

query
SELECT pg_notify('a', repeat('p', 8000))
----
error 22023: payload string too long

query
SELECT count(*) FROM (SELECT pg_notify('a', repeat('p', 7999))) AS z
----
1
tag: SELECT 1

query
UNLISTEN a
----
tag: UNLISTEN

query
SELECT pg_listening_channels()
----
B
tag: SELECT 1

# LISTEN in a transaction takes effect at its commit; a rollback undoes it.
statement ok
BEGIN

statement ok
LISTEN c

query
SELECT count(*) FROM pg_listening_channels()
----
1
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT pg_listening_channels()
----
B
tag: SELECT 1

statement ok
BEGIN READ ONLY

query
LISTEN c
----
tag: LISTEN

query
NOTIFY c
----
tag: NOTIFY

statement ok
COMMIT

query
UNLISTEN *
----
tag: UNLISTEN

query
SELECT count(*) FROM pg_listening_channels()
----
0
tag: SELECT 1

query
NOTIFY
----
error 42601: syntax error at end of input

# The size functions psql's \dt+, \di+ and \l+ call; sizes of relations differ from
# PostgreSQL's (sql/pgsize.go), so only pg_size_pretty's formatting and NULLs are compared.
query
SELECT pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(-10240::bigint)
----
0 bytes|10239 bytes|10 kB|-10 kB
tag: SELECT 1

query
SELECT pg_size_pretty(20971519::bigint), pg_size_pretty(20971520::bigint), pg_size_pretty(1536::bigint * 1024 * 1024 * 1024)
----
20 MB|20 MB|1536 GB
tag: SELECT 1

query
SELECT pg_size_pretty(9223372036854775807), pg_size_pretty(-9223372036854775807), pg_size_pretty(NULL::bigint)
----
8192 PB|-8192 PB|NULL
tag: SELECT 1

query
SELECT pg_relation_size(1), pg_table_size(1), pg_total_relation_size(1), pg_indexes_size(1)
----
NULL|NULL|NULL|NULL
tag: SELECT 1

statement ok
CREATE TABLE sized (k int PRIMARY KEY, v text)

statement ok
CREATE INDEX sized_v ON sized (v)

query
SELECT pg_relation_size('sized'::regclass) >= 0, pg_total_relation_size('sized'::regclass) >= pg_table_size('sized'::regclass), pg_indexes_size('sized_v'::regclass)
----
t|t|0
tag: SELECT 1

query
SELECT pg_relation_size('sized') = pg_relation_size('sized'::regclass), pg_indexes_size('sized') >= 0, pg_size_pretty(pg_total_relation_size('sized')) IS NOT NULL
----
t|t|t
tag: SELECT 1

query
SELECT pg_relation_size('1') IS NULL, pg_table_size('0') IS NULL
----
t|t
tag: SELECT 1

query
SELECT pg_total_relation_size('nosuch')
----
error 42P01: relation "nosuch" does not exist

query
SELECT indnatts, indnkeyatts, indimmediate, indnullsnotdistinct FROM pg_index WHERE indexrelid = 'sized_v'::regclass
----
1|1|t|f
tag: SELECT 1

query
SELECT a.attname, a.attstorage, a.attstattarget, a.attcompression = '' FROM pg_attribute a WHERE a.attrelid = 'sized'::regclass AND a.attnum > 0 ORDER BY a.attnum
----
k|p|-1|t
v|x|-1|t
tag: SELECT 2

query
SELECT attname, attnum FROM pg_attribute WHERE attrelid = 'sized_v'::regclass
----
v|1
tag: SELECT 1

query
SELECT spcname FROM pg_tablespace WHERE oid = 1663
----
pg_default
tag: SELECT 1

# Array concatenation, as psql's \d+ uses on reloptions.
query
SELECT ARRAY['a'] || ARRAY['b', 'c'], ARRAY['a'] || 'z'::text, 'y'::text || ARRAY['a'], NULL::text[] || ARRAY['q'], ARRAY[1, 2] || 3, (NULL::text[] || NULL::text[]) IS NULL
----
{a,b,c}|{a,z}|{y,a}|{q}|{1,2,3}|t
tag: SELECT 1

query
SELECT ARRAY['a'] || '{b,c}', '{}' || ARRAY['a']
----
{a,b,c}|{a}
tag: SELECT 1

query
SELECT '[' || array_to_string(NULL::text[] || array(select 'toast.' || x from unnest(NULL::text[]) x), ', ') || ']'
----
[]
tag: SELECT 1

# psql's \d shows a string column's default as PostgreSQL stores it, with its type.
statement ok
CREATE TABLE defaults (k int PRIMARY KEY, t text DEFAULT 'x', v varchar(5) DEFAULT 'its', c char(2) DEFAULT 'ab', n int DEFAULT 0, e text DEFAULT '')

query
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'defaults'::regclass ORDER BY a.attnum
----
t|'x'::text
v|'its'::character varying
c|'ab'::bpchar
n|0
e|''::text
tag: SELECT 5
