package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// A view in FROM is bound as a derived table of its query, parsed again from the stored
// PostgreSQL text, so it is planned with the rest of the statement (conditions on it are
// placed as into any derived table). The plan records each view's stored definition
// (viewDep) and binds again once one changed, as it does for a table's schema.

// viewDep is a view a plan was bound through, with the definition it was bound against.
type viewDep struct {
	name    string
	version string // tablespace.Tablespace.ViewVersion
}

// viewsFresh reports whether every view a plan read still has the definition it was bound to.
func (s *Session) viewsFresh(deps []viewDep) bool {
	for _, d := range deps {
		if strings.HasPrefix(d.version, "temp:") {
			continue // a temporary view: the plan's tempEpoch decides
		}
		if s.ts.ViewVersionIn(s.tx, d.name) != d.version {
			return false
		}
	}
	return true
}

// isView reports whether name is a view of the session's tablespace (not a materialized
// one, which is read and described as its table: matview.go).
func (s *Session) isView(name string) bool {
	if _, ok := s.tempViewNamed(name); ok {
		return true
	}
	return s.ts.ViewVersionIn(s.tx, name) != "" && !s.isMatview(name)
}

// namedQueryItem binds te when it names a WITH query or, failing that, a view: ok is false
// when it names neither. outer and lvl are the referencing query's enclosing scope and level.
func (s *Session) namedQueryItem(t *ast.Table, ps *params, outer *scope, lvl *level) (*fromItem, bool, error) {
	if t.Schema == "" {
		if def, ok := s.lookupCTE(t.Name); ok {
			if def.noReturning {
				return nil, true, Errorf("0A000", "WITH query %q does not have a RETURNING clause", def.name)
			}
			n, cols, err := s.bindCTERef(def, ps, outer, lvl)
			if err != nil {
				return nil, true, err
			}
			alias, names := def.name, def.cols
			if sh := def.share; sh != nil && def.work == nil {
				sh.refs++
				if sh.src == nil {
					sh.src = n
				}
				n = &cteRefNode{share: sh, own: n, alias: cteRefAlias(t, def.name)}
			}
			if a := t.Alias; a != nil {
				alias = a.Name
				if len(a.Columns) > 0 { // the first columns renamed, the others keep the WITH's names
					names = append(slices.Clone(a.Columns), names[min(len(a.Columns), len(names)):]...)
				}
			}
			item, err := derivedItem(n, cols, alias, names)
			return item, true, err
		}
	}
	return s.viewItem(t, ps)
}

// viewItem binds te when it names a view: ok is false when it does not.
func (s *Session) viewItem(t *ast.Table, ps *params) (item *fromItem, ok bool, err error) {
	q := t.Schema
	if q != "" && q != "public" && q != "pg_temp" {
		return nil, false, nil
	}
	name := t.Name
	if tv, ok := s.tempViewNamed(name); ok && q != "public" && s.tempVisible(name) {
		return s.bindViewItem(t, ps, tv.def, tv.version)
	} else if _, temp := s.tempTableName(name); q == "pg_temp" && !temp {
		return nil, true, relationMissing("pg_temp." + name)
	}
	if _, temp := s.tempFound(name); q == "" && (temp || !s.publicSearched()) {
		return nil, false, nil // the temporary table hides public's view, or the path has no public: bound as a table
	}
	version := s.ts.ViewVersionIn(s.tx, name)
	if version == "" {
		if s.droppedMatview(name) || s.unbornMatview(name) {
			return nil, true, relationMissing(name)
		}
		return nil, false, nil
	}
	def, found, err := s.ts.ViewByNameIn(s.tx, name)
	if err != nil || !found {
		return nil, true, err
	}
	if def.Materialized { // read as its table, once populated; REFRESH changes version
		if !def.Populated && !ps.defining {
			return nil, true, &Error{Code: "55000", Message: "materialized view \"" + name + "\" has not been populated",
				Hint: "Use the REFRESH MATERIALIZED VIEW command."}
		}
		ps.views = append(ps.views, viewDep{name, version})
		return nil, false, nil
	}
	return s.bindViewItem(t, ps, def, version)
}

// bindViewItem binds the view def (at version) named in te.
func (s *Session) bindViewItem(t *ast.Table, ps *params, def tablespace.View, version string) (item *fromItem, ok bool, err error) {
	name := def.Name
	if slices.Contains(s.viewStack, name) {
		return nil, true, Errorf("42P17", "infinite recursion detected in rules for relation %q", name)
	}
	q, err := viewQueryTree(def.Query)
	if err != nil {
		return nil, true, err
	}
	ps.views = append(ps.views, viewDep{name, version})
	n, cols, err := s.bindViewQuery(def, q, ps)
	if err != nil {
		return nil, true, err
	}
	alias, given := name, []string(nil)
	if t.Alias != nil {
		alias, given = t.Alias.Name, t.Alias.Columns
	}
	names := make([]string, len(def.Columns))
	for i, c := range def.Columns {
		names[i] = c.Name
	}
	if len(given) > 0 {
		if len(given) > len(names) {
			return nil, true, Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, len(names), len(given))
		}
		copy(names, given)
	}
	item, err = derivedItem(n, cols, alias, names)
	if item != nil {
		item.view = &viewPush{def: def, alias: alias, names: names}
	}
	return item, true, err
}

// bindViewQuery binds a view's query: it sees only its own WITH queries and nothing of the
// statement around it.
func (s *Session) bindViewQuery(def tablespace.View, q *ast.Select, ps *params) (node, []Column, error) {
	savedCTEs := s.ctes
	s.ctes, s.viewStack, s.viewReads = nil, append(s.viewStack, def.Name), append(s.viewReads, def.Deps)
	s.viewTables = append(s.viewTables, def.Tables)
	n, cols, err := s.bindQuery(q, ps, nil)
	s.ctes, s.viewStack, s.viewReads = savedCTEs, s.viewStack[:len(s.viewStack)-1], s.viewReads[:len(s.viewReads)-1]
	s.viewTables = s.viewTables[:len(s.viewTables)-1]
	if err != nil {
		return nil, nil, err
	}
	return viewColumns(def, n, cols)
}

// hideNewColumns hides from bt, a table bound inside a view's query, the columns added to it
// since the view was made (tablespace.View.Tables): no name, `*` or NATURAL join of the query
// sees them, as in PostgreSQL, where a later ADD COLUMN leaves a view's query as it was
// (a `SELECT *` of a join would otherwise read the new column in an old one's place). A
// whole-row reference still reads them, as PostgreSQL's row type of the table does.
func (s *Session) hideNewColumns(bt *boundTable) {
	if len(s.viewTables) == 0 || bt.system != nil {
		return
	}
	had, ok := s.viewTables[len(s.viewTables)-1][bt.name]
	if !ok {
		return
	}
	for i, c := range bt.scope.cols {
		if !c.rowID && !slices.Contains(had, c.name) {
			bt.scope.cols[i].unseen = true
		}
	}
}

// visibleColumnNames are a table's columns a query can name (its hidden row id is not one).
func visibleColumnNames(schema *types.Schema) []string {
	var names []string
	for _, c := range schema.Columns {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names
}

// viewColumns keeps the columns the view was created with: its query's `*` was expanded
// then, as PostgreSQL does, so a column added to a table since is not the view's. A table
// changed under the view so that its columns no longer match is an error.
func viewColumns(def tablespace.View, n node, cols []Column) (node, []Column, error) {
	if len(cols) < len(def.Columns) {
		return nil, nil, Errorf("0A000", "view %q no longer matches the tables it reads: it has %d columns, its query %d", def.Name, len(def.Columns), len(cols))
	}
	for i, vc := range def.Columns {
		if cols[i].Type != vc.Type {
			return nil, nil, Errorf("0A000", "view %q no longer matches the tables it reads: column %q is %s, was %s",
				def.Name, vc.Name, cols[i].Type, vc.Type)
		}
	}
	if len(cols) == len(def.Columns) {
		return n, cols, nil
	}
	cols = cols[:len(def.Columns)]
	exprs := make([]*expr, len(cols))
	for i, c := range cols {
		exprs[i] = &expr{typ: c.Type, eval: func(row []types.Value) (types.Value, error) { return row[i], nil }}
	}
	return &projectNode{in: n, exprs: exprs}, cols, nil
}

// viewColumnTypeName is a view column's type as PostgreSQL's messages and format_type name it.
func viewColumnTypeName(vc tablespace.ViewColumn) string {
	c := types.Column{Type: vc.Type}
	if vc.Decl != nil {
		c = *vc.Decl
	}
	return formatType(int64(columnTypeOID(c)), int64(c.Typmod()))
}

// cteRefAlias is the name a reference to a WITH query goes by: its alias, else the query's.
func cteRefAlias(t *ast.Table, name string) string {
	if t.Alias != nil {
		return t.Alias.Name
	}
	return name
}
