package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// INTERSECT [ALL] and EXCEPT [ALL]. The dialect pass writes them as UNION with a marker
// comment on the right operand's first SELECT (dialect_setops.go), which the converter reads
// back (setOpOf) into ast.Select's Op. A set operation other than UNION is planned as a
// setOpNode over its two operands, whose column types are resolved as a UNION's; its ORDER
// BY and LIMIT are a UNION's too.

// bindSetOp plans t, an INTERSECT or EXCEPT, without its ORDER BY and LIMIT.
func (s *Session) bindSetOp(t *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	name := "INTERSECT"
	if t.Op == ast.Except {
		name = "EXCEPT"
	}
	operands := []*ast.Select{t.Left, t.Right}
	nodes, from, cols, steps, err := s.bindBranches(len(operands), func(i int) (node, []Column, error) {
		return s.bindQuery(operands[i], ps, outer)
	}, name)
	if err != nil {
		return nil, nil, err
	}
	return &setOpNode{
		left:  s.convertBranch(nodes[0], from[0], steps, 0, 1),
		right: s.convertBranch(nodes[1], from[1], steps, 1, 1),
		op:    t.Op, all: t.All, name: name, trim: charTrimFlags(cols),
		records: recordKeyPositions(typesOfColumns(cols)),
	}, cols, nil
}

// setOpNode computes left INTERSECT/EXCEPT [ALL] right: it counts the right rows by value,
// then streams the left ones. INTERSECT ALL yields a row as many times as it is in both
// (the smaller count), EXCEPT ALL as many more times as it is in left; without ALL each
// row once. NULLs are equal here, as in PostgreSQL's set operations.
type setOpNode struct {
	left, right node
	op          ast.SetOp // Intersect or Except
	all         bool
	name        string
	trim        []bool // char(n) columns, whose padding does not count
	records     []int  // every column, when one is a record (checkRecordKeys); else nil
}

func (n *setOpNode) explain(ex *explainer) {
	all := ""
	if n.all {
		all = " All"
	}
	ex.line("HashSetOp %s%s", strings.ToUpper(n.name[:1])+strings.ToLower(n.name[1:]), all)
	// PostgreSQL's HashSetOp reads its operands through an Append, each a Subquery Scan on
	// "*SELECT* k" (k counts the SELECTs of the whole set operation), a nested INTERSECT or
	// EXCEPT a Result: drove reads the operands in turn too, the right one into its counts
	// first (setOpNode.open), which the plan does not show.
	ex.setOpNesting++
	ex.depth++
	ex.pending = nil
	ex.lineLike(&appendNode{ins: []node{n.left, n.right}}, "Append")
	ex.entries[len(ex.entries)-1].uncounted = true // no counts of its own
	for _, in := range []node{n.left, n.right} {
		ex.depth++
		ex.pending = nil
		if _, nested := unwrapAnalyze(in).(*setOpNode); nested {
			ex.lineLike(in, "Result")
		} else {
			ex.setOpLeaves++
			ex.lineLike(in, "Subquery Scan on \"*SELECT* %d\"", ex.setOpLeaves)
		}
		ex.child(in)
		ex.depth--
	}
	ex.depth--
	if ex.setOpNesting--; ex.setOpNesting == 0 {
		ex.setOpLeaves = 0
	}
}

func (n *setOpNode) open(ec *execCtx) (rowIter, error) {
	if n.records != nil {
		return n.openRecords(ec)
	}
	right, err := n.right.open(ec)
	if err != nil {
		return nil, err
	}
	return n.run(ec, right, nil)
}

// openRecords reads both inputs first and makes PostgreSQL's comparisons of their records
// (checkRecordKeys), which it makes sorting both together.
func (n *setOpNode) openRecords(ec *execCtx) (rowIter, error) {
	var both [2][][]types.Value
	for i, in := range []node{n.left, n.right} {
		it, err := in.open(ec)
		if err != nil {
			return nil, err
		}
		if both[i], err = collect(ec, it); err != nil {
			return nil, err
		}
	}
	if err := checkRecordKeys(ec, append(slices.Clip(both[0]), both[1]...), n.records, true); err != nil {
		return nil, err
	}
	return n.run(ec, &sliceIter{rows: both[1]}, &sliceIter{rows: both[0]})
}

// run counts the right rows, then streams the left ones (left, when not nil, instead of
// opening n.left).
func (n *setOpNode) run(ec *execCtx, right, left rowIter) (rowIter, error) {
	it := &setOpIter{ec: ec, n: n, counts: make(map[string]int), left: left}
	for {
		row, err := ec.pull(right)
		if err != nil {
			return nil, err
		}
		if row == nil {
			break
		}
		k := it.keyOf(row)
		if _, ok := it.counts[k]; !ok {
			if err := ec.mem.grow(int64(len(k) + 48)); err != nil {
				return nil, err
			}
		}
		it.counts[k]++
	}
	if it.left == nil {
		var err error
		if it.left, err = n.left.open(ec); err != nil {
			return nil, err
		}
	}
	if !n.all {
		it.done = make(map[string]bool)
	}
	return it, nil
}

type setOpIter struct {
	ec     *execCtx
	n      *setOpNode
	left   rowIter
	counts map[string]int  // right rows by value
	done   map[string]bool // without ALL: the values already yielded
	key    []byte
}

func (it *setOpIter) keyOf(row []types.Value) string {
	it.key = it.key[:0]
	for i, v := range row {
		if it.n.trim != nil && it.n.trim[i] {
			v = trimChar(v)
		}
		it.key = appendValueKey(it.key, v)
	}
	return string(it.key)
}

func (it *setOpIter) next() ([]types.Value, error) {
	for {
		row, err := it.ec.pull(it.left)
		if err != nil || row == nil {
			return nil, err
		}
		k := it.keyOf(row)
		if it.done != nil {
			if it.done[k] {
				continue
			}
			_, inRight := it.counts[k]
			if inRight != (it.n.op == ast.Intersect) {
				continue
			}
			if err := it.ec.mem.grow(int64(len(k) + 48)); err != nil {
				return nil, err
			}
			it.done[k] = true
			return row, nil
		}
		c := it.counts[k]
		if c > 0 {
			it.counts[k] = c - 1
		}
		if (c > 0) == (it.n.op == ast.Intersect) {
			return row, nil
		}
	}
}
