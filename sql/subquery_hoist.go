package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// compileExistsHoisted compiles EXISTS (SELECT ... FROM u WHERE rest AND q), where the
// conjuncts q read nothing of u, as EXISTS (SELECT ... FROM u WHERE rest) AND q: q is
// evaluated once per enclosing row, after the first row of u that passes rest, instead of
// for every such row (exactly when the original would first evaluate it). In subselect.sql's
// EXISTS (... tenk1 c WHERE b.hundred = c.hundred AND NOT EXISTS (... a.thousand ...)) the NOT
// EXISTS ran for each of c's 100 matching rows. ok is false when nothing can be hoisted.
func compileExistsHoisted(e *ast.Select, sc *scope) (x *expr, ok bool, err error) {
	sel := binderSelect(e) // its FROM and WHERE, vitess's until where16's change
	if sel == nil || sel.Where == nil || len(sel.From) != 1 || !plainSubquery(e) || sel.Lock != sqlparser.NoLock {
		return nil, false, nil
	}
	ate, isTable := sel.From[0].(*sqlparser.AliasedTableExpr)
	if !isTable || ate.Partitions != nil || len(ate.Columns) > 0 {
		return nil, false, nil
	}
	tn, isName := ate.Expr.(sqlparser.TableName)
	if !isName || sc.params.sess == nil {
		return nil, false, nil
	}
	schema, exists := sc.params.sess.ts.Schema(tn.Name.String())
	if !exists || !tn.Qualifier.IsEmpty() {
		return nil, false, nil
	}
	if _, cte := sc.params.sess.lookupCTE(tn.Name.String()); cte {
		return nil, false, nil
	}
	alias := tn.Name.String()
	if !ate.As.IsEmpty() {
		alias = ate.As.String()
	}
	var hoisted, rest []sqlparser.Expr
	for _, c := range andTerms(sel.Where.Expr, nil) {
		if readsNothingOf(c, alias, schema) {
			hoisted = append(hoisted, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(hoisted) == 0 || len(rest) == 0 {
		return nil, false, nil
	}
	inner := *sel
	inner.Where = &sqlparser.Where{Type: sqlparser.WhereClause, Expr: andAll(rest)}
	innerTree := *e
	innerTree.Query = &inner
	ex, err := compileExists(&innerTree, sc)
	if err != nil {
		return nil, false, nil // let the subquery as written report it
	}
	q, err := compileBool(andAll(hoisted), sc)
	if err != nil {
		return nil, false, nil
	}
	return &expr{typ: types.Bool, rowFree: ex.rowFree && q.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := ex.eval(row)
		if err != nil || !v.Bool() {
			return v, err
		}
		// EXISTS is never NULL: a NULL q fails the WHERE it stood in.
		w, err := q.eval(row)
		return types.NewBool(!w.IsNull() && w.Bool()), err
	}}, true, nil
}

// readsNothingOf reports whether c cannot read a column of the table u (known as alias),
// looking into its subqueries too: every column it names is qualified by another name, or,
// unqualified, is not a column of u. Conservative: a nested subquery's own column of the same
// name counts as reading u.
func readsNothingOf(c sqlparser.Expr, alias string, u *types.Schema) bool {
	ok := true
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n := n.(type) {
		case *sqlparser.ColName:
			q := n.Qualifier.Name.String()
			if q == alias || (q == "" && u.ColumnIndex(n.Name.String()) >= 0) {
				ok = false
			}
		case *sqlparser.StarExpr:
			ok = false // * or alias.* inside a nested subquery
		case *sqlparser.FuncExpr:
			if isVolatile(n.Name.Lowered()) {
				ok = false // evaluated fewer times than written
			}
		}
		return ok, nil
	}, c)
	return ok
}
