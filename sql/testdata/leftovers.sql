# Divergences from PostgreSQL 15 fixed by the leftovers task: outer references in
# ordered-set aggregates' direct arguments and in GROUPING(), GROUPING() of an output alias,
# unknown functions called WITHIN GROUP, f(*) of a function that is not an aggregate.
statement ok
CREATE TABLE lo_o (id int PRIMARY KEY, f float8, g int)

statement ok
CREATE TABLE lo_t (id int PRIMARY KEY, x float8)

statement ok
INSERT INTO lo_o VALUES (1, 0.5, 1), (2, 0.25, 1), (3, 0.1, 2)

statement ok
INSERT INTO lo_t VALUES (1, 1), (2, 2), (3, 3), (4, 4)

# An ordered-set aggregate's direct argument is evaluated once per group of the aggregate's
# own query; it may read an enclosing query's row and call an enclosing query's aggregate.
query
SELECT o.id, (SELECT percentile_cont(o.f) WITHIN GROUP (ORDER BY i.x) FROM lo_t i) FROM lo_o o ORDER BY 1
----
1|2.5
2|1.75
3|1.3
tag: SELECT 3

query
SELECT sum(f), (SELECT percentile_cont(sum(o.f)) WITHIN GROUP (ORDER BY i.x) FROM lo_t i) FROM lo_o o
----
0.85|3.55
tag: SELECT 1

query
SELECT g, (SELECT percentile_disc(max(o.f)) WITHIN GROUP (ORDER BY i.x) FROM lo_t i) FROM lo_o o GROUP BY g ORDER BY g
----
1|2
2|1
tag: SELECT 2

query
SELECT (SELECT percentile_cont(max(o.f) / 2) WITHIN GROUP (ORDER BY i.x) FILTER (WHERE i.x > 1) FROM lo_t i) FROM lo_o o
----
2.5
tag: SELECT 1

statement error 42803
SELECT (SELECT percentile_cont(o.f + max(i.x)) WITHIN GROUP (ORDER BY i.x) FROM lo_t i) FROM lo_o o

# The aggregate is the enclosing query's (its WITHIN GROUP key reads only that query), so its
# direct argument may not read the subquery's columns, nor ungrouped ones.
statement error 42803
SELECT (SELECT percentile_cont(i.x / 10) WITHIN GROUP (ORDER BY o.f) FROM lo_t i) FROM lo_o o

statement error 42803
SELECT (SELECT percentile_cont(o.f) WITHIN GROUP (ORDER BY o.f) FROM lo_t i) FROM lo_o o

query
SELECT o.g, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o.f) FROM lo_t i LIMIT 1) FROM lo_o o GROUP BY o.g ORDER BY 1
----
1|0.375
2|0.1
tag: SELECT 2

# A direct argument may read a column functionally dependent on the grouped primary key.
query
SELECT id, percentile_cont(f) WITHIN GROUP (ORDER BY f) FROM lo_o GROUP BY id ORDER BY id
----
1|0.5
2|0.25
3|0.1
tag: SELECT 3

statement error 42803
SELECT g, percentile_cont(f) WITHIN GROUP (ORDER BY f) FROM lo_o GROUP BY g

# GROUPING() of an enclosing query's columns reads that query's GROUP BY.
query
SELECT o.f, (SELECT grouping(o.f) FROM lo_t i LIMIT 1) FROM lo_o o GROUP BY o.f ORDER BY 1
----
0.1|0
0.25|0
0.5|0
tag: SELECT 3

query
SELECT o.f, (SELECT grouping(o.f) FROM lo_t i LIMIT 1) FROM lo_o o GROUP BY ROLLUP (o.f) ORDER BY 1
----
0.1|0
0.25|0
0.5|0
NULL|1
tag: SELECT 4

query
SELECT o.g, o.f, (SELECT grouping(o.g, o.f) + count(*) FROM lo_t i) FROM lo_o o GROUP BY CUBE (o.g, o.f) ORDER BY 1, 2
----
1|0.25|4
1|0.5|4
1|NULL|5
2|0.1|4
2|NULL|5
NULL|0.1|6
NULL|0.25|6
NULL|0.5|6
NULL|NULL|7
tag: SELECT 9

statement error 42803
SELECT (SELECT grouping(o.f) FROM lo_t i) FROM lo_o o

statement error 42803
SELECT o.f, (SELECT grouping(o.f, i.x) FROM lo_t i GROUP BY i.x LIMIT 1) FROM lo_o o GROUP BY o.f

statement error 42803
SELECT (SELECT grouping(i.x) FROM lo_t i LIMIT 1) FROM lo_o o GROUP BY o.f

# GROUPING() reads columns, not the select list's aliases.
statement error 42703
SELECT id AS a1, sum(f) FROM lo_o GROUP BY ROLLUP (id) HAVING grouping(a1) = 0

statement error 42703
SELECT id AS a1 FROM lo_o GROUP BY id ORDER BY grouping(a1)

statement error 42703
SELECT grouping(nosuch) FROM lo_o

statement error 42803
SELECT grouping(id) FROM lo_o

# A call WITH GROUP of a function that is not an ordered-set aggregate does not exist.
statement error 42883
SELECT foo(1) WITHIN GROUP (ORDER BY x) FROM lo_t

statement error 42883
SELECT sum(1) WITHIN GROUP (ORDER BY id) FROM lo_t

statement error 42883
SELECT lower('a') WITHIN GROUP (ORDER BY x) FROM lo_t

# f(*) of a function callable without arguments: it is not an aggregate.
statement error 42809
SELECT now(*)

statement error 42809
SELECT NOW(*)

statement error 42809
SELECT random(*)

statement error 42883
SELECT lower(*)

statement error 42883
SELECT foo(*)

# SYMMETRIC and ASYMMETRIC are reserved: a column label (with or without AS), never a name.
statement error 42601
CREATE TABLE lo_sy (symmetric int)

statement error 42601
CREATE TABLE lo_sy (asymmetric int)

statement error 42601
SELECT symmetric FROM lo_o

statement error 42601
SELECT 1 FROM lo_o AS asymmetric

query
SELECT id symmetric, 2 asymmetric, 3 AS symmetric FROM lo_o WHERE id = 1
----
1|2|3
tag: SELECT 1

query
SELECT 1 BETWEEN ASYMMETRIC 0 AND 2, 1 NOT BETWEEN SYMMETRIC 2 AND 0, (SELECT 1) symmetric
----
t|f|1
tag: SELECT 1

# BETWEEN's lower bound takes neither AT TIME ZONE nor COLLATE; its upper bound takes both.
statement error 42601
SELECT timestamp '2020-01-01' BETWEEN timestamptz '2019-01-01' AT TIME ZONE 'UTC' AND timestamp '2021-01-01'

statement error 42601
SELECT timestamp '2020-01-01' BETWEEN SYMMETRIC timestamptz '2021-01-01' AT TIME ZONE 'UTC' AND timestamp '2019-01-01'

statement error 42601
SELECT 'b' BETWEEN 'a' COLLATE "C" AND 'c'

query
SELECT timestamp '2020-01-01' BETWEEN (timestamptz '2019-01-01' AT TIME ZONE 'UTC') AND timestamptz '2021-01-01' AT TIME ZONE 'UTC', 'b' BETWEEN 'a' AND 'c' COLLATE "C"
----
t|t
tag: SELECT 1

# SELECT ... INTO after a data-modifying WITH: the WITH queries run, then the query fills the
# new table.
statement ok
WITH w AS (INSERT INTO lo_o VALUES (10, 0.75, 3) RETURNING *) SELECT id, f INTO lo_new FROM w

query
SELECT * FROM lo_new
----
10|0.75
tag: SELECT 1

statement ok
WITH w AS (UPDATE lo_o SET f = f + 1 WHERE id = 1 RETURNING id, f), v AS (SELECT 5 AS k) SELECT w.*, v.k INTO TEMP lo_new2 FROM w, v

query
SELECT * FROM lo_new2
----
1|1.5|5
tag: SELECT 1

query
SELECT id, f FROM lo_o ORDER BY id
----
1|1.5
2|0.25
3|0.1
10|0.75
tag: SELECT 4

statement error 23505
WITH w AS (INSERT INTO lo_o VALUES (1, 0) RETURNING *) SELECT * INTO lo_new3 FROM w

statement error 42P01
SELECT * FROM lo_new3

statement error 42P07
WITH w AS (DELETE FROM lo_o WHERE id = 10 RETURNING *) SELECT * INTO lo_new FROM w

query
SELECT count(*) FROM lo_o WHERE id = 10
----
1
tag: SELECT 1

# Keywords as column labels without AS, as PostgreSQL 15's grammar reads them (BareColLabel).
query
SELECT 1 abort, 2 all, 3 between, 4 and, 5 case, 6 table, 7 select, 8 true, 9 null FROM lo_o WHERE id = 1
----
1|2|3|4|5|6|7|8|9
tag: SELECT 1

query
SELECT id key, f natural, g join FROM lo_o WHERE id = 2 UNION ALL SELECT 1 both, 2 default, 3 end ORDER BY 1
----
1|2|3
2|0.25|1
tag: SELECT 2

query
SELECT CASE WHEN id = 1 THEN 'a' END end, count(*) filter (WHERE true) in FROM lo_o GROUP BY id ORDER BY 1
----
a|1
NULL|1
NULL|1
NULL|1
tag: SELECT 4

query
SELECT DISTINCT ON (g) g values, id FROM lo_o ORDER BY g, id
----
1|1
2|3
3|10
tag: SELECT 3

query
INSERT INTO lo_o VALUES (20, 1, 1) RETURNING id returning_, f default, g check
----
20|1|1
tag: INSERT 0 1

query
SELECT 1::double precision, '1'::character varying, interval '1' day, interval '1' hour to minute, 1 between 0 and 2
----
1|1|1 day|00:01:00|t
tag: SELECT 1

statement error 42601
SELECT 1 year

statement error 42601
SELECT 1 array, 2

statement error 42601
SELECT id filter FROM lo_o

statement error 42601
SELECT 1 fetch
