package lincheck

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// SQLStore is a Store over SQL: the registers are the rows of table (k int primary key,
// v bigint). It is as safe for concurrent use as its *sql.DB (that is, safe).
type SQLStore struct {
	DB    *sql.DB
	Table string // default "lin"
	Name  string // optional, for logs (the node it talks to)

	read, write, cas string
}

// NewSQLStore returns a Store over db on table "lin".
func NewSQLStore(db *sql.DB) *SQLStore { return NewSQLStoreTable(db, "lin") }

// NewSQLStoreTable returns a Store over db on table, which must be a plain identifier.
func NewSQLStoreTable(db *sql.DB, table string) *SQLStore {
	return &SQLStore{
		DB:    db,
		Table: table,
		read:  fmt.Sprintf("SELECT v FROM %s WHERE k = $1", table),
		write: fmt.Sprintf("INSERT INTO %s (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = excluded.v", table),
		cas:   fmt.Sprintf("UPDATE %s SET v = $1 WHERE k = $2 AND v = $3", table),
	}
}

// CreateTable creates the table if it does not exist.
func (s *SQLStore) CreateTable(ctx context.Context) error {
	_, err := s.DB.ExecContext(ctx, fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (k int PRIMARY KEY, v bigint)", s.Table))
	return err
}

func (s *SQLStore) String() string {
	if s.Name != "" {
		return s.Name
	}
	return "sql:" + s.Table
}

// Read is SELECT v FROM lin WHERE k = $1.
func (s *SQLStore) Read(ctx context.Context, k int) (int, bool, error) {
	var v int64
	err := s.DB.QueryRowContext(ctx, s.read, k).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return int(v), true, nil
}

// Write is an upsert: INSERT ... ON CONFLICT (k) DO UPDATE.
func (s *SQLStore) Write(ctx context.Context, k, v int) error {
	_, err := s.DB.ExecContext(ctx, s.write, k, int64(v))
	return err
}

// CAS is UPDATE lin SET v = new WHERE k = $k AND v = old: it applied iff it updated a row.
func (s *SQLStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	res, err := s.DB.ExecContext(ctx, s.cas, int64(new), k, int64(old))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	if n > 1 {
		return false, fmt.Errorf("lincheck: CAS on key %d updated %d rows", k, n)
	}
	return n == 1, nil
}

// failedCodes are SQLSTATEs returned before the statement was applied.
var failedCodes = map[string]bool{
	"40001": true, // serialization_failure: the transaction was rolled back (a moved leader)
	"40P01": true, // deadlock_detected
	"25006": true, // read_only_sql_transaction: refused on a follower
	"57P01": true, // admin_shutdown before the statement ran
	"57P03": true, // cannot_connect_now
	"53300": true, // too_many_connections
	"55P03": true, // lock_not_available
	"08001": true, // sqlclient_unable_to_establish_sqlconnection
	"08004": true, // sqlserver_rejected_establishment_of_sqlconnection
}

// unknownCodes are SQLSTATEs after which the statement may or may not have been applied.
var unknownCodes = map[string]bool{
	"08007": true, // transaction_resolution_unknown
	"57014": true, // query_canceled: the cancel may race the commit
	"XX000": true, // internal_error
}

// ClassifySQL is the default classifier for errors from database/sql with pgx or lib/pq:
// a SQLSTATE in failedCodes (40001, 25006, 57P01, ...) or an error before anything was sent
// (connection refused, pgconn.SafeToRetry, driver.ErrBadConn) is Failed; 08007, 57014, other
// connection-class (08) codes, a timeout or a network error after sending is Unknown; any
// other SQLSTATE (a definite error from the server: the statement did nothing) is Failed;
// anything else is Unknown.
func ClassifySQL(err error) Outcome {
	if err == nil {
		return OK
	}
	var coded interface{ SQLState() string } // *pgconn.PgError, *pq.Error
	if errors.As(err, &coded) {
		return classifyCode(coded.SQLState())
	}
	var connErr *pgconn.ConnectError
	switch {
	case errors.As(err, &connErr),
		errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, driver.ErrBadConn),
		pgconn.SafeToRetry(err):
		return Failed
	}
	return Unknown
}

func classifyCode(code string) Outcome {
	switch {
	case failedCodes[code]:
		return Failed
	case unknownCodes[code], len(code) == 5 && code[:2] == "08":
		return Unknown
	}
	return Failed
}
