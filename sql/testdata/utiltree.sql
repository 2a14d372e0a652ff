# Session and transaction statements read by sql/parser (utility_tree.go), where the dialect
# pass's hand-written parsers answered otherwise. PostgreSQL 15 decides.
statement ok
CREATE TABLE ut_t (a int PRIMARY KEY, b text)

# COMMIT/ROLLBACK AND CHAIN: 25P01 outside a block; inside, a new block with the same
# isolation level and read-only mode; after a failed block, the defaults.
statement error 25P01
COMMIT AND CHAIN

statement error 25P01
ROLLBACK AND CHAIN

statement error 25P01
SELECT 1; COMMIT AND CHAIN

statement ok
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY

statement ok
COMMIT AND CHAIN

query
SHOW transaction_isolation
----
repeatable read
tag: SHOW

query
SHOW transaction_read_only
----
on
tag: SHOW

statement ok
ROLLBACK AND CHAIN

query
SHOW transaction_isolation
----
repeatable read
tag: SHOW

statement error 25006
INSERT INTO ut_t VALUES (1, 'x')

statement ok
ROLLBACK AND NO CHAIN

query
SHOW transaction_isolation
----
read committed
tag: SHOW

statement ok
BEGIN ISOLATION LEVEL REPEATABLE READ

statement error 22012
SELECT 1/0

statement ok
COMMIT AND CHAIN

query
SHOW transaction_isolation
----
read committed
tag: SHOW

statement ok
INSERT INTO ut_t VALUES (1, 'x')

statement ok
END AND CHAIN

query
SELECT a, b FROM ut_t
----
1|x
tag: SELECT 1

statement ok
ABORT AND NO CHAIN

statement ok
BEGIN

statement ok
SAVEPOINT s1

statement ok
COMMIT AND CHAIN

statement error 3B001
ROLLBACK TO s1

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ

statement ok
COMMIT WORK AND CHAIN

query
SHOW transaction_isolation
----
repeatable read
tag: SHOW

statement ok
COMMIT TRANSACTION

statement error 42601
COMMIT AND

statement error 42601
COMMIT AND NO

# SET name FROM CURRENT: the value it has.
statement ok
SET work_mem = '8MB'

statement ok
SET work_mem FROM CURRENT

query
SHOW work_mem
----
8MB
tag: SHOW

statement error 42704
SET no_such_setting FROM CURRENT

# search_path's strings are quoted as identifiers (GUC_LIST_QUOTE); another setting's
# quoted identifier is its name.
statement ok
SET search_path = 'MySchema', public, "$user"

query
SHOW search_path
----
"MySchema", public, "$user"
tag: SHOW

statement ok
SET search_path = "public"

query
SHOW search_path
----
public
tag: SHOW

statement ok
SET search_path = public, PG_CATALOG, "public"

query
SHOW search_path
----
public, pg_catalog, public
tag: SHOW

statement ok
RESET search_path

statement ok
SET application_name = "Foo"

query
SHOW application_name
----
Foo
tag: SHOW

statement ok
SET TIME ZONE "America/New_York"

query
SHOW timezone
----
America/New_York
tag: SHOW

statement ok
SET TIME ZONE INTERVAL '+02:30' HOUR TO MINUTE

query
SHOW timezone
----
<+02:30>-02:30
tag: SHOW

statement ok
RESET ALL

query
SHOW "TimeZone"
----
UTC
tag: SHOW

# DISCARD
statement error 42601
DISCARD "all"

statement error 42601
DISCARD

statement error 42601
DISCARD ALL PLANS

statement ok
DISCARD TEMPORARY

# VACUUM and ANALYZE check their options and columns.
statement error 42601
VACUUM (foo)

statement ok
VACUUM (VERBOSE false) ut_t

statement error 42703
ANALYZE ut_t (nosuch)

statement ok
ANALYZE ut_t (a, b)

statement error 42P01
VACUUM ut_t, nosuch

statement ok
VACUUM ANALYZE ut_t (a)

statement error 0A000
VACUUM ut_t (a)

statement error 42601
VACUUM (VERBOSE 'x') ut_t

statement error 42601
ANALYZE (FULL) ut_t

statement ok
ANALYZE (VERBOSE, SKIP_LOCKED) ut_t

statement ok
VACUUM (ANALYZE, FREEZE ON, INDEX_CLEANUP auto) public.ut_t (b)

statement error 42601
RELEASE

statement error 42601
SAVEPOINT "a".b

statement error 42601
NOTIFY ch, ut_t

statement ok
NOTIFY "Ch", 'payload'

statement ok
LISTEN "Ch"

statement ok
UNLISTEN *

statement error 42601
CHECKPOINT now

statement error 3F000
SET CONSTRAINTS x.y DEFERRED
