package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
)

// How a scan by key or index shows: PostgreSQL's Index Scan using <index> on <table>, its
// Index Cond the WHERE conjuncts the lookup's key or range is made of, its Filter the rest
// (the scan still checks every conjunct: a.filter is the whole WHERE).

// indexCondSplit splits the access's WHERE into the conjuncts its index reads (cond) and the
// others (rest), as they print; cond is empty when the access reads no index by them.
func indexCondSplit(ex *explainer, a *access) (cond, rest []string) {
	if a.where == nil {
		return nil, nil
	}
	var cols []int // the index columns, and how many of them the conjuncts may pin or bound
	var ranged int // the column a range is on, -1: none
	switch a.kind {
	case pointLookup:
		cols, ranged = a.table.schema.PK, -1
	case pkList:
		cols, ranged = a.table.schema.PK[:1], -1
	case pkRange:
		cols, ranged = a.table.schema.PK[:1], a.table.schema.PK[0]
	case indexScan:
		if a.ix.def.Computed() {
			return computedCondSplit(ex, a)
		}
		if a.ix.rowLo != nil || a.ix.rowHi != nil {
			return nil, nil
		}
		cols, ranged = a.ix.def.Columns[:len(a.ix.eq)], -1
		if len(a.ix.eq) < len(a.ix.def.Columns) && (a.ix.lo != nil || a.ix.hi != nil) {
			ranged = a.ix.def.Columns[len(a.ix.eq)]
			cols = a.ix.def.Columns[:len(a.ix.eq)+1]
		}
	default:
		return nil, nil
	}
	for _, c := range conjuncts(a.where, nil) {
		text := ex.exprText(c, a.table.alias, "")
		if indexConj(a, c, cols, ranged) {
			cond = append(cond, text)
		} else {
			rest = append(rest, text)
		}
	}
	return cond, rest
}

// indexConj reports whether conjunct c compares an index column with a value the way the
// access reads the index: = for its pinned columns, a range on ranged, IN for a key list.
func indexConj(a *access, c ast.Expr, cols []int, ranged int) bool {
	col := func(e ast.Expr) int {
		if i, ok := tableColumn(a.table, e); ok && slices.Contains(cols, i) {
			return i
		}
		return -1
	}
	switch e := c.(type) {
	case *ast.BinaryOp:
		i := col(e.Left)
		if i < 0 {
			i = col(e.Right)
		}
		switch {
		case i < 0:
			return false
		case e.Op == "=":
			return a.kind != pkList
		case e.Op == "<" || e.Op == "<=" || e.Op == ">" || e.Op == ">=":
			return i == ranged
		}
	case *ast.In:
		return a.kind == pkList && !e.Not && col(e.Expr) >= 0
	case *ast.AnyAll:
		return a.kind == pkList && !e.All && e.Op == "=" && col(e.Left) >= 0
	case *ast.Between:
		return !e.Not && !e.Symmetric && col(e.Expr) >= 0 && col(e.Expr) == ranged
	}
	return false
}

// explainIndexScan prints a scan that reads an index by its conditions, and those of the
// filter f over it (scanNode.explainFiltered).
func explainIndexScan(ex *explainer, a *access, ixName, backward string, removed int64, f *filterNode) {
	ex.line("Index Scan%s using %s on %s", backward, ixName, tableLabel(a.table))
	cond, rest := indexCondSplit(ex, a)
	if len(cond) == 0 && a.filter != nil {
		rest = []string{ex.exprText(a.where, a.table.alias, a.filterText)}
	}
	if len(cond) > 0 {
		ex.detail("Index Cond: %s", andText(cond))
	}
	if rest = append(rest, f.texts(ex, a)...); len(rest) > 0 {
		ex.detail("Filter: %s", andText(rest))
		ex.removedByFilter(removed)
	}
}

// computedCondSplit is indexCondSplit for an index on expressions (index_computed.go): its
// Index Cond is the equalities of an index part, as computedAccess pinned them, and the
// conjuncts that are the partial index's predicate stay in the Filter, as drove checks them.
func computedCondSplit(ex *explainer, a *access) (cond, rest []string) {
	parts := make([]string, len(a.ix.eq))
	for i := range parts {
		parts[i] = storedTreeText(a.ix.def.Exprs[i])
	}
	for _, c := range conjuncts(a.where, nil) {
		text := ex.exprText(c, a.table.alias, "")
		if e, ok := c.(*ast.BinaryOp); ok && e.Op == "=" &&
			(slices.Contains(parts, treeText(e.Left)) || slices.Contains(parts, treeText(e.Right))) {
			cond = append(cond, text)
		} else {
			rest = append(rest, text)
		}
	}
	return cond, rest
}
