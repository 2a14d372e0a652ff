package sql

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/drovedb/drove/types"
)

// sessionFuncs compiles the functions that read or change the session: current_setting,
// set_config, and what clients ask at connection (version, current_database, current_schema,
// current_user, pg_backend_pid). ok is false for a name it does not know.
func sessionFuncs(name string, args []*expr, sc *scope) (x *expr, ok bool, err error) {
	if sc.params == nil || sc.params.sess == nil { // a DEFAULT expression has no session
		return nil, false, nil
	}
	s := sc.params.sess
	arity := func(min, max int) error {
		if len(args) < min || len(args) > max {
			return Errorf("42883", "function %s with %d arguments does not exist", name, len(args))
		}
		for _, a := range args {
			if a.unknown {
				a.unknown, a.typ = false, types.Text
			}
		}
		return nil
	}
	// textOf is a text function of one argument, NULL when it is.
	textOf := func(f func(types.Value) types.Value) (*expr, bool, error) {
		if err := arity(1, 1); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			v, err := args[0].eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Text, Null: true}, err
			}
			return f(v), nil
		}}, args[0]))
	}
	text := func(v string) (*expr, bool, error) {
		// Fixed for the session's life, and plans are per session: a constant.
		return constExpr(types.NewText(v), false), true, arity(0, 0)
	}
	switch name {
	case "version":
		return text(fmt.Sprintf("PostgreSQL %s (drove) on %s-%s, compiled by %s, 64-bit",
			ServerVersion, runtime.GOARCH, runtime.GOOS, runtime.Version()))
	case "current_database":
		return text(s.set.database)
	case "current_schema":
		return text("public")
	case "current_user", "session_user":
		return text(s.set.user)
	case "pg_get_userbyid":
		// Every object belongs to the superuser (oid 10), the session's user here.
		owner := s.ownerName()
		return textOf(func(v types.Value) types.Value {
			if v.I == oidSuperuser {
				return types.NewText(owner)
			}
			return types.NewText("unknown (OID=" + v.String() + ")")
		})
	case "pg_table_is_visible", "has_table_privilege", "has_schema_privilege", "has_database_privilege":
		// One schema, on every search path, and no privileges: everything is visible and allowed.
		return constExpr(types.NewBool(true), false), true, nil
	case "pg_encoding_to_char":
		return textOf(func(v types.Value) types.Value {
			switch v.I {
			case encodingUTF8:
				return types.NewText("UTF8")
			case 0:
				return types.NewText("SQL_ASCII")
			}
			return types.NewText("")
		})
	case "pg_get_indexdef":
		if err := arity(1, 3); err != nil {
			return nil, true, err
		}
		// pg_get_indexdef(index [, column, pretty]): the CREATE INDEX statement, or with a
		// column number above 0 that column's name.
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			null := types.Value{T: types.Text, Null: true}
			v, err := args[0].eval(row)
			if err != nil || v.IsNull() {
				return null, err
			}
			col, pretty := types.NewInt(types.Int32, 0), types.NewBool(false)
			if len(args) > 1 {
				if col, err = args[1].eval(row); err != nil || col.IsNull() {
					return null, err
				}
			}
			if len(args) > 2 {
				if pretty, err = args[2].eval(row); err != nil || pretty.IsNull() {
					return null, err
				}
			}
			ix, ok := s.catalogIndex(-1, v.I)
			switch {
			case !ok:
				return null, nil
			case col.I <= 0:
				return types.NewText(ix.indexDef(pretty.Bool())), nil
			case col.I <= int64(len(ix.columns)):
				return types.NewText(types.QuoteIdent(ix.table.Columns[ix.columns[col.I-1]].Name)), nil
			}
			return types.NewText(""), nil
		}}, args...))
	case "pg_get_constraintdef":
		if err := arity(1, 2); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			v, err := args[0].eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Text, Null: true}, err
			}
			ix, ok := s.catalogIndex(v.I, -1)
			if !ok {
				return types.Value{T: types.Text, Null: true}, nil
			}
			names := make([]string, len(ix.columns))
			for i, c := range ix.columns {
				names[i] = types.QuoteIdent(ix.table.Columns[c].Name)
			}
			return types.NewText("PRIMARY KEY (" + strings.Join(names, ", ") + ")"), nil
		}}, args...))
	case "format_type":
		if err := arity(2, 2); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			oid, err := args[0].eval(row)
			if err != nil || oid.IsNull() {
				return types.Value{T: types.Text, Null: true}, err
			}
			mod, err := args[1].eval(row)
			if err != nil {
				return types.Value{}, err
			}
			typmod := int64(-1)
			if !mod.IsNull() {
				typmod = mod.I
			}
			return types.NewText(formatType(oid.I, typmod)), nil
		}}, args...))
	case "pg_relation_is_publishable":
		// Every table could be published (were there publications): PostgreSQL's answer for
		// a permanent table.
		if err := arity(1, 1); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
			v, err := args[0].eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Bool, Null: true}, err
			}
			for _, t := range s.ts.Tables() {
				if objectOID("table", t.Name) == v.I {
					return types.NewBool(true), nil
				}
			}
			return types.NewBool(false), nil
		}}, args...))
	case "pg_get_statisticsobjdef_columns":
		// There are no statistics objects, and PostgreSQL answers NULL for an unknown one.
		if err := arity(1, 1); err != nil {
			return nil, true, err
		}
		return constExpr(types.Value{T: types.Text, Null: true}, false), true, nil
	case "pg_get_expr":
		// pg_attrdef.adbin is the expression's text already.
		if err := arity(2, 3); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			return args[0].eval(row)
		}}, args[0]))
	case "obj_description", "col_description", "shobj_description":
		return constExpr(types.Value{T: types.Text, Null: true}, false), true, nil
	case "pg_backend_pid":
		return constExpr(types.NewInt(types.Int32, int64(s.set.pid)), false), true, arity(0, 0)
	case "current_setting":
		if err := arity(1, 2); err != nil {
			return nil, true, err
		}
		if args[0].typ != types.Text || len(args) == 2 && args[1].typ != types.Bool {
			return nil, true, Errorf("42883", "function current_setting(%s) does not exist", args[0].typ)
		}
		// Evaluated when the statement runs: a SET between runs of a cached plan must show.
		return &expr{typ: types.Text, rowFree: allRowFree(args), eval: func(row []types.Value) (types.Value, error) {
			n, err := args[0].eval(row)
			if err != nil || n.IsNull() {
				return types.Value{T: types.Text, Null: true}, err
			}
			missingOK := false
			if len(args) == 2 {
				m, err := args[1].eval(row)
				if err != nil {
					return types.Value{}, err
				}
				missingOK = !m.IsNull() && m.I != 0
			}
			v, err := s.setting(n.S)
			if err != nil {
				if missingOK {
					return types.Value{T: types.Text, Null: true}, nil
				}
				return types.Value{}, err
			}
			return types.NewText(v), nil
		}}, true, nil
	case "set_config":
		if err := arity(3, 3); err != nil {
			return nil, true, err
		}
		if args[0].typ != types.Text || args[1].typ != types.Text || args[2].typ != types.Bool {
			return nil, true, Errorf("42883", "function set_config(%s, %s, %s) does not exist", args[0].typ, args[1].typ, args[2].typ)
		}
		return &expr{typ: types.Text, rowFree: allRowFree(args), eval: func(row []types.Value) (types.Value, error) {
			var v [3]types.Value
			for i, a := range args {
				var err error
				if v[i], err = a.eval(row); err != nil {
					return types.Value{}, err
				}
			}
			if v[0].IsNull() {
				return types.Value{}, Errorf("22004", "SET requires parameter name")
			}
			value, reset := v[1].S, v[1].IsNull()
			if err := s.changeSetting(v[0].S, value, !v[2].IsNull() && v[2].I != 0, reset); err != nil {
				return types.Value{}, err
			}
			cur, err := s.setting(v[0].S)
			return types.NewText(cur), err
		}}, true, nil
	}
	return nil, false, nil
}

func allRowFree(args []*expr) bool {
	for _, a := range args {
		if !a.rowFree {
			return false
		}
	}
	return true
}
