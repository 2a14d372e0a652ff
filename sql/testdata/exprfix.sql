# Expression fixes found by outside testing (exprfix), recorded from PostgreSQL 15.
# 'now' read as a time or timetz is the transaction's start in the session's TimeZone, as
# localtime and current_time are, whether the text is a literal or computed.
statement ok
SET TimeZone = 'America/New_York'

statement ok
BEGIN

query
SELECT 'now'::time = localtime, 'now'::timetz = current_time, ('n' || 'ow')::time = localtime, ('n' || 'ow')::timetz = current_time, time 'now' = localtime
----
t|t|t|t|t
tag: SELECT 1

query
SELECT ('n' || 'ow')::timestamptz = now(), ('n' || 'ow')::timestamp = localtimestamp, ARRAY['now']::time[] = ARRAY[localtime], ARRAY['now']::timestamp[] = ARRAY[localtimestamp]
----
t|t|t|t
tag: SELECT 1

statement ok
COMMIT

# An array cast converts each element in the session's zone, as a cast of one value does.
query
SELECT ARRAY['2000-01-01 00:00']::text[]::timestamptz[], ARRAY['2000-01-01 00:00'::timestamp]::timestamptz[], ARRAY['2000-01-01 05:00+00'::timestamptz]::timestamp[], ARRAY['2000-01-01 05:00+00'::timestamptz]::time[]
----
{"2000-01-01 00:00:00-05"}|{"2000-01-01 00:00:00-05"}|{"2000-01-01 00:00:00"}|{00:00:00}
tag: SELECT 1

statement ok
RESET TimeZone
