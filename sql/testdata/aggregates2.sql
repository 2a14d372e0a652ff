# Aggregates with ORDER BY and DISTINCT inside the call, ordered-set aggregates (WITHIN
# GROUP), boolean and bitwise aggregates, variances and the two-variable statistics, as
# PostgreSQL 15.
statement ok
CREATE TABLE m (id int PRIMARY KEY, g int, a int, s text, f float8, n numeric, b smallint, big bigint, ok bool, ch char(3))

statement ok
INSERT INTO m VALUES (1, 1, 5, 'pear', 1.5, 1.25, 3, 10, true, 'a'), (2, 1, 2, 'apple', 2.25, 2.5, 6, 12, true, 'b'), (3, 2, 9, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 2, 2, 'fig', 4, 3, 5, 7, false, 'c'), (5, 2, 7, 'kiwi', -1.5, 0.125, 12, 3, true, 'a'), (6, 3, NULL, 'date', 10, 10, 1, 1, false, 'd')

query
SELECT array_agg(a ORDER BY a DESC), array_agg(a ORDER BY a NULLS FIRST), array_agg(DISTINCT a ORDER BY a), array_agg(DISTINCT a) FROM m
----
{NULL,9,7,5,2,2}|{NULL,2,2,5,7,9}|{2,5,7,9,NULL}|{2,5,7,9,NULL}
tag: SELECT 1

query
SELECT g, array_agg(s ORDER BY s), array_agg(id ORDER BY a DESC NULLS LAST, id) FROM m GROUP BY g ORDER BY g
----
1|{apple,pear}|{1,2}
2|{fig,kiwi,NULL}|{3,5,4}
3|{date}|{6}
tag: SELECT 3

query
SELECT string_agg(s, ',' ORDER BY s), string_agg(DISTINCT s, '-' ORDER BY s DESC), string_agg(s, ';' ORDER BY id DESC) FROM m
----
apple,date,fig,kiwi,pear|pear-kiwi-fig-date-apple|date;kiwi;fig;apple;pear
tag: SELECT 1

query
SELECT g, string_agg(s, ', ' ORDER BY a, s) FILTER (WHERE a > 2) FROM m GROUP BY g ORDER BY g
----
1|pear
2|kiwi
3|NULL
tag: SELECT 3

query
SELECT string_agg(s, NULL ORDER BY s), string_agg(s, s ORDER BY id), string_agg(ch, '|' ORDER BY ch) FROM m
----
appledatefigkiwipear|pearappleapplefigfigkiwikiwidatedate|a|a|b|c|d
tag: SELECT 1

query
SELECT json_agg(a ORDER BY id DESC), jsonb_agg(s ORDER BY s NULLS FIRST), jsonb_agg(DISTINCT g ORDER BY g DESC) FROM m
----
[null, 7, 2, 9, 2, 5]|[null, "apple", "date", "fig", "kiwi", "pear"]|[3, 2, 1]
tag: SELECT 1

query
SELECT array_agg(a) FROM m WHERE false
----
NULL
tag: SELECT 1

query
SELECT array_agg(a ORDER BY s) AS x FROM m
----
{2,NULL,2,7,5,9}
tag: SELECT 1

statement error 42P10
SELECT array_agg(DISTINCT a ORDER BY id) FROM m

statement error 42803
SELECT array_agg(sum(a) ORDER BY a) FROM m

query
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY a), percentile_disc(0.5) WITHIN GROUP (ORDER BY a), mode() WITHIN GROUP (ORDER BY a) FROM m GROUP BY g ORDER BY g
----
1|3.5|2|2
2|7|7|2
3|NULL|NULL|NULL
tag: SELECT 3

query
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY f), percentile_cont(0.9) WITHIN GROUP (ORDER BY n DESC), percentile_disc(0.1) WITHIN GROUP (ORDER BY s), percentile_disc(1) WITHIN GROUP (ORDER BY f DESC) FROM m
----
1.5|0.575|apple|-1.5
tag: SELECT 1

query
SELECT percentile_cont(0) WITHIN GROUP (ORDER BY a), percentile_cont(1) WITHIN GROUP (ORDER BY a), percentile_disc(0) WITHIN GROUP (ORDER BY a), mode() WITHIN GROUP (ORDER BY s DESC) FROM m
----
2|9|2|pear
tag: SELECT 1

query
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY a), percentile_cont(0.5) WITHIN GROUP (ORDER BY a) FROM m WHERE false
----
NULL|NULL
tag: SELECT 1

query
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) FILTER (WHERE g = 2), mode() WITHIN GROUP (ORDER BY ch) FROM m
----
7|a  
tag: SELECT 1

statement error 22003
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY a) FROM m

statement error 22003
SELECT percentile_disc(-0.1) WITHIN GROUP (ORDER BY a) FROM m

statement error 42883
SELECT percentile_cont(0.5) FROM m

statement error 42883
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM m

statement error 42883
SELECT array_agg(a) WITHIN GROUP (ORDER BY a) FROM m

statement error 0A000
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) OVER () FROM m

query
SELECT g, bool_and(ok), bool_or(ok), every(a > 1), bool_and(ok) FILTER (WHERE a > 4) FROM m GROUP BY g ORDER BY g
----
1|t|t|t|t
2|f|t|t|t
3|f|f|NULL|NULL
tag: SELECT 3

query
SELECT bool_and(ok), bool_or(NOT ok) FROM m WHERE false
----
NULL|NULL
tag: SELECT 1

statement error 42883
SELECT bool_and(a) FROM m

query
SELECT bit_and(a), bit_or(a), bit_xor(a), bit_and(b), bit_or(b), bit_xor(big), bit_xor(DISTINCT a) FROM m
----
0|15|11|0|15|3|9
tag: SELECT 1

query
SELECT pg_typeof(bit_or(b)), pg_typeof(bit_and(big)), pg_typeof(bit_xor(a)) FROM m
----
smallint|bigint|integer
tag: SELECT 1

statement error 42883
SELECT bit_and(f) FROM m

query
SELECT stddev(a), stddev_samp(a), stddev_pop(a), variance(a), var_samp(a), var_pop(a) FROM m
----
3.0822070014844882|3.0822070014844882|2.7568097504180444|9.5000000000000000|9.5000000000000000|7.6000000000000000
tag: SELECT 1

query
SELECT stddev(n), stddev_pop(n), variance(n), var_pop(n), stddev(b), var_pop(big) FROM m
----
3.8689468851355403|3.4604912945996555|14.9687500000000000|11.9750000000000000|4.1593268686170843|17.0400000000000000
tag: SELECT 1

query
SELECT stddev(f), stddev_pop(f), variance(f), var_pop(f), var_samp(f::real) FROM m
----
4.264680527307995|3.8144462245521304|18.1875|14.55|18.1875
tag: SELECT 1

query
SELECT g, stddev(a), var_pop(n), variance(f), stddev_samp(DISTINCT a) FROM m GROUP BY g ORDER BY g
----
1|2.1213203435596426|0.39062500000000000000|0.28125|2.1213203435596426
2|3.6055512754639893|2.0664062500000000|15.125|3.6055512754639893
3|NULL|0|NULL|NULL
tag: SELECT 3

query
SELECT stddev(a), var_pop(a), var_samp(f) FROM m WHERE id = 1
----
NULL|0|NULL
tag: SELECT 1

query
SELECT var_pop(x), stddev(x) FROM (VALUES (1.0), (1.0), (1.0)) v(x)
----
0|0
tag: SELECT 1

query
SELECT variance(x), stddev_pop(x) FROM (VALUES (0.001), (123456.789), (-5.5)) v(x)
----
5080752556.44291100|58199.38462700
tag: SELECT 1

query
SELECT var_samp(x), stddev(x) FROM (VALUES ('NaN'::numeric), (1)) v(x)
----
NaN|NaN
tag: SELECT 1

query
SELECT pg_typeof(stddev(a)), pg_typeof(variance(f)), pg_typeof(var_pop(n)), pg_typeof(stddev(b)) FROM m
----
numeric|double precision|numeric|numeric
tag: SELECT 1

statement error 42883
SELECT stddev(s) FROM m

query
SELECT corr(a, f), covar_pop(a, f), covar_samp(a, f), regr_slope(a, f), regr_intercept(a, f), regr_count(a, f) FROM m
----
-0.9191996595231527|-3.875|-5.166666666666667|-0.9812067260138478|5.5331355093966375|4
tag: SELECT 1

query
SELECT regr_r2(a, f), regr_avgx(a, f), regr_avgy(a, f), regr_sxx(a, f), regr_syy(a, f), regr_sxy(a, f) FROM m
----
0.8449280140674801|1.5625|4|15.796874999999998|18|-15.5
tag: SELECT 1

query
SELECT g, corr(n, b), regr_slope(big, a), regr_count(a, n), covar_samp(f, n) FROM m GROUP BY g ORDER BY g
----
1|1|-0.6666666666666666|2|0.46875
2|-1|-0.8|2|7.90625
3|NULL|NULL|0|NULL
tag: SELECT 3

query
SELECT corr(x, y), regr_r2(x, y), regr_slope(x, y), regr_r2(y, x) FROM (VALUES (1, 2), (2, 2), (3, 2)) v(x, y)
----
NULL|NULL|NULL|1
tag: SELECT 1

query
SELECT regr_count(a, f), corr(a, f), covar_samp(a, f) FROM m WHERE id = 1
----
1|NULL|NULL
tag: SELECT 1

statement error 42883
SELECT corr(s, a) FROM m

query
SELECT id, stddev(a) OVER (ORDER BY id), array_agg(a) OVER (PARTITION BY g ORDER BY id), string_agg(s, ',') OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM m ORDER BY id
----
1|NULL|{5}|pear
2|2.1213203435596426|{5,2}|pear,apple
3|3.5118845842842463|{9}|apple
4|3.3166247903553998|{9,2}|fig
5|3.0822070014844882|{9,2,7}|fig,kiwi
6|3.0822070014844882|{NULL}|kiwi,date
tag: SELECT 6

query
SELECT id, bool_and(ok) OVER (ORDER BY id), bit_or(a) OVER (ORDER BY id), var_pop(f) OVER (ORDER BY id), corr(a, f) OVER (ORDER BY id) FROM m ORDER BY id
----
1|t|5|0|NULL
2|t|7|0.140625|-1
3|t|15|0.140625|-1
4|f|15|1.097222222222222|-0.7313071356019155
5|f|15|3.94921875|-0.9191996595231527
6|f|15|14.55|-0.9191996595231527
tag: SELECT 6

query
SELECT id, variance(n) OVER (PARTITION BY g), regr_count(a, f) OVER () FROM m ORDER BY id
----
1|0.78125000000000000000|4
2|0.78125000000000000000|4
3|4.1328125000000000|4
4|4.1328125000000000|4
5|4.1328125000000000|4
6|NULL|4
tag: SELECT 6

statement error 0A000
SELECT array_agg(a ORDER BY a) OVER () FROM m

statement error 0A000
SELECT array_agg(DISTINCT a) OVER () FROM m

query
SELECT g, array_agg(a ORDER BY a), stddev(a) FROM m GROUP BY g HAVING stddev(a) > 1 ORDER BY stddev(a)
----
1|{2,5}|2.1213203435596426
2|{2,7,9}|3.6055512754639893
tag: SELECT 2

# DISTINCT's ORDER BY keys are arguments however their columns are qualified; a grouped
# expression is matched with its columns qualified or not.
query
SELECT string_agg(DISTINCT m.s, ',' ORDER BY s), m.g % 2, count(*), array_agg(DISTINCT a ORDER BY m.a) FROM m GROUP BY g % 2 ORDER BY 2
----
fig,kiwi|0|3|{2,7,9}
apple,date,pear|1|3|{2,5,NULL}
tag: SELECT 2
