# Mathematical and string functions (issue 17), checked against PostgreSQL 15.
statement ok
CREATE TABLE m (id int PRIMARY KEY, x double precision, n numeric, s text, k int, b bytea)

statement ok
INSERT INTO m VALUES (1, 2, 2, 'hello world', 3, '\x00ff41'), (2, 0.25, 1.21, 'héllo', -2, ''), (3, NULL, NULL, NULL, NULL, NULL), (4, 100, 1e-10, 'a,b,,c', 0, '\xdeadbeef')

query
SELECT id, sqrt(x), exp(x), ln(x), log(x), sign(x), power(x, 2), pow(x, 0.5) FROM m ORDER BY id
----
1|1.4142135623730951|7.38905609893065|0.6931471805599453|0.3010299956639812|1|4|1.4142135623730951
2|0.5|1.2840254166877414|-1.3862943611198906|-0.6020599913279624|1|0.0625|0.5
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|10|2.6881171418161356e+43|4.605170185988092|2|1|10000|10
tag: SELECT 4

query
SELECT id, sqrt(n), exp(n), ln(n), log(n), log(2, n), sign(n), power(n, 2), pow(n, 0.5) FROM m ORDER BY id
----
1|1.414213562373095|7.3890560989306502|0.6931471805599453|0.3010299956639812|1.0000000000000000|1|4.0000000000000000|1.4142135623730950
2|1.100000000000000|3.3534846525490237|0.1906203596086497|0.0827853703164501|0.2750070474998698|1|1.4641000000000000|1.1000000000000000
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|0.000010000000000000000|1.0000000001000000|-23.025850929940457|-10.000000000000000|-33.219280948873623|1|0.0000000000000000|0.000010000000000000000
tag: SELECT 4

query
SELECT id, left(s, k), right(s, k), left(s, -k), right(s, -k), reverse(s), initcap(s), ascii(s), md5(s) FROM m ORDER BY id
----
1|hel|rld|hello wo|lo world|dlrow olleh|Hello World|104|5eb63bbbe01eeed093cb22bb8f5acdc3
2|hél|llo|hé|lo|olléh|HéLlo|104|be50e8478cf24ff3595bc7307fb91b50
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|||||c,,b,a|A,B,,C|97|e25525e3d41f57be29ab0ecf3365ba14
tag: SELECT 4

query
SELECT id, lpad(s, 8), rpad(s, 8), lpad(s, 14, 'xy'), rpad(s, 14, 'xy'), lpad(s, k), repeat(s, k), strpos(s, 'l'), starts_with(s, 'he') FROM m ORDER BY id
----
1|hello wo|hello wo|xyxhello world|hello worldxyx|hel|hello worldhello worldhello world|3|t
2|   héllo|héllo   |xyxyxyxyxhéllo|hélloxyxyxyxyx|||3|f
3|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
4|  a,b,,c|a,b,,c  |xyxyxyxya,b,,c|a,b,,cxyxyxyxy|||0|f
tag: SELECT 4

query
SELECT id, octet_length(s), octet_length(b), length(b), md5(b), split_part(s, ',', 2), split_part(s, 'l', -1) FROM m ORDER BY id
----
1|11|3|3|d396e6af3f0989f28c5be42adadb290f||d
2|6|0|0|d41d8cd98f00b204e9800998ecf8427e||o
3|NULL|NULL|NULL|NULL|NULL|NULL
4|6|4|4|2f249230a8e7c2bf6005ccd2679259ec|b|a,b,,c
tag: SELECT 4

query
SELECT sqrt(2), sqrt(2::numeric), sqrt(100::numeric), sqrt(1.21), sqrt(0.0001), sqrt(1e-10), sqrt(0::numeric), sqrt(0::float8)
----
1.4142135623730951|1.414213562373095|10.000000000000000|1.100000000000000|0.01000000000000000|0.000010000000000000000|0.000000000000000|0
tag: SELECT 1

query
SELECT exp(1), exp(1::numeric), exp(0.5), exp(0::numeric), exp(-50::numeric), exp(-1000::numeric), exp(20.5)
----
2.718281828459045|2.7182818284590452|1.6487212707001281|1.0000000000000000|0.0000000000000000000001928749847963918|0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005075958897549457|799902177.47550541
tag: SELECT 1

query
SELECT ln(2), ln(2::numeric), ln(10.5), ln(1.0001), ln(1::numeric), ln(0.5), ln(1e20), ln(123456789.123)
----
0.6931471805599453|0.6931471805599453|2.3513752571634777|0.00009999500033330834|0.0000000000000000|-0.6931471805599453|46.051701859880914|18.631401767164318
tag: SELECT 1

query
SELECT log(100), log(100::numeric), log(2::numeric, 8), log(2.0, 64.0), log(0.001), log(10, 1000), log(7.5, 2.25), log(1000.0)
----
2|2.0000000000000000|3.0000000000000000|6.0000000000000000|-3.0000000000000000|3.0000000000000000|0.4024661276243884|3.0000000000000000
tag: SELECT 1

query
SELECT power(2, 10), power(2::numeric, 10), power(1.5, 3), power(2::numeric, -3), power(2.0, 0.5), power(0::numeric, 0), power(0::numeric, 2.5), power(10::numeric, -20)
----
1024|1024.0000000000000000|3.3750000000000000|0.1250000000000000|1.4142135623730950|1.0000000000000000|0.0000000000000000|0.0000000000000000
tag: SELECT 1

query
SELECT power(1.5, 3.00), power(2.5, 2.5), power(1.500, 2), power(-2::numeric, 3), power(-2.0, -3), power(2::numeric, 100), power(-8::float8, 3), power(0::float8, 0), pow(-1.5, 2)
----
3.3750000000000000|9.8821176880261854|2.2500000000000000|-8.0000000000000000|-0.1250000000000000|1267650600228229401496703205376.0000000000000000|-512|1|2.2500000000000000
tag: SELECT 1

query
SELECT power(0.9, 1000), power(1.0001, 10000.5), power(12.34, -2.5), power(10::numeric, 1000)
----
0.0000000000000000|2.7182818307240536|0.001869442452729039|10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0000000000000000
tag: SELECT 1

query
SELECT sign(-3.5), sign(-2.50), sign(0::numeric), sign(7::numeric), sign(-0.0::float8), sign(3::float8), sign(-1e300::float8)
----
-1|-1|0|1|0|1|-1
tag: SELECT 1

query
SELECT sign('NaN'::float8), sign('NaN'::numeric), sign('-Infinity'::numeric), sqrt('NaN'::numeric), sqrt('Infinity'::float8), ln('Infinity'::numeric), exp('-Infinity'::numeric), exp('-Infinity'::float8)
----
0|NaN|-1|NaN|Infinity|Infinity|0|0
tag: SELECT 1

query
SELECT power('NaN'::float8, 0), power(1::float8, 'NaN'), power('NaN'::numeric, 0), power(1::numeric, 'NaN'), power(2::numeric, 'Infinity'::numeric), power(0.5, '-Infinity'::numeric), power('-Infinity'::numeric, 3), power('Infinity'::numeric, -2)
----
1|1|1|1|Infinity|Infinity|-Infinity|0
tag: SELECT 1

query
SELECT log('Infinity'::numeric, 10), log(2, 'Infinity'::numeric), log('Infinity'::numeric, 'Infinity'::numeric), log('NaN'::numeric, 3), exp('NaN'::numeric)
----
0|Infinity|NaN|NaN|NaN
tag: SELECT 1

query
SELECT round(pi()::numeric, 10), pi() > 3.14, random() >= 0 AND random() < 1
----
3.1415926536|t|t
tag: SELECT 1

query
SELECT sqrt(NULL), exp(NULL), ln(NULL), log(NULL), log(NULL, 2), power(NULL, 2), pow(2, NULL), sign(NULL::numeric)
----
NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT left(NULL, 1), right('a', NULL), split_part('a', NULL, 1), repeat(NULL, 2), lpad('a', NULL), rpad('a', 3, NULL), reverse(NULL), initcap(NULL), chr(NULL), ascii(NULL), starts_with(NULL, 'a'), md5(NULL), octet_length(NULL), strpos(NULL, 'a')
----
NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT left('abc', 2), left('abc', -1), left('abc', -5), left('abc', 10), right('abc', 2), right('abc', -1), right('abc', -5), right('abc', 0), left('', 3)
----
ab|ab||abc|bc|bc|||
tag: SELECT 1

query
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 4), split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -3), split_part('a,b,c', ',', -4), split_part('', ',', 1), split_part('abc', '', 1), split_part('abc', '', -1), split_part('abc', '', 2), split_part('a::b', '::', 2)
----
b||c|a|||abc|abc||b
tag: SELECT 1

query
SELECT repeat('ab', 3), repeat('ab', 0), repeat('ab', -1), repeat('', 5), lpad('hi', 5), lpad('hi', 5, ''), lpad('hello', 2), rpad('hello', 2), lpad('hi', -1), rpad('héllo', 8, 'ü'), lpad('x', 6, 'abcd')
----
ababab||||   hi|hi|he|he||hélloüüü|abcdax
tag: SELECT 1

query
SELECT reverse('héllo'), reverse(''), initcap('hello wORLD foo_bar 3abc a-b'), initcap(''), chr(65), chr(233), chr(128512), ascii('A'), ascii(''), ascii('é')
----
olléh||Hello World Foo_Bar 3abc A-B||A|é|😀|65|0|233
tag: SELECT 1

query
SELECT starts_with('alphabet', 'alph'), starts_with('alphabet', ''), starts_with('', 'a'), md5(''), md5('abc'), octet_length('héllo'), octet_length(''), strpos('high', 'ig'), strpos('high', ''), strpos('héllo', 'l'), strpos('abc', 'z')
----
t|t|f|d41d8cd98f00b204e9800998ecf8427e|900150983cd24fb0d6963f7d28e17f72|6|0|2|1|3|0
tag: SELECT 1

query
SELECT md5('\x616263'::bytea), octet_length('\x0001'::bytea), length('\x'::bytea), length('héllo')
----
900150983cd24fb0d6963f7d28e17f72|2|0|5
tag: SELECT 1

query
SELECT pg_typeof(sqrt(2)), pg_typeof(sqrt(2.0)), pg_typeof(power(2, 3)), pg_typeof(power(2.0, 3)), pg_typeof(log(10)), pg_typeof(sign(1)), pg_typeof(pi()), pg_typeof(random())
----
double precision|numeric|double precision|numeric|double precision|double precision|double precision|double precision
tag: SELECT 1

query
SELECT sqrt(16::int), sqrt(16::bigint), power(2::int, 3::int), ln(10::real), log(1000::bigint), exp(1.5::real)
----
4|4|8|2.302585092994046|3|4.4816890703380645
tag: SELECT 1

query
SELECT id FROM m WHERE starts_with(s, 'h') AND strpos(s, 'o') > 0 ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT count(*) FROM m WHERE random() < 2
----
4
tag: SELECT 1

statement error 2201F
SELECT sqrt(-1)

statement error 2201F
SELECT sqrt(-1::numeric)

statement error 2201F
SELECT sqrt('-Infinity'::numeric)

statement error 2201E
SELECT ln(0)

statement error 2201E
SELECT ln(0::numeric)

statement error 2201E
SELECT ln(-1)

statement error 2201E
SELECT ln(-1::numeric)

statement error 2201E
SELECT log(0)

statement error 2201E
SELECT log(-2.5)

statement error 2201E
SELECT log(0, 10)

statement error 2201E
SELECT log(10, -1)

statement error 22012
SELECT log(1, 10)

statement error 2201F
SELECT power(0, -1)

statement error 2201F
SELECT power(0::numeric, -1)

statement error 2201F
SELECT power(0::numeric, -2.5)

statement error 2201F
SELECT power(-8, 1.0/3)

statement error 2201F
SELECT power(-8::numeric, 0.5)

statement error 2201F
SELECT power(0::numeric, '-Infinity'::numeric)

statement error 22003
SELECT exp(1000)

statement error 22003
SELECT exp(-1000)

statement error 22003
SELECT exp(10000::numeric)

statement error 22003
SELECT power(10::float8, 400)

statement error 22003
SELECT power(10::float8, -400)

statement error 22003
SELECT power(10::numeric, 200000)

statement error 22023
SELECT chr(-1)

statement error 54000
SELECT chr(0)

statement error 54000
SELECT chr(1114112)

statement error 54000
SELECT chr(55296)

statement error 22023
SELECT split_part('a,b,c', ',', 0)

statement error 54000
SELECT repeat('abc', 1000000000)

statement error 42883
SELECT left(1, 2)

statement error 42883
SELECT sqrt('a'::text)

statement error 42883
SELECT random(1)

statement error 42883
SELECT pi(1)
