package tablespace

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/drovedb/drove/internal/raftlog/logfault"
)

func TestTransactionSemantics(t *testing.T) {
	ctx := context.Background()
	// The tablespace's default lock timeout (10 s): a waiter must outlast a commit's fsync,
	// which a loaded disk can stretch past any short bound (the test used to set 100 ms for
	// every transaction, and the waiter below timed out when the commit took over 80 ms).
	// The case that wants a timeout sets a short one on its own transaction.
	f := &logfault.Faults{}
	ts := openTest(t, t.TempDir(), func(o *Options) { o.logHooks = f.Hooks() })
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 10, 10)

	cases := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"duplicate insert", func(t *testing.T) {
			tx := beginAll(ts)
			defer tx.Rollback()
			if err := tx.Insert(ctx, "t", testKey(1), testValue("x")); !errors.Is(err, ErrDuplicateKey) {
				t.Fatalf("got %v, want ErrDuplicateKey", err)
			}
		}},
		{"update missing row", func(t *testing.T) {
			tx := beginAll(ts)
			defer tx.Rollback()
			if err := tx.Update(ctx, "t", testKey(99), testValue("x")); !errors.Is(err, ErrNoRow) {
				t.Fatalf("got %v, want ErrNoRow", err)
			}
		}},
		{"missing table", func(t *testing.T) {
			if _, _, err := ts.Begin().Get("nope", testKey(1)); !errors.Is(err, ErrNoTable) {
				t.Fatalf("got %v, want ErrNoTable", err)
			}
		}},
		{"reads see own writes, others do not until commit", func(t *testing.T) {
			tx := beginAll(ts)
			if err := tx.Update(ctx, "t", testKey(2), testValue("mine")); err != nil {
				t.Fatal(err)
			}
			if err := tx.Delete(ctx, "t", testKey(3)); err != nil {
				t.Fatal(err)
			}
			if err := tx.Insert(ctx, "t", testKey(3), testValue("again")); err != nil {
				t.Fatal(err)
			}
			v, ok, _ := tx.Get("t", testKey(2))
			if !ok || string(v) != string(testValue("mine")) {
				t.Fatalf("own write not visible: %q", v)
			}
			other, _, _ := ts.Begin().Get("t", testKey(2))
			if string(other) == string(testValue("mine")) {
				t.Fatal("uncommitted write visible to another transaction")
			}
			n := 0
			tx.Scan("t", func(k, v []byte) error { n++; return nil })
			if n != 10 {
				t.Fatalf("scan in txn saw %d rows, want 10", n)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			v, _, _ = ts.Begin().Get("t", testKey(3))
			if string(v) != string(testValue("again")) {
				t.Fatalf("after commit row 3 = %q", v)
			}
		}},
		{"rollback discards", func(t *testing.T) {
			tx := beginAll(ts)
			tx.Delete(ctx, "t", testKey(4))
			tx.Rollback()
			if _, ok, _ := ts.Begin().Get("t", testKey(4)); !ok {
				t.Fatal("rolled back delete took effect")
			}
			if err := tx.Commit(ctx); !errors.Is(err, ErrTxnDone) {
				t.Fatalf("commit after rollback: %v", err)
			}
		}},
		{"row lock blocks a second writer until timeout", func(t *testing.T) {
			a, b := beginAll(ts), beginAll(ts)
			defer a.Rollback()
			defer b.Rollback()
			if _, _, err := a.GetForUpdate(ctx, "t", testKey(5)); err != nil {
				t.Fatal(err)
			}
			b.SetLockTimeout(100 * time.Millisecond)
			if err := b.Update(ctx, "t", testKey(5), testValue("b")); !errors.Is(err, ErrLockTimeout) {
				t.Fatalf("got %v, want ErrLockTimeout", err)
			}
		}},
		{"lock released at commit lets the waiter in", func(t *testing.T) {
			a, b := beginAll(ts), beginAll(ts)
			if err := a.Update(ctx, "t", testKey(6), testValue("a")); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- b.Update(ctx, "t", testKey(6), testValue("b")) }()
			time.Sleep(20 * time.Millisecond)
			// The commit's fsync stalls for 300 ms, as on a busy disk: the waiter waits it out.
			release := f.BlockSyncs()
			timer := time.AfterFunc(300*time.Millisecond, release)
			defer timer.Stop()
			defer release()
			if err := a.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if err := b.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			v, _, _ := ts.Begin().Get("t", testKey(6))
			if string(v) != string(testValue("b")) {
				t.Fatalf("row 6 = %q, want b's image", v)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

// Sessions that commit at the same time share log appends; none of their writes may be lost.
func TestConcurrentCommits(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	const workers, each = 16, 100
	before := ts.Stats().AppliedIndex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w * each; i < (w+1)*each; i++ {
				tx := beginAll(ts)
				err := tx.Insert(ctx, "t", testKey(int64(i)), testValue("x"))
				if err == nil {
					err = tx.Commit(ctx)
				}
				if err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	n := 0
	ts.Begin().Scan("t", func(k, v []byte) error { n++; return nil })
	if n != workers*each {
		t.Fatalf("%d rows, want %d", n, workers*each)
	}
	st := ts.Stats()
	if got := st.AppliedIndex - before; got != workers*each {
		t.Fatalf("%d log entries for %d commits", got, workers*each)
	}
	// Group commit: with 16 sessions committing at once, appends (fsyncs) carry several
	// entries each.
	if st.LogAppends >= st.LogEntries {
		t.Fatalf("%d appends for %d entries: concurrent commits did not share fsyncs", st.LogAppends, st.LogEntries)
	}
	t.Logf("group commit: %d entries in %d appends", st.LogEntries, st.LogAppends)
}
