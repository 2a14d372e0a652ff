package sql

import (
	"bytes"
	"context"
	"slices"
	"strconv"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// UPDATE bound from sql/parser's tree (sql/DESIGN.md, step 4): UPDATE t [[AS] a] SET ...
// [FROM ...] [WHERE ...] [RETURNING ...]. A view target is rewritten into its table's first
// (view_update_tree.go). SET's items are ast.SetClause: `c = v`, `c = DEFAULT` and the
// multiple-column `(a, b) = (x, y)`, `= ROW(...)` and `= (SELECT ...)`, expanded into one
// assignment per column; a subquery's fields run once per updated row (more than one row is
// 21000, none makes every column NULL), as PostgreSQL's MULTIEXPR subplan. An UPDATE the
// parser refuses with 0A000 comes from vitess's tree, converted into the same tree
// (updateFromVitess).

// bindUpdateTree plans an UPDATE from its tree (a view target already rewritten:
// updateThroughViews).
func (s *Session) bindUpdateTree(u *ast.Update, ps *params) (*plan, error) {
	if len(u.From) > 0 {
		if u.CurrentOf != "" {
			return nil, unsupported("WHERE CURRENT OF with FROM")
		}
		return s.bindUpdateJoin(u, ps) // UPDATE ... FROM
	}
	bt, err := s.bindWritableTableRef(u.Table, ps)
	if err != nil {
		return nil, err
	}
	ret, err := s.bindReturning(u.Returning, bt)
	if err != nil {
		return nil, err
	}
	sets, pkChanges, err := s.bindSetClauses(u.Set, bt, bt.scope)
	if err != nil {
		return nil, err
	}
	acc, err := planAccess(bt, u.Where)
	if err != nil {
		return nil, err
	}
	view := updateReads(u)
	return &plan{deps: []dep{{bt.name, bt.schema, true}}, cols: ret.columns(), explainIn: dmlInput{acc: acc}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		if view {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		keys, err := s.dmlKeys(ps.ec, acc, u.CurrentOf)
		if err != nil {
			return err
		}
		row := make([]types.Value, len(bt.schema.Columns))
		next := make([]types.Value, len(bt.schema.Columns))
		var key, value []byte
		n := 0
		for _, old := range keys {
			if err := ps.ec.check(); err != nil {
				return err
			}
			ok, err := lockDMLRow(ctx, tx, acc, old, row, u.CurrentOf)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if key, value, err = updateRow(ctx, tx, bt, sets, pkChanges, row, next, old, key, value, ps); err != nil {
				return err
			}
			if u.CurrentOf != "" && !bytes.Equal(key, old) {
				s.movedCurrent(u.CurrentOf, key)
			}
			if err := ret.emit(out, next); err != nil {
				return err
			}
			n++
		}
		return completeWrite(tx, out, "UPDATE "+strconv.Itoa(n))
	}}, nil
}

// updateRow writes one updated row: next is row (the old image, or the joined row the SET
// expressions read) with the assignments applied; key and value are buffers reused.
func updateRow(ctx context.Context, tx *tablespace.Txn, bt *boundTable, sets []assignment, pkChanges bool,
	row, next []types.Value, old, key, value []byte, ps *params) ([]byte, []byte, error) {
	copy(next, row[:len(next)])
	for _, a := range sets {
		v, err := a.x.eval(row) // every SET expression sees the old row
		if err != nil {
			return key, value, err
		}
		if next[a.col], err = assignExpr(v, a.x, &bt.schema.Columns[a.col], ps); err != nil {
			return key, value, err
		}
	}
	key, value, err := finishRow(bt, next, key, value)
	if err != nil {
		return key, value, err
	}
	return key, value, writeUpdated(ctx, tx, bt, pkChanges && !bytes.Equal(key, old), old, key, value, next)
}

// bindUpdateJoin plans UPDATE t SET ... FROM others WHERE ... (dml_join.go's join).
func (s *Session) bindUpdateJoin(u *ast.Update, ps *params) (*plan, error) {
	from := make([]ast.FromItem, 0, 1+len(u.From))
	from = append(append(from, u.Table), u.From...)
	j, err := s.bindDMLJoin(from, u.Where, ps, u.Returning)
	if err != nil {
		return nil, err
	}
	bt := j.bt
	sets, pkChanges, err := s.bindSetClauses(u.Set, bt, j.sc)
	if err != nil {
		return nil, err
	}
	view := updateReads(u)
	return &plan{deps: []dep{{bt.name, bt.schema, true}}, cols: j.ret.columns(), explainIn: dmlInput{query: j.root}, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		if view {
			tx.BeginStatementView()
			defer tx.EndStatementView()
		}
		rows, err := j.collect(ps.ec)
		if err != nil {
			return err
		}
		next := make([]types.Value, j.target)
		var key, value []byte
		n := 0
		for _, jr := range rows {
			if err := ps.ec.check(); err != nil {
				return err
			}
			ok, err := j.lock(ctx, tx, jr)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if key, value, err = updateRow(ctx, tx, bt, sets, pkChanges, jr.row, next, jr.key, key, value, ps); err != nil {
				return err
			}
			copy(jr.row, next)
			if err := j.ret.emit(out, jr.row); err != nil {
				return err
			}
			n++
		}
		return completeWrite(tx, out, "UPDATE "+strconv.Itoa(n))
	}}, nil
}

// updateReads reports whether an UPDATE reads a subquery (in SET, WHERE or RETURNING): it
// then runs in a statement view.
func updateReads(u *ast.Update) bool {
	found := false
	visit := func(n ast.Node) bool {
		_, ok := n.(*ast.SubLink)
		found = found || ok
		return !found
	}
	for _, c := range u.Set {
		ast.Walk(c.Value, visit)
	}
	if u.Where != nil {
		ast.Walk(u.Where, visit)
	}
	for _, t := range u.Returning {
		ast.Walk(t.Expr, visit)
	}
	return found
}

// setItem is one column's assignment of a SET list, multiple-column items expanded: value,
// or field when the item reads a subquery's field.
type setItem struct {
	col   string
	value ast.Expr
	field *expr
	sub   *ast.Subscript
}

// bindSetClauses binds an UPDATE's SET list: columns of the target, expressions over sc (the
// target's rows, or the joined rows of UPDATE ... FROM). pkChanges says a key column is set.
func (s *Session) bindSetClauses(set []ast.SetClause, bt *boundTable, sc *scope) ([]assignment, bool, error) {
	sets := make([]assignment, 0, len(set))
	pkChanges := false
	bind := func(it setItem) error {
		a, err := s.bindSetItem(it, bt, sc, sets)
		if err != nil {
			return err
		}
		if k := slices.IndexFunc(sets, func(o assignment) bool { return o.col == a.col }); k >= 0 {
			sets[k] = a // c[1] = x, c[2] = y: the second assigns into the first's array
			return nil
		}
		sets, pkChanges = append(sets, a), pkChanges || bt.schema.IsPK(a.col)
		return nil
	}
	for _, c := range set {
		if !c.Multi { // the usual item: nothing to expand, nothing allocated
			if err := bind(setItem{col: c.Columns[0], value: c.Value, sub: c.Sub(0)}); err != nil {
				return nil, false, err
			}
			continue
		}
		items, err := expandSetClause(c, sc)
		if err != nil {
			return nil, false, err
		}
		for _, it := range items {
			if err := bind(it); err != nil {
				return nil, false, err
			}
		}
	}
	return sets, pkChanges, nil
}

// bindSetItem binds one column's assignment; sets are the ones before it.
func (s *Session) bindSetItem(it setItem, bt *boundTable, sc *scope, sets []assignment) (assignment, error) {
	schema := bt.schema
	i, err := bt.scope.lookupRef(colRef{name: it.col})
	if err != nil || i < 0 {
		return assignment{}, Errorf("42703", "column %q of relation %q does not exist", it.col, bt.name)
	}
	base, err := assignBase(bt, i, it.sub != nil, sets, sc)
	if err != nil {
		return assignment{}, err
	}
	x := it.field
	if _, isDefault := it.value.(*ast.Default); x != nil || !isDefault {
		if err := identityUpdateError(&schema.Columns[i]); err != nil {
			return assignment{}, err
		}
	}
	if x == nil {
		if x, err = s.setSourceTree(it.value, schema, i, sc); err != nil {
			return assignment{}, err
		}
	}
	if it.sub != nil {
		x, err = subscriptAssign(base, it.sub, x, &schema.Columns[i], sc)
		return assignment{col: i, x: x, sub: true}, err
	}
	if x.param > 0 && x.unknown {
		x = x.setParamType(schema.Columns[i].Type)
	}
	if err := checkConstAssign(x, &schema.Columns[i]); err != nil {
		return assignment{}, err
	}
	return assignment{col: i, x: x}, nil
}

// assignBase is what an assignment to column i of bt starts from: for an element or slice
// (sub), an earlier such assignment's array, else the column of the row; nil for the whole
// column. Another assignment to the column is 42601, as PostgreSQL's rewriter says.
func assignBase(bt *boundTable, i int, sub bool, sets []assignment, sc *scope) (*expr, error) {
	for _, other := range sets {
		if other.col == i {
			if !sub || !other.sub {
				return nil, Errorf("42601", "multiple assignments to same column %q", bt.schema.Columns[i].Name)
			}
			return other.x, nil
		}
	}
	if !sub {
		return nil, nil
	}
	qual := bt.alias
	if qual == "" {
		qual = bt.name
	}
	return compileAST(&ast.ColumnRef{Names: []string{qual, bt.schema.Columns[i].Name}}, sc)
}

// setSourceTree compiles the expression a SET item assigns to column i: DEFAULT is the
// column's default (NULL without one).
func (s *Session) setSourceTree(e ast.Expr, schema *types.Schema, i int, sc *scope) (*expr, error) {
	if _, isDefault := e.(*ast.Default); !isDefault {
		x, err := compileAST(e, sc)
		if err != nil && holdsDefault(e) {
			return nil, Errorf("42601", "DEFAULT is not allowed in this context")
		}
		return x, err
	}
	defs, err := s.defaults(schema)
	if err != nil {
		return nil, err
	}
	if defs[i] == nil {
		return constExpr(types.NullValue, false), nil
	}
	return defs[i], nil
}

// expandSetClause expands a multiple-column SET item into one item per column: a row's
// fields (t.* among them written as t's columns), or a subquery's.
func expandSetClause(c ast.SetClause, sc *scope) ([]setItem, error) {
	n := len(c.Columns)
	items := make([]setItem, n)
	switch v := c.Value.(type) {
	case *ast.Row:
		fields := expandRowStarsTree(v.Fields, sc)
		if len(fields) != n {
			return nil, Errorf("42601", "number of columns does not match number of values")
		}
		for k, col := range c.Columns {
			items[k] = setItem{col: col, value: fields[k], sub: c.Sub(k)}
		}
	case *ast.SubLink:
		if v.Kind != ast.ExprSubLink {
			return nil, notRowSource()
		}
		sp, err := compileSubquery(v.Select, sc)
		if err != nil {
			return nil, err
		}
		if len(sp.cols) != n {
			return nil, Errorf("42601", "number of columns does not match number of values")
		}
		fx := rowSetFields(sp)
		for k, col := range c.Columns {
			items[k] = setItem{col: col, field: fx[k], sub: c.Sub(k)}
		}
	default:
		return nil, notRowSource()
	}
	return items, nil
}

// expandRowStarsTree writes each t.* of a ROW(...) source as t's columns, as PostgreSQL
// expands a whole-row reference among a row constructor's fields: SET (a, b) = ROW(v.*). A
// t.* that names no table in scope is left for compiling to refuse.
func expandRowStarsTree(fields []ast.Expr, sc *scope) []ast.Expr {
	var out []ast.Expr
	for k, e := range fields {
		c, ok := e.(*ast.ColumnRef)
		if !ok || !c.Star || len(c.Names) == 0 {
			if out != nil {
				out = append(out, e)
			}
			continue
		}
		if out == nil {
			out = append(make([]ast.Expr, 0, len(fields)), fields[:k]...)
		}
		n, table := len(out), c.Names[len(c.Names)-1]
		for _, col := range sc.cols {
			if col.table == table && !col.rowID && !col.hidden {
				out = append(out, &ast.ColumnRef{Names: []string{table, col.name}})
			}
		}
		if len(out) == n {
			out = append(out, e)
		}
	}
	if out == nil {
		return fields
	}
	return out
}

// updateFromVitess converts an UPDATE of vitess's tree (one sql/parser refuses with 0A000,
// which the dialect pass reads) as the binder converts.
func updateFromVitess(st *sqlparser.Update, retList *sqlparser.SelectExprs) (*ast.Update, error) {
	if st.With != nil || len(st.OrderBy) > 0 || st.Limit != nil {
		return nil, unsupported("WITH, ORDER BY and LIMIT in UPDATE/DELETE")
	}
	from, err := fromListTree(st.TableExprs)
	if err != nil {
		return nil, err
	}
	t, ok := from[0].(*ast.Table)
	if !ok {
		return nil, unsupported("joins")
	}
	u := &ast.Update{Table: t, From: from[1:], Set: make([]ast.SetClause, 0, len(st.Exprs))}
	if len(u.From) == 0 {
		u.From = nil
	}
	for _, ue := range st.Exprs {
		c, err := setClauseFromVitess(ue)
		if err != nil {
			return nil, err
		}
		u.Set = append(u.Set, c)
	}
	if u.Where, err = whereTree(st.Where); err != nil {
		return nil, err
	}
	u.Returning, err = returningTree(retList)
	return u, err
}

// setClauseFromVitess converts one SET item of vitess's tree; a multiple-column item is the
// dialect pass's marker column (update_rowset.go).
func setClauseFromVitess(ue *sqlparser.UpdateExpr) (ast.SetClause, error) {
	c := ast.SetClause{Columns: rowSetColumns(ue), Multi: true}
	if c.Columns == nil {
		if !ue.Name.Qualifier.IsEmpty() {
			return c, unsupported("a field or subscript of an assigned column")
		}
		c.Columns, c.Multi = []string{ue.Name.Name.String()}, false
	}
	var err error
	c.Value, err = setValueFromVitess(ue.Expr)
	return c, err
}

// setValueFromVitess converts a SET item's value: DEFAULT, or a row of values holding it,
// which the converter does not read.
func setValueFromVitess(e sqlparser.Expr) (ast.Expr, error) {
	var fields []sqlparser.Expr
	explicit := false
	switch e := e.(type) {
	case *sqlparser.Default:
		return &ast.Default{}, nil
	case sqlparser.ValTuple:
		fields = e
	case *sqlparser.FuncExpr:
		if e.Name.String() != rowFunc && !e.Name.EqualString("row") {
			return (&converter{binder: true}).expr(e)
		}
		fields, explicit = e.Exprs, true
	default:
		return (&converter{binder: true}).expr(e)
	}
	r := &ast.Row{Fields: make([]ast.Expr, len(fields)), Explicit: explicit}
	for i, f := range fields {
		x, err := setValueFromVitess(f)
		if err != nil {
			return nil, err
		}
		r.Fields[i] = x
	}
	return r, nil
}

// holdsDefault reports whether DEFAULT stands inside e, where PostgreSQL refuses it.
func holdsDefault(e ast.Expr) bool {
	found := false
	ast.Walk(e, func(n ast.Node) bool {
		_, ok := n.(*ast.Default)
		found = found || ok
		return !found
	})
	return found
}
