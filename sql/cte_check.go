package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"
)

// checkRecursiveTerm refuses the recursive terms PostgreSQL refuses (checkWellFormedRecursion
// in parse_cte.c): the recursive reference read more than once, inside an expression's
// subquery or on the nullable side of an outer join (a term that reads its work table
// there is not a fixpoint iteration: run row by row it could recurse for ever), and
// aggregates, ORDER BY and LIMIT in the term itself.
func checkRecursiveTerm(name string, term sqlparser.TableStatement) error {
	if err := recursiveOrderLimit(term); err != nil {
		return err
	}
	if sel, ok := term.(*sqlparser.Select); ok {
		switch {
		case hasAggregate(sel.GetColumns()) || sel.Having != nil && hasAggregate([]sqlparser.SelectExpr{&sqlparser.AliasedExpr{Expr: sel.Having.Expr}}):
			return Errorf("42P19", "aggregate functions are not allowed in a recursive query's recursive term")
		}
	}
	refs := 0
	var visit func(n sqlparser.SQLNode, within string) error
	visit = func(n sqlparser.SQLNode, within string) error {
		return sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			switch n := n.(type) {
			case *sqlparser.ColName: // its qualifier names a table, it does not read one
				return false, nil
			case sqlparser.TableName:
				if !n.Qualifier.IsEmpty() || n.Name.String() != name {
					return false, nil
				}
				if within != "" {
					return false, Errorf("42P19", "recursive reference to query %q must not appear within %s", name, within)
				}
				if refs++; refs > 1 {
					return false, Errorf("42P19", "recursive reference to query %q must not appear more than once", name)
				}
			case *sqlparser.Subquery:
				return false, visit(n.Select, "a subquery")
			case *sqlparser.JoinTableExpr:
				left, right := within, within
				switch n.Join {
				case sqlparser.LeftJoinType, sqlparser.NaturalLeftJoinType:
					right = "an outer join"
				case sqlparser.RightJoinType, sqlparser.NaturalRightJoinType:
					left = "an outer join"
				case sqlparser.StraightJoinType: // the dialect pass's FULL JOIN
					left, right = "an outer join", "an outer join"
				}
				if err := visit(n.LeftExpr, left); err != nil {
					return false, err
				}
				if err := visit(n.RightExpr, right); err != nil {
					return false, err
				}
				return false, visit(n.Condition, within)
			}
			return true, nil
		}, n)
	}
	return visit(term, "")
}

// recursiveOrderLimit refuses ORDER BY and LIMIT on a recursive query or its recursive term.
func recursiveOrderLimit(q sqlparser.TableStatement) error {
	var order sqlparser.OrderBy
	var limit *sqlparser.Limit
	switch q := q.(type) {
	case *sqlparser.Select:
		order, limit = q.OrderBy, q.Limit
	case *sqlparser.Union:
		order, limit = q.OrderBy, q.Limit
	}
	switch {
	case order != nil:
		return Errorf("0A000", "ORDER BY in a recursive query is not implemented")
	case limit != nil && limit.Offset != nil:
		return Errorf("0A000", "OFFSET in a recursive query is not implemented")
	case limit != nil:
		return Errorf("0A000", "LIMIT in a recursive query is not implemented")
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
