# Issue 17, everyday PostgreSQL: what a pg_dump of an application's schema needs. CREATE TABLE
# (LIKE ...), ALTER ... OWNER TO, ALTER TABLE ONLY ... ADD CONSTRAINT ... PRIMARY KEY on a
# table with rows, RENAME without COLUMN, DEFAULT CURRENT_DATE, two DEFAULTs, and the
# declared length and precision of a view's cast columns in the catalogs.
# LIKE copies names, types and NOT NULL; DEFAULTs, CHECKs, keys, identity and generation only
# when included.
statement ok
CREATE TABLE dfsrc (a int NOT NULL DEFAULT 3 CHECK (a > 0), b text UNIQUE, c int GENERATED ALWAYS AS IDENTITY, d int GENERATED ALWAYS AS (a * 2) STORED, e numeric(5,2) DEFAULT 1.5, f varchar(4), g int)

statement ok
CREATE INDEX dfsrc_g ON dfsrc (g)

statement ok
CREATE TABLE dflike1 (LIKE dfsrc)

query
SELECT column_name, format_type(atttypid, atttypmod), attnotnull, column_default IS NULL, is_identity, is_generated FROM information_schema.columns JOIN pg_attribute ON attrelid = 'dflike1'::regclass AND attname = column_name WHERE table_name = 'dflike1' ORDER BY ordinal_position
----
a|integer|t|t|NO|NEVER
b|text|f|t|NO|NEVER
c|integer|t|t|NO|NEVER
d|integer|f|t|NO|NEVER
e|numeric(5,2)|f|t|NO|NEVER
f|character varying(4)|f|t|NO|NEVER
g|integer|f|t|NO|NEVER
tag: SELECT 7

query
SELECT count(*) FROM pg_constraint WHERE conrelid = 'dflike1'::regclass
----
0
tag: SELECT 1

query
SELECT count(*) FROM pg_index WHERE indrelid = 'dflike1'::regclass
----
0
tag: SELECT 1

statement ok
INSERT INTO dflike1 (a, c) VALUES (-1, 5)

statement error 23502
INSERT INTO dflike1 (b) VALUES ('x')

statement ok
CREATE TABLE dflike2 (x int, LIKE dfsrc INCLUDING ALL, y int)

query
SELECT column_name, column_default, is_identity, identity_generation, is_generated, generation_expression FROM information_schema.columns WHERE table_name = 'dflike2' ORDER BY ordinal_position
----
x|NULL|NO|NULL|NEVER|NULL
a|3|NO|NULL|NEVER|NULL
b|NULL|NO|NULL|NEVER|NULL
c|NULL|YES|ALWAYS|NEVER|NULL
d|NULL|NO|NULL|ALWAYS|(a * 2)
e|1.5|NO|NULL|NEVER|NULL
f|NULL|NO|NULL|NEVER|NULL
g|NULL|NO|NULL|NEVER|NULL
y|NULL|NO|NULL|NEVER|NULL
tag: SELECT 9

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'dflike2'::regclass ORDER BY conname
----
dflike2_b_key|u
dfsrc_a_check|c
tag: SELECT 2

query
SELECT count(*) FROM pg_index WHERE indrelid = 'dflike2'::regclass
----
2
tag: SELECT 1

query
INSERT INTO dflike2 (x, b, g) VALUES (1, 'k', 7) RETURNING x, a, c, d, e, y
----
1|3|1|6|1.50|NULL
tag: INSERT 0 1

statement error 23505
INSERT INTO dflike2 (x, b) VALUES (2, 'k')

statement error 23514
INSERT INTO dflike2 (a) VALUES (0)

statement error 428C9
INSERT INTO dflike2 (c) VALUES (10)

# Options apply in order: EXCLUDING takes back what an earlier INCLUDING gave.
statement ok
CREATE TABLE dflike3 (LIKE dfsrc INCLUDING DEFAULTS INCLUDING CONSTRAINTS EXCLUDING DEFAULTS)

query
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'dflike3' AND column_default IS NOT NULL
----
tag: SELECT 0

query
SELECT conname FROM pg_constraint WHERE conrelid = 'dflike3'::regclass
----
dfsrc_a_check
tag: SELECT 1

statement ok
CREATE TABLE dflike4 (LIKE dfsrc INCLUDING IDENTITY INCLUDING GENERATED)

query
SELECT column_name, is_identity, is_generated FROM information_schema.columns WHERE table_name = 'dflike4' AND (is_identity = 'YES' OR is_generated = 'ALWAYS') ORDER BY 1
----
c|YES|NEVER
d|NO|ALWAYS
tag: SELECT 2

statement error 42P01
CREATE TABLE dflike5 (x int, LIKE dfnosuch)

statement error 42601
CREATE TABLE dflike5 (LIKE dfsrc INCLUDING everything)

statement error 42701
CREATE TABLE dflike5 (a int, LIKE dfsrc)

# ALTER ... OWNER TO, as pg_dump writes after every object: the relation must exist and be of
# the kind named, and the role must exist (42704).
statement ok
CREATE SEQUENCE dfseq

statement ok
CREATE VIEW dfview AS SELECT a FROM dfsrc

statement ok
ALTER TABLE dfsrc OWNER TO CURRENT_USER

statement ok
ALTER TABLE ONLY public.dfsrc OWNER TO CURRENT_USER

statement ok
ALTER TABLE public.dfseq OWNER TO CURRENT_USER

statement ok
ALTER SEQUENCE dfseq OWNER TO CURRENT_USER

statement ok
ALTER VIEW dfview OWNER TO SESSION_USER

statement ok
ALTER TABLE dfview OWNER TO CURRENT_ROLE

statement ok
ALTER INDEX dfsrc_g OWNER TO CURRENT_USER

statement error 42704
ALTER TABLE dfsrc OWNER TO dfnosuch_role

statement error 42704
ALTER TABLE dfsrc OWNER TO "current_user"

statement error 42P01
ALTER TABLE dfnosuch OWNER TO CURRENT_USER

statement ok
ALTER TABLE IF EXISTS dfnosuch OWNER TO CURRENT_USER

statement error 42809
ALTER SEQUENCE dfsrc OWNER TO CURRENT_USER

statement error 42809
ALTER VIEW dfsrc OWNER TO CURRENT_USER

statement error 42809
ALTER INDEX dfsrc OWNER TO CURRENT_USER

statement error 42809
ALTER MATERIALIZED VIEW dfsrc OWNER TO CURRENT_USER

statement error 42601
ALTER SEQUENCE ONLY dfseq OWNER TO CURRENT_USER

# pg_dump's primary keys come after the data: ALTER TABLE ONLY ... ADD CONSTRAINT t_pkey
# PRIMARY KEY rekeys the table's rows, and refuses duplicates (23505) and NULLs (23502).
statement ok
CREATE TABLE dfpk (id int NOT NULL, v text)

statement ok
INSERT INTO dfpk VALUES (2, 'b'), (1, 'a'), (3, NULL)

statement ok
ALTER TABLE ONLY public.dfpk
    ADD CONSTRAINT dfpk_pkey PRIMARY KEY (id)

query
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dfpk'::regclass
----
dfpk_pkey|p|PRIMARY KEY (id)
tag: SELECT 1

query
SELECT * FROM dfpk WHERE id = 2
----
2|b
tag: SELECT 1

statement error 23505
INSERT INTO dfpk VALUES (1, 'again')

statement error 42P16
ALTER TABLE ONLY dfpk ADD CONSTRAINT dfpk_pkey PRIMARY KEY (id)

statement ok
CREATE TABLE dfpkdup (id int, v text)

statement ok
INSERT INTO dfpkdup VALUES (1, 'a'), (1, 'b')

statement error 23505
ALTER TABLE ONLY dfpkdup ADD CONSTRAINT dfpkdup_pkey PRIMARY KEY (id)

statement ok
DELETE FROM dfpkdup WHERE v = 'b'

statement ok
INSERT INTO dfpkdup VALUES (NULL, 'n')

statement error 23502
ALTER TABLE ONLY dfpkdup ADD CONSTRAINT dfpkdup_pkey PRIMARY KEY (id)

statement ok
DELETE FROM dfpkdup WHERE id IS NULL

statement ok
ALTER TABLE ONLY dfpkdup ADD CONSTRAINT dfpkdup_pkey PRIMARY KEY (id)

query
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'dfpkdup'::regclass AND attnum > 0 ORDER BY attnum
----
id|t
v|f
tag: SELECT 2

# A composite key, and a UNIQUE constraint added the same way.
statement ok
CREATE TABLE dfpk2 (a int, b text, c int)

statement ok
INSERT INTO dfpk2 VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 2)

statement ok
ALTER TABLE ONLY public.dfpk2
    ADD CONSTRAINT dfpk2_pkey PRIMARY KEY (a, b)

statement error 23505
ALTER TABLE ONLY public.dfpk2
    ADD CONSTRAINT dfpk2_c_key UNIQUE (c)

statement ok
ALTER TABLE ONLY public.dfpk2
    ADD CONSTRAINT dfpk2_ab_key UNIQUE (b, a)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dfpk2'::regclass ORDER BY conname
----
dfpk2_ab_key|UNIQUE (b, a)
dfpk2_pkey|PRIMARY KEY (a, b)
tag: SELECT 2

statement error 23505
INSERT INTO dfpk2 VALUES (2, 'x', 9)

# RENAME without COLUMN renames a column.
statement ok
CREATE TABLE dfren (a int, b int)

statement ok
ALTER TABLE dfren RENAME b TO c

statement ok
ALTER TABLE ONLY dfren RENAME a TO "A b"

query
SELECT attname FROM pg_attribute WHERE attrelid = 'dfren'::regclass AND attnum > 0 ORDER BY attnum
----
A b
c
tag: SELECT 2

statement error 42703
ALTER TABLE dfren RENAME nosuch TO d

statement error 42701
ALTER TABLE dfren RENAME c TO "A b"

# NOT NULL before GENERATED ... AS IDENTITY; DEFAULT CURRENT_DATE, as pg_dump writes it.
statement ok
CREATE TABLE dfid (c int NOT NULL GENERATED ALWAYS AS IDENTITY, placed date DEFAULT CURRENT_DATE NOT NULL, v text)

query
SELECT column_name, is_nullable, is_identity, identity_generation, column_default FROM information_schema.columns WHERE table_name = 'dfid' ORDER BY ordinal_position
----
c|NO|YES|ALWAYS|NULL
placed|NO|NO|NULL|CURRENT_DATE
v|YES|NO|NULL|NULL
tag: SELECT 3

query
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'dfid'::regclass
----
CURRENT_DATE
tag: SELECT 1

query
INSERT INTO dfid (v) VALUES ('x') RETURNING c, placed = current_date
----
1|t
tag: INSERT 0 1

# Two DEFAULTs for one column: 42601.
statement error 42601
CREATE TABLE dfdef (a int DEFAULT 1 DEFAULT 2)

statement error 42601
CREATE TABLE dfdef (a int DEFAULT 1 NOT NULL DEFAULT 2)

statement ok
CREATE TABLE dfdef (a int REFERENCES dfpk ON DELETE SET DEFAULT DEFAULT 2)

# A view's cast columns keep their length, precision and scale (\d v, information_schema).
statement ok
CREATE TABLE dfnum (x numeric, y int, t text)

statement ok
INSERT INTO dfnum VALUES (1.23456, 1, 'abcdefg')

statement ok
CREATE VIEW dfnumv AS SELECT x::numeric(16,4) AS n, 'a'::varchar(5) AS s, t::char(3) AS c3, x AS plain, sum(y)::numeric(10,2) AS total FROM dfnum GROUP BY x, t

query
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'dfnumv'::regclass ORDER BY attnum
----
n|numeric(16,4)
s|character varying(5)
c3|character(3)
plain|numeric
total|numeric(10,2)
tag: SELECT 5

query
SELECT column_name, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision FROM information_schema.columns WHERE table_name = 'dfnumv' ORDER BY ordinal_position
----
n|numeric|NULL|NULL|16|10|4|NULL
s|character varying|5|20|NULL|NULL|NULL|NULL
c3|character|3|12|NULL|NULL|NULL|NULL
plain|numeric|NULL|NULL|NULL|10|NULL|NULL
total|numeric|NULL|NULL|10|10|2|NULL
tag: SELECT 5

query
SELECT * FROM dfnumv
----
1.2346|a|abc|1.23456|1.00
tag: SELECT 1

# information_schema.columns' precision columns of a table's columns, as PostgreSQL computes them.
statement ok
CREATE TABLE dftypes (a smallint, b int, c bigint, d real, e double precision, f numeric(7,3), g numeric, h text, i varchar, j varchar(10), k char(2), l date, m timestamp, n timestamptz(3), o time(0), p interval, q boolean)

query
SELECT column_name, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision FROM information_schema.columns WHERE table_name = 'dftypes' ORDER BY ordinal_position
----
a|NULL|NULL|16|2|0|NULL
b|NULL|NULL|32|2|0|NULL
c|NULL|NULL|64|2|0|NULL
d|NULL|NULL|24|2|NULL|NULL
e|NULL|NULL|53|2|NULL|NULL
f|NULL|NULL|7|10|3|NULL
g|NULL|NULL|NULL|10|NULL|NULL
h|NULL|1073741824|NULL|NULL|NULL|NULL
i|NULL|1073741824|NULL|NULL|NULL|NULL
j|10|40|NULL|NULL|NULL|NULL
k|2|8|NULL|NULL|NULL|NULL
l|NULL|NULL|NULL|NULL|NULL|0
m|NULL|NULL|NULL|NULL|NULL|6
n|NULL|NULL|NULL|NULL|NULL|3
o|NULL|NULL|NULL|NULL|NULL|0
p|NULL|NULL|NULL|NULL|NULL|6
q|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 17

# CREATE TABLE AS keeps a cast's declaration too.
statement ok
CREATE TABLE dfctas AS SELECT x::numeric(8,2) AS n, t::varchar(3) AS v FROM dfnum

query
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'dfctas'::regclass AND attnum > 0 ORDER BY attnum
----
n|numeric(8,2)
v|character varying(3)
tag: SELECT 2

# pg_dump writes IN (...) of a CHECK as = ANY (ARRAY[...]): no subquery.
statement ok
CREATE TABLE dfchk (status text DEFAULT 'new'::text NOT NULL, CONSTRAINT dfchk_status_check CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text]))))

statement ok
INSERT INTO dfchk VALUES ('paid')

query
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'dfchk_status_check'
----
CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text])))
tag: SELECT 1

statement error 23514
INSERT INTO dfchk VALUES ('lost')

statement error 0A000
CREATE TABLE dfchk2 (a int CHECK (a = ANY (SELECT 1)))

# pg_dump's identity column: ADD GENERATED ... (SEQUENCE NAME public.t_id_seq ...), then setval.
statement ok
CREATE TABLE dfidseq (id bigint NOT NULL, v text)

statement ok
ALTER TABLE public.dfidseq ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.dfidseq_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
)

query
SELECT pg_get_serial_sequence('dfidseq', 'id')
----
public.dfidseq_id_seq
tag: SELECT 1

query
SELECT pg_catalog.setval('public.dfidseq_id_seq', 3, true)
----
3
tag: SELECT 1

query
INSERT INTO dfidseq (v) VALUES ('x') RETURNING id
----
4
tag: INSERT 0 1

statement error 3F000
CREATE TABLE dfidseq2 (id int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME nosuchschema.s))
