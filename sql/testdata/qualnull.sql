# A filter (WHERE, JOIN ON, HAVING, UPDATE/DELETE WHERE) rejects a row at its first top-level
# AND conjunct that is false or NULL, as PostgreSQL's ExecQual does: the conjuncts after it,
# which may fail, are not evaluated for that row. An AND inside an expression (a select list,
# IS NOT TRUE, a CHECK constraint) is three-valued and evaluates on past a NULL.
statement ok
CREATE TABLE qn (id int PRIMARY KEY, a int, b int)

statement ok
INSERT INTO qn VALUES (1, NULL, 0), (2, 5, 0)

statement ok
CREATE TABLE qn2 (x int)

statement ok
INSERT INTO qn2 VALUES (1), (2)

query
SELECT id FROM qn WHERE a > 10 AND 1/b = 1
----
tag: SELECT 0

query
SELECT id FROM qn WHERE a BETWEEN 10 AND (SELECT x FROM qn2)
----
tag: SELECT 0

query
SELECT id FROM qn WHERE a > 10 AND (b = 0 AND 1/b = 1)
----
tag: SELECT 0

query
SELECT id FROM qn WHERE id = 1 AND a > 10 AND 1/b = 1
----
tag: SELECT 0

query
SELECT id FROM qn WHERE a IS NULL AND b = 0 AND a > 10 AND 1/b = 1
----
tag: SELECT 0

statement error 22012
SELECT a > 10 AND 1/b = 1 FROM qn

statement error 22012
SELECT id FROM qn WHERE (a > 10 AND 1/b = 1) IS NOT TRUE

statement error 22012
SELECT id FROM qn WHERE CASE WHEN a > 10 AND 1/b = 1 THEN true END

query
SELECT qn.id FROM qn JOIN qn2 ON qn.a > qn2.x + 10 AND 1/(qn.b * qn2.x) = 1
----
tag: SELECT 0

query
SELECT qn2.x, qn.id FROM qn2 LEFT JOIN qn ON qn.a > qn2.x + 10 AND 1/(qn.b * qn2.x) = 1 ORDER BY 1
----
1|NULL
2|NULL
tag: SELECT 2

query
SELECT b FROM qn GROUP BY b HAVING max(a) > 10 AND 1/min(b) = 1
----
tag: SELECT 0

query
SELECT id FROM qn WHERE a > 10 AND 1/b = 1 FOR UPDATE
----
tag: SELECT 0

statement ok
UPDATE qn SET b = 2 WHERE a > 10 AND 1/b = 1

statement ok
DELETE FROM qn WHERE a > 10 AND 1/b = 1

query
SELECT id, a, b FROM qn ORDER BY id
----
1|NULL|0
2|5|0
tag: SELECT 2

statement ok
CREATE TABLE qc (a int, b int CHECK (a > 10 AND 1/b = 1))

statement error 22012
INSERT INTO qc VALUES (NULL, 0)

statement ok
UPDATE qn SET b = 2 FROM qn2 WHERE qn.a > qn2.x + 10 AND 1/(qn.b * qn2.x) = 1

statement ok
INSERT INTO qn VALUES (1, 7, 7) ON CONFLICT (id) DO UPDATE SET b = 3 WHERE qn.a > 10 AND 1/qn.b = 1

query
SELECT id, a, b FROM qn ORDER BY id
----
1|NULL|0
2|5|0
tag: SELECT 2
