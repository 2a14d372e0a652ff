# regtypes2: data types and functions of PostgreSQL 15's regression files (float4, float8,
# numeric, horology) where drove answered differently.
statement ok
SET TIME ZONE 'UTC'

# float8 -> float4 refuses what the rounded float4 cannot hold: 10e-70 underflows (once
# stored as 0), 1e300 overflows; 3.4028235e38 rounds to float4's largest.
statement error 22003
SELECT '10e-70'::float8::float4

statement error 22003
SELECT '-10e-70'::float8::float4

statement error 22003
SELECT '1e300'::float8::float4

query
SELECT '3.4028235e38'::float8::float4, '1e-40'::float8::float4, 'nan'::float8::float4, '-inf'::float8::float4
----
3.4028235e+38|1e-40|NaN|-Infinity
tag: SELECT 1

statement ok
CREATE TABLE rt2_f4 (f1 float4)

statement error 22003
INSERT INTO rt2_f4 VALUES ('10e-70'::float8)

query
SELECT count(*) FROM rt2_f4
----
0
tag: SELECT 1

# float4 operators compute in float4: a product past its range overflows, one below it
# underflows; float8 products and quotients underflow too; NaN / 0 is NaN.
statement error 22003
SELECT '3e38'::float4 * '10'::float4

statement error 22003
SELECT '1e-30'::float4 * '1e-30'::float4

statement error 22003
SELECT 1e-300::float8 * 1e-300::float8

statement error 22003
SELECT 1e-300::float8 / 1e300::float8

query
SELECT 'nan'::float4 / '0'::float4, 'nan'::float8 / '0'::float8, '1e-30'::float4 * 0::float4, 0::float8 / 1e300::float8, '1'::float8 / 'inf'::float8
----
NaN|NaN|0|0|0
tag: SELECT 1

query
SELECT '1.5'::float4 * '1.1'::float4, '16777216'::float4 + '1'::float4, '1'::float4 / '3'::float4
----
1.6500001|1.6777216e+07|0.33333334
tag: SELECT 1

statement error 22012
SELECT '1'::float8 / '0'::float8

# to_char of a float infinity or NaN spells it as PostgreSQL's snprintf does; a float4's
# "Infinity" is wider than its six digits, so its fraction goes.
query
SELECT to_char(x, 'MI9999999999.99'), to_char(x::float4, 'MI9999999999.99'), to_char(x, 'MI99.99'), to_char(x::float4, 'MI99.99')
FROM (VALUES ('inf'::float8), ('-inf'), ('nan'), ('-4.2')) v(x)
----
   Infinity|   Infinity| ##.##| ##.
-  Infinity|-  Infinity|-##.##|-##.
        NaN|        NaN| ##.##| ##.##
-         4.20|-         4.20|- 4.20|- 4.20
tag: SELECT 4

# width_bucket(float8): a count * (x - low) that overflows gives PostgreSQL 15's int4
# -2147483648, not a wider number.
query
SELECT width_bucket(10.5::float8, -1.797e308::float8, 1.797e308::float8, 2), width_bucket(10.5::float8, 1.797e308::float8, -1.797e308::float8, 3), width_bucket(5e-324::float8, 0, 5e-324::float8, 4)
----
-2147483648|-2147483648|5
tag: SELECT 1

# numeric reaches 1e131071 (131072 digits before the point): arithmetic up there works, and
# overflows only past it.
query
SELECT (9e131071 + 1) IS NOT NULL, md5((9e131071::numeric - 1)::text), md5(('9e131070'::numeric * '1.5')::text), md5(('9e131070'::numeric / 7)::text), md5(('-9e131070'::numeric / 7)::text)
----
t|6c68b7aa95dc02d333b09dcded25748d|5415945a2adf6b5ae6a56ead30be6ebc|9d888bdefd696639a96044c4caec9f89|f0a9fb3ae39370be8a407459289a1785
tag: SELECT 1

query
SELECT md5((10::numeric ^ 131071)::text), md5((-10::numeric ^ 131071)::text), md5((10.0::numeric ^ 131070)::text)
----
40346b64a9cfb1b02a7873216b5b2d36|6a0961166dc50d83aaae842250536cad|927f9ee67304815d0c13b12a17eaae81
tag: SELECT 1

statement error 22003
SELECT 9e131071 * 2

statement error 22003
SELECT 5e131071 + 5e131071

statement error 22003
SELECT 10::numeric ^ 131072

statement error 22003
SELECT 9e131071::numeric / 0.1

query
SELECT (i / (10::numeric ^ 131071))::numeric(1,0)
FROM generate_series(6 * (10::numeric ^ 131071), 9 * (10::numeric ^ 131071), 10::numeric ^ 131071) AS a(i)
----
6
7
8
9
tag: SELECT 4

# to_timestamp: TZM alone sets the zone (of TZH's sign), YYY/YY read the year nearest 2020,
# year 0 is 1 BC, 24:00 and second 60 are out of range, a field given twice differently
# conflicts, ISO and Gregorian fields do not mix.
query
SELECT to_timestamp('2011-12-18 11:38 20', 'YYYY-MM-DD HH12:MI TZM'), to_timestamp('2011-12-18 11:38 -00:30', 'YYYY-MM-DD HH12:MI TZH:TZM'), to_timestamp('2011-12-18 11:38 +05:45', 'YYYY-MM-DD HH24:MI TZH:TZM')
----
2011-12-18 11:18:00+00|2011-12-18 12:08:00+00|2011-12-18 05:53:00+00
tag: SELECT 1

query
SELECT to_timestamp('995-1116', 'YYY-MMDD'), to_timestamp('95-1116', 'YYY-MMDD'), to_timestamp('520-1116', 'YY-MMDD'), to_timestamp('5-1116', 'YY-MMDD'), to_date('111218', 'YYMMDD')
----
1995-11-16 00:00:00+00|1995-11-16 00:00:00+00|1520-11-16 00:00:00+00|2005-11-16 00:00:00+00|2011-12-18
tag: SELECT 1

query
SELECT to_date('0000-02-01', 'YYYY-MM-DD'), to_timestamp('0000-02-01', 'YYYY-MM-DD'), to_date('0000-02-01 BC', 'YYYY-MM-DD BC')
----
0001-02-01 BC|0001-02-01 00:00:00+00 BC|0001-02-01 BC
tag: SELECT 1

statement error 22008
SELECT to_timestamp('2016-06-13 15:50:60', 'YYYY-MM-DD HH24:MI:SS')

statement error 22008
SELECT to_timestamp('2011-12-18 24:00', 'YYYY-MM-DD HH24:MI')

statement error 22007
SELECT to_timestamp('2016-06-13 15:50:55', 'YYYY-MM-DD HH:MI:SS')

statement error 22007
SELECT to_timestamp('1997-11-Jan-16', 'YYYY-MM-Mon-DD')

statement error 22007
SELECT to_timestamp('1997 1998', 'YYYY YYYY')

statement error 22007
SELECT to_timestamp('1 4 1902', 'IYYY MM YYYY')

query
SELECT to_timestamp('2011 Nov 11', 'YYYY Mon MM'), to_timestamp('1997 1997', 'YYYY YYYY')
----
2011-11-01 00:00:00+00|1997-01-01 00:00:00+00
tag: SELECT 1

# "DST" after a zone moves it an hour east (MET DST is +02); a zone after it replaces it.
query
SELECT timestamptz '2001-12-27 04:05:06.789 MET DST', timestamptz '2001-12-27 04:05:06.789 MET', timestamptz '2001-07-27 04:05:06 -05 DST', timestamptz '2001-07-27 04:05:06 DST -05'
----
2001-12-27 02:05:06.789+00|2001-12-27 03:05:06.789+00|2001-07-27 08:05:06+00|2001-07-27 09:05:06+00
tag: SELECT 1

# An interval's sign takes the number after it across spaces.
query
SELECT interval '1 month - 1 second', interval '2 days - 12:34:56', interval '+ 3 hours', interval '- 1'
----
1 mon -00:00:01|2 days -12:34:56|03:00:00|-00:00:01
tag: SELECT 1

query
SELECT timestamp '1999-12-01' + interval '1 month - 1 second'
----
1999-12-31 23:59:59
tag: SELECT 1

statement error 22007
SELECT interval '- .5 day'

statement error 22007
SELECT interval '1 day -'

# json_each and json_each_text walk a json object's keys as the text has them (duplicates
# too), not sorted as jsonb keeps them; json_object_keys and json_strip_nulls likewise.
query
SELECT * FROM json_each('{"b": 1, "a": 2, "b": 3}'::json)
----
b|1
a|2
b|3
tag: SELECT 3

query
SELECT * FROM json_each_text('{"b": 1, "a": {"y": 1, "x": 2}}'::json)
----
b|1
a|{"y": 1, "x": 2}
tag: SELECT 2

query
SELECT json_object_keys('{"b": 1, "a": 2, "b": 3}'::json)
----
b
a
b
tag: SELECT 3

statement error 22023
SELECT json_object_keys('[1]'::json)

statement error 22023
SELECT json_object_keys('1'::json)

query
SELECT json_strip_nulls('{"a": 1.50, "b": null, "c": [null, {"d": null, "e" : "x\u0041\n"}], "a": true}'::json), json_strip_nulls('[1, null]'::json), json_strip_nulls('null'::json), json_strip_nulls(NULL::json)
----
{"a":1.50,"c":[null,{"e":"xA\n"}],"a":true}|[1,null]|null|NULL
tag: SELECT 1

query
SELECT json_extract_path('{"f2":{"f3":1},"f4":{"f5":99,"f6":"stringy"}}', 'f4', 'f6'), json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"stringy"}}', 'f4', 'f6')
----
"stringy"|stringy
tag: SELECT 1

query
SELECT json_extract_path('{"a": {"b" :  [1, 2]}}'::json, 'a'), json_extract_path('{"a": 1}'::json, 'x'), json_extract_path('[1,2]'::json, '1'), json_extract_path_text('{"a": {"b" :  [1, 2]}}'::json, 'a', 'b')
----
{"b" :  [1, 2]}|NULL|2|[1, 2]
tag: SELECT 1

# log10(float8) and log10(numeric).
query
SELECT log10(1000::float8), log10(1000::numeric), log10(2), log10(0.5), log10(2::float8), log10('nan'::numeric), log10('inf'::float8)
----
3|3.0000000000000000|0.3010299956639812|-0.3010299956639812|0.3010299956639812|NaN|Infinity
tag: SELECT 1

statement error 2201E
SELECT log10(0)

statement error 2201E
SELECT log10(-1::numeric)

# A repeated statement is bound again after SET TIME ZONE: its timestamptz literal is read in
# the new zone (the cached plan once kept the value read in the old one).
statement ok
SET TIME ZONE -5

query
SELECT '2012-12-12 12:00'::timestamptz, '2012-12-12 20:00+00'::timestamptz::date
----
2012-12-12 12:00:00-05|2012-12-12
tag: SELECT 1

statement ok
SET TIME ZONE 5

query
SELECT '2012-12-12 12:00'::timestamptz, '2012-12-12 20:00+00'::timestamptz::date
----
2012-12-12 12:00:00+05|2012-12-13
tag: SELECT 1

statement ok
SET TIME ZONE 'Asia/Tokyo'

query
SELECT '2012-12-12 12:00'::timestamptz, '2012-12-12 20:00+00'::timestamptz::date
----
2012-12-12 12:00:00+09|2012-12-13
tag: SELECT 1

statement ok
RESET TIME ZONE

query
SELECT '2012-12-12 12:00'::timestamptz, '2012-12-12 20:00+00'::timestamptz::date
----
2012-12-12 12:00:00+00|2012-12-12
tag: SELECT 1

# SET TIME ZONE takes a fractional number of hours east (22023 before) and refuses a week.
statement ok
SET TIME ZONE '-1.5'

query
SHOW TIME ZONE
----
<-01:30>+01:30
tag: SHOW

query
SELECT '2012-12-12 12:00'::timestamptz, '2012-12-12 12:00 America/New_York'::timestamptz, to_char('2012-12-12 12:00'::timestamptz, 'YYYY-MM-DD HH:MI:SS TZ')
----
2012-12-12 12:00:00-01:30|2012-12-12 15:30:00-01:30|2012-12-12 12:00:00 -01:30
tag: SELECT 1

statement ok
SET TIME ZONE 3.25

query
SHOW TIME ZONE
----
<+03:15>-03:15
tag: SHOW

statement ok
SET TIME ZONE 16

query
SELECT '2012-12-12 12:00+00'::timestamptz
----
2012-12-13 04:00:00+16
tag: SELECT 1

statement error 22023
SET TIME ZONE 168

statement ok
RESET TIME ZONE
