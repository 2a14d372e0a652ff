# Writing through views: WITH [LOCAL|CASCADED] CHECK OPTION and RETURNING, as PostgreSQL 15.
statement ok
CREATE TABLE t (id int PRIMARY KEY, name varchar(10), qty int, note text)

statement ok
INSERT INTO t VALUES (1, 'apple', 10, NULL), (2, 'pear', 0, 'x')

statement ok
CREATE VIEW instock AS SELECT id, name, qty FROM t WHERE qty > 0 WITH CHECK OPTION

statement ok
CREATE VIEW local_v AS SELECT id, qty FROM t WHERE qty < 100 WITH LOCAL CHECK OPTION

statement ok
CREATE VIEW casc_v AS SELECT * FROM t WHERE id < 50 WITH CASCADED CHECK OPTION

statement ok
CREATE VIEW open_v (k, n, doubled) AS SELECT id, name, qty * 2 FROM t WHERE qty > 0

statement ok
INSERT INTO instock VALUES (3, 'plum', 7)

statement error 44000
INSERT INTO instock VALUES (4, 'fig', 0)

statement error 44000
INSERT INTO instock (id, name) VALUES (4, 'fig')

statement error 44000
UPDATE instock SET qty = 0 WHERE id = 1

statement error 44000
UPDATE local_v SET qty = 100 WHERE id = 1

statement error 44000
INSERT INTO casc_v VALUES (60, 'x', 1, NULL)

statement ok
INSERT INTO casc_v VALUES (40, 'x', 1, NULL)

query
UPDATE casc_v SET qty = qty + 1 WHERE id = 40 RETURNING *
----
40|x|2|NULL
tag: UPDATE 1

statement error 44000
UPDATE casc_v SET id = 99 WHERE id = 40

statement ok
INSERT INTO open_v VALUES (5, 'kiwi')

query
UPDATE open_v SET n = 'PLUM' WHERE k = 3 RETURNING k, n, doubled
----
3|PLUM|14
tag: UPDATE 1

query
SELECT id, name, qty FROM t ORDER BY id
----
1|apple|10
2|pear|0
3|PLUM|7
5|kiwi|NULL
40|x|2
tag: SELECT 5

query
INSERT INTO instock VALUES (6, 'date', 3) RETURNING *
----
6|date|3
tag: INSERT 0 1

query
INSERT INTO instock (name, id, qty) VALUES ('lime', 7, 2), ('lemon', 8, 1) RETURNING id, upper(name) AS up, qty * 10
----
7|LIME|20
8|LEMON|10
tag: INSERT 0 2

query
UPDATE instock SET qty = qty + 1 WHERE id = 6 RETURNING instock.id, qty
----
6|4
tag: UPDATE 1

query
UPDATE instock AS s SET qty = 9 WHERE s.id = 8 RETURNING s.*, s.qty + 1 AS after
----
8|lemon|9|10
tag: UPDATE 1

query
DELETE FROM instock WHERE id = 7 RETURNING name, qty
----
lime|2
tag: DELETE 1

query
DELETE FROM open_v WHERE k = 8 RETURNING doubled, k
----
18|8
tag: DELETE 1

query
DELETE FROM instock WHERE id = 2 RETURNING *
----
tag: DELETE 0

statement error 42703
INSERT INTO instock VALUES (9, 'x', 1) RETURNING note

statement error 42P01
DELETE FROM instock WHERE id = 3 RETURNING t.id

query
SELECT id, name, qty FROM t ORDER BY id
----
1|apple|10
2|pear|0
3|PLUM|7
5|kiwi|NULL
6|date|4
40|x|2
tag: SELECT 6

# A view whose condition is NULL for the new row: the check fails (a CHECK constraint's would not).
statement error 44000
INSERT INTO instock VALUES (10, 'nul', NULL)

# DELETE is not checked; rows outside the view are not seen.
query
DELETE FROM instock WHERE id = 1
----
tag: DELETE 1

# WITH CHECK OPTION needs an automatically updatable view.
statement error 0A000
CREATE VIEW grouped AS SELECT qty, count(*) AS n FROM t GROUP BY qty WITH CHECK OPTION

statement error 0A000
CREATE VIEW joined AS SELECT a.id FROM t a, t b WHERE a.id = b.id WITH LOCAL CHECK OPTION

statement error 42601
CREATE VIEW bad AS SELECT 1 LOCAL CHECK OPTION

# A view without a WHERE always passes.
statement ok
CREATE VIEW everything AS SELECT id, qty FROM t WITH CHECK OPTION

statement ok
INSERT INTO everything VALUES (11, NULL)

# CREATE OR REPLACE changes the option.
statement ok
CREATE OR REPLACE VIEW instock AS SELECT id, name, qty FROM t WHERE qty > 0

statement ok
INSERT INTO instock VALUES (12, 'zero', 0)

statement ok
CREATE OR REPLACE VIEW instock AS SELECT id, name, qty FROM t WHERE qty > 0 WITH LOCAL CHECK OPTION

statement error 44000
INSERT INTO instock VALUES (13, 'zero', 0)

query
SELECT table_name, check_option, is_updatable FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1
----
casc_v|CASCADED|YES
everything|CASCADED|YES
instock|LOCAL|YES
local_v|LOCAL|YES
open_v|NONE|YES
tag: SELECT 5

query
SELECT relname, reloptions FROM pg_class WHERE relkind = 'v' AND relname IN ('casc_v', 'everything', 'instock', 'local_v', 'open_v') ORDER BY 1
----
casc_v|{check_option=cascaded}
everything|{check_option=cascaded}
instock|{check_option=local}
local_v|{check_option=local}
open_v|NULL
tag: SELECT 5

query
SELECT pg_get_viewdef('instock'::regclass) LIKE '%CHECK%'
----
f
tag: SELECT 1

# Views of views: written through every level; LOCAL checks the view's own condition and
# the CHECK OPTIONs below it, CASCADED every condition below it.
statement ok
CREATE TABLE b (id int PRIMARY KEY, x int, y text)

statement ok
CREATE VIEW b0 AS SELECT id, x, y FROM b WHERE x > 0

statement ok
CREATE VIEW b1 AS SELECT id AS k, x, y FROM b0 WHERE x < 100 WITH LOCAL CHECK OPTION

statement ok
CREATE VIEW b2 AS SELECT k, x FROM b1 WHERE k < 50 WITH CASCADED CHECK OPTION

statement ok
CREATE VIEW b3 AS SELECT k AS id, x FROM b1 WHERE k < 50

statement ok
CREATE VIEW b4 AS SELECT id, x FROM b3 WHERE x <> 7 WITH LOCAL CHECK OPTION

statement ok
CREATE VIEW bsum AS SELECT k, x + 1 AS x1 FROM b1

# b1 is LOCAL over b0, which has no CHECK OPTION: x <= 0 passes, x >= 100 does not.
statement ok
INSERT INTO b1 VALUES (1, -5, 'neg')

statement error 44000
INSERT INTO b1 VALUES (2, 100, 'big')

query
INSERT INTO b1 (k, x) VALUES (3, 5) RETURNING *
----
3|5|NULL
tag: INSERT 0 1

# b2 is CASCADED: b1's and b0's conditions are checked too.
statement error 44000
INSERT INTO b2 VALUES (4, -1)

statement error 44000
INSERT INTO b2 VALUES (4, 200)

statement error 44000
INSERT INTO b2 VALUES (60, 1)

query
INSERT INTO b2 VALUES (4, 2) RETURNING k, x
----
4|2
tag: INSERT 0 1

query
UPDATE b2 SET x = x + 10 WHERE k = 4 RETURNING *
----
4|12
tag: UPDATE 1

statement error 44000
UPDATE b2 SET x = 0 WHERE k = 4

# b3 has no CHECK OPTION, but b1 under it does.
statement ok
INSERT INTO b3 VALUES (70, 1)

statement error 44000
INSERT INTO b3 VALUES (71, 100)

# b4 is LOCAL over b3 (none) over b1 (LOCAL).
statement error 44000
INSERT INTO b4 VALUES (5, 7)

statement error 44000
INSERT INTO b4 VALUES (5, 500)

statement ok
INSERT INTO b4 VALUES (5, -7)

query
UPDATE b4 SET x = x * 2 WHERE id = 5 RETURNING id, x
----
tag: UPDATE 0

query
DELETE FROM b3 WHERE id IN (3, 70) RETURNING x
----
5
tag: DELETE 1

statement error 0A000
UPDATE bsum SET x1 = 1

query
UPDATE bsum SET k = 6 WHERE k = 4 RETURNING k, x1
----
6|13
tag: UPDATE 1

query
SELECT id, x, y FROM b ORDER BY id
----
1|-5|neg
5|-7|NULL
6|12|NULL
70|1|NULL
tag: SELECT 4

query
SELECT count(*) FROM t
----
7
tag: SELECT 1
