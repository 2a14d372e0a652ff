// Package modeltest is the reference side of drove's model-based tests: an in-memory model of
// what a node holds (tablespaces, tables, columns, indexes, rows), a seeded generator of
// operations on it, and one of read statements whose answers the model computes in any state
// (reads.go), for readers that run while the operations do. The driver that runs the operations against a real node and compares is a
// test of the root package (model_test.go); nothing here knows drove.
package modeltest

import (
	"maps"
	"slices"
	"sort"
)

// PK is the name of every model table's primary-key column (an int).
const PK = "id"

// Row is a row's non-key values by column name; a column absent from the map is NULL.
type Row map[string]string

// Table is a model table: (id int PRIMARY KEY, then Cols, all text).
type Table struct {
	Cols    []string         // the non-key columns, in table order
	Indexes map[string]Index // by name
	Rows    map[int64]Row
}

// Index is a secondary index on one column.
type Index struct {
	Col    string
	Hash   bool // USING hash
	Unique bool
}

// Tablespace is a model tablespace: its tables by name.
type Tablespace struct {
	Tables map[string]*Table
}

// Model is the whole expected state of a node.
type Model struct {
	Spaces map[string]*Tablespace
}

// New returns an empty model with the given tablespaces.
func New(spaces ...string) *Model {
	m := &Model{Spaces: map[string]*Tablespace{}}
	for _, s := range spaces {
		m.Spaces[s] = &Tablespace{Tables: map[string]*Table{}}
	}
	return m
}

// NewTable returns an empty table with the given columns.
func NewTable(cols ...string) *Table {
	return &Table{Cols: slices.Clone(cols), Indexes: map[string]Index{}, Rows: map[int64]Row{}}
}

// Clone returns a deep copy of t.
func (t *Table) Clone() *Table {
	c := &Table{Cols: slices.Clone(t.Cols), Indexes: maps.Clone(t.Indexes), Rows: make(map[int64]Row, len(t.Rows))}
	for id, r := range t.Rows {
		c.Rows[id] = maps.Clone(r)
	}
	return c
}

// Clone returns a deep copy of s.
func (s *Tablespace) Clone() *Tablespace {
	c := &Tablespace{Tables: make(map[string]*Table, len(s.Tables))}
	for n, t := range s.Tables {
		c.Tables[n] = t.Clone()
	}
	return c
}

// Clone returns a deep copy of m.
func (m *Model) Clone() *Model {
	c := &Model{Spaces: make(map[string]*Tablespace, len(m.Spaces))}
	for n, s := range m.Spaces {
		c.Spaces[n] = s.Clone()
	}
	return c
}

// SpaceNames returns the tablespaces' names, sorted.
func (m *Model) SpaceNames() []string { return sortedKeys(m.Spaces) }

// TableNames returns the tables' names, sorted.
func (s *Tablespace) TableNames() []string { return sortedKeys(s.Tables) }

// IDs returns the table's primary keys in order.
func (t *Table) IDs() []int64 {
	ids := make([]int64, 0, len(t.Rows))
	for id := range t.Rows {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// IndexNames returns the table's index names, sorted.
func (t *Table) IndexNames() []string { return sortedKeys(t.Indexes) }

// Lookup returns, in order, the ids of the rows whose column col holds v (a NULL never
// matches, as with SQL's =).
func (t *Table) Lookup(col, v string) []int64 {
	var ids []int64
	for id, r := range t.Rows {
		if x, ok := r[col]; ok && x == v {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Range returns, in order, the ids from lo to hi.
func (t *Table) Range(lo, hi int64) []int64 {
	var ids []int64
	for _, id := range t.IDs() {
		if id >= lo && id <= hi {
			ids = append(ids, id)
		}
	}
	return ids
}

// Values returns the row's values in column order (nil for NULL), key first, as text.
func (t *Table) Values(id int64, r Row) []*string {
	out := []*string{ptr(itoa(id))}
	for _, c := range t.Cols {
		if v, ok := r[c]; ok {
			out = append(out, ptr(v))
		} else {
			out = append(out, nil)
		}
	}
	return out
}

// indexOn returns the names of the indexes on col.
func (t *Table) indexOn(col string) []string {
	var out []string
	for n, ix := range t.Indexes {
		if ix.Col == col {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Duplicated reports whether a unique index's column holds a value twice (NULLs never
// collide), naming the index.
func (t *Table) Duplicated() (string, bool) {
	for _, name := range t.IndexNames() {
		ix := t.Indexes[name]
		if !ix.Unique {
			continue
		}
		seen := map[string]bool{}
		for _, r := range t.Rows {
			if v, ok := r[ix.Col]; ok {
				if seen[v] {
					return name, true
				}
				seen[v] = true
			}
		}
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func ptr(s string) *string { return &s }
