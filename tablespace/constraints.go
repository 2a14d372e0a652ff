package tablespace

import (
	"bytes"
	"context"
	"errors"
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
	Old    []byte // the row's image before the write (nil for an insert)
	New    []byte // the row's image after it (nil for a delete)
}

// ConstraintHook enforces constraints on a write; it may write through tx itself (a
// foreign key's cascaded actions).
type ConstraintHook func(ctx context.Context, tx *Txn, w *WriteCheck) error

var constraintHook atomic.Pointer[ConstraintHook]

// SetConstraintHook registers the hook every tablespace calls (package sql's).
func SetConstraintHook(h ConstraintHook) { constraintHook.Store(&h) }

// ErrNoConstraintHook refuses a write to a constrained table when nothing can check it.
var ErrNoConstraintHook = errors.New("tablespace: the table has constraints and no constraint checker is registered")

// constrained reports whether writes to t go through the hook.
func (t *table) constrained() bool { return len(t.schema.Constraints) > 0 || t.referenced.Load() }

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
		return ErrNoConstraintHook
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return (*h)(ctx, tx, &WriteCheck{Table: table, Schema: t.schema, Op: op, Key: key, Old: old, New: value})
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
// It uses an index whose leading columns are cols, else scans the table.
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
	row := make([]types.Value, len(s.Columns))
	need := make([]bool, len(s.Columns))
	for _, c := range cols {
		need[c] = true
	}
	matches := func(key, value []byte) (bool, error) {
		if err := types.DecodeColumns(s, key, value, row, need); err != nil {
			return false, err
		}
		var got []byte
		for _, c := range cols {
			if row[c].IsNull() {
				return false, nil
			}
			if got, err = types.AppendKeyValue(got, s.Columns[c].Type, row[c]); err != nil {
				return false, err
			}
		}
		return bytes.Equal(got, want), nil
	}
	mine := tx.own(table)
	committed := func(key, value []byte) error {
		if _, overridden := mine[string(key)]; overridden {
			return nil
		}
		if ok, err := matches(key, value); err != nil || !ok {
			return err
		}
		return fn(key, value)
	}
	if !tx.truncated(table) {
		if ix := t.indexOn(cols); ix != nil {
			t.mu.RLock()
			pks := ix.owners(nil, string(want))
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
	for _, i := range mine {
		m := &tx.writes[i]
		if !m.Op.HasValue() {
			continue
		}
		if ok, err := matches(m.Key, m.Value); err != nil {
			return err
		} else if ok {
			if err := fn(m.Key, m.Value); err != nil {
				return err
			}
		}
	}
	return nil
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
