package tablespace

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/google/btree"

	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// Secondary indexes live in memory beside the primary-key map, on every replica: the apply
// path maintains them from the row images in the log (the old image is read from memory or its
// page), and a table loaded from a checkpoint rebuilds them from its rows. Keeping them out of
// the pages keeps checkpoints what they were, at the cost of a scan per indexed table at start.
//
// An index key is the key encoding (types.AppendKeyValue) of the row's index columns. Ordered
// indexes keep ikey+pk strings in a B-tree, so equality is a prefix and a range is a range
// (the key encoding is order-preserving and self-delimiting); hash indexes keep a map from
// ikey to the set of primary keys. A row with a NULL in an index column is not indexed: no
// equality or range matches NULL, and NULLs never conflict in a unique index.

type secIndex struct {
	def   types.Index
	need  []bool // the columns its key reads
	tree  *btree.BTreeG[string]
	hash  map[string]map[string]struct{}
	types []types.Type
	// key computes the key of an index the SQL layer defines (types.Index.Computed).
	key IndexKeyFunc
}

// IndexKeyFunc computes the key of a computed index (types.Index.Computed) from a decoded
// row: ok false leaves the row out of the index (a partial index's predicate does not hold,
// or a part is NULL and NULLs are distinct). It must be deterministic and safe for
// concurrent use: every replica computes the keys of the rows it applies.
type IndexKeyFunc func(dst []byte, row []types.Value) (key []byte, ok bool, err error)

// IndexKeyHook compiles a computed index of a schema: its key function and each part's type.
type IndexKeyHook func(s *types.Schema, def *types.Index) (IndexKeyFunc, []types.Type, error)

var indexKeyHook atomic.Pointer[IndexKeyHook]

// SetIndexKeyHook registers the compiler of computed indexes (package sql's).
func SetIndexKeyHook(h IndexKeyHook) { indexKeyHook.Store(&h) }

// IndexKey computes the key def (an index of s, computed or not) gives row, as the index
// holds it; ok is false when the row is not in the index.
func IndexKey(s *types.Schema, def *types.Index, row []types.Value) (key []byte, ok bool, err error) {
	if !def.Computed() {
		for _, c := range def.Columns {
			if row[c].IsNull() {
				return nil, false, nil
			}
			if key, err = types.AppendKeyValue(key, s.Columns[c].Type, row[c]); err != nil {
				return nil, false, err
			}
		}
		return key, true, nil
	}
	h := indexKeyHook.Load()
	if h == nil {
		return nil, false, fmt.Errorf("tablespace: index %q is computed and no index key hook is registered", def.Name)
	}
	fn, _, err := (*h)(s, def)
	if err != nil {
		return nil, false, err
	}
	return fn(nil, row)
}

func newSecIndex(s *types.Schema, def types.Index) *secIndex {
	ix := &secIndex{def: def, need: make([]bool, len(s.Columns))}
	for _, c := range def.Columns {
		ix.need[c] = true
		ix.types = append(ix.types, s.Columns[c].Type)
	}
	if def.Computed() {
		for i := range ix.need {
			ix.need[i] = true
		}
		var err error
		if h := indexKeyHook.Load(); h == nil {
			err = errors.New("no index key hook registered")
		} else {
			ix.key, ix.types, err = (*h)(s, &def)
		}
		if err != nil {
			// Checked when the index was created, so this is a bug or a binary without
			// package sql: the index stays empty, the same on every replica.
			log.Printf("tablespace: index %q of table %q: %v", def.Name, s.Name, err)
			ix.key = func([]byte, []types.Value) ([]byte, bool, error) { return nil, false, nil }
		}
	}
	if def.Hash {
		ix.hash = make(map[string]map[string]struct{})
	} else {
		ix.tree = btree.NewG(32, func(a, b string) bool { return a < b })
	}
	return ix
}

// keyOf is the index key of a full row; ok is false when an index column is NULL.
func (ix *secIndex) keyOf(row []types.Value) (string, bool) {
	if ix.key != nil {
		// An expression that fails (an overflow) leaves the row out, alike on every
		// replica; the write itself was refused by the constraint hook, which computes it
		// first.
		b, ok, err := ix.key(nil, row)
		return string(b), ok && err == nil
	}
	var b []byte
	for i, c := range ix.def.Columns {
		var err error
		if b, err = types.AppendKeyValue(b, ix.types[i], row[c]); err != nil {
			return "", false
		}
	}
	return string(b), true
}

func (ix *secIndex) add(ikey, pk string) {
	if ix.hash != nil {
		set := ix.hash[ikey]
		if set == nil {
			set = make(map[string]struct{}, 1)
			ix.hash[ikey] = set
		}
		set[pk] = struct{}{}
		return
	}
	ix.tree.ReplaceOrInsert(ikey + pk)
}

func (ix *secIndex) remove(ikey, pk string) {
	if ix.hash != nil {
		if set := ix.hash[ikey]; set != nil {
			delete(set, pk)
			if len(set) == 0 {
				delete(ix.hash, ikey)
			}
		}
		return
	}
	ix.tree.Delete(ikey + pk)
}

// owners appends the primary keys indexed under ikey.
func (ix *secIndex) owners(dst []string, ikey string) []string {
	if ix.hash != nil {
		for pk := range ix.hash[ikey] {
			dst = append(dst, pk)
		}
		return dst
	}
	ix.tree.AscendGreaterOrEqual(ikey, func(e string) bool {
		if !strings.HasPrefix(e, ikey) {
			return false
		}
		dst = append(dst, e[len(ikey):])
		return true
	})
	return dst
}

// prefixOwners appends the primary keys of the entries whose key starts with prefix, the
// encoding of the index's leading columns: an entry is the whole index key and then the
// primary key, so the key's length is read from the entry, not taken from the prefix.
func (ix *secIndex) prefixOwners(dst []string, prefix string) []string {
	ix.tree.AscendGreaterOrEqual(prefix, func(e string) bool {
		if !strings.HasPrefix(e, prefix) {
			return false
		}
		dst = append(dst, e[ikeyLen(ix, e):])
		return true
	})
	return dst
}

// rowKeys computes the index keys of the row (key, value) for every index of t.
func (t *table) rowKeys(key, value []byte, row []types.Value, out []string, ok []bool) error {
	if err := types.DecodeColumns(t.schema, key, value, row, t.indexNeed); err != nil {
		return err
	}
	for i, ix := range t.indexes {
		out[i], ok[i] = ix.keyOf(row)
	}
	return nil
}

// buildIndexes fills t's indexes from its rows; a unique index that finds two rows with one
// key fails with an *AlterError.
func (f *fsm) buildIndexes(t *table) error {
	if len(t.indexes) == 0 {
		return nil
	}
	row := make([]types.Value, len(t.schema.Columns))
	keys := make([]string, len(t.indexes))
	ok := make([]bool, len(t.indexes))
	var owners []string
	return f.scan(t, func(key, value []byte) error {
		if err := t.rowKeys(key, value, row, keys, ok); err != nil {
			return err
		}
		t.mu.Lock()
		defer t.mu.Unlock()
		for i, ix := range t.indexes {
			if !ok[i] {
				continue
			}
			if ix.def.Unique {
				if owners = ix.owners(owners[:0], keys[i]); len(owners) > 0 {
					return &AlterError{Table: t.schema.Name, Index: ix.def.Name, Err: ErrDuplicateKey,
						Row: append([]types.Value(nil), row...)}
				}
			}
			ix.add(keys[i], string(key))
		}
		return nil
	})
}

// UniqueViolation is the apply-time verdict on a transaction that would give two rows one key
// of a unique index.
type UniqueViolation struct {
	Table, Index string
	Key          []byte // the encoded row's primary key
}

func (e *UniqueViolation) Error() string {
	return fmt.Sprintf("%v: unique index %q of table %q", ErrDuplicateKey, e.Index, e.Table)
}

func (e *UniqueViolation) Unwrap() error { return ErrDuplicateKey }

// indexChange is what one mutation does to one table's index entries.
type indexChange struct {
	t              *table
	pk             string
	oldKeys, newKs []string
	oldOK, newOK   []bool
}

// indexChanges computes, before anything changes, the index entries each mutation of a
// table with indexes removes and adds, and checks the unique indexes: every replica reaches
// the same verdict, and a refused entry changes nothing.
//
// The result has one change per mutation, nil for those of tables without indexes; it is nil
// when no table the entry writes has one.
func (f *fsm) indexChanges(tabs []*table, muts []wal.Mutation) ([]*indexChange, error) {
	var out []*indexChange
	var changes []*indexChange
	var row []types.Value
	for i := range muts {
		m, t := &muts[i], tabs[i]
		if t == nil || len(t.indexes) == 0 {
			continue
		}
		if out == nil {
			out = make([]*indexChange, len(muts))
		}
		n := len(t.indexes)
		keys, ok := make([]string, 2*n), make([]bool, 2*n)
		c := &indexChange{t: t, pk: string(m.Key), oldKeys: keys[:n], newKs: keys[n:], oldOK: ok[:n], newOK: ok[n:]}
		if cap(row) < len(t.schema.Columns) {
			row = make([]types.Value, len(t.schema.Columns))
		}
		row = row[:len(t.schema.Columns)]
		old, found, err := f.get(t, m.Key)
		if err != nil {
			return nil, err
		}
		if found {
			if err := t.rowKeys(m.Key, old, row, c.oldKeys, c.oldOK); err != nil {
				return nil, err
			}
		}
		if m.Op != wal.OpDelete {
			if err := t.rowKeys(m.Key, m.Value, row, c.newKs, c.newOK); err != nil {
				return nil, err
			}
		}
		out[i] = c
		changes = append(changes, c)
	}
	// Unique indexes: after the entry, each key touched must have at most one row.
	type slot struct {
		t   *table
		ix  int
		key string
	}
	gone := make(map[slot]map[string]bool)
	for _, c := range changes {
		for i := range c.t.indexes {
			if c.oldOK[i] && (!c.newOK[i] || c.oldKeys[i] != c.newKs[i]) {
				s := slot{c.t, i, c.oldKeys[i]}
				if gone[s] == nil {
					gone[s] = make(map[string]bool)
				}
				gone[s][c.pk] = true
			}
		}
	}
	added := make(map[slot]string)
	var owners []string
	for _, c := range changes {
		for i, ix := range c.t.indexes {
			if !ix.def.Unique || !c.newOK[i] || (c.oldOK[i] && c.oldKeys[i] == c.newKs[i]) {
				continue
			}
			s := slot{c.t, i, c.newKs[i]}
			if other, dup := added[s]; dup && other != c.pk {
				return nil, &UniqueViolation{Table: c.t.schema.Name, Index: ix.def.Name, Key: []byte(c.pk)}
			}
			added[s] = c.pk
			c.t.mu.RLock()
			owners = ix.owners(owners[:0], c.newKs[i])
			c.t.mu.RUnlock()
			for _, o := range owners {
				if o != c.pk && !gone[s][o] {
					return nil, &UniqueViolation{Table: c.t.schema.Name, Index: ix.def.Name, Key: []byte(c.pk)}
				}
			}
		}
	}
	return out, nil
}

// apply changes the index entries. Caller holds c.t.mu for writing.
func (c *indexChange) apply() {
	for i, ix := range c.t.indexes {
		if c.oldOK[i] && c.newOK[i] && c.oldKeys[i] == c.newKs[i] {
			continue
		}
		if c.oldOK[i] {
			ix.remove(c.oldKeys[i], c.pk)
		}
		if c.newOK[i] {
			ix.add(c.newKs[i], c.pk)
		}
	}
}

// IndexScan returns the primary keys of committed rows of table whose key in index lies in
// [lo, hi) (hi nil: no upper bound), or equals lo exactly when exact. ok is false when the
// transaction has written to the table, whose own rows the index does not hold: the caller
// must scan instead.
func (tx *Txn) IndexScan(table, index string, lo, hi []byte, exact bool) (pks []string, ok bool, err error) {
	pks, _, ok, err = tx.indexScan(table, index, lo, hi, exact, IndexBatch{})
	return pks, ok, err
}

// IndexBatch is how IndexScanBatch reads: at most Max entries; Cont for a batch after the
// first; Desc from the top of the range down.
type IndexBatch struct {
	Max        int
	Cont, Desc bool
}

// IndexScanBatch reads the range [lo, hi) of an ordered index as IndexScan does, in batches
// of at most b.Max entries, in index order (descending with b.Desc), and returns the range
// of the following batch: from next (ascending), or up to next (descending); next is nil
// when the range is done. A continuing batch (b.Cont) is read even when the transaction
// has written to the table since the first: a statement does not see its own writes, and
// its first batch was refused (ok false) if the transaction had written to the table before.
func (tx *Txn) IndexScanBatch(table, index string, lo, hi []byte, b IndexBatch) (pks []string, next []byte, ok bool, err error) {
	return tx.indexScan(table, index, lo, hi, false, b)
}

func (tx *Txn) indexScan(table, index string, lo, hi []byte, exact bool, b IndexBatch) (pks []string, next []byte, ok bool, err error) {
	for i := range tx.writes[:tx.visibleWrites()] {
		if tx.writes[i].Table == table && !b.Cont {
			return nil, nil, false, nil
		}
	}
	t, err := tx.table(table)
	if err != nil {
		return nil, nil, false, err
	}
	var ix *secIndex
	for _, x := range t.indexes {
		if x.def.Name == index {
			ix = x
		}
	}
	if ix == nil {
		return nil, nil, false, fmt.Errorf("tablespace: table %q has no index %q", table, index)
	}
	if !exact && ix.tree == nil {
		return nil, nil, false, fmt.Errorf("tablespace: hash index %q cannot scan a range", index)
	}
	snap, err := tx.snapshot() // before the table lock: a first pin may wait for apply
	if err != nil {
		return nil, nil, false, err
	}
	t.mu.RLock()
	var over map[string]oldVer
	if snap != latest && len(t.old) > 0 {
		over = t.overrides(snap)
	}
	var ents []string // the entries found, kept only to merge a snapshot's rows in order
	if exact {
		pks = ix.owners(nil, string(lo))
		if over != nil {
			for _, pk := range pks {
				ents = append(ents, string(lo)+pk)
			}
		}
	} else {
		found := func(e string) bool {
			if b.Max > 0 && len(pks) == b.Max {
				next = []byte(e) // ascending: the first entry of the next batch
				if b.Desc {
					next = append(next, 0) // descending: the next batch ends after it
				}
				return false
			}
			pks = append(pks, e[ikeyLen(ix, e):])
			if over != nil {
				ents = append(ents, e)
			}
			return true
		}
		switch {
		case !b.Desc:
			ix.tree.AscendGreaterOrEqual(string(lo), func(e string) bool {
				return (hi == nil || bytes.Compare([]byte(e), hi) < 0) && found(e)
			})
		default:
			down := func(e string) bool {
				if hi != nil && bytes.Compare([]byte(e), hi) >= 0 {
					return true // hi itself: the range ends before it
				}
				return bytes.Compare([]byte(e), lo) >= 0 && found(e)
			}
			if hi == nil {
				ix.tree.Descend(down)
			} else {
				ix.tree.DescendLessOrEqual(string(hi), down)
			}
		}
	}
	t.mu.RUnlock()
	if over != nil {
		start, end := lo, hi // this batch's part of the range
		switch {
		case next != nil && b.Desc:
			start = next
		case next != nil:
			end = next
		}
		if pks, err = t.indexAt(ix, over, ents, start, end, exact); err != nil {
			return nil, nil, false, err
		}
		if b.Desc {
			slices.Reverse(pks)
		}
	}
	return pks, next, true, nil
}

// indexAt turns the entries (index key + pk) an index lookup found among the current rows into
// the primary keys it finds at a snapshot: the rows over replaces are dropped, and added back
// when their image at the snapshot matches. Keys come in index order, as the B-tree's.
func (t *table) indexAt(ix *secIndex, over map[string]oldVer, ents []string, lo, hi []byte, exact bool) ([]string, error) {
	n := slices.Index(t.indexes, ix)
	row := make([]types.Value, len(t.schema.Columns))
	keys, ok := make([]string, len(t.indexes)), make([]bool, len(t.indexes))
	kept := ents[:0]
	for _, e := range ents {
		if _, replaced := over[e[ikeyLen(ix, e):]]; !replaced {
			kept = append(kept, e)
		}
	}
	for pk, v := range over {
		if !v.exists {
			continue
		}
		if err := t.rowKeys([]byte(pk), v.value, row, keys, ok); err != nil {
			return nil, err
		}
		e := keys[n] + pk
		switch {
		case !ok[n]:
		case exact && keys[n] != string(lo):
		case !exact && (e < string(lo) || hi != nil && e >= string(hi)):
		default:
			kept = append(kept, e)
		}
	}
	slices.Sort(kept)
	pks := make([]string, len(kept))
	for i, e := range kept {
		pks[i] = e[ikeyLen(ix, e):]
	}
	return pks, nil
}

// ikeyLen is the length of the index key at the start of an ordered index entry.
func ikeyLen(ix *secIndex, e string) int {
	n := 0
	for _, t := range ix.types {
		if ix.def.NullsNotDistinct {
			n += types.NullableKeyValueLen(t, []byte(e[n:]))
		} else {
			n += types.KeyValueLen(t, []byte(e[n:]))
		}
	}
	return n
}
