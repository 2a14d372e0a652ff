package sql

import (
	"strconv"

	"github.com/drovedb/drove/sql/ast"
)

// VALUES as a query: `VALUES (1, 'a'), (2, 'b')` on its own, in FROM (with AS v(n, s)), in
// IN (...), as a UNION branch. The dialect pass writes each row as MySQL's ROW(...) (the
// values-rows rule), which vitess parses into a ValuesStatement, and the converter into
// ast.Select's Values; INSERT's VALUES list at depth 0 is left as it is. A VALUES list is
// planned as the UNION ALL of one SELECT per row, its columns named column1, column2, ...
// (their types resolved over all rows at once, see bindValuesTree); its ORDER BY sorts by
// expressions of its output columns, as in PostgreSQL.

// bindValuesTree plans the VALUES list t (its WITH bound around it by bindQuery): one row without ORDER BY or LIMIT as the SELECT of
// its values; else the UNION ALL of one SELECT per row, each a query block. Unlike a UNION's,
// whose branches PostgreSQL resolves pairwise, a VALUES column's type is resolved over all
// its rows at once (select_common_type): VALUES ('1'), ('2'), (3) is integer, as its untyped
// literals stay untyped until a typed row decides.
func (s *Session) bindValuesTree(t *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	rows := t.Values
	if len(rows) == 0 {
		return nil, nil, unsupported("an empty VALUES list")
	}
	for _, row := range rows {
		if len(row) != len(rows[0]) {
			return nil, nil, Errorf("42601", "VALUES lists must all be the same length")
		}
		if len(row) == 0 {
			return nil, nil, Errorf("42601", "syntax error at or near \")\"")
		}
	}
	if len(rows) == 1 && t.OrderBy == nil && t.Limit == nil && t.Offset == nil {
		return s.bindValuesRow(rows[0], ps, outer)
	}
	nodes, from, cols, steps, err := s.bindBranches(len(rows), func(i int) (node, []Column, error) {
		if err := s.enterBlock(); err != nil {
			return nil, nil, err
		}
		return s.bindValuesRow(rows[i], ps, outer)
	}, "VALUES")
	if err != nil {
		return nil, nil, err
	}
	last := len(rows) - 1
	for i := range nodes {
		nodes[i] = s.convertBranch(nodes[i], from[i], steps, i, last)
	}
	return finishSetOperation(t, &appendNode{ins: nodes, values: true}, cols, ps, outer, true)
}

// bindValuesRow plans one row of a VALUES list as the SELECT of its values, named column1,
// column2, ...
func (s *Session) bindValuesRow(row []ast.Expr, ps *params, outer *scope) (node, []Column, error) {
	targets := make([]ast.Target, len(row))
	for i, x := range row {
		targets[i] = ast.Target{Expr: x, Alias: "column" + strconv.Itoa(i+1)}
	}
	lvl := &level{}
	sc := &scope{params: ps, outer: outer, level: lvl}
	return s.bindSelectTree(&selectTree{Select: &ast.Select{Targets: targets}}, oneRowNode{}, sc)
}

// valuesQueryNext reports whether this VALUES starts a VALUES query, not INSERT's list of
// rows (which is at depth 0 of an INSERT).
func (r *rewriter) valuesQueryNext() bool {
	return r.nextIs("(") && !(r.depth == 0 && len(r.words) > 0 && r.words[0] == "insert")
}

// emitValuesRows writes VALUES (...), (...) as MySQL's VALUES ROW(...), ROW(...): the first
// ROW here, the others at their commas (valuesRowNext).
func emitValuesRows(r *rewriter, w string) error {
	r.b.WriteString("values ")
	if m := r.takeSetOpMarker(); m != "" {
		r.b.WriteString(m + " ")
	}
	r.b.WriteString("row")
	r.keep(w)
	r.lastWord = ""
	r.valuesRows = append(r.valuesRows, r.depth+1)
	return nil
}

// valuesRowsAt is 1 + the depth of the innermost VALUES list of rows being written, or 0.
func (r *rewriter) valuesRowsAt() int {
	if n := len(r.valuesRows); n > 0 {
		return r.valuesRows[n-1]
	}
	return 0
}

// valuesRowNext reports whether a comma separates two rows of a VALUES query.
func (r *rewriter) valuesRowNext() bool {
	return len(r.valuesRows) > 0 && r.valuesRowsAt() == r.depth+1 && r.prev.IsPunct(")") && r.nextIs("(")
}
