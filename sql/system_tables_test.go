package sql

import (
	"fmt"
	"testing"
)

// systransactions lists the transactions holding row locks, until they end.
func TestSystransactionsListsOpenWriters(t *testing.T) {
	ts := openTestTablespace(t)
	a, b, watcher := NewSession(ts, nil), NewSession(ts, nil), NewSession(ts, nil)
	execOK(t, a, "CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 0), (2, 0)")
	count := func() string {
		t.Helper()
		return execOK(t, watcher, "SELECT count(*) FROM systransactions").lines[0]
	}
	steps := []struct {
		s    *Session
		sql  string
		want string
	}{
		{a, "BEGIN", "0"},
		{a, "SELECT * FROM t", "0"}, // reading takes no locks
		{a, "UPDATE t SET v = 1 WHERE id = 1", "1"},
		{b, "BEGIN; SELECT * FROM t WHERE id = 2 FOR UPDATE", "2"},
		{a, "COMMIT", "1"},
		{b, "ROLLBACK", "0"},
	}
	for _, st := range steps {
		execOK(t, st.s, st.sql)
		if got := count(); got != st.want {
			t.Fatalf("after %s: %s open writers, want %s", st.sql, got, st.want)
		}
	}
	execOK(t, a, "BEGIN; DELETE FROM t WHERE id = 2")
	out := execOK(t, watcher, "SELECT tablespace, txid > 0, creationtimestamp <= now() FROM systransactions").lines
	if fmt.Sprint(out) != "[drove|t|t tag: SELECT 1]" {
		t.Fatalf("systransactions: %v", out)
	}
}
