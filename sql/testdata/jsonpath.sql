# SQL/JSON path (jsonpath): the type's input and output, jsonb_path_query and its siblings,
# @? and @@. Most cases are PostgreSQL's regression suite's (jsonb_jsonpath.sql).
query
select jsonb '{"a": 12}' @? '$'
----
t
tag: SELECT 1

query
select jsonb '{"a": 12}' @? '1'
----
t
tag: SELECT 1

query
select jsonb '{"a": 12}' @? '$.a.b'
----
f
tag: SELECT 1

query
select jsonb '{"a": 12}' @? '$.b'
----
f
tag: SELECT 1

query
select jsonb '{"a": 12}' @? '$.a + 2'
----
t
tag: SELECT 1

query
select jsonb '{"a": 12}' @? '$.b + 2'
----
NULL
tag: SELECT 1

query
select jsonb '{"a": {"a": 12}}' @? '$.a.a'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"a": 12}}' @? '$.*.a'
----
t
tag: SELECT 1

query
select jsonb '{"b": {"a": 12}}' @? '$.*.a'
----
t
tag: SELECT 1

query
select jsonb '{"b": {"a": 12}}' @? '$.*.b'
----
f
tag: SELECT 1

query
select jsonb '{"b": {"a": 12}}' @? 'strict $.*.b'
----
NULL
tag: SELECT 1

query
select jsonb '{}' @? '$.*'
----
f
tag: SELECT 1

query
select jsonb '{"a": 1}' @? '$.*'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? 'lax $.**{1}'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? 'lax $.**{2}'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? 'lax $.**{3}'
----
f
tag: SELECT 1

query
select jsonb '[]' @? '$[*]'
----
f
tag: SELECT 1

query
select jsonb '[1]' @? '$[*]'
----
t
tag: SELECT 1

query
select jsonb '[1]' @? '$[1]'
----
f
tag: SELECT 1

query
select jsonb '[1]' @? 'strict $[1]'
----
NULL
tag: SELECT 1

statement error 22033
select jsonb_path_query('[1]', 'strict $[1]')

query
select jsonb_path_query('[1]', 'strict $[1]', silent => true)
----
tag: SELECT 0

query
select jsonb '[1]' @? 'lax $[10000000000000000]'
----
NULL
tag: SELECT 1

query
select jsonb '[1]' @? 'strict $[10000000000000000]'
----
NULL
tag: SELECT 1

statement error 22033
select jsonb_path_query('[1]', 'lax $[10000000000000000]')

statement error 22033
select jsonb_path_query('[1]', 'strict $[10000000000000000]')

query
select jsonb '[1]' @? '$[0]'
----
t
tag: SELECT 1

query
select jsonb '[1]' @? '$[0.3]'
----
t
tag: SELECT 1

query
select jsonb '[1]' @? '$[0.5]'
----
t
tag: SELECT 1

query
select jsonb '[1]' @? '$[0.9]'
----
t
tag: SELECT 1

query
select jsonb '[1]' @? '$[1.2]'
----
f
tag: SELECT 1

query
select jsonb '[1]' @? 'strict $[1.2]'
----
NULL
tag: SELECT 1

query
select jsonb '{"a": [1,2,3], "b": [3,4,5]}' @? '$ ? (@.a[*] >  @.b[*])'
----
f
tag: SELECT 1

query
select jsonb '{"a": [1,2,3], "b": [3,4,5]}' @? '$ ? (@.a[*] >= @.b[*])'
----
t
tag: SELECT 1

query
select jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? '$ ? (@.a[*] >= @.b[*])'
----
t
tag: SELECT 1

query
select jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? 'strict $ ? (@.a[*] >= @.b[*])'
----
f
tag: SELECT 1

query
select jsonb '{"a": [1,2,3], "b": [3,4,null]}' @? '$ ? (@.a[*] >= @.b[*])'
----
t
tag: SELECT 1

query
select jsonb '1' @? '$ ? ((@ == "1") is unknown)'
----
t
tag: SELECT 1

query
select jsonb '1' @? '$ ? ((@ == 1) is unknown)'
----
f
tag: SELECT 1

query
select jsonb '[{"a": 1}, {"a": 2}]' @? '$[0 to 1] ? (@.a > 1)'
----
t
tag: SELECT 1

query
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'lax $[*].a', silent => false)
----
t
tag: SELECT 1

query
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'lax $[*].a', silent => true)
----
t
tag: SELECT 1

statement error 2203A
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a', silent => false)

query
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a', silent => true)
----
NULL
tag: SELECT 1

query
select jsonb_path_query('1', 'lax $.a')
----
tag: SELECT 0

statement error 2203A
select jsonb_path_query('1', 'strict $.a')

statement error 2203C
select jsonb_path_query('1', 'strict $.*')

query
select jsonb_path_query('1', 'strict $.a', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('1', 'strict $.*', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[]', 'lax $.a')
----
tag: SELECT 0

statement error 2203A
select jsonb_path_query('[]', 'strict $.a')

query
select jsonb_path_query('[]', 'strict $.a', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('{}', 'lax $.a')
----
tag: SELECT 0

statement error 2203A
select jsonb_path_query('{}', 'strict $.a')

query
select jsonb_path_query('{}', 'strict $.a', silent => true)
----
tag: SELECT 0

statement error 22039
select jsonb_path_query('1', 'strict $[1]')

statement error 22039
select jsonb_path_query('1', 'strict $[*]')

statement error 22033
select jsonb_path_query('[]', 'strict $[1]')

statement error 22033
select jsonb_path_query('[]', 'strict $["a"]')

query
select jsonb_path_query('1', 'strict $[1]', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('1', 'strict $[*]', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[]', 'strict $[1]', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[]', 'strict $["a"]', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.a')
----
12
tag: SELECT 1

query
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.b')
----
{"a": 13}
tag: SELECT 1

query
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.*')
----
12
{"a": 13}
tag: SELECT 2

query
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', 'lax $.*.a')
----
13
tag: SELECT 1

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[*].a')
----
13
tag: SELECT 1

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[*].*')
----
13
14
tag: SELECT 2

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0].a')
----
tag: SELECT 0

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[1].a')
----
13
tag: SELECT 1

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[2].a')
----
tag: SELECT 0

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0,1].a')
----
13
tag: SELECT 1

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0 to 10].a')
----
13
tag: SELECT 1

statement error 22012
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0 to 10 / 0].a')

query
select jsonb_path_query('[12, {"a": 13}, {"b": 14}, "ccc", true]', '$[2.5 - 1 to $.size() - 2]')
----
{"a": 13}
{"b": 14}
"ccc"
tag: SELECT 3

query
select jsonb_path_query('1', 'lax $[0]')
----
1
tag: SELECT 1

query
select jsonb_path_query('1', 'lax $[*]')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1]', 'lax $[0]')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1]', 'lax $[*]')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1,2,3]', 'lax $[*]')
----
1
2
3
tag: SELECT 3

statement error 2203A
select jsonb_path_query('[1,2,3]', 'strict $[*].a')

query
select jsonb_path_query('[1,2,3]', 'strict $[*].a', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[]', '$[last]')
----
tag: SELECT 0

query
select jsonb_path_query('[]', '$[last ? (exists(last))]')
----
tag: SELECT 0

statement error 22033
select jsonb_path_query('[]', 'strict $[last]')

query
select jsonb_path_query('[]', 'strict $[last]', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[1]', '$[last]')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1,2,3]', '$[last]')
----
3
tag: SELECT 1

query
select jsonb_path_query('[1,2,3]', '$[last - 1]')
----
2
tag: SELECT 1

query
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "number")]')
----
3
tag: SELECT 1

statement error 22033
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "string")]')

query
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "string")]', silent => true)
----
tag: SELECT 0

query
select * from jsonb_path_query('{"a": 10}', '$')
----
{"a": 10}
tag: SELECT 1

statement error 42704
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)')

statement error 22023
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '1')

statement error 22023
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '[{"value" : 13}]')

query
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '{"value" : 13}')
----
{"a": 10}
tag: SELECT 1

query
select * from jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '{"value" : 8}')
----
tag: SELECT 0

query
select * from jsonb_path_query('{"a": 10}', '$.a ? (@ < $value)', '{"value" : 13}')
----
10
tag: SELECT 1

query
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[*] ? (@ < $value)', '{"value" : 13}')
----
10
11
12
tag: SELECT 3

query
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[0,1] ? (@ < $x.value)', '{"x": {"value" : 13}}')
----
10
11
tag: SELECT 2

query
select * from jsonb_path_query('[10,11,12,13,14,15]', '$[0 to 2] ? (@ < $value)', '{"value" : 15}')
----
10
11
12
tag: SELECT 3

query
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == "1")')
----
"1"
tag: SELECT 1

query
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value" : "1"}')
----
"1"
tag: SELECT 1

query
select * from jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value" : null}')
----
null
tag: SELECT 1

query
select * from jsonb_path_query('[1, "2", null]', '$[*] ? (@ != null)')
----
1
"2"
tag: SELECT 2

query
select * from jsonb_path_query('[1, "2", null]', '$[*] ? (@ == null)')
----
null
tag: SELECT 1

query
select * from jsonb_path_query('{}', '$ ? (@ == @)')
----
tag: SELECT 0

query
select * from jsonb_path_query('[]', 'strict $ ? (@ == @)')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**')
----
{"a": {"b": 1}}
{"b": 1}
1
tag: SELECT 3

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0}')
----
{"a": {"b": 1}}
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0 to last}')
----
{"a": {"b": 1}}
{"b": 1}
1
tag: SELECT 3

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1}')
----
{"b": 1}
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to last}')
----
{"b": 1}
1
tag: SELECT 2

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{2}')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{2 to last}')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{3 to last}')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{last}')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0}.b ? (@ > 0)')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{0 to last}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to last}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{1 to 2}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{0}.b ? (@ > 0)')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1}.b ? (@ > 0)')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{0 to last}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1 to last}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1 to 2}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{2 to 3}.b ? (@ > 0)')
----
1
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**{0}.b ? ( @ > 0)'
----
f
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**{1}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**{0 to last}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**{1 to last}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"b": 1}}' @? '$.**{1 to 2}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{0}.b ? ( @ > 0)'
----
f
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{1}.b ? ( @ > 0)'
----
f
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{0 to last}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{1 to last}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{1 to 2}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb '{"a": {"c": {"b": 1}}}' @? '$.**{2 to 3}.b ? ( @ > 0)'
----
t
tag: SELECT 1

query
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.x))')
----
{"x": 2}
tag: SELECT 1

query
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.y))')
----
tag: SELECT 0

query
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.x ? (@ >= 2) ))')
----
{"x": 2}
tag: SELECT 1

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? (exists (@.x))')
----
{"x": 2}
tag: SELECT 1

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? (exists (@.x + "3"))')
----
tag: SELECT 0

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? ((exists (@.x + "3")) is unknown)')
----
{"x": 2}
{"y": 3}
tag: SELECT 2

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? (exists (@.x))')
----
{"x": 2}
tag: SELECT 1

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? ((exists (@.x)) is unknown)')
----
{"y": 3}
tag: SELECT 1

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g ? (exists (@[*].x))')
----
tag: SELECT 0

query
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g ? ((exists (@[*].x)) is unknown)')
----
[{"x": 2}, {"y": 3}]
tag: SELECT 1

query
select x, y, jsonb_path_query('[true, false, null]', '$[*] ? (@ == true  &&  ($x == true && $y == true) || @ == false && !($x == true && $y == true) || @ == null  &&  ($x == true && $y == true) is unknown)', jsonb_build_object('x', x, 'y', y)) as "x && y" from (values (jsonb 'true'), ('false'), ('"null"')) x(x), (values (jsonb 'true'), ('false'), ('"null"')) y(y)
----
true|true|true
true|false|false
true|"null"|null
false|true|false
false|false|false
false|"null"|false
"null"|true|null
"null"|false|false
"null"|"null"|null
tag: SELECT 9

query
select x, y, jsonb_path_query('[true, false, null]', '$[*] ? (@ == true  &&  ($x == true || $y == true) || @ == false && !($x == true || $y == true) || @ == null  &&  ($x == true || $y == true) is unknown)', jsonb_build_object('x', x, 'y', y)) as "x || y" from (values (jsonb 'true'), ('false'), ('"null"')) x(x), (values (jsonb 'true'), ('false'), ('"null"')) y(y)
----
true|true|true
true|false|true
true|"null"|true
false|true|true
false|false|false
false|"null"|null
"null"|true|true
"null"|false|null
"null"|"null"|null
tag: SELECT 9

query
select jsonb '{"a": 1, "b":1}' @? '$ ? (@.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 1, "b":1}}' @? '$ ? (@.a == @.b)'
----
f
tag: SELECT 1

query
select jsonb '{"c": {"a": 1, "b":1}}' @? '$.c ? (@.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 1, "b":1}}' @? '$.c ? ($.c.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 1, "b":1}}' @? '$.* ? (@.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"a": 1, "b":1}' @? '$.** ? (@.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 1, "b":1}}' @? '$.** ? (@.a == @.b)'
----
t
tag: SELECT 1

query
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == 1 + 1)')
----
{"a": 2, "b": 1}
tag: SELECT 1

query
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == (1 + 1))')
----
{"a": 2, "b": 1}
tag: SELECT 1

query
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == @.b + 1)')
----
{"a": 2, "b": 1}
tag: SELECT 1

query
select jsonb_path_query('{"c": {"a": 2, "b":1}}', '$.** ? (@.a == (@.b + 1))')
----
{"a": 2, "b": 1}
tag: SELECT 1

query
select jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == - 1)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == -1)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == -@.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": -1, "b":1}}' @? '$.** ? (@.a == - @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 0, "b":1}}' @? '$.** ? (@.a == 1 - @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 2, "b":1}}' @? '$.** ? (@.a == 1 - - @.b)'
----
t
tag: SELECT 1

query
select jsonb '{"c": {"a": 0, "b":1}}' @? '$.** ? (@.a == 1 - +@.b)'
----
t
tag: SELECT 1

query
select jsonb '[1,2,3]' @? '$ ? (+@[*] > +2)'
----
t
tag: SELECT 1

query
select jsonb '[1,2,3]' @? '$ ? (+@[*] > +3)'
----
f
tag: SELECT 1

query
select jsonb '[1,2,3]' @? '$ ? (-@[*] < -2)'
----
t
tag: SELECT 1

query
select jsonb '[1,2,3]' @? '$ ? (-@[*] < -3)'
----
f
tag: SELECT 1

query
select jsonb '1' @? '$ ? ($ > 0)'
----
t
tag: SELECT 1

query
select jsonb_path_query('[1,2,0,3]', '$[*] ? (2 / @ > 0)')
----
1
2
3
tag: SELECT 3

query
select jsonb_path_query('[1,2,0,3]', '$[*] ? ((2 / @ > 0) is unknown)')
----
0
tag: SELECT 1

statement error 22012
select jsonb_path_query('0', '1 / $')

statement error 22012
select jsonb_path_query('0', '1 / $ + 2')

statement error 22012
select jsonb_path_query('0', '-(3 + 1 % $)')

statement error 22038
select jsonb_path_query('1', '$ + "2"')

statement error 22038
select jsonb_path_query('[1, 2]', '3 * $')

statement error 2203B
select jsonb_path_query('"a"', '-$')

statement error 2203B
select jsonb_path_query('[1,"2",3]', '+$')

query
select jsonb_path_query('1', '$ + "2"', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[1, 2]', '3 * $', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('"a"', '-$', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[1,"2",3]', '+$', silent => true)
----
1
tag: SELECT 1

query
select jsonb '["1",2,0,3]' @? '-$[*]'
----
t
tag: SELECT 1

query
select jsonb '[1,"2",0,3]' @? '-$[*]'
----
t
tag: SELECT 1

query
select jsonb '["1",2,0,3]' @? 'strict -$[*]'
----
NULL
tag: SELECT 1

query
select jsonb '[1,"2",0,3]' @? 'strict -$[*]'
----
NULL
tag: SELECT 1

query
select jsonb_path_query('{"a": [2]}', 'lax $.a * 3')
----
6
tag: SELECT 1

query
select jsonb_path_query('{"a": [2]}', 'lax $.a + 3')
----
5
tag: SELECT 1

query
select jsonb_path_query('{"a": [2, 3, 4]}', 'lax -$.a')
----
-2
-3
-4
tag: SELECT 3

statement error 22038
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a * 3')

query
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a * 3', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('2', '$ > 1')
----
true
tag: SELECT 1

query
select jsonb_path_query('2', '$ <= 1')
----
false
tag: SELECT 1

query
select jsonb_path_query('2', '$ == "2"')
----
null
tag: SELECT 1

query
select jsonb '2' @? '$ == "2"'
----
t
tag: SELECT 1

query
select jsonb '2' @@ '$ > 1'
----
t
tag: SELECT 1

query
select jsonb '2' @@ '$ <= 1'
----
f
tag: SELECT 1

query
select jsonb '2' @@ '$ == "2"'
----
NULL
tag: SELECT 1

query
select jsonb '2' @@ '1'
----
NULL
tag: SELECT 1

query
select jsonb '{}' @@ '$'
----
NULL
tag: SELECT 1

query
select jsonb '[]' @@ '$'
----
NULL
tag: SELECT 1

query
select jsonb '[1,2,3]' @@ '$[*]'
----
NULL
tag: SELECT 1

query
select jsonb '[]' @@ '$[*]'
----
NULL
tag: SELECT 1

query
select jsonb_path_match('[[1, true], [2, false]]', 'strict $[*] ? (@[0] > $x) [1]', '{"x": 1}')
----
f
tag: SELECT 1

query
select jsonb_path_match('[[1, true], [2, false]]', 'strict $[*] ? (@[0] < $x) [1]', '{"x": 2}')
----
t
tag: SELECT 1

query
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'lax exists($[*].a)', silent => false)
----
t
tag: SELECT 1

query
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'lax exists($[*].a)', silent => true)
----
t
tag: SELECT 1

query
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)', silent => false)
----
NULL
tag: SELECT 1

query
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)', silent => true)
----
NULL
tag: SELECT 1

query
select jsonb_path_query('[null,1,true,"a",[],{}]', '$.type()')
----
"array"
tag: SELECT 1

query
select jsonb_path_query('[null,1,true,"a",[],{}]', 'lax $.type()')
----
"array"
tag: SELECT 1

query
select jsonb_path_query('[null,1,true,"a",[],{}]', '$[*].type()')
----
"null"
"number"
"boolean"
"string"
"array"
"object"
tag: SELECT 6

query
select jsonb_path_query('null', 'null.type()')
----
"null"
tag: SELECT 1

query
select jsonb_path_query('null', 'true.type()')
----
"boolean"
tag: SELECT 1

query
select jsonb_path_query('null', '(123).type()')
----
"number"
tag: SELECT 1

query
select jsonb_path_query('null', '"123".type()')
----
"string"
tag: SELECT 1

query
select jsonb_path_query('{"a": 2}', '($.a - 5).abs() + 10')
----
13
tag: SELECT 1

query
select jsonb_path_query('{"a": 2.5}', '-($.a * $.a).floor() % 4.3')
----
-1.7
tag: SELECT 1

query
select jsonb_path_query('[1, 2, 3]', '($[*] > 2) ? (@ == true)')
----
true
tag: SELECT 1

query
select jsonb_path_query('[1, 2, 3]', '($[*] > 3).type()')
----
"boolean"
tag: SELECT 1

query
select jsonb_path_query('[1, 2, 3]', '($[*].a > 3).type()')
----
"boolean"
tag: SELECT 1

query
select jsonb_path_query('[1, 2, 3]', 'strict ($[*].a > 3).type()')
----
"null"
tag: SELECT 1

statement error 22039
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()')

query
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'lax $[*].size()')
----
1
1
1
1
0
1
3
1
1
tag: SELECT 9

query
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].abs()')
----
0
1
2
3.4
5.6
tag: SELECT 5

query
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].floor()')
----
0
1
-2
-4
5
tag: SELECT 5

query
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling()')
----
0
1
-2
-3
6
tag: SELECT 5

query
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling().abs()')
----
0
1
2
3
6
tag: SELECT 5

query
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling().abs().type()')
----
"number"
"number"
"number"
"number"
"number"
tag: SELECT 5

statement error 2203C
select jsonb_path_query('[{},1]', '$[*].keyvalue()')

query
select jsonb_path_query('[{},1]', '$[*].keyvalue()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('{}', '$.keyvalue()')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": 1, "b": [1, 2], "c": {"a": "bbb"}}', '$.keyvalue()')
----
{"id": 0, "key": "a", "value": 1}
{"id": 0, "key": "b", "value": [1, 2]}
{"id": 0, "key": "c", "value": {"a": "bbb"}}
tag: SELECT 3

query
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', '$[*].keyvalue()')
----
{"id": 12, "key": "a", "value": 1}
{"id": 12, "key": "b", "value": [1, 2]}
{"id": 72, "key": "c", "value": {"a": "bbb"}}
tag: SELECT 3

statement error 2203C
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', 'strict $.keyvalue()')

query
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', 'lax $.keyvalue()')
----
{"id": 12, "key": "a", "value": 1}
{"id": 12, "key": "b", "value": [1, 2]}
{"id": 72, "key": "c", "value": {"a": "bbb"}}
tag: SELECT 3

statement error 2203C
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', 'strict $.keyvalue().a')

query
select jsonb '{"a": 1, "b": [1, 2]}' @? 'lax $.keyvalue()'
----
t
tag: SELECT 1

query
select jsonb '{"a": 1, "b": [1, 2]}' @? 'lax $.keyvalue().key'
----
t
tag: SELECT 1

statement error 22036
select jsonb_path_query('null', '$.double()')

statement error 22036
select jsonb_path_query('true', '$.double()')

query
select jsonb_path_query('null', '$.double()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('true', '$.double()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('[]', '$.double()')
----
tag: SELECT 0

statement error 22036
select jsonb_path_query('[]', 'strict $.double()')

statement error 22036
select jsonb_path_query('{}', '$.double()')

query
select jsonb_path_query('[]', 'strict $.double()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('{}', '$.double()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('1.23', '$.double()')
----
1.23
tag: SELECT 1

query
select jsonb_path_query('"1.23"', '$.double()')
----
1.23
tag: SELECT 1

statement error 22036
select jsonb_path_query('"1.23aaa"', '$.double()')

statement error 22036
select jsonb_path_query('"nan"', '$.double()')

statement error 22036
select jsonb_path_query('"NaN"', '$.double()')

statement error 22036
select jsonb_path_query('"inf"', '$.double()')

statement error 22036
select jsonb_path_query('"-inf"', '$.double()')

query
select jsonb_path_query('"inf"', '$.double()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('"-inf"', '$.double()', silent => true)
----
tag: SELECT 0

statement error 22036
select jsonb_path_query('{}', '$.abs()')

statement error 22036
select jsonb_path_query('true', '$.floor()')

statement error 22036
select jsonb_path_query('"1.2"', '$.ceiling()')

query
select jsonb_path_query('{}', '$.abs()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('true', '$.floor()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('"1.2"', '$.ceiling()', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('["", "a", "abc", "abcabc"]', '$[*] ? (@ starts with "abc")')
----
"abc"
"abcabc"
tag: SELECT 2

query
select jsonb_path_query('["", "a", "abc", "abcabc"]', 'strict $ ? (@[*] starts with "abc")')
----
["", "a", "abc", "abcabc"]
tag: SELECT 1

query
select jsonb_path_query('["", "a", "abd", "abdabc"]', 'strict $ ? (@[*] starts with "abc")')
----
tag: SELECT 0

query
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? (@[*] starts with "abc")')
----
tag: SELECT 0

query
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? ((@[*] starts with "abc") is unknown)')
----
["abc", "abcabc", null, 1]
tag: SELECT 1

query
select jsonb_path_query('[[null, 1, "abc", "abcabc"]]', 'lax $ ? (@[*] starts with "abc")')
----
[null, 1, "abc", "abcabc"]
tag: SELECT 1

query
select jsonb_path_query('[[null, 1, "abd", "abdabc"]]', 'lax $ ? ((@[*] starts with "abc") is unknown)')
----
[null, 1, "abd", "abdabc"]
tag: SELECT 1

query
select jsonb_path_query('[null, 1, "abd", "abdabc"]', 'lax $[*] ? ((@ starts with "abc") is unknown)')
----
null
1
tag: SELECT 2

query
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "adc\nabc", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c")')
----
"abc"
"abdacb"
tag: SELECT 2

query
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "adc\nabc", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "i")')
----
"abc"
"aBdC"
"abdacb"
tag: SELECT 3

query
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "adc\nabc", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "m")')
----
"abc"
"abdacb"
"adc\nabc"
tag: SELECT 3

query
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "adc\nabc", "babc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "s")')
----
"abc"
"abdacb"
tag: SELECT 2

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "a\\b" flag "q")')
----
"a\\b"
"^a\\b$"
tag: SELECT 2

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "a\\b" flag "")')
----
"a\b"
tag: SELECT 1

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\b$" flag "q")')
----
"^a\\b$"
tag: SELECT 1

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\B$" flag "q")')
----
tag: SELECT 0

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\B$" flag "iq")')
----
"^a\\b$"
tag: SELECT 1

query
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "^a\\b$" flag "")')
----
"a\b"
tag: SELECT 1

query
SELECT jsonb_path_query('[{"a": 1}, {"a": 2}]', '$[*]')
----
{"a": 1}
{"a": 2}
tag: SELECT 2

query
SELECT jsonb_path_query('[{"a": 1}, {"a": 2}]', '$[*] ? (@.a > 10)')
----
tag: SELECT 0

statement error 2203A
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a')

query
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a')
----
[1, 2]
tag: SELECT 1

query
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ == 1)')
----
[1]
tag: SELECT 1

query
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)')
----
[]
tag: SELECT 1

query
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 1, "max": 4}')
----
[2, 3]
tag: SELECT 1

query
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 3, "max": 4}')
----
[]
tag: SELECT 1

statement error 2203A
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a')

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a', silent => true)
----
1
tag: SELECT 1

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a')
----
1
tag: SELECT 1

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ == 1)')
----
1
tag: SELECT 1

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)')
----
NULL
tag: SELECT 1

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 1, "max": 4}')
----
2
tag: SELECT 1

query
SELECT jsonb_path_query_first('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 3, "max": 4}')
----
NULL
tag: SELECT 1

query
SELECT jsonb '[{"a": 1}, {"a": 2}]' @? '$[*].a ? (@ > 1)'
----
t
tag: SELECT 1

query
SELECT jsonb '[{"a": 1}, {"a": 2}]' @? '$[*] ? (@.a > 2)'
----
f
tag: SELECT 1

query
SELECT jsonb_path_exists('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 1)')
----
t
tag: SELECT 1

query
SELECT jsonb_path_exists('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*] ? (@.a > $min && @.a < $max)', vars => '{"min": 1, "max": 4}')
----
t
tag: SELECT 1

query
SELECT jsonb_path_exists('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*] ? (@.a > $min && @.a < $max)', vars => '{"min": 3, "max": 4}')
----
f
tag: SELECT 1

query
SELECT jsonb '[{"a": 1}, {"a": 2}]' @@ '$[*].a > 1'
----
t
tag: SELECT 1

query
SELECT jsonb '[{"a": 1}, {"a": 2}]' @@ '$[*].a > 2'
----
f
tag: SELECT 1

query
SELECT jsonb_path_match('[{"a": 1}, {"a": 2}]', '$[*].a > 1')
----
t
tag: SELECT 1

statement error 42704
select jsonb_path_query('{"a": 1}', '$.a + $missing')

statement error 22023
select jsonb_path_query('{"a": 1}', '$.a', '[]')

query
select jsonb_path_query('{"a": {"b": {"c": 1}}}', '$.a.keyvalue().value.keyvalue()')
----
{"id": 20000000052, "key": "c", "value": 1}
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": {"c": 1}}}', '$v.keyvalue()', '{"v": {"x": 1}, "w": [1, 2.5, {"y": 1e100}]}')
----
{"id": 10000000024, "key": "x", "value": 1}
tag: SELECT 1

query
select jsonb_path_query('{"a": {"b": {"c": 1}}}', '$v[2].keyvalue()', '{"v": {"x": 1}, "w": [1, 2.5, 12345678901234567890.123, {"y": 1e100}]}')
----
tag: SELECT 0

query
select jsonb_path_query('[1.5, 100000, -0.00001, 123456789.987654321, {"k": 1}]', '$[4].keyvalue()')
----
{"id": 72, "key": "k", "value": 1}
tag: SELECT 1

query
select jsonb_path_query('{"a": 10, "b": 3}', '$.a / $.b')
----
3.3333333333333333
tag: SELECT 1

query
select jsonb_path_query('{"a": 10, "b": 3}', '$.a % $.b')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": 10.5, "b": 3}', '$.a * $.b - 1.25')
----
30.25
tag: SELECT 1

query
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[1 to 3, last, 0]')
----
2
3
4
5
1
tag: SELECT 5

query
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[3 to 1]')
----
tag: SELECT 0

statement error 22033
select jsonb_path_query('[1, 2, 3, 4, 5]', 'strict $[3 to 1]')

query
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[-1]')
----
tag: SELECT 0

query
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[-2 to 1]')
----
1
2
tag: SELECT 2

query
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[$.size() - 1]')
----
5
tag: SELECT 1

statement error 22033
select jsonb_path_query('[1, 2, 3, 4, 5]', '$["x"]')

statement error 22038
select jsonb_path_query('[1, 2, 3, 4, 5]', '$[1, 2] + 1')

query
select jsonb_path_query('"abc"', '$ like_regex "B" flag "i"')
----
true
tag: SELECT 1

query
select jsonb_path_query('["x", "é", "ab"]', '$[*] ? (@ > "b")')
----
"x"
"é"
tag: SELECT 2

query
select jsonb_path_query('[true, false]', '$[*] ? (@ > false)')
----
true
tag: SELECT 1

query
select jsonb_path_query('{"a": [1, {"b": [2, 3]}]}', '$.**')
----
{"a": [1, {"b": [2, 3]}]}
[1, {"b": [2, 3]}]
1
{"b": [2, 3]}
[2, 3]
2
3
tag: SELECT 7

query
select jsonb_path_query('{"a": [1, {"b": [2, 3]}]}', 'strict $.**')
----
{"a": [1, {"b": [2, 3]}]}
[1, {"b": [2, 3]}]
1
{"b": [2, 3]}
[2, 3]
2
3
tag: SELECT 7

query
select jsonb_path_query('{"a": [1, {"b": [2, 3]}]}', '$.**{last}')
----
1
2
3
tag: SELECT 3

query
select jsonb_path_query('{"a": [1, {"b": [2, 3]}]}', '$.a.**.b')
----
[2, 3]
[2, 3]
tag: SELECT 2

query
select jsonb_path_query('[[1, 2], [3, [4]]]', '$[*][*]')
----
1
2
3
[4]
tag: SELECT 4

query
select jsonb_path_query('[[1, 2], [3, [4]]]', 'strict $[*][*]')
----
1
2
3
[4]
tag: SELECT 4

statement error 22039
select jsonb_path_query('{"a": "x"}', 'strict $.a[0]')

query
select jsonb_path_query('{"a": "x"}', '$.a[0]')
----
"x"
tag: SELECT 1

statement error 22039
select jsonb_path_query('{"a": "x"}', 'strict $.a.size()')

statement error 2203C
select jsonb_path_query('{"a": "x"}', 'strict $.a.keyvalue()')

statement error 2203C
select jsonb_path_query('{"a": "x"}', 'strict $.a.*')

statement error 2203C
select jsonb_path_query('{"a": "x"}', 'strict $.*.*')

query
select jsonb_path_query('1', 'strict $.double().abs()')
----
1
tag: SELECT 1

statement error 22036
select jsonb_path_query('"1e400"', '$.double()')

statement error 22036
select jsonb_path_query('1e400', '$.double()')

query
select jsonb_path_query('"  12.5  "', '$.double()')
----
12.5
tag: SELECT 1

query
select jsonb_path_query('"1e20"', '$.double()')
----
100000000000000000000
tag: SELECT 1

query
select jsonb_path_query('"0.1"', '$.double() + 0.2')
----
0.3
tag: SELECT 1

query
select jsonb_path_query('9.99', '$.floor() + $.ceiling()')
----
19
tag: SELECT 1

query
select jsonb_path_query('-9.99', '$.floor()')
----
-10
tag: SELECT 1

query
select jsonb_path_query('-0.5', '$.ceiling()')
----
0
tag: SELECT 1

query
select jsonb_path_query('{"a": 1}', '$ ? (@.a == 1) . a')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1, [2, [3]]]', '$.size()')
----
2
tag: SELECT 1

query
select jsonb_path_query('{"x": "2020-01-01"}', '$.x.type()')
----
"string"
tag: SELECT 1

query
select jsonb_path_query_array('[1, 2, 3]', '$[*] ? (@ >= 2)')
----
[2, 3]
tag: SELECT 1

statement error 22038
select jsonb_path_query_array('[1, 2, 3]', '$[*] ? (@ >= 2) * 10')

query
select jsonb_path_query_array('[]', '$[*]')
----
[]
tag: SELECT 1

query
select jsonb_path_query_first('[]', '$[*]')
----
NULL
tag: SELECT 1

query
select jsonb_path_exists('{"a": 1}', '$.b')
----
f
tag: SELECT 1

statement error 2203A
select jsonb_path_exists('{"a": 1}', 'strict $.b')

query
select jsonb_path_exists('{"a": 1}', 'strict $.b', '{}', true)
----
NULL
tag: SELECT 1

query
select jsonb_path_match('{"a": 1}', '$.a == 1')
----
t
tag: SELECT 1

statement error 22038
select jsonb_path_match('{"a": 1}', '$.a')

query
select jsonb_path_match('{"a": 1}', '$.a', silent => true)
----
NULL
tag: SELECT 1

query
select jsonb_path_match('{"a": null}', '$.a')
----
NULL
tag: SELECT 1

query
select jsonb_path_match('{"a": 1}', '$.a > $x', '{"x": 0}')
----
t
tag: SELECT 1

query
select jsonb_path_exists_tz('{"a": 1}', '$.a')
----
t
tag: SELECT 1

query
select jsonb_path_query_tz('{"a": 1}', '$.a')
----
1
tag: SELECT 1

query
select jsonb_path_query_array_tz('{"a": 1}', '$.a')
----
[1]
tag: SELECT 1

query
select jsonb_path_query_first_tz('{"a": 1}', '$.a')
----
1
tag: SELECT 1

query
select jsonb_path_match_tz('{"a": 1}', '$.a == 1')
----
t
tag: SELECT 1

query
select jsonb_path_query(NULL, '$')
----
tag: SELECT 0

query
select jsonb_path_exists('{}', NULL)
----
NULL
tag: SELECT 1

query
select jsonb '{"a": 1}' @? NULL
----
NULL
tag: SELECT 1

query
select jsonb_path_query('{"a": 1}', '$.a', NULL)
----
tag: SELECT 0

query
select '$.a[*] ? (@ > 1)'::jsonpath
----
$."a"[*]?(@ > 1)
tag: SELECT 1

query
select '$.a[*] ? (@ > 1)'::jsonpath::text
----
$."a"[*]?(@ > 1)
tag: SELECT 1

query
select 'strict $.a'::jsonpath, 'lax $."a b"'::jsonpath, pg_typeof('$'::jsonpath)
----
strict $."a"|$."a b"|jsonpath
tag: SELECT 1

query
select jsonpath '$.a ? (@ like_regex "x" flag "ism")'
----
$."a"?(@ like_regex "x" flag "ism")
tag: SELECT 1

statement error 2201B
select '$ ? (@ like_regex "(invalid")'::jsonpath

statement error 42601
select '$.a.'::jsonpath

statement error 22P02
select ''::jsonpath

query
select 'strict $.a'::jsonpath::text::jsonpath
----
strict $."a"
tag: SELECT 1

query
select jsonb_path_query('{"a": [1, 2, 3]}', ('$.a[' || 1 || ']')::jsonpath)
----
2
tag: SELECT 1

query
select count(*) from jsonb_path_query('[1,2,3,4,5,6,7,8,9,10]', '$[*] ? (@ % 2 == 0)')
----
5
tag: SELECT 1

query
select v from jsonb_path_query('[{"n": "x", "v": 1}, {"n": "y", "v": 2}]', '$[*] ? (@.v > 1).n') as t(v)
----
"y"
tag: SELECT 1

query
select jsonb_path_query('[1]', '$ ? (@[*] > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('[1, "a"]', 'strict $ ? (@[*] > 0)')
----
tag: SELECT 0

query
select jsonb_path_query('[1, "a"]', '$ ? (@[*] > 0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('{"a": 2}', '$.a ? (@ > 1 && @ < 3)')
----
2
tag: SELECT 1

query
select jsonb_path_query('{"a": 2}', '$.a ? (!(@ > 1) || @ == 2)')
----
2
tag: SELECT 1

query
select jsonb_path_query('{"a": [1, 2]}', 'strict $.a ? (@ > 1)')
----
tag: SELECT 0

query
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a ? (@ > 1)')
----
2
tag: SELECT 1

query
select jsonb_path_query('[{"a": [1, 2]}, {"a": 3}]', '$[*].a[*] ? (@ >= 2)')
----
2
3
tag: SELECT 2

query
select jsonb_path_query('1', '$ ? (@ == 1.0)')
----
1
tag: SELECT 1

query
select jsonb_path_query('1.50', '$ + 0')
----
1.50
tag: SELECT 1

statement error 22038
select jsonb_path_query('[1.50, 2.250]', '$[*] * 2')

query
select jsonb_path_query('10', '$ / 3')
----
3.3333333333333333
tag: SELECT 1

query
select jsonb_path_query('10', '$ / 0', silent => true)
----
tag: SELECT 0

statement error 22038
select jsonb_path_query('[1, 2]', '$[0 to last] + 1')

query
select '{"a": 1}' @? '$.a', '{"a": 1}' @@ '$.a == 1'
----
t|t
tag: SELECT 1

statement ok
create table jp (id int primary key, j jsonb)

statement ok
insert into jp values (1, '{"a": 1}'), (2, '{"a": [2, 3]}'), (3, '{"b": "x"}'), (4, null)

query
select id, jsonb_path_query_first(j, '$.a'), jsonb_path_exists(j, 'strict $.a', silent => true), j @? '$.a ? (@ > 1)', j @@ '$.a > 1' from jp order by id
----
1|1|t|f|f
2|[2, 3]|t|t|t
3|NULL|NULL|f|f
4|NULL|NULL|NULL|NULL
tag: SELECT 4

query
select id, jsonb_path_query(j, 'lax $.a[*] ? (@ >= $min)', jsonb_build_object('min', id)) from jp order by id
----
1|1
2|2
2|3
tag: SELECT 3

query
select jsonb_path_query('[1, "x", 3]', '$[*] + 1', silent => true)
----
tag: SELECT 0

query
select jsonb_path_query('{"a": [1, "x", 3]}', '$.a[*] ? (@ > 1)', silent => true)
----
3
tag: SELECT 1
