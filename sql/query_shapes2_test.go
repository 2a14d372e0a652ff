package sql

import (
	"fmt"
	"strings"
)

// TestQueryShapes' second set of shapes: grouping sets with grouping(), DISTINCT ON, named
// windows and windows over aggregates, derived tables with aggregates, LIMIT or DISTINCT
// joined to tables, correlated subqueries two levels deep and in HAVING and ORDER BY, set
// operations over compatible types (int/bigint/numeric, text/varchar, NULL), CASE, COALESCE
// and NULLIF over mixed types as values and grouping keys, IN lists with NULLs, EXISTS
// under OR, outer joins on constants or one side, self-joins, VALUES in FROM and WITH
// queries read from subqueries.

// ids are the key columns of a from's tables: together they fix a row of any join.
func ids(f from) string {
	var out []string
	for _, c := range f.cols {
		if strings.HasSuffix(c.sql, ".id") {
			out = append(out, c.sql)
		}
	}
	return strings.Join(out, ", ")
}

// fill replaces %0, %1, ... in a template by xs.
func fill(tmpl string, xs ...string) string {
	for i := len(xs) - 1; i >= 0; i-- {
		tmpl = strings.ReplaceAll(tmpl, fmt.Sprintf("%%%d", i), xs[i])
	}
	return tmpl
}

// tableOrJoin is one table or, one time in three, a join chain.
func (g *sgen) tableOrJoin() from {
	if g.chance(3) {
		return g.joinChain()
	}
	return g.single()
}

// groupingForms are GROUP BY clauses over the keys %0, %1, %2.
var groupingForms = []string{
	"ROLLUP (%0, %1)", "CUBE (%0, %1)", "GROUPING SETS ((%0), (%1), ())", "GROUPING SETS ((%0, %1), %0, ())",
	"%0, ROLLUP (%1)", "ROLLUP (%0, (%1, %2))", "GROUPING SETS (ROLLUP (%0), CUBE (%1))", "CUBE (%0, %1, %2)",
	"GROUPING SETS (%0, %0, %1)", "()", "ROLLUP (%0), ROLLUP (%1)", "GROUPING SETS ((), (%1))", "%0, CUBE (%1, %2)",
}

// groupingSetsQuery groups by grouping sets, selecting the keys, grouping() and aggregates.
func (g *sgen) groupingSetsQuery() core {
	f := g.tableOrJoin()
	keys := make([]string, 3)
	var items, typs []string
	for i := range keys {
		t := g.typeOf(f.cols)
		keys[i] = g.scalar(f.cols, t)
		if i < 2 || g.chance(2) {
			items, typs = append(items, keys[i]), append(typs, t)
		}
	}
	form := g.pick(groupingForms...)
	if strings.Contains(form, "%") {
		items, typs = append(items, "grouping("+g.pick(keys[0], keys[1], keys[0]+", "+keys[1], keys[1]+", "+keys[0])+")"), append(typs, "int")
	} else {
		items, typs = items[:0], typs[:0]
	}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		t := g.pick("int", "numeric", "text", "bool")
		items, typs = append(items, g.shapeAggregate(f.cols, t)), append(typs, t)
	}
	if g.chance(3) && strings.Contains(form, "%") { // a window over the groups, partitioned by grouping()
		items = append(items, "sum(count(*)) OVER (PARTITION BY grouping("+keys[0]+"))")
		typs = append(typs, "numeric")
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	sql += " GROUP BY " + fill(form, keys...)
	if g.chance(3) {
		sql += " HAVING " + g.pick("count(*) > 1", "grouping("+keys[0]+") = 0", "count(*) = 1 OR grouping("+keys[1]+") = 1")
	}
	return core{sql, typs}
}

// distinctOnQuery keeps the first row of each DISTINCT ON group under a total order.
func (g *sgen) distinctOnQuery() string {
	f := g.tableOrJoin()
	var on, order, items []string
	for i := 0; i < 1+g.r.IntN(2); i++ {
		e := g.scalar(f.cols, g.typeOf(f.cols))
		on = append(on, e)
		order = append(order, e+g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST"))
	}
	for i := 0; i < 1+g.r.IntN(3); i++ {
		items = append(items, g.scalar(f.cols, g.typeOf(f.cols)))
	}
	if g.chance(3) {
		items = append(items, on[0])
	}
	sql := "SELECT DISTINCT ON (" + strings.Join(on, ", ") + ") " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	order = append(order, g.scalar(f.cols, g.typeOf(f.cols))+g.pick("", " DESC"), ids(f)+g.pick("", " DESC"))
	sql += " ORDER BY " + strings.Join(order, ", ") + g.limit()
	if g.chance(4) { // as a derived table, reordered
		return "SELECT * FROM (" + sql + ") d ORDER BY " + positions(len(items))
	}
	return sql
}

// positions is "1, 2, ..., n".
func positions(n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(i + 1)
	}
	return strings.Join(out, ", ")
}

// aggWindowQuery groups a table and applies window functions over the groups, some through
// named windows.
func (g *sgen) aggWindowQuery() core {
	f := g.tableOrJoin()
	var keys, typs []string
	for i := 0; i < 1+g.r.IntN(2); i++ {
		t := g.typeOf(f.cols)
		keys, typs = append(keys, g.scalar(f.cols, t)), append(typs, t)
	}
	items := append([]string{}, keys...)
	agg := g.pick("count(*)", "max("+g.colOf(f.cols, "int")+")", "sum("+g.colOf(f.cols, "numeric")+")")
	items, typs = append(items, agg), append(typs, "numeric")
	all := strings.Join(keys, ", ")
	part := keys[0]
	wins := []string{
		"sum(" + agg + ") OVER (ORDER BY " + all + ")", "rank() OVER (ORDER BY " + agg + " DESC NULLS LAST)",
		"count(*) OVER ()", "max(" + agg + ") OVER (PARTITION BY " + part + ")", "row_number() OVER (ORDER BY " + all + " DESC)",
		"lag(" + agg + ") OVER (ORDER BY " + all + ")", "sum(count(*)) OVER w", "dense_rank() OVER (w ORDER BY " + agg + ")",
		"first_value(" + keys[0] + ") OVER (w ORDER BY " + all + ")", "avg(" + agg + ") OVER w2",
		"sum(sum(" + g.colOf(f.cols, "int") + ")) OVER (ORDER BY " + all + " ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
	}
	named := false
	for i := 0; i < 1+g.r.IntN(3); i++ {
		w := g.pick(wins...)
		named = named || strings.Contains(w, "OVER w") || strings.Contains(w, "(w ")
		items, typs = append(items, w), append(typs, "numeric")
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	sql += " GROUP BY " + all
	if g.chance(3) {
		sql += " HAVING count(*) " + g.pick("> 1", "< 3")
	}
	if named {
		sql += " WINDOW w AS (" + g.pick("", "PARTITION BY "+part) + "), w2 AS (w ORDER BY " + all + " " + g.pick("", "ROWS UNBOUNDED PRECEDING") + ")"
	}
	return core{sql, typs}
}

// namedWindowQuery selects window functions over named windows of one table, copied and
// extended as PostgreSQL allows.
func (g *sgen) namedWindowQuery() core {
	f := g.single()
	p := g.scalar(f.cols, g.typeOf(f.cols))
	o := g.scalar(f.cols, g.typeOf(f.cols)) + g.pick("", " DESC", " NULLS FIRST") + ", " + f.key
	c := g.colOf(f.cols, "int")
	wins := []string{
		"row_number() OVER w", "sum(" + c + ") OVER w", "lag(" + c + ") OVER w", "count(*) OVER w0",
		"first_value(" + c + ") OVER (w0 ORDER BY " + o + ")", "max(" + c + ") OVER (w ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)",
		"rank() OVER (w0 ORDER BY " + p + ")", "last_value(" + c + ") OVER w3", "count(" + c + ") OVER w3",
		// Frames whose rows do not depend on the order of peers: GROUPS and RANGE (offsets
		// over the int column), EXCLUDE, offsets that are expressions, lag's n a column.
		"sum(" + c + ") OVER (w0 ORDER BY " + p + " GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES)",
		"count(*) OVER (w0 ORDER BY " + p + " RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP)",
		"sum(" + c + ") OVER (w0 ORDER BY " + c + " RANGE BETWEEN 2 PRECEDING AND 1::int2 FOLLOWING EXCLUDE CURRENT ROW)",
		"max(" + c + ") OVER (w ROWS BETWEEN 1::bigint PRECEDING AND (1 + 1) FOLLOWING EXCLUDE CURRENT ROW)",
		"lag(" + c + ", abs(" + c + ") % 3, -1) OVER w",
	}
	items, typs := []string{f.key}, []string{"int"}
	for i := 0; i < 1+g.r.IntN(3); i++ {
		items, typs = append(items, g.pick(wins...)), append(typs, "int")
	}
	sql := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	sql += " WINDOW w0 AS (" + g.pick("", "PARTITION BY "+p) + "), w AS (w0 ORDER BY " + o + "), w3 AS (w " +
		g.pick("ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", "RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING", "ROWS 1 PRECEDING") + ")"
	return core{sql, typs}
}

// derivedForms are derived tables over a table %0 (alias s, columns k and c): grouped,
// limited under a total order, distinct, or a set operation.
var derivedForms = []string{
	"(SELECT k, count(*) AS c FROM %0 GROUP BY k)", "(SELECT k, max(id) AS c FROM %0 GROUP BY k HAVING count(*) > 1)",
	"(SELECT k, id AS c FROM %0 ORDER BY k NULLS FIRST, id LIMIT 3)", "(SELECT DISTINCT k, k % 2 AS c FROM %0)",
	"(SELECT k, id AS c FROM %0 UNION SELECT id, k FROM %0)", "(SELECT k, count(*) AS c FROM %0 GROUP BY k ORDER BY k DESC NULLS LAST LIMIT 2 OFFSET 1)",
	"(SELECT k, sum(k) OVER (ORDER BY id) AS c FROM %0)", "(SELECT k, c FROM (VALUES (1, 10), (NULL, 20), (2, NULL), (1, 5)) v(k, c))",
	"(SELECT count(*) AS k, min(k) AS c FROM %0)", "(SELECT k, id AS c FROM %0 WHERE k IS NOT NULL ORDER BY id DESC FETCH FIRST 2 ROWS ONLY)",
}

// derivedJoinQuery joins a derived table (aggregates, LIMIT, DISTINCT, VALUES) to a table.
func (g *sgen) derivedJoinQuery() core {
	tname := g.pick("qa", "qb", "qc", "qe")
	d := fill(g.pick(derivedForms...), tname) + " s"
	f := g.single()
	cols := append([]qcol{{"s.k", "int"}, {"s.c", "int"}}, f.cols...)
	kind := g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN")
	on := g.pick("s.k = "+f.cols[1].sql, "s.c = "+f.key, "s.k = "+f.cols[1].sql+" AND s.c > 1")
	var sql string
	if g.chance(2) {
		sql = d + " " + kind + " " + f.sql + " ON " + on
	} else {
		sql = f.sql + " " + kind + " " + d + " ON " + on
	}
	if g.chance(3) { // grouped over the join
		k := g.pick("s.k", "s.c", f.cols[1].sql)
		return core{"SELECT " + k + " AS c0, count(*) AS c1, sum(s.c) AS c2 FROM " + sql + " GROUP BY " + k, []string{"int", "int", "int"}}
	}
	var items, typs []string
	for i := 0; i < 2+g.r.IntN(2); i++ {
		t := g.typeOf(cols)
		items, typs = append(items, g.scalar(cols, t)), append(typs, t)
	}
	q := "SELECT " + aliased(items) + " FROM " + sql
	if g.chance(3) {
		q += " WHERE " + g.pred(cols, 1)
	}
	return core{q, typs}
}

// deepSubqueryQuery is a query with correlated subqueries two levels deep, in the select
// list, WHERE, HAVING or ORDER BY (then its order is fixed).
func (g *sgen) deepSubqueryQuery() (core, bool) {
	f := g.single()
	t1 := strings.TrimSuffix(f.key, ".id")
	deep := "(SELECT " + g.pick("count(*)", "max(u.n)", "min(u.id)") + " FROM qb u WHERE u.k = " + t1 + ".k AND " +
		g.pick("", "NOT ") + "EXISTS (SELECT 1 FROM qc w WHERE w.k = u.id AND " +
		g.pick("w.n > "+t1+".n", "w.id <> "+t1+".id", "w.v = u.w", "w.k = "+t1+".id") + "))"
	switch g.r.IntN(4) {
	case 0:
		return core{"SELECT " + f.key + " AS c0, " + deep + " AS c1 FROM " + f.sql, []string{"int", "int"}}, false
	case 1:
		return core{"SELECT " + f.key + " AS c0 FROM " + f.sql + " WHERE " + g.pick(deep+" > 0", deep+" IS NULL", "0 < "+deep+" OR "+t1+".k IS NULL"), []string{"int"}}, false
	case 2: // in HAVING: reads the group's key and an aggregate of the outer query
		h := g.pick("count(*) > (SELECT count(*) FROM qb u WHERE u.k = "+t1+".k)",
			"EXISTS (SELECT 1 FROM qb u WHERE u.id = max("+t1+".id) AND EXISTS (SELECT 1 FROM qc w WHERE w.k = u.k))",
			"(SELECT count(*) FROM qb u WHERE u.k = "+t1+".k AND u.n < (SELECT max(w.n) FROM qc w WHERE w.id = u.id)) "+g.pick("= 0", "> 0"),
			"sum("+t1+".id) > ALL (SELECT u.id FROM qb u WHERE u.k = "+t1+".k)")
		return core{"SELECT " + t1 + ".k AS c0, count(*) AS c1 FROM " + f.sql + " GROUP BY " + t1 + ".k HAVING " + h, []string{"int", "int"}}, false
	}
	return core{"SELECT " + f.key + " AS c0, " + t1 + ".k AS c1 FROM " + f.sql + " ORDER BY " + deep + g.pick("", " DESC") +
		g.pick("", " NULLS FIRST", " NULLS LAST") + ", " + f.key + g.limit(), nil}, true
}

// compatible are branch values of one category with different types, by the column they
// read (%0 an int column, %1 a text one, %2 a numeric one).
var compatible = [][]string{
	{"%0", "CAST(%0 AS bigint)", "CAST(%0 AS smallint)", "%2", "NULL", "count(*) OVER ()", "1", "2.5"},
	{"%1", "CAST(%1 AS varchar)", "CAST(%1 AS varchar(2))", "NULL", "'a'", "CAST(%1 AS char(2))"},
}

// compatibleSetOpQuery joins two or three branches whose columns have different types of
// one category; the result's types are PostgreSQL's resolution (or both refuse, 42804).
func (g *sgen) compatibleSetOpQuery() core {
	n := 1 + g.r.IntN(2)
	cats := make([]int, n)
	for i := range cats {
		cats[i] = g.r.IntN(len(compatible))
	}
	var sql string
	for b := 0; b < 2+g.r.IntN(2); b++ {
		f := g.single()
		items := make([]string, n)
		for i, c := range cats {
			items[i] = fill(g.pick(compatible[c]...), g.colOf(f.cols, "int"), g.colOf(f.cols, "text"), g.colOf(f.cols, "numeric"))
		}
		br := "SELECT " + aliased(items) + " FROM " + f.sql
		if b > 0 {
			br = " " + g.pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT", "EXCEPT ALL") + " " + br
		}
		sql += br
	}
	typs := make([]string, n)
	for i := range typs {
		typs[i] = "int"
	}
	if g.chance(3) {
		return core{"SELECT * FROM (" + sql + ") u WHERE c0 IS NOT NULL", typs}
	}
	return core{sql, typs}
}

// mixedCaseForms are CASE, COALESCE and NULLIF over columns of different types (%0 int,
// %1 numeric, %2 text, %3 a condition).
var mixedCaseForms = []string{
	"CASE WHEN %3 THEN %0 ELSE %1 END", "CASE WHEN %3 THEN NULL ELSE %0 END", "COALESCE(%0, CAST(%0 AS bigint), 0)",
	"COALESCE(%0, 1.5)", "NULLIF(%0, 1.0)", "NULLIF(%1, %0)", "NULLIF(%0, 2)", "COALESCE(%2, CAST(%2 AS varchar), 'x')",
	"CASE %0 WHEN 1 THEN 'one' WHEN NULL THEN 'null' ELSE %2 END", "CASE WHEN %3 THEN 1 WHEN %0 > 1 THEN 2.5 END",
	"COALESCE(NULLIF(%2, ''), 'empty')", "CASE WHEN %3 THEN CAST(%0 AS bigint) ELSE %0 * 2 END", "COALESCE(%1, %0, -1)",
	"CASE %1 WHEN %0 THEN 'eq' ELSE 'ne' END", "NULLIF(COALESCE(%0, 0), 0)", "greatest(%0, CAST(%0 AS bigint) - 1, NULL)",
}

// mixedCaseQuery selects mixed-type CASE/COALESCE/NULLIF values, maybe grouped by them.
func (g *sgen) mixedCaseQuery() core {
	f := g.tableOrJoin()
	var items, typs []string
	for i := 0; i < 1+g.r.IntN(3); i++ {
		items = append(items, fill(g.pick(mixedCaseForms...), g.colOf(f.cols, "int"), g.colOf(f.cols, "numeric"),
			g.colOf(f.cols, "text"), g.pred(f.cols, 2)))
		typs = append(typs, "numeric")
	}
	sql := " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pred(f.cols, 1)
	}
	if g.chance(2) { // grouped by the expressions (or their positions)
		by := items
		if g.chance(2) {
			by = strings.Split(positions(len(items)), ", ")
		}
		items, typs = append(items, "count(*)"), append(typs, "int")
		return core{"SELECT " + aliased(items) + sql + " GROUP BY " + strings.Join(by, ", "), typs}
	}
	return core{"SELECT " + g.pick("", "DISTINCT ") + aliased(items) + sql, typs}
}

// nullListForms are conditions of IN lists with NULLs and EXISTS under OR, over a table
// t (%0 an int column, %1 a text one, %2 a numeric one, %3 the table's alias).
var nullListForms = []string{
	"%0 IN (1, NULL)", "%0 NOT IN (NULL, 2)", "%0 NOT IN (1, 2)", "%1 IN ('a', NULL, 'b')", "%1 NOT IN ('a', NULL)",
	"%2 IN (1.5, 2, NULL)", "%2 NOT IN (1, 2.5)", "(%0 IN (1, NULL)) IS NULL", "NOT (%0 IN (NULL))", "%0 IN (NULL, NULL)",
	"%0 IN (1, 2.5)", "%0 NOT IN (SELECT k FROM qe)", "%0 NOT IN (SELECT k FROM qb WHERE k IS NOT NULL)",
	"%0 = 1 OR EXISTS (SELECT 1 FROM qb u WHERE u.k = %3.k)", "NOT EXISTS (SELECT 1 FROM qb u WHERE u.id = %3.k) OR %1 = 'a'",
	"EXISTS (SELECT 1 FROM qb u WHERE u.k = %3.id) OR EXISTS (SELECT 1 FROM qc u WHERE u.n = %2)",
	"(%0 IS NULL OR %3.id IN (SELECT k FROM qc)) AND %3.id > 1", "%0 IN (SELECT k FROM qb) OR %0 IS NULL",
	"%0 NOT IN (SELECT k FROM qb) OR NOT EXISTS (SELECT 1 FROM qc u WHERE u.k = %3.id)",
	"CASE WHEN EXISTS (SELECT 1 FROM qb u WHERE u.k = %3.k) OR %0 > 1 THEN true END",
}

// nullListQuery filters a table by IN lists with NULLs and EXISTS under OR, or selects them.
func (g *sgen) nullListQuery() core {
	f := g.single()
	a := strings.TrimSuffix(f.key, ".id")
	cond := func() string {
		return fill(g.pick(nullListForms...), g.colOf(f.cols, "int"), g.colOf(f.cols, "text"), g.colOf(f.cols, "numeric"), a)
	}
	if g.chance(3) {
		return core{"SELECT " + f.key + " AS c0, " + cond() + " AS c1, " + cond() + " AS c2 FROM " + f.sql, []string{"int", "bool", "bool"}}
	}
	w := cond()
	if g.chance(2) {
		w = "(" + w + ") " + g.pick("OR", "AND") + " " + cond()
	}
	return core{"SELECT " + f.key + " AS c0, " + g.scalar(f.cols, "int") + " AS c1 FROM " + f.sql + " WHERE " + w, []string{"int", "int"}}
}

// outerOnForms are outer join conditions on constants or one side (%0 the left table's
// alias, %1 the right's); the first fullOnForms of them PostgreSQL takes for a FULL join
// (the others it refuses, 0A000, where drove answers).
var outerOnForms = []string{
	"true", "false", "%0.k = %1.k AND %0.id > 2", "%0.id = %1.id AND %1.n > 1", "%0.k = %1.k AND 1 = 0",
	"%0.id = %1.k AND %0.k IS NULL",
	"%0.k = 1", "%1.k = 1", "%1.k IS NULL", "%0.k IS NOT DISTINCT FROM NULL", "%0.id = %1.k OR %1.id = 1",
}

const fullOnForms = 6

// outerOnQuery is a LEFT, RIGHT or FULL join (often a self-join) on a condition of constants
// or one side, selecting columns of both sides or counting.
func (g *sgen) outerOnQuery() core {
	lt := g.pick("qa", "qb", "qc", "qe")
	rt := g.pick("qa", "qb", "qc", "qe", lt)
	kind := g.pick("LEFT JOIN", "LEFT JOIN", "RIGHT JOIN", "JOIN", "FULL JOIN")
	forms := outerOnForms
	if kind == "FULL JOIN" {
		forms = forms[:fullOnForms]
	}
	on := fill(g.pick(forms...), "l", "r")
	sql := " FROM " + lt + " l " + kind + " " + rt + " r ON " + on
	if g.chance(3) { // a third table, left-joined on the right side's key
		sql += " LEFT JOIN " + g.pick("qa", "qb") + " x ON x.id = r.k"
	}
	if g.chance(3) {
		sql += " WHERE " + g.pick("r.id IS NULL", "l.id IS NOT NULL", "r.k = 1 OR l.k = 1", "COALESCE(r.k, -1) <> 0")
	}
	if g.chance(3) {
		return core{"SELECT l.k AS c0, count(r.id) AS c1, count(*) AS c2" + sql + " GROUP BY l.k", []string{"int", "int", "int"}}
	}
	return core{"SELECT l.id AS c0, r.id AS c1, r.k AS c2, l.k AS c3" + sql, []string{"int", "int", "int", "int"}}
}

// valuesForms are VALUES lists in FROM, of mixed literals: the column types are
// PostgreSQL's resolution of each column.
var valuesForms = []string{
	"(VALUES (1, 'a'), (NULL, 'b'), (2, NULL)) AS v(k, s)", "(VALUES (1, 'a'), (2.5, 'B')) AS v(k, s)",
	"(VALUES (NULL, NULL), (3, 'a ')) AS v(k, s)", "(VALUES (CAST(1 AS bigint), 'x'), (2, 'y'), (1, 'x')) AS v(k, s)",
	"(VALUES (0, ''), (-1, '_')) AS v(k, s)", "(VALUES (1, CAST('a' AS varchar)), (NULL, 'Z')) AS v(k, s)",
	"(VALUES (1.50, 'a'), (2, 'b'), (1.5, 'c')) AS v(k, s)",
}

// valuesQuery reads a VALUES list in FROM, alone, joined to a table or read by a subquery.
func (g *sgen) valuesQuery() core {
	v := g.pick(valuesForms...)
	f := g.single()
	switch g.r.IntN(4) {
	case 0:
		return core{"SELECT v.k AS c0, v.s AS c1, " + g.pick("v.k + 1", "upper(v.s)", "v.k * 2", "v.s || 'x'") + " AS c2 FROM " + v, []string{"numeric", "text", "text"}}
	case 1:
		return core{"SELECT v.k AS c0, v.s AS c1, " + f.key + " AS c2 FROM " + v + " " + g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN") +
			" " + f.sql + " ON " + f.cols[1].sql + " = v.k", []string{"numeric", "text", "int"}}
	case 2:
		return core{"SELECT " + f.key + " AS c0, (SELECT max(v.s) FROM " + v + " WHERE v.k = " + f.cols[1].sql + ") AS c1, " +
			f.cols[1].sql + g.pick(" IN ", " NOT IN ") + "(SELECT v.k FROM " + v + ") AS c2 FROM " + f.sql, []string{"int", "text", "bool"}}
	}
	return core{"SELECT v.s AS c0, count(*) AS c1, sum(v.k) AS c2 FROM " + v + " GROUP BY v.s", []string{"text", "int", "numeric"}}
}

// cteSubqueryQuery reads WITH queries from subqueries: IN, EXISTS, scalar, derived tables,
// another WITH query, and a WITH inside a subquery.
func (g *sgen) cteSubqueryQuery() core {
	inner := g.pick("SELECT k, count(*) AS c FROM qa GROUP BY k", "SELECT k, id AS c FROM qb WHERE n IS NOT NULL",
		"SELECT k, id AS c FROM qc UNION ALL SELECT id, k FROM qa", "SELECT DISTINCT k, k AS c FROM qe")
	w := "WITH x AS (" + inner + "), y AS (SELECT k, sum(c) AS c FROM x GROUP BY k) "
	f := g.single()
	k := f.cols[1].sql
	items := []string{
		"(SELECT count(*) FROM x WHERE x.k = " + k + ")", "(SELECT max(y.c) FROM y WHERE y.k " + g.pick("=", "<", "<>") + " " + k + ")",
		k + g.pick(" IN ", " NOT IN ") + "(SELECT k FROM x)", "EXISTS (SELECT 1 FROM y WHERE y.c > " + f.key + ")",
		"(SELECT count(*) FROM (SELECT DISTINCT x.k FROM x JOIN y ON x.k = y.k) d)",
		"(WITH z AS (SELECT k FROM x WHERE x.c > 1) SELECT count(*) FROM z WHERE z.k = " + k + ")",
	}
	sel := []string{f.key}
	for i := 0; i < 1+g.r.IntN(2); i++ {
		sel = append(sel, g.pick(items...))
	}
	sql := w + "SELECT " + aliased(sel) + " FROM " + f.sql
	if g.chance(3) {
		sql += " WHERE " + g.pick(k+" IN (SELECT k FROM y)", "NOT EXISTS (SELECT 1 FROM x WHERE x.c = "+f.key+")", f.key+" > (SELECT count(*) FROM x)")
	}
	typs := make([]string, len(sel))
	for i := range typs {
		typs[i] = "int"
	}
	return core{sql, typs}
}

// moreShapes is one of this file's shapes, and whether its order is fixed.
func (g *sgen) moreShapes() (core, bool) {
	switch g.r.IntN(12) {
	case 0:
		return g.groupingSetsQuery(), false
	case 1:
		return core{g.distinctOnQuery(), nil}, true
	case 2:
		return g.aggWindowQuery(), false
	case 3:
		return g.namedWindowQuery(), false
	case 4:
		return g.derivedJoinQuery(), false
	case 5:
		return g.deepSubqueryQuery()
	case 6:
		return g.compatibleSetOpQuery(), false
	case 7:
		return g.mixedCaseQuery(), false
	case 8:
		return g.nullListQuery(), false
	case 9:
		return g.outerOnQuery(), false
	case 10:
		return g.valuesQuery(), false
	}
	return g.cteSubqueryQuery(), false
}
