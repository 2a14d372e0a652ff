package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A lookup join reads, for each row of its left side, the one row of a table whose whole
// primary key the join's equalities give: a nested loop whose inner side is a point lookup.
// The join-order search (joinorder.go) picks it over a hash join when the left side is
// estimated small next to the table, which it then never scans.

// lookupCost is what one lookup costs, in rows of a hash join's input.
const lookupCost = 4.0

// keyEq is a condition equating primary-key column pk of a table relation with an expression
// of the relations from.
type keyEq struct {
	pk   int
	from []int
}

// findKeyEqs finds, for each relation, the conditions that could look it up by key.
func (r *joinRegion) findKeyEqs() {
	r.keyEqs = make([][]keyEq, len(r.items))
	for b, it := range r.items {
		if it.table == nil || it.table.system != nil || len(it.table.schema.PK) == 0 {
			continue
		}
		for _, c := range r.conds {
			if len(c.rels) < 2 || !containsInt(c.rels, b) {
				continue
			}
			for _, p := range it.table.schema.PK {
				other := r.pkSide(c.e, b, p)
				if other == nil {
					continue
				}
				if _, _, movable := refs(other, r.sc); !movable {
					continue
				}
				if from := r.relsOf(other); len(from) > 0 && !containsInt(from, b) {
					r.keyEqs[b] = append(r.keyEqs[b], keyEq{pk: p, from: from})
				}
			}
		}
	}
}

// canLookUp reports whether the conditions give every primary-key column of relation b from
// the relations in set.
func (r *joinRegion) canLookUp(set relSet, b int) bool {
	eqs := r.keyEqs[b]
	if len(eqs) == 0 {
		return false
	}
	for _, p := range r.items[b].table.schema.PK {
		found := false
		for _, e := range eqs {
			if e.pk == p && set.hasAll(e.from) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// pkSide returns the other side of e when e is an equality of column p of relation b with
// something else.
func (r *joinRegion) pkSide(e ast.Expr, b, p int) ast.Expr {
	cmp, ok := e.(*ast.BinaryOp)
	if !ok || cmp.Op != "=" {
		return nil
	}
	is := func(x ast.Expr) bool {
		cn, ok := x.(*ast.ColumnRef)
		if !ok || cn.Star {
			return false
		}
		i, err := r.sc.lookupRef(columnRef(cn))
		return err == nil && i == r.items[b].start+p && !r.sc.cols[i].isMerge()
	}
	switch {
	case is(cmp.Left):
		return cmp.Right
	case is(cmp.Right):
		return cmp.Left
	}
	return nil
}

// buildLookupJoin builds a join whose right side is a table read by primary key; when a key
// column's equality turns out not to be one a lookup can serve (its types compare otherwise
// than the key's), a hash join.
func (s *Session) buildLookupJoin(f *fromItem, sc *scope) (node, error) {
	b := f.right.lookupOf
	bt := b.table
	lsc := sc.child(f.left.cols)
	cell := new([]types.Value)
	acc := &access{kind: pointLookup, table: bt}
	var keyText []string
	for _, p := range bt.schema.PK {
		x, text, err := s.lookupKeyExpr(f, sc, lsc, p, cell)
		if err != nil {
			return nil, err
		}
		if x == nil {
			f.lookup = false
			return s.buildFrom(f, sc)
		}
		acc.key = append(acc.key, x)
		keyText = append(keyText, text)
	}
	left, err := s.buildFrom(f.left, sc)
	if err != nil {
		return nil, err
	}
	if len(b.pushed) > 0 {
		e := andTree(b.pushed)
		if acc.filter, err = compileASTBool(e, bt.scope, "WHERE"); err != nil {
			return nil, err
		}
		acc.filterText = scanText(e, acc.table.alias)
	}
	n := &lookupJoinNode{left: left, acc: acc, cell: cell, lw: f.left.width(), rw: f.right.width(), keyText: keyText}
	// Every condition is checked on the joined row, the key equalities too: a key found by
	// a value converted to the column's type is still compared as the query wrote it.
	conds := append(append([]ast.Expr(nil), f.on...), f.right.pushed...)
	if len(conds) > 0 {
		if n.residual, err = compileASTBool(andTree(conds), sc.child(f.cols), "JOIN/ON"); err != nil {
			return nil, err
		}
		// EXPLAIN shows the conditions besides the key's.
		var rest []ast.Expr
		for _, c := range conds {
			if !slices.Contains(keyText, treeText(c)) {
				rest = append(rest, c)
			}
		}
		if len(rest) > 0 {
			n.residualText = treeText(andTree(rest))
		}
	}
	return n, nil
}

// lookupKeyExpr finds the condition of f giving primary-key column p of the looked-up table
// and compiles its other side over the left row that cell holds.
func (s *Session) lookupKeyExpr(f *fromItem, sc, lsc *scope, p int, cell *[]types.Value) (*expr, string, error) {
	bt := f.right.lookupOf.table
	col := bt.schema.Columns[p]
	for _, c := range f.on {
		cmp, ok := c.(*ast.BinaryOp)
		if !ok || cmp.Op != "=" {
			continue
		}
		for _, side := range [][2]ast.Expr{{cmp.Left, cmp.Right}, {cmp.Right, cmp.Left}} {
			cn, ok := side[0].(*ast.ColumnRef)
			if !ok || cn.Star {
				continue
			}
			if i, err := sc.lookupRef(columnRef(cn)); err != nil || i != f.right.start+p {
				continue
			}
			lo, hi, movable := refs(side[1], sc)
			if !movable || lo > hi || !f.left.covers(lo, hi) {
				continue
			}
			x, err := compileAST(side[1], lsc)
			if err != nil {
				return nil, "", err
			}
			// Text keys only from the same kind of text: char(n) compares with text
			// without its padding, which a stored key keeps.
			if x.unknown || familyOf(x.typ) != familyOf(col.Type) || x.typ == types.Text && x.bpchar != col.Fixed {
				continue
			}
			inner := x
			key := &expr{typ: x.typ, bpchar: x.bpchar, varchar: x.varchar, shape: x.shape, rowFree: true,
				eval: func([]types.Value) (types.Value, error) { return inner.eval(*cell) }}
			return key, treeText(c), nil
		}
	}
	return nil, "", nil
}

// lookupJoinNode is an inner join reading, for each left row, the right table's row by
// primary key.
type lookupJoinNode struct {
	left         node
	acc          *access
	cell         *[]types.Value // the left row the key expressions read
	lw, rw       int
	keyText      []string
	residual     *expr
	residualText string
}

func (n *lookupJoinNode) explain(ex *explainer) {
	ex.line("Nested Loop")
	ex.child(n.left)
	ex.depth++
	ex.line("Index Scan using %s on %s", n.acc.table.schema.PKConstraintName(), tableLabel(n.acc.table))
	ex.detail("Index Cond: %s", andText(n.keyText))
	if n.acc.filter != nil {
		ex.detail("Filter: %s", n.acc.filterText)
	}
	if n.residualText != "" {
		ex.detail("Join Filter: %s", n.residualText)
	}
	ex.depth--
}

func (n *lookupJoinNode) open(ec *execCtx) (rowIter, error) {
	lin, err := n.left.open(ec)
	if err != nil {
		return nil, err
	}
	return &lookupJoinIter{ec: ec, n: n, lin: lin, out: make([]types.Value, n.lw+n.rw)}, nil
}

type lookupJoinIter struct {
	ec      *execCtx
	n       *lookupJoinNode
	lin     rowIter
	out     []types.Value
	matches [][]types.Value // the right rows found for the current left row
	pos     int
}

func (it *lookupJoinIter) next() ([]types.Value, error) {
	n := it.n
	for {
		for it.pos < len(it.matches) {
			copy(it.out[n.lw:], it.matches[it.pos])
			it.pos++
			ok, err := qualPasses(n.residual, it.out)
			if err != nil {
				return nil, err
			}
			if ok {
				return it.out, nil
			}
		}
		l, err := it.ec.pull(it.lin)
		if err != nil || l == nil {
			return nil, err
		}
		copy(it.out, l)
		*n.cell = it.out[:n.lw]
		it.matches, it.pos = it.matches[:0], 0
		err = n.acc.visit(it.ec, func(_ []byte, row []types.Value) error {
			it.matches = append(it.matches, append([]types.Value(nil), row...))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
}
