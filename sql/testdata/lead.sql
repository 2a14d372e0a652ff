# VARIADIC with an empty array calls the function with no variadic arguments: the json path
# functions return the whole value (drove passed an empty string for the missing argument,
# the parameter's absent DEFAULT, and found nothing), and an untyped literal or NULL after
# VARIADIC takes a typed variadic parameter's array type (drove: 42804); for a variadic
# "any" it stays 42804, and a typed argument that is not an array matches nothing (42883).
query
SELECT jsonb_extract_path('{"a": 1}', VARIADIC ARRAY[]::text[]), jsonb_extract_path_text('{"a": 1}', VARIADIC ARRAY[]::text[]), json_extract_path('{"a":1}', VARIADIC '{}'::text[]), json_extract_path_text('{"a":1}', VARIADIC '{}'::text[])
----
{"a": 1}|{"a": 1}|{"a":1}|{"a":1}
tag: SELECT 1

query
SELECT json_extract_path_text('null', VARIADIC '{}'::text[]) IS NULL, jsonb_extract_path_text('null', VARIADIC '{}'::text[]) IS NULL, json_extract_path('"x"', VARIADIC '{}'::text[]), jsonb_extract_path_text('"x"', VARIADIC '{}'::text[]), jsonb_extract_path('null', VARIADIC '{}'::text[])
----
t|t|"x"|x|null
tag: SELECT 1

query
SELECT jsonb_extract_path('{"a": {"b": 2}}', VARIADIC '{a,b}'), jsonb_extract_path('{"a": 1}', VARIADIC '{}'), jsonb_extract_path('{"a": 1}', VARIADIC NULL) IS NULL
----
2|{"a": 1}|t
tag: SELECT 1

statement error 42804
SELECT concat(VARIADIC '{a,b}')

statement error 42804
SELECT format('%s-%s', VARIADIC '{a,b}')

statement error 42804
SELECT num_nulls(VARIADIC NULL)

statement error 42883
SELECT jsonb_extract_path('{"a": 1}', VARIADIC 5)

statement error 42804
SELECT concat(VARIADIC 5)
