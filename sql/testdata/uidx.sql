# Indexes on expressions, partial indexes and UNIQUE NULLS NOT DISTINCT (uidx).
# A unique index on an expression: enforced on INSERT, UPDATE, ON CONFLICT and COPY alike.
statement ok
CREATE TABLE users (id int PRIMARY KEY, email text, name text)

statement ok
CREATE UNIQUE INDEX users_email ON users (lower(email))

statement ok
INSERT INTO users VALUES (1, 'A@b.c', 'a'), (2, 'x@y.z', 'x')

statement error 23505
INSERT INTO users VALUES (3, 'a@B.C', 'dup')

statement error 23505
INSERT INTO users VALUES (3, 'q@q.q', 'q'), (4, 'Q@Q.Q', 'q')

statement error 23505
UPDATE users SET email = 'X@Y.Z' WHERE id = 1

statement ok
UPDATE users SET email = 'a@b.C' WHERE id = 1

query
SELECT id, email FROM users WHERE lower(email) = 'a@b.c'
----
1|a@b.C
tag: SELECT 1

query
SELECT id FROM users WHERE lower(email) = lower('X@Y.Z')
----
2
tag: SELECT 1

query
INSERT INTO users VALUES (5, 'A@B.C', 'up') ON CONFLICT (lower(email)) DO UPDATE SET name = excluded.name RETURNING id, email, name
----
1|a@b.C|up
tag: INSERT 0 1

query
INSERT INTO users VALUES (6, 'x@Y.z', 'no') ON CONFLICT (lower(email)) DO NOTHING RETURNING id
----
tag: INSERT 0 0

query
INSERT INTO users VALUES (6, 'x@Y.z', 'no') ON CONFLICT DO NOTHING RETURNING id
----
tag: INSERT 0 0

statement error 42P10
INSERT INTO users VALUES (7, 'n@n.n', 'n') ON CONFLICT (email) DO NOTHING

query
INSERT INTO users VALUES (7, NULL, 'n'), (8, NULL, 'n') RETURNING id
----
7
8
tag: INSERT 0 2

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'users' AND indexname NOT LIKE '%pkey' ORDER BY 1
----
users_email|CREATE UNIQUE INDEX users_email ON public.users USING btree (lower(email))
tag: SELECT 1

query
SELECT pg_get_indexdef('users_email'::regclass)
----
CREATE UNIQUE INDEX users_email ON public.users USING btree (lower(email))
tag: SELECT 1

query
SELECT indisunique, indnullsnotdistinct, indkey::text, indexprs IS NOT NULL, indpred IS NULL FROM pg_index WHERE indexrelid = 'users_email'::regclass
----
t|f|0|t|t
tag: SELECT 1

# The default name is the function's, or expr.
statement ok
CREATE TABLE t2 (id int PRIMARY KEY, a int, b int)

statement ok
CREATE INDEX ON t2 ((a + b))

statement ok
CREATE INDEX ON t2 (abs(a), b)

statement ok
CREATE INDEX t2_partial ON t2 (a) WHERE b > 0

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 't2' AND indexname NOT LIKE '%pkey' ORDER BY 1
----
t2_abs_b_idx|CREATE INDEX t2_abs_b_idx ON public.t2 USING btree (abs(a), b)
t2_expr_idx|CREATE INDEX t2_expr_idx ON public.t2 USING btree (((a + b)))
t2_partial|CREATE INDEX t2_partial ON public.t2 USING btree (a) WHERE (b > 0)
tag: SELECT 3

statement ok
INSERT INTO t2 VALUES (1, 1, 2), (2, 2, 1), (3, 5, -1), (4, NULL, 3)

query
SELECT id FROM t2 WHERE a + b = 3 ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM t2 WHERE a = 5 AND b > 0
----
tag: SELECT 0

query
SELECT id FROM t2 WHERE a = 5
----
3
tag: SELECT 1

statement error 22003
INSERT INTO t2 VALUES (5, 2147483647, 1)

# Only IMMUTABLE functions.
statement error 42P17
CREATE INDEX ON t2 ((a + random()))

statement error 42P17
CREATE INDEX ON t2 (a) WHERE now() > '2000-01-01'

statement error 0A000
CREATE INDEX ON t2 ((a + (SELECT 1)))

statement error 42803
CREATE INDEX ON t2 ((sum(a)))

statement error 42703
CREATE INDEX ON t2 ((c + 1))

# A unique index on existing duplicates fails.
statement error 23505
CREATE UNIQUE INDEX ON t2 ((a * 0))

statement ok
CREATE UNIQUE INDEX t2_ab ON t2 ((a - b))

query
SELECT count(*) FROM pg_indexes WHERE indexname = 't2_ab'
----
1
tag: SELECT 1

# A partial unique index: unique only among the rows its predicate holds for.
statement ok
CREATE TABLE items (id int PRIMARY KEY, sku text, deleted_at timestamp)

statement ok
CREATE UNIQUE INDEX ON items (sku) WHERE deleted_at IS NULL

statement ok
INSERT INTO items VALUES (1, 'a', NULL), (2, 'a', '2020-01-01'), (3, 'a', '2021-01-01')

statement error 23505
INSERT INTO items VALUES (4, 'a', NULL)

statement error 23505
UPDATE items SET deleted_at = NULL WHERE id = 2

statement ok
UPDATE items SET deleted_at = '2022-01-01' WHERE id = 1

statement ok
UPDATE items SET deleted_at = NULL WHERE id = 2

query
SELECT id FROM items WHERE sku = 'a' AND deleted_at IS NULL
----
2
tag: SELECT 1

statement error 42P10
INSERT INTO items VALUES (5, 'a', NULL) ON CONFLICT (sku) DO NOTHING

query
INSERT INTO items VALUES (5, 'a', NULL) ON CONFLICT (sku) WHERE deleted_at IS NULL DO UPDATE SET id = items.id + 100 RETURNING id, sku
----
102|a
tag: INSERT 0 1

query
INSERT INTO items VALUES (6, 'b', NULL) ON CONFLICT (sku) WHERE deleted_at IS NULL DO NOTHING RETURNING id
----
6
tag: INSERT 0 1

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'items' AND indexname NOT LIKE '%pkey' ORDER BY 1
----
items_sku_idx|CREATE UNIQUE INDEX items_sku_idx ON public.items USING btree (sku) WHERE (deleted_at IS NULL)
tag: SELECT 1

query
SELECT id, sku, deleted_at FROM items ORDER BY id
----
1|a|2022-01-01 00:00:00
3|a|2021-01-01 00:00:00
6|b|NULL
102|a|NULL
tag: SELECT 4

# UNIQUE NULLS NOT DISTINCT: a NULL equals a NULL.
statement ok
CREATE TABLE nn (id int PRIMARY KEY, a int UNIQUE NULLS NOT DISTINCT, b int, c int, UNIQUE NULLS NOT DISTINCT (b, c))

statement ok
INSERT INTO nn VALUES (1, NULL, NULL, NULL), (2, 1, 1, NULL)

statement error 23505
INSERT INTO nn VALUES (3, NULL, 5, 5)

statement error 23505
INSERT INTO nn VALUES (3, 7, NULL, NULL)

statement error 23505
INSERT INTO nn VALUES (3, 7, 1, NULL)

statement ok
INSERT INTO nn VALUES (3, 7, 1, 2)

statement ok
CREATE TABLE nn2 (id int PRIMARY KEY, a int)

statement ok
CREATE UNIQUE INDEX nn2_a ON nn2 (a) NULLS NOT DISTINCT

statement ok
INSERT INTO nn2 VALUES (1, NULL)

statement error 23505
INSERT INTO nn2 VALUES (2, NULL)

query
INSERT INTO nn2 VALUES (2, NULL) ON CONFLICT (a) DO UPDATE SET id = 10 RETURNING id, a
----
10|NULL
tag: INSERT 0 1

statement ok
INSERT INTO nn2 VALUES (3, 1), (4, 2)

statement error 23505
CREATE UNIQUE INDEX ON nn2 ((a * 0)) NULLS NOT DISTINCT

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('nn', 'nn2') AND indexname NOT LIKE '%pkey' ORDER BY 1
----
nn2_a|CREATE UNIQUE INDEX nn2_a ON public.nn2 USING btree (a) NULLS NOT DISTINCT
nn_a_key|CREATE UNIQUE INDEX nn_a_key ON public.nn USING btree (a) NULLS NOT DISTINCT
nn_b_c_key|CREATE UNIQUE INDEX nn_b_c_key ON public.nn USING btree (b, c) NULLS NOT DISTINCT
tag: SELECT 3

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'nn'::regclass ORDER BY 1
----
nn_a_key|UNIQUE NULLS NOT DISTINCT (a)
nn_b_c_key|UNIQUE NULLS NOT DISTINCT (b, c)
nn_pkey|PRIMARY KEY (id)
tag: SELECT 3

statement ok
CREATE TABLE nn3 (id int PRIMARY KEY, a int)

statement ok
INSERT INTO nn3 VALUES (1, NULL), (2, NULL)

statement error 23505
CREATE UNIQUE INDEX ON nn3 (a) NULLS NOT DISTINCT

statement error 23505
ALTER TABLE nn3 ADD UNIQUE NULLS NOT DISTINCT (a)

# DROP INDEX of a computed index.
statement ok
DROP INDEX t2_ab

statement ok
INSERT INTO t2 VALUES (6, 0, 3)

# A rename follows into the index's expressions; dropping a column drops the index on it.
statement ok
CREATE TABLE r (id int PRIMARY KEY, email text, x int)

statement ok
CREATE UNIQUE INDEX r_e ON r (lower(email)) WHERE x > 0

statement ok
ALTER TABLE r RENAME COLUMN email TO mail

statement ok
ALTER TABLE r RENAME COLUMN x TO y

query
SELECT indexdef FROM pg_indexes WHERE indexname = 'r_e'
----
CREATE UNIQUE INDEX r_e ON public.r USING btree (lower(mail)) WHERE (y > 0)
tag: SELECT 1

statement ok
INSERT INTO r VALUES (1, 'A', 1), (2, 'a', 0)

statement error 23505
INSERT INTO r VALUES (3, 'a', 5)

statement ok
ALTER TABLE r DROP COLUMN y

query
SELECT count(*) FROM pg_indexes WHERE indexname = 'r_e'
----
0
tag: SELECT 1

statement ok
INSERT INTO r VALUES (3, 'a')
