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

# COMMENT ON read by sql/parser (command_tree.go, comment.go).
statement ok
COMMENT ON TABLE lc IS E'tab\tle'

query
SELECT obj_description('lc'::regclass, 'pg_class') = E'tab\tle'
----
t
tag: SELECT 1

statement ok
COMMENT ON COLUMN public.lc.k IS 'key'

statement ok
COMMENT ON CONSTRAINT lc_pkey ON public.lc IS 'pk'

statement ok
COMMENT ON INDEX lc_pkey IS 'ix'

query
SELECT col_description('lc'::regclass, 1), obj_description('lc_pkey'::regclass, 'pg_class')
----
key|ix
tag: SELECT 1

statement ok
COMMENT ON TABLE "lc.x" IS NULL

statement error 42601
COMMENT ON "table" lc IS 'x'

statement error 42601
COMMENT ON TABLE lc IS 'a' 'b'

statement error 42601
COMMENT ON COLUMN lc IS 'x'

statement error 42601
COMMENT ON MATERIALIZED lc IS 'x'
