package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
)

// systemCatalogViews are the system relations drove serves that PostgreSQL defines as views
// (relkind 'v'); every other pg_catalog or information_schema relation drove serves is one
// of PostgreSQL's system tables.
var systemCatalogViews = map[string]bool{
	"pg_catalog.pg_cursors": true, "pg_catalog.pg_indexes": true, "pg_catalog.pg_matviews": true,
	"pg_catalog.pg_prepared_statements": true, "pg_catalog.pg_roles": true,
	"pg_catalog.pg_sequences": true, "pg_catalog.pg_tables": true, "pg_catalog.pg_user": true,
	"pg_catalog.pg_views":        true,
	"information_schema.columns": true, "information_schema.key_column_usage": true,
	"information_schema.referential_constraints": true, "information_schema.sequences": true,
	"information_schema.table_constraints": true, "information_schema.tables": true,
	"information_schema.views": true,
}

// systemDropError is PostgreSQL's refusal of DROP kind (table, view, index, sequence or
// materialized view) of a system relation (pg_catalog.x or information_schema.x, or an
// unqualified pg_x, which pg_catalog holds first on every search path): of the wrong kind it
// is 42809 with a hint naming the right DROP, of its own kind 42501 (PostgreSQL's for a
// system table; its superuser could drop one of its system views, which drove builds in). nil
// for any other name.
func systemDropError(t *ast.Table, kind string) error {
	key := t.Schema + "." + t.Name
	switch {
	case t.Schema == "" && strings.HasPrefix(t.Name, "pg_"):
		key = "pg_catalog." + t.Name
	case t.Schema != "pg_catalog" && t.Schema != "information_schema":
		return nil
	}
	if systemTables[key] == nil {
		return nil
	}
	bare := t.Name
	own, hint := "table", "Use DROP TABLE to remove a table."
	if systemCatalogViews[key] {
		own, hint = "view", "Use DROP VIEW to remove a view."
	}
	if kind == own {
		return Errorf("42501", "permission denied: %q is a system catalog", bare)
	}
	article := "a "
	if kind == "index" {
		article = "an "
	}
	return &Error{Code: "42809", Message: "\"" + bare + "\" is not " + article + kind, Hint: hint}
}
