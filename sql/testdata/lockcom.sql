# LOCK read by sql/parser (command_tree.go, lock_table.go), where it differs from the
# hand-written parser it replaced: ONLY (name) was 42601, a quoted name holding a dot was
# split into schema and table.
statement ok
CREATE TABLE lc (k int PRIMARY KEY)

statement ok
CREATE TABLE "lc.x" (a int)

statement ok
BEGIN

query
LOCK TABLE ONLY (lc) IN ROW SHARE MODE
----
tag: LOCK TABLE

query
LOCK "lc.x" IN SHARE MODE NOWAIT
----
tag: LOCK TABLE

query
LOCK public.lc, ONLY public."lc.x", lc * IN ACCESS SHARE MODE
----
tag: LOCK TABLE

statement ok
COMMIT

statement error 42601
LOCK TABLE lc IN SHARE ROW MODE

statement error 42601
LOCK TABLE ONLY lc * IN SHARE MODE

statement ok
BEGIN

statement error 42P01
LOCK "LC"

statement ok
ROLLBACK
