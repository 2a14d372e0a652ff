# leftovers3: wrong answers and wrong errors found by this session's sweeps (window.sql,
# rowtypes.sql, temp.sql, identity.sql, create_table.sql), recorded from PostgreSQL 15.
# count() and f(...) OVER of a function that is neither window nor aggregate: PostgreSQL's
# parse analysis refuses them with 42809 (wrong object type), not a syntax error.
statement error 42809
SELECT count() OVER ()

statement error 42809
SELECT generate_series(1, 2) OVER ()

statement error 42809
SELECT count()

statement error 42809
SELECT lower('a') OVER w WINDOW w AS ()

statement error 42809
SELECT abs(-1) OVER (PARTITION BY 1)

# The call is resolved first: no overload takes the arguments.
statement error 42883
SELECT abs('a', 2) OVER ()

# current_catalog, current_schema and current_role are SQL-value keywords without parentheses.
query
SELECT current_catalog = current_database(), current_schema, current_role = current_user
----
t|public|t
tag: SELECT 1

query
SELECT current_schema AS s, current_role IS NOT NULL
----
public|t
tag: SELECT 1

# text(record) is no function: the cast syntax is the only way from a row to text.
statement ok
CREATE TABLE lo3_i8 (q1 int8, q2 int8)

statement ok
INSERT INTO lo3_i8 VALUES (123, 456), (4567890123456789, 123)

statement error 42883
SELECT text(row(1, 2))

statement error 42883
SELECT text(t) FROM lo3_i8 t

query
SELECT text(row(1, 2)::text), row(1, 2)::text, text(q1) FROM lo3_i8 ORDER BY q1 LIMIT 1
----
(1,2)|(1,2)|123
tag: SELECT 1

# A whole row compared with an anonymous row of other column types: record_eq refuses
# (int8 against int4) once a row is compared.
statement error 42804
SELECT * FROM lo3_i8 i8 WHERE i8 IN (row(123, 456))

query
SELECT * FROM lo3_i8 i8 WHERE i8 IN (row(123::int8, 456::int8))
----
123|456
tag: SELECT 1

# Two identical UNIQUE constraints: PostgreSQL keeps one (index_constraint dedup).
statement ok
CREATE TABLE lo3_u (a int UNIQUE, UNIQUE (a))

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'lo3_u'::regclass ORDER BY 1
----
lo3_u_a_key|u
tag: SELECT 1

statement ok
CREATE TABLE lo3_u2 (a int, b int, UNIQUE (a, b), UNIQUE (a, b), PRIMARY KEY (a), UNIQUE (a))

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'lo3_u2'::regclass ORDER BY 1
----
lo3_u2_a_b_key|u
lo3_u2_pkey|p
tag: SELECT 2

# An unnamed constraint that a named one repeats takes its name; a DEFERRABLE one or another
# column order is another index.
statement ok
CREATE TABLE lo3_u3 (a int UNIQUE, b int, CONSTRAINT lo3_named UNIQUE (a), UNIQUE (b, a), UNIQUE (a, b), UNIQUE (a) DEFERRABLE)

query
SELECT conname, contype, condeferrable, conkey FROM pg_constraint WHERE conrelid = 'lo3_u3'::regclass ORDER BY 1
----
lo3_named|u|f|{1}
lo3_u3_a_b_key|u|f|{1,2}
lo3_u3_a_key|u|t|{1}
lo3_u3_b_a_key|u|f|{2,1}
tag: SELECT 4

# ALTER TABLE ADD makes another, as PostgreSQL does.
statement ok
ALTER TABLE lo3_u ADD UNIQUE (a)

query
SELECT conname FROM pg_constraint WHERE conrelid = 'lo3_u'::regclass ORDER BY 1
----
lo3_u_a_key
lo3_u_a_key1
tag: SELECT 2

statement ok
INSERT INTO lo3_u VALUES (1)

statement error 23505
INSERT INTO lo3_u VALUES (1)

# current_schema and current_schemas follow search_path: the schemas of it that exist, in its
# order; pg_catalog first among the implicit ones unless the path places it.
statement ok
SET search_path = information_schema, public

query
SELECT current_schema, current_schema(), current_schemas(true), current_schemas(false)
----
information_schema|information_schema|{pg_catalog,information_schema,public}|{information_schema,public}
tag: SELECT 1

statement ok
PREPARE lo3_p AS SELECT current_schema(), current_schemas(true)

query
EXECUTE lo3_p
----
information_schema|{pg_catalog,information_schema,public}
tag: SELECT 1

statement ok
SET search_path = nosuch, "$user"

query
SELECT current_schema() IS NULL, current_schemas(true), current_schemas(false)
----
t|{pg_catalog}|{}
tag: SELECT 1

statement ok
SET search_path = public, PG_CATALOG, "public"

query
EXECUTE lo3_p
----
public|{public,pg_catalog}
tag: SELECT 1

statement ok
RESET search_path

query
SELECT current_schema, current_schemas(false)
----
public|{public}
tag: SELECT 1

query
EXECUTE lo3_p
----
public|{pg_catalog,public}
tag: SELECT 1
