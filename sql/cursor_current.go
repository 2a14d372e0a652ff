package sql

import (
	"bytes"
	"context"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// UPDATE and DELETE ... WHERE CURRENT OF cursor, as PostgreSQL 15's execCurrentOf judges
// it. A cursor's query knows, for each row it hands out, the key of the table row it came
// from, in one of two ways PostgreSQL has too: a query with FOR UPDATE/SHARE takes the key
// its LockRows locked (PostgreSQL's row mark), any other the key of the scan its rows come
// from, found through only the nodes that pass one scanned row on as one result row
// (projections, filters, LIMIT: search_plan_tree's Result, Limit and scans). The query's
// execution notes that key in its execCtx (curRow) as the row goes up; the cursor keeps it
// with each row it keeps (cursor.keys) and for the row it is on (cursor.onKey), so a FETCH
// BACKWARD, or a statement that ran the query to its end first (settleCursor), still finds
// the row the cursor is on. The UPDATE or DELETE then writes the row of that key, if it
// still exists, as PostgreSQL's TID scan follows the row's update chain to its latest
// version; a key the statement itself changes moves the cursor's key with it.

// curRow is the table row a cursor's query is on: which node notes it (the lock node's
// or the scan's access), and its key, written by that node as each row goes up.
type curRow struct {
	acc   *access
	lock  bool   // the key is the locked row's (FOR UPDATE/SHARE), not the scan's
	table string // the table's name, for WHERE CURRENT OF's errors
	key   []byte
}

// noteScan records key as the row the tracked scan is on.
func (c *curRow) noteScan(acc *access, key []byte) {
	if c != nil && !c.lock && c.acc == acc {
		c.key = append(c.key[:0], key...)
	}
}

// noteLock records key as the row the tracked lock node locked.
func (c *curRow) noteLock(acc *access, key []byte) {
	if c != nil && c.lock && c.acc == acc {
		c.key = append(c.key[:0], key...)
	}
}

// trackCurrent finds the node whose row a cursor over plan root is on: a LockRows under
// the projections and LIMIT on top, else a scan under projections, filters and LIMIT; nil
// when there is none (a join, a sort, an aggregate: PostgreSQL's "not a simply updatable
// scan").
func trackCurrent(root node) *curRow {
	for {
		switch n := root.(type) {
		case *projectNode:
			root = n.in
		case *filterNode:
			root = n.in
		case *limitNode:
			root = n.in
		case *lockRowsNode:
			acc := n.lock.scan.acc
			return &curRow{acc: acc, lock: true, table: acc.table.name}
		case *scanNode:
			if n.acc.table.system != nil {
				return nil
			}
			return &curRow{acc: n.acc, table: n.acc.table.name}
		default:
			return nil
		}
	}
}

// currentKey is the key of the table row cursor name is on, for WHERE CURRENT OF on table
// (execCurrentOf's checks and errors); nil: none (PostgreSQL's inactive scan).
func (s *Session) currentKey(name, table string) ([]byte, error) {
	c, err := s.cursorNamed(name)
	if err != nil {
		return nil, err
	}
	if c.hold && !c.txn {
		return nil, Errorf("24000", "cursor %q is held from a previous transaction", name)
	}
	switch {
	case c.cur != nil && c.cur.lock:
		if c.cur.table != table {
			return nil, Errorf("24000", "cursor %q does not have a FOR UPDATE/SHARE reference to table %q", name, table)
		}
	case c.cur == nil || c.cur.table != table:
		return nil, Errorf("24000", "cursor %q is not a simply updatable scan of table %q", name, table)
	}
	if c.atStart || c.atEnd {
		return nil, Errorf("24000", "cursor %q is not positioned on a row", name)
	}
	return c.onKey, nil
}

// movedCurrent follows a key WHERE CURRENT OF changed: the cursor is on the row's new
// version, as PostgreSQL's TID scan finds it through the update chain.
func (s *Session) movedCurrent(name string, key []byte) {
	if c, ok := s.cursors[name]; ok {
		c.onKey = append([]byte(nil), key...)
	}
}

// lockCurrent is lockAndRecheck for the row WHERE CURRENT OF names, which has no filter to
// check again: false when the row is gone (deleted, by this transaction too).
func lockCurrent(ctx context.Context, tx *tablespace.Txn, bt *boundTable, key []byte, row []types.Value) (bool, error) {
	if tx.ChangedInCompound(bt.name, key) {
		return false, nil
	}
	value, ok, err := tx.GetForUpdate(ctx, bt.name, key)
	if err != nil || !ok {
		return false, err
	}
	return true, types.DecodeRow(bt.schema, key, value, row)
}

// keepCurrent is what take keeps of the tracked row for a row of the query: its key, when
// the query tracks one.
func (c *cursor) keepCurrent(kept bool, handed bool) error {
	if c.cur == nil {
		return nil
	}
	key := bytes.Clone(c.cur.key)
	if kept {
		if err := c.mem.grow(int64(24 + len(key))); err != nil {
			return err
		}
		c.keys = append(c.keys, key)
	}
	if handed {
		c.onKey = key
	}
	return nil
}

// onKept moves the cursor's tracked row to that of kept row i, which it hands out again.
func (c *cursor) onKept(i int64) {
	if i < int64(len(c.keys)) {
		c.onKey = c.keys[i]
	}
}

// dmlKeys is the keys of the rows an UPDATE or DELETE writes: those its access selects, or
// the row its WHERE CURRENT OF cursor is on (cursor non-empty).
func (s *Session) dmlKeys(ec *execCtx, acc *access, cursor string) ([][]byte, error) {
	if cursor == "" {
		return matchingKeys(ec, acc)
	}
	key, err := s.currentKey(cursor, acc.table.name)
	if err != nil || key == nil {
		return nil, err
	}
	return [][]byte{key}, nil
}

// lockDMLRow locks the row of key for an UPDATE or DELETE and reads it into row: false when
// it is to be left alone (lockAndRecheck; for WHERE CURRENT OF, lockCurrent).
func lockDMLRow(ctx context.Context, tx *tablespace.Txn, acc *access, key []byte, row []types.Value, cursor string) (bool, error) {
	if cursor != "" {
		return lockCurrent(ctx, tx, acc.table, key, row)
	}
	return lockAndRecheck(ctx, tx, acc, key, row)
}

// errCurrentOfView is PostgreSQL's rewriter's refusal of WHERE CURRENT OF on a view.
var errCurrentOfView = Errorf("0A000", "WHERE CURRENT OF on a view is not implemented")
