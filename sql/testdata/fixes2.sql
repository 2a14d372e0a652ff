# regclass, regtype, ... print as names in text, concatenation and format(), not as oids.
statement ok
CREATE TABLE q (a int PRIMARY KEY)

query
SELECT 'q'::regclass::text, 'q_pkey'::regclass::text, 'q'::regclass
----
q|q_pkey|q
tag: SELECT 1

query
SELECT 'q'::regclass || '', format('%s', 'q'::regclass), 'x' || 'q_pkey'::regclass
----
q|q|xq_pkey
tag: SELECT 1

query
SELECT 'pg_class'::regclass::text, 'pg_catalog.pg_class'::regclass::text, 'public.q'::regclass::text
----
pg_class|pg_class|q
tag: SELECT 1

query
SELECT 'int4'::regtype::text, 'int4'::regtype, 'character varying'::regtype || ''
----
integer|integer|character varying
tag: SELECT 1

query
SELECT 'q'::regclass = 'q'::regclass::oid, 'q'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'q')
----
t|t
tag: SELECT 1

query
SELECT concat('q'::regclass, '/', 'int8'::regtype), concat_ws(',', 'q'::regclass, 'q_pkey'::regclass)
----
q/bigint|q,q_pkey
tag: SELECT 1

query
SELECT count(*) FROM pg_attribute WHERE attrelid = (SELECT 'q'::regclass) AND attnum > 0
----
1
tag: SELECT 1

query
SELECT count(*) FROM pg_attribute WHERE attrelid IN (SELECT 'q'::regclass) AND attnum > 0
----
1
tag: SELECT 1

query
SELECT count(*) FROM pg_attribute a, (SELECT 'q'::regclass AS r) s WHERE a.attrelid = s.r AND attnum > 0
----
1
tag: SELECT 1

query
SELECT 'q'::regclass::varchar, CAST('q' AS regclass)::text
----
q|q
tag: SELECT 1
