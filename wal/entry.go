package wal

// Kind says what a log entry does. Values are persisted: never renumber them.
type Kind uint8

const (
	KindNoop        Kind = 1 // does nothing; used to confirm leadership and to test the log
	KindCreateTable Kind = 2 // Schema holds types.MarshalSchema output
	KindDropTable   Kind = 3 // Table names the table
	KindTxn         Kind = 4 // Mutations hold the committed row images of one transaction
	// KindAlterTable rewrites table Table to Schema (which may rename it): column i of the new
	// schema takes its values from old column Sources[i], or where that is -1 from the
	// entry's fill rows (Mutations: Key an old row's primary key, Value the values of the
	// columns without a source, encoded as a row of the new columns without a key; a single
	// fill row with an empty Key holds them for every row), NULL without fill rows.
	KindAlterTable Kind = 5
	// A transaction too large for one entry commits as KindTxnChunk entries (TxID and part of
	// its Mutations, held back by the state machine) and then KindTxnCommit (TxID alone), which
	// applies them all at once; KindTxnAbort (TxID) drops them.
	KindTxnChunk  Kind = 6
	KindTxnCommit Kind = 7
	KindTxnAbort  Kind = 8
)

// Op is what a mutation does to one row. Values are persisted: never renumber them.
type Op uint8

const (
	OpInsert Op = 1
	OpUpdate Op = 2
	OpDelete Op = 3 // Value is empty
	// OpTruncate empties table Table (Key and Value are empty): its rows, and the table's
	// earlier mutations in the same entry, are gone; later ones apply to the empty table.
	// Entries holding one are written as format version 2.
	OpTruncate Op = 4
)

// HasValue says whether a mutation with op carries a row image.
func (op Op) HasValue() bool { return op == OpInsert || op == OpUpdate }

// Mutation is one row image of a committed transaction: the encoded primary key and, for
// inserts and updates, the encoded row (types.AppendRow) as it is after the change.
type Mutation struct {
	Op    Op
	Table string
	Key   []byte
	Value []byte
}

// Entry is one Raft log entry of a tablespace. Only the fields of its Kind are set.
type Entry struct {
	Kind      Kind
	TxID      uint64     // KindTxn: the leader-assigned transaction id, for diagnostics
	Table     string     // KindDropTable, KindAlterTable
	Schema    []byte     // KindCreateTable, KindAlterTable
	Sources   []int      // KindAlterTable
	Mutations []Mutation // KindTxn, KindTxnChunk; KindAlterTable's fill rows (OpUpdate)
}
