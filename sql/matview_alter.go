package sql

import (
	"context"
	"errors"
	"slices"

	"github.com/drovedb/drove/tablespace"
)

// ALTER MATERIALIZED VIEW [IF EXISTS] name RENAME TO new and ... RENAME [COLUMN] a TO b. The
// view's table is renamed (ALTER TABLE's path), then its row (the name, or the column's name
// in its definition). Like CREATE and DROP, these are two steps: a crash between them leaves
// the table and the row under different names. In a transaction block they are refused
// (0A000), since the table's rename would not roll back; so is renaming a materialized view
// other views read (they keep their query as text: view_alter.go).

// alterMatview runs ALTER MATERIALIZED VIEW ... RENAME TO or RENAME COLUMN (from the tree,
// alter_object_tree.go).
func (s *Session) alterMatview(ctx context.Context, st *viewStmt, out Output) error {
	name := st.names[0]
	def, ok := s.matview(name)
	switch {
	case !ok && s.relationExists(name):
		return notMatview("42809", name)
	case !ok && st.ifExists:
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
		return out.Complete("ALTER MATERIALIZED VIEW")
	case !ok:
		return relationMissing(name)
	case s.tx != nil:
		return unsupported("ALTER MATERIALIZED VIEW in a transaction block")
	}
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	if deps, _ := dependents(views, name); len(deps) > 0 {
		return unsupported("renaming a materialized view other views depend on (view %s reads %s)", deps[0].Name, name)
	}
	schema, ok := s.ts.Schema(name)
	if !ok {
		return relationMissing(name)
	}
	next := *schema
	next.Columns = slices.Clone(schema.Columns)
	sources := make([]int, len(next.Columns))
	for i := range sources {
		sources[i] = i
	}
	if st.verb == "rename" {
		if s.relationExists(st.newName) {
			return Errorf("42P07", "relation %q already exists", st.newName)
		}
		next.Name = st.newName
	} else {
		i := slices.IndexFunc(def.Columns, func(c tablespace.ViewColumn) bool { return c.Name == st.column })
		switch {
		case i < 0:
			return Errorf("42703", "column %q does not exist", st.column)
		case st.newName == RowIDColumn || slices.ContainsFunc(def.Columns, func(c tablespace.ViewColumn) bool { return c.Name == st.newName }):
			return Errorf("42701", "column %q of relation %q already exists", st.newName, name)
		}
		next.Columns[i].Name = st.newName
		def.Columns = slices.Clone(def.Columns)
		def.Columns[i].Name = st.newName
		if def.Columns[i].Decl != nil {
			d := *def.Columns[i].Decl
			d.Name = st.newName
			def.Columns[i].Decl = &d
		}
	}
	err = s.ts.AlterTable(ctx, name, &next, sources)
	if errors.Is(err, tablespace.ErrTableExists) {
		return Errorf("42P07", "relation %q already exists", st.newName)
	}
	if err != nil {
		return err
	}
	if st.verb == "rename" {
		err = s.ts.RenameView(ctx, name, st.newName)
	} else {
		err = s.ts.CreateViewIn(ctx, nil, def, true)
	}
	if err != nil {
		return err
	}
	return out.Complete("ALTER MATERIALIZED VIEW")
}
