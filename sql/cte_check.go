package sql

import (
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
