package sql

import (
	"errors"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/lexer"
)

// TestDialectRules has a case for every rule of wordRules: the rewrite it makes, and that
// what it emits cannot be typed by a user with another meaning (the MySQL spelling, written
// by hand, is refused or quoted: see TestMySQLSyntaxRefused).
func TestDialectRules(t *testing.T) {
	cases := []struct {
		rule, in string
		want     string // the rewritten statement; "" with code set means an error
		code     string
	}{
		{"mysql-current-date-call", "select current_date()", "", "42601"},
		{"column-label", "select true as true, 1 as from, a as x, b as \"select\" from t", "select true as `true`, 1 as `from`, a as `x`, b as `select` from t", ""},
		{"column-label", "select cast(a as int), x from t as select", "select ((a ) collate '\\0::int' ), x from t as select", ""},
		{"table-query", "table t order by a", "select * from t order by a", ""},
		{"empty-select-list", "select from t where a > 1", "select /*drove:notargets*/ 1 from t where a > 1", ""},
		{"empty-select-list", "select", "select /*drove:notargets*/ 1", ""},
		{"empty-select-list", "select exists (select from t), x from t as select", "select exists (select /*drove:notargets*/ 1 from t), x from t as select", ""},
		{"empty-select-list", "select 1 except select from t", "select 1 union select /*drove:except*/ /*drove:notargets*/ 1 from t", ""},
		{"table-query", "values (1) union all table t", "values row (1) union all select * from t", ""},
		{"table-query", "select a in (table t) from u", "select a in (select * from t) from u", ""},
		{"table-query", "create table t (a int)", "create table t (a int)", ""},
		{"key-name", "select key, t.key from t where key = 1", "select `key`, t.`key` from t where `key` = 1", ""},
		{"key-name", "create table t (a int primary key, b int, foreign key (b) references u)", "create table t (a int primary key, b int, foreign key (b) references u)", ""},
		{"window-call-without-over", "select row_number(*), rank(1), lag(a) + 1 from t", "select `row_number`(), `rank`(1), `lag`(a) + 1 from t", ""},
		{"window-call-without-over", "select rank(1) within group (order by a), rank() over (), t.lag(a) from t", "select group_concat('\\0within', 1 order by a separator '\\0agg:rank'), rank() over (), t.lag(a) from t", ""},
		{"window-call-arguments", "select row_number(a) over (), rank(*) over (), rank() over () from t", "select count('\\0agg:row_number', a) over (), rank() over (), rank() over () from t", ""},
		{"window-function-name", "select rank, rank() over () from t", "select `rank`, rank() over () from t", ""},
		{"partition-name", "select partition, count(*) over (partition by partition) from t", "select `partition`, count(*) over (partition by `partition`) from t", ""},
		{"match-name", "select match from t", "select `match` from t", ""},
		{"match-name", "create table t (a int references u match full)", "create table t (a int references u match full)", ""},
		{"regexp-function", "select regexp_replace(s, 'a', 'b', 1, 2, 'i')", "select `regexp_replace`(s, 'a', 'b', 1, 2, 'i')", ""},
		{"regexp-function", "select regexp_like from t", "select regexp_like from t", ""},
		{"type-function", "select float8(1), float4(x)", "select `float8`(1), `float4`(x)", ""},
		{"type-function", "select float8 from t", "select float8 from t", ""},
		{"regexp-function", "create table regexp_like (a int)", "create table regexp_like (a int)", ""},
		{"string-function", "select substr(s, 2), ltrim(s, 'x'), rtrim (s)", "select `substr`(s, 2), `ltrim`(s, 'x'), `rtrim` (s)", ""},
		{"string-function", "select s.substr from t", "select s.substr from t", ""},
		{"mysql-current-date-call", "select current_date", "select current_date", ""},
		{"mysql-empty-precision", "select current_timestamp(), localtime(3)", "", "42601"},
		{"mysql-empty-precision", "select current_timestamp(3)", "select current_timestamp(3)", ""},
		{"star-precision", "select localtime(*)", "", "42601"},
		{"mysql-add-column-list", "alter table t add column (a int)", "", "42601"},
		{"mysql-add-column-list", "alter table t add column a int", "alter table t add column a int", ""},
		{"internal-function", "select drove_field(r, 'f')", "", "42883"},
		{"internal-function", "select drove_field from t", "select drove_field from t", ""},
		{"mysql-collate-string", "select a collate 'C'", "", "42601"},
		{"mysql-insert-set", "insert into t set a = 1", "", "42601"},
		{"mysql-insert-set", "insert into t select 1 from u where v = 1", "insert into t select 1 from u where v = 1", ""},
		{"mysql-user-call", "select current_user()", "", "42601"},
		{"count-no-arguments", "select count() over ()", "", "42809"},
		{"count-no-arguments", "select count(*), t.count(), count (x) from t", "select count(*), t.count(), count (x) from t", ""},
		{"mysql-user-call", "select current_user, user", "select current_user, user", ""},
		{"array-brackets", "select array[1, x]", "select drove_array_of(1, x)", ""},
		{"grouping-sets", "select a from t group by grouping sets ((a, b), (), rollup (a))", "select a from t group by drove_grouping_sets ((a, b), drove_empty_set(), drove_rollup (a))", ""},
		{"grouping-sets", "select grouping sets from t", "select grouping  as `sets` from t", ""},
		{"variadic", "select concat_ws(',', variadic array['a', x]), f(variadic g(a, variadic b))", "select concat_ws(',', drove_variadic( drove_array_of('a', x))), f(drove_variadic( g(a, drove_variadic( b))))", ""},
		{"variadic", "select f(variadic a, b)", "", "42601"},
		{"grouping", "select grouping(a, b) from t group by ()", "select drove_grouping(a, b) from t group by drove_empty_set()", ""},
		{"rollup-cube", "select rollup(a), cube(b) from t group by a, ROLLUP(b), cube (c, (d, e)) order by cube(a)", "select rollup(a), cube(b) from t group by a, drove_rollup(b), drove_cube (c, (d, e)) order by cube(a)", ""},
		{"distinct-on", "select distinct on (a, b) a, c from t", "select distinct  a, c , drove_distinct_on (a, b) from t", ""},
		{"distinct-on", "select count(distinct a) from t", "select count(distinct a) from t", ""},
		{"distinct-on", "select (select distinct on (a) * from t order by a), 1", "select (select distinct  * , drove_distinct_on (a) from t order by a), 1", ""},
		{"distinct-on", "select distinct on (a) a", "select distinct  a, drove_distinct_on (a)", ""},
		{"rollup-cube", "select a in ((select 1 from t group by a), rollup(1, 2))", "select a in ((select 1 from t group by a), rollup(1, 2))", ""},
		{"rollup-cube", "select a in ((select 1 from t window w as ()), (1, 2))", "select a in ((select 1 from t window w as ()), (1, 2))", ""},
		{"distinct-on", "select (select distinct on (a) a)", "select (select distinct  a, drove_distinct_on (a) )", ""},
		{"array-column", "create table t (a int array, b text ARRAY[3], c int[][2])", "create table t (a int  collate '\\0[]', b text  collate '\\0[]', c int collate '\\0[]')", ""},
		{"row-short", "select row(1), ROW(), row(1, 2), row((1, 2)), row(array[1, 2]), row(f(1, 2))", "select drove_row(1), drove_row(), row(1, 2), drove_row((1, 2)), drove_row(drove_array_of(1, 2)), drove_row(f(1, 2))", ""},
		{"array-subquery", "select array(select 1)", "select drove_array((select 1))", ""},
		{"like-any", "select a like any(k), b ilike all (select c from t), a not like some ('{x}')", "select a like drove_like_any(k), b regexp drove_like_all(drove_array((select c from t))), a not like drove_like_any('{x}')", ""},
		{"any-array", "select 1 = any(k), 2 < some (k), 3 <> all(select 1)", "select 1 = any (select drove_unnest(k)), 2 < some (select drove_unnest(k)), 3 <> all(select 1)", ""},
		{"insert-alias", `insert into t as "T" (a) values (1)`, "insert into t  (a) values (1)", ""},
		{"cast-as", "select cast(x as pg_catalog.numeric(10, 2)[])", "select ((x ) collate '\\0::numeric(10,2)[]' )", ""},
		{"cast-as", "select cast(x as time with time zone)", "select ((x ) collate '\\0::timetz' )", ""},
		{"cast-as", "select cast(x as 'a')", "", "42601"},
		{"between-symmetric", "select a between symmetric 1 + 2 and 5, b not between asymmetric 'a' || 'b' and c", "select a between  1 + 2 | '\\0symmetric' and 5, b not between  'a'  |  'b' and c", ""},
		{"between-symmetric", "select a between symmetric (b between symmetric 1 and 2) and 5 and true", "select a between  (b between  1 | '\\0symmetric' and 2) | '\\0symmetric' and 5 and true", ""},
		{"symmetric-reserved", "select 1 from t where symmetric = 1", "", "42601"},
		{"symmetric-reserved", "select a as symmetric, 1 asymmetric from t", "select a as `symmetric`, 1  as `asymmetric` from t", ""},
		{"symmetric-reserved", "select symmetric from t", "", "42601"},
		{"symmetric-reserved", "create table t (asymmetric int)", "", "42601"},
		{"between-symmetric-and", "select a between symmetric case when x and y then 1 end and 5 and z", "select a between  case when x and y then 1 end | '\\0symmetric' and 5 and z", ""},
		{"is-not-distinct", "select a is not distinct from b", "select a <=> b", ""},
		{"postfix-isnull", "select a isnull, b notnull from t where a notnull || 'x' isnull", "select a is null, b is not null from t where( a is not null ) |  'x' is null", ""},
		{"postfix-isnull", "select isnull(a)", "select isnull(a)", ""},
		{"postfix-isnull", "select isnull from t", "", "42601"},
		{"postfix-isnull", "select null isnull, (1) notnull isnull, case when true then 1 end isnull", "select null is null,( (1) is not null )is null, case when true then 1 end is null", ""},
		{"is-distinct", "select a IS DISTINCT FROM b", "select a <=> '\\0distinct' <=> b", ""},
		{"operator", "select a operator(pg_catalog.+) b, c OPERATOR(~*) 'x'", "select a  +  b, c  | '\\0op:~*' |  'x'", ""},
		{"operator", "select a operator(pg_catalog.@@) b", "", "0A000"},
		{"operator", "select a operator(pg_catalog.=) any(k)", "select a  =  any (select drove_unnest(k))", ""},
		{"collate-default", `select a collate pg_catalog."default", b collate "C" from t`, "select a , b  from t", ""},
		{"storage-params", "create table t (a int) with (fillfactor = 70)", "create table t (a int)", ""},
		{"storage-params", "create table t (a int) with (fillfactor = 5)", "", "22023"},
		{"storage-params", "create table t (a int) with (autovacuum_enabled = false)", "", "0A000"},
		{"identity", "create table t (a int generated by default as identity)", "create table t (a int auto_increment comment 'drove identity d')", ""},
		{"identity", "create table t (a int generated always as identity)", "create table t (a int auto_increment comment 'drove identity a')", ""},
		{"identity", "create table t (a int generated always as identity (start 5))", "create table t (a int auto_increment comment 'drove identity a 73746172742035')", ""},
		{"identity", "create table t (a int generated always as identity ())", "", "42601"},
		{"overriding", "insert into t (a) overriding system value values (1)", "insert into t (a)  values (1)", ""},
		{"overriding", "insert into t overriding user value select 1", "insert into t  select 1", ""},
		{"overriding", "insert into t overriding system value default values", "", "42601"},
		{"cast", "select CAST(1 AS int)", "select ((1 ) collate '\\0::int' )", ""},
		{"full-join", "select * from a full outer join b on true", "select * from a straight_join b on true", ""},
		{"group-by-quantifier", "select a from t group by distinct a, b union select a from t group by all a", "select a from t group by drove_group_distinct(), a, b union select a from t group by  a", ""},
		{"natural-inner-join", "select * from a natural inner join b", "select * from a natural  join b", ""},
		{"full-join-using", `select * from a full join b using (x, "Y")`, "select * from a straight_join b on '\\0using:x,Y'", ""},
		// A USING after a FULL JOIN's ON (or a NATURAL FULL JOIN) is another join's.
		{"full-join-using", "select * from a full join b on true join c using (x)", "select * from a straight_join b on true join c using (x)", ""},
		{"full-join-using", "select * from a natural full join b join c using (x)", "select * from a straight_join b on '\\0natural' join c using (x)", ""},
		{"full-join", "select * from a natural full outer join (b natural full join c) where x", "select * from a straight_join (b straight_join c on '\\0natural') on '\\0natural' where x", ""},
		{"full-join", "select * from a natural full join b", "select * from a straight_join b on '\\0natural'", ""},
		{"order-using", "select a from t order by a using >, b USING < nulls last", "select a from t order by a  desc, b  asc , '\\0nulls last'", ""},
		{"order-using", "select * from t join u using (a) order by a", "select * from t join u using (a) order by a", ""},
		{"nulls-order", "select a from t order by a nulls first, b desc NULLS LAST", "select a from t order by a , '\\0nulls first', b desc , '\\0nulls last'", ""},
		{"returning", "delete from t returning a, b", "delete from t", ""},
		{"on-conflict", "insert into t values (1) on conflict (a) do update set b = 1", "insert into t values (1) on duplicate key update b = 1", ""},
		{"on-conflict", "insert into t values (1) on conflict do nothing", "insert into t values (1)", ""},
		{"on-conflict-where", "insert into t values (1) on conflict (a) do update set b = 1 where t.b < 2 returning a", "insert into t values (1) on duplicate key update b = 1", ""},
		{"on-conflict-where", "insert into t select 1 from u where v = 1 on conflict do nothing", "insert into t select 1 from u where v = 1", ""},
		{"on-conflict", "insert into t values (1) on conflict on constraint c do nothing", "insert into t values (1)", ""},
		{"on-conflict", "insert into t values (1) on conflict on constraint 1 do nothing", "", "42601"},
		{"insert", "insert into s.t as x (a) values (1)", "insert into s.t  (a) values (1)", ""},
		{"insert", "insert t values (1)", "", "42601"},
		{"insert", "insert into t () values (1)", "", "42601"},
		{"returning-elsewhere", "select 1 returning", "", "42601"},
		{"nulls-elsewhere", "select 1 nulls first", "", "42601"},
		{"empty-syntax-call", "select f(greatest())", "", "42601"},
		{"returning-elsewhere", "insert into t values (1) returning a returning", "", "42601"},
		{"upsert", "UPSERT INTO t VALUES (1)", "insert into t values (1)", ""},
		{"default-values", "insert into t default values returning a", "insert into t () values ()", ""},
		{"default-values", "insert into t (a) default values", "insert into t (a) default values", ""}, // vitess refuses it
		{"default-expr", "create table t (a text default 'd' || 'x' not null, b int default -1, c int default 2 * (3 + 4))", "create table t (a text default ( 'd'  |  'x') not null, b int default ( -1), c int default ( 2 * (3 + 4)))", ""},
		{"key-name", "create table t (key int primary key, b int references u (key))", "create table t (`key` int primary key, b int references u (`key`))", ""},
		{"key-name", "select t.key from t where key = 1", "select t.`key` from t where `key` = 1", ""},
		{"marker-agg", "select string_agg(s, ',') from t", "select group_concat(s, ',' separator '\\0agg:string_agg') from t", ""},
		{"frame-mode", "select sum(x) over (partition by groups order by range groups 1 preceding), sum(x) over (range) from t window range as (order by rows)", "select sum(x) over (partition by groups order by range , '\\0frame:groups:' rows interval ( 1 ) microsecond preceding), sum(x) over (range) from t window range as (order by rows)", ""},
		{"frame-between", "select sum(x) over (order by y rows between 2::int8 preceding and current row) from t", "select sum(x) over (order by y rows between interval ( 2 collate '\\0::int8'  ) microsecond preceding and current row) from t", ""},
		{"frame-and", "select sum(x) over (order by y range between unbounded preceding and (select 1) following) from t", "select sum(x) over (order by y range between unbounded preceding and interval ( (select 1) ) microsecond following) from t", ""},
		{"frame-preceding", "select sum(x) over w from t window w as (order by y rows x preceding)", "select sum(x) over w from t window w as (order by y rows interval ( x ) microsecond preceding)", ""},
		{"frame-following", "select sum(x) over (w rows between current row and 1 + 1 following) from t", "select sum(x) over (w rows between current row and interval ( 1 + 1 ) microsecond following) from t", ""},
		{"frame-exclude", "select sum(x) over (rows between unbounded preceding and current row exclude current row), sum(x) over (order by y range current row exclude no others) from t", "select sum(x) over (order by '\\0frame:rows:current row' rows between unbounded preceding and current row ), sum(x) over (order by y range current row ) from t", ""},
		{"window-call-without-over", "select lag(x), rank(), rank(1) within group (order by x), rank() over w from t", "select `lag`(x), `rank`(), group_concat('\\0within', 1 order by x separator '\\0agg:rank'), rank() over w from t", ""},
		{"sql-value-keyword", "select session_user, 1 as session_user, t.session_user from t", "select `session_user`(), 1 as `session_user`, t.session_user from t", ""},
		{"sql-value-keyword", "select current_catalog, current_schema, current_schema(), current_role", "select `current_catalog`(), `current_schema`(), current_schema(), `current_role`()", ""},
		{"window-args", "select lag(x, n) over w, nth_value(x, n + 1) over (order by y), lag(x) from t", "select count('\\0agg:lag', x, n) over w, count('\\0agg:nth_value', x, n + 1) over (order by y), `lag`(x) from t", ""},
		{"plain-agg-order", "select sum(x order by y), count(distinct x order by x), max(f(x, y)), min(x) over (order by y) from t", "select group_concat(x order by y separator '\\0agg:sum'), group_concat(distinct x order by x separator '\\0agg:count'), max(f(x, y)), min(x) over (order by y) from t", ""},
		{"marker-agg", "create table every (a int)", "create table every (a int)", ""},
		{"marker-agg", "insert into mode (a) select corr(x, y) from t", "insert into mode (a) select group_concat(x, y separator '\\0agg:corr') from t", ""},
		{"marker-agg", "select array_agg(distinct x order by x desc) from t", "select group_concat(distinct x order by x desc separator '\\0agg:array_agg') from t", ""},
		{"marker-agg", "select percentile_cont(0.5) within group (order by x), mode() within group (order by x) from t", "select group_concat('\\0within', 0.5 order by x separator '\\0agg:percentile_cont'), group_concat('\\0within' order by x separator '\\0agg:mode') from t", ""},
		{"marker-agg", "select stddev(x) over (partition by y), bool_and(distinct b) over () from t", "", "0A000"},
		{"marker-agg", "select stddev(x) over (partition by y) from t", "select count('\\0agg:stddev', x) over (partition by y) from t", ""},
		{"marker-agg", "select pg_catalog.stddev(x) from t", "select pg_catalog.stddev(x) from t", ""},
		{"agg-order", "select array_agg(x order by y) over () from t", "", "0A000"},
		{"agg-order", "select string_agg(x, ',' order by y) from t order by 1", "select group_concat(x, ',' order by y separator '\\0agg:string_agg') from t order by 1", ""},
		{"group-concat", "select group_concat(s) from t", "", "42883"},
		{"marker-agg", "select jsonb_agg(x), json_object_agg(k, (v)) from t", "select group_concat(x separator '\\0agg:jsonb_agg'), group_concat(k, (v) separator '\\0agg:json_object_agg') from t", ""},
		{"marker-agg", "select jsonb_agg from t", "select jsonb_agg from t", ""},
		{"ilike", "select a ilike 'x'", "select a regexp 'x'", ""},
		{"similar-to", "select a similar to 'x%', b not similar to $1", "select a regexp similar_to_escape( 'x%') collate '\\0regex', b not regexp similar_to_escape( :p1) collate '\\0regex'", ""},
		{"similar-to", "select a similar to 'x' || b = true", "select a regexp similar_to_escape( 'x'  |  b ) collate '\\0regex'= true", ""},
		{"similar-escape", "select a similar to 'x%' escape '#' || c, b", "select a regexp similar_to_escape( 'x%' ,  '#'  |  c) collate '\\0regex', b", ""},
		{"substring-similar", "select substring(s similar 'a' escape '#'), f(s similar to 'a')", "select substring(s from 'a' for '#'), f(s regexp similar_to_escape( 'a') collate '\\0regex')", ""},
		{"substring-from", "select substring(s from 2 for 3), substring(s for 2)", "select substring(s from 2 for 3), substring(s from 1 for 2)", ""},
		{"substring-for", "select substring(s for 2 from 3)", "", "0A000"},
		{"locking-clause", "select a from t x for no key update of x nowait for key share skip locked", "select /*drove:lock:no-key-update,nowait,78;key-share,skip,*/ a from t x for update", ""},
		{"locking-clause", "select (select 1 from u for share) from t order by a limit 1 for update", "select /*drove:lock:update,wait,*/ (select /*drove:lock:share,wait,*/ 1 from u for update) from t order by a limit 1 for update", ""},
		{"locking-clause", "select a from t for update skip locked nowait", "", "42601"},
		{"locking-clause", "select a from t for update of s.t", "", "42601"},
		{"overlay-placing", "select overlay(s placing 'x' from 2), overlay(s, 'x', 2)", "select overlay(s , 'x' , 2), overlay(s, 'x', 2)", ""},
		{"overlay-placing", "select overlay(s placing 'x')", "", "42601"},
		{"overlay-from", "select overlay(s placing (select a from t) from 2)", "select overlay(s , (select a from t) , 2)", ""},
		{"overlay-for", "select overlay(s placing 'x' from 2 for 1)", "select overlay(s , 'x' , 2 , 1)", ""},
		{"substring-escape", "select substring(s similar 'a' ESCAPE '#'), x like 'a' escape '#'", "select substring(s from 'a' for '#'), x like ( 'a' )escape '#'", ""},
		{"agg-filter", "select count(*) filter (where x > 1), sum(y) FILTER ( WHERE (z)) from t", "select drove_agg_filter(count(*) , x > 1), drove_agg_filter(sum(y) , (z)) from t", ""},
		{"agg-filter", "select filter from t where filter (where)", "select filter from t where filter (where)", ""},
		{"agg-filter", "select count(*) filter (where x) over (), sum(y) FILTER (WHERE a[1] > 0) OVER w", "select count(drove_window_filter(( x), 1)) over (), sum(drove_window_filter(( drove_subscript(a, 1) > 0), y)) over w", ""},
		{"agg-filter", "select rank() filter (where x) over ()", "", "0A000"},
		{"agg-filter", "select string_agg(x, ',') filter (where x) over ()", "", "0A000"},
		{"values-rows", "select * from (values (1, 'a'), (2, 'b')) as v(n, s) order by (n), (s)", "select * from (values row (1, 'a'),row (2, 'b')) as v(n, s) order by (n), (s)", ""},
		{"values-rows", "insert into t values (1), (2)", "insert into t values (1), (2)", ""},
		{"values-rows", "insert into t select * from (values (1), (2)) v", "insert into t select * from (values row (1),row (2)) v", ""},
		{"set-operation", "select 1 union select 2 intersect all select 3 order by 1", "select 1 union( select 2 union all select /*drove:intersect*/ 3 ) order by 1", ""},
		{"set-operation", "select 1 except distinct (select 2) intersect values (3)", "select 1 union( (select /*drove:except*/ 2) union values /*drove:intersect*/ row (3))", ""},
		{"set-operation", "(select 1 union all select 2) intersect select 3", "(select 1 union all select 2) union select /*drove:intersect*/ 3", ""},
		{"set-operation", "select 1 intersect table t", "", "0A000"},
		{"set-operation-operand", "select x from t where x in (select 1 except select 2)", "select x from t where x in (select 1 union select /*drove:except*/ 2)", ""},
		{"update-from", "update t set a = s.b from s join u on s.id = u.id where t.id = s.id returning t.a", "update t set a = s.b where t.id = s.id", ""},
		{"update-from", "update t set a = (select b from s), c = extract(year from d)", "update t set a = (select b from s), c = drove_extract('year',  d)", ""},
		{"delete-using", "delete from t using s, u where t.id = s.id", "delete from t where t.id = s.id", ""},
		{"delete-using", "delete from t where id in (select id from a join b using (id))", "delete from t where id in (select id from a join b using (id))", ""},
		{"ilike-escape", "select a not ilike 'x#_' escape '#', b like 'y' escape ''", "select a not like   'x#_' escape '#' collate '\\0ilike', b like ( 'y' )escape ''", ""},
		{"ilike-escape", "select a ilike 'x' and (b like 'y' escape '!')", "select a regexp 'x' and (b like ( 'y' )escape '!')", ""},
		{"ilike-escape", "select a ilike 'x' escape b", "", "0A000"},
		{"double-precision", "select 1::double precision, cast(2 as double)", "select 1 collate '\\0::double precision' , ((2 ) collate '\\0::double' )", ""},
		{"bytea", "create table t (b bytea)", "create table t (b longblob)", ""},
		{"offset-alone", "select 1 offset 2", "select 1 limit 9223372036854775807 offset 2", ""},
		{"limit-all", "select 1 limit all offset 2", "select 1 limit null offset 2", ""},
		{"limit-after-offset", "select 1 offset 2 limit 3", "select 1 limit 2 , 3", ""},
		{"limit-after-offset", "select (select 1 offset 2) limit 3", "select (select 1 limit 9223372036854775807 offset 2) limit 3", ""},
		{"offset-alone", "select (select 1 limit 1), (select 2 offset 1)", "select (select 1 limit 1), (select 2 limit 9223372036854775807 offset 1)", ""},
		{"fetch-first", "select 1 fetch first row only", "select 1 limit 1", ""},
		{"fetch-first", "select 1 offset 1 rows fetch next 2 rows only", "select 1 limit 1 , 2", ""},
		{"fetch-first", "select 1 fetch first 2 rows with ties", "select 1 limit 2  collate '\\0ties'", ""},
		{"fetch-first", "select 1 order by 1 fetch next row with ties", "select 1 order by 1 limit 1 collate '\\0ties'", ""},
		{"fetch-rows-only", "select 1 fetch next (1 + 1) rows only", "select 1 limit (1 + 1)", ""},
		{"offset-rows", "select 1 limit 1 offset 2 rows", "select 1 limit 1 offset 2", ""},
		{"dual", "select * from dual join dual d on true", "select * from `\x00dual` join `\x00dual` d on true", ""},
		{"only-table", "select * from only t, only s join only u on true", "select * from  t,  s join  u on true", ""},
		{"only-table", "update only t x set a = 1", "update  t x set a = 1", ""},
		{"only-table", "delete from only t", "delete from  t", ""},
		{"only-table", "alter table if exists only t add column b int", "alter table if exists  t add column b int", ""},
		{"only-table", "select a, only from t", "select a,  from t", ""}, // 42601 from vitess, as PostgreSQL
		{"only-table", "select * from a join b on true, only c", "select * from a join b on true,  c", ""},
		{"temp-table", "create temp table t (a int)", "create temporary table t (a int)", ""},
		{"temp-scope", "create local temp table t (a int)", "create  temporary table t (a int)", ""},
		{"on-commit", "create temp table t (a int) on commit drop", "create temporary table t (a int)", ""},
		{"on-commit", "create temp table t (a int) on commit nothing", "", "42601"},
		{"cte-materialized", "with x as materialized (select 1) select * from x", "with x as  (select * from (select 1) as `\x00cte:materialized`) select * from x", ""},
		{"cte-materialized", "with x as not materialized (values (1)) select * from x", "with x as  (select * from (values row (1)) as `\x00cte:not materialized`) select * from x", ""},
		{"typed-literal", "select interval '1 day', timestamptz 'now'", "select ('1 day' collate '\\0::interval' ), ('now' collate '\\0::timestamptz' )", ""},
		{"typed-literal", "select interval from t", "select interval from t", ""},
		{"typed-literal-tz", "select timestamp with time zone '2024-01-01'", "select ('2024-01-01' collate '\\0::timestamptz' )", ""},
		{"typed-literal-tz", "select time with time zone '10:00+01'", "select ('10:00+01' collate '\\0::timetz' )", ""},
		{"typed-literal", "select interval '1' day to second(2), interval '2' year", "select ('1' collate '\\0::interval day to second(2)' ), ('2' collate '\\0::interval year' )", ""},
		{"typed-literal-precision", "select interval(3) '1.23456 sec'", "select ('1.23456 sec' collate '\\0::interval(3)' )", ""},
		{"typed-literal-precision", "select timestamp(2) with time zone 'x', time(1) without time zone 'y'", "select ('x' collate '\\0::timestamptz(2)' ), ('y' collate '\\0::time(1)' )", ""},
		{"typed-literal", "select timetz '10:00+01'", "select ('10:00+01' collate '\\0::timetz' )", ""},
		{"typed-literal-name", "select varchar(3) 'abcd', double precision '1.5', numeric(5, 2) '1', char 'xy', bytea 'a'", "select ('abcd' collate '\\0::varchar(3)' ), ('1.5' collate '\\0::double precision' ), ('1' collate '\\0::numeric(5,2)' ), ('xy' collate '\\0::bpchar' ), ('a' collate '\\0::bytea' )", ""},
		{"typed-literal-name", "select numeric(x), char(2) from t", "select numeric(x), char(2) from t", ""},
		{"typed-literal", "select jsonb '{}', jsonpath '$.a'", "select ('{}' collate '\\0::jsonb' ), ('$.a' collate '\\0::jsonpath' )", ""},
		{"extract", "select extract(year from t), extract('dow' from t)", "select drove_extract('year',  t), drove_extract('dow',  t)", ""},
		{"extract", "select drove_extract('year', t)", "", "42883"},
		{"at-time-zone", "select t at time zone 'UTC'", "select t  ^ '\\0at time zone' ^  'UTC'", ""},
		{"at-time-zone", "select 2 ^ 3", "select 2  ^  3", ""},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.rule] = true
		t.Run(c.rule+"/"+c.in, func(t *testing.T) {
			pieces, err := splitAndRewrite(c.in)
			if c.code != "" {
				var e *Error
				if !errors.As(err, &e) || e.Code != c.code {
					t.Fatalf("got %v, want SQLSTATE %s", err, c.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(pieces) != 1 || pieces[0].sql != c.want {
				t.Fatalf("got %+v, want %q", pieces, c.want)
			}
		})
	}
	for _, rules := range wordRules {
		for _, r := range rules {
			if !covered[r.name] {
				t.Errorf("rule %s has no case", r.name)
			}
		}
	}
}

// TestDialectTokens: the rewrites of tokens other than words, and the statement split.
func TestDialectTokens(t *testing.T) {
	cases := []struct{ in, want string }{
		{"select 1; select 2 ;", "select 1|select 2"},
		{"select a /* x */ -- y\n from t", "select a from t"},
		{`select "a""b", "dual" from "dual"`, "select `a\"b`, `dual` from `\x00dual`"},
		{"select e'\\n', $q$x$q$, 'a'\n'b'", "select '\n', 'x', 'ab'"},
		{"select $1 ~ $2, a !~* 'b'", "select :p1  | '\\0op:~' |  :p2, a  | '\\0op:!~*' |  'b'"},
		{"select a || b || 'c'", "select a  |  b  |  'c'"},
		{"select + 1, 2 + + 3, (+ x), ~ 4, a ~ 'b', f(+ 1)", "select  ! 1, 2 +  ! 3, ( ! x),  '\\0pre:~' |  4, a  | '\\0op:~' |  'b', f( ! 1)"},
		{"select x::int[], y::timestamp without time zone", "select x collate '\\0::int[]' , y collate '\\0::timestamp'"},
		{"select a[1][i], (r).f, (r).\"F\"", "select drove_subscript(drove_subscript(a, 1), i), drove_field((r), 'f'), drove_field((r), 'F')"},
		{"select * from generate_series(1, 2) as g(v), unnest(a) u", "select * from lateral (select generate_series(1, 2) as `v`) as `g`, lateral (select unnest(a) as `u`) as `u`"},
		{"create table t (a int4, b serial8, c character varying(3))", "create table t (a int, b bigint auto_increment, c varchar(3))"},
		{"create table t (a timestamp(3) with time zone, b time(2) with time zone, c time without time zone, d interval day to second(3), e interval(0), f interval)",
			"create table t (a datetime(3), b blob(2), c time, d year(470286340), e year(2147418113), f year)"},
		{"select x::timestamp(3) with time zone, y::interval minute to second(2), z::time(1)", "select x collate '\\0::timestamptz(3)' , y collate '\\0::interval minute to second(2)' , z collate '\\0::time(1)'"},
		{"select f(a => 1, b := g(c => 2), 3)", "select f(drove_named_arg('a',  1), drove_named_arg('b',  g(drove_named_arg('c',  2))), 3)"},
	}
	for _, c := range cases {
		pieces, err := splitAndRewrite(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		var got []string
		for _, p := range pieces {
			got = append(got, p.sql)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%q: got %q, want %q", c.in, g, c.want)
		}
	}
}

// TestBareColumnLabels reads SELECT 1 <keyword> for every keyword of PostgreSQL 15
// (pg_get_keywords()): a label but for the keywords PostgreSQL's grammar takes no bare label
// of (42601), as PostgreSQL 15 answers each. ISNULL and NOTNULL are its postfix operators,
// which drove does not read yet.
func TestBareColumnLabels(t *testing.T) {
	keywords := strings.Fields(`
	abort absolute access action add admin after aggregate all also alter always analyse analyze 
	and any array as asc asensitive assertion assignment asymmetric at atomic attach attribute 
	authorization backward before begin between bigint binary bit boolean both breadth by cache 
	call called cascade cascaded case cast catalog chain char character characteristics check 
	checkpoint class close cluster coalesce collate collation column columns comment comments 
	commit committed compression concurrently configuration conflict connection constraint 
	constraints content continue conversion copy cost create cross csv cube current 
	current_catalog current_date current_role current_schema current_time current_timestamp 
	current_user cursor cycle data database day deallocate dec decimal declare default defaults 
	deferrable deferred definer delete delimiter delimiters depends depth desc detach dictionary 
	disable discard distinct do document domain double drop each else enable encoding encrypted 
	end enum escape event except exclude excluding exclusive execute exists explain expression 
	extension external extract false family fetch filter finalize first float following for force 
	foreign forward freeze from full function functions generated global grant granted greatest 
	group grouping groups handler having header hold hour identity if ilike immediate immutable 
	implicit import in include including increment index indexes inherit inherits initially inline 
	inner inout input insensitive insert instead int integer intersect interval into invoker is 
	isnull isolation join key label language large last lateral leading leakproof least left level 
	like limit listen load local localtime localtimestamp location lock locked logged mapping 
	match matched materialized maxvalue merge method minute minvalue mode month move name names 
	national natural nchar new next nfc nfd nfkc nfkd no none normalize normalized not nothing 
	notify notnull nowait null nullif nulls numeric object of off offset oids old on only operator 
	option options or order ordinality others out outer over overlaps overlay overriding owned 
	owner parallel parameter parser partial partition passing password placing plans policy 
	position preceding precision prepare prepared preserve primary prior privileges procedural 
	procedure procedures program publication quote range read real reassign recheck recursive ref 
	references referencing refresh reindex relative release rename repeatable replace replica 
	reset restart restrict return returning returns revoke right role rollback rollup routine 
	routines row rows rule savepoint schema schemas scroll search second security select sequence 
	sequences serializable server session session_user set setof sets share show similar simple 
	skip smallint snapshot some sql stable standalone start statement statistics stdin stdout 
	storage stored strict strip subscription substring support symmetric sysid system table tables 
	tablesample tablespace temp template temporary text then ties time timestamp to trailing 
	transaction transform treat trigger trim true truncate trusted type types uescape unbounded 
	uncommitted unencrypted union unique unknown unlisten unlogged until update user using vacuum 
	valid validate validator value values varchar variadic varying verbose version view views 
	volatile when where whitespace window with within without work wrapper write xml xmlattributes 
	xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize 
	xmltable year yes zone `)
	if len(keywords) != 460 {
		t.Fatalf("%d keywords, want PostgreSQL 15's 460", len(keywords))
	}
	for _, w := range keywords {
		if isnullWords[w] {
			continue
		}
		q := "SELECT 1 " + w + ", 2 " + w
		pieces, err := splitAndRewrite(q)
		if err == nil {
			_, err = parse(pieces[0])
		}
		var e *Error
		switch {
		case lexer.AsLabelOnly(w) && (err == nil || !errors.As(err, &e) || e.Code != "42601"):
			t.Errorf("%s: %v, want 42601", q, err)
		case !lexer.AsLabelOnly(w) && err != nil:
			t.Errorf("%s: %v, want %s read as a column label", q, err, w)
		}
	}
}
