# pgregress: statements from PostgreSQL 15's regression suite (src/test/regress) where drove
# once answered differently from PostgreSQL.
# A quoted literal cast to numeric(p,s) rounds to the scale and checks the precision, like any
# other value cast there.
query
SELECT '2.5'::numeric(2,0), CAST('123.456' AS numeric(5,2)), '-0.005'::numeric(3,2), 'NaN'::numeric(3,1)
----
3|123.46|-0.01|NaN
tag: SELECT 1

statement error 22003
SELECT '12345'::numeric(3,0)

statement ok
PREPARE numtypmod AS SELECT $1::numeric(5,2)

query
EXECUTE numtypmod('123.456')
----
123.46
tag: SELECT 1

statement error 22003
EXECUTE numtypmod('12345')
