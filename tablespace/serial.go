package tablespace

import (
	"sync"

	"github.com/drovedb/drove/types"
)

// serialKey names one serial column of one incarnation of a table: a table dropped and
// created again has a new schema, and counts afresh.
type serialKey struct {
	schema *types.Schema
	col    int
}

type serialCounter struct {
	once sync.Once
	mu   sync.Mutex
	next int64
	err  error
}

// NextSerial returns the next value for serial column col of the table with schema s. The
// first call on this node scans the table for its largest value; values then count up from
// one past it. Like a PostgreSQL sequence it is not transactional: a rolled-back insert leaves
// a gap. Every committed value is in the log, so after a restart or a change of leader the
// scan starts past all of them.
func (ts *Tablespace) NextSerial(s *types.Schema, col int) (int64, error) {
	v, _ := ts.serials.LoadOrStore(serialKey{s, col}, &serialCounter{})
	c := v.(*serialCounter)
	c.once.Do(func() { c.next, c.err = ts.maxColumn(s, col) })
	if c.err != nil {
		return 0, c.err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next++
	return c.next, nil
}

// maxColumn is the largest value of integer column col in the committed table, 0 if none.
func (ts *Tablespace) maxColumn(s *types.Schema, col int) (int64, error) {
	tx := ts.Begin()
	defer tx.Rollback()
	cur, err := tx.Cursor(s.Name)
	if err != nil {
		return 0, err
	}
	need := make([]bool, len(s.Columns))
	need[col] = true
	row := make([]types.Value, len(s.Columns))
	var max int64
	for {
		key, value, ok, err := cur.Next()
		if err != nil || !ok {
			return max, err
		}
		if err := types.DecodeColumns(s, key, value, row, need); err != nil {
			return 0, err
		}
		if !row[col].IsNull() && row[col].I > max {
			max = row[col].I
		}
	}
}
