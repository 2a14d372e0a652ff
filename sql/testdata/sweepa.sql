# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (aggregates,
# groupingsets, strings, ...), recorded from PostgreSQL 15.
# An ordered-set aggregate's direct arguments read a column its grouping set does not group
# as NULL (groupingsets.sql): the grand total ranks a NULL, last with NULLS LAST.
query
SELECT grouping(a), a, array_agg(b), rank(a) WITHIN GROUP (ORDER BY b NULLS FIRST), rank(a) WITHIN GROUP (ORDER BY b NULLS LAST) FROM (VALUES (1,1),(1,4),(1,5),(3,1),(3,2)) v(a,b) GROUP BY ROLLUP (a) ORDER BY a
----
0|1|{1,4,5}|1|1
0|3|{1,2}|3|3
1|NULL|{1,4,5,1,2}|1|6
tag: SELECT 3

query
SELECT a, b, percentile_disc(0.5) WITHIN GROUP (ORDER BY c), rank(a, b) WITHIN GROUP (ORDER BY a, c), dense_rank(b+1) WITHIN GROUP (ORDER BY c) FROM (VALUES (1,1,3),(1,2,5),(2,2,7)) v(a,b,c) GROUP BY CUBE (a,b) ORDER BY 1, 2
----
1|1|3|1|1
1|2|5|1|1
1|NULL|3|3|3
2|2|7|1|1
2|NULL|7|2|2
NULL|1|3|2|1
NULL|2|5|3|1
NULL|NULL|5|4|4
tag: SELECT 8
