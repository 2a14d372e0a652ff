# Everyday PostgreSQL 15 functions (issue 17): pg_sleep, log10, julian, bytea bits and bytes,
# unistr, jsonb_insert, jsonb_set_lax, width_bucket over thresholds, string_agg of bytea.
# pg_sleep and its interval and timestamptz forms return void (shown empty); a negative or NaN time does not wait
query
SELECT pg_sleep(0.01), pg_sleep(-1), pg_sleep('NaN'), pg_sleep(NULL) IS NULL
----
|||t
tag: SELECT 1

query
SELECT pg_sleep_for('10 milliseconds'), pg_sleep_until(now() + interval '10 ms')
----
|
tag: SELECT 1

# log10 is log's other name, for double precision and numeric
query
SELECT log10(100::numeric), log10(0.001), log10(2::float8), log10(1000), log(1000::numeric)
----
2.0000000000000000|-3.0000000000000000|0.3010299956639812|3|3.0000000000000000
tag: SELECT 1

statement error 2201E
SELECT log10(0::numeric)

statement error 2201E
SELECT log10(-1::float8)

# julian: the Julian day plus the fraction of the day, numeric at select_div_scale's scale, a date's an integer
query
SELECT extract(julian FROM timestamp '2020-01-01 12:00'), extract(julian FROM timestamp '2020-01-01 00:00'), extract(julian FROM timestamp '2020-01-01 00:00:00.000001')
----
2458850.50000000000000000000|2458850.0000000000000000000000000000|2458850.0000000000115740740740740741
tag: SELECT 1

query
SELECT extract(julian FROM timestamptz '2020-01-01 12:34:56.789+05'), extract(julian FROM timestamp '4714-11-24 00:00 BC'), date_part('julian', timestamp '2020-01-01 12:34:56.789')
----
2458850.31593505787037037037|0.0000000000000000000000000000|2458850.524268391
tag: SELECT 1

query
SELECT extract(julian FROM date '2020-01-01'), date_part('julian', date '2020-01-01'), extract(julian FROM date '4714-11-24 BC'), extract(julian FROM date 'infinity'), extract(julian FROM timestamp '-infinity')
----
2458850|2458850|0|Infinity|-Infinity
tag: SELECT 1

statement error 0A000
SELECT extract(julian FROM time '12:00')

statement error 0A000
SELECT extract(julian FROM interval '1 day')

# bytea's bits count from the low bit of the first byte
query
SELECT get_bit('\x1234'::bytea, 3), get_bit('\x1234'::bytea, 12), set_bit('\x1234'::bytea, 3, 1), set_bit('\x1234'::bytea, 12, 0), get_byte('\x1234'::bytea, 1), set_byte('\x1234'::bytea, 1, 255), set_byte('\x12'::bytea, 0, 257)
----
0|1|\x1a34|\x1224|52|\x12ff|\x01
tag: SELECT 1

statement error 2202E
SELECT get_bit('\x'::bytea, 0)

statement error 2202E
SELECT get_bit('\x12'::bytea, 8)

statement error 22023
SELECT set_bit('\x12'::bytea, 0, 2)

statement error 2202E
SELECT set_bit('\x12'::bytea, 9, 2)

statement error 2202E
SELECT get_byte('\x12'::bytea, -1)

statement error 2202E
SELECT set_byte('\x12'::bytea, 1, 0)

query
SELECT bit_count('\xff01'::bytea), bit_count(''::bytea), pg_typeof(bit_count('\x01'::bytea))
----
9|0|bigint
tag: SELECT 1

# string_agg over bytea: an untyped delimiter is read as bytea
query
SELECT string_agg(x, '\x2c'::bytea) FROM (VALUES ('\x01'::bytea), ('\x02'::bytea)) v(x)
----
\x012c02
tag: SELECT 1

query
SELECT string_agg(x, ','), string_agg(x, NULL), pg_typeof(string_agg(x, ',')) FROM (VALUES ('\x01'::bytea), (NULL), ('\x02'::bytea)) v(x)
----
\x012c02|\x0102|bytea
tag: SELECT 1

query
SELECT string_agg(x, ',') IS NULL FROM (VALUES ('\x01'::bytea)) v(x) WHERE false
----
t
tag: SELECT 1

# unistr decodes \XXXX, \+XXXXXX, \uXXXX, \UXXXXXXXX and UTF-16 surrogate pairs
query
SELECT unistr('d\0061t\+000061'), unistr('\D83D\DE00x'), unistr('\uD83D\uDE00'), unistr('\U0001F600'), unistr('a\\b')
----
data|😀x|😀|😀|a\b
tag: SELECT 1

statement error 22023
SELECT unistr('\0000')

statement error 42601
SELECT unistr('\D800')

statement error 42601
SELECT unistr('\DC00')

statement error 42601
SELECT unistr('\D800x')

statement error 42601
SELECT unistr('\12')

statement error 22023
SELECT unistr('\+110000')

# jsonb_insert adds before (or after) an element, or a missing key
query
SELECT jsonb_insert('{"a":[1,2]}', '{a,1}', '9'), jsonb_insert('{"a":[1,2]}', '{a,1}', '9', true), jsonb_insert('{"a":1}', '{b}', '9')
----
{"a": [1, 9, 2]}|{"a": [1, 2, 9]}|{"a": 1, "b": 9}
tag: SELECT 1

query
SELECT jsonb_insert('[1,2,3]', '{-1}', '9', true), jsonb_insert('[1,2,3]', '{-9}', '9'), jsonb_insert('[1,2,3]', '{9}', '9'), jsonb_insert('[]', '{0}', '9'), jsonb_insert('{}', '{}', '9')
----
[1, 2, 3, 9]|[9, 1, 2, 3]|[1, 2, 3, 9]|[9]|{}
tag: SELECT 1

query
SELECT jsonb_insert('{"a":{"b":[0]}}', '{a,b,0}', '"x"'), jsonb_insert('{"a":{"b":[0]}}', '{a,c,0}', '"x"')
----
{"a": {"b": ["x", 0]}}|{"a": {"b": [0]}}
tag: SELECT 1

statement error 22023
SELECT jsonb_insert('{"a":1}', '{a}', '2')

statement error 22023
SELECT jsonb_insert('1', '{}', '9')

statement error 22P02
SELECT jsonb_insert('[1]', '{x}', '9')

statement error 22004
SELECT jsonb_insert('[1]', '{NULL}', '9')

# jsonb_set_lax: a NULL value does what null_value_treatment says
query
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'delete_key'), jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'return_target'), jsonb_set_lax('{"a":1}', '{a}', NULL)
----
{}|{"a": 1}|{"a": null}
tag: SELECT 1

query
SELECT jsonb_set_lax(NULL, '{a}', NULL) IS NULL, jsonb_set_lax('{"a":1}', NULL, NULL) IS NULL, jsonb_set_lax('{"a":1}', '{a}', NULL, NULL) IS NULL
----
t|t|t
tag: SELECT 1

query
SELECT jsonb_set_lax('{"a":1}', '{a}', '5'), jsonb_set_lax('{"a":1}', '{b}', NULL, false), jsonb_set_lax('[1]', '{0}', NULL, false, 'delete_key')
----
{"a": 5}|{"a": 1}|[]
tag: SELECT 1

statement error 22023
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'bogus')

statement error 22004
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, 'raise_exception')

statement error 22023
SELECT jsonb_set_lax('{"a":1}', '{a}', NULL, true, NULL)

statement error 22023
SELECT jsonb_set_lax('{"a":1}', '{a}', '5', true, NULL)

# width_bucket over an array of sorted thresholds
query
SELECT width_bucket(NULL::int, ARRAY[1,2]) IS NULL, width_bucket(0, '{}'::int[]), width_bucket(2.5, ARRAY[1,2,3]), width_bucket('b', ARRAY['a','c']), width_bucket(5, ARRAY[1, 3, 4, 6]), width_bucket(6, ARRAY[1, 3, 4, 6])
----
t|0|2|1|3|4
tag: SELECT 1

query
SELECT width_bucket(date '2020-06-01', ARRAY[date '2020-01-01', date '2021-01-01'])
----
1
tag: SELECT 1

statement error 22004
SELECT width_bucket(5, ARRAY[1,NULL])

# pg_proc (psql's \df) lists them
query
SELECT proname, pg_get_function_arguments(oid), pg_get_function_result(oid) FROM pg_proc WHERE proname IN ('pg_sleep', 'pg_sleep_for', 'log10', 'get_bit', 'set_byte', 'bit_count', 'unistr', 'jsonb_insert', 'jsonb_set_lax') OR proname IN ('width_bucket', 'string_agg') AND oid IN (3218, 3545) EXCEPT SELECT proname, pg_get_function_arguments(oid), pg_get_function_result(oid) FROM pg_proc WHERE pg_get_function_arguments(oid) ~ '^bit(,|$)' ORDER BY 1, 2
----
bit_count|bytea|bigint
get_bit|bytea, bigint|integer
jsonb_insert|jsonb_in jsonb, path text[], replacement jsonb, insert_after boolean DEFAULT false|jsonb
jsonb_set_lax|jsonb_in jsonb, path text[], replacement jsonb, create_if_missing boolean DEFAULT true, null_value_treatment text DEFAULT 'use_json_null'::text|jsonb
log10|double precision|double precision
log10|numeric|numeric
pg_sleep|double precision|void
pg_sleep_for|interval|void
set_byte|bytea, integer, integer|bytea
string_agg|bytea, bytea|bytea
unistr|text|text
width_bucket|anycompatible, anycompatiblearray|integer
tag: SELECT 12

# EXPLAIN's option list: the options that ask for what drove prints (no costs, text) are
# accepted; unknown options and bad values fail as in PostgreSQL.
statement ok
CREATE TABLE f17 (a int PRIMARY KEY, b text)

query
EXPLAIN (COSTS OFF) SELECT b FROM f17
----
Seq Scan on f17
tag: EXPLAIN

query
EXPLAIN (ANALYZE false, VERBOSE false, COSTS false) SELECT * FROM f17
----
Seq Scan on f17
tag: EXPLAIN

query
EXPLAIN (costs 0, format text, timing off, summary false, buffers off, settings 'off') TABLE f17
----
Seq Scan on f17
tag: EXPLAIN

statement error 42601
EXPLAIN (foo) SELECT 1

statement error 42601
EXPLAIN (costs maybe) SELECT 1

statement error 42601
EXPLAIN (costs 2) SELECT 1

statement error 22023
EXPLAIN (format csv) SELECT 1

statement error 22023
EXPLAIN (timing) SELECT 1

statement error 22023
EXPLAIN (wal) SELECT 1

statement error 42601
EXPLAIN () SELECT 1

statement error 42601
EXPLAIN (costs off,) SELECT 1

statement ok
DROP TABLE f17

# A POSIX zone with no name: '+02:00' is two hours WEST of Greenwich (PostgreSQL's sign
# inversion for POSIX strings); an offset with seconds is refused.
statement ok
SET timezone = '+02:00'

query
SELECT current_setting('timezone'), timestamptz '2020-01-01 00:00+00', extract(timezone FROM timestamptz '2020-01-01 00:00+00'), to_char(timestamptz '2020-01-01 00:00+00', 'TZ OF')
----
+02:00|2019-12-31 22:00:00-02|-7200| -02
tag: SELECT 1

statement ok
SET timezone = '-05:30'

query
SELECT timestamptz '2020-01-01 00:00+00'
----
2020-01-01 05:30:00+05:30
tag: SELECT 1

statement error 22023
SET timezone = '+02:00:30'

statement ok
SET timezone = 'UTC+3'

query
SELECT current_setting('timezone'), timestamptz '2020-01-01 00:00+00'
----
UTC+3|2019-12-31 21:00:00-03
tag: SELECT 1

statement ok
SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE

query
SELECT current_setting('timezone'), timestamptz '2020-01-01 00:00+00'
----
<+02>-02|2020-01-01 02:00:00+02
tag: SELECT 1

statement ok
RESET timezone

statement ok
SET TIME ZONE INTERVAL '-05:30'

query
SELECT current_setting('timezone'), timestamptz '2020-01-01 00:00+00'
----
<-05:30>+05:30|2019-12-31 18:30:00-05:30
tag: SELECT 1

statement error 42601
SET TIME ZONE INTERVAL '1' DAY

statement error 22023
SET TIME ZONE INTERVAL '1 day'

statement ok
RESET timezone

# An empty select list: the rows, with no columns.
statement ok
CREATE TABLE f17s (a int)

statement ok
INSERT INTO f17s VALUES (1), (2), (3)

query
SELECT count(*) FROM (SELECT FROM f17s WHERE a > 1) s
----
2
tag: SELECT 1

query
SELECT EXISTS (SELECT FROM f17s WHERE a = 2), EXISTS (SELECT FROM f17s WHERE a = 5)
----
t|f
tag: SELECT 1

query
SELECT count(*) FROM (SELECT FROM f17s GROUP BY a HAVING a > 2 UNION ALL SELECT) s
----
2
tag: SELECT 1

query
SELECT count(*) FROM (SELECT 1 EXCEPT SELECT 2) s
----
1
tag: SELECT 1

statement ok
DROP TABLE f17s
