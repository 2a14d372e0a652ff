# information_schema.tables and .columns, as PostgreSQL answers them for tables in public.

statement ok
CREATE TABLE accounts (id bigserial PRIMARY KEY, owner varchar(40) NOT NULL, code char(3), balance double precision DEFAULT 0, opened timestamp, active boolean, n smallint, blob bytea, note text, qty int, r real)

statement ok
CREATE TABLE events (msg text)

query
SELECT table_catalog = current_database(), table_schema, table_name, table_type, is_insertable_into, is_typed FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
----
t|public|accounts|BASE TABLE|YES|NO
t|public|events|BASE TABLE|YES|NO
tag: SELECT 2

query
SELECT column_name, ordinal_position, is_nullable, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position
----
id|1|NO|bigint|NULL
owner|2|NO|character varying|40
code|3|YES|character|3
balance|4|YES|double precision|NULL
opened|5|YES|timestamp without time zone|NULL
active|6|YES|boolean|NULL
n|7|YES|smallint|NULL
blob|8|YES|bytea|NULL
note|9|YES|text|NULL
qty|10|YES|integer|NULL
r|11|YES|real|NULL
tag: SELECT 11

query
SELECT c.column_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name WHERE t.table_name = 'events'
----
msg
tag: SELECT 1

query
SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND column_default IS NOT NULL
----
2
tag: SELECT 1

# pg_catalog, as the common client queries read it.

statement ok
CREATE INDEX accounts_owner ON accounts (owner)

query
SELECT tablename, hasindexes FROM pg_tables WHERE schemaname = 'public' ORDER BY 1
----
accounts|t
events|f
tag: SELECT 2

query
SELECT c.relname, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY 1
----
accounts|r
accounts_owner|i
accounts_pkey|i
events|r
tag: SELECT 4

query
SELECT t.relname, i.relname, x.indisunique, x.indisprimary FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = 'accounts' ORDER BY 2
----
accounts|accounts_owner|f|f
accounts|accounts_pkey|t|t
tag: SELECT 2

query
SELECT a.attname, a.attnum, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'accounts' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
----
id|1|t
owner|2|t
code|3|f
balance|4|f
opened|5|f
active|6|f
n|7|f
blob|8|f
note|9|f
qty|10|f
r|11|f
tag: SELECT 11

query
SELECT indexname FROM pg_indexes WHERE tablename = 'accounts' ORDER BY 1
----
accounts_owner
accounts_pkey
tag: SELECT 2

query
SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
----
public
tag: SELECT 1

query
SELECT datname = current_database(), pg_catalog.pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()
----
t|UTF8
tag: SELECT 1

query
SELECT pg_catalog.pg_get_userbyid(c.relowner) = current_user, pg_catalog.pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname = 'events'
----
t|t
tag: SELECT 1

query
SELECT ARRAY(SELECT relname FROM pg_class WHERE relname LIKE 'acc%' AND relkind <> 'S' ORDER BY 1)
----
{accounts,accounts_owner,accounts_pkey}
tag: SELECT 1

query
SELECT c.oid = 'accounts'::regclass, c.oid = 'public.accounts'::pg_catalog.regclass FROM pg_class c WHERE c.relname = 'accounts'
----
t|t
tag: SELECT 1

query
SELECT count(*) FROM pg_description d WHERE d.objoid = 'accounts'::regclass AND d.classoid = 'pg_class'::regclass
----
0
tag: SELECT 1

query
SELECT a.attname FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = 'accounts'::regclass ORDER BY 1
----
balance
id
tag: SELECT 2

statement error 42P01
SELECT 'no_such_table'::regclass

query
SELECT array_to_string(ARRAY(SELECT relname FROM pg_class WHERE relname LIKE 'acc%' AND relkind <> 'S' ORDER BY 1), ', ')
----
accounts, accounts_owner, accounts_pkey
tag: SELECT 1

query
SELECT array_to_string(NULL::text[], ','), array_to_string('{a,NULL,"b,c"}'::text[], '|', '*'), array_to_string('{a,NULL}'::text[], '|')
----
NULL|a|*|b,c|a
tag: SELECT 1

statement error 22P02
SELECT array_to_string('{a'::text[], ',')

statement error 42804
SELECT array_to_string('{a}', ',')

# What psql's \d and pgjdbc's getPrimaryKeys and getIndexInfo read.

query
SELECT c.relname, i.indkey, i.indoption, i.indkey[0], i.indkey[1], array_lower(i.indkey, 1), array_upper(i.indkey, 1) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'accounts%' ORDER BY 1
----
accounts_owner|2|0|2|NULL|0|0
accounts_pkey|1|0|1|NULL|0|0
tag: SELECT 2

query
SELECT conname, contype, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true), conkey FROM pg_constraint WHERE conrelid = 'accounts'::regclass
----
accounts_pkey|p|PRIMARY KEY (id)|PRIMARY KEY (id)|{1}
tag: SELECT 1

query
SELECT attname, format_type(atttypid, atttypmod), attcollation <> 0 FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 0 ORDER BY attnum
----
id|bigint|f
owner|character varying(40)|t
code|character(3)|t
balance|double precision|f
opened|timestamp without time zone|f
active|boolean|f
n|smallint|f
blob|bytea|f
note|text|t
qty|integer|f
r|real|f
tag: SELECT 11

query
SELECT pg_get_indexdef('accounts_owner'::regclass, 1, false), pg_get_indexdef('accounts_owner'::regclass, 0, true), pg_get_indexdef('accounts_owner'::regclass, 0, false)
----
owner|CREATE INDEX accounts_owner ON accounts USING btree (owner)|CREATE INDEX accounts_owner ON public.accounts USING btree (owner)
tag: SELECT 1

query
SELECT a.attname, (information_schema._pg_expandarray(i.indkey)).n FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid WHERE i.indrelid = 'accounts'::regclass AND i.indisprimary AND a.attnum = (i.indkey)[0]
----
id|1
tag: SELECT 1

query
SELECT count(*) FROM pg_policy, pg_statistic_ext, pg_publication, pg_publication_rel, pg_inherits
----
0
tag: SELECT 1
