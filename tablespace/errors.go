package tablespace

import "errors"

// Errors callers map to SQLSTATEs. Wrapped errors keep these identities (use errors.Is).
var (
	ErrNoTable      = errors.New("table does not exist")                           // 42P01
	ErrTableExists  = errors.New("table already exists")                           // 42P07
	ErrDuplicateKey = errors.New("duplicate key value violates unique constraint") // 23505
	ErrNoRow        = errors.New("row does not exist")                             // internal: update/delete of a missing key
	ErrLockTimeout  = errors.New("lock wait timeout")                              // 55P03
	ErrTxnDone      = errors.New("transaction already committed or rolled back")
	ErrClosed       = errors.New("tablespace is closed") // 57P01
	ErrNotLeader    = errors.New("this replica is not the tablespace leader")
)
