# Array columns as applications use them: declared types, literal input, NULL elements, updates.
statement ok
CREATE TABLE posts (id int PRIMARY KEY, tags text[], nums int[], big bigint[][], small int2[3], title varchar(20))

statement ok
INSERT INTO posts VALUES (1, '{a,b}', ARRAY[1, 2], '{}', ARRAY[1, NULL], 'one')

statement ok
INSERT INTO posts VALUES (2, ARRAY['x y', NULL, 'NULL', ''], '{3, NULL}', NULL, NULL, 'two')

statement ok
INSERT INTO posts (id, tags) VALUES (3, '{"q\"uote","back\\slash","{brace}",comma\,x}')

query
SELECT id, tags, nums, big, small FROM posts ORDER BY id
----
1|{a,b}|{1,2}|{}|{1,NULL}
2|{"x y",NULL,"NULL",""}|{3,NULL}|NULL|NULL
3|{"q\"uote","back\\slash","{brace}","comma,x"}|NULL|NULL|NULL
tag: SELECT 3

query
SELECT id, tags[1], tags[2], nums[2], cardinality(tags), array_length(nums, 1) FROM posts ORDER BY id
----
1|a|b|2|2|2
2|x y|NULL|NULL|4|2
3|q"uote|back\slash|NULL|4|NULL
tag: SELECT 3

statement ok
UPDATE posts SET nums = nums || 5, tags = array_append(tags, 'c') WHERE id = 1

statement ok
UPDATE posts SET nums = '{}' WHERE id = 2

query
SELECT id, tags, nums FROM posts ORDER BY id
----
1|{a,b,c}|{1,2,5}
2|{"x y",NULL,"NULL",""}|{}
3|{"q\"uote","back\\slash","{brace}","comma,x"}|NULL
tag: SELECT 3

query
SELECT id FROM posts WHERE 5 = ANY (nums) ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM posts WHERE 'a' = ANY (tags) OR 'NULL' = ANY (tags) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM posts WHERE tags = '{a,b,c}' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM posts WHERE nums IS NULL ORDER BY id
----
3
tag: SELECT 1

statement error 22P02
INSERT INTO posts (id, tags) VALUES (4, '{a')

statement error 22P02
INSERT INTO posts (id, nums) VALUES (4, '{a}')

statement error 42804
INSERT INTO posts (id, nums) VALUES (4, ARRAY['1'])

statement error 42804
INSERT INTO posts (id, nums) VALUES (4, ARRAY[true])

statement error 22P02
INSERT INTO posts (id, nums) VALUES (4, '{1,x}')

statement error 22003
INSERT INTO posts (id, small) VALUES (4, '{70000}')

statement ok
INSERT INTO posts (id, small, big) VALUES (4, ARRAY[1, 2]::int[], ARRAY[1, 2])

query
SELECT small, big, pg_typeof(small), pg_typeof(big), pg_typeof(tags), pg_typeof(nums) FROM posts WHERE id = 4
----
{1,2}|{1,2}|smallint[]|bigint[]|text[]|integer[]
tag: SELECT 1

# deviation: drove's keys are encoded to order as their type does, which arrays are not yet; PostgreSQL accepts an array key.
statement error 0A000
CREATE TABLE badkey (k int[] PRIMARY KEY)

statement ok
CREATE TABLE defaults (id int PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}', n integer ARRAY)

statement ok
INSERT INTO defaults (id) VALUES (1)

query
SELECT id, tags, n, cardinality(tags) FROM defaults
----
1|{}|NULL|0
tag: SELECT 1

statement error 23502
INSERT INTO defaults VALUES (2, NULL, NULL)

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = 'posts'::regclass AND a.attnum > 0 ORDER BY a.attnum
----
id|integer|int4
tags|text[]|_text
nums|integer[]|_int4
big|bigint[]|_int8
small|smallint[]|_int2
title|character varying(20)|varchar
tag: SELECT 6

query
SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'posts' ORDER BY ordinal_position
----
id|integer|int4
tags|ARRAY|_text
nums|ARRAY|_int4
big|ARRAY|_int8
small|ARRAY|_int2
title|character varying|varchar
tag: SELECT 6

# The array functions.
query
SELECT array_append(ARRAY[1, 2], 3), array_append(NULL::int[], 1), array_append(ARRAY['a'], NULL), array_prepend(0, ARRAY[1, 2]), array_prepend('x', '{y}'::text[])
----
{1,2,3}|{1}|{a,NULL}|{0,1,2}|{x,y}
tag: SELECT 1

query
SELECT array_cat(ARRAY[1, 2], ARRAY[3]), array_cat(NULL::int[], ARRAY[1]), array_cat(ARRAY[1], NULL), array_cat(NULL::int[], NULL), ARRAY[1] || ARRAY[2, 3], ARRAY[1] || 2, 0 || ARRAY[1]
----
{1,2,3}|{1}|{1}|NULL|{1,2,3}|{1,2}|{0,1}
tag: SELECT 1

query
SELECT array_position(ARRAY['a', 'b', 'a'], 'a'), array_position(ARRAY['a', 'b', 'a'], 'a', 2), array_position(ARRAY[1, NULL], NULL), array_position(ARRAY[1, 2], 5), array_position(NULL::int[], 1)
----
1|3|2|NULL|NULL
tag: SELECT 1

statement error 22004
SELECT array_position(ARRAY[1, 2], 1, NULL)

query
SELECT array_positions(ARRAY['a', 'b', 'a'], 'a'), array_positions(ARRAY[1, 2], 5), array_positions(ARRAY[1, NULL, NULL], NULL), array_positions(NULL::int[], 1)
----
{1,3}|{}|{2,3}|NULL
tag: SELECT 1

query
SELECT array_remove(ARRAY[1, 2, 1, NULL], 1), array_remove(ARRAY[1, NULL, 2], NULL), array_remove('{a,b}'::text[], 'c'), array_remove(NULL::int[], 1)
----
{2,NULL}|{1,2}|{a,b}|NULL
tag: SELECT 1

query
SELECT array_replace(ARRAY[1, 2, 1], 1, 9), array_replace(ARRAY[1, NULL], NULL, 0), array_replace(ARRAY['a'], 'a', NULL)
----
{9,2,9}|{1,0}|{NULL}
tag: SELECT 1

query
SELECT array_dims(ARRAY[1, 2, 3]), array_dims('{}'::int[]), array_ndims(ARRAY['a']), array_ndims('{}'::text[]), array_dims(NULL::int[])
----
[1:3]|NULL|1|NULL|NULL
tag: SELECT 1

query
SELECT array_to_string(ARRAY[1, NULL, 3], ','), array_to_string(ARRAY[1, NULL, 3], ',', '*'), array_to_string(ARRAY['a', 'b'], '')
----
1,3|1,*,3|ab
tag: SELECT 1

query
SELECT ARRAY[1, 2, 3] @> ARRAY[1, 3], ARRAY[1, 2] @> ARRAY[1, 4], ARRAY[1] <@ ARRAY[1, 2], ARRAY[1, 2] && ARRAY[2, 5], ARRAY[1, 2] && ARRAY[3], ARRAY[1, NULL] @> ARRAY[NULL::int], '{}'::int[] <@ ARRAY[1]
----
t|f|t|t|f|f|t
tag: SELECT 1

query
SELECT ARRAY['a', 'b'] @> '{a}', '{a,b}' <@ ARRAY['a', 'b', 'c'], ARRAY[1, 1] @> ARRAY[1, 1, 1], NULL::int[] @> ARRAY[1]
----
t|t|t|NULL
tag: SELECT 1

statement error 42883
SELECT ARRAY[1] @> ARRAY['a']

query
SELECT id, tags FROM posts WHERE tags @> ARRAY['a'] ORDER BY id
----
1|{a,b,c}
tag: SELECT 1

query
SELECT id FROM posts WHERE tags && '{x y,c}' ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM posts WHERE nums <@ '{1,2,5,7}' ORDER BY id
----
1
2
tag: SELECT 2

# What psycopg2 sends for Python lists: ARRAY[...] with quoted strings, '{}' for an empty one.
statement ok
CREATE TABLE tagged (id int PRIMARY KEY, tags text[], nums int[], scores float8[])

statement ok
INSERT INTO tagged VALUES (1, ARRAY['a','b c',NULL], ARRAY[1,2], '{}')

query
SELECT tags, nums, scores FROM tagged WHERE 'b c' = ANY (tags)
----
{a,"b c",NULL}|{1,2}|{}
tag: SELECT 1

query
SELECT ARRAY[1.5, 2]::float8[], '{t,f,NULL}'::bool[], '{1.50,-2}'::numeric[], '{2024-02-29}'::date[], '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid[], '{"1 day"}'::interval[], ARRAY['\x00ff'::bytea], ARRAY['{"a":1}'::jsonb]
----
{1.5,2}|{t,f,NULL}|{1.50,-2}|{2024-02-29}|{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}|{"1 day"}|{"\\x00ff"}|{"{\"a\": 1}"}
tag: SELECT 1

statement error 22P02
SELECT '{maybe}'::bool[]

statement error 22008
SELECT '{2024-13-01}'::date[]

statement error 22003
SELECT '{1e400}'::float8[]

# deviation: drove's arrays are one-dimensional (docs/sql.md); PostgreSQL reads a two-dimensional literal.
statement error 0A000
SELECT '{{1,2},{3,4}}'::int[]

# deviation: drove's arrays are one-dimensional (docs/sql.md).
statement error 0A000
SELECT ARRAY[ARRAY[1, 2], ARRAY[3, 4]]

# Slices.
query
SELECT (ARRAY[1, 2, 3, 4])[2:3], (ARRAY[1, 2, 3])[:2], (ARRAY[1, 2, 3])[2:], (ARRAY[1, 2, 3])[0:10], (ARRAY[1, 2, 3])[3:2], (ARRAY[1, 2])[NULL:1], (ARRAY['a', 'b', 'c'])[-5:1]
----
{2,3}|{1,2}|{2,3}|{1,2,3}|{}|NULL|{a}
tag: SELECT 1

query
SELECT id, tags[1:2], tags[2:], nums[:1] FROM posts ORDER BY id
----
1|{a,b}|{b,c}|{1}
2|{"x y",NULL}|{NULL,"NULL",""}|{}
3|{"q\"uote","back\\slash"}|{"back\\slash","{brace}","comma,x"}|NULL
4|NULL|NULL|NULL
tag: SELECT 4

query
SELECT pg_typeof(tags[1:1]), cardinality(nums[1:2]) FROM posts WHERE id = 1
----
text[]|2
tag: SELECT 1

statement ok
ALTER TABLE tagged ADD COLUMN extra bigint[]

statement ok
UPDATE tagged SET extra = ARRAY[7, NULL] WHERE id = 1

query
SELECT id, extra, pg_typeof(extra) FROM tagged
----
1|{7,NULL}|bigint[]
tag: SELECT 1

# Lower bounds other than 1: assignment below the first or past the last element extends the
# array (NULL-padded), text input and output with [lo:hi]=, the bound functions, subscripts
# and slices, casts, ||, array_* functions and ordering, as PostgreSQL 15.
statement ok
CREATE TABLE lb (k int PRIMARY KEY, arr int[])

statement ok
INSERT INTO lb VALUES (1, '{1,2,3}'), (2, NULL), (3, '{}'), (4, '[-1:0]={7,8}')

statement ok
UPDATE lb SET arr[0] = 0 WHERE k = 1

statement ok
UPDATE lb SET arr[5] = 5 WHERE k = 2

statement ok
UPDATE lb SET arr[-2:-1] = '{4,5}' WHERE k = 3

statement ok
UPDATE lb SET arr[3] = 3 WHERE k = 4

query
SELECT k, arr, array_dims(arr), array_lower(arr, 1), array_upper(arr, 1), array_length(arr, 1), cardinality(arr), arr[0], arr[0:1], arr[:1], arr[1:] FROM lb ORDER BY k
----
1|[0:3]={0,1,2,3}|[0:3]|0|3|4|4|0|{0,1}|{0,1}|{1,2,3}
2|[5:5]={5}|[5:5]|5|5|1|1|NULL|{}|{}|{5}
3|[-2:-1]={4,5}|[-2:-1]|-2|-1|2|2|NULL|{}|{4,5}|{}
4|[-1:3]={7,8,NULL,NULL,3}|[-1:3]|-1|3|5|5|8|{8,NULL}|{7,8,NULL}|{NULL,NULL,3}
tag: SELECT 4

statement ok
UPDATE lb SET arr[-3] = -3 WHERE k = 1

statement ok
UPDATE lb SET arr[:-3] = '{9}' WHERE k = 1

statement ok
UPDATE lb SET arr[1:] = '{10,11,12,13}' WHERE k = 1

query
SELECT k, arr FROM lb ORDER BY arr, k
----
3|[-2:-1]={4,5}
2|[5:5]={5}
4|[-1:3]={7,8,NULL,NULL,3}
1|[-3:3]={9,NULL,NULL,0,10,11,12}
tag: SELECT 4

statement error 54000
UPDATE lb SET arr[2147483647] = 1 WHERE k = 3

statement error 54000
UPDATE lb SET arr[-2147483648] = 1 WHERE k = 3

statement ok
UPDATE lb SET arr[:5] = '{1}' WHERE k = 2

statement error 2202E
UPDATE lb SET arr[:5] = '{1}' WHERE k = 3

statement ok
INSERT INTO lb VALUES (2) ON CONFLICT (k) DO UPDATE SET arr[-1:0] = '{-1,0}'

query
SELECT arr, arr[-1], arr[:0] FROM lb WHERE k = 2
----
[-1:5]={-1,0,NULL,NULL,NULL,NULL,1}|-1|{-1,0}
tag: SELECT 1

query
SELECT k, unnest(arr) FROM lb WHERE k = 4
----
4|7
4|8
4|NULL
4|NULL
4|3
tag: SELECT 5

query
SELECT k, arr FROM lb WHERE arr = '[-1:3]={7,8,NULL,NULL,3}' OR arr = '{7,8,NULL,NULL,3}'
----
4|[-1:3]={7,8,NULL,NULL,3}
tag: SELECT 1

query
SELECT '[0:1]={1,2}'::int[] < '{1,2}'::int[], '[2:3]={1,2}'::int[] > '{1,2}'::int[], '[0:1]={1,2}'::int[] = '{1,2}', '[1:2]={1,2}'::int[] = '{1,2}'
----
t|t|f|t
tag: SELECT 1

query
SELECT DISTINCT x FROM (VALUES ('[0:1]={1,2}'::int[]), ('{1,2}'), ('[1:2]={1,2}')) v(x) ORDER BY x
----
[0:1]={1,2}
{1,2}
tag: SELECT 2

query
SELECT array_prepend(0, '[0:1]={1,2}'::int[]), array_append('[0:1]={1,2}'::int[], 3), '[0:1]={1,2}'::int[] || '[5:5]={3}'::int[], '{}'::int[] || '[5:5]={3}'::int[], '[5:5]={3}'::int[] || '{}'::int[]
----
[0:2]={0,1,2}|[0:2]={1,2,3}|[0:2]={1,2,3}|[5:5]={3}|[5:5]={3}
tag: SELECT 1

query
SELECT array_cat('[3:3]={1}'::int[], '{2}'), 0 || '[3:3]={1}'::int[], '[3:3]={1}'::int[] || 2::bigint
----
[3:4]={1,2}|[3:4]={0,1}|[3:4]={1,2}
tag: SELECT 1

query
SELECT trim_array('[0:2]={1,2,3}'::int[], 1), array_remove('[0:2]={1,2,3}'::int[], 2), array_replace('[0:2]={1,2,3}'::int[], 2, 5), array_fill(7, ARRAY[2], ARRAY[-3])
----
{1,2}|[0:1]={1,3}|[0:2]={1,5,3}|[-3:-2]={7,7}
tag: SELECT 1

statement error 54000
SELECT array_fill(7, ARRAY[2], ARRAY[2147483647])

statement error 22P02
SELECT '[0:1]={1,2,3}'::int[]

statement error 2202E
SELECT '[2:1]={}'::int[]

statement error 22P02
SELECT '[0:1]{1,2}'::int[]

query
SELECT ('1 2'::int2vector)::int2[], ('[-2:0]={a,b,c}'::text[])[-1], ('[-2:0]={a,b,c}'::text[])[-2:-1], ('[-2:0]={a,b,c}'::text[])[:-1], ('[-2:0]={a,b,c}'::text[])[-1:]
----
[0:1]={1,2}|b|{a,b}|{a,b}|{b,c}
tag: SELECT 1

query
SELECT array_position('[0:2]={1,2,3}'::int[], 2), array_position('[0:2]={1,2,3}'::int[], 2, 2), array_positions('[0:2]={1,2,2}'::int[], 2), array_lower('[0:2]={1,2,3}'::int[], 1), array_upper('[0:2]={1,2,3}'::int[], 1), array_length('[0:2]={1,2,3}'::int[], 1), cardinality('[0:2]={1,2,3}'::int[])
----
1|NULL|{1,2}|0|2|3|3
tag: SELECT 1

query
SELECT '[0:2]={1,2,3}'::int[]::bigint[], '[0:2]={1,2,3}'::int[]::text, '[0:1]={1.5,2}'::numeric[]::int[]
----
[0:2]={1,2,3}|[0:2]={1,2,3}|[0:1]={2,2}
tag: SELECT 1

query
SELECT ' [0:2] = {1,2,3}'::int[], '[3]={1,2,3}'::int[], '[1:3]={1,2,3}'::int[], '[-1:-1]={"a b"}'::text[]
----
[0:2]={1,2,3}|{1,2,3}|{1,2,3}|[-1:-1]={"a b"}
tag: SELECT 1

query
SELECT '[0:0]={2020-01-02}'::date[], '[0:0]={"2020-01-02 03:04:05+00"}'::timestamptz[]
----
[0:0]={2020-01-02}|[0:0]={"2020-01-02 03:04:05+00"}
tag: SELECT 1

query
SELECT array_to_string('[0:1]={a,b}'::text[], '-'), to_json('[0:1]={1,2}'::int[]), 2 = ANY('[0:1]={1,2}'::int[]), '[0:1]={1,2}'::int[] @> '{2}'
----
a-b|[1,2]|t|t
tag: SELECT 1

# pg_typeof is a regtype: it compares with regtype literals and prints (and casts to text)
# as the type's name.
query
SELECT pg_typeof(1) = 'integer'::regtype, pg_typeof(1)::text, pg_typeof(1), pg_typeof('a'), pg_typeof(NULL), pg_typeof(1::char(2)), pg_typeof('a'::varchar), pg_typeof(ARRAY[1])
----
t|integer|integer|unknown|unknown|character|character varying|integer[]
tag: SELECT 1

query
SELECT pg_typeof(1.5) <> 'integer'::regtype, pg_typeof(pg_typeof(1)), pg_typeof(1)::oid, pg_typeof(ARRAY['a'::varchar]), pg_typeof(ARRAY['a'::char(2)])
----
t|regtype|23|character varying[]|character[]
tag: SELECT 1

query
SELECT pg_typeof(x), count(*) FROM (VALUES (1), (2)) v(x) GROUP BY 1
----
integer|2
tag: SELECT 1

query
SELECT 'type: ' || pg_typeof(1), format('%s', pg_typeof(1)), concat(pg_typeof(1), '!'), upper(pg_typeof(now())::text), length(pg_typeof(1)::text)
----
type: integer|integer|integer!|TIMESTAMP WITH TIME ZONE|7
tag: SELECT 1

query
SELECT CASE WHEN pg_typeof(1) = 'integer'::regtype THEN 'int' ELSE 'other' END, pg_typeof(1)::text = 'integer'
----
int|t
tag: SELECT 1

query
SELECT t FROM (SELECT pg_typeof(1) t UNION ALL SELECT pg_typeof(1.5)) s ORDER BY t
----
integer
numeric
tag: SELECT 2

statement error 22P02
SELECT pg_typeof(1) = 'integer'

# An empty ARRAY[] takes its type only from a cast right above it: elsewhere (a select list,
# COALESCE, an INSERT's or UPDATE's value, beside an operator) it is 42P18.
statement ok
CREATE TABLE emptyarr (k int PRIMARY KEY, i int[])

statement error 42P18
INSERT INTO emptyarr VALUES (1, ARRAY[])

statement ok
INSERT INTO emptyarr VALUES (2, ARRAY[]::int[]), (3, '{}')

statement error 42P18
UPDATE emptyarr SET i = ARRAY[] WHERE k = 2

statement error 42P18
SELECT ARRAY[]

statement error 42P18
SELECT ARRAY[]::text

statement error 42P18
SELECT COALESCE(ARRAY[], ARRAY[1])

statement error 42P18
SELECT COALESCE(i, ARRAY[]) FROM emptyarr

statement error 42P18
SELECT 1 = ANY(ARRAY[])

statement error 42P18
SELECT ARRAY[1] || ARRAY[]

query
SELECT ARRAY[]::int[], CAST(ARRAY[] AS text[]), array_length(ARRAY[]::int[], 1), pg_typeof(ARRAY[]::bigint[]), ARRAY[1] || ARRAY[]::int[]
----
{}|{}|NULL|bigint[]|{1}
tag: SELECT 1

query
SELECT k, i, i = ARRAY[]::int[] FROM emptyarr ORDER BY k
----
2|{}|t
3|{}|t
tag: SELECT 2
