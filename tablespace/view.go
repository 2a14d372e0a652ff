package tablespace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/drovedb/drove/types"
)

// Views are stored as sequences are (sequence.go): each is a row of a hidden table,
// viewTable (name → definition as JSON), so a view is replicated, checkpointed, installed
// from snapshots and backed up as rows are, and neither the entry format nor the manifest
// changed. A view holds no data: its definition is the query text and the columns the SQL
// layer bound it to when it was created, which the tablespace stores without reading.

const viewTable = "\x00views"

func newViewSchema() *types.Schema {
	return &types.Schema{Name: viewTable, Columns: []types.Column{
		{Name: "name", Type: types.Text, NotNull: true},
		{Name: "def", Type: types.Text, NotNull: true},
	}, PK: []int{0}}
}

// Errors of the view API.
var (
	ErrNoView     = errors.New("view does not exist") // 42P01
	ErrViewExists = errors.New("view already exists") // 42P07
)

// View is a view's definition, as the SQL layer made it.
type View struct {
	Name string `json:"-"`
	// Query is the view's query as PostgreSQL text.
	Query string `json:"query"`
	// Columns are the view's columns as created: names and the SQL layer's type description.
	Columns []ViewColumn `json:"columns"`
	// Deps are the relations (tables and views) the query reads, for DROP's dependency check.
	Deps []string `json:"deps,omitempty"`
	// Tables are the columns of each table the query reads as they were when the view was
	// made: the query is bound again without columns added since, so that its `*`, NATURAL
	// joins and unqualified names read what they read then, as PostgreSQL's stored parse
	// tree does. Nil for a view stored before it was kept: every column is seen.
	Tables map[string][]string `json:"tables,omitempty"`
	// CheckOption is WITH [LOCAL|CASCADED] CHECK OPTION: "local" or "cascaded"; "" without.
	CheckOption string `json:"check,omitempty"`
	// Materialized marks a materialized view: its rows are those of the table of the same
	// name, which REFRESH rewrites; Populated is false after WITH NO DATA.
	Materialized bool `json:"materialized,omitempty"`
	Populated    bool `json:"populated,omitempty"`
}

// ViewColumn is one column of a view.
type ViewColumn struct {
	Name string     `json:"name"`
	Type types.Type `json:"type"`
	// Decl is the declared type where the column reads a table column unchanged
	// (varchar(n), numeric(p,s)), as PostgreSQL's view keeps the typmod; nil otherwise.
	Decl *types.Column `json:"decl,omitempty"`
}

func viewKey(s *types.Schema, name string) ([]byte, error) {
	return types.AppendKey(nil, s, []types.Value{types.NewText(name)})
}

// viewSchema returns the view table's schema (hiddenSchema).
func (ts *Tablespace) viewSchema(ctx context.Context, create bool) (*types.Schema, error) {
	return ts.hiddenSchema(ctx, viewTable, newViewSchema, create)
}

// viewTxn runs fn in in, entered into the view table (tableTxn).
func (ts *Tablespace) viewTxn(ctx context.Context, in *Txn, s *types.Schema, fn func(tx *Txn) error) error {
	return ts.tableTxn(ctx, in, viewTable, s, fn)
}

// CreateView stores a view. With replace, an existing view of that name is replaced;
// without, it is ErrViewExists.
func (ts *Tablespace) CreateView(ctx context.Context, v View, replace bool) error {
	return ts.CreateViewIn(ctx, nil, v, replace)
}

// CreateViewIn is CreateView as a write of transaction tx (nil: one of its own), so that the
// view appears when tx commits and not if it rolls back (to a savepoint) — PostgreSQL's
// transactional DDL. Until then tx's reads through the ...In methods see it, and the row
// lock keeps other transactions from changing the view.
func (ts *Tablespace) CreateViewIn(ctx context.Context, tx *Txn, v View, replace bool) error {
	if err := ts.writable(); err != nil {
		return err
	}
	s, err := ts.viewSchema(ctx, true)
	if err != nil {
		return err
	}
	def, err := json.Marshal(&v)
	if err != nil {
		return err
	}
	row := []types.Value{types.NewText(v.Name), types.NewText(string(def))}
	key, err := types.AppendKey(nil, s, row)
	if err != nil {
		return err
	}
	value := types.AppendRow(nil, s, row)
	err = ts.viewTxn(ctx, tx, s, func(tx *Txn) error {
		_, exists, err := tx.GetForUpdate(ctx, viewTable, key)
		switch {
		case err != nil:
			return err
		case exists && !replace:
			return fmt.Errorf("%w: %q", ErrViewExists, v.Name)
		case exists:
			return tx.Update(ctx, viewTable, key, value)
		}
		return tx.Insert(ctx, viewTable, key, value)
	})
	if errors.Is(err, ErrDuplicateKey) {
		return fmt.Errorf("%w: %q", ErrViewExists, v.Name)
	}
	return err
}

// DropView drops a view; ErrNoView if there is none.
func (ts *Tablespace) DropView(ctx context.Context, name string) error {
	return ts.DropViewIn(ctx, nil, name)
}

// DropViewIn is DropView as a write of tx (nil: one of its own), as CreateViewIn.
func (ts *Tablespace) DropViewIn(ctx context.Context, tx *Txn, name string) error {
	if err := ts.writable(); err != nil {
		return err
	}
	s, err := ts.viewSchema(ctx, false)
	if err != nil {
		return err
	}
	if s == nil {
		return fmt.Errorf("%w: %q", ErrNoView, name)
	}
	key, err := viewKey(s, name)
	if err != nil {
		return err
	}
	err = ts.viewTxn(ctx, tx, s, func(tx *Txn) error { return tx.Delete(ctx, viewTable, key) })
	if errors.Is(err, ErrNoRow) {
		return fmt.Errorf("%w: %q", ErrNoView, name)
	}
	if err != nil {
		return err
	}
	return ts.DropCommentsIn(ctx, tx, name)
}

// RenameView renames a view in one transaction (the old row deleted, the new inserted):
// ErrNoView if there is no view old, ErrViewExists if there is a view new.
func (ts *Tablespace) RenameView(ctx context.Context, old, new string) error {
	return ts.RenameViewIn(ctx, nil, old, new)
}

// RenameViewIn is RenameView as a write of tx (nil: one of its own), as CreateViewIn.
func (ts *Tablespace) RenameViewIn(ctx context.Context, tx *Txn, old, new string) error {
	v, ok, err := ts.ViewByNameIn(tx, old)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: %q", ErrNoView, old)
	}
	s, err := ts.viewSchema(ctx, false)
	if err != nil {
		return err
	}
	oldKey, err := viewKey(s, old)
	if err != nil {
		return err
	}
	v.Name = new
	def, err := json.Marshal(&v)
	if err != nil {
		return err
	}
	row := []types.Value{types.NewText(new), types.NewText(string(def))}
	key, err := types.AppendKey(nil, s, row)
	if err != nil {
		return err
	}
	err = ts.viewTxn(ctx, tx, s, func(tx *Txn) error {
		if err := tx.Delete(ctx, viewTable, oldKey); err != nil {
			return err
		}
		return tx.Insert(ctx, viewTable, key, types.AppendRow(nil, s, row))
	})
	switch {
	case errors.Is(err, ErrNoRow):
		return fmt.Errorf("%w: %q", ErrNoView, old)
	case errors.Is(err, ErrDuplicateKey):
		return fmt.Errorf("%w: %q", ErrViewExists, new)
	case err != nil:
		return err
	}
	return ts.EditCommentsIn(ctx, tx, func(c Comment) (Comment, bool) { // they follow the view
		ok := c.Rel == old
		if ok {
			c.Rel = new
		}
		return c, ok
	})
}

func decodeView(s *types.Schema, key, value []byte) (View, string, error) {
	row := make([]types.Value, len(s.Columns))
	if err := types.DecodeRow(s, key, value, row); err != nil {
		return View{}, "", err
	}
	var v View
	if err := json.Unmarshal([]byte(row[1].S), &v); err != nil {
		return View{}, "", fmt.Errorf("tablespace: corrupt view %q: %w", row[0].S, err)
	}
	v.Name = row[0].S
	return v, row[1].S, nil
}

// Views lists every view, sorted by name.
func (ts *Tablespace) Views() ([]View, error) { return ts.ViewsIn(nil) }

// ViewsIn lists every view as transaction tx sees the catalog (nil: as committed): the
// latest committed views, changed by tx's own view writes.
func (ts *Tablespace) ViewsIn(in *Txn) ([]View, error) {
	s, ok := ts.Schema(viewTable)
	if !ok {
		return nil, nil
	}
	var out []View
	err := ts.scanHidden(in, viewTable, func(key, value []byte) error {
		v, _, err := decodeView(s, key, value)
		out = append(out, v)
		return err
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// ViewByName returns one view; ok is false if there is none.
func (ts *Tablespace) ViewByName(name string) (v View, ok bool, err error) {
	return ts.ViewByNameIn(nil, name)
}

// ViewByNameIn is ViewByName as transaction tx sees it (nil: as committed).
func (ts *Tablespace) ViewByNameIn(tx *Txn, name string) (v View, ok bool, err error) {
	v, _, ok, err = ts.viewByName(tx, name)
	return v, ok, err
}

// ViewVersion is a string that changes whenever view name is created, replaced, renamed or
// dropped ("" when there is none): a plan bound through the view compares it to know it is
// still current.
func (ts *Tablespace) ViewVersion(name string) string { return ts.ViewVersionIn(nil, name) }

// ViewVersionIn is ViewVersion as transaction tx sees it (nil: as committed).
func (ts *Tablespace) ViewVersionIn(tx *Txn, name string) string {
	_, def, _, _ := ts.viewByName(tx, name)
	return def
}

func (ts *Tablespace) viewByName(tx *Txn, name string) (View, string, bool, error) {
	s, exists := ts.Schema(viewTable)
	if !exists {
		return View{}, "", false, nil
	}
	key, err := viewKey(s, name)
	if err != nil {
		return View{}, "", false, err
	}
	var value []byte
	ok := false
	if i, mine := tx.ownWrite(viewTable, key); mine {
		// tx's own create, replace or drop of the view: one map lookup, so a transaction
		// with many writes pays nothing more per statement for its views.
		m := &tx.writes[i]
		value, ok = m.Value, m.Op.HasValue()
	} else {
		// The latest applied state, as Schema reads a table's: a catalog lookup.
		t := ts.fsm.table(viewTable)
		if t == nil {
			return View{}, "", false, nil
		}
		if value, ok, err = ts.fsm.get(t, key); err != nil {
			return View{}, "", false, err
		}
	}
	if !ok {
		return View{}, "", false, nil
	}
	v, def, err := decodeView(s, key, value)
	return v, def, err == nil, err
}
