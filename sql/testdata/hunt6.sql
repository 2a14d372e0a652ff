# hunt6: disagreements found by the randomized differential tests (TestExprDifferential,
# TestQueryShapes, TestDMLDifferential) on fresh seeds; under each comment, the blocks the fix
# changes failed on drove before it (the rest cover it).
statement ok
SET TimeZone = 'Europe/Rome'

# A date or timestamp IN a list of timestamptz constants is date = ANY (timestamptz[]): a
# stable operator, which PostgreSQL's planner does not compute even with a NULL left side, so
# the CASE branch stays and its failing constant is raised (the single-item form, an OpExpr
# with a NULL constant, is folded to NULL).
statement error 22P02
SELECT CASE WHEN (NULL::date IN ('2024-07-15 08:00:00'::timestamptz, NULL)) THEN CAST('1.5'::text AS uuid) ELSE '{12345678-1234-5678-1234-567812345678}'::uuid END

statement error 22P02
SELECT CASE WHEN NULL::timestamp IN ('2024-07-15 08:00:00'::timestamptz, '2024-07-16'::timestamptz) THEN 'abc'::text::uuid END

query
SELECT CASE WHEN NULL::date IN ('2024-07-15 08:00:00'::timestamptz) THEN 'abc'::text::uuid END, NULL::date IN ('2024-07-15'::timestamptz, NULL) IS NULL, NULL::date IN ('2024-07-15'::timestamp, NULL) IS NULL
----
NULL|t|t
tag: SELECT 1

query
SELECT CASE WHEN NULL::date IN ('2024-07-15'::timestamp, '2024-07-16'::timestamp) THEN 'abc'::text::uuid ELSE '{12345678-1234-5678-1234-567812345678}'::uuid END
----
12345678-1234-5678-1234-567812345678
tag: SELECT 1

# An infinite timestamp or timestamptz cast to time or timetz is NULL in PostgreSQL
# (timestamp_time, timestamptz_time, timestamptz_timetz), not an error; found by
# TestExprDifferential seed 777003 (CAST(to_timestamp('Infinity'::float8) AS time)).
query
SELECT CAST(to_timestamp('Infinity'::float8) AS time) IS NULL, 'infinity'::timestamp::time IS NULL, '-infinity'::timestamptz::time IS NULL, 'infinity'::timestamptz::timetz IS NULL, pg_typeof('infinity'::timestamptz::timetz)
----
t|t|t|t|time with time zone
tag: SELECT 1

statement ok
CREATE TABLE h6t (id int PRIMARY KEY, ts timestamp, tz timestamptz)

statement ok
INSERT INTO h6t VALUES (1, 'infinity', '-infinity'), (2, '2024-03-31 02:30:00', '2024-03-31 01:30:00+00'), (3, NULL, NULL)

query
SELECT id, ts::time, tz::time, tz::timetz, COALESCE(ts::time, '12:00') FROM h6t ORDER BY id
----
1|NULL|NULL|NULL|12:00:00
2|02:30:00|03:30:00|03:30:00+02|02:30:00
3|NULL|NULL|NULL|12:00:00
tag: SELECT 3
