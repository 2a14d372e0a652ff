package tablespace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// truncateFixture opens a tablespace whose transactions may hold far less than the rows of
// its tables (so deleting them row by row fails with ErrTxnMemory), with tables t (a unique
// index on v) and u, rows 0..rows-1 in each.
func truncateFixture(t *testing.T, dir string, rows int) *Tablespace {
	t.Helper()
	ts := openTest(t, dir, func(o *Options) { o.MaxTxnMemory = 64 << 10 })
	ctx := context.Background()
	for _, s := range []string{"t", "u"} {
		if err := ts.CreateTable(ctx, indexedSchema(s, true)); err != nil {
			t.Fatal(err)
		}
		insertRows(t, ts, s, 0, rows, 100)
	}
	return ts
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestTruncate: TRUNCATE is one small mutation however big the table, transactional (a
// rollback restores the rows, the transaction reads its own writes after it), empties the
// unique index, and later writes of the transaction land in the empty table.
func TestTruncate(t *testing.T) {
	const rows = 3000
	ctx := context.Background()
	row := func(i int) string { return fmt.Sprintf("row%-100d", i) } // insertRows' values
	cases := []struct {
		name string
		run  func(t *testing.T, ts *Tablespace, tx *Txn) // ends tx
		want map[string]int                              // rows per table afterwards
	}{
		{"commit", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Truncate(ctx, "t"))
			mustNil(t, tx.Commit(ctx))
		}, map[string]int{"t": 0, "u": rows}},
		{"rollback restores", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Truncate(ctx, "t"))
			if n := txRows(t, tx, "t"); n != 0 {
				t.Fatalf("the truncating transaction sees %d rows", n)
			}
			tx.Rollback()
		}, map[string]int{"t": rows, "u": rows}},
		{"several tables", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Truncate(ctx, "t"))
			mustNil(t, tx.Truncate(ctx, "u"))
			mustNil(t, tx.Commit(ctx))
		}, map[string]int{"t": 0, "u": 0}},
		{"truncate then insert reads its own writes", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Truncate(ctx, "t"))
			if _, ok, err := tx.Get("t", testKey(7)); ok || err != nil {
				t.Fatalf("Get of a truncated row: %v %v", ok, err)
			}
			// Same key and same unique value as a truncated row: both are free now.
			mustNil(t, tx.Insert(ctx, "t", testKey(7), testValue(row(7))))
			mustNil(t, tx.Load("t", testKey(8), testValue("eight")))
			mustNil(t, tx.Update(ctx, "t", testKey(7), testValue("seven")))
			if v, ok, err := tx.Get("t", testKey(7)); !ok || err != nil || string(v) != string(testValue("seven")) {
				t.Fatalf("Get of its own row: %q %v %v", v, ok, err)
			}
			if err := tx.Delete(ctx, "t", testKey(9)); !errors.Is(err, ErrNoRow) {
				t.Fatalf("Delete of a truncated row: %v, want ErrNoRow", err)
			}
			if n := txRows(t, tx, "t"); n != 2 {
				t.Fatalf("the transaction sees %d rows, want its 2", n)
			}
			mustNil(t, tx.Commit(ctx))
			if got := lookup(t, ts, "t", "seven"); len(got) != 1 || got[0] != 7 {
				t.Fatalf("index lookup of the new row: %v", got)
			}
		}, map[string]int{"t": 2, "u": rows}},
		{"writes before the truncate are void", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Insert(ctx, "t", testKey(rows+1), testValue("before")))
			mustNil(t, tx.Update(ctx, "u", testKey(1), testValue("u stays")))
			mustNil(t, tx.Truncate(ctx, "t"))
			mustNil(t, tx.Insert(ctx, "t", testKey(rows+2), testValue("after")))
			mustNil(t, tx.Truncate(ctx, "t")) // again: "after" goes too
			mustNil(t, tx.Insert(ctx, "t", testKey(rows+3), testValue("last")))
			mustNil(t, tx.Commit(ctx))
			if got := lookup(t, ts, "u", "u stays"); len(got) != 1 {
				t.Fatalf("the other table's write is lost: %v", got)
			}
			if got := lookup(t, ts, "t", "last"); len(got) != 1 || got[0] != rows+3 {
				t.Fatalf("t holds %v", got)
			}
		}, map[string]int{"t": 1, "u": rows}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := truncateFixture(t, t.TempDir(), rows)
			defer ts.Close()
			before := ts.lastLogIndex()
			c.run(t, ts, beginAll(ts))
			if n := ts.lastLogIndex() - before; n > 1 {
				t.Fatalf("the transaction took %d log entries, want one", n)
			}
			for table, want := range c.want {
				if n := countRows(t, ts, table); n != want {
					t.Fatalf("%s holds %d rows, want %d", table, n, want)
				}
				// The unique index holds exactly the rows left.
				if got := lookup(t, ts, table, row(5)); (len(got) == 1) != (want == rows) {
					t.Fatalf("%s: index lookup of a row gives %v with %d rows left", table, got, want)
				}
			}
			// Deleting the rows one by one does not fit the transaction's memory bound: the
			// truncate is what made it.
			tx := beginAll(ts)
			defer tx.Rollback()
			var err error
			for i := 0; i < rows && err == nil; i++ {
				err = tx.Delete(ctx, "u", testKey(int64(i)))
			}
			if c.want["u"] == rows && !errors.Is(err, ErrTxnMemory) {
				t.Fatalf("deleting every row: %v, want ErrTxnMemory", err)
			}
		})
	}
}

// txRows counts the rows of table as tx sees them, with both Scan and a Cursor.
func txRows(t *testing.T, tx *Txn, table string) int {
	t.Helper()
	n := 0
	mustNil(t, tx.Scan(table, func(_, _ []byte) error { n++; return nil }))
	c, err := tx.Cursor(table)
	mustNil(t, err)
	m := 0
	for {
		_, _, ok, err := c.Next()
		mustNil(t, err)
		if !ok {
			break
		}
		m++
	}
	if m != n {
		t.Fatalf("Scan sees %d rows, Cursor %d", n, m)
	}
	return n
}

// TestTruncateExcludesOthers: a transaction that truncated a table holds it as PostgreSQL's
// ACCESS EXCLUSIVE lock does: other transactions cannot enter (read or write) it until the
// truncating one ends, then see the outcome; the truncate itself waits for the transactions
// already inside; a schema change waits for the truncating transaction.
func TestTruncateExcludesOthers(t *testing.T) {
	ctx := context.Background()
	ts := truncateFixture(t, t.TempDir(), 100)
	defer ts.Close()
	schema, _ := ts.Schema("t")
	short := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, 50*time.Millisecond) }

	// A reader inside keeps the truncate out.
	reader := ts.Begin()
	if ok, err := reader.Enter(ctx, "t", schema); !ok || err != nil {
		t.Fatal(ok, err)
	}
	a := beginAll(ts)
	a.SetLockTimeout(50 * time.Millisecond)
	if err := a.Truncate(ctx, "t"); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("truncate while another transaction is inside: %v, want ErrLockTimeout", err)
	}
	a.Rollback()
	// A transaction that starts waiting to enter while the truncate waits for the reader gets
	// its lock timeout too, counted from when the truncate holds the table.
	truncated := make(chan error, 1)
	a = beginAll(ts)
	go func() { truncated <- a.Truncate(ctx, "t") }()
	time.Sleep(20 * time.Millisecond) // a waits for reader
	late := make(chan error, 1)
	go func() {
		b := ts.Begin()
		defer b.Rollback()
		b.SetLockTimeout(50 * time.Millisecond)
		_, err := b.Enter(ctx, "t", schema)
		late <- err
	}()
	time.Sleep(20 * time.Millisecond) // b waits for a
	reader.Rollback()
	mustNil(t, <-truncated)
	select {
	case err := <-late:
		if !errors.Is(err, ErrLockTimeout) {
			t.Fatalf("waiting to enter a truncated table: %v, want ErrLockTimeout", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a transaction waiting to enter since before the truncate waits past its lock timeout")
	}
	a.Rollback()

	// Once truncated (not committed), nobody else gets in.
	a = beginAll(ts)
	mustNil(t, a.Truncate(ctx, "t"))
	for _, name := range []string{"read", "write"} {
		b := ts.Begin()
		c, cancel := short()
		_, err := b.Enter(c, "t", schema)
		cancel()
		b.Rollback()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: entering a table another transaction truncated: %v, want to wait", name, err)
		}
	}
	// Past its lock timeout a waiter gives up, as on a row lock.
	b := ts.Begin()
	b.SetLockTimeout(20 * time.Millisecond)
	if _, err := b.Enter(ctx, "t", schema); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("entering past the lock timeout: %v, want ErrLockTimeout", err)
	}
	b.Rollback()
	if err := ts.AlterTable(WithLockTimeout(ctx, 50*time.Millisecond), "t", schema, []int{0, 1}); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("ALTER TABLE during the truncating transaction: %v, want ErrLockTimeout", err)
	}
	// Waiters get in when it commits, and see the empty table.
	entered := make(chan error, 1)
	b = ts.Begin()
	defer b.Rollback()
	go func() {
		_, err := b.Enter(ctx, "t", schema)
		entered <- err
	}()
	select {
	case err := <-entered:
		t.Fatalf("entered before the truncate committed: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	mustNil(t, a.Commit(ctx))
	mustNil(t, <-entered)
	if n := txRows(t, b, "t"); n != 0 {
		t.Fatalf("after the truncate committed another transaction sees %d rows", n)
	}
	// The table is usable by others again.
	mustNil(t, b.Insert(ctx, "t", testKey(1), testValue("one")))
	mustNil(t, b.Commit(ctx))
}

// TestTruncateRestart: a truncate survives a restart, clean or crashed, with or without a
// checkpoint between it and the restart; the table, its index and later inserts are right
// afterwards, and once two checkpoints have passed the old rows' pages are deleted.
func TestTruncateRestart(t *testing.T) {
	const rows = 2000
	ctx := context.Background()
	cases := []struct {
		name             string
		checkpointBefore bool // the rows are in pages when truncated
		checkpointAfter  bool // a checkpoint between the truncate and the restart
		crash            bool
	}{
		{"replay", false, false, true},
		{"pages, replay", true, false, true},
		{"pages, checkpoint, crash", true, true, true},
		{"pages, clean close", true, false, false},
		{"checkpoint, crash", false, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			ts := truncateFixture(t, dir, rows)
			if c.checkpointBefore {
				mustNil(t, ts.Checkpoint(ctx))
			}
			tx := beginAll(ts)
			mustNil(t, tx.Truncate(ctx, "t"))
			mustNil(t, tx.Insert(ctx, "t", testKey(1), testValue("kept")))
			mustNil(t, tx.Commit(ctx))
			if c.checkpointAfter {
				mustNil(t, ts.Checkpoint(ctx))
			}
			want, err := ts.Digest()
			mustNil(t, err)
			if c.crash {
				mustNil(t, ts.shutdownRaft())
			} else {
				mustNil(t, ts.Close())
			}
			ts = openTest(t, dir)
			defer ts.Close()
			got, err := ts.Digest()
			mustNil(t, err)
			if got != want {
				t.Fatal("state after restart differs from state before")
			}
			if n := countRows(t, ts, "t"); n != 1 {
				t.Fatalf("t holds %d rows after restart, want 1", n)
			}
			if ids := lookup(t, ts, "t", "kept"); len(ids) != 1 {
				t.Fatalf("index after restart: %v", ids)
			}
			if ids := lookup(t, ts, "t", fmt.Sprintf("row%-100d", 5)); len(ids) != 0 {
				t.Fatalf("index after restart still holds a truncated row: %v", ids)
			}
			insertRows(t, ts, "t", 10, 20, 10)
			if n := countRows(t, ts, "t"); n != 11 {
				t.Fatalf("t holds %d rows after inserting 10, want 11", n)
			}
			// Drop u so that only t's (few) rows need pages, then checkpoint twice: the
			// truncated rows' pages go.
			mustNil(t, ts.DropTable(ctx, "u"))
			mustNil(t, ts.Checkpoint(ctx))
			mustNil(t, ts.Checkpoint(ctx))
			if n := pageBytes(t, dir); n > 16<<10 {
				t.Fatalf("%d bytes of pages left for 11 rows: the truncated rows' pages were kept", n)
			}
		})
	}
}

// pageBytes is the size of the tablespace's page files.
func pageBytes(t *testing.T, dir string) int64 {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "pages", "*.page"))
	mustNil(t, err)
	var n int64
	for _, f := range files {
		fi, err := os.Stat(f)
		mustNil(t, err)
		n += fi.Size()
	}
	return n
}
