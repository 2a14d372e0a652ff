package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// checkRecursiveTerm refuses the recursive terms PostgreSQL refuses (checkWellFormedRecursion
// in parse_cte.c): the recursive reference read more than once, inside an expression's
// subquery or on the nullable side of an outer join (a term that reads its work table
// there is not a fixpoint iteration: run row by row it could recurse for ever), and
// aggregates in the term itself. The term's own ORDER BY and LIMIT (in parentheses) are
// allowed, as in PostgreSQL, which refuses them only atop the UNION (bindRecursive).
func checkRecursiveTerm(name string, term *ast.Select) error {
	if term.Op == ast.NoSetOp && term.Values == nil &&
		(targetsAggregate(term.Targets) || term.Having != nil && hasAggregateTree(term.Having)) {
		return Errorf("42P19", "aggregate functions are not allowed in a recursive query's recursive term")
	}
	r := &recursiveRefs{name: name}
	return r.tree(term, "")
}

// recursiveRefs counts the references to a recursive WITH query in its recursive term.
type recursiveRefs struct {
	name string
	refs int
}

// ref counts one reference, found within a subquery or an outer join's nullable side
// (within) or not ("").
func (r *recursiveRefs) ref(within string) error {
	if within != "" {
		return Errorf("42P19", "recursive reference to query %q must not appear within %s", r.name, within)
	}
	if r.refs++; r.refs > 1 {
		return Errorf("42P19", "recursive reference to query %q must not appear more than once", r.name)
	}
	return nil
}

// tree checks a part of the binder's tree; its parts in vitess's form go to vitess.
func (r *recursiveRefs) tree(n ast.Node, within string) error {
	var err error
	walkBinderTree(n, func(n ast.Node) bool {
		if err != nil { // the walk goes on to the siblings: keep the first error
			return false
		}
		switch n := n.(type) {
		case *ast.Table:
			if n.Schema == "" && n.Name == r.name {
				err = r.ref(within)
			}
		case *ast.SubLink:
			if n.Left != nil {
				err = r.tree(n.Left, within)
			}
			if err == nil {
				err = r.tree(n.Select, "a subquery")
			}
			return false
		case *ast.Join:
			left, right := outerSides(n.Kind == ast.LeftJoin || n.Kind == ast.FullJoin, n.Kind == ast.RightJoin || n.Kind == ast.FullJoin, within)
			for _, side := range []struct {
				n      ast.Node
				within string
			}{{n.Left, left}, {n.Right, right}, {n.On, within}} {
				if err == nil && side.n != nil {
					err = r.tree(side.n, side.within)
				}
			}
			return false
		}
		return err == nil
	}, func(v sqlparser.SQLNode) {
		if err == nil {
			err = r.vitess(v, within)
		}
	})
	return err
}

// outerSides is what the sides of a join are within: an outer join's nullable side (the
// right of a LEFT JOIN, the left of a RIGHT JOIN) is "an outer join".
func outerSides(rightNullable, leftNullable bool, within string) (left, right string) {
	left, right = within, within
	if leftNullable {
		left = "an outer join"
	}
	if rightNullable {
		right = "an outer join"
	}
	return left, right
}

// vitess checks a part the binder's tree keeps in vitess's form (a plain SELECT's FROM and
// WHERE until where16's change, a foreign node).
func (r *recursiveRefs) vitess(n sqlparser.SQLNode, within string) error {
	return sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n := n.(type) {
		case *sqlparser.ColName: // its qualifier names a table, it does not read one
			return false, nil
		case sqlparser.TableName:
			if n.Qualifier.IsEmpty() && n.Name.String() == r.name {
				return false, r.ref(within)
			}
			return false, nil
		case *sqlparser.Subquery:
			return false, r.vitess(n.Select, "a subquery")
		case *sqlparser.JoinTableExpr:
			left, right := outerSides(
				n.Join == sqlparser.LeftJoinType || n.Join == sqlparser.NaturalLeftJoinType || n.Join == sqlparser.StraightJoinType, // StraightJoin: the dialect pass's FULL JOIN
				n.Join == sqlparser.RightJoinType || n.Join == sqlparser.NaturalRightJoinType || n.Join == sqlparser.StraightJoinType,
				within)
			if err := r.vitess(n.LeftExpr, left); err != nil {
				return false, err
			}
			if err := r.vitess(n.RightExpr, right); err != nil {
				return false, err
			}
			return false, r.vitess(n.Condition, within)
		}
		return true, nil
	}, n)
}

// recursiveOrderLimit refuses ORDER BY, OFFSET, LIMIT (LIMIT ALL too) and FOR UPDATE/SHARE
// atop a recursive query's UNION, as PostgreSQL's checkWellFormedRecursion.
func recursiveOrderLimit(q *ast.Select) error {
	switch {
	case q.OrderBy != nil:
		return Errorf("0A000", "ORDER BY in a recursive query is not implemented")
	case q.Offset != nil:
		return Errorf("0A000", "OFFSET in a recursive query is not implemented")
	case q.Limit != nil:
		return Errorf("0A000", "LIMIT in a recursive query is not implemented")
	case len(q.Locking) > 0:
		return Errorf("0A000", "FOR UPDATE/SHARE in a recursive query is not implemented")
	}
	return nil
}

// recursiveOrder orders the definitions of a WITH RECURSIVE clause so that each comes after
// those it reads, as PostgreSQL's makeDependencyGraph does (its items may read later ones);
// the first ready definition in written order goes first. Definitions that read each other
// are refused as there (0A000); one reading itself is a recursive query (bindCTE).
func recursiveOrder(defs []cteDef) ([]cteDef, error) {
	deps := make([][]int, len(defs))
	for i := range defs {
		for j := range defs {
			if i != j && refersTo(defs[i].query, defs[j].name) {
				deps[i] = append(deps[i], j)
			}
		}
	}
	placed := make([]bool, len(defs))
	out := make([]cteDef, 0, len(defs))
	for len(out) < len(defs) {
		next := -1
		for i := range defs {
			if !placed[i] && !slices.ContainsFunc(deps[i], func(j int) bool { return !placed[j] }) {
				next = i
				break
			}
		}
		if next < 0 {
			return nil, Errorf("0A000", "mutual recursion between WITH items is not implemented")
		}
		placed[next] = true
		out = append(out, defs[next])
	}
	return out, nil
}
