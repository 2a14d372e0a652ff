package sql

import "strings"

// A cursor declared without SCROLL or NO SCROLL is scrollable when its plan can run
// backward, as PostgreSQL decides in PerformCursorOpen: no row marks (FOR UPDATE/SHARE) and
// ExecSupportsBackwardScan of the plan. drove's plan is judged by the nodes EXPLAIN shows for
// it, which are PostgreSQL's names for its operators (planScansBackward). drove has no
// backward scans: a scrollable cursor goes back over the rows it kept. An explicit SCROLL
// cursor keeps every row it reads, against the query memory limit; one scrollable only by
// this rule keeps at most defaultScrollKeep bytes of rows (PostgreSQL's work_mem default,
// past which PostgreSQL's scroll tuplestore spills to disk): past that it drops them and scans
// forward only, so that a plain cursor reading a large table (pg_dump's) streams.

// defaultScrollKeep is how many bytes of rows a cursor scrollable by default keeps.
const defaultScrollKeep = 4 << 20

// planScansBackward reports whether PostgreSQL's executor could run the plan p backward
// (execAmi.c's ExecSupportsBackwardScan over the nodes drove's EXPLAIN shows) without row
// marks.
func planScansBackward(p *plan) bool {
	if p == nil || p.root == nil {
		return false
	}
	ex := &explainer{}
	ex.root(p.root)
	ok, _ := entriesScanBackward(ex.entries, 0)
	return ok
}

// entriesScanBackward judges the plan node of entries[i] and its inputs, returning the
// index of the entry after them.
func entriesScanBackward(entries []*explainEntry, i int) (bool, int) {
	e := entries[i]
	var kids []bool
	j := i + 1
	for j < len(entries) && entries[j].depth > e.depth {
		var ok bool
		ok, j = entriesScanBackward(entries, j)
		kids = append(kids, ok)
	}
	name := e.text
	for _, n := range []string{"Seq Scan", "Index Scan", "Index Only Scan", "Function Scan", "Values Scan",
		"CTE Scan", "Tid Scan", "Materialize", "Sort"} {
		if strings.HasPrefix(name, n) {
			return true, j
		}
	}
	switch {
	case name == "Result", name == "Limit", strings.HasPrefix(name, "Subquery Scan"):
		return len(kids) == 1 && kids[0], j
	case name == "Append":
		for _, k := range kids {
			if !k {
				return false, j
			}
		}
		return true, j
	}
	return false, j // LockRows too: row marks make a cursor NO SCROLL
}
