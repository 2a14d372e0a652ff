package sql

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// queryCase is one statement and its expected answer: the rows as golden files spell them
// (values joined by |, then the tag), or "error XXXXX".
type queryCase struct {
	sql  string
	want string
}

// runQueryCases runs setup and then each case on one fresh session.
func runQueryCases(t *testing.T, setup string, cases []queryCase) {
	t.Helper()
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	if setup != "" {
		execOK(t, s, setup)
	}
	for _, c := range cases {
		var out textOutput
		got := ""
		if err := s.Exec(context.Background(), c.sql, &out); err != nil {
			got = "error " + sqlState(err)
			if sqlState(err) == "" {
				got += err.Error()
			}
		} else {
			got = strings.Join(out.lines, "\n")
		}
		if got != c.want {
			t.Errorf("%s\ngot:  %q\nwant: %q", c.sql, got, c.want)
		}
	}
}

// Unary minus negates numeric values (it used to return them unchanged).
func TestNumericUnaryMinus(t *testing.T) {
	runQueryCases(t, "CREATE TABLE n (id int PRIMARY KEY, x numeric); INSERT INTO n VALUES (1, 12.5), (2, -3), (3, 0.00), (4, 'NaN'), (5, 'Infinity'), (6, NULL)", []queryCase{
		{"SELECT -(12.5::numeric)", "-12.5\ntag: SELECT 1"},
		{"SELECT -(-12.5::numeric)", "12.5\ntag: SELECT 1"},
		{"SELECT - - 1.50", "1.50\ntag: SELECT 1"},
		{"SELECT -x FROM n ORDER BY id", "-12.5\n3\n0.00\nNaN\n-Infinity\nNULL\ntag: SELECT 6"},
		{"SELECT id FROM n WHERE -x = 0 - x ORDER BY id", "1\n2\n3\n4\n5\ntag: SELECT 5"},
		{"SELECT -(x + 0) FROM n WHERE id = 1", "-12.5\ntag: SELECT 1"},
	})
}

// Constant folding raises an error only in what PostgreSQL simplifies: a branch that a
// constant rules out is never evaluated, at compile time or per row.
func TestFoldingSkipsDeadBranches(t *testing.T) {
	runQueryCases(t, "CREATE TABLE t (a int PRIMARY KEY); INSERT INTO t VALUES (1)", []queryCase{
		{"SELECT CASE WHEN true THEN 'a' WHEN 1/0 = 1 THEN 'b' END", "a\ntag: SELECT 1"},
		{"SELECT COALESCE(1, 1/0)", "1\ntag: SELECT 1"},
		{"SELECT COALESCE(NULL, 2, 1/0)", "2\ntag: SELECT 1"},
		{"SELECT true OR 1/0 = 1", "t\ntag: SELECT 1"},
		{"SELECT false AND 1/0 = 1", "f\ntag: SELECT 1"},
		{"SELECT a > 0 AND false AND 1/0 = 1 FROM t", "f\ntag: SELECT 1"},
		{"SELECT CASE WHEN false THEN 1/0 ELSE 2 END", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN NULL THEN 1/0 ELSE 3 END", "3\ntag: SELECT 1"},
		{"SELECT CASE 1 WHEN 1 THEN 2 ELSE 1/0 END", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN a > 0 THEN 1 WHEN true THEN 2 ELSE 1/0 END FROM t", "1\ntag: SELECT 1"},
		{"SELECT CASE WHEN true THEN 1 ELSE (SELECT 1/0) END", "1\ntag: SELECT 1"},
		{"SELECT a + CASE WHEN true THEN 1 ELSE 1/0 END FROM t", "2\ntag: SELECT 1"},
		{"SELECT CASE WHEN true THEN NULL ELSE 1 END + 1", "NULL\ntag: SELECT 1"},
		{"SELECT true OR a / 0 = 1 FROM t", "t\ntag: SELECT 1"},
		// A strict cast of NULL is NULL while planning, even a stable one (date to text).
		{"SELECT CASE WHEN (NULL::date::text NOT LIKE 'abc') THEN abs('-2147483648'::int) ELSE 0 END", "0\ntag: SELECT 1"},
		{"SELECT CASE WHEN NULL::text::date > '2000-01-01' THEN 1/0 ELSE 1 END", "1\ntag: SELECT 1"},
		// What PostgreSQL does simplify still fails, even when no row would reach it.
		{"SELECT 1/0 = 1 OR true", "error 22012"},
		{"SELECT CASE WHEN 1/0 = 1 THEN 1 END", "error 22012"},
		{"SELECT NULLIF(1, 1/0)", "error 22012"},
		{"SELECT CASE WHEN a > 100 THEN 1/0 END FROM t", "error 22012"},
		{"SELECT COALESCE(a, 1/0) FROM t", "error 22012"},
		// The dead branch is still type-checked.
		{"SELECT CASE WHEN true THEN 1 ELSE 'x' END", "error 22P02"},
		{"SELECT CASE WHEN true THEN 1 ELSE true END", "error 42804"},
	})
}

func TestNegativeOffset(t *testing.T) {
	runQueryCases(t, "", []queryCase{
		{"SELECT 1 OFFSET -1", "error 2201X"},
		{"SELECT 1 LIMIT -1", "error 2201W"},
		{"SELECT 1 LIMIT 1 OFFSET 0", "1\ntag: SELECT 1"},
	})
}

// A predicate matches the same rows through every access path as by evaluation, whatever the
// type of the constant it compares a key column with (9.0 and 9::bigint find an integer key 9,
// 9.5 finds nothing, a range with fractional bounds covers the integers inside).
func TestKeyLookupsAcrossTypes(t *testing.T) {
	setup := `CREATE TABLE k (k int PRIMARY KEY, v text);
INSERT INTO k VALUES (8, 'eight'), (9, 'nine'), (10, 'ten');
CREATE TABLE b (k bigint PRIMARY KEY, v int);
INSERT INTO b VALUES (8, 8), (9, 9), (10, 10), (9007199254740993, 1), (9007199254740992, 2);
CREATE TABLE s (id int PRIMARY KEY, x int, y smallint);
CREATE INDEX s_x ON s (x); CREATE INDEX s_xy ON s (x, y);
INSERT INTO s VALUES (1, 9, 9), (2, 10, 10), (3, 8, 8);
CREATE TABLE f (k float8 PRIMARY KEY, v text);
INSERT INTO f VALUES (9, 'nine'), (0.5, 'half'), ('-0', 'minus zero');
CREATE TABLE r (k real PRIMARY KEY);
INSERT INTO r VALUES (0.5), (0.1);
CREATE TABLE d (k date PRIMARY KEY);
INSERT INTO d VALUES ('2020-01-01');
CREATE TABLE tk (k text PRIMARY KEY); INSERT INTO tk VALUES ('9');
CREATE TABLE o (n numeric, x float8);
INSERT INTO o VALUES (9.0, 9), (9.5, 9.5)`
	runQueryCases(t, setup, []queryCase{
		// primary-key point lookups
		{"SELECT v FROM k WHERE k = 9.0", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE 9.0 = k", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k = 9.5", "tag: SELECT 0"},
		{"SELECT v FROM k WHERE k = 9.0::float8", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k = 9.5::float8", "tag: SELECT 0"},
		{"SELECT v FROM k WHERE k = 9::bigint", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k = 4294967305", "tag: SELECT 0"}, // 2^32 + 9
		{"SELECT v FROM k WHERE k = 'NaN'::numeric", "tag: SELECT 0"},
		{"SELECT v FROM k WHERE k = 9e0", "nine\ntag: SELECT 1"},
		{"SELECT v FROM b WHERE k = 9.0", "9\ntag: SELECT 1"},
		{"SELECT v FROM b WHERE k = 9007199254740992::float8 ORDER BY v", "1\n2\ntag: SELECT 2"},
		{"SELECT v FROM f WHERE k = 9", "nine\ntag: SELECT 1"},
		{"SELECT v FROM f WHERE k = 0.50", "half\ntag: SELECT 1"},
		{"SELECT v FROM f WHERE k = 0", "minus zero\ntag: SELECT 1"},
		{"SELECT k FROM r WHERE k = 0.5", "0.5\ntag: SELECT 1"},
		{"SELECT k FROM d WHERE k = '2020-01-01 00:00:00'::timestamp", "2020-01-01\ntag: SELECT 1"},
		{"SELECT k FROM d WHERE k = '2020-01-01 00:01:00'::timestamp", "tag: SELECT 0"},
		{"SELECT k FROM tk WHERE k = 9", "error 42883"}, // text = integer does not exist
		{"SELECT k FROM tk WHERE k = '9'", "9\ntag: SELECT 1"},
		{"SELECT k FROM tk WHERE k = 9::text", "9\ntag: SELECT 1"},
		// key lists
		{"SELECT v FROM k WHERE k IN (9.0, 10) ORDER BY k", "nine\nten\ntag: SELECT 2"},
		{"SELECT v FROM k WHERE k IN (9.5, 10.0::float8) ORDER BY k", "ten\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k = ANY (ARRAY[9::bigint, 4294967305])", "nine\ntag: SELECT 1"}, // no numeric or float arrays yet
		{"SELECT v FROM b WHERE k IN (9007199254740992::float8, 8) ORDER BY v", "1\n2\n8\ntag: SELECT 3"},
		// key ranges
		{"SELECT v FROM k WHERE k > 8.5 AND k < 10.5 ORDER BY k", "nine\nten\ntag: SELECT 2"},
		{"SELECT v FROM k WHERE k BETWEEN 8.5 AND 9.5", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k >= 9.0::float8 AND k <= 9.9::float8", "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k > 9.0 AND k <= 10", "ten\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k BETWEEN -0.5 AND 8.0 ORDER BY k", "eight\ntag: SELECT 1"},
		// secondary indexes: equality on all, a prefix, a range
		{"SELECT id FROM s WHERE x = 9.0", "1\ntag: SELECT 1"},
		{"SELECT id FROM s WHERE x = 9.5", "tag: SELECT 0"},
		{"SELECT id FROM s WHERE x = 9.0 AND y = 9.0::float8", "1\ntag: SELECT 1"},
		{"SELECT id FROM s WHERE x = 9::bigint AND y > 8.5 AND y < 9.5", "1\ntag: SELECT 1"},
		{"SELECT id FROM s WHERE x > 8.5 ORDER BY id", "1\n2\ntag: SELECT 2"},
		{"SELECT id FROM s WHERE x >= 8.5 AND x <= 9.5", "1\ntag: SELECT 1"},
		{"SELECT id FROM s WHERE x < 9.0::float8", "3\ntag: SELECT 1"},
		{"SELECT k FROM f WHERE k >= 0 AND k < 1 ORDER BY k", "-0\n0.5\ntag: SELECT 2"},
		// correlated lookups and joins by key
		{"SELECT n, (SELECT v FROM k WHERE k.k = o.n) FROM o ORDER BY n", "9.0|nine\n9.5|NULL\ntag: SELECT 2"},
		{"SELECT n FROM o WHERE EXISTS (SELECT 1 FROM k WHERE k.k = o.x)", "9.0\ntag: SELECT 1"},
		{"SELECT n, v FROM o JOIN k ON k.k = o.n", "9.0|nine\ntag: SELECT 1"},
		{"SELECT n, id FROM o JOIN s ON s.x = o.n", "9.0|1\ntag: SELECT 1"},
		// writes
		{"UPDATE k SET v = 'NINE' WHERE k = 9.0", "tag: UPDATE 1"},
		{"UPDATE k SET v = 'x' WHERE k = 9.5", "tag: UPDATE 0"},
		{"DELETE FROM k WHERE k IN (10.0, 11)", "tag: DELETE 1"},
		{"DELETE FROM s WHERE x = 8.0", "tag: DELETE 1"},
		{"SELECT k, v FROM k ORDER BY k", "8|eight\n9|NINE\ntag: SELECT 2"},
	})
}

// Parameters bound as numeric or float find integer keys by value.
func TestKeyLookupWithTypedParameters(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE k (k int PRIMARY KEY, v text); INSERT INTO k VALUES (9, 'nine'), (10, 'ten')")
	nine, _ := types.ParseNumeric("9.0")
	half, _ := types.ParseNumeric("9.5")
	for _, c := range []struct {
		sql  string
		typ  types.Type
		arg  types.Value
		want string
	}{
		{"SELECT v FROM k WHERE k = $1", types.Numeric, nine, "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k = $1", types.Numeric, half, "tag: SELECT 0"},
		{"SELECT v FROM k WHERE k = $1", types.Float64, types.NewFloat(types.Float64, 9), "nine\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k > $1 ORDER BY k", types.Numeric, half, "ten\ntag: SELECT 1"},
		{"SELECT v FROM k WHERE k IN ($1, 11)", types.Float64, types.NewFloat(types.Float64, 10), "ten\ntag: SELECT 1"},
		{"UPDATE k SET v = v WHERE k = $1", types.Numeric, nine, "tag: UPDATE 1"},
	} {
		p, err := s.Prepare(context.Background(), c.sql, []types.Type{c.typ})
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		var out textOutput
		if err := s.ExecPrepared(context.Background(), p, []types.Value{c.arg}, &out); err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got := strings.Join(out.lines, "\n"); got != c.want {
			t.Errorf("%s with %v: got %q, want %q", c.sql, c.arg, got, c.want)
		}
	}
}

// LIKE matches by walking, not by recursion: a pattern with many % (it may come from data)
// neither takes exponential time nor a stack frame per %.
func TestLikeIsLinear(t *testing.T) {
	for _, c := range []struct {
		s, p string
		want bool
	}{
		{"abc", "abc", true}, {"abc", "a%", true}, {"abc", "%c", true}, {"abc", "%b%", true},
		{"abc", "a_c", true}, {"abc", "a_", false}, {"", "%", true}, {"", "_", false},
		{"abc", "%%%", true}, {"abcbd", "%b_", true}, {"abcbd", "a%b%d", true}, {"abcbe", "a%b%d", false},
		{"a%c", `a\%c`, true}, {"abc", `a\%c`, false}, {`a\`, `a\\`, true}, {"a", `a\`, false},
		{"a_", `a\_`, true}, {"ab", `a\_`, false}, {"ünï", "_n_", true}, {"ünï", "%ï", true},
		{"mississippi", "%iss%ppi", true}, {"mississippi", "%iss%ipp", false},
	} {
		if got := like(c.s, c.p); got != c.want {
			t.Errorf("%q LIKE %q = %v, want %v", c.s, c.p, got, c.want)
		}
	}
	done := make(chan bool, 1)
	go func() {
		long := like(strings.Repeat("a", 200000), strings.Repeat("%a", 100000)+"b")
		done <- like(strings.Repeat("a", 60), strings.Repeat("%a", 30)+"b") || long
	}()
	select {
	case matched := <-done:
		if matched {
			t.Error("matched")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LIKE with many % took more than 10s")
	}
}

// What the differential expression test found, each answer as PostgreSQL 15 gives it.
func TestEvaluationOrderAsPostgres(t *testing.T) {
	runQueryCases(t, "CREATE TABLE t9 (a int PRIMARY KEY, n int); INSERT INTO t9 VALUES (1, NULL)", []queryCase{
		// A strict operator or function with a NULL constant argument is NULL, never computed.
		{"SELECT (a * 2147483647 * 2) - NULL::int FROM t9", "NULL\ntag: SELECT 1"},
		{"SELECT substring(NULL::text FROM 1 FOR a / 0) FROM t9", "NULL\ntag: SELECT 1"},
		{"SELECT NULLIF(NULL::int, a / 0) FROM t9", "NULL\ntag: SELECT 1"},
		{"SELECT NULLIF(a, NULL::int) FROM t9", "1\ntag: SELECT 1"},
		// Otherwise every argument is computed before a NULL one makes the result NULL.
		{"SELECT NULLIF(n, a / 0) FROM t9", "error 22012"},
		{"SELECT substring(CAST(n AS text) FROM 1 FOR a / 0) FROM t9", "error 22012"},
		{"SELECT replace(CAST(n AS text), 'a', CAST(1 / (a - a) AS text)) FROM t9", "error 22012"},
		{"SELECT round(CAST(n AS numeric), a / 0) FROM t9", "error 22012"},
		{"SELECT position(CAST(n AS text) IN CAST(a / 0 AS text)) FROM t9", "error 22012"},
		{"SELECT trim(CAST(n AS text)) || (a / 0) FROM t9", "error 22012"},
		// IN computes the items that read no column (as an array) and then the others, in
		// order, until one matches.
		{"SELECT n IN (a / 0, 2 / 0) FROM t9", "error 22012"},
		{"SELECT n IN (1 / (a - 1), 2) FROM t9", "error 22012"},
		{"SELECT a IN (a, 1 / (a - a)) FROM t9", "t\ntag: SELECT 1"},
		{"SELECT a IN (1, 2, 1 / (a - a)) FROM t9", "t\ntag: SELECT 1"},
		{"SELECT a NOT IN (1, 1 / (a - a)) FROM t9", "f\ntag: SELECT 1"},
		{"SELECT a IN (2, 3, a / (a - a)) FROM t9", "error 22012"},
		{"SELECT 1 IN (1, 1 / 0)", "error 22012"},
		// Functions PostgreSQL marks stable are not folded, so they decide no branch.
		{"SELECT CASE WHEN CAST(DATE '2020-01-01' AS text) = 'x' THEN 1 / 0 ELSE 1 END", "error 22012"},
		{"SELECT CASE WHEN concat('a', 'b') = 'x' THEN 1 / 0 ELSE 1 END", "error 22012"},
		{"SELECT NULL::int + CAST(concat('-3', '-3') AS numeric)", "NULL\ntag: SELECT 1"},
		// Rounding a numeric smaller than the last kept digit.
		{"SELECT ceil(0.001), floor(-0.001), ceil(1.5 / 99999999999999999999), round(0.001), ceil(-0.001)", "1|-1|1|0|0\ntag: SELECT 1"},
		// A float cast to an integer type rounds first, and -2^63 is a bigint.
		{"SELECT CAST(-9223372036854775808::float8 AS bigint), CAST(-2147483648.4::float8 AS int)", "-9223372036854775808|-2147483648\ntag: SELECT 1"},
		{"SELECT CAST(9223372036854775807::float8 AS bigint)", "error 22003"},
	})
}
