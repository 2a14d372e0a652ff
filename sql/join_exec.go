package sql

import "github.com/drovedb/drove/types"

// joinNode joins its inputs: a hash join when it has equality keys (the right side is built
// into a hash table, the left streams past it), a nested loop over the materialized right side
// otherwise. Outer joins add the unmatched rows NULL-extended.
type joinNode struct {
	left, right  node
	kind         joinKind
	lw, rw       int
	lkeys, rkeys []*expr
	keyText      []string
	residual     *expr
	residualText string
	// keepBuild: the right side's rows are the same at every open in one execution and the
	// join is opened once per row of a LATERAL nested loop, so it is built once (ec.builds).
	keepBuild bool
}

func (n *joinNode) explain(ex *explainer) {
	kind := ""
	if n.kind != innerJoin {
		kind = " " + n.kind.String()
	}
	if len(n.lkeys) > 0 {
		ex.line("Hash%s Join", kind)
		ex.detail("Hash Cond: %s", andText(n.keyText))
	} else if kind == "" {
		ex.line("Nested Loop") // PostgreSQL's name for the inner one
	} else {
		ex.line("Nested Loop%s Join", kind)
	}
	if n.residual != nil {
		ex.detail("Join Filter: %s", n.residualText)
	}
	ex.child(n.left)
	ex.depth++
	if len(n.lkeys) > 0 {
		ex.lineLike(n.right, "Hash")
		ex.child(n.right)
	} else {
		ex.lineLike(n.right, "Materialize")
		ex.child(n.right)
	}
	ex.depth--
}

func (n *joinNode) open(ec *execCtx) (rowIter, error) {
	b, err := n.build(ec)
	if err != nil {
		return nil, err
	}
	it := &joinIter{ec: ec, n: n, joinBuild: b, out: make([]types.Value, n.lw+n.rw)}
	if n.kind == rightJoin || n.kind == fullJoin {
		it.matched = make([]bool, len(b.rows))
	}
	if it.lin, err = n.left.open(ec); err != nil {
		return nil, err
	}
	return it, nil
}

// joinBuild is a join's right side, collected and, for a hash join, hashed.
type joinBuild struct {
	rows   [][]types.Value
	intKey bool
	ints   map[int64]int32 // hash join on one integer key: key → first row + 1
	strs   map[string]int32
	chain  []int32 // hash chains: row → next row with its key + 1
}

// build collects and hashes the right side, or, for a join that keeps its build (a static
// right side re-opened per row of a LATERAL nested loop), returns the execution's earlier one:
// PostgreSQL's hash join rescan keeps its table too when the inner side's parameters did not
// change.
func (n *joinNode) build(ec *execCtx) (joinBuild, error) {
	if n.keepBuild {
		if b, ok := ec.builds[n]; ok {
			return *b, nil
		}
	}
	b, err := n.buildOnce(ec)
	if err != nil || !n.keepBuild {
		return b, err
	}
	if ec.builds == nil {
		ec.builds = map[*joinNode]*joinBuild{}
	}
	ec.builds[n] = &b
	return b, nil
}

func (n *joinNode) buildOnce(ec *execCtx) (joinBuild, error) {
	var b joinBuild
	rin, err := n.right.open(ec)
	if err != nil {
		return b, err
	}
	if b.rows, err = collect(ec, rin); err != nil || len(n.lkeys) == 0 {
		return b, err
	}
	// Rows with equal keys are chained through chain (1-based, 0 ends a chain), so the table
	// holds one int32 per distinct key and building allocates no slice per key.
	b.chain = make([]int32, len(b.rows))
	b.intKey = len(n.lkeys) == 1 && n.lkeys[0].typ.IsInteger() && n.rkeys[0].typ.IsInteger()
	if b.intKey {
		b.ints = make(map[int64]int32, len(b.rows))
	} else {
		b.strs = make(map[string]int32, len(b.rows))
	}
	var key []byte
	for i, r := range b.rows {
		var head int32
		if b.intKey {
			v, err := n.rkeys[0].eval(r)
			if err != nil {
				return b, err
			}
			if v.IsNull() {
				continue // a NULL key matches nothing
			}
			head = b.ints[v.I]
			b.ints[v.I] = int32(i + 1)
		} else {
			var null bool
			if key, null, err = hashKey(key[:0], n.rkeys, r); err != nil {
				return b, err
			}
			if null {
				continue
			}
			head = b.strs[string(key)]
			b.strs[string(key)] = int32(i + 1)
		}
		b.chain[i] = head
	}
	return b, ec.mem.grow(int64(len(b.rows)) * 24)
}

// hashKey encodes the key expressions over row; null reports a NULL among them.
func hashKey(dst []byte, keys []*expr, row []types.Value) ([]byte, bool, error) {
	for _, k := range keys {
		v, err := k.eval(row)
		if err != nil || v.IsNull() {
			return dst, true, err
		}
		dst = appendValueKey(dst, v)
	}
	return dst, false, nil
}

type joinIter struct {
	ec  *execCtx
	n   *joinNode
	lin rowIter
	joinBuild
	matched []bool
	out     []types.Value
	key     []byte

	cur     []types.Value // the left row being joined, nil between rows
	cand    int32         // hash join: the next candidate right row + 1
	pos     int           // nested loop: the next right row
	hit     bool          // cur matched some right row
	leftEOF bool
	tail    int // position in the unmatched-right pass
}

// probe finds the first right row whose key equals l's.
func (it *joinIter) probe(l []types.Value) (int32, error) {
	n := it.n
	if it.intKey {
		v, err := n.lkeys[0].eval(l)
		if err != nil || v.IsNull() {
			return 0, err
		}
		return it.ints[v.I], nil
	}
	var null bool
	var err error
	if it.key, null, err = hashKey(it.key[:0], n.lkeys, l); err != nil || null {
		return 0, err
	}
	return it.strs[string(it.key)], nil
}

func (it *joinIter) next() ([]types.Value, error) {
	n := it.n
	hashed := it.chain != nil
	for !it.leftEOF {
		if it.cur == nil {
			l, err := it.lin.next()
			if err != nil {
				return nil, err
			}
			if l == nil {
				it.leftEOF = true
				break
			}
			it.cur, it.pos, it.hit = l, 0, false
			if hashed {
				if it.cand, err = it.probe(l); err != nil {
					return nil, err
				}
			}
			copy(it.out, l)
		}
		for {
			ri := -1
			if hashed {
				if it.cand > 0 {
					ri = int(it.cand - 1)
					it.cand = it.chain[ri]
				}
			} else if it.pos < len(it.rows) {
				ri = it.pos
				it.pos++
			}
			if ri < 0 {
				break
			}
			if err := it.ec.check(); err != nil {
				return nil, err
			}
			copy(it.out[n.lw:], it.rows[ri])
			ok, err := qualPasses(n.residual, it.out)
			if err != nil {
				return nil, err
			}
			if ok {
				it.hit = true
				if it.matched != nil {
					it.matched[ri] = true
				}
				return it.out, nil
			}
		}
		l := it.cur
		it.cur = nil
		if !it.hit && (n.kind == leftJoin || n.kind == fullJoin) {
			copy(it.out, l)
			nullFill(it.out[n.lw:])
			return it.out, nil
		}
	}
	for it.matched != nil && it.tail < len(it.rows) {
		i := it.tail
		it.tail++
		if !it.matched[i] {
			nullFill(it.out[:n.lw])
			copy(it.out[n.lw:], it.rows[i])
			return it.out, nil
		}
	}
	return nil, nil
}

func nullFill(row []types.Value) {
	for i := range row {
		row[i] = types.NullValue
	}
}
