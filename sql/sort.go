package sql

import (
	"container/heap"
	"math"
	"slices"

	"github.com/drovedb/drove/types"
)

// sortKey is one ORDER BY term: a column of the rows being sorted.
type sortKey struct {
	pos        int
	desc       bool
	nullsFirst bool
	trim       bool   // char(n): trailing spaces do not count
	record     bool   // a record: PostgreSQL's comparisons are made first (checkRecordKeys)
	text       string // EXPLAIN's Sort Key item
}

// compareRows orders rows by ORDER BY terms.
func compareRows(keys []sortKey, a, b []types.Value) int {
	for _, k := range keys {
		x, y := a[k.pos], b[k.pos]
		var c int
		switch {
		case x.IsNull() && y.IsNull():
			continue
		case x.IsNull() || y.IsNull():
			c = 1
			if x.IsNull() == k.nullsFirst {
				c = -1
			}
			return c
		default:
			c = compareChar(x, y, k.trim)
		}
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// sortNode sorts its input. Under a LIMIT it keeps only the first OFFSET+LIMIT rows in a
// bounded heap (top-N) instead of sorting everything.
type sortNode struct {
	in     node
	keys   []sortKey
	limits *limitExprs
	// presorted is the scan under in that reads an index in the keys' order: when it does
	// (its index answered), the rows pass through unsorted.
	presorted *scanNode
}

func (n *sortNode) explain(ex *explainer) {
	if n.presorted != nil {
		n.in.explain(ex) // the index gives the order, as in PostgreSQL's plan
		return
	}
	ex.line("Sort")
	if text := sortKeysText(n.keys); text != "" {
		ex.detail("Sort Key: %s", text)
	}
	ex.child(n.in)
}

func (n *sortNode) open(ec *execCtx) (rowIter, error) {
	offset, limit, err := n.limits.eval()
	if err != nil {
		return nil, err
	}
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	if n.presorted != nil && n.presorted.it.viaIndex {
		return in, nil
	}
	records := slices.ContainsFunc(n.keys, func(k sortKey) bool { return k.record })
	if limit < 0 || limit > math.MaxInt64-offset || records {
		rows, err := collect(ec, in)
		if err != nil {
			return nil, err
		}
		if records {
			pos := make([]int, len(n.keys))
			for i, k := range n.keys {
				pos[i] = k.pos
			}
			if err := checkRecordKeys(ec, rows, pos, false); err != nil {
				return nil, err
			}
		}
		if err := sortStable(ec, rows, func(a, b []types.Value) int { return compareRows(n.keys, a, b) }); err != nil {
			return nil, err
		}
		return &sliceIter{rows: rows}, nil
	}
	// Top-N: a max-heap of the best rows so far; seq keeps equal rows in input order.
	h := &topN{keys: n.keys, max: offset + limit}
	for i := 0; ; i++ {
		row, err := ec.pull(in)
		if err != nil {
			return nil, err
		}
		if row == nil {
			break
		}
		if h.max == 0 {
			continue
		}
		r := seqRow{row: row, seq: i}
		if int64(len(h.rows)) < h.max {
			if err := ec.mem.grow(rowBytes(row)); err != nil {
				return nil, err
			}
			r.row = slices.Clone(row)
			heap.Push(h, r)
		} else if h.less(r, h.rows[0]) {
			h.rows[0].row = append(h.rows[0].row[:0], row...)
			h.rows[0].seq = i
			heap.Fix(h, 0)
		}
	}
	rows := make([][]types.Value, len(h.rows))
	for i := len(rows) - 1; i >= 0; i-- {
		rows[i] = heap.Pop(h).(seqRow).row
	}
	return &sliceIter{rows: rows}, nil
}

type seqRow struct {
	row []types.Value
	seq int
}

// topN is a heap whose root is the worst row kept.
type topN struct {
	keys []sortKey
	rows []seqRow
	max  int64
}

func (h *topN) less(a, b seqRow) bool {
	if c := compareRows(h.keys, a.row, b.row); c != 0 {
		return c < 0
	}
	return a.seq < b.seq
}

func (h *topN) Len() int           { return len(h.rows) }
func (h *topN) Less(i, j int) bool { return h.less(h.rows[j], h.rows[i]) }
func (h *topN) Swap(i, j int)      { h.rows[i], h.rows[j] = h.rows[j], h.rows[i] }
func (h *topN) Push(x any)         { h.rows = append(h.rows, x.(seqRow)) }
func (h *topN) Pop() any {
	last := h.rows[len(h.rows)-1]
	h.rows = h.rows[:len(h.rows)-1]
	return last
}
