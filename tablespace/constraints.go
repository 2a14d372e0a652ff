package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// Constraints (CHECK, UNIQUE, FOREIGN KEY: types.Constraint) are part of a table's schema,
// so they persist and replicate as the schema does. Enforcing them needs SQL (a CHECK is an
// expression, a foreign key's SET DEFAULT evaluates a DEFAULT), which this package does not
// have, so package sql registers a ConstraintHook; every write of a constrained or referenced
// table — Insert, Update, Delete and Load, from SQL, COPY, the loader or the KV API — calls
// it before the write is recorded, with the row lock held. A write to such a table with no
// hook registered is refused, never let through unchecked.
//
// The hook's lookups read the latest committed state plus the transaction's own writes (not
// its snapshot: a constraint is about what is committed when the write commits), and what
// they depend on is locked until the transaction ends, so no concurrent transaction can
// change it before this one's entry is applied:
//   - a unique key: LockKey on (table, index, key) by every writer that gives a row that key
//     or takes it away; the unique index's apply-time check stays as the last word;
//   - a referenced parent row: its row lock (GetForUpdate) when the reference is the
//     parent's primary key, else LockKey on the parent's unique key.

// WriteCheck is one write a ConstraintHook judges.
type WriteCheck struct {
	Table  string
	Schema *types.Schema
	Op     wal.Op // OpInsert, OpUpdate or OpDelete
	Key    []byte
	OldKey []byte // for an update that changes the primary key (Rekey), the row's old key
	Old    []byte // the row's image before the write (nil for an insert)
	New    []byte // the row's image after it (nil for a delete)
}

// ConstraintHook enforces constraints on a write before it is recorded. What must wait for
// the end of the statement (a foreign key's actions on the rows referencing a changed row,
// its NO ACTION check, a parent not found yet) it leaves there with AtStatementEnd.
type ConstraintHook func(ctx context.Context, tx *Txn, w *WriteCheck) error

var constraintHook atomic.Pointer[ConstraintHook]

// SetConstraintHook registers the hook every tablespace calls (package sql's).
func SetConstraintHook(h ConstraintHook) { constraintHook.Store(&h) }

// ErrNoConstraintHook refuses a write to a constrained table when nothing can check it.
var ErrNoConstraintHook = errors.New("tablespace: the table has constraints and no constraint checker is registered")

// constrained reports whether writes to t go through the hook: tables with constraints or
// unique indexes (whose keys the hook locks, so that a duplicate is found at the write, after
// waiting for a concurrent writer of the key, as in PostgreSQL, and not only at commit) and
// tables a foreign key references.
func (t *table) constrained() bool {
	return len(t.schema.Constraints) > 0 || t.hasUnique || t.referenced.Load()
}

// refreshReferenced marks the tables some foreign key references. Caller holds f.mu for
// writing, after changing the table set or a schema.
func (f *fsm) refreshReferenced() {
	refs := make(map[string]bool)
	for _, t := range f.tables {
		for _, c := range t.schema.Constraints {
			if c.Kind == types.ConstraintForeign {
				refs[c.RefTable] = true
			}
		}
	}
	for name, t := range f.tables {
		t.referenced.Store(refs[name])
	}
}

// check runs the hook for a write of t.
func (tx *Txn) check(ctx context.Context, t *table, op wal.Op, table string, key, old, value []byte) error {
	h := constraintHook.Load()
	if h == nil {
		if len(t.schema.Constraints) == 0 && !t.referenced.Load() {
			return nil // unique indexes alone: the apply-time check keeps them
		}
		return ErrNoConstraintHook
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return (*h)(ctx, tx, &WriteCheck{Table: table, Schema: t.schema, Op: op, Key: key, Old: old, New: value})
}

// Rekey replaces the row at oldKey with value at newKey: an UPDATE of primary-key columns. A
// constrained table sees it as one update (its unique keys move, its children follow ON
// UPDATE), not as an insert and a delete; it is recorded as those two.
func (tx *Txn) Rekey(ctx context.Context, table string, oldKey, newKey, value []byte) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	if h := constraintHook.Load(); t.constrained() && h != nil {
		old, found, err := tx.GetForUpdate(ctx, table, oldKey)
		if err != nil {
			return err
		}
		if !found {
			return ErrNoRow
		}
		if _, taken, err := tx.GetForUpdate(ctx, table, newKey); err != nil {
			return err
		} else if taken {
			return ErrDuplicateKey
		}
		if err := tx.admitted(table, t); err != nil {
			return err
		}
		w := &WriteCheck{Table: table, Schema: t.schema, Op: wal.OpUpdate, Key: newKey, OldKey: oldKey, Old: old, New: value}
		if err := (*h)(ctx, tx, w); err != nil {
			return err
		}
		tx.unchecked = true
		err = tx.Insert(ctx, table, newKey, value)
		if err == nil {
			err = tx.Delete(ctx, table, oldKey)
		}
		tx.unchecked = false
		return err
	}
	if err := tx.Insert(ctx, table, newKey, value); err != nil {
		return err
	}
	return tx.Delete(ctx, table, oldKey)
}

// LockKey takes a lock on a value of a table's columns that is not a row (a unique key),
// held until the transaction ends. name tells apart the keys of different constraints.
func (tx *Txn) LockKey(ctx context.Context, table, name string, key []byte) error {
	if _, err := tx.table(table); err != nil {
		return err
	}
	b := make([]byte, 0, 4+len(table)+len(name)+len(key))
	b = append(b, "\x00key\x00"...) // no table name starts with NUL and a colon
	b = append(b, table...)
	b = append(b, 0)
	b = append(b, name...)
	b = append(b, 0)
	return tx.lock(ctx, string(append(b, key...)))
}

// GetLatest returns the row's image as this transaction would write over it: its own write,
// else the latest committed image (not the snapshot's), without locking it.
func (tx *Txn) GetLatest(table string, key []byte) ([]byte, bool, error) {
	t, err := tx.table(table)
	if err != nil {
		return nil, false, err
	}
	if i, ok := tx.index[lockID(table, key)]; ok {
		m := &tx.writes[i]
		return m.Value, m.Op != wal.OpDelete, nil
	}
	if tx.truncated(table) {
		return nil, false, nil
	}
	return tx.ts.fsm.get(t, key)
}

// FindLatest calls fn for every row of table whose columns cols equal vals (none NULL), as
// GetLatest sees rows: the latest committed state overridden by the transaction's own writes.
// Committed rows come from an index whose leading columns are cols, else a scan of the table;
// the transaction's own rows from an index of its writes kept for the call's columns
// (ownIndex), so a transaction writing n constrained rows does O(n) work for them, not n².
func (tx *Txn) FindLatest(table string, cols []int, vals []types.Value, fn func(key, value []byte) error) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	s := t.schema
	var want []byte
	for i, c := range cols {
		if vals[i].IsNull() {
			return nil
		}
		if want, err = types.AppendKeyValue(want, s.Columns[c].Type, vals[i]); err != nil {
			return err
		}
	}
	m := newRowMatcher(s, cols)
	committed := func(key, value []byte) error {
		if _, overridden := tx.index[lockID(table, key)]; overridden {
			return nil
		}
		if got, ok, err := m.key(key, value); err != nil || !ok || got != string(want) {
			return err
		}
		return fn(key, value)
	}
	if !tx.truncated(table) {
		if ix := t.indexOn(cols); ix != nil {
			t.mu.RLock()
			var pks []string
			if len(ix.def.Columns) > len(cols) {
				pks = ix.prefixOwners(nil, string(want))
			} else {
				pks = ix.owners(nil, string(want))
			}
			t.mu.RUnlock()
			for _, pk := range pks {
				v, ok, err := tx.ts.fsm.get(t, []byte(pk))
				if err != nil {
					return err
				}
				if ok {
					if err := committed([]byte(pk), v); err != nil {
						return err
					}
				}
			}
		} else if err := tx.ts.fsm.scan(t, committed); err != nil {
			return err
		}
	}
	sig := []byte(table)
	for _, c := range cols {
		sig = append(sig, 0, byte(c), byte(c>>8))
	}
	oi, err := tx.ownIndexFor(table, string(sig), m.s, m.key)
	if err != nil {
		return err
	}
	for _, pos := range oi.m[string(want)] {
		if pos >= len(tx.writes) {
			continue
		}
		w := &tx.writes[pos]
		if w.Table != table || !w.Op.HasValue() || tx.index[lockID(table, w.Key)] != pos {
			continue // a stale candidate: rolled back, or rewritten since
		}
		if got, ok, err := m.key(w.Key, w.Value); err != nil {
			return err
		} else if ok && got == string(want) {
			if err := fn(w.Key, w.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// FindIndexed calls fn for each row of table whose key in index is ikey (as
// IndexKey computes it), in the state FindLatest reads: the latest committed rows, overridden
// by the transaction's own writes. It is how a computed unique index (types.Index.Computed)
// is checked.
func (tx *Txn) FindIndexed(table, index string, ikey []byte, fn func(key, value []byte) error) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	var ix *secIndex
	for _, x := range t.indexes {
		if x.def.Name == index {
			ix = x
		}
	}
	if ix == nil {
		return fmt.Errorf("tablespace: table %q has no index %q", table, index)
	}
	s := t.schema
	row := make([]types.Value, len(s.Columns))
	keyOf := func(key, value []byte) (string, bool, error) {
		if err := types.DecodeColumns(s, key, value, row, ix.need); err != nil {
			return "", false, err
		}
		k, ok := ix.keyOf(row)
		return k, ok, nil
	}
	want := string(ikey)
	if !tx.truncated(table) {
		t.mu.RLock()
		pks := ix.owners(nil, want)
		t.mu.RUnlock()
		for _, pk := range pks {
			if _, overridden := tx.index[lockID(table, []byte(pk))]; overridden {
				continue
			}
			v, ok, err := tx.ts.fsm.get(t, []byte(pk))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if got, ok, err := keyOf([]byte(pk), v); err != nil {
				return err
			} else if ok && got == want {
				if err := fn([]byte(pk), v); err != nil {
					return err
				}
			}
		}
	}
	oi, err := tx.ownIndexFor(table, table+"\x00index\x00"+index, s, keyOf)
	if err != nil {
		return err
	}
	for _, pos := range oi.m[want] {
		if pos >= len(tx.writes) {
			continue
		}
		w := &tx.writes[pos]
		if w.Table != table || !w.Op.HasValue() || tx.index[lockID(table, w.Key)] != pos {
			continue // a stale candidate: rolled back, or rewritten since
		}
		if got, ok, err := keyOf(w.Key, w.Value); err != nil {
			return err
		} else if ok && got == want {
			if err := fn(w.Key, w.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// rowMatcher computes the key encoding of some columns of a row.
type rowMatcher struct {
	s    *types.Schema
	cols []int
	row  []types.Value
	need []bool
}

func newRowMatcher(s *types.Schema, cols []int) *rowMatcher {
	m := &rowMatcher{s: s, cols: cols, row: make([]types.Value, len(s.Columns)), need: make([]bool, len(s.Columns))}
	for _, c := range cols {
		m.need[c] = true
	}
	return m
}

// key is the encoding of the row's columns; ok is false when one is NULL.
func (m *rowMatcher) key(key, value []byte) (string, bool, error) {
	if err := types.DecodeColumns(m.s, key, value, m.row, m.need); err != nil {
		return "", false, err
	}
	var b []byte
	for _, c := range m.cols {
		if m.row[c].IsNull() {
			return "", false, nil
		}
		var err error
		if b, err = types.AppendKeyValue(b, m.s.Columns[c].Type, m.row[c]); err != nil {
			return "", false, err
		}
	}
	return string(b), true, nil
}

// txnConstraints is what a transaction keeps for its constraint lookups: per table and
// column list, an index of its own writes. Entries are candidates, checked against the
// write set when used; rewrites in place are logged in dirty so the indexes see them. A
// rollback to a savepoint or a TRUNCATE drops it all (it is rebuilt on demand).
type txnConstraints struct {
	own   map[string]*ownIndex
	dirty []int // positions of writes rewritten in place
}

type ownIndex struct {
	s       *types.Schema
	upTo    int // writes[:upTo] are indexed
	dirtyAt int // dirty[:dirtyAt] are indexed
	m       map[string][]int
}

// ownIndexFor is the index, under sig, of the transaction's writes to table by the key
// keyOf computes, caught up with the write set.
func (tx *Txn) ownIndexFor(table, sig string, s *types.Schema, keyOf func(key, value []byte) (string, bool, error)) (*ownIndex, error) {
	if tx.con == nil {
		tx.con = &txnConstraints{own: make(map[string]*ownIndex)}
	}
	oi := tx.con.own[sig]
	if oi == nil || oi.s != s {
		oi = &ownIndex{s: s, m: make(map[string][]int)}
		tx.con.own[sig] = oi
	}
	add := func(pos int) error {
		w := &tx.writes[pos]
		if w.Table != table || !w.Op.HasValue() {
			return nil
		}
		k, ok, err := keyOf(w.Key, w.Value)
		if ok {
			oi.m[k] = append(oi.m[k], pos)
		}
		return err
	}
	for ; oi.dirtyAt < len(tx.con.dirty); oi.dirtyAt++ {
		if pos := tx.con.dirty[oi.dirtyAt]; pos < oi.upTo {
			if err := add(pos); err != nil {
				return nil, err
			}
		}
	}
	for ; oi.upTo < len(tx.writes); oi.upTo++ {
		if err := add(oi.upTo); err != nil {
			return nil, err
		}
	}
	return oi, nil
}

// indexOn returns an index of t whose leading columns are cols and that can answer an
// equality on them alone, or nil.
func (t *table) indexOn(cols []int) *secIndex {
	for _, ix := range t.indexes {
		c := ix.def.Columns
		if len(c) < len(cols) || ix.hash != nil && len(c) != len(cols) {
			continue
		}
		same := true
		for i := range cols {
			same = same && c[i] == cols[i]
		}
		if same {
			return ix
		}
	}
	return nil
}

// ReferencedBy lists the tables with a foreign key to table (table itself included when it
// references itself), with their schemas.
func (ts *Tablespace) ReferencedBy(table string) []*types.Schema {
	var out []*types.Schema
	ts.fsm.mu.RLock()
	defer ts.fsm.mu.RUnlock()
	for _, t := range ts.fsm.tables {
		for _, c := range t.schema.Constraints {
			if c.Kind == types.ConstraintForeign && c.RefTable == table {
				out = append(out, t.schema)
				break
			}
		}
	}
	return out
}

// ReferencedBy is Tablespace.ReferencedBy for a hook.
func (tx *Txn) ReferencedBy(table string) []*types.Schema { return tx.ts.ReferencedBy(table) }

// Schema returns a table's current schema (for a hook that must enter a table it writes).
func (tx *Txn) Schema(table string) (*types.Schema, bool) {
	t := tx.ts.fsm.table(table)
	if t == nil {
		return nil, false
	}
	return t.schema, true
}
