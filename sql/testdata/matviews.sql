# Materialized views: CREATE MATERIALIZED VIEW [IF NOT EXISTS] ... [WITH [NO] DATA], REFRESH,
# DROP, reads, refused writes and the catalogs, as PostgreSQL 15 answers.
statement ok
CREATE TABLE sales (id int PRIMARY KEY, region text, amount numeric(10,2), note varchar(20))

statement ok
INSERT INTO sales VALUES (1, 'north', 10.50, 'a'), (2, 'south', 20.00, 'b'), (3, 'north', 5.25, NULL)

query
CREATE MATERIALIZED VIEW totals AS SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region
----
tag: SELECT 2

query
SELECT * FROM totals ORDER BY region
----
north|15.75|2
south|20.00|1
tag: SELECT 2

statement ok
INSERT INTO sales VALUES (4, 'south', 1.00, 'c')

query
SELECT * FROM totals ORDER BY region
----
north|15.75|2
south|20.00|1
tag: SELECT 2

query
REFRESH MATERIALIZED VIEW totals
----
tag: REFRESH MATERIALIZED VIEW

query
SELECT region, total, n FROM totals WHERE region = 'south'
----
south|21.00|2
tag: SELECT 1

query
CREATE MATERIALIZED VIEW notes (k, note) AS SELECT id, note FROM sales WHERE note IS NOT NULL WITH DATA
----
tag: SELECT 3

query
SELECT k, note FROM notes ORDER BY k
----
1|a
2|b
4|c
tag: SELECT 3

query
SELECT t.region, t.total, s.id FROM totals t JOIN sales s ON s.region = t.region WHERE s.id < 3 ORDER BY s.id
----
north|15.75|1
south|21.00|2
tag: SELECT 2

query
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'notes'::regclass AND attnum > 0 ORDER BY attnum
----
k|integer
note|character varying(20)
tag: SELECT 2

query
CREATE MATERIALIZED VIEW later AS SELECT id FROM sales WITH NO DATA
----
tag: CREATE MATERIALIZED VIEW

statement error 55000
SELECT * FROM later

query
SELECT matviewname, ispopulated, hasindexes FROM pg_matviews ORDER BY 1
----
later|f|f
notes|t|f
totals|t|f
tag: SELECT 3

query
REFRESH MATERIALIZED VIEW later WITH DATA
----
tag: REFRESH MATERIALIZED VIEW

query
SELECT count(*) FROM later
----
4
tag: SELECT 1

query
REFRESH MATERIALIZED VIEW later WITH NO DATA
----
tag: REFRESH MATERIALIZED VIEW

statement error 55000
SELECT count(*) FROM later

query
SELECT relname, relkind FROM pg_class WHERE relname IN ('sales', 'totals', 'notes', 'later') ORDER BY 1
----
later|m
notes|m
sales|r
totals|m
tag: SELECT 4

# psql's \dm
query
SELECT n.nspname as "Schema", c.relname as "Name", CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE c.relkind IN ('m','') AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema' AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1,2
----
public|later|materialized view
public|notes|materialized view
public|totals|materialized view
tag: SELECT 3

query
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
----
sales
tag: SELECT 1

query
SELECT count(*) FROM information_schema.columns WHERE table_name = 'totals'
----
0
tag: SELECT 1

query
SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1
----
sales
tag: SELECT 1

# Writes and other relations' statements are refused.
statement error 42809
INSERT INTO totals VALUES ('east', 1, 1)

statement error 42809
UPDATE totals SET n = 0

statement error 42809
DELETE FROM totals

statement error 42809
TRUNCATE totals

statement error 42809
ALTER TABLE totals ADD COLUMN x int

statement error 42809
DROP TABLE totals

statement error 42809
DROP VIEW totals

statement error 42809
CREATE OR REPLACE VIEW totals AS SELECT 1

statement error 42P07
CREATE VIEW totals AS SELECT 1

statement error 42P07
CREATE MATERIALIZED VIEW totals AS SELECT 1

statement ok
CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT 1

statement error 42P07
CREATE TABLE totals (a int)

statement error 0A000
REFRESH MATERIALIZED VIEW sales

statement error 42P01
REFRESH MATERIALIZED VIEW nope

statement error 42809
DROP MATERIALIZED VIEW sales

statement error 42P01
DROP MATERIALIZED VIEW nope

statement ok
DROP MATERIALIZED VIEW IF EXISTS nope

# An index on a materialized view, and a view reading one.
statement ok
CREATE INDEX totals_region ON totals (region)

query
SELECT n FROM totals WHERE region = 'north'
----
2
tag: SELECT 1

statement ok
CREATE VIEW big AS SELECT region FROM totals WHERE total > 10

query
SELECT * FROM big ORDER BY 1
----
north
south
tag: SELECT 2

statement error 2BP01
DROP MATERIALIZED VIEW totals

statement error 2BP01
DROP TABLE sales

statement error 42601
CREATE MATERIALIZED VIEW bad AS SELECT 1 WITH CHECK OPTION

statement error 22012
CREATE MATERIALIZED VIEW divided AS SELECT 1 / (id - id) FROM sales

statement error 42P01
SELECT * FROM divided

statement ok
CREATE MATERIALIZED VIEW divided AS SELECT 1 AS one

query
SELECT * FROM divided
----
1
tag: SELECT 1

# In a transaction block: REFRESH is the transaction's.
statement ok
BEGIN

statement ok
DELETE FROM sales WHERE id = 1

statement ok
REFRESH MATERIALIZED VIEW notes

query
SELECT k FROM notes ORDER BY k
----
2
4
tag: SELECT 2

statement ok
ROLLBACK

query
SELECT k FROM notes ORDER BY k
----
1
2
4
tag: SELECT 3

statement ok
DROP MATERIALIZED VIEW totals CASCADE

statement error 42P01
SELECT * FROM big

statement ok
DROP MATERIALIZED VIEW notes, later, divided

query
SELECT count(*) FROM pg_class WHERE relkind = 'm'
----
0
tag: SELECT 1

statement ok
DROP TABLE sales
