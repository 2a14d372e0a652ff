package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A subquery in an INSERT's, UPDATE's or DELETE's VALUES, WHERE, SET, ON CONFLICT DO UPDATE
// or RETURNING reads the statement's snapshot in PostgreSQL: it never sees rows the statement
// itself has written (UPDATE cs SET n = (SELECT sum(n) FROM cs c2 WHERE c2.id <= cs.id) would
// otherwise sum the sums of the rows before; INSERT ... ON CONFLICT DO UPDATE SET n = (SELECT
// count(*) FROM t) count the rows inserted by then). drove's reads go through the
// transaction, so such a statement runs under the transaction's statement view
// (tablespace/stmtview.go): its reads see the writes of earlier statements, not its own,
// while its locked re-reads and constraint checks see the latest. A statement without a
// subquery needs no view and pays nothing.

// evalValuesRow evaluates one row of an INSERT's VALUES (exprs by column; nil is NULL) into row.
// A typed value converted for its column (a timestamp for a timestamptz) is read in the
// zone of ps's session.
func evalValuesRow(exprs []*expr, row []types.Value, schema *types.Schema, ps *params) error {
	for i, x := range exprs {
		row[i] = types.NullValue
		if x == nil {
			continue
		}
		v, err := x.eval(nil)
		if err != nil {
			return err
		}
		if row[i], err = assignExpr(v, x, &schema.Columns[i], ps); err != nil {
			return err
		}
	}
	return nil
}

// treeReads reports whether a statement's RETURNING list or expressions (WHERE, SET's
// values) hold a subquery, over the tree.
func treeReads(ret []ast.Target, exprs ...ast.Expr) bool {
	found := false
	visit := func(n ast.Node) bool {
		_, ok := n.(*ast.SubLink)
		found = found || ok
		return !found
	}
	for _, e := range exprs {
		if e != nil {
			ast.Walk(e, visit)
		}
	}
	for _, t := range ret {
		ast.Walk(t.Expr, visit)
	}
	return found
}
