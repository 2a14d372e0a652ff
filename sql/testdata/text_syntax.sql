# SQL's text syntax that applications written for PostgreSQL use: SIMILAR TO, substring with
# patterns, overlay, and the numeric formatting functions, checked against PostgreSQL 15.
statement ok
CREATE TABLE ts (id int PRIMARY KEY, s text, p text, e text)

statement ok
INSERT INTO ts VALUES (1, 'abc', 'a%', '#'), (2, 'xyz', '_y_', NULL), (3, NULL, '%', '!'), (4, 'a%c', 'a#%c', '#'), (5, 'A|B', '%(b|B)', '')

query
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(b|c)%', 'abc' NOT SIMILAR TO 'a_c', 'abd' SIMILAR TO 'ab[cd]', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c'
----
t|f|t|f|f|t|t|f
tag: SELECT 1

query
SELECT 'aaa' SIMILAR TO 'a{2,3}', 'aaaa' SIMILAR TO 'a{2,3}', 'ab' SIMILAR TO 'a+b?', 'b' SIMILAR TO 'a*b', '^a$' SIMILAR TO '^a$', 'a' SIMILAR TO '^a$', E'a\nb' SIMILAR TO 'a_b', 'ABC' SIMILAR TO 'abc'
----
t|f|t|t|t|f|t|f
tag: SELECT 1

query
SELECT 'a%c' SIMILAR TO 'a#%c' ESCAPE '#', 'abc' SIMILAR TO 'a#%c' ESCAPE '#', 'a_c' SIMILAR TO 'a\_c', 'abc' SIMILAR TO 'a\_c', 'a\c' SIMILAR TO 'a\c' ESCAPE '', 'a%' SIMILAR TO 'a%' ESCAPE '', 'a]' SIMILAR TO 'a[]x]', 'a%' SIMILAR TO 'a[%]', 'ab' SIMILAR TO 'a[%]'
----
t|f|t|f|t|t|t|t|f
tag: SELECT 1

query
SELECT '12' SIMILAR TO '\d+', 'a"b' SIMILAR TO 'a#"b#"' ESCAPE '#', 'ab' SIMILAR TO 'a#"b#"' ESCAPE '#', 'a' SIMILAR TO 'a\', 'é' SIMILAR TO '_', 'aéb' SIMILAR TO 'aéb' ESCAPE 'é'
----
t|f|t|t|t|f
tag: SELECT 1

query
SELECT id, s SIMILAR TO 'a%', s NOT SIMILAR TO '%(b|y)%' FROM ts ORDER BY id
----
1|t|f
2|f|f
3|NULL|NULL
4|t|t
5|f|t
tag: SELECT 5

query
SELECT NULL SIMILAR TO 'a', 'a' SIMILAR TO NULL, 'a' SIMILAR TO 'a' ESCAPE NULL, 'a' SIMILAR TO 'a' = true, NOT 'a' SIMILAR TO 'b'
----
NULL|NULL|NULL|t|t
tag: SELECT 1

query
SELECT id FROM ts WHERE s SIMILAR TO '%c' OR s SIMILAR TO 'x%' ORDER BY id
----
1
2
4
tag: SELECT 3

query
SELECT similar_to_escape('a(b|c)%[]x]_\.^$'), similar_to_escape('a#"b#"c', '#'), similar_to_escape('a[^]b]c'), similar_to_escape('ab', ''), similar_to_escape('[%_(]'), similar_to_escape('[a\b]'), similar_to_escape('é%', 'é')
----
^(?:a(?:b|c).*[]x].\.\^\$)$|^(?:a){1,1}?(b){1,1}(?:c)$|^(?:a[^]b]c)$|^(?:ab)$|^(?:[%_(])$|^(?:[a\b])$|^(?:\%)$
tag: SELECT 1

query
SELECT similar_to_escape(NULL), similar_to_escape('a', NULL), similar_escape('a', NULL), similar_escape(NULL, 'a'), similar_escape('a%', '')
----
NULL|NULL|^(?:a)$|NULL|^(?:a.*)$
tag: SELECT 1

query
SELECT id, similar_to_escape(p), similar_to_escape(p, e) FROM ts ORDER BY id
----
1|^(?:a.*)$|^(?:a.*)$
2|^(?:.y.)$|NULL
3|^(?:.*)$|^(?:.*)$
4|^(?:a#.*c)$|^(?:a\%c)$
5|^(?:.*(?:b|B))$|^(?:.*(?:b|B))$
tag: SELECT 5

query
SELECT pg_typeof(similar_to_escape('a')), pg_typeof('a' SIMILAR TO 'a')
----
text|boolean
tag: SELECT 1

statement error 22025
SELECT 'abc' SIMILAR TO 'a' ESCAPE 'xy'

statement error 22025
SELECT similar_to_escape('a', 'xy')

statement error 2200C
SELECT 'a' SIMILAR TO 'a#"b#"c#"d' ESCAPE '#'

statement error 2201B
SELECT 'a' SIMILAR TO '(a'

statement error 42883
SELECT 1 SIMILAR TO '1'

# substring with a pattern: a POSIX regular expression (FROM text), a SQL one (SIMILAR ...
# ESCAPE, or FROM ... FOR text): PostgreSQL picks the form by the arguments' types.
query
SELECT substring('abc' from 'b.'), substring('abc' from 'a(b)'), substring('abc' from 'x'), substring('abc' from '(x)?b'), substring('abcabc' from 'b|bc'), substring('abc' from '(?:a)(b)(c)'), substring(E'a\nb' from 'a.b')
----
bc|b|NULL|NULL|bc|b|a
b
tag: SELECT 1

query
SELECT substring('foobar' similar '%#"o_b#"%' escape '#'), substring('foobar' from '%#"o_b#"%' for '#'), substring('foobar' similar 'f%' escape '#'), substring('foobar' similar '#"f#"%' escape '#'), substring('foobar' SIMILAR 'x%' ESCAPE '#'), substring('foobar' similar '#"o#"' escape NULL)
----
oob|oob|foobar|f|NULL|NULL
tag: SELECT 1

query
SELECT substring('abc' from '2' for '1'), substring('abc', 'b'), substring('abc', 'b', '#'), substring('abc', 'a%', '#'), pg_typeof(substring('abc' from 'b')), substring(NULL from 'a'), substring('abc' from NULL)
----
NULL|b|NULL|abc|text|NULL|NULL
tag: SELECT 1

query
SELECT substring('abcdef' from 2 for 3), substring('abcdef' from 3), substring('abcdef' for 2), substring('abcdef', 2), substring('\x0102'::bytea from 2)
----
bcd|cdef|ab|bcdef|\x02
tag: SELECT 1

query
SELECT id, substring(s from '[a-z]$'), substring(s similar '%#"_#"' escape '#'), substring(s from p for '#') FROM ts ORDER BY id
----
1|c|c|abc
2|z|z|xyz
3|NULL|NULL|NULL
4|c|c|a%c
5|NULL|B|A|B
tag: SELECT 5

statement error 2201B
SELECT substring('abc' from '(')

statement error 2200C
SELECT substring('abc' similar '#"a#"b#"c#"' escape '#')

statement error 22025
SELECT substring('abc' similar 'a' escape '##')

statement error 42601
SELECT substring('a' similar 'a')

# overlay(s PLACING r FROM n [FOR m]), text and bytea.
query
SELECT overlay('abcdef' placing 'XY' from 2), overlay('abcdef' placing 'XY' from 2 for 0), overlay('abcdef' placing 'XY' from 2 for -1), overlay('abcdef' placing 'XY' from 10), overlay('abcdef' placing '' from 1 for 3), overlay('abc' placing 'X' from 1 for -5), overlay('abc', 'X', 2), overlay('abc', 'X', 2, 2)
----
aXYdef|aXYbcdef|aXYabcdef|abcdefXY|def|Xabc|aXc|aX
tag: SELECT 1

query
SELECT overlay('héllo' placing 'ÉÉ' from 2 for 1), overlay('\x010203'::bytea placing '\xff'::bytea from 2), overlay('\x010203'::bytea placing '\xffee'::bytea from 3 for 5), pg_typeof(overlay('\x01'::bytea placing '\x02'::bytea from 1))
----
hÉÉllo|\x01ff03|\x0102ffee|bytea
tag: SELECT 1

query
SELECT id, overlay(s placing 'Z' from 2), overlay(s placing p from id for 1) FROM ts ORDER BY id
----
1|aZc|a%bc
2|xZz|x_y_z
3|NULL|NULL
4|aZc|a%ca#%c
5|AZB|A|B%(b|B)
tag: SELECT 5

query
SELECT overlay(NULL placing 'x' from 1), overlay('a' placing 'x' from NULL), overlay('a' placing 'x' from 1 for NULL)
----
NULL|NULL|NULL
tag: SELECT 1

statement error 22011
SELECT overlay('abc' placing 'X' from 0)

statement error 22011
SELECT overlay('abc' placing 'X' from -2147483648 for -1)

statement error 22003
SELECT overlay('abc' placing 'X' from 2147483647 for 1)

statement error 42601
SELECT overlay('abc' placing 'X')

statement error 42883
SELECT overlay(1 placing 'X' from 1)

# to_date(text, format): the format pictures of to_timestamp, the time of day ignored.
query
SELECT to_date('05 Dec 2000', 'DD Mon YYYY'), to_date('20240315', 'YYYYMMDD'), to_date('2024-03-15 13:45', 'YYYY-MM-DD HH24:MI'), to_date('15/03/24', 'DD/MM/YY'), to_date('2024-02-29', 'YYYY-MM-DD'), pg_typeof(to_date('2024-01-01', 'YYYY-MM-DD')), to_date(NULL, 'YYYY')
----
2000-12-05|2024-03-15|2024-03-15|2024-03-15|2024-02-29|date|NULL
tag: SELECT 1

query
SELECT to_date('March 5, 2021', 'Month DD, YYYY'), to_date('0044-03-15 BC', 'YYYY-MM-DD BC'), to_date('2024', 'YYYY'), to_date('12-2024', 'MM-YYYY')
----
2021-03-05|0044-03-15 BC|2024-01-01|2024-12-01
tag: SELECT 1

statement error 22008
SELECT to_date('2024-02-30', 'YYYY-MM-DD')

statement error 22007
SELECT to_date('x', 'YYYY')
