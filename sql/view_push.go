package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

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

// simpleView returns the view's query when conditions can go into it.
func simpleView(ast sqlparser.TableStatement) (*sqlparser.Select, bool) {
	sel, ok := ast.(*sqlparser.Select)
	if !ok || sel.Distinct || sel.GroupBy != nil || sel.Having != nil || sel.Limit != nil || sel.With != nil ||
		sel.Lock != sqlparser.NoLock || len(sel.Windows) > 0 {
		return nil, false
	}
	if tree, err := selectClauses(sel); err != nil || tree.hasAggregate() || len(windowCalls(tree.outputExprs())) > 0 {
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
	schema, ok := s.ts.Schema(tn.Name.String())
	if !ok {
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
	for _, c := range schema.Columns {
		if !c.Hidden {
			out = append(out, &sqlparser.ColName{Name: sqlparser.NewIdentifierCI(c.Name), Qualifier: sqlparser.TableName{Name: sqlparser.NewIdentifierCS(name)}})
		}
	}
	return out
}

// pushIntoView binds the view again with the conditions that can go into it; rest are the
// others, to filter its rows as before. ok is false when none could.
func (s *Session) pushIntoView(f *fromItem, ps *params) (n node, rest []sqlparser.Expr, ok bool, err error) {
	ast, err := parseViewQuery(f.view.def.Query)
	if err != nil {
		return nil, nil, false, err
	}
	sel, simple := simpleView(ast)
	if !simple {
		return nil, nil, false, nil
	}
	cols := s.viewColumnExprs(sel, len(f.view.def.Columns))
	var moved []sqlparser.Expr
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
	if sel.Where != nil {
		moved = append([]sqlparser.Expr{sel.Where.Expr}, moved...)
	}
	sel.Where = &sqlparser.Where{Type: sqlparser.WhereClause, Expr: andAll(moved)}
	// The tables and views were recorded by the first binding of the view.
	deps, views, sizes := len(ps.deps), len(ps.views), len(ps.sizes)
	n, _, err = s.bindViewQuery(f.view.def, sel, ps)
	ps.deps, ps.views, ps.sizes = ps.deps[:deps], ps.views[:views], ps.sizes[:sizes]
	if err != nil {
		return nil, nil, false, err
	}
	if _, present := f.sub.(*presenceNode); present {
		n = &presenceNode{in: n} // the view's whole-row value is read (presence.go)
	}
	return n, rest, true, nil
}

// substituteViewColumns rewrites a condition on the view's columns into one on its query's
// FROM clause; ok is false when it reads anything else.
func substituteViewColumns(c sqlparser.Expr, v *viewPush, cols []*sqlparser.ColName) (sqlparser.Expr, bool) {
	ok := true
	out := sqlparser.Rewrite(sqlparser.CloneExpr(c), func(cur *sqlparser.Cursor) bool {
		switch n := cur.Node().(type) {
		case *sqlparser.Subquery:
			ok = false
		case *sqlparser.ColName:
			if q := n.Qualifier.Name.String(); q != "" && (q != v.alias || !n.Qualifier.Qualifier.IsEmpty()) {
				ok = false
				break
			}
			i := -1
			for j, name := range v.names {
				if name == n.Name.String() {
					i = j
				}
			}
			if i < 0 || i >= len(cols) || cols[i] == nil {
				ok = false
				break
			}
			cur.Replace(sqlparser.CloneRefOfColName(cols[i]))
		}
		return ok
	}, nil)
	if !ok {
		return nil, false
	}
	return out.(sqlparser.Expr), true
}
