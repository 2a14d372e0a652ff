package sql

import "github.com/drovedb/drove/sql/ast"

// An INSERT on an automatically updatable view (view_write.go's rules) over sql/parser's
// tree: rewritten into the INSERT on the view's table, level by level, its columns the view
// columns' table columns, its RETURNING list over the view's columns replaced by their
// expressions, and the CHECK OPTION conditions of the views it goes through collected for
// every new row (innermost view first, as PostgreSQL checks them: a view's own WHERE under
// its CHECK OPTION, every view's under a CASCADED one).

// treeViewCheck is one view's CHECK OPTION condition over the table written (viewCheck's).
type treeViewCheck struct {
	view string
	cond ast.Expr
}

// insertThroughViews rewrites an INSERT on a view (and the views under it) into the INSERT
// on their table; n itself when it inserts into a table. The views are recorded in ps.views.
func (s *Session) insertThroughViews(n *ast.Insert, ps *params) (*ast.Insert, []treeViewCheck, error) {
	var checks []treeViewCheck
	cascaded := false
	seen := map[string]bool{} // a view replaced into a cycle would rewrite forever
	for {
		vw, err := s.targetViewTree(n.Table, "INSERT")
		if err != nil || vw == nil {
			return n, checks, err
		}
		if n.Upsert && n.OnConflict == nil {
			return nil, nil, unsupported("UPSERT on a view")
		}
		if seen[vw.name] {
			return nil, nil, Errorf("42P17", "infinite recursion detected in rules for relation %q", vw.name)
		}
		seen[vw.name] = true
		ps.views = append(ps.views, viewDep{vw.name, vw.version})
		out := *n
		if out.Returning, err = vw.returningList(n.Returning); err != nil {
			return nil, nil, err
		}
		for i := range checks { // the outer views' conditions, one level down
			if checks[i].cond, err = vw.substitute(checks[i].cond); err != nil {
				return nil, nil, err
			}
		}
		if (cascaded || vw.def.CheckOption != "") && vw.q.Where != nil {
			checks = append([]treeViewCheck{{view: vw.name, cond: cloneTree(vw.q.Where)}}, checks...)
		}
		cascaded = cascaded || vw.def.CheckOption == "cascaded"
		table := *vw.table
		out.Table = &table
		if out.Columns, err = vw.insertColumns(n); err != nil {
			return nil, nil, err
		}
		if out.OnConflict, err = vw.onConflict(n.OnConflict); err != nil {
			return nil, nil, err
		}
		n = &out
	}
}

// insertColumns are the table columns an INSERT through the view writes: its column list's,
// else the view's columns the values fill (the first ones; the others take their defaults).
func (vw *viewTarget) insertColumns(n *ast.Insert) ([]string, error) {
	names := n.Columns
	if len(names) == 0 && n.Query != nil {
		k := len(vw.def.Columns)
		if values, ok := plainValues(n.Query); ok && len(values[0]) < k {
			k = len(values[0])
		}
		for _, c := range vw.def.Columns[:k] {
			names = append(names, c.Name)
		}
	}
	out := make([]string, 0, len(names))
	for _, name := range names {
		col, err := vw.insertColumn(name)
		if err != nil {
			return nil, err
		}
		out = append(out, col)
	}
	return out, nil
}

// insertColumn is the table column of the view column name: 0A000 when the view column is
// an expression, 42703 when the view has no such column.
func (vw *viewTarget) insertColumn(name string) (string, error) {
	for i, vc := range vw.def.Columns {
		if vc.Name != name {
			continue
		}
		if r, ok := vw.exprs[i].(*ast.ColumnRef); ok && !r.Star {
			return r.Names[len(r.Names)-1], nil
		}
		return "", &Error{Code: "0A000", Message: "cannot insert into column \"" + name + "\" of view \"" + vw.name + "\"",
			Detail: "View columns that are not columns of their base relation are not updatable."}
	}
	return "", Errorf("42703", "column %q of relation %q does not exist", name, vw.name)
}

// checksOnReturning adds the CHECK OPTION conditions of the views an INSERT goes through,
// compiled over the table's row, to its RETURNING (which checks each row it returns or not).
func checksOnReturning(ret *returning, checks []treeViewCheck, bt *boundTable) (*returning, error) {
	if len(checks) == 0 {
		return ret, nil
	}
	if ret == nil {
		ret = &returning{}
	}
	for _, c := range checks {
		x, err := compileAST(c.cond, bt.scope)
		if err != nil {
			return nil, err
		}
		ret.checks = append(ret.checks, boundCheck{c.view, x})
	}
	ret.schema = bt.schema
	return ret, nil
}
