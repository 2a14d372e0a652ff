package e2e

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestPsycopg2NamedCursors runs testdata/psycopg2_cursors.py: psycopg2's server-side
// cursors (DECLARE ... CURSOR WITHOUT HOLD FOR, FETCH FORWARD 2000 FROM) reading 10,000 rows,
// scrollable and held ones.
func TestPsycopg2NamedCursors(t *testing.T) {
	python := psycopg2Python(t)
	n := newNode(t)
	n.start()
	dsn := fmt.Sprintf("host=127.0.0.1 port=%d user=drove dbname=drove sslmode=disable", n.port)
	runClient(t, n, exec.Command(python, "testdata/psycopg2_cursors.py", dsn))
}

// TestPsqlFetchCount: with FETCH_COUNT set psql reads a query through a cursor
// (DECLARE _psql_cursor NO SCROLL CURSOR FOR ...; FETCH FORWARD n FROM _psql_cursor), which
// pg_cursors shows to the query itself, and gets every row.
func TestPsqlFetchCount(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	psql(t, n, "CREATE TABLE big (k int PRIMARY KEY, v text)",
		"INSERT INTO big SELECT g, repeat('x', 40) FROM generate_series(1, 20000) g")
	out, errOut := psql(t, n, `\set FETCH_COUNT 100`,
		"SELECT name, is_holdable, is_scrollable FROM pg_cursors",
		"SELECT k FROM big WHERE k % 5000 = 0 ORDER BY k",
		"SELECT * FROM big")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if errOut != "" || len(lines) != 1+4+20000 {
		t.Fatalf("psql: %d lines, stderr %q, first lines %q", len(lines), errOut, lines[:min(6, len(lines))])
	}
	if want := []string{"_psql_cursor|f|f", "5000", "10000", "15000", "20000"}; strings.Join(lines[:5], ",") != strings.Join(want, ",") {
		t.Fatalf("psql with FETCH_COUNT: %q, want %q", lines[:5], want)
	}
	if lines[5] != "1|"+strings.Repeat("x", 40) || lines[len(lines)-1] != "20000|"+strings.Repeat("x", 40) {
		t.Fatalf("psql with FETCH_COUNT: rows %q ... %q", lines[5], lines[len(lines)-1])
	}
	// An error in the middle of the fetches reaches psql, and the session goes on.
	out, errOut = psql(t, n, `\set FETCH_COUNT 10`, "SELECT 10 / (g - 50) FROM generate_series(1, 100) g", "SELECT 1")
	if !strings.Contains(errOut, "22012") || !strings.HasSuffix(out, "1\n") {
		t.Fatalf("psql error mid-cursor: out %q, stderr %q", out, errOut)
	}
}
