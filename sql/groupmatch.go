package sql

import (
	"reflect"
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// Grouped expressions are matched over sql/ast (sql/DESIGN.md, "Moving the binder onto the
// tree", step 2): an expression of an aggregated query's select list, HAVING or ORDER BY is
// a GROUP BY expression when the two trees are equal, reading each column as the input
// column it names (GROUP BY t.a % 2 groups a % 2, as PostgreSQL compares Vars).

// resolveTree is resolve for a node of the tree being compiled: a column (which must be
// grouped) or a grouped expression; ok is false for anything else. A node the tree keeps
// in vitess's form goes through resolve from compileExpr.
func (ab *aggBinder) resolveTree(e ast.Expr) (*expr, bool, error) {
	switch e := e.(type) {
	case *ast.Foreign:
		return nil, false, nil
	case *ast.ColumnRef:
		if !e.Star {
			return ab.resolveColumn(columnRef(e), func() string { return ast.Print(e, ast.SQL) })
		}
	}
	if g := ab.groupOf(e); g >= 0 {
		return ab.groupSlot(g), true, nil
	}
	return nil, false, nil
}

// groupOf is the GROUP BY expression (not a plain column) e is, or -1.
func (ab *aggBinder) groupOf(e ast.Expr) int {
	for g, ge := range ab.trees {
		if ab.groupCols[g] < 0 && ab.sameTree(reflect.ValueOf(e), reflect.ValueOf(ge)) {
			return g
		}
	}
	return -1
}

// treeMatcher compares trees converted for the binder over the rows of input (nil: columns
// by their names only): grouped expressions and aggregate calls (an aggBinder's), window
// calls (window.go).
type treeMatcher struct {
	input *scope
}

// sameTree reports whether two trees (or parts of them) are equal, a column being equal to
// one with the same name or naming the same input column. The parts a tree keeps in
// vitess's form (ast.Foreign, a SubLink's query) are compared as vitess's nodes.
func (m treeMatcher) sameTree(a, b reflect.Value) bool {
	if a.Kind() == reflect.Interface {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() && b.IsNil()
		}
		a, b = a.Elem(), b.Elem()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() && b.IsNil()
		}
		switch x := a.Interface().(type) {
		case *ast.ColumnRef:
			return m.sameColumn(x, b.Interface().(*ast.ColumnRef))
		case *ast.Foreign:
			y := b.Interface().(*ast.Foreign)
			xe, okX := x.Node.(sqlparser.Expr)
			ye, okY := y.Node.(sqlparser.Expr)
			return okX && okY && (sqlparser.Equals.Expr(xe, ye) || m.input != nil && sameColumns(xe, ye, m.input))
		case sqlparser.SQLNode:
			return sqlparser.Equals.SQLNode(x, b.Interface().(sqlparser.SQLNode))
		}
		return m.sameTree(a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if !m.sameTree(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !m.sameTree(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// sameColumn reports whether two column references are the same column: written alike, or
// naming the same column of the input.
func (m treeMatcher) sameColumn(x, y *ast.ColumnRef) bool {
	if x.Star || y.Star {
		return x.Star == y.Star && slices.Equal(x.Names, y.Names)
	}
	if slices.Equal(x.Names, y.Names) {
		return true
	}
	if m.input == nil {
		return false
	}
	i, mi, ok := inputColumn(m.input, columnRef(x))
	if !ok {
		return false
	}
	j, mj, ok := inputColumn(m.input, columnRef(y))
	return ok && i == j && mi == mj
}

// inputColumn is the input column reference c reads (ok false: none of sc's), and whether
// it reads the merge of a FULL JOIN ... USING column, COALESCE of both sides, which the
// qualified t.k of either side is not. The merged k of an INNER, LEFT or RIGHT join is one
// side's column itself, as PostgreSQL's flattened join alias variable is.
func inputColumn(sc *scope, c colRef) (i int, merge, ok bool) {
	i, err := sc.lookupRef(c)
	if err != nil || i < 0 {
		return 0, false, false
	}
	return i, sc.cols[i].mergedBy(c.table), true
}

// reflectOf is the value sameTree compares.
func reflectOf(e ast.Expr) reflect.Value { return reflect.ValueOf(e) }
