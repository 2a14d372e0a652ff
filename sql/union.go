package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// bindSetTree plans a set operation: UNION, INTERSECT or EXCEPT [ALL] (the converter reads
// vitess's Union and the dialect pass's markers into Select.Op), each operand a query of its
// own (bindQuery), then its own ORDER BY and LIMIT, which can name only its output columns.
// Its WITH is bound around it (bindQuery).
func (s *Session) bindSetTree(t *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	var root node
	var cols []Column
	var err error
	if t.Op != ast.Union {
		root, cols, err = s.bindSetOp(t, ps, outer) // setops.go
	} else {
		root, cols, err = s.bindUnionChain(t, ps, outer)
	}
	if err != nil {
		return nil, nil, err
	}
	return finishSetOperation(t, root, cols, ps, outer, false)
}

// A chain a UNION b UNION ALL c ... parses left-deep, one Union per operator. Planned as
// written, every UNION would dedupe everything to its left again and every row would climb
// through one Append per operator: quadratic in the number of branches. The chain is planned
// flat instead: one Append of every branch, and one DISTINCT over the branches up to the last
// UNION (without ALL), since deduplicating that prefix subsumes every earlier DISTINCT; the
// branches after it are appended as they are.
//
// Column types are resolved pairwise left to right, as PostgreSQL does: after branch i the
// columns have types T_i, and a branch's values go through the same conversions they would
// in the nested plan (its own type → T_i → each later change), so the results are the same.
// T changes only a few times (NULL → integers → numeric → floats), so this stays linear.

// unionChain returns the branches of t's left-deep chain in order and, for each branch but
// the first, whether the UNION that adds it removes duplicates. A nested union with its own
// ORDER BY, LIMIT or WITH is a branch of its own.
func unionChain(t *ast.Select) (branches []*ast.Select, distinct []bool) {
	for {
		branches = append(branches, t.Right)
		distinct = append(distinct, !t.All)
		l := t.Left
		if l.Op != ast.Union || l.With != nil || l.OrderBy != nil || l.Limit != nil || l.Offset != nil {
			branches = append(branches, l)
			distinct = append(distinct, false)
			break
		}
		t = l
	}
	for i, j := 0, len(branches)-1; i < j; i, j = i+1, j-1 {
		branches[i], branches[j] = branches[j], branches[i]
		distinct[i], distinct[j] = distinct[j], distinct[i]
	}
	return branches, distinct
}

// typeStep says that the union's column type became t when branch at was added.
type typeStep struct {
	at int
	t  types.Type
}

// bindUnionChain plans a chain of UNIONs flat (see unionChain).
func (s *Session) bindUnionChain(t *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	branches, distinct := unionChain(t)
	nodes, from, cols, steps, err := s.bindBranches(len(branches), func(i int) (node, []Column, error) {
		return s.bindQuery(branches[i], ps, outer)
	}, "UNION")
	if err != nil {
		return nil, nil, err
	}
	last := len(branches) - 1
	dedupe := 0 // the last branch a DISTINCT covers; 0: none
	for i := last; i > 0; i-- {
		if distinct[i] {
			dedupe = i
			break
		}
	}
	var root node
	if dedupe > 0 {
		prefix := make([]node, dedupe+1)
		for i := range prefix {
			prefix[i] = s.convertBranch(nodes[i], from[i], steps, i, dedupe)
		}
		if err := noJSONEquality(cols); err != nil {
			return nil, nil, err
		}
		root = &distinctNode{in: &appendNode{ins: prefix}, trim: charTrimFlags(cols), records: recordKeyPositions(typesOfColumns(cols)), keys: unionKeyTexts(branches[0], cols)}
		at := make([]types.Type, len(cols))
		for c := range cols {
			at[c] = typeAt(steps[c], dedupe)
		}
		root = s.convertBranch(root, at, steps, dedupe, last)
	}
	if dedupe < last {
		ins := make([]node, 0, last-dedupe+1)
		if root != nil {
			ins = append(ins, root)
		}
		for i := dedupe + min(dedupe, 1); i <= last; i++ {
			ins = append(ins, s.convertBranch(nodes[i], from[i], steps, i, last))
		}
		root = &appendNode{ins: ins}
	}
	return root, cols, nil
}

// sameFieldTypes reports whether two record shapes have the same field types (a set
// operation's records take the first branch's field names, as PostgreSQL's).
func sameFieldTypes(a, b *types.Shape) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := a.Fields(), b.Fields()
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i].Type != y[i].Type {
			return false
		}
	}
	return true
}

// bindBranches binds the count branches of a set operation (bind binds branch i; op names the
// operation in errors) and resolves their column types pairwise, left to right: nodes[i]
// yields from[i], and steps says how each column's type changed as branches were added
// (see convertBranch).
func (s *Session) bindBranches(count int, bind func(i int) (node, []Column, error), op string) (
	nodes []node, from [][]types.Type, cols []Column, steps [][]typeStep, err error) {
	nodes = make([]node, count)
	from = make([][]types.Type, count) // each branch's own column types
	for i := range count {
		n, bcols, err := bind(i)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		nodes[i] = n
		from[i] = make([]types.Type, len(bcols))
		for c := range bcols {
			from[i][c] = bcols[c].Type
		}
		if i == 0 {
			cols = append([]Column(nil), bcols...)
			steps = make([][]typeStep, len(cols)) // per column, the types it took and where
			for c := range cols {
				steps[c] = []typeStep{{0, cols[c].Type}}
			}
			continue
		}
		if len(bcols) != len(cols) {
			return nil, nil, nil, nil, Errorf("42601", "each %s query must have the same number of columns", op)
		}
		for c := range cols {
			if (cols[c].unknown || cols[c].Type == types.Null) && !bcols[c].unknown && bcols[c].Type != types.Null {
				// The first typed branch gives the column its kind: NULL UNION char(n) is char(n).
				cols[c].bpchar, cols[c].varchar = bcols[c].bpchar, bcols[c].varchar
			}
		}
		nodes[i] = castCharBranch(n, bcols, cols)
		for c := range cols {
			lt, rt := cols[c].Type, bcols[c].Type
			t := lt
			switch {
			case lt == types.Null && rt == types.Null && op != "VALUES":
				t = types.Text // two NULLs make a text column, as PostgreSQL resolves two unknowns
			case lt == rt || rt == types.Null:
			case lt == types.Null:
				t = rt
			case bcols[c].unknown && rt == types.Text: // the literal is read as the left type
			case cols[c].unknown && lt == types.Text:
				t = rt
			case familyOf(lt) == famNumeric && familyOf(rt) == famNumeric:
				t = commonNumeric(lt, rt)
			case familyOf(lt) == famTime && familyOf(rt) == famTime:
				t = widerTime(lt, rt) // date to timestamp to timestamptz, as select_common_type
			case datetimeCategory(lt) && datetimeCategory(rt):
				// one category, no implicit cast between them (time and date): the first
				// type stays, and the other does not convert to it
				return nil, nil, nil, nil, Errorf("42846", "%s could not convert type %s to %s", op, rt, lt)
			default:
				return nil, nil, nil, nil, Errorf("42804", "%s types %s and %s cannot be matched", op, lt, rt)
			}
			cols[c].src = sameDeclaration(cols[c].src, bcols[c].src)
			if rt != types.Null && bcols[c].reg != cols[c].reg {
				cols[c].reg = "" // a regclass beside other oids: the values are numbers
			}
			if !sameFieldTypes(cols[c].shape, bcols[c].shape) {
				cols[c].shape = nil // records of other fields: the plan no longer knows (r).f
			}
			// Two branches make a typed (text if both literals) column; a VALUES list's
			// column stays untyped while its rows are untyped literals or NULLs.
			cols[c].unknown = op == "VALUES" && (cols[c].unknown || lt == types.Null) && (bcols[c].unknown || rt == types.Null)
			if t != lt {
				cols[c].src = nil
				cols[c].Type = t
				steps[c] = append(steps[c], typeStep{i, t})
			}
		}
	}
	for c := range cols {
		cols[c].unknown = false // a set operation's all-literal column is text
	}
	return nodes, from, cols, steps, nil
}

// finishSetOperation adds a set operation's own ORDER BY and LIMIT, which can name only its
// output columns; a VALUES list's (values) sorts by any expression of them, as PostgreSQL
// reads it as a SELECT from its rows.
func finishSetOperation(t *ast.Select, root node, cols []Column, ps *params, outer *scope, values bool) (node, []Column, error) {
	projs := make([]projection, len(cols))
	exprs := make([]*expr, len(cols))
	outScope := &scope{params: ps, outer: outer, level: &level{}}
	for i, c := range cols {
		projs[i] = projection{col: c, x: columnExpr(i, c.Type)}
		projs[i].x.bpchar, projs[i].x.varchar, projs[i].x.shape, projs[i].x.reg = c.bpchar, c.varchar, c.shape, c.reg
		exprs[i] = projs[i].x
		outScope.cols = append(outScope.cols, scopeCol{name: c.Name, typ: c.Type, shape: c.shape, reg: c.reg, merged: -1})
		if values { // PostgreSQL names a VALUES list's rows "*VALUES*"
			outScope.cols[i].table = "*VALUES*"
		}
	}
	// Not as DISTINCT (42P10): PostgreSQL binds the key, then refuses anything but an output
	// column with 0A000, after a UNION or a UNION ALL alike.
	keys, exprs, err := orderKeys(t.OrderBy, projs, exprs, outScope, false)
	if err != nil {
		return nil, nil, err
	}
	if len(exprs) > len(cols) {
		if !values {
			return nil, nil, Errorf("0A000", "invalid UNION/INTERSECT/EXCEPT ORDER BY clause")
		}
		root = &projectNode{in: root, exprs: exprs} // the keys, hidden after the columns
	}
	limits, err := bindLimits(t.Limit, t.Offset, ps, outScope)
	if err != nil {
		return nil, nil, err
	}
	if err := limits.withTies(t.WithTies, t.Limit, keys); err != nil {
		return nil, nil, err
	}
	return finishQuery(root, cols, keys, limits, nil, nil), cols, nil
}

// typeAt is a column's type once the branches up to i are in.
func typeAt(steps []typeStep, i int) types.Type {
	t := steps[0].t
	for _, st := range steps {
		if st.at > i {
			break
		}
		t = st.t
	}
	return t
}

// convertBranch converts the rows of n, which has the types from when branch i joins the
// union, through the types its columns take up to branch upto; n itself when nothing changes.
func (s *Session) convertBranch(n node, from []types.Type, steps [][]typeStep, i, upto int) node {
	var exprs []*expr
	for c, t := range from {
		x := columnExpr(c, t)
		if at := typeAt(steps[c], i); at != t {
			x = s.convertSetColumn(x, at)
		}
		for _, st := range steps[c] {
			if st.at > i && st.at <= upto {
				x = s.convertSetColumn(x, st.t)
			}
		}
		if x.typ != t && exprs == nil {
			exprs = make([]*expr, len(from))
			for k := range c {
				exprs[k] = columnExpr(k, from[k])
			}
		}
		if exprs != nil {
			exprs[c] = x
		}
	}
	if exprs == nil {
		return n
	}
	return &projectNode{in: n, exprs: exprs}
}

// convertSetColumn converts a set operation's column x to its type t: a date or timestamp
// to timestamp or timestamptz as the cast does, in the session's TimeZone when it runs.
func (s *Session) convertSetColumn(x *expr, t types.Type) *expr {
	if x.typ == t || familyOf(x.typ) != famTime || familyOf(t) != famTime {
		return convertExpr(x, t)
	}
	col := &types.Column{Type: t}
	return &expr{typ: t, rowFree: x.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		return castValueIn(v, col, s.location(), s.transactionTime(), s.dateOrder())
	}}
}

// datetimeCategory reports whether t is of PostgreSQL's datetime type category (D).
func datetimeCategory(t types.Type) bool {
	return familyOf(t) == famTime || t == types.Time || t == types.TimeTZ
}

// castCharBranch casts a later UNION branch's char(n) columns to text where the union's
// column is text or varchar (the first branch's type wins, as in PostgreSQL), which drops
// their padding.
func castCharBranch(n node, bcols, cols []Column) node {
	var exprs []*expr
	for c := range bcols {
		if bcols[c].bpchar && !cols[c].bpchar && cols[c].Type == types.Text {
			if exprs == nil {
				exprs = make([]*expr, len(bcols))
				for j := range bcols {
					exprs[j] = columnExpr(j, bcols[j].Type)
				}
			}
			exprs[c] = trimmed(exprs[c])
		}
	}
	if exprs == nil {
		return n
	}
	return &projectNode{in: n, exprs: exprs}
}

// sameDeclaration is the declaration a UNION column shows when its branches' columns are
// declared alike (Column.Declared); nil when they differ or one is unknown.
func sameDeclaration(a, b *types.Column) *types.Column {
	if a == nil || b == nil || a.Type != b.Type || a.Length != b.Length || a.Fixed != b.Fixed || a.NotNull != b.NotNull {
		return nil
	}
	return a
}
