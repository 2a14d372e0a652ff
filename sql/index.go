package sql

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Secondary indexes: CREATE [UNIQUE] INDEX and DROP INDEX change the table's schema through
// tablespace.AlterTable (which builds or drops the index on every replica), and planAccess
// uses an index when WHERE pins its columns (any index) or a prefix of them, or bounds the
// next one (ordered indexes only). The whole WHERE clause is still checked on every row the
// index yields.

// indexAccess is an index scan: the index, the values its leading columns equal, and bounds
// on the column after them.
type indexAccess struct {
	def    types.Index
	schema *types.Schema
	eq     []*expr // values of the first len(eq) index columns
	lo, hi *expr   // bounds on column len(eq); nil: unbounded
	loInc  bool    // lo is >=, not >
	hiInc  bool    // hi is <=, not <
	// rowLo and rowHi bound the columns from len(eq) on as a row: (a, b) > (x, y) starts
	// the range after every entry beginning with (x, y) (keyset pagination; keyset.go).
	rowLo, rowHi *rowBound
}

// chooseIndex picks an index for the bounds, preferring one whose every column is pinned
// (unique first), then the longest pinned prefix of an ordered index, then a range; nil when
// none helps.
func chooseIndex(s *types.Schema, pinned map[int]*expr, bounds []bound, rows []*rowBound) *indexAccess {
	var best *indexAccess
	score := func(ia *indexAccess) int {
		n := len(ia.eq) * 4
		if len(ia.eq) == len(ia.def.Columns) {
			n += 100
			if ia.def.Unique {
				n += 100
			}
		}
		if ia.lo != nil || ia.hi != nil {
			n++
		}
		if ia.rowLo != nil || ia.rowHi != nil {
			n++
		}
		return n
	}
	for _, def := range s.Indexes {
		ia := &indexAccess{def: def, schema: s}
		for _, c := range def.Columns {
			x := pinned[c]
			if x == nil {
				break
			}
			ia.eq = append(ia.eq, x)
		}
		if def.Hash && len(ia.eq) < len(def.Columns) {
			continue // a hash index answers equality on all its columns only
		}
		// Ranges only on columns whose key order is their SQL order (not char(n), whose
		// padding is not part of its value).
		if !def.Hash && len(ia.eq) < len(def.Columns) && !s.Columns[def.Columns[len(ia.eq)]].Fixed {
			ia.lo, ia.hi, ia.loInc, ia.hiInc = rangeOf(bounds, def.Columns[len(ia.eq)])
			ia.rowLo, ia.rowHi = rowRangeOf(s, rows, def.Columns[len(ia.eq):])
		}
		if len(ia.eq) == 0 && ia.lo == nil && ia.hi == nil {
			continue
		}
		if !indexesEveryMatch(s, def, len(ia.eq), ia.lo != nil || ia.hi != nil) {
			continue
		}
		if best == nil || score(ia) > score(best) {
			best = ia
		}
	}
	return best
}

// keys returns the primary keys the index scan selects; ok is false when the caller must
// scan the table instead (the transaction wrote to it, or a bound's value cannot be put in
// the index's terms).
func (ia *indexAccess) keys(tx *tablespace.Txn, table string) (pks []string, ok bool, err error) {
	lo, hi, exact, m, err := ia.span()
	if err != nil || m != keyExact {
		return nil, m == keyNone, err
	}
	return tx.IndexScan(table, ia.def.Name, lo, hi, exact)
}

// span returns the part of the index the scan reads: the entries from lo up to hi (nil: the
// end), or those of key lo exactly. m is keyNone when no row can match, keyScan when the
// bounds cannot be put in the index's terms (the caller scans the table).
func (ia *indexAccess) span() (lo, hi []byte, exact bool, m keyMatch, err error) {
	if ia.def.Computed() {
		return ia.computedSpan()
	}
	var prefix []byte
	for i, x := range ia.eq {
		v, err := x.eval(nil)
		if err != nil {
			return nil, nil, false, keyNone, err
		}
		if v.IsNull() {
			return nil, nil, false, keyNone, nil // = NULL matches nothing
		}
		col := &ia.schema.Columns[ia.def.Columns[i]]
		t := col.Type
		var m keyMatch
		if v, m = keyValue(v, t); m != keyExact {
			return nil, nil, false, m, nil
		}
		var fits bool
		if v, fits = padChar(v, col, isTextKind(x)); !fits {
			return nil, nil, false, keyNone, nil // longer than any char(n) value
		}
		if prefix, err = types.AppendKeyValue(prefix, t, v); err != nil {
			return nil, nil, false, keyNone, err
		}
	}
	if len(ia.eq) == len(ia.def.Columns) {
		return prefix, nil, true, keyExact, nil
	}
	lo, hi = prefix, prefixEnd(prefix)
	bound := func(x *expr, lower, inclusive bool) ([]byte, bool, error) {
		v, err := x.eval(nil)
		if err != nil || v.IsNull() {
			return nil, false, err
		}
		t := ia.schema.Columns[ia.def.Columns[len(ia.eq)]].Type
		v, inclusive, ok := keyBound(v, t, lower, inclusive)
		if !ok {
			return nil, false, nil
		}
		b, err := types.AppendKeyValue(slices.Clip(prefix), t, v)
		if err == nil && lower != inclusive {
			// > x starts after, and <= x ends after, every entry beginning with x
			b = prefixEnd(b)
		}
		return b, true, err
	}
	// A bound that is NULL or cannot be put in the index's terms scans the table.
	none := func(usable bool, err error) ([]byte, []byte, bool, keyMatch, error) {
		if usable || err != nil {
			return nil, nil, false, keyNone, err
		}
		return nil, nil, false, keyScan, nil
	}
	if ia.lo != nil {
		b, usable, err := bound(ia.lo, true, ia.loInc)
		if err != nil || !usable {
			return none(usable, err)
		}
		lo = b
	}
	if ia.hi != nil {
		b, usable, err := bound(ia.hi, false, ia.hiInc)
		if err != nil || !usable {
			return none(usable, err)
		}
		hi = b
	}
	if lo, hi, err = ia.rowSpan(prefix, lo, hi); err != nil {
		return nil, nil, false, keyNone, err
	}
	return lo, hi, false, keyExact, nil
}

// keyRangeAccess is a range of a single-column integer primary key. The key map is a hash, so
// a range is read as the point lookups of every key in it, when it spans few enough keys.
type keyRangeAccess struct {
	lo, hi       *expr
	loInc, hiInc bool
}

// maxKeyRange is the widest key range read key by key; a wider one scans the table.
const maxKeyRange = 4096

// keyRange plans a key range when the bounds limit a single-column integer key on both sides.
func keyRange(s *types.Schema, bounds []bound) *keyRangeAccess {
	if len(s.PK) != 1 || !s.Columns[s.PK[0]].Type.IsInteger() {
		return nil
	}
	kr := &keyRangeAccess{}
	kr.lo, kr.hi, kr.loInc, kr.hiInc = rangeOf(bounds, s.PK[0])
	if kr.lo == nil || kr.hi == nil {
		return nil
	}
	return kr
}

// rangeOf collects the lower and upper bounds the comparisons put on column col.
func rangeOf(bounds []bound, col int) (lo, hi *expr, loInc, hiInc bool) {
	for _, b := range bounds {
		if b.col != col {
			continue
		}
		switch b.op {
		case ">", ">=":
			lo, loInc = b.x, b.op == ">="
		case "<", "<=":
			hi, hiInc = b.x, b.op == "<="
		}
	}
	return lo, hi, loInc, hiInc
}

// keys returns the encoded keys of the range; ok is false when it is too wide (or its bounds
// are not integers), and the caller must scan.
func (kr *keyRangeAccess) keys(s *types.Schema) (pks []string, ok bool, err error) {
	lo, hi := kr.lo, kr.hi
	lv, err := lo.eval(nil)
	if err != nil {
		return nil, false, err
	}
	hv, err := hi.eval(nil)
	if err != nil {
		return nil, false, err
	}
	if lv.IsNull() || hv.IsNull() {
		return nil, true, nil
	}
	t := s.Columns[s.PK[0]].Type
	lk, loInc, lok := keyBound(lv, t, true, kr.loInc) // k > 8.5 is k >= 9
	hk, hiInc, hok := keyBound(hv, t, false, kr.hiInc)
	if !lok || !hok {
		return nil, false, nil
	}
	from, to := lk.I, hk.I
	if !loInc {
		if from == math.MaxInt64 {
			return nil, true, nil
		}
		from++
	}
	if !hiInc {
		if to == math.MinInt64 {
			return nil, true, nil
		}
		to--
	}
	if from > to {
		return nil, true, nil
	}
	if uint64(to-from) >= maxKeyRange {
		return nil, false, nil
	}
	var buf []byte
	for k := from; ; k++ {
		buf, _ = types.AppendKeyValue(buf[:0], t, types.NewInt(t, k))
		pks = append(pks, string(buf))
		if k == to {
			break
		}
	}
	return pks, true, nil
}

// prefixEnd is the smallest byte string greater than every string starting with p; nil when
// there is none (p empty or all 0xFF).
func prefixEnd(p []byte) []byte {
	end := slices.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xFF {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// execIndexStmt runs CREATE INDEX.
func (s *Session) execIndexStmt(ctx context.Context, st *indexStmt, out Output) error {
	ctx = tablespace.WithLockTimeout(ctx, s.set.lockTimeout)
	table, err := s.tableNameOf(st.schema, st.table)
	if err != nil {
		return err
	}
	schema, err := s.schemaToChange(ctx, table, "CREATE INDEX")
	if err != nil {
		return err
	}
	def, err := computedIndexDef(schema, st)
	if err != nil {
		return err
	}
	for _, c := range st.columns {
		if def.Computed() {
			break
		}
		i := schema.ColumnIndex(c)
		if i < 0 || schema.Columns[i].Hidden {
			return Errorf("42703", "column %q does not exist", c)
		}
		if slices.Contains(def.Columns, i) {
			return Errorf("42701", "column %q appears twice in index", c)
		}
		if err := keyColumn(schema.Columns[i]); err != nil {
			return err
		}
		def.Columns = append(def.Columns, i)
	}
	if def.Include, err = includeColumns(schema, st.include); err != nil {
		return err
	}
	if def.Name != "" && s.tempID != "" && strings.HasPrefix(table, s.tempID) {
		def.Name = s.tempID + def.Name // in the session's temporary schema, as its table (temp_index.go)
	}
	if def.Name == "" {
		def.Name = defaultIndexName(table, st.partNames, s.relationExists)
	}
	if s.relationExists(def.Name) {
		if st.ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", shownTableName(def.Name))
			return out.Complete("CREATE INDEX")
		}
		return Errorf("42P07", "relation %q already exists", shownTableName(def.Name))
	}
	next := *schema
	next.Indexes = append(slices.Clip(schema.Indexes), def)
	err = s.ts.AlterTable(ctx, table, &next, identitySources(schema))
	var ae *tablespace.AlterError
	if errors.As(err, &ae) && errors.Is(err, tablespace.ErrDuplicateKey) {
		vals, _, kerr := indexKeyValues(&next, &def, ae.Row)
		if kerr != nil {
			return kerr
		}
		return &Error{Code: "23505", Message: "could not create unique index \"" + shownTableName(def.Name) + "\"",
			Detail: "Key " + keyDetail(indexPartNames(&next, &def), vals) + " is duplicated."}
	}
	if err != nil {
		return err
	}
	return out.Complete("CREATE INDEX")
}

// dropIndexes runs DROP INDEX [IF EXISTS] names.
func (s *Session) dropIndexes(ctx context.Context, names []*ast.Table, ifExists bool, out Output) error {
	for _, n := range names {
		if err := systemDropError(n, "index"); err != nil {
			return err
		}
		name, err := s.dropNameOf(n, ifExists)
		if err != nil {
			return err
		} else if name == "" {
			continue
		}
		if err := s.dropIndex(ctx, s.tempIndexName(name), ifExists); err != nil {
			return err
		}
	}
	return out.Complete("DROP INDEX")
}

func (s *Session) dropIndex(ctx context.Context, name string, ifExists bool) error {
	for _, schema := range s.ts.Tables() {
		if isPKey(schema, name) {
			table := shownTableName(schema.Name)
			return &Error{Code: "2BP01", Message: "cannot drop index " + name + " because constraint " + name +
				" on table " + table + " requires it", Hint: "You can drop constraint " + name + " on table " + table + " instead."}
		}
		if schema.IndexNamed(name) == nil {
			continue
		}
		if used, err := s.usedByTxn(ctx, schema.Name); err != nil || used {
			return cmp.Or(err, unsupported("DROP INDEX on a table this transaction has used"))
		}
		next := *schema
		next.Indexes = slices.DeleteFunc(slices.Clone(schema.Indexes), func(ix types.Index) bool { return ix.Name == name })
		if err := s.ts.AlterTable(ctx, schema.Name, &next, identitySources(schema)); err != nil {
			return err
		}
		return s.followComments(ctx, schema, &next, identitySources(schema))
	}
	if ifExists {
		s.noticef("NOTICE", "00000", "index %q does not exist, skipping", name)
		return nil
	}
	return Errorf("42704", "index %q does not exist", name)
}

// relationExists reports whether a table, a system table, an index or a sequence has the name: they
// share PostgreSQL's namespace of relations.
func (s *Session) relationExists(name string) bool {
	if systemTables[name] != nil || s.isSequence(name) || s.isView(name) {
		return true
	}
	for _, schema := range s.ts.Tables() {
		if schema.Name == name || isPKey(schema, name) || schema.IndexNamed(name) != nil {
			return true
		}
	}
	return false
}

func identitySources(s *types.Schema) []int {
	src := make([]int, len(s.Columns))
	for i := range src {
		src[i] = i
	}
	return src
}

// keyListAccess reads the rows whose single-column primary key is one of a list of
// row-independent values: pk IN (a, b, ...), or pk = ANY (array).
type keyListAccess struct {
	items []*expr // the IN list
	array *expr   // or the array
	// asText: the values compare with a char(n) key as text, not as char(n) (see padChar).
	asText bool
}

// keyList plans a key list from WHERE's top-level conjuncts; nil when none applies.
func keyList(bt *boundTable, conjs []ast.Expr) *keyListAccess {
	s := bt.schema
	if len(s.PK) != 1 {
		return nil
	}
	isKey := func(e ast.Expr) bool {
		i, ok := tableColumn(bt, e)
		return ok && i == s.PK[0]
	}
	for _, conj := range conjs {
		switch e := conj.(type) {
		case *ast.In:
			if e.Not || !isKey(e.Expr) || len(e.List) > maxKeyRange {
				continue
			}
			if kl := keyListItems(bt, e.List); kl != nil {
				return kl
			}
		case *ast.AnyAll:
			if e.All || e.Op != "=" || !isKey(e.Left) {
				continue
			}
			if _, x, err := compileAnyAllOperands(e, bt.scope); err == nil && x.rowFree && x.typ.IsArray() {
				return &keyListAccess{array: x, asText: !x.bpchar && !x.varchar} // = ANY (text[]) compares as text
			}
		}
	}
	return nil
}

// keyListItems compiles the items of pk IN (list); nil when one reads the row or does not
// convert to the key's type.
func keyListItems(bt *boundTable, list []ast.Expr) *keyListAccess {
	key := bt.schema.Columns[bt.schema.PK[0]]
	kl := &keyListAccess{}
	for _, item := range list {
		x, err := compileAST(item, bt.scope)
		if err != nil || !x.rowFree {
			return nil
		}
		if x.unknown {
			if x, err = castLiteral(x, key.Type); err != nil {
				return nil
			}
			x.bpchar = key.Fixed
		}
		kl.items = append(kl.items, x)
	}
	// One item is key = item; more are key = ANY (an array of the key's type).
	kl.asText = len(kl.items) == 1 && isTextKind(kl.items[0])
	return kl
}

// keys returns the encoded keys of the list, each once; ok is false when the list is too long
// to read key by key (the plan then scans).
func (kl *keyListAccess) keys(s *types.Schema) (pks []string, ok bool, err error) {
	vals := make([]types.Value, 0, len(kl.items))
	for _, x := range kl.items {
		v, err := x.eval(nil)
		if err != nil {
			return nil, false, err
		}
		vals = append(vals, v)
	}
	if kl.array != nil {
		a, err := kl.array.eval(nil)
		if err != nil || a.IsNull() {
			return nil, err == nil, err
		}
		if vals, err = arrayElems(a); err != nil {
			return nil, false, err
		}
	}
	if len(vals) > maxKeyRange {
		return nil, false, nil
	}
	col := &s.Columns[s.PK[0]]
	seen := make(map[string]bool, len(vals))
	var buf []byte
	for _, v := range vals {
		if v.IsNull() {
			continue // NULL equals no key
		}
		var m keyMatch
		switch v, m = keyValue(v, col.Type); m {
		case keyNone:
			continue // a value no key of the column's type can equal
		case keyScan:
			return nil, false, nil
		}
		v, fits := padChar(v, col, kl.asText)
		if !fits {
			continue
		}
		if buf, err = types.AppendKeyValue(buf[:0], col.Type, v); err != nil {
			return nil, false, err
		}
		if !seen[string(buf)] {
			seen[string(buf)] = true
			pks = append(pks, string(buf))
		}
	}
	return pks, true, nil
}

// indexesEveryMatch reports whether an index holds every row a scan of its first eq columns
// (and a range on the next one) must find. A row with a NULL in any index column is not in the
// index (tablespace/index.go), so a column after those the scan constrains must be NOT NULL:
// with an index on (a, b), the row (2, NULL) matches a >= 1 but is not in the index.
func indexesEveryMatch(s *types.Schema, def types.Index, eq int, ranged bool) bool {
	used := eq
	if ranged {
		used++
	}
	for _, c := range def.Columns[min(used, len(def.Columns)):] {
		if !s.Columns[c].NotNull && !s.IsPK(c) {
			return false
		}
	}
	return true
}

// includeColumns are the positions of INCLUDE's columns: any type, and (as PostgreSQL allows)
// a key column or one named twice; a missing one is 42703 (out then holds those before it).
func includeColumns(schema *types.Schema, names []string) ([]int, error) {
	var out []int
	for _, c := range names {
		i := schema.ColumnIndex(c)
		if i < 0 || schema.Columns[i].Hidden {
			return out, Errorf("42703", "column %q does not exist", c)
		}
		out = append(out, i)
	}
	return out, nil
}
