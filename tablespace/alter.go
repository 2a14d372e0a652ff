package tablespace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// Schema changes and the transactions that use a table exclude each other through the table's
// gate, as PostgreSQL's ACCESS EXCLUSIVE lock excludes every other lock on a relation: a
// transaction enters the gates of the tables it reads or writes (Txn.Enter) and leaves at its
// end; ALTER TABLE and DROP TABLE wait until no transaction is inside, keep new ones out, and
// only then append their log entry. So no transaction can commit rows encoded for a schema
// that has changed under it.

// ErrNotNullKey says an ALTER TABLE would give a row a NULL primary key.
var ErrNotNullKey = errors.New("primary key column contains NULL values")

// AlterError is the apply-time verdict on an ALTER TABLE whose rows do not fit the new schema.
type AlterError struct {
	Table string
	Index string // the unique index two rows collide in; "" for the primary key
	Err   error  // ErrDuplicateKey or ErrNotNullKey
	Row   []types.Value
}

func (e *AlterError) Error() string { return fmt.Sprintf("altering %q: %v", e.Table, e.Err) }
func (e *AlterError) Unwrap() error { return e.Err }

// A gate's state is one atomic word: the number of transactions inside, and a bit that a
// schema change (or a TRUNCATE) holds it or waits for it. Entering an open gate and leaving
// one nobody waits for are one atomic operation each, without the mutex: every statement
// enters the gates of its tables, and a mutex there was most of the lock waiting of point
// SELECTs from several goroutines. The mutex orders the slow paths: the bit is set and
// cleared only under it, so an entrant that holds it and sees the bit clear can count itself
// in, and a leaver that sees the bit signals under it.
const gateAltering = int64(1) << 62

type tableGate struct {
	mu    sync.Mutex
	state atomic.Int64 // transactions inside, plus gateAltering while a schema change holds or waits
	// holder is the id of the transaction whose TRUNCATE holds the gate until it ends (0:
	// none). That may take long, so entering waits for it no longer than the lock timeout.
	holder atomic.Uint64
	// locker is the id of the transaction whose LOCK ... ACCESS EXCLUSIVE holds the gate
	// closed until it ends (lock.go; 0: none). Unlike holder it empties nothing for it.
	locker atomic.Uint64
	// rows counts the ROW SHARE and ROW EXCLUSIVE holders, strong lists the holders of and
	// waiters for the modes between (lockmode.go; strong under mu).
	rows    atomic.Int64
	strong  []strongLock
	changed chan struct{}               // closed and replaced (under mu) when the gate changes
	table   atomic.Pointer[cachedTable] // the table point reads found last (fsm.tableAt)
}

func (ts *Tablespace) gate(table string) *tableGate {
	if g, ok := ts.gates.Load(table); ok {
		return g.(*tableGate)
	}
	g, _ := ts.gates.LoadOrStore(table, &tableGate{changed: make(chan struct{})})
	return g.(*tableGate)
}

// signal wakes every waiter. Caller holds mu.
func (g *tableGate) signal() {
	close(g.changed)
	g.changed = make(chan struct{})
}

func (g *tableGate) altering() bool { return g.state.Load()&gateAltering != 0 }

func (g *tableGate) enter(ctx context.Context, timeout time.Duration) error {
	if s := g.state.Load(); s&gateAltering == 0 && g.state.CompareAndSwap(s, s+1) {
		return nil
	}
	var expired <-chan time.Time
	g.mu.Lock()
	for g.altering() {
		if (g.holder.Load() != 0 || g.locker.Load() != 0) && expired == nil {
			timer := time.NewTimer(timeout)
			defer timer.Stop()
			expired = timer.C
		}
		ch := g.changed
		g.mu.Unlock()
		select {
		case <-ch:
		case <-expired:
			return ErrLockTimeout
		case <-ctx.Done():
			return ctx.Err()
		}
		g.mu.Lock()
	}
	g.state.Add(1) // the bit is clear and only set under mu
	g.mu.Unlock()
	return nil
}

// leave counts a transaction out; when a schema change waits, it wakes it. A leaver whose
// decrement precedes the bit is seen by close's count, which it reads after setting the bit.
func (g *tableGate) leave() {
	if g.state.Add(-1)&gateAltering != 0 {
		g.mu.Lock()
		g.signal()
		g.mu.Unlock()
	}
}

// close waits until at most own transactions are inside (the caller's own: 1 when a
// transaction that entered closes it for its TRUNCATE) and keeps new ones out until open.
func (g *tableGate) close(ctx context.Context, timeout time.Duration, own int) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	wait := func(ch chan struct{}) error {
		select {
		case <-ch:
			return nil
		case <-timer.C:
			return ErrLockTimeout
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	g.mu.Lock()
	for g.altering() { // another schema change first
		ch := g.changed
		g.mu.Unlock()
		if err := wait(ch); err != nil {
			return err
		}
		g.mu.Lock()
	}
	g.state.Add(gateAltering)
	for g.state.Load()&^gateAltering > int64(own) {
		ch := g.changed
		g.mu.Unlock()
		if err := wait(ch); err != nil {
			g.mu.Lock()
			g.state.Add(-gateAltering)
			g.signal()
			g.mu.Unlock()
			return err
		}
		g.mu.Lock()
	}
	g.mu.Unlock()
	return nil
}

func (g *tableGate) open() {
	g.mu.Lock()
	if g.altering() {
		g.state.Add(-gateAltering)
	}
	g.holder.Store(0)
	g.locker.Store(0)
	g.signal()
	g.mu.Unlock()
}

// Enter admits the transaction to table, waiting while a schema change holds it, and checks
// that the table's schema is still want, the one the caller bound its statement (and encodes
// its rows) to: false means it changed, and the caller must bind again. The transaction stays
// admitted until it ends. Writes to a table are refused (ErrNotEntered) until an Enter with
// its current schema returned true, so no caller can commit rows encoded for a schema that
// changed before it got in.
func (tx *Txn) Enter(ctx context.Context, table string, want *types.Schema) (bool, error) {
	i := tx.entered(table)
	if i < 0 {
		g := tx.ts.gate(table)
		if err := g.enter(ctx, tx.timeout()); err != nil {
			return false, err
		}
		if tx.gates == nil {
			tx.gates = tx.gateBuf[:0] // most statements use one or two tables
		}
		i = len(tx.gates)
		tx.gates = append(tx.gates, enteredGate{table: table, g: g})
	}
	cur, ok := tx.ts.Schema(table)
	if !ok || cur != want {
		return false, nil
	}
	tx.gates[i].schema = want
	return true, nil
}

// Entered reports whether the transaction has entered table.
func (tx *Txn) Entered(table string) bool { return tx.entered(table) >= 0 }

// EnteredSchema is the schema an Enter of table confirmed, nil if none did. It cannot change
// before the transaction ends.
func (tx *Txn) EnteredSchema(table string) *types.Schema {
	if i := tx.entered(table); i >= 0 {
		return tx.gates[i].schema
	}
	return nil
}

func (tx *Txn) entered(table string) int {
	for i := range tx.gates {
		if tx.gates[i].table == table {
			return i
		}
	}
	return -1
}

// admitted checks that the transaction entered t with its current schema: inside the gate no
// schema change can happen, so rows the caller encoded for that schema still fit it.
func (tx *Txn) admitted(name string, t *table) error {
	for i := range tx.gates {
		if g := &tx.gates[i]; g.table == name {
			if g.schema != nil && g.schema == t.schema {
				return nil
			}
			break
		}
	}
	return fmt.Errorf("%w: %q", ErrNotEntered, name)
}

type enteredGate struct {
	table  string
	g      *tableGate
	schema *types.Schema // the schema Enter confirmed; nil until one did
	modes  uint16        // the lock modes held beside entering (lockmode.go), as modeBit
}

// AlterTable rewrites table to schema s (which may carry a new name): column i of s takes its
// values from column sources[i] of the current schema, or is NULL where sources[i] is -1. It
// waits up to the lock timeout for transactions using the table to end. Rows that do not fit
// the new primary key fail it with an *AlterError, leaving the table as it was.
func (ts *Tablespace) AlterTable(ctx context.Context, table string, s *types.Schema, sources []int) error {
	return ts.AlterTableIf(ctx, table, s, sources, nil)
}

// AlterTableIf is AlterTable with a condition on the table's rows: cond (unless nil) runs once
// no transaction uses the table and none can start, just before the entry is appended, and an
// error from it refuses the change. Every write to the table has been applied by then and no
// other can come, so what cond reads is what the change applies to. (ADD COLUMN ... NOT NULL
// needs an empty table: checked before the gate closed, a row committed in between got a
// NULL in it.)
func (ts *Tablespace) AlterTableIf(ctx context.Context, table string, s *types.Schema, sources []int, cond func() error) error {
	return ts.AlterTableFill(ctx, table, s, sources, func() (*AlterFill, error) {
		if cond == nil {
			return nil, nil
		}
		return nil, cond()
	})
}

// AlterTableFill is AlterTableIf whose condition also gives the columns without a source
// their values (nil: NULL): fill runs with the gate closed, so the rows it reads are the rows
// the change applies to. The values travel in the log entry, so every replica, and a replay
// after a restart, gives each row the same ones (a DEFAULT random() or nextval() evaluated
// once, by the leader).
func (ts *Tablespace) AlterTableFill(ctx context.Context, table string, s *types.Schema, sources []int, fill func() (*AlterFill, error)) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if len(sources) != len(s.Columns) {
		return fmt.Errorf("tablespace: %d column sources for %d columns", len(sources), len(s.Columns))
	}
	return ts.closingGate(ctx, table, func() error {
		if ts.fsm.table(table) == nil {
			return fmt.Errorf("%w: %q", ErrNoTable, table)
		}
		if s.Name != table && ts.fsm.table(s.Name) != nil {
			return fmt.Errorf("%w: %q", ErrTableExists, s.Name)
		}
		e := &wal.Entry{Kind: wal.KindAlterTable, Table: table, Schema: types.MarshalSchema(s), Sources: sources}
		if fill != nil {
			f, err := fill()
			if err != nil {
				return err
			}
			if f != nil {
				e.Mutations = f.rows
			}
		}
		if size := wal.EncodedSize(e); size > ts.opts.MaxEntryBytes {
			return fmt.Errorf("%w: the rewrite of %q takes %d bytes", ErrAlterTooLarge, table, size)
		}
		return ts.propose(ctx, e)
	})
}

// ErrAlterTooLarge says an ALTER TABLE's values for its rows do not fit in one log entry
// (MaxEntryBytes): a rewrite is not split into chunks yet.
var ErrAlterTooLarge = errors.New("ALTER TABLE rewrite too large for one log entry")

// AlterFill holds the values an ALTER TABLE gives the new schema's columns that have no
// source column: one set for every row (All), or one per row, by the row's primary key as
// the table's scan gives it (Row).
type AlterFill struct {
	s     *types.Schema
	rows  []wal.Mutation
	size  int
	limit int
}

// NewAlterFill starts the values of an ALTER TABLE to schema s.
func (ts *Tablespace) NewAlterFill(s *types.Schema) *AlterFill {
	return &AlterFill{s: fillSchema(s), limit: ts.opts.MaxEntryBytes}
}

// All gives every row the values of vals (a row of the new schema; only the columns without
// a source are read).
func (f *AlterFill) All(vals []types.Value) {
	f.rows = []wal.Mutation{{Op: wal.OpUpdate, Value: types.AppendRow(nil, f.s, vals)}}
}

// Row gives the row whose encoded primary key is key the values of vals. It fails with
// ErrAlterTooLarge once the values pass what one log entry may hold.
func (f *AlterFill) Row(key []byte, vals []types.Value) error {
	m := wal.Mutation{Op: wal.OpUpdate, Key: slices.Clone(key), Value: types.AppendRow(nil, f.s, vals)}
	if f.size += len(m.Key) + len(m.Value) + 4; f.size > f.limit {
		return fmt.Errorf("%w: the rewrite of %q takes more than %d bytes", ErrAlterTooLarge, f.s.Name, f.limit)
	}
	f.rows = append(f.rows, m)
	return nil
}

// fillSchema encodes a fill row: every column of s, none in a key.
func fillSchema(s *types.Schema) *types.Schema {
	return &types.Schema{Name: s.Name, Columns: s.Columns}
}

type lockTimeoutKey struct{}

// WithLockTimeout bounds the waits of the schema changes run with the returned context (the
// session's lock_timeout); without, they wait up to the tablespace's LockTimeout.
func WithLockTimeout(ctx context.Context, d time.Duration) context.Context {
	if d <= 0 {
		return ctx
	}
	return context.WithValue(ctx, lockTimeoutKey{}, d)
}

// closingGate runs fn with table's gate closed.
func (ts *Tablespace) closingGate(ctx context.Context, table string, fn func() error) error {
	timeout := ts.opts.LockTimeout
	if d, ok := ctx.Value(lockTimeoutKey{}).(time.Duration); ok {
		timeout = d
	}
	g := ts.gate(table)
	if err := g.close(ctx, timeout, 0); err != nil {
		return err
	}
	defer g.open()
	return fn()
}

// applyAlter rewrites a table into a new one and swaps it in: all or nothing, the same on
// every replica.
func (f *fsm) applyAlter(e *wal.Entry) error {
	s, err := types.UnmarshalSchema(e.Schema)
	if err != nil {
		return err
	}
	old := f.table(e.Table)
	if old == nil {
		return fmt.Errorf("%w: %q", ErrNoTable, e.Table)
	}
	if s.Name != e.Table && f.table(s.Name) != nil {
		return fmt.Errorf("%w: %q", ErrTableExists, s.Name)
	}
	if len(e.Sources) != len(s.Columns) {
		return fmt.Errorf("tablespace: alter of %q: %d sources for %d columns", e.Table, len(e.Sources), len(s.Columns))
	}
	for _, src := range e.Sources {
		if src >= len(old.schema.Columns) {
			return fmt.Errorf("tablespace: alter of %q: source column %d out of range", e.Table, src)
		}
	}
	fill, err := newFiller(s, e.Mutations)
	if err != nil {
		return err
	}
	nt := newTable(s, old.store)
	oldRow := make([]types.Value, len(old.schema.Columns))
	newRow := make([]types.Value, len(s.Columns))
	err = f.scan(old, func(key, value []byte) error {
		if err := types.DecodeRow(old.schema, key, value, oldRow); err != nil {
			return err
		}
		filled, err := fill.values(key)
		if err != nil {
			return fmt.Errorf("tablespace: alter of %q: %w", e.Table, err)
		}
		for i, src := range e.Sources {
			switch {
			case src >= 0:
				newRow[i] = oldRow[src]
			case filled != nil:
				newRow[i] = filled[i]
			default:
				newRow[i] = types.Value{T: s.Columns[i].Type, Null: true}
			}
		}
		k, err := types.AppendKey(nil, s, newRow)
		if err != nil {
			return &AlterError{Table: e.Table, Err: ErrNotNullKey, Row: append([]types.Value(nil), newRow...)}
		}
		if _, dup := nt.pk.get(k); dup {
			return &AlterError{Table: e.Table, Err: ErrDuplicateKey, Row: append([]types.Value(nil), newRow...)}
		}
		nt.put(k, types.AppendRow(nil, s, newRow))
		return nil
	})
	if err != nil {
		return err
	}
	if err := f.buildIndexes(nt); err != nil {
		return err
	}
	f.mu.Lock()
	delete(f.tables, e.Table)
	f.tables[s.Name] = nt
	f.tablesChanged()
	f.mu.Unlock()
	return nil
}

// filler decodes an ALTER TABLE entry's fill rows as apply asks for them.
type filler struct {
	s     *types.Schema
	all   []types.Value     // the values of every row, when the entry has one fill row for all
	byKey map[string][]byte // else each row's encoded values by its primary key
	row   []types.Value
}

func newFiller(s *types.Schema, rows []wal.Mutation) (*filler, error) {
	f := &filler{s: fillSchema(s)}
	switch {
	case len(rows) == 0:
		return f, nil
	case len(rows) == 1 && len(rows[0].Key) == 0:
		f.all = make([]types.Value, len(s.Columns))
		if err := types.DecodeValue(f.s, rows[0].Value, f.all); err != nil {
			return nil, err
		}
		return f, nil
	}
	f.byKey = make(map[string][]byte, len(rows))
	for _, m := range rows {
		f.byKey[string(m.Key)] = m.Value
	}
	f.row = make([]types.Value, len(s.Columns))
	return f, nil
}

// values are the fill values of the row whose key is key; nil when the entry has none. A
// row the entry has no values for fails the change, the same on every replica.
func (f *filler) values(key []byte) ([]types.Value, error) {
	if f.byKey == nil {
		return f.all, nil
	}
	b, ok := f.byKey[string(key)]
	if !ok {
		return nil, errors.New("no values for a row")
	}
	if err := types.DecodeValue(f.s, b, f.row); err != nil {
		return nil, err
	}
	return f.row, nil
}
