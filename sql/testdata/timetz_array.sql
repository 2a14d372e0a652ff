# timetz[] (oid 1270), as PostgreSQL 15.
query
SELECT ARRAY['10:00+02'::timetz], pg_typeof(ARRAY['10:00+02'::timetz]), ARRAY['10:00+02'::timetz, NULL, '23:59:59.5-03:30']
----
{10:00:00+02}|time with time zone[]|{10:00:00+02,NULL,23:59:59.5-03:30}
tag: SELECT 1

query
SELECT '{10:00+02,"11:30:00-01"}'::timetz[], '{}'::timetz[], '{10:00}'::timetz[], CAST('{ 09:15:00.25+05:30 }' AS time with time zone[])
----
{10:00:00+02,11:30:00-01}|{}|{10:00:00+00}|{09:15:00.25+05:30}
tag: SELECT 1

statement ok
SET TIME ZONE 'Asia/Kolkata'

query
SELECT '{10:00}'::timetz[], ARRAY['10:00'::timetz]
----
{10:00:00+05:30}|{10:00:00+05:30}
tag: SELECT 1

statement ok
RESET TIME ZONE

query
SELECT (ARRAY['10:00+02'::timetz, '11:00+02'])[2], array_length(ARRAY['10:00+02'::timetz], 1), ARRAY(SELECT '10:00+02'::timetz)
----
11:00:00+02|1|{10:00:00+02}
tag: SELECT 1

query
SELECT unnest(ARRAY['10:00+02'::timetz, '09:00+01'])
----
10:00:00+02
09:00:00+01
tag: SELECT 2

query
SELECT '10:00+02'::timetz = ANY (ARRAY['08:00+00'::timetz, '10:00+02']), '10:00+02'::timetz = ANY (ARRAY['08:00+00'::timetz])
----
t|f
tag: SELECT 1

query
SELECT ARRAY['10:00+02'::timetz] = ARRAY['10:00+02'::timetz], ARRAY['10:00+02'::timetz] < ARRAY['11:00+02'::timetz], ARRAY['10:00+02'::timetz] = ARRAY['08:00+00'::timetz]
----
t|t|f
tag: SELECT 1

query
SELECT array_to_string(ARRAY['10:00+02'::timetz, '11:00-05'], ';'), to_json(ARRAY['10:00+02'::timetz]), to_jsonb(ARRAY['10:00+02'::timetz])
----
10:00:00+02;11:00:00-05|["10:00:00+02"]|["10:00:00+02"]
tag: SELECT 1

query
SELECT ARRAY['10:00+02'::timetz]::text, '{10:00+02}'::timetz[]::text[]
----
{10:00:00+02}|{10:00:00+02}
tag: SELECT 1

statement error 22007
SELECT '{bad}'::timetz[]

statement error 22008
SELECT '{25:00+02}'::timetz[]

statement error 22P02
SELECT '{10:00+02'::timetz[]
