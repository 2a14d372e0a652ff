package tablespace

import (
	"context"
	"errors"
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

// SetCommentIn stores c (an empty Text removes the comment, as COMMENT ... IS NULL or ”)
// as a write of tx (nil: a transaction of its own).
func (ts *Tablespace) SetCommentIn(ctx context.Context, tx *Txn, c Comment) error {
	if err := ts.writable(); err != nil {
		return err
	}
	s, ok := ts.Schema(commentTable)
	if !ok {
		if c.Text == "" {
			return nil
		}
		if err := ts.CreateTable(ctx, newCommentSchema()); err != nil && !errors.Is(err, ErrTableExists) {
			return err
		}
		s, _ = ts.Schema(commentTable)
	}
	row := []types.Value{types.NewText(c.Rel), types.NewText(c.Kind), types.NewText(c.Sub), types.NewText(c.Text)}
	key, err := types.AppendKey(nil, s, row)
	if err != nil {
		return err
	}
	return ts.tableTxn(ctx, tx, commentTable, s, func(tx *Txn) error {
		_, exists, err := tx.GetForUpdate(ctx, commentTable, key)
		switch {
		case err != nil:
			return err
		case c.Text == "" && exists:
			return tx.Delete(ctx, commentTable, key)
		case c.Text == "":
			return nil
		case exists:
			return tx.Update(ctx, commentTable, key, types.AppendRow(nil, s, row))
		}
		return tx.Insert(ctx, commentTable, key, types.AppendRow(nil, s, row))
	})
}

// DropCommentsIn removes every comment of relation rel (the relation's, its columns', its
// constraints'), as a write of tx (nil: a transaction of its own): DROP calls it.
func (ts *Tablespace) DropCommentsIn(ctx context.Context, tx *Txn, rel string) error {
	s, ok := ts.Schema(commentTable)
	if !ok {
		return nil
	}
	all, err := ts.CommentsIn(tx)
	if err != nil {
		return err
	}
	var keys [][]byte
	for _, c := range all {
		if c.Rel == rel {
			k, err := types.AppendKey(nil, s, []types.Value{types.NewText(c.Rel), types.NewText(c.Kind), types.NewText(c.Sub), types.NewText("")})
			if err != nil {
				return err
			}
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	if err := ts.writable(); err != nil {
		return err
	}
	return ts.tableTxn(ctx, tx, commentTable, s, func(tx *Txn) error {
		for _, k := range keys {
			if err := tx.Delete(ctx, commentTable, k); err != nil && !errors.Is(err, ErrNoRow) {
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
	tx := ts.Begin()
	defer tx.Rollback()
	var mine map[string]int
	if in != nil && in.entered(commentTable) >= 0 {
		mine = in.own(commentTable)
	}
	var out []Comment
	row := make([]types.Value, len(s.Columns))
	add := func(key, value []byte) error {
		if err := types.DecodeRow(s, key, value, row); err != nil {
			return err
		}
		out = append(out, Comment{Rel: row[0].S, Kind: row[1].S, Sub: row[2].S, Text: row[3].S})
		return nil
	}
	err := tx.Scan(commentTable, func(key, value []byte) error {
		if _, overridden := mine[string(key)]; overridden {
			return nil
		}
		return add(key, value)
	})
	for _, i := range mine {
		if m := &in.writes[i]; err == nil && m.Op.HasValue() {
			err = add(m.Key, m.Value)
		}
	}
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
