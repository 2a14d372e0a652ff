package tablespace

import (
	"context"
	"fmt"

	"github.com/drovedb/drove/types"
)

// Read is a point read outside any transaction, for the key-value API's Get: it reads the
// latest committed image of the row whose key is key and calls fn with it (a view that must
// not be modified or kept past fn). It enters the table's gate for the duration, as a
// transaction does, so the schema cannot change under the caller: want is the schema the
// caller encoded key with and decodes the value with, and a table whose schema is no longer
// want reports stale (read the schema again and retry). No Txn, no lock id, no snapshot pin:
// a read of one row needs none of them, and allocates nothing.
func (ts *Tablespace) Read(ctx context.Context, table string, want *types.Schema, key []byte, fn func(value []byte) error) (found, stale bool, err error) {
	if ts.Closed() {
		return false, false, ErrClosed
	}
	g := ts.gate(table)
	if err := g.enter(ctx, ts.opts.LockTimeout); err != nil {
		return false, false, err
	}
	defer g.leave()
	t := ts.fsm.table(table)
	if t == nil {
		return false, false, fmt.Errorf("%w: %q", ErrNoTable, table)
	}
	if t.schema != want {
		return false, true, nil
	}
	v, ok, err := ts.fsm.getAt(t, key, latest)
	if err != nil || !ok {
		return false, false, err
	}
	return true, false, fn(v)
}
