package tablespace

import (
	"context"
	"testing"
	"time"
)

// A quiet tablespace reports no apply lag: the log's configuration and no-op entries, which
// never reach the FSM, do not count as entries waiting to be applied, neither after an
// open nor after a restart.
func TestQuietTablespaceHasNoApplyLag(t *testing.T) {
	dir := t.TempDir()
	ts := openTest(t, dir)
	noApplyLag(t, ts, "new tablespace")
	if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 10, 5)
	noApplyLag(t, ts, "after writes")
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	ts = openTest(t, dir)
	defer ts.Close()
	noApplyLag(t, ts, "after a restart")
}

// noApplyLag waits for the apply lag to read 0. Raft records its applied index a moment
// after the FSM answered: allow that moment, not a lag that stays.
func noApplyLag(t *testing.T, ts *Tablespace, when string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for st := ts.Stats(); st.ApplyLag != 0; st = ts.Stats() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: apply lag %d, applied %d", when, st.ApplyLag, st.AppliedIndex)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
