package sql

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// The table of drove's functions (see funcs.go). The overloads are PostgreSQL 15's, with
// their pg_proc oids, for the types drove has; a name written without overloads is SQL
// syntax in PostgreSQL (COALESCE, NULLIF, GREATEST, LEAST, CURRENT_DATE) or one of the
// drove_* calls the dialect pass writes, and checks its arguments itself.

func init() {
	register(scalarFuncs())
	register(mathFuncs())
	register(trigFuncs())
	register(numericFuncs())
	register(regexFuncs())
	register(similarFuncs())
	register(overlayFuncs())
	register(formatFuncs())
	register(encodingFuncs())
	register(stringFuncs())
	register(setAndArrayFuncs())
	register(arrayFuncs())
	register(sessionFuncDefs())
	register(aggregateFuncs())
	register(datetimeFuncs())
}

func scalarFuncs() []builtin {
	const i, s = 'i', 's'
	lower := func(x string) types.Value { return types.NewText(strings.ToLower(x)) }
	upper := func(x string) types.Value { return types.NewText(strings.ToUpper(x)) }
	length := func(x string) types.Value { return types.NewInt(types.Int32, int64(utf8.RuneCountInString(x))) }
	return []builtin{
		{name: "lower", vol: i, strict: true, procs: []string{"870: text -> text"}, build: textFunc(lower)},
		{name: "upper", vol: i, strict: true, procs: []string{"871: text -> text"}, build: textFunc(upper)},
		{name: "length", vol: i, strict: true, procs: []string{"1317: text -> int4", "2010: bytea -> int4"},
			build: func(c *funcCall) (*expr, error) {
				if c.args[0].typ == types.Bytea {
					return buildOctetLength(c)
				}
				return textFunc(length)(c)
			}},
		{name: "char_length", vol: i, strict: true, procs: []string{"1381: text -> int4"}, build: textFunc(length)},
		{name: "substring", vol: i, strict: true, procs: []string{"936: text, int4, int4 -> text", "937: text, int4 -> text",
			"2012: bytea, int4, int4 -> bytea", "2013: bytea, int4 -> bytea", "2073: text, text -> text", "2074: text, text, text -> text"},
			build: func(c *funcCall) (*expr, error) {
				if c.args[1].typ == types.Text {
					return buildPatternSubstring(c) // similar.go
				}
				return buildSubstring(c)
			}},
		{name: "substr", vol: i, strict: true, procs: []string{"877: text, int4, int4 -> text", "883: text, int4 -> text",
			"2085: bytea, int4, int4 -> bytea", "2086: bytea, int4 -> bytea"}, build: buildSubstring},
		{name: "btrim", vol: i, strict: true, procs: []string{"884: text, text -> text", "885: text -> text", "2015: bytea, bytea -> bytea"}, build: trimFunc(true, true)},
		{name: "ltrim", vol: i, strict: true, procs: []string{"875: text, text -> text", "881: text -> text", "6195: bytea, bytea -> bytea"}, build: trimFunc(true, false)},
		{name: "rtrim", vol: i, strict: true, procs: []string{"876: text, text -> text", "882: text -> text", "6196: bytea, bytea -> bytea"}, build: trimFunc(false, true)},
		{name: "position", vol: i, strict: true, procs: []string{"849: text, text -> int4"}, build: buildPosition},
		{name: "replace", vol: i, strict: true, procs: []string{"2087: text, text, text -> text"}, build: buildReplace},
		{name: "concat", vol: s, procs: []string{"3058: variadic any -> text"}, build: buildConcat},
		{name: "abs", vol: i, strict: true, procs: []string{"1394: float4 -> float4", "1395: float8 -> float8",
			"1396: int8 -> int8", "1397: int4 -> int4", "1398: int2 -> int2", "1705: numeric -> numeric"}, build: buildAbs},
		{name: "round", vol: i, strict: true, procs: []string{"1342: float8 -> float8", "1707: numeric, int4 -> numeric",
			"1708: numeric -> numeric"}, build: buildRound},
		{name: "trunc", vol: i, strict: true, procs: []string{"1343: float8 -> float8", "1709: numeric, int4 -> numeric",
			"1710: numeric -> numeric"}, build: buildRound},
		{name: "floor", vol: i, strict: true, procs: []string{"1712: numeric -> numeric", "2309: float8 -> float8"}, build: buildRound},
		{name: "ceil", vol: i, strict: true, procs: []string{"1711: numeric -> numeric", "2308: float8 -> float8"}, build: buildRound},
		{name: "ceiling", vol: i, strict: true, procs: []string{"2167: numeric -> numeric", "2320: float8 -> float8"}, build: buildRound},
		{name: "mod", vol: i, strict: true, procs: []string{"940: int2, int2 -> int2", "941: int4, int4 -> int4",
			"947: int8, int8 -> int8", "1728: numeric, numeric -> numeric"}, build: buildMod},
		{name: "now", vol: s, strict: true, procs: []string{"1299: -> timestamptz"}, build: buildNow},
		{name: "isfinite", vol: i, strict: true, procs: []string{"1373: date -> bool", "1389: timestamptz -> bool",
			"1390: interval -> bool", "2048: timestamp -> bool"}, build: buildIsfinite},
		{name: "pg_typeof", vol: s, procs: []string{"1619: any -> regtype"}, build: buildPgTypeof},
		{name: "coalesce", build: buildCoalesce},
		{name: "nullif", build: buildNullif},
		{name: "greatest", build: buildGreatest},
		{name: "least", build: buildGreatest},
		{name: "current_date", build: buildCurrentDate},
	}
}

func mathFuncs() []builtin {
	const i, v = 'i', 'v'
	return []builtin{
		{name: "sqrt", vol: i, strict: true, procs: []string{"1344: float8 -> float8", "1730: numeric -> numeric"}, build: buildSqrt},
		{name: "exp", vol: i, strict: true, procs: []string{"1347: float8 -> float8", "1732: numeric -> numeric"}, build: buildExp},
		{name: "ln", vol: i, strict: true, procs: []string{"1341: float8 -> float8", "1734: numeric -> numeric"}, build: buildLn},
		{name: "log", vol: i, strict: true, procs: []string{"1340: float8 -> float8", "1736: numeric, numeric -> numeric",
			"1741: numeric -> numeric"}, build: buildLog},
		{name: "log10", vol: i, strict: true, procs: []string{"1194: float8 -> float8", "1481: numeric -> numeric"}, build: buildLog},
		{name: "power", vol: i, strict: true, procs: []string{"1368: float8, float8 -> float8", "2169: numeric, numeric -> numeric"},
			build: buildPower},
		{name: "pow", vol: i, strict: true, procs: []string{"1346: float8, float8 -> float8", "1738: numeric, numeric -> numeric"},
			build: buildPower},
		{name: "sign", vol: i, strict: true, procs: []string{"1706: numeric -> numeric", "2310: float8 -> float8"}, build: buildSign},
		{name: "pi", vol: i, strict: true, procs: []string{"1610: -> float8"}, build: buildPi},
		{name: "random", vol: v, strict: true, procs: []string{"1598: -> float8"}, build: buildRandom},
	}
}

func stringFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "left", vol: i, strict: true, procs: []string{"3060: text, int4 -> text"}, build: buildLeftRight},
		{name: "right", vol: i, strict: true, procs: []string{"3061: text, int4 -> text"}, build: buildLeftRight},
		{name: "split_part", vol: i, strict: true, procs: []string{"2088: text, text, int4 -> text"}, build: buildSplitPart},
		{name: "strpos", vol: i, strict: true, procs: []string{"868: text, text -> int4"}, build: buildPosition},
		{name: "repeat", vol: i, strict: true, procs: []string{"1622: text, int4 -> text"}, build: buildRepeat},
		{name: "lpad", vol: i, strict: true, procs: []string{"873: text, int4, text -> text", "879: text, int4 -> text"}, build: buildPad},
		{name: "rpad", vol: i, strict: true, procs: []string{"874: text, int4, text -> text", "880: text, int4 -> text"}, build: buildPad},
		{name: "reverse", vol: i, strict: true, procs: []string{"3062: text -> text"}, build: buildReverse},
		{name: "initcap", vol: i, strict: true, procs: []string{"872: text -> text"}, build: buildInitcap},
		{name: "chr", vol: i, strict: true, procs: []string{"1621: int4 -> text"}, build: buildChr},
		{name: "ascii", vol: i, strict: true, procs: []string{"1620: text -> int4"}, build: buildASCII},
		{name: "starts_with", vol: i, strict: true, procs: []string{"3696: text, text -> bool"}, build: buildStartsWith},
		{name: "md5", vol: i, strict: true, procs: []string{"2311: text -> text", "2321: bytea -> text"}, build: buildMD5},
		{name: "octet_length", vol: i, strict: true, procs: []string{"720: bytea -> int4", "1374: text -> int4"},
			build: buildOctetLength},
	}
}

func setAndArrayFuncs() []builtin {
	const i, s = 'i', 's'
	return []builtin{
		{name: "array_length", vol: i, strict: true, procs: []string{"2176: anyarray, int4 -> int4"}, build: dimFunc(arrayLength)},
		{name: "array_lower", vol: i, strict: true, procs: []string{"2091: anyarray, int4 -> int4"}, build: dimFunc(arrayLower)},
		{name: "array_upper", vol: i, strict: true, procs: []string{"2092: anyarray, int4 -> int4"}, build: dimFunc(arrayUpper)},
		{name: "cardinality", vol: i, strict: true, procs: []string{"3179: anyarray -> int4"}, build: buildCardinality},
		{name: "array_to_string", vol: s, procs: []string{"384: anyarray, text, text -> text", "395: anyarray, text -> text strict"},
			build: buildArrayToString},
		{name: "generate_series", vol: i, strict: true, retset: true, procs: []string{"1066: int4, int4, int4 -> int4",
			"1067: int4, int4 -> int4", "1068: int8, int8, int8 -> int8", "1069: int8, int8 -> int8",
			"938: timestamp, timestamp, interval -> timestamp", "939: timestamptz, timestamptz, interval -> timestamptz stable",
			"3259: numeric, numeric, numeric -> numeric", "3260: numeric, numeric -> numeric"}, build: buildGenerateSeries},
		{name: "unnest", vol: i, strict: true, retset: true, procs: []string{"2331: anyarray -> anyelement"}, build: buildUnnest},
		{name: "_pg_expandarray", vol: i, strict: true, retset: true, schema: oidInfoSchema, outArgs: []string{"x anyelement", "n int4"},
			procs: []string{"13208: anyarray -> record"}, build: buildUnnest},
		{name: "drove_subscript", build: buildSubscript},
		{name: "drove_field", build: buildField},
		{name: "drove_array_of", build: buildArrayOf},
		{name: "drove_unnest", build: buildAnyArray},
	}
}

func sessionFuncDefs() []builtin {
	const s, v = 's', 'v'
	privileges := func(first int) []string {
		sigs := []string{"name, text, text", "name, oid, text", "oid, text, text", "oid, oid, text", "text, text", "oid, text"}
		out := make([]string, len(sigs))
		for k, sig := range sigs {
			out[k] = strconv.Itoa(first+k) + ": " + sig + " -> bool"
		}
		return out
	}
	return []builtin{
		{name: "version", vol: s, strict: true, session: true, procs: []string{"89: -> text"}, build: buildVersion},
		{name: "current_database", vol: s, strict: true, session: true, procs: []string{"861: -> name"}, build: buildCurrentDatabase},
		{name: "current_schema", vol: s, strict: true, session: true, procs: []string{"1402: -> name"}, build: buildCurrentSchema},
		// pgjdbc's type lookup by name (a PGobject parameter) reads the search path with it.
		{name: "current_schemas", vol: s, strict: true, session: true, procs: []string{"1403: bool -> _name"}, build: buildCurrentSchemas},
		{name: "current_user", vol: s, strict: true, session: true, procs: []string{"745: -> name"}, build: buildCurrentUser},
		{name: "session_user", vol: s, strict: true, session: true, procs: []string{"746: -> name"}, build: buildCurrentUser},
		{name: "pg_backend_pid", vol: s, strict: true, session: true, procs: []string{"2026: -> int4"}, build: buildBackendPid},
		{name: "pg_cancel_backend", vol: v, strict: true, session: true, procs: []string{"2171: int4 -> bool"}, build: buildCancelBackend},
		{name: "pg_get_userbyid", vol: s, strict: true, session: true, procs: []string{"1642: oid -> name"}, build: buildGetUserByID},
		// One schema, on every search path, and no privileges: everything is visible and allowed.
		{name: "pg_table_is_visible", vol: s, strict: true, session: true, procs: []string{"2079: oid -> bool"}, build: buildTableIsVisible},
		{name: "pg_my_temp_schema", vol: s, strict: true, session: true, procs: []string{"2854: -> oid"}, build: buildMyTempSchema},
		{name: "pg_operator_is_visible", vol: s, strict: true, procs: []string{"2082: oid -> bool"}, build: buildOperatorIsVisible},
		{name: "pg_function_is_visible", vol: s, strict: true, procs: []string{"2081: oid -> bool"}, build: buildFunctionIsVisible},
		{name: "has_table_privilege", vol: s, strict: true, procs: privileges(1922), build: constTrue},
		{name: "has_schema_privilege", vol: s, strict: true, procs: privileges(2268), build: constTrue},
		{name: "has_database_privilege", vol: s, strict: true, procs: privileges(2250), build: constTrue},
		// psql 15.20's \l+ asks it (pg_read_all_stats) before showing a database's size.
		{name: "pg_has_role", vol: s, strict: true, procs: []string{"2705: name, name, text -> bool", "2706: name, oid, text -> bool",
			"2707: oid, name, text -> bool", "2708: oid, oid, text -> bool", "2709: name, text -> bool", "2710: oid, text -> bool"}, build: constTrue},
		{name: "pg_encoding_to_char", vol: s, strict: true, procs: []string{"1597: int4 -> name"}, build: buildEncodingToChar},
		{name: "pg_get_indexdef", vol: s, strict: true, session: true, procs: []string{"1643: oid -> text",
			"2507: oid, int4, bool -> text"}, build: buildGetIndexdef},
		{name: "pg_get_constraintdef", vol: s, strict: true, session: true, procs: []string{"1387: oid -> text",
			"2508: oid, bool -> text"}, build: buildGetConstraintdef},
		{name: "pg_get_serial_sequence", vol: s, strict: true, session: true, procs: []string{"1665: text, text -> text"},
			build: buildGetSerialSequence},
		{name: "format_type", vol: s, procs: []string{"1081: oid, int4 -> text"}, build: buildFormatType},
		{name: "pg_relation_is_publishable", vol: s, strict: true, session: true, procs: []string{"6121: regclass -> bool"},
			build: buildRelationIsPublishable},
		// There are no statistics objects, and PostgreSQL answers NULL for an unknown one.
		{name: "pg_get_statisticsobjdef_columns", vol: s, strict: true, procs: []string{"6174: oid -> text"}, build: constNullText},
		// There are no triggers (pg_trigger is empty), and PostgreSQL answers NULL for an unknown one.
		{name: "pg_get_triggerdef", vol: s, strict: true, procs: []string{"1662: oid -> text", "2730: oid, bool -> text"},
			build: constNullText},
		{name: "pg_get_expr", vol: s, strict: true, procs: []string{"1716: pg_node_tree, oid -> text",
			"2509: pg_node_tree, oid, bool -> text"}, build: buildGetExpr},
		// There are no COMMENTs.
		{name: "obj_description", vol: s, strict: true, session: true, procs: []string{"1215: oid, name -> text", "1348: oid -> text"}, build: buildDescription},
		{name: "col_description", vol: s, strict: true, session: true, procs: []string{"1216: oid, int4 -> text"}, build: buildDescription},
		{name: "shobj_description", vol: s, strict: true, procs: []string{"1993: oid, name -> text"}, build: constNullText},
		{name: "current_setting", vol: s, strict: true, session: true, procs: []string{"2077: text -> text",
			"3294: text, bool -> text"}, build: buildCurrentSetting},
		{name: "set_config", vol: v, session: true, procs: []string{"2078: text, text, bool -> text"}, build: buildSetConfig},
		{name: "pg_get_function_result", vol: s, strict: true, procs: []string{"2165: oid -> text"}, build: procText((*funcProc).resultText)},
		{name: "pg_get_function_arguments", vol: s, strict: true, procs: []string{"2162: oid -> text"}, build: procText((*funcProc).argsText)},
	}
}

// aggregateFuncs are the aggregates and window functions, for pg_proc: their calls are
// vitess's own nodes, bound by aggregate.go and window.go.
func aggregateFuncs() []builtin {
	const i = 'i'
	minMax := func(first int) []string {
		var out []string
		for k, t := range []string{"int8", "int4", "int2", "", "float4", "float8", "", "date", "", "", "", "timestamp",
			"", "", "text", "numeric"} {
			if t != "" {
				out = append(out, strconv.Itoa(first+k)+": "+t+" -> "+t)
			}
		}
		return out
	}
	intAgg := func(i2, i4, i8 int) []string { // bit_and and its kin: no bit overloads yet
		return []string{strconv.Itoa(i2) + ": int2 -> int2", strconv.Itoa(i4) + ": int4 -> int4", strconv.Itoa(i8) + ": int8 -> int8"}
	}
	stats := func(first int) []string { // the variances and standard deviations
		var out []string
		for k, t := range []string{"int8 -> numeric", "int4 -> numeric", "int2 -> numeric", "float4 -> float8",
			"float8 -> float8", "numeric -> numeric"} {
			out = append(out, strconv.Itoa(first+k)+": "+t)
		}
		return out
	}
	regr := func(oid int) []string { return []string{strconv.Itoa(oid) + ": float8, float8 -> float8"} }
	return []builtin{
		{name: "count", kind: 'a', vol: i, procs: []string{"2147: any -> int8", "2803: -> int8"}},
		{name: "sum", kind: 'a', vol: i, procs: []string{"2107: int8 -> numeric", "2108: int4 -> int8", "2109: int2 -> int8",
			"2110: float4 -> float4", "2111: float8 -> float8", "2113: interval -> interval", "2114: numeric -> numeric"}},
		{name: "avg", kind: 'a', vol: i, procs: []string{"2100: int8 -> numeric", "2101: int4 -> numeric", "2102: int2 -> numeric",
			"2103: numeric -> numeric", "2104: float4 -> float8", "2105: float8 -> float8", "2106: interval -> interval"}},
		{name: "max", kind: 'a', vol: i, procs: minMax(2115)},
		{name: "min", kind: 'a', vol: i, procs: minMax(2131)},
		{name: "string_agg", kind: 'a', vol: i, procs: []string{"3538: text, text -> text", "3545: bytea, bytea -> bytea"}},
		{name: "array_agg", kind: 'a', vol: i, procs: []string{"2335: anynonarray -> anyarray"}},
		{name: "bool_and", kind: 'a', vol: i, procs: []string{"2517: bool -> bool"}},
		{name: "bool_or", kind: 'a', vol: i, procs: []string{"2518: bool -> bool"}},
		{name: "every", kind: 'a', vol: i, procs: []string{"2519: bool -> bool"}},
		{name: "bit_and", kind: 'a', vol: i, procs: intAgg(2236, 2238, 2240)},
		{name: "bit_or", kind: 'a', vol: i, procs: intAgg(2237, 2239, 2241)},
		{name: "bit_xor", kind: 'a', vol: i, procs: intAgg(6164, 6165, 6166)},
		{name: "variance", kind: 'a', vol: i, procs: stats(2148)},
		{name: "stddev", kind: 'a', vol: i, procs: stats(2154)},
		{name: "var_samp", kind: 'a', vol: i, procs: stats(2641)},
		{name: "stddev_samp", kind: 'a', vol: i, procs: stats(2712)},
		{name: "var_pop", kind: 'a', vol: i, procs: stats(2718)},
		{name: "stddev_pop", kind: 'a', vol: i, procs: stats(2724)},
		{name: "regr_count", kind: 'a', vol: i, procs: []string{"2818: float8, float8 -> int8"}},
		{name: "regr_sxx", kind: 'a', vol: i, procs: regr(2819)},
		{name: "regr_syy", kind: 'a', vol: i, procs: regr(2820)},
		{name: "regr_sxy", kind: 'a', vol: i, procs: regr(2821)},
		{name: "regr_avgx", kind: 'a', vol: i, procs: regr(2822)},
		{name: "regr_avgy", kind: 'a', vol: i, procs: regr(2823)},
		{name: "regr_r2", kind: 'a', vol: i, procs: regr(2824)},
		{name: "regr_slope", kind: 'a', vol: i, procs: regr(2825)},
		{name: "regr_intercept", kind: 'a', vol: i, procs: regr(2826)},
		{name: "covar_pop", kind: 'a', vol: i, procs: regr(2827)},
		{name: "covar_samp", kind: 'a', vol: i, procs: regr(2828)},
		{name: "corr", kind: 'a', vol: i, procs: regr(2829)},
		// the ordered-set aggregates (no interval or array-of-fractions overloads yet)
		{name: "percentile_disc", kind: 'a', vol: i, procs: []string{"3972: float8, order by anyelement -> anyelement"}},
		{name: "percentile_cont", kind: 'a', vol: i, procs: []string{"3974: float8, order by float8 -> float8"}},
		{name: "mode", kind: 'a', vol: i, procs: []string{"3984: order by anyelement -> anyelement"}},
		{name: "row_number", kind: 'w', vol: i, procs: []string{"3100: -> int8"}},
		{name: "rank", kind: 'w', vol: i, procs: []string{"3101: -> int8"}},
		{name: "dense_rank", kind: 'w', vol: i, procs: []string{"3102: -> int8"}},
		{name: "percent_rank", kind: 'w', vol: i, procs: []string{"3103: -> float8"}},
		{name: "cume_dist", kind: 'w', vol: i, procs: []string{"3104: -> float8"}},
		{name: "ntile", kind: 'w', vol: i, strict: true, procs: []string{"3105: int4 -> int4"}},
		{name: "lag", kind: 'w', vol: i, strict: true, procs: []string{"3106: anyelement -> anyelement",
			"3107: anyelement, int4 -> anyelement", "3108: anycompatible, int4, anycompatible -> anycompatible"}},
		{name: "lead", kind: 'w', vol: i, strict: true, procs: []string{"3109: anyelement -> anyelement",
			"3110: anyelement, int4 -> anyelement", "3111: anycompatible, int4, anycompatible -> anycompatible"}},
		{name: "first_value", kind: 'w', vol: i, strict: true, procs: []string{"3112: anyelement -> anyelement"}},
		{name: "last_value", kind: 'w', vol: i, strict: true, procs: []string{"3113: anyelement -> anyelement"}},
		{name: "nth_value", kind: 'w', vol: i, strict: true, procs: []string{"3114: anyelement, int4 -> anyelement"}},
	}
}
