# Side-by-side sweep of PostgreSQL 15's regression files (join, subselect, with, numeric,
# int8, float8, interval, timestamptz): the differences found there, each reduced to its
# smallest statement.
# A column-name keyword that starts a typed literal (interval '1 day') names a column when
# what follows it cannot continue the literal (timestamptz.sql's "SELECT str, interval, ...").
statement ok
CREATE TABLE sw_kw (interval int, "time" int, "timestamp" int, "char" int, "real" int, "numeric" int, "int" int, "varchar" int, "bit" int, "dec" int, "float" int, "national" int, "boolean" int, "precision" int)

statement ok
INSERT INTO sw_kw VALUES (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)

query
SELECT interval, time, timestamp FROM sw_kw
----
1|2|3
tag: SELECT 1

query
SELECT interval + 1, sw_kw.interval, char, real, numeric, int, varchar, bit, dec, float, national, boolean, precision FROM sw_kw WHERE interval = 1 AND time = 2 ORDER BY interval, time
----
2|1|4|5|6|7|8|9|10|11|12|13|14
tag: SELECT 1

query
SELECT interval '1 day', time '10:00', timestamp '2000-01-01', time with time zone '10:00+02', char(2) 'ab', character varying '101', double precision '1.5', national char 'x'
----
1 day|10:00:00|2000-01-01 00:00:00|10:00:00+02|ab|101|1.5|x
tag: SELECT 1

statement error 42601
SELECT interval(2) FROM sw_kw
