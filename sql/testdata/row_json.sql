# A table's name as a value (the whole row, a record), row_to_json, to_json/to_jsonb of a
# row, and the json aggregates with DISTINCT.
statement ok
CREATE TABLE jr (id int PRIMARY KEY, a text, b numeric, c jsonb, d timestamp)

statement ok
INSERT INTO jr VALUES (1, 'x', 1.5, '{"k":1}', '2024-01-01 10:00'), (2, 'y', NULL, NULL, NULL), (3, 'x', 1.5, '[1,2]', '2024-01-02 00:00:00.5'), (4, NULL, 2, '{"k":1}', NULL)

query
SELECT row_to_json(jr) FROM jr ORDER BY id
----
{"id":1,"a":"x","b":1.5,"c":{"k": 1},"d":"2024-01-01T10:00:00"}
{"id":2,"a":"y","b":null,"c":null,"d":null}
{"id":3,"a":"x","b":1.5,"c":[1, 2],"d":"2024-01-02T00:00:00.5"}
{"id":4,"a":null,"b":2,"c":{"k": 1},"d":null}
tag: SELECT 4

query
SELECT row_to_json(jr, true) FROM jr WHERE id = 1
----
{"id":1,
 "a":"x",
 "b":1.5,
 "c":{"k": 1},
 "d":"2024-01-01T10:00:00"}
tag: SELECT 1

query
SELECT to_json(jr), to_jsonb(jr) FROM jr ORDER BY id
----
{"id":1,"a":"x","b":1.5,"c":{"k": 1},"d":"2024-01-01T10:00:00"}|{"a": "x", "b": 1.5, "c": {"k": 1}, "d": "2024-01-01T10:00:00", "id": 1}
{"id":2,"a":"y","b":null,"c":null,"d":null}|{"a": "y", "b": null, "c": null, "d": null, "id": 2}
{"id":3,"a":"x","b":1.5,"c":[1, 2],"d":"2024-01-02T00:00:00.5"}|{"a": "x", "b": 1.5, "c": [1, 2], "d": "2024-01-02T00:00:00.5", "id": 3}
{"id":4,"a":null,"b":2,"c":{"k": 1},"d":null}|{"a": null, "b": 2, "c": {"k": 1}, "d": null, "id": 4}
tag: SELECT 4

query
SELECT jr FROM jr ORDER BY id
----
(1,x,1.5,"{""k"": 1}","2024-01-01 10:00:00")
(2,y,,,)
(3,x,1.5,"[1, 2]","2024-01-02 00:00:00.5")
(4,,2,"{""k"": 1}",)
tag: SELECT 4

query
SELECT row_to_json(t) FROM (SELECT 1 AS x, 'a' AS y) t
----
{"x":1,"y":"a"}
tag: SELECT 1

query
SELECT row_to_json(x) FROM jr x WHERE x.id = 2
----
{"id":2,"a":"y","b":null,"c":null,"d":null}
tag: SELECT 1

query
SELECT row_to_json(j) FROM jr JOIN (SELECT 1 AS id, 'q' AS z) j USING (id)
----
{"id":1,"z":"q"}
tag: SELECT 1

query
SELECT json_agg(jr ORDER BY id) FROM jr WHERE id < 3
----
[{"id":1,"a":"x","b":1.5,"c":{"k": 1},"d":"2024-01-01T10:00:00"}, 
 {"id":2,"a":"y","b":null,"c":null,"d":null}]
tag: SELECT 1

query
SELECT json_agg(DISTINCT a), jsonb_agg(DISTINCT a), jsonb_agg(DISTINCT b), json_agg(DISTINCT b ORDER BY b DESC), jsonb_agg(DISTINCT c) FROM jr
----
["x", "y", null]|["x", "y", null]|[1.5, 2, null]|[null, 2, 1.5]|[[1, 2], {"k": 1}, null]
tag: SELECT 1

query
SELECT jsonb_object_agg(DISTINCT a, b) FROM jr WHERE a IS NOT NULL
----
{"x": 1.5, "y": null}
tag: SELECT 1

query
SELECT a, json_agg(DISTINCT b) FROM jr GROUP BY a ORDER BY a
----
x|[1.5]
y|[null]
NULL|[2]
tag: SELECT 3

query
SELECT json_agg(DISTINCT jr) FROM jr
----
[{"id":1,"a":"x","b":1.5,"c":{"k": 1},"d":"2024-01-01T10:00:00"}, 
 {"id":2,"a":"y","b":null,"c":null,"d":null}, 
 {"id":3,"a":"x","b":1.5,"c":[1, 2],"d":"2024-01-02T00:00:00.5"}, 
 {"id":4,"a":null,"b":2,"c":{"k": 1},"d":null}]
tag: SELECT 1

statement error 42P10
SELECT json_agg(DISTINCT b ORDER BY id) FROM jr

statement error 42883
SELECT json_agg(DISTINCT c::json) FROM jr

statement error 42703
SELECT row_to_json(nosuch) FROM jr
