package sql

import (
	"context"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
)

// ALTER INDEX [IF EXISTS] name RENAME TO new renames a secondary index (a UNIQUE
// constraint's with its constraint, as PostgreSQL does); its comment follows it. It runs
// from sql/parser's tree (alter_object_tree.go).

// execRenameIndex renames index tn to newName.
func (s *Session) execRenameIndex(ctx context.Context, tn *ast.Table, ifExists bool, newName string, out Output) error {
	name, err := s.dropNameOf(tn, ifExists)
	if err != nil || name == "" {
		return err
	}
	name = s.tempIndexName(name)
	to := newName
	if s.tempID != "" && strings.HasPrefix(name, s.tempID) {
		to = s.tempID + to // it stays in the session's temporary schema
	}
	table := s.indexTable(name)
	if table == "" {
		if ifExists {
			s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
			return out.Complete("ALTER INDEX")
		}
		if kind := s.relKind(name); kind != "" && systemTables[name] == nil {
			return s.renameOtherRelation(ctx, kind, name, newName, out)
		}
		return relationMissing(name)
	}
	schema, err := s.schemaToChange(ctx, table, "ALTER INDEX")
	if err != nil {
		return err
	}
	next := *schema
	if isPKey(schema, name) {
		return s.renamePrimaryKey(ctx, schema, &next, newName, "ALTER INDEX", out)
	}
	if s.relationExists(to) {
		return Errorf("42P07", "relation %q already exists", newName)
	}
	next.Indexes = slices.Clone(schema.Indexes)
	for i := range next.Indexes {
		if next.Indexes[i].Name == name {
			next.Indexes[i].Name = to
		}
	}
	next.Constraints = slices.Clone(schema.Constraints)
	for i := range next.Constraints {
		if c := &next.Constraints[i]; c.Index == name {
			c.Index, c.Name = to, to
		}
	}
	sources := identitySources(schema)
	if err := s.ts.AlterTable(ctx, table, &next, sources); err != nil {
		return err
	}
	if err := s.followComments(ctx, schema, &next, sources); err != nil {
		return err
	}
	return out.Complete("ALTER INDEX")
}

// renameOtherRelation is ALTER INDEX ... RENAME of a relation that is not an index, which
// PostgreSQL renames as ALTER TABLE (VIEW, SEQUENCE) would: that statement is run.
func (s *Session) renameOtherRelation(ctx context.Context, kind, name, to string, out Output) error {
	q := "ALTER " + strings.ToUpper(kind) + " " + quoteIdent(name) + " RENAME TO " + quoteIdent(to)
	st, err := s.prepare(q, nil)
	if err != nil {
		return err
	}
	if err := s.run(ctx, st, nil, discardComplete{out}, false); err != nil {
		return err
	}
	return out.Complete("ALTER INDEX")
}
