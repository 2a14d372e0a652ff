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
