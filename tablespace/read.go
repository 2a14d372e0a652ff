package tablespace

import (
	"context"
	"fmt"

	"github.com/drovedb/drove/types"
)

// PointRead is a hold on one table for point reads outside any transaction, for the
// key-value API's Get: BeginRead enters the table's gate, as a transaction does, so its schema
// cannot change until End, and Get reads the latest committed image of a row. No Txn, no lock
// id, no snapshot pin: a read of one row needs none of them, and allocates nothing. The table
// is looked up once, after entering: the caller encodes the key with the schema it is given,
// so a schema change between reading the schema and reading the row cannot happen (the
// earlier Read looked the table up twice, before and inside the gate, and retried when they
// differed).
type PointRead struct {
	f *fsm
	g *tableGate
	t *table
}

// BeginRead enters table's gate (waiting, as a transaction would, while a schema change or a
// TRUNCATE holds it) and returns the hold; End must be called when the reads are done.
func (ts *Tablespace) BeginRead(ctx context.Context, table string) (PointRead, error) {
	return ts.beginRead(ctx, ts.gate(table), table)
}

func (ts *Tablespace) beginRead(ctx context.Context, g *tableGate, table string) (PointRead, error) {
	if ts.Closed() {
		return PointRead{}, ErrClosed
	}
	if err := g.enter(ctx, ts.opts.LockTimeout); err != nil {
		return PointRead{}, err
	}
	t := ts.fsm.tableAt(g, table)
	if t == nil {
		g.leave()
		return PointRead{}, fmt.Errorf("%w: %q", ErrNoTable, table)
	}
	return PointRead{f: ts.fsm, g: g, t: t}, nil
}

// TableReader is BeginRead of one table with its gate found once: a caller that reads one
// table many times (the key-value API keeps one per table it reads) saves the lookup of
// the gate by name on every read. A table's gate lives as long as the tablespace, whatever
// happens to the table, so the reader stays valid across drops and schema changes.
type TableReader struct {
	ts    *Tablespace
	table string
	g     *tableGate
}

// TableReader returns a reader of table (which need not exist yet).
func (ts *Tablespace) TableReader(table string) *TableReader {
	return &TableReader{ts: ts, table: table, g: ts.gate(table)}
}

// Table is the name of the table r reads.
func (r *TableReader) Table() string { return r.table }

// Begin is BeginRead of r's table.
func (r *TableReader) Begin(ctx context.Context) (PointRead, error) {
	return r.ts.beginRead(ctx, r.g, r.table)
}

// Schema is the table's schema, which stays the table's until End.
func (r PointRead) Schema() *types.Schema { return r.t.schema }

// Get returns the latest committed image of the row whose key is key: a view that must not
// be modified or kept past End.
func (r PointRead) Get(key []byte) ([]byte, bool, error) { return r.f.getAt(r.t, key, latest) }

// End leaves the table's gate.
func (r PointRead) End() { r.g.leave() }
