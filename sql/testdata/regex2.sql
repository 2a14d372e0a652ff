# PostgreSQL's regular-expression matching rules (internal/pgregex): which match, how the
# groups divide it, back references, lookahead and lookbehind, errors.
# PostgreSQL's matching rules: each group by its own greediness, earlier groups first
query
SELECT regexp_match('abcd', '(a|ab)(c|bcd)(d*)')
----
{ab,c,d}
tag: SELECT 1

query
SELECT regexp_match('abc', '(a|ab)(bc|c)?')
----
{ab,c}
tag: SELECT 1

query
SELECT regexp_match('foobar', '(f|fo|foo)(o*)(bar)')
----
{foo,"",bar}
tag: SELECT 1

query
SELECT regexp_match('aab', '(a|aa)*b')
----
{aa}
tag: SELECT 1

query
SELECT regexp_match('xyabcd', '.*?(a|ab)(c|bcd)')
----
{ab,c}
tag: SELECT 1

query
SELECT regexp_match('abcabc', '(a.*?)(c.*)')
----
{ab,c}
tag: SELECT 1

# A non-greedy first quantifier makes the whole match the shortest
query
SELECT regexp_match('aaa', '(a*?)(a*)')
----
{"",""}
tag: SELECT 1

query
SELECT regexp_match('aaa', '(a{1,2}?)(a*)')
----
{a,""}
tag: SELECT 1

query
SELECT regexp_match('abcabc', 'a.*?c|x')
----
{abcabc}
tag: SELECT 1

query
SELECT substring('abcabc' from 'b.*?c')
----
bc
tag: SELECT 1

query
SELECT regexp_replace('aaa', 'a*?', 'X', 'g')
----
XaXaXaX
tag: SELECT 1

query
SELECT regexp_match('aaab', '(a+?)(a*)b')
----
{a,aa}
tag: SELECT 1

# Back references
query
SELECT regexp_match('abab', '(a|ab)\1*')
----
{ab}
tag: SELECT 1

query
SELECT regexp_match('abcab', '(a|ab)(c|bcd)?(\1)?')
----
{ab,c,ab}
tag: SELECT 1

query
SELECT regexp_match('aaaa', '(a*?)\1')
----
{""}
tag: SELECT 1

query
SELECT regexp_match('b', '(()\Z)*\1'), regexp_match('b', '(()\Z)*\1$')
----
NULL|{"",""}
tag: SELECT 1

query
SELECT regexp_matches('aa bb cdd', '(\w)\1', 'g')
----
{a}
{b}
{d}
tag: SELECT 3

query
SELECT regexp_match('ABab', '(ab)\1', 'i')
----
{AB}
tag: SELECT 1

# Lookahead and lookbehind constraints
query
SELECT regexp_match('xabc', '(?<=x)a(?=b)'), 'ab' ~ 'a(?!b)', 'ac' ~ 'a(?!b)'
----
{a}|f|t
tag: SELECT 1

query
SELECT regexp_replace('price: 100 dollars 200', '(?<!\d)\d+(?= dollars)', 'N', 'g')
----
price: N dollars 200
tag: SELECT 1

query
SELECT regexp_matches('foobar foobaz', 'foo(?=baz)(ba.)', 'g')
----
{baz}
tag: SELECT 1

query
SELECT regexp_split_to_array('a1b2c3', '(?<=\d)')
----
{a1,b2,c3}
tag: SELECT 1

query
SELECT regexp_count('aaaa', '(?<=a)a')
----
3
tag: SELECT 1

# Word constraints, anchors and successive matches
query
SELECT regexp_replace('foo bar', '\m', '<', 'g'), regexp_replace('foo bar', '\M', '>', 'g')
----
<foo <bar|foo> bar>
tag: SELECT 1

query
SELECT regexp_replace('ab\ncd', '^', '>', 'gn'), regexp_replace('ab\ncd', '$', '<', 'gw')
----
>ab\ncd|ab\ncd<
tag: SELECT 1

query
SELECT regexp_replace('abc', 'b*', 'X', 'g'), regexp_replace('aaa', '^a', 'X', 'g')
----
XaXXcX|Xaa
tag: SELECT 1

query
SELECT regexp_matches('abc', '\y', 'g')
----
{""}
{""}
tag: SELECT 2

# Flags x and q, embedded options
query
SELECT regexp_match('abc', ' a (b) c # comment', 'x'), regexp_match('a.c', 'a.c', 'q')
----
{b}|{a.c}
tag: SELECT 1

query
SELECT 'ABC' ~ '(?i)abc', 'abc' ~ '***=a.c', 'a.c' ~ '***=a.c'
----
t|f|t
tag: SELECT 1

# Errors (2201B, with PostgreSQL's messages: TestRegexErrorMessages)
statement error 2201B
SELECT 'a' ~ '('

statement error 2201B
SELECT 'a' ~ 'a**'

statement error 2201B
SELECT 'a' ~ '[a'

statement error 2201B
SELECT 'a' ~ 'a{2,1}'

statement error 2201B
SELECT 'a' ~ '\q'

statement error 2201B
SELECT 'a' ~ '(a)\2'

statement error 2201B
SELECT 'a' ~ '(?<=(a)\1)'

statement error 2201B
SELECT 'a' ~ '[[:foo:]]'

statement error 2201B
SELECT 'a' ~ '[b-a]'

statement error 2201B
SELECT 'a' ~ 'a{256}'

statement error 2201B
SELECT 'a' ~ '(?z)a'

statement error 2201B
SELECT 'a' ~ ')'
