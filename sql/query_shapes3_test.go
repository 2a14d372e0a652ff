package sql

import "strings"

// TestQueryShapes' third set of shapes: window functions over join chains (outer joins,
// USING, NATURAL), under a total order of every table's key; outer joins read by correlated
// subqueries over their NULL-extended side in the select list and WHERE; and set operations
// with their own ORDER BY and LIMIT as IN lists and scalar subqueries.

// joinWindowQuery applies window functions to the rows of a join chain: ranks over a value,
// and order-sensitive functions over the value completed by every table's key.
func (g *sgen) joinWindowQuery() core {
	f := g.joinChain()
	keys := ids(f)
	items, typs := []string{keys}, []string{}
	for range strings.Split(keys, ", ") {
		typs = append(typs, "int")
	}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		part := ""
		if g.chance(2) {
			part = "PARTITION BY " + g.scalar(f.cols, g.typeOf(f.cols)) + " "
		}
		o := g.scalar(f.cols, g.typeOf(f.cols)) + g.pick("", " DESC", " NULLS FIRST")
		total := "ORDER BY " + o + ", " + keys
		c := g.colOf(f.cols, "int")
		it := g.pick("rank() OVER ("+part+"ORDER BY "+o+")", "dense_rank() OVER ("+part+"ORDER BY "+o+")",
			"row_number() OVER ("+part+total+")", "lag("+c+") OVER ("+part+total+")", "count(*) OVER ("+part+")",
			"count("+c+") OVER ("+part+total+g.frame()+")", "max("+c+") OVER ("+part+total+g.frame()+")",
			"sum("+c+") OVER ("+part+"ORDER BY "+o+")", "first_value("+c+") OVER ("+part+total+")")
		items, typs = append(items, it), append(typs, "int")
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	return core{sql, typs}
}

// outerCorrQuery reads an outer join's NULL-extended side from correlated subqueries.
func (g *sgen) outerCorrQuery() core {
	lt, rt := g.pick("qa", "qb", "qc"), g.pick("qa", "qb", "qc", "qe")
	kind := g.pick("LEFT JOIN", "RIGHT JOIN", "FULL JOIN")
	on := g.pick("l.k = r.k", "l.k = r.k AND r.n > 1", "l.id = r.k", "l.k = r.id")
	if kind != "FULL JOIN" {
		on = g.pick(on, on+" AND l.n IS NOT NULL", "l.k = r.k AND (SELECT count(*) FROM qc s WHERE s.k = r.id) > 0")
	}
	subs := []string{
		"(SELECT count(*) FROM qc s WHERE s.k = r.k)", "(SELECT max(s.id) FROM qb s WHERE s.k = COALESCE(r.k, l.k))",
		"EXISTS (SELECT 1 FROM qc s WHERE s.k = r.id)", "r.k NOT IN (SELECT s.k FROM qc s)", "r.k IN (SELECT s.k FROM qc s WHERE s.id > l.id)",
		"(SELECT s.n FROM qb s WHERE s.id = r.k)", "(SELECT count(*) FROM qc s WHERE s.k = r.k OR s.k = l.k)",
		"r.id IS NULL AND EXISTS (SELECT 1 FROM qb s WHERE s.k = l.k)",
	}
	sql := "SELECT l.id AS c0, r.id AS c1, " + g.pick(subs...) + " AS c2 FROM " + lt + " l " + kind + " " + rt + " r ON " + on
	if g.chance(2) {
		w := g.pick(subs...)
		if strings.HasPrefix(w, "(SELECT") {
			w += g.pick(" > 0", " IS NULL", " = 1")
		}
		sql += " WHERE " + g.pick("", "NOT ") + "(" + w + ")"
	}
	return core{sql, []string{"int", "int", "numeric"}}
}

// setOpSubqueryQuery reads set operations with their own ORDER BY and LIMIT as IN lists and
// scalar subqueries (the order is total: one column).
func (g *sgen) setOpSubqueryQuery() core {
	f := g.single()
	op := g.pick("UNION", "UNION ALL", "EXCEPT", "INTERSECT", "EXCEPT ALL")
	so := "SELECT k FROM " + g.pick("qa", "qc") + " " + op + " SELECT " + g.pick("k", "id", "k + 1") + " FROM " + g.pick("qb", "qe", "qa") +
		" ORDER BY 1" + g.pick("", " DESC") + g.pick("", " NULLS FIRST", " NULLS LAST")
	k := f.cols[1].sql
	item := g.pick(
		k+g.pick(" IN ", " NOT IN ")+"("+so+" LIMIT "+g.pick("1", "2", "0")+")",
		"("+so+" LIMIT 1)",
		"("+so+" LIMIT 1 OFFSET "+g.pick("1", "2")+")",
		"(SELECT count(*) FROM ("+so+" LIMIT 3) u WHERE u.k = "+k+")",
	)
	typ := "bool"
	if strings.HasPrefix(item, "(") {
		typ = "int"
	}
	return core{"SELECT " + f.key + " AS c0, " + item + " AS c1 FROM " + f.sql, []string{"int", typ}}
}
