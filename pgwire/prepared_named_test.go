package pgwire

import (
	"context"
	"errors"
	"log/slog"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/tablespace"
	"github.com/xdg-go/scram"
)

// sessionBackend opens real SQL sessions on one tablespace.
type sessionBackend struct{ ts *tablespace.Tablespace }

func (sessionBackend) Authenticate(string) (*scram.StoredCredentials, error) { return nil, nil }
func (b sessionBackend) Open(context.Context, string, string) (sql.Executor, error) {
	return sql.NewSession(b.ts, nil), nil
}

// TestNamedStatementsShared: the protocol's named statements and SQL's PREPARE are one
// namespace, as in PostgreSQL: each sees, refuses and drops the other's names, and
// pg_prepared_statements lists both.
func TestNamedStatementsShared(t *testing.T) {
	ctx := context.Background()
	c := connectSessions(t)
	code := func(err error) string {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) {
			return pgErr.Code
		}
		return ""
	}
	exec := func(q string) ([][][]byte, error) {
		res, err := c.Exec(ctx, q).ReadAll()
		if err != nil {
			return nil, err
		}
		return res[len(res)-1].Rows, nil
	}
	if _, err := exec("PREPARE sqlside (int) AS SELECT $1 + 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Prepare(ctx, "sqlside", "SELECT 1", nil); code(err) != "42P05" {
		t.Fatalf("Parse of a name PREPARE took: %v, want 42P05", err)
	}
	// Bind finds the statement PREPARE made.
	res := c.ExecPrepared(ctx, "sqlside", [][]byte{[]byte("41")}, nil, nil).Read()
	if res.Err != nil || len(res.Rows) != 1 || string(res.Rows[0][0]) != "42" {
		t.Fatalf("Bind of a PREPAREd statement: %v %q", res.Err, res.Rows)
	}
	if _, err := c.Prepare(ctx, "wire", "SELECT $1::text || 'x'", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := exec("PREPARE wire AS SELECT 1"); code(err) != "42P05" {
		t.Fatalf("PREPARE of a name Parse took: %v, want 42P05", err)
	}
	rows, err := exec("EXECUTE wire ('a')")
	if err != nil || len(rows) != 1 || string(rows[0][0]) != "ax" {
		t.Fatalf("EXECUTE of a Parse'd statement: %v %q", err, rows)
	}
	rows, err = exec("SELECT name, from_sql FROM pg_prepared_statements ORDER BY name")
	if err != nil || len(rows) != 2 || string(rows[0][0]) != "sqlside" || string(rows[0][1]) != "t" ||
		string(rows[1][0]) != "wire" || string(rows[1][1]) != "f" {
		t.Fatalf("pg_prepared_statements: %v %q", err, rows)
	}
	if _, err := exec("DEALLOCATE wire"); err != nil {
		t.Fatal(err)
	}
	res = c.ExecPrepared(ctx, "wire", [][]byte{[]byte("a")}, nil, nil).Read()
	if code(res.Err) != "26000" {
		t.Fatalf("Bind of a DEALLOCATEd statement: %v, want 26000", res.Err)
	}
	if _, err := c.Prepare(ctx, "wire", "SELECT 2", nil); err != nil {
		t.Fatalf("Parse of a name DEALLOCATE freed: %v", err)
	}
}

// connectSessions starts a server whose sessions are sql's, over a fresh tablespace, and
// connects to it; both end with t.
func connectSessions(t testing.TB) *pgconn.PgConn {
	t.Helper()
	c, err := pgconn.Connect(context.Background(), startSessions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// startSessions starts a server whose sessions are sql's, over a fresh tablespace, and
// returns its URL; both end with t.
func startSessions(t testing.TB) string {
	t.Helper()
	ts, err := tablespace.Open(tablespace.Options{Dir: t.TempDir(), Name: "drove", CheckpointInterval: -1,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	_, url := startServer(t, func(c *Config) { c.Backend = sessionBackend{ts} })
	return url
}
