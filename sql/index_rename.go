package sql

import (
	"context"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
)

// ALTER INDEX [IF EXISTS] name RENAME TO new renames a secondary index (a UNIQUE
// constraint's with its constraint, as PostgreSQL does); its comment follows it.
type renameIndexStmt struct {
	ifExists bool
	name, to string
}

func isRenameIndexStmt(words []string) bool {
	return len(words) > 3 && words[0] == "alter" && words[1] == "index" && slices.Contains(words, "rename")
}

func parseRenameIndexStmt(text string) (*renameIndexStmt, error) {
	toks, err := lexSetting(text)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 2}
	st := &renameIndexStmt{ifExists: p.accept("if", "exists")}
	if st.name, err = p.name(); err != nil {
		return nil, err
	}
	if !p.accept("rename", "to") {
		return nil, p.syntaxError()
	}
	if st.to, err = p.name(); err != nil {
		return nil, err
	}
	if !p.done() {
		return nil, p.syntaxError()
	}
	return st, nil
}

func (s *Session) execRenameIndex(ctx context.Context, st *renameIndexStmt, out Output) error {
	tn := &ast.Table{Name: st.name} // settingParser's name is schema.name
	if q, rest, ok := strings.Cut(st.name, "."); ok {
		tn = &ast.Table{Schema: q, Name: rest}
	}
	name, err := s.dropNameOf(tn, st.ifExists)
	if err != nil || name == "" {
		return err
	}
	name = s.tempIndexName(name)
	to := st.to
	if s.tempID != "" && strings.HasPrefix(name, s.tempID) {
		to = s.tempID + to // it stays in the session's temporary schema
	}
	table := s.indexTable(name)
	if table == "" {
		if st.ifExists {
			s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
			return out.Complete("ALTER INDEX")
		}
		if kind := s.relKind(name); kind != "" && systemTables[name] == nil {
			return s.renameOtherRelation(ctx, kind, name, st.to, out)
		}
		return relationMissing(name)
	}
	schema, err := s.schemaToChange(ctx, table, "ALTER INDEX")
	if err != nil {
		return err
	}
	next := *schema
	if isPKey(schema, name) {
		return s.renamePrimaryKey(ctx, schema, &next, st.to, "ALTER INDEX", out)
	}
	if s.relationExists(to) {
		return Errorf("42P07", "relation %q already exists", st.to)
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
