# Cases TestDMLDifferential (dml_differential_test.go) found, recorded from PostgreSQL 15.
# A new row's CHECK constraints are checked before its keys, as PostgreSQL's ExecConstraints
# runs before any unique index or ON CONFLICT arbiter: a row that both clashes on a key and
# fails a CHECK is 23514, and ON CONFLICT neither skips it nor updates the existing row for
# it (drove used to update the existing row: seed 1796155637485217946).
statement ok
CREATE TABLE dm_chk (k int PRIMARY KEY, a int CHECK (a >= 0), b text NOT NULL)

statement ok
INSERT INTO dm_chk VALUES (1, 1, 'x'), (2, 2, 'y')

statement error 23514
INSERT INTO dm_chk VALUES (1, -1, 'y')

statement error 23514
INSERT INTO dm_chk VALUES (1, -1, 'y') ON CONFLICT DO NOTHING

statement error 23514
INSERT INTO dm_chk VALUES (1, -1, 'y') ON CONFLICT (k) DO NOTHING

statement error 23514
INSERT INTO dm_chk VALUES (1, -1, 'y') ON CONFLICT (k) DO UPDATE SET a = 5

statement error 23514
UPDATE dm_chk SET k = 2, a = -1 WHERE k = 1

statement error 23502
INSERT INTO dm_chk VALUES (1, 1, NULL) ON CONFLICT DO NOTHING

query
SELECT * FROM dm_chk ORDER BY k
----
1|1|x
2|2|y
tag: SELECT 2
