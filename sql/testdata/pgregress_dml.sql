# From PostgreSQL 15's regression tests (insert_conflict.sql, update.sql, returning.sql):
# statements drove runs, with a column named key (an unreserved word in PostgreSQL).
statement ok
create table insertconflicttest(key int4, fruit text)

statement ok
create unique index key_index on insertconflicttest(key)

statement error 42601
insert into insertconflicttest values (1, 'Apple') on conflict do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest values (1, 'Apple') on conflict (key) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest values (2, 'Orange') on conflict (key, key, key) do update set fruit = excluded.fruit

statement error 42P01
insert into insertconflicttest values (1, 'Apple') on conflict (key) do update set fruit = excluded.fruit RETURNING excluded.fruit

statement error 42703
insert into insertconflicttest values (1, 'Apple') on conflict (keyy) do update set fruit = excluded.fruit

statement error 42703
insert into insertconflicttest values (1, 'Apple') on conflict (key) do update set fruit = excluded.fruitt

statement error 42P10
insert into insertconflicttest values (3, 'Kiwi') on conflict (key, fruit) do update set fruit = excluded.fruit

statement error 42P10
insert into insertconflicttest values (5, 'Lemon') on conflict (fruit) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest AS ict values (6, 'Passionfruit') on conflict (key) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest AS ict values (6, 'Passionfruit') on conflict (key) do update set fruit = ict.fruit

statement error 42P01
insert into insertconflicttest AS ict values (6, 'Passionfruit') on conflict (key) do update set fruit = insertconflicttest.fruit

statement ok
drop index key_index

statement ok
create unique index comp_key_index on insertconflicttest(key, fruit)

statement ok
insert into insertconflicttest values (7, 'Raspberry') on conflict (key, fruit) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest values (8, 'Lime') on conflict (fruit, key) do update set fruit = excluded.fruit

statement error 42P10
insert into insertconflicttest values (9, 'Banana') on conflict (key) do update set fruit = excluded.fruit

statement ok
drop index comp_key_index

statement ok
create unique index key_index on insertconflicttest(key)

statement ok
create unique index fruit_index on insertconflicttest(fruit)

statement ok
insert into insertconflicttest values (26, 'Fig'), (27, 'Peach') on conflict (key) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest values (26, 'Fig') on conflict (key) do update set fruit = excluded.fruit

statement error 23505
insert into insertconflicttest values (26, 'Peach') on conflict (key) do update set fruit = excluded.fruit

statement ok
insert into insertconflicttest values (25, 'Fig') on conflict (fruit) do update set fruit = excluded.fruit

query
select * from insertconflicttest order by key
----
1|Apple
2|Orange
6|Passionfruit
7|Raspberry
8|Lime
26|Fig
27|Peach
tag: SELECT 7

statement ok
drop index fruit_index

query
insert into insertconflicttest as i values (23, 'Jackfruit') on conflict (key) do update set fruit = excluded.fruit where i.fruit is distinct from excluded.fruit returning *
----
23|Jackfruit
tag: INSERT 0 1

query
insert into insertconflicttest as i values (23, 'Jackfruit') on conflict (key) do update set fruit = excluded.fruit where i.fruit is distinct from excluded.fruit returning *
----
tag: INSERT 0 0

query
insert into insertconflicttest as i values (23, 'Jackfruit') on conflict (key) do update set fruit = excluded.fruit where i.fruit = excluded.fruit returning *
----
23|Jackfruit
tag: INSERT 0 1

query
select key, fruit from insertconflicttest order by key
----
1|Apple
2|Orange
6|Passionfruit
7|Raspberry
8|Lime
23|Jackfruit
26|Fig
27|Peach
tag: SELECT 8

statement ok
drop table insertconflicttest

# ALTER TABLE ... ADD COLUMN takes PostgreSQL's type names (int8 was a syntax error).
statement ok
CREATE TEMP TABLE foo (f1 serial, f2 text, f3 int default 42)

statement ok
ALTER TABLE foo ADD COLUMN f4 int8 DEFAULT 99

statement ok
ALTER TABLE foo ADD f5 int4, ADD COLUMN f6 float8

query
INSERT INTO foo (f2, f3) VALUES ('test', DEFAULT), ('More', 11), (upper('more'), 7+9) RETURNING *, f1+f3 AS sum
----
1|test|42|99|NULL|NULL|43
2|More|11|99|NULL|NULL|13
3|MORE|16|99|NULL|NULL|19
tag: INSERT 0 3

query
UPDATE foo SET f2 = lower(f2), f3 = DEFAULT RETURNING foo.*, f1+f3 AS sum13
----
1|test|42|99|NULL|NULL|43
2|more|42|99|NULL|NULL|44
3|more|42|99|NULL|NULL|45
tag: UPDATE 3

query
DELETE FROM foo WHERE f1 > 2 RETURNING f3, f2, f1, least(f1,f3)
----
42|more|3|3
tag: DELETE 1

query
WITH t AS (SELECT * FROM foo) SELECT f1, f2, f4 FROM t
----
1|test|99
2|more|99
tag: SELECT 2

# UPDATE ... FROM with a correlated subquery in SET (update.sql).
statement ok
CREATE TABLE update_test (a INT DEFAULT 10, b INT, c TEXT)

statement ok
INSERT INTO update_test VALUES (5, 10, 'foo'), (10, 15, NULL), (100, 20, 'bar')

query
UPDATE update_test t SET b = t.b + 10 WHERE t.a = 10 RETURNING a, b
----
10|25
tag: UPDATE 1

query
UPDATE update_test SET a = v.i FROM (VALUES(100, 20)) AS v(i, j) WHERE update_test.b = v.j RETURNING a, b
----
100|20
tag: UPDATE 1

query
UPDATE update_test SET c = repeat('x', 3) WHERE c = 'foo' RETURNING c, char_length(c)
----
xxx|3
tag: UPDATE 1

statement ok
UPDATE update_test o SET b = (SELECT count(*) FROM update_test i WHERE i.a <= o.a)

query
SELECT a, b, char_length(c) FROM update_test ORDER BY a, b
----
5|1|3
10|2|NULL
100|3|3
tag: SELECT 3
