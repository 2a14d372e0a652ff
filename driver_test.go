package drove_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/drovedb/drove"
	drovesql "github.com/drovedb/drove/sql"
)

// openDriver opens a database/sql handle on a new directory with table t (id, v) holding n rows.
func openDriver(t testing.TB, n int) (*sql.DB, string) {
	t.Helper()
	dir := t.TempDir()
	db, err := sql.Open("drove", dir+"?log_level=warn")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE TABLE t (id bigint PRIMARY KEY, v text)"); err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		if _, err := db.Exec(fmt.Sprintf("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, %d) g", n)); err != nil {
			t.Fatal(err)
		}
	}
	return db, dir
}

func driverState(err error) string {
	var e *drovesql.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestDriverPreparedAcrossGoroutines(t *testing.T) {
	db, _ := openDriver(t, 1000)
	st, err := db.Prepare("SELECT v FROM t WHERE id = $1")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := (g*200+i)%1000 + 1
				var v string
				if err := st.QueryRow(id).Scan(&v); err != nil || v != fmt.Sprintf("v%d", id) {
					errs <- fmt.Errorf("id %d: %q %v", id, v, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// NumInput: database/sql checks the argument count before the driver runs anything.
	if err := st.QueryRow(1, 2).Scan(new(string)); err == nil || !strings.Contains(err.Error(), "expected 1 arguments") {
		t.Fatalf("two arguments for one parameter: %v", err)
	}
}

func TestDriverReprepareOnSchemaChange(t *testing.T) {
	db, _ := openDriver(t, 3)
	db.SetMaxOpenConns(1)
	st, err := db.Prepare("SELECT * FROM t WHERE id = $1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("ALTER TABLE t ADD COLUMN n int"); err != nil {
		t.Fatal(err)
	}
	rows, err := st.Query(2)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	var id int64
	var n sql.NullInt64
	var v string
	if !rows.Next() {
		t.Fatal("no row", rows.Err())
	}
	if err := rows.Scan(&id, &v, &n); err != nil || len(cols) != 3 || n.Valid || id != 2 {
		t.Fatalf("after ADD COLUMN: cols %v, %d %q %v %v", cols, id, v, n, err)
	}
	rows.Close()
}

func TestDriverRowsClosedEarly(t *testing.T) {
	db, _ := openDriver(t, 5000)
	ctx := context.Background()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query("SELECT id FROM t")
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		if !rows.Next() {
			t.Fatal("fewer than 10 rows", rows.Err())
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatalf("closing early: %v", err)
	}
	// Stopping the query did not fail the transaction: it goes on and commits.
	if _, err := tx.Exec("INSERT INTO t VALUES (-1, 'after')"); err != nil {
		t.Fatalf("the transaction after rows closed early: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 5001 {
		t.Fatalf("count %d %v", n, err)
	}
	// A second statement while rows are open on the same connection is refused, not mixed in.
	rows, err = c.QueryContext(ctx, "SELECT id FROM t")
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
	if _, err := c.ExecContext(ctx, "SELECT 1"); driverState(err) != "55000" {
		t.Fatalf("statement while rows are open: %v", err)
	}
	rows.Close()
	if _, err := c.ExecContext(ctx, "SELECT 1"); err != nil {
		t.Fatal(err)
	}
}

func TestDriverCancelMidScan(t *testing.T) {
	db, _ := openDriver(t, 20000)
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := db.QueryContext(ctx, "SELECT id, v FROM t")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		if n++; n == 100 {
			cancel()
		}
	}
	if err := rows.Err(); !errors.Is(err, context.Canceled) && driverState(err) != "57014" || n > 2000 {
		t.Fatalf("after cancel: %d rows, err %v", n, rows.Err())
	}
	// A running statement is stopped too: a long cross join gives up at its deadline.
	ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM t a, t b").Scan(new(int64))
	if driverState(err) != "57014" && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cross join past its deadline: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("cancellation took %v", d)
	}
	var cnt int
	if err := db.QueryRow("SELECT count(*) FROM t").Scan(&cnt); err != nil || cnt != 20000 {
		t.Fatalf("after cancellations: %d %v", cnt, err)
	}
}

func TestDriverTxOptions(t *testing.T) {
	db, _ := openDriver(t, 1)
	ctx := context.Background()
	for _, tc := range []struct {
		level    sql.IsolationLevel
		readOnly bool
		code     string // "" when accepted
		snapshot bool   // reads one snapshot for the whole transaction
	}{
		{level: sql.LevelDefault},
		{level: sql.LevelReadCommitted},
		{level: sql.LevelRepeatableRead, snapshot: true},
		{level: sql.LevelSnapshot, snapshot: true},
		{level: sql.LevelReadUncommitted, code: "0A000"},
		{level: sql.LevelWriteCommitted, code: "0A000"},
		{level: sql.LevelSerializable, code: "0A000"},
		{level: sql.LevelLinearizable, code: "0A000"},
		{level: sql.LevelDefault, readOnly: true},
		{level: sql.LevelRepeatableRead, readOnly: true, snapshot: true},
	} {
		t.Run(fmt.Sprintf("%v/ro=%v", tc.level, tc.readOnly), func(t *testing.T) {
			tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: tc.level, ReadOnly: tc.readOnly})
			if tc.code != "" {
				if driverState(err) != tc.code {
					t.Fatalf("got %v, want SQLSTATE %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var v string
			if err := tx.QueryRow("SELECT v FROM t WHERE id = 1").Scan(&v); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("UPDATE t SET v = $1 WHERE id = 1", "changed "+tc.level.String()); err != nil {
				t.Fatal(err)
			}
			var again string
			if err := tx.QueryRow("SELECT v FROM t WHERE id = 1").Scan(&again); err != nil {
				t.Fatal(err)
			}
			if (again == v) != tc.snapshot {
				t.Fatalf("second read %q after %q: snapshot %v", again, v, tc.snapshot)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestDriverReadOnlyTx(t *testing.T) {
	db, _ := openDriver(t, 3)
	ctx := context.Background()
	if _, err := db.Exec("CREATE SEQUENCE s"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		args []any
		code string // "" when allowed
		exec bool   // run with Exec: a Query closed early stops before its later statements
	}{
		{q: "SELECT count(*) FROM t"},
		{q: "SELECT v FROM t WHERE id = $1", args: []any{1}},
		{q: "SHOW transaction_isolation"},
		{q: "SET statement_timeout = 1000"},
		{q: "EXPLAIN SELECT * FROM t"},
		{q: "SELECT 1; SELECT 2"},
		{q: "INSERT INTO t VALUES (10, 'x')", code: "25006"},
		{q: "INSERT INTO t VALUES ($1, 'x')", args: []any{11}, code: "25006"},
		{q: "UPDATE t SET v = 'y'", code: "25006"},
		{q: "DELETE FROM t WHERE id = $1", args: []any{1}, code: "25006"},
		{q: "SELECT * FROM t WHERE id = 1 FOR UPDATE", code: "25006"},
		{q: "CREATE TABLE u (k int PRIMARY KEY)", code: "25006"},
		{q: "SELECT 1; DROP TABLE t", code: "25006", exec: true},
		{q: "TRUNCATE t", code: "25006"},
		{q: "SELECT nextval('s')", code: "25006"},
		{q: "SET TRANSACTION READ WRITE"}, // before any query: allowed, as in PostgreSQL
		{q: "SELECT 1; SET TRANSACTION READ WRITE", code: "25001", exec: true},
	} {
		t.Run(tc.q, func(t *testing.T) {
			tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var rows *sql.Rows
			if tc.exec {
				_, err = tx.Exec(tc.q, tc.args...)
			} else {
				rows, err = tx.Query(tc.q, tc.args...)
			}
			if err == nil && rows != nil {
				for rows.Next() {
				}
				err = rows.Err()
				if cerr := rows.Close(); err == nil {
					err = cerr
				}
			}
			if driverState(err) != tc.code {
				t.Fatalf("got %v, want SQLSTATE %q", err, tc.code)
			}
			if tc.code != "" { // the refusal failed the transaction, as any error does
				if _, err := tx.Exec("SELECT 1"); driverState(err) != "25P02" {
					t.Fatalf("after the refusal: %v", err)
				}
			}
		})
	}
	// The connection is read-write again after the read-only transaction.
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	tx.Commit()
	if _, err := db.Exec("INSERT INTO t VALUES (20, 'after')"); err != nil {
		t.Fatalf("write after a read-only transaction: %v", err)
	}
}

func TestDriverScanEveryType(t *testing.T) {
	db, _ := openDriver(t, 0)
	if _, err := db.Exec(`CREATE TABLE ty (id int PRIMARY KEY, s smallint, i int, b bigint, r real,
		d double precision, ok boolean, tx text, vc varchar(10), bin bytea, ts timestamp, dt date, n numeric(10,2))`); err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.UTC)
	dt := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	if _, err := db.Exec("INSERT INTO ty VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
		1, int16(-2), int32(3), int64(1)<<40, float32(1.5), 2.25, true, "text", "varchar", []byte{0, 1, 255}, ts, dt, "12.34"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO ty (id) VALUES ($1)", uint8(2)); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT s, i, b, r, d, ok, tx, vc, bin, ts, dt, n FROM ty WHERE id = 1")
	if err != nil {
		t.Fatal(err)
	}
	cts, _ := rows.ColumnTypes()
	var names []string
	for _, ct := range cts {
		names = append(names, ct.DatabaseTypeName()+":"+ct.ScanType().String())
	}
	want := "INT2:int64 INT4:int64 INT8:int64 FLOAT4:float64 FLOAT8:float64 BOOL:bool TEXT:string TEXT:string BYTEA:[]uint8 TIMESTAMP:time.Time DATE:time.Time NUMERIC:string"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("column types\n got %s\nwant %s", got, want)
	}
	if l, ok := cts[6].Length(); !ok || l <= 0 {
		t.Fatalf("text length %d %v", l, ok)
	}
	var (
		s, i, b  int64
		r, d     float64
		ok       bool
		txt, vc  string
		by       []byte
		gotTS    time.Time
		gotDT    time.Time
		n        string
		nAsFloat float64
	)
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
	if err := rows.Scan(&s, &i, &b, &r, &d, &ok, &txt, &vc, &by, &gotTS, &gotDT, &n); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	got := []any{s, i, b, r, d, ok, txt, vc, by, gotTS, gotDT, n}
	exp := []any{int64(-2), int64(3), int64(1) << 40, 1.5, 2.25, true, "text", "varchar", []byte{0, 1, 255}, ts, dt, "12.34"}
	if !reflect.DeepEqual(got, exp) {
		t.Fatalf("scanned\n got %#v\nwant %#v", got, exp)
	}
	if err := db.QueryRow("SELECT n FROM ty WHERE id = 1").Scan(&nAsFloat); err != nil || nAsFloat != 12.34 {
		t.Fatalf("numeric into float64: %v %v", nAsFloat, err)
	}
	// NULL in every column scans into the sql.Null types.
	var (
		ns, ni, nb sql.NullInt64
		nr, nd     sql.NullFloat64
		nok        sql.NullBool
		ntx, nvc   sql.NullString
		nby        []byte
		nts, ndt   sql.NullTime
		nn         sql.NullString
	)
	if err := db.QueryRow("SELECT s, i, b, r, d, ok, tx, vc, bin, ts, dt, n FROM ty WHERE id = 2").Scan(
		&ns, &ni, &nb, &nr, &nd, &nok, &ntx, &nvc, &nby, &nts, &ndt, &nn); err != nil {
		t.Fatal(err)
	}
	if ns.Valid || ni.Valid || nb.Valid || nr.Valid || nd.Valid || nok.Valid || ntx.Valid || nvc.Valid || nby != nil || nts.Valid || ndt.Valid || nn.Valid {
		t.Fatal("a NULL scanned as a value")
	}
	// Arrays: Go slices as arguments, PostgreSQL's text back.
	var arr string
	if err := db.QueryRow("SELECT $1::int[]", []int64{1, 2, 3}).Scan(&arr); err != nil || arr != "{1,2,3}" {
		t.Fatalf("array round trip: %q %v", arr, err)
	}
	if _, err := db.Exec("INSERT INTO ty (id) VALUES ($1)", uint64(1)<<63); driverState(err) != "22003" {
		t.Fatalf("uint64 past bigint: %v", err)
	}
}

func TestDriverErrorsCarrySQLState(t *testing.T) {
	db, _ := openDriver(t, 1)
	for _, tc := range []struct {
		q    string
		args []any
		code string
	}{
		{"INSERT INTO t VALUES (1, 'dup')", nil, "23505"},
		{"INSERT INTO t VALUES ($1, 'dup')", []any{1}, "23505"},
		{"SELECT * FROM nope", nil, "42P01"},
		{"SELECT * FROM nope WHERE id = $1", []any{1}, "42P01"},
		{"SELEC 1", nil, "42601"},
		{"SELECT 1/0", nil, "22012"},
		{"SELECT id FROM t WHERE id = $1", []any{"x"}, "22P02"},
	} {
		_, err := db.Exec(tc.q, tc.args...)
		var pgErr interface{ SQLState() string }
		if !errors.As(err, &pgErr) || pgErr.SQLState() != tc.code {
			t.Errorf("%s: %v, want SQLSTATE %s", tc.q, err, tc.code)
		}
	}
	// A failed transaction's Commit reports it.
	tx, _ := db.Begin()
	tx.Exec("INSERT INTO t VALUES (1, 'dup')")
	if err := tx.Commit(); !errors.Is(err, drove.ErrCommitRollback) {
		t.Fatalf("commit of an aborted transaction: %v", err)
	}
}

func TestDriverResultSets(t *testing.T) {
	db, _ := openDriver(t, 2)
	rows, err := db.Query("SELECT id FROM t ORDER BY id; CREATE TABLE u (k int PRIMARY KEY); SELECT 'x', 'y'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if !rows.NextResultSet() {
		t.Fatal("no second result set", rows.Err())
	}
	var a, b string
	if !rows.Next() || rows.Scan(&a, &b) != nil || a+b != "xy" || fmt.Sprint(ids) != "[1 2]" {
		t.Fatalf("result sets: %v %q %q", ids, a, b)
	}
	if rows.Next() || rows.NextResultSet() {
		t.Fatal("more than two result sets")
	}
	// INSERT ... RETURNING with arguments runs to its end before its rows are read.
	rows2, err := db.Query("INSERT INTO t VALUES ($1, 'r'), ($2, 'r') RETURNING id", 10, 11)
	if err != nil {
		t.Fatal(err)
	}
	rows2.Close() // unread: the rows are inserted all the same
	var n int
	if err := db.QueryRow("SELECT count(*) FROM t WHERE v = 'r'").Scan(&n); err != nil || n != 2 {
		t.Fatalf("RETURNING closed unread: %d rows inserted, %v", n, err)
	}
}

func TestDriverSharesEngineAndRefusesConflicts(t *testing.T) {
	dir := t.TempDir()
	h, err := drove.Open(dir, drove.WithCheckpointInterval(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	same, err := drove.Open(dir, drove.WithCheckpointInterval(time.Minute))
	if err != nil {
		t.Fatalf("same options: %v", err)
	}
	same.Close()
	if _, err := drove.Open(dir, drove.WithCheckpointInterval(time.Second)); err == nil || !strings.Contains(err.Error(), "CheckpointInterval") {
		t.Fatalf("conflicting option: %v", err)
	}
	db, err := sql.Open("drove", dir+"?checkpoint_interval=1m")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE shared (k int PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	if rows, _, err := h.Exec(context.Background(), "SELECT count(*) FROM shared"); err != nil || *rows[0][0] != "0" {
		t.Fatalf("the handle does not see the driver's table: %v", err)
	}
	for _, dsn := range []string{dir + "?checkpoint_interval=1s", dir + "?page_cache_memory=12XB", dir + "?nope=1", dir + "?log_level=loud"} {
		db, err := sql.Open("drove", dsn)
		if err == nil {
			err = db.Ping()
			db.Close()
		}
		if err == nil {
			t.Errorf("%s accepted", dsn)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"64MiB": 64 << 20, "1GiB": 1 << 30, "512KB": 512000, "100": 100, "3 MB": 3e6} {
		if got, err := drove.ParseSize(in); err != nil || got != want {
			t.Errorf("%s: %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "5XB", "99999999999TiB"} {
		if _, err := drove.ParseSize(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

// TestDriverResetSession: a transaction block a user opened with a plain BEGIN is rolled back
// when the pool hands the connection on, not inherited by the next user.
func TestDriverResetSession(t *testing.T) {
	db, _ := openDriver(t, 0)
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("BEGIN; INSERT INTO t VALUES (1, 'in the abandoned block')"); err != nil {
		t.Fatal(err)
	}
	// The next use of the (only) connection starts clean: its INSERT commits on its own.
	if _, err := db.Exec("INSERT INTO t VALUES (2, 'autocommitted')"); err != nil {
		t.Fatal(err)
	}
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var ids []int
	rows, err := c.QueryContext(context.Background(), "SELECT id FROM t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if fmt.Sprint(ids) != "[2]" {
		t.Fatalf("rows %v, want [2]: the abandoned block leaked into the next user", ids)
	}
}

// TestDriverSavepoints: a database/sql transaction runs SAVEPOINT, ROLLBACK TO SAVEPOINT and
// RELEASE SAVEPOINT through Exec; rolling back to a savepoint after a failed statement brings
// the transaction back, and a read-only transaction may use them too.
func TestDriverSavepoints(t *testing.T) {
	db, _ := openDriver(t, 0)
	ctx := context.Background()
	for _, readOnly := range []bool{false, true} {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: readOnly})
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct{ q, code string }{
			{"INSERT INTO t VALUES (1, 'kept')", ""},
			{"SAVEPOINT a", ""},
			{"INSERT INTO t VALUES (2, 'undone')", ""},
			{"INSERT INTO t VALUES (1, 'dup')", "23505"},
			{"SELECT 1", "25P02"},
			{"ROLLBACK TO SAVEPOINT a", ""},
			{"SAVEPOINT b", ""},
			{"INSERT INTO t VALUES (3, 'kept')", ""},
			{"RELEASE SAVEPOINT b", ""},
			{"ROLLBACK TO b", "3B001"},
			{"ROLLBACK TO a", ""},
			{"INSERT INTO t VALUES (4, 'kept')", ""},
		}
		if readOnly {
			// A write is refused, the error rolled back to the savepoint.
			steps = steps[1:2]
			steps = append(steps, struct{ q, code string }{"INSERT INTO t VALUES (5, 'x')", "25006"},
				struct{ q, code string }{"ROLLBACK TO a", ""}, struct{ q, code string }{"RELEASE a", ""})
		}
		for _, s := range steps {
			if _, err := tx.ExecContext(ctx, s.q); driverState(err) != s.code {
				t.Fatalf("%s: %v, want SQLSTATE %q", s.q, err, s.code)
			}
		}
		if readOnly {
			tx.Rollback()
			continue
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int
	rows, err := db.QueryContext(ctx, "SELECT id FROM t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if fmt.Sprint(ids) != "[1 4]" {
		t.Fatalf("rows %v, want [1 4]", ids)
	}
}
