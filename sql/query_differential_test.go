package sql

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/drovedb/drove/types"
)

// The query-level differential test generates random SELECTs over two small tables full of
// NULLs and duplicates (a table in four mostly NULLs; float8 and numeric NaN and infinities,
// multibyte text now and then: rowValue) — joins (inner, left, right, full, cross), WHERE with IN / NOT IN /
// EXISTS / scalar / ANY / ALL subqueries (correlated or not), GROUP BY / HAVING with the
// aggregates, DISTINCT, window functions, UNION / INTERSECT / EXCEPT [ALL], derived tables —
// and runs each on drove and on PostgreSQL 15. The answers must agree: the same column types
// and the same rows, in the same order when the query orders by every output column (then
// it may also have LIMIT / OFFSET), as multisets otherwise; or both fail, with the same
// SQLSTATE class. Replay a failure by its seed:
//
//	go test ./sql -run TestQueryDifferential -querydiff.seed=N [-querydiff.budget=1m] [-querydiff.n=100000]
//
// What the generator avoids, and why:
//   - orders that do not fix the rows (ORDER BY some columns, then LIMIT; row_number() over
//     ties): either system may pick any of the tied rows.
//   - numeric values equal but spelled differently (2 and 2.0) in the tables: DISTINCT,
//     GROUP BY and set operations keep one of them, and which is not fixed.
//   - floats in sums and averages (the order of additions changes the last digit).
//   - string_agg with ORDER BY: see aggregate.
var (
	queryDiffSeed   = flag.Uint64("querydiff.seed", 0, "seed of TestQueryDifferential (0: from the clock)")
	queryDiffBudget = flag.Duration("querydiff.budget", 3*time.Second, "how long TestQueryDifferential generates queries")
	queryDiffN      = flag.Int("querydiff.n", 1000, "at most this many queries in TestQueryDifferential")
	queryDiffFails  = flag.Int("querydiff.maxfail", 5, "TestQueryDifferential stops after this many disagreements")
)

// qcol is a column a query can read: its SQL and its type (int, text, numeric, float8, date).
type qcol struct {
	sql, typ string
}

// qtable is one of the test's tables.
type qtable struct {
	name string
	cols []qcol // unqualified; id first
}

var qtables = []qtable{
	{"qa", []qcol{{"id", "int"}, {"k", "int"}, {"v", "text"}, {"n", "numeric"}, {"f", "float8"}}},
	{"qb", []qcol{{"id", "int"}, {"k", "int"}, {"w", "text"}, {"n", "numeric"}, {"d", "date"}}},
}

// qgen generates queries.
type qgen struct {
	r      *rand.Rand
	alias  int      // the next table alias
	tables []qtable // the tables queries read; nil: qtables
}

func (g *qgen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *qgen) chance(n int) bool { return g.r.IntN(n) == 0 }

// value is a constant of type typ, sometimes NULL.
func (g *qgen) value(typ string) string {
	if g.chance(8) {
		return "NULL"
	}
	switch typ {
	case "int":
		return g.pick("0", "1", "2", "3", "-1")
	case "text":
		return g.pick("'a'", "'b'", "'B'", "''", "'ab'", "'a b'", "'Z'", "'a '", "'_'")
	case "numeric":
		return g.pick("1.5", "2", "-0.5", "0.25", "10")
	case "float8":
		return g.pick("0.5", "-1", "2", "1e10", "0.1")
	case "date":
		// two of them the days New York's clocks change (23 and 25 hours long there)
		return g.pick("'2024-01-01'", "'2023-12-31'", "'2024-02-29'", "'1999-01-01'", "'2024-03-10'", "'2024-11-03'")
	case "bool":
		return g.pick("true", "false")
	}
	return "NULL"
}

// nullRate is a table's chance of a NULL in each of its rows' columns (one in nullRate): a
// table in four is mostly NULLs, so joins, groups and aggregates meet NULL keys in numbers.
func (g *qgen) nullRate() int {
	if g.chance(4) {
		return 2
	}
	return 0 // value's own
}

// rowValue is a value of a table row's column: one in nulls a NULL (0: value's rate), else
// value's, or now and then an edge value no query literal spells: float8 and numeric NaN
// and infinities (NaN equals itself and sorts above every number, in groups, DISTINCT, joins
// and orders), and text of multibyte characters that have no case (upper() follows the
// database's locale in PostgreSQL, C here, and Unicode in drove). Each has one spelling, so
// which of equal values a group keeps is not in question.
func (g *qgen) rowValue(typ string, nulls int) string {
	if nulls > 0 && g.chance(nulls) {
		return "NULL"
	}
	if g.chance(6) {
		switch typ {
		case "float8", "numeric":
			return g.pick("'NaN'", "'Infinity'", "'-Infinity'")
		case "text":
			return g.pick("'日'", "'€a'", "'a€'", "'€'")
		}
	}
	return g.value(typ)
}

// literal is a typed constant of type typ, for comparisons.
func (g *qgen) literal(typ string) string {
	v := g.value(typ)
	if typ == "date" || v == "NULL" {
		return "CAST(" + v + " AS " + typ + ")"
	}
	return v
}

// tableData makes the rows of the tables: a few, with NULLs and repeated values.
func (g *qgen) tableData() []string {
	var out []string
	for _, t := range qtables {
		n := 3 + g.r.IntN(6)
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

// from is a FROM clause and the columns it offers; single is true when its rows have a
// unique key (a.id), which makes orders over it total.
type from struct {
	sql    string
	cols   []qcol
	key    string
	single bool
}

func (g *qgen) table() (string, []qcol, string) {
	ts := g.tables
	if ts == nil {
		ts = qtables
	}
	t := ts[g.r.IntN(len(ts))]
	g.alias++
	a := fmt.Sprintf("t%d", g.alias)
	cols := make([]qcol, len(t.cols))
	for i, c := range t.cols {
		cols[i] = qcol{a + "." + c.sql, c.typ}
	}
	return t.name + " " + a, cols, a + ".id"
}

func (g *qgen) from() from {
	sql, cols, key := g.table()
	switch g.r.IntN(6) {
	case 0, 1:
		return from{sql, cols, key, true}
	case 2: // a derived table
		inner := g.selectCore(from{sql, cols, key, true}, false)
		g.alias++
		a := fmt.Sprintf("d%d", g.alias)
		out := make([]qcol, len(inner.types))
		for i, t := range inner.types {
			out[i] = qcol{fmt.Sprintf("%s.c%d", a, i), t}
		}
		return from{"(" + inner.sql + ") " + a, out, "", false}
	}
	sql2, cols2, _ := g.table()
	kind := g.pick("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", "LEFT JOIN")
	join := sql + " " + kind + " " + sql2
	if kind != "CROSS JOIN" {
		on := fmt.Sprintf("%s = %s", cols[1].sql, cols2[1].sql) // k = k
		if g.chance(3) {
			on += " AND " + g.pred(append(slices.Clone(cols), cols2...), 0)
		}
		join += " ON " + on
	}
	return from{join, append(cols, cols2...), "", false}
}

// colOf is a column of type typ from cols, or a constant when there is none.
func (g *qgen) colOf(cols []qcol, typ string) string {
	var of []string
	for _, c := range cols {
		if c.typ == typ {
			of = append(of, c.sql)
		}
	}
	if len(of) == 0 {
		return g.literal(typ)
	}
	return g.pick(of...)
}

// scalar is an expression of type typ over cols.
func (g *qgen) scalar(cols []qcol, typ string) string {
	c := g.colOf(cols, typ)
	if g.chance(2) {
		return c
	}
	switch typ {
	case "int":
		return g.pick(c+" + 1", "abs("+c+")", "COALESCE("+c+", 0)", c+" % 2", "CASE WHEN "+c+" > 1 THEN "+c+" ELSE -"+c+" END")
	case "text":
		return g.pick("upper("+c+")", c+" || 'x'", "COALESCE("+c+", 'z')", "NULLIF("+c+", 'a')", "left("+c+", 1)")
	case "numeric":
		return g.pick(c+" * 2.5", "round("+c+")", "COALESCE("+c+", 0)", c+" + 1")
	case "float8":
		return g.pick(c+" * 2", "COALESCE("+c+", 0)", "-"+c)
	case "date":
		return g.pick(c+" + 1", "COALESCE("+c+", DATE '2000-01-01')")
	}
	return c
}

func (g *qgen) typeOf(cols []qcol) string { return cols[g.r.IntN(len(cols))].typ }

// pred is a boolean condition over cols, with subqueries over the tables (which may read
// cols: correlated) while depth allows.
func (g *qgen) pred(cols []qcol, depth int) string {
	typ := g.typeOf(cols)
	cmp := g.pick("=", "<>", "<", "<=", ">", ">=")
	n := 6
	if depth < 2 {
		n = 12
	}
	switch g.r.IntN(n) {
	case 0, 1:
		return g.scalar(cols, typ) + " " + cmp + " " + g.literal(typ)
	case 2:
		return g.colOf(cols, typ) + " " + cmp + " " + g.colOf(cols, typ)
	case 3:
		return g.scalar(cols, typ) + g.pick(" IS NULL", " IS NOT NULL")
	case 4:
		return "(" + g.pred(cols, depth+1) + g.pick(" AND ", " OR ") + g.pred(cols, depth+1) + ")"
	case 5:
		return "NOT (" + g.pred(cols, depth+1) + ")"
	case 6, 7: // x [NOT] IN (SELECT ...)
		sub, scols, _ := g.table()
		inner := g.colOf(scols, typ)
		where := ""
		if g.chance(2) {
			where = " WHERE " + g.pred(append(slices.Clone(scols), cols...), depth+1)
		}
		return g.colOf(cols, typ) + g.pick(" IN ", " NOT IN ") + "(SELECT " + inner + " FROM " + sub + where + ")"
	case 8: // [NOT] EXISTS, correlated
		sub, scols, _ := g.table()
		return g.pick("", "NOT ") + "EXISTS (SELECT 1 FROM " + sub + " WHERE " + g.pred(append(slices.Clone(scols), cols...), depth+1) + ")"
	case 9: // a scalar subquery: an aggregate, correlated or not
		sub, scols, _ := g.table()
		agg := g.pick("max", "min", "count")
		if typ == "bool" && agg != "count" { // no max(boolean)
			agg = g.pick("bool_and", "bool_or")
		}
		at := typ
		if agg == "count" {
			at = "int"
		}
		where := ""
		if g.chance(2) {
			where = " WHERE " + scols[1].sql + " = " + g.colOf(cols, "int")
		}
		return g.colOf(cols, at) + " " + cmp + " (SELECT " + agg + "(" + g.colOf(scols, typ) + ") FROM " + sub + where + ")"
	case 10: // ANY / ALL
		sub, scols, _ := g.table()
		return g.colOf(cols, typ) + " " + cmp + g.pick(" ANY ", " ALL ") + "(SELECT " + g.colOf(scols, typ) + " FROM " + sub + ")"
	}
	return g.scalar(cols, typ) + g.pick(" BETWEEN ", " NOT BETWEEN ", " BETWEEN SYMMETRIC ", " NOT BETWEEN SYMMETRIC ") + g.literal(typ) + " AND " + g.literal(typ)
}

// core is a generated SELECT without ORDER BY: its SQL and its output columns' types.
type core struct {
	sql   string
	types []string
}

// selectCore makes a SELECT over f. With shape set, its output has exactly those types
// (the branches of a set operation).
func (g *qgen) selectCore(f from, grouped bool, shape ...string) core {
	where := ""
	if g.chance(2) {
		where = " WHERE " + g.pred(f.cols, 0)
	}
	if shape == nil {
		shape = make([]string, 1+g.r.IntN(3))
		for i := range shape {
			shape[i] = g.typeOf(f.cols)
		}
	}
	var items []string
	distinct := ""
	if g.chance(5) {
		distinct = "DISTINCT "
	}
	tail := ""
	switch {
	case grouped || g.chance(4): // GROUP BY: the grouping columns first, then aggregates
		var keys []string
		for i, t := range shape {
			if i == 0 || g.chance(2) {
				k := g.scalar(f.cols, t)
				keys = append(keys, k)
				items = append(items, k)
				continue
			}
			items = append(items, g.aggregate(f.cols, t))
		}
		if len(keys) == 0 || g.chance(6) {
			keys = nil // one group over everything (ungrouped columns would be 42803)
			for i, t := range shape {
				items[i] = g.aggregate(f.cols, t)
			}
		} else {
			tail = " GROUP BY " + strings.Join(keys, ", ")
		}
		if g.chance(3) {
			tail += " HAVING " + g.pick("count(*) > 1", "count(*) = 1", "max("+g.colOf(f.cols, "int")+") IS NOT NULL",
				"sum("+g.colOf(f.cols, "int")+") > 1", "min("+g.colOf(f.cols, "text")+") < 'b'")
		}
	default:
		for _, t := range shape {
			items = append(items, g.item(f, t))
		}
	}
	for i := range items {
		items[i] += fmt.Sprintf(" AS c%d", i)
	}
	return core{"SELECT " + distinct + strings.Join(items, ", ") + " FROM " + f.sql + where + tail, shape}
}

// aggregate is an aggregate whose result has type t.
func (g *qgen) aggregate(cols []qcol, t string) string {
	switch t {
	case "int":
		return g.pick("count(*)", "count("+g.colOf(cols, g.typeOf(cols))+")", "count(DISTINCT "+g.colOf(cols, g.typeOf(cols))+")",
			"CAST(sum("+g.colOf(cols, "int")+") AS int)", "max("+g.scalar(cols, "int")+")")
	case "numeric":
		c := g.colOf(cols, g.pick("int", "numeric"))
		return g.pick("sum("+c+")", "avg("+c+")", "max("+c+")", "min("+c+")")
	case "text":
		c := g.colOf(cols, "text")
		// string_agg takes no ORDER BY in drove (docs/sql.md, Reading and writing: Aggregates),
		// and without one its order is not fixed: the ordered json aggregates instead.
		return g.pick("min("+c+")", "max("+c+")", "CAST("+g.pick("jsonb_agg", "json_agg")+"("+c+" ORDER BY "+c+" "+g.pick("", "DESC", "NULLS FIRST")+") AS text)")
	case "bool":
		return g.pick("bool_and", "bool_or") + "(" + g.colOf(cols, t) + ")"
	}
	return g.pick("max", "min") + "(" + g.colOf(cols, t) + ")"
}

// item is a select-list item of type t: an expression, a correlated scalar subquery, or a
// window function whose value the rows fix.
func (g *qgen) item(f from, t string) string {
	switch g.r.IntN(8) {
	case 0:
		if t == "int" {
			sub, scols, _ := g.table()
			return "(SELECT count(*) FROM " + sub + " WHERE " + scols[1].sql + " = " + g.colOf(f.cols, "int") + ")"
		}
	case 1, 2:
		return g.window(f, t)
	}
	return g.scalar(f.cols, t)
}

// window is a window function of type t.
func (g *qgen) window(f from, t string) string {
	part := ""
	if g.chance(2) {
		part = "PARTITION BY " + g.colOf(f.cols, g.typeOf(f.cols)) + " "
	}
	o := g.colOf(f.cols, g.typeOf(f.cols)) + g.pick("", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	switch t {
	case "int":
		if f.single && g.chance(2) { // a total order: the key breaks ties
			return g.pick("row_number()", "ntile(2)", "lag("+g.colOf(f.cols, "int")+")", "first_value("+g.colOf(f.cols, "int")+")") +
				" OVER (" + part + "ORDER BY " + o + ", " + f.key + ")"
		}
		return g.pick("rank()", "dense_rank()", "count(*)", "CAST(sum("+g.colOf(f.cols, "int")+") AS int)") + " OVER (" + part + "ORDER BY " + o + ")"
	case "numeric":
		return g.pick("sum", "avg", "max") + "(" + g.colOf(f.cols, g.pick("int", "numeric")) + ") OVER (" + part + g.pick("", "ORDER BY "+o) + ")"
	case "bool":
		return g.pick("bool_and", "bool_or") + "(" + g.colOf(f.cols, t) + ") OVER (" + part + ")"
	}
	return g.pick("max", "min") + "(" + g.colOf(f.cols, t) + ") OVER (" + part + ")"
}

// query is a whole SELECT and whether its ORDER BY fixes the order of its rows.
func (g *qgen) query() (string, bool) {
	g.alias = 0
	var c core
	if g.chance(4) { // a set operation of two SELECTs of one shape
		left := g.selectCore(g.from(), false)
		right := g.selectCore(g.from(), false, left.types...)
		op := g.pick("UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL")
		c = core{"(" + left.sql + ") " + op + " (" + right.sql + ")", left.types}
	} else {
		c = g.selectCore(g.from(), false)
	}
	if g.chance(2) {
		return c.sql, false
	}
	keys := make([]string, len(c.types))
	for i := range keys {
		keys[i] = fmt.Sprintf("%d%s%s", i+1, g.pick("", " ASC", " DESC"), g.pick("", " NULLS FIRST", " NULLS LAST"))
	}
	q := c.sql + " ORDER BY " + strings.Join(keys, ", ")
	if g.chance(2) {
		q += fmt.Sprintf(" LIMIT %d", g.r.IntN(5))
	}
	if g.chance(3) {
		q += fmt.Sprintf(" OFFSET %d", g.r.IntN(4))
	}
	return q, true
}

// rowsAnswer is what a system said to a query: column types and rows, or a SQLSTATE.
type rowsAnswer struct {
	code string
	oids []uint32
	rows []string
}

type rowsOutput struct {
	textOutput
	oids []uint32
}

func (o *rowsOutput) Columns(cols []Column) error {
	for _, c := range cols {
		o.oids = append(o.oids, c.Type.OID())
	}
	return nil
}

func (e *exprDiff) droveRows(q string) rowsAnswer {
	out := rowsOutput{textOutput: textOutput{zone: &e.zone}}
	if err := e.s.Exec(e.ctx, q, &out); err != nil {
		code := sqlState(err)
		if code == "" {
			code = "XX000 " + err.Error()
		}
		return rowsAnswer{code: code}
	}
	return rowsAnswer{oids: out.oids, rows: out.lines[:len(out.lines)-1]}
}

func (e *exprDiff) postgresRows(q string) rowsAnswer {
	// Read by hand: pgconn's Result keeps the column types only of a result with rows.
	a := rowsAnswer{}
	mrr := e.pg.Exec(e.ctx, q)
	for mrr.NextResult() {
		rr := mrr.ResultReader()
		a = rowsAnswer{}
		for _, f := range rr.FieldDescriptions() {
			a.oids = append(a.oids, f.DataTypeOID)
		}
		for rr.NextRow() {
			parts := make([]string, len(rr.Values()))
			for i, v := range rr.Values() {
				parts[i] = "NULL"
				if v != nil {
					parts[i] = string(v)
				}
			}
			a.rows = append(a.rows, strings.Join(parts, "|"))
		}
		if _, err := rr.Close(); err != nil {
			break
		}
	}
	err := mrr.Close()
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return rowsAnswer{code: pgErr.Code}
	}
	if err != nil {
		e.t.Fatalf("PostgreSQL: %s: %v", q, err)
	}
	return a
}

// sameRows reports whether two answers agree (ordered: row by row). Where the query keeps
// one of equal values (oneOfEqual: a set operation, DISTINCT, GROUP BY), numerics compare by
// value (2.50 = 2.5) and char(n) values without their padding, since which one is kept is
// not fixed. Ordered answers also agree when their orders differ only among such equal
// values (peers of a sort, in any order): holding the same rows, or any rows when the query
// cuts the order (cut: LIMIT, OFFSET, FETCH picks among the peers at its edge).
func sameRows(x, y rowsAnswer, ordered, oneOfEqual, cut bool) bool {
	if x.code != "" || y.code != "" {
		return x.code != "" && y.code != "" && x.code[:2] == y.code[:2]
	}
	if !slices.EqualFunc(x.oids, y.oids, func(a, b uint32) bool { return textOID(a) == textOID(b) }) {
		return false
	}
	if ordered && !oneOfEqual && !slices.Equal(x.rows, y.rows) {
		return (cut || sameRowsBy(x, y, false, false)) && sameRowsBy(x, y, true, true)
	}
	return sameRowsBy(x, y, ordered, oneOfEqual)
}

// textOID is a type OID with varchar and char(n) as text: drove describes them as text
// (docs/sql.md, Types).
func textOID(oid uint32) uint32 {
	if oid == 1042 || oid == 1043 {
		return 25
	}
	return oid
}

// sameRowsBy compares the rows of two answers of the same column types, with equal values
// written alike when byValue is set (see sameRows).
func sameRowsBy(x, y rowsAnswer, ordered, byValue bool) bool {
	a, b := slices.Clone(x.rows), slices.Clone(y.rows)
	if byValue {
		oids := slices.Clone(x.oids)
		for i, o := range y.oids {
			if o == 1042 { // drove says text for char(n)
				oids[i] = o
			}
		}
		normalizeValues(a, oids)
		normalizeValues(b, oids)
	}
	if !ordered {
		slices.Sort(a)
		slices.Sort(b)
	}
	return slices.Equal(a, b)
}

// normalizeValues drops the trailing fractional zeros of the numeric columns of rows and the
// trailing spaces of their char(n) columns.
func normalizeValues(rows []string, oids []uint32) {
	for i, r := range rows {
		cells := strings.Split(r, "|")
		if len(cells) != len(oids) {
			continue // a text value with a "|": left as it is
		}
		for j, c := range cells {
			switch {
			case oids[j] == types.Numeric.OID() && strings.Contains(c, "."):
				cells[j] = strings.TrimSuffix(strings.TrimRight(c, "0"), ".")
			case oids[j] == 1042:
				cells[j] = strings.TrimRight(c, " ")
			}
		}
		rows[i] = strings.Join(cells, "|")
	}
}

func (a rowsAnswer) String() string {
	if a.code != "" {
		return "error " + a.code
	}
	return fmt.Sprintf("types %v, %d rows: %s", a.oids, len(a.rows), strings.Join(a.rows, " ; "))
}

func TestQueryDifferential(t *testing.T) {
	runQueryDiff(t, queryDiff{replay: "TestQueryDifferential -querydiff.seed", seed: *queryDiffSeed,
		tables: qtables, timeout: "5s", shrink: true, budget: *queryDiffBudget, n: *queryDiffN,
		start: func(r *rand.Rand) ([]string, func() (string, bool)) {
			g := &qgen{r: r}
			return g.tableData(), g.query
		}})
}

// queryDiff is what a query-level differential test chooses: its replay command, tables,
// generator and limits.
type queryDiff struct {
	replay  string // the replay command's -run pattern and seed flag
	seed    uint64 // the seed flag's value (0: from the clock)
	tables  []qtable
	ddl     []string // statements run before the data, after the tables' CREATE TABLEs
	timeout string   // PostgreSQL's statement_timeout
	// shrink reduces the rows a disagreeing query reads (query_shrink_test.go): for tests
	// whose statements only read, so trying row deletions in a transaction changes nothing
	shrink bool
	budget time.Duration
	n      int
	// start makes the generator of a seeded source: the tables' rows and the queries.
	start func(r *rand.Rand) (data []string, query func() (string, bool))
}

// runQueryDiff creates the tables on drove and PostgreSQL 15, fills them and compares the
// answers of generated queries until the budget, the count or the failures run out. A
// query past PostgreSQL's statement timeout (a correlated subquery over a set operation on
// a loaded machine) is skipped: it says nothing about either answer.
func runQueryDiff(t *testing.T, qd queryDiff) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	pg, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	e := &exprDiff{t: t, ctx: ctx, s: s, pg: pg, zone: time.UTC}

	seed := differentialSeed(qd.seed)
	t.Logf("seed %d (replay: go test ./sql -run %s=%d)", seed, qd.replay, seed)
	data, query := qd.start(rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)))
	for _, q := range []string{"SET statement_timeout = '" + qd.timeout + "'", "SET extra_float_digits = 1"} {
		if _, err := pg.Exec(ctx, q).ReadAll(); err != nil {
			t.Fatalf("PostgreSQL: %s: %v", q, err)
		}
	}
	var ddl []string
	for _, tb := range qd.tables {
		var cols []string
		for _, c := range tb.cols {
			cols = append(cols, c.sql+" "+c.typ)
		}
		ddl = append(ddl, "CREATE TABLE "+tb.name+" ("+strings.Join(cols, ", ")+", PRIMARY KEY (id))")
	}
	ddl = append(ddl, qd.ddl...)
	for _, q := range append(ddl, data...) {
		if err := s.Exec(ctx, q, &textOutput{zone: &e.zone}); err != nil { // SET TimeZone moves e.zone
			t.Fatalf("drove: %s: %v", q, err)
		}
		if _, err := pg.Exec(ctx, q).ReadAll(); err != nil {
			t.Fatalf("PostgreSQL: %s: %v", q, err)
		}
	}

	deadline := time.Now().Add(qd.budget)
	failures, i, failed := 0, 0, 0
	for ; i < qd.n && time.Now().Before(deadline) && failures < *queryDiffFails; i++ {
		q, ordered := query()
		d, p := e.droveRows(q), e.postgresRows(q)
		if p.code == "57014" {
			continue
		}
		if p.code != "" {
			failed++
		}
		// Set operations, DISTINCT and GROUP BY keep one of equal numerics (0 or 0.0).
		oneOfEqual := false
		for _, w := range []string{"INTERSECT", "EXCEPT", "UNION", "DISTINCT", "GROUP BY"} {
			oneOfEqual = oneOfEqual || strings.Contains(q, w)
		}
		cut := strings.Contains(q, "LIMIT") || strings.Contains(q, "OFFSET") || strings.Contains(q, "FETCH")
		if sameRows(d, p, ordered, oneOfEqual, cut) {
			continue
		}
		if failures == 0 {
			t.Logf("the tables:\n  %s", strings.Join(data, "\n  "))
		}
		failures++
		shrunk := ""
		if qd.shrink {
			shrunk = e.shrinkRows(q, data, qd.tables, func(d, p rowsAnswer) bool { return sameRows(d, p, ordered, oneOfEqual, cut) })
		}
		t.Errorf("seed %d, query %d: drove and PostgreSQL disagree\n  %s\n  drove: %v\n  PostgreSQL: %v%s", seed, i, q, d, p, shrunk)
	}
	t.Logf("%d queries compared (%d refused by PostgreSQL)", i, failed)
}
