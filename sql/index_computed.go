package sql

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
	"vitess.io/vitess/go/vt/sqlparser"
)

// Computed indexes (types.Index.Computed): indexes on expressions, partial indexes and
// UNIQUE NULLS NOT DISTINCT. Their key parts and predicate are SQL text in the schema, so the
// log, checkpoints and snapshots carry them; the tablespace asks this package for each
// schema's key function (SetIndexKeyHook) when it builds the index, applies an entry or
// rebuilds the index at start, and every replica computes the same keys: only IMMUTABLE
// functions may appear (PostgreSQL's rule, for the same reason).

func init() {
	tablespace.SetIndexKeyHook(func(s *types.Schema, def *types.Index) (tablespace.IndexKeyFunc, []types.Type, error) {
		k, err := keyerOf(s, def)
		if err != nil {
			return nil, nil, err
		}
		return k.key, k.types, nil
	})
}

// indexKeyer computes a computed index's keys for one schema.
type indexKeyer struct {
	types []types.Type
	nnd   bool
	pool  sync.Pool // *indexExprs, or the error compiling them
}

// indexExprs are an index's compiled key parts and predicate (nil: not partial); an *expr
// is not safe for concurrent use, so each user takes its own from the pool.
type indexExprs struct {
	parts []*expr
	pred  *expr
}

type indexKeyerID struct {
	s    *types.Schema
	name string
}

var indexKeyers sync.Map // indexKeyerID → *indexKeyer

func keyerOf(s *types.Schema, def *types.Index) (*indexKeyer, error) {
	id := indexKeyerID{s, def.Name}
	if v, ok := indexKeyers.Load(id); ok {
		return v.(*indexKeyer), nil
	}
	d := *def
	xs, err := compileIndexExprs(s, &d)
	if err != nil {
		return nil, err
	}
	k := &indexKeyer{nnd: d.NullsNotDistinct}
	for _, x := range xs.parts {
		k.types = append(k.types, x.typ)
	}
	k.pool.New = func() any {
		xs, err := compileIndexExprs(s, &d)
		if err != nil {
			return err
		}
		return xs
	}
	k.pool.Put(xs)
	v, _ := indexKeyers.LoadOrStore(id, k)
	return v.(*indexKeyer), nil
}

func compileIndexExprs(s *types.Schema, def *types.Index) (*indexExprs, error) {
	xs := &indexExprs{}
	sc := tableScope(s, s.Name, &params{})
	for _, text := range def.Exprs {
		e, err := parseStoredExpr(text)
		if err != nil {
			return nil, err
		}
		x, err := compile(e, sc)
		if err != nil {
			return nil, err
		}
		if x.unknown {
			if x, err = castLiteral(x, types.Text); err != nil {
				return nil, err
			}
		}
		xs.parts = append(xs.parts, x)
	}
	if def.Predicate != "" {
		e, err := parseStoredExpr(def.Predicate)
		if err != nil {
			return nil, err
		}
		if xs.pred, err = compileBool(e, sc, "WHERE"); err != nil {
			return nil, err
		}
	}
	return xs, nil
}

// values are the key parts of row; in is false when the row is not in the index: the
// predicate does not hold, or a part is NULL and NULLs are distinct.
func (k *indexKeyer) values(row []types.Value) (vals []types.Value, in bool, err error) {
	v := k.pool.Get()
	if err, ok := v.(error); ok {
		return nil, false, err
	}
	xs := v.(*indexExprs)
	defer k.pool.Put(xs)
	if xs.pred != nil {
		r, err := xs.pred.eval(row)
		if err != nil || r.IsNull() || !r.Bool() {
			return nil, false, err
		}
	}
	vals = make([]types.Value, len(xs.parts))
	for i, x := range xs.parts {
		if vals[i], err = x.eval(row); err != nil {
			return nil, false, err
		}
		if vals[i].IsNull() && !k.nnd {
			return nil, false, nil
		}
	}
	return vals, true, nil
}

// encode is the index key of values.
func (k *indexKeyer) encode(dst []byte, vals []types.Value) ([]byte, error) {
	var err error
	for i, v := range vals {
		if k.nnd {
			dst, err = types.AppendNullableKeyValue(dst, k.types[i], v)
		} else {
			dst, err = types.AppendKeyValue(dst, k.types[i], v)
		}
		if err != nil {
			return nil, err
		}
	}
	return dst, nil
}

func (k *indexKeyer) key(dst []byte, row []types.Value) ([]byte, bool, error) {
	vals, in, err := k.values(row)
	if err != nil || !in {
		return nil, false, err
	}
	dst, err = k.encode(dst, vals)
	return dst, err == nil, err
}

// checkIndexExpr refuses in an index expression (or, pred, its predicate) what PostgreSQL
// refuses there: subqueries, aggregates, window and set-returning functions, functions not
// IMMUTABLE; it returns the compiled expression.
func checkIndexExpr(s *types.Schema, e sqlparser.Expr, pred bool) (*expr, error) {
	what, whats := "index expression", "index expressions"
	if pred {
		what, whats = "index predicate", "index predicates"
	}
	if err := rowExprOnly(e, what, whats); err != nil {
		return nil, err
	}
	var bad error
	mutable := false
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		m, retset := mutableNode(n)
		mutable = mutable || m
		if retset {
			bad = Errorf("0A000", "set-returning functions are not allowed in %s", whats)
		}
		return bad == nil, nil
	}, e)
	if bad != nil {
		return nil, bad
	}
	ps := &params{}
	sc := tableScope(s, s.Name, ps)
	var x *expr
	var err error
	if pred {
		x, err = compileBool(e, sc, "WHERE")
	} else {
		x, err = compile(e, sc)
	}
	if err != nil && !mutable {
		return nil, err
	}
	if mutable || ps.mutable {
		return nil, Errorf("42P17", "functions in %s must be marked IMMUTABLE", what)
	}
	if !pred {
		t := x.typ
		if x.unknown {
			t = types.Text
		}
		if err := keyColumn(types.Column{Type: t}); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// mutableNode reports whether n calls what PostgreSQL does not mark IMMUTABLE, and whether
// it is a set-returning function's call.
func mutableNode(n sqlparser.SQLNode) (mutable, retset bool) {
	switch n := n.(type) {
	case *sqlparser.FuncExpr:
		def := funcRegistry[n.Name.Lowered()]
		if def != nil {
			for _, p := range def.procs {
				retset = retset || p.retset
			}
		}
		return def != nil && (def.session || def.volatile) || sqlValueFuncs[n.Name.Lowered()] || n.Name.Lowered() == "current_schema", retset
	case *sqlparser.CurTimeFuncExpr:
		return true, false
	}
	return false, false
}

// indexPartText is a key part of a computed index as pg_get_indexdef prints it: a column by
// its name, a function call as it is, any other expression in parentheses unless attrsOnly
// (a single column's text, an error's DETAIL: ruleutils.c's attrsOnly).
func indexPartText(def string, attrsOnly bool) string {
	e, err := parseStoredExpr(def)
	if err != nil {
		return def
	}
	if c, ok := e.(*sqlparser.ColName); ok && c.Qualifier.IsEmpty() {
		return types.QuoteIdent(c.Name.String())
	}
	x, err := (&converter{}).expr(e)
	if err != nil {
		return "(" + pgString(e) + ")"
	}
	if _, call := x.(*ast.FuncCall); call || attrsOnly {
		return treeText(x)
	}
	return "(" + treeText(x) + ")"
}

// indexPartNames are the key parts' texts of an index, as the catalogs and the DETAIL of
// a unique violation print them.
func indexPartNames(s *types.Schema, def *types.Index) []string {
	if !def.Computed() {
		names := make([]string, len(def.Columns))
		for i, c := range def.Columns {
			names[i] = s.Columns[c].Name
		}
		return names
	}
	names := make([]string, len(def.Exprs))
	for i, e := range def.Exprs {
		names[i] = indexPartText(e, true)
	}
	return names
}

// indexKeyValues are row's key parts in def; in is false when the row is not in the index.
func indexKeyValues(s *types.Schema, def *types.Index, row []types.Value) ([]types.Value, bool, error) {
	if !def.Computed() {
		vals, ok := colVals(row, def.Columns)
		return vals, ok, nil
	}
	k, err := keyerOf(s, def)
	if err != nil {
		return nil, false, err
	}
	return k.values(row)
}

// computedIndexDef is the index CREATE INDEX st defines, with its Exprs and Predicate set
// when it is computed (an expression, a WHERE or NULLS NOT DISTINCT); the caller fills the
// Columns of a plain one.
func computedIndexDef(s *types.Schema, st *indexStmt) (types.Index, error) {
	def := types.Index{Name: st.name, Unique: st.unique, Hash: st.hash, NullsNotDistinct: st.nnd}
	if st.where == "" && !st.nnd && !slices.ContainsFunc(st.exprs, func(e string) bool { return e != "" }) {
		return def, nil
	}
	for i, c := range st.columns {
		text := st.exprs[i]
		if text == "" {
			j := s.ColumnIndex(c)
			if j < 0 || s.Columns[j].Hidden {
				return def, Errorf("42703", "column %q does not exist", c)
			}
			text = types.QuoteIdent(c)
		}
		e, err := parsePGExpr(text)
		if err != nil {
			return def, err
		}
		if _, err := checkIndexExpr(s, e, false); err != nil {
			return def, err
		}
		def.Exprs = append(def.Exprs, storedExpr(e))
	}
	if st.where != "" {
		e, err := parsePGExpr(st.where)
		if err != nil {
			return def, err
		}
		if _, err := checkIndexExpr(s, e, true); err != nil {
			return def, err
		}
		def.Predicate = storedExpr(e)
	}
	return def, nil
}

// checkComputedIndex computes the keys a write takes from and gives to a computed index (an
// expression that fails fails the write, as in PostgreSQL) and, for a unique one, locks them
// and fails a new key another row has, as checkUnique does for a plain unique index.
func checkComputedIndex(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, ix *types.Index, oldRow, newRow []types.Value) error {
	k, err := keyerOf(w.Schema, ix)
	if err != nil {
		return err
	}
	keyOf := func(row []types.Value) ([]types.Value, []byte, error) {
		if row == nil {
			return nil, nil, nil
		}
		vals, in, err := k.values(row)
		if err != nil || !in {
			return nil, nil, err
		}
		key, err := k.encode(nil, vals)
		return vals, key, err
	}
	_, oldK, err := keyOf(oldRow)
	if err != nil {
		return err
	}
	newV, newK, err := keyOf(newRow)
	if err != nil || !ix.Unique || oldK != nil && newK != nil && bytes.Equal(oldK, newK) {
		return err
	}
	if oldK != nil { // a writer of this key must wait for this transaction to end
		if err := tx.LockKey(ctx, w.Table, ix.Name, oldK); err != nil {
			return err
		}
	}
	if newK == nil {
		return nil
	}
	if err := tx.LockKey(ctx, w.Table, ix.Name, newK); err != nil {
		return err
	}
	dup := false
	err = tx.FindIndexed(w.Table, ix.Name, newK, func(key, _ []byte) error {
		dup = dup || string(key) != string(w.Key) && string(key) != string(w.OldKey)
		return nil
	})
	if err == nil && dup {
		err = duplicateIndexKey(w.Schema, ix, newV)
	}
	return err
}

// indexPartColumns is, per key part of an index, the column it is, or -1 for an expression.
func indexPartColumns(s *types.Schema, def *types.Index) []int {
	if !def.Computed() {
		return def.Columns
	}
	cols := make([]int, len(def.Exprs))
	for i, text := range def.Exprs {
		cols[i] = -1
		if e, err := parseStoredExpr(text); err == nil {
			if c, ok := e.(*sqlparser.ColName); ok && c.Qualifier.IsEmpty() {
				cols[i] = s.ColumnIndex(c.Name.String())
			}
		}
	}
	return cols
}

// partText is key part i as pg_get_indexdef prints it.
func (ix catalogIndex) partText(i int, attrsOnly bool) string {
	if c := ix.columns[i]; c >= 0 {
		return types.QuoteIdent(ix.table.Columns[c].Name)
	}
	return indexPartText(ix.def.Exprs[i], attrsOnly)
}

// partColumn is key part i as pg_attribute lists the index's columns: an expression is
// named as PostgreSQL's FigureIndexColname names it, with the expression's type.
func (ix catalogIndex) partColumn(i int) types.Column {
	if c := ix.columns[i]; c >= 0 {
		return ix.table.Columns[c]
	}
	c := types.Column{Name: "expr", Type: types.Text}
	if e, err := parseStoredExpr(ix.def.Exprs[i]); err == nil {
		if f, ok := e.(*sqlparser.FuncExpr); ok {
			c.Name = f.Name.Lowered()
		}
	}
	if k, err := keyerOf(ix.table, ix.def); err == nil {
		c.Type = k.types[i]
	}
	return c
}

// defSuffix is what pg_get_indexdef prints after the key: NULLS NOT DISTINCT, a partial
// index's WHERE.
func (ix catalogIndex) defSuffix() string {
	if ix.def == nil {
		return ""
	}
	out := ""
	if ix.def.NullsNotDistinct {
		out += " NULLS NOT DISTINCT"
	}
	if ix.def.Predicate != "" {
		out += " WHERE " + wrapParens(catalogExprText(ix.def.Predicate))
	}
	return out
}

// wrapParens puts text in parentheses unless one pair already wraps it all.
func wrapParens(text string) string {
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 && i < len(text)-1 {
				return "(" + text + ")"
			}
		}
		if depth == 0 && i < len(text)-1 {
			return "(" + text + ")"
		}
	}
	return text
}

// nodeTrees are pg_index's indnullsnotdistinct, indexprs and indpred: drove has no node trees,
// so the expressions' text stands for them (clients test them for NULL).
func (ix catalogIndex) nodeTrees() (bool, types.Value, types.Value) {
	exprs, pred := nullOf(types.Text), nullOf(types.Text)
	if ix.def == nil {
		return false, exprs, pred
	}
	var parts []string
	for i, c := range ix.columns {
		if c < 0 {
			parts = append(parts, indexPartText(ix.def.Exprs[i], true))
		}
	}
	if len(parts) > 0 {
		exprs = text(strings.Join(parts, ", "))
	}
	if ix.def.Predicate != "" {
		pred = text(catalogExprText(ix.def.Predicate))
	}
	return ix.def.NullsNotDistinct, exprs, pred
}

// arbiterKey is row's key in an ON CONFLICT arbiter, with its values for FindLatest; ok is
// false when the row is not in the index (it clashes with nothing there).
func arbiterKey(s *types.Schema, ix *types.Index, row []types.Value) (key []byte, vals []types.Value, ok bool, err error) {
	if !ix.Computed() {
		if vals, ok = colVals(row, ix.Columns); !ok {
			return nil, nil, false, nil
		}
		key, err = encodeVals(s, ix.Columns, vals)
		return key, vals, err == nil, err
	}
	k, err := keyerOf(s, ix)
	if err != nil {
		return nil, nil, false, err
	}
	if vals, ok, err = k.values(row); err != nil || !ok {
		return nil, nil, false, err
	}
	key, err = k.encode(nil, vals)
	return key, vals, err == nil, err
}

// normalizedExpr is PostgreSQL text as the schema stores it, so two spellings of one
// expression compare equal.
func normalizedExpr(text string) (string, error) {
	e, err := parsePGExpr(text)
	if err != nil {
		return "", err
	}
	return storedExpr(e), nil
}

// inferComputed reports whether ON CONFLICT's column list infers the computed unique index
// ix, as PostgreSQL's infer_arbiter_indexes: its parts are the target's columns (same) and
// the target's WHERE implies its predicate (here: has each of its AND-ed terms).
func inferComputed(s *types.Schema, ix *types.Index, c *conflictClause, same func([]int) bool) (bool, error) {
	cols := indexPartColumns(s, ix)
	if slices.Contains(cols, -1) || !same(cols) {
		return false, nil
	}
	return impliesPredicate(c.targetWhere, ix.Predicate)
}

// exprArbiters infers the arbiters of an ON CONFLICT target with expressions: the unique
// indexes whose parts are the target's elements (as sets) and whose predicate the target's
// WHERE implies.
func exprArbiters(s *types.Schema, c *conflictClause) ([]types.Index, error) {
	want := make([]string, len(c.targetExprs))
	for i, t := range c.targetExprs {
		n, err := normalizedExpr(t)
		if err != nil {
			return nil, err
		}
		want[i] = n
	}
	var out []types.Index
	for _, ix := range s.Indexes {
		if !ix.Unique || !ix.Computed() || len(ix.Exprs) != len(slices.Compact(slices.Sorted(slices.Values(want)))) {
			continue
		}
		match := true
		for _, e := range ix.Exprs {
			match = match && slices.Contains(want, e)
		}
		if !match {
			continue
		}
		if ok, err := impliesPredicate(c.targetWhere, ix.Predicate); err != nil {
			return nil, err
		} else if ok {
			out = append(out, ix)
		}
	}
	if len(out) == 0 {
		return nil, Errorf("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification")
	}
	return out, nil
}

// impliesPredicate reports whether WHERE where (PostgreSQL text, "" for none) implies a
// partial index's stored predicate pred ("" for none): every AND-ed term of pred is implied by
// one of where's, the same term or a narrower bound on the same expression (upsert_implies.go);
// PostgreSQL's predicate_implied_by proves more still (ORs, IS NOT NULL from a strict term).
func impliesPredicate(where, pred string) (bool, error) {
	if pred == "" {
		return true, nil
	}
	if where == "" {
		return false, nil
	}
	w, err := parsePGExpr(where)
	if err != nil {
		return false, err
	}
	p, err := parseStoredExpr(pred)
	if err != nil {
		return false, err
	}
	ws := predTerms(w, nil)
	for _, t := range predTerms(p, nil) {
		if !termImplied(ws, t) {
			return false, nil
		}
	}
	return true, nil
}

// predTerms appends the AND-ed terms of e.
func predTerms(e sqlparser.Expr, out []sqlparser.Expr) []sqlparser.Expr {
	switch x := e.(type) {
	case *sqlparser.AndExpr:
		return predTerms(x.Right, predTerms(x.Left, out))
	}
	return append(out, e)
}

// uniqueKeyIndex is the index of a UNIQUE constraint: on its columns, or with NULLS NOT
// DISTINCT a computed index whose parts are the columns.
func uniqueKeyIndex(s *types.Schema, c *types.Constraint, nnd bool) types.Index {
	if !nnd {
		return types.Index{Name: c.Name, Columns: c.Columns, Unique: true}
	}
	ix := types.Index{Name: c.Name, Unique: true, NullsNotDistinct: true}
	for _, i := range c.Columns {
		ix.Exprs = append(ix.Exprs, storedExpr(&sqlparser.ColName{Name: sqlparser.NewIdentifierCI(s.Columns[i].Name)}))
	}
	return ix
}

// computedIndex carries a computed index over an ALTER TABLE: its expressions name the
// columns by their new names; an index reading a dropped column goes with it (ok false), as
// in PostgreSQL.
func (a *alteration) computedIndex(ix types.Index) (types.Index, bool) {
	ok := true
	rename := func(text string) string {
		e, err := parseStoredExpr(text)
		if err != nil {
			ok = false
			return text
		}
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if col, isCol := n.(*sqlparser.ColName); isCol {
				old := a.old.ColumnIndex(col.Name.String())
				j := slices.Index(a.sources, old)
				if old < 0 || j < 0 {
					ok = false
				} else {
					col.Name = sqlparser.NewIdentifierCI(a.cols[j].Name)
				}
			}
			return true, nil
		}, e)
		return storedExpr(e)
	}
	ix.Exprs = slices.Clone(ix.Exprs)
	for i, e := range ix.Exprs {
		ix.Exprs[i] = rename(e)
	}
	if ix.Predicate != "" {
		ix.Predicate = rename(ix.Predicate)
	}
	return ix, ok
}

// checkComputedIndexes refuses a schema whose computed index no longer compiles (a column
// it reads changed type), which would otherwise leave the index empty.
func checkComputedIndexes(s *types.Schema) error {
	for i := range s.Indexes {
		ix := &s.Indexes[i]
		if !ix.Computed() {
			continue
		}
		k, err := keyerOf(s, ix)
		if err == nil {
			for _, t := range k.types {
				if err = keyColumn(types.Column{Type: t}); err != nil {
					break
				}
			}
		}
		if err != nil {
			return Errorf("0A000", "cannot alter a column used by index %q: %v", ix.Name, err)
		}
	}
	return nil
}
