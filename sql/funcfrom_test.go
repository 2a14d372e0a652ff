package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// desugarFuncFroms replaces, in place, each function in FROM of q (sql/parser's
// ast.FuncFrom) by the derived table the binder binds it as (funcFromQuery), which is the
// tree the converter reads from the dialect pass's rewriting of it: the tests comparing the
// two trees compare them so.
func desugarFuncFroms(q *ast.Select) {
	var item func(f ast.FromItem) ast.FromItem
	item = func(f ast.FromItem) ast.FromItem {
		switch f := f.(type) {
		case *ast.FuncFrom:
			if d, err := funcFromQuery(f); err == nil {
				return d
			}
		case *ast.Join:
			f.Left, f.Right = item(f.Left), item(f.Right)
		}
		return f
	}
	ast.Walk(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok {
			for i, f := range s.From {
				s.From[i] = item(f)
			}
		}
		return true
	})
}
