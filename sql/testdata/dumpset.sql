# The settings pg_dump's plain output sets at its top, accepted with PostgreSQL 15's checks.
statement ok
SET default_tablespace = ''

query
SELECT current_setting('default_tablespace') = ''
----
t
tag: SELECT 1

statement ok
SET default_table_access_method = heap

query
SHOW default_table_access_method
----
heap
tag: SHOW

statement ok
SET xmloption = content

query
SHOW xmloption
----
content
tag: SHOW

statement ok
SET default_with_oids = false

query
SHOW default_with_oids
----
off
tag: SHOW

statement ok
SET default_tablespace = pg_default

query
SELECT current_setting('default_tablespace')
----
pg_default
tag: SELECT 1

statement ok
RESET default_tablespace

statement error 22023
SET default_tablespace = 'nosuch'

statement error 22023
SET default_table_access_method = heap2

statement error 22023
SET default_table_access_method = ''

statement error 22023
SET default_table_access_method = 'Heap'

statement ok
SET default_table_access_method = HEAP

statement ok
SET xmloption = DOCUMENT

query
SHOW xmloption
----
document
tag: SHOW

statement error 22023
SET xmloption = foo

statement error 0A000
SET default_with_oids = true

statement error 22023
SET default_with_oids = maybe

# pg_dump writes CREATE INDEX ... ON public.t USING btree (c).
statement ok
CREATE TABLE dumpset_ix (a int, b text)

statement ok
CREATE INDEX dumpset_ix_b ON public.dumpset_ix USING btree (b)

statement ok
INSERT INTO dumpset_ix VALUES (1, 'x'), (2, 'y')

query
SELECT a FROM dumpset_ix WHERE b = 'y'
----
2
tag: SELECT 1

statement error 42P01
CREATE INDEX dumpset_ix_c ON public.dumpset_nosuch (b)

statement ok
DROP TABLE dumpset_ix
