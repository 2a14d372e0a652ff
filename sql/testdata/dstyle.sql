# DateStyle's field order (MDY, DMY, YMD) reads numeric dates in date, timestamp and
# timestamptz input: literals, casts, inserts, prepared statements, arrays.
statement ok
CREATE TABLE dsd (id int PRIMARY KEY, d date, ts timestamp)

statement ok
SET TimeZone = 'UTC'

statement ok
SET DateStyle = 'ISO, MDY'

query
SELECT '1/2/2001'::date, '01-02-2001'::date, '1.2.2001'::date, '01/02/03'::date
----
2001-01-02|2001-01-02|2001-01-02|2003-01-02
tag: SELECT 1

statement ok
PREPARE pd AS SELECT '1/2/2001'::date

query
EXECUTE pd
----
2001-01-02
tag: SELECT 1

statement ok
PREPARE pw AS SELECT id FROM dsd WHERE d = '3/4/2001'

statement ok
SET DateStyle = 'ISO, DMY'

query
SHOW DateStyle
----
ISO, DMY
tag: SHOW

query
SELECT '1/2/2001'::date, '01-02-2001'::date, '1.2.2001'::date, '01/02/03'::date, '1/2/01'::date
----
2001-02-01|2001-02-01|2001-02-01|2003-02-01|2001-02-01
tag: SELECT 1

query
SELECT '13/12/2001'::date, 'Feb 3 2001'::date, '3 Feb 2001'::date, '3-feb-01'::date, '2001-02-03'::date, '20010203'::date
----
2001-12-13|2001-02-03|2001-02-03|2001-02-03|2001-02-03|2001-02-03
tag: SELECT 1

query
SELECT '1/2/2001 10:00'::timestamp, '1/2/2001 10:00+02'::timestamptz, '1/2/2001'::text::date
----
2001-02-01 10:00:00|2001-02-01 08:00:00+00|2001-02-01
tag: SELECT 1

query
SELECT date '1/2/2001', timestamp '1/2/2001 01:02:03'
----
2001-02-01|2001-02-01 01:02:03
tag: SELECT 1

query
SELECT '{1/2/2001,3/4/2001}'::date[]
----
{2001-02-01,2001-04-03}
tag: SELECT 1

query
EXECUTE pd
----
2001-01-02
tag: SELECT 1

statement ok
INSERT INTO dsd VALUES (1, '3/4/2001', '3/4/2001 05:06'), (2, '4/3/2001', NULL)

query
SELECT id, d, ts FROM dsd ORDER BY id
----
1|2001-04-03|2001-04-03 05:06:00
2|2001-03-04|NULL
tag: SELECT 2

query
EXECUTE pw
----
2
tag: SELECT 1

query
SELECT id FROM dsd WHERE d = '3/4/2001'
----
1
tag: SELECT 1

statement error 22008
SELECT '12/13/2001'::date

statement ok
SET DateStyle = 'SQL, DMY'

query
SELECT '1/2/2001'::date, '1/2/2001 10:00'::timestamp
----
01/02/2001|01/02/2001 10:00:00
tag: SELECT 1

statement ok
SET DateStyle = German

query
SHOW DateStyle
----
German, DMY
tag: SHOW

query
SELECT '1/2/2001'::date, '1.2.2001'::date
----
01.02.2001|01.02.2001
tag: SELECT 1

statement ok
SET DateStyle = 'Postgres, YMD'

query
SHOW DateStyle
----
Postgres, YMD
tag: SHOW

query
SELECT '01/02/03'::date, '2001/02/03'::date, '01-feb-03'::date, 'feb-03-2001'::date, '03-feb-2001'::date, '01/02/03 04:05'::timestamp
----
02-03-2001|02-03-2001|02-03-2001|02-03-2001|02-03-2001|Sat Feb 03 04:05:00 2001
tag: SELECT 1

statement error 22008
SELECT '1/2/2001'::date

query
EXECUTE pd
----
01-02-2001
tag: SELECT 1

statement ok
SET DateStyle = 'ISO, MDY'

query
EXECUTE pd
----
2001-01-02
tag: SELECT 1

query
EXECUTE pw
----
2
tag: SELECT 1

statement ok
SET DateStyle = DMY

query
SHOW DateStyle
----
ISO, DMY
tag: SHOW

statement ok
SET DateStyle = US

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement ok
RESET DateStyle
