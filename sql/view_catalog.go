package sql

import (
	"strings"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
	"vitess.io/vitess/go/vt/sqlparser"
)

// Views in the catalogs: pg_class rows of relkind 'v' (psql's \dv), their columns in
// pg_attribute and information_schema.columns (psql's \d v), pg_views,
// information_schema.views and .tables (table_type VIEW), and pg_get_viewdef. A view's oid is
// a table's (objectOID("table", name)): views and tables share one namespace, as relations.

// views lists the tablespace's views for a catalog (materialized ones are their tables
// there); an error reads as none.
func (s *Session) views() []tablespace.View {
	all := s.allViews()
	views := all[:0:0]
	for _, v := range all {
		if !v.Materialized {
			views = append(views, v)
		}
	}
	return views
}

// allViews lists the views and materialized views; an error reads as none.
func (s *Session) allViews() []tablespace.View {
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		s.ts.Logger().Warn("could not list views", "err", err)
	}
	return views
}

// matviewNames is the set of materialized views, for the catalogs that list tables.
func (s *Session) matviewNames() map[string]tablespace.View {
	var out map[string]tablespace.View
	for _, v := range s.allViews() {
		if v.Materialized {
			if out == nil {
				out = make(map[string]tablespace.View)
			}
			out[v.Name] = v
		}
	}
	return out
}

// viewSchema is a view's columns as a table schema, for the catalogs that list columns.
func viewSchema(v tablespace.View) *types.Schema {
	sc := &types.Schema{Name: v.Name}
	for _, vc := range v.Columns {
		c := types.Column{Name: vc.Name, Type: vc.Type}
		if vc.Decl != nil {
			c = *vc.Decl
		}
		sc.Columns = append(sc.Columns, c)
	}
	return sc
}

func (s *Session) viewSchemas() []*types.Schema {
	var out []*types.Schema
	for _, v := range s.views() {
		out = append(out, viewSchema(v))
	}
	return out
}

func (s *Session) viewClassRows(rel func(oid int64, name string, am int64, kind string, tuples, natts int) []types.Value) [][]types.Value {
	var rows [][]types.Value
	for _, v := range s.views() {
		// PostgreSQL's views have reltuples 0 and no access method.
		r := rel(objectOID("table", v.Name), v.Name, 0, "v", 0, len(v.Columns))
		if v.CheckOption != "" {
			r[23] = types.NewArray(types.TextArray, []types.Value{text("check_option=" + v.CheckOption)}) // reloptions
		}
		rows = append(rows, r)
	}
	return rows
}

// viewTableRows are information_schema.tables' rows for the views.
func (s *Session) viewTableRows() (rows [][]types.Value) {
	for _, v := range s.views() {
		rows = append(rows, []types.Value{text(s.set.database), text("public"), text(v.Name), text("VIEW"),
			text(yesNo(s.viewUpdatable(v.Name))), text("NO")})
	}
	return rows
}

// checkOptionName is information_schema.views.check_option: NONE, LOCAL or CASCADED.
func checkOptionName(v tablespace.View) string {
	if v.CheckOption == "" {
		return "NONE"
	}
	return strings.ToUpper(v.CheckOption)
}

// viewUpdatable reports whether a view is automatically updatable (view_write.go) for
// information_schema's is_updatable and is_insertable_into: as PostgreSQL's
// relation_is_updatable, a view with no column of its base relation takes no INSERT or UPDATE,
// and a view over a view is updatable only when that view is.
func (s *Session) viewUpdatable(name string) bool {
	seen := map[string]bool{} // a view replaced into a cycle
	for !seen[name] {
		seen[name] = true
		vw, err := s.updatableView(name, "UPDATE")
		if err != nil {
			return false
		}
		hasCol := false
		for _, c := range vw.cols {
			hasCol = hasCol || c != nil
		}
		tn, _ := vw.table.Expr.(sqlparser.TableName)
		if !hasCol || !s.isView(tn.Name.String()) {
			return hasCol
		}
		name = tn.Name.String()
	}
	return false
}

// viewDefinition is pg_get_viewdef's text: the query as written, after a space and ended by
// a semicolon as PostgreSQL's is (PostgreSQL prints its own deparsed form of the query).
func viewDefinition(v tablespace.View) string { return " " + v.Query + ";" }

func init() {
	systemTables["pg_catalog.pg_views"] = &systemTable{
		schema: sysSchema("pg_views", textCol("schemaname"), textCol("viewname"), textCol("viewowner"), textCol("definition")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, v := range s.views() {
				rows = append(rows, []types.Value{text("public"), text(v.Name), text(s.ownerName()), text(viewDefinition(v))})
			}
			return rows
		},
	}
	systemTables["pg_catalog.pg_matviews"] = &systemTable{
		schema: sysSchema("pg_matviews", textCol("schemaname"), textCol("matviewname"), textCol("matviewowner"),
			textCol("tablespace"), boolCol("hasindexes"), boolCol("ispopulated"), textCol("definition")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, v := range s.allViews() {
				if !v.Materialized {
					continue
				}
				indexed := false
				if t, ok := s.ts.Schema(v.Name); ok {
					indexed = len(catalogIndexes(t)) > 0
				}
				rows = append(rows, []types.Value{text("public"), text(v.Name), text(s.ownerName()), nullOf(types.Text),
					boolVal(indexed), boolVal(v.Populated), text(viewDefinition(v))})
			}
			return rows
		},
	}
	systemTables["information_schema.views"] = &systemTable{
		schema: sysSchema("views", textCol("table_catalog"), textCol("table_schema"), textCol("table_name"),
			textCol("view_definition"), textCol("check_option"), textCol("is_updatable"), textCol("is_insertable_into"),
			textCol("is_trigger_updatable"), textCol("is_trigger_deletable"), textCol("is_trigger_insertable_into")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, v := range s.views() {
				updatable := text(yesNo(s.viewUpdatable(v.Name)))
				rows = append(rows, []types.Value{text(s.set.database), text("public"), text(v.Name),
					text(viewDefinition(v)), text(checkOptionName(v)), updatable, updatable, text("NO"), text("NO"), text("NO")})
			}
			return rows
		},
	}
	register([]builtin{
		{name: "pg_get_viewdef", vol: 's', strict: true, session: true, procs: []string{"1640: text -> text",
			"1641: oid -> text", "2505: text, bool -> text", "2506: oid, bool -> text", "3159: oid, int4 -> text"},
			build: buildGetViewdef},
	})
}

// buildGetViewdef is pg_get_viewdef(view [, pretty | wrap column]): by oid, NULL for an oid
// that is no view, as PostgreSQL; by name, 42P01 for a missing relation.
func buildGetViewdef(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
	byName := args[0].typ == types.Text
	// Not folded: a cached statement must see the view as it is when it runs.
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		null := types.Value{T: types.Text, Null: true}
		vals := make([]types.Value, len(args))
		if isNull, err := evalStrict(row, args, vals); err != nil || isNull {
			return null, err
		}
		if byName {
			oid, err := s.relationOID(vals[0].S)
			if err != nil {
				return null, err
			}
			vals[0] = oidVal(oid)
		}
		for _, v := range s.allViews() {
			if objectOID("table", v.Name) == vals[0].I {
				return types.NewText(viewDefinition(v)), nil
			}
		}
		return null, nil
	}}, nil
}
