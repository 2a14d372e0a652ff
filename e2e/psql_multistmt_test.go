package e2e

import (
	"strings"
	"testing"
)

// TestPsqlMultiStatementString: psql sends `-c 'a; b'` as one Query, which PostgreSQL runs as
// one implicit transaction: the division by zero rolls back the INSERT before it, and the
// COMMIT in the second string keeps only what came before it. drove used to keep 2 and 4.
func TestPsqlMultiStatementString(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	out, errOut := psql(t, n,
		"CREATE TABLE t (k int PRIMARY KEY)",
		"INSERT INTO t VALUES (2); SELECT 1/0",
		"INSERT INTO t VALUES (3); COMMIT; INSERT INTO t VALUES (4); SELECT 1/0",
		"SELECT 1; VACUUM",
		"SELECT string_agg(k::text, ',' ORDER BY k) FROM t")
	// "1" is SELECT 1's row, which psql 15 prints before VACUUM's error, as against PostgreSQL.
	if got := strings.TrimSpace(out); got != "1\n3" {
		t.Fatalf("output %q, want 1 and 3\nstderr: %s", got, errOut)
	}
	for _, want := range []string{"22012", "WARNING:  25P01: there is no transaction in progress",
		"25001: VACUUM cannot run inside a transaction block"} {
		if !strings.Contains(errOut, want) {
			t.Fatalf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}
