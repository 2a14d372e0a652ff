package sql

// The newer types and functions of TestExprDifferential's generator (expr_differential_test.go):
// timestamptz, interval, time, uuid, jsonb and bytea operands, the date/time functions, text
// functions, jsonb operators and functions, numeric typmods and functions. What it avoids,
// beyond what expr_differential_test.go lists:
//   - cbrt and the trigonometric functions: Go's math library, not glibc's (docs/sql.md).
//   - interval type modifiers and field qualifiers, time with time zone, to_char of numbers,
//     julian in extract: "Not supported" in docs/sql.md, Types, Date/time.
//   - jsonb in json form (json has no equality, and keeps its text as written): jsonb only.
//   - the zone names of the runs are ones drove and PostgreSQL both know (docs/sql.md, Types:
//     a zone name is found in the host's zone database).

import (
	"fmt"
	"strconv"
	"strings"
)

// typedOutput is a textOutput that keeps the first result column's type.
type typedOutput struct {
	textOutput
	oid uint32
}

func (o *typedOutput) Columns(cols []Column) error {
	if len(cols) > 0 {
		o.oid = cols[0].Type.OID()
	}
	return nil
}

var exprDiffZones = []string{"UTC", "America/New_York", "Europe/Rome", "Asia/Kolkata", "Australia/Adelaide", "Pacific/Chatham"}

// moreLeafValue is an operand of one of the newer types.
func (g *egen) moreLeafValue(t etype) string {
	switch t {
	case tTstz:
		return g.pick("2020-01-01 00:00:00+00", "1999-12-31 23:59:59-08", "2024-03-10 02:30:00", "2024-10-27 01:30:00+02",
			"2000-02-29 12:00:00.123456+05:30", "2024-07-15 08:00:00", "1970-01-01 00:00:00 UTC", "2021-03-28 02:30:00 Europe/Rome",
			// the hours before the zones' clocks change, from which a day or a month of
			// interval arithmetic crosses the change
			"2024-03-09 12:00:00-05", "2024-11-02 23:30:00-04", "2024-03-30 23:30:00+00", "2024-04-06 16:00:00+00",
			"2024-09-28 13:00:00+00", "2024-11-03 01:30:00 America/New_York")
	case tInterval:
		return g.pick("1 day", "-1 day +02:00", "1 mon", "1 year 2 mons 3 days 04:05:06", "00:00:00.5", "30 days", "-2 hours",
			"0", "1.5 days", "P1Y2M", "25 hours", "-1 mons 3 days", "3 mons -40 days", "1 min 30.25 sec",
			"1 day -1 hour", "23 hours", "-1 day", "1 mon -1 day")
	case tTime:
		return g.pick("00:00", "12:34:56.789", "23:59:59.999999", "24:00:00", "08:00", "15:30:00.5")
	case tUUID:
		return g.pick("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "00000000-0000-0000-0000-000000000000",
			"ffffffff-ffff-ffff-ffff-ffffffffffff", "A0EEBC999C0B4EF8BB6D6BB9BD380A12", "{12345678-1234-5678-1234-567812345678}")
	case tJSONB:
		return g.pick(`{"a": 1, "b": [1, 2, null]}`, `[1, "x", {"k": true}]`, `"str"`, `1.50`, `null`, `{}`, `[]`,
			`{"a": {"b": 2}, "c": "d"}`, `true`, `{"b": 1, "a": 2, "aa": [3]}`, `[[1, 2], [3]]`, `-0.0`, `{"a": null}`, `1e3`)
	case tBytea:
		return g.pick(`\x`, `\x00ff`, `abc`, `\x414243`, `\x0a0b0c`, `a\\b`)
	}
	return "0"
}

var (
	truncUnits   = []string{"'microseconds'", "'milliseconds'", "'second'", "'minute'", "'hour'", "'day'", "'week'", "'month'", "'quarter'", "'year'", "'decade'", "'century'", "'millennium'"}
	extractTs    = []string{"epoch", "year", "month", "day", "hour", "minute", "second", "milliseconds", "microseconds", "dow", "isodow", "doy", "week", "isoyear", "quarter", "decade", "century", "millennium"}
	extractIv    = []string{"epoch", "year", "month", "day", "hour", "minute", "second", "milliseconds", "microseconds", "quarter", "decade", "century", "millennium"}
	toCharFmts   = []string{"'YYYY-MM-DD HH24:MI:SS'", "'FMMonth DD, YYYY'", "'Dy Mon DD HH12:MI AM'", "'DDD IW ID WW Q CC J'", "'YYYY-MM-DD\"T\"HH24:MI:SS.US'", "'FF3 MS'", "'DDth Month'", "'HH24:MI:SS TZ OF'"}
	toCharIvFmts = []string{"'HH24:MI:SS'", "'DD \"days\" HH24:MI'", "'YYYY MM DD'", "'MI:SS.MS'"}
	zoneArgs     = []string{"'UTC'", "'America/New_York'", "'Asia/Tokyo'", "'+03'", "'-05:30'", "'Europe/London'", "'PST'", "INTERVAL '2 hours'",
		"'Europe/Rome'", "'Australia/Adelaide'", "'Pacific/Chatham'"}
	jsonKeys  = []string{"'a'", "'b'", "'c'", "'k'", "'aa'", "'zz'", "''"}
	jsonPaths = []string{"'{a}'", "'{a,b}'", "'{b,1}'", "'{0}'", "'{1,k}'", "'{-1}'", "'{}'", "'{b,-1}'"}
)

func (g *egen) lit(t etype, v string) *enode { return &enode{typ: t, lit: v, val: v} }

func (g *egen) pickLit(t etype, xs []string) *enode { return g.lit(t, g.pick(xs...)) }

// textLit is a text operand: an untyped literal as a constant.
func (g *egen) textLit(xs ...string) *enode {
	v := g.pick(xs...)
	return &enode{typ: tText, lit: "'" + strings.ReplaceAll(v, "'", "''") + "'", val: v}
}

// genMore makes an expression of type t with the newer functions; nil when it has none for t.
func (g *egen) genMore(t etype, d int) *enode {
	switch t {
	case tInt:
		switch g.r.IntN(5) {
		case 0:
			return g.node(t, "strpos(%s, %s)", g.gen(tText, d), g.gen(tText, d))
		case 1:
			return g.node(t, "jsonb_array_length(%s)", g.gen(tJSONB, d))
		case 2:
			return g.node(t, g.pick("length(%s)", "octet_length(%s)"), g.gen(tBytea, d))
		case 3:
			return g.node(t, "ascii(%s)", g.gen(tText, d))
		}
		return g.node(t, "CAST(%s AS int)", g.gen(g.pickType(tText, tJSONB), d))
	case tBig:
		return g.node(t, "CAST(%s AS bigint)", g.gen(g.pickType(tFloat, tNum, tJSONB), d))
	case tNum:
		switch g.r.IntN(8) {
		case 0:
			return g.node(t, "EXTRACT("+g.pick(extractTs...)+" FROM %s)", g.gen(g.pickType(tTs, tTstz), d))
		case 1:
			return g.node(t, "EXTRACT("+g.pick(extractIv...)+" FROM %s)", g.gen(tInterval, d))
		case 2:
			p := 1 + g.r.IntN(8)
			return g.node(t, fmt.Sprintf("CAST(%%s AS numeric(%d, %d))", p, g.r.IntN(p+1)), g.gen(g.pickType(tNum, tInt, tFloat), d))
		case 3:
			return g.node(t, g.pick("sqrt(%s)", "exp(%s)", "ln(%s)", "sign(%s)", "log(%s)"), g.gen(t, d))
		case 4:
			return g.node(t, g.pick("power(%s, %s)", "mod(%s, %s)", "log(%s, %s)"), g.gen(t, d), g.gen(t, d))
		case 5:
			return g.node(t, "CAST(%s AS numeric)", g.gen(tJSONB, d))
		case 6:
			return g.node(t, "round(%s, %s)", g.gen(t, d), g.lit(tInt, g.pick("-1", "-2", "5", "10", "-20")))
		}
		return g.node(t, "(%s "+g.pick("/", "%", "*")+" %s)", g.gen(t, d), g.gen(g.pickType(tInt, tBig, tNum), d))
	case tFloat:
		switch g.r.IntN(4) {
		case 0:
			return g.node(t, "date_part("+"'"+g.pick(extractTs...)+"', %s)", g.gen(g.pickType(tTs, tTstz), d))
		case 1:
			return g.node(t, "date_part("+"'"+g.pick(extractIv...)+"', %s)", g.gen(tInterval, d))
		case 2:
			return g.node(t, g.pick("sqrt(%s)", "exp(%s)", "ln(%s)", "sign(%s)", "floor(%s)", "round(%s)"), g.gen(t, d))
		}
		return g.node(t, "power(%s, %s)", g.gen(t, d), g.gen(t, d))
	case tText:
		return g.genMoreText(d)
	case tBool:
		return g.genMoreBool(d)
	case tDate:
		switch g.r.IntN(3) {
		case 0:
			return g.node(t, "CAST(%s AS date)", g.gen(tTstz, d))
		case 1:
			return g.node(t, "make_date(%s, %s, %s)", g.pickLit(tInt, []string{"2024", "1999", "-44", "0"}),
				g.pickLit(tInt, []string{"1", "2", "12", "13"}), g.pickLit(tInt, []string{"1", "28", "29", "31"}))
		}
		return g.node(t, g.pick("greatest(%s, %s)", "least(%s, %s)"), g.gen(t, d), g.gen(t, d))
	case tTs, tTstz:
		return g.genMoreTimestamp(t, d)
	case tInterval:
		return g.genMoreInterval(d)
	case tTime:
		switch g.r.IntN(3) {
		case 0:
			return g.node(t, "(%s "+g.pick("+", "-")+" %s)", g.gen(t, d), g.gen(tInterval, d))
		case 1:
			return g.node(t, "CAST(%s AS time)", g.gen(g.pickType(tTs, tTstz, tInterval), d))
		case 2:
			return g.node(t, "make_time(%s, %s, %s)", g.pickLit(tInt, []string{"0", "12", "23", "24", "25"}),
				g.pickLit(tInt, []string{"0", "30", "59", "60"}), g.pickLit(tFloat, []string{"0", "1.5", "59.999999", "60"}))
		}
		return g.node(t, g.pick("greatest(%s, %s)", "least(%s, %s)"), g.gen(t, d), g.gen(t, d))
	case tUUID:
		if g.r.IntN(2) == 0 {
			return g.node(t, "CAST(%s AS uuid)", g.gen(tText, d))
		}
		return g.node(t, "CAST(md5(%s) AS uuid)", g.gen(tText, d))
	case tJSONB:
		return g.genMoreJSONB(d)
	case tBytea:
		switch g.r.IntN(3) {
		case 0:
			return g.node(t, "CAST(%s AS bytea)", g.gen(tText, d))
		case 1:
			return g.node(t, "(%s || %s)", g.gen(t, d), g.gen(t, d))
		}
		return g.node(t, "substring(%s FROM %s FOR %s)", g.gen(t, d), g.smallInt(), g.smallInt())
	}
	return nil
}

func (g *egen) genMoreText(d int) *enode {
	const t = tText
	switch g.r.IntN(14) {
	case 0:
		return g.node(t, "to_char(%s, "+g.pick(toCharFmts...)+")", g.gen(g.pickType(tTs, tTstz), d))
	case 1:
		return g.node(t, "to_char(%s, "+g.pick(toCharIvFmts...)+")", g.gen(tInterval, d))
	case 2:
		return g.node(t, g.pick("left(%s, %s)", "right(%s, %s)"), g.gen(t, d), g.smallInt())
	case 3:
		return g.node(t, "split_part(%s, %s, %s)", g.gen(t, d), g.textLit(" ", "l", ",", "", "ab"), g.smallInt())
	case 4:
		return g.node(t, g.pick("lpad(%s, %s, %s)", "rpad(%s, %s, %s)"), g.gen(t, d), g.smallInt(), g.gen(t, d))
	case 5:
		return g.node(t, g.pick("reverse(%s)", "md5(%s)", "initcap(%s)", "btrim(%s)", "quote_ident(%s)"), g.gen(t, d))
	case 6:
		return g.node(t, "CAST(%s AS text)", g.gen(g.pickType(tTstz, tInterval, tTime, tUUID, tJSONB, tBytea), d))
	case 7:
		return g.node(t, "(%s ->> "+g.pick(jsonKeys...)+")", g.gen(tJSONB, d))
	case 8:
		return g.node(t, "(%s ->> %s)", g.gen(tJSONB, d), g.smallInt())
	case 9:
		return g.node(t, "(%s #>> "+g.pick(jsonPaths...)+")", g.gen(tJSONB, d))
	case 10:
		return g.node(t, "jsonb_typeof(%s)", g.gen(tJSONB, d))
	case 11:
		return g.node(t, "repeat(%s, %s)", g.gen(t, d), g.smallInt())
	case 12:
		// not chr(0) nor chr(1114112): 54000, raised while planning, where PostgreSQL may raise
		// a parse-time error of another operand first (CAST('x' AS boolean), 22P02); no
		// non-ASCII letter (upper/lower/initcap follow the database's locale in PostgreSQL,
		// see the note at the top of expr_differential_test.go): 215 is ×, 128512 an emoji
		return g.node(t, "chr(%s)", g.pickLit(tInt, []string{"65", "97", "-1", "215", "128512"}))
	}
	// not jsonb: with an untyped literal on the left, || is jsonb's
	return g.node(t, "(%s || %s)", g.gen(t, d), g.gen(g.pickType(tTstz, tInterval, tTime, tUUID, tDate), d))
}

func (g *egen) genMoreBool(d int) *enode {
	const t = tBool
	switch g.r.IntN(7) {
	case 0:
		return g.node(t, "(%s "+g.pick("@>", "<@")+" %s)", g.gen(tJSONB, d), g.gen(tJSONB, d))
	case 1:
		return g.node(t, "(%s ? "+g.pick(jsonKeys...)+")", g.gen(tJSONB, d))
	case 2:
		return g.node(t, "(%s "+g.pick("?|", "?&")+" "+g.pick("'{a,b}'", "ARRAY['c']", "'{}'")+")", g.gen(tJSONB, d))
	case 3:
		return g.node(t, "isfinite(%s)", g.gen(g.pickType(tDate, tTs, tTstz, tInterval), d))
	case 4:
		return g.node(t, "starts_with(%s, %s)", g.gen(tText, d), g.gen(tText, d))
	case 5: // timestamptz compares with timestamp and date in the session's zone
		a, b := g.pickType(tDate, tTs, tTstz), g.pickType(tDate, tTs, tTstz)
		return g.node(t, "(%s "+g.pick("=", "<", ">=", "<>")+" %s)", g.gen(a, d), g.gen(b, d))
	}
	return g.node(t, "CAST(%s AS boolean)", g.gen(g.pickType(tJSONB, tText), d))
}

func (g *egen) genMoreTimestamp(t etype, d int) *enode {
	switch g.r.IntN(7) {
	case 0, 1:
		return g.node(t, "(%s "+g.pick("+", "-")+" %s)", g.gen(t, d), g.gen(tInterval, d))
	case 2:
		return g.node(t, "date_trunc("+g.pick(truncUnits...)+", %s)", g.gen(t, d))
	case 3: // AT TIME ZONE turns one into the other
		other := map[etype]etype{tTs: tTstz, tTstz: tTs}[t]
		if g.r.IntN(2) == 0 {
			return g.node(t, "timezone("+g.pick(zoneArgs...)+", %s)", g.gen(other, d))
		}
		return g.node(t, "(%s AT TIME ZONE "+g.pick(zoneArgs...)+")", g.gen(other, d))
	case 4:
		return g.node(t, "CAST(%s AS "+etypeNames[t]+")", g.gen(g.pickType(tDate, tTs, tTstz, tText), d))
	case 5:
		if t == tTs {
			return g.node(t, "(%s + %s)", g.gen(tDate, d), g.gen(tTime, d))
		}
		if g.r.IntN(2) == 0 {
			return g.formattedTimestamp(t)
		}
		return g.node(t, "to_timestamp(%s)", g.gen(tFloat, d))
	}
	return g.node(t, g.pick("greatest(%s, %s)", "least(%s, %s)"), g.gen(t, d), g.gen(t, d))
}

// formattedTimestamp is to_timestamp(text, format) over text the generator writes: fractions
// shorter than their pattern (MS, US, FFn), seconds past midnight, Julian days and days of
// the year, which to_char's always full-width output does not reach.
func (g *egen) formattedTimestamp(t etype) *enode {
	r := g.r
	y, mo, dd, h, mi, s := 1900+r.IntN(200), 1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60)
	var in, tmpl string
	switch r.IntN(4) {
	case 0:
		frac := strconv.Itoa(1e7 + r.IntN(1e7))[1 : 2+r.IntN(7)] // 1 to 7 digits
		in = fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d.%s", y, mo, dd, h, mi, s, frac)
		tmpl = "YYYY-MM-DD HH24:MI:SS." + g.pick("MS", "US", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6")
	case 1:
		in, tmpl = fmt.Sprintf("%04d %d", y, r.IntN(368)), "YYYY DDD"
	case 2:
		in, tmpl = fmt.Sprintf("%d %02d", 2400000+r.IntN(200000), h), "J HH24"
	default:
		in, tmpl = fmt.Sprintf("%04d-%02d-%02d %d", y, mo, dd, r.IntN(86401)), "YYYY-MM-DD "+g.pick("SSSS", "SSSSS")
	}
	return g.node(t, "to_timestamp(%s, %s)", g.textLit(in), g.textLit(tmpl))
}

func (g *egen) genMoreInterval(d int) *enode {
	const t = tInterval
	switch g.r.IntN(9) {
	case 0:
		ty := g.pickType(tTs, tTstz)
		return g.node(t, "(%s - %s)", g.gen(ty, d), g.gen(ty, d))
	case 1:
		// age's operands are clamped to finite values (to_timestamp('Infinity'::float8) is
		// infinity): PostgreSQL 15's age takes infinity apart as the date its int64 stands
		// for, 294277 AD from its 2000 epoch, where drove's (from 1970) is 294247 AD, the
		// deviation sql/DESIGN.md lists; drove refuses it (22008).
		ty := g.pickType(tTs, tTstz)
		clamp := "least(greatest(%s, '1900-01-01'::" + etypeNames[ty] + "), '2100-01-01'::" + etypeNames[ty] + ")"
		return g.node(t, "age("+clamp+", "+clamp+")", g.gen(ty, d), g.gen(ty, d))
	case 2:
		return g.node(t, "(%s "+g.pick("+", "-")+" %s)", g.gen(t, d), g.gen(t, d))
	case 3:
		return g.node(t, "(%s * %s)", g.gen(t, d), g.gen(g.pickType(tInt, tFloat, tNum), d))
	case 4:
		return g.node(t, "(%s / %s)", g.gen(t, d), g.gen(g.pickType(tInt, tFloat), d))
	case 5:
		return g.node(t, g.pick("justify_days(%s)", "justify_hours(%s)", "justify_interval(%s)", "(-%s)"), g.gen(t, d))
	case 6:
		return g.node(t, "make_interval(%s, %s, %s, %s)", g.smallInt(), g.smallInt(), g.smallInt(), g.smallInt())
	case 7:
		return g.node(t, "(%s - %s)", g.gen(tTime, d), g.gen(tTime, d))
	}
	return g.node(t, "date_trunc("+g.pick(truncUnits...)+", %s)", g.gen(t, d))
}

func (g *egen) genMoreJSONB(d int) *enode {
	const t = tJSONB
	switch g.r.IntN(12) {
	case 0:
		return g.node(t, "(%s -> "+g.pick(jsonKeys...)+")", g.gen(t, d))
	case 1:
		return g.node(t, "(%s -> %s)", g.gen(t, d), g.smallInt())
	case 2:
		return g.node(t, "(%s #> "+g.pick(jsonPaths...)+")", g.gen(t, d))
	case 3:
		return g.node(t, "(%s || %s)", g.gen(t, d), g.gen(t, d))
	case 4:
		if g.r.IntN(2) == 0 {
			return g.node(t, "(%s - %s)", g.gen(t, d), g.smallInt())
		}
		return g.node(t, "(%s - "+g.pick(jsonKeys...)+")", g.gen(t, d))
	case 5:
		return g.node(t, "jsonb_build_object("+g.pick(jsonKeys...)+", %s, "+g.pick(jsonKeys...)+", %s)",
			g.gen(etype(g.r.IntN(int(nTypes))), d), g.gen(etype(g.r.IntN(int(nTypes))), d))
	case 6:
		return g.node(t, "jsonb_build_array(%s, %s)", g.gen(etype(g.r.IntN(int(nTypes))), d), g.gen(etype(g.r.IntN(int(nTypes))), d))
	case 7:
		return g.node(t, "to_jsonb(%s)", g.gen(etype(g.r.IntN(int(nTypes))), d))
	case 8:
		return g.node(t, "jsonb_set(%s, "+g.pick(jsonPaths...)+", %s)", g.gen(t, d), g.gen(t, d))
	case 9:
		return g.node(t, "jsonb_strip_nulls(%s)", g.gen(t, d))
	case 10:
		return g.node(t, "(%s #- "+g.pick(jsonPaths...)+")", g.gen(t, d))
	}
	return g.node(t, "CAST(%s AS jsonb)", g.gen(tText, d))
}
