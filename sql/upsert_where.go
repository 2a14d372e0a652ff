package sql

import "vitess.io/vitess/go/vt/sqlparser"

// INSERT ... ON CONFLICT (k) DO UPDATE SET ... WHERE cond: vitess's ON DUPLICATE KEY UPDATE
// has no WHERE. The dialect pass's on-conflict-where rule marks where the WHERE begins; the
// condition is cut off the statement (as RETURNING is) into conflictClause.whereText, parsed
// on its own as a select expression, and bound over the existing row and "excluded". A row
// whose condition is not true is left as it is: not updated, not counted, not returned.

// conflictWhereNext reports whether this WHERE is DO UPDATE's: at depth 0 of an INSERT
// after its ON CONFLICT ... DO UPDATE SET, before any RETURNING.
func (r *rewriter) conflictWhereNext() bool {
	return r.depth == 0 && r.onConflict != nil && r.onConflict.update && r.conflictWhereAt == 0 && r.returningAt < 0
}

func emitConflictWhere(r *rewriter, w string) error {
	r.conflictWhereAt = r.b.Len()
	r.keep(w)
	return nil
}

// cutConflictWhere cuts DO UPDATE's WHERE condition off the statement's text (RETURNING is
// already cut) into the conflict clause.
func (r *rewriter) cutConflictWhere(text string) string {
	at := r.conflictWhereAt
	r.conflictWhereAt = 0
	if at == 0 || r.onConflict == nil || at > len(text) {
		return text
	}
	r.onConflict.whereText = text[at:]
	return text[:at]
}

// parseConflictWhere parses the WHERE condition the dialect pass cut off, if any.
func parseConflictWhere(c *conflictClause) error {
	if c == nil || c.whereText == "" || c.where != nil {
		return nil
	}
	ast, err := parseChecked("select "+c.whereText, nil)
	if err != nil {
		return err
	}
	sel, ok := ast.(*sqlparser.Select)
	if !ok || len(sel.SelectExprs.Exprs) != 1 || sel.Where != nil || sel.GroupBy != nil || sel.OrderBy != nil ||
		sel.Limit != nil || sel.From != nil && !(len(sel.From) == 1 && isDualFrom(sel.From[0])) {
		return Errorf("42601", "syntax error in ON CONFLICT DO UPDATE ... WHERE")
	}
	ae, ok := sel.SelectExprs.Exprs[0].(*sqlparser.AliasedExpr)
	if !ok || !ae.As.IsEmpty() {
		return Errorf("42601", "syntax error in ON CONFLICT DO UPDATE ... WHERE")
	}
	c.where = ae.Expr
	return nil
}

// updates reports whether DO UPDATE's WHERE holds for the row in ins.both.
func (ins *inserter) updates() (bool, error) {
	return qualPasses(ins.where, ins.both)
}
