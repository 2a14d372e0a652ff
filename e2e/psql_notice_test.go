package e2e

import (
	"strings"
	"testing"
)

// TestPsqlShowsNotices checks that psql prints drove's notices as it prints PostgreSQL 15's
// (the expected lines are psql's against PostgreSQL, VERBOSITY=verbose without the LOCATION
// line, which names PostgreSQL's C function).
func TestPsqlShowsNotices(t *testing.T) {
	n := newNode(t)
	n.start()
	_, stderr := psql(t, n, "CREATE TABLE t (a int)", "CREATE TABLE IF NOT EXISTS t (a int)",
		"DROP TABLE IF EXISTS x", "COMMIT", "SET client_min_messages = warning", "DROP TABLE IF EXISTS x")
	want := []string{
		`NOTICE:  42P07: relation "t" already exists, skipping`,
		`NOTICE:  00000: table "x" does not exist, skipping`,
		`WARNING:  25P01: there is no transaction in progress`,
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(l, "LOCATION:") && l != "" {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("psql printed:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
}
