# CREATE TABLE and DROP TABLE
statement ok
CREATE TABLE t1 (id integer PRIMARY KEY, name text)

statement error 42P07
CREATE TABLE t1 (id integer PRIMARY KEY)

statement ok
CREATE TABLE IF NOT EXISTS t1 (id integer PRIMARY KEY)

statement ok
CREATE TABLE "MixedCase" ("Id" bigint, v varchar(5), PRIMARY KEY ("Id"))

query
SELECT "Id", v FROM "MixedCase"
----
tag: SELECT 0

statement error 42P01
SELECT * FROM mixedcase

statement ok
CREATE TABLE composite (a int, b text, c double precision, PRIMARY KEY (a, b))

statement ok
CREATE TABLE alltypes (i2 smallint PRIMARY KEY, i4 int, i8 bigint, r real, d double precision, f float, b boolean, t text, vc varchar(3), ch char(4), ts timestamp, bin bytea)

statement ok
CREATE TABLE Folded (ID int primary key, Name TEXT not null default 'anon')

query
SELECT id, name FROM folded
----
tag: SELECT 0

statement ok
CREATE TABLE nopk (a int)

# deviation: drove names the hidden row id of a table without a primary key _rowid
statement error 42701
CREATE TABLE nopk2 (_rowid int)

statement error 42P16
CREATE TABLE twopk (a int PRIMARY KEY, b int PRIMARY KEY)

statement error 42701
CREATE TABLE dupcol (a int PRIMARY KEY, a text)

statement error 42703
CREATE TABLE badkey (a int, PRIMARY KEY (b))

statement ok
CREATE TABLE fk (a int PRIMARY KEY, b int REFERENCES t1(id))

statement ok
CREATE TABLE chk (a int PRIMARY KEY, CHECK (a > 0))

statement ok
CREATE TABLE uniq (a int PRIMARY KEY, b int UNIQUE)

statement error 2BP01
DROP TABLE t1

statement ok
DROP TABLE fk, chk, uniq

statement error 42704
CREATE TABLE badtype (a int PRIMARY KEY, b nosuchtype)

# deviation: a numeric column cannot be a key (keys compare as bytes, and no encoding makes 1.5
# and 1.50 one key while each reads back as written).
statement error 0A000
CREATE TABLE badkey (a numeric PRIMARY KEY)

statement error 42601
CREATE TABLE broken (a int PRIMARY KEY,

statement ok
DROP TABLE t1

statement error 42P01
DROP TABLE t1

statement ok
DROP TABLE IF EXISTS t1

statement ok
DROP TABLE IF EXISTS composite, folded

statement error 42P01
SELECT * FROM composite

statement ok
CREATE TABLE t1 (id integer PRIMARY KEY, name text)

query
SELECT count(*) FROM t1
----
0
tag: SELECT 1

# drove's own system tables: the primary key is each table's one index.

statement ok
CREATE TABLE stats_t (a int, b text, PRIMARY KEY (b, a))

statement ok
INSERT INTO stats_t VALUES (1, 'x'), (2, 'y')

# deviation: sysindexes and systablestats are HerdDB's tables
query
SELECT index_name, index_type, columns, is_unique FROM sysindexes WHERE table_name = 'stats_t'
----
stats_t_pkey|hash|b,a|t
tag: SELECT 1

# deviation: sysindexes and systablestats are HerdDB's tables
query
SELECT tablesize FROM systablestats WHERE table_name = 'stats_t'
----
2
tag: SELECT 1
