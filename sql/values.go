package sql

import (
	"strconv"

	"vitess.io/vitess/go/vt/sqlparser"
)

// VALUES as a query: `VALUES (1, 'a'), (2, 'b')` on its own, in FROM (with AS v(n, s)), in
// IN (...), as a UNION branch. The dialect pass writes each row as MySQL's ROW(...) (the
// values-rows rule), which vitess parses into a ValuesStatement; INSERT's VALUES list at
// depth 0 is left as it is. A VALUES list is planned as the UNION ALL of one SELECT per row,
// its columns named column1, column2, ... (their types resolved over all rows at once, see
// bindValuesRows); its ORDER BY sorts by expressions of its output columns, as in PostgreSQL.

// valuesQuery is the UNION ALL (or the one SELECT) that a VALUES list stands for.
func valuesQuery(v *sqlparser.ValuesStatement) (sqlparser.TableStatement, error) {
	if v.ListArg != "" || len(v.Rows) == 0 {
		return nil, unsupported("%s", pgString(v))
	}
	width := len(v.Rows[0])
	var q sqlparser.TableStatement
	for _, row := range v.Rows {
		if len(row) != width {
			return nil, Errorf("42601", "VALUES lists must all be the same length")
		}
		if width == 0 {
			return nil, Errorf("42601", "syntax error at or near \")\"")
		}
		exprs := make([]sqlparser.SelectExpr, len(row))
		for i, x := range row {
			exprs[i] = &sqlparser.AliasedExpr{Expr: x, As: sqlparser.NewIdentifierCI("column" + strconv.Itoa(i+1))}
		}
		sel := &sqlparser.Select{SelectExprs: &sqlparser.SelectExprs{Exprs: exprs}}
		if q == nil {
			q = sel
		} else {
			q = &sqlparser.Union{Left: q, Right: sel}
		}
	}
	if v.With == nil && v.Order == nil && v.Limit == nil {
		return q, nil
	}
	switch q := q.(type) {
	case *sqlparser.Select:
		if v.Order != nil { // sorted as a SELECT from the row, whose keys may be expressions
			q = &sqlparser.Select{SelectExprs: &sqlparser.SelectExprs{Exprs: []sqlparser.SelectExpr{&sqlparser.StarExpr{}}},
				From: []sqlparser.TableExpr{&sqlparser.AliasedTableExpr{Expr: &sqlparser.DerivedTable{Select: q},
					As: sqlparser.NewIdentifierCS("*VALUES*")}}}
		}
		q.With, q.OrderBy, q.Limit = v.With, v.Order, v.Limit
		return q, nil
	case *sqlparser.Union:
		q.With, q.OrderBy, q.Limit = v.With, v.Order, v.Limit
	}
	return q, nil
}

// bindValues plans a VALUES list.
func (s *Session) bindValues(v *sqlparser.ValuesStatement, ps *params, outer *scope) (node, []Column, error) {
	q, err := valuesQuery(v)
	if err != nil {
		return nil, nil, err
	}
	switch q := q.(type) {
	case *sqlparser.Union:
		if q.With != nil {
			return s.withCTEs(q.With, outer, func() (node, []Column, error) { return s.bindValuesRows(q, ps, outer) })
		}
		return s.bindValuesRows(q, ps, outer)
	case *sqlparser.Select:
		return s.bindSelectQuery(q, ps, outer)
	}
	return nil, nil, unsupported("%s", pgString(v))
}

// bindValuesRows plans the UNION ALL of a VALUES list's rows. Unlike a UNION's, whose
// branches PostgreSQL resolves pairwise, a VALUES column's type is resolved over all its rows
// at once (select_common_type): VALUES ('1'), ('2'), (3) is integer, as its untyped
// literals stay untyped until a typed row decides.
func (s *Session) bindValuesRows(u *sqlparser.Union, ps *params, outer *scope) (node, []Column, error) {
	rows, _ := unionChain(u)
	nodes, from, cols, steps, err := s.bindBranches(rows, "VALUES", ps, outer)
	if err != nil {
		return nil, nil, err
	}
	last := len(rows) - 1
	for i := range nodes {
		nodes[i] = convertBranch(nodes[i], from[i], steps, i, last)
	}
	return finishSetOperation(u, &appendNode{ins: nodes}, cols, ps, outer, true)
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
	r.valuesRows = r.depth + 1
	return nil
}

// valuesRowNext reports whether a comma separates two rows of a VALUES query.
func (r *rewriter) valuesRowNext() bool {
	return r.valuesRows == r.depth+1 && r.prev.IsPunct(")") && r.nextIs("(")
}
