package sql

import (
	"fmt"
	"strings"
	"testing"
)

// char(n), varchar and text compare as PostgreSQL 15 resolves their operators (answers checked
// on PostgreSQL 15): char(n) against text is text (the char side loses its padding, the text
// side keeps its trailing spaces); against char(n), varchar or a literal it is bpchar (trailing
// spaces do not count); || and text functions see char(n) without its padding.
func TestCharComparisonsAsPostgres(t *testing.T) {
	runQueryCases(t, "CREATE TABLE ch (id int PRIMARY KEY, c char(4), vc varchar(5), tx text); "+
		"INSERT INTO ch VALUES (1, 'ab', 'ab', 'ab'), (2, 'ab', 'ab ', 'ab '), (3, 'ab ', 'ab  ', 'ab  '); "+
		"CREATE TABLE chk (k char(3) PRIMARY KEY, n int); INSERT INTO chk VALUES ('ab', 1), ('x', 2)", []queryCase{
		{"SELECT id FROM ch WHERE c = 'ab '::text", "tag: SELECT 0"},
		{"SELECT id FROM ch WHERE c = tx ORDER BY id", "1\ntag: SELECT 1"},
		{"SELECT id FROM ch WHERE c <> 'ab '::text ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE vc = 'ab'::char(4) ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE tx = 'ab'::char(4) ORDER BY id", "1\ntag: SELECT 1"},
		{"SELECT id FROM ch WHERE c = vc ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE c IS NOT DISTINCT FROM 'ab '::text", "tag: SELECT 0"},
		{"SELECT id FROM ch WHERE c IN ('ab '::text)", "tag: SELECT 0"},
		{"SELECT id FROM ch WHERE c IN ('ab '::text, 'x') ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE vc IN ('ab'::char(3), 'x'::char(2)) ORDER BY id", "1\ntag: SELECT 1"},
		{"SELECT CASE c WHEN 'ab '::text THEN 'y' ELSE 'n' END FROM ch WHERE id = 1", "n\ntag: SELECT 1"},
		{"SELECT c || 'x', length(c), upper(c) || '|', c::text || '|' FROM ch WHERE id = 1", "abx|2|AB||ab|\ntag: SELECT 1"},
		{"SELECT n FROM chk WHERE k = 'ab '::text", "tag: SELECT 0"},
		{"SELECT n FROM chk WHERE k = 'ab  '", "1\ntag: SELECT 1"},
		{"SELECT n FROM chk WHERE k IN ('ab '::text)", "tag: SELECT 0"},
		{"SELECT n FROM chk WHERE k = ANY (ARRAY['ab '::text])", "tag: SELECT 0"},
		{"SELECT n FROM chk WHERE k = ANY (ARRAY['ab'::char(3)])", "1\ntag: SELECT 1"},
		{"SELECT a.id, b.id FROM ch a JOIN ch b ON a.c = b.tx ORDER BY 1, 2", "1|1\n2|1\n3|1\ntag: SELECT 3"},
		{"SELECT count(*) FROM ch a JOIN ch b ON a.c = b.vc", "9\ntag: SELECT 1"},
		{"SELECT '[' || c || ']', count(*) FROM ch GROUP BY c", "[ab]|3\ntag: SELECT 1"},
		{"SELECT id FROM ch WHERE c IN (SELECT tx FROM ch) ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE tx = ANY (SELECT c FROM ch) ORDER BY id", "1\ntag: SELECT 1"},
		{"SELECT id FROM ch WHERE vc IN (SELECT c FROM ch) ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT s.id FROM (SELECT id, c FROM ch) s WHERE s.c = 'ab   ' ORDER BY 1", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT id FROM ch WHERE coalesce(c, 'z') = 'ab ' ORDER BY id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT count(*) FROM (SELECT c FROM ch UNION SELECT 'ab ') u", "1\ntag: SELECT 1"},
		{"SELECT id FROM ch ORDER BY CASE WHEN id = 1 THEN c ELSE 'ab ' END, id", "1\n2\n3\ntag: SELECT 3"},
		{"SELECT '[' || x || ']' FROM (SELECT tx FROM ch WHERE id = 1 UNION ALL SELECT c FROM ch WHERE id = 1) u(x)", "[ab]\n[ab]\ntag: SELECT 2"},
		{"SELECT count(*) FROM (SELECT DISTINCT CASE WHEN id = 1 THEN c ELSE 'ab ' END FROM ch) s", "1\ntag: SELECT 1"},
		{"SELECT count(*) FROM (SELECT CASE WHEN id = 1 THEN c ELSE 'ab ' END FROM ch GROUP BY 1) s", "1\ntag: SELECT 1"},
		{"SELECT count(DISTINCT CASE WHEN id = 1 THEN c ELSE 'ab ' END), string_agg(c, ','), max(c) = 'ab ', min(c) || '|' FROM ch", "1|ab,ab,ab|t|ab|\ntag: SELECT 1"},
		{"SELECT '[' || coalesce(c, 'z') || ']', greatest(c, 'ab ') = 'ab '::text FROM ch WHERE id = 1", "[ab]|f\ntag: SELECT 1"},
	})
}

// x IN (constants) is NULL when x is not found and a NULL is in the list, and a set probe
// rather than a scan of the list.
func TestInListSet(t *testing.T) {
	items := make([]string, 20000)
	for i := range items {
		items[i] = fmt.Sprint(i * 2)
	}
	big := strings.Join(items, ",")
	runQueryCases(t, "CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t SELECT g, g FROM generate_series(1, 5) g", []queryCase{
		{"SELECT id, n IN (1, NULL), n NOT IN (1, NULL), n IN (2, 4, 2) FROM t ORDER BY id",
			"1|t|f|f\n2|NULL|NULL|t\n3|NULL|NULL|f\n4|NULL|NULL|t\n5|NULL|NULL|f\ntag: SELECT 5"},
		{"SELECT count(*) FROM t WHERE n IN (" + big + ")", "2\ntag: SELECT 1"},
		{"SELECT count(*) FROM t WHERE n::bigint IN (" + big + ", 3)", "3\ntag: SELECT 1"},
	})
}
