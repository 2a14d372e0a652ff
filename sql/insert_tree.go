package sql

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// INSERT is bound from sql/parser's tree (sql/DESIGN.md, step 4): an ast.Insert, read by the
// parser, or converted from vitess's statement for what still takes the dialect pass (a
// data-modifying WITH's INSERT, insert_vitess.go). A write through a view is rewritten over
// the tree first (view_insert_tree.go).

// bindInsertTree binds an INSERT from its tree.
func (s *Session) bindInsertTree(n *ast.Insert, ps *params) (*plan, error) {
	named := len(n.Columns) > 0
	n, checks, err := s.insertThroughViews(n, ps) // view_insert_tree.go
	if err != nil {
		return nil, err
	}
	bt, err := s.bindWritableTableRef(n.Table, ps)
	if err != nil {
		return nil, err
	}
	schema := bt.schema
	targets, err := insertTargets(bt, n.Columns, n.Subs) // insert_subscript.go
	if err != nil {
		return nil, err
	}
	defs, err := s.defaults(schema)
	if err != nil {
		return nil, err
	}
	ret, err := s.bindReturning(n.Returning, returningTable(bt, n.OnConflict))
	if err != nil {
		return nil, err
	}
	if ret, err = checksOnReturning(ret, checks, bt); err != nil {
		return nil, err
	}
	ins, err := s.bindConflict(bt, n.OnConflict, n.Upsert, ps) // insert_conflict_tree.go
	if err != nil {
		return nil, err
	}
	ins.ret = ret
	p, err := s.bindInsertRows(n, bt, targets, named, defs, ins, ps)
	if p != nil {
		p.explainConflict = conflictExplainOf(n.OnConflict, bt, ins) // explain_tree.go
	}
	return p, err
}

// bindInsertRows binds the rows an INSERT writes: its query's, its VALUES or DEFAULT VALUES.
func (s *Session) bindInsertRows(n *ast.Insert, bt *boundTable, targets []int, named bool, defs []*expr, ins *inserter, ps *params) (*plan, error) {
	schema := bt.schema
	overriding := overridingOf(n.Overriding)
	reads := insertTreeReads(n)
	values, isValues := plainValues(n.Query)
	if n.Query != nil && !isValues {
		return s.bindInsertSelect(bt, n.Query, targets, n.Subs, named, defs, ps, ins, reads, overriding)
	}
	rows := [][]*expr{slices.Clone(defs)} // DEFAULT VALUES: one row of defaults
	if isValues {
		var err error
		if rows, err = insertValueRows(values, targets, n.Subs, named, defs, schema, overriding, ps); err != nil {
			return nil, err
		}
		reads = reads || treeReads(nil, valuesExprs(values)...)
	}
	return insertValuesPlan(bt, rows, ins, ps, reads), nil
}

// overridingOf is the OVERRIDING clause's kind (identity.go), 0 without one.
func overridingOf(o string) byte {
	switch o {
	case "SYSTEM":
		return overridingSystem
	case "USER":
		return overridingUser
	}
	return 0
}

// plainValues is the rows of an INSERT's query when it is a VALUES list alone (no ORDER BY,
// LIMIT or WITH of its own), whose items go to the target columns one by one, DEFAULT
// among them; else the query is bound as INSERT ... SELECT.
func plainValues(q *ast.Select) ([][]ast.Expr, bool) {
	if q == nil || q.Values == nil || q.With != nil || q.OrderBy != nil || q.Limit != nil || q.Offset != nil || q.Locking != nil {
		return nil, false
	}
	return q.Values, true
}

// valuesExprs lists the items of a VALUES list.
func valuesExprs(values [][]ast.Expr) []ast.Expr {
	if len(values) == 1 {
		return values[0]
	}
	var out []ast.Expr
	for _, row := range values {
		out = append(out, row...)
	}
	return out
}

// insertTreeReads reports whether an INSERT's DO UPDATE SET, DO UPDATE WHERE or RETURNING
// holds a subquery: then its reads see the transaction as it was when the statement started
// (tablespace's statement view, dml_view.go), not the rows the statement has written by then.
func insertTreeReads(n *ast.Insert) bool {
	oc := n.OnConflict
	if oc == nil {
		return treeReads(n.Returning)
	}
	exprs := make([]ast.Expr, 0, len(oc.Set)+1)
	for _, c := range oc.Set {
		exprs = append(exprs, c.Value)
	}
	return treeReads(n.Returning, append(exprs, oc.UpdateWhere)...)
}

// insertValueRows compiles an INSERT's VALUES rows: rows[r][c] is the expression for column
// c of row r, the VALUES item, the column's DEFAULT, or nil for NULL; a column named with
// subscripts (subs, parallel to targets) is its items assigned into a NULL array in turn
// (insert_subscript.go).
func insertValueRows(values [][]ast.Expr, targets []int, subs []*ast.Subscript, named bool, defs []*expr, schema *types.Schema, overriding byte, ps *params) ([][]*expr, error) {
	rows := make([][]*expr, len(values))
	noRow := &scope{params: ps}
	first := firstTargets(targets)
	for r, tuple := range values {
		if len(tuple) > len(targets) {
			return nil, Errorf("42601", "INSERT has more expressions than target columns")
		}
		if len(tuple) < len(targets) && named {
			return nil, Errorf("42601", "INSERT has more target columns than expressions")
		}
		if r > 0 && len(tuple) != len(values[0]) {
			return nil, Errorf("42601", "VALUES lists must all be the same length")
		}
		exprs := slices.Clone(defs)
		for j, e := range tuple {
			i := targets[j]
			if sub := subscriptAt(subs, j); sub != nil {
				base := exprs[i]
				if first[j] {
					base = nullArray(&schema.Columns[i])
				}
				x, err := insertElement(e, base, sub, &schema.Columns[i], noRow)
				if err != nil {
					return nil, err
				}
				exprs[i] = x
				continue
			}
			if _, isDefault := e.(*ast.Default); isDefault {
				continue
			}
			x, err := insertValue(e, &schema.Columns[i], overriding, noRow)
			if err != nil {
				return nil, err
			}
			if x != nil {
				exprs[i] = x
			}
		}
		rows[r] = exprs
	}
	return rows, nil
}

// insertValue compiles the value e an INSERT gives column c; nil when OVERRIDING USER VALUE
// replaces it by c's DEFAULT.
func insertValue(e ast.Expr, c *types.Column, overriding byte, sc *scope) (*expr, error) {
	if err := defaultNested(e); err != nil {
		return nil, err
	}
	use, err := identityTarget(c, overriding)
	if err != nil {
		return nil, err
	}
	if !use {
		return nil, overriddenValue(e, sc, c)
	}
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	if x.param > 0 && x.unknown {
		x = x.setParamType(c.Type)
	}
	return x, checkConstAssign(x, c)
}

// defaultNested refuses DEFAULT inside a VALUES item, where PostgreSQL's parse analysis
// allows it only as a whole item.
func defaultNested(e ast.Expr) error {
	found := false
	ast.Walk(e, func(n ast.Node) bool {
		_, ok := n.(*ast.Default)
		found = found || ok
		return !found
	})
	if found {
		return Errorf("42601", "DEFAULT is not allowed in this context")
	}
	return nil
}

// overriddenValue binds an INSERT's value e for column c that OVERRIDING USER VALUE
// replaces by c's DEFAULT: it is never evaluated, so a constant that fails to fold (22xxx)
// is no error, but a wrong name is, and a parameter takes c's type.
func overriddenValue(e ast.Expr, sc *scope, c *types.Column) error {
	x, err := compileAST(e, sc)
	var ce *Error
	if err != nil && (!errors.As(err, &ce) || !strings.HasPrefix(ce.Code, "22")) {
		return err
	}
	if err == nil && x.param > 0 && x.unknown {
		x.setParamType(c.Type)
	}
	return nil
}

// insertValuesPlan is the plan of an INSERT of rows compiled from VALUES (or DEFAULT VALUES).
func insertValuesPlan(bt *boundTable, rows [][]*expr, ins *inserter, ps *params, reads bool) *plan {
	schema := bt.schema
	return &plan{deps: []dep{{bt.name, schema, true}}, cols: ins.ret.columns(), explainIn: dmlInput{values: len(rows)}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		ins.start()
		if reads {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		row := make([]types.Value, len(schema.Columns))
		var key, value []byte
		written := 0
		for _, exprs := range rows {
			if err := evalValuesRow(exprs, row, schema, ps); err != nil {
				return err
			}
			var err error
			if key, value, err = finishRow(bt, row, key, value); err != nil {
				return err
			}
			n, err := ins.insert(ctx, tx, out, row, key, value)
			if err != nil {
				return err
			}
			written += n
		}
		return completeWrite(tx, out, insertTag(written))
	}}
}
