package sql

import (
	"errors"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Subqueries of an aggregated query, as PostgreSQL 15 reads them. A subquery in the select
// list, HAVING or ORDER BY of an aggregated query runs once per group: it may read the
// group's grouped columns (a column that is not grouped is 42803, "subquery uses ungrouped
// column"), which it reads from the group's output row through the aggregated scope's cell.
// An aggregate call whose arguments read only an enclosing query's columns is that query's
// aggregate (SELECT (SELECT max(t1.v) FROM t2) FROM t1 aggregates t1): it is bound by that
// query's aggBinder and read from its groups' rows. When that query was not aggregated (no
// GROUP BY, HAVING or aggregate of its own), binding its output stops with
// errMakeAggregated and bindSelectBody binds it again as an aggregated query.

// aggregateHere marks the level whose select list, HAVING or ORDER BY is being bound, when
// it is not aggregated: an outer aggregate found in one of its subqueries makes it so.
type aggregateHere struct{ lvl *level }

func (*aggregateHere) Error() string { return "an outer aggregate makes the query aggregated" }

// errMakeAggregated asks the binding of level lvl's output to start over as an aggregated
// query. It is a 42803 *Error, as PostgreSQL's, should anything else ever see it.
func errMakeAggregated(lvl *level) error {
	return &Error{Code: "42803", Message: "aggregate functions are not allowed here", cause: &aggregateHere{lvl: lvl}}
}

// restartsAggregated reports whether err asks lvl's output to be bound again, aggregated.
func restartsAggregated(err error, lvl *level) bool {
	var a *aggregateHere
	return errors.As(err, &a) && a.lvl == lvl
}

// groupedColumn compiles c, read from an enclosing aggregated query's scope o: the grouped
// value of the group o is evaluating; found is false when o's FROM clause has no such column.
func (ab *aggBinder) groupedColumn(c colRef, o *scope) (x *expr, found bool, err error) {
	i, err := ab.input.lookupRef(c)
	if err != nil || i < 0 {
		return nil, false, err
	}
	// A merged USING column (COALESCE, or converted) is grouped here only through its sides:
	// PostgreSQL matches a subquery's outer reference against plain grouped columns alone.
	merge := ab.input.cols[i].mergedBy(c.table)
	if g := ab.groupedRef(i, c); g >= 0 && !merge {
		ab.input.cols[i].markUsed()
		if o.cell == nil {
			o.cell = new([]types.Value)
		}
		cell := o.cell
		x := &expr{typ: ab.groups[g].typ, rowFree: true, eval: func([]types.Value) (types.Value, error) { return (*cell)[g], nil }}
		x.bpchar, x.varchar, x.shape, x.reg = ab.groups[g].bpchar, ab.groups[g].varchar, ab.groups[g].shape, ab.groups[g].reg
		return x, true, nil
	}
	col := ab.input.cols[i]
	if merge { // grouped by its sides
		x, side := ab.mergedColumn(i)
		if x == nil {
			return nil, true, Errorf("42803", "subquery uses ungrouped column %q from outer query", side)
		}
		return o.readGroupRow(x), true, nil
	}
	if x := ab.dependentColumn(i); x != nil { // functionally dependent on the group (groupdep.go)
		return o.readGroupRow(x), true, nil
	}
	return nil, true, Errorf("42803", "subquery uses ungrouped column \"%s.%s\" from outer query", col.table, col.name)
}

// markCorrelated records that every query level from sc out to (not including) o reads o's
// current row.
func markCorrelated(sc, o *scope) {
	for s := sc; s != nil && s != o; s = s.outer {
		if s.level != nil {
			s.level.correlated = true
		}
	}
}

// ownerSearch finds an aggregate call's owner from its column references.
type ownerSearch struct {
	sc    *scope
	owner *scope
	depth int
	here  bool // a column of sc's own level
}

func (o *ownerSearch) column(c colRef) {
	s, depth := resolvingScope(c, o.sc)
	switch {
	case s == nil || s.level == o.sc.level:
		o.here = true
	case o.depth < 0 || depth < o.depth:
		o.owner, o.depth = s, depth
	}
}

// vitess visits the column references of vitess's expression e, outside subqueries.
func (o *ownerSearch) vitess(e sqlparser.Expr) {
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n := n.(type) {
		case *sqlparser.Subquery:
			o.subquery(&ast.Foreign{Node: n})
			return false, nil
		case *sqlparser.ColName:
			o.column(refOf(n))
		}
		return !o.here, nil
	}, e)
}

// subquery visits the column references of a subquery in the aggregate's arguments that
// read enclosing queries, as PostgreSQL counts them: SELECT (SELECT max((SELECT i.v FROM t2 i
// WHERE i.k = o.k))) FROM t1 o aggregates t1. A reference the subquery's own FROM clauses
// resolve (one qualified by a table they name, or found in no enclosing query) is not one.
// q is the binder's tree of the subquery, or vitess's in an ast.Foreign.
func (o *ownerSearch) subquery(q ast.Node) {
	own := map[string]bool{}
	walkBinderTree(q, func(n ast.Node) bool {
		if t, ok := n.(*ast.Table); ok {
			own[t.Name] = t.Alias == nil
			if t.Alias != nil {
				own[t.Alias.Name] = true
			}
		}
		return true
	}, func(v sqlparser.SQLNode) {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if t, ok := n.(*sqlparser.AliasedTableExpr); ok {
				if !t.As.IsEmpty() {
					own[t.As.String()] = true
				} else if tn, ok := t.Expr.(sqlparser.TableName); ok {
					own[tn.Name.String()] = true
				}
			}
			return true, nil
		}, v)
	})
	read := func(ref colRef) {
		if s, _ := resolvingScope(ref, o.sc); s != nil && (ref.table == "" || !own[ref.table]) {
			o.column(ref)
		}
	}
	walkBinderTree(q, func(n ast.Node) bool {
		if c, ok := n.(*ast.ColumnRef); ok && !c.Star {
			read(columnRef(c))
		}
		return !o.here
	}, func(v sqlparser.SQLNode) {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if c, ok := n.(*sqlparser.ColName); ok {
				read(refOf(c))
			}
			return !o.here, nil
		}, v)
	})
}

func (o *ownerSearch) result() *scope {
	if o.here {
		return nil
	}
	return o.owner
}

// resolvingScope is the scope, sc or an enclosing one, a column reference resolves in, and
// how many scopes out it is; nil when none does.
func resolvingScope(c colRef, sc *scope) (*scope, int) {
	depth := 0
	for s := sc; s != nil; s = s.outer {
		in := s
		if s.agg != nil && len(s.cols) == 0 {
			in = s.agg.input
		}
		if i, err := in.lookupRef(c); err != nil {
			return nil, 0
		} else if i >= 0 {
			return s, depth
		}
		depth++
	}
	return nil, 0
}

// readOuterAggregate compiles an aggregate call that belongs to the enclosing query of
// scope o: bound by o's aggBinder (resolve), read from the group o is evaluating.
func readOuterAggregate(sc, o *scope, resolve func() (*expr, error)) (*expr, error) {
	if o.agg == nil {
		if o.level != nil && o.level.aggregateHere {
			return nil, errMakeAggregated(o.level)
		}
		return nil, Errorf("42803", "aggregate functions are not allowed here")
	}
	x, err := resolve()
	if err != nil {
		return nil, err
	}
	markCorrelated(sc, o)
	return o.readGroupRow(x), nil
}

// readGroupRow is x, an expression over the output row of o's aggregation, read from the row
// of the group o is evaluating (o.cell) rather than the row it is given.
func (o *scope) readGroupRow(x *expr) *expr {
	if o.cell == nil {
		o.cell = new([]types.Value)
	}
	cell := o.cell
	y := *x
	y.rowFree = true
	y.eval = func([]types.Value) (types.Value, error) { return x.eval(*cell) }
	return &y
}

// noAggregateInWhere refuses an aggregate of the query's own level in its WHERE (one
// that reads only an enclosing query's columns is that query's, and allowed), with
// PostgreSQL's message.
func noAggregateInWhere(where ast.Expr, sc *scope) error {
	if where != nil && hasOwnAggregate([]ast.Expr{where}, sc) {
		return Errorf("42803", "aggregate functions are not allowed in WHERE")
	}
	return noWindowIn(where, "WHERE")
}

// hasOwnAggregate reports whether an aggregate call of query level sc (the FROM clause's
// scope) appears in the expressions, outside subqueries: one whose arguments read only
// enclosing queries' columns is theirs, and does not make this query aggregated.
func hasOwnAggregate(exprs []ast.Expr, sc *scope) bool {
	found := false
	for _, e := range exprs {
		ast.Walk(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SubLink:
				return false
			case *ast.FuncCall: // a window call's arguments may aggregate
				if isAggregate(n) {
					found = found || aggregateOwnerTree(n, sc) == nil
					return false
				}
			case *ast.Foreign:
				found = found || hasAggregateTree(n)
				return false
			}
			return !found
		})
	}
	return found
}
