package sql

import (
	"slices"
	"strings"

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
	if sc.params.sess == nil {
		return nil, false, nil
	}
	_, alias, schema, ok := oneTableSubquery(e, sc.params.sess)
	if !ok {
		return nil, false, nil
	}
	var hoisted, rest []ast.Expr
	for _, c := range andTerms(e.Where) {
		if readsNothingOf(c, alias, schema) {
			hoisted = append(hoisted, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(hoisted) == 0 || len(rest) == 0 {
		return nil, false, nil
	}
	// Bound from copies: when it fails the subquery as written is bound from the same nodes.
	innerTree := *e
	innerTree.From = []ast.FromItem{cloneFromItem(e.From[0])}
	innerTree.Targets = slices.Clone(e.Targets)
	for i := range innerTree.Targets {
		innerTree.Targets[i].Expr = cloneTree(innerTree.Targets[i].Expr)
	}
	innerTree.Where = cloneTree(andTree(rest))
	ex, err := compileExists(&innerTree, sc)
	if err != nil {
		return nil, false, nil // let the subquery as written report it
	}
	q, err := compileASTBool(cloneTree(andTree(hoisted)), sc, "WHERE")
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
func readsNothingOf(c ast.Expr, alias string, u *types.Schema) bool {
	ok := true
	ast.Walk(c, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ColumnRef:
			names := n.Names
			switch {
			case n.Star:
				ok = false // * or alias.* inside a nested subquery
			case len(names) >= 2 && names[len(names)-2] == alias, len(names) == 1 && u.ColumnIndex(names[0]) >= 0:
				ok = false
			}
		case *ast.FuncCall:
			if len(n.Name) >= 1 && isVolatile(strings.ToLower(n.Name[len(n.Name)-1])) {
				ok = false // evaluated fewer times than written
			}
		case *ast.Foreign:
			ok = false // not read here
		}
		return ok
	})
	return ok
}
