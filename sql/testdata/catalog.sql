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
