package e2e

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestPsycopg2Notify runs testdata/psycopg2_notify.py: LISTEN/NOTIFY as psycopg2's
// documentation uses it (select() on the idle connection, poll(), notifies).
func TestPsycopg2Notify(t *testing.T) {
	python := psycopg2Python(t)
	n := newNode(t)
	n.start()
	dsn := fmt.Sprintf("host=127.0.0.1 port=%d user=drove dbname=drove sslmode=disable", n.port)
	runClient(t, n, exec.Command(python, "testdata/psycopg2_notify.py", dsn))
}

// TestPsqlNotify: psql prints a notification its own session committed, after the command,
// with the notifier's process id, as with PostgreSQL.
func TestPsqlNotify(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	out, errOut := psql(t, n, "LISTEN jobs", "NOTIFY jobs, 'hello'", "BEGIN; NOTIFY jobs, 'later'; ROLLBACK",
		"SELECT pg_backend_pid()")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("psql printed %q (stderr %q)", out, errOut)
	}
	want := fmt.Sprintf(`Asynchronous notification "jobs" with payload "hello" received from server process with PID %s.`, lines[1])
	if lines[0] != want {
		t.Fatalf("psql printed %q, want %q", lines[0], want)
	}
}
