package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Window functions: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
// first_value, last_value, nth_value and the aggregates count, sum, avg, min and max with OVER (PARTITION BY ... ORDER BY ...), with PostgreSQL's default frame (with an
// ORDER BY, from the partition's start to the current row's last peer; without, the whole
// partition). The window node sits between FROM/WHERE and the select list: it reads every
// row, orders a copy of them per window, and appends one column per call, which the select
// list and ORDER BY read through the scope's windows (window_bind.go).

type windowSpec struct {
	call      *ast.FuncCall
	kind      string // row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value, nth_value, count, sum, avg, min, max
	arg       *expr  // nil for the ranking functions and count(*)
	n, def    *expr  // lag/lead's offset and default, ntile's bucket count, nth_value's n
	partition []*expr
	order     []*expr
	keys      []sortKey // over partition then order values
	typ       types.Type
	frame     *windowFrame // an explicit frame clause; nil: the default frame
	agg       *aggCall     // kind "agg": an aggregate the dialect pass wrote with a marker
}

// windowFrame is ROWS, RANGE or GROUPS BETWEEN start AND end, with what EXCLUDE takes out
// of it ("CURRENT ROW", "GROUP", "TIES"; "" for nothing).
type windowFrame struct {
	rows, groups bool
	start, end   frameBound
	exclude      string
}

type frameBound struct {
	kind   boundKind
	offset *expr       // n PRECEDING / n FOLLOWING
	rng    *rangeBound // RANGE's offset bound (window_range.go)
}

// boundKind is the kind of a frame's start or end.
type boundKind uint8

// The frame bounds.
const (
	unboundedPreceding boundKind = iota
	offsetPreceding
	currentRow
	offsetFollowing
	unboundedFollowing
)

// windowNode appends its calls' values to each input row. Its columns are read from the end
// of the row: an aggregated input row grows as the select list's aggregates are bound, after
// the window calls were.
type windowNode struct {
	in    node
	specs []*windowSpec
}

// windowColumn reads call i's value, counted from the end of the row.
func (n *windowNode) windowColumn(i int) *expr {
	back := len(n.specs) - i
	t := n.specs[i].typ
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[len(row)-back], nil }}
}

// limits returns the frame of the row at partition position pos, as partition positions
// [lo, hi] (empty when lo > hi); the row's peers are positions [ps, pe) and the partition has
// rows rows.
func (f *windowFrame) limits(row []types.Value, pos, ps, pe int, part []windowEntry, np int) (lo, hi int, err error) {
	rows := len(part)
	at := func(b frameBound, start bool) (int, error) {
		switch b.kind {
		case unboundedPreceding:
			return 0, nil
		case unboundedFollowing:
			return rows - 1, nil
		case currentRow:
			switch {
			case f.rows:
				return pos, nil
			case start:
				return ps, nil
			}
			return pe - 1, nil
		}
		v, err := b.offset.eval(row)
		if err != nil {
			return 0, err
		}
		switch {
		case v.IsNull():
			return 0, Errorf("22004", "frame offset must not be null")
		case b.rng != nil && negativeOffset(v, b.rng.timeOfDay):
			return 0, Errorf("22013", "invalid preceding or following size in window function")
		case b.rng != nil:
			return f.rangeLimit(b, start, v, part, np, pos, ps, pe) // window_range.go
		}
		if v.I < 0 {
			return 0, Errorf("22013", "frame offset must not be negative")
		}
		n := int(min(v.I, int64(rows)))
		if f.groups {
			return groupLimit(b.kind == offsetPreceding, start, n, part, np, ps, pe), nil
		}
		if b.kind == offsetPreceding {
			return pos - n, nil
		}
		return pos + n, nil
	}
	if lo, err = at(f.start, true); err != nil {
		return 0, 0, err
	}
	if hi, err = at(f.end, false); err != nil {
		return 0, 0, err
	}
	return max(lo, 0), min(hi, rows-1), nil
}

func (n *windowNode) explain(ex *explainer) {
	ex.line("WindowAgg")
	ex.child(n.in)
}

func (n *windowNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	var rows [][]types.Value
	for count := 0; ; count++ {
		row, err := ec.pull(in)
		if err != nil {
			return nil, err
		}
		if row == nil {
			break
		}
		r := make([]types.Value, len(row), len(row)+len(n.specs))
		copy(r, row)
		if err := ec.mem.grow(rowBytes(r)); err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	for _, spec := range n.specs {
		if err := spec.compute(ec, rows); err != nil {
			return nil, err
		}
	}
	return &sliceIter{rows: rows}, nil
}

// windowEntry is a row in window order: its partition and order values, and its position in
// the input.
type windowEntry struct {
	keys []types.Value
	row  int
}

// sortedEntries evaluates each row's PARTITION BY and ORDER BY keys and sorts the rows by
// them (stably), refusing record keys PostgreSQL cannot compare.
func (w *windowSpec) sortedEntries(ec *execCtx, rows [][]types.Value) ([]windowEntry, error) {
	entries := make([]windowEntry, len(rows))
	for i, r := range rows {
		if err := ec.check(); err != nil {
			return nil, err
		}
		keys := make([]types.Value, 0, len(w.partition)+len(w.order))
		for _, x := range append(slices.Clip(w.partition), w.order...) {
			v, err := x.eval(r[:len(r):len(r)])
			if err != nil {
				return nil, err
			}
			keys = append(keys, v)
		}
		if err := ec.mem.grow(rowBytes(keys)); err != nil { // the sort keys are kept too
			return nil, err
		}
		entries[i] = windowEntry{keys, i}
	}
	if slices.ContainsFunc(w.keys, func(k sortKey) bool { return k.record }) {
		keys := make([][]types.Value, len(entries))
		pos := make([]int, len(w.keys))
		for i := range entries {
			keys[i] = entries[i].keys
		}
		for i := range pos {
			pos[i] = i
		}
		if err := checkRecordKeys(ec, keys, pos, true); err != nil {
			return nil, err
		}
	}
	err := sortStable(ec, entries, func(a, b windowEntry) int { return compareRows(w.keys, a.keys, b.keys) })
	return entries, err
}

// compute appends the window's value to every row.
func (w *windowSpec) compute(ec *execCtx, rows [][]types.Value) error {
	entries, err := w.sortedEntries(ec, rows)
	if err != nil {
		return err
	}
	results := make([]types.Value, len(rows))
	np := len(w.partition)
	same := func(a, b []types.Value, from, to int) bool {
		for i := from; i < to; i++ {
			if (a[i].IsNull() != b[i].IsNull()) || !a[i].IsNull() && compare(a[i], b[i]) != 0 {
				return false
			}
		}
		return true
	}
	for start := 0; start < len(entries); {
		end := start + 1
		for end < len(entries) && same(entries[start].keys, entries[end].keys, 0, np) {
			end++
		}
		// Within the partition, peers (equal ORDER BY values) share rank and frame.
		acc := newWindowAcc(w)
		rank, dense := 0, 0
		for ps := start; ps < end; {
			pe := ps + 1
			for pe < end && same(entries[ps].keys, entries[pe].keys, np, len(entries[ps].keys)) {
				pe++
			}
			if len(w.order) == 0 {
				pe = end // no ORDER BY: the whole partition is one peer group
			}
			dense++
			rank = ps - start + 1
			for i := ps; w.frame == nil && i < pe; i++ { // an explicit frame is folded per row
				if err := acc.add(rows[entries[i].row]); err != nil {
					return err
				}
			}
			for i := ps; i < pe; i++ {
				var v types.Value
				if err := ec.check(); err != nil {
					return err
				}
				var err error
				row := rows[entries[i].row]
				switch w.kind {
				case "row_number":
					v = types.NewInt(types.Int64, int64(i-start+1))
				case "rank":
					v = types.NewInt(types.Int64, int64(rank))
				case "dense_rank":
					v = types.NewInt(types.Int64, int64(dense))
				case "percent_rank", "cume_dist":
					v = relativeRank(w.kind, rank, pe-start, end-start)
				case "ntile":
					v, err = w.ntile(row, i-start, end-start)
				case "lag", "lead":
					v, err = w.offset(row, func(k int) []types.Value {
						if k < 0 || k >= end-start {
							return nil
						}
						return rows[entries[start+k].row]
					}, i-start)
				case "first_value", "last_value", "nth_value", "count", "sum", "avg", "min", "max", "agg":
					if w.frame != nil || w.kind == "nth_value" {
						v, err = w.overFrame(ec, rows, entries[start:end], row, i-start, ps-start, pe-start)
						break
					}
					switch w.kind {
					case "first_value":
						v, err = w.arg.eval(rows[entries[start].row])
					case "last_value":
						v, err = w.arg.eval(rows[entries[pe-1].row]) // the frame ends at the last peer
					default:
						v, err = acc.result()
					}
				}
				if err != nil {
					return err
				}
				// Kept until every row has its value: a running string_agg keeps a
				// longer string for every row, quadratic in the partition.
				if err := ec.mem.grow(int64(len(v.S))); err != nil {
					return err
				}
				results[entries[i].row] = v
			}
			ps = pe
		}
		start = end
	}
	for i := range rows {
		rows[i] = append(rows[i], results[i])
	}
	return nil
}

// overFrame computes an aggregate, first_value or last_value over an explicit frame of the
// row at position pos of the partition part (ordered).
func (w *windowSpec) overFrame(ec *execCtx, rows [][]types.Value, part []windowEntry, row []types.Value, pos, ps, pe int) (types.Value, error) {
	lo, hi := 0, pe-1 // the default frame: up to the row's last peer
	if w.frame != nil {
		var err error
		if lo, hi, err = w.frame.limits(row, pos, ps, pe, part, len(w.partition)); err != nil {
			return types.Value{}, err
		}
	}
	excluded := func(int) bool { return false }
	if w.frame != nil && w.frame.exclude != "" {
		excluded = w.frame.excluded(pos, ps, pe)
	}
	switch w.kind {
	case "first_value", "last_value", "nth_value":
		var n int64 = 1 // the n-th row of the frame, from its start (first_value) or end
		if w.kind == "nth_value" {
			nv, err := w.n.eval(row)
			if err != nil || nv.IsNull() {
				return types.Value{T: w.typ, Null: true}, err
			}
			if nv.I <= 0 {
				return types.Value{}, Errorf("22016", "argument of nth_value must be greater than zero")
			}
			n = nv.I
		}
		k, step, end := lo, 1, hi+1
		if w.kind == "last_value" {
			k, step, end = hi, -1, lo-1
		}
		for ; k != end && lo <= hi; k += step {
			if excluded(k) {
				continue
			}
			if n--; n == 0 {
				return w.arg.eval(rows[part[k].row])
			}
		}
		return types.Value{T: w.typ, Null: true}, nil
	}
	acc := newWindowAcc(w)
	for k := lo; k <= hi; k++ {
		if err := ec.check(); err != nil { // a frame per row: quadratic in the partition
			return types.Value{}, err
		}
		if excluded(k) {
			continue
		}
		if err := acc.add(rows[part[k].row]); err != nil {
			return types.Value{}, err
		}
	}
	return acc.result()
}

// relativeRank is percent_rank ((rank - 1) / (rows - 1), 0 for a single row) or cume_dist
// (the rows up to the current row's last peer, upto, over the partition's rows).
func relativeRank(kind string, rank, upto, rows int) types.Value {
	if kind == "cume_dist" {
		return types.NewFloat(types.Float64, float64(upto)/float64(rows))
	}
	if rows <= 1 {
		return types.NewFloat(types.Float64, 0)
	}
	return types.NewFloat(types.Float64, float64(rank-1)/float64(rows-1))
}

// ntile is the bucket (1..n) of the row at position pos of a partition of size rows: the
// first rows%n buckets hold one row more than the others.
func (w *windowSpec) ntile(row []types.Value, pos, rows int) (types.Value, error) {
	nv, err := w.n.eval(row)
	if err != nil || nv.IsNull() {
		return types.Value{T: types.Int32, Null: true}, err
	}
	if nv.I <= 0 {
		return types.Value{}, Errorf("22014", "argument of ntile must be greater than zero")
	}
	n := int(min(nv.I, int64(rows)))
	size, extra := rows/n, rows%n
	big := extra * (size + 1) // rows in the buckets that hold one more
	if pos < big {
		return types.NewInt(types.Int32, int64(pos/(size+1)+1)), nil
	}
	return types.NewInt(types.Int32, int64(extra+(pos-big)/size+1)), nil
}

// offset is lag or lead: the argument at the row n before or after position pos of the
// partition (at(k) is the partition's k-th row, nil outside it), else the default.
func (w *windowSpec) offset(row []types.Value, at func(int) []types.Value, pos int) (types.Value, error) {
	n := int64(1)
	if w.n != nil {
		nv, err := w.n.eval(row)
		if err != nil || nv.IsNull() {
			return types.Value{T: w.typ, Null: true}, err
		}
		n = nv.I
	}
	if w.kind == "lag" {
		n = -n
	}
	if r := at(pos + int(n)); r != nil {
		return w.arg.eval(r)
	}
	if w.def != nil {
		return w.def.eval(row)
	}
	return types.Value{T: w.typ, Null: true}, nil
}

// windowAcc folds rows into a running aggregate.
type windowAcc struct {
	w    *windowSpec
	n    int64
	sum  sumAcc
	best types.Value
	agg  aggState // kind "agg"
}

func newWindowAcc(w *windowSpec) *windowAcc {
	return &windowAcc{w: w, best: types.Value{T: w.typ, Null: true}}
}

func (a *windowAcc) add(row []types.Value) error {
	if a.w.agg != nil {
		return a.w.agg.step(nil, &a.agg, row)
	}
	if a.w.arg == nil {
		a.n++ // count(*), and the ranking functions, which do not read it
		return nil
	}
	v, err := a.w.arg.eval(row)
	if err != nil || v.IsNull() {
		return err
	}
	a.n++
	switch a.w.kind {
	case "sum", "avg":
		return a.sum.add(v, a.w.typ)
	case "min", "max":
		if a.best.IsNull() || (compare(v, a.best) < 0) == (a.w.kind == "min") && compare(v, a.best) != 0 {
			a.best = v
		}
	}
	return nil
}

func (a *windowAcc) result() (types.Value, error) {
	switch a.w.kind {
	case "agg":
		return a.w.agg.result(&a.agg)
	case "count":
		return types.NewInt(types.Int64, a.n), nil
	case "sum":
		return a.sum.sum(a.w.typ)
	case "avg":
		return a.sum.avg(a.w.typ)
	}
	return a.best, nil
}
