# Named-argument calls: name => value and the older name := value, matched against the
# functions' argument names (pg_proc.proargnames), the rest from their DEFAULTs.
query
SELECT make_interval(days => 3), make_interval(days := 3, hours => 2), make_interval(1, days => 3), make_interval(secs => 1.5, years => 2), make_interval(days => 1 + 2 * 3, hours => abs(-2))
----
3 days|3 days 02:00:00|1 year 3 days|2 years 00:00:01.5|7 days 02:00:00
tag: SELECT 1

query
SELECT make_timestamp(year => 2024, month => 1, mday => 2, hour => 3, min => 4, sec => 5.5), make_timestamptz(2024, 1, 2, 3, 4, 5, timezone => 'UTC'), make_date(day => 1, month => 2, year => 2024), make_time(hour => 1, min => 2, sec => 3)
----
2024-01-02 03:04:05.5|2024-01-02 03:04:05+00|2024-02-01|01:02:03
tag: SELECT 1

query
SELECT jsonb_set('{"a":1}', '{b}', '2', create_if_missing => false), jsonb_set(jsonb_in => '{"a":1}', path => '{b}', replacement => '2')
----
{"a": 1}|{"a": 1, "b": 2}
tag: SELECT 1

statement ok
CREATE TABLE spans (id int PRIMARY KEY, d int)

statement ok
INSERT INTO spans VALUES (1, 2), (2, 5)

query
SELECT id, make_interval(days => d, hours => id) FROM spans ORDER BY id
----
1|2 days 01:00:00
2|5 days 02:00:00
tag: SELECT 2

statement error 42883
SELECT make_interval(foo => 1)

statement error 42883
SELECT make_interval(1, years => 2)

statement error 42883
SELECT make_date(year => 2024, month => 1)

statement error 42883
SELECT lower(x => 'A')

statement error 42601
SELECT make_interval(days => 1, 2)

statement error 42601
SELECT make_interval(days => 1, days => 2)
