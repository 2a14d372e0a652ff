# CREATE INDEX runs from sql/parser's tree (index_tree.go): the hand-written parser that read it
# before is gone. What the tree changed, as PostgreSQL answers: a default name numbers a part
# named like an earlier one (lower(b), lower(b) is t_lower_lower1_idx) and is cut to 63 bytes,
# (a) is the column a, NULLS NOT DISTINCT holds without UNIQUE, hash refuses several columns,
# an unknown access method is 42704, CONCURRENTLY refuses a transaction block, a schema that
# does not exist is 3F000, WITH (...) and an operator class are refused (drove keeps neither),
# and an index's expressions and predicate print as PostgreSQL deparses them (COALESCE,
# GREATEST, LEAST and NULLIF in capitals, as EXPLAIN prints them too).
statement ok
CREATE TABLE ci (id int PRIMARY KEY, a int, b text, c int)

statement ok
CREATE INDEX ON ci (lower(b), lower(b))

statement ok
CREATE INDEX ON ci ((a + 1))

statement ok
CREATE INDEX ON ci ((a))

statement ok
CREATE INDEX ON ci (a) NULLS NOT DISTINCT

statement ok
CREATE UNIQUE INDEX ON ci (c) NULLS DISTINCT

statement ok
CREATE INDEX ON ci ((a::bigint))

statement ok
CREATE INDEX ON ci (coalesce(a, 0), greatest(a, c), nullif(a, c))

statement ok
CREATE INDEX ON ci (a) WHERE a > 0 AND (b IS NOT NULL OR c < 3)

statement ok
CREATE INDEX ON ci (c) WHERE NOT (a = 1) AND b IS NULL

statement ok
CREATE INDEX ON ONLY ci (b)

statement ok
CREATE INDEX ci_up ON ci (upper(b)) WHERE c BETWEEN 1 AND 10

statement ok
CREATE INDEX ON ci ((a * 2 + c), (b || b), (-a))

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ci' AND indexname <> 'ci_pkey' ORDER BY 1
----
ci_a_idx|CREATE INDEX ci_a_idx ON public.ci USING btree (a)
ci_a_idx1|CREATE INDEX ci_a_idx1 ON public.ci USING btree (a) NULLS NOT DISTINCT
ci_a_idx2|CREATE INDEX ci_a_idx2 ON public.ci USING btree (((a)::bigint))
ci_a_idx3|CREATE INDEX ci_a_idx3 ON public.ci USING btree (a) WHERE ((a > 0) AND ((b IS NOT NULL) OR (c < 3)))
ci_b_idx|CREATE INDEX ci_b_idx ON public.ci USING btree (b)
ci_c_idx|CREATE UNIQUE INDEX ci_c_idx ON public.ci USING btree (c)
ci_c_idx1|CREATE INDEX ci_c_idx1 ON public.ci USING btree (c) WHERE ((NOT (a = 1)) AND (b IS NULL))
ci_coalesce_greatest_nullif_idx|CREATE INDEX ci_coalesce_greatest_nullif_idx ON public.ci USING btree (COALESCE(a, 0), GREATEST(a, c), NULLIF(a, c))
ci_expr_expr1_expr2_idx|CREATE INDEX ci_expr_expr1_expr2_idx ON public.ci USING btree ((((a * 2) + c)), ((b || b)), ((- a)))
ci_expr_idx|CREATE INDEX ci_expr_idx ON public.ci USING btree (((a + 1)))
ci_lower_lower1_idx|CREATE INDEX ci_lower_lower1_idx ON public.ci USING btree (lower(b), lower(b))
ci_up|CREATE INDEX ci_up ON public.ci USING btree (upper(b)) WHERE ((c >= 1) AND (c <= 10))
tag: SELECT 12

query
SELECT pg_get_indexdef('ci_up'::regclass, 1, true), pg_get_indexdef('ci_a_idx2'::regclass)
----
upper(b)|CREATE INDEX ci_a_idx2 ON public.ci USING btree (((a)::bigint))
tag: SELECT 1

# A default name is cut to 63 bytes, the table's or the columns' part, the longer first.
statement ok
CREATE TABLE ci_a_table_with_a_rather_long_name_to_make_index_names_long (id int PRIMARY KEY, a_column_with_a_long_name_too_for_the_index int)

statement ok
CREATE INDEX ON ci_a_table_with_a_rather_long_name_to_make_index_names_long (a_column_with_a_long_name_too_for_the_index)

statement ok
CREATE INDEX ON ci_a_table_with_a_rather_long_name_to_make_index_names_long (a_column_with_a_long_name_too_for_the_index)

query
SELECT indexname FROM pg_indexes WHERE tablename = 'ci_a_table_with_a_rather_long_name_to_make_index_names_long' AND indexname NOT LIKE '%pkey' ORDER BY 1
----
ci_a_table_with_a_rather_long_a_column_with_a_long_name_to_idx1
ci_a_table_with_a_rather_long_a_column_with_a_long_name_too_idx
tag: SELECT 2

statement error 42704
CREATE INDEX ON ci USING nosuch (a)

statement error 0A000
CREATE INDEX ON ci USING hash (a, c)

statement error 0A000
CREATE UNIQUE INDEX ON ci USING hash (a)

statement error 0A000
CREATE INDEX ON ci USING hash (a) INCLUDE (c)

statement ok
CREATE INDEX ci_h ON ci USING hash (b)

statement error 3F000
CREATE INDEX ON nosuch.ci (a)

statement error 42P01
CREATE INDEX ON "public.ci" (a)

statement error 42703
CREATE INDEX ON ci (nosuch)

statement error 42703
CREATE INDEX ON ci ((nosuch + 1))

statement error 42601
CREATE INDEX s.i ON ci (a)

statement error 42601
CREATE INDEX IF NOT EXISTS ON ci (a)

statement ok
CREATE INDEX IF NOT EXISTS ci_up ON ci (a)

statement error 42P07
CREATE INDEX ci_up ON ci (a)

statement ok
BEGIN

statement error 25001
CREATE INDEX CONCURRENTLY ci_cc ON ci (c)

statement ok
ROLLBACK

statement error 25001
CREATE INDEX CONCURRENTLY ci_cc ON ci (c); SELECT 1

statement ok
CREATE INDEX CONCURRENTLY ci_cc ON ci (c)

statement error 42P17
CREATE INDEX ON ci ((a + random()::int))

statement error 42601
CREATE INDEX ON ci ((SELECT 1))
