# Back references in PostgreSQL's regular expressions (\1-\9), run on regexp2.
query
SELECT 'abab' ~ '^(ab)\1$', 'abac' ~ '^(ab)\1$', 'abab' !~ '^(ab)\1$'
----
t|f|f
tag: SELECT 1

query
SELECT regexp_replace('aa bb cd', '(\w)\1', 'X', 'g')
----
X X cd
tag: SELECT 1

query
SELECT regexp_replace('aa bb cd', '(\w)\1', '<\1\&>')
----
<aaa> bb cd
tag: SELECT 1

query
SELECT regexp_match('hello world', '(l)\1')
----
{l}
tag: SELECT 1

query
SELECT regexp_matches('aabbcc xyzz', '(\w)\1', 'g')
----
{a}
{b}
{c}
{z}
tag: SELECT 4

query
SELECT substring('foo barbar baz' from '((bar)\2)')
----
barbar
tag: SELECT 1

query
SELECT substring('foo barbar baz' from 'o (b)\w*\1')
----
b
tag: SELECT 1

query
SELECT 'ABab' ~* '^(ab)\1$', 'ABab' ~ '^(ab)\1$'
----
t|f
tag: SELECT 1

query
SELECT regexp_replace('Aa bB', '(a)\1', 'X', 'gi')
----
X bB
tag: SELECT 1

query
SELECT regexp_match('the the cat', '\m(\w+) \1\M')
----
{the}
tag: SELECT 1

query
SELECT regexp_match('the then cat', '\m(\w+) \1\M')
----
NULL
tag: SELECT 1

query
SELECT regexp_match('x aa', '\y(a)\1\y'), regexp_match('baa', '\Y(a)\1')
----
{a}|{a}
tag: SELECT 1

query
SELECT regexp_match('aaa', '^(a*?)\1$'), regexp_match('aaaa', '(a*)\1')
----
NULL|{aa}
tag: SELECT 1

query
SELECT regexp_match(E'ab\nab', '^(ab)\n\1$'), regexp_match(E'x\nab\nab', '^(ab)\n\1$', 'n')
----
{ab}|{ab}
tag: SELECT 1

query
SELECT regexp_match(E'x\nab\nab', '^(ab)\n\1$'), regexp_match(E'a\na', '(a).\1'), regexp_match(E'a\na', '(a).\1', 'n')
----
NULL|{a}|NULL
tag: SELECT 1

query
SELECT regexp_match('abab', '\A(ab)\1\Z'), regexp_match('ababx', '\A(ab)\1\Z')
----
{ab}|NULL
tag: SELECT 1

query
SELECT regexp_count('abcabcxabc', '(abc)\1')
----
1
tag: SELECT 1

query
SELECT regexp_split_to_array('1aa2bb3', '(\w)\1')
----
{1,2,3}
tag: SELECT 1

query
SELECT regexp_split_to_table('1aa2bb3', '(\w)\1')
----
1
2
3
tag: SELECT 3

query
SELECT regexp_match('a1b1', '(?i)A([[:digit:]])B\1'), regexp_match('aXbX', '([[:upper:]])b\1', 'i')
----
{1}|{X}
tag: SELECT 1

query
SELECT regexp_match('abcabc', '(a|ab)(c|bcd)\1')
----
{ab,c}
tag: SELECT 1

query
SELECT regexp_like('xyzzy', '(z)\1'), regexp_instr('xyzzy', '(z)\1'), regexp_substr('xyzzy', '(z)\1')
----
t|3|zz
tag: SELECT 1

query
SELECT regexp_match('a b  a b', '(a) (b) +\1 \2', 'x'), regexp_match('abbab', '(a) (b) +\1 \2', 'x')
----
NULL|{a,b}
tag: SELECT 1

query
SELECT regexp_match('aaaa', '(a)\1*'), regexp_match('ababab', '(ab)\1{1,}')
----
{a}|{ab}
tag: SELECT 1

query
SELECT regexp_match('xabcabcy', '(a.*?c)\1'), regexp_match('xyxyz', '(.+?)\1')
----
{abc}|{xy}
tag: SELECT 1

query
SELECT regexp_replace('ééxx', '(.)\1', '[\1]', 'g')
----
[é][x]
tag: SELECT 1

query
SELECT regexp_matches('abab cdcd', '(\w\w)\1', 'g')
----
{ab}
{cd}
tag: SELECT 2

query
SELECT regexp_replace('aaaa', '(a)\1', 'X', 1, 2)
----
aaX
tag: SELECT 1

query
SELECT regexp_match('foo foo', '^(?:(f)o)o \1oo$')
----
{f}
tag: SELECT 1

query
SELECT 'aa0' ~ '(a)\10', 'a' || chr(8) ~ '(a)\10'
----
f|t
tag: SELECT 1

statement error 2201B
SELECT 'aa' ~ '(a\1)'

statement error 2201B
SELECT 'aa' SIMILAR TO '(a)\1'

statement error 2201B
SELECT 'abab' ~ '(ab)\2'

statement error 2201B
SELECT regexp_match('aa', '\1(a)')

statement error 22023
SELECT regexp_replace('aa', '(a)\1', 'X', 'z')
