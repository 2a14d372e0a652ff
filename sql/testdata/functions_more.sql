# Trigonometric, numeric, regular-expression, formatting and encoding functions that
# applications use, checked against PostgreSQL 15.
statement ok
CREATE TABLE fm (id int PRIMARY KEY, x double precision, n numeric, s text, k int, b bytea)

statement ok
INSERT INTO fm VALUES (1, 0.5, 12.50, 'hello world', 3, '\x00ff41'), (2, -1, -7.9, 'foo bar baz', -2, ''), (3, NULL, NULL, NULL, NULL, NULL), (4, 30, 1200, E'a\nb', 0, '\xdeadbeef')

# sin, cos, tan, cot, asin, acos, the hyperbolic functions and so the degree variants are Go's
# math library, which can differ from glibc's (PostgreSQL's) in the last digit: compared to
# 13 significant digits (docs/sql.md).
query
SELECT id, round(sin(x)::numeric, 13), round(cos(x)::numeric, 13), round(tan(x)::numeric, 13), round(cot(x)::numeric, 13), round(asin(x)::numeric, 13), round(acos(x)::numeric, 13), atan(x), atan2(x, 2) FROM fm WHERE id <> 4 ORDER BY id
----
1|0.4794255386042|0.8775825618904|0.5463024898438|1.8304877217125|0.5235987755983|1.0471975511966|0.4636476090008061|0.24497866312686414
2|-0.8414709848079|0.5403023058681|-1.5574077246549|-0.6420926159343|-1.5707963267949|3.1415926535898|-0.7853981633974483|-0.4636476090008061
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 3

query
SELECT id, round(sind(x)::numeric, 13), round(cosd(x)::numeric, 13), round(tand(x)::numeric, 13), round(cotd(x)::numeric, 13), atand(x), atan2d(x, 1), degrees(x), radians(x) FROM fm ORDER BY id
----
1|0.0087265354984|0.9999619230642|0.0087268677908|114.5886501293100|26.565051177077986|26.565051177077986|28.64788975654116|0.008726646259971648
2|-0.0174524064373|0.9998476951564|-0.0174550649282|-57.2899616307594|-45|-45|-57.29577951308232|-0.017453292519943295
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|0.5000000000000|0.8660254037844|0.5773502691896|1.7320508075689|88.09084756700362|88.09084756700362|1718.8733853924696|0.5235987755982988
tag: SELECT 4

query
SELECT id, sinh(x)::numeric(30, 2), cosh(x)::numeric(30, 2), tanh(x), asinh(x), cbrt(x), cbrt(n::float8) FROM fm ORDER BY id
----
1|0.52|1.13|0.46211715726000974|0.48121182505960347|0.7937005259840998|2.320794416806389
2|-1.18|1.54|-0.7615941559557649|-0.881373587019543|-1|-1.9916317012899134
3|NULL|NULL|NULL|NULL|NULL|NULL
4|5343237290762.23|5343237290762.23|1|4.09462222433053|3.107232505953859|10.626585691826111
tag: SELECT 4

query
SELECT sind(30), cosd(60), tand(45), cotd(45), asind(0.5), acosd(0.5), asind(-1), acosd(-0.5), tand(90), cotd(0), tand(180), cotd(270), sind(-30), sind(1e300), round(sind(720.5)::numeric, 13)
----
0.5|0.5|1|1|30|60|-90|120|Infinity|Infinity|0|0|-0.5|0|0.0087265354984
tag: SELECT 1

query
SELECT acosh(2), atanh(0.5), atanh(1), atanh(-1), cbrt(27), cbrt(-8), cbrt(0), cbrt(1e-300), cbrt('infinity'), degrees('infinity'), sin('nan'), asin('nan')
----
1.3169578969248166|0.5493061443340548|Infinity|-Infinity|3.0000000000000004|-2|0|1e-100|Infinity|Infinity|NaN|NaN
tag: SELECT 1

statement error 22003
SELECT sin('infinity')

statement error 22003
SELECT asin(2)

statement error 22003
SELECT acosd(-1.5)

statement error 22003
SELECT acosh(0.5)

statement error 22003
SELECT atanh(1.5)

statement error 22003
SELECT sind('-infinity')

statement error 22003
SELECT radians('5e-324')

query
SELECT id, div(n, 2), div(n, -0.3), gcd(k, 6), lcm(k, 4), gcd(n, 2.5), lcm(n, 0.3), scale(n), min_scale(n), trim_scale(n) FROM fm ORDER BY id
----
1|6|-41|3|12|2.50|37.50|2|1|12.5
2|-3|26|2|4|0.1|23.7|1|1|-7.9
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|600|-4000|6|0|2.5|1200.0|0|0|1200
tag: SELECT 4

query
SELECT div(7.9, 2), div(-7.9, 2), div('inf'::numeric, 2), div(1, 'inf'::numeric), div('nan', 1), gcd(0::numeric, 0), gcd(12.5, 7.50), gcd('NaN', 1::numeric), lcm(1.5, 2.25), gcd(-12::bigint, 18), lcm(-4, 6)
----
3|-3|Infinity|0|NaN|0|2.50|NaN|4.50|6|12
tag: SELECT 1

query
SELECT factorial(0), factorial(1), factorial(20), factorial(21), factorial(30), scale('NaN'::numeric), min_scale(1.2300), trim_scale(1.2300), trim_scale(-0.000), min_scale(0.00), scale(1e-5), trim_scale(1200), min_scale(1200.000)
----
1|1|2432902008176640000|51090942171709440000|265252859812191058636308480000000|NULL|2|1.23|0|0|5|1200|0
tag: SELECT 1

statement error 22012
SELECT div(1::numeric, 0)

statement error 22003
SELECT factorial(-1)

statement error 22003
SELECT gcd(-2147483648, 0)

statement error 22003
SELECT gcd((-9223372036854775808)::bigint, (-9223372036854775808)::bigint)

statement error 22003
SELECT lcm(2147483647, 2147483646)

query
SELECT width_bucket(5.35, 0.024, 10.06, 5), width_bucket(-1, 0, 10, 5), width_bucket(10, 0, 10, 5), width_bucket(5, 10, 0, 5), width_bucket(0, 10, 0, 5), width_bucket(10, 10, 0, 5), width_bucket(5.5::numeric, 0, 10, 3), width_bucket('inf'::numeric, 0, 10, 3), width_bucket(x, -2, 2, 4) FROM fm WHERE id = 1
----
3|0|6|3|6|1|2|4|3
tag: SELECT 1

statement error 2201G
SELECT width_bucket(5, 0, 10, 0)

statement error 2201G
SELECT width_bucket(5, 1, 1, 3)

statement error 2201G
SELECT width_bucket('nan'::float8, 1, 2, 3)

statement error 2201G
SELECT width_bucket(1, '-inf'::float8, 2, 3)

statement error 2201G
SELECT width_bucket(1, 'nan'::numeric, 2, 3)

query
SELECT id, regexp_replace(s, 'o', '0'), regexp_replace(s, 'o', '0', 'g'), regexp_replace(s, '(\w+) (\w+)', '\2 \1'), regexp_replace(s, 'B', 'x', 'gi'), regexp_replace(s, '.', 'X', 'g') FROM fm ORDER BY id
----
1|hell0 world|hell0 w0rld|world hello|hello world|XXXXXXXXXXX
2|f0o bar baz|f00 bar baz|bar foo baz|foo xar xaz|XXXXXXXXXXX
3|NULL|NULL|NULL|NULL|NULL
4|a
b|a
b|a
b|a
x|XXX
tag: SELECT 4

query
SELECT regexp_replace('abc', 'b*', 'X', 'g'), regexp_replace('ab', 'a|ab', 'X'), regexp_replace('abab', 'a.*?b', 'X'), regexp_replace('foobarbaz', 'b(..)', E'X\\1Y\\&Z\\\\', 'g'), regexp_replace('Thomas', '.[mN]a.', 'M'), regexp_replace(E'a\nb', '.', 'X', 'gn')
----
XaXXcX|X|Xab|fooXarYbarZ\XazYbazZ\|ThM|X
X
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 2), regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 0, 'i'), regexp_replace('A PostgreSQL function', '[aeiou]', 'X', 10), regexp_replace('aaa', 'a', 'b', 2, 0), regexp_replace('a.b.c', '.', '-', 'q'), regexp_replace('a b  c', E'\\s+ # spaces\n', '_', 'gx')
----
A PostgrXSQL function|X PXstgrXSQL fXnctXXn|A PostgreSQL fXnction|abb|a-b.c|a_b_c
tag: SELECT 1

query
SELECT E'a\nb' ~ 'a.b', E'a\nb' ~ 'a[^x]b', 'abc' ~ '^b', 'ABC' ~* 'b', 'abc' !~ 'x', 'a b' ~ 'a\yb', 'ab' ~ 'a\Yb'
----
t|t|f|t|t|f|t
tag: SELECT 1

query
SELECT regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'x'), regexp_match('abc', '(x)?b'), regexp_match('ABC', 'b', 'i'), regexp_match(s, 'o.') FROM fm ORDER BY id
----
{bar,beque}|NULL|{NULL}|{B}|{"o "}
{bar,beque}|NULL|{NULL}|{B}|{oo}
{bar,beque}|NULL|{NULL}|{B}|NULL
{bar,beque}|NULL|{NULL}|{B}|NULL
tag: SELECT 4

query
SELECT regexp_matches('foobarbequebaz', 'ba(.)', 'g')
----
{r}
{z}
tag: SELECT 2

query
SELECT regexp_matches('abc', 'b*', 'g')
----
{""}
{b}
{""}
{""}
tag: SELECT 4

query
SELECT regexp_matches('abc', 'x')
----
tag: SELECT 0

query
SELECT id, regexp_matches(s, '(o)(.)', 'g') FROM fm ORDER BY id
----
1|{o," "}
1|{o,r}
2|{o,o}
tag: SELECT 3

query
SELECT regexp_split_to_table('hello world', '\s+')
----
hello
world
tag: SELECT 2

query
SELECT regexp_split_to_array('hello world', '\s*'), regexp_split_to_array('abc', 'b*'), regexp_split_to_array('', 'x'), regexp_split_to_array('x', 'x'), regexp_split_to_array('aXbxc', 'x', 'i'), regexp_split_to_array(s, ' ') FROM fm ORDER BY id
----
{h,e,l,l,o,w,o,r,l,d}|{a,c}|{""}|{"",""}|{a,b,c}|{hello,world}
{h,e,l,l,o,w,o,r,l,d}|{a,c}|{""}|{"",""}|{a,b,c}|{foo,bar,baz}
{h,e,l,l,o,w,o,r,l,d}|{a,c}|{""}|{"",""}|{a,b,c}|NULL
{h,e,l,l,o,w,o,r,l,d}|{a,c}|{""}|{"",""}|{a,b,c}|{"a
b"}
tag: SELECT 4

query
SELECT regexp_count('ABCABCAXYaxy', 'A.'), regexp_count('ABCABCAXYaxy', 'A.', 1, 'i'), regexp_count('ABCABCAXYaxy', 'A.', 4), regexp_instr('ABCDEF', 'c(.)(..)', 1, 1, 0, 'i', 2), regexp_instr('ABCDEFC', 'C', 1, 2), regexp_instr('héllo', 'l', 1, 1, 1), regexp_substr('ABCDEFGHI', '(c..)(...)', 1, 1, 'i', 2), regexp_substr('abc', 'x'), regexp_like('Hello', 'world', 'i'), regexp_like('Hello', 'HELLO', 'i')
----
3|4|2|5|7|4|FGH|NULL|f|t
tag: SELECT 1

statement error 22023
SELECT regexp_match('abc', 'b', 'g')

statement error 22023
SELECT regexp_split_to_array('abc', 'b', 'g')

statement error 22023
SELECT regexp_replace('abc', 'b', 'x', 'z')

statement error 2201B
SELECT regexp_replace('abc', '(', 'x')

statement error 22023
SELECT regexp_count('abc', 'b', 0)

statement error 22023
SELECT regexp_instr('abc', 'b', 1, 0)

statement error 22023
SELECT regexp_instr('abc', 'b', 1, 1, 2)

statement error 22023
SELECT regexp_substr('abc', 'b', 1, 1, '', -1)

statement error 22023
SELECT regexp_replace('abc', 'b', 'x', 0)

statement error 22023
SELECT regexp_replace('abc', 'b', 'x', 1, -1)

query
SELECT id, concat_ws(', ', s, k, x, NULL, true), concat_ws(NULL, s), format('%s|%5s|%-5s|%L|%I', k, k, k, s, coalesce(s, 'X y')) FROM fm ORDER BY id
----
1|hello world, 3, 0.5, t|NULL|3|    3|3    |'hello world'|"hello world"
2|foo bar baz, -2, -1, t|NULL|-2|   -2|-2   |'foo bar baz'|"foo bar baz"
3|t|NULL||     |     |NULL|"X y"
4|a
b, 0, 30, t|NULL|0|    0|0    |'a
b'|"a
b"
tag: SELECT 4

query
SELECT format('Hello %s, %I, %L, %%', 'World', 'Some Col', E'O''Reilly'), format('%2$s %1$s %s', 'a', 'b'), format('|%10s|%-10s|', 'x', 'y'), format('%*s|%-*s|', 5, 'z', 3, 'w'), format('%*s|', -4, 'v'), format('%L', NULL), format('[%s]', NULL), format('no args'), format(NULL, 1), format('%s %s', 1.5, '2020-01-02'::date), format('%3$s %1$*2$s', 'a', 4, 'c')
----
Hello World, "Some Col", 'O''Reilly', %|b a b||         x|y         ||    z|w  ||v   ||NULL|[]|no args|NULL|1.5 2020-01-02|c    a
tag: SELECT 1

statement error 22023
SELECT format('%s %s', 'a')

statement error 22023
SELECT format('%z', 1)

statement error 22023
SELECT format('%', 1)

statement error 22004
SELECT format('%I', NULL)

statement error 22023
SELECT format('%0$s', 1)

query
SELECT quote_ident('Foo'), quote_ident('foo'), quote_ident('select'), quote_ident('a b'), quote_ident('a"b'), quote_ident('left'), quote_ident('_x1$'), quote_ident('1x'), quote_ident('user'), quote_ident('name'), quote_ident('')
----
"Foo"|foo|"select"|"a b"|"a""b"|"left"|"_x1$"|"1x"|"user"|name|""
tag: SELECT 1

query
SELECT quote_literal(E'a''b\\c'), quote_literal(42), quote_nullable(NULL), quote_nullable(1.5), quote_literal('2020-01-01'::date), quote_nullable(NULL::text), quote_literal(NULL::text) IS NULL
----
E'a''b\\c'|'42'|NULL|'1.5'|'2020-01-01'|NULL|t
tag: SELECT 1

query
SELECT id, encode(b, 'hex'), encode(b, 'base64'), encode(b, 'escape'), decode(encode(b, 'base64'), 'base64') = b, sha256(b), sha224(b), md5(b) FROM fm ORDER BY id
----
1|00ff41|AP9B|\000\377A|t|\xa90a10503fbfc95789ff38a1bb5039cb71869ab9c0eb1cb51c4a9099f2933c6b|\x59eb4b1bc9bdb2075a63917d5d4b363dd1e547d89591e01d42701dfe|d396e6af3f0989f28c5be42adadb290f
2||||t|\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|\xd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f|d41d8cd98f00b204e9800998ecf8427e
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|deadbeef|3q2+7w==|\336\255\276\357|t|\x5f78c33274e43fa9de5659265c1d917e25c03722dcb0b8d27db8d5feaa813953|\x55b9eee5f60cc362ddc07676f620372611e22272f60fdbec94f243f8|2f249230a8e7c2bf6005ccd2679259ec
tag: SELECT 4

query
SELECT encode(repeat('x', 60)::bytea, 'base64'), decode('YWJj', 'base64'), decode(E'a\\000\\\\', 'escape'), decode('61 62', 'hex'), decode('YW=j', 'base64'), decode(' YW Jj ', 'base64'), sha384(''), sha512('abc'), encode('abc', 'HEX')
----
eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4
eHh4|\x616263|\x61005c|\x6162|\x61|\x616263|\x38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b|\xddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f|616263
tag: SELECT 1

statement error 22023
SELECT decode('616', 'hex')

statement error 22023
SELECT decode('zz', 'hex')

statement error 22023
SELECT encode('a'::bytea, 'foo')

statement error 22023
SELECT decode('YWJ', 'base64')

statement error 22023
SELECT decode('Y===', 'base64')

statement error 22023
SELECT decode('YW!j', 'base64')

statement error 22P02
SELECT decode('a\x', 'escape')

query
SELECT id, to_hex(k), to_hex(k::bigint), bit_length(s), bit_length(b), translate(s, 'lo', 'L'), string_to_array(s, ' '), num_nulls(s, k, x), num_nonnulls(s, k, x) FROM fm ORDER BY id
----
1|3|3|88|24|heLL wrLd|{hello,world}|0|3
2|fffffffe|fffffffffffffffe|88|0|f bar baz|{foo,bar,baz}|0|3
3|NULL|NULL|NULL|NULL|NULL|NULL|3|0
4|0|0|24|32|a
b|{"a
b"}|0|3
tag: SELECT 4

query
SELECT to_hex(255), to_hex(-1), to_hex(-1::bigint), to_hex(0), translate('12345', '143', 'ax'), translate('abc', '', 'x'), bit_length('é')
----
ff|ffffffff|ffffffffffffffff|0|a2x5|abc|16
tag: SELECT 1

query
SELECT string_to_array('1,2,,3', ','), string_to_array('1,2,,3', ',', ''), string_to_array('abc', NULL), string_to_array('abc', ''), string_to_array('', ','), string_to_array(NULL, ',') IS NULL, string_to_array('a-x-b', '-', 'x')
----
{1,2,"",3}|{1,2,NULL,3}|{a,b,c}|{abc}|{}|t|{a,NULL,b}
tag: SELECT 1

query
SELECT string_to_table('a,b,,c', ',', '')
----
a
b
NULL
c
tag: SELECT 4

query
SELECT num_nulls(1, NULL, 'a'), num_nonnulls(1, NULL, 'a'), num_nulls(NULL), num_nonnulls(NULL, NULL)
----
1|2|1|0
tag: SELECT 1

query
SELECT generate_series('2020-01-01'::timestamp, '2020-01-03', '1 day')
----
2020-01-01 00:00:00
2020-01-02 00:00:00
2020-01-03 00:00:00
tag: SELECT 3

query
SELECT generate_series('2020-01-31'::timestamptz, '2020-04-30', '1 month')
----
2020-01-31 00:00:00+00
2020-02-29 00:00:00+00
2020-03-29 00:00:00+00
2020-04-29 00:00:00+00
tag: SELECT 4

query
SELECT generate_series('2020-01-03'::timestamp, '2020-01-01', '-12 hours')
----
2020-01-03 00:00:00
2020-01-02 12:00:00
2020-01-02 00:00:00
2020-01-01 12:00:00
2020-01-01 00:00:00
tag: SELECT 5

query
SELECT generate_series('2020-01-01'::date, '2020-01-03'::date, '1 day')
----
2020-01-01 00:00:00+00
2020-01-02 00:00:00+00
2020-01-03 00:00:00+00
tag: SELECT 3

query
SELECT x, pg_typeof(x) FROM generate_series(1.5, 3, 0.5) AS g(x)
----
1.5|numeric
2.0|numeric
2.5|numeric
3.0|numeric
tag: SELECT 4

query
SELECT generate_series(1, 3.5), generate_series(1, 2, 0.25)
----
1|1
2|1.25
3|1.50
NULL|1.75
NULL|2.00
tag: SELECT 5

query
SELECT generate_series(5::numeric, 1, -1.5)
----
5
3.5
2.0
tag: SELECT 3

query
SELECT generate_series('2020-01-01'::timestamp, 'infinity', '1 day') LIMIT 2
----
2020-01-01 00:00:00
2020-01-02 00:00:00
tag: SELECT 2

statement error 22023
SELECT generate_series('2020-01-01'::timestamp, '2020-01-03', '0 day')

statement error 22023
SELECT generate_series('nan'::numeric, 3)

statement error 22023
SELECT generate_series(1, 'infinity'::numeric)

statement error 22023
SELECT generate_series(1::numeric, 3, 0)
