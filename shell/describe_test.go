package shell

import (
	"context"
	"log/slog"
	"net"
	"os/exec"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/server"
)

// TestDescribeMatchesPsql runs the shell's describing meta-commands and psql's against one
// drove server and compares what they print (stdout and the "Did not find" messages).
func TestDescribeMatchesPsql(t *testing.T) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		t.Skip("psql not installed")
	}
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
	if err := sh.RunScript(ctx, strings.NewReader(`
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty bigint DEFAULT 0, code varchar(12));
CREATE INDEX items_name ON items (name);
CREATE UNIQUE INDEX items_code ON items (code, qty);
CREATE TABLE "Logs" (at timestamp, msg text);
CREATE SEQUENCE counter;`)); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	host, port, _ := net.SplitHostPort(srv.PGAddr().String())
	for _, cmd := range []string{`\d`, `\dt`, `\di`, `\dv`, `\ds`, `\dn`, `\l`, `\d items`, `\d "Logs"`, `\d items_name`,
		`\d items_code`, `\d items_pkey`, `\d counter`, `\dt it*`, `\di *code`, `\d nosuch`, `\dt nosuch`, `\d item?`,
		`\dt public.items`, `\l drove`, `\dn pub*`} {
		t.Run(cmd, func(t *testing.T) {
			var want, wantErr strings.Builder
			c := exec.Command(psql, "-X", "-h", host, "-p", port, "-U", "drove", "drove", "-c", cmd)
			c.Stdout, c.Stderr = &want, &wantErr
			c.Run()
			out.Reset()
			errOut.Reset()
			if err := sh.RunScript(ctx, strings.NewReader(cmd)); err != nil {
				t.Fatalf("%v: %s", err, errOut.String())
			}
			if out.String() != want.String() || errOut.String() != wantErr.String() {
				t.Fatalf("shell:\n%s%s\npsql:\n%s%s", out.String(), errOut.String(), want.String(), wantErr.String())
			}
		})
	}
}
