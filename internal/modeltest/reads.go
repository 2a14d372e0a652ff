package modeltest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Concurrent reads: statements that readers run while the model's writer runs its steps. The
// model computes each one's answer in any state, so a reader can check that what it got is the
// answer in one committed state — one that was current at some moment of the statement's
// life. Without statement snapshots a read that spans a commit sees part of it, and no state
// has that answer. The shapes make several separate reads of one statement: lookups of many
// keys, a join of two rows, scalar subqueries over two tables, a scan, an index range.

// Read is a read statement on one tablespace and how to compute its answer from a model.
type Read struct {
	Space, SQL string
	want       func(m *Model) ([]string, bool)
}

// Want is q's answer in state m, its rows rendered by Answer; false when m lacks something q
// reads (its tablespace, a table or a column), so that no answer in m can be right.
func (q Read) Want(m *Model) ([]string, bool) {
	if m.Spaces[q.Space] == nil {
		return nil, false
	}
	return q.want(m)
}

// Answer renders rows (NULL as nil) as sorted lines, the form Want returns.
func Answer(rows [][]*string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = line(r)
	}
	slices.Sort(out)
	return out
}

func line(r []*string) string {
	parts := make([]string, len(r))
	for i, v := range r {
		if v == nil {
			parts[i] = `\N`
		} else {
			parts[i] = *v
		}
	}
	return strings.Join(parts, "|")
}

// ReadGen draws concurrent reads from a seed.
type ReadGen struct{ r *rand.Rand }

// NewReadGen returns a generator of reads; readers of one run use distinct streams.
func NewReadGen(seed, stream uint64) *ReadGen {
	return &ReadGen{r: rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, stream))}
}

// readShapes are the shapes Next draws from.
var readShapes = []func(g *ReadGen, space string, sp *Tablespace) Read{
	readScan, readKeys, readKeys, readPair, readKeyJoin, readSums, readTwoTables, readRange,
	readSpace, readSpace, readSpace,
}

// Next returns a read of a table of m (which it only reads), or false when m has none. It
// reads tablespace focus, the one the writer works on, three times in four when m has it.
func (g *ReadGen) Next(m *Model, focus string) (Read, bool) {
	var spaces []string
	for _, name := range m.SpaceNames() {
		if len(m.Spaces[name].Tables) > 0 {
			spaces = append(spaces, name)
		}
	}
	if len(spaces) == 0 {
		return Read{}, false
	}
	space := spaces[g.r.IntN(len(spaces))]
	if slices.Contains(spaces, focus) && g.r.IntN(4) != 0 {
		space = focus
	}
	shape := readShapes[g.r.IntN(len(readShapes))]
	return shape(g, space, m.Spaces[space]), true
}

func (g *ReadGen) table(sp *Tablespace) string {
	names := sp.TableNames()
	return names[g.r.IntN(len(names))]
}

// cols is a non-empty random selection of t's columns.
func (g *ReadGen) cols(t *Table) []string {
	cols := slices.Clone(t.Cols)
	g.r.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	return cols[:1+g.r.IntN(len(cols))]
}

// tableIn returns table name of space in m, if it has every column of cols.
func tableIn(m *Model, space, name string, cols []string) (*Table, bool) {
	t := m.Spaces[space].Tables[name]
	if t == nil {
		return nil, false
	}
	for _, c := range cols {
		if !slices.Contains(t.Cols, c) {
			return nil, false
		}
	}
	return t, true
}

// values is row id of t: its key, then cols (nil for NULL).
func values(t *Table, id int64, cols []string) []*string {
	r := t.Rows[id]
	out := []*string{ptr(itoa(id))}
	for _, c := range cols {
		if v, ok := r[c]; ok {
			out = append(out, ptr(v))
		} else {
			out = append(out, nil)
		}
	}
	return out
}

// rowsOf is the answer "SELECT id, cols FROM t WHERE id IN ids" (nil ids: every row).
func rowsOf(t *Table, cols []string, ids []int64) []string {
	var rows [][]*string
	for id := range t.Rows {
		if ids == nil || slices.Contains(ids, id) {
			rows = append(rows, values(t, id, cols))
		}
	}
	return Answer(rows)
}

// readScan reads a whole table.
func readScan(g *ReadGen, space string, sp *Tablespace) Read {
	name := g.table(sp)
	cols := g.cols(sp.Tables[name])
	return Read{Space: space, SQL: "SELECT " + strings.Join(append([]string{PK}, cols...), ", ") + " FROM " + name,
		want: func(m *Model) ([]string, bool) {
			t, ok := tableIn(m, space, name, cols)
			if !ok {
				return nil, false
			}
			return rowsOf(t, cols, nil), true
		}}
}

// keys is a few keys to look up, or now and then every key there can be.
func (g *ReadGen) keys() []int64 {
	n := 3 + g.r.IntN(10)
	if g.r.IntN(3) == 0 {
		n = maxID + 1
	}
	var ids []int64
	for i := range n {
		id := int64(i + 1)
		if n <= maxID {
			id = int64(1 + g.r.IntN(maxID+1))
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// readKeys looks up many keys, a lookup each.
func readKeys(g *ReadGen, space string, sp *Tablespace) Read {
	name := g.table(sp)
	cols := g.cols(sp.Tables[name])
	ids := g.keys()
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = itoa(id)
	}
	return Read{Space: space, SQL: "SELECT " + strings.Join(append([]string{PK}, cols...), ", ") + " FROM " + name +
		" WHERE id IN (" + strings.Join(list, ", ") + ")",
		want: func(m *Model) ([]string, bool) {
			t, ok := tableIn(m, space, name, cols)
			if !ok {
				return nil, false
			}
			return rowsOf(t, cols, ids), true
		}}
}

// readPair joins one row of a table with one of another (or the same) table, by key.
func readPair(g *ReadGen, space string, sp *Tablespace) Read {
	x, y := g.table(sp), g.table(sp)
	a, b := g.r.IntN(len(sp.Tables[x].Cols)), g.r.IntN(len(sp.Tables[y].Cols))
	ca, cb := sp.Tables[x].Cols[a], sp.Tables[y].Cols[b]
	i, j := int64(1+g.r.IntN(maxID)), int64(1+g.r.IntN(maxID))
	return Read{Space: space, SQL: fmt.Sprintf("SELECT p.id, p.%s, q.id, q.%s FROM %s p, %s q WHERE p.id = %d AND q.id = %d", ca, cb, x, y, i, j),
		want: func(m *Model) ([]string, bool) {
			tx, ok1 := tableIn(m, space, x, []string{ca})
			ty, ok2 := tableIn(m, space, y, []string{cb})
			if !ok1 || !ok2 {
				return nil, false
			}
			if tx.Rows[i] == nil || ty.Rows[j] == nil {
				return Answer(nil), true
			}
			return Answer([][]*string{append(values(tx, i, []string{ca}), values(ty, j, []string{cb})...)}), true
		}}
}

// readKeyJoin joins two tables on the key: a lookup in the second per row of the first.
func readKeyJoin(g *ReadGen, space string, sp *Tablespace) Read {
	x, y := g.table(sp), g.table(sp)
	ca := sp.Tables[x].Cols[g.r.IntN(len(sp.Tables[x].Cols))]
	cb := sp.Tables[y].Cols[g.r.IntN(len(sp.Tables[y].Cols))]
	return Read{Space: space, SQL: fmt.Sprintf("SELECT p.id, p.%s, q.%s FROM %s p JOIN %s q ON q.id = p.id", ca, cb, x, y),
		want: func(m *Model) ([]string, bool) {
			tx, ok1 := tableIn(m, space, x, []string{ca})
			ty, ok2 := tableIn(m, space, y, []string{cb})
			if !ok1 || !ok2 {
				return nil, false
			}
			var rows [][]*string
			for id := range tx.Rows {
				if ty.Rows[id] != nil {
					rows = append(rows, append(values(tx, id, []string{ca}), values(ty, id, []string{cb})[1:]...))
				}
			}
			return Answer(rows), true
		}}
}

// sums is count(*), count(col) and sum(id) of t, as SQL answers them.
func sums(t *Table, col string) []*string {
	var n, nonNull, sum int64
	for id, r := range t.Rows {
		n++
		sum += id
		if _, ok := r[col]; ok {
			nonNull++
		}
	}
	out := []*string{ptr(itoa(n)), ptr(itoa(nonNull)), nil}
	if n > 0 {
		out[2] = ptr(itoa(sum))
	}
	return out
}

// readSums aggregates a table.
func readSums(g *ReadGen, space string, sp *Tablespace) Read {
	name := g.table(sp)
	col := sp.Tables[name].Cols[g.r.IntN(len(sp.Tables[name].Cols))]
	return Read{Space: space, SQL: fmt.Sprintf("SELECT count(*), count(%s), sum(id) FROM %s", col, name),
		want: func(m *Model) ([]string, bool) {
			t, ok := tableIn(m, space, name, []string{col})
			if !ok {
				return nil, false
			}
			return Answer([][]*string{sums(t, col)}), true
		}}
}

// readTwoTables reads two tables (or one twice) in scalar subqueries: separate scans.
func readTwoTables(g *ReadGen, space string, sp *Tablespace) Read {
	x, y := g.table(sp), g.table(sp)
	return Read{Space: space, SQL: fmt.Sprintf("SELECT (SELECT count(*) FROM %s), (SELECT sum(id) FROM %s), (SELECT count(*) FROM %s)", x, x, y),
		want: func(m *Model) ([]string, bool) {
			tx, ok1 := tableIn(m, space, x, nil)
			ty, ok2 := tableIn(m, space, y, nil)
			if !ok1 || !ok2 {
				return nil, false
			}
			row := []*string{ptr(strconv.Itoa(len(tx.Rows))), sums(tx, "")[2], ptr(strconv.Itoa(len(ty.Rows)))}
			return Answer([][]*string{row}), true
		}}
}

// rangeBounds are the bounds of index range reads: values are v0..v7 and, in unique columns,
// u0..u999.
var rangeBounds = []string{"u", "u3", "u6", "v", "v2", "v4", "v6", "w"}

// readRange reads a range of a column, through an index when it has one (mostly).
func readRange(g *ReadGen, space string, sp *Tablespace) Read {
	name := g.table(sp)
	t := sp.Tables[name]
	col := t.Cols[g.r.IntN(len(t.Cols))]
	if len(t.Indexes) > 0 && g.r.IntN(4) != 0 {
		names := t.IndexNames()
		col = t.Indexes[names[g.r.IntN(len(names))]].Col
	}
	lo := rangeBounds[g.r.IntN(len(rangeBounds))]
	hi := rangeBounds[g.r.IntN(len(rangeBounds))]
	if hi < lo {
		lo, hi = hi, lo
	}
	return Read{Space: space, SQL: fmt.Sprintf("SELECT id, %s FROM %s WHERE %s >= '%s' AND %s < '%s'", col, name, col, lo, col, hi),
		want: func(m *Model) ([]string, bool) {
			t, ok := tableIn(m, space, name, []string{col})
			if !ok {
				return nil, false
			}
			var rows [][]*string
			for id, r := range t.Rows {
				if v, ok := r[col]; ok && v >= lo && v < hi {
					rows = append(rows, values(t, id, []string{col}))
				}
			}
			return Answer(rows), true
		}}
}

// readSpace looks up every key there can be in every table of the tablespace, a UNION ALL
// branch per table: the longest run of separate reads, so a commit that lands while it runs
// most likely falls between two of them.
func readSpace(g *ReadGen, space string, sp *Tablespace) Read {
	names := sp.TableNames()
	cols := make([][]string, len(names))
	branches := make([]string, len(names))
	for i, name := range names {
		cols[i] = sp.Tables[name].Cols[:1]
		branches[i] = fmt.Sprintf("SELECT '%s', id, %s FROM %s WHERE id IN (%s)", name, cols[i][0], name, keyList(maxID+1))
	}
	return Read{Space: space, SQL: strings.Join(branches, " UNION ALL "),
		want: func(m *Model) ([]string, bool) {
			var out []string
			for i, name := range names {
				t, ok := tableIn(m, space, name, cols[i])
				if !ok {
					return nil, false
				}
				for _, r := range rowsOf(t, cols[i], nil) {
					out = append(out, name+"|"+r)
				}
			}
			slices.Sort(out)
			return out, true
		}}
}

// keyList is "1, 2, ..., n".
func keyList(n int) string {
	list := make([]string, n)
	for i := range list {
		list[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(list, ", ")
}
