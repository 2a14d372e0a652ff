package sql

import (
	"context"

	"github.com/drovedb/drove/sql/ast"
)

// ALTER VIEW, ALTER MATERIALIZED VIEW, ALTER INDEX and ALTER SEQUENCE's OWNER TO run from
// sql/parser's tree (ast.AlterTable, its Kind the object's): OWNER TO of any relation kind
// (owner.go), a view's RENAME TO (view_alter.go), a materialized view's RENAME TO and RENAME
// COLUMN (matview_alter.go), an index's RENAME TO (index_rename.go). Their other actions,
// which PostgreSQL has, are 0A000.

// execAlterObject runs ALTER TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE's actions
// (ALTER SEQUENCE's options are an ast.AlterSequence, sequence_tree.go).
func (s *Session) execAlterObject(ctx context.Context, n *ast.AlterTable, out Output) error {
	if n.Kind == ast.ObjTable {
		return s.execAlterTableTree(ctx, n, out) // alter_tree.go
	}
	c := &n.Cmds[0]
	if len(n.Cmds) == 1 && c.Kind == ast.AlterOwner {
		return s.execOwnerStmt(ctx, ownerOfTree(n), out)
	}
	rename := len(n.Cmds) == 1 && c.Kind == ast.AlterRename
	switch n.Kind {
	case ast.ObjSequence:
		return alterSequenceAction(n)
	case ast.ObjIndex:
		if !rename {
			return unsupported("ALTER INDEX other than RENAME TO and OWNER TO")
		}
		return s.execRenameIndex(ctx, n.Table, n.IfExists, c.NewName, out)
	case ast.ObjView:
		if !rename {
			return unsupported("ALTER VIEW other than RENAME TO and OWNER TO")
		}
	case ast.ObjMatView:
		if !rename && !(len(n.Cmds) == 1 && c.Kind == ast.AlterRenameColumn) {
			return unsupported("ALTER MATERIALIZED VIEW other than RENAME and OWNER TO")
		}
	}
	name, err := viewNameOf(n.Table)
	if err != nil {
		return err
	}
	st := &viewStmt{verb: "rename", names: []string{name}, ifExists: n.IfExists, newName: c.NewName}
	if n.Kind == ast.ObjView {
		if err := s.renameView(ctx, st); err != nil {
			return err
		}
		return out.Complete("ALTER VIEW")
	}
	if c.Kind == ast.AlterRenameColumn {
		st.verb, st.column = "rename-column", c.Name
	}
	return s.alterMatview(ctx, st, out)
}

// viewNameOf is the name of a view or materialized view an ALTER or REFRESH names: public.v
// is v; another schema is refused.
func viewNameOf(t *ast.Table) (string, error) {
	if t.Schema != "" && t.Schema != "public" {
		return "", Errorf("0A000", "cross-schema reference %s.%s is not supported", t.Schema, t.Name)
	}
	return t.Name, nil
}
