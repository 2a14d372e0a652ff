package main

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/drovedb/drove/server"
	"github.com/spf13/pflag"
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
		args  []string
		out   string
		match string // a regexp the output matches, instead of out
		err   string // substring of the error, "" for success
	}{
		{args: []string{"tablespace", "create", "sales", "--replica", "n1", "--expected-replicas", "1", "--leader", "n1"}, out: "tablespace sales created\n"},
		{args: []string{"tablespace", "create", "sales"}, err: "already exists (SQLSTATE 42710)"},
		{args: []string{"tablespace", "create", "wide", "--replica", "n1,n2"}, err: `node "n2" is not a node of this cluster (see sysnodes) (SQLSTATE 22023)`},
		{args: []string{"tablespace", "create", "wide", "--replica", "n1", "--expected-replicas", "2"}, err: "is more than the 1 replicas given in 'replica:n1' (SQLSTATE 22023)"},
		{args: []string{"tablespace", "create", "wide", "--expected-replicas", "0"}, err: "SQLSTATE 22023"},
		{args: []string{"tablespace", "alter", "sales", "--leader", "n1"}, out: "tablespace sales altered\n"},
		{args: []string{"tablespace", "alter", "sales", "--replica", "n1", "--expected-replicas", "1"}, out: "tablespace sales altered\n"},
		{args: []string{"tablespace", "alter", "sales", "--leader", "n2"}, err: `node "n2" is not a node of this cluster`},
		{args: []string{"tablespace", "alter", "sales"}, err: "nothing to alter"},
		{args: []string{"tablespace", "alter", "nosuch", "--leader", "n1"}, err: "SQLSTATE 42704"},
		{args: []string{"tablespace", "list"}, out: "" +
			"TABLESPACE_NAME  LEADER  REPLICA  EXPECTEDREPLICACOUNT\n" +
			"drove            n1      n1       1\n" +
			"sales            n1      n1       1\n"},
		{args: []string{"checkpoint", "--tablespace", "sales"}, out: "checkpoint of sales done\n"},
		{args: []string{"tablespace", "alter", "sales", "--max-leader-inactivity", "2s"}, out: "tablespace sales altered\n"},
		{args: []string{"tablespace", "describe", "sales"}, match: "^" +
			"TABLESPACE_NAME  LEADER  REPLICA  EXPECTEDREPLICACOUNT  MAXLEADERINACTIVITYTIME\n" +
			"sales            n1      n1       1                     2000\n" +
			"\n" +
			"NODEID  MODE    APPLIEDINDEX  LAGENTRIES  LAGSECONDS\n" +
			"n1      leader  [0-9]+ +0 +0\n" +
			"\n" +
			"TABLE_NAME  COLUMN_NAME  DATA_TYPE  IS_PRIMARY_KEY\n$"},
		{args: []string{"node", "list"}, match: "^" +
			"NODEID  ADDRESS +CLUSTERADDRESS  LIVE  LASTSEEN\n" +
			"n1      " + regexp.QuoteMeta(srv.PGAddr().String()) + " +true  20[0-9-]{8} [0-9:]{8}\n$"},
		{args: []string{"node", "remove", "n1"}, err: `node "n1" cannot remove itself (SQLSTATE 55006)`},
		{args: []string{"node", "remove", "n9"}, err: `node "n9" does not exist (SQLSTATE 42704)`},
		{args: []string{"status"}, out: "" +
			"NODEID  ADDRESS\n" +
			"n1      " + srv.PGAddr().String() + "\n" +
			"\n" +
			"TABLESPACE_NAME  LEADER  REPLICA  EXPECTEDREPLICACOUNT\n" +
			"drove            n1      n1       1\n" +
			"sales            n1      n1       1\n"},
		{args: []string{"sql", "-c", "SELECT count(*) FROM systablespaces; SELECT tablespace_name FROM systablespaces WHERE tablespace_name = 'sales'"},
			out: " count \n-------\n     2\n(1 row)\n\n tablespace_name \n-----------------\n sales\n(1 row)\n\n"},
		{args: []string{"sql", "-c", "SELECT * FROM nosuch"}, err: "error printed above"},
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
			if st.match != "" {
				if !regexp.MustCompile(st.match).MatchString(out.String()) {
					t.Fatalf("output:\n%s\nwant a match of:\n%s", out.String(), st.match)
				}
				return
			}
			if out.String() != st.out {
				t.Fatalf("output:\n%s\nwant:\n%s", out.String(), st.out)
			}
		})
	}
}

// The placement flags become HerdDB's options, only those given.
func TestPlacementFlags(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"--replica", "n1,n2,n3"}, "'replica:n1,n2,n3'"},
		{[]string{"--replica", "n1", "--replica", "n2"}, "'replica:n1,n2'"},
		{[]string{"--expected-replicas", "3"}, "'expectedreplicacount:3'"},
		{[]string{"--leader", "n2"}, "'leader:n2'"},
		{[]string{"--leader", "it's", "--expected-replicas", "2", "--replica", "a,b"}, "'replica:a,b' 'expectedreplicacount:2' 'leader:it''s'"},
		{[]string{"--max-leader-inactivity", "1.5s"}, "'maxleaderinactivitytime:1500'"},
	}
	for _, c := range cases {
		var p placement
		flags := pflag.NewFlagSet("alter", pflag.ContinueOnError)
		p.addFlags(flags, "ALTER")
		if err := flags.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(p.options(flags), " "); got != c.want {
			t.Errorf("%v: %s, want %s", c.args, got, c.want)
		}
	}
}

func TestFlagsFromEnvironment(t *testing.T) {
	cases := []struct {
		env, value string
		want       string
	}{
		{env: "DROVE_URL", value: "postgres://x@h:1/ts", want: "postgres://x@h:1/ts"},
		{env: "DROVE_TABLESPACE", value: "sales", want: "sales"},
	}
	for _, c := range cases {
		t.Run(c.env, func(t *testing.T) {
			t.Setenv(c.env, c.value)
			cmd := checkpointCmd()
			if err := flagsFromEnv(cmd.Flags()); err != nil {
				t.Fatal(err)
			}
			name := strings.ToLower(strings.TrimPrefix(c.env, "DROVE_"))
			if got := cmd.Flags().Lookup(name).Value.String(); got != c.want {
				t.Fatalf("--%s = %q, want %q", name, got, c.want)
			}
		})
	}
	t.Run("command line wins", func(t *testing.T) {
		t.Setenv("DROVE_TABLESPACE", "env")
		cmd := checkpointCmd()
		if err := cmd.Flags().Parse([]string{"--tablespace", "flag"}); err != nil {
			t.Fatal(err)
		}
		if err := flagsFromEnv(cmd.Flags()); err != nil {
			t.Fatal(err)
		}
		if got := cmd.Flags().Lookup("tablespace").Value.String(); got != "flag" {
			t.Fatalf("--tablespace = %q, want the command line's", got)
		}
	})
	t.Run("bad value", func(t *testing.T) {
		t.Setenv("DROVE_CHECKPOINT_INTERVAL", "soon")
		if err := flagsFromEnv(serverCmd().Flags()); err == nil || !strings.Contains(err.Error(), "DROVE_CHECKPOINT_INTERVAL") {
			t.Fatalf("error %v, want one naming DROVE_CHECKPOINT_INTERVAL", err)
		}
	})
}

func TestClientCommandWithoutServerFailsInOneLine(t *testing.T) {
	root := rootCmd()
	root.SetOut(io.Discard)
	root.SetArgs([]string{"status", "--url", "postgres://drove@127.0.0.1:1/drove?connect_timeout=2"})
	err := root.Execute()
	if err == nil || !strings.HasPrefix(err.Error(), "connecting to 127.0.0.1:1") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %q, want one line starting with the address", err)
	}
}

func TestFlagsFromConfigFile(t *testing.T) {
	write := func(body string) string {
		p := filepath.Join(t.TempDir(), "drove.toml")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name    string
		body    string
		args    []string
		env     map[string]string
		want    map[string]string
		wantErr string
	}{
		{name: "settings", body: "data-dir = \"/srv/drove\"\ncheckpoint-interval = \"5m\"\nmax-dirty-memory = 1048576\n",
			want: map[string]string{"data-dir": "/srv/drove", "checkpoint-interval": "5m0s", "max-dirty-memory": "1MiB"}},
		{name: "sizes with units", body: "max-dirty-memory = \"256MiB\"\npage-cache-memory = \"1GB\"\n",
			want: map[string]string{"max-dirty-memory": "256MiB", "page-cache-memory": "1GiB"}},
		{name: "sizes from flags and environment", body: "",
			args: []string{"--max-dirty-memory", "64kB"}, env: map[string]string{"DROVE_PAGE_CACHE_MEMORY": "512 MB"},
			want: map[string]string{"max-dirty-memory": "64KiB", "page-cache-memory": "512MiB"}},
		{name: "bad size", body: "page-cache-memory = \"256mb\"\n", wantErr: "valid units"},
		{name: "command line and environment win", body: "data-dir = \"/file\"\npg-addr = \"127.0.0.1:1\"\n",
			args: []string{"--data-dir", "/flag"}, env: map[string]string{"DROVE_PG_ADDR": "127.0.0.1:2"},
			want: map[string]string{"data-dir": "/flag", "pg-addr": "127.0.0.1:2"}},
		{name: "unknown key", body: "data_dir = \"/x\"\n", wantErr: `unknown setting "data_dir"`},
		{name: "bad value", body: "checkpoint-interval = \"soon\"\n", wantErr: "checkpoint-interval"},
		{name: "not toml", body: "data-dir: /x\n", wantErr: "--config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cmd := serverCmd()
			if err := cmd.Flags().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			err := flagsFromEnv(cmd.Flags())
			if err == nil {
				err = flagsFromFile(cmd.Flags(), write(tt.body))
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if got := cmd.Flags().Lookup(k).Value.String(); got != v {
					t.Errorf("--%s = %q, want %q", k, got, v)
				}
			}
		})
	}
}
