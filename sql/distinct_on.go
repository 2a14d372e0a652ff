package sql

import (
	"reflect"
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// SELECT DISTINCT ON (exprs): the dialect pass writes it as SELECT DISTINCT with a last
// select-list entry drove_distinct_on(exprs) (dialect_grouping.go), so every check that
// treats a DISTINCT query conservatively (a view's pushed conditions, FOR UPDATE) holds for
// it too; the converter reads that entry as ast.Select's DistinctOn. The binder plans, after the select list, a sort whose
// first keys are the DISTINCT ON expressions and a Unique node keeping the first row of each
// run of equal values, then LIMIT, as PostgreSQL's Unique over a Sort.

// distinctOnKeys resolves the DISTINCT ON expressions as ORDER BY keys are (output columns by
// position or name, else hidden columns appended to exprs) and checks them against the ORDER
// BY keys with PostgreSQL's rule (transformDistinctOnClause): the ORDER BY keys that are
// DISTINCT ON expressions come first, and DISTINCT ON expressions not in ORDER BY are sorted
// after them, only when every ORDER BY key is one. It returns the sort keys and the
// positions the Unique node compares.
func distinctOnKeys(on []ast.Expr, ob []ast.SortBy, keys []sortKey, projs []projection, exprs []*expr, sc *scope) ([]sortKey, []*expr, []int, error) {
	var onKeys []sortKey
	for _, e := range on {
		// an ORDER BY key written alike (ob[i] is keys[i])
		if i := slices.IndexFunc(ob, func(o ast.SortBy) bool { return reflect.DeepEqual(o.Expr, e) }); i >= 0 {
			onKeys = append(onKeys, sortKey{pos: keys[i].pos, trim: keys[i].trim, record: keys[i].record})
			continue
		}
		ks, xs, err := orderKeys([]ast.SortBy{{Expr: e}}, projs, exprs, sc, false)
		if err != nil {
			return nil, nil, nil, err
		}
		exprs = xs
		onKeys = append(onKeys, ks[0])
	}
	// a key repeated in ORDER BY orders nothing more, and PostgreSQL's sort clause drops it
	var uniq []sortKey
	for _, k := range keys {
		if !slices.ContainsFunc(uniq, func(u sortKey) bool { return u.pos == k.pos }) {
			uniq = append(uniq, k)
		}
	}
	keys = uniq
	isOn := func(pos int) bool { return slices.ContainsFunc(onKeys, func(k sortKey) bool { return k.pos == pos }) }
	mismatch := Errorf("42P10", "SELECT DISTINCT ON expressions must match initial ORDER BY expressions")
	var sorted []sortKey
	skipped := false
	for _, k := range keys {
		switch {
		case !isOn(k.pos):
			skipped = true
		case skipped:
			return nil, nil, nil, mismatch
		default:
			sorted = append(sorted, k)
		}
	}
	for _, k := range onKeys {
		if slices.ContainsFunc(sorted, func(s sortKey) bool { return s.pos == k.pos }) {
			continue
		}
		if skipped {
			return nil, nil, nil, mismatch
		}
		sorted = append(sorted, k)
	}
	for _, k := range keys {
		if !isOn(k.pos) {
			sorted = append(sorted, k)
		}
	}
	var cmp []int
	for _, k := range onKeys {
		if !slices.Contains(cmp, k.pos) {
			cmp = append(cmp, k.pos)
		}
	}
	for _, p := range cmp {
		if exprs[p].typ == types.JSON {
			return nil, nil, nil, Errorf("42883", "could not identify an equality operator for type json")
		}
	}
	return sorted, exprs, cmp, nil
}

// finishDistinctOn is finishQuery for DISTINCT ON: sort, Unique, then LIMIT.
func finishDistinctOn(root node, cols []Column, keys []sortKey, cmp []int, exprs []*expr, limits *limitExprs) node {
	root = &sortNode{in: root, keys: keys, limits: &limitExprs{}}
	trim := make([]bool, len(cmp))
	for i, p := range cmp {
		trim[i] = exprs[p].bpchar
	}
	root = &uniqueNode{in: root, cols: cmp, trim: trim}
	root = finishQuery(root, cols, nil, limits, nil, nil)
	if len(exprs) > len(cols) {
		root = trimHidden(root, cols)
	}
	return root
}

// uniqueNode passes the first row of each run of rows equal in cols (NULLs equal).
type uniqueNode struct {
	in   node
	cols []int
	trim []bool // per entry of cols: char(n)
}

func (n *uniqueNode) explain(ex *explainer) {
	ex.line("Unique")
	ex.child(n.in)
}

func (n *uniqueNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &uniqueIter{n: n, ec: ec, in: in, last: make([]types.Value, len(n.cols))}, nil
}

type uniqueIter struct {
	n       *uniqueNode
	ec      *execCtx
	in      rowIter
	last    []types.Value
	started bool
}

func (it *uniqueIter) next() ([]types.Value, error) {
	for {
		row, err := it.ec.pull(it.in)
		if err != nil || row == nil {
			return nil, err
		}
		same := it.started
		for i, p := range it.n.cols {
			v := trimCharIf(row[p], it.n.trim[i])
			if same && (v.IsNull() != it.last[i].IsNull() || !v.IsNull() && compare(v, it.last[i]) != 0) {
				same = false
			}
			it.last[i] = v
		}
		if !same {
			it.started = true
			return row, nil
		}
	}
}
