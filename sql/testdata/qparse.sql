# Queries the parser once refused with 0A000 and left to the dialect pass, now read by
# sql/parser alone: a function-call spelling of a typed literal (gram.y's AexprConst
# func_name '(' func_arg_list ')' Sconst), gram.y's own errors in it, and statements PostgreSQL
# 15's grammar refuses (IS OF, IS JSON, a name of four parts) with its SQLSTATE.
query
SELECT pg_catalog.numeric(5,2) '3.14159', pg_catalog.varchar(2) 'abcd', pg_catalog.bpchar(3) 'a' = 'a  ', pg_catalog.timestamp(0) '2020-01-01 10:00:00.6'
----
3.14|ab|t|2020-01-01 10:00:01
tag: SELECT 1

statement ok
CREATE TABLE qp_t (a int PRIMARY KEY, b varchar(4))

statement ok
INSERT INTO qp_t VALUES (1, 'xy')

query
SELECT a, b, pg_catalog.numeric(4,1) '2.25' * a FROM qp_t WHERE b LIKE pg_catalog.varchar(1) 'xy' || '%'
----
1|xy|2.3
tag: SELECT 1

statement error 42601
SELECT pg_catalog.int4() '3'

statement error 42601
SELECT pg_catalog.varchar(distinct 2) 'x'

statement error 42601
SELECT pg_catalog.varchar(2 ORDER BY 1) 'x'

statement error 42601
SELECT pg_catalog.varchar(2) OVER () 'x'

statement error 42601
SELECT 1 IS OF (integer)

statement error 42601
SELECT 'a' IS NOT JSON

statement error 42601
SELECT * FROM x.y.z.qp_t

statement error 0A000
WITH m AS (MERGE INTO qp_t USING qp_t s ON true WHEN MATCHED THEN DO NOTHING) SELECT 1

statement ok
DROP TABLE qp_t
