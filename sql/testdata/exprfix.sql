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

statement ok
SET TimeZone = 'UTC'

# to_timestamp and to_date match the template's spaces and separators as PostgreSQL 15's
# DCH_from_char: a space or separator takes one space or separator of the input or none,
# spaces around fields are skipped, and after FX each template character takes exactly one
# input character.
query
SELECT to_timestamp('2000    01', 'YYYY MM'), to_timestamp(' 2000 01', 'YYYY MM')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000 01', 'FXYYYY MM')
----
2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000  01', 'FXYYYY MM')
----
2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000-01', 'YYYY MM'), to_timestamp('2000 01', 'YYYY-MM')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

statement error 22008
SELECT to_timestamp('2000--01', 'YYYY-MM')

query
SELECT to_timestamp('2000-01', 'FXYYYY MM')
----
2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000 01', 'YYYYMM'), to_timestamp('200001', 'YYYY MM'), to_timestamp('2000   01', 'YYYY  MM')
----
2000-01-01 00:00:00+00|200001-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_date('2000 / 01 / 02', 'YYYY/MM/DD'), to_date('2000/01/02', 'YYYY / MM / DD'), to_date('  2000-01-02', 'YYYY-MM-DD')
----
2000-01-02|2000-01-02|2000-01-02
tag: SELECT 1

query
SELECT to_date('2000 01 02', 'YYYY-MM-DD'), to_date('2000-01-02', 'YYYYxMMxDD')
----
2000-01-02|2000-01-02
tag: SELECT 1

statement error 22007
SELECT to_date('2000x01x02', 'YYYY-MM-DD')

query
SELECT to_timestamp('  2000 01', '  YYYY MM'), to_timestamp('2000 01', '  YYYY MM')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000  Jan', 'YYYY Mon'), to_timestamp('2000Jan', 'YYYY Mon')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_date('2000-01-02', 'FXYYYY-MM-DD'), to_date('2000/01/02', 'FXYYYY-MM-DD')
----
2000-01-02|2000-01-02
tag: SELECT 1

query
SELECT to_date('2000 01 02', 'FXYYYY-MM-DD')
----
2000-01-02
tag: SELECT 1

query
SELECT to_date('2000  01 02', 'FXYYYY-MM-DD')
----
2000-01-02
tag: SELECT 1

statement error 22008
SELECT to_date('2000--01-02', 'FXYYYY-MM-DD')

query
SELECT to_timestamp('2000-01-02 10:20', 'YYYY-MM-DD HH24:MI'), to_timestamp('2000-01-02T10:20', 'YYYY-MM-DD"T"HH24:MI'), to_timestamp('2000-01-02 10:20', 'YYYY-MM-DD"T"HH24:MI')
----
2000-01-02 10:20:00+00|2000-01-02 10:20:00+00|2000-01-02 10:20:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000-01-02   10:20', 'YYYY-MM-DD"T"HH24:MI')
----
2000-01-02 10:20:00+00
tag: SELECT 1

statement error 22007
SELECT to_timestamp('2000-01-02X10:20', 'YYYY-MM-DD HH24:MI')

query
SELECT to_timestamp('2000 01 02', 'YYYY   MM   DD')
----
2000-01-02 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000.01.02', 'YYYY MM DD')
----
2000-01-02 00:00:00+00
tag: SELECT 1

statement error 22007
SELECT to_timestamp('2000,,01', 'YYYY,MM')

query
SELECT to_timestamp('2000,,01', 'YYYY,,MM'), to_timestamp('2000,01', 'YYYY,,MM'), to_timestamp('2000 ,01', 'YYYY,MM')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('2000AB01', 'YYYYxxMM'), to_timestamp('2000 AB01', 'YYYY xxMM'), to_timestamp('2000  AB01', 'YYYYxxxxMM')
----
2000-01-01 00:00:00+00|2000-01-01 00:00:00+00|2000-01-01 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('97 02', 'YY MM'), to_timestamp('1997 feb 3', 'YYYY mon DD'), to_timestamp('1997   feb   3', 'YYYY mon DD')
----
1997-02-01 00:00:00+00|1997-02-03 00:00:00+00|1997-02-03 00:00:00+00
tag: SELECT 1

query
SELECT to_timestamp('10:20 pm', 'HH:MI am'), to_timestamp('10:20pm', 'HH:MI am'), to_timestamp('10:20   pm', 'HH:MI am')
----
0001-01-01 22:20:00+00 BC|0001-01-01 22:20:00+00 BC|0001-01-01 22:20:00+00 BC
tag: SELECT 1

query
SELECT to_timestamp('2000-01-02 +05', 'YYYY-MM-DD TZH'), to_timestamp('2000-01-02 -05', 'YYYY-MM-DD TZH'), to_timestamp('2000-01-02-05', 'YYYY-MM-DD-TZH')
----
2000-01-01 19:00:00+00|2000-01-02 05:00:00+00|2000-01-01 19:00:00+00
tag: SELECT 1

query
SELECT to_date('20000102', 'YYYYMMDD')
----
2000-01-02
tag: SELECT 1

query
SELECT to_date('2000 0102', 'YYYY MMDD')
----
2000-01-02
tag: SELECT 1

statement error 22007
SELECT to_date('2000\t01\t02', 'YYYY MM DD')

query
SELECT to_date(' 2000 01 02 ', ' YYYY MM DD ')
----
2000-01-02
tag: SELECT 1

statement error 22007
SELECT to_date('x2000 01 02', 'YYYY MM DD')

query
SELECT to_date('2000 01 02', 'FX YYYY MM DD')
----
0001-01-02 BC
tag: SELECT 1

query
SELECT to_date(' 2000 01 02', 'FX YYYY MM DD')
----
2000-01-02
tag: SELECT 1

statement ok
RESET TimeZone

# A call of a function that does not exist with OVER is 42883 with its argument types, as
# without OVER (it was a syntax error, then 0A000).
statement error 42883
SELECT nosuchfn(1) OVER ()

statement error 42883
SELECT nosuchfn() OVER ()

statement error 42883
SELECT x, nosuchfn(x, 'a') OVER (PARTITION BY x) FROM generate_series(1, 2) x

statement error 42883
SELECT nosuchfn(x) OVER w FROM generate_series(1, 2) x WINDOW w AS (ORDER BY x)

# A row IS [NOT] DISTINCT FROM a row is the OR of its fields' (PostgreSQL's
# make_row_distinct_op): the first distinct pair decides and a later subquery is not run.
query
SELECT (1, 2) IS DISTINCT FROM (2, (SELECT x FROM generate_series(1, 2) x)), (1, 2) IS NOT DISTINCT FROM (2, (SELECT x FROM generate_series(1, 2) x))
----
t|f
tag: SELECT 1

query
SELECT ROW(1, NULL::int) IS DISTINCT FROM ROW(1, NULL::int), ROW(1, NULL::int) IS NOT DISTINCT FROM ROW(1, NULL::int), (1, NULL::int, 'a') IS DISTINCT FROM (1, NULL::int, 'b'), (NULL::int, 2) IS NOT DISTINCT FROM (NULL::int, 3)
----
f|t|t|f
tag: SELECT 1

query
SELECT a, b, (a, b) IS DISTINCT FROM (1, 2), (a, b) IS NOT DISTINCT FROM (1, NULL::int) FROM (VALUES (1, 2), (1, NULL), (NULL, 2), (NULL, NULL)) v(a, b) ORDER BY a, b
----
1|2|f|f
1|NULL|t|t
NULL|2|t|f
NULL|NULL|t|f
tag: SELECT 4

query
SELECT x FROM generate_series(1, 3) x WHERE (x, 1) IS DISTINCT FROM (0, (SELECT 1 / (x - x))) ORDER BY x
----
1
2
3
tag: SELECT 3

statement error 21000
SELECT (2, 2) IS DISTINCT FROM (2, (SELECT x FROM generate_series(1, 2) x))

statement error 42601
SELECT (1, 2) IS DISTINCT FROM (1, 2, 3)

# Regular expressions: the match is the longest at its position (PostgreSQL's ARE rule for a
# pattern whose preference is greedy), whichever alternative comes first. Where the groups
# within it are split otherwise, docs/sql.md lists the difference.
query
SELECT substring('abcd' from 'a|ab'), substring('abcd' from 'ab|a'), regexp_match('xyab', 'a|ab'), regexp_replace('abcd', 'a|ab', 'X'), regexp_replace('abab', 'a|ab', 'X', 'g')
----
ab|ab|{ab}|Xcd|XX
tag: SELECT 1

query
SELECT substring('xyz' from 'x*?y*'), substring('aaa' from 'a+?'), substring('aaab' from 'a+?b'), substring('abc' from 'a.*?'), substring('abcabc' from 'a.*?c')
----
|a|aaab|a|abc
tag: SELECT 1

query
SELECT regexp_match('aaa', '(a*)(a*)'), regexp_match('abb', 'ab*?'), regexp_match('abb', '(ab*?)b'), regexp_match('foobar', 'o(b|ba)'), regexp_split_to_array('abcabd', 'b|bc')
----
{aaa,""}|{a}|{a}|{ba}|{a,a,d}
tag: SELECT 1

query
SELECT m FROM regexp_matches('abab', 'a|ab', 'g') m
----
{ab}
{ab}
tag: SELECT 2

