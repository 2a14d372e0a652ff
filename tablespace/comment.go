package tablespace

import (
	"context"
	"sort"

	"github.com/drovedb/drove/types"
)

// Comments (COMMENT ON) are stored as views are (view.go): each is a row of a hidden table,
// commentTable, keyed by (relation, kind, sub-object), so a comment is replicated,
// checkpointed, installed from snapshots and backed up as rows are, with no new entry kind
// or manifest field. Kind is the SQL layer's object kind ("table", "column", "index", ...);
// Sub is the column or constraint name ("" for the relation itself). Every comment of a
// relation shares its Rel, so DropComments removes them all with the relation.

const commentTable = "\x00comments"

func newCommentSchema() *types.Schema {
	return &types.Schema{Name: commentTable, Columns: []types.Column{
		{Name: "rel", Type: types.Text, NotNull: true},
		{Name: "kind", Type: types.Text, NotNull: true},
		{Name: "sub", Type: types.Text, NotNull: true},
		{Name: "text", Type: types.Text, NotNull: true},
	}, PK: []int{0, 1, 2}}
}

// Comment is one COMMENT ON: the object (Rel, Kind, Sub) and its text.
type Comment struct {
	Rel, Kind, Sub, Text string
}

func commentRow(c Comment) []types.Value {
	return []types.Value{types.NewText(c.Rel), types.NewText(c.Kind), types.NewText(c.Sub), types.NewText(c.Text)}
}

// SetCommentIn stores c (an empty Text removes the comment, as COMMENT ... IS NULL or ”)
// as a write of tx (nil: a transaction of its own).
func (ts *Tablespace) SetCommentIn(ctx context.Context, tx *Txn, c Comment) error {
	if err := ts.writable(); err != nil {
		return err
	}
	s, err := ts.hiddenSchema(ctx, commentTable, newCommentSchema, c.Text != "")
	if s == nil || err != nil {
		return err
	}
	row := commentRow(c)
	key, err := types.AppendKey(nil, s, row)
	if err != nil {
		return err
	}
	return ts.tableTxn(ctx, tx, commentTable, s, func(tx *Txn) error {
		return putComment(ctx, tx, key, c.Text != "", func() []byte { return types.AppendRow(nil, s, row) })
	})
}

// putComment writes the comment row of key (value's), or deletes it when !set.
func putComment(ctx context.Context, tx *Txn, key []byte, set bool, value func() []byte) error {
	_, exists, err := tx.GetForUpdate(ctx, commentTable, key)
	switch {
	case err != nil:
		return err
	case !set && exists:
		return tx.Delete(ctx, commentTable, key)
	case !set:
		return nil
	case exists:
		return tx.Update(ctx, commentTable, key, value())
	}
	return tx.Insert(ctx, commentTable, key, value())
}

// DropCommentsIn removes every comment of relation rel (the relation's, its columns', its
// constraints', its indexes'), as a write of tx (nil: a transaction of its own): DROP calls
// it.
func (ts *Tablespace) DropCommentsIn(ctx context.Context, tx *Txn, rel string) error {
	return ts.EditCommentsIn(ctx, tx, func(c Comment) (Comment, bool) {
		if c.Rel != rel {
			return c, false
		}
		c.Text = ""
		return c, true
	})
}

// EditCommentsIn passes every comment to edit, which returns it changed (renamed: another
// Rel, Kind or Sub; dropped: Text "") and true, or false to keep it; the changes are writes
// of tx (nil: a transaction of its own). Renames and drops of relations, columns, indexes
// and constraints call it, so a comment follows its object and goes with it.
func (ts *Tablespace) EditCommentsIn(ctx context.Context, tx *Txn, edit func(Comment) (Comment, bool)) error {
	s, ok := ts.Schema(commentTable)
	if !ok {
		return nil
	}
	all, err := ts.CommentsIn(tx)
	if err != nil {
		return err
	}
	type change struct{ old, new Comment }
	var changes []change
	for _, c := range all {
		if n, ok := edit(c); ok {
			changes = append(changes, change{c, n})
		}
	}
	if len(changes) == 0 {
		return nil
	}
	if err := ts.writable(); err != nil {
		return err
	}
	return ts.tableTxn(ctx, tx, commentTable, s, func(tx *Txn) error {
		for _, ch := range changes { // every old row goes first: a rename may take a name another frees
			k, err := types.AppendKey(nil, s, commentRow(ch.old))
			if err == nil {
				err = putComment(ctx, tx, k, false, nil)
			}
			if err != nil {
				return err
			}
		}
		for _, ch := range changes {
			if ch.new.Text == "" {
				continue
			}
			row := commentRow(ch.new)
			k, err := types.AppendKey(nil, s, row)
			if err != nil {
				return err
			}
			if err := putComment(ctx, tx, k, true, func() []byte { return types.AppendRow(nil, s, row) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// CommentsIn lists every comment as tx sees them (nil: as committed), sorted.
func (ts *Tablespace) CommentsIn(in *Txn) ([]Comment, error) {
	s, ok := ts.Schema(commentTable)
	if !ok {
		return nil, nil
	}
	var out []Comment
	row := make([]types.Value, len(s.Columns))
	err := ts.scanHidden(in, commentTable, func(key, value []byte) error {
		if err := types.DecodeRow(s, key, value, row); err != nil {
			return err
		}
		out = append(out, Comment{Rel: row[0].S, Kind: row[1].S, Sub: row[2].S, Text: row[3].S})
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rel != b.Rel {
			return a.Rel < b.Rel
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Sub < b.Sub
	})
	return out, err
}
