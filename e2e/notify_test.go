package e2e

import (
	"fmt"
	"os/exec"
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
