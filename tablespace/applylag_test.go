package tablespace

import (
	"context"
	"testing"
)

// A quiet tablespace reports no apply lag: the log's configuration and no-op entries, which
// never reach the FSM, do not count as entries waiting to be applied, neither after an
// open nor after a restart.
func TestQuietTablespaceHasNoApplyLag(t *testing.T) {
	dir := t.TempDir()
	ts := openTest(t, dir)
	if st := ts.Stats(); st.ApplyLag != 0 {
		t.Fatalf("new tablespace: apply lag %d, applied %d", st.ApplyLag, st.AppliedIndex)
	}
	if err := ts.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 10, 5)
	if st := ts.Stats(); st.ApplyLag != 0 {
		t.Fatalf("after writes: apply lag %d, applied %d", st.ApplyLag, st.AppliedIndex)
	}
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	ts = openTest(t, dir)
	defer ts.Close()
	if st := ts.Stats(); st.ApplyLag != 0 {
		t.Fatalf("after a restart: apply lag %d, applied %d", st.ApplyLag, st.AppliedIndex)
	}
}
