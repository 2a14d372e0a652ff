package e2e

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// psql runs the real psql client with the given -c commands in one session and returns its
// stdout and stderr.
func psql(t *testing.T, n *node, commands ...string) (string, string) {
	t.Helper()
	args := []string{"-X", "-q", "-A", "-t", "-v", "VERBOSITY=verbose", "-h", "127.0.0.1",
		"-p", strconv.Itoa(n.port), "-U", "drove", "drove"}
	for _, c := range commands {
		args = append(args, "-c", c)
	}
	cmd := exec.Command(requireTool(t, "psql"), args...)
	cmd.Env = append(cmd.Environ(), "PGCONNECT_TIMEOUT=10", "PGSSLMODE=prefer")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run() // psql's exit status reflects only the last command; callers check output
	return stdout.String(), stderr.String()
}

// TestPsqlSession is the README's promise: psql connects, creates a table, writes; the server
// is killed with SIGKILL and restarted; every acknowledged row is there.
func TestPsqlSession(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()

	steps := []struct {
		name       string
		commands   []string
		wantOut    string
		wantErrHas []string
	}{
		{"create and insert", []string{
			"CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, score double precision, active boolean DEFAULT true)",
			"INSERT INTO users (id, name, score) VALUES (1, 'ada', 9.5), (2, 'grace', 8), (3, 'linus', NULL)",
		}, "", nil},
		{"select in order", []string{"SELECT id, name, score, active FROM users ORDER BY id"},
			"1|ada|9.5|t\n2|grace|8|t\n3|linus||t\n", nil},
		{"point lookup", []string{"SELECT name FROM users WHERE id = 2"}, "grace\n", nil},
		{"update and delete", []string{
			"UPDATE users SET score = score + 1 WHERE id = 1",
			"DELETE FROM users WHERE id = 3",
			"SELECT id, score FROM users ORDER BY id",
		}, "1|10.5\n2|8\n", nil},
		{"transaction rolled back", []string{
			"BEGIN; INSERT INTO users (id, name) VALUES (10, 'temp'); ROLLBACK",
			"SELECT count(*) FROM users",
		}, "2\n", nil},
		{"transaction committed", []string{
			"BEGIN; INSERT INTO users (id, name) VALUES (4, 'barbara'); UPDATE users SET name = 'Ada' WHERE id = 1; COMMIT",
			"SELECT id, name FROM users ORDER BY id",
		}, "1|Ada\n2|grace\n4|barbara\n", nil},
		{"errors keep the session usable", []string{
			"INSERT INTO users (id, name) VALUES (1, 'dup')",
			"SELECT * FROM nosuchtable",
			"SELECT nosuchcolumn FROM users",
			"INSERT INTO users (id) VALUES (5)",
			"INSERT INTO users (id, name) VALUES ('abc', 'x')",
			"SELEKT 1",
			"SELECT 42",
		}, "42\n", []string{"23505", "42P01", "42703", "23502", "22P02", "42601"}},
		{"an error inside a transaction", []string{
			"BEGIN",
			"INSERT INTO users (id, name) VALUES (20, 'doomed')",
			"SELECT 1 / 0",
			"SELECT 'ignored'",
			"ROLLBACK",
			"SELECT count(*) FROM users WHERE id = 20",
		}, "0\n", []string{"22012", "25P02"}},
		// psql wraps each statement of a transaction in SAVEPOINT pg_psql_temporary_savepoint
		// and rolls back to it on an error, which brings the transaction back (status T).
		{"ON_ERROR_ROLLBACK", []string{
			"CREATE TABLE sp (k int PRIMARY KEY)",
			`\set ON_ERROR_ROLLBACK on`,
			"BEGIN",
			"INSERT INTO sp VALUES (1)",
			"INSERT INTO sp VALUES (1)",
			"SELECT 1 / 0",
			"INSERT INTO sp VALUES (2)",
			"COMMIT",
			"SELECT k FROM sp ORDER BY k",
		}, "1\n2\n", []string{"23505", "22012"}},
	}
	for _, s := range steps {
		out, errOut := psql(t, n, s.commands...)
		if out != s.wantOut {
			t.Fatalf("%s: stdout\n%q\nwant\n%q\nstderr: %s", s.name, out, s.wantOut, errOut)
		}
		for _, code := range s.wantErrHas {
			if !strings.Contains(errOut, code) {
				t.Fatalf("%s: stderr lacks SQLSTATE %s:\n%s", s.name, code, errOut)
			}
		}
		if s.wantErrHas == nil && errOut != "" {
			t.Fatalf("%s: unexpected stderr: %s", s.name, errOut)
		}
	}

	n.kill()
	n.start()
	out, errOut := psql(t, n, "SELECT id, name FROM users ORDER BY id")
	if want := "1|Ada\n2|grace\n4|barbara\n"; out != want {
		t.Fatalf("after kill -9 and restart: %q, want %q (stderr %s)", out, want, errOut)
	}
}

// TestPsqlMetaCommands: psql's \dt, \di, \dn, \l, \du, \df and \do read drove's pg_catalog.
func TestPsqlMetaCommands(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	if _, errOut := psql(t, n, "CREATE TABLE t (id int PRIMARY KEY, k int); CREATE INDEX t_k ON t (k); CREATE TABLE logs (msg text)"); errOut != "" {
		t.Fatal(errOut)
	}
	cases := []struct{ command, want string }{
		{`\dt`, "public|logs|table|drove\npublic|t|table|drove\n"},
		{`\di`, "public|t_k|index|drove|t\npublic|t_pkey|index|drove|t\n"},
		{`\dn`, "public|drove\n"},
		{`\l`, "drove|drove|UTF8|C|C||libc|\n"},
		{`\du`, "drove|Superuser, Create role, Create DB|{}\n"},
		{`\dt lo*`, "public|logs|table|drove\n"},
		// \df reads pg_proc, drove's function registry; without a pattern it lists no
		// system function, as in PostgreSQL.
		{`\df lower`, "pg_catalog|lower|text|text|func\n"},
		{`\dfS count`, "pg_catalog|count|bigint||agg\npg_catalog|count|bigint|\"any\"|agg\n"},
		{`\df`, ""},
		// PostgreSQL 15's rows for the types drove has (it also lists bit varying, tsquery
		// and tsvector), without their descriptions.
		{`\do ||`, "pg_catalog||||anycompatible|anycompatiblearray|anycompatiblearray|\n" +
			"pg_catalog||||anycompatiblearray|anycompatible|anycompatiblearray|\n" +
			"pg_catalog||||anycompatiblearray|anycompatiblearray|anycompatiblearray|\n" +
			"pg_catalog||||anynonarray|text|text|\npg_catalog||||bytea|bytea|bytea|\n" +
			"pg_catalog||||jsonb|jsonb|jsonb|\npg_catalog||||text|anynonarray|text|\n" +
			"pg_catalog||||text|text|text|\n"},
	}
	for _, c := range cases {
		out, errOut := psql(t, n, c.command)
		if out != c.want || errOut != "" {
			t.Errorf("%s: got %q (stderr %q), want %q", c.command, out, errOut, c.want)
		}
	}

	// \d table: columns, then the indexes footer (the primary key is drove's hash map).
	if _, errOut := psql(t, n, "CREATE TABLE items (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', qty bigint); CREATE UNIQUE INDEX items_name ON items (name)"); errOut != "" {
		t.Fatal(errOut)
	}
	want := `                              Table "public.items"
 Column |         Type          | Collation | Nullable |        Default         
--------+-----------------------+-----------+----------+------------------------
 id     | integer               |           | not null | 
 name   | character varying(20) |           | not null | 'x'::character varying
 qty    | bigint                |           |          | 
Indexes:
    "items_pkey" PRIMARY KEY, hash (id)
    "items_name" UNIQUE, btree (name)

`
	out, errOut := psql(t, n, `\pset tuples_only off`, `\pset format aligned`, `\d items`)
	if out != want || errOut != "" {
		t.Errorf("\\d items: got\n%s(stderr %q), want\n%s", out, errOut, want)
	}
}
