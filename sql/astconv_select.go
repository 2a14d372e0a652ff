package sql

import (
	"strconv"
	"strings"
	"sync"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// query converts a query. In the binder mode every query below it is converted too (WITH's,
// a set operation's operands, subqueries in expressions and in FROM), once, FROM and WHERE
// like every other clause.
func (c *converter) query(q sqlparser.TableStatement) (*ast.Select, error) {
	switch q := q.(type) {
	case *sqlparser.Select:
		return c.selectStmt(q)
	case *sqlparser.Union:
		return c.union(q)
	case *sqlparser.ValuesStatement:
		return c.values(q)
	}
	return nil, unsupported("query %s in the syntax tree", pgString(q))
}

// queryTree converts a query for the binder (bindQuery).
func queryTree(q sqlparser.TableStatement) (*ast.Select, error) {
	return (&converter{binder: true}).query(q)
}

// walkBinderTree walks n, a part of the binder's tree, as ast.Walk does (subqueries too),
// and hands the one part the tree keeps in vitess's form to foreign: an ast.Foreign's node.
func walkBinderTree(n ast.Node, visit func(ast.Node) bool, foreign func(sqlparser.SQLNode)) {
	ast.Walk(n, func(n ast.Node) bool {
		if !visit(n) {
			return false
		}
		if f, ok := n.(*ast.Foreign); ok {
			foreign(f.Node.(sqlparser.SQLNode))
			return false
		}
		return true
	})
}

// clauses converts the WITH, ORDER BY and LIMIT that any query may carry into s.
func (c *converter) clauses(s *ast.Select, with *sqlparser.With, ob sqlparser.OrderBy, limit *sqlparser.Limit) error {
	var err error
	if with != nil {
		if s.With, err = c.with(with); err != nil {
			return err
		}
	}
	if s.OrderBy, err = c.orderBy(ob); err != nil {
		return err
	}
	if limit != nil {
		if lit, ok := limit.Rowcount.(*sqlparser.Literal); !ok || lit.Val != noLimit {
			if limit.Rowcount != nil {
				count := limit.Rowcount
				if u, ok := count.(*sqlparser.UnaryExpr); ok { // FETCH FIRST -1 ROWS WITH TIES
					if ce, ok := u.Expr.(*sqlparser.CollateExpr); ok && ce.Collation == tiesMarker {
						count = &sqlparser.CollateExpr{Expr: &sqlparser.UnaryExpr{Operator: u.Operator, Expr: ce.Expr}, Collation: tiesMarker}
					}
				}
				if ce, ok := count.(*sqlparser.CollateExpr); ok && ce.Collation == tiesMarker {
					count, s.WithTies = ce.Expr, true
				}
				if s.Limit, err = c.expr(count); err != nil {
					return err
				}
			}
		}
		if limit.Offset != nil {
			if s.Offset, err = c.expr(limit.Offset); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *converter) with(w *sqlparser.With) (*ast.With, error) {
	out := &ast.With{Recursive: w.Recursive}
	for _, cte := range w.CTEs {
		sub, mode := unwrapCTE(cte.Subquery)
		q, err := c.query(sub)
		if err != nil {
			return nil, err
		}
		out.CTEs = append(out.CTEs, ast.CTE{Name: cte.ID.String(), Columns: identList(cte.Columns), Query: q, Materialized: mode})
	}
	return out, nil
}

func identList(cols sqlparser.Columns) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.String())
	}
	return out
}

// selectOneFrom is a SELECT with its one-item FROM list, allocated together.
type selectOneFrom struct {
	s    ast.Select
	from [1]ast.FromItem
}

func (c *converter) selectStmt(sel *sqlparser.Select) (*ast.Select, error) {
	if sel.Into != nil {
		return nil, mysqlOnly("SELECT ... INTO")
	}
	if sel.HighPriority || sel.StraightJoinHint || sel.SQLSmallResult || sel.SQLBigResult || sel.SQLBufferResult || sel.SQLCalcFoundRows || sel.Cache != nil {
		return nil, mysqlOnly("a MySQL select option")
	}
	var s *ast.Select
	if len(sel.From) == 1 && !isDualFrom(sel.From[0]) { // the common case: the SELECT and its FROM list in one allocation
		one := &selectOneFrom{}
		s = &one.s
		s.From = one.from[:0:1]
	} else {
		s = &ast.Select{}
	}
	s.Distinct = sel.Distinct
	if err := c.locking(s, sel); err != nil { // rowlock.go
		return nil, err
	}
	if err := c.clauses(s, sel.With, sel.OrderBy, sel.Limit); err != nil {
		return nil, err
	}
	if err := c.selectList(s, sel); err != nil {
		return nil, err
	}
	var err error
	for _, te := range sel.From {
		if len(sel.From) == 1 && isDualFrom(te) { // FROM dual alone: no FROM
			break
		}
		f, err := c.fromItem(te)
		if err != nil {
			return nil, err
		}
		s.From = append(s.From, f)
	}
	if sel.Where != nil {
		if s.Where, err = c.expr(sel.Where.Expr); err != nil {
			return nil, err
		}
	}
	if err := c.groupBy(s, sel.GroupBy); err != nil {
		return nil, err
	}
	if err := c.havingWindows(s, sel); err != nil {
		return nil, err
	}
	return s, nil
}

// groupBy converts a GROUP BY list into s; ROLLUP, CUBE, GROUPING SETS and () are
// ast.GroupingSet items (groupingConstruct).
func (c *converter) groupBy(s *ast.Select, gb *sqlparser.GroupBy) error {
	if gb == nil {
		return nil
	}
	if gb.WithRollup {
		return mysqlOnly("WITH ROLLUP")
	}
	exprs := gb.Exprs
	// GROUP BY DISTINCT's marker (dialect_grouping.go) is the list's first item.
	if len(exprs) > 0 {
		if f, ok := exprs[0].(*sqlparser.FuncExpr); ok && f.Name.Lowered() == groupDistinctFunc && len(f.Exprs) == 0 {
			exprs, s.GroupDistinct = exprs[1:], true
		}
	}
	var err error
	s.GroupBy, err = c.exprs(exprs)
	return err
}

// havingWindows converts sel's HAVING and WINDOW clauses into s.
func (c *converter) havingWindows(s *ast.Select, sel *sqlparser.Select) error {
	var err error
	if sel.Having != nil {
		if s.Having, err = c.expr(sel.Having.Expr); err != nil {
			return err
		}
	}
	for _, nw := range sel.Windows {
		for _, d := range nw.Windows {
			spec, err := c.windowSpec(d.WindowSpec)
			if err != nil {
				return err
			}
			s.Windows = append(s.Windows, ast.NamedWindow{Name: d.Name.String(), Spec: *spec})
		}
	}
	return nil
}

func (c *converter) targets(list []sqlparser.SelectExpr) ([]ast.Target, error) {
	out := make([]ast.Target, len(list))
	for i, se := range list {
		t, err := c.target(se)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

func (c *converter) target(se sqlparser.SelectExpr) (ast.Target, error) {
	switch se := se.(type) {
	case *sqlparser.StarExpr:
		return ast.Target{Expr: &ast.ColumnRef{Names: astColumnNames(se.TableName, ""), Star: true}}, nil
	case *sqlparser.AliasedExpr:
		x, err := c.expr(se.Expr)
		if err != nil {
			return ast.Target{}, err
		}
		// Truncated as PostgreSQL's lexer truncates names: vitess also takes a string
		// constant for an alias, which nothing truncated.
		return ast.Target{Expr: x, Alias: lexer.TruncateName(se.As.String())}, nil
	}
	return ast.Target{}, mysqlOnly("NEXT VALUE")
}

func (c *converter) union(u *sqlparser.Union) (*ast.Select, error) {
	if u.Into != nil {
		return nil, mysqlOnly("INTO")
	}
	if u.Lock != sqlparser.NoLock {
		return nil, Errorf("0A000", "%s is not allowed with UNION/INTERSECT/EXCEPT", unionLockName(u))
	}
	s := &ast.Select{Op: setOpOf(u), All: !u.Distinct}
	var err error
	if s.Left, err = c.query(u.Left); err != nil {
		return nil, err
	}
	if s.Right, err = c.query(u.Right); err != nil {
		return nil, err
	}
	return s, c.clauses(s, u.With, u.OrderBy, u.Limit)
}

// setOpOf is the set operation of u: the dialect pass's marker comment on the first query of
// its right operand (dialect_setops.go), of which this is the one reader.
func setOpOf(u *sqlparser.Union) ast.SetOp {
	q := u.Right
	for {
		var comments *sqlparser.ParsedComments
		switch x := q.(type) {
		case *sqlparser.Union:
			q = x.Left
			continue
		case *sqlparser.Select:
			comments = x.Comments
		case *sqlparser.ValuesStatement:
			comments = x.Comments
		}
		for _, c := range comments.GetComments() {
			switch c {
			case intersectMarker:
				return ast.Intersect
			case exceptMarker:
				return ast.Except
			}
		}
		return ast.Union
	}
}

func (c *converter) values(v *sqlparser.ValuesStatement) (*ast.Select, error) {
	if v.ListArg != "" {
		return nil, mysqlOnly("a VALUES list argument")
	}
	s := &ast.Select{Values: [][]ast.Expr{}}
	for _, row := range v.Rows {
		x, err := c.exprs(row)
		if err != nil {
			return nil, err
		}
		s.Values = append(s.Values, x)
	}
	return s, c.clauses(s, v.With, v.Order, v.Limit)
}

func (c *converter) fromItem(te sqlparser.TableExpr) (ast.FromItem, error) {
	switch te := te.(type) {
	case *sqlparser.AliasedTableExpr:
		return c.aliasedTable(te)
	case *sqlparser.ParenTableExpr:
		if len(te.Exprs) != 1 {
			return nil, mysqlOnly("a parenthesized list of tables")
		}
		return c.fromItem(te.Exprs[0])
	case *sqlparser.JoinTableExpr:
		return c.join(te)
	}
	return nil, mysqlOnly("the table expression " + pgString(te))
}

func (c *converter) aliasedTable(te *sqlparser.AliasedTableExpr) (ast.FromItem, error) {
	if len(te.Hints) > 0 {
		return nil, mysqlOnly("an index hint")
	}
	if len(te.Partitions) > 0 { // PostgreSQL reads t PARTITION (p) as an alias with a column list
		return nil, unsupported("table options in FROM")
	}
	var alias *ast.Alias
	if !te.As.IsEmpty() {
		alias = &ast.Alias{Name: lexer.TruncateName(te.As.String()), Columns: identList(te.Columns)}
	} else if len(te.Columns) > 0 {
		return nil, Errorf("42601", "syntax error: column aliases without a table alias")
	}
	switch t := te.Expr.(type) {
	case sqlparser.TableName:
		if strings.HasPrefix(t.Name.String(), markerStart) || strings.HasPrefix(t.Qualifier.String(), markerStart) {
			return nil, nearError(unmark(t.Name.String()))
		}
		return &ast.Table{Schema: t.Qualifier.String(), Name: t.Name.String(), Alias: alias}, nil
	case *sqlparser.DerivedTable:
		q, err := c.query(t.Select)
		if err != nil {
			return nil, err
		}
		return &ast.SubqueryFrom{Select: q, Lateral: t.Lateral, Alias: alias}, nil
	}
	return nil, unsupported("table expression %s", pgString(te))
}

func (c *converter) join(j *sqlparser.JoinTableExpr) (ast.FromItem, error) {
	out := &ast.Join{}
	switch j.Join {
	case sqlparser.NormalJoinType:
		out.Kind = ast.InnerJoin
	case sqlparser.StraightJoinType: // the dialect pass's FULL JOIN
		out.Kind = ast.FullJoin
	case sqlparser.LeftJoinType:
		out.Kind = ast.LeftJoin
	case sqlparser.RightJoinType:
		out.Kind = ast.RightJoin
	case sqlparser.NaturalJoinType:
		out.Kind, out.Natural = ast.InnerJoin, true
	case sqlparser.NaturalLeftJoinType:
		out.Kind, out.Natural = ast.LeftJoin, true
	case sqlparser.NaturalRightJoinType:
		out.Kind, out.Natural = ast.RightJoin, true
	default:
		return nil, unsupported("join %s", j.Join.ToString())
	}
	var err error
	if out.Left, err = c.fromItem(j.LeftExpr); err != nil {
		return nil, err
	}
	if out.Right, err = c.fromItem(j.RightExpr); err != nil {
		return nil, err
	}
	cond := j.Condition
	switch {
	case cond != nil && cond.On != nil:
		if using, natural, ok := fullJoinCondition(cond.On); ok && out.Kind == ast.FullJoin {
			out.Using, out.Natural = using, natural
			break
		}
		if out.On, err = c.expr(cond.On); err != nil {
			return nil, err
		}
	case cond != nil && len(cond.Using) > 0:
		out.Using = identList(cond.Using)
	case !out.Natural && out.Kind == ast.InnerJoin:
		out.Kind = ast.CrossJoin // checkPostgres made sure it was written CROSS JOIN
	}
	return out, nil
}

// astStatement parses one statement of text and converts it when it is a query.
func astStatement(text string) (*ast.Select, error) {
	pieces, err := splitAndRewrite(dropCallAll(text))
	if err != nil {
		return nil, err
	}
	if len(pieces) != 1 {
		return nil, Errorf("42601", "%d statements where one was expected", len(pieces))
	}
	st, err := parse(pieces[0])
	if err != nil {
		return nil, err
	}
	q, ok := st.ast.(sqlparser.TableStatement)
	if !ok {
		return nil, unsupported("statement %s in the syntax tree", strconv.Quote(st.first))
	}
	return astQuery(q)
}

// vitessKeywords are the words vitess reads as keywords, which text printed for it quotes.
var vitessKeywords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for id := 0; id < 1<<16; id++ {
		if w := sqlparser.KeywordString(id); w != "" {
			m[strings.ToLower(w)] = true
		}
	}
	return m
})

// sqlText prints n as PostgreSQL text that drove's parser reads back as the same tree.
func sqlText(n ast.Node) string {
	return ast.Printer{Style: ast.SQL, MustQuote: func(name string) bool { return vitessKeywords()[name] }}.Print(n)
}
