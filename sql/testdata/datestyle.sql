# DateStyle: output styles ISO, SQL, Postgres and German (order MDY) for date, timestamp and
# timestamptz on the wire, in ::text casts, concatenation and arrays; SHOW, combinations and errors.
statement ok
CREATE TABLE ds (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz)

statement ok
INSERT INTO ds VALUES (1, '1997-12-17', '1997-12-17 07:37:16', '1997-12-17 07:37:16.5+00'), (2, '0044-03-15 BC', '0044-03-15 10:00:00 BC', '2017-07-01 12:00:00.123+00'), (3, 'infinity', '-infinity', 'infinity')

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement ok
SET DateStyle = 'SQL, MDY'

query
SHOW DateStyle
----
SQL, MDY
tag: SHOW

statement ok
SET TimeZone = 'America/New_York'

query
SELECT id, d, ts, tz, d::text, ts::text, tz::text, 'x' || tz, array[d], array[tz], time '12:00:01.5', timetz '12:00+02' FROM ds ORDER BY id
----
1|12/17/1997|12/17/1997 07:37:16|12/17/1997 02:37:16.5 EST|12/17/1997|12/17/1997 07:37:16|12/17/1997 02:37:16.5 EST|x12/17/1997 02:37:16.5 EST|{12/17/1997}|{"12/17/1997 02:37:16.5 EST"}|12:00:01.5|12:00:00+02
2|03/15/0044 BC|03/15/0044 10:00:00 BC|07/01/2017 08:00:00.123 EDT|03/15/0044 BC|03/15/0044 10:00:00 BC|07/01/2017 08:00:00.123 EDT|x07/01/2017 08:00:00.123 EDT|{"03/15/0044 BC"}|{"07/01/2017 08:00:00.123 EDT"}|12:00:01.5|12:00:00+02
3|infinity|-infinity|infinity|infinity|-infinity|infinity|xinfinity|{infinity}|{infinity}|12:00:01.5|12:00:00+02
tag: SELECT 3

statement ok
SET TimeZone = 'Europe/Berlin'

query
SELECT id, d, ts, tz, tz::varchar(12), concat(d, ' ', tz) FROM ds ORDER BY id
----
1|12/17/1997|12/17/1997 07:37:16|12/17/1997 08:37:16.5 CET|12/17/1997 0|12/17/1997 12/17/1997 08:37:16.5 CET
2|03/15/0044 BC|03/15/0044 10:00:00 BC|07/01/2017 14:00:00.123 CEST|07/01/2017 1|03/15/0044 BC 07/01/2017 14:00:00.123 CEST
3|infinity|-infinity|infinity|infinity|infinity infinity
tag: SELECT 3

statement ok
SET DATESTYLE TO 'Postgres'

query
SHOW DateStyle
----
Postgres, MDY
tag: SHOW

query
SELECT id, d, ts, tz, tz::text, array[ts] FROM ds ORDER BY id
----
1|12-17-1997|Wed Dec 17 07:37:16 1997|Wed Dec 17 08:37:16.5 1997 CET|Wed Dec 17 08:37:16.5 1997 CET|{"Wed Dec 17 07:37:16 1997"}
2|03-15-0044 BC|Fri Mar 15 10:00:00 0044 BC|Sat Jul 01 14:00:00.123 2017 CEST|Sat Jul 01 14:00:00.123 2017 CEST|{"Fri Mar 15 10:00:00 0044 BC"}
3|infinity|-infinity|infinity|infinity|{-infinity}
tag: SELECT 3

statement ok
SET TimeZone = 'America/New_York'

query
SELECT id, d, ts, tz FROM ds ORDER BY id
----
1|12-17-1997|Wed Dec 17 07:37:16 1997|Wed Dec 17 02:37:16.5 1997 EST
2|03-15-0044 BC|Fri Mar 15 10:00:00 0044 BC|Sat Jul 01 08:00:00.123 2017 EDT
3|infinity|-infinity|infinity
tag: SELECT 3

statement ok
SET DateStyle = 'German, US'

query
SELECT id, d, ts, tz, tz::text FROM ds ORDER BY id
----
1|17.12.1997|17.12.1997 07:37:16|17.12.1997 02:37:16.5 EST|17.12.1997 02:37:16.5 EST
2|15.03.0044 BC|15.03.0044 10:00:00 BC|01.07.2017 08:00:00.123 EDT|01.07.2017 08:00:00.123 EDT
3|infinity|-infinity|infinity|infinity
tag: SELECT 3

statement ok
SET TimeZone = 'Europe/Berlin'

query
SELECT id, d, ts, tz FROM ds ORDER BY id
----
1|17.12.1997|17.12.1997 07:37:16|17.12.1997 08:37:16.5 CET
2|15.03.0044 BC|15.03.0044 10:00:00 BC|01.07.2017 14:00:00.123 CEST
3|infinity|-infinity|infinity
tag: SELECT 3

query
SELECT format('%s|%L', d, tz), quote_literal(ts), quote_nullable(d), concat_ws(',', d, ts, tz) FROM ds WHERE id = 1
----
17.12.1997|'17.12.1997 08:37:16.5 CET'|'17.12.1997 07:37:16'|'17.12.1997'|17.12.1997,17.12.1997 07:37:16,17.12.1997 08:37:16.5 CET
tag: SELECT 1

statement ok
SET DateStyle = 'NonEuropean'

query
SHOW DateStyle
----
German, MDY
tag: SHOW

statement ok
SET DateStyle = 'iso'

query
SELECT id, d, ts, tz, tz::text FROM ds ORDER BY id
----
1|1997-12-17|1997-12-17 07:37:16|1997-12-17 08:37:16.5+01|1997-12-17 08:37:16.5+01
2|0044-03-15 BC|0044-03-15 10:00:00 BC|2017-07-01 14:00:00.123+02|2017-07-01 14:00:00.123+02
3|infinity|-infinity|infinity|infinity
tag: SELECT 3

statement ok
SET DateStyle = 'sql, default'

query
SHOW DateStyle
----
SQL, MDY
tag: SHOW

statement ok
SET DateStyle = default

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement ok
SET DateStyle = 'Postgres, US'

statement ok
RESET DateStyle

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement error 22023
SET DateStyle = 'foo'

statement error 22023
SET DateStyle = 'SQL, Postgres'

statement error 22023
SET DateStyle = 'MDY, US, DMY'

statement error 22023
SET DateStyle = 'SQL DMY'

statement error 22023
SET DateStyle = 'SQL,'

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement ok
RESET TimeZone
