# SET, SHOW, RESET and the statements clients send at connection start, as PostgreSQL 15
# answers them.

statement ok
CREATE TABLE kv (k text PRIMARY KEY, v int)

query
SHOW statement_timeout
----
0
tag: SHOW

statement ok
SET statement_timeout = 5000

query
SHOW statement_timeout
----
5s
tag: SHOW

statement ok
SET statement_timeout TO '1.5min'

query
SHOW statement_timeout
----
90s
tag: SHOW

statement ok
SET SESSION statement_timeout = '250ms'

query
SHOW statement_timeout
----
250ms
tag: SHOW

query
RESET statement_timeout
----
tag: RESET

query
SHOW statement_timeout
----
0
tag: SHOW

statement error 22023
SET statement_timeout = '5 fortnights'

statement error 22023
SET lock_timeout = -1

statement ok
SET lock_timeout = '2s'

query
SHOW lock_timeout
----
2s
tag: SHOW

query
SET application_name = 'golden'
----
tag: SET

query
SHOW application_name
----
golden
tag: SHOW

statement ok
SET search_path TO "$user", public

query
SHOW search_path
----
"$user", public
tag: SHOW

statement ok
SET search_path = public

query
SHOW search_path
----
public
tag: SHOW

statement ok
SET DateStyle = 'iso, dmy'

query
SHOW DateStyle
----
ISO, DMY
tag: SHOW

statement ok
SET DateStyle = 'YMD'

query
SHOW DateStyle
----
ISO, YMD
tag: SHOW

statement ok
SET DateStyle = 'US, ISO'

query
SHOW DateStyle
----
ISO, MDY
tag: SHOW

statement ok
SET datestyle TO DEFAULT

query
SHOW datestyle
----
ISO, MDY
tag: SHOW

statement ok
SET TIME ZONE 'Europe/Rome'

query
SHOW TIME ZONE
----
Europe/Rome
tag: SHOW

query
SHOW timezone
----
Europe/Rome
tag: SHOW

statement ok
SET TimeZone = 'UTC'

statement error 22023
SET TIME ZONE 'Mars/Olympus_Mons'

statement ok
SET client_encoding = 'UTF8'

statement ok
SET NAMES 'utf8'

query
SHOW client_encoding
----
UTF8
tag: SHOW

statement ok
SET extra_float_digits = 3

query
SHOW extra_float_digits
----
3
tag: SHOW

statement error 22023
SET extra_float_digits = 4

statement ok
SET client_min_messages TO warning

query
SHOW client_min_messages
----
warning
tag: SHOW

statement error 42704
SET no_such_setting = 1

statement error 42704
SHOW no_such_setting

statement error 55P02
SET server_version = '16'

statement error 55P02
SET integer_datetimes = off

query
SHOW integer_datetimes
----
on
tag: SHOW

query
SHOW max_identifier_length
----
63
tag: SHOW

query
SHOW server_encoding
----
UTF8
tag: SHOW

query
SHOW standard_conforming_strings
----
on
tag: SHOW

statement ok
SET myapp.tenant = 'acme'

query
SHOW myapp.tenant
----
acme
tag: SHOW

statement error 42704
SHOW myapp.other

statement error 42601
SET statement_timeout

# A SET in a transaction that rolls back is undone; one that commits stays.

statement ok
BEGIN

statement ok
SET statement_timeout = '7s'

query
SHOW statement_timeout
----
7s
tag: SHOW

statement ok
ROLLBACK

query
SHOW statement_timeout
----
0
tag: SHOW

statement ok
BEGIN

statement ok
SET statement_timeout = '7s'

statement ok
COMMIT

query
SHOW statement_timeout
----
7s
tag: SHOW

# SET LOCAL lasts until the transaction ends, and does nothing outside one.

statement ok
BEGIN

statement ok
SET LOCAL statement_timeout = '3s'

query
SHOW statement_timeout
----
3s
tag: SHOW

statement ok
COMMIT

query
SHOW statement_timeout
----
7s
tag: SHOW

statement ok
SET LOCAL statement_timeout = '1s'

query
SHOW statement_timeout
----
7s
tag: SHOW

statement ok
BEGIN

statement ok
RESET ALL

statement ok
ROLLBACK

query
SHOW statement_timeout
----
7s
tag: SHOW

query
RESET ALL
----
tag: RESET

query
SHOW statement_timeout
----
0
tag: SHOW

# A placeholder once set stays defined: RESET empties it.
query
SELECT current_setting('myapp.tenant') = ''
----
t
tag: SELECT 1

# Transaction modes: READ COMMITTED is drove's one isolation level.

query
SHOW TRANSACTION ISOLATION LEVEL
----
read committed
tag: SHOW

query
BEGIN ISOLATION LEVEL READ COMMITTED
----
tag: BEGIN

query
SHOW transaction_isolation
----
read committed
tag: SHOW

statement ok
SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE

statement ok
COMMIT

query
START TRANSACTION READ WRITE, ISOLATION LEVEL READ COMMITTED
----
tag: START TRANSACTION

statement ok
INSERT INTO kv VALUES ('a', 1)

statement ok
COMMIT

statement ok
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED

statement ok
SET default_transaction_isolation = 'read committed'

query
BEGIN ISOLATION LEVEL READ UNCOMMITTED
----
tag: BEGIN

query
SHOW transaction_isolation
----
read uncommitted
tag: SHOW

statement ok
COMMIT

# deviation: PostgreSQL runs SERIALIZABLE transactions; drove refuses them
statement error 0A000
BEGIN ISOLATION LEVEL SERIALIZABLE

statement error 42601
BEGIN ISOLATION LEVEL

# VACUUM and ANALYZE have nothing to do, but check their tables exist.

query
VACUUM
----
tag: VACUUM

query
VACUUM ANALYZE kv
----
tag: VACUUM

query
VACUUM (VERBOSE, ANALYZE) kv
----
tag: VACUUM

query
ANALYZE kv (v)
----
tag: ANALYZE

statement error 42P01
VACUUM no_such_table

statement ok
BEGIN

statement error 25001
VACUUM kv

statement ok
ROLLBACK

query
SELECT k, v FROM kv
----
a|1
tag: SELECT 1

# The functions that read and change settings.

query
SELECT current_setting('statement_timeout'), current_setting('DateStyle')
----
0|ISO, MDY
tag: SELECT 1

query
SELECT current_setting('no_such_setting', true) IS NULL
----
t
tag: SELECT 1

statement error 42704
SELECT current_setting('no_such_setting')

query
SELECT set_config('statement_timeout', '12s', false)
----
12s
tag: SELECT 1

query
SHOW statement_timeout
----
12s
tag: SHOW

statement ok
BEGIN

query
SELECT set_config('statement_timeout', '4s', true)
----
4s
tag: SELECT 1

statement ok
COMMIT

query
SELECT current_setting('statement_timeout')
----
12s
tag: SELECT 1

statement error 22023
SELECT set_config('statement_timeout', 'soon', false)

query
SELECT current_schema(), current_database() IS NOT NULL, current_user IS NOT NULL, pg_backend_pid() IS NOT NULL
----
public|t|t|t
tag: SELECT 1

query
SELECT version() LIKE 'PostgreSQL 15%'
----
t
tag: SELECT 1
