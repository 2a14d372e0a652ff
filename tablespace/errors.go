package tablespace

import (
	"errors"
	"fmt"

	"github.com/drovedb/drove/internal/raftlog"
)

// Errors callers map to SQLSTATEs. Wrapped errors keep these identities (use errors.Is).
var (
	ErrNoTable      = errors.New("table does not exist")                           // 42P01
	ErrTableExists  = errors.New("table already exists")                           // 42P07
	ErrDuplicateKey = errors.New("duplicate key value violates unique constraint") // 23505
	ErrNoRow        = errors.New("row does not exist")                             // internal: update/delete of a missing key
	ErrLockTimeout  = errors.New("lock wait timeout")                              // 55P03
	ErrDeadlock     = errors.New("deadlock detected")                              // 40P01
	// ErrLockNotAvailable: GetForUpdateNoWait found the row locked by another transaction, or
	// LockShared/LockExclusive with nowait the table's lock (lock.go) not free.
	ErrLockNotAvailable = errors.New("row is locked by another transaction") // 55P03
	// ErrSerialization: a REPEATABLE READ transaction wrote a row committed after its snapshot.
	ErrSerialization = errors.New("could not serialize access due to concurrent update") // 40001
	// ErrSnapshotTaken: the isolation level changed after the transaction's first statement.
	ErrSnapshotTaken = errors.New("the transaction has already read") // 25001
	ErrTxnDone       = errors.New("transaction already committed or rolled back")
	// ErrNoSavepoint: RollbackTo or Release of a savepoint level that is not live (3B001).
	ErrNoSavepoint = errors.New("savepoint does not exist")
	ErrClosed      = errors.New("tablespace is closed") // 57P01
	// ErrNotLeader: a write on a replica that does not lead the group (or no longer leads it
	// in the term the transaction began its writes); nothing of it was applied.
	ErrNotLeader = errors.New("this replica is not the tablespace leader")
	// ErrOutcomeUnknown: the commit's entry reached the leader's log, then the leader lost
	// the lead before it was committed; a new leader may or may not commit it (08007).
	ErrOutcomeUnknown = errors.New("leadership lost while committing: the transaction's outcome is unknown")
	// ErrDiskFull: the log cannot be appended to for lack of space (53100). Reads go on, and
	// writes resume by themselves once space is freed. It is the log's own sentinel, so
	// errors of every Raft log on the node (the metadata group's too) match it.
	ErrDiskFull = raftlog.ErrDiskFull
	// ErrNotEntered: a write to a table the transaction has not entered (Txn.Enter) with the
	// table's current schema. The rows may have been encoded for a schema that changed, so
	// they are refused; the caller must enter (and encode) again.
	// ErrTxnMemory: the transaction's writes passed Options.MaxTxnMemory (53200); it can
	// only roll back.
	ErrTxnMemory  = errors.New("transaction write set exceeds the memory limit")
	ErrNotEntered = errors.New("transaction has not entered the table with its current schema")
)

// DuplicateKeyError is the apply-time verdict on a transaction that inserted a key which
// existed by the time its log entry was applied (possible only for Txn.Load's unlocked
// inserts). Index is the position of the offending row among the transaction's writes.
type DuplicateKeyError struct {
	Table string
	Key   []byte
	Index int
}

func (e *DuplicateKeyError) Error() string {
	return fmt.Sprintf("%v: table %q, row %d of the transaction", ErrDuplicateKey, e.Table, e.Index)
}

func (e *DuplicateKeyError) Unwrap() error { return ErrDuplicateKey }
