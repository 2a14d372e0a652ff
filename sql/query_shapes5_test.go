package sql

import "strings"

// TestQueryShapes' fifth set of shapes, over what drove gained after the generator was
// written: LATERAL subqueries and functions in FROM (cross, comma, LEFT JOIN ... ON true and
// on their own columns, a second LATERAL reading the first, LATERAL inside a correlated
// subquery) whose rows are fixed (a LIMIT under a total order, aggregates, DISTINCT, VALUES
// of the outer row, set operations, windows, generate_series); FETCH FIRST ... WITH TIES
// (its rows are fixed, their order among peers is not: compared as multisets); and window
// frames with RANGE offsets over numeric, float8 and date orders (NULLs and DESC included),
// GROUPS offsets, EXCLUDE over peers, ntile and nth_value under frames.

// lateralForms are LATERAL derived tables reading an outer row %0 (alias, with id and k) over
// a table %1 (alias b): one int column c.
var lateralForms = []string{
	"(SELECT b.id AS c FROM %1 b WHERE b.k = %0.k ORDER BY b.id LIMIT 1)",
	"(SELECT b.id AS c FROM %1 b WHERE b.k <> %0.k OR b.k IS NULL ORDER BY b.id DESC LIMIT 2)",
	"(SELECT count(*) AS c FROM %1 b WHERE b.k < %0.k)",
	"(SELECT max(b.id) AS c FROM %1 b WHERE b.k = %0.k GROUP BY b.k)",
	"(SELECT DISTINCT b.k AS c FROM %1 b WHERE b.id > %0.id)",
	"(VALUES (%0.k), (%0.id), (NULL::int)) AS s0",
	"(SELECT %0.k + b.k AS c FROM %1 b UNION SELECT %0.id)",
	"(SELECT %0.id AS c INTERSECT SELECT b.k FROM %1 b)",
	"(SELECT CAST(sum(b.k) OVER (ORDER BY b.id) AS int) AS c FROM %1 b WHERE b.k IS NOT DISTINCT FROM %0.k)",
	"(SELECT b.id AS c FROM %1 b WHERE b.id <= %0.k ORDER BY b.k NULLS FIRST FETCH FIRST 1 ROW WITH TIES)",
	"(SELECT b.id AS c FROM %1 b WHERE EXISTS (SELECT 1 FROM qc w WHERE w.k = b.k AND w.id <> %0.id))",
	"(SELECT (SELECT min(w.id) FROM qc w WHERE w.k = %0.k) AS c)",
	"(SELECT b.k AS c FROM %1 b WHERE b.k = %0.k OFFSET 1)",
	"(SELECT count(b.k) FILTER (WHERE b.k > %0.id) AS c FROM %1 b)",
	"generate_series(1, %0.k)",
	"generate_series(%0.id, 3) WITH ORDINALITY",
	"unnest(ARRAY[%0.k, %0.id, NULL])",
}

// lateralFrom is an outer table joined to a LATERAL form: its FROM clause and the
// expression of the form's column.
func (g *sgen) lateralFrom() (string, string, from) {
	f := g.single()
	a := strings.TrimSuffix(f.key, ".id")
	form := fill(g.pick(lateralForms...), a, g.pick("qa", "qb", "qc", "qe"))
	alias, col := "s", "s.c"
	switch {
	case strings.HasPrefix(form, "(VALUES"):
		form, alias = strings.TrimSuffix(form, " AS s0"), "s(c)"
	case strings.HasPrefix(form, "generate_series") || strings.HasPrefix(form, "unnest"):
		alias = "s(c)"
		if strings.HasSuffix(form, "ORDINALITY") {
			alias, col = "s(c, o)", "s.c + s.o"
		}
	}
	lat := "LATERAL " + form + " " + alias
	var sql string
	switch g.r.IntN(5) {
	case 0:
		sql = f.sql + ", " + lat
	case 1:
		sql = f.sql + " CROSS JOIN " + lat
	case 2:
		sql = f.sql + " LEFT JOIN " + lat + " ON true"
	case 3:
		sql = f.sql + " " + g.pick("JOIN", "LEFT JOIN") + " " + lat + " ON " + col + g.pick(" = ", " > ", " <> ") + f.cols[1].sql
	default: // a second LATERAL reading the first
		kind, on := g.pick("CROSS JOIN", "LEFT JOIN"), ""
		if kind == "LEFT JOIN" {
			on = " ON true"
		}
		sql = f.sql + " LEFT JOIN " + lat + " ON true " + kind + " LATERAL (SELECT count(*) AS c FROM qb x WHERE x.k = " + col + ") s2" + on
		col += " + s2.c"
	}
	return sql, col, f
}

// lateralQuery selects an outer row and its LATERAL values, grouped now and then, or counts
// them from a correlated subquery over a LATERAL join.
func (g *sgen) lateralQuery() core {
	if g.chance(5) { // LATERAL inside a correlated subquery
		f := g.single()
		a := strings.TrimSuffix(f.key, ".id")
		return core{"SELECT " + f.key + " AS c0, (SELECT count(*) FROM qb b, LATERAL (SELECT w.id FROM qc w WHERE w.k = b.k AND w.id " +
			g.pick(">", "<>", "=") + " " + a + ".id) s) AS c1 FROM " + f.sql, []string{"int", "int"}}
	}
	sql, col, f := g.lateralFrom()
	if g.chance(3) {
		return core{"SELECT " + f.cols[1].sql + " AS c0, count(*) AS c1, count(" + col + ") AS c2, sum(" + col + ") AS c3 FROM " + sql +
			" GROUP BY " + f.cols[1].sql, []string{"int", "int", "int", "numeric"}}
	}
	q := "SELECT " + f.key + " AS c0, " + col + " AS c1, " + g.scalar(f.cols, "int") + " AS c2 FROM " + sql
	if g.chance(3) {
		q += " WHERE " + g.pick(col+" IS NOT NULL", col+" > 1", "("+g.pred(f.cols, 1)+")")
	}
	return core{q, []string{"int", "int", "int"}}
}

// withTiesQuery keeps the first rows of an order that is not total and their peers: the rows
// are fixed, their order among peers is not (so the query counts as unordered).
func (g *sgen) withTiesQuery() core {
	f := g.tableOrJoin()
	var items, typs []string
	for i := 0; i < 1+g.r.IntN(2); i++ {
		t := g.typeOf(f.cols)
		items, typs = append(items, g.scalar(f.cols, t)), append(typs, t)
	}
	q := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(3) {
		q += " WHERE " + g.pred(f.cols, 1)
	}
	o := g.scalar(f.cols, g.typeOf(f.cols)) + g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	q += " ORDER BY " + o + " FETCH " + g.pick("FIRST", "NEXT") + " " + g.pick("", "1 ", "2 ", "3 ", "0 ") + g.pick("ROW", "ROWS") + " WITH TIES"
	if g.chance(4) { // as a derived table
		return core{"SELECT * FROM (" + q + ") d" + g.pick("", " WHERE c0 IS NOT NULL"), typs}
	}
	return core{q, typs}
}

// rangeOrders are RANGE frames with offsets over one table's ordering column of a type
// (%0 the column): NULLs are peers of each other, DESC turns PRECEDING around.
var rangeOrders = map[string][]string{
	"numeric": {"RANGE BETWEEN 0.5 PRECEDING AND 1 FOLLOWING", "RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW", "RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING",
		"RANGE BETWEEN 0 PRECEDING AND 0 FOLLOWING", "RANGE BETWEEN UNBOUNDED PRECEDING AND 0.25 FOLLOWING", "RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING"},
	"float8": {"RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING", "RANGE BETWEEN 0.5 PRECEDING AND CURRENT ROW", "RANGE BETWEEN 2 PRECEDING AND 1 PRECEDING",
		"RANGE BETWEEN CURRENT ROW AND 'Infinity' FOLLOWING"},
	"int":  {"RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING", "RANGE BETWEEN 2 PRECEDING AND 1 PRECEDING", "RANGE BETWEEN 0 FOLLOWING AND UNBOUNDED FOLLOWING"},
	"date": {"RANGE BETWEEN '1 day' PRECEDING AND CURRENT ROW", "RANGE BETWEEN '1 year' PRECEDING AND '2 months' FOLLOWING", "RANGE BETWEEN CURRENT ROW AND '1 day' FOLLOWING"},
}

// frameWindowQuery applies window functions whose value the rows fix under frames with
// offsets, GROUPS and EXCLUDE over orders with peers, and ntile/nth_value over total orders.
func (g *sgen) frameWindowQuery() core {
	f := g.single()
	var ocol qcol
	for ocol.typ == "" || ocol.typ == "text" || ocol.typ == "bool" || ocol.sql == f.key {
		ocol = f.cols[g.r.IntN(len(f.cols))]
	}
	c := g.colOf(f.cols, "int")
	part := ""
	if g.chance(3) {
		part = "PARTITION BY " + g.scalar(f.cols, g.typeOf(f.cols)) + " "
	}
	dir := g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	rng := "ORDER BY " + ocol.sql + dir + " " + g.pick(rangeOrders[ocol.typ]...)
	peers := "ORDER BY " + ocol.sql + dir + " " + g.pick("GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING", "GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING",
		"GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING", "GROUPS 1 PRECEDING", "RANGE UNBOUNDED PRECEDING", "GROUPS BETWEEN UNBOUNDED PRECEDING AND 0 FOLLOWING") +
		g.pick("", " EXCLUDE GROUP", " EXCLUDE TIES", " EXCLUDE NO OTHERS")
	total := "ORDER BY " + ocol.sql + dir + ", " + f.key + g.pick("", " DESC")
	wins := []string{
		"count(*) OVER (" + part + rng + g.pick("", " EXCLUDE GROUP") + ")", "CAST(sum(" + c + ") OVER (" + part + rng + ") AS int)",
		"count(" + c + ") OVER (" + part + peers + ")", "min(" + c + ") OVER (" + part + peers + ")", "CAST(sum(" + c + ") OVER (" + part + peers + ") AS int)",
		"ntile(" + g.pick("2", "3", "1") + ") OVER (" + part + total + ")", "nth_value(" + c + ", 2) OVER (" + part + total + g.frame() + ")",
		"first_value(" + c + ") OVER (" + part + total + " ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING)",
		"last_value(" + c + ") OVER (" + part + total + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)",
		"count(*) OVER (" + part + total + " ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)",
		"max(" + c + ") OVER (" + part + "ORDER BY " + ocol.sql + dir + " RANGE BETWEEN CURRENT ROW AND CURRENT ROW EXCLUDE CURRENT ROW)",
	}
	items, typs := []string{f.key}, []string{"int"}
	for i := 0; i < 1+g.r.IntN(3); i++ {
		items, typs = append(items, g.pick(wins...)), append(typs, "int")
	}
	q := "SELECT " + aliased(items) + " FROM " + f.sql
	if g.chance(4) {
		q += " WHERE " + g.pred(f.cols, 1)
	}
	return core{q, typs}
}

// fifthShapes is one of this file's shapes.
func (g *sgen) fifthShapes() core {
	switch g.r.IntN(3) {
	case 0:
		return g.lateralQuery()
	case 1:
		return g.withTiesQuery()
	}
	return g.frameWindowQuery()
}
