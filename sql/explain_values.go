package sql

// EXPLAIN's scans of rows that are no table's: a VALUES list of several rows is PostgreSQL's
// Values Scan on "*VALUES*". drove runs it as an Append of one SELECT of no table per row
// (values.go): each row's expressions evaluated in turn, which is what a Values Scan does, so
// it prints as one. A list whose rows are more than their values (a filter pushed into the
// rows) prints as the Append it is.

// valuesRows reports whether every input of a VALUES list's Append is still a row of values:
// projections over a one-row Result.
func valuesRows(n *appendNode) bool {
	for _, in := range n.ins {
		if !valuesRow(in) {
			return false
		}
	}
	return true
}

func valuesRow(n node) bool {
	for {
		switch m := unwrapAnalyze(n).(type) {
		case oneRowNode:
			return true
		case *projectNode:
			n = m.in
		default:
			return false
		}
	}
}

// valuesScan is a Values Scan's estimate as PostgreSQL's cost_valuesscan makes it: one
// operator and one tuple per row.
func (e *estimator) valuesScan(n *appendNode) estimate {
	r := estimate{rows: float64(len(n.ins))}
	for _, in := range n.ins {
		r.width = max(r.width, e.of(in).width)
	}
	r.total = r.rows * (cpuOperatorCost + cpuTupleCost)
	return r
}

// dmlInput is where an INSERT, UPDATE or DELETE reads the rows it writes: its scan (acc),
// its query, or its VALUES (values rows); kept as what it is, so binding allocates nothing
// for EXPLAIN.
type dmlInput struct {
	acc    *access
	query  node
	values int
}

// node is the input as EXPLAIN shows it under the statement's line (nil: none): the UPDATE's
// or DELETE's scan, the INSERT's query, or its VALUES as PostgreSQL shows them: a Result for
// one row, a Values Scan for several.
func (d dmlInput) node() node {
	switch {
	case d.acc != nil:
		return &scanNode{acc: d.acc}
	case d.query != nil:
		return d.query
	case d.values == 1:
		return oneRowNode{}
	case d.values > 1:
		ins := make([]node, d.values)
		for i := range ins {
			ins[i] = oneRowNode{}
		}
		return &appendNode{ins: ins, values: true}
	}
	return nil
}
