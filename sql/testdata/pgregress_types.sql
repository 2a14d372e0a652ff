# pgregress_types: wrong answers found by running PostgreSQL 15's own regression files for the
# data types (interval.sql, timestamptz.sql, time.sql, ...) against drove; each block failed on
# drove before its fix.
# Interval input reads a number's whole part as an int64 and its fraction as a double, as
# DecodeInterval does: no digit lost at the int64 edge, a half microsecond or less dropped.
query
SELECT interval '2562047788.01521550194 hours', interval '9223372036854.775807 seconds', interval '153722867280.912930117 minutes'
----
2562047788:00:54.775807|2562047788:00:54.775807|2562047788:00:54.775807
tag: SELECT 1

query
SELECT interval '9223372036854775.807 milliseconds', interval 'PT2562047788.0152155019444H'
----
2562047788:00:54.775807|2562047788:00:54.775429
tag: SELECT 1

query
SELECT interval '1.5 microsecond', interval '-1.5 microseconds', interval '1.0000005 seconds', interval '0.0000025 seconds'
----
00:00:00.000001|-00:00:00.000001|00:00:01|00:00:00.000002
tag: SELECT 1

query
SELECT interval '1.75 weeks', interval '1.5 months', interval '0.15 decades', interval '-1.7 centuries', interval '.5 days'
----
12 days 06:00:00|1 mon 15 days|1 year 6 mons|-170 years|12:00:00
tag: SELECT 1

statement error 22015
SELECT interval '-9223372036854775809 microsecond'

statement error 22015
SELECT interval '9223372036854775808.5 microsecond'

statement error 22007
SELECT interval '-.5 days'

# A clock one microsecond past the int64 wrapped to the most negative interval.
statement error 22015
SELECT interval '2562047788:00:54.775808'

statement error 22015
SELECT interval '0.1 2562047788:0:54.775808 ago'

query
SELECT interval '2562047788:00:54.775807'
----
2562047788:00:54.775807
tag: SELECT 1

# EXTRACT(epoch FROM interval) is a numeric: exact past an int64 of microseconds.
query
SELECT extract(epoch from interval '1000000000 days'), extract(epoch from interval '178956970 years 7 mons 2147483647 days 2562047788:00:54.775807')
----
86400000000000.000000|5842218453753654.775807
tag: SELECT 1

query
SELECT extract(epoch from interval '-178956970 years -8 mons -2147483648 days')
----
-5832995084395200.000000
tag: SELECT 1

# A timestamptz past the int64 of microseconds since 1970 that drove keeps wrapped to a date in
# 290286 BC; drove's timestamps end in 294247 (a deviation in docs/sql.md), so it is 22008.
# deviation: drove's timestamps end in 294247 AD, PostgreSQL's in 294276.
statement error 22008
SELECT '294270-01-01 00:00:00+00'::timestamptz

# deviation: drove's timestamps end in 294247 AD, PostgreSQL's in 294276.
statement error 22008
SELECT '294276-12-31 15:59:59-08'::timestamptz

query
SELECT '294247-01-10 04:00:54+00'::timestamptz, '294247-01-09 23:59:59.999999+15:59'::timestamptz
----
294247-01-10 04:00:54+00|294247-01-09 08:00:59.999999+00
tag: SELECT 1

# to_char's ISO year of a BC date prints as the year does: positive, ISO year 0 is 1 BC.
query
SELECT to_char(timestamp '0097-02-16 17:32:01 BC', 'IYYY IYY IY I IW IDDD ID YYYY')
----
0097 097 97 7 07 044 2 0097
tag: SELECT 1

query
SELECT to_char(date '0001-01-01 BC', 'IYYY IYY IY I YYYY'), to_char(timestamptz '0001-12-31 12:00+00 BC', 'IYYY')
----
0002 002 02 2 0001|0001
tag: SELECT 1

# A time without a date takes a zone name only when its offset never changed.
statement error 22007
SELECT '15:36:39 America/New_York'::time

statement error 22007
SELECT '15:36:39 Asia/Tokyo'::time

query
SELECT '15:36:39 UTC'::time, '15:36:39 Etc/GMT-3'::time, '15:36:39 Etc/GMT+3'::timetz, '15:36:39 Etc/UTC'::timetz
----
15:36:39|15:36:39|15:36:39-03|15:36:39+00
tag: SELECT 1

statement error 22007
SELECT '15:36:39 Europe/London'::timetz

# TIMESTAMP WITHOUT TIME ZONE 'text' is a typed literal (it was a syntax error).
query
SELECT timestamp without time zone '1997-01-02 03:04:05', time without time zone '01:02', timestamp(2) without time zone '2020-01-01 01:02:03.456'
----
1997-01-02 03:04:05|01:02:00|2020-01-01 01:02:03.46
tag: SELECT 1

query
SELECT count(*) FROM (VALUES (timestamp '1997-01-02'), (timestamp '1997-01-03')) v(d1) WHERE d1 > timestamp without time zone '1997-01-02'
----
1
tag: SELECT 1

# to_char(numeric) in FM keeps the digits up to the last 0 of the fraction's picture
# (NUMDesc_prepare's zero_end counts the fraction's places): '0.0' and '0000.0' were printed.
query
SELECT to_char(0::numeric, 'FM9999999999999999.099999999999999'), to_char(0::numeric, 'FM9999999999990999.990999999999999'), to_char(-83028485::numeric, 'FM9999999999990999.990999999999999')
----
.0|0000.000|-83028485.000
tag: SELECT 1

query
SELECT to_char(0.1::numeric, 'FM0.0099'), to_char(1.5::float8, 'FM9.0900'), to_char(12, 'FM00.0'), to_char(4.31::numeric, 'FM0000000000000000.00000')
----
0.10|1.5000|12.0|0000000000000004.31000
tag: SELECT 1

# BEGIN, COMMIT and ROLLBACK take an optional WORK or TRANSACTION (numeric.sql's BEGIN
# TRANSACTION ... COMMIT TRANSACTION were 42601).
statement ok
CREATE TABLE pgrt_txn (a int)

statement ok
BEGIN TRANSACTION

statement ok
INSERT INTO pgrt_txn VALUES (1)

statement ok
COMMIT TRANSACTION

statement ok
BEGIN WORK

statement ok
INSERT INTO pgrt_txn VALUES (2)

statement ok
ROLLBACK WORK

statement ok
BEGIN WORK

statement ok
INSERT INTO pgrt_txn VALUES (3)

statement ok
COMMIT WORK

statement ok
BEGIN TRANSACTION

statement ok
INSERT INTO pgrt_txn VALUES (4)

statement ok
ROLLBACK TRANSACTION

query
SELECT a FROM pgrt_txn ORDER BY a
----
1
3
tag: SELECT 2

# A negative numeric to an odd integer power past int32 is negative: its parity came from a
# division that failed silently ((-1.0) ^ 1000000000000001 was 1).
query
SELECT (-1.0) ^ 1000000000000001, (-1.0) ^ 1000000000000000, (-1.0) ^ 10000000000000000000000000000001, (-1.0) ^ (-1000000000000001), (-1.0) ^ 2147483649.000
----
-1.0000000000000000|1.0000000000000000|-1.0000000000000000|-1.0000000000000000|-1.0000000000000000
tag: SELECT 1

# ARRAY(SELECT an array) is PostgreSQL's two-dimensional array; drove made a text[] of the
# inner arrays' text ({"{1,0}","{2,1}"}), now it refuses it as it does ARRAY[ARRAY[...]].
# deviation: drove's arrays are one-dimensional (docs/sql.md).
statement error 0A000
SELECT array(SELECT array[i, i/2] FROM generate_series(1, 3) i)

query
SELECT array(SELECT i FROM generate_series(1, 3) i), array(SELECT indkey FROM pg_index LIMIT 0)
----
{1,2,3}|{}
tag: SELECT 1

# A cast to an array of a type with a modifier applies it to each element, which drove does not
# yet: it was 22023 "length for type char must be at least 1" (arrays.sql's char(5)[]).
# deviation: arrays of char(n), varchar(n) and numeric(p,s) are not supported yet (docs/sql.md).
statement error 0A000
SELECT '{a}'::char(2)[]

# deviation: arrays of char(n), varchar(n) and numeric(p,s) are not supported yet (docs/sql.md).
statement error 0A000
SELECT CAST('{1}' AS numeric(5,2)[])

statement error 22023
SELECT CAST('{a}' AS varchar(0)[])

# A json (not jsonb) value's part taken as text is its text as written, as -> hands it out:
# ->>, #>>, json_each_text and json_array_elements_text printed it anew ([1, 2, 3]) (json.sql).
query
SELECT '[1,  {"b" :2}]'::json ->> 1, '{"a": {"b":{"c": "foo"}}}'::json #>> '{}', '{"a": {"b":{"c": "foo"}}}'::json #>> array['a'], '{"f1":[1,2,3]}'::json ->> 'f1'
----
{"b" :2}|{"a": {"b":{"c": "foo"}}}|{"b":{"c": "foo"}}|[1,2,3]
tag: SELECT 1

query
SELECT * FROM json_each_text('{"f1":[1,2,3],"f2":{"f3":1},"f4":null,"f5":99,"f6":"stringy"}') ORDER BY 1
----
f1|[1,2,3]
f2|{"f3":1}
f4|NULL
f5|99
f6|stringy
tag: SELECT 5

query
SELECT json_array_elements_text('[1,true,[1,[2,3]],null,{"f1":1,"f2":[7,8,9]},false,"stringy"]')
----
1
true
[1,[2,3]]
NULL
{"f1":1,"f2":[7,8,9]}
false
stringy
tag: SELECT 7

query
SELECT '[1,  {"b" :2}]'::jsonb ->> 1, ('{"a": [1,2]}'::json::jsonb) ->> 'a', '{"a":1.50}'::json ->> 'a'
----
{"b": 2}|[1, 2]|1.50
tag: SELECT 1

# key is a column name (json_each's), which vitess reserves: WHERE key and ORDER BY key were
# 42601.
query
SELECT key, value FROM json_each_text('{"a":1,"b":2,"c":3}') WHERE key > 'a' ORDER BY key DESC
----
c|3
b|2
tag: SELECT 2

statement ok
CREATE TABLE pgrt_key (id int PRIMARY KEY, key text UNIQUE, r int REFERENCES pgrt_key (id))

statement ok
INSERT INTO pgrt_key (id, key, r) VALUES (1, 'x', 1), (2, 'y', 1)

query
SELECT key, count(*) FROM pgrt_key WHERE key <> 'z' GROUP BY key ORDER BY key
----
x|1
y|1
tag: SELECT 2

query
SELECT * FROM (SELECT 1 AS key) s ORDER BY s.key
----
1
tag: SELECT 1
