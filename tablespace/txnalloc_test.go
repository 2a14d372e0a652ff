package tablespace

import (
	"context"
	"errors"
	"testing"
)

// TestSingleRowWriteAllocs: a one-row transaction's write keeps its write-set entry, its
// lock id's slot and its entry in the list of active transactions inside the Txn (it allocates
// the Txn, the lock id, the write-set index and the row's copy, nothing more), and a commit
// that succeeded does not allocate to ask whether it must wait to settle.
func TestSingleRowWriteAllocs(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	s, _ := ts.Schema("t")
	key, value := testKey(1), testValue("a row")
	var werr error
	allocs := testing.AllocsPerRun(200, func() {
		tx := ts.Begin()
		if _, err := tx.Enter(ctx, "t", s); err != nil {
			werr = err
		}
		if err := tx.Insert(ctx, "t", key, value); err != nil {
			werr = err
		}
		tx.Rollback()
	})
	if werr != nil {
		t.Fatal(werr)
	}
	// The Txn, the lock id, the write-set index, the row's arena, the lock table's entry and
	// the active list's map node: 6 (9 when the write, the lock's slot and the active entry
	// were allocations of their own).
	if allocs > 6 {
		t.Fatalf("a one-row write allocates %v times, want at most 6", allocs)
	}
	if n := testing.AllocsPerRun(100, func() { _ = settledLater(nil) }); n != 0 {
		t.Fatalf("settledLater(nil) allocates %v times", n)
	}
	if settledLater(errors.New("x")) != nil {
		t.Fatal("settledLater of a plain error")
	}
}
