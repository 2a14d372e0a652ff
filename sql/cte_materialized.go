package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// WITH name AS [NOT] MATERIALIZED (query). vitess has no such syntax: the dialect pass drops
// the words and writes the query as a derived table whose alias is a marker,
// `(select * from (query) as `\0cte:materialized`)`, which the binder (withCTEs) and the
// converter unwrap. MATERIALIZED computes the query once for all its references, as a
// volatile or several times read one is (cte_share.go); NOT MATERIALIZED inlines it even when
// it is read several times, unless it calls a volatile function, as PostgreSQL's planner
// does (a recursive one is computed once by its reference in either case).

const (
	cteMaterializedMarker    = markerStart + "cte:materialized"
	cteNotMaterializedMarker = markerStart + "cte:not materialized"
)

// cteMaterializedNext matches MATERIALIZED, or NOT MATERIALIZED, between a WITH query's AS
// and its parenthesis.
func (r *rewriter) cteMaterializedNext() bool {
	if r.lastWord != "as" {
		return false
	}
	if r.followedBy("materialized") { // the word is NOT
		return r.peek(1).IsPunct("(")
	}
	return r.nextIs("(")
}

// emitCTEMaterialized drops the words; the parenthesis that follows writes the wrapper.
func emitCTEMaterialized(r *rewriter, w string) error {
	r.cteMode = cteMaterializedMarker
	if w == "not" {
		r.cteMode = cteNotMaterializedMarker
		r.skip(1)
	}
	return nil
}

// cteWrapper starts the derived table around a [NOT] MATERIALIZED query at its parenthesis
// and returns what its closing parenthesis is followed by.
func (r *rewriter) cteWrapper() string {
	if r.cteMode == "" {
		return ""
	}
	r.b.WriteString("(select * from ")
	close := " as `" + r.cteMode + "`)"
	r.cteMode = ""
	return close
}

// unwrapCTE returns a WITH query's own query and its ast.CTEMaterialize mode.
func unwrapCTE(q sqlparser.TableStatement) (sqlparser.TableStatement, ast.CTEMaterialize) {
	sel, ok := q.(*sqlparser.Select)
	if !ok || len(sel.From) != 1 {
		return q, ast.CTEDefault
	}
	at, ok := sel.From[0].(*sqlparser.AliasedTableExpr)
	if !ok {
		return q, ast.CTEDefault
	}
	dt, ok := at.Expr.(*sqlparser.DerivedTable)
	if !ok {
		return q, ast.CTEDefault
	}
	switch at.As.String() {
	case cteMaterializedMarker:
		return dt.Select, ast.CTEMaterialized
	case cteNotMaterializedMarker:
		return dt.Select, ast.CTENotMaterialized
	}
	return q, ast.CTEDefault
}
