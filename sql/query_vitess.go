package sql

import "vitess.io/vitess/go/vt/sqlparser"

// WHERE and ON are bound from the binder's tree (join.go, plan.go), but a subquery's query, a
// view's and a view write's statement are still vitess's (sql/DESIGN.md, "Moving the binder
// onto the tree", step 3): the rewrites that build such a query's WHERE (subquery.go's
// probe, subquery_hoist.go, view_write.go) split and join vitess's AND with these, until
// queries are bound from ast.Select.

// andTerms splits a vitess condition into its top-level ANDed terms.
func andTerms(e sqlparser.Expr, acc []sqlparser.Expr) []sqlparser.Expr {
	if and, ok := e.(*sqlparser.AndExpr); ok {
		return andTerms(and.Right, andTerms(and.Left, acc))
	}
	return append(acc, e)
}

// andAll is the AND of vitess conditions.
func andAll(es []sqlparser.Expr) sqlparser.Expr {
	e := es[0]
	for _, c := range es[1:] {
		e = &sqlparser.AndExpr{Left: e, Right: c}
	}
	return e
}
