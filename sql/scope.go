package sql

import (
	"fmt"
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// scopeCol is one column a name can resolve to: a column of a table in FROM, in row order.
type scopeCol struct {
	table string // the name the column is qualified by: the table's alias, or its name
	name  string
	typ   types.Type
	// hidden columns are reachable only qualified and are left out of *: the right-hand
	// column of a JOIN ... USING pair, which the left-hand one stands for.
	hidden bool
	// rowID is a table's hidden row id (types.Column.Hidden): reachable by name, never in *.
	rowID bool
	// unseen: a column added to a table after a view reading it was made, which the view's
	// query neither names nor lists in * (hideNewColumns); only its whole-row value reads it.
	unseen bool
	// bpchar is a char(n) column, compared without its trailing spaces.
	bpchar bool
	// varchar is a varchar(n) column (see expr.varchar).
	varchar bool
	// shape: a record column's fields (expr.shape).
	shape *types.Shape
	// reg: a derived table's column of literal regclass or regtype values (expr.reg).
	reg string
	// merged >= 0 makes an unqualified reference COALESCE(this, cols[merged]): the USING
	// column of a FULL join, where either side may be the NULL one.
	merged int
	// coerced: an unqualified reference reads the merged USING column converted to mergeAs,
	// the sides' common type (join_using.go), which is then not this side's column.
	coerced bool
	mergeAs usingSide
	// src is the table column's declaration (Column.Declared); nil for a derived table's.
	src *types.Column
	// schema is the table's, for a table's column (groupdep.go); nil for a derived table's.
	schema *types.Schema
	// scalarOut: the one column of a function in FROM returning a scalar, which its table's
	// name used as a value stands for (scalarOutMarker).
	scalarOut bool
	// usingAliases are the USING (...) AS names of the joins this column is the merged
	// column of: name.col reads the merge, as the unqualified col does (from_names.go).
	// usingPos is this column's place in each of those joins' USING lists (alias.* order).
	usingAliases []string
	usingPos     []int
	// used is set when anything reads the column. Every scope that shows the column shares
	// the flag, so the table's scan learns which columns it must decode.
	used *bool
}

// isMerge reports whether an unqualified reference to c reads something other than c's
// own value: a FULL join's COALESCE, or a USING column converted to the common type.
func (c scopeCol) isMerge() bool { return c.merged >= 0 || c.coerced }

// mergedBy reports whether a reference qualified by q ("" for none) to c reads the merge of
// a USING column: unqualified, or through the join's USING alias.
func (c scopeCol) mergedBy(q string) bool {
	return c.isMerge() && (q == "" || slices.Contains(c.usingAliases, q))
}

// qualifiedBy reports whether q, not "", names c: its table's name or a USING alias.
func (c scopeCol) qualifiedBy(q string) bool {
	return c.table == q || slices.Contains(c.usingAliases, q)
}

func (c scopeCol) markUsed() {
	if c.used != nil {
		*c.used = true
	}
}

// level is one query level (a SELECT, or a subquery in it); its scopes share whether anything
// in it reads an enclosing query's row.
type level struct {
	correlated bool
	// aggregateHere is set while the output of a SELECT that is not aggregated is bound: an
	// aggregate of this level in a subquery makes it aggregated (outeragg.go).
	aggregateHere bool
	// query is the SELECT being bound, which a derived table in its FROM reads to learn
	// whether its whole-row value is used (presence.go); nil for DML's FROM.
	query *ast.Select
}

// scope resolves names for one row layout: the columns of the FROM clause (or of one table
// within it), the statement's $n parameters, and the enclosing query's scope for correlated
// subqueries.
type scope struct {
	cols []scopeCol
	// starOrder is the order of cols an unqualified SELECT * lists, when not theirs (USING)
	starOrder []int
	params    *params
	outer     *scope
	level     *level
	// cell holds the row this scope is evaluating while a correlated subquery compiled in it
	// runs: the subquery reads the enclosing row's columns from here.
	cell *[]types.Value
	agg  *aggBinder // non-nil in the scope of an aggregated query's output
	// windows are the window calls the window node computes, in the order of its columns
	// (window_bind.go), over the rows of windowInput.
	windows     []windowCall
	windowInput *scope
	window      *windowNode
	// srfs collects the set-returning calls of the select list being compiled; nil where
	// they are not allowed.
	srfs *[]*srfCall
	// pre maps the placeholders of a row comparison's tree to their compiled fields
	// (rowsubquery.go).
	pre map[ast.Expr]*expr
	// hintOnly is the scope of the FROM items before a derived table that is not LATERAL:
	// it resolves nothing, and names them in errors. lateral is set on a LATERAL one's,
	// which resolves them and records what it reads (lateral.go).
	hintOnly bool
	// ambiguous are table names two FROM items before a LATERAL one both have (leftScope):
	// a reference qualified by one is 42P09, as PostgreSQL's refnameNamespaceItem.
	ambiguous []string
	// outerJoined: the FROM rows of this scope come through an outer join, which may fill
	// any column with NULL whatever its declaration.
	outerJoined bool
	lateral     *lateralRefs
	// dead counts the enclosing branches being compiled that constant folding has already
	// ruled out (CASE WHEN true THEN a ELSE b: b): their folding errors are not raised.
	dead int
	// sublink: the scope a subquery of an expression is bound in (compileSubquery): a
	// constant inside it that fails to fold is pending (subfold.go), not raised.
	sublink bool
	// cost accumulates the evaluation cost of what is being compiled in this scope, to order
	// a filter's terms (qualcost.go).
	cost float64
}

// inDeadBranch reports whether sc, or a scope enclosing it, is compiling a branch that can
// never run.
func (sc *scope) inDeadBranch() bool {
	for ; sc != nil; sc = sc.outer {
		if sc.dead > 0 {
			return true
		}
	}
	return false
}

// defining reports whether the query is a view's being stored (params.defining).
func (sc *scope) defining() bool {
	for ; sc != nil; sc = sc.outer {
		if sc.params != nil && sc.params.defining {
			return true
		}
	}
	return false
}

// foldFailed is what compiling the constant x whose folding failed gives: its error, except
// in a branch that never runs and a view's query being stored (which PostgreSQL does not
// plan), and in a statement being prepared, which records it to raise when it runs
// (params.deferFold); x itself, which raises it if evaluated, in those.
func foldFailed(x *expr, sc *scope) (*expr, error) {
	if sc.inDeadBranch() || sc.defining() {
		return x, nil
	}
	_, err := x.eval(nil)
	for s := sc; s != nil; s = s.outer {
		if s.sublink && s.params != nil {
			s.params.addPending(err)
			return x, nil
		}
	}
	for s := sc; s != nil; s = s.outer {
		if ps := s.params; ps != nil && ps.deferFold {
			if ps.foldErr == nil {
				ps.foldErr = &err
			}
			return x, nil
		}
	}
	return nil, err
}

// compileASTDead compiles a branch that can never run: it is type-checked, but a constant in
// it that fails to compute (1/0) is no error, as in PostgreSQL, which never simplifies it.
func compileASTDead(e ast.Expr, sc *scope) (*expr, error) {
	sc.dead++
	defer func() { sc.dead-- }()
	return compileAST(e, sc)
}

// tableScope is the scope of one table's rows.
func tableScope(schema *types.Schema, name string, ps *params) *scope {
	sc := &scope{params: ps, level: &level{}}
	for i, c := range schema.Columns {
		sc.cols = append(sc.cols, scopeCol{table: name, name: c.Name, typ: c.Type, rowID: c.Hidden, bpchar: c.Fixed, varchar: !c.Fixed && c.Type == types.Text && c.Length > 0, merged: -1, used: new(bool), src: &schema.Columns[i], schema: schema})
	}
	return sc
}

// child is a scope for another row layout of the same query level.
func (sc *scope) child(cols []scopeCol) *scope {
	return &scope{cols: cols, params: sc.params, outer: sc.outer, level: sc.level}
}

// lookup finds a column of this scope; -1 when it has none by that name (the caller then
// tries enclosing scopes).
func (sc *scope) lookup(c *sqlparser.ColName) (int, error) { return sc.lookupRef(refOf(c)) }

// colRef is a column reference by name: table is its qualifier ("" for none; a schema before
// it does not take part in resolving it).
type colRef struct{ table, name string }

func refOf(c *sqlparser.ColName) colRef { return colRef{c.Qualifier.Name.String(), c.Name.String()} }

// columnRef is the reference an ast.ColumnRef (not a star) names.
func columnRef(c *ast.ColumnRef) colRef {
	r := colRef{name: c.Names[len(c.Names)-1]}
	if len(c.Names) > 1 {
		r.table = c.Names[len(c.Names)-2]
	}
	return r
}

// lookupRef is lookup by name.
func (sc *scope) lookupRef(c colRef) (int, error) {
	name, q := c.name, c.table
	found := -1
	if sc.hintOnly {
		return found, nil
	}
	if q != "" && slices.Contains(sc.ambiguous, q) {
		return 0, Errorf("42P09", "table reference %q is ambiguous", q)
	}
	for i, col := range sc.cols {
		if col.name != name || (q != "" && !col.qualifiedBy(q)) || (q == "" && col.hidden) || col.unseen {
			continue
		}
		if found >= 0 {
			return 0, Errorf("42702", "column reference %q is ambiguous", name)
		}
		found = i
	}
	return found, nil
}

// hasTable reports whether any column is qualified by name.
func (sc *scope) hasTable(name string) bool {
	for _, c := range sc.cols {
		if c.qualifiedBy(name) {
			return true
		}
	}
	return false
}

// namesTable reports whether a FROM item of this scope that a reference can see is called
// name: the one a reference qualified by name binds to (PostgreSQL's refnameNamespaceItem).
func (sc *scope) namesTable(name string) bool {
	return !sc.hintOnly && sc.hasTable(name)
}

// missingTable is the error for a reference qualified by q that names no table the reference
// can see, as PostgreSQL's errorMissingRTE: a table it cannot see from here, or a table
// referenced by its name where FROM gave it an alias, is an invalid reference with a hint.
func (sc *scope) missingTable(q string) error {
	invalid := func(hint string, args ...any) error {
		return &Error{Code: "42P01", Message: fmt.Sprintf("invalid reference to FROM-clause entry for table %q", q),
			Hint: fmt.Sprintf(hint, args...)}
	}
	for s := sc; s != nil; s = s.outer {
		if s.hintOnly && s.hasTable(q) {
			return invalid("There is an entry for table %q, but it cannot be referenced from this part of the query.", q)
		}
	}
	for s := sc; s != nil; s = s.outer {
		for _, c := range s.cols {
			if c.schema != nil && c.table != q && !s.hintOnly && shownTableName(c.schema.Name) == q {
				return invalid("Perhaps you meant to reference the table alias %q.", c.table)
			}
		}
	}
	return Errorf("42P01", "missing FROM-clause entry for table %q", q)
}

func (sc *scope) missing(c colRef) error {
	if q := c.table; q != "" {
		for s := sc; s != nil; s = s.outer {
			if !s.hintOnly && s.hasTable(q) {
				return Errorf("42703", "column %s.%s does not exist", q, c.name)
			}
		}
		return sc.missingTable(q)
	}
	for s := sc; s != nil; s = s.outer {
		for _, col := range s.cols {
			if s.hintOnly && col.name == c.name && !col.hidden {
				return &Error{Code: "42703", Message: fmt.Sprintf("column %q does not exist", c.name),
					Hint: fmt.Sprintf("There is a column named %q in table %q, but it cannot be referenced from this part of the query.", c.name, col.table)}
			}
		}
	}
	return Errorf("42703", "column %q does not exist", c.name)
}

// compileColumn compiles a column reference: to this scope's row, or, for a correlated
// subquery, to the row an enclosing scope is evaluating.
func (sc *scope) compileColumn(c colRef) (*expr, error) {
	i, err := sc.lookupRef(c)
	if err != nil {
		return nil, err
	}
	// A qualified reference to a merged USING column is that side's value, not the merge
	// (but through the join's USING alias).
	qualified := c.table != ""
	if i >= 0 && qualified && !slices.Contains(sc.cols[i].usingAliases, c.table) {
		col := sc.cols[i]
		col.markUsed()
		return col.kinds(columnExpr(i, col.typ)), nil
	}
	if i >= 0 {
		return sc.colExpr(i), nil
	}
	if qualified && sc.namesTable(c.table) {
		return nil, sc.missing(c) // PostgreSQL binds s in s.y to the nearest s, never further out
	}
	for o := sc.outer; o != nil; o = o.outer {
		if o.agg != nil && len(o.cols) == 0 { // an aggregated query's groups
			x, found, err := o.agg.groupedColumn(c, o)
			if err != nil || found {
				markCorrelated(sc, o)
				return x, err
			}
			continue
		}
		j, err := o.lookupRef(c)
		if err != nil {
			return nil, err
		}
		if j < 0 {
			if qualified && o.namesTable(c.table) {
				return nil, sc.missing(c)
			}
			continue
		}
		markCorrelated(sc, o) // every query level between here and o depends on o's row
		if o.cell == nil {
			o.cell = new([]types.Value)
		}
		if o.lateral != nil {
			for _, k := range mergedChain(o.cols, j) {
				if err := o.lateral.read(o, k); err != nil {
					return nil, err
				}
			}
		}
		o.cols[j].markUsed()
		cell, typ := o.cell, o.cols[j].typ
		col := o.cols[j]
		if col.merged >= 0 && !qualified {
			chain := mergedChain(o.cols, j)
			for _, k := range chain {
				o.cols[k].markUsed()
			}
			return mergeExpr(&expr{typ: typ, bpchar: col.bpchar, varchar: col.varchar, rowFree: true, eval: func([]types.Value) (types.Value, error) {
				return firstNonNull(*cell, chain), nil
			}}, col, o), nil
		}
		// Row-free: it does not read this scope's row, so it can pick a point lookup.
		x := &expr{typ: typ, rowFree: true, eval: func([]types.Value) (types.Value, error) { return (*cell)[j], nil }}
		if qualified {
			return x, nil
		}
		x.bpchar, x.varchar = col.bpchar, col.varchar
		return mergeExpr(x, col, o), nil
	}
	if x, ok, err := sc.wholeRow(c); ok || err != nil {
		return x, err
	}
	if x, ok, err := sc.outerWholeRow(c); ok || err != nil {
		return x, err
	}
	return nil, sc.missing(c)
}

// outerWholeRow compiles an enclosing query's table name used as a value (SELECT s IS NULL
// in a subquery): its whole-row value of the row that query is evaluating.
func (sc *scope) outerWholeRow(c colRef) (*expr, bool, error) {
	for o := sc.outer; o != nil && c.table == ""; o = o.outer {
		if o.agg != nil && len(o.cols) == 0 { // an aggregated query: read through its groups
			x, found, err := o.agg.groupedWholeRow(c.name)
			if err != nil {
				if e, ok := err.(*Error); ok && e.Code == "42803" {
					err = Errorf("42803", "subquery uses ungrouped column %q from outer query", c.name+".*")
				}
				return nil, true, err
			}
			if found {
				markCorrelated(sc, o)
				return o.readGroupRow(x), true, nil
			}
			continue
		}
		if !o.hasTable(c.name) {
			continue
		}
		x, ok, err := o.wholeRow(c)
		if !ok || err != nil {
			return nil, ok, err
		}
		markCorrelated(sc, o)
		if o.cell == nil {
			o.cell = new([]types.Value)
		}
		for k, col := range o.cols {
			if col.table != c.name || o.lateral == nil {
				continue
			}
			if err := o.lateral.read(o, k); err != nil {
				return nil, false, err
			}
		}
		cell := o.cell
		return &expr{typ: x.typ, shape: x.shape, rowFree: true, eval: func([]types.Value) (types.Value, error) {
			return x.eval(*cell)
		}}, true, nil
	}
	return nil, false, nil
}

// wholeRow compiles a table's name used as a value (row_to_json(t), to_jsonb(t)): a record
// of its columns, as PostgreSQL reads a name that is no column but a relation of FROM. ok
// is false when no table of this scope has the name. A row that an outer join NULL-extends
// is NULL, not a record of NULLs (count(t) counts no such row): a NOT NULL column tells it
// from a row of NULLs, a stored table's (the primary key's, or the hidden row id) or a derived
// table's presence column (presence.go).
func (sc *scope) wholeRow(c colRef) (*expr, bool, error) {
	name := c.name
	if c.table != "" || !sc.hasTable(name) {
		return nil, false, nil
	}
	if sc.isUsingAlias(name) {
		return sc.usingAliasRow(name), true, nil
	}
	var idx []int
	var fields []types.Column
	present := -1
	for i, col := range sc.cols {
		if col.table == name && col.scalarOut {
			return sc.colExpr(i), true, nil
		}
		if col.table == name && present < 0 && col.src != nil && col.src.NotNull {
			col.markUsed()
			present = i
		}
		if col.table == name && !col.rowID {
			col.markUsed()
			idx = append(idx, i)
			name := col.name
			if col.src != nil {
				name = col.src.Name // a table's row type keeps its names under column aliases
			}
			fields = append(fields, types.Column{Name: name, Type: col.typ})
		}
	}
	shape := types.NewShape(fields)
	return &expr{typ: types.Record, shape: shape, eval: func(row []types.Value) (types.Value, error) {
		if present >= 0 && row[present].IsNull() {
			return types.Value{T: types.Record, Null: true}, nil // an outer join's NULL-extended row
		}
		vals := make([]types.Value, len(idx))
		for k, i := range idx {
			vals[k] = row[i]
		}
		return shape.Record(vals), nil
	}}, true, nil
}

// compileStar compiles t.* used as a value (count(t.*), row_to_json(t.*), (t.*)::text): t's
// whole-row value, as PostgreSQL reads f(t.*) as f(t), even where t also names a column.
func (sc *scope) compileStar(c *ast.ColumnRef) (*expr, error) {
	if len(c.Names) == 0 {
		return nil, unsupported("* in an expression")
	}
	q := c.Names[len(c.Names)-1]
	if sc.agg != nil && len(sc.cols) == 0 {
		if x, found, err := sc.agg.groupedWholeRow(q); found { // groupwholerow.go
			return x, err
		}
	}
	if x, ok, err := sc.wholeRow(colRef{name: q}); ok || err != nil {
		return x, err
	}
	if x, ok, err := sc.outerWholeRow(colRef{name: q}); ok || err != nil {
		return x, err
	}
	return nil, Errorf("42P01", "missing FROM-clause entry for table %q", q)
}

// firstNonNull is the first of row's values at idx that is not NULL (a merged USING
// column's value), else NULL.
func firstNonNull(row []types.Value, idx []int) types.Value {
	for _, k := range idx {
		if !row[k].IsNull() {
			return row[k]
		}
	}
	return types.NullValue
}

// colExpr reads column i of this scope's row (for a merged USING column, either side's).
func (sc *scope) colExpr(i int) *expr {
	col := sc.cols[i]
	col.markUsed()
	if col.merged >= 0 {
		chain := mergedChain(sc.cols, i)
		for _, k := range chain {
			sc.cols[k].markUsed()
		}
		return mergeExpr(&expr{typ: col.typ, bpchar: col.bpchar, varchar: col.varchar, eval: func(row []types.Value) (types.Value, error) {
			return firstNonNull(row, chain), nil
		}}, col, sc)
	}
	return mergeExpr(col.kinds(columnExpr(i, col.typ)), col, sc)
}

// kinds gives x, an expression of the column's values, what the column's type alone does
// not say: char(n) or varchar, a record's fields, a regclass or regtype oid.
func (c scopeCol) kinds(x *expr) *expr {
	x.bpchar, x.varchar, x.shape, x.reg = c.bpchar, c.varchar, c.shape, c.reg
	return x
}
