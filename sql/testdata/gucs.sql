# PostgreSQL's planner and resource settings: accepted with PostgreSQL's types, ranges, units,
# defaults and SHOW formatting, kept per session and transactionally (drove's planner does
# not read them). And DROP ... IF EXISTS of a name in a schema that does not exist.
query
SHOW work_mem
----
4MB
tag: SHOW

query
SHOW maintenance_work_mem
----
64MB
tag: SHOW

query
SHOW effective_cache_size
----
4GB
tag: SHOW

query
SHOW random_page_cost
----
4
tag: SHOW

query
SHOW cpu_tuple_cost
----
0.01
tag: SHOW

query
SHOW jit_above_cost
----
100000
tag: SHOW

query
SHOW enable_sort
----
on
tag: SHOW

query
SHOW enable_partitionwise_join
----
off
tag: SHOW

query
SHOW min_parallel_table_scan_size
----
8MB
tag: SHOW

query
SHOW constraint_exclusion
----
partition
tag: SHOW

query
SHOW synchronous_commit
----
on
tag: SHOW

query
SELECT current_setting('geqo_threshold'), current_setting('max_parallel_workers_per_gather'), current_setting('default_statistics_target')
----
12|2|100
tag: SELECT 1

statement ok
SET work_mem = '64kB'

query
SHOW work_mem
----
64kB
tag: SHOW

statement ok
SET work_mem = 65536

query
SHOW work_mem
----
64MB
tag: SHOW

statement ok
SET work_mem TO '1.5MB'

query
SHOW work_mem
----
1536kB
tag: SHOW

statement ok
SET work_mem = '  2 GB '

query
SHOW work_mem
----
2GB
tag: SHOW

statement error 22023
SET work_mem = 'x'

statement error 22023
SET work_mem = '64 kb'

statement error 22023
SET work_mem = 63

statement error 22023
SET work_mem = '4TB'

statement error 22023
SET work_mem = '1MB x'

query
SHOW work_mem
----
2GB
tag: SHOW

statement ok
RESET work_mem

query
SHOW work_mem
----
4MB
tag: SHOW

statement ok
SET maintenance_work_mem = '1GB'

query
SHOW maintenance_work_mem
----
1GB
tag: SHOW

statement ok
SET effective_cache_size = 1

query
SHOW effective_cache_size
----
8kB
tag: SHOW

statement ok
SET effective_cache_size = '100kB'

query
SHOW effective_cache_size
----
96kB
tag: SHOW

statement ok
SET effective_cache_size = '16GB'

query
SHOW effective_cache_size
----
16GB
tag: SHOW

statement error 22023
SET effective_cache_size = 0

statement ok
SET enable_sort = off

query
SHOW enable_sort
----
off
tag: SHOW

statement ok
SET enable_sort = 'tru'

query
SHOW enable_sort
----
on
tag: SHOW

statement ok
SET enable_hashagg = 0

statement ok
SET enable_seqscan = false

statement ok
SET enable_indexscan = no

statement ok
SET enable_nestloop TO off

statement ok
SET enable_mergejoin = 'OFF'

statement ok
SET enable_memoize = off

query
SELECT current_setting('enable_hashagg'), current_setting('enable_seqscan'), current_setting('enable_indexscan'), current_setting('enable_nestloop'), current_setting('enable_mergejoin'), current_setting('enable_memoize')
----
off|off|off|off|off|off
tag: SELECT 1

statement error 22023
SET enable_sort = maybe

statement error 22023
SET enable_sort = 'o'

statement error 22023
SET enable_sort = 2

statement ok
SET random_page_cost = 1.1

query
SHOW random_page_cost
----
1.1
tag: SHOW

statement ok
SET random_page_cost = '1.23456789'

query
SHOW random_page_cost
----
1.23457
tag: SHOW

statement ok
SET seq_page_cost = 1e3

query
SHOW seq_page_cost
----
1000
tag: SHOW

statement ok
SET parallel_setup_cost = 10

statement ok
SET parallel_tuple_cost = 0.001

statement ok
SET cpu_tuple_cost = 0.0001

query
SELECT current_setting('parallel_setup_cost'), current_setting('parallel_tuple_cost'), current_setting('cpu_tuple_cost')
----
10|0.001|0.0001
tag: SELECT 1

statement error 22023
SET random_page_cost = -1

statement error 22023
SET random_page_cost = 'cheap'

statement error 22023
SET random_page_cost = '1ms'

statement error 22023
SET random_page_cost = 'NaN'

statement ok
SET jit = off

statement ok
SET jit_above_cost = -1

query
SELECT current_setting('jit'), current_setting('jit_above_cost')
----
off|-1
tag: SELECT 1

statement error 22023
SET jit_above_cost = -2

statement ok
SET max_parallel_workers_per_gather = 0

statement error 22023
SET max_parallel_workers_per_gather = 1025

statement error 22023
SET max_parallel_workers_per_gather = '1.5x'

statement ok
SET max_parallel_workers_per_gather = 2.5

query
SHOW max_parallel_workers_per_gather
----
2
tag: SHOW

statement ok
SET geqo = off

statement ok
SET geqo_threshold = 2

statement error 22023
SET geqo_threshold = 1

statement ok
SET from_collapse_limit = 1

statement ok
SET join_collapse_limit = 20

statement ok
SET default_statistics_target = 1000

statement error 22023
SET default_statistics_target = 0

query
SELECT current_setting('geqo'), current_setting('geqo_threshold'), current_setting('from_collapse_limit'), current_setting('join_collapse_limit'), current_setting('default_statistics_target')
----
off|2|1|20|1000
tag: SELECT 1

statement ok
SET constraint_exclusion = yes

query
SHOW constraint_exclusion
----
on
tag: SHOW

statement error 22023
SET constraint_exclusion = sometimes

statement ok
SET plan_cache_mode = FORCE_CUSTOM_PLAN

query
SHOW plan_cache_mode
----
force_custom_plan
tag: SHOW

statement ok
SET row_security = off

statement ok
SET check_function_bodies = false

query
SELECT current_setting('row_security'), current_setting('check_function_bodies')
----
off|off
tag: SELECT 1

statement ok
SET synchronous_commit = off

query
SHOW synchronous_commit
----
off
tag: SHOW

statement ok
SET synchronous_commit = local

statement ok
SET synchronous_commit = remote_write

statement ok
SET synchronous_commit = 1

query
SHOW synchronous_commit
----
on
tag: SHOW

# deviation: remote_apply promises the commit is visible to reads on every replica; drove's follower reads may lag
statement error 0A000
SET synchronous_commit = remote_apply

statement error 22023
SET synchronous_commit = always

statement ok
SET hash_mem_multiplier = 1.5

statement ok
SET recursive_worktable_factor = 0.001

statement error 22023
SET recursive_worktable_factor = 0

query
SELECT set_config('work_mem', '256MB', false), current_setting('work_mem')
----
256MB|256MB
tag: SELECT 1

statement ok
BEGIN

statement ok
SET LOCAL work_mem = '1MB'

statement ok
SET enable_sort = on

query
SELECT current_setting('work_mem'), current_setting('enable_sort')
----
1MB|on
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT current_setting('work_mem'), current_setting('enable_sort')
----
256MB|on
tag: SELECT 1

statement ok
BEGIN

statement ok
SET work_mem = '8MB'

statement ok
SET LOCAL random_page_cost = 2

query
SELECT set_config('jit_above_cost', '5', true)
----
5
tag: SELECT 1

statement ok
COMMIT

query
SELECT current_setting('work_mem'), current_setting('random_page_cost'), current_setting('jit_above_cost')
----
8MB|1.23457|-1
tag: SELECT 1

statement ok
BEGIN

statement error 22023
SET work_mem = 'x'

statement error 25P02
SELECT 1

statement ok
ROLLBACK

statement ok
SET work_mem TO DEFAULT

query
SHOW work_mem
----
4MB
tag: SHOW

statement ok
RESET ALL

query
SELECT current_setting('enable_sort'), current_setting('random_page_cost'), current_setting('effective_cache_size'), current_setting('synchronous_commit')
----
on|4|4GB|on
tag: SELECT 1

statement error 42704
SET enable_teleport = on

statement error 42704
SHOW enable_teleport

statement error 42704
SET work_memory = '4MB'

statement ok
SET myapp.work_mem = 'anything'

query
SHOW myapp.work_mem
----
anything
tag: SHOW

query
SELECT current_setting('myapp.nothing', true) IS NULL
----
t
tag: SELECT 1

statement ok
DROP TABLE IF EXISTS no_such_schema.foo

statement ok
DROP TABLE IF EXISTS no_such_schema.foo, no_such_schema.bar

statement ok
DROP SEQUENCE IF EXISTS no_such_schema.s

statement ok
DROP VIEW IF EXISTS no_such_schema.v

statement ok
DROP MATERIALIZED VIEW IF EXISTS no_such_schema.mv

statement ok
DROP INDEX IF EXISTS no_such_schema.i

statement error 3F000
DROP TABLE no_such_schema.foo

statement error 3F000
DROP SEQUENCE no_such_schema.s

statement error 3F000
DROP VIEW no_such_schema.v

statement error 3F000
DROP MATERIALIZED VIEW no_such_schema.mv

statement error 3F000
DROP INDEX no_such_schema.i

statement error 22023
SET work_mem = 1, 2

statement error 22023
SET nosuch = 1, 2

statement ok
SET search_path = public, "$user"

query
SHOW search_path
----
public, "$user"
tag: SHOW

statement error 42602
SET "foo.b ar" = 1

statement error 42601
SET x1.$y = 2
