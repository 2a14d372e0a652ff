package tablespace

import "errors"

// Cursor reads the rows of one table as a transaction saw them when the cursor was opened, one
// at a time: the committed rows in storage order, then the transaction's own. It is the
// pull-based form of Txn.Scan, for executors that interleave several tables; like Scan it holds
// no lock while the caller works.
type Cursor struct {
	it   scanIter       // it.set is nil when there are no committed rows to read
	mine map[string]int // keys this transaction wrote → position in writes
	own  []int          // positions of the transaction's own live rows, read after the scan
	txn  *Txn
	j    int
	// nextOpen links the transaction's cursors that read pages (Txn.cursors): one left
	// unfinished (a LIMIT) is closed when its statement's snapshot is unpinned or the
	// transaction ends, so its pages do not outlive it.
	nextOpen *Cursor
	closed   bool
}

// Cursor opens a cursor over table.
func (tx *Txn) Cursor(table string) (*Cursor, error) {
	t, err := tx.table(table)
	if err != nil {
		return nil, err
	}
	c := &Cursor{it: scanIter{rd: pageReader{f: tx.ts.fsm, store: t.store}}, txn: tx, mine: tx.own(table)}
	for _, i := range c.mine {
		if tx.visible(i).Op.HasValue() {
			c.own = append(c.own, i)
		}
	}
	if !tx.truncated(table) { // else the committed rows are gone for this transaction
		snap, err := tx.snapshot()
		if err != nil {
			return nil, err
		}
		c.it.set = tx.ts.fsm.refs(t, snap)
		if c.it.set.f != nil {
			c.nextOpen, tx.cursors = tx.cursors, c
		}
	}
	return c, nil
}

// Len is the number of rows the table held when the cursor was opened, a size estimate.
func (c *Cursor) Len() int {
	if c.it.set == nil {
		return len(c.own)
	}
	return c.it.set.rows + len(c.own)
}

// Next returns the next row; ok is false at the end. key and value are valid until the next
// call and must not be modified.
func (c *Cursor) Next() (key, value []byte, ok bool, err error) {
	if c.closed {
		return nil, nil, false, errCursorClosed
	}
	if c.it.set != nil {
		for {
			k, v, ok, err := c.it.next()
			if err != nil {
				return nil, nil, false, err
			}
			if !ok {
				break
			}
			if _, overridden := c.mine[string(k)]; overridden {
				continue
			}
			return k, v, true, nil
		}
		c.it.set.release() // keys handed out stay valid: the table's own strings, or page bytes
		c.it.set = nil
	}
	if c.j < len(c.own) {
		m := c.txn.visible(c.own[c.j])
		c.j++
		return m.Key, m.Value, true, nil
	}
	return nil, nil, false, nil
}

// errCursorClosed: a cursor was read after its statement or transaction ended.
var errCursorClosed = errors.New("tablespace: cursor read after its statement ended")

// closeCursors ends the transaction's unfinished cursors that read pages: all of them
// (all), or those reading a pinned snapshot (the statement that pinned it ended).
func (tx *Txn) closeCursors(all bool) {
	var keep *Cursor
	for c := tx.cursors; c != nil; {
		next := c.nextOpen
		switch {
		case c.it.set == nil: // finished
		case all || c.it.set.s != latest:
			c.it.set.release()
			c.it.set, c.closed = nil, true
		default:
			c.nextOpen, keep = keep, c
		}
		c = next
	}
	tx.cursors = keep
}
