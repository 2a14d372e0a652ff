# The jsonpath type: PostgreSQL 15's normalised output, its scanner's and parser's errors. The
# paths are PostgreSQL's regression suite's (jsonpath.sql) and the grammar's corners.
query
select '$'::jsonpath
----
$
tag: SELECT 1

query
select 'strict $'::jsonpath
----
strict $
tag: SELECT 1

query
select 'lax $'::jsonpath
----
$
tag: SELECT 1

query
select '$.a'::jsonpath
----
$."a"
tag: SELECT 1

query
select '$.a.v'::jsonpath
----
$."a"."v"
tag: SELECT 1

query
select '$.a.*'::jsonpath
----
$."a".*
tag: SELECT 1

query
select '$.*[*]'::jsonpath
----
$.*[*]
tag: SELECT 1

query
select '$.a[*]'::jsonpath
----
$."a"[*]
tag: SELECT 1

query
select '$.a[*][*]'::jsonpath
----
$."a"[*][*]
tag: SELECT 1

query
select '$[*]'::jsonpath
----
$[*]
tag: SELECT 1

query
select '$[0]'::jsonpath
----
$[0]
tag: SELECT 1

query
select '$[*][0]'::jsonpath
----
$[*][0]
tag: SELECT 1

query
select '$[*].a'::jsonpath
----
$[*]."a"
tag: SELECT 1

query
select '$[*][0].a.b'::jsonpath
----
$[*][0]."a"."b"
tag: SELECT 1

query
select '$.a.**.b'::jsonpath
----
$."a".**."b"
tag: SELECT 1

query
select '$.a.**{2}.b'::jsonpath
----
$."a".**{2}."b"
tag: SELECT 1

query
select '$.a.**{2 to 2}.b'::jsonpath
----
$."a".**{2}."b"
tag: SELECT 1

query
select '$.a.**{2 to 5}.b'::jsonpath
----
$."a".**{2 to 5}."b"
tag: SELECT 1

query
select '$.a.**{0 to 5}.b'::jsonpath
----
$."a".**{0 to 5}."b"
tag: SELECT 1

query
select '$.a.**{5 to last}.b'::jsonpath
----
$."a".**{5 to last}."b"
tag: SELECT 1

query
select '$.a.**{last}.b'::jsonpath
----
$."a".**{last}."b"
tag: SELECT 1

query
select '$.a.**{last to 5}.b'::jsonpath
----
$."a".**{last to 5}."b"
tag: SELECT 1

query
select '$+1'::jsonpath
----
($ + 1)
tag: SELECT 1

query
select '$-1'::jsonpath
----
($ - 1)
tag: SELECT 1

query
select '$--+1'::jsonpath
----
($ - -1)
tag: SELECT 1

query
select '$.a/+-1'::jsonpath
----
($."a" / -1)
tag: SELECT 1

query
select '1 * 2 + 4 % -3 != false'::jsonpath
----
(1 * 2 + 4 % -3 != false)
tag: SELECT 1

query
select '"\b\f\r\n\t\v\"\''\\"'::jsonpath
----
"\b\f\r\n\t\u000b\"'\\"
tag: SELECT 1

query
select '"\x50\u0067\u{53}\u{051}\u{00004C}"'::jsonpath
----
"PgSQL"
tag: SELECT 1

query
select '$.foo\x50\u0067\u{53}\u{051}\u{00004C}\t\"bar'::jsonpath
----
$."fooPgSQL\t\"bar"
tag: SELECT 1

query
select '$.g ? ($.a == 1)'::jsonpath
----
$."g"?($."a" == 1)
tag: SELECT 1

query
select '$.g ? (@ == 1)'::jsonpath
----
$."g"?(@ == 1)
tag: SELECT 1

query
select '$.g ? (@.a == 1)'::jsonpath
----
$."g"?(@."a" == 1)
tag: SELECT 1

query
select '$.g ? (@.a == 1 || @.a == 4)'::jsonpath
----
$."g"?(@."a" == 1 || @."a" == 4)
tag: SELECT 1

query
select '$.g ? (@.a == 1 && @.a == 4)'::jsonpath
----
$."g"?(@."a" == 1 && @."a" == 4)
tag: SELECT 1

query
select '$.g ? (@.a == 1 || @.a == 4 && @.b == 7)'::jsonpath
----
$."g"?(@."a" == 1 || @."a" == 4 && @."b" == 7)
tag: SELECT 1

query
select '$.g ? (@.a == 1 || !(@.a == 4) && @.b == 7)'::jsonpath
----
$."g"?(@."a" == 1 || !(@."a" == 4) && @."b" == 7)
tag: SELECT 1

query
select '$.g ? (@.a == 1 || !(@.x >= 123 || @.a == 4) && @.b == 7)'::jsonpath
----
$."g"?(@."a" == 1 || !(@."x" >= 123 || @."a" == 4) && @."b" == 7)
tag: SELECT 1

query
select '$.g ? (@.x >= @[*]?(@.a > "abc"))'::jsonpath
----
$."g"?(@."x" >= @[*]?(@."a" > "abc"))
tag: SELECT 1

query
select '$.g ? ((@.x >= 123 || @.a == 4) is unknown)'::jsonpath
----
$."g"?((@."x" >= 123 || @."a" == 4) is unknown)
tag: SELECT 1

query
select '$.g ? (exists (@.x))'::jsonpath
----
$."g"?(exists (@."x"))
tag: SELECT 1

query
select '$.g ? (exists (@.x ? (@ == 14)))'::jsonpath
----
$."g"?(exists (@."x"?(@ == 14)))
tag: SELECT 1

query
select '$.g ? ((@.x >= 123 || @.a == 4) && exists (@.x ? (@ == 14)))'::jsonpath
----
$."g"?((@."x" >= 123 || @."a" == 4) && exists (@."x"?(@ == 14)))
tag: SELECT 1

query
select '$.g ? (+@.x >= +-(+@.a + 2))'::jsonpath
----
$."g"?(+@."x" >= +(-(+@."a" + 2)))
tag: SELECT 1

query
select '$a'::jsonpath
----
$"a"
tag: SELECT 1

query
select '$a.b'::jsonpath
----
$"a"."b"
tag: SELECT 1

query
select '$a[*]'::jsonpath
----
$"a"[*]
tag: SELECT 1

query
select '$.g ? (@.zip == $zip)'::jsonpath
----
$."g"?(@."zip" == $"zip")
tag: SELECT 1

query
select '$.a[1,2, 3 to 16]'::jsonpath
----
$."a"[1,2,3 to 16]
tag: SELECT 1

query
select '$.a[$a + 1, ($b[*]) to -($[0] * 2)]'::jsonpath
----
$."a"[$"a" + 1,$"b"[*] to -($[0] * 2)]
tag: SELECT 1

query
select '$.a[$.a.size() - 3]'::jsonpath
----
$."a"[$."a".size() - 3]
tag: SELECT 1

statement error 42601
select 'last'::jsonpath

query
select '"last"'::jsonpath
----
"last"
tag: SELECT 1

query
select '$.last'::jsonpath
----
$."last"
tag: SELECT 1

statement error 42601
select '$ ? (last > 0)'::jsonpath

query
select '$[last]'::jsonpath
----
$[last]
tag: SELECT 1

query
select '$[$[0] ? (last > 0)]'::jsonpath
----
$[$[0]?(last > 0)]
tag: SELECT 1

query
select 'null.type()'::jsonpath
----
null.type()
tag: SELECT 1

statement error 42601
select '1.type()'::jsonpath

query
select '(1).type()'::jsonpath
----
(1).type()
tag: SELECT 1

query
select '1.2.type()'::jsonpath
----
(1.2).type()
tag: SELECT 1

query
select '"aaa".type()'::jsonpath
----
"aaa".type()
tag: SELECT 1

query
select 'true.type()'::jsonpath
----
true.type()
tag: SELECT 1

query
select '$.double().floor().ceiling().abs()'::jsonpath
----
$.double().floor().ceiling().abs()
tag: SELECT 1

query
select '$.keyvalue().key'::jsonpath
----
$.keyvalue()."key"
tag: SELECT 1

query
select '$ ? (@ starts with "abc")'::jsonpath
----
$?(@ starts with "abc")
tag: SELECT 1

query
select '$ ? (@ starts with $var)'::jsonpath
----
$?(@ starts with $"var")
tag: SELECT 1

statement error 2201B
select '$ ? (@ like_regex "(invalid pattern")'::jsonpath

query
select '$ ? (@ like_regex "pattern")'::jsonpath
----
$?(@ like_regex "pattern")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "")'::jsonpath
----
$?(@ like_regex "pattern")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "i")'::jsonpath
----
$?(@ like_regex "pattern" flag "i")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "is")'::jsonpath
----
$?(@ like_regex "pattern" flag "is")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "isim")'::jsonpath
----
$?(@ like_regex "pattern" flag "ism")
tag: SELECT 1

statement error 0A000
select '$ ? (@ like_regex "pattern" flag "xsms")'::jsonpath

query
select '$ ? (@ like_regex "pattern" flag "q")'::jsonpath
----
$?(@ like_regex "pattern" flag "q")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "iq")'::jsonpath
----
$?(@ like_regex "pattern" flag "iq")
tag: SELECT 1

query
select '$ ? (@ like_regex "pattern" flag "smixq")'::jsonpath
----
$?(@ like_regex "pattern" flag "ismxq")
tag: SELECT 1

statement error 42601
select '$ ? (@ like_regex "pattern" flag "a")'::jsonpath

query
select '$ < 1'::jsonpath
----
($ < 1)
tag: SELECT 1

query
select '($ < 1) || $.a.b <= $x'::jsonpath
----
($ < 1 || $."a"."b" <= $"x")
tag: SELECT 1

statement error 42601
select '@ + 1'::jsonpath

query
select '($).a.b'::jsonpath
----
$."a"."b"
tag: SELECT 1

query
select '($.a.b).c.d'::jsonpath
----
$."a"."b"."c"."d"
tag: SELECT 1

query
select '($.a.b + -$.x.y).c.d'::jsonpath
----
($."a"."b" + -$."x"."y")."c"."d"
tag: SELECT 1

query
select '(-+$.a.b).c.d'::jsonpath
----
(-(+$."a"."b"))."c"."d"
tag: SELECT 1

query
select '1 + ($.a.b + 2).c.d'::jsonpath
----
(1 + ($."a"."b" + 2)."c"."d")
tag: SELECT 1

query
select '1 + ($.a.b > 2).c.d'::jsonpath
----
(1 + ($."a"."b" > 2)."c"."d")
tag: SELECT 1

query
select '($)'::jsonpath
----
$
tag: SELECT 1

query
select '(($))'::jsonpath
----
$
tag: SELECT 1

query
select '((($ + 1)).a + ((2)).b ? ((((@ > 1)) || (exists(@.c)))))'::jsonpath
----
(($ + 1)."a" + (2)."b"?(@ > 1 || exists (@."c")))
tag: SELECT 1

query
select '$ ? (@.a < 1)'::jsonpath
----
$?(@."a" < 1)
tag: SELECT 1

query
select '$ ? (@.a < -1)'::jsonpath
----
$?(@."a" < -1)
tag: SELECT 1

query
select '$ ? (@.a < +1)'::jsonpath
----
$?(@."a" < 1)
tag: SELECT 1

query
select '$ ? (@.a < .1)'::jsonpath
----
$?(@."a" < 0.1)
tag: SELECT 1

query
select '$ ? (@.a < -.1)'::jsonpath
----
$?(@."a" < -0.1)
tag: SELECT 1

query
select '$ ? (@.a < +.1)'::jsonpath
----
$?(@."a" < 0.1)
tag: SELECT 1

query
select '$ ? (@.a < 0.1)'::jsonpath
----
$?(@."a" < 0.1)
tag: SELECT 1

query
select '$ ? (@.a < -0.1)'::jsonpath
----
$?(@."a" < -0.1)
tag: SELECT 1

query
select '$ ? (@.a < 10.1)'::jsonpath
----
$?(@."a" < 10.1)
tag: SELECT 1

query
select '$ ? (@.a < 1e1)'::jsonpath
----
$?(@."a" < 10)
tag: SELECT 1

query
select '$ ? (@.a < -1e1)'::jsonpath
----
$?(@."a" < -10)
tag: SELECT 1

query
select '$ ? (@.a < .1e1)'::jsonpath
----
$?(@."a" < 1)
tag: SELECT 1

query
select '$ ? (@.a < -.1e1)'::jsonpath
----
$?(@."a" < -1)
tag: SELECT 1

query
select '$ ? (@.a < 0.1e1)'::jsonpath
----
$?(@."a" < 1)
tag: SELECT 1

query
select '$ ? (@.a < 10.1e1)'::jsonpath
----
$?(@."a" < 101)
tag: SELECT 1

query
select '$ ? (@.a < -10.1e1)'::jsonpath
----
$?(@."a" < -101)
tag: SELECT 1

query
select '$ ? (@.a < 1e-1)'::jsonpath
----
$?(@."a" < 0.1)
tag: SELECT 1

query
select '$ ? (@.a < .1e-1)'::jsonpath
----
$?(@."a" < 0.01)
tag: SELECT 1

query
select '$ ? (@.a < -0.1e-1)'::jsonpath
----
$?(@."a" < -0.01)
tag: SELECT 1

query
select '$ ? (@.a < +10.1e-1)'::jsonpath
----
$?(@."a" < 1.01)
tag: SELECT 1

query
select '$ ? (@.a < 1e+1)'::jsonpath
----
$?(@."a" < 10)
tag: SELECT 1

query
select '$ ? (@.a < +.1e+1)'::jsonpath
----
$?(@."a" < 1)
tag: SELECT 1

query
select '$ ? (@.a < -10.1e+1)'::jsonpath
----
$?(@."a" < -101)
tag: SELECT 1

query
select '0'::jsonpath
----
0
tag: SELECT 1

statement error 42601
select '00'::jsonpath

query
select '0.0'::jsonpath
----
0.0
tag: SELECT 1

query
select '0.000'::jsonpath
----
0.000
tag: SELECT 1

query
select '0.000e1'::jsonpath
----
0.00
tag: SELECT 1

query
select '0.000e2'::jsonpath
----
0.0
tag: SELECT 1

query
select '0.000e3'::jsonpath
----
0
tag: SELECT 1

query
select '0.0010'::jsonpath
----
0.0010
tag: SELECT 1

query
select '0.0010e-1'::jsonpath
----
0.00010
tag: SELECT 1

query
select '0.0010e+1'::jsonpath
----
0.010
tag: SELECT 1

query
select '0.0010e+2'::jsonpath
----
0.10
tag: SELECT 1

query
select '.001'::jsonpath
----
0.001
tag: SELECT 1

query
select '.001e1'::jsonpath
----
0.01
tag: SELECT 1

query
select '1.'::jsonpath
----
1
tag: SELECT 1

statement error 42601
select '1.2.'::jsonpath

statement error 42601
select '1e'::jsonpath

statement error 42601
select '1.e'::jsonpath

statement error 42601
select '1.2e'::jsonpath

query
select '1.2.e'::jsonpath
----
(1.2)."e"
tag: SELECT 1

query
select '(1.2).e'::jsonpath
----
(1.2)."e"
tag: SELECT 1

query
select '1e3'::jsonpath
----
1000
tag: SELECT 1

query
select '1.e3'::jsonpath
----
1000
tag: SELECT 1

query
select '1.e3.e'::jsonpath
----
(1000)."e"
tag: SELECT 1

query
select '1.e3.e4'::jsonpath
----
(1000)."e4"
tag: SELECT 1

query
select '1.2e3'::jsonpath
----
1200
tag: SELECT 1

query
select '1.2.e3'::jsonpath
----
(1.2)."e3"
tag: SELECT 1

query
select '(1.2).e3'::jsonpath
----
(1.2)."e3"
tag: SELECT 1

query
select '1..e'::jsonpath
----
(1)."e"
tag: SELECT 1

query
select '1..e3'::jsonpath
----
(1)."e3"
tag: SELECT 1

query
select '(1.).e'::jsonpath
----
(1)."e"
tag: SELECT 1

query
select '(1.).e3'::jsonpath
----
(1)."e3"
tag: SELECT 1

query
select '1?(2>3)'::jsonpath
----
(1)?(2 > 3)
tag: SELECT 1

statement error 42601
select '0x42'::jsonpath

statement error 42601
select '0b100101'::jsonpath

statement error 42601
select '1_000'::jsonpath

statement error 42601
select '$ ? (@ > 1 2)'::jsonpath

statement error 42601
select '$.a b'::jsonpath

statement error 42601
select '$.a =='::jsonpath

statement error 42601
select '$.a + "x'::jsonpath

statement error 42601
select '$ ? (@ like_regex "a" flag "z")'::jsonpath

query
select '$.a.**{2 to 1}'::jsonpath
----
$."a".**{2 to 1}
tag: SELECT 1

statement error 42601
select '$ 1'::jsonpath

query
select '$.datetime()'::jsonpath
----
$.datetime()
tag: SELECT 1

query
select '$.datetime("HH24")'::jsonpath
----
$.datetime("HH24")
tag: SELECT 1

statement error 42601
select '$ ? (@ == 1'::jsonpath

statement error 42601
select 'strict'::jsonpath

statement error 42601
select '$[1.e]'::jsonpath

query
select '$."a b"'::jsonpath
----
$."a b"
tag: SELECT 1

statement error 42601
select '$.abc def'::jsonpath

query
select '$.a /* c */ .b'::jsonpath
----
$."a"."b"
tag: SELECT 1

query
select '$.a.datetime'::jsonpath
----
$."a"."datetime"
tag: SELECT 1

statement error 42601
select '$x y'::jsonpath

statement error 22P05
select '"\u0000"'::jsonpath

statement error 22P02
select '"\uD800"'::jsonpath

statement error 22P02
select '"\uDC00"'::jsonpath

query
select '"\uD800\uDC00"'::jsonpath
----
"𐀀"
tag: SELECT 1

query
select '"\u{1F600}"'::jsonpath
----
"😀"
tag: SELECT 1

statement error 42601
select '$.a[1 to]'::jsonpath

query
select '- 1'::jsonpath
----
-1
tag: SELECT 1

query
select '-1.5.abs()'::jsonpath
----
(-(1.5).abs())
tag: SELECT 1

statement error 42601
select '$.1a'::jsonpath

statement error 42601
select '$ ? (@.a == 1 == 2)'::jsonpath

statement error 42601
select '1 ? (last > 0)'::jsonpath

statement error 42601
select 'lax strict $'::jsonpath

query
select '$.aBs()'::jsonpath
----
$.abs()
tag: SELECT 1

query
select '$.Type()'::jsonpath
----
$.type()
tag: SELECT 1

statement error 42601
select '$."type"()'::jsonpath

statement error 42601
select '$.a.1'::jsonpath

statement error 42601
select '$.1'::jsonpath

statement error 42601
select '"\x1"'::jsonpath

statement error 42601
select '"\u12"'::jsonpath

query
select '"\q"'::jsonpath
----
"q"
tag: SELECT 1

statement error 42601
select '"abc\'::jsonpath

statement error 42601
select '$ /* abc'::jsonpath

statement error 42601
select '1e+'::jsonpath

statement error 42601
select '1.5e-'::jsonpath

statement error 42601
select '$ ? (@ == abc)'::jsonpath

statement error 42601
select '$ ? (@ == abc )'::jsonpath

query
select '$ ? (@ == $ab)'::jsonpath
----
$?(@ == $"ab")
tag: SELECT 1

statement error 42601
select '$ ? (@ == abc/*c*/)'::jsonpath

statement error 42601
select '''ab'''::jsonpath

query
select '$.''a'''::jsonpath
----
$."'a'"
tag: SELECT 1

query
select '$"x y"'::jsonpath
----
$"x y"
tag: SELECT 1

query
select '$."a\"b"'::jsonpath
----
$."a\"b"
tag: SELECT 1

query
select '$.a\u0062'::jsonpath
----
$."ab"
tag: SELECT 1

query
select '$.\u0062c'::jsonpath
----
$."bc"
tag: SELECT 1

statement error 42601
select '$.**{-1}'::jsonpath

statement error 42601
select '$.**{1.5}'::jsonpath

statement error 22003
select '$.**{4294967296}'::jsonpath

statement error 22003
select '$.**{2147483648}'::jsonpath

query
select '$.**{2147483647}'::jsonpath
----
$.**{2147483647}
tag: SELECT 1

statement error 42601
select '$[1,2 3]'::jsonpath

query
select 'true'::jsonpath
----
true
tag: SELECT 1

statement error 42601
select 'TRUE'::jsonpath

statement error 42601
select 'True.type()'::jsonpath

query
select '$.TRUE'::jsonpath
----
$."TRUE"
tag: SELECT 1

statement error 42601
select '$ ? (@ starts with 1)'::jsonpath

query
select '$ ? (!(@ > 1))'::jsonpath
----
$?(!(@ > 1))
tag: SELECT 1

query
select '$ ? (! exists(@))'::jsonpath
----
$?(!(exists (@)))
tag: SELECT 1

statement error 42601
select '$ ? (!@)'::jsonpath

statement error 42601
select '$ ? (@ > 1 is unknown)'::jsonpath

query
select '$ ? (exists(@) && !exists(@.a) || @ == 1)'::jsonpath
----
$?(exists (@) && !(exists (@."a")) || @ == 1)
tag: SELECT 1

query
select '($ > 1).a'::jsonpath
----
($ > 1)."a"
tag: SELECT 1

query
select '(1 + 2).a'::jsonpath
----
(1 + 2)."a"
tag: SELECT 1

query
select '$ == 1 + 2 * 3'::jsonpath
----
($ == 1 + 2 * 3)
tag: SELECT 1

query
select '($ + 1) * 2'::jsonpath
----
(($ + 1) * 2)
tag: SELECT 1

query
select '-(-$)'::jsonpath
----
(-(-$))
tag: SELECT 1

query
select '-$.a'::jsonpath
----
(-$."a")
tag: SELECT 1

query
select '-(1)'::jsonpath
----
-1
tag: SELECT 1

query
select '-"a"'::jsonpath
----
(-"a")
tag: SELECT 1

query
select '- -1'::jsonpath
----
1
tag: SELECT 1

query
select '+"a"'::jsonpath
----
(+"a")
tag: SELECT 1

query
select '-0'::jsonpath
----
0
tag: SELECT 1

query
select '-0.00'::jsonpath
----
0.00
tag: SELECT 1

statement error 42601
select '$ ? (@)'::jsonpath

statement error 42601
select '$ ? (1 && 2)'::jsonpath

statement error 42601
select '$ ? ((@ > 1) + 2)'::jsonpath

statement error 42601
select '$ ? (1 + (@ > 1) == 2)'::jsonpath

statement error 42601
select 'exists(@).a'::jsonpath

statement error 42601
select '$[@ > 1]'::jsonpath

statement error 42601
select '$[(@ > 1)]'::jsonpath

statement error 42601
select 'exists($ > 1)'::jsonpath

query
select '$ ? (@.a like_regex "x" && @ starts with "y")'::jsonpath
----
$?(@."a" like_regex "x" && @ starts with "y")
tag: SELECT 1

query
select '$.a like_regex "x"'::jsonpath
----
($."a" like_regex "x")
tag: SELECT 1

query
select '($.a + 1) like_regex "x"'::jsonpath
----
(($."a" + 1) like_regex "x")
tag: SELECT 1

query
select '$ ? (@ == "\u00e9\n\u0001")'::jsonpath
----
$?(@ == "é\n\u0001")
tag: SELECT 1

query
select '$.**{last to last}'::jsonpath
----
$.**{last}
tag: SELECT 1

query
select '$.**{0 to last}'::jsonpath
----
$.**
tag: SELECT 1

query
select '$.**{0}'::jsonpath
----
$.**{0}
tag: SELECT 1

query
select '$."$"'::jsonpath
----
$."$"
tag: SELECT 1

statement error 42601
select '$.$'::jsonpath

statement error 42601
select '$.@'::jsonpath

statement error 42601
select '$ = 1'::jsonpath

statement error 42601
select '$ ? (@ = 1)'::jsonpath

statement error 42601
select '$ # 1'::jsonpath

statement error 42601
select '$ ? (@.a[*] ? (@ > last))'::jsonpath

query
select '$[last - 1 to last]'::jsonpath
----
$[last - 1 to last]
tag: SELECT 1

statement error 42601
select '$ ? (@ == exists(@))'::jsonpath

query
select '$.a[*] ? (@ > 1)'::jsonpath
----
$."a"[*]?(@ > 1)
tag: SELECT 1

query
select '$.a[*] ? (@ > 1).b ? (@ < 2)'::jsonpath
----
$."a"[*]?(@ > 1)."b"?(@ < 2)
tag: SELECT 1

statement error 42601
select '$.a\'::jsonpath

query
select '$.a\z'::jsonpath
----
$."az"
tag: SELECT 1

statement error 42601
select '$"'::jsonpath

query
select '$"\u0041"'::jsonpath
----
$"A"
tag: SELECT 1

query
select '$.type().size'::jsonpath
----
$.type()."size"
tag: SELECT 1

query
select '$.keyvalue'::jsonpath
----
$."keyvalue"
tag: SELECT 1

statement error 42601
select '@'::jsonpath

query
select '$[*] ? (@ > $x && (@ < $y || !(@ like_regex "^a" flag "i")))'::jsonpath
----
$[*]?(@ > $"x" && (@ < $"y" || !(@ like_regex "^a" flag "i")))
tag: SELECT 1

query
select pg_typeof('$'::jsonpath), '$.a'::jsonpath::text, length('$.a'::jsonpath::text)
----
jsonpath|$."a"|5
tag: SELECT 1

query
select jsonpath '$.a' is null, cast('strict $[*]' as jsonpath)
----
f|strict $[*]
tag: SELECT 1

statement error 42883
select '$ ? (@ == 1)'::jsonpath = '$ ? (@ == 1)'::jsonpath

statement error 42883
select jsonb_path_query('[1,2]', '$[*]' || ' ? (@ > 1)')
