package tablespace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/drovedb/drove/types"
)

// Sequences are replicated state like tables: each is a row of a hidden table of the
// tablespace (sequenceTable), so its definition and its durable high-water mark go through
// the log, checkpoints, snapshot installs and backups as rows do, and no entry or manifest
// format had to change. The name starts with a NUL byte, which no SQL text can spell, and
// Tables() does not list it.
//
// A sequence's row holds its definition and (last, called): PostgreSQL's last_value and
// is_called as they would be once every value this tablespace reserved had been handed out.
// A leader hands values out of a block it reserved by committing the block's last value
// (sequence_cache.go), so a value handed out is always at or below a durable mark, and
// after a restart or on a new leader counting resumes above it: values never repeat, and a
// crash or failover leaves a gap, as in PostgreSQL.

const sequenceTable = "\x00sequences"

func isInternalTable(name string) bool { return strings.HasPrefix(name, "\x00") }

func newSequenceSchema() *types.Schema {
	return &types.Schema{Name: sequenceTable, Columns: []types.Column{
		{Name: "name", Type: types.Text, NotNull: true},
		{Name: "def", Type: types.Text, NotNull: true},
		{Name: "last", Type: types.Int64, NotNull: true},
		{Name: "called", Type: types.Bool, NotNull: true},
	}, PK: []int{0}}
}

// Errors of the sequence API.
var (
	ErrNoSequence     = errors.New("sequence does not exist") // 42P01
	ErrSequenceExists = errors.New("sequence already exists") // 42P07
)

// SequenceLimitError is nextval past the end of a sequence without CYCLE (2200H).
type SequenceLimitError struct {
	Name  string
	Max   bool // the maximum (else the minimum) was reached
	Bound int64
}

func (e *SequenceLimitError) Error() string {
	which := "minimum"
	if e.Max {
		which = "maximum"
	}
	return fmt.Sprintf("nextval: reached %s value of sequence %q (%d)", which, e.Name, e.Bound)
}

// Sequence is a sequence's definition. Callers validate it (the SQL layer knows
// PostgreSQL's rules and messages); the tablespace relies on Min <= Start <= Max,
// Increment != 0 and Cache >= 1.
type Sequence struct {
	Name      string     `json:"-"`
	Type      types.Type `json:"type"`
	Increment int64      `json:"increment"`
	Min       int64      `json:"min"`
	Max       int64      `json:"max"`
	Start     int64      `json:"start"`
	Cache     int64      `json:"cache"`
	Cycle     bool       `json:"cycle,omitempty"`
	// OwnedTable and OwnedColumn: the column the sequence belongs to (a serial column's);
	// dropping the table drops it.
	OwnedTable  string `json:"owned_table,omitempty"`
	OwnedColumn string `json:"owned_column,omitempty"`
}

// SequenceState is a sequence with its state as this replica sees it: durable (Last,
// Called) or, on the leader handing values out of a block, the last value handed out and
// LogCount, how many more the block holds (PostgreSQL's log_cnt).
type SequenceState struct {
	Sequence
	Last     int64
	Called   bool
	LogCount int64
}

// seqRow is one row of the sequence table.
type seqRow struct {
	def    Sequence
	last   int64
	called bool
}

func encodeSeqRow(s *types.Schema, r *seqRow) (key, value []byte, err error) {
	def, err := json.Marshal(&r.def)
	if err != nil {
		return nil, nil, err
	}
	row := []types.Value{types.NewText(r.def.Name), types.NewText(string(def)),
		types.NewInt(types.Int64, r.last), types.NewBool(r.called)}
	if key, err = types.AppendKey(nil, s, row); err != nil {
		return nil, nil, err
	}
	return key, types.AppendRow(nil, s, row), nil
}

func decodeSeqRow(s *types.Schema, key, value []byte) (*seqRow, error) {
	row := make([]types.Value, len(s.Columns))
	if err := types.DecodeRow(s, key, value, row); err != nil {
		return nil, err
	}
	r := &seqRow{last: row[2].I, called: row[3].Bool()}
	if err := json.Unmarshal([]byte(row[1].S), &r.def); err != nil {
		return nil, fmt.Errorf("tablespace: corrupt sequence %q: %w", row[0].S, err)
	}
	r.def.Name = row[0].S
	return r, nil
}

func seqKey(s *types.Schema, name string) ([]byte, error) {
	return types.AppendKey(nil, s, []types.Value{types.NewText(name)})
}

// sequenceSchema returns the sequence table's schema, creating the table (one log entry,
// once per tablespace) when create is set.
func (ts *Tablespace) sequenceSchema(ctx context.Context, create bool) (*types.Schema, error) {
	if s, ok := ts.Schema(sequenceTable); ok || !create {
		if !ok {
			return nil, nil
		}
		return s, nil
	}
	if err := ts.CreateTable(ctx, newSequenceSchema()); err != nil && !errors.Is(err, ErrTableExists) {
		return nil, err
	}
	s, _ := ts.Schema(sequenceTable)
	return s, nil
}

// CreateSequence creates a sequence; ErrSequenceExists if one has that name. Its first
// value is def.Start.
func (ts *Tablespace) CreateSequence(ctx context.Context, def Sequence) error {
	if err := ts.writable(); err != nil {
		return err
	}
	s, err := ts.sequenceSchema(ctx, true)
	if err != nil {
		return err
	}
	key, value, err := encodeSeqRow(s, &seqRow{def: def, last: def.Start})
	if err != nil {
		return err
	}
	c := ts.seqCache(def.Name)
	c.mu.Lock()
	defer c.mu.Unlock()
	err = ts.seqTxn(ctx, s, func(tx *Txn) error { return tx.Insert(ctx, sequenceTable, key, value) })
	if errors.Is(err, ErrDuplicateKey) {
		return fmt.Errorf("%w: %q", ErrSequenceExists, def.Name)
	}
	c.reset()
	return err
}

// seqTxn runs fn in a transaction of its own, entered into the sequence table, and commits
// it: sequence changes are not part of any caller's transaction (nextval is not undone by
// a rollback, as in PostgreSQL).
func (ts *Tablespace) seqTxn(ctx context.Context, s *types.Schema, fn func(tx *Txn) error) error {
	tx := ts.Begin()
	defer tx.Rollback()
	ok, err := tx.Enter(ctx, sequenceTable, s)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: the sequence table changed", ErrNotEntered)
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// sequenceRowKey is the schema of the sequences' table and the key of name's row, for a
// change of it: ErrNoSequence if there is no such sequence table.
func (ts *Tablespace) sequenceRowKey(ctx context.Context, name string) (*types.Schema, []byte, error) {
	if err := ts.writable(); err != nil {
		return nil, nil, err
	}
	s, err := ts.sequenceSchema(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	if s == nil {
		return nil, nil, fmt.Errorf("%w: %q", ErrNoSequence, name)
	}
	key, err := seqKey(s, name)
	return s, key, err
}

// updateSequence locks name's row in a transaction of its own, lets fn change it, and
// commits. The caller holds the sequence's cache lock.
func (ts *Tablespace) updateSequence(ctx context.Context, name string, fn func(r *seqRow) error) error {
	s, key, err := ts.sequenceRowKey(ctx, name)
	if err != nil {
		return err
	}
	return ts.seqTxn(ctx, s, func(tx *Txn) error {
		value, ok, err := tx.GetForUpdate(ctx, sequenceTable, key)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: %q", ErrNoSequence, name)
		}
		r, err := decodeSeqRow(s, key, value)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
		_, value, err = encodeSeqRow(s, r)
		if err != nil {
			return err
		}
		return tx.Update(ctx, sequenceTable, key, value)
	})
}

// AlterSequence changes a sequence's definition and state: fn gets them under the row's
// lock and may change both. The values of the block this node reserved are forgotten, so
// the next value follows the state fn left (RESTART and setval rely on it).
func (ts *Tablespace) AlterSequence(ctx context.Context, name string, fn func(def *Sequence, last *int64, called *bool) error) error {
	c := ts.seqCache(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	usable, handed, mark := c.usable(ts), c.handed, c.blockLast
	valid, size := c.valid, c.size
	c.reset()
	refused := false
	err := ts.updateSequence(ctx, name, func(r *seqRow) error {
		if usable && r.last == mark {
			// The rest of this leader's block was never handed out (only it hands values
			// out of it, in this term): give it back, so an ALTER continues from the last
			// value returned, as in PostgreSQL.
			r.last, r.called = handed, true
		}
		err := fn(&r.def, &r.last, &r.called)
		refused = err != nil
		return err
	})
	if refused {
		// fn refused the change before anything was written: the row still holds this
		// leader's mark, so the block stays usable (a failed ALTER or setval leaves no gap).
		c.valid, c.size = valid, size
	}
	return err
}

// DropSequence drops a sequence; ErrNoSequence if there is none.
func (ts *Tablespace) DropSequence(ctx context.Context, name string) error {
	s, key, err := ts.sequenceRowKey(ctx, name)
	if err != nil {
		return err
	}
	c := ts.seqCache(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset()
	err = ts.seqTxn(ctx, s, func(tx *Txn) error { return tx.Delete(ctx, sequenceTable, key) })
	if errors.Is(err, ErrNoRow) {
		return fmt.Errorf("%w: %q", ErrNoSequence, name)
	}
	if err != nil {
		return err
	}
	return ts.DropCommentsIn(ctx, nil, name)
}

// dropOwnedSequences drops the sequences owned by a column of table (which was dropped).
func (ts *Tablespace) dropOwnedSequences(ctx context.Context, table string) error {
	seqs, err := ts.Sequences()
	if err != nil {
		return err
	}
	for _, sq := range seqs {
		if sq.OwnedTable != table {
			continue
		}
		if err := ts.DropSequence(ctx, sq.Name); err != nil && !errors.Is(err, ErrNoSequence) {
			return err
		}
	}
	return nil
}

// Sequences lists every sequence with its state, sorted by name.
func (ts *Tablespace) Sequences() ([]SequenceState, error) {
	s, ok := ts.Schema(sequenceTable)
	if !ok {
		return nil, nil
	}
	tx := ts.Begin()
	defer tx.Rollback()
	var out []SequenceState
	err := tx.Scan(sequenceTable, func(key, value []byte) error {
		r, err := decodeSeqRow(s, key, value)
		if err != nil {
			return err
		}
		out = append(out, ts.sequenceState(r))
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// SequenceByName returns one sequence and its state; ok is false if there is none.
func (ts *Tablespace) SequenceByName(name string) (st SequenceState, ok bool, err error) {
	s, exists := ts.Schema(sequenceTable)
	if !exists {
		return st, false, nil
	}
	key, err := seqKey(s, name)
	if err != nil {
		return st, false, err
	}
	// The latest applied state, as Schema reads a table's: a catalog lookup.
	t := ts.fsm.table(sequenceTable)
	if t == nil {
		return st, false, nil
	}
	value, ok, err := ts.fsm.get(t, key)
	if err != nil || !ok {
		return st, false, err
	}
	r, err := decodeSeqRow(s, key, value)
	if err != nil {
		return st, false, err
	}
	return ts.sequenceState(r), true, nil
}

// sequenceState is r's state, or the state of the block this leader hands values out of.
func (ts *Tablespace) sequenceState(r *seqRow) SequenceState {
	st := SequenceState{Sequence: r.def, Last: r.last, Called: r.called}
	if v, ok := ts.seqs.Load(r.def.Name); ok {
		c := v.(*seqCache)
		c.mu.Lock()
		if c.usable(ts) && c.blockLast == r.last {
			st.Last, st.Called, st.LogCount = c.handed, true, c.left()
		}
		c.mu.Unlock()
	}
	return st
}
