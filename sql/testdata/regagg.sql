# regagg: answers where drove once differed from PostgreSQL 15 on its regression suite's
# aggregates, groupingsets, select_distinct, union, case, select, boolean and strings tests.
# substr is its own function, its column named substr (not substring); ltrim and rtrim take
# the characters to trim as a second argument.
query
SELECT s.substr, s.ltrim, s.rtrim FROM (SELECT substr('abcdef', 2, 3), ltrim('zzzytrim', 'xyz'), rtrim('trimxx', 'x')) s
----
bcd|trim|trim
tag: SELECT 1

query
SELECT substr('abcdef', -1, 3), substr('abcdef', 3), substr('\x0102'::bytea, 2), SUBSTR ('abc', 2), substr(NULL, 1), ltrim('  a '), rtrim(' a  ') || '|'
----
a|cdef|\x02|bc|NULL|a | a|
tag: SELECT 1

statement error 22011
SELECT substr('abc', 1, -1)

statement error 42883
SELECT substr(1234, 2)

# substring(s SIMILAR p ESCAPE e): the part before the first escaped quote matches as little
# as it can, whatever its own quantifiers.
query
SELECT SUBSTRING('abcdefg' SIMILAR 'a*#"%#"g*' ESCAPE '#'), SUBSTRING('aaabbbccc' SIMILAR 'a{1,2}#"%#"' ESCAPE '#'), SUBSTRING('abc' SIMILAR 'a?#"%#"' ESCAPE '#'), SUBSTRING('abcdefg' SIMILAR '%#"c%#"' ESCAPE '#')
----
abcdefg|aabbbccc|abc|cdefg
tag: SELECT 1

query
SELECT SUBSTRING('a}}bc' SIMILAR '%}#"%#"' ESCAPE '#'), SUBSTRING('xxyy' SIMILAR '(x|xx)#"%#"' ESCAPE '#'), SUBSTRING('aaabbbccc' SIMILAR 'a+#"b*c*#"%' ESCAPE '#')
----
}bc|xyy|
tag: SELECT 1

# (sorted outside: PostgreSQL's planner takes a1 and a2 for one sort key, ORDER BY 1, 2 ignored)
query
select * from (select g as a1, g as a2 from generate_series(1,3) g group by a2, rollup(a1)) s order by a1, a2
----
1|1
2|2
3|3
NULL|1
NULL|2
NULL|3
tag: SELECT 6

query
select g, g from generate_series(1,3) g group by 1, rollup(2) order by 1, 2
----
1|1
1|NULL
2|2
2|NULL
3|3
3|NULL
tag: SELECT 6

query
select g+1 as x, g+1 as y, grouping(g+1), count(*) from generate_series(1,3) g group by x, cube(y) order by 1, 2
----
2|2|0|1
2|NULL|0|1
3|3|0|1
3|NULL|0|1
4|4|0|1
4|NULL|0|1
tag: SELECT 6

query
select g as a1, g as a2, sum(g) from generate_series(1,3) g group by grouping sets ((a1), (a2)) order by 1, 2
----
1|NULL|1
2|NULL|2
3|NULL|3
NULL|1|1
NULL|2|2
NULL|3|3
tag: SELECT 6

# An aggregate whose argument is a subquery reading an enclosing query's columns belongs to
# that query (aggregates.sql's "sublinks within outer-level aggregates"): one row, not one
# per row of it.
statement ok
CREATE TABLE ra_t (k int, v int)

statement ok
INSERT INTO ra_t VALUES (1, 10), (2, 20), (3, 30), (4, NULL)

query
select (select max((select i.v from ra_t i where i.k = o.k))) from ra_t o
----
30
tag: SELECT 1

query
select (select sum((select o.v))), (select count((select 1 from ra_t i where i.k = o.k limit 1))) from ra_t o
----
60|4
tag: SELECT 1

query
select o.k, (select max((select i.v from ra_t i where i.k = x.k)) from ra_t x where x.k <= o.k) from ra_t o order by 1
----
1|10
2|20
3|30
4|30
tag: SELECT 4

query
select o.k % 2, (select max((select count(*) from ra_t i where i.k % 2 = o.k % 2))) from ra_t o group by o.k % 2 order by 1
----
0|2
1|2
tag: SELECT 2
