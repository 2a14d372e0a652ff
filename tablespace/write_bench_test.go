package tablespace

import (
	"context"
	"testing"
)

// BenchmarkTxnInsert is the leader's write path without the log: lock the row, check it does
// not exist, record the image in the write set. One transaction takes b.N rows, so B/op is
// also the write set's memory per row (100-byte values).
func BenchmarkTxnInsert(b *testing.B) {
	ctx := context.Background()
	ts := openTest(b, b.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		b.Fatal(err)
	}
	s, _ := ts.Schema("t")
	value := testValue(string(make([]byte, 100)))
	keys := make([][]byte, b.N)
	for i := range keys {
		keys[i] = testKey(int64(i))
	}
	tx := ts.Begin()
	defer tx.Rollback()
	if _, err := tx.Enter(ctx, "t", s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tx.Insert(ctx, "t", keys[i], value); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTxnInsertSavepoint is BenchmarkTxnInsert with every insert in its own savepoint,
// released after it (what psql's ON_ERROR_ROLLBACK does around each statement); every 16th is
// rolled back instead.
func BenchmarkTxnInsertSavepoint(b *testing.B) {
	ctx := context.Background()
	ts := openTest(b, b.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		b.Fatal(err)
	}
	s, _ := ts.Schema("t")
	value := testValue(string(make([]byte, 100)))
	keys := make([][]byte, b.N)
	for i := range keys {
		keys[i] = testKey(int64(i))
	}
	tx := ts.Begin()
	defer tx.Rollback()
	if _, err := tx.Enter(ctx, "t", s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		level, err := tx.Savepoint()
		if err != nil {
			b.Fatal(err)
		}
		if err := tx.Insert(ctx, "t", keys[i], value); err != nil {
			b.Fatal(err)
		}
		if i%16 == 15 {
			err = tx.RollbackTo(level)
		}
		if err == nil {
			err = tx.Release(level)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTxnCommit is one autocommit INSERT by primary key through the tablespace API:
// begin, enter the table, insert, commit (append, fsync, apply).
func BenchmarkTxnCommit(b *testing.B) {
	ctx := context.Background()
	ts := openTest(b, b.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		b.Fatal(err)
	}
	s, _ := ts.Schema("t")
	value := testValue(string(make([]byte, 100)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx := ts.Begin()
		if _, err := tx.Enter(ctx, "t", s); err != nil {
			b.Fatal(err)
		}
		if err := tx.Insert(ctx, "t", testKey(int64(i)), value); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
