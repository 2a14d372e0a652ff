# json and jsonb: input, output, comparison, operators, functions and aggregates.
query
SELECT '{"b": 2, "a": 1, "aa": [1, 2.50, "x"], "a": 3}'::jsonb, '{"b": 2,  "a": 1}'::json
----
{"a": 3, "b": 2, "aa": [1, 2.50, "x"]}|{"b": 2,  "a": 1}
tag: SELECT 1

query
SELECT '[]'::jsonb, '{}'::jsonb, '"a\"b\\c\n\u00e9\t\u0001"'::jsonb, 'null'::jsonb, 'true'::jsonb, '-0.0'::jsonb, '1e3'::jsonb, '1E-2'::jsonb, ' [ 1 , { } ] '::jsonb
----
[]|{}|"a\"b\\c\né\t\u0001"|null|true|0.0|1000|0.01|[1, {}]
tag: SELECT 1

query
SELECT '"\ud83d\ude00"'::jsonb, '"\/"'::jsonb, '"\u0000"'::json
----
"😀"|"/"|"\u0000"
tag: SELECT 1

query
SELECT '{"a": 1'::jsonb
----
error 22P02: invalid input syntax for type json

query
SELECT '{"a" 1}'::jsonb
----
error 22P02: invalid input syntax for type json

query
SELECT '[1, 2,]'::jsonb
----
error 22P02: invalid input syntax for type json

query
SELECT '01'::jsonb
----
error 22P02: invalid input syntax for type json

query
SELECT '"\u0000"'::jsonb
----
error 22P05: unsupported Unicode escape sequence

query
SELECT '"\ud83d"'::jsonb
----
error 22P02: invalid input syntax for type json

query
SELECT '"\q"'::json
----
error 22P02: invalid input syntax for type json

query
SELECT 'nul'::json
----
error 22P02: invalid input syntax for type json

query
SELECT '1 2'::json
----
error 22P02: invalid input syntax for type json

query
SELECT '{"a": {"b": [10, 20, {"c": "d"}]}, "n": null}'::jsonb -> 'a', '{"a": 1}'::jsonb -> 'z', '[1, 2, 3]'::jsonb -> 1, '[1, 2, 3]'::jsonb -> -1, '[1, 2, 3]'::jsonb -> 5
----
{"b": [10, 20, {"c": "d"}]}|NULL|2|3|NULL
tag: SELECT 1

query
SELECT '{"a": "x", "n": null, "b": true}'::jsonb ->> 'a', '{"a": "x", "n": null}'::jsonb ->> 'n' IS NULL, '["x", [1]]'::jsonb ->> 1, '{"b": true}'::jsonb ->> 'b'
----
x|t|[1]|true
tag: SELECT 1

query
SELECT '{"a": {"b": [10, 20, {"c": "d"}]}}'::jsonb #> '{a,b,2}', '{"a": {"b": [10, 20, {"c": "d"}]}}'::jsonb #>> '{a,b,2,c}', '{"a": {"b": [10, 20]}}'::jsonb #> '{a,x}', '{"a": 1}'::jsonb #>> '{}'
----
{"c": "d"}|d|NULL|{"a": 1}
tag: SELECT 1

query
SELECT '{"a": {"b": 1}}'::jsonb -> 'a' -> 'b', '{"a": {"b": 1}}'::jsonb -> 'a' ->> 'b' || 'x', '{"a": [1,2]}'::jsonb -> 'a' -> 0
----
1|1x|1
tag: SELECT 1

query
SELECT '{"a": 1, "b": {"c": [1, 2, 3]}}'::jsonb @> '{"b": {"c": [3, 1]}}', '{"a": 1}'::jsonb @> '{"a": 2}', '[1, 2, [3, 4]]'::jsonb @> '[[4]]', '[1, 2]'::jsonb @> '1', '1'::jsonb @> '[1]', '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}', '{"a": 1.0}'::jsonb @> '{"a": 1}'
----
t|f|t|t|f|t|t
tag: SELECT 1

query
SELECT '{"a": 1, "b": 2}'::jsonb ? 'a', '{"a": 1}'::jsonb ? 'b', '["a", "b"]'::jsonb ? 'b', '[["a"]]'::jsonb ? 'a', '"a"'::jsonb ? 'a', '{"a": 1, "b": 2}'::jsonb ?| ARRAY['x', 'b'], '{"a": 1, "b": 2}'::jsonb ?& ARRAY['a', 'x'], '{"a": 1, "b": 2}'::jsonb ?& '{a,b}'
----
t|f|t|f|t|t|f|t
tag: SELECT 1

query
SELECT '{"a": 1, "b": 2}'::jsonb || '{"b": 3, "c": 4}', '[1, 2]'::jsonb || '[3]', '[1]'::jsonb || '{"a": 1}', '{"a": 1}'::jsonb || '[1]', '1'::jsonb || '2'::jsonb, '[1]'::jsonb || '"x"'
----
{"a": 1, "b": 3, "c": 4}|[1, 2, 3]|[1, {"a": 1}]|[{"a": 1}, 1]|[1, 2]|[1, "x"]
tag: SELECT 1

query
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", "a"]'::jsonb - 'a', '[1, 2, 3]'::jsonb - 1, '[1, 2, 3]'::jsonb - -1, '{"a": 1, "b": 2, "c": 3}'::jsonb - ARRAY['a', 'c']
----
{"b": 2}|["b"]|[1, 3]|[1, 2]|{"b": 2}
tag: SELECT 1

query
SELECT '1'::jsonb - 'a'
----
error 22023: cannot delete from scalar

query
SELECT '{"a": 1}'::jsonb - 0
----
error 22023: cannot delete from object using integer index

query
SELECT jsonb_build_object('a', 1, 'b', 'x', 'c', NULL, 'd', true, 'e', 1.50, 'a', 2), jsonb_build_object(), jsonb_build_array(1, 'a', NULL, 2.5, false), jsonb_build_array()
----
{"a": 2, "b": "x", "c": null, "d": true, "e": 1.50}|{}|[1, "a", null, 2.5, false]|[]
tag: SELECT 1

query
SELECT json_build_object('a', 1, 'b', 'x', 'c', NULL), json_build_object(), json_build_array(1, 'a', NULL), json_build_array()
----
{"a" : 1, "b" : "x", "c" : null}|{}|[1, "a", null]|[]
tag: SELECT 1

query
SELECT jsonb_build_object('a')
----
error 22023: argument list must have even number of elements

query
SELECT jsonb_build_object(NULL, 1)
----
error 22023: argument 1: key must not be null

query
SELECT to_jsonb(1), to_jsonb('a"b'::text), to_jsonb(1.50), to_jsonb(true), to_jsonb(ARRAY[1, 2]), to_jsonb('NaN'::float8), to_jsonb(1.5::float8), to_jsonb(DATE '2024-01-02'), to_jsonb(TIMESTAMP '2024-01-02 10:00:00.5'), to_jsonb('{"a": 1}'::json)
----
1|"a\"b"|1.50|true|[1, 2]|"NaN"|1.5|"2024-01-02"|"2024-01-02T10:00:00.5"|{"a": 1}
tag: SELECT 1

query
SELECT to_json(1), to_json('a"b'::text), to_json(ARRAY['x', 'y']), to_json('{"a" :  1}'::json), to_json(NULL::int) IS NULL
----
1|"a\"b"|["x","y"]|{"a" :  1}|t
tag: SELECT 1

query
SELECT jsonb_typeof('{}'), jsonb_typeof('[]'), jsonb_typeof('1'), jsonb_typeof('"s"'), jsonb_typeof('true'), jsonb_typeof('null'), json_typeof('[1]')
----
object|array|number|string|boolean|null|array
tag: SELECT 1

query
SELECT jsonb_array_length('[1, 2, [3]]'), json_array_length('[]')
----
3|0
tag: SELECT 1

query
SELECT jsonb_array_length('{}')
----
error 22023: cannot get array length of a non-array

query
SELECT jsonb_pretty('{"a": [], "b": {}, "c": [1, {"x": null}], "d": "s"}')
----
{
    "a": [
    ],
    "b": {
    },
    "c": [
        1,
        {
            "x": null
        }
    ],
    "d": "s"
}
tag: SELECT 1

query
SELECT jsonb_pretty('[1, [2, 3]]'), jsonb_pretty('1')
----
[
    1,
    [
        2,
        3
    ]
]|1
tag: SELECT 1

query
SELECT jsonb_set('{"a": [1, 2, 3], "b": 1}', '{a,1}', '"x"'), jsonb_set('{"a": 1}', '{b}', '2'), jsonb_set('{"a": 1}', '{b}', '2', false), jsonb_set('[1, 2]', '{-5}', '0'), jsonb_set('[1, 2]', '{9}', '3'), jsonb_set('{"a": {"b": 1}}', '{a,c}', '[true]')
----
{"a": [1, "x", 3], "b": 1}|{"a": 1, "b": 2}|{"a": 1}|[0, 1, 2]|[1, 2, 3]|{"a": {"b": 1, "c": [true]}}
tag: SELECT 1

query
SELECT jsonb_set('{"a": [1]}', '{a,x}', '1')
----
error 22P02: path element at position 2 is not an integer: "x"

query
SELECT jsonb_strip_nulls('{"a": null, "b": [null, {"c": null, "d": 1}]}'), jsonb_extract_path('{"a": {"b": 2}}', 'a', 'b'), jsonb_extract_path_text('{"a": {"b": "x"}}', 'a', 'b')
----
{"b": [null, {"d": 1}]}|2|x
tag: SELECT 1

query
SELECT jsonb_array_elements('[1, "a", [2], null]')
----
1
"a"
[2]
null
tag: SELECT 4

query
SELECT jsonb_array_elements_text('[1, "a", [2], null]') IS NULL, jsonb_array_elements_text('[1, "a", [2], null]')
----
f|1
f|a
f|[2]
t|NULL
tag: SELECT 4

query
SELECT jsonb_object_keys('{"b": 1, "a": 2, "aa": 3}')
----
a
b
aa
tag: SELECT 3

query
SELECT x FROM jsonb_array_elements('[{"a": 1}, {"a": 2}]') AS x
----
{"a": 1}
{"a": 2}
tag: SELECT 2

query
SELECT (jsonb_each('{"b": 1, "a": [2]}')).key, (jsonb_each('{"b": 1, "a": [2]}')).value, (jsonb_each_text('{"b": 1, "a": "x"}')).value
----
a|[2]|x
b|1|1
tag: SELECT 2

query
SELECT jsonb_array_elements('{"a": 1}')
----
error 22023: cannot extract elements from an object

statement ok
CREATE TABLE docs (id int PRIMARY KEY, body jsonb, raw json, tag uuid)

statement ok
INSERT INTO docs VALUES (1, '{"name": "a", "tags": ["x", "y"], "n": 1}', '{"k":  1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, '{"name": "b", "tags": ["y"], "n": 2.0}', '[1,2]', NULL), (3, '{"n": 1.0, "name": "c"}', NULL, NULL), (4, '[1, 2]', '"s"', NULL), (5, NULL, 'null', NULL), (6, '{"name": "a", "n": 1, "tags": ["x", "y"]}', '{}', NULL)

statement error 22P02
INSERT INTO docs VALUES (7, '{bad', NULL, NULL)

query
SELECT id, body, raw FROM docs ORDER BY id
----
1|{"n": 1, "name": "a", "tags": ["x", "y"]}|{"k":  1}
2|{"n": 2.0, "name": "b", "tags": ["y"]}|[1,2]
3|{"n": 1.0, "name": "c"}|NULL
4|[1, 2]|"s"
5|NULL|null
6|{"n": 1, "name": "a", "tags": ["x", "y"]}|{}
tag: SELECT 6

query
SELECT id, body -> 'name', body ->> 'name', body -> 'tags' -> 0 FROM docs ORDER BY id
----
1|"a"|a|"x"
2|"b"|b|"y"
3|"c"|c|NULL
4|NULL|NULL|NULL
5|NULL|NULL|NULL
6|"a"|a|"x"
tag: SELECT 6

query
SELECT id FROM docs WHERE body @> '{"tags": ["y"]}' ORDER BY id
----
1
2
6
tag: SELECT 3

query
SELECT id FROM docs WHERE body ? 'tags' ORDER BY id
----
1
2
6
tag: SELECT 3

query
SELECT body -> 'n', count(*) FROM docs GROUP BY body -> 'n' ORDER BY body -> 'n'
----
1|3
2.0|1
NULL|2
tag: SELECT 3

query
SELECT DISTINCT body FROM docs ORDER BY body
----
[1, 2]
{"n": 1.0, "name": "c"}
{"n": 1, "name": "a", "tags": ["x", "y"]}
{"n": 2.0, "name": "b", "tags": ["y"]}
NULL
tag: SELECT 5

query
SELECT id, body FROM docs ORDER BY body DESC, id
----
5|NULL
2|{"n": 2.0, "name": "b", "tags": ["y"]}
1|{"n": 1, "name": "a", "tags": ["x", "y"]}
6|{"n": 1, "name": "a", "tags": ["x", "y"]}
3|{"n": 1.0, "name": "c"}
4|[1, 2]
tag: SELECT 6

query
SELECT body = '{"tags": ["x", "y"], "n": 1, "name": "a"}', body < '{"a": 1}', body > '[1, 2, 3]' FROM docs ORDER BY id
----
t|f|t
f|f|t
f|f|t
f|t|f
NULL|NULL|NULL
t|f|t
tag: SELECT 6

query
SELECT jsonb_agg(id), json_agg(id), jsonb_object_agg(id, body -> 'name'), json_object_agg(id, body ->> 'name') FROM docs
----
[1, 2, 3, 4, 5, 6]|[1, 2, 3, 4, 5, 6]|{"1": "a", "2": "b", "3": "c", "4": null, "5": null, "6": "a"}|{ "1" : "a", "2" : "b", "3" : "c", "4" : null, "5" : null, "6" : "a" }
tag: SELECT 1

query
SELECT jsonb_agg(body) FROM docs WHERE id < 3
----
[{"n": 1, "name": "a", "tags": ["x", "y"]}, {"n": 2.0, "name": "b", "tags": ["y"]}]
tag: SELECT 1

query
SELECT jsonb_agg(id) FROM docs WHERE id > 100
----
NULL
tag: SELECT 1

query
SELECT json_agg(ARRAY[id, 1]) FROM docs WHERE id < 3
----
[[1,1], 
 [2,1]]
tag: SELECT 1

query
SELECT pg_typeof(body), pg_typeof(raw), pg_typeof(body -> 'a'), pg_typeof(body ->> 'a'), pg_typeof(raw -> 'k') FROM docs WHERE id = 1
----
jsonb|json|jsonb|text|json
tag: SELECT 1

query
SELECT raw -> 'k', raw ->> 'k', raw -> 0 FROM docs WHERE id IN (1, 2) ORDER BY id
----
1|1|NULL
NULL|NULL|1
tag: SELECT 2

statement error 42883
SELECT raw = raw FROM docs

query
SELECT body::text, raw::jsonb, body::json, (body -> 'n')::int, (body -> 'n')::numeric, ('true'::jsonb)::bool FROM docs WHERE id = 1
----
{"n": 1, "name": "a", "tags": ["x", "y"]}|{"k": 1}|{"n": 1, "name": "a", "tags": ["x", "y"]}|1|1|t
tag: SELECT 1

query
SELECT ('"x"'::jsonb)::int
----
error 22023: cannot cast jsonb string to type integer

statement ok
UPDATE docs SET body = jsonb_set(body, '{n}', to_jsonb(10)) WHERE id = 1

statement ok
UPDATE docs SET body = body || '{"extra": true}' WHERE id = 2

query
SELECT id, body FROM docs WHERE id IN (1, 2) ORDER BY id
----
1|{"n": 10, "name": "a", "tags": ["x", "y"]}
2|{"n": 2.0, "name": "b", "tags": ["y"], "extra": true}
tag: SELECT 2

query
SELECT data_type FROM information_schema.columns WHERE table_name = 'docs' ORDER BY ordinal_position
----
integer
jsonb
json
uuid
tag: SELECT 4

# deviation: a jsonb key column is refused (0A000), as numeric ones are: keys compare as bytes
statement error 0A000
CREATE TABLE jk (k jsonb PRIMARY KEY)

statement error 42704
CREATE TABLE jk (k json PRIMARY KEY)

query
SELECT 'a' ? 'b'
----
error 22P02: invalid input syntax for type json

# pgjdbc looks a PGobject's type (jsonb) up by name along current_schemas.
query
SELECT current_schemas(false), current_schemas(true)
----
{public}|{pg_catalog,public}
tag: SELECT 1

# json's parts come out as written; jsonb's are printed anew.
query
SELECT '{"a": [1,2,  {"b" :null}]}'::json -> 'a', '{"a": [1,2,  {"b" :null}]}'::json #> '{a,2}', '[ {"x":1} ,2]'::json -> 0, '{"a": [1,2]}'::jsonb -> 'a'
----
[1,2,  {"b" :null}]|{"b" :null}|{"x":1}|[1, 2]
tag: SELECT 1

query
SELECT json_array_elements('[ {"x":1} , [2,3] ]'), (json_each('{"k" : [1,2]}')).value
----
{"x":1}|[1,2]
[2,3]|NULL
tag: SELECT 2

query
SELECT * FROM jsonb_each('{"b": 1, "a": [2]}')
----
a|[2]
b|1
tag: SELECT 2

query
SELECT e.key, e.value, t.k FROM jsonb_each_text('{"b": 1, "a": "x"}') AS e, (SELECT 1 AS k) t ORDER BY e.key
----
a|x|1
b|1|1
tag: SELECT 2

query
SELECT k, v FROM json_each('{"x" : [1,2]}') j(k, v)
----
x|[1,2]
tag: SELECT 1

query
SELECT j.key FROM docs, jsonb_each(docs.body) j WHERE id = 1 ORDER BY j.key
----
n
name
tags
tag: SELECT 3

query
SELECT value FROM jsonb_array_elements('[1, {"a": 2}]') ORDER BY 1
----
1
{"a": 2}
tag: SELECT 2

query
SELECT jsonb_agg(id ORDER BY id DESC), json_agg(body -> 'name' ORDER BY body ->> 'name' NULLS FIRST, id), jsonb_object_agg(id, id ORDER BY id) FROM docs
----
[6, 5, 4, 3, 2, 1]|[null, null, "a", "a", "b", "c"]|{"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
tag: SELECT 1

query
SELECT body ->> 'name', jsonb_agg(id ORDER BY id DESC) FROM docs GROUP BY body ->> 'name' ORDER BY 1
----
a|[6, 1]
b|[2]
c|[3]
NULL|[5, 4]
tag: SELECT 4

query
SELECT '{"a": [1, {"b": 2}]}'::jsonb #- '{a,1,b}', '[1, 2, 3]'::jsonb #- '{-1}', '{"a": 1}'::jsonb #- '{}', '{"a": 1}'::jsonb #- '{x,y}', '{"a": 1, "b": 2}'::jsonb #- ARRAY['a']
----
{"a": [1, {}]}|[1, 2]|{"a": 1}|{"a": 1}|{"b": 2}
tag: SELECT 1

query
SELECT '1'::jsonb #- '{a}'
----
error 22023: cannot delete path in scalar

query
SELECT '[1]'::jsonb #- '{a}'
----
error 22P02: path element at position 1 is not an integer: "a"
