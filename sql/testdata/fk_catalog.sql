# What psql's \d reads to print a table's "Foreign-key constraints" and "Referenced by"
# footers, and the query shapes it reads them with (pg_partition_ancestors, WITH ORDINALITY,
# a computed oid cast to regclass).
statement ok
CREATE TABLE fp (id int PRIMARY KEY, code text UNIQUE)

statement ok
CREATE TABLE fc (id int PRIMARY KEY, p int REFERENCES fp ON DELETE CASCADE, pc text, CONSTRAINT fc_code_fk FOREIGN KEY (pc) REFERENCES fp (code))

statement ok
CREATE TABLE fself (id int PRIMARY KEY, parent int REFERENCES fself)

statement ok
CREATE TABLE fplain (a int PRIMARY KEY, b int CHECK (b > 0))

# relhastriggers is true where a foreign key's triggers are: on both its tables.
query
SELECT relname, relhastriggers FROM pg_class WHERE relname IN ('fp', 'fc', 'fself', 'fplain') ORDER BY relname
----
fc|t
fp|t
fplain|f
fself|t
tag: SELECT 4

query
SELECT true AS sametable, conname, pg_catalog.pg_get_constraintdef(r.oid, true) AS condef, conrelid::pg_catalog.regclass AS ontable FROM pg_catalog.pg_constraint r WHERE r.conrelid = 'fc'::regclass AND r.contype = 'f' AND conparentid = 0 ORDER BY conname
----
t|fc_code_fk|FOREIGN KEY (pc) REFERENCES fp(code)|fc
t|fc_p_fkey|FOREIGN KEY (p) REFERENCES fp(id) ON DELETE CASCADE|fc
tag: SELECT 2

query
SELECT conname, conrelid::pg_catalog.regclass AS ontable, pg_catalog.pg_get_constraintdef(oid, true) AS condef FROM pg_catalog.pg_constraint c WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('fp') UNION ALL VALUES ('fp'::pg_catalog.regclass)) AND contype = 'f' AND conparentid = 0 ORDER BY conname
----
fc_code_fk|fc|FOREIGN KEY (pc) REFERENCES fp(code)
fc_p_fkey|fc|FOREIGN KEY (p) REFERENCES fp(id) ON DELETE CASCADE
tag: SELECT 2

query
SELECT conrelid::regclass, confrelid::regclass, conrelid::regclass::text = 'fself' FROM pg_constraint WHERE conname = 'fself_parent_fkey'
----
fself|fself|t
tag: SELECT 1

# A relation that is not a partition has no ancestors.
query
SELECT count(*) FROM pg_partition_ancestors('fp')
----
0
tag: SELECT 1

query
SELECT * FROM pg_partition_ancestors('fc') WITH ORDINALITY AS a(relid, depth)
----
tag: SELECT 0

statement error 42P01
SELECT pg_partition_ancestors('nosuch')

# psql's \d lists triggers once relhastriggers is true; drove's foreign keys have none.
query
SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal, CASE WHEN t.tgparentid != 0 THEN (SELECT u.tgrelid::pg_catalog.regclass FROM pg_catalog.pg_trigger AS u, pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth) WHERE u.tgname = t.tgname AND u.tgrelid = a.relid AND u.tgparentid = 0 ORDER BY a.depth LIMIT 1) END AS parent FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'fc'::regclass AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D')) ORDER BY 1
----
tag: SELECT 0

query
SELECT * FROM generate_series(5, 7) WITH ORDINALITY AS a(v, n)
----
5|1
6|2
7|3
tag: SELECT 3

query
SELECT * FROM generate_series(5, 6) WITH ORDINALITY
----
5|1
6|2
tag: SELECT 2

query
SELECT a.*, pg_typeof(a.o) FROM unnest(ARRAY['x', 'y']) WITH ORDINALITY a(e, o)
----
x|1|bigint
y|2|bigint
tag: SELECT 2

query
SELECT * FROM generate_series(1, 0) WITH ORDINALITY t
----
tag: SELECT 0

query
SELECT s.n, s.ordinality FROM generate_series(3, 1, -1) WITH ORDINALITY AS s(n) ORDER BY s.ordinality DESC
----
1|3
2|2
3|1
tag: SELECT 3

statement error 42P10
SELECT * FROM generate_series(1, 2) WITH ORDINALITY AS a(x, y, z)

statement ok
CREATE TABLE "Fq" (id int PRIMARY KEY, up int REFERENCES "Fq", p int REFERENCES fp)

query
SELECT conname, conrelid::regclass, confrelid::regclass FROM pg_constraint WHERE conrelid = '"Fq"'::regclass AND contype = 'f' ORDER BY conname
----
Fq_p_fkey|"Fq"|fp
Fq_up_fkey|"Fq"|"Fq"
tag: SELECT 2

query
SELECT '0'::regclass::oid, 0::regclass, 0::oid::regclass::text
----
0|-|-
tag: SELECT 1
