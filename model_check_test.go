package drove_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	mt "github.com/drovedb/drove/internal/modeltest"
)

// check compares the node with the model: the tablespaces and tables there are, each table's
// columns and indexes, full contents, point reads by key through SQL and the KV API, and
// lookups through every index.
func (h *modelHarness) check(ctx context.Context) error {
	var spaces []string
	for _, info := range h.n.db.Server().Tablespaces() {
		spaces = append(spaces, info.Name)
	}
	slices.Sort(spaces)
	if want := h.m.SpaceNames(); !slices.Equal(spaces, want) {
		return fmt.Errorf("tablespaces %v, want %v", spaces, want)
	}
	for _, space := range spaces {
		if err := h.checkSchemas(space); err != nil {
			return fmt.Errorf("tablespace %s: %w", space, err)
		}
		err := h.autocommit(ctx, space, func(r runner) error {
			if err := h.compareTables(ctx, r, space, h.m); err != nil {
				return err
			}
			return h.pointReads(ctx, r, space)
		})
		if err != nil {
			return fmt.Errorf("tablespace %s: %w", space, err)
		}
	}
	return nil
}

// checkSchemas compares the tablespace's tables, columns and indexes with the model's.
func (h *modelHarness) checkSchemas(space string) error {
	ts, ok := h.n.db.Server().Tablespace(space)
	if !ok {
		return fmt.Errorf("not open")
	}
	sp := h.m.Spaces[space]
	var tables []string
	for _, s := range ts.Tables() {
		tables = append(tables, s.Name)
	}
	if want := sp.TableNames(); !slices.Equal(tables, want) {
		return fmt.Errorf("tables %v, want %v", tables, want)
	}
	for _, name := range tables {
		s, _ := ts.Schema(name)
		t := sp.Tables[name]
		var cols []string
		for _, c := range s.Columns {
			cols = append(cols, c.Name)
		}
		if want := append([]string{mt.PK}, t.Cols...); !slices.Equal(cols, want) {
			return fmt.Errorf("table %s: columns %v, want %v", name, cols, want)
		}
		var got, want []string
		for _, ix := range s.Indexes {
			var on []string
			for _, c := range ix.Columns {
				on = append(on, s.Columns[c].Name)
			}
			got = append(got, fmt.Sprintf("%s(%s) hash=%v unique=%v", ix.Name, strings.Join(on, ","), ix.Hash, ix.Unique))
		}
		for _, name := range t.IndexNames() {
			ix := t.Indexes[name]
			want = append(want, fmt.Sprintf("%s(%s) hash=%v unique=%v", name, ix.Col, ix.Hash, ix.Unique))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("table %s: indexes %v, want %v", name, got, want)
		}
	}
	return nil
}

func selectList(t *mt.Table) string { return strings.Join(append([]string{mt.PK}, t.Cols...), ", ") }

// compareTables reads every table of space in full through r and compares it with m.
func (h *modelHarness) compareTables(ctx context.Context, r runner, space string, m *mt.Model) error {
	sp := m.Spaces[space]
	for _, name := range sp.TableNames() {
		t := sp.Tables[name]
		rows, err := r.query(ctx, "SELECT "+selectList(t)+" FROM "+name+" ORDER BY id")
		if err != nil {
			return fmt.Errorf("scan of %s: %w", name, err)
		}
		var want [][]*string
		for _, id := range t.IDs() {
			want = append(want, t.Values(id, t.Rows[id]))
		}
		if got, w := rowsText(rows), rowsText(want); got != w {
			return fmt.Errorf("table %s holds\n%s\nwant\n%s", name, got, w)
		}
	}
	return nil
}

// pointReads reads a few keys (present and absent) by SQL and through the KV API, and looks
// up a value through every index.
func (h *modelHarness) pointReads(ctx context.Context, r runner, space string) error {
	sp := h.m.Spaces[space]
	kv, err := h.n.db.KV(space)
	if err != nil {
		return err
	}
	for _, name := range sp.TableNames() {
		t := sp.Tables[name]
		for range 2 {
			h.probe++
			id := int64(1 + h.probe*7919%40)
			var want [][]*string
			if row, ok := t.Rows[id]; ok {
				want = append(want, t.Values(id, row))
			}
			rows, err := r.query(ctx, "SELECT "+selectList(t)+" FROM "+name+" WHERE id = $1", id)
			if err != nil {
				return fmt.Errorf("%s: SQL read of id %d: %w", name, id, err)
			}
			if got, w := rowsText(rows), rowsText(want); got != w {
				return fmt.Errorf("%s: SQL read of id %d: %q, want %q", name, id, got, w)
			}
			kvRow, found, err := kv.Get(ctx, name, id)
			if err != nil {
				return fmt.Errorf("%s: KV get of id %d: %w", name, id, err)
			}
			var got [][]*string
			if found {
				got = append(got, kvText(kvRow))
			}
			if g, w := rowsText(got), rowsText(want); g != w {
				return fmt.Errorf("%s: KV get of id %d: %q, want %q", name, id, g, w)
			}
		}
		for _, ix := range t.IndexNames() {
			h.probe++
			col, v := t.Indexes[ix].Col, fmt.Sprintf("v%d", h.probe%9) // v8 is never stored
			if ids := t.IDs(); h.probe%2 == 0 && len(ids) > 0 {
				if x, ok := t.Rows[ids[int(h.probe/2)%len(ids)]][col]; ok {
					v = x // a value the column holds, whatever its kind
				}
			}
			rows, err := r.query(ctx, "SELECT id FROM "+name+" WHERE "+col+" = $1 ORDER BY id", v)
			if err != nil {
				return fmt.Errorf("%s: lookup through %s: %w", name, ix, err)
			}
			var got []string
			for _, row := range rows {
				got = append(got, *row[0])
			}
			var want []string
			for _, id := range t.Lookup(col, v) {
				want = append(want, strconv.FormatInt(id, 10))
			}
			if !slices.Equal(got, want) {
				return fmt.Errorf("%s: %s = %q through index %s: ids %v, want %v", name, col, v, ix, got, want)
			}
		}
	}
	return nil
}

// kvText renders a KV row as text, as SQL results are.
func kvText(row []any) []*string {
	out := make([]*string, len(row))
	for i, v := range row {
		if v != nil {
			s := fmt.Sprint(v)
			out[i] = &s
		}
	}
	return out
}
