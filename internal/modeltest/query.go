package modeltest

import (
	"fmt"
	"strings"
)

// Read queries: portable SELECTs over the generated tables, for comparing drove's answers
// with PostgreSQL's. Each is built from the model's schema only. Ordered says the query's
// ORDER BY fixes the order of every row it returns (it ends in a key, or it orders groups or
// distinct values), so answers must agree in order; otherwise they are compared as multisets.
//
// What the queries stay away from, and why:
//   - boolean, float and numeric results (avg, division): their text differs between a
//     database/sql scan and PostgreSQL's wire text for reasons that are not drove's answers,
//     so results are ints and text (a predicate's outcome is shown through CASE);
//   - ORDER BY without a unique tail under LIMIT/OFFSET: PostgreSQL's own choice of rows
//     would not be determined either.

// queryShapes are the shapes query draws from.
var queryShapes = []func(g *Gen, sp *Tablespace, t string) (string, bool){
	fullScan, pointByKey, rangeByKey, byColumn, rangeByColumn, groupBy, aggregate, join,
	distinct, limitOffset, inList, isNull, expressions, inSubquery, setOp, subqueries, orderBy,
	joinGroupBy, cte, keyCoercion, derived,
}

// query fills in op (Kind Query on op.Table of op.Space in sp) with a read query.
func (g *Gen) query(op Op, sp *Tablespace) Op {
	op.SQL, op.Ordered = pick(g, queryShapes)(g, sp, op.Table)
	return op
}

func (g *Gen) col(t *Table) string { return pick(g, t.Cols) }

// lit is a value literal as the columns hold them, NULL now and then.
func (g *Gen) lit() string {
	if v := g.value(); v != nil {
		return "'" + *v + "'"
	}
	return "NULL"
}

func (g *Gen) strLit() string { return fmt.Sprintf("'v%d'", g.r.IntN(valuePool)) }

func (g *Gen) id() int { return 1 + g.r.IntN(maxID+2) } // now and then a key beyond them all

// selection is the table's columns, as * or listed in some order with the key.
func (g *Gen) selection(t *Table, alias string) string {
	if alias == "" && g.r.IntN(3) == 0 {
		return "*"
	}
	cols := append([]string{PK}, t.Cols...)
	g.r.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	cols = cols[:1+g.r.IntN(len(cols))]
	if alias != "" {
		for i := range cols {
			cols[i] = alias + "." + cols[i]
		}
	}
	return strings.Join(cols, ", ")
}

// fullScan sometimes lists the key twice: ORDER BY id then names one column both read, which
// is not ambiguous (drove once refused it with 42702).
func fullScan(g *Gen, sp *Tablespace, name string) (string, bool) {
	dir := pick(g, []string{"", " DESC", " ASC"})
	extra := pick(g, []string{"", "", ", id"})
	return "SELECT " + g.selection(sp.Tables[name], "") + extra + " FROM " + name + " ORDER BY id" + dir, true
}

func pointByKey(g *Gen, sp *Tablespace, name string) (string, bool) {
	return fmt.Sprintf("SELECT %s FROM %s WHERE id = %d", g.selection(sp.Tables[name], ""), name, g.id()), true
}

func rangeByKey(g *Gen, sp *Tablespace, name string) (string, bool) {
	a, b := g.id(), g.id()
	where := pick(g, []string{
		fmt.Sprintf("id BETWEEN %d AND %d", a, b),
		fmt.Sprintf("id > %d AND id <= %d", a, b),
		fmt.Sprintf("id < %d", a),
		fmt.Sprintf("id >= %d", a),
		fmt.Sprintf("%d < id", a),
	})
	q := "SELECT id, " + g.col(sp.Tables[name]) + " FROM " + name + " WHERE " + where
	if g.r.IntN(2) == 0 {
		return q, false
	}
	return q + " ORDER BY id DESC", true
}

// indexedOrAny is a column of t, one with an index when there is one (mostly).
func (g *Gen) indexedOrAny(t *Table) string {
	if len(t.Indexes) > 0 && g.r.IntN(4) != 0 {
		return t.Indexes[pick(g, t.IndexNames())].Col
	}
	return g.col(t)
}

func byColumn(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.indexedOrAny(t)
	v := g.strLit()
	if ids := t.IDs(); len(ids) > 0 && g.r.IntN(2) == 0 {
		if x, ok := t.Rows[pick(g, ids)][c]; ok {
			v = "'" + x + "'" // a value the column holds, a unique one included
		}
	}
	return "SELECT " + g.selection(t, "") + " FROM " + name + " WHERE " + c + " = " + v, false
}

func rangeByColumn(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.indexedOrAny(t)
	where := pick(g, []string{
		c + " >= " + g.strLit() + " AND " + c + " < " + g.strLit(),
		c + " > " + g.strLit(),
		c + " <= " + g.strLit(),
		c + " BETWEEN " + g.strLit() + " AND " + g.strLit(),
		c + " LIKE 'v%'",
		c + " LIKE '%" + fmt.Sprint(g.r.IntN(valuePool)) + "'",
	})
	return "SELECT id, " + c + " FROM " + name + " WHERE " + where + " ORDER BY " + c + ", id", true
}

func groupBy(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	k, c := g.col(t), g.col(t)
	q := "SELECT " + k + ", count(*), count(" + c + "), min(" + c + "), max(" + c + "), sum(id), min(id), max(id) FROM " +
		name + " GROUP BY " + k
	if g.r.IntN(3) == 0 {
		q += " HAVING count(*) > 1"
	}
	switch g.r.IntN(3) {
	case 0:
		return q, false
	case 1:
		return q + " ORDER BY " + k, true
	}
	return q + " ORDER BY " + k + " DESC", true
}

func aggregate(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.col(t)
	q := "SELECT count(*), count(" + c + "), count(DISTINCT " + c + "), sum(id), min(id), max(id), min(" + c + "), max(" + c + ") FROM " + name
	if g.r.IntN(2) == 0 {
		q += fmt.Sprintf(" WHERE id > %d", g.id())
	}
	return q, true
}

func join(g *Gen, sp *Tablespace, name string) (string, bool) {
	other := pick(g, sp.TableNames()) // perhaps name itself: a self-join
	x, y := sp.Tables[name], sp.Tables[other]
	kind := pick(g, []string{"JOIN", "LEFT JOIN", "INNER JOIN"})
	on := pick(g, []string{
		"x.id = y.id",
		"x." + g.col(x) + " = y." + g.col(y),
		fmt.Sprintf("x.id = y.id + %d", g.r.IntN(3)),
	})
	q := "SELECT x.id, y.id, " + g.selection(x, "x") + ", " + g.selection(y, "y") + " FROM " + name + " x " + kind + " " + other + " y ON " + on
	if g.r.IntN(2) == 0 {
		return q, false
	}
	// (x.id, y.id) is unique: y.id is NULL at most once per x.id, in a LEFT JOIN.
	return q + " ORDER BY x.id, y.id", true
}

func distinct(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.col(t)
	if g.r.IntN(2) == 0 {
		return "SELECT DISTINCT " + c + " FROM " + name + " ORDER BY " + c + pick(g, []string{"", " DESC"}), true
	}
	return "SELECT DISTINCT " + c + ", " + g.col(t) + " FROM " + name, false
}

func limitOffset(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.col(t)
	order := pick(g, []string{"id", "id DESC", c + ", id", c + " DESC, id", c + ", id DESC"})
	q := "SELECT id, " + c + " FROM " + name + " ORDER BY " + order + fmt.Sprintf(" LIMIT %d", g.r.IntN(8))
	if g.r.IntN(2) == 0 {
		q += fmt.Sprintf(" OFFSET %d", g.r.IntN(10))
	}
	return q, true
}

func inList(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	c := g.indexedOrAny(t)
	var where string
	switch g.r.IntN(3) {
	case 0:
		where = fmt.Sprintf("id IN (%d, %d, %d)", g.id(), g.id(), g.id())
	case 1:
		where = c + " IN (" + g.lit() + ", " + g.strLit() + ")"
	default:
		where = c + " NOT IN (" + g.strLit() + ", " + g.lit() + ")"
	}
	return "SELECT id, " + c + " FROM " + name + " WHERE " + where, false
}

func isNull(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	where := g.col(t) + pick(g, []string{" IS NULL", " IS NOT NULL"})
	if g.r.IntN(2) == 0 {
		where += pick(g, []string{" AND ", " OR "}) + g.col(t) + pick(g, []string{" IS NULL", " IS NOT NULL"})
	}
	return "SELECT " + g.selection(t, "") + " FROM " + name + " WHERE " + where + " ORDER BY id", true
}

func expressions(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	a, b := g.col(t), g.col(t)
	exprs := []string{
		"id * 2 + 1", "id % 7", "-id", "id - 100",
		a + " || '-' || " + b,
		"upper(" + a + ")", "lower(" + a + ")", "length(" + a + ")",
		"coalesce(" + a + ", " + b + ", 'none')",
		"CASE WHEN " + a + " IS NULL THEN 'null' WHEN " + a + " < 'v4' THEN 'low' ELSE 'high' END",
		"CASE WHEN " + a + " = " + b + " THEN 1 ELSE 0 END",
		"substr(" + a + ", 2)", "replace(" + a + ", 'v', 'w')", "concat(" + a + ", '/', " + b + ")",
		"nullif(" + a + ", " + g.strLit() + ")",
	}
	g.r.Shuffle(len(exprs), func(i, j int) { exprs[i], exprs[j] = exprs[j], exprs[i] })
	q := "SELECT id, " + strings.Join(exprs[:2+g.r.IntN(4)], ", ") + " FROM " + name
	if g.r.IntN(2) == 0 {
		q += pick(g, []string{
			fmt.Sprintf(" WHERE id %% 3 = %d", g.r.IntN(3)),
			" WHERE length(" + a + ") = 2",
			" WHERE " + a + " || " + b + " IS NOT NULL",
			fmt.Sprintf(" WHERE id * 2 > %d", g.id()),
		})
	}
	return q + " ORDER BY id", true
}

func inSubquery(g *Gen, sp *Tablespace, name string) (string, bool) {
	o := pick(g, sp.TableNames())
	neg := pick(g, []string{"", "NOT "})
	return "SELECT id FROM " + name + " WHERE id " + neg + "IN (SELECT id FROM " + o + ")", false
}

func setOp(g *Gen, sp *Tablespace, name string) (string, bool) {
	o := pick(g, sp.TableNames())
	a, b := g.col(sp.Tables[name]), g.col(sp.Tables[o])
	// Only UNION: drove has no EXCEPT or INTERSECT (docs/sql.md lists UNION [ALL] alone; they
	// fail with 42601).
	op := pick(g, []string{"UNION", "UNION ALL"})
	q := "SELECT " + a + " FROM " + name + " " + op + " SELECT " + b + " FROM " + o
	if g.r.IntN(2) == 0 && op == "UNION" {
		return q + " ORDER BY 1", true // distinct values: the order is fixed
	}
	return q, false
}

func subqueries(g *Gen, sp *Tablespace, name string) (string, bool) {
	o := pick(g, sp.TableNames())
	x, y := sp.Tables[name], sp.Tables[o]
	a, b := g.col(x), g.col(y)
	where := pick(g, []string{
		"EXISTS (SELECT 1 FROM " + o + " y WHERE y." + b + " = x." + a + ")",
		"NOT EXISTS (SELECT 1 FROM " + o + " y WHERE y.id = x.id)",
		"x." + a + " IN (SELECT " + b + " FROM " + o + ")",
		// NOT IN over a column with NULLs is never true: a classic to get wrong.
		"x." + a + " NOT IN (SELECT " + b + " FROM " + o + ")",
		"x.id > (SELECT min(id) FROM " + o + ")",
		"x.id = ANY (SELECT id FROM " + o + ")",
	})
	sel := "x.id, x." + a
	if g.r.IntN(2) == 0 {
		sel += ", (SELECT count(*) FROM " + o + " y WHERE y.id < x.id)"
	}
	return "SELECT " + sel + " FROM " + name + " x WHERE " + where + " ORDER BY x.id", true
}

func orderBy(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	a := g.col(t)
	order := pick(g, []string{
		"2 NULLS FIRST, 1", "2 DESC NULLS LAST, 1 DESC", a + " DESC NULLS FIRST, id",
		"length(" + a + "), " + a + ", id", "coalesce(" + a + ", 'zz'), id", "-id", "id % 5, id",
	})
	q := "SELECT id, " + a + " FROM " + name + " ORDER BY " + order
	if g.r.IntN(2) == 0 {
		q += fmt.Sprintf(" LIMIT %d", 1+g.r.IntN(6))
	}
	return q, true
}

func joinGroupBy(g *Gen, sp *Tablespace, name string) (string, bool) {
	o := pick(g, sp.TableNames())
	a := g.col(sp.Tables[name])
	q := "SELECT x." + a + ", count(*), count(y.id), sum(y.id), max(y.id) FROM " + name + " x LEFT JOIN " + o +
		" y ON y.id <= x.id GROUP BY x." + a
	if g.r.IntN(2) == 0 {
		return q + " HAVING count(y.id) > 2 ORDER BY x." + a + " NULLS FIRST", true
	}
	return q, false
}

func cte(g *Gen, sp *Tablespace, name string) (string, bool) {
	t := sp.Tables[name]
	a := g.col(t)
	return "WITH w AS (SELECT id, " + a + " AS v FROM " + name + fmt.Sprintf(" WHERE id > %d)", g.id()) +
		" SELECT w.v, count(*) FROM w GROUP BY w.v ORDER BY w.v", true
}

// keyCoercion compares the integer key with numerics and text literals, which PostgreSQL
// coerces: a point or range read on the key must not round 7.5 to 7, and must find 7 by 7.0.
func keyCoercion(g *Gen, sp *Tablespace, name string) (string, bool) {
	a, b := g.id(), g.id()
	where := pick(g, []string{
		fmt.Sprintf("id = %d.5", a), fmt.Sprintf("id = '%d'", a), fmt.Sprintf("id + 0 IN (%d.0, %d.5)", a, b),
		fmt.Sprintf("id = %d.0", a), fmt.Sprintf("id IN (%d.0, %d.5)", a, b), fmt.Sprintf("id = %d.0::float8", a),
		fmt.Sprintf("id < %d.5", a), fmt.Sprintf("id >= %d.5", a),
		fmt.Sprintf("id BETWEEN %d.5 AND %d", a, b), fmt.Sprintf("id + 0 = %d", a),
		fmt.Sprintf("id = %d OR %s = %s", a, g.col(sp.Tables[name]), g.strLit()),
	})
	return "SELECT id FROM " + name + " WHERE " + where + " ORDER BY id", true
}

func derived(g *Gen, sp *Tablespace, name string) (string, bool) {
	a := g.col(sp.Tables[name])
	return fmt.Sprintf("SELECT s.id, s.%s FROM (SELECT id, %s FROM %s ORDER BY id DESC LIMIT %d) s ORDER BY s.id", a, a, name, 1+g.r.IntN(6)), true
}
