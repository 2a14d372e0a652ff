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

# ON CONFLICT with a deferrable unique constraint as an arbiter is 55000, raised when a row's
# check reaches that index (PostgreSQL's ExecCheckIndexConstraints): named as the target, or,
# for DO NOTHING without a target, every unique index is an arbiter, walked after the primary
# key, and a row an earlier one finds is skipped first. drove ignored the deferrable index's
# being an arbiter and inserted or updated (seeds 1796156536228025564, 1796156536228025570).
statement ok
CREATE TABLE dm_def (k int PRIMARY KEY, a int UNIQUE, b int, c int, UNIQUE (b) DEFERRABLE, CHECK (c >= 0))

statement ok
INSERT INTO dm_def VALUES (1, 1, 1, 1)

query
INSERT INTO dm_def VALUES (1, 5, 5, 5) ON CONFLICT DO NOTHING
----
tag: INSERT 0 0

query
INSERT INTO dm_def VALUES (2, 1, 5, 5) ON CONFLICT DO NOTHING
----
tag: INSERT 0 0

statement error 55000
INSERT INTO dm_def VALUES (2, 2, 5, 5) ON CONFLICT DO NOTHING

statement error 23514
INSERT INTO dm_def VALUES (2, 2, 5, -1) ON CONFLICT DO NOTHING

statement error 55000
INSERT INTO dm_def VALUES (1, 1, 1, 1) ON CONFLICT (b) DO NOTHING

statement error 55000
INSERT INTO dm_def VALUES (1, 1, 1, 1) ON CONFLICT (b) DO UPDATE SET c = 9

statement error 55000
INSERT INTO dm_def VALUES (1, 1, 1, 1) ON CONFLICT ON CONSTRAINT dm_def_b_key DO NOTHING

query
INSERT INTO dm_def VALUES (1, 1, 1, 1) ON CONFLICT (a) DO UPDATE SET c = 9
----
tag: INSERT 0 1

query
INSERT INTO dm_def SELECT 3, 3, 3, 3 WHERE false ON CONFLICT (b) DO NOTHING
----
tag: INSERT 0 0

query
SELECT * FROM dm_def ORDER BY k
----
1|1|1|9
tag: SELECT 1
