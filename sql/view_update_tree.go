package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// UPDATE through an automatically updatable view over sql/parser's tree (view_write.go's
// rules, view_write_tree.go's rewriting): the UPDATE of the view is rewritten into the UPDATE
// of its table, level by level. Each SET item names a view column that is a plain column of
// the view's table (else 0A000), and its value is substituted; the view's WHERE is ANDed
// with the statement's; RETURNING is over the view's columns. A view WITH CHECK OPTION adds
// its WHERE to the conditions every new row must pass (ps.checks, bound with RETURNING):
// CASCADED checks every view under it, LOCAL only those with a CHECK OPTION of their own.

// updateThroughViews rewrites an UPDATE on a view (and the views under it) into the UPDATE
// on their table; u itself when it updates a table. The views are recorded in ps.views and
// their CHECK OPTION conditions in ps.checks.
func (s *Session) updateThroughViews(u *ast.Update, ps *params) (*ast.Update, error) {
	seen := map[string]bool{} // a view replaced into a cycle would rewrite forever
	cascaded := false
	for {
		vw, err := s.targetViewTree(u.Table, "UPDATE")
		if err != nil || vw == nil {
			return u, err
		}
		if seen[vw.name] {
			return nil, Errorf("42P17", "infinite recursion detected in rules for relation %q", vw.name)
		}
		seen[vw.name] = true
		ps.views = append(ps.views, viewDep{vw.name, vw.version})
		if u.CurrentOf != "" {
			return nil, errCurrentOfView
		}
		if len(u.From) > 0 {
			return nil, unsupported("UPDATE ... FROM on a view")
		}
		for i := range ps.checks { // the outer views' conditions, one level down
			if ps.checks[i].tree, err = vw.substitute(ps.checks[i].tree); err != nil {
				return nil, err
			}
		}
		if (cascaded || vw.def.CheckOption != "") && vw.q.Where != nil {
			ps.checks = append([]viewCheck{{view: vw.name, tree: cloneTree(vw.q.Where)}}, ps.checks...)
		}
		cascaded = cascaded || vw.def.CheckOption == "cascaded"
		if u, err = vw.update(u); err != nil {
			return nil, err
		}
	}
}

// update is the UPDATE of the view's table for u, the UPDATE of the view.
func (vw *viewTarget) update(u *ast.Update) (*ast.Update, error) {
	out := *u
	out.Table = vw.table
	out.Set = make([]ast.SetClause, len(u.Set))
	for k, c := range u.Set {
		if c.Subs != nil {
			return nil, unsupported("a subscript of an assigned view column")
		}
		cols := make([]string, len(c.Columns))
		for i, name := range c.Columns {
			col, err := vw.updatableColumn(name)
			if err != nil {
				return nil, err
			}
			cols[i] = col
		}
		v, err := vw.substitute(c.Value)
		if err != nil {
			return nil, err
		}
		out.Set[k] = ast.SetClause{Columns: cols, Multi: c.Multi, Value: viewDefaultNull(v)}
	}
	var err error
	if out.Where, err = vw.where(u.Where); err != nil {
		return nil, err
	}
	out.Returning, err = vw.returningList(u.Returning)
	return &out, err
}

// viewDefaultNull writes DEFAULT (alone, or a row's field) as NULL: a view column has no
// default, so SET c = DEFAULT through the view is NULL, not the table's default (which a
// GENERATED ALWAYS column then refuses), as in PostgreSQL.
func viewDefaultNull(v ast.Expr) ast.Expr {
	switch x := v.(type) {
	case *ast.Default:
		return &ast.Literal{Type: ast.LitNull}
	case *ast.Row:
		for i, f := range x.Fields {
			x.Fields[i] = viewDefaultNull(f)
		}
	}
	return v
}

// updatableColumn is the table column view column name is: 0A000 when it is an expression,
// 42703 when the view has no such column.
func (vw *viewTarget) updatableColumn(name string) (string, error) {
	for i, vc := range vw.def.Columns {
		if vc.Name != name {
			continue
		}
		if c, ok := vw.exprs[i].(*ast.ColumnRef); ok && !c.Star {
			return c.Names[len(c.Names)-1], nil
		}
		return "", &Error{Code: "0A000", Message: "cannot update column \"" + name + "\" of view \"" + vw.name + "\"",
			Detail: "View columns that are not columns of their base relation are not updatable."}
	}
	return "", Errorf("42703", "column %q of relation %q does not exist", name, vw.name)
}
