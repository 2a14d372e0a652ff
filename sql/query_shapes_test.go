package sql

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestQueryShapes is TestQueryDifferential over the query shapes its generator does not
// make, on four tables (qc holds booleans and C-locale text edge values, qe is always
// empty): chains of three joins with ON, USING and NATURAL, non-equality and IS NOT
// DISTINCT FROM conditions; aggregates with FILTER and DISTINCT, bool_and/bool_or, ordered
// array_agg, HAVING over aggregates absent from the select list; window frames (ROWS,
// RANGE), percent_rank/cume_dist, lead/lag/nth_value over total orders; scalar, EXISTS,
// IN and NOT IN subqueries (NULLs on both sides) as select-list values; three-branch set
// operations (INTERSECT binds tighter) with mixed int/numeric branches and branches of
// their own ORDER BY/LIMIT; WITH queries (read twice, recursive); ORDER BY expressions
// not selected, broken by the key, with LIMIT/OFFSET/FETCH edge values (0, ALL, NULL);
// int/numeric/float mixes. Replay a failure by its seed:
//
//	go test ./sql -run TestQueryShapes -queryshapes.seed=N [-queryshapes.budget=1m] [-queryshapes.n=100000]
//
// Half of the queries are query_shapes2_test.go's shapes (grouping sets, DISTINCT ON, named
// windows, ...), a sixth query_shapes3_test.go's (windows over joins, outer joins read by
// correlated subqueries, set operations with ORDER BY and LIMIT as subqueries), a twentieth
// query_shapes4_test.go's (dates, timestamps and timestamptzs compared across types, in the
// run's TimeZone, one of exprDiffZones per seed), an eleventh query_shapes5_test.go's (LATERAL,
// FETCH ... WITH TIES, RANGE/GROUPS frames with offsets and EXCLUDE); WITH queries are
// [NOT] MATERIALIZED now and then. A disagreement's rows are shrunk (query_shrink_test.go).
// What it avoids beyond TestQueryDifferential's list: FULL joins on conditions that are not
// equalities (PostgreSQL refuses them, 0A000; drove answers).
// varchar and char(n) columns compare as text's OID (drove describes them as text).
var (
	queryShapesSeed   = flag.Uint64("queryshapes.seed", 0, "seed of TestQueryShapes (0: from the clock)")
	queryShapesBudget = flag.Duration("queryshapes.budget", 3*time.Second, "how long TestQueryShapes generates queries")
	queryShapesN      = flag.Int("queryshapes.n", 1000, "at most this many queries in TestQueryShapes")
)

// shapeTables are TestQueryShapes' tables: qa and qb as TestQueryDifferential's, qc with a
// boolean, qe empty (its rows are never made).
var shapeTables = append(slices.Clone(qtables),
	qtable{"qc", []qcol{{"id", "int"}, {"k", "int"}, {"v", "text"}, {"n", "numeric"}, {"b", "bool"}}},
	qtable{"qe", []qcol{{"id", "int"}, {"k", "int"}, {"v", "text"}, {"n", "numeric"}, {"f", "float8"}}},
)

// sgen generates TestQueryShapes' queries, with qgen's pieces.
type sgen struct{ qgen }

// single is one table with its key, as a from.
func (g *sgen) single() from {
	sql, cols, key := g.table()
	return from{sql, cols, key, true}
}

// joinCond is a join condition between the columns of two sides (k first after id on both).
// full restricts it to equalities (PostgreSQL's FULL JOIN needs a hashable condition).
func (g *sgen) joinCond(l, r []qcol, full bool) string {
	lk, rk := l[1].sql, r[1].sql
	n := 7
	if full {
		n = 3
	}
	switch g.r.IntN(n) {
	case 0, 1:
		return lk + " = " + rk
	case 2:
		return lk + " = " + rk + " AND " + g.colOf(r, "text") + " " + g.pick("<", ">=", "<>") + " " + g.literal("text")
	case 3:
		return lk + g.pick(" < ", " <= ", " <> ") + rk
	case 4:
		return lk + " IS NOT DISTINCT FROM " + rk
	case 5:
		return "(" + lk + " = " + rk + " OR " + g.colOf(l, "text") + " = " + g.colOf(r, "text") + ")"
	}
	if g.chance(2) { // a subquery in ON
		return lk + " = " + rk + " AND " + g.pick("", "NOT ") + "EXISTS (SELECT 1 FROM qc s WHERE s.k = " + rk + ")"
	}
	return g.colOf(l, "numeric") + " = " + rk // numeric = int
}

// joinChain is two to three tables joined with ON (maybe with a subquery), USING or NATURAL, maybe nested on
// the right.
func (g *sgen) joinChain() from {
	f := g.single()
	usingOnly := true
	n := 1 + g.r.IntN(2)
	for i := 0; i < n; i++ {
		var rsql string
		var rcols []qcol
		if i == 0 && n == 1 && g.chance(4) { // t1 JOIN (t2 JOIN t3 ON ...) ON ...
			a, acols, _ := g.table()
			b, bcols, _ := g.table()
			rsql = "(" + a + " " + g.pick("JOIN", "LEFT JOIN") + " " + b + " ON " + g.joinCond(acols, bcols, false) + ")"
			rcols = append(acols, bcols...)
		} else {
			var s string
			s, rcols, _ = g.table()
			rsql = s
		}
		kind := g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "LEFT JOIN", "CROSS JOIN")
		switch {
		case kind == "CROSS JOIN":
			f.sql += " CROSS JOIN " + rsql
			usingOnly = false
		case g.chance(3) && !strings.HasPrefix(rsql, "("):
			u := g.pick("k", "k", "n", "k, n")
			f.sql += " " + kind + " " + rsql + " USING (" + u + ")"
			usingOnly = usingOnly && strings.HasPrefix(u, "k")
		case i == 0 && g.chance(6) && kind != "FULL JOIN" && !strings.HasPrefix(rsql, "("):
			f.sql += " NATURAL " + kind + " " + rsql
			usingOnly = false
		default:
			f.sql += " " + kind + " " + rsql + " ON " + g.joinCond(f.cols, rcols, kind == "FULL JOIN")
			usingOnly = false
		}
		f.cols = append(f.cols, rcols...)
	}
	if usingOnly { // the merged k: COALESCE of the sides under a FULL join
		f.cols = append(f.cols, qcol{"k", "int"})
	}
	f.key, f.single = "", false
	return f
}

// shapeAggregate is an aggregate of type t with FILTER, DISTINCT or the boolean and array
// aggregates.
func (g *sgen) shapeAggregate(cols []qcol, t string) string {
	filter := ""
	if g.chance(2) {
		filter = " FILTER (WHERE " + g.pred(cols, 1) + ")"
	}
	switch t {
	case "int":
		return g.pick("count(*)", "count(DISTINCT "+g.colOf(cols, g.typeOf(cols))+")",
			"CAST(sum(DISTINCT "+g.colOf(cols, "int")+") AS int)", "min("+g.colOf(cols, "int")+")") + filter
	case "numeric":
		c := g.colOf(cols, g.pick("int", "numeric"))
		return g.pick("sum(DISTINCT "+c+")", "avg(DISTINCT "+c+")", "sum("+c+")", "avg("+c+")", "max("+c+")") + filter
	case "bool":
		return g.pick("bool_and", "bool_or", "every") + "(" + g.pred(cols, 2) + ")" + filter
	case "text":
		c := g.colOf(cols, "int")
		return "CAST(array_agg(" + g.pick("", "DISTINCT ") + c + " ORDER BY " + c + g.pick("", " DESC", " NULLS FIRST") + ") AS text)" + filter
	}
	return g.pick("max", "min") + "(" + g.colOf(cols, t) + ")" + filter
}

// aggQuery groups a table or a join by one or two expressions (or not at all), with HAVING
// over aggregates it does not select.
func (g *sgen) aggQuery() core {
	f := g.single()
	if g.chance(2) {
		f = g.joinChain()
	}
	var keys, items, typs []string
	for i := 0; i < g.r.IntN(3); i++ {
		t := g.typeOf(f.cols)
		k := g.scalar(f.cols, t)
		keys, items, typs = append(keys, k), append(items, k), append(typs, t)
	}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		t := g.pick("int", "numeric", "bool", "text", g.typeOf(f.cols))
		items, typs = append(items, g.shapeAggregate(f.cols, t)), append(typs, t)
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(2) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	if len(keys) > 0 {
		by := slices.Clone(keys)
		if g.chance(3) { // by position
			for i := range by {
				by[i] = fmt.Sprint(i + 1)
			}
		}
		sql += " GROUP BY " + strings.Join(by, ", ")
	}
	if g.chance(2) {
		h := g.shapeAggregate(f.cols, "int") + " " + g.pick(">", "=", "<=") + " " + g.pick("0", "1", "2")
		if g.chance(3) {
			h = g.shapeAggregate(f.cols, "bool")
		}
		if g.chance(4) {
			h += " AND (SELECT count(*) FROM qb) > " + g.pick("0", "3")
		}
		sql += " HAVING " + h
	}
	return core{sql, typs}
}

// aliased names items c0, c1, ... and joins them.
func aliased(items []string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%s AS c%d", it, i)
	}
	return strings.Join(out, ", ")
}

// frame is a window frame clause, or none.
func (g *sgen) frame() string {
	switch g.r.IntN(6) {
	case 0:
		return " ROWS BETWEEN " + g.pick("1", "2", "0") + " PRECEDING AND " + g.pick("1", "0") + " FOLLOWING"
	case 1:
		return " ROWS " + g.pick("UNBOUNDED PRECEDING", "1 PRECEDING", "CURRENT ROW")
	case 2:
		return " RANGE BETWEEN " + g.pick("UNBOUNDED PRECEDING AND CURRENT ROW", "CURRENT ROW AND UNBOUNDED FOLLOWING", "UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
	case 3:
		return " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING"
	}
	return ""
}

// windowItem is a window function over a single table whose value the rows fix: ranks over
// ties, and order-sensitive functions over an order the key completes.
func (g *sgen) windowItem(f from) (string, string) {
	part := ""
	if g.chance(2) {
		part = "PARTITION BY " + g.scalar(f.cols, g.typeOf(f.cols)) + " "
	}
	o := g.scalar(f.cols, g.typeOf(f.cols)) + g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	total := "ORDER BY " + o + ", " + f.key + g.pick("", " DESC")
	switch g.r.IntN(5) {
	case 0:
		return g.pick("rank()", "dense_rank()", "CAST(percent_rank() AS numeric(10, 6))", "CAST(cume_dist() AS numeric(10, 6))") +
			" OVER (" + part + "ORDER BY " + o + ")", g.pick("int")
	case 1:
		c := g.colOf(f.cols, "int")
		return g.pick("lead("+c+")", "lag("+c+", 2)", "lead("+c+", 1, -1)", "nth_value("+c+", 2)", "last_value("+c+")", "first_value("+c+")") +
			" OVER (" + part + total + g.frame() + ")", "int"
	case 2:
		return g.pick("count(*)", "count("+g.colOf(f.cols, "text")+")", "CAST(sum("+g.colOf(f.cols, "int")+") AS int)", "min("+g.colOf(f.cols, "int")+")") +
			" OVER (" + part + total + g.frame() + ")", "int"
	case 3: // over peers: RANGE frames and the default frame give ties the same value
		fr := g.pick("", " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", " RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING")
		return g.pick("sum", "max", "avg") + "(" + g.colOf(f.cols, "numeric") + ") OVER (" + part + "ORDER BY " + o + fr + ")", "numeric"
	}
	return g.pick("max", "min") + "(" + g.colOf(f.cols, "text") + ") OVER (" + part + total + g.frame() + ")", "text"
}

// windowQuery selects window functions (and a column) from one table.
func (g *sgen) windowQuery() core {
	f := g.single()
	t := g.typeOf(f.cols)
	items, typs := []string{g.scalar(f.cols, t)}, []string{t}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		it, typ := g.windowItem(f)
		if strings.Contains(it, "percent_rank") || strings.Contains(it, "cume_dist") {
			typ = "numeric"
		}
		items, typs = append(items, it), append(typs, typ)
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	return core{sql, typs}
}

// subqueryItem is a select-list subquery over cols: its SQL and type.
func (g *sgen) subqueryItem(cols []qcol) (string, string) {
	sub, scols, skey := g.table()
	typ := g.pick("int", "text", "numeric")
	corr := scols[1].sql + " " + g.pick("=", "<", "<>") + " " + g.colOf(cols, "int")
	switch g.r.IntN(7) {
	case 0:
		return "(SELECT " + g.pick("max", "min") + "(" + g.colOf(scols, typ) + ") FROM " + sub + " WHERE " + corr + ")", typ
	case 1:
		return "(SELECT " + g.colOf(scols, typ) + " FROM " + sub + " WHERE " + skey + " = " + g.colOf(cols, "int") + ")", typ
	case 2:
		return g.pick("", "NOT ") + "EXISTS (SELECT 1 FROM " + sub + " WHERE " + corr + ")", "bool"
	case 3:
		where := ""
		if g.chance(2) {
			where = " WHERE " + corr
		}
		return g.colOf(cols, typ) + g.pick(" IN ", " NOT IN ") + "(SELECT " + g.colOf(scols, typ) + " FROM " + sub + where + ")", "bool"
	case 4:
		return g.colOf(cols, "int") + g.pick(" IN ", " NOT IN ") + "(" + g.pick("1, NULL", "0, 2", "NULL", "3, 1, -1") + ")", "bool"
	case 5:
		return g.colOf(cols, typ) + " " + g.pick("=", "<", ">=", "<>") + g.pick(" ANY ", " ALL ") + "(SELECT " + g.colOf(scols, typ) + " FROM " + sub + " WHERE " + corr + ")", "bool"
	}
	return "(SELECT " + g.colOf(scols, typ) + " FROM " + sub + " WHERE " + corr + " ORDER BY 1" + g.pick("", " DESC") + " NULLS LAST, " + skey + " LIMIT 1)", typ
}

// subqueryQuery selects subqueries as values, over a table or a join.
func (g *sgen) subqueryQuery() core {
	f := g.single()
	if g.chance(3) {
		f = g.joinChain()
	}
	t := g.typeOf(f.cols)
	items, typs := []string{g.scalar(f.cols, t)}, []string{t}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		it, typ := g.subqueryItem(f.cols)
		items, typs = append(items, it), append(typs, typ)
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	return core{sql, typs}
}

// branch is a set operation's branch of the given shape, where an int may be numeric (the
// result is then numeric), sometimes parenthesized with its own total ORDER BY and LIMIT.
func (g *sgen) branch(shape []string) (string, []string) {
	own := slices.Clone(shape)
	for i, t := range own {
		if t == "int" && g.chance(4) {
			own[i] = "numeric"
		}
	}
	f := g.single()
	if g.chance(3) {
		f = g.joinChain()
	}
	c := g.selectCore(f, false, own...)
	if g.chance(4) {
		keys := make([]string, len(own))
		for i := range keys {
			keys[i] = fmt.Sprintf("%d%s", i+1, g.pick("", " DESC NULLS LAST"))
		}
		return "(" + c.sql + " ORDER BY " + strings.Join(keys, ", ") + " LIMIT " + g.pick("1", "2", "0") + ")", own
	}
	return c.sql, own
}

// setOpQuery is two or three branches joined by set operations, unparenthesized: INTERSECT
// binds tighter than UNION and EXCEPT.
func (g *sgen) setOpQuery() core {
	shape := make([]string, 1+g.r.IntN(2))
	for i := range shape {
		shape[i] = g.pick("int", "text", "numeric", "int")
	}
	sql, out := g.branch(shape)
	for i := 0; i < 1+g.r.IntN(2); i++ {
		b, bt := g.branch(shape)
		for j := range out {
			if bt[j] == "numeric" {
				out[j] = "numeric"
			}
		}
		sql += " " + g.pick("UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL") + " " + b
	}
	if g.chance(3) { // the whole as an IN subquery's list
		f := g.single()
		return core{"SELECT " + f.cols[0].sql + " AS c0, " + g.colOf(f.cols, out[0]) + g.pick(" IN ", " NOT IN ") +
			"(SELECT c0 FROM (" + sql + ") u) AS c1 FROM " + f.sql, []string{"int", "bool"}}
	}
	return core{sql, out}
}

// cteQuery reads a WITH query twice (joined to itself or a table), or a recursive one.
func (g *sgen) cteQuery() core {
	if g.chance(3) {
		sub, cols, _ := g.table()
		rec := "WITH RECURSIVE r(id, k, depth) AS (SELECT " + cols[0].sql + ", " + cols[1].sql + ", 0 FROM " + sub +
			" WHERE " + g.pred(cols, 1) + " UNION" + g.pick("", " ALL") + " SELECT q.id, q.k, r.depth + 1 FROM r JOIN " +
			g.pick("qa", "qb", "qc") + " q ON q.id = r.k + " + g.pick("0", "1") + " WHERE r.depth < 3) "
		tail := g.pick("SELECT id, k, depth FROM r", "SELECT k, count(*), max(depth) FROM r GROUP BY k")
		return core{rec + tail, []string{"int", "int", "int"}}
	}
	inner := g.selectCore(g.single(), false, "int", g.pick("int", "text", "numeric"))
	w := "WITH x AS " + g.pick("", "MATERIALIZED ", "NOT MATERIALIZED ") + "(" + inner.sql + ") "
	if g.chance(2) {
		return core{w + "SELECT a.c0 AS c0, b.c1 AS c1 FROM x a " + g.pick("JOIN", "LEFT JOIN", "FULL JOIN") + " x b ON a.c0 = b.c0", inner.types}
	}
	f := g.single()
	return core{w + "SELECT " + f.cols[1].sql + " AS c0, (SELECT count(*) FROM x WHERE x.c0 = " + f.cols[1].sql + ") AS c1 FROM " + f.sql +
		g.pick("", " WHERE "+f.cols[1].sql+" IN (SELECT c0 FROM x)", " WHERE NOT EXISTS (SELECT 1 FROM x WHERE x.c0 > "+f.cols[1].sql+")"),
		[]string{"int", "int"}}
}

// orderedQuery orders one table by expressions it may not select, broken by the key (a total
// order), with LIMIT/OFFSET/FETCH edge values.
func (g *sgen) orderedQuery() string {
	f := g.single()
	var items []string
	for i := 0; i < 1+g.r.IntN(3); i++ {
		items = append(items, g.scalar(f.cols, g.typeOf(f.cols)))
	}
	var keys []string
	for i := 0; i < 1+g.r.IntN(2); i++ {
		keys = append(keys, g.scalar(f.cols, g.typeOf(f.cols))+g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST", " ASC NULLS LAST"))
	}
	q := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(2) {
		q += " WHERE " + g.pred(f.cols, 1)
	}
	q += " ORDER BY " + strings.Join(keys, ", ") + ", " + f.key + g.pick("", " DESC")
	return q + g.limit()
}

// limit is a LIMIT/OFFSET/FETCH tail, often with an edge value.
func (g *sgen) limit() string {
	switch g.r.IntN(6) {
	case 0:
		return ""
	case 1:
		return " LIMIT " + g.pick("0", "ALL", "NULL", "1", "100")
	case 2:
		return " OFFSET " + g.pick("0", "1", "3", "100")
	case 3:
		return " FETCH FIRST " + g.pick("", "1 ", "2 ") + g.pick("ROW", "ROWS") + " ONLY"
	case 4:
		return " OFFSET " + g.pick("1", "2") + g.pick("", " ROWS") + " FETCH NEXT " + g.pick("1", "3") + " ROWS ONLY"
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", g.r.IntN(4), g.r.IntN(4))
}

// mixItem is an expression mixing int, numeric and float8 (or C-locale text comparisons).
func (g *sgen) mixItem(cols []qcol) (string, string) {
	i, n, f := g.colOf(cols, "int"), g.colOf(cols, "numeric"), g.colOf(cols, "float8")
	switch g.r.IntN(7) {
	case 0:
		return "COALESCE(" + n + ", " + i + ")", "numeric"
	case 1:
		return "CASE WHEN " + g.pred(cols, 2) + " THEN " + i + " ELSE " + n + " END", "numeric"
	case 2:
		return n + " " + g.pick("=", "<", ">=") + " " + i, "bool"
	case 3:
		return i + " / " + g.pick("2", "2.0", "3") + " " + g.pick("+", "*") + " " + n, "numeric"
	case 4:
		return g.colOf(cols, "text") + " " + g.pick("<", ">", "<=", "=") + " " + g.pick("'B'", "'a'", "'a '", "'Z'", "''", "'_'"), "bool"
	case 5:
		return "greatest(" + i + ", " + n + ", " + g.pick("0", "1.5") + ")", "numeric"
	}
	if strings.HasPrefix(f, "CAST(") { // no float column: compare the numeric with a float literal
		return n + " < 0.5::float8", "bool"
	}
	return n + " " + g.pick("=", "<", ">") + " " + f, "bool"
}

// mixQuery selects mixed-type expressions over a table or a join; items are the select
// list's expressions.
func (g *sgen) mixQuery() (c core, items []string) {
	f := g.single()
	if g.chance(3) {
		f = g.joinChain()
	}
	var typs []string
	for i := 0; i < 1+g.r.IntN(3); i++ {
		it, t := g.mixItem(f.cols)
		items, typs = append(items, it), append(typs, t)
	}
	sql := "SELECT " + g.pick("", "DISTINCT ") + aliased(items) + " FROM " + f.sql
	if g.chance(2) {
		it, t := g.mixItem(f.cols)
		if t != "bool" {
			it += " > 1"
		}
		sql += " WHERE " + it
	}
	return core{sql, typs}, items
}

// exprOrder orders a query by its select list's expressions written out, not by position:
// PostgreSQL sorts on the item each one equals (with DISTINCT, it must equal one).
func (g *sgen) exprOrder(items []string) string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it + g.pick("", " DESC") + g.pick("", " NULLS FIRST", " NULLS LAST")
	}
	return " ORDER BY " + strings.Join(keys, ", ") + g.limit()
}

// query is a whole query and whether its order is fixed.
func (g *sgen) query() (string, bool) {
	g.alias = 0
	var c core
	switch g.r.IntN(22) {
	case 20, 21: // query_shapes5_test.go's
		if c = g.fifthShapes(); strings.Contains(c.sql, "WITH TIES") && !strings.HasPrefix(c.sql, "SELECT * FROM (") {
			return c.sql, false // an outer ORDER BY cannot follow
		}
	case 19:
		c = g.crossTimeQuery()
	case 16:
		c = g.joinWindowQuery()
	case 17:
		c = g.outerCorrQuery()
	case 18:
		c = g.setOpSubqueryQuery()
	case 0:
		c = g.selectCore(g.joinChain(), false)
	case 1:
		c = g.aggQuery()
	case 2:
		c = g.windowQuery()
	case 3:
		c = g.subqueryQuery()
	case 4:
		c = g.setOpQuery()
	case 5:
		c = g.cteQuery()
	case 6:
		return g.orderedQuery(), true
	case 7:
		var items []string
		if c, items = g.mixQuery(); g.chance(3) {
			return c.sql + g.exprOrder(items), true
		}
	default: // query_shapes2_test.go's shapes, half of the queries
		var ordered bool
		if c, ordered = g.moreShapes(); ordered {
			return c.sql, true
		}
	}
	if g.chance(2) {
		return c.sql, false
	}
	keys := make([]string, len(c.types))
	for i := range keys {
		keys[i] = fmt.Sprintf("%d%s%s", i+1, g.pick("", " ASC", " DESC"), g.pick("", " NULLS FIRST", " NULLS LAST"))
	}
	return c.sql + " ORDER BY " + strings.Join(keys, ", ") + g.limit(), true
}

// shapeData makes the rows of the shape tables but qe: a few, with NULLs and repeats.
func (g *sgen) shapeData() []string {
	var out []string
	for _, t := range shapeTables {
		if t.name == "qe" {
			continue
		}
		n := 2 + g.r.IntN(7)
		nulls := g.nullRate()
		for id := 1; id <= n; id++ {
			vals := []string{fmt.Sprint(id)}
			for _, c := range t.cols[1:] {
				vals = append(vals, g.rowValue(c.typ, nulls))
			}
			out = append(out, fmt.Sprintf("INSERT INTO %s VALUES (%s)", t.name, strings.Join(vals, ", ")))
		}
	}
	return out
}

func TestQueryShapes(t *testing.T) {
	runQueryDiff(t, queryDiff{replay: "TestQueryShapes -queryshapes.seed", seed: *queryShapesSeed,
		tables: shapeTables, timeout: "2s", shrink: true, budget: *queryShapesBudget, n: *queryShapesN,
		start: func(r *rand.Rand) ([]string, func() (string, bool)) {
			g := &sgen{qgen{r: r, tables: shapeTables}}
			// a zone per run: dates and timestamps compared with timestamptzs are read in it
			// (query_shapes4_test.go)
			return append([]string{"SET TimeZone = '" + g.pick(exprDiffZones...) + "'"}, g.shapeData()...), g.query
		}})
}
