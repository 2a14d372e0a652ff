package tablespace

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/drovedb/drove/wal"
)

// TestChunkedCommit: a transaction larger than MaxEntryBytes commits as several log entries,
// all or nothing, and survives a restart.
func TestChunkedCommit(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	small := func(o *Options) { o.MaxEntryBytes = 4 << 10 }
	ts := openTest(t, dir, small)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	before := ts.fsm.applied.Load()
	insertRows(t, ts, "t", 0, 500, 500) // one transaction, ~60 KB
	if entries := ts.fsm.applied.Load() - before; entries < 10 {
		t.Fatalf("a 60 KB transaction took %d log entries with 4 KB chunks", entries)
	}
	if n := countRows(t, ts, "t"); n != 500 {
		t.Fatalf("%d rows after the chunked commit", n)
	}

	// A chunked transaction refused at its commit (a duplicate key, found only at apply by
	// Load's unlocked inserts) leaves nothing behind, and no held-back chunks.
	tx := beginAll(ts)
	for i := 1000; i < 1400; i++ {
		if err := tx.Load("t", testKey(int64(i)), testValue(fmt.Sprintf("row%-100d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Load("t", testKey(7), testValue("dup")); err != nil {
		t.Fatal(err)
	}
	var dup *DuplicateKeyError
	if err := tx.Commit(ctx); !errors.As(err, &dup) || dup.Index != 400 {
		t.Fatalf("committing a duplicate in chunks: %v", err)
	}
	if n := countRows(t, ts, "t"); n != 500 {
		t.Fatalf("%d rows after the refused commit, want 500", n)
	}
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatalf("checkpoint after chunked commits: %v", err)
	}
	ts.Close()
	ts = openTest(t, dir, small)
	defer ts.Close()
	if n := countRows(t, ts, "t"); n != 500 {
		t.Fatalf("%d rows after a restart", n)
	}
}

// TestInterruptedChunks: chunks appended without their commit (the process stopped in
// between) hold back checkpoints while they exist, and are aborted at the next start.
func TestInterruptedChunks(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	muts := []wal.Mutation{{Op: wal.OpInsert, Table: "t", Key: testKey(1), Value: testValue("half")}}
	if err := ts.propose(ctx, &wal.Entry{Kind: wal.KindTxnChunk, TxID: 99, Mutations: muts}); err != nil {
		t.Fatal(err)
	}
	// Raft reports the state machine's refusal as text.
	if err := ts.Checkpoint(ctx); err == nil || !strings.Contains(err.Error(), errChunksPending.Error()) {
		t.Fatalf("checkpoint with chunks held back: %v, want %v", err, errChunksPending)
	}
	ts.Close()
	ts = openTest(t, dir)
	defer ts.Close()
	if n := countRows(t, ts, "t"); n != 0 {
		t.Fatalf("the interrupted transaction's rows were applied: %d", n)
	}
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatalf("checkpoint after the orphans were aborted: %v", err)
	}
}

func countRows(t *testing.T, ts *Tablespace, table string) int {
	t.Helper()
	tx := beginAll(ts)
	defer tx.Rollback()
	n := 0
	if err := tx.Scan(table, func(_, _ []byte) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
