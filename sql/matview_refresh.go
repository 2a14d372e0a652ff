package sql

import (
	"context"
	"slices"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// REFRESH MATERIALIZED VIEW CONCURRENTLY: as PostgreSQL's refresh_by_match_merge, the query's
// rows are compared with the stored ones, row by row as their binary images (PostgreSQL's
// *= operator), and only the difference is written: the rows no longer produced are deleted,
// the new ones inserted, and the rows in both stay as they are (with their row ids). So a
// refresh that changes little writes little. PostgreSQL requires a unique index (without a
// WHERE clause) on the materialized view, and refuses new data with two equal rows without
// NULLs (21000), since it could not match them.

// refreshConcurrentlyAllowed checks CONCURRENTLY's conditions in PostgreSQL's order.
func refreshConcurrentlyAllowed(def tablespace.View, schema *types.Schema, noData bool) error {
	if !def.Populated {
		return Errorf("0A000", "CONCURRENTLY cannot be used when the materialized view is not populated")
	}
	if noData {
		return Errorf("42601", "CONCURRENTLY and WITH NO DATA options cannot be used together")
	}
	if !slices.ContainsFunc(schema.Indexes, func(ix types.Index) bool { return ix.Unique }) {
		return &Error{Code: "55000", Message: "cannot refresh materialized view \"public." + def.Name + "\" concurrently",
			Hint: "Create a unique index with no WHERE clause on one or more columns of the materialized view."}
	}
	return nil
}

// mergeMatview writes the difference between def's query rows and its table's rows in tx.
func (s *Session) mergeMatview(ctx context.Context, tx *tablespace.Txn, def tablespace.View, schema *types.Schema) error {
	if err := enterTable(ctx, tx, def.Name, schema); err != nil {
		return err
	}
	p, cols, err := s.bindMatviewQuery(ctx, tx, def, schema)
	if err != nil {
		return err
	}
	m := &matviewMerge{schema: schema, cols: cols, row: make([]types.Value, len(cols)+1), counts: map[string]int{},
		mem: memAccount{limit: s.queryMemory, budget: s.budget}}
	defer m.mem.done()
	if err := s.execPlan(ctx, tx, p, m); err != nil {
		return err
	}
	if m.dup != nil {
		return &Error{Code: "21000", Message: "new data for materialized view \"" + def.Name + "\" contains duplicate rows without any null columns",
			Detail: "Row: " + recordText(m.dup)}
	}
	idCol := len(cols)
	var maxID int64
	var gone [][]byte
	old := make([]types.Value, len(schema.Columns))
	err = tx.Scan(def.Name, func(key, value []byte) error {
		if n := m.counts[string(value)]; n > 0 { // the row stays
			m.counts[string(value)] = n - 1
			if err := types.DecodeRow(schema, key, value, old); err != nil {
				return err
			}
			maxID = max(maxID, old[idCol].I)
			return nil
		}
		gone = append(gone, slices.Clone(key))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range gone {
		if err := tx.Delete(ctx, def.Name, k); err != nil {
			return err
		}
	}
	row := make([]types.Value, len(schema.Columns))
	var key []byte
	for _, v := range m.order {
		n := m.counts[v]
		if n == 0 {
			continue
		}
		m.counts[v] = n - 1
		maxID++
		row[idCol] = types.NewInt(types.Int64, maxID) // the key is the row id alone
		if key, err = types.AppendKey(key[:0], schema, row); err != nil {
			return err
		}
		if err := tx.Load(def.Name, key, []byte(v)); err != nil {
			return err
		}
	}
	return nil
}

// matviewMerge is the Output that collects the query's rows of a concurrent refresh, as
// their stored images, counted.
type matviewMerge struct {
	schema *types.Schema
	cols   []Column
	row    []types.Value
	counts map[string]int // image → how many rows of the new data have it
	order  []string       // the images, in the query's order, each once
	dup    []types.Value  // a row without NULLs seen twice
	mem    memAccount
}

func (m *matviewMerge) Columns([]Column) error { return nil }
func (m *matviewMerge) Complete(string) error  { return nil }

func (m *matviewMerge) Row(row []types.Value) error {
	var err error
	nulls := false
	for i, c := range m.cols {
		if m.row[i], err = assign(row[i], c.Type, false, &m.schema.Columns[i]); err != nil {
			return err
		}
		nulls = nulls || m.row[i].IsNull()
	}
	m.row[len(m.cols)] = types.NewInt(types.Int64, 0)
	v := string(types.AppendRow(nil, m.schema, m.row))
	n := m.counts[v]
	if n > 0 && !nulls && m.dup == nil {
		m.dup = slices.Clone(m.row[:len(m.cols)])
	}
	if n == 0 {
		if err := m.mem.grow(int64(2*len(v) + 64)); err != nil {
			return err
		}
		m.order = append(m.order, v)
	}
	m.counts[v] = n + 1
	return nil
}

// recordText is a row as PostgreSQL's record_out writes it: (a,b), a NULL as nothing, a
// value quoted when it is empty or holds a quote, backslash, parenthesis, comma or space.
func recordText(vals []types.Value) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, v := range vals {
		if i > 0 {
			b.WriteByte(',')
		}
		if v.IsNull() {
			continue
		}
		t := v.String()
		if t != "" && !strings.ContainsAny(t, "\"\\(), \t\n\r\v\f") {
			b.WriteString(t)
			continue
		}
		b.WriteByte('"')
		for _, r := range t {
			if r == '"' || r == '\\' {
				b.WriteRune(r)
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte(')')
	return b.String()
}
