package sql

// More forms for TestExprDifferential (expr_differential_test.go), added by the hunt that
// found the wrong answers of testdata/hunt_expr.sql: text functions with their edge
// arguments, numeric NaN and Infinity, dates passed for timestamptz arguments (read in the
// session's zone), make_timestamptz with numeric zones, to_char of intervals, and dates,
// timestamps and timestamptzs meeting in IN lists, NULLIF and arrays. Each
// table row is a form and the types of its operands.

// huntForm is a form of type typ whose %s are operands of the types in args.
type huntForm struct {
	typ  etype
	form string
	args []etype
}

var huntForms = []huntForm{
	{tText, "translate(%s, %s, %s)", []etype{tText, tText, tText}},
	{tText, "regexp_replace(%s, '[aeiou]+', 'X', 'g')", []etype{tText}},
	{tText, "regexp_replace(%s, '(\\w)(\\w*)', '\\2\\1', 'gi')", []etype{tText}},
	{tText, "format('%%s|%%L|%%I', %s, %s, %s)", []etype{tText, tText, tText}},
	{tText, "concat_ws(%s, %s, %s, %s)", []etype{tText, tText, tInt, tDate}},
	{tText, "quote_literal(%s)", []etype{tText}},
	{tText, "quote_nullable(%s)", []etype{tNum}},
	{tText, "encode(%s, 'hex')", []etype{tBytea}},
	{tText, "encode(%s, 'base64')", []etype{tBytea}},
	{tText, "encode(%s, 'escape')", []etype{tBytea}},
	{tText, "overlay(%s PLACING %s FROM %s)", []etype{tText, tText, tInt}},
	{tText, "btrim(%s, %s)", []etype{tText, tText}},
	{tText, "to_char(%s, 'YYYY-MM-DD HH24 TZ Dy')", []etype{tDate}},
	{tText, "to_char(%s, 'HH12 Q RM Y,YYY')", []etype{tInterval}},
	{tText, "to_char(%s, 'MON')", []etype{tInterval}},
	// dates clamped to finite ones: age of an infinite one is the deviation genMoreInterval tells
	{tInterval, "age(least(greatest(%s, '1900-01-01'::date), '2100-01-01'::date), least(greatest(%s, '1900-01-01'::date), '2100-01-01'::date))", []etype{tDate, tDate}},
	{tTstz, "date_trunc('day', %s)", []etype{tDate}},
	{tTs, "(%s AT TIME ZONE 'UTC')", []etype{tDate}},
	{tNum, "(%s + 'NaN'::numeric)", []etype{tNum}},
	{tNum, "(%s * 'Infinity'::numeric)", []etype{tNum}},
	{tNum, "power(%s, 2.5)", []etype{tNum}},
	{tBool, "(%s IN ('1.5'::numeric, CAST(concat(%s, '') AS numeric)))", []etype{tNum, tText}},
	// dates, timestamps and timestamptzs across types outside a plain comparison (the
	// fuzzhunt fix): an IN list's common type, NULLIF's = and = ANY (array)
	{tBool, "(%s IN (%s, %s))", []etype{tTs, tTstz, tDate}},
	{tBool, "(%s IN (%s, NULL))", []etype{tDate, tTstz}},
	{tBool, "(%s NOT IN (%s, %s))", []etype{tTstz, tDate, tTs}},
	{tTs, "NULLIF(%s, %s)", []etype{tTs, tTstz}},
	{tDate, "NULLIF(%s, %s)", []etype{tDate, tTs}},
	{tBool, "(%s = ANY (ARRAY[%s, %s]))", []etype{tTs, tTstz, tTstz}},
	{tBool, "(%s < ALL (ARRAY[%s]))", []etype{tDate, tTstz}},
}

// huntZones are make_timestamptz's zones: numeric ones are ISO 8601's, east of Greenwich.
var huntZones = []string{"'+05:30'", "'-03'", "'+0530'", "'UTC+3'", "'Asia/Kolkata'", "'+16'"}

// genHunt makes an expression of type t from huntForms, or nil when none has type t.
func (g *egen) genHunt(t etype, d int) *enode {
	if t == tTstz && g.r.IntN(3) == 0 {
		return g.node(t, "make_timestamptz(2024, %s, 1, 0, 30, 0, "+g.pick(huntZones...)+")",
			g.pickLit(tInt, []string{"1", "3", "7", "11"}))
	}
	var fit []huntForm
	for _, f := range huntForms {
		if f.typ == t {
			fit = append(fit, f)
		}
	}
	if len(fit) == 0 {
		return nil
	}
	f := fit[g.r.IntN(len(fit))]
	kids := make([]*enode, len(f.args))
	for i, a := range f.args {
		kids[i] = g.gen(a, d)
	}
	return g.node(t, f.form, kids...)
}
