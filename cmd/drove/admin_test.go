package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/drovedb/drove/server"
)

// TestAdminCommands runs the tablespace and checkpoint commands against a real server and
// compares their output with what an operator should see.
func TestAdminCommands(t *testing.T) {
	srv, err := server.Start(server.Config{DataDir: t.TempDir(), PGAddr: "127.0.0.1:0", NodeID: "n1",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	url := "postgres://drove@" + srv.PGAddr().String() + "/drove?sslmode=disable"
	steps := []struct {
		args []string
		out  string
		err  string // substring of the error, "" for success
	}{
		{args: []string{"tablespace", "create", "sales"}, out: "tablespace sales created\n"},
		{args: []string{"tablespace", "create", "sales"}, err: "already exists (SQLSTATE 42710)"},
		{args: []string{"tablespace", "list"}, out: "" +
			"TABLESPACE_NAME  LEADER  REPLICA\n" +
			"drove            n1      n1\n" +
			"sales            n1      n1\n"},
		{args: []string{"checkpoint", "--tablespace", "sales"}, out: "checkpoint of sales done\n"},
		{args: []string{"tablespace", "describe", "sales"}, out: "" +
			"TABLESPACE_NAME  LEADER  REPLICA  EXPECTEDREPLICACOUNT\n" +
			"sales            n1      n1       1\n" +
			"\n" +
			"TABLE_NAME  COLUMN_NAME  DATA_TYPE  IS_PRIMARY_KEY\n"},
		{args: []string{"tablespace", "drop", "sales"}, out: "tablespace sales dropped\n"},
		{args: []string{"tablespace", "describe", "sales"}, err: `database "sales" does not exist`},
		{args: []string{"tablespace", "drop", "drove"}, err: "SQLSTATE 55006"},
	}
	for _, st := range steps {
		t.Run(strings.Join(st.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			root := rootCmd()
			root.SetOut(&out)
			root.SetArgs(append(st.args, "--url", url))
			err := root.Execute()
			if st.err != "" {
				if err == nil || !strings.Contains(err.Error(), st.err) {
					t.Fatalf("error %v, want one containing %q", err, st.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != st.out {
				t.Fatalf("output:\n%s\nwant:\n%s", out.String(), st.out)
			}
		})
	}
}
