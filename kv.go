package drove

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/drovedb/drove/server"
	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// The native key-value API reaches a table's rows by primary key without SQL: no parsing, no
// planning, a hash lookup and a decode for a Get. Tables are created with SQL (or the server's
// tools); the API reads and writes their rows with the same checks an INSERT applies.

// Row is one row's values in the table's column order: int64 for integer columns, float64,
// bool, string, []byte, time.Time (dates and timestamps; an infinite one is the string
// "infinity" or "-infinity"), or nil for NULL. Put also accepts other Go integer and float
// types, and date and timestamp input text.
type Row []any

// KV is key-value access to the tables of one tablespace.
type KV struct {
	ts *tablespace.Tablespace
	// readers are the point readers of the first maxKVReaders tables Get read (copied on
	// change): a Get finds its table's gate by comparing names in this short list instead of
	// the tablespace's map of gates.
	readers atomic.Pointer[[]*tablespace.TableReader]
}

// maxKVReaders bounds KV.readers; reads of further tables look their gate up each time.
const maxKVReaders = 8

// ErrNoTable is returned for a table the tablespace does not have.
var ErrNoTable = errors.New("drove: no such table")

// KV returns key-value access to a tablespace ("" for the default one).
func (db *DB) KV(ts string) (*KV, error) {
	if ts == "" {
		ts = server.DefaultTablespace
	}
	t, ok := db.srv.Tablespace(ts)
	if !ok {
		return nil, drovesql.Errorf("3D000", "tablespace %q does not exist", ts)
	}
	return &KV{ts: t}, nil
}

// Get returns the row whose primary key is key (one value per primary-key column, in key
// order); false if there is none. It reads the latest committed row without a transaction
// (Tablespace.BeginRead): no SQL, no lock, no snapshot pin (one image is read whole), a hash
// lookup and a decode. GetInto reads into a reusable Record without allocating.
func (kv *KV) Get(ctx context.Context, table string, key ...any) (Row, bool, error) {
	r, err := kv.begin(ctx, table)
	if err != nil {
		return nil, false, err
	}
	defer r.End()
	s := r.Schema()
	// The key is encoded on the stack (a key buffer per Get was one of its allocations).
	var kbuf [32]byte
	k, err := appendKey(kbuf[:0], s, key)
	if err != nil {
		return nil, false, err
	}
	v, found, err := r.Get(k)
	if !found || err != nil {
		return nil, false, err
	}
	row, err := decode(s, k, v)
	if err != nil {
		return nil, false, err
	}
	return row, true, nil
}

// begin enters table for point reads (Tablespace.BeginRead), with this package's ErrNoTable.
func (kv *KV) begin(ctx context.Context, table string) (tablespace.PointRead, error) {
	r, err := kv.reader(table).Begin(ctx)
	if errors.Is(err, tablespace.ErrNoTable) {
		err = fmt.Errorf("%w: %q", ErrNoTable, table)
	}
	return r, err
}

// reader returns the point reader of table, kept in kv.readers while there is room.
func (kv *KV) reader(table string) *tablespace.TableReader {
	var have []*tablespace.TableReader
	p := kv.readers.Load()
	if p != nil {
		have = *p
		for _, r := range have {
			if r.Table() == table {
				return r
			}
		}
	}
	r := kv.ts.TableReader(table)
	if len(have) < maxKVReaders {
		if _, ok := kv.ts.Schema(table); ok { // only tables that exist take a place
			next := append(append(make([]*tablespace.TableReader, 0, len(have)+1), have...), r)
			kv.readers.CompareAndSwap(p, &next) // a lost race just caches less
		}
	}
	return r
}

// read encodes key for table's schema into kbuf (returned for reuse) and calls fn with the
// row's key and value while the schema cannot change (see Tablespace.BeginRead); false when
// there is no such row.
func (kv *KV) read(ctx context.Context, table string, key []any, kbuf []byte, fn func(s *types.Schema, k, v []byte) error) (bool, []byte, error) {
	r, err := kv.begin(ctx, table)
	if err != nil {
		return false, kbuf, err
	}
	defer r.End()
	s := r.Schema()
	k, err := appendKey(kbuf[:0], s, key)
	if err != nil {
		return false, kbuf, err
	}
	v, found, err := r.Get(k)
	if !found || err != nil {
		return false, k, err
	}
	return true, k, fn(s, k, v)
}

// Put inserts row, or replaces the row with its primary key, in a transaction of its own.
func (kv *KV) Put(ctx context.Context, table string, row Row) error {
	return kv.Update(ctx, func(tx *Tx) error { return tx.Put(table, row) })
}

// Delete removes the row whose primary key is key, reporting whether there was one.
func (kv *KV) Delete(ctx context.Context, table string, key ...any) (bool, error) {
	var found bool
	err := kv.Update(ctx, func(tx *Tx) error {
		var err error
		found, err = tx.Delete(table, key...)
		return err
	})
	return found, err
}

// Update runs fn in a transaction and commits it when fn returns nil: every write becomes
// durable together, as one log entry. When fn fails, nothing it wrote happens. As in a SQL
// transaction, a table the transaction has used cannot be altered or dropped until it ends:
// ALTER TABLE and DROP TABLE wait for it (up to their lock timeout).
func (kv *KV) Update(ctx context.Context, fn func(*Tx) error) error {
	tx := &Tx{ctx: ctx, ts: kv.ts, tx: kv.ts.Begin()}
	if err := fn(tx); err != nil {
		tx.tx.Rollback()
		return err
	}
	return tx.tx.Commit(ctx)
}

// View runs fn in a transaction that is rolled back at the end: for reads. Every read in it
// sees one committed state, taken at its first read (tablespace/DESIGN.md, "Snapshots"): two
// Gets never see a commit by halves. Writes still lock and check the latest rows, as in
// Update.
func (kv *KV) View(ctx context.Context, fn func(*Tx) error) error {
	tx := &Tx{ctx: ctx, ts: kv.ts, tx: kv.ts.Begin()}
	defer tx.tx.Rollback() // and with it the snapshot
	tx.tx.PinSnapshot()
	return fn(tx)
}

// Tx is a transaction of the key-value API: it reads committed rows and its own writes, and
// locks the rows it writes until it ends. It is used by one goroutine.
type Tx struct {
	ctx context.Context
	ts  *tablespace.Tablespace
	tx  *tablespace.Txn
}

// Savepoint runs fn as a nested transaction (SQL's SAVEPOINT): when fn returns an error,
// what it wrote is undone, the row locks it took are released and the error is returned, and
// tx goes on as it was before fn; when fn returns nil, its writes stay part of tx.
func (tx *Tx) Savepoint(fn func(*Tx) error) error {
	level, err := tx.tx.Savepoint()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if rerr := tx.tx.RollbackTo(level); rerr != nil {
			return errors.Join(err, rerr)
		}
		return errors.Join(err, tx.tx.Release(level))
	}
	return tx.tx.Release(level)
}

// schema admits the transaction to table (tablespace.Txn.Enter) and returns the schema rows
// are encoded and decoded with: once in, no ALTER or DROP can change it before the
// transaction ends, and the tablespace refuses writes encoded for any other.
func (tx *Tx) schema(table string) (*types.Schema, error) {
	if s := tx.tx.EnteredSchema(table); s != nil {
		return s, nil
	}
	for {
		s, ok := tx.ts.Schema(table)
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrNoTable, table)
		}
		fresh, err := tx.tx.Enter(tx.ctx, table, s)
		if err != nil {
			return nil, err
		}
		if fresh {
			return s, nil
		}
		// The table changed between reading its schema and getting in: read it again.
	}
}

// encodeKey turns Go values into the table's primary-key bytes.
func encodeKey(s *types.Schema, key []any) ([]byte, error) { return appendKey(nil, s, key) }

// appendKey appends the table's primary-key bytes of the Go values key to b.
func appendKey(b []byte, s *types.Schema, key []any) ([]byte, error) {
	if len(key) != len(s.PK) {
		return nil, fmt.Errorf("drove: table %q has a %d-column primary key, got %d values", s.Name, len(s.PK), len(key))
	}
	for i, p := range s.PK {
		c := &s.Columns[p]
		if n, ok := intKey(key[i], c.Type); ok {
			b, _ = types.AppendKeyValue(b, c.Type, types.Value{T: c.Type, I: n})
			continue
		}
		v, err := keyFromGo(key[i], c)
		if err != nil {
			return nil, err
		}
		if b, err = types.AppendKeyValue(b, c.Type, v); err != nil {
			return nil, fmt.Errorf("drove: column %q: %w", c.Name, err)
		}
	}
	return b, nil
}

// intKey is x as a key of integer column type t, when x is a Go int, int64 or int32 in t's
// range: what keyFromGo's general conversion makes of it (sql.Assign's range check fails for
// the others), without it. It was a fifth of a cached Get's time.
func intKey(x any, t types.Type) (int64, bool) {
	var n int64
	switch x := x.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	case int32:
		n = int64(x)
	default:
		return 0, false
	}
	switch t {
	case types.Int64:
		return n, true
	case types.Int32:
		return n, n >= math.MinInt32 && n <= math.MaxInt32
	case types.Int16:
		return n, n >= math.MinInt16 && n <= math.MaxInt16
	}
	return 0, false
}

// Get returns the row whose primary key is key.
func (tx *Tx) Get(table string, key ...any) (Row, bool, error) {
	s, err := tx.schema(table)
	if err != nil {
		return nil, false, err
	}
	k, err := encodeKey(s, key)
	if err != nil {
		return nil, false, err
	}
	v, ok, err := tx.tx.Get(table, k)
	if err != nil || !ok {
		return nil, false, err
	}
	row, err := decode(s, k, v)
	return row, err == nil, err
}

// Put inserts row or replaces the row with its primary key.
func (tx *Tx) Put(table string, row Row) error {
	s, err := tx.schema(table)
	if err != nil {
		return err
	}
	if len(row) != len(s.Columns) {
		return fmt.Errorf("drove: table %q has %d columns, the row %d values", table, len(s.Columns), len(row))
	}
	vals := make([]types.Value, len(row))
	for i, x := range row {
		if vals[i], err = fromGo(x, &s.Columns[i]); err != nil {
			return err
		}
	}
	k, v, err := drovesql.EncodeRow(table, s, vals)
	if err != nil {
		return err
	}
	_, exists, err := tx.tx.GetForUpdate(tx.ctx, table, k)
	if err != nil {
		return err
	}
	if exists {
		return tx.tx.Update(tx.ctx, table, k, v)
	}
	return tx.tx.Insert(tx.ctx, table, k, v)
}

// Delete removes the row whose primary key is key, reporting whether there was one.
func (tx *Tx) Delete(table string, key ...any) (bool, error) {
	s, err := tx.schema(table)
	if err != nil {
		return false, err
	}
	k, err := encodeKey(s, key)
	if err != nil {
		return false, err
	}
	_, exists, err := tx.tx.GetForUpdate(tx.ctx, table, k)
	if err != nil || !exists {
		return false, err
	}
	return true, tx.tx.Delete(tx.ctx, table, k)
}

// Scan calls fn for every row of table, in no particular order (the primary-key index is a
// hash map). fn returning an error stops the scan with that error. The rows are one committed
// state (and the transaction's own writes), as a SQL statement's are: in a View, the View's.
func (tx *Tx) Scan(table string, fn func(Row) error) error {
	s, err := tx.schema(table)
	if err != nil {
		return err
	}
	// A commit is applied a table at a time, a run of its rows at a time: without a snapshot
	// a scan between two runs of one table saw part of it.
	tx.tx.PinSnapshot()
	defer tx.tx.UnpinSnapshot()
	return tx.tx.Scan(table, func(k, v []byte) error {
		row, err := decode(s, k, v)
		if err != nil {
			return err
		}
		return fn(row)
	})
}

// fromGo converts a Go value to a value of column c, with an INSERT's checks. It does not
// keep x (no %T of it either), so a value boxed for a call does not have to live on the heap.
func fromGo(x any, c *types.Column) (types.Value, error) {
	var v types.Value
	switch x := x.(type) {
	case nil:
		return types.NullValue, nil
	case int:
		v = types.NewInt(types.Int64, int64(x))
	case int8:
		v = types.NewInt(types.Int64, int64(x))
	case int16:
		v = types.NewInt(types.Int64, int64(x))
	case int32:
		v = types.NewInt(types.Int64, int64(x))
	case int64:
		v = types.NewInt(types.Int64, x)
	case uint8:
		v = types.NewInt(types.Int64, int64(x))
	case uint16:
		v = types.NewInt(types.Int64, int64(x))
	case uint32:
		v = types.NewInt(types.Int64, int64(x))
	case uint64:
		if x > math.MaxInt64 {
			return types.Value{}, drovesql.Errorf("22003", "drove: column %q: %d is out of range", c.Name, x)
		}
		v = types.NewInt(types.Int64, int64(x))
	case float32:
		v = types.NewFloat(types.Float64, float64(x))
	case float64:
		v = types.NewFloat(types.Float64, x)
	case bool:
		v = types.NewBool(x)
	case string:
		switch c.Type {
		case types.Timestamp, types.Date, types.Timestamptz, types.Interval, types.Time, types.TimeTZ:
			return drovesql.ParseText(x, c.Type) // "infinity", as Get returns it, and any input text
		}
		v = types.NewText(x)
	case []byte:
		v = types.NewBytea(x)
	case time.Time:
		var err error
		if v, err = timestamp(x); err != nil {
			return types.Value{}, fmt.Errorf("drove: column %q: %w", c.Name, err)
		}
	default:
		return types.Value{}, fmt.Errorf("drove: column %q: cannot store a %s", c.Name, reflect.TypeOf(x))
	}
	if c.Type == types.Bytea && v.T == types.Text {
		v.T = types.Bytea // a string for a bytea column is its bytes
	}
	return drovesql.Assign(v, c)
}
