package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// concat_ws, format, quote_ident, quote_literal and quote_nullable (varlena.c, quote.c,
// ruleutils.c): the arguments print by their types' output functions, a timestamptz in the
// session's zone.

func formatFuncs() []builtin {
	const i, s = 'i', 's'
	return []builtin{
		{name: "concat_ws", vol: s, procs: []string{"3059: text, variadic any -> text"}, build: buildConcatWS},
		{name: "format", vol: s, procs: []string{"3539: text, variadic any -> text", "3540: text -> text"}, build: buildFormat},
		{name: "quote_ident", vol: i, strict: true, procs: []string{"1282: text -> text"},
			build: textFunc(func(x string) types.Value { return types.NewText(types.QuoteIdent(x)) })},
		{name: "quote_literal", vol: i, strict: true, procs: []string{"1283: text -> text", "1285: anyelement -> text stable"},
			build: quoteLiteralFunc(false), inlinedFolds: immutableTextCast},
		{name: "quote_nullable", vol: i, procs: []string{"1289: text -> text", "1290: anyelement -> text stable"},
			build: quoteLiteralFunc(true), inlinedFolds: immutableTextCast},
	}
}

// quoteLiteral is s as a string literal, an escape-string literal (E prefix) with its backslashes doubled when it
// has one.
func quoteLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

// immutableTextCast reports whether the cast of the argument to text is immutable: the
// anyelement forms of quote_literal and quote_nullable, stable in pg_proc, are SQL functions
// PostgreSQL inlines as quote_nullable($1::text), which folds when the cast does (its type's
// output function reads no DateStyle or zone; array_out and record_out are stable).
func immutableTextCast(args []*expr) bool {
	t := args[0].typ
	return !stableOutput(t) && !t.IsArray() && t != types.Record
}

func quoteLiteralFunc(nullable bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		a, sc := c.args[0], c.sc
		vol := fold
		if !immutableTextCast(c.args) {
			vol = stable
		}
		return vol(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			v, err := a.eval(row)
			switch {
			case err != nil:
				return types.Value{}, err
			case v.IsNull() && nullable:
				return types.NewText("NULL"), nil
			case v.IsNull():
				return types.Value{T: types.Text, Null: true}, nil
			case v.T == types.Bool: // $1::text: true, not the output function's t
				return types.NewText(quoteLiteral(strconv.FormatBool(v.Bool()))), nil
			}
			// the session's zone and DateStyle when it runs, not when it was planned
			return types.NewText(quoteLiteral(string(appendTextAs(nil, v, sc.location(), sc.dateStyle())))), nil
		}}, a)
	}
}

func buildConcatWS(c *funcCall) (*expr, error) {
	args, sc := regArgsText(c.args, c.sc), c.sc
	return stable(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		loc, ds := sc.location(), sc.dateStyle() // the session's when it runs
		// every argument is computed before the call, as in PostgreSQL: one that fails
		// fails it even when the separator is NULL
		vals := make([]types.Value, len(args))
		for i, x := range args {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals[i] = v
		}
		sep := vals[0]
		if sep.IsNull() {
			return types.Value{T: types.Text, Null: true}, nil
		}
		var b []byte
		first := true
		for _, v := range vals[1:] {
			if v.IsNull() {
				continue
			}
			if !first {
				b = append(b, sep.S...)
			}
			first = false
			b = appendTextAs(b, v, loc, ds)
		}
		return types.NewText(string(b)), nil
	}}, args...)
}

func buildFormat(c *funcCall) (*expr, error) {
	args, sc := regArgsText(c.args, c.sc), c.sc
	return stable(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		vals := make([]types.Value, len(args))
		for k, x := range args {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals[k] = v
		}
		if vals[0].IsNull() {
			return types.Value{T: types.Text, Null: true}, nil
		}
		out, err := formatText(vals[0].S, vals[1:], sc.location(), sc.dateStyle()) // the session's when it runs
		if err != nil {
			return types.Value{}, err
		}
		return types.NewText(out), nil
	}}, args...)
}
