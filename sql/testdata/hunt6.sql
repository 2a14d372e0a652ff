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
