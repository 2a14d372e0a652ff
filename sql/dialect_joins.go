package sql

// Nested joins without parentheses: a JOIN b LEFT JOIN c ON c.x = b.x ON b.y = a.y is
// PostgreSQL's a JOIN (b LEFT JOIN c ON c.x = b.x) ON b.y = a.y, a qualified join's right
// side taking the joins that complete before its own ON or USING. vitess's grammar has no
// such reading, so the pass writes the parentheses: it keeps, per depth, the qualified joins
// still waiting for their condition (where each one's right side begins in the output), and
// when an ON or USING completes a join after another join completed inside its right side,
// that right side is parenthesized.

// pendingJoin is a qualified join waiting for its ON or USING.
type pendingJoin struct {
	depth, at int  // at: where its right side begins in the output
	nested    bool // a join inside its right side has completed
}

// joinWord notes a JOIN just written: a qualified join (not CROSS or NATURAL, which take
// no condition) waits for its condition.
func (r *rewriter) joinWord() {
	r.dropStaleJoins()
	for i := len(r.words) - 2; i >= 0; i-- {
		switch r.words[i] {
		case "left", "right", "full", "inner", "outer":
			continue
		case "cross", "natural":
			return
		}
		break
	}
	r.joins = append(r.joins, pendingJoin{depth: r.depth, at: r.b.Len()})
}

// joinCondition is called at an ON or USING: it completes the last join waiting at this
// depth, parenthesizing its right side when a join completed inside it.
func (r *rewriter) joinCondition(w string) error {
	if w != "on" && w != "using" || len(r.joins) == 0 {
		return nil
	}
	r.dropStaleJoins()
	n := len(r.joins)
	if n == 0 || r.joins[n-1].depth != r.depth {
		return nil
	}
	j := r.joins[n-1]
	r.joins = r.joins[:n-1]
	if n > 1 && r.joins[n-2].depth == r.depth {
		r.joins[n-2].nested = true
	}
	if !j.nested {
		return nil
	}
	if err := r.insertAt(j.at, " ("); err != nil {
		return err
	}
	r.b.WriteString(") ")
	return nil
}

// dropStaleJoins forgets the joins of parentheses already closed.
func (r *rewriter) dropStaleJoins() {
	for len(r.joins) > 0 && r.joins[len(r.joins)-1].depth > r.depth {
		r.joins = r.joins[:len(r.joins)-1]
	}
}
