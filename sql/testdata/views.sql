# Views: CREATE [OR REPLACE] VIEW, DROP VIEW, ALTER VIEW RENAME, reading views alone, joined,
# filtered and stacked, their columns and the dependency checks, as PostgreSQL 15 answers.
statement ok
CREATE TABLE t (id int PRIMARY KEY, name varchar(10), price numeric(8,2), qty int)

statement ok
INSERT INTO t VALUES (1, 'apple', 1.50, 10), (2, 'pear', 2.25, 0), (3, 'plum', 0.75, 7)

statement ok
CREATE VIEW v1 AS SELECT 1

query
SELECT * FROM v1
----
1
tag: SELECT 1

statement ok
CREATE VIEW instock AS SELECT * FROM t WHERE qty > 0

query
SELECT * FROM instock ORDER BY id
----
1|apple|1.50|10
3|plum|0.75|7
tag: SELECT 2

query
SELECT name FROM instock WHERE price > 1 ORDER BY name
----
apple
tag: SELECT 1

statement ok
CREATE VIEW totals (item, total) AS SELECT name, price * qty FROM t

query
SELECT item, total FROM totals ORDER BY total DESC, item
----
apple|15.00
plum|5.25
pear|0.00
tag: SELECT 3

query
SELECT i.name, tt.total FROM instock i JOIN totals tt ON tt.item = i.name ORDER BY 1
----
apple|15.00
plum|5.25
tag: SELECT 2

statement ok
CREATE VIEW cheap AS SELECT id, name FROM instock WHERE price < 1

query
SELECT * FROM cheap
----
3|plum
tag: SELECT 1

query
SELECT c.name, t.qty FROM cheap c, t WHERE c.id = t.id
----
plum|7
tag: SELECT 1

query
SELECT count(*), sum(total) FROM totals
----
3|20.25
tag: SELECT 1

query
SELECT a FROM v1
----
error 42703: column "a" does not exist

query
WITH t AS (SELECT 42 AS id) SELECT id FROM cheap
----
3
tag: SELECT 1

# * was expanded at CREATE: a column added to the table is not the view's.
statement ok
ALTER TABLE t ADD COLUMN note text

query
SELECT * FROM instock WHERE id = 1
----
1|apple|1.50|10
tag: SELECT 1

statement error 42P07
CREATE VIEW instock AS SELECT 2

statement error 42P07
CREATE VIEW t AS SELECT 2

statement error 42P07
CREATE TABLE instock (a int)

statement error 42809
CREATE OR REPLACE VIEW t AS SELECT 2

statement error 42601
CREATE VIEW v2 (a, b) AS SELECT 1

statement error 42701
CREATE VIEW v2 (a, a) AS SELECT 1, 2

statement error 42701
CREATE VIEW v2 AS SELECT 1 AS a, 2 AS a

statement error 42P01
CREATE VIEW v2 AS SELECT * FROM nope

statement error 42703
CREATE VIEW v2 AS SELECT nope FROM t

statement ok
CREATE VIEW v2 (a) AS SELECT 1, 2

query
SELECT * FROM v2
----
1|2
tag: SELECT 1

# CREATE OR REPLACE keeps the columns, may add some at the end.
statement ok
CREATE OR REPLACE VIEW v1 AS SELECT 5 AS "?column?", 'x' AS extra

query
SELECT * FROM v1
----
5|x
tag: SELECT 1

statement error 42P16
CREATE OR REPLACE VIEW v1 AS SELECT 5 AS other, 'x' AS extra

statement error 42P16
CREATE OR REPLACE VIEW v1 AS SELECT 'a' AS "?column?", 'x' AS extra

statement error 42P16
CREATE OR REPLACE VIEW v1 AS SELECT 5 AS "?column?"

# Writing into a view: a view of one table is updatable, its plain columns writable.
statement ok
INSERT INTO instock VALUES (9, 'fig', 1, 1)

statement ok
INSERT INTO instock (name, id) VALUES ('kiwi', 10)

query
SELECT id, name, price, qty, note FROM t WHERE id >= 9 ORDER BY id
----
9|fig|1.00|1|NULL
10|kiwi|NULL|NULL|NULL
tag: SELECT 2

query
SELECT id FROM instock WHERE id >= 9 ORDER BY id
----
9
tag: SELECT 1

statement ok
UPDATE instock SET qty = qty + 1 WHERE name = 'fig'

query
UPDATE instock SET qty = 5 WHERE name = 'pear'
----
tag: UPDATE 0

statement ok
UPDATE instock i SET price = i.price * 2 WHERE i.id = 9

query
SELECT id, price, qty FROM t WHERE id IN (2, 9) ORDER BY id
----
2|2.25|0
9|2.00|2
tag: SELECT 2

statement error 0A000
INSERT INTO totals VALUES ('fig', 1)

statement error 23502
INSERT INTO totals VALUES ('date')

statement error 0A000
UPDATE totals SET total = 1

query
UPDATE totals SET item = 'Kiwi' WHERE item = 'kiwi' AND total IS NULL
----
tag: UPDATE 1

query
DELETE FROM totals WHERE total IS NULL
----
tag: DELETE 1

query
DELETE FROM instock WHERE id >= 9
----
tag: DELETE 1

statement error 42703
UPDATE instock SET nope = 1

statement error 42703
UPDATE instock SET qty = 1 WHERE note IS NULL

statement error 42P01
DELETE FROM instock WHERE t.id = 1

query
SELECT count(*) FROM t
----
3
tag: SELECT 1

query
UPDATE instock SET qty = qty WHERE id = 1 RETURNING id, qty
----
1|10
tag: UPDATE 1

statement ok
CREATE VIEW instock2 AS SELECT id, qty FROM instock

query
UPDATE instock2 SET qty = qty WHERE id = 1
----
tag: UPDATE 1

statement ok
DROP VIEW instock2

statement ok
CREATE VIEW counted AS SELECT count(*) AS n FROM t

statement error 55000
INSERT INTO counted VALUES (1)

statement error 55000
UPDATE counted SET n = 1

statement error 55000
DELETE FROM counted

statement ok
DROP VIEW counted

# Dependencies.
statement error 2BP01
DROP TABLE t

statement error 2BP01
DROP VIEW instock

statement error 42809
DROP TABLE instock

statement error 42809
DROP VIEW t

statement error 42P01
DROP VIEW nope

statement ok
DROP VIEW IF EXISTS nope, v2

statement error 42P01
SELECT * FROM v2

statement ok
DROP VIEW instock CASCADE

statement error 42P01
SELECT * FROM cheap

statement ok
ALTER VIEW totals RENAME TO sums

query
SELECT count(*) FROM sums
----
3
tag: SELECT 1

statement error 42P01
SELECT * FROM totals

# Catalogs.
query
SELECT relname, relkind FROM pg_class WHERE relname IN ('sums', 'v1', 't') ORDER BY relname
----
sums|v
t|r
v1|v
tag: SELECT 3

query
SELECT viewname, viewowner IS NOT NULL FROM pg_views WHERE schemaname = 'public' ORDER BY 1
----
sums|t
v1|t
tag: SELECT 2

query
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
----
sums|VIEW
t|BASE TABLE
v1|VIEW
tag: SELECT 3

query
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1
----
sums|YES|YES
v1|NO|NO
tag: SELECT 2

query
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('sums', 'v1') ORDER BY 1, ordinal_position
----
sums|item|character varying
sums|total|numeric
v1|?column?|integer
v1|extra|text
tag: SELECT 4

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'sums' ORDER BY a.attnum
----
item|character varying(10)
total|numeric
tag: SELECT 2

statement ok
CREATE VIEW named AS SELECT id, name, price FROM t

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'named' ORDER BY a.attnum
----
id|integer
name|character varying(10)
price|numeric(8,2)
tag: SELECT 3

# deviation: PostgreSQL prints its deparsed query; drove the query as written
query
SELECT pg_get_viewdef('named'::regclass)
----
 SELECT id, name, price FROM t;
tag: SELECT 1

statement ok
DROP TABLE t CASCADE

query
SELECT count(*) FROM pg_views WHERE schemaname = 'public'
----
1
tag: SELECT 1

# ALTER TABLE under a view: a column the view reads cannot be dropped or change type.
statement ok
CREATE TABLE a (x int, y int, z int, w int)

statement ok
INSERT INTO a VALUES (1, 2, 3, 4)

statement ok
CREATE VIEW ax AS SELECT x, y * 2 AS y2 FROM a

statement ok
CREATE VIEW ay AS SELECT y2 FROM ax

statement error 2BP01
ALTER TABLE a DROP COLUMN x

statement error 2BP01
ALTER TABLE a DROP COLUMN y

statement ok
ALTER TABLE a DROP COLUMN z

statement ok
ALTER TABLE a ADD COLUMN v text

query
SELECT * FROM ax
----
1|4
tag: SELECT 1

query
SELECT * FROM ay
----
4
tag: SELECT 1

# deviation: PostgreSQL follows a renamed column; drove refuses (0A000)
statement error 0A000
ALTER TABLE a RENAME COLUMN x TO xx

# deviation: PostgreSQL follows a renamed table; drove refuses (0A000)
statement error 0A000
ALTER TABLE a RENAME TO b

# A view replaced or dropped under a statement the session has cached.
query
SELECT * FROM ay
----
4
tag: SELECT 1

statement ok
CREATE OR REPLACE VIEW ax AS SELECT x, y * 3 AS y2 FROM a

query
SELECT * FROM ay
----
6
tag: SELECT 1

# Views that read each other fail when read, as in PostgreSQL.
statement ok
CREATE VIEW c1 AS SELECT 1 AS k

statement ok
CREATE VIEW c2 AS SELECT k FROM c1

statement ok
CREATE OR REPLACE VIEW c1 AS SELECT k FROM c2

statement error 42P17
SELECT * FROM c2

statement error 42P02
CREATE VIEW bad AS SELECT $1

statement error 42601
CREATE VIEW bad AS INSERT INTO a VALUES (1)

statement error 2BP01
DROP VIEW c1

statement ok
DROP VIEW c1 CASCADE

query
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1
----
ax
ay
v1
tag: SELECT 3

statement ok
DROP TABLE a CASCADE

# A view created in a transaction that rolls back is gone with it.
statement ok
CREATE TABLE r (a int)

statement ok
BEGIN

statement ok
CREATE VIEW rv AS SELECT a FROM r

statement ok
CREATE TABLE r2 (b int)

statement ok
CREATE VIEW rv2 AS SELECT a, b FROM r, r2

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM rv

statement error 42P01
SELECT * FROM rv2

statement ok
BEGIN

statement ok
CREATE VIEW rv AS SELECT a FROM r

statement ok
COMMIT

query
SELECT count(*) FROM rv
----
0
tag: SELECT 1

# Conditions on views: the same rows whether or not they go into the view's query.
statement ok
CREATE TABLE p (id int PRIMARY KEY, v int)

statement ok
INSERT INTO p VALUES (1, 1), (2, 1), (3, 2), (4, 3)

statement ok
CREATE VIEW pv AS SELECT * FROM p WHERE v > 0

statement ok
CREATE VIEW pl AS SELECT id, v FROM p ORDER BY id LIMIT 2

statement ok
CREATE VIEW pd AS SELECT DISTINCT v FROM p

statement ok
CREATE VIEW pw AS SELECT id, sum(v) OVER (ORDER BY id) AS running FROM p

query
SELECT * FROM pl WHERE id = 3
----
tag: SELECT 0

query
SELECT * FROM pd WHERE v = 1
----
1
tag: SELECT 1

query
SELECT running FROM pw WHERE id = 3
----
4
tag: SELECT 1

query
SELECT p.id, x.v FROM p LEFT JOIN pv x ON x.id = p.id AND x.v > 1 ORDER BY 1
----
1|NULL
2|NULL
3|2
4|3
tag: SELECT 4

query
SELECT id FROM p WHERE EXISTS (SELECT 1 FROM pv WHERE pv.id = p.id AND pv.v > 1) ORDER BY 1
----
3
4
tag: SELECT 2

query
SELECT a.id, b.id FROM pv a JOIN pv b ON a.v = b.v WHERE a.id = 1 ORDER BY 2
----
1|1
1|2
tag: SELECT 2

query
SELECT id FROM pv WHERE id IN (2, 4) OR v = 2 ORDER BY 1
----
2
3
4
tag: SELECT 3

statement ok
PREPARE pvq (int) AS SELECT v FROM pv WHERE id = $1

query
EXECUTE pvq (4)
----
3
tag: SELECT 1

statement ok
DROP TABLE p CASCADE
