package sql

// TestQueryShapes' fourth set of shapes: dates, timestamps and timestamptzs of different types
// meeting in join keys, IN and NOT IN subqueries, EXISTS, ANY/ALL, row IN subqueries, IN
// lists, = ANY (array), NULLIF and IS NOT DISTINCT FROM, and timestamptz windows with RANGE
// offsets, in the run's TimeZone (TestQueryShapes sets one per seed): a date compares as its
// midnight, a timestamp or date against a timestamptz is read in the session's zone. The
// values are qb.d's dates moved by hours and read in other zones, so that some meet across
// types and zones and some miss by the zone's offset. What it avoids: set operations of two
// of these types (drove refuses them, 42804, where PostgreSQL resolves the wider type).

// timeKinds are expressions of qb's date column %0 as a date, a timestamp and a timestamptz.
var timeKinds = [][]string{
	{"%0", "%0 + 0"},
	{"CAST(%0 AS timestamp)", "(%0 + interval '5 hours')", "(%0 - interval '19 hours')", "(%0 + time '05:30')"},
	{"CAST(%0 AS timestamptz)", "((%0 + interval '0 hours') AT TIME ZONE 'UTC')", "((%0 + interval '5 hours') AT TIME ZONE 'America/New_York')",
		"((%0 - interval '5 hours 30 minutes') AT TIME ZONE 'Asia/Kolkata')", "(CAST(%0 AS timestamptz) + interval '1 day')"},
}

// timePair is two expressions of different date/time types over columns a and b.
func (g *sgen) timePair(a, b string) (string, string) {
	i := g.r.IntN(3)
	j := (i + 1 + g.r.IntN(2)) % 3
	return fill(g.pick(timeKinds[i]...), a), fill(g.pick(timeKinds[j]...), b)
}

// crossTimeQuery compares dates, timestamps and timestamptzs across their types.
func (g *sgen) crossTimeQuery() core {
	x, y := g.timePair("l.d", "r.d")
	cmp := g.pick("=", "=", "<", ">=", "<>")
	two := []string{"int", "int"}
	switch g.r.IntN(7) {
	case 0:
		on := x + " = " + y
		if g.chance(3) {
			on += " AND l.k = r.k"
		}
		return core{"SELECT l.id AS c0, r.id AS c1 FROM qb l " + g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN") + " qb r ON " + on, two}
	case 1:
		where := ""
		if g.chance(2) {
			where = " WHERE r.d IS NOT NULL"
		}
		return core{"SELECT l.id AS c0, " + x + g.pick(" IN ", " NOT IN ") + "(SELECT " + y + " FROM qb r" + where + ") AS c1 FROM qb l", []string{"int", "bool"}}
	case 2:
		return core{"SELECT l.id AS c0, l.k AS c1 FROM qb l WHERE " + g.pick("", "NOT ") + "EXISTS (SELECT 1 FROM qb r WHERE " + y + " " + cmp + " " + x + ")", two}
	case 3:
		return core{"SELECT l.id AS c0, " + x + " " + cmp + g.pick(" ANY ", " ALL ") + "(SELECT " + y + " FROM qb r" + g.pick("", " WHERE r.id <> l.id") + ") AS c1 FROM qb l", []string{"int", "bool"}}
	case 4:
		return core{"SELECT l.id AS c0, (" + x + ", l.k) " + g.pick("IN", "NOT IN", "= ANY") + " (SELECT " + y + ", r.k FROM qb r) AS c1 FROM qb l", []string{"int", "bool"}}
	case 5:
		z := fill(g.pick(timeKinds[g.r.IntN(3)]...), "r.d")
		items := []string{
			x + " IN (" + y + ", NULL)", x + " IN (" + y + ", " + z + ")", "NULLIF(" + x + ", " + y + ") IS NULL",
			x + " = ANY (ARRAY[" + y + "])", x + " IS NOT DISTINCT FROM " + y, "CASE " + x + " WHEN " + y + " THEN 1 ELSE 0 END = 1",
			"greatest(" + x + ", " + y + ") = " + y,
		}
		return core{"SELECT l.id AS c0, r.id AS c1, " + g.pick(items...) + " AS c2, " + g.pick(items...) + " AS c3 FROM qb l, qb r", []string{"int", "int", "bool", "bool"}}
	}
	// timestamptz + interval moves by calendar days in the session's zone (DST days are 23
	// or 25 hours long): RANGE offsets over a timestamptz order do too
	o := fill(g.pick(timeKinds[2]...), "l.d")
	return core{"SELECT l.id AS c0, count(*) OVER (ORDER BY " + o + " RANGE BETWEEN " + g.pick("'1 day'", "'12 hours'", "'1 mon'") +
		" PRECEDING AND " + g.pick("CURRENT ROW", "'1 day' FOLLOWING") + ") AS c1 FROM qb l", two}
}
