package sql

import (
	"bytes"
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Keyset pagination: WHERE (a, b) > ($1, $2) ORDER BY a, b LIMIT n. A row comparison of
// columns with row-independent values bounds an ordered index whose columns (after those
// WHERE pins) are the row's: the index is read from the first entry after (x, y), not from
// the first with a = x. And when ORDER BY asks for the order of the index a scan reads (or,
// under a LIMIT, of an ordered index a full scan could read instead), the scan reads the
// index in batches, in order (backward for an ORDER BY all descending), and the sort is left
// out: LIMIT n stops the scan after n rows.
// Should the index not answer when the scan opens (the transaction wrote to the table), the
// sort runs after all (sortNode.presorted).

// rowBound is a top-level ANDed comparison of a row of columns with a row of row-independent
// values: (a, b) > (x, y).
type rowBound struct {
	cols []int
	op   string // <, <=, >, >=
	xs   []*expr
	text string // for EXPLAIN
}

// rowBounds finds WHERE's row comparisons that can bound an index.
func rowBounds(bt *boundTable, conjs []ast.Expr) ([]*rowBound, error) {
	var out []*rowBound
	for _, conj := range conjs {
		c, ok := conj.(*ast.BinaryOp)
		if !ok {
			continue
		}
		op := c.Op
		switch op {
		case "<", "<=", ">", ">=":
		default:
			continue
		}
		l, lok := c.Left.(*ast.Row)
		r, rok := c.Right.(*ast.Row)
		if !lok || !rok || l.Explicit || r.Explicit || len(l.Fields) != len(r.Fields) || len(l.Fields) < 2 {
			continue
		}
		if _, col := l.Fields[0].(*ast.ColumnRef); !col {
			l, r, op = r, l, flipComparison(op)
		}
		rb, err := bindRowBound(bt, l.Fields, r.Fields, op)
		if err != nil {
			return nil, err
		}
		if rb != nil {
			rb.text = treeText(c)
			out = append(out, rb)
		}
	}
	return out, nil
}

// bindRowBound compiles (cols) op (values); nil when the left row is not all columns of the
// table or a value reads the row.
func bindRowBound(bt *boundTable, l, r []ast.Expr, op string) (*rowBound, error) {
	rb := &rowBound{op: op}
	for i := range l {
		col, ok := tableColumn(bt, l[i])
		if !ok {
			return nil, nil
		}
		x, err := compileAST(r[i], bt.scope)
		if err != nil || !x.rowFree {
			return nil, nil
		}
		t := bt.schema.Columns[col].Type
		if x.unknown {
			if x, err = castLiteral(x, t); err != nil {
				return nil, err
			}
		}
		if familyOf(x.typ) != familyOf(t) || bt.schema.Columns[col].Fixed {
			return nil, nil
		}
		rb.cols, rb.xs = append(rb.cols, col), append(rb.xs, x)
	}
	return rb, nil
}

// rowRangeOf picks the row bounds whose columns lead cols (an index's columns after those WHERE
// pins): the lower and the upper one, nil when there is none.
func rowRangeOf(s *types.Schema, rows []*rowBound, cols []int) (lo, hi *rowBound) {
	for _, rb := range rows {
		if len(rb.cols) > len(cols) || !slices.Equal(rb.cols, cols[:len(rb.cols)]) {
			continue
		}
		switch rb.op {
		case ">", ">=":
			if lo == nil || len(rb.cols) > len(lo.cols) {
				lo = rb
			}
		default:
			if hi == nil || len(rb.cols) > len(hi.cols) {
				hi = rb
			}
		}
	}
	return lo, hi
}

// rowSpan narrows [lo, hi) of the index, whose entries start with prefix (the pinned
// columns' values), by the row bounds. A row bound holding a NULL, or a value no key of its
// column's type equals, is left to the filter (the column bound it implies still narrows).
func (ia *indexAccess) rowSpan(prefix, lo, hi []byte) ([]byte, []byte, error) {
	key := func(rb *rowBound) ([]byte, bool, error) {
		b := slices.Clip(prefix)
		for i, x := range rb.xs {
			v, err := x.eval(nil)
			if err != nil || v.IsNull() {
				return nil, false, err
			}
			t := ia.schema.Columns[rb.cols[i]].Type
			if v, m := keyValue(v, t); m != keyExact {
				return nil, false, nil
			} else if b, err = types.AppendKeyValue(b, t, v); err != nil {
				return nil, false, err
			}
		}
		return b, true, nil
	}
	if rb := ia.rowLo; rb != nil {
		b, ok, err := key(rb)
		if err != nil {
			return nil, nil, err
		}
		if ok && rb.op == ">" {
			b = prefixEnd(b) // after every entry beginning with the row
		}
		if ok && bytes.Compare(b, lo) > 0 {
			lo = b
		}
	}
	if rb := ia.rowHi; rb != nil {
		b, ok, err := key(rb)
		if err != nil {
			return nil, nil, err
		}
		if ok && rb.op == "<=" {
			b = prefixEnd(b)
		}
		if ok && b != nil && (hi == nil || bytes.Compare(b, hi) < 0) {
			hi = b
		}
	}
	return lo, hi, nil
}

// The batches of an ordered index scan grow from firstBatch to maxBatch entries: a LIMIT
// reads little past its rows, a long scan few batches.
const (
	firstBatch = 16
	maxBatch   = 4096
)

// openOrdered opens an index scan that reads its index in order, in batches; without an
// index that can answer, the table is scanned (and the sort above runs).
func (n *scanNode) openOrdered(ec *execCtx, it *scanIter) (rowIter, error) {
	a := n.acc
	lo, hi, exact, m, err := a.ix.span()
	switch {
	case err != nil:
		return nil, err
	case m == keyNone:
		it.viaIndex = true // no row
		return it, nil
	case m == keyScan:
		return n.openCursor(ec, it)
	case exact:
		pks, ok, err := ec.tx.IndexScan(a.table.name, a.ix.def.Name, lo, nil, true)
		if err != nil || !ok {
			if err != nil {
				return nil, err
			}
			return n.openCursor(ec, it)
		}
		it.pks, it.viaIndex = pks, true
		return it, nil
	}
	it.batch, it.desc, it.ixLo, it.ixHi = firstBatch, n.desc, lo, hi
	pks, next, ok, err := ec.tx.IndexScanBatch(a.table.name, a.ix.def.Name, lo, hi,
		tablespace.IndexBatch{Max: it.batch, Desc: it.desc})
	if err != nil {
		return nil, err
	}
	if !ok {
		return n.openCursor(ec, it)
	}
	it.pks, it.viaIndex, it.ixNext = pks, true, next
	return it, nil
}

// nextBatch reads the next batch of an ordered index scan.
func (it *scanIter) nextBatch() error {
	it.batch = min(2*it.batch, maxBatch)
	a := it.acc
	lo, hi := it.ixNext, it.ixHi
	if it.desc {
		lo, hi = it.ixLo, it.ixNext
	}
	pks, next, ok, err := it.ec.tx.IndexScanBatch(a.table.name, a.ix.def.Name, lo, hi,
		tablespace.IndexBatch{Max: it.batch, Cont: true, Desc: it.desc})
	if err == nil && !ok {
		err = Errorf("XX000", "index %s could not continue its scan", a.ix.def.Name)
	}
	it.pks, it.ixNext = pks, next
	return err
}

// orderedScan returns the scan of a one-table query whose ORDER BY (keys, from ob) asks for
// the order of the ordered index the scan reads: its columns from the first or from the
// first after those WHERE pins, all ascending or all descending. Under a LIMIT, a full scan
// becomes a scan of such an index when the index holds every row (its columns NOT NULL).
// nil when there is none.
func orderedScan(ob []ast.SortBy, root node, sc *scope, projs []projection, keys []sortKey, limits *limitExprs) *scanNode {
	scan, ok := root.(*scanNode)
	if !ok || len(keys) == 0 || scan.acc.table.system != nil || len(sc.cols) != len(scan.acc.table.schema.Columns) {
		return nil
	}
	if len(ob) != len(keys) {
		return nil
	}
	// Every row an index scan yields is in the index, so none has a NULL in its columns:
	// where NULLs would sort does not matter, only that the keys go one way.
	cols := make([]int, len(keys))
	for i, k := range keys {
		if k.desc != keys[0].desc {
			return nil
		}
		cols[i] = -1
		if k.pos < len(projs) {
			cols[i] = projs[k.pos].ref - 1
		} else if c, ok := ob[i].Expr.(*ast.ColumnRef); ok && !c.Star {
			cols[i], _ = sc.lookupRef(columnRef(c))
		}
		if cols[i] < 0 {
			return nil
		}
	}
	s := scan.acc.table.schema
	fits := func(def types.Index, from int) bool {
		if def.Hash || from+len(cols) > len(def.Columns) {
			return false
		}
		for i, c := range cols {
			if def.Columns[from+i] != c || s.Columns[c].Fixed {
				return false
			}
		}
		return true
	}
	switch a := scan.acc; a.kind {
	case indexScan:
		if !fits(a.ix.def, 0) && !fits(a.ix.def, len(a.ix.eq)) {
			return nil
		}
	case fullScan:
		if limits.limit == nil {
			return nil
		}
		i := slices.IndexFunc(s.Indexes, func(def types.Index) bool { return fits(def, 0) && indexesEveryMatch(s, def, 0, false) })
		if i < 0 {
			return nil
		}
		a.kind, a.ix = indexScan, &indexAccess{def: s.Indexes[i], schema: s}
	default:
		return nil
	}
	scan.ordered, scan.desc = true, keys[0].desc
	return scan
}
