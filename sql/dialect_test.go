package sql

import (
	"errors"
	"strings"
	"testing"
)

func TestDialectPass(t *testing.T) {
	cases := []struct {
		in   string
		want []string // rewritten statements; nil with code set means an error
		code string
	}{
		{"SELECT 1", []string{"select 1"}, ""},
		// A bare label binding tighter than an operator pending in its item is that operator.
		{"select 1 = 2 in, 3", nil, "42601"},
		{"select true and false is, 3", nil, "42601"},
		{"select not 2 like, 3", nil, "42601"},
		{"select true or false and, 3", nil, "42601"},
		{"select 1 + 2 in, 1 = 2 is, 1 = 2 not, (1 = 2) between, true and false not, 1 = 2 and, true or false or",
			[]string{"select 1 + 2  as `in`, 1 = 2  as `is`, 1 = 2  as `not`, (1 = 2)  as `between`, true and false  as `not`, 1 = 2  as `and`, true or false  as `or`"}, ""},
		{`SELECT "Mixed Case" FROM "T"`, []string{"select `Mixed Case` from `T`"}, ""},
		{`SELECT "a""b"`, []string{"select `a\"b`"}, ""},
		{"select 'It''s' ; select 2;", []string{"select 'It''s'", "select 2"}, ""},
		{`select 'a\b'`, []string{`select 'a\\b'`}, ""},
		{`select E'a\tb'`, []string{"select 'a\tb'"}, ""},
		{"select 'semi;colon'", []string{"select 'semi;colon'"}, ""},
		{"SELECT 1 -- trailing comment; not a statement\n", []string{"select 1"}, ""},
		{"SELECT /* a /* nested */ comment */ 1", []string{"select 1"}, ""},
		{"create table t (d double precision, b bytea)", []string{"create table t (d double , b longblob)"}, ""},
		{"select * from t offset 3", []string{"select * from t limit 9223372036854775807 offset 3"}, ""},
		{"select * from t limit 2 offset 3", []string{"select * from t limit 2 offset 3"}, ""},
		{";;  ; ", nil, ""},
		{"select 'open", nil, "42601"},
		{`select "open`, nil, "42601"},
		{`select ""`, nil, "42601"},
		{"select /* open", nil, "42601"},
		{"select 'a' || 'b'", []string{"select 'a'  |  'b'"}, ""},
		{"select 1 | 2", []string{"select 1  | '\\0op:|' |  2"}, ""},
		{"select 1::int", []string{"select 1 collate '\\0::int'"}, ""},
		{"select x :: double precision, y::varchar( 10 )", []string{"select x  collate '\\0::double precision' , y collate '\\0::varchar(10)'"}, ""},
		{"select CAST(a + 1 AS character varying(3)) as c", []string{"select ((a + 1 ) collate '\\0::varchar(3)' ) as `c`"}, ""},
		{"select cast((1) as int), f(x as y)", []string{"select (((1) ) collate '\\0::int' ), f(x as y)"}, ""},
		{"select x::pg_catalog.int2[], 1::int[3]", nil, "0A000"},
		{"select a[1], t.b [i + 1][2], f(x)[1], (r).n, (f(x)).\"N\"", []string{
			"select drove_subscript(a, 1), drove_subscript(drove_subscript(t.b , i + 1), 2), drove_subscript(f(x), 1), drove_field((r), 'n'), drove_field((f(x)), 'N')"}, ""},
		{"select ARRAY[1, 2], 'd' = any(k), x <> ALL (select y from t)", []string{
			"select drove_array_of(1, 2), 'd' = any (select drove_unnest(k)), x <> all (select y from t)"}, ""},
		{"select s from pg_catalog.generate_series(1, 3) s, t join generate_series(1, n) as g(v) on true", []string{
			"select s from lateral (select pg_catalog.generate_series(1, 3) as `s`) as `s`, t join lateral (select generate_series(1, n) as `v`) as `g` on true"}, ""},
		{"select * from unnest(x) where trim(both 'a' from lower(b)) = c", []string{
			"select * from lateral (select unnest(x) as `unnest`) as `unnest` where trim(both 'a' from lower(b)) = c"}, ""},
		{"select * from (select 1) x, lateral f(y)", []string{"select * from (select 1) x, lateral (select f(y) as `f`) as `f`"}, ""},
		{"select a[1", nil, "42601"},
		{"select 1]", nil, "42601"},
		{"select [1]", nil, "42601"},
		{"create table t (a int[][3])", []string{"create table t (a int collate '\\0[]')"}, ""},
		{"select " + strings.Repeat("a[1]+", maxOperandRewrites+1) + "1", nil, "54001"},
		{"select * from a full outer join b on true, c FULL JOIN d on false", []string{"select * from a straight_join b on true, c straight_join d on false"}, ""},
		{"select 'a' ILIKE 'A' and x not ilike y", []string{"select 'a' regexp 'A' and x not regexp y"}, ""},
		{"select $1, $12", []string{"select :p1, :p12"}, ""},
		{"select `x`", nil, "42601"},
		// pgcheck.go: nothing a user writes is taken for a MySQL construct or a marker.
		{"select 1 as div, x regexp y, _utf8", []string{"select 1 as `div`, x `regexp` y, `_utf8`"}, ""},
		{"select $$a'b\\$$, $t$x$t$", []string{`select 'a''b\\', 'x'`}, ""},
		{"select 'a'\n'b'", []string{"select 'ab'"}, ""}, // sql/lexer joins the continuation
		{"select 'a' 'b'", nil, "42601"},
		{"select * from dual, \"dual\" d", []string{"select * from `\x00dual`, `\x00dual` d"}, ""},
		{"select a=-1, b<>-1, c !=1", []string{"select a=-1, b<>-1, c !=1"}, ""},
		{"select 1 <=> 2", nil, "42883"},
		{"select 1 # 2", []string{"select 1  | '\\0op:#' |  2"}, ""},
		{"select 6 & 3 << 1", []string{"select 6  | '\\0op:&' |  3  | '\\0op:<<' |  1"}, ""},
		{"select 0x41", nil, "42601"},
		{"select :x", nil, "42601"},
		{"select 1 from t limit 1, 2", nil, "42601"},
		{"insert into t set a = 1", nil, "42601"},
		{"select drove_field(r, 'f')", nil, "42883"},
		{"select E'\\0'", nil, "22021"},
		{"select '\x00'", nil, "22021"},
		{"\"truncate\" t", []string{"`truncate` t"}, ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
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
			var got []string
			for _, p := range pieces {
				got = append(got, p.sql)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}
