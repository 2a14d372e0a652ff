package sql

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestQueryAccess is TestQueryDifferential over the access paths its tables (a one-column
// key, no index) never take: a composite primary key (ka: a, b) and secondary indexes
// (ordered and hash, unique and not, over NOT NULL and NULL-heavy columns), read by
// conditions that pick them — equalities and ranges on key prefixes with constants of
// other types (c = 2.0, c < 1.5, c > 1e10::float8, c = 3000000000), IN lists and = ANY
// arrays with NULLs, [NOT] BETWEEN [A]SYMMETRIC, row comparisons and keyset pagination forwards
// and backwards under LIMIT; joins on the composite key (a lookup per row) with ON
// conditions mixing both sides, outer joins of every kind, grouped or windowed after the
// join; correlated scalar, EXISTS, IN and NOT IN subqueries on key and index columns in
// WHERE, the select list and HAVING; min/max and ORDER BY index columns with LIMIT;
// numerics equal across scales and types (2.0, 2, 2::float8) in hash joins and IN; derived
// tables (windows, LIMIT, DISTINCT ON, grouping, set operations, outer joins) filtered from
// outside, where a condition must not be pushed below them; LIKE in ON conditions followed
// by another join, and in select lists aliased without AS. A
// quarter of the statements run inside transactions that write the tables (UPDATE and
// DELETE ... RETURNING, INSERT ... ON CONFLICT DO UPDATE/NOTHING ... RETURNING), where
// reads cannot use the indexes, and commit or roll back, so later reads check the indexes'
// upkeep. Replay a failure by its seed:
//
//	go test ./sql -run TestQueryAccess -queryaccess.seed=N [-queryaccess.budget=1m] [-queryaccess.n=100000]
//
// What it avoids beyond TestQueryDifferential's list: UPDATEs that move a key onto the old
// key of another row they move (PostgreSQL checks uniqueness row by row, in an unspecified
// order: it may refuse, 23505, or not).
var (
	queryAccessSeed   = flag.Uint64("queryaccess.seed", 0, "seed of TestQueryAccess (0: from the clock)")
	queryAccessBudget = flag.Duration("queryaccess.budget", 3*time.Second, "how long TestQueryAccess generates statements")
	queryAccessN      = flag.Int("queryaccess.n", 1000, "at most this many statements in TestQueryAccess")
)

// accessDDL creates TestQueryAccess' tables: ka keyed by (a, b), kb by id with a unique
// index on the NULL-heavy (a, b), and secondary indexes on both.
var accessDDL = []string{
	"CREATE TABLE ka (a int NOT NULL, b int NOT NULL, c int, v text, n numeric, PRIMARY KEY (a, b))",
	"CREATE INDEX ka_c ON ka (c)",
	"CREATE INDEX ka_vb ON ka (v, b)",
	"CREATE INDEX ka_ba ON ka (b, a)",
	"CREATE TABLE kb (id int PRIMARY KEY, a int, b int, t text NOT NULL, f float8, m numeric, s smallint)",
	"CREATE UNIQUE INDEX kb_ab ON kb (a, b)",
	"CREATE INDEX kb_t ON kb USING hash (t)",
	"CREATE INDEX kb_f ON kb (f)",
	"CREATE INDEX kb_s ON kb (s)",
}

// agen generates TestQueryAccess' statements.
type agen struct {
	qgen
	tx  int // statements left in the open transaction (0: none open)
	ids int // kb's next fresh id
}

// accessData makes the rows: ka a few keys per a in 0..3, kb with NULLs in a and b (their
// non-NULL pairs unique).
func (g *agen) accessData() []string {
	var out []string
	for a := 0; a < 4; a++ {
		for b := 0; b < 8; b++ {
			if g.chance(2) {
				out = append(out, fmt.Sprintf("INSERT INTO ka VALUES (%d, %d, %s, %s, %s)", a, b,
					g.value("int"), g.value("text"), g.value("numeric")))
			}
		}
	}
	seen := map[string]bool{}
	n := 8 + g.r.IntN(12)
	for id := 1; id <= n; id++ {
		a, b := g.pick("NULL", "0", "1", "2", "3", "4"), g.pick("NULL", "0", "1", "2", "5", "7", "8")
		if a != "NULL" && b != "NULL" {
			if seen[a+","+b] {
				b = "NULL"
			}
			seen[a+","+b] = true
		}
		out = append(out, fmt.Sprintf("INSERT INTO kb VALUES (%d, %s, %s, %s, %s, %s, %s)", id, a, b,
			g.pick("'a'", "'b'", "'B'", "''", "'ab'"), g.value("float8"), g.pick(mValues...), g.pick("NULL", "-2", "0", "1", "3", "32767", "-32768")))
	}
	g.ids = n + 1
	return out
}

// mValues are kb.m's: numerics equal to others of another scale or type (2.0 = 2 = 2::float8,
// 0.10 = 0.1, -0 = 0), which hash joins and IN must match.
var mValues = []string{"NULL", "2.0", "2.00", "2", "1.5", "1.50", "0.10", "-0", "0", "3", "0.5"}

// intConst is a constant (also for the smallint kb.s) an int column is compared with: of int, numeric, float8, bigint
// or unknown type, in and out of the column's values.
func (g *agen) intConst() string {
	return g.pick("0", "1", "2", "3", "-1", "7", "2.0", "1.5", "-0.5", "2.5::numeric", "1e10::float8", "2::float8",
		"3000000000", "-2147483648", "'2'", "NULL::int", "CAST(1 AS bigint)", "CAST(2 AS smallint)")
}

// intCond is a condition on int column c that an index or key on it may serve.
func (g *agen) intCond(c string) string {
	switch g.r.IntN(8) {
	case 0, 1:
		return c + " " + g.pick("=", "=", "<", "<=", ">", ">=", "<>") + " " + g.intConst()
	case 2:
		return c + g.pick(" IN ", " NOT IN ") + "(" + g.pick("1, 2", "1, NULL", "2.5, 3", "0, 7, -1", "NULL", "2, 2") + ")"
	case 3:
		return c + " = ANY (ARRAY[" + g.pick("1, 2", "1, NULL", "3") + "])"
	case 4:
		return c + g.pick(" BETWEEN ", " NOT BETWEEN ") + g.pick("", "SYMMETRIC ", "ASYMMETRIC ") + g.intConst() + " AND " + g.intConst()
	case 5:
		return c + g.pick(" IS NULL", " IS NOT NULL", " IS DISTINCT FROM 1", " IS NOT DISTINCT FROM NULL")
	case 6:
		return c + " " + g.pick(">", "<=") + " " + g.intConst() + " AND " + c + " " + g.pick("<", ">=") + " " + g.intConst()
	}
	return g.pick("", "NOT ") + "(" + c + " = 1 OR " + c + " = " + g.intConst() + ")"
}

// kaCond is a condition on ka (alias x) aimed at its key and indexes.
func (g *agen) kaCond(x string) string {
	switch g.r.IntN(10) {
	case 0:
		return x + ".a = " + g.intConst() + " AND " + x + ".b = " + g.intConst()
	case 1:
		return x + ".a = " + g.pick("1", "2", "0") + " AND " + g.intCond(x+".b")
	case 2:
		return "(" + x + ".a, " + x + ".b) " + g.pick("=", "<", ">", ">=", "<=", "<>") + " (" + g.pick("1", "2", "0") + ", " + g.pick("3", "NULL", "0", "2.5") + ")"
	case 3:
		return "(" + x + ".a, " + x + ".b)" + g.pick(" IN ", " NOT IN ") + "((1, 2), (2, " + g.pick("3", "NULL") + "), (" + g.pick("0, 0", "3, 7") + "))"
	case 4:
		return x + ".v " + g.pick("=", "<", ">=", "LIKE") + " " + g.pick("'a'", "'a%'", "'B'", "''", "'ab'") + g.pick("", " AND "+g.intCond(x+".b"))
	case 5:
		return g.intCond(x + ".c")
	case 6:
		return g.intCond(x+".b") + g.pick(" AND ", " OR ") + g.intCond(x+".a")
	case 7:
		return x + ".n " + g.pick("=", "<", ">") + " " + g.pick("2", "1.50", "0.25::float8", x+".c", x+".b")
	case 8:
		return x + ".b " + g.pick("=", "<", ">") + " " + x + "." + g.pick("a", "c")
	}
	return g.intCond(x + ".a")
}

// kbCond is a condition on kb (alias y) aimed at its unique (a, b) index and the others.
func (g *agen) kbCond(y string) string {
	switch g.r.IntN(8) {
	case 0:
		return y + ".a = " + g.intConst() + " AND " + y + ".b = " + g.intConst()
	case 1:
		return g.intCond(y + "." + g.pick("a", "b", "id", "s", "s"))
	case 2:
		return y + ".t " + g.pick("=", "=", "<>", "IN") + " " + g.pick("'a'", "'B'", "''", "('a', 'b')", "('ab', NULL)")
	case 3:
		return y + ".f " + g.pick("=", "<", ">", ">=") + " " + g.pick("0.5", "2", "1e10", "-1", "2::int", "0.1::numeric")
	case 4:
		return "(" + y + ".a, " + y + ".b) " + g.pick("=", ">", "<=", "IS NOT DISTINCT FROM") + " (" + g.pick("1", "NULL", "2") + ", " + g.pick("2", "NULL", "7") + ")"
	case 5:
		return y + ".id " + g.pick("=", ">") + " " + y + "." + g.pick("a", "b")
	case 6:
		if g.chance(3) {
			return y + ".m" + g.pick(" IN ", " NOT IN ") + g.pick("(2, 0)", "(1.5, NULL)", "(0.1, 2::float8)", "(SELECT c FROM ka)")
		}
		return y + ".m " + g.pick("=", "=", "<", ">=") + " " + g.pick("2", "0.1", "0.5::float8", "-0.0", y+".b", y+".f")
	}
	return g.intCond(y+".a") + g.pick(" AND ", " OR ") + g.intCond(y+".b")
}

// next is a fresh table alias.
func (g *agen) next(p string) string {
	g.alias++
	return fmt.Sprintf("%s%d", p, g.alias)
}

// kaCols and kbCols are the select-list values of a ka or kb alias.
func kaCols(x string) []string {
	return []string{x + ".a", x + ".b", x + ".c", x + ".v", x + ".n"}
}

func kbCols(y string) []string {
	return []string{y + ".id", y + ".a", y + ".b", y + ".t", y + ".f", y + ".m", y + ".s"}
}

// items picks 1..3 of cols.
func (g *agen) items(cols []string) []string {
	var out []string
	for i := 0; i < 1+g.r.IntN(3); i++ {
		out = append(out, g.pick(cols...))
	}
	return out
}

// singleQuery reads one table through its key or indexes, maybe ordered by an index's
// columns (completed by the key) under a LIMIT, or aggregated by min/max.
func (g *agen) singleQuery() (string, bool) {
	if g.chance(2) {
		x := g.next("x")
		w := g.kaCond(x)
		if g.chance(3) {
			w += g.pick(" AND ", " OR ") + g.kaCond(x)
		}
		from := " FROM ka " + x + " WHERE " + w
		switch g.r.IntN(4) {
		case 0:
			return "SELECT " + g.pick("min", "max") + "(" + x + "." + g.pick("a", "b", "c", "v") + "), count(*), " +
				g.pick("min", "max") + "(" + x + "." + g.pick("b", "c") + ")" + from, false
		case 1: // ordered by an index's columns, completed by the key
			dir := g.pick("", " DESC")
			ord := g.pick(x+".a"+dir+", "+x+".b"+dir, x+".b"+dir+", "+x+".a"+dir, x+".c"+dir+g.pick("", " NULLS FIRST")+", "+x+".a, "+x+".b",
				x+".v"+dir+", "+x+".b"+dir+", "+x+".a")
			return "SELECT " + strings.Join(g.items(kaCols(x)), ", ") + from + " ORDER BY " + ord + g.limitOf(), true
		case 2: // keyset pagination, forwards or backwards
			if g.chance(2) {
				return "SELECT " + x + ".a, " + x + ".b, " + x + ".c FROM ka " + x + " WHERE (" + x + ".a, " + x + ".b) > (" +
					g.pick("1", "0", "2", "3") + ", " + g.pick("2", "5", "0", "NULL") + ") ORDER BY " + x + ".a, " + x + ".b LIMIT " + g.pick("1", "3", "5"), true
			}
			return "SELECT " + x + ".a, " + x + ".b, " + x + ".v FROM ka " + x + " WHERE (" + x + ".b, " + x + ".a) < (" +
				g.pick("4", "2", "7") + ", " + g.pick("1", "3", "0") + ") ORDER BY " + x + ".b DESC, " + x + ".a DESC LIMIT " + g.pick("1", "3", "5"), true
		}
		if g.chance(3) { // LIKE patterns in the select list, aliased without AS
			pat := g.pick("'a%'", "'%b'", x+".v", "'a' || "+x+".v", "left("+x+".v, 1) || '%'", "CASE WHEN "+x+".a = 1 THEN 'a%' ELSE '_' END")
			return "SELECT " + x + ".a, " + x + ".b, " + x + ".v " + g.pick("LIKE", "NOT LIKE", "ILIKE") + " " + pat + " f FROM ka " + x, false
		}
		return "SELECT " + g.pick("", "DISTINCT ") + strings.Join(g.items(kaCols(x)), ", ") + from, false
	}
	y := g.next("y")
	from := " FROM kb " + y + " WHERE " + g.kbCond(y)
	switch g.r.IntN(3) {
	case 0:
		return "SELECT " + g.pick("min", "max") + "(" + y + "." + g.pick("a", "b", "f", "t") + "), count(" + y + ".b)" + from, false
	case 1:
		dir := g.pick("", " DESC")
		return "SELECT " + strings.Join(g.items(kbCols(y)), ", ") + from + " ORDER BY " +
			g.pick(y+".a"+dir+", "+y+".b"+dir, y+".f"+dir, y+".t"+dir) + g.pick("", " NULLS FIRST", " NULLS LAST") + ", " + y + ".id" + g.limitOf(), true
	}
	return "SELECT " + strings.Join(g.items(kbCols(y)), ", ") + from, false
}

// limitOf is a LIMIT/OFFSET tail, or none.
func (g *agen) limitOf() string {
	return g.pick("", "", " LIMIT 1", " LIMIT 3", " LIMIT 2 OFFSET 1", " OFFSET 2", " LIMIT 0")
}

// joinOn is a join condition between ka x and kb y: their composite key, maybe with
// conditions on both sides, or on one.
func (g *agen) joinOn(x, y string, full bool) string {
	base := g.pick(x+".a = "+y+".a AND "+x+".b = "+y+".b", x+".a = "+y+".a", x+".b = "+y+".b", x+".c = "+y+".a",
		"("+x+".a, "+x+".b) = ("+y+".a, "+y+".b)", x+".c = "+y+".m", x+".n = "+y+".m", y+".f = "+x+".n", x+".c = "+y+".f",
		x+".b = "+y+".m AND "+x+".a = "+y+".a")
	if full || g.chance(2) {
		return base
	}
	return base + " AND " + g.pick(x+".c > "+y+".b", y+".t <> "+x+".v", x+".c IS NOT DISTINCT FROM "+y+".b",
		y+".f > "+x+".n", "COALESCE("+x+".c, 0) < "+y+".id", g.kaCond(x), g.kbCond(y), x+".v = "+y+".t OR "+y+".b IS NULL")
}

// joinQuery joins ka and kb (and maybe ka again, on its key), then selects, groups or
// applies window functions over the join.
func (g *agen) joinQuery() (string, bool) {
	x, y := g.next("x"), g.next("y")
	kind := g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "LEFT JOIN")
	var from string
	if g.chance(2) {
		from = "ka " + x + " " + kind + " kb " + y + " ON " + g.joinOn(x, y, kind == "FULL JOIN")
	} else {
		from = "kb " + y + " " + kind + " ka " + x + " ON " + g.joinOn(x, y, kind == "FULL JOIN")
	}
	cols := append(kaCols(x), kbCols(y)...)
	if g.chance(4) { // a third table on ka's key: a lookup per row
		z := g.next("z")
		from += " " + g.pick("LEFT JOIN", "JOIN") + " ka " + z + " ON " + z + ".a = " + y + "." + g.pick("b", "a") + " AND " + z + ".b = " + g.pick(y+".a", x+".c", "1")
		cols = append(cols, z+".c", z+".v")
	}
	where := ""
	if g.chance(2) {
		where = " WHERE " + g.pick(g.kaCond(x), g.kbCond(y), x+".a IS NULL", y+".id IS NULL", "COALESCE("+x+".c, "+y+".b) > 1",
			g.kaCond(x)+" OR "+g.kbCond(y))
	}
	switch g.r.IntN(4) {
	case 0: // grouped after the join, maybe with HAVING
		k := g.pick(x+".a", y+".a", y+".t", "COALESCE("+x+".a, "+y+".a)", x+".c")
		q := "SELECT " + k + ", count(*), count(" + y + ".id), sum(" + x + ".c), max(" + y + ".f)" + " FROM " + from + where + " GROUP BY " + k
		if g.chance(2) {
			q += " HAVING " + g.pick("count(*) > 1", "sum("+x+".b) IS NULL", "count("+y+".id) < count(*)", "max("+x+".v) > 'a'",
				"count(*) > (SELECT count(*) FROM kb w WHERE w.a = "+k+")")
		}
		return q, false
	case 1: // windows over the join, ordered by both sides' keys
		keys := x + ".a, " + x + ".b, " + y + ".id"
		w := g.pick("row_number() OVER (ORDER BY "+keys+")", "rank() OVER (PARTITION BY "+y+".t ORDER BY "+x+".c)",
			"sum("+x+".c) OVER (PARTITION BY "+x+".a ORDER BY "+keys+")", "count(*) OVER (PARTITION BY "+y+".a)",
			"lag("+y+".b) OVER (ORDER BY "+keys+")", "max("+x+".n) OVER (PARTITION BY "+x+".b)")
		return "SELECT " + x + ".a, " + x + ".b, " + y + ".id, " + w + " FROM " + from + where, false
	case 2: // ordered by both sides' keys, cut
		return "SELECT " + strings.Join(g.items(cols), ", ") + " FROM " + from + where + " ORDER BY " +
			g.pick(x+".a, "+x+".b, "+y+".id", y+".id DESC, "+x+".a, "+x+".b", x+".c NULLS FIRST, "+x+".a, "+x+".b, "+y+".id") + g.limitOf(), true
	}
	return "SELECT " + g.pick("", "DISTINCT ") + strings.Join(g.items(cols), ", ") + " FROM " + from + where, false
}

// subqueryQuery reads a table with correlated subqueries over the other's key and indexes,
// in WHERE, the select list or HAVING.
func (g *agen) subqueryQuery() (string, bool) {
	x, y := g.next("x"), g.next("y")
	subs := []string{
		"EXISTS (SELECT 1 FROM ka " + x + " WHERE " + x + ".a = " + y + ".a AND " + x + ".b = " + y + ".b)",
		"NOT EXISTS (SELECT 1 FROM ka " + x + " WHERE " + x + ".a = " + y + ".a)",
		"EXISTS (SELECT 1 FROM ka " + x + " WHERE " + x + ".c = " + y + ".b AND " + g.kaCond(x) + ")",
		y + ".b IN (SELECT " + x + ".b FROM ka " + x + " WHERE " + x + ".a = " + y + ".a)",
		y + ".b NOT IN (SELECT " + x + ".c FROM ka " + x + " WHERE " + x + ".a = " + y + ".a)",
		y + ".a NOT IN (SELECT " + x + ".c FROM ka " + x + ")",
		"(" + y + ".a, " + y + ".b) IN (SELECT " + x + ".a, " + x + ".b FROM ka " + x + ")",
		"(" + y + ".a, " + y + ".b) NOT IN (SELECT " + x + ".a, " + x + ".c FROM ka " + x + ")",
		"(SELECT " + x + ".c FROM ka " + x + " WHERE (" + x + ".a, " + x + ".b) = (" + y + ".a, " + y + ".b)) " + g.pick("> 0", "IS NULL"),
		"(SELECT max(" + x + ".b) FROM ka " + x + " WHERE " + x + ".a = " + y + ".a AND " + x + ".b < " + y + ".b) > 1",
		y + ".b = ANY (SELECT " + x + ".c FROM ka " + x + " WHERE " + x + ".v = " + y + ".t)",
		y + ".b > ALL (SELECT " + x + ".b FROM ka " + x + " WHERE " + x + ".a = " + y + ".a)",
	}
	vals := []string{
		"(SELECT " + x + ".c FROM ka " + x + " WHERE " + x + ".a = " + y + ".a AND " + x + ".b = " + y + ".b)",
		"(SELECT count(*) FROM ka " + x + " WHERE " + x + ".a = " + y + ".a)",
		"(SELECT min(" + x + ".v) FROM ka " + x + " WHERE " + x + ".c = " + y + ".b)",
		"(SELECT " + x + ".b FROM ka " + x + " WHERE " + x + ".a = " + y + ".a ORDER BY " + x + ".b DESC LIMIT 1)",
		"COALESCE((SELECT sum(" + x + ".n) FROM ka " + x + " WHERE " + x + ".b = " + y + ".b), -1)",
	}
	switch g.r.IntN(3) {
	case 0:
		q := "SELECT " + y + ".id, " + y + ".a, " + y + ".b FROM kb " + y + " WHERE " + g.pick(subs...)
		if g.chance(3) {
			q += g.pick(" AND ", " OR ") + g.pick(subs...)
		}
		return q, false
	case 1:
		return "SELECT " + y + ".id, " + g.pick(vals...) + ", " + g.pick(subs...) + " FROM kb " + y, false
	}
	// HAVING over a group of kb by a, reading the group key
	return "SELECT " + y + ".a, count(*) FROM kb " + y + " GROUP BY " + y + ".a HAVING " + g.pick(
		"count(*) >= (SELECT count(*) FROM ka "+x+" WHERE "+x+".a = "+y+".a) - 6",
		"EXISTS (SELECT 1 FROM ka "+x+" WHERE "+x+".a = "+y+".a AND "+x+".b = max("+y+".b))",
		y+".a NOT IN (SELECT "+x+".c FROM ka "+x+" WHERE "+x+".b = min("+y+".b))",
		"max("+y+".b) > (SELECT min("+x+".b) FROM ka "+x+" WHERE "+x+".a = "+y+".a)"), false
}

// setOpQuery is a set operation between key columns of the tables, ordered and cut.
func (g *agen) setOpQuery() (string, bool) {
	x, y := g.next("x"), g.next("y")
	l := "SELECT " + x + ".a, " + x + ".b FROM ka " + x + " WHERE " + g.kaCond(x)
	r := "SELECT " + y + ".a, " + y + ".b FROM kb " + y + " WHERE " + g.kbCond(y)
	op := g.pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT", "EXCEPT ALL", "INTERSECT ALL")
	if g.chance(2) {
		l, r = r, l
	}
	return l + " " + op + " " + r + " ORDER BY 1" + g.pick("", " DESC") + g.pick("", " NULLS FIRST") + ", 2" + g.pick("", " DESC") + g.limitOf(), true
}

// derivedForms are derived tables (columns a, b, c, r) that a condition of the query
// reading them must not pass into, or only partly: windows, LIMIT, DISTINCT ON, grouping,
// set operations and outer joins.
var accessDerived = []string{
	"SELECT a, b, c, row_number() OVER (PARTITION BY a ORDER BY b) AS r FROM ka",
	"SELECT a, b, c, rank() OVER (ORDER BY c NULLS FIRST) AS r FROM ka",
	"SELECT a, b, c, sum(c) OVER (PARTITION BY a ORDER BY b) AS r FROM ka",
	"SELECT a, b, c, count(*) OVER () AS r FROM ka WHERE c IS NOT NULL",
	"SELECT a, b, c, lag(c) OVER (ORDER BY a, b) AS r FROM ka",
	"SELECT a, b, c, 0 AS r FROM ka ORDER BY c NULLS FIRST, a, b LIMIT 5",
	"SELECT DISTINCT ON (a) a, b, c, 1 AS r FROM ka ORDER BY a, b DESC",
	"SELECT a, max(b) AS b, min(c) AS c, count(*) AS r FROM ka GROUP BY a",
	"SELECT a, b, c, 1 AS r FROM ka UNION ALL SELECT a, b, s, 2 FROM kb",
	"SELECT a, b, c, 1 AS r FROM ka UNION SELECT a, b, NULL, 1 FROM kb",
	"SELECT a, b, c, 1 AS r FROM ka EXCEPT SELECT a, b, c, 1 FROM ka WHERE c > 1",
	"SELECT y.a, y.b, x.c, y.id AS r FROM kb y LEFT JOIN ka x ON x.a = y.a AND x.b = y.b",
	"SELECT x.a, x.b, y.id AS c, count(*) OVER (PARTITION BY x.a) AS r FROM ka x FULL JOIN kb y ON x.a = y.a AND x.b = y.b",
	"SELECT a, b, c, (SELECT count(*) FROM kb y WHERE y.a = ka.a) AS r FROM ka",
}

// derivedQuery filters, joins or groups a derived table of accessDerived.
func (g *agen) derivedQuery() (string, bool) {
	d := "(" + g.pick(accessDerived...) + ") d"
	cond := func() string {
		return g.pick("d.b > 2", "d.r = 1", "d.r > 1", "d.c IS NULL", "d.a = 2", "d.r IS NULL", "d.b < 5 AND d.r <> 2",
			"COALESCE(d.c, 0) = 0", "d.b IN (SELECT b FROM kb)", "d.a = 1 OR d.r = 1", "NOT (d.c > 0)", "d.c = d.r")
	}
	where := " WHERE " + cond()
	if g.chance(3) {
		where += " AND " + cond()
	}
	switch g.r.IntN(3) {
	case 0:
		y := g.next("y")
		return "SELECT d.a, d.b, d.c, d.r, " + y + ".id FROM " + d + " " + g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN") + " kb " + y +
			" ON " + y + ".a = d.a AND " + g.pick(y+".b = d.b", y+".id > d.r", "d.c IS NOT NULL") + where, false
	case 1:
		return "SELECT d.a, count(*), sum(d.r), max(d.c) FROM " + d + where + " GROUP BY d.a" + g.pick("", " HAVING count(*) > 1"), false
	}
	return "SELECT d.a, d.b, d.c, d.r FROM " + d + where, false
}

// write is a statement that changes the tables, returning what it changed.
func (g *agen) write() string {
	x := g.next("x")
	ret := g.pick(" RETURNING a, b, c", " RETURNING *", " RETURNING c + 1, v", "")
	switch g.r.IntN(7) {
	case 0:
		return "UPDATE ka " + x + " SET c = " + g.pick("c + 1", "NULL", "b", "-c", "COALESCE(c, 0) * 2") + ", v = " + g.pick("v", "'a'", "v || 'x'", "NULL") +
			" WHERE " + g.kaCond(x) + ret
	case 1: // keys below 100 move above: no moved key lands on another moved one's old key
		return "UPDATE ka " + x + " SET b = b + 100 WHERE (" + g.kaCond(x) + ") AND " + x + ".b < 100" + ret
	case 2:
		return "DELETE FROM ka " + x + " WHERE " + g.kaCond(x) + ret
	case 3:
		vals := fmt.Sprintf("(%d, %d, %s, %s, %s)", g.r.IntN(5), g.r.IntN(9), g.value("int"), g.value("text"), g.value("numeric"))
		if g.chance(2) {
			vals += fmt.Sprintf(", (%d, %d, %s, %s, %s)", g.r.IntN(5), g.r.IntN(9), g.value("int"), g.value("text"), g.value("numeric"))
		}
		return "INSERT INTO ka AS " + x + " VALUES " + vals + " ON CONFLICT (a, b) DO " + g.pick("NOTHING",
			"UPDATE SET c = EXCLUDED.c, v = "+x+".v || 'u'", "UPDATE SET c = "+x+".c + 10 WHERE "+x+".c IS NOT NULL") + ret
	case 4:
		id := g.ids
		g.ids++
		return fmt.Sprintf("INSERT INTO kb VALUES (%d, %s, %s, %s, %s, %s) ON CONFLICT %s DO NOTHING RETURNING id, a, b", id,
			g.pick("NULL", "1", "2", "4"), g.pick("NULL", "2", "7", "3"), g.pick("'a'", "'z'"), g.value("float8"), g.pick(mValues...), g.pick("", "(a, b)", "(id)"))
	case 5:
		y := g.next("y")
		return "UPDATE kb " + y + " SET t = " + g.pick("t || 'y'", "'a'", "upper(t)") + ", f = " + g.pick("f", "NULL", "0.5") + ", s = " + g.pick("s", "s + 1", "-s", "a") + " WHERE " + g.kbCond(y) +
			g.pick(" RETURNING id, t", " RETURNING *", "")
	}
	y := g.next("y")
	return "DELETE FROM kb " + y + " WHERE " + g.kbCond(y) + g.pick(" RETURNING id, a", "")
}

// statement is the next statement and whether its order is fixed: a query, or a write or
// transaction control while a transaction is open.
func (g *agen) statement() (string, bool) {
	g.alias = 0
	switch {
	case g.tx == 1:
		g.tx = 0
		return g.pick("COMMIT", "ROLLBACK", "COMMIT"), false
	case g.tx > 1:
		g.tx--
		if g.chance(2) {
			return g.write(), false
		}
	case g.chance(12):
		g.tx = 3 + g.r.IntN(6)
		return "BEGIN", false
	}
	switch g.r.IntN(6) {
	case 4:
		return g.derivedQuery()
	case 0:
		return g.joinQuery()
	case 1:
		return g.subqueryQuery()
	case 2:
		return g.setOpQuery()
	}
	return g.singleQuery()
}

func TestQueryAccess(t *testing.T) {
	runQueryDiff(t, queryDiff{replay: "TestQueryAccess -queryaccess.seed", seed: *queryAccessSeed,
		ddl: accessDDL, timeout: "2s", budget: *queryAccessBudget, n: *queryAccessN,
		start: func(r *rand.Rand) ([]string, func() (string, bool)) {
			g := &agen{qgen: qgen{r: r}}
			return g.accessData(), g.statement
		}})
}
