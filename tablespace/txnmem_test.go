package tablespace

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
)

// TestTransactionMemoryLimit: a transaction whose writes pass MaxTxnMemory fails with
// ErrTxnMemory at the write that passes it, every later write and its commit fail the same
// way, nothing of it is applied, and the next transaction works.
func TestTransactionMemoryLimit(t *testing.T) {
	ctx := context.Background()
	const limit = 64 << 10
	ts := openTest(t, t.TempDir(), func(o *Options) { o.MaxTxnMemory = limit })
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 10, 10) // rows 0..9 committed
	value := testValue(string(make([]byte, 300)))
	cases := []struct {
		name  string
		write func(tx *Txn, i int) error
	}{
		{"insert", func(tx *Txn, i int) error { return tx.Insert(ctx, "t", testKey(int64(1000+i)), value) }},
		{"load", func(tx *Txn, i int) error { return tx.Load("t", testKey(int64(1000+i)), value) }},
		// Rewriting one row keeps every image in the arena until the transaction ends.
		{"update one row", func(tx *Txn, i int) error { return tx.Update(ctx, "t", testKey(1), value) }},
		{"lock rows", func(tx *Txn, i int) error {
			_, _, err := tx.GetForUpdate(ctx, "t", testKey(int64(1000+i)))
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx := beginAll(ts)
			defer tx.Rollback()
			failedAt := -1
			for i := range limit { // far more than fit
				if err := c.write(tx, i); err != nil {
					if !errors.Is(err, ErrTxnMemory) {
						t.Fatalf("write %d: %v, want ErrTxnMemory", i, err)
					}
					failedAt = i
					break
				}
			}
			if failedAt < 0 {
				t.Fatal("the limit never applied")
			}
			if err := c.write(tx, failedAt+1); !errors.Is(err, ErrTxnMemory) {
				t.Fatalf("write after the limit: %v, want ErrTxnMemory", err)
			}
			if err := tx.Commit(ctx); !errors.Is(err, ErrTxnMemory) {
				t.Fatalf("commit after the limit: %v, want ErrTxnMemory", err)
			}
			n := 0
			check := ts.Begin()
			defer check.Rollback()
			if err := check.Scan("t", func(k, v []byte) error {
				if string(v) == string(value) {
					return fmt.Errorf("a row of the failed transaction is there")
				}
				n++
				return nil
			}); err != nil || n != 10 {
				t.Fatalf("after the failed transaction: %d rows, %v; want the 10 committed", n, err)
			}
			// The locks are gone and the tablespace takes the next transaction.
			next := beginAll(ts)
			if err := next.Update(ctx, "t", testKey(1), testValue(fmt.Sprintf("row%-100d", 1))); err != nil {
				t.Fatal(err)
			}
			if err := next.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBigTransactionLeavesNoMemoryBehind: once a big transaction is applied and checkpointed,
// its memory is free again but for the rows' PK map entries. Its chunk entries used to stay
// pinned by the Raft log cache (1024 entries of up to MaxEntryBytes) and its row locks in the
// lock map's buckets, which a Go map never gives back.
func TestBigTransactionLeavesNoMemoryBehind(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir(), func(o *Options) { o.MaxEntryBytes = 1 << 20 })
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	heap := func() int64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	before := heap()
	const rows = 100000
	value := testValue(string(make([]byte, 400)))
	tx := beginAll(ts)
	for i := range rows {
		if err := tx.Insert(ctx, "t", testKey(int64(i)), value); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	// What must stay: the PK map and raft-wal's write buffer (one entry): 52 bytes a row
	// when measured. The rows themselves are 40 MB; the lock map's buckets alone were 52
	// bytes a row more, the cached log entries over 400.
	if grew := heap() - before; grew > 80*rows {
		t.Fatalf("%d bytes a row still in memory after the commit and a checkpoint", grew/rows)
	}
}
