package sql

import (
	"fmt"
	"math"
	"runtime"

	"github.com/drovedb/drove/types"
)

// The functions that read or change the session (current_setting, set_config), and what
// clients ask at connection and in their catalog queries (version, current_database,
// current_user, pg_get_indexdef, ...): entries of the registry (funcs_builtin.go).

// textOf is a text function of its first argument, NULL when it is.
func textOf(c *funcCall, f func(types.Value) types.Value) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		return f(v), nil
	}}, a)
}

// constText is a function whose value is fixed for the session's life; plans are per
// session, so it is a constant.
func constText(v string) func(c *funcCall) (*expr, error) {
	return func(*funcCall) (*expr, error) { return constExpr(types.NewText(v), false), nil }
}

func constTrue(*funcCall) (*expr, error) { return constExpr(types.NewBool(true), false), nil }

func constNullText(*funcCall) (*expr, error) {
	return constExpr(types.Value{T: types.Text, Null: true}, false), nil
}

func buildVersion(c *funcCall) (*expr, error) {
	return constText(fmt.Sprintf("PostgreSQL %s (drove) on %s-%s, compiled by %s, 64-bit",
		ServerVersion, runtime.GOARCH, runtime.GOOS, runtime.Version()))(c)
}

func buildCurrentDatabase(c *funcCall) (*expr, error) {
	return constText(c.sc.params.sess.set.database)(c)
}

func buildCurrentUser(c *funcCall) (*expr, error) { return constText(c.sc.params.sess.set.user)(c) }

func buildBackendPid(c *funcCall) (*expr, error) {
	return constExpr(types.NewInt(types.Int32, int64(c.sc.params.sess.set.pid)), false), nil
}

// buildCancelBackend is pg_cancel_backend(pid): it cancels the statement another session of
// this node runs, as a CancelRequest does; false when pid is no session here (PostgreSQL
// also warns).
func buildCancelBackend(c *funcCall) (*expr, error) {
	sess := c.sc.params.sess
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		if sess.cancelBackend == nil || v[0].I <= 0 || v[0].I > math.MaxInt32 {
			return types.NewBool(false), nil
		}
		ok, err := sess.cancelBackend(uint32(v[0].I))
		return types.NewBool(ok), err
	})
}

// buildGetUserByID is pg_get_userbyid(oid): every object belongs to the superuser (oid 10),
// the session's user here.
func buildGetUserByID(c *funcCall) (*expr, error) {
	owner := c.sc.params.sess.ownerName()
	return textOf(c, func(v types.Value) types.Value {
		if v.I == oidSuperuser {
			return types.NewText(owner)
		}
		return types.NewText("unknown (OID=" + v.String() + ")")
	})
}

func buildEncodingToChar(c *funcCall) (*expr, error) {
	return textOf(c, func(v types.Value) types.Value {
		switch v.I {
		case encodingUTF8:
			return types.NewText("UTF8")
		case 0:
			return types.NewText("SQL_ASCII")
		}
		return types.NewText("")
	})
}

// buildGetIndexdef is pg_get_indexdef(index [, column, pretty]): the CREATE INDEX statement,
// or with a column number above 0 that column's name.
func buildGetIndexdef(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		null := types.Value{T: types.Text, Null: true}
		var vals [3]types.Value
		if null1, err := evalStrict(row, args, vals[:]); err != nil || null1 {
			return null, err
		}
		col, pretty := int64(0), false
		if len(args) == 3 {
			col, pretty = vals[1].I, vals[2].Bool()
		}
		ix, ok := s.catalogIndex(-1, vals[0].I)
		switch {
		case !ok:
			return null, nil
		case col <= 0:
			return types.NewText(ix.indexDef(pretty, s.tempID)), nil
		case col <= int64(len(ix.columns)):
			return types.NewText(ix.partText(int(col-1), true)), nil
		case col <= int64(ix.natts()):
			return types.NewText(types.QuoteIdent(ix.table.Columns[ix.include[col-1-int64(len(ix.columns))]].Name)), nil
		}
		return types.NewText(""), nil
	}}, args...)
}

func buildGetConstraintdef(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		v, err := args[0].eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		pretty := false
		if len(args) > 1 {
			p, err := args[1].eval(row)
			if err != nil {
				return types.Value{}, err
			}
			pretty = !p.IsNull() && p.Bool()
		}
		def, ok := s.constraintDef(v.I, pretty)
		if !ok {
			return types.Value{T: types.Text, Null: true}, nil
		}
		return types.NewText(def), nil
	}}, args...)
}

// buildFormatType is format_type(type, typmod): not strict, a NULL typmod is none.
func buildFormatType(c *funcCall) (*expr, error) {
	args := c.args
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
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
	}}, args...)
}

// buildRelationIsPublishable: every table could be published (were there publications):
// PostgreSQL's answer for a permanent table.
func buildRelationIsPublishable(c *funcCall) (*expr, error) {
	s, a := c.sc.params.sess, c.args[0]
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		for _, t := range s.ts.Tables() {
			if objectOID("table", t.Name) == v.I {
				return types.NewBool(true), nil
			}
		}
		return types.NewBool(false), nil
	}}, a)
}

// buildGetExpr is pg_get_expr(expr, relation [, pretty]): pg_attrdef.adbin is the
// expression's text already.
func buildGetExpr(c *funcCall) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		return a.eval(row)
	}}, a)
}

// buildCurrentSetting is current_setting(name [, missing_ok]), evaluated when the
// statement runs: a SET between runs of a cached plan must show.
func buildCurrentSetting(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
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
	}}, nil
}

// buildSetConfig is set_config(name, value, is_local): volatile, never folded.
func buildSetConfig(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
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
	}}, nil
}

func allRowFree(args []*expr) bool {
	for _, a := range args {
		if !a.rowFree {
			return false
		}
	}
	return true
}
