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
	s := sc.params.sess
	if s == nil {
		return nil, false, nil
	}
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
	case "array_to_string":
		// drove has no array type: arrays are their text form ('{a,b}', what ARRAY(SELECT ...)
		// makes; the catalog's array columns are NULL).
		if err := arity(2, 3); err != nil {
			return nil, true, err
		}
		for _, a := range args {
			if a.typ != types.Text && a.typ != types.Null {
				return nil, true, Errorf("42883", "function array_to_string(%s, ...) does not exist", a.typ)
			}
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			var v [3]types.Value
			for i, a := range args {
				var err error
				if v[i], err = a.eval(row); err != nil {
					return types.Value{}, err
				}
			}
			if v[0].IsNull() || v[1].IsNull() {
				return types.Value{T: types.Text, Null: true}, nil
			}
			elems, err := parseArrayText(v[0].S)
			if err != nil {
				return types.Value{}, err
			}
			var parts []string
			for _, e := range elems {
				switch {
				case e != nil:
					parts = append(parts, *e)
				case len(args) == 3 && !v[2].IsNull():
					parts = append(parts, v[2].S) // NULL elements print as the third argument
				}
			}
			return types.NewText(strings.Join(parts, v[1].S)), nil
		}}, args...))
	case "pg_get_indexdef":
		if err := arity(1, 3); err != nil {
			return nil, true, err
		}
		return must(fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
			v, err := args[0].eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Text, Null: true}, err
			}
			for _, t := range s.ts.Tables() {
				for _, ix := range catalogIndexes(t) {
					if objectOID("index", ix.name) == v.I {
						return types.NewText(ix.indexDef()), nil
					}
				}
			}
			return types.Value{T: types.Text, Null: true}, nil
		}}, args[0]))
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
