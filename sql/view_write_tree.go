package sql

import (
	"reflect"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
)

// Writing through an automatically updatable view (view_write.go's rules) over sql/parser's
// tree: a DELETE on a view is rewritten into the DELETE on the view's table, its WHERE ANDed
// with the view's and its RETURNING list over the view's columns replaced by their
// expressions; UPDATE likewise (view_update_tree.go). INSERT is still rewritten over
// vitess's tree (view_write.go).

// viewTarget is a writing statement's target view, resolved over the tree of its query.
type viewTarget struct {
	name, alias string
	def         tablespace.View
	version     string
	q           *ast.Select
	table       *ast.Table // the view's one table, with its alias there
	exprs       []ast.Expr // each view column's expression in the view's query; nil when none
}

// viewDefinition loads view name, a temporary one first.
func (s *Session) viewDefinition(name string) (tablespace.View, string, error) {
	def, ok, err := s.ts.ViewByNameIn(s.tx, name)
	version := s.ts.ViewVersionIn(s.tx, name)
	if tv, temp := s.tempViewNamed(name); temp && s.tempVisible(name) {
		def, ok, err, version = tv.def, true, nil, tv.version
	}
	if err != nil || !ok {
		return def, "", relationMissingOr(err, name)
	}
	return def, version, nil
}

// targetViewTree is the view t names, loaded and checked to be updatable; nil when t names
// a table.
func (s *Session) targetViewTree(t *ast.Table, action string) (*viewTarget, error) {
	if t.Schema != "" && t.Schema != "public" || !s.isView(t.Name) {
		return nil, nil
	}
	def, version, err := s.viewDefinition(t.Name)
	if err != nil {
		return nil, err
	}
	q, err := viewQueryTree(def.Query)
	if err != nil {
		return nil, err
	}
	table, reason := viewUpdatabilityTree(q)
	if reason == "" && table.Schema == "" && s.sequenceOrMatview(table.Name) {
		reason = "Views that do not select from a single table or view are not automatically updatable."
	}
	if reason != "" {
		return nil, viewNotUpdatable(action, t.Name, reason)
	}
	vw := &viewTarget{name: t.Name, alias: t.Name, def: def, version: version, q: q, table: table}
	if t.Alias != nil {
		vw.alias = t.Alias.Name
	}
	vw.exprs = make([]ast.Expr, len(def.Columns))
	i := 0
	for _, tg := range q.Targets {
		if c, ok := tg.Expr.(*ast.ColumnRef); ok && c.Star {
			for _, names := range s.viewStarColumnRefs(q, c) {
				if i < len(vw.exprs) {
					vw.exprs[i] = &ast.ColumnRef{Names: names}
				}
				i++
			}
			continue
		}
		if i < len(vw.exprs) {
			vw.exprs[i] = tg.Expr
		}
		i++
	}
	return vw, nil
}

// viewStarColumnRefs is starColumnRefs, also over a view whose one FROM item is a view.
func (s *Session) viewStarColumnRefs(q *ast.Select, star *ast.ColumnRef) [][]string {
	return oneTableStar(q, star, func(name string) ([]string, bool) {
		if names, ok := s.tableColumnNames(name); ok {
			return names, true
		}
		def, ok := s.viewDefNamed(name)
		if !ok {
			return nil, false
		}
		names := make([]string, len(def.Columns))
		for i, c := range def.Columns {
			names[i] = c.Name
		}
		return names, true
	})
}

// viewUpdatabilityTree applies PostgreSQL's rules for an automatically updatable view to
// the tree of its query (viewUpdatability's): reason says why it is not one, "" when it is;
// then table is its one table or view.
func viewUpdatabilityTree(q *ast.Select) (*ast.Table, string) {
	if !simpleViewTree(q) {
		return nil, "Views containing DISTINCT, GROUP BY, HAVING, LIMIT, WITH, aggregates or window functions are not automatically updatable."
	}
	t, ok := ast.FromItem(nil), false
	if len(q.From) == 1 {
		t = q.From[0]
	}
	table, ok := t.(*ast.Table)
	if !ok {
		return nil, "Views that do not select from a single table or view are not automatically updatable."
	}
	if targetsSetReturning(q.Targets) {
		return nil, "Views that return set-returning functions are not automatically updatable."
	}
	return table, ""
}

// targetsSetReturning reports whether a select list calls a set-returning function outside
// a subquery.
func targetsSetReturning(targets []ast.Target) bool {
	found := false
	for _, tg := range targets {
		ast.Walk(tg.Expr, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SubLink:
				return false
			case *ast.FuncCall:
				if def := funcRegistry[strings.ToLower(n.Name[len(n.Name)-1])]; def != nil {
					for _, p := range def.procs {
						found = found || p.retset
					}
				}
			}
			return !found
		})
	}
	return found
}

// deleteThroughViews rewrites a DELETE on a view (and the views under it) into the DELETE on
// their table; d itself when it deletes from a table. The views are recorded in ps.views.
func (s *Session) deleteThroughViews(d *ast.Delete, ps *params) (*ast.Delete, error) {
	seen := map[string]bool{} // a view replaced into a cycle would rewrite forever
	for {
		vw, err := s.targetViewTree(d.Table, "DELETE")
		if err != nil || vw == nil {
			return d, err
		}
		if seen[vw.name] {
			return nil, Errorf("42P17", "infinite recursion detected in rules for relation %q", vw.name)
		}
		seen[vw.name] = true
		ps.views = append(ps.views, viewDep{vw.name, vw.version})
		if d.CurrentOf != "" {
			return nil, errCurrentOfView
		}
		out := *d
		out.Table = vw.table
		if out.Where, err = vw.where(d.Where); err != nil {
			return nil, err
		}
		if out.Returning, err = vw.returningList(d.Returning); err != nil {
			return nil, err
		}
		d = &out
	}
}

// where is the view's WHERE ANDed with the statement's, substituted.
func (vw *viewTarget) where(w ast.Expr) (ast.Expr, error) {
	e, err := vw.substitute(w)
	switch {
	case err != nil:
		return nil, err
	case vw.q.Where == nil:
		return e, nil
	case e == nil:
		return cloneTree(vw.q.Where), nil
	}
	return &ast.BoolOp{Op: ast.And, Args: append(andArgs(cloneTree(vw.q.Where)), andArgs(e)...)}, nil
}

// andArgs is e's conjuncts as PostgreSQL's parser flattens AND: its arguments when it is an
// AND, else e.
func andArgs(e ast.Expr) []ast.Expr {
	if b, ok := e.(*ast.BoolOp); ok && b.Op == ast.And {
		return b.Args
	}
	return []ast.Expr{e}
}

// returningList rewrites a RETURNING list over the view into one over its table: * (or
// view.*) is every view column, and an item naming a view column keeps the column's name.
func (vw *viewTarget) returningList(list []ast.Target) ([]ast.Target, error) {
	if list == nil {
		return nil, nil
	}
	out := make([]ast.Target, 0, len(list))
	for _, tg := range list {
		c, isRef := tg.Expr.(*ast.ColumnRef)
		if isRef && c.Star {
			if len(c.Names) > 0 && c.Names[0] != vw.alias {
				return nil, Errorf("42P01", "missing FROM-clause entry for table %q", c.Names[0])
			}
			for i, col := range vw.def.Columns {
				if vw.exprs[i] == nil {
					return nil, Errorf("42703", "column %q does not exist", col.Name)
				}
				out = append(out, ast.Target{Expr: cloneTree(vw.exprs[i]), Alias: col.Name})
			}
			continue
		}
		e, err := vw.substitute(tg.Expr)
		if err != nil {
			return nil, err
		}
		alias := tg.Alias
		if isRef && alias == "" {
			alias = c.Names[len(c.Names)-1]
		}
		out = append(out, ast.Target{Expr: e, Alias: alias})
	}
	return out, nil
}

// substitute rewrites an expression of the statement, over the view's columns, into one over
// the view's table.
func (vw *viewTarget) substitute(e ast.Expr) (ast.Expr, error) {
	if e == nil {
		return nil, nil
	}
	var failed error
	ast.Walk(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			failed = unsupported("subqueries in a statement writing through a view")
		case *ast.ColumnRef:
			_, failed = vw.columnExpr(n)
		}
		return failed == nil
	})
	if failed != nil {
		return nil, failed
	}
	return replaceColumnRefs(e, func(r *ast.ColumnRef) ast.Expr {
		x, _ := vw.columnExpr(r)
		return cloneTree(x)
	}), nil
}

// columnExpr is the expression of the view column r names.
func (vw *viewTarget) columnExpr(r *ast.ColumnRef) (ast.Expr, error) {
	if len(r.Names) > 1 && r.Names[len(r.Names)-2] != vw.alias {
		return nil, Errorf("42P01", "missing FROM-clause entry for table %q", r.Names[len(r.Names)-2])
	}
	name := r.Names[len(r.Names)-1]
	for i, c := range vw.def.Columns {
		if c.Name == name && vw.exprs[i] != nil {
			return vw.exprs[i], nil
		}
	}
	return nil, Errorf("42703", "column %q does not exist", name)
}

var columnRefType = reflect.TypeOf((*ast.ColumnRef)(nil))

// replaceColumnRefs copies the tree e (cloneTree) with each column reference replaced by
// what f returns for it.
func replaceColumnRefs(e ast.Expr, f func(*ast.ColumnRef) ast.Expr) ast.Expr {
	if r, ok := e.(*ast.ColumnRef); ok {
		return f(r)
	}
	return replaceValue(reflect.ValueOf(e), f).Interface().(ast.Expr)
}

func replaceValue(v reflect.Value, f func(*ast.ColumnRef) ast.Expr) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		if r, ok := v.Elem().Interface().(*ast.ColumnRef); ok && v.Type() == reflect.TypeOf((*ast.Expr)(nil)).Elem() {
			out.Set(reflect.ValueOf(f(r)))
			return out
		}
		out.Set(replaceValue(v.Elem(), f))
		return out
	case reflect.Pointer:
		if v.IsNil() || v.Type() == columnRefType {
			return cloneValue(v)
		}
		out := reflect.New(v.Elem().Type())
		out.Elem().Set(replaceValue(v.Elem(), f))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(replaceValue(v.Index(i), f))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(replaceValue(v.Field(i), f))
			}
		}
		return out
	}
	return cloneValue(v)
}
