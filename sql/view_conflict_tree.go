package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// ON CONFLICT on an automatically updatable view, as PostgreSQL's rewriteTargetView has it:
// the conflict target's columns and DO UPDATE's SET columns are view columns, mapped to their
// table columns; DO UPDATE's expressions see the view's columns of the existing row (under
// the view's name or alias) and, as excluded, of the proposed row, both replaced by the view
// columns' expressions over the table (excluded's over the table's excluded row). The view's
// WHERE does not restrict the rows DO UPDATE changes; its CHECK OPTION checks them.

// onConflict is oc (nil without the clause) rewritten one level down, over the view's table.
func (vw *viewTarget) onConflict(oc *ast.OnConflict) (*ast.OnConflict, error) {
	if oc == nil {
		return nil, nil
	}
	if oc.Constraint != "" { // a view has no constraints
		return nil, Errorf("42704", "constraint %q for table %q does not exist", oc.Constraint, vw.name)
	}
	out := *oc
	out.Columns = nil // nil: no conflict target
	if oc.Columns != nil {
		out.Columns = make([]ast.IndexElem, len(oc.Columns))
	}
	for i, el := range oc.Columns {
		var err error
		if out.Columns[i], err = vw.conflictElem(el); err != nil {
			return nil, err
		}
	}
	var err error
	if out.Where, err = vw.conflictExpr(oc.Where, false); err != nil {
		return nil, err
	}
	out.Set = nil
	if oc.Set != nil {
		out.Set = make([]ast.SetClause, len(oc.Set))
	}
	for i, set := range oc.Set {
		if set.Subs != nil {
			return nil, unsupported("a subscript of an assigned view column")
		}
		set.Columns = append([]string(nil), set.Columns...)
		for k, name := range set.Columns {
			if set.Columns[k], err = vw.conflictSetColumn(name); err != nil {
				return nil, err
			}
		}
		if set.Value, err = vw.conflictExpr(set.Value, true); err != nil {
			return nil, err
		}
		out.Set[i] = set
	}
	if out.UpdateWhere, err = vw.conflictExpr(oc.UpdateWhere, true); err != nil {
		return nil, err
	}
	return &out, nil
}

// conflictElem maps one conflict target element: a view column that is a table column names
// that column; one that is an expression becomes the expression, which no index of drove's
// matches (42P10, as PostgreSQL infers none without an expression index).
func (vw *viewTarget) conflictElem(el ast.IndexElem) (ast.IndexElem, error) {
	if el.Name == "" {
		x, err := vw.conflictExpr(el.Expr, false)
		el.Expr = x
		return el, err
	}
	for i, c := range vw.def.Columns {
		if c.Name != el.Name || vw.exprs[i] == nil {
			continue
		}
		if r, ok := vw.exprs[i].(*ast.ColumnRef); ok && !r.Star {
			el.Name = r.Names[len(r.Names)-1]
			return el, nil
		}
		x, err := vw.qualified(vw.exprs[i], vw.tableQualifier())
		el.Name, el.Expr = "", x
		return el, err
	}
	return el, Errorf("42703", "column %q does not exist", el.Name)
}

// conflictSetColumn is the table column DO UPDATE's SET column name (a view column) writes.
func (vw *viewTarget) conflictSetColumn(name string) (string, error) {
	for _, c := range vw.def.Columns {
		if c.Name == name {
			return vw.insertColumn(name)
		}
	}
	return "", Errorf("42703", "column %q of relation %q does not exist", name, vw.name)
}

// tableQualifier is the name the rewritten statement's target table is seen under.
func (vw *viewTarget) tableQualifier() string {
	if vw.table.Alias != nil {
		return vw.table.Alias.Name
	}
	return vw.table.Name
}

// conflictExpr rewrites an expression of ON CONFLICT over the view's columns into one over
// the table's, every column reference qualified: by the table's name, or by excluded (when
// excluded is in scope, that is in DO UPDATE) for excluded's columns. A bare view column
// name there is ambiguous between the view and excluded, as in PostgreSQL.
func (vw *viewTarget) conflictExpr(e ast.Expr, excluded bool) (ast.Expr, error) {
	if e == nil {
		return nil, nil
	}
	var failed error
	ast.Walk(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			failed = unsupported("subqueries in a statement writing through a view")
		case *ast.ColumnRef:
			_, failed = vw.conflictColumn(n, excluded)
		}
		return failed == nil
	})
	if failed != nil {
		return nil, failed
	}
	return replaceColumnRefs(e, func(r *ast.ColumnRef) ast.Expr {
		if x, err := vw.conflictColumn(r, excluded); err == nil {
			return x
		}
		return cloneTree(r) // not reached: the walk above refused it

	}), nil
}

// conflictColumn is the expression over the table that the reference r stands for.
func (vw *viewTarget) conflictColumn(r *ast.ColumnRef, excluded bool) (ast.Expr, error) {
	if r.Star {
		return nil, unsupported("a whole-row reference in ON CONFLICT on a view")
	}
	name := r.Names[len(r.Names)-1]
	qual := vw.tableQualifier()
	if excluded && len(r.Names) == 2 && r.Names[0] == "excluded" {
		i := vw.columnIndex(name)
		if i < 0 {
			return nil, Errorf("42703", "column excluded.%s does not exist", name)
		}
		return vw.qualified(vw.exprs[i], "excluded")
	}
	if excluded && len(r.Names) == 1 && vw.columnIndex(name) >= 0 {
		return nil, Errorf("42702", "column reference %q is ambiguous", name)
	}
	x, err := vw.columnExpr(r)
	if err != nil {
		return nil, err
	}
	return vw.qualified(x, qual)
}

// columnIndex is the index of the view's column name; -1 when none.
func (vw *viewTarget) columnIndex(name string) int {
	for i, c := range vw.def.Columns {
		if c.Name == name && vw.exprs[i] != nil {
			return i
		}
	}
	return -1
}

// qualified copies x, an expression of the view's query over its one table, with each column
// reference qualified by qual.
func (vw *viewTarget) qualified(x ast.Expr, qual string) (ast.Expr, error) {
	if hasSubLink(x) {
		return nil, unsupported("a view column with a subquery in ON CONFLICT")
	}
	return replaceColumnRefs(x, func(r *ast.ColumnRef) ast.Expr {
		return &ast.ColumnRef{Names: []string{qual, r.Names[len(r.Names)-1]}}
	}), nil
}
