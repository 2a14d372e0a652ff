package sql

import (
	"reflect"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
)

// Conditions on a view are placed on it as on any derived table (join.go's pushed); for a
// simple view they then go into its query, as PostgreSQL's planner pulls a simple view up
// into the query that reads it: the view is bound again with them ANDed to its WHERE, so
// its table's access plan can use them (a point lookup on its key instead of a scan).
//
// A view is simple when its query is one SELECT without DISTINCT, GROUP BY, HAVING, LIMIT,
// aggregates, window functions, WITH or row locks: a condition on its rows is then the same
// condition on its FROM clause's rows. A condition goes in only when every column it reads
// is a plain column of the view's select list (never an expression, which might be volatile
// or costly to compute twice), and it holds no subquery.

// viewPush is what rebinding a view with extra conditions needs.
type viewPush struct {
	def   tablespace.View
	alias string
	names []string // the view's column names as the query sees them (alias list applied)
}

// simpleViewTree reports whether conditions can go into a view's query, the binder's tree
// of it (the conditions simpleView states).
func simpleViewTree(q *ast.Select) bool {
	if q.Op != ast.NoSetOp || q.Values != nil || q.Distinct || q.DistinctOn != nil || q.GroupBy != nil || q.Having != nil ||
		q.Limit != nil || q.Offset != nil || q.With != nil || len(q.Locking) > 0 || len(q.Windows) > 0 {
		return false
	}
	tree := &selectTree{Select: q}
	return !tree.hasAggregate() && len(windowCalls(tree.outputExprs())) == 0
}

// viewColumnRefs maps the view's columns to the names of the plain column references of
// its query's select list (the binder's tree); nil where a column is anything else. A * is
// read as the columns of the view's one table, qualified by its name in the query; with any
// other FROM the columns from the first * on are not mapped.
func (s *Session) viewColumnRefs(q *ast.Select, n int) [][]string {
	out := make([][]string, n)
	i := 0
	for _, t := range q.Targets {
		if i >= n {
			break
		}
		c, ok := t.Expr.(*ast.ColumnRef)
		if ok && !c.Star {
			out[i] = c.Names
			i++
			continue
		}
		if !ok || len(c.Names) > 1 {
			out[i] = nil // an expression
			i++
			continue
		}
		star := s.starColumnRefs(q, c)
		if star == nil {
			return out[:i:i]
		}
		for _, names := range star {
			if i < n {
				out[i] = names
			}
			i++
		}
	}
	return out
}

// starColumnRefs are the columns a * (or table.*) of a one-table FROM reads, qualified by
// the table's name in the query; nil when the FROM is anything else.
func (s *Session) starColumnRefs(q *ast.Select, star *ast.ColumnRef) [][]string {
	return oneTableStar(q, star, s.tableColumnNames)
}

// tableColumnNames are table name's visible columns; false when it is no table.
func (s *Session) tableColumnNames(name string) ([]string, bool) {
	schema, ok := s.ts.Schema(name)
	if !ok {
		return nil, false
	}
	var names []string
	for _, c := range schema.Columns {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names, true
}

// oneTableStar is starColumnRefs over the relation columns names, qualified by the FROM
// item's name (its alias, else the relation's).
func oneTableStar(q *ast.Select, star *ast.ColumnRef, columns func(string) ([]string, bool)) [][]string {
	if len(q.From) != 1 {
		return nil
	}
	t, ok := q.From[0].(*ast.Table)
	if !ok || t.Schema != "" || t.Alias != nil && len(t.Alias.Columns) > 0 { // columns renamed: not the schema's names
		return nil
	}
	names, ok := columns(t.Name)
	if !ok {
		return nil
	}
	name := t.Name
	if t.Alias != nil {
		name = t.Alias.Name
	}
	if len(star.Names) == 1 && star.Names[0] != name {
		return nil
	}
	out := make([][]string, 0, len(names))
	for _, c := range names {
		out = append(out, []string{name, c})
	}
	return out
}

// pushIntoView binds the view again with the conditions that can go into it; rest are the
// others, to filter its rows as before. ok is false when none could.
func (s *Session) pushIntoView(f *fromItem, ps *params) (n node, rest []ast.Expr, ok bool, err error) {
	q, err := viewQueryTree(f.view.def.Query)
	if err != nil {
		return nil, nil, false, err
	}
	if !simpleViewTree(q) {
		return nil, nil, false, nil
	}
	cols := s.viewColumnRefs(q, len(f.view.def.Columns)) // the view's columns as its query names them
	var moved []ast.Expr
	for _, c := range f.pushed {
		if e, ok := substituteViewColumns(c, f.view, cols); ok {
			moved = append(moved, e)
		} else {
			rest = append(rest, c)
		}
	}
	if len(moved) == 0 {
		return nil, nil, false, nil
	}
	// The tables and views were recorded by the first binding of the view.
	deps, views, sizes := len(ps.deps), len(ps.views), len(ps.sizes)
	ps.viewWhere = &viewWhere{sel: q, conds: moved}
	n, _, err = s.bindViewQuery(f.view.def, q, ps)
	ps.viewWhere = nil
	ps.deps, ps.views, ps.sizes = ps.deps[:deps], ps.views[:views], ps.sizes[:sizes]
	if err != nil {
		return nil, nil, false, err
	}
	if _, present := f.sub.(*presenceNode); present {
		n = &presenceNode{in: n} // the view's whole-row value is read (presence.go)
	}
	return n, rest, true, nil
}

// viewWhere is the conditions pushIntoView ANDs to the WHERE of a view's query, sel (the
// binder's tree of it), as it binds it again.
type viewWhere struct {
	sel   *ast.Select
	conds []ast.Expr
}

// whereOf is the WHERE of q, with the conditions a query reading q as a view pushed into it
// (pushIntoView) ANDed after it.
func whereOf(q *ast.Select, ps *params) ast.Expr {
	if vw := ps.viewWhere; vw != nil && vw.sel == q {
		ps.viewWhere = nil // the view's own subqueries bind their WHERE as written
		conds := vw.conds
		if q.Where != nil {
			conds = append([]ast.Expr{q.Where}, conds...)
		}
		return andTree(conds)
	}
	return q.Where
}

// substituteViewColumns rewrites a condition on the view's columns into one on its query's
// FROM clause (a copy: the condition's nodes may be shared with another's, as a row
// comparison's with the bound it implies); ok is false when it reads anything else or holds
// a subquery.
func substituteViewColumns(c ast.Expr, v *viewPush, cols [][]string) (ast.Expr, bool) {
	ok := true
	ast.Walk(c, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink, *ast.Foreign:
			ok = false
		case *ast.ColumnRef:
			ok = viewColumn(n, v, cols) != nil
		}
		return ok
	})
	if !ok {
		return nil, false
	}
	out := cloneTree(c)
	ast.Walk(out, func(n ast.Node) bool {
		if r, isRef := n.(*ast.ColumnRef); isRef {
			r.Names = viewColumn(r, v, cols)
		}
		return true
	})
	return out, true
}

// viewColumn is the column of the view's query a reference to the view's column names; nil
// when it names none, or a column that is an expression.
func viewColumn(r *ast.ColumnRef, v *viewPush, cols [][]string) []string {
	if r.Star || len(r.Names) > 2 || len(r.Names) == 2 && r.Names[0] != v.alias {
		return nil
	}
	name := r.Names[len(r.Names)-1]
	i := -1
	for j, vn := range v.names {
		if vn == name {
			i = j
		}
	}
	if i < 0 || i >= len(cols) {
		return nil
	}
	return cols[i]
}

// cloneTree copies an expression tree of the binder's that holds no vitess node.
func cloneTree(e ast.Expr) ast.Expr {
	return cloneValue(reflect.ValueOf(e)).Interface().(ast.Expr)
}

// cloneFromItem copies a FROM item of the binder's tree (cloneTree).
func cloneFromItem(f ast.FromItem) ast.FromItem {
	return cloneValue(reflect.ValueOf(f)).Interface().(ast.FromItem)
}

func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return v
		}
		if v.Kind() == reflect.Interface {
			out := reflect.New(v.Type()).Elem()
			out.Set(cloneValue(v.Elem()))
			return out
		}
		out := reflect.New(v.Elem().Type())
		out.Elem().Set(cloneValue(v.Elem()))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(cloneValue(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(cloneValue(v.Field(i)))
			}
		}
		return out
	}
	return v
}
