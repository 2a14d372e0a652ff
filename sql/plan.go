package sql

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// boundTable is the one table a statement reads or writes.
type boundTable struct {
	name    string
	alias   string // what its columns are qualified by
	schema  *types.Schema
	scope   *scope
	system  *systemTable // non-nil for a read-only system table
	session *Session     // whose node and tablespace a system table describes
}

// bindTable binds the table of an INSERT, UPDATE or DELETE, written as vitess parsed it.
func (s *Session) bindTable(te sqlparser.TableExpr, ps *params) (*boundTable, error) {
	ate, ok := te.(*sqlparser.AliasedTableExpr)
	if !ok {
		return nil, unsupported("joins")
	}
	c := converter{binder: true}
	fi, err := c.aliasedTable(ate)
	if err != nil {
		return nil, err
	}
	t, ok := fi.(*ast.Table)
	if !ok {
		return nil, unsupported("subqueries in FROM")
	}
	return s.bindTableRef(t, ps)
}

// bindTableRef binds a table (not a view or WITH query) named in FROM or as a statement's
// target.
func (s *Session) bindTableRef(t *ast.Table, ps *params) (*boundTable, error) {
	name, err := s.tableNameOf(t.Schema, t.Name)
	if err != nil {
		return nil, err
	}
	bt := &boundTable{name: name, session: s}
	var ok bool
	if bt.system = systemTables[name]; bt.system != nil {
		bt.schema = bt.system.schema
	} else if bt.schema, ok = s.ts.Schema(name); !ok {
		if bt.system = s.sequenceRelation(name); bt.system == nil { // a sequence reads as a one-row table
			return nil, relationMissing(name)
		}
		bt.schema = bt.system.schema
	}
	bt.alias = t.Name // information_schema.tables is "tables", as in PostgreSQL
	var names []string
	if t.Alias != nil {
		bt.alias, names = t.Alias.Name, t.Alias.Columns // PostgreSQL: an alias hides the table name
	}
	bt.scope = tableScope(bt.schema, bt.alias, ps)
	s.hideNewColumns(bt)
	if err := renameColumns(bt.scope.cols, bt.alias, names); err != nil { // fromalias.go
		return nil, err
	}
	return bt, nil
}

// bindWritableTableRef binds the target of INSERT, UPDATE or DELETE, from its tree.
func (s *Session) bindWritableTableRef(t *ast.Table, ps *params) (*boundTable, error) {
	bt, err := s.bindTableRef(t, ps)
	if err != nil {
		return nil, err
	}
	return s.writable(bt)
}

// writable refuses a statement's target that cannot be written.
func (s *Session) writable(bt *boundTable) (*boundTable, error) {
	if bt.system != nil {
		return nil, Errorf("42809", "cannot change system table %q", bt.name)
	}
	if s.isMatview(bt.name) {
		return nil, Errorf("42809", "cannot change materialized view %q", bt.name)
	}
	return bt, nil
}

// accessKind is how a statement reaches its rows.
type accessKind uint8

const (
	fullScan    accessKind = iota
	pointLookup            // every primary-key column is equal to a row-independent value
	indexScan              // a secondary index narrows the rows (see index.go)
	pkRange                // an integer primary key between two bounds, looked up key by key
	pkList                 // a primary key IN a list, or = ANY an array: one lookup per value
)

// access is the plan for reaching the rows of one table: which rows to visit, and the filter
// every visited row must pass (the whole WHERE clause, rechecked even on a point lookup).
type access struct {
	kind       accessKind
	table      *boundTable
	key        []*expr // pointLookup: the value of each primary-key column, in key order
	ix         *indexAccess
	pk         *keyRangeAccess
	list       *keyListAccess
	filter     *expr    // nil: every row
	filterText string   // for EXPLAIN
	where      ast.Expr // the conditions filter is, for EXPLAIN's row estimate
}

func (a *access) String() string {
	f := ""
	if a.filter != nil {
		f = " filter"
	}
	switch a.kind {
	case pointLookup:
		return fmt.Sprintf("PointLookup(%s)%s", a.table.name, f)
	case indexScan:
		return fmt.Sprintf("IndexScan(%s.%s)%s", a.table.name, a.ix.def.Name, f)
	case pkRange:
		return fmt.Sprintf("KeyRange(%s)%s", a.table.name, f)
	case pkList:
		return fmt.Sprintf("KeyList(%s)%s", a.table.name, f)
	}
	return fmt.Sprintf("FullScan(%s)%s", a.table.name, f)
}

// planAccess picks a point lookup when the WHERE clause pins every primary-key column to a
// constant or parameter through top-level ANDed equalities, and a filtered full scan otherwise.
func planAccess(bt *boundTable, where ast.Expr) (*access, error) {
	a := &access{table: bt}
	if where == nil {
		return a, nil
	}
	a.filterText, a.where = scanText(where, bt.alias), where
	filter, err := compileASTBool(where, bt.scope, "WHERE")
	if err != nil {
		return nil, err
	}
	a.filter = filter
	if bt.system != nil {
		return a, nil // system tables are generated whole; a filter is all there is to plan
	}
	conjs := conjuncts(where, nil)
	bounds, err := columnBounds(bt, conjs)
	if err != nil {
		return nil, err
	}
	pinned := make(map[int]*expr)
	for _, b := range bounds {
		if b.op == "=" {
			pinned[b.col] = b.x
		}
	}
	for _, p := range bt.schema.PK {
		if pinned[p] == nil {
			return a, planNonKey(a, bt, conjs, pinned, bounds)
		}
	}
	a.kind = pointLookup
	for _, p := range bt.schema.PK {
		a.key = append(a.key, pinned[p])
	}
	return a, nil
}

// planNonKey plans an access whose WHERE does not pin the whole primary key: a key list, an
// index, a key range, or a full scan.
func planNonKey(a *access, bt *boundTable, conjs []ast.Expr, pinned map[int]*expr, bounds []bound) error {
	if a.list = keyList(bt, conjs); a.list != nil {
		a.kind = pkList // exact, like a point lookup per value
		return nil
	}
	rows, err := rowBounds(bt, conjs)
	if err != nil {
		return err
	}
	a.ix = chooseIndex(bt.schema, pinned, bounds, rows)
	if a.ix != nil && len(a.ix.eq) == len(a.ix.def.Columns) {
		a.kind = indexScan // equality on a whole index beats a key range
		return nil
	}
	if ix := computedAccess(bt, conjs); ix != nil && (a.ix == nil || ix.def.Unique || !a.ix.def.Unique) {
		a.kind, a.ix = indexScan, ix // equality on a whole index on expressions (or partial)
		return nil
	}
	if a.pk = keyRange(bt.schema, bounds); a.pk != nil {
		a.kind, a.ix = pkRange, nil
	} else if a.ix != nil {
		a.kind = indexScan
	}
	return nil
}

// bound is a top-level ANDed comparison of a column with a row-independent value.
type bound struct {
	col int
	op  string // =, <, <=, >, >=
	x   *expr
}

// tableColumn returns the column of bt a reference names; ok is false for anything else.
func tableColumn(bt *boundTable, e ast.Expr) (int, bool) {
	c, ok := e.(*ast.ColumnRef)
	if !ok || c.Star {
		return 0, false
	}
	i, err := bt.scope.lookupRef(columnRef(c))
	return i, err == nil && i >= 0
}

// columnBounds finds the comparisons of WHERE's top-level conjuncts that pin or bound a
// column: the candidates for a point lookup or an index.
func columnBounds(bt *boundTable, conjs []ast.Expr) ([]bound, error) {
	var out []bound
	add := func(i int, op string, other ast.Expr) error {
		x, err := compileAST(other, bt.scope)
		if err != nil || !x.rowFree {
			return nil
		}
		if x.unknown {
			if x, err = castLiteral(x, bt.schema.Columns[i].Type); err != nil {
				return err
			}
			x.bpchar = bt.schema.Columns[i].Fixed // the literal takes the column's type
		}
		if familyOf(x.typ) == familyOf(bt.schema.Columns[i].Type) {
			out = append(out, bound{col: i, op: op, x: x})
		}
		return nil
	}
	for _, conj := range conjs {
		switch e := conj.(type) {
		case *ast.BinaryOp:
			op := e.Op
			switch op {
			case "=", "<", "<=", ">", ">=":
			default:
				continue
			}
			if i, ok := tableColumn(bt, e.Left); ok {
				if err := add(i, op, e.Right); err != nil {
					return nil, err
				}
			} else if i, ok := tableColumn(bt, e.Right); ok {
				if err := add(i, flipComparison(op), e.Left); err != nil {
					return nil, err
				}
			}
		case *ast.Between:
			i, ok := tableColumn(bt, e.Expr)
			if !ok || e.Not || e.Symmetric {
				continue // SYMMETRIC bounds either way round
			}
			if err := add(i, ">=", e.Lo); err != nil {
				return nil, err
			}
			if err := add(i, "<=", e.Hi); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// flipComparison is the comparison with its operands swapped: a < b is b > a.
func flipComparison(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

// lookupKey evaluates the key expressions of a point lookup: keyNone when no row can match (a
// NULL, or a value no key of the column's type can equal), keyScan when the rows that match
// cannot be found by one key (see keyValue).
func (a *access) lookupKey(dst []byte, row []types.Value) (key []byte, m keyMatch, err error) {
	schema := a.table.schema
	m = keyExact
	for j, p := range schema.PK {
		v, err := a.key[j].eval(nil)
		if err != nil {
			return nil, keyNone, err
		}
		if v.IsNull() {
			return nil, keyNone, nil
		}
		var vm keyMatch
		if v, vm = keyValue(v, schema.Columns[p].Type); vm == keyNone {
			return nil, keyNone, nil
		}
		m = max(m, vm)
		var fits bool
		if v, fits = padChar(v, &schema.Columns[p], isTextKind(a.key[j])); !fits {
			return nil, keyNone, nil
		}
		row[p] = v
	}
	if m == keyScan {
		return nil, keyScan, nil
	}
	key, err = types.AppendKey(dst[:0], schema, row)
	if err != nil {
		return nil, keyNone, err
	}
	return key, keyExact, nil
}

// padChar gives a value for a char(n) column the padding stored values have, so its key
// encoding matches; ok is false when it is too long to equal any of them. asText: the value
// compares with the column as text (PostgreSQL casts the char(n) side to text, dropping its
// padding), so a value with trailing spaces equals none of them.
func padChar(v types.Value, c *types.Column, asText bool) (types.Value, bool) {
	if !c.Fixed || v.T != types.Text {
		return v, true
	}
	if asText && strings.HasSuffix(v.S, " ") {
		return v, false
	}
	v = trimChar(v)
	n := utf8.RuneCountInString(v.S)
	if n > c.Length {
		return v, false
	}
	v.S += strings.Repeat(" ", c.Length-n)
	return v, true
}

// conjuncts splits a condition into its top-level ANDed terms (a row comparison into the
// terms rowConjuncts reads in it), in the order they are written.
func conjuncts(e ast.Expr, acc []ast.Expr) []ast.Expr {
	if b, ok := e.(*ast.BoolOp); ok && b.Op == ast.And {
		for _, a := range b.Args {
			acc = conjuncts(a, acc)
		}
		return acc
	}
	return rowConjuncts(e, acc)
}

// andTree is the AND of conditions (one is itself).
func andTree(es []ast.Expr) ast.Expr {
	if len(es) == 1 {
		return es[0]
	}
	return &ast.BoolOp{Op: ast.And, Args: slices.Clip(es)}
}

// errStop ends a row iteration early without an error.
var errStop = errors.New("stop")

// visit calls fn with the key and the decoded row of every row the plan selects that passes
// its filter. row is reused between calls.
func (a *access) visit(ec *execCtx, fn func(key []byte, row []types.Value) error) error {
	tx := ec.tx
	schema := a.table.schema
	row := make([]types.Value, len(schema.Columns))
	check := func(key []byte) error {
		if err := ec.check(); err != nil {
			return err
		}
		if ok, err := qualPasses(a.filter, row); !ok || err != nil {
			return err
		}
		return fn(key, row)
	}
	one := func(key, value []byte) error {
		if err := types.DecodeRow(schema, key, value, row); err != nil {
			return err
		}
		return check(key)
	}
	var err error
	var pks []string
	var useIndex bool
	switch a.kind {
	case indexScan:
		pks, useIndex, err = a.ix.keys(tx, a.table.name)
	case pkRange:
		pks, useIndex, err = a.pk.keys(schema)
	case pkList:
		pks, useIndex, err = a.list.keys(schema)
	}
	if err != nil {
		return err
	}
	var m keyMatch
	var key []byte
	if a.kind == pointLookup {
		key, m, err = a.lookupKey(nil, row)
	}
	if a.kind == pointLookup && m != keyScan {
		var value []byte
		var found bool
		if err == nil && m == keyExact {
			if value, found, err = tx.Get(a.table.name, key); err == nil && found {
				err = one(key, value)
			}
		}
	} else if useIndex {
		for _, pk := range pks {
			value, found, gerr := tx.Get(a.table.name, []byte(pk))
			if gerr != nil {
				err = gerr
				break
			}
			if !found {
				continue
			}
			if err = one([]byte(pk), value); err != nil {
				break
			}
		}
	} else if sys := a.table.system; sys != nil {
		for _, r := range sys.rows(a.table.session) {
			copy(row, r)
			if err = check(nil); err != nil {
				break
			}
		}
	} else {
		err = tx.Scan(a.table.name, one)
	}
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}
