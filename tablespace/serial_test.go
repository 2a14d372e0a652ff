package tablespace

import (
	"context"
	"testing"
)

// TestSerialCountsPastCommittedValues: a serial counter starts past the largest committed
// value, counts up without reuse, and after a restart starts past what was committed.
func TestSerialCountsPastCommittedValues(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 1, 41, 10) // ids 1..40
	s, _ := ts.Schema("t")
	next := func(ts *Tablespace) int64 {
		t.Helper()
		s, _ := ts.Schema("t")
		n, err := ts.NextSerial(s, 0)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	steps := []struct {
		name string
		want int64
	}{{"first value follows the largest id", 41}, {"then counts up", 42}, {"and again", 43}}
	for _, st := range steps {
		if got := next(ts); got != st.want {
			t.Fatalf("%s: got %d, want %d", st.name, got, st.want)
		}
	}
	// 41..43 were handed out but never committed; commit 44 only.
	tx := beginAll(ts)
	if err := tx.Insert(ctx, "t", testKey(next(ts)), testValue("x")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	ts = openTest(t, dir)
	defer ts.Close()
	if got := next(ts); got != 45 {
		t.Fatalf("after a restart: got %d, want 45 (one past the largest committed id)", got)
	}
	if s2, _ := ts.Schema("t"); s2 == s {
		t.Fatal("the reopened tablespace shares a schema with the closed one")
	}
}
