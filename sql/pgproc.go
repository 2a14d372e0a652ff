package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// pg_proc is the function registry (funcs.go) as PostgreSQL's catalog shows it: one row per
// overload, with PostgreSQL's oids, so psql's \df and drivers' metadata calls list what a
// call can reach. proargtypes is an oidvector in PostgreSQL; here it is its text form
// ("25 23"), which is what clients read.

func init() {
	systemTables["pg_catalog.pg_proc"] = &systemTable{schema: pgProcSchema(), rows: func(*Session) [][]types.Value {
		rows := make([][]types.Value, 0, len(funcProcs))
		for _, p := range funcProcs {
			rows = append(rows, pgProcRow(p))
		}
		return rows
	}}
}

func pgProcSchema() *types.Schema {
	s := sysSchema("", oidCol("oid"), textCol("proname"), oidCol("pronamespace"), oidCol("proowner"), oidCol("prolang"),
		floatCol("procost"), floatCol("prorows"), oidCol("provariadic"), textCol("prokind"), boolCol("prosecdef"),
		boolCol("proleakproof"), boolCol("proisstrict"), boolCol("proretset"), textCol("provolatile"),
		textCol("proparallel"), types.Column{Name: "pronargs", Type: types.Int16},
		types.Column{Name: "pronargdefaults", Type: types.Int16}, oidCol("prorettype"), textCol("proargtypes"),
		types.Column{Name: "proallargtypes", Type: types.Int64Array}, types.Column{Name: "proargmodes", Type: types.TextArray},
		types.Column{Name: "proargnames", Type: types.TextArray}, textCol("prosrc"), aclCol("proacl"))
	s.Name = "pg_proc"
	return s
}

// oidInternalLanguage is pg_language's "internal": PostgreSQL's built-in functions'.
const oidInternalLanguage = 12

func pgProcRow(p *funcProc) []types.Value {
	argOIDs := make([]string, len(p.args))
	variadic := int64(0)
	for i, a := range p.args {
		argOIDs[i] = strconv.FormatInt(a.oid, 10)
	}
	if p.variadic {
		variadic = p.args[len(p.args)-1].oid
		argOIDs[len(p.args)-1] = strconv.FormatInt(p.variadicType().oid, 10)
	}
	all, modes, names := nullOf(types.Int64Array), nullOf(types.TextArray), nullOf(types.TextArray)
	if len(p.outArgs) > 0 || p.variadic { // only then does PostgreSQL fill in the modes
		var oids, ms, ns []types.Value
		for i, a := range p.args {
			mode := "i"
			if p.variadic && i == len(p.args)-1 {
				mode, a = "v", p.variadicType()
			}
			oids, ms, ns = append(oids, oidVal(a.oid)), append(ms, text(mode)), append(ns, text(argName(p, i)))
		}
		for _, o := range p.outArgs {
			oids, ms, ns = append(oids, oidVal(o.t.oid)), append(ms, text("o")), append(ns, text(o.name))
		}
		all, modes = types.NewArray(types.Int64Array, oids), types.NewArray(types.TextArray, ms)
		if len(p.outArgs) > 0 || len(p.argNames) > 0 {
			names = types.NewArray(types.TextArray, ns)
		}
	} else if len(p.argNames) > 0 {
		ns := make([]types.Value, len(p.args))
		for i := range p.args {
			ns[i] = text(argName(p, i))
		}
		names = types.NewArray(types.TextArray, ns)
	}
	rows := float64(0)
	if p.retset {
		rows = 1000
	}
	return []types.Value{oidVal(p.oid), text(p.name), oidVal(p.schema), oidVal(oidSuperuser), oidVal(oidInternalLanguage),
		types.NewFloat(types.Float32, 1), types.NewFloat(types.Float32, rows), oidVal(variadic), text(string(p.kind)),
		boolVal(false), boolVal(false), boolVal(p.strict), boolVal(p.retset), text(string(p.vol)), text("s"),
		types.NewInt(types.Int16, int64(len(p.args))), types.NewInt(types.Int16, int64(p.nDefaults())), oidVal(p.ret.oid),
		text(strings.Join(argOIDs, " ")), all, modes, names, text(p.name), nullOf(types.TextArray)}
}

// procText is pg_get_function_result or pg_get_function_arguments: NULL for an oid that is
// no function.
func procText(f func(*funcProc) string) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return textOf(c, func(v types.Value) types.Value {
			p := lookupProc(v.I)
			if p == nil {
				return types.Value{T: types.Text, Null: true}
			}
			return types.NewText(f(p))
		})
	}
}

// buildFunctionIsVisible is pg_function_is_visible(oid): pg_catalog's functions are on every
// search path, information_schema's are not; NULL for an oid that is no function.
func buildFunctionIsVisible(c *funcCall) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		p := lookupProc(v.I)
		if p == nil {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(p.schema == oidPgCatalog), nil
	}}, a)
}

// argName is the name of input argument i, "" when it has none.
func argName(p *funcProc, i int) string {
	if i < len(p.argNames) {
		return p.argNames[i]
	}
	return ""
}
