package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
)

// Automatically updatable views, as PostgreSQL 15's: INSERT, UPDATE and DELETE on a view whose
// query is one SELECT of one table, without DISTINCT, GROUP BY, HAVING, LIMIT, WITH,
// aggregates, window or set-returning functions, are rewritten into the same statement on the
// table. A view column that is a plain column of the table is updatable; others (expressions)
// can be read in WHERE, SET's values and RETURNING but not written (0A000). UPDATE and DELETE
// see only the view's rows (its WHERE is ANDed in); INSERT and UPDATE check that the new row
// satisfies it only under WITH CHECK OPTION (44000), as PostgreSQL. RETURNING returns the
// view's columns. A view of an updatable view is written through both, rewritten once per
// level. ON CONFLICT through a view is refused (0A000); other views are PostgreSQL's 55000.
// A DELETE, INSERT or UPDATE sql/parser read is rewritten over its tree (view_write_tree.go,
// view_insert_tree.go, view_update_tree.go); this file rewrites a data-modifying WITH's
// INSERT, UPDATE and DELETE over vitess's.

// viewWrite is a writing statement's target view, resolved.
type viewWrite struct {
	name, alias string
	def         tablespace.View
	version     string
	sel         *sqlparser.Select
	table       *sqlparser.AliasedTableExpr // the view's one table, with its alias there
	exprs       []sqlparser.Expr            // each view column's expression in the view's query
	cols        []*sqlparser.ColName        // each view column's table column; nil when not one
}

// viewRewrite is what writing through views adds to the statement on their table.
type viewRewrite struct {
	deps []viewDep // every view the statement went through
	// returning is the statement's RETURNING list over the table: the view's columns
	// replaced by their expressions, named as the view's columns.
	returning *sqlparser.SelectExprs
	// checks are the CHECK OPTION conditions an INSERT's or UPDATE's new rows must pass,
	// innermost view first, as PostgreSQL checks them.
	checks []viewCheck
}

// viewCheck is one view's CHECK OPTION condition: each new row must satisfy cond, the view's
// WHERE over the table, or the statement fails with 44000 naming the view.
type viewCheck struct {
	view string
	cond sqlparser.Expr
	tree ast.Expr // the condition over sql/parser's tree, in place of cond (view_update_tree.go)
}

// rewriteViewWrite returns the statement to bind for ast: ast itself when it writes no view,
// else the statement on the table under the view (and the views under it), with what the
// views add to it. A view's CHECK OPTION checks its own WHERE; CASCADED also every view's
// under it, LOCAL only those that have a CHECK OPTION of their own (PostgreSQL's rules).
func (s *Session) rewriteViewWrite(st *Statement) (sqlparser.Statement, *viewRewrite, error) {
	ast := st.ast
	var rw *viewRewrite
	cascaded := false
	seen := map[string]bool{} // a view replaced into a cycle would rewrite forever
	for {
		vw, action, err := s.targetView(ast)
		if err != nil || vw == nil {
			return ast, rw, err
		}
		if rw == nil {
			if st.conflict != nil {
				return nil, nil, unsupported("ON CONFLICT on a view")
			}
			rw = &viewRewrite{returning: st.returning}
		}
		if seen[vw.name] {
			return nil, nil, Errorf("42P17", "infinite recursion detected in rules for relation %q", vw.name)
		}
		seen[vw.name] = true
		rw.deps = append(rw.deps, viewDep{vw.name, vw.version})
		if rw.returning, err = vw.returningList(rw.returning); err != nil {
			return nil, nil, err
		}
		for i := range rw.checks { // the outer views' conditions, one level down
			if rw.checks[i].cond, err = vw.substitute(rw.checks[i].cond); err != nil {
				return nil, nil, err
			}
		}
		if action != "DELETE" && (cascaded || vw.def.CheckOption != "") && vw.sel.Where != nil {
			rw.checks = append([]viewCheck{{view: vw.name, cond: sqlparser.CloneExpr(vw.sel.Where.Expr)}}, rw.checks...)
		}
		cascaded = cascaded || vw.def.CheckOption == "cascaded"
		switch a := ast.(type) {
		case *sqlparser.Insert:
			ast, err = vw.insert(a)
		case *sqlparser.Update:
			ast, err = vw.update(a)
		case *sqlparser.Delete:
			ast, err = vw.delete(a)
		}
		if err != nil {
			return nil, nil, err
		}
	}
}

// targetView is the view ast writes, loaded and checked to be updatable; nil when it writes
// a table.
func (s *Session) targetView(ast sqlparser.Statement) (*viewWrite, string, error) {
	te, action := writeTarget(ast)
	ate, ok := te.(*sqlparser.AliasedTableExpr)
	if !ok {
		return nil, "", nil
	}
	tn, ok := ate.Expr.(sqlparser.TableName)
	if !ok || !tn.Qualifier.IsEmpty() && tn.Qualifier.String() != "public" || !s.isView(tn.Name.String()) {
		return nil, "", nil
	}
	vw, err := s.updatableView(tn.Name.String(), action)
	if err != nil {
		return nil, "", err
	}
	vw.alias = vw.name
	if !ate.As.IsEmpty() {
		vw.alias = ate.As.String()
	}
	return vw, action, nil
}

// returningList rewrites a RETURNING list over the view into one over its table: * (or
// view.*) is every view column, and an item naming a view column keeps the column's name.
func (vw *viewWrite) returningList(list *sqlparser.SelectExprs) (*sqlparser.SelectExprs, error) {
	if list == nil {
		return nil, nil
	}
	out := &sqlparser.SelectExprs{}
	for _, se := range list.Exprs {
		switch se := se.(type) {
		case *sqlparser.StarExpr:
			if q := se.TableName.Name.String(); q != "" && q != vw.alias {
				return nil, Errorf("42P01", "missing FROM-clause entry for table %q", q)
			}
			for i, c := range vw.def.Columns {
				if vw.exprs[i] == nil {
					return nil, Errorf("42703", "column %q does not exist", c.Name)
				}
				out.Exprs = append(out.Exprs, &sqlparser.AliasedExpr{Expr: sqlparser.CloneExpr(vw.exprs[i]), As: sqlparser.NewIdentifierCI(c.Name)})
			}
		case *sqlparser.AliasedExpr:
			e, err := vw.substitute(se.Expr)
			if err != nil {
				return nil, err
			}
			as := se.As
			if c, ok := se.Expr.(*sqlparser.ColName); ok && as.IsEmpty() {
				as = sqlparser.NewIdentifierCI(c.Name.String())
			}
			out.Exprs = append(out.Exprs, &sqlparser.AliasedExpr{Expr: e, As: as})
		default:
			return nil, unsupported("this RETURNING item on a view")
		}
	}
	return out, nil
}

// writeTarget is the table expression an INSERT, UPDATE or DELETE writes, and its verb.
func writeTarget(ast sqlparser.Statement) (sqlparser.TableExpr, string) {
	switch ast := ast.(type) {
	case *sqlparser.Insert:
		return ast.Table, "INSERT"
	case *sqlparser.Update:
		if len(ast.TableExprs) == 1 {
			return ast.TableExprs[0], "UPDATE"
		}
	case *sqlparser.Delete:
		if len(ast.TableExprs) == 1 {
			return ast.TableExprs[0], "DELETE"
		}
	}
	return nil, ""
}

// updatableView loads view name and checks PostgreSQL's rules for an automatically
// updatable view, with its errors.
func (s *Session) updatableView(name, action string) (*viewWrite, error) {
	def, version, err := s.viewDefinition(name) // view_write_tree.go
	if err != nil {
		return nil, err
	}
	sel, table, reason, err := viewUpdatability(def.Query)
	if err != nil {
		return nil, err
	}
	if reason == "" && s.baseNotTableOrView(table) {
		reason = "Views that do not select from a single table or view are not automatically updatable."
	}
	if reason != "" {
		return nil, viewNotUpdatable(action, name, reason)
	}
	vw := &viewWrite{name: name, def: def, version: version, sel: sel, table: table}
	vw.cols = s.viewColumnExprs(sel, len(def.Columns))
	vw.exprs = make([]sqlparser.Expr, len(def.Columns))
	i := 0
	for _, se := range sel.SelectExprs.Exprs {
		switch se := se.(type) {
		case *sqlparser.AliasedExpr:
			if i < len(vw.exprs) {
				vw.exprs[i] = se.Expr
			}
			i++
		case *sqlparser.StarExpr:
			for _, c := range s.starColumns(sel, se) {
				if i < len(vw.exprs) {
					vw.exprs[i] = c
				}
				i++
			}
		}
	}
	return vw, nil
}

// viewUpdatability parses a view's query and applies PostgreSQL's rules for an automatically
// updatable view: reason says why it is not one ("" when it is; then table is its one table
// or view, named).
func viewUpdatability(query string) (sel *sqlparser.Select, table *sqlparser.AliasedTableExpr, reason string, err error) {
	ast, err := parseViewQuery(query)
	if err != nil {
		return nil, nil, "", err
	}
	sel, simple := simpleView(ast)
	switch {
	case !simple:
		reason = "Views containing DISTINCT, GROUP BY, HAVING, LIMIT, WITH, aggregates or window functions are not automatically updatable."
	case len(sel.From) != 1 || isDualFrom(sel.From[0]):
		reason = "Views that do not select from a single table or view are not automatically updatable."
	case hasSetReturning(sel.SelectExprs.Exprs):
		reason = "Views that return set-returning functions are not automatically updatable."
	}
	if reason == "" {
		table, _ = sel.From[0].(*sqlparser.AliasedTableExpr)
		if table == nil {
			reason = "Views that do not select from a single table or view are not automatically updatable."
		} else if _, isName := table.Expr.(sqlparser.TableName); !isName {
			reason = "Views that do not select from a single table or view are not automatically updatable."
		}
	}
	return sel, table, reason, nil
}

// baseNotTableOrView reports whether a view's one FROM item names a sequence or a materialized
// view, which PostgreSQL does not write through (only tables and views are).
func (s *Session) baseNotTableOrView(table *sqlparser.AliasedTableExpr) bool {
	tn, ok := table.Expr.(sqlparser.TableName)
	return ok && s.sequenceOrMatview(tn.Name.String())
}

// sequenceOrMatview reports whether name is a sequence or a materialized view, not shadowed
// by a temporary view.
func (s *Session) sequenceOrMatview(name string) bool {
	if _, temp := s.tempViewNamed(name); temp {
		return false
	}
	return s.isSequence(name) || s.isMatview(name)
}

// viewDefNamed is the definition of the (not materialized) view name, temporary or not.
func (s *Session) viewDefNamed(name string) (tablespace.View, bool) {
	if tv, temp := s.tempViewNamed(name); temp && s.tempVisible(name) {
		return tv.def, true
	}
	def, ok, err := s.ts.ViewByNameIn(s.tx, name)
	if err != nil || !ok || def.Materialized {
		return tablespace.View{}, false
	}
	return def, true
}

func relationMissingOr(err error, name string) error {
	if err != nil {
		return err
	}
	return relationMissing(name)
}

func viewNotUpdatable(action, name, detail string) error {
	verb := map[string]string{"INSERT": "insert into", "UPDATE": "update", "DELETE": "delete from"}[action]
	gerund := map[string]string{"INSERT": "inserting into", "UPDATE": "updating", "DELETE": "deleting from"}[action]
	return &Error{Code: "55000", Message: "cannot " + verb + " view \"" + name + "\"", Detail: detail,
		Hint: "To enable " + gerund + " the view, provide an INSTEAD OF " + action + " trigger or an unconditional ON " + action + " DO INSTEAD rule."}
}

func hasSetReturning(exprs []sqlparser.SelectExpr) bool {
	found := false
	for _, se := range exprs {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			switch n := n.(type) {
			case *sqlparser.Subquery:
				return false, nil
			case *sqlparser.FuncExpr:
				if def := funcRegistry[strings.ToLower(n.Name.String())]; def != nil {
					for _, p := range def.procs {
						found = found || p.retset
					}
				}
			}
			return !found, nil
		}, se)
	}
	return found
}

// column is the view column a written name targets: its table column, or 0A000 when it is
// not one, 42703 when the view has no such column.
func (vw *viewWrite) column(name, action string) (*sqlparser.ColName, error) {
	for i, vc := range vw.def.Columns {
		if vc.Name != name {
			continue
		}
		if i >= len(vw.cols) || vw.cols[i] == nil {
			verb := map[string]string{"INSERT": "insert into", "UPDATE": "update"}[action]
			return nil, &Error{Code: "0A000", Message: "cannot " + verb + " column \"" + name + "\" of view \"" + vw.name + "\"",
				Detail: "View columns that are not columns of their base relation are not updatable."}
		}
		return vw.cols[i], nil
	}
	return nil, Errorf("42703", "column %q of relation %q does not exist", name, vw.name)
}

// substitute rewrites an expression of the statement, over the view's columns, into one over
// the view's table.
func (vw *viewWrite) substitute(e sqlparser.Expr) (sqlparser.Expr, error) {
	if e == nil {
		return nil, nil
	}
	names := make([]string, len(vw.def.Columns))
	for i, c := range vw.def.Columns {
		names[i] = c.Name
	}
	var failed error
	out := sqlparser.Rewrite(sqlparser.CloneExpr(e), func(cur *sqlparser.Cursor) bool {
		switch n := cur.Node().(type) {
		case *sqlparser.Subquery:
			failed = unsupported("subqueries in a statement writing through a view")
		case *sqlparser.ColName:
			if q := n.Qualifier.Name.String(); q != "" && q != vw.alias {
				failed = Errorf("42P01", "missing FROM-clause entry for table %q", q)
				break
			}
			i := -1
			for j, name := range names {
				if name == n.Name.String() {
					i = j
				}
			}
			if i < 0 || vw.exprs[i] == nil {
				failed = Errorf("42703", "column %q does not exist", n.Name.String())
				break
			}
			cur.Replace(sqlparser.CloneExpr(vw.exprs[i]))
		}
		return failed == nil
	}, nil)
	if failed != nil {
		return nil, failed
	}
	return out.(sqlparser.Expr), nil
}

// where is the view's WHERE ANDed with the statement's, substituted.
func (vw *viewWrite) where(w *sqlparser.Where) (*sqlparser.Where, error) {
	var conds []sqlparser.Expr
	if vw.sel.Where != nil {
		conds = append(conds, vw.sel.Where.Expr)
	}
	if w != nil {
		e, err := vw.substitute(w.Expr)
		if err != nil {
			return nil, err
		}
		conds = append(conds, e)
	}
	switch len(conds) {
	case 0:
		return nil, nil
	case 1:
		return &sqlparser.Where{Type: sqlparser.WhereClause, Expr: conds[0]}, nil
	}
	// The view write rewrites the statement written through the view into one on its table,
	// still vitess's (executed as DML is).
	return &sqlparser.Where{Type: sqlparser.WhereClause, Expr: &sqlparser.AndExpr{Left: conds[0], Right: conds[1]}}, nil
}

func (vw *viewWrite) insert(ins *sqlparser.Insert) (sqlparser.Statement, error) {
	out := *ins
	out.Table = &sqlparser.AliasedTableExpr{Expr: vw.table.Expr}
	targets := ins.Columns
	if len(targets) == 0 {
		n := len(vw.def.Columns)
		if v, ok := ins.Rows.(sqlparser.Values); ok && len(v) > 0 && len(v[0]) < n {
			n = len(v[0]) // the values fill the first columns; the others take their defaults
		}
		for _, c := range vw.def.Columns[:n] {
			targets = append(targets, sqlparser.NewIdentifierCI(c.Name))
		}
	}
	out.Columns = nil
	for _, t := range targets {
		c, err := vw.column(t.String(), "INSERT")
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, c.Name)
	}
	return &out, nil
}

func (vw *viewWrite) update(up *sqlparser.Update) (sqlparser.Statement, error) {
	out := *up
	out.TableExprs = []sqlparser.TableExpr{vw.table}
	out.Exprs = nil
	for _, ue := range up.Exprs {
		if q := ue.Name.Qualifier.Name.String(); q != "" && q != vw.alias {
			return nil, Errorf("42P01", "missing FROM-clause entry for table %q", q)
		}
		name, err := vw.setTarget(ue)
		if err != nil {
			return nil, err
		}
		e, err := vw.substitute(ue.Expr)
		if err != nil {
			return nil, err
		}
		if _, isDefault := e.(*sqlparser.Default); isDefault {
			// A view column has no default: as in PostgreSQL, SET c = DEFAULT through the view
			// is NULL, not the table's default (which a GENERATED ALWAYS column then refuses).
			e = &sqlparser.NullVal{}
		}
		out.Exprs = append(out.Exprs, &sqlparser.UpdateExpr{Name: &sqlparser.ColName{Name: name}, Expr: e})
	}
	var err error
	out.Where, err = vw.where(up.Where)
	return &out, err
}

func (vw *viewWrite) delete(del *sqlparser.Delete) (sqlparser.Statement, error) {
	out := *del
	out.TableExprs = []sqlparser.TableExpr{vw.table}
	var err error
	out.Where, err = vw.where(del.Where)
	return &out, err
}

// setTarget is the table column a SET item through the view assigns; a multiple-column
// item's marker (update_rowset.go) names each of its columns' table column.
func (vw *viewWrite) setTarget(ue *sqlparser.UpdateExpr) (sqlparser.IdentifierCI, error) {
	cols := rowSetColumns(ue)
	if cols == nil {
		c, err := vw.column(ue.Name.Name.String(), "UPDATE")
		if err != nil {
			return sqlparser.IdentifierCI{}, err
		}
		return c.Name, nil
	}
	name := rowSetMarker
	for _, col := range cols {
		c, err := vw.column(col, "UPDATE")
		if err != nil {
			return sqlparser.IdentifierCI{}, err
		}
		name += "\x00" + c.Name.String()
	}
	return sqlparser.NewIdentifierCI(name), nil
}

// A write through a view is rewritten as vitess DML on its table, so these read the view's
// query in vitess's form (pushIntoView reads the binder's tree: simpleViewTree).

// simpleView returns the view's query when conditions can go into it.
func simpleView(q sqlparser.TableStatement) (*sqlparser.Select, bool) {
	sel, ok := q.(*sqlparser.Select)
	if !ok || sel.Distinct || sel.GroupBy != nil || sel.Having != nil || sel.Limit != nil || sel.With != nil ||
		sel.Lock != sqlparser.NoLock || len(sel.Windows) > 0 {
		return nil, false
	}
	t, err := queryTree(sel)
	if err != nil {
		return nil, false
	}
	if tree := (&selectTree{Select: t}); tree.hasAggregate() || len(windowCalls(tree.outputExprs())) > 0 {
		return nil, false
	}
	return sel, true
}

// viewColumnExprs maps the view's columns to the plain column references of its select
// list; nil where a column is anything else (an expression). A * is read as the columns of
// the view's one table; with several FROM items the columns from the first * on are not
// mapped.
func (s *Session) viewColumnExprs(sel *sqlparser.Select, n int) []*sqlparser.ColName {
	out := make([]*sqlparser.ColName, n)
	i := 0
	for _, se := range sel.SelectExprs.Exprs {
		if i >= n {
			break
		}
		switch se := se.(type) {
		case *sqlparser.AliasedExpr:
			if c, ok := se.Expr.(*sqlparser.ColName); ok {
				out[i] = c
			}
			i++
		case *sqlparser.StarExpr:
			star := s.starColumns(sel, se)
			if star == nil {
				return out[:i:i]
			}
			for _, c := range star {
				if i < n {
					out[i] = c
				}
				i++
			}
		default:
			return out[:i:i]
		}
	}
	return out
}

// starColumns are the columns a * of a one-table FROM reads, qualified by the table's name in
// the query; nil when the FROM is anything else.
func (s *Session) starColumns(sel *sqlparser.Select, star *sqlparser.StarExpr) []*sqlparser.ColName {
	if len(sel.From) != 1 {
		return nil
	}
	ate, ok := sel.From[0].(*sqlparser.AliasedTableExpr)
	if !ok || len(ate.Columns) > 0 { // columns renamed: not the schema's names
		return nil
	}
	tn, ok := ate.Expr.(sqlparser.TableName)
	if !ok || !tn.Qualifier.IsEmpty() {
		return nil
	}
	var names []string
	if schema, ok := s.ts.Schema(tn.Name.String()); ok {
		for _, c := range schema.Columns {
			if !c.Hidden {
				names = append(names, c.Name)
			}
		}
	} else if def, ok := s.viewDefNamed(tn.Name.String()); ok { // a view over a view
		for _, c := range def.Columns {
			names = append(names, c.Name)
		}
	} else {
		return nil
	}
	name := tn.Name.String()
	if !ate.As.IsEmpty() {
		name = ate.As.String()
	}
	if q := star.TableName.Name.String(); q != "" && q != name {
		return nil
	}
	var out []*sqlparser.ColName
	for _, c := range names {
		out = append(out, &sqlparser.ColName{Name: sqlparser.NewIdentifierCI(c), Qualifier: sqlparser.TableName{Name: sqlparser.NewIdentifierCS(name)}})
	}
	return out
}
