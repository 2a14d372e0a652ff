package server

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// exec runs sql on a pgwire connection and returns its rows as "a|b" lines, or the SQLSTATE.
func exec(t *testing.T, c *pgconn.PgConn, sql string) (string, string) {
	t.Helper()
	results, err := c.Exec(context.Background(), sql).ReadAll()
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return "", pgErr.Code
	}
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	var lines []string
	for _, r := range results {
		for _, row := range r.Rows {
			var cells []string
			for _, v := range row {
				cells = append(cells, string(v))
			}
			lines = append(lines, strings.Join(cells, "|"))
		}
	}
	return strings.Join(lines, "\n"), ""
}

func connect(t *testing.T, s *Server, db string) *pgconn.PgConn {
	t.Helper()
	c, err := pgconn.Connect(context.Background(), "postgres://drove@"+s.PGAddr().String()+"/"+db+"?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func TestCreateAndDropTablespace(t *testing.T) {
	dir := t.TempDir()
	cfg := quietConfig(dir, "127.0.0.1:0")
	cfg.NodeID = "n1"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	admin := connect(t, s, "drove")
	steps := []struct {
		sql, rows, code string
	}{
		{sql: "CREATE TABLESPACE 'sales'"},
		{sql: "CREATE TABLESPACE 'sales'", code: "42710"},
		{sql: "CREATE TABLESPACE IF NOT EXISTS 'sales'"},
		{sql: "CREATE TABLESPACE 'local', 'leader:n1', 'replica:n1', 'expectedreplicacount:1'"},
		{sql: "CREATE TABLESPACE 'far', 'leader:n2'", code: "22023"},
		{sql: "CREATE TABLESPACE 'far', 'replica:n1,n2'", code: "22023"},
		// More replicas expected than the cluster has nodes: placed on what there is, and
		// given more as nodes join (the metadata leader heals it).
		{sql: "CREATE TABLESPACE 'far', 'expectedreplicacount:3'"},
		{sql: "CREATE TABLESPACE 'bad-name'", code: "42602"},
		{sql: "BEGIN; CREATE TABLESPACE 'intx'", code: "25001"},
		{sql: "ROLLBACK"},
		{sql: "SELECT tablespace_name, leader, replica, expectedreplicacount FROM systablespaces ORDER BY tablespace_name",
			rows: "drove|n1|n1|1\nfar|n1|n1|3\nlocal|n1|n1|1\nsales|n1|n1|1"},
		{sql: "SELECT nodeid FROM sysnodes", rows: "n1"},
		{sql: "DROP TABLESPACE 'far'"},
		{sql: "DROP TABLESPACE 'drove'", code: "55006"},
		{sql: "DROP TABLESPACE 'nosuch'", code: "42704"},
		{sql: "DROP TABLESPACE IF EXISTS 'nosuch'"},
		{sql: "DROP TABLESPACE 'local'"},
		{sql: "SELECT count(*) FROM systablespaces", rows: "2"},
		{sql: "INSERT INTO systables VALUES ('x', 'y', false)", code: "42809"},
		{sql: "CREATE TABLE systables (a int PRIMARY KEY)", code: "42P07"},
	}
	for _, st := range steps {
		rows, code := exec(t, admin, st.sql)
		if code != st.code || rows != st.rows {
			t.Fatalf("%s: got rows %q code %q, want rows %q code %q", st.sql, rows, code, st.rows, st.code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "tablespaces", "local")); !os.IsNotExist(err) {
		t.Fatalf("dropped tablespace's directory is still there: %v", err)
	}

	// The new tablespace is a database of its own, with its own tables.
	sales := connect(t, s, "sales")
	for _, q := range []string{"CREATE TABLE orders (id int PRIMARY KEY, item text)",
		"INSERT INTO orders VALUES (1, 'pen'), (2, 'ink')"} {
		if _, code := exec(t, sales, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	if _, code := exec(t, admin, "SELECT * FROM orders"); code != "42P01" {
		t.Fatalf("a table of tablespace sales is visible from drove (%q)", code)
	}
	if rows, _ := exec(t, sales, "SELECT table_name FROM systables WHERE NOT systemtable"); rows != "orders" {
		t.Fatalf("systables of sales: %q", rows)
	}
	if rows, _ := exec(t, sales, "SELECT column_name, data_type, is_primary_key FROM syscolumns ORDER BY ordinal_position"); rows != "id|integer|t\nitem|text|f" {
		t.Fatalf("syscolumns of sales: %q", rows)
	}
	if _, code := exec(t, sales, "DROP TABLESPACE 'sales'"); code != "55006" {
		t.Fatalf("dropping the session's own tablespace: %q", code)
	}

	// Tablespaces and their data survive a restart; the node keeps its id.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	cfg.NodeID = ""
	if s, err = Start(cfg); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.ID() != "n1" {
		t.Fatalf("node id after restart: %q", s.ID())
	}
	sales = connect(t, s, "sales")
	if rows, _ := exec(t, sales, "SELECT item FROM orders ORDER BY id"); rows != "pen\nink" {
		t.Fatalf("after restart: %q", rows)
	}

	// A session on a tablespace that another session drops fails cleanly.
	admin = connect(t, s, "drove")
	if _, code := exec(t, admin, "DROP TABLESPACE 'sales'"); code != "" {
		t.Fatalf("drop: %s", code)
	}
	if _, code := exec(t, sales, "SELECT * FROM orders"); code != "57P01" {
		t.Fatalf("statement on a dropped tablespace: %q", code)
	}
	if _, err := pgconn.Connect(context.Background(), "postgres://drove@"+s.PGAddr().String()+"/sales?sslmode=disable"); err == nil {
		t.Fatal("connected to a dropped tablespace")
	}
}

func TestNodeIDMismatchIsRefused(t *testing.T) {
	dir := t.TempDir()
	cfg := quietConfig(dir, "")
	cfg.NodeID = "a"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cfg.NodeID = "b"
	if s, err := Start(cfg); err == nil {
		s.Close()
		t.Fatal("started with a node id that differs from the data directory's")
	}
}

func TestInterruptedDropIsFinishedAtStart(t *testing.T) {
	dir := t.TempDir()
	leftover := filepath.Join(dir, "tablespaces", ".dropped-old-1")
	if err := os.MkdirAll(leftover, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Start(quietConfig(dir, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Fatalf("leftover of a dropped tablespace not removed: %v", err)
	}
	if n := len(s.Tablespaces()); n != 1 {
		t.Fatalf("%d tablespaces, want the default only", n)
	}
}
