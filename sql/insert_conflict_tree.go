package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// ON CONFLICT (and HerdDB's UPSERT) bound from the tree: the arbiters the target infers
// (upsert_arbiter.go) and DO UPDATE's SET list and WHERE over the existing row and, as
// "excluded", the proposed one (upsert.go runs them).

// bindConflict checks ON CONFLICT's target (oc; nil without the clause) and binds DO
// UPDATE's assignments; upsert is UPSERT INTO, whose row replaces the existing one.
func (s *Session) bindConflict(bt *boundTable, oc *ast.OnConflict, upsert bool, ps *params) (*inserter, error) {
	ins := &inserter{bt: bt, ps: ps}
	if oc == nil {
		if upsert {
			ins.conflict = &conflictClause{replace: true}
		}
		return ins, nil
	}
	c := conflictClauseOf(oc)
	ins.conflict = c
	schema := bt.schema
	// noArbiter (42P10) waits for DO UPDATE's SET and WHERE to bind: PostgreSQL infers the
	// arbiters when it plans the statement, after its parser has refused a wrong column there.
	var noArbiter error
	if oc.Columns != nil || c.constraint != "" {
		if err := inferenceWhere(bt, oc.Where); err != nil {
			return nil, err
		}
		arbiters, err := conflictArbiters(bt, c)
		if e, ok := err.(*Error); ok && e.Code == "42P10" {
			noArbiter = err
		} else if err != nil {
			return nil, err
		}
		ins.arbiters = arbiters
	} else if c.update {
		return nil, &Error{Code: "42601", Message: "ON CONFLICT DO UPDATE requires inference specification or constraint name",
			Hint: "For example, ON CONFLICT (column_name)."}
	} else {
		ins.arbiters, ins.pkFirst = anyArbiters(schema), !hiddenKey(schema)
	}
	if !c.update {
		return ins, noArbiter
	}
	n := len(schema.Columns)
	sc := bt.scope.child(slices.Clone(bt.scope.cols))
	for _, col := range schema.Columns {
		// As in PostgreSQL, excluded's columns are seen unqualified too, so a bare column
		// name is ambiguous (42702) between the target and excluded. A table without a
		// primary key's hidden row id is never part of excluded.*, as of the target's own *.
		sc.cols = append(sc.cols, scopeCol{table: "excluded", name: col.Name, typ: col.Type, rowID: col.Hidden, merged: -1})
	}
	if bt.alias == "excluded" {
		// A target table called excluded, not aliased: excluded.x could be either (42P09).
		sc.ambiguous = append(sc.ambiguous, "excluded")
	}
	if err := ins.bindConflictUpdate(s, oc, sc); err != nil {
		return nil, err
	}
	if noArbiter != nil {
		return nil, noArbiter
	}
	ins.both = make([]types.Value, 2*n)
	ins.next = make([]types.Value, n)
	return ins, nil
}

// conflictClauseOf is what the inserter reads of an ON CONFLICT clause. A target with an
// expression element is its elements' PostgreSQL text (targetExprs), which conflictArbiters
// matches with the parts of computed unique indexes (index_computed.go); one with a
// collation or an operator class leaves the target empty: no index of drove's (the default
// collation and operator classes) is inferred from it, so conflictArbiters finds none
// (42P10). The target's WHERE is kept as text for partial indexes' predicates.
func conflictClauseOf(oc *ast.OnConflict) *conflictClause {
	c := &conflictClause{constraint: oc.Constraint, update: oc.Update}
	if oc.Where != nil {
		c.targetWhere = ast.Print(oc.Where, ast.SQL)
	}
	exprs := slices.ContainsFunc(oc.Columns, func(el ast.IndexElem) bool { return el.Name == "" })
	for _, el := range oc.Columns {
		if el.Collation != "" || el.Opclass != "" {
			c.target, c.targetExprs = nil, nil
			break
		}
		switch {
		case !exprs:
			c.target = append(c.target, el.Name)
		case el.Name != "":
			c.targetExprs = append(c.targetExprs, el.Name)
		default:
			c.targetExprs = append(c.targetExprs, ast.Print(el.Expr, ast.SQL))
		}
	}
	return c
}

// inferenceWhere binds the conflict target's WHERE (the partial index predicate) over the
// target table, for its errors: any index drove has is inferred whatever it says, as
// PostgreSQL's infer_arbiter_indexes infers an index that is not partial.
func inferenceWhere(bt *boundTable, where ast.Expr) error {
	if where == nil {
		return nil
	}
	_, err := compileASTBool(where, bt.scope, "WHERE")
	return err
}

// bindConflictUpdate binds DO UPDATE's SET list and WHERE over sc: the target's columns and,
// as "excluded", the proposed row's.
func (ins *inserter) bindConflictUpdate(s *Session, oc *ast.OnConflict, sc *scope) error {
	schema := ins.bt.schema
	for _, set := range oc.Set {
		items, err := conflictSetItems(set, sc)
		if err != nil {
			return err
		}
		for _, it := range items {
			i := schema.ColumnIndex(it.name)
			if i < 0 {
				return Errorf("42703", "column %q of relation %q does not exist", it.name, ins.bt.name)
			}
			base, err := assignBase(ins.bt, i, it.sub != nil, ins.sets, sc)
			if err != nil {
				return err
			}
			x, err := s.conflictSetValue(it, schema, i, sc)
			if err != nil {
				return err
			}
			if it.sub == nil {
				ins.sets = append(ins.sets, assignment{col: i, x: x})
				continue
			}
			if x, err = subscriptAssign(base, it.sub, x, &schema.Columns[i], sc); err != nil {
				return err
			}
			a := assignment{col: i, x: x, sub: true}
			if k := slices.IndexFunc(ins.sets, func(o assignment) bool { return o.col == i }); k >= 0 {
				ins.sets[k] = a
			} else {
				ins.sets = append(ins.sets, a)
			}
		}
	}
	if oc.UpdateWhere != nil {
		w, err := compileASTBool(oc.UpdateWhere, sc, "WHERE")
		if err != nil {
			return err
		}
		ins.where = w
	}
	return nil
}

// conflictSet is one column's assignment of DO UPDATE's SET: an expression, or the field of
// a multiple-column item's subquery.
type conflictSet struct {
	name  string
	value ast.Expr
	field *expr
	sub   *ast.Subscript
}

// conflictSetValue compiles the value an assignment gives column i: DEFAULT is the column's
// default (NULL without one).
func (s *Session) conflictSetValue(it conflictSet, schema *types.Schema, i int, sc *scope) (*expr, error) {
	c := &schema.Columns[i]
	_, isDefault := it.value.(*ast.Default)
	if !isDefault || it.field != nil {
		if err := identityUpdateError(c); err != nil {
			return nil, err
		}
	}
	x := it.field
	var err error
	switch {
	case x != nil:
	case isDefault:
		defs, err := s.defaults(schema)
		if err != nil {
			return nil, err
		}
		if x = defs[i]; x == nil {
			x = constExpr(types.NullValue, false)
		}
	default:
		if err := defaultNested(it.value); err != nil {
			return nil, err
		}
		if x, err = compileAST(it.value, sc); err != nil {
			return nil, err
		}
	}
	if it.sub != nil { // an element's assignment, which subscriptAssign checks
		return x, nil
	}
	if x.param > 0 && x.unknown {
		x = x.setParamType(c.Type)
	}
	return x, checkConstAssign(x, c)
}

// conflictSetItems flattens one SET item into one assignment per column: `(a, b) = (x, y)`
// or `= ROW(x, y)` into a = x, b = y (a t.* among the fields is t's columns, as PostgreSQL
// expands a whole-row reference there), `(a, b) = (SELECT ...)` into the fields of the
// subquery's one row, run once per updated row (update_rowset.go's rules).
func conflictSetItems(set ast.SetClause, sc *scope) ([]conflictSet, error) {
	if !set.Multi {
		return []conflictSet{{name: set.Columns[0], value: set.Value, sub: set.Sub(0)}}, nil
	}
	out := make([]conflictSet, len(set.Columns))
	for k, c := range set.Columns {
		out[k].name, out[k].sub = c, set.Sub(k)
	}
	switch src := set.Value.(type) {
	case *ast.Row:
		fields := expandRowStarsTree(src.Fields, sc)
		if len(fields) != len(out) {
			return nil, Errorf("42601", "number of columns does not match number of values")
		}
		for k := range out {
			out[k].value = fields[k]
		}
	case *ast.SubLink:
		if src.Kind != ast.ExprSubLink {
			return nil, notRowSource()
		}
		sp, err := compileSubquery(src.Select, sc)
		if err != nil {
			return nil, err
		}
		if len(sp.cols) != len(out) {
			return nil, Errorf("42601", "number of columns does not match number of values")
		}
		for k, f := range rowSetFields(sp) {
			out[k].field = f
		}
	default:
		return nil, notRowSource()
	}
	return out, nil
}

// returningTable is the table an INSERT's RETURNING is bound over: bt, where excluded is seen
// only to name it in errors after DO UPDATE (42P01 invalid reference, as PostgreSQL), since
// RETURNING cannot read the proposed row.
func returningTable(bt *boundTable, oc *ast.OnConflict) *boundTable {
	if oc == nil || !oc.Update || bt.schema == nil || bt.alias == "excluded" {
		return bt
	}
	hint := &scope{params: bt.scope.params, outer: bt.scope.outer, level: bt.scope.level, hintOnly: true}
	for _, col := range bt.schema.Columns {
		hint.cols = append(hint.cols, scopeCol{table: "excluded", name: col.Name, typ: col.Type, rowID: col.Hidden, merged: -1})
	}
	sc := *bt.scope
	sc.outer = hint
	r := *bt
	r.scope = &sc
	return &r
}
