package tablespace

import (
	"unsafe"

	"github.com/drovedb/drove/wal"
)

// Cursor reads the rows of one table as a transaction saw them when the cursor was opened, one
// at a time and in no particular order: the pull-based form of Txn.Scan, for executors that
// interleave several tables. Like Scan it holds no lock while the caller works.
type Cursor struct {
	f    *fsm
	refs []scanRef
	mine map[string]int // keys this transaction wrote → position in writes
	own  []int          // positions of the transaction's own live rows, read after refs
	txn  *Txn
	i, j int
}

// Cursor opens a cursor over table.
func (tx *Txn) Cursor(table string) (*Cursor, error) {
	t, err := tx.table(table)
	if err != nil {
		return nil, err
	}
	c := &Cursor{f: tx.ts.fsm, txn: tx}
	for i := range tx.writes {
		if tx.writes[i].Table == table {
			if c.mine == nil {
				c.mine = make(map[string]int)
			}
			c.mine[string(tx.writes[i].Key)] = i
		}
	}
	for _, i := range c.mine {
		if tx.writes[i].Op != wal.OpDelete {
			c.own = append(c.own, i)
		}
	}
	c.refs = tx.ts.fsm.refs(t)
	return c, nil
}

// Len is the number of rows the table held when the cursor was opened, a size estimate.
func (c *Cursor) Len() int { return len(c.refs) + len(c.own) }

// Next returns the next row; ok is false at the end. key and value are valid until the next
// call and must not be modified.
func (c *Cursor) Next() (key, value []byte, ok bool, err error) {
	for c.i < len(c.refs) {
		r := &c.refs[c.i]
		c.i++
		if _, overridden := c.mine[r.key]; overridden {
			continue
		}
		v, err := c.f.value(r)
		if err != nil {
			return nil, nil, false, err
		}
		// The key string is immutable and outlives the call; viewing it as bytes saves a copy
		// per row (callers must not modify key, as documented).
		return unsafe.Slice(unsafe.StringData(r.key), len(r.key)), v, true, nil
	}
	if c.refs != nil {
		releaseRefs(c.refs) // keys handed out stay valid: they are the table's own strings
		c.refs, c.i = nil, 0
	}
	if c.j < len(c.own) {
		m := &c.txn.writes[c.own[c.j]]
		c.j++
		return m.Key, m.Value, true, nil
	}
	return nil, nil, false, nil
}
