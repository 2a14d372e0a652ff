package sql

import (
	"context"
	"errors"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Views and materialized views: every statement on them runs from sql/parser's tree (CREATE
// in view_tree.go, DROP in ddl_tree.go, ALTER in alter_object_tree.go, REFRESH in
// utility_tree.go), through a viewStmt: the view keeps its query as PostgreSQL text (the
// tablespace stores it, tablespace/view.go).

// viewStmt is a view statement to run.
type viewStmt struct {
	verb     string   // "create", "rename", "rename-column" or "refresh"
	names    []string // the view
	replace  bool     // CREATE OR REPLACE
	cols     []string // CREATE VIEW v (cols)
	query    string   // CREATE's query, as PostgreSQL text
	ifExists bool     // ALTER IF EXISTS
	newName  string   // ALTER VIEW ... RENAME TO newName (RENAME COLUMN column TO newName)
	column   string   // ALTER MATERIALIZED VIEW ... RENAME COLUMN column
	check    string   // WITH [LOCAL|CASCADED] CHECK OPTION: "local" or "cascaded"; "" without
	temp     bool     // CREATE TEMP[ORARY] VIEW (view_temp.go)

	materialized bool // CREATE/DROP/REFRESH MATERIALIZED VIEW (matview.go); verb "refresh"
	noData       bool // ... WITH NO DATA
	concurrently bool // REFRESH MATERIALIZED VIEW CONCURRENTLY
	ifNotExists  bool // CREATE MATERIALIZED VIEW IF NOT EXISTS
}

// recursiveViewQuery is CREATE RECURSIVE VIEW's query as PostgreSQL rewrites it: a WITH
// RECURSIVE query named as the view, over the view's columns, selected in full.
func recursiveViewQuery(name string, cols []string, query string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = types.QuoteIdent(c)
	}
	list := strings.Join(q, ", ")
	n := types.QuoteIdent(name)
	return "WITH RECURSIVE " + n + " (" + list + ") AS (" + query + ") SELECT " + list + " FROM " + n
}

func (s *Session) execViewStmt(ctx context.Context, st *viewStmt, out Output) error {
	ctx = tablespace.WithLockTimeout(ctx, s.set.lockTimeout) // outside a transaction block
	if st.materialized {
		switch st.verb {
		case "create":
			return s.createMatview(ctx, st, out)
		case "refresh":
			return s.refreshMatview(ctx, st, out)
		}
		return s.alterMatview(ctx, st, out) // rename, rename-column
	}
	switch st.verb {
	case "create":
		if err := s.createView(ctx, st); err != nil {
			return err
		}
		return out.Complete("CREATE VIEW")
	}
	if err := s.renameView(ctx, st); err != nil {
		return err
	}
	return out.Complete("ALTER VIEW")
}

func (s *Session) createView(ctx context.Context, st *viewStmt) error {
	name := st.names[0]
	if st.temp {
		return s.createViewTemp(st)
	}
	old, exists, err := s.ts.ViewByNameIn(s.tx, name)
	if err != nil {
		return err
	}
	if exists && old.Materialized {
		if st.replace {
			return Errorf("42809", "%q is not a view", name)
		}
		return Errorf("42P07", "relation %q already exists", name)
	}
	if !exists && s.relationExists(name) {
		if st.replace {
			if _, ok := s.ts.Schema(name); ok {
				return Errorf("42809", "%q is not a view", name)
			}
		}
		return Errorf("42P07", "relation %q already exists", name)
	}
	if exists && !st.replace {
		return Errorf("42P07", "relation %q already exists", name)
	}
	def, err := s.defineView(name, st.query, st.cols, false)
	if err != nil {
		return err
	}
	if def.CheckOption = st.check; st.check != "" {
		if _, _, reason, err := viewUpdatability(def.Query); err != nil || reason != "" {
			return checkOptionRefused(reason, err)
		}
	}
	if s.readsTempView(def) { // PostgreSQL makes it temporary (with a NOTICE)
		return s.createTempView(def, st.replace)
	}
	if exists {
		if err := checkViewReplace(old, def); err != nil {
			return err
		}
	}
	err = s.ts.CreateViewIn(ctx, s.tx, def, st.replace)
	if errors.Is(err, tablespace.ErrViewExists) {
		return Errorf("42P07", "relation %q already exists", name)
	}
	return err
}

// checkOptionRefused is PostgreSQL's error for WITH CHECK OPTION on a view that is not
// automatically updatable.
func checkOptionRefused(reason string, err error) error {
	if err != nil {
		return err
	}
	return &Error{Code: "0A000", Message: "WITH CHECK OPTION is supported only on automatically updatable views", Hint: reason}
}

// defineView binds the view's query to learn its columns and the relations it reads.
func (s *Session) defineView(name, query string, names []string, materialized bool) (tablespace.View, error) {
	q, err := viewQueryTree(query)
	if err != nil {
		return tablespace.View{}, err
	}
	ps := &params{sess: s, defining: true}
	saved := s.ctes
	s.ctes = nil
	var p *plan
	if holdsModifyingWith(q) {
		p, err = s.bindModifyingWith(q, ps) // for its errors first, as PostgreSQL analyzes it
	} else {
		p, err = s.bindSelect(q, ps)
	}
	s.ctes = saved
	if err != nil {
		return tablespace.View{}, err
	}
	if holdsModifyingWith(q) {
		if materialized {
			return tablespace.View{}, Errorf("0A000", "materialized views must not use data-modifying statements in WITH")
		}
		return tablespace.View{}, Errorf("0A000", "views must not contain data-modifying statements in WITH")
	}
	if err := viewIntoError(q, materialized); err != nil {
		return tablespace.View{}, err
	}
	if len(ps.types) > 0 {
		return tablespace.View{}, Errorf("42P02", "there is no parameter $1")
	}
	if len(names) > len(p.cols) {
		return tablespace.View{}, Errorf("42601", "CREATE VIEW specifies more column names than columns")
	}
	def := tablespace.View{Name: name, Query: query}
	seen := map[string]bool{}
	for i, c := range p.cols {
		vc := tablespace.ViewColumn{Name: c.Name, Type: c.Type}
		if i < len(names) {
			vc.Name = names[i]
		}
		if seen[vc.Name] {
			return tablespace.View{}, Errorf("42701", "column %q specified more than once", vc.Name)
		}
		seen[vc.Name] = true
		if d, ok := c.Declared(); ok {
			d.Name, d.NotNull, d.Default, d.Hidden = vc.Name, false, "", false
			vc.Decl = &d
		}
		def.Columns = append(def.Columns, vc)
	}
	for _, d := range ps.deps {
		def.Deps = appendUnique(def.Deps, d.table)
		if d.schema != nil {
			if def.Tables == nil {
				def.Tables = map[string][]string{}
			}
			def.Tables[d.table] = visibleColumnNames(d.schema)
		}
	}
	for _, v := range ps.views {
		def.Deps = appendUnique(def.Deps, v.name)
	}
	return def, nil
}

// viewIntoError is PostgreSQL's refusal of an INTO clause in a view's query, after the
// query's analysis: the query's own (a set operation's leftmost SELECT carries it) is 0A000
// for a view; one in a subquery, or any in a materialized view's query, is 42601.
func viewIntoError(q *ast.Select, materialized bool) error {
	own := q
	for own.Left != nil {
		own = own.Left
	}
	var into *ast.Select
	ast.Walk(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok && s.Into != nil && into == nil {
			into = s
		}
		return into == nil
	})
	switch {
	case into == nil:
		return nil
	case into == own && !materialized:
		return Errorf("0A000", "views must not contain SELECT INTO")
	}
	return Errorf("42601", "SELECT ... INTO is not allowed here")
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// parseViewQuery parses a view's query text: one query (SELECT, VALUES, a set operation).
func parseViewQuery(query string) (sqlparser.TableStatement, error) {
	pieces, err := splitAndRewrite(dropCallAll(query))
	if err != nil {
		return nil, err
	}
	if len(pieces) != 1 {
		return nil, Errorf("42601", "syntax error at or near \";\"")
	}
	st, err := parse(pieces[0])
	if err != nil {
		return nil, err
	}
	ts, ok := st.ast.(sqlparser.TableStatement)
	if !ok {
		w := ""
		if len(pieces[0].words) > 0 {
			w = pieces[0].words[0]
		}
		return nil, nearError(w)
	}
	return ts, nil
}

// viewQueryTree parses a view's query text (a view's, a materialized view's, CREATE TABLE
// AS's and SELECT INTO's) with sql/parser: views are bound from the tree, their text parsed
// anew each time.
func viewQueryTree(query string) (*ast.Select, error) {
	q, err := pgparser.ParseSelect(query)
	if err == nil {
		return q, nil
	}
	var pe *pgparser.Error
	if !errors.As(err, &pe) || pe.Code != "0A000" {
		return nil, parserError(err, query)
	}
	// Not in sql/ast yet (a locking strength it cannot hold): the dialect pass reads it.
	old, err := parseViewQuery(query)
	if err != nil {
		return nil, err
	}
	return queryTree(old)
}

// checkViewReplace applies PostgreSQL's rule for CREATE OR REPLACE VIEW: the new query keeps
// the old columns, same names and types, in order, and may add columns at the end.
func checkViewReplace(old, def tablespace.View) error {
	if len(def.Columns) < len(old.Columns) {
		return Errorf("42P16", "cannot drop columns from view")
	}
	for i, oc := range old.Columns {
		nc := def.Columns[i]
		if nc.Name != oc.Name {
			return Errorf("42P16", "cannot change name of view column %q to %q", oc.Name, nc.Name)
		}
		if ot, nt := viewColumnTypeName(oc), viewColumnTypeName(nc); ot != nt {
			return &Error{Code: "42P16", Message: "cannot change data type of view column \"" + oc.Name + "\" from " + ot + " to " + nt}
		}
	}
	return nil
}

// dependents lists the views that read name, directly or through other views, in the order
// PostgreSQL's DETAIL names them: each with the relation it depends on.
func dependents(views []tablespace.View, name string) (out []tablespace.View, on []string) {
	seen := map[string]bool{name: true}
	var walk func(n string)
	walk = func(n string) {
		for _, v := range views {
			if seen[v.Name] {
				continue
			}
			for _, d := range v.Deps {
				if d == n {
					seen[v.Name] = true
					out, on = append(out, v), append(on, n)
					walk(v.Name)
					break
				}
			}
		}
	}
	walk(name)
	return out, on
}

// dropDependents refuses to drop relation name (kind "table", "view" or "materialized view")
// while views read it
// (2BP01), or with cascade drops them first.
func (s *Session) dropDependents(ctx context.Context, kind, name string, cascade bool) error {
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	deps, on := dependents(views, name)
	if len(deps) == 0 {
		return nil
	}
	kindOf := viewKind
	if !cascade {
		lines := make([]string, len(deps))
		for i, v := range deps {
			k := kind
			for _, d := range deps {
				if d.Name == on[i] {
					k = kindOf(d)
				}
			}
			lines[i] = kindOf(v) + " " + v.Name + " depends on " + k + " " + on[i]
		}
		return &Error{Code: "2BP01", Message: "cannot drop " + kind + " " + name + " because other objects depend on it",
			Detail: strings.Join(lines, "\n"), Hint: "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	// Dropping a view is the transaction's; dropping a table (or a materialized view's) takes
	// effect at once, and so do the drops of the views that read it, so that a rollback does
	// not bring back views of a table that stays dropped.
	in := s.tx
	if kind != "view" {
		in = nil
	}
	s.cascadeNotice(deps, kindOf)
	return s.dropViewList(ctx, in, deps)
}

// viewKind names a view's kind as PostgreSQL's dependency messages do.
func viewKind(v tablespace.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

// dropViewList drops views, last first (each after the views that read it), in transaction
// in (nil: at once).
func (s *Session) dropViewList(ctx context.Context, in *tablespace.Txn, views []tablespace.View) error {
	for i := len(views) - 1; i >= 0; i-- {
		var err error
		if views[i].Materialized {
			err = s.dropMatview(ctx, views[i].Name)
		} else {
			err = s.ts.DropViewIn(ctx, in, views[i].Name)
		}
		if err != nil && !errors.Is(err, tablespace.ErrNoView) {
			return err
		}
	}
	return nil
}

// dropViews runs DROP VIEW [IF EXISTS] names [CASCADE].
func (s *Session) dropViews(ctx context.Context, views []*ast.Table, ifExists, cascade bool) error {
	var names []string
	for _, v := range views {
		if err := systemDropError(v, "view"); err != nil {
			return err
		}
		name, err := s.dropNameOf(v, ifExists)
		if err != nil {
			return err
		} else if name == "" {
			continue
		}
		if _, ok := s.tempViewNamed(name); ok {
			if err := s.dropTempView(name, cascade); err != nil {
				return err
			}
			continue
		}
		if v.Schema == "" && !s.publicSearched() { // no schema of the path has it
			if !ifExists {
				return Errorf("42P01", "view %q does not exist", name)
			}
			s.noticef("NOTICE", "00000", "view %q does not exist, skipping", name)
			continue
		}
		if s.isMatview(name) {
			return matviewHint(&Error{Code: "42809", Message: "\"" + name + "\" is not a view"})
		}
		if _, ok, err := s.ts.ViewByNameIn(s.tx, name); err != nil {
			return err
		} else if ok {
			names = append(names, name)
			continue
		} else if _, ok := s.ts.Schema(name); ok {
			return &Error{Code: "42809", Message: "\"" + name + "\" is not a view", Hint: "Use DROP TABLE to remove a table."}
		}
		if !ifExists {
			return Errorf("42P01", "view %q does not exist", name)
		}
		s.noticef("NOTICE", "00000", "view %q does not exist, skipping", name)
	}
	for _, name := range names {
		if err := s.dropDependents(ctx, "view", name, cascade); err != nil {
			return err
		}
		if err := s.ts.DropViewIn(ctx, s.tx, name); err != nil && !errors.Is(err, tablespace.ErrNoView) {
			return err
		}
	}
	return nil
}

func (s *Session) renameView(ctx context.Context, st *viewStmt) error {
	name := st.names[0]
	if _, ok := s.tempViewNamed(name); ok {
		return s.renameTempView(name, st.newName)
	}
	if s.isMatview(name) {
		return Errorf("42809", "%q is not a view", name)
	}
	if _, ok, err := s.ts.ViewByNameIn(s.tx, name); err != nil {
		return err
	} else if !ok {
		if _, ok := s.ts.Schema(name); ok {
			return Errorf("42809", "%q is not a view", name)
		}
		if st.ifExists {
			s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
			return nil
		}
		return relationMissing(name)
	}
	if s.relationExists(st.newName) {
		return Errorf("42P07", "relation %q already exists", st.newName)
	}
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	if deps, _ := dependents(views, name); len(deps) > 0 {
		// The views store their query as text: renaming what they read would break them.
		return unsupported("renaming a view other views depend on")
	}
	err = s.ts.RenameViewIn(ctx, s.tx, name, st.newName)
	if errors.Is(err, tablespace.ErrViewExists) {
		return Errorf("42P07", "relation %q already exists", st.newName)
	}
	return err
}

// notATable is DROP TABLE of a view.
func notATable(name string) error {
	return &Error{Code: "42809", Message: "\"" + name + "\" is not a table", Hint: "Use DROP VIEW to remove a view."}
}
