package shell

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/server"
)

// TestScriptAgainstServer runs a script through a real drove server and compares the
// transcript with what psql would print.
func TestScriptAgainstServer(t *testing.T) {
	srv, err := server.Start(server.Config{DataDir: t.TempDir(), PGAddr: "127.0.0.1:0",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx := context.Background()
	conn, err := pgconn.Connect(ctx, "postgres://drove@"+srv.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	var out, errOut strings.Builder
	sh := &Shell{Conn: conn, Out: &out, ErrOut: &errOut}
	script := `CREATE TABLE t (id int PRIMARY KEY, name text);
INSERT INTO t VALUES (1, 'a;b'), (2, NULL);
\?
SELECT * FROM t
  ORDER BY id;
UPDATE t SET name = 'z' WHERE id = 2; DELETE FROM t WHERE id = 1;
SELECT * FROM t`
	if err := sh.RunScript(ctx, strings.NewReader(script)); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	want := "CREATE TABLE\n" +
		"INSERT 0 2\n" +
		help +
		" id | name \n" +
		"----+------\n" +
		"  1 | a;b\n" +
		"  2 | \n" +
		"(2 rows)\n\n" +
		"UPDATE 1\n" +
		"DELETE 1\n" +
		" id | name \n" +
		"----+------\n" +
		"  2 | z\n" +
		"(1 row)\n\n"
	if out.String() != want {
		t.Fatalf("transcript:\n%s\nwant:\n%s", out.String(), want)
	}

	// The first error stops a script and is reported with its SQLSTATE; \q ends it quietly.
	out.Reset()
	err = sh.RunScript(ctx, strings.NewReader("SELECT * FROM nosuch; SELECT 1;"))
	if pgErr, ok := err.(*pgconn.PgError); !ok || pgErr.Code != "42P01" {
		t.Fatalf("error %v, want 42P01", err)
	}
	if errOut.String() != "ERROR: relation \"nosuch\" does not exist (SQLSTATE 42P01)\n" || out.String() != "" {
		t.Fatalf("stderr %q stdout %q", errOut.String(), out.String())
	}
	if err := sh.RunScript(ctx, strings.NewReader("\\q\nSELECT * FROM nosuch;")); err != nil {
		t.Fatalf("\\q did not end the script: %v", err)
	}
	if err := sh.RunScript(ctx, strings.NewReader("\\bogus")); err == nil {
		t.Fatal("unknown meta command accepted")
	}
}
