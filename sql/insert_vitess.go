package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// An INSERT that still takes the dialect pass (one sql/parser refuses with 0A000) is
// converted from vitess's statement, with what the pass cut off it (RETURNING, ON CONFLICT,
// OVERRIDING), into the tree bindInsertTree binds.

// bindInsert binds an INSERT of vitess's tree (a view target already rewritten into its
// table's by view_write.go).
func (s *Session) bindInsert(st *sqlparser.Insert, ps *params, retList *sqlparser.SelectExprs, conflict *conflictClause, overriding byte) (*plan, error) {
	n, err := insertFromVitess(st, retList, conflict, overriding)
	if err != nil {
		return nil, err
	}
	return s.bindInsertTree(n, ps)
}

// insertFromVitess converts an INSERT of vitess's tree as the binder converts.
func insertFromVitess(st *sqlparser.Insert, retList *sqlparser.SelectExprs, conflict *conflictClause, overriding byte) (*ast.Insert, error) {
	if st.Action != sqlparser.InsertAct || st.Ignore || st.RowAlias != nil || len(st.Partitions) > 0 {
		return nil, unsupported("this form of INSERT")
	}
	if conflict == nil && len(st.OnDup) > 0 {
		return nil, unsupported("ON DUPLICATE KEY UPDATE")
	}
	from, err := fromListTree([]sqlparser.TableExpr{st.Table})
	if err != nil {
		return nil, err
	}
	t, ok := from[0].(*ast.Table)
	if !ok {
		return nil, unsupported("this form of INSERT")
	}
	n := &ast.Insert{Table: t}
	for _, c := range st.Columns {
		n.Columns = append(n.Columns, c.String())
	}
	switch overriding {
	case overridingSystem:
		n.Overriding = "SYSTEM"
	case overridingUser:
		n.Overriding = "USER"
	}
	if n.Query, err = insertRowsTree(st.Rows); err != nil {
		return nil, err
	}
	if n.Query == nil && len(n.Columns) > 0 {
		return nil, Errorf("42601", "INSERT has more target columns than expressions")
	}
	if n.Returning, err = returningTree(retList); err != nil {
		return nil, err
	}
	if conflict != nil && conflict.replace {
		n.Upsert = true
	} else if conflict != nil {
		if n.OnConflict, err = conflictTree(conflict, st.OnDup, t); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// insertRowsTree converts an INSERT's rows: a query, or a VALUES list (DEFAULT an
// ast.Default); nil for the dialect pass's DEFAULT VALUES, one empty row.
func insertRowsTree(rows sqlparser.InsertRows) (*ast.Select, error) {
	if q, ok := rows.(sqlparser.TableStatement); ok {
		return queryTree(q)
	}
	values, ok := rows.(sqlparser.Values)
	if !ok {
		return nil, unsupported("this form of INSERT")
	}
	if len(values) == 1 && len(values[0]) == 0 {
		return nil, nil
	}
	q := &ast.Select{Values: make([][]ast.Expr, len(values))}
	for r, tuple := range values {
		row := make([]ast.Expr, len(tuple))
		for j, e := range tuple {
			x, err := insertItemTree(e)
			if err != nil {
				return nil, err
			}
			row[j] = x
		}
		q.Values[r] = row
	}
	return q, nil
}

// insertItemTree converts a VALUES item or an assigned value: DEFAULT is an ast.Default.
func insertItemTree(e sqlparser.Expr) (ast.Expr, error) {
	if _, isDefault := e.(*sqlparser.Default); isDefault {
		return &ast.Default{}, nil
	}
	return (&converter{binder: true}).expr(e)
}

// conflictTree converts ON CONFLICT: the clause the dialect pass cut off and DO UPDATE's SET
// list, vitess's ON DUPLICATE KEY UPDATE (a multiple-column item under update_rowset.go's
// marker name).
func conflictTree(c *conflictClause, onDup sqlparser.OnDup, t *ast.Table) (*ast.OnConflict, error) {
	alias := t.Name
	if t.Alias != nil {
		alias = t.Alias.Name
	}
	oc := &ast.OnConflict{Constraint: c.constraint, Update: c.update}
	for _, name := range c.target {
		oc.Columns = append(oc.Columns, ast.IndexElem{Name: name})
	}
	var err error
	if c.where != nil {
		if oc.UpdateWhere, err = (&converter{binder: true}).expr(c.where); err != nil {
			return nil, err
		}
	}
	for _, ue := range onDup {
		set := ast.SetClause{Columns: rowSetColumns(ue), Multi: true}
		if set.Columns == nil {
			if q := ue.Name.Qualifier.Name.String(); q != "" && q != alias {
				return nil, Errorf("42703", "column %q of relation %q does not exist", ue.Name.Name.String(), t.Name)
			}
			set.Columns, set.Multi = []string{ue.Name.Name.String()}, false
		}
		if set.Value, err = insertItemTree(ue.Expr); err != nil {
			return nil, err
		}
		oc.Set = append(oc.Set, set)
	}
	return oc, nil
}
