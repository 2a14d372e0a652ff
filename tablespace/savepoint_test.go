package tablespace

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestSavepoints: rolling back to a savepoint undoes exactly the writes since it (appended,
// replaced in place, truncated away), keeps it live and drops the later ones; releasing keeps
// the writes; what the transaction commits afterwards is what it saw.
func TestSavepoints(t *testing.T) {
	ctx := context.Background()
	row := func(i int) string { return fmt.Sprintf("row%-100d", i) } // insertRows' values
	ins := func(t *testing.T, tx *Txn, k int, v string) {
		t.Helper()
		mustNil(t, tx.Insert(ctx, "t", testKey(int64(k)), testValue(v)))
	}
	upd := func(t *testing.T, tx *Txn, k int, v string) {
		t.Helper()
		mustNil(t, tx.Update(ctx, "t", testKey(int64(k)), testValue(v)))
	}
	del := func(t *testing.T, tx *Txn, k int) {
		t.Helper()
		mustNil(t, tx.Delete(ctx, "t", testKey(int64(k))))
	}
	sp := func(t *testing.T, tx *Txn, want int) {
		t.Helper()
		if n, err := tx.Savepoint(); err != nil || n != want {
			t.Fatalf("Savepoint() = %d, %v; want level %d", n, err, want)
		}
	}
	back := func(t *testing.T, tx *Txn, level int) {
		t.Helper()
		mustNil(t, tx.RollbackTo(level))
	}
	cases := []struct {
		name string
		run  func(t *testing.T, ts *Tablespace, tx *Txn)
		want map[int]string // committed rows afterwards (rows 0..9 are row(i) unless named; "" = gone)
	}{
		{"rolled back insert, update, delete", func(t *testing.T, ts *Tablespace, tx *Txn) {
			ins(t, tx, 20, "before")
			sp(t, tx, 1)
			ins(t, tx, 21, "after")
			upd(t, tx, 1, "after")
			del(t, tx, 2)
			back(t, tx, 1)
			if v, ok, _ := tx.Get("t", testKey(2)); !ok || string(v) != string(testValue(row(2))) {
				t.Fatalf("row 2 after the rollback: %q %v", v, ok)
			}
			ins(t, tx, 21, "again") // its key is free again
		}, map[int]string{20: "before", 21: "again"}},
		{"replaced in place", func(t *testing.T, ts *Tablespace, tx *Txn) {
			upd(t, tx, 1, "one")
			ins(t, tx, 30, "thirty")
			sp(t, tx, 1)
			upd(t, tx, 1, "two")
			upd(t, tx, 1, "three")
			del(t, tx, 30)
			ins(t, tx, 30, "reborn")
			back(t, tx, 1)
			if v, _, _ := tx.Get("t", testKey(1)); string(v) != string(testValue("one")) {
				t.Fatalf("row 1 reads %q", v)
			}
		}, map[int]string{1: "one", 30: "thirty"}},
		{"nested, kept after rollback, later ones dropped", func(t *testing.T, ts *Tablespace, tx *Txn) {
			sp(t, tx, 1)
			ins(t, tx, 40, "a")
			sp(t, tx, 2)
			ins(t, tx, 41, "b")
			back(t, tx, 2)
			if tx.Savepoints() != 2 {
				t.Fatalf("%d savepoints live after rolling back to the second", tx.Savepoints())
			}
			ins(t, tx, 42, "c")
			back(t, tx, 1)
			if tx.Savepoints() != 1 {
				t.Fatalf("%d savepoints live", tx.Savepoints())
			}
			if err := tx.RollbackTo(2); !errors.Is(err, ErrNoSavepoint) {
				t.Fatalf("rollback to a dropped savepoint: %v", err)
			}
			ins(t, tx, 43, "d")
			back(t, tx, 1) // again: it stays live
			ins(t, tx, 44, "e")
		}, map[int]string{44: "e"}},
		{"release keeps writes and the outer savepoint's undo", func(t *testing.T, ts *Tablespace, tx *Txn) {
			upd(t, tx, 3, "pre")
			sp(t, tx, 1)
			upd(t, tx, 3, "mid")
			sp(t, tx, 2)
			upd(t, tx, 3, "late")
			ins(t, tx, 50, "x")
			mustNil(t, tx.Release(2))
			back(t, tx, 1)
			sp(t, tx, 2)
			upd(t, tx, 4, "kept")
			mustNil(t, tx.Release(1))
			if tx.Savepoints() != 0 {
				t.Fatalf("%d savepoints live after releasing the first", tx.Savepoints())
			}
		}, map[int]string{3: "pre", 4: "kept"}},
		{"truncate rolled back", func(t *testing.T, ts *Tablespace, tx *Txn) {
			ins(t, tx, 60, "before")
			sp(t, tx, 1)
			upd(t, tx, 60, "changed")
			mustNil(t, tx.Truncate(ctx, "t"))
			ins(t, tx, 61, "after")
			mustNil(t, tx.Truncate(ctx, "t"))
			ins(t, tx, 62, "after")
			back(t, tx, 1)
			if n := txRows(t, tx, "t"); n != 11 {
				t.Fatalf("the transaction sees %d rows, want 11", n)
			}
			// The gate the TRUNCATE closed is open again.
			other := ts.Begin()
			defer other.Rollback()
			s, _ := ts.Schema("t")
			if ok, err := other.Enter(ctx, "t", s); !ok || err != nil {
				t.Fatalf("another transaction cannot enter: %v %v", ok, err)
			}
		}, map[int]string{60: "before"}},
		{"truncate before the savepoint stays", func(t *testing.T, ts *Tablespace, tx *Txn) {
			mustNil(t, tx.Truncate(ctx, "t"))
			sp(t, tx, 1)
			ins(t, tx, 1, "new")
			mustNil(t, tx.Truncate(ctx, "t"))
			back(t, tx, 1)
			ins(t, tx, 2, "two")
		}, map[int]string{0: "", 1: "", 2: "two", 3: "", 4: "", 5: "", 6: "", 7: "", 8: "", 9: ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := openTest(t, t.TempDir(), func(o *Options) { o.LockTimeout = 200 * time.Millisecond })
			defer ts.Close()
			mustNil(t, ts.CreateTable(ctx, testSchema("t")))
			insertRows(t, ts, "t", 0, 10, 10)
			tx := beginAll(ts)
			c.run(t, ts, tx)
			mustNil(t, tx.Commit(ctx))
			want := map[int]string{}
			for i := range 10 {
				want[i] = row(i)
			}
			for k, v := range c.want {
				want[k] = v
			}
			n := 0
			for k, v := range want {
				got, ok, err := ts.Begin().Get("t", testKey(int64(k)))
				mustNil(t, err)
				switch {
				case v == "" && ok:
					t.Errorf("row %d is there: %q", k, got)
				case v != "" && string(got) != string(testValue(v)):
					t.Errorf("row %d = %q, want %q", k, got, v)
				}
				if v != "" {
					n++
				}
			}
			if got := txRows(t, ts.Begin(), "t"); got != n {
				t.Errorf("%d rows committed, want %d", got, n)
			}
		})
	}
}

// TestSavepointLocks: rolling back to a savepoint releases the row locks taken since (another
// transaction gets them at once) and keeps the older ones.
func TestSavepointLocks(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir(), func(o *Options) { o.LockTimeout = 100 * time.Millisecond })
	defer ts.Close()
	mustNil(t, ts.CreateTable(ctx, testSchema("t")))
	insertRows(t, ts, "t", 0, 10, 10)
	tx := beginAll(ts)
	defer tx.Rollback()
	mustNil(t, tx.Update(ctx, "t", testKey(1), testValue("held")))
	_, err := tx.Savepoint()
	mustNil(t, err)
	mustNil(t, tx.Update(ctx, "t", testKey(2), testValue("x")))
	_, _, err = tx.GetForUpdate(ctx, "t", testKey(3))
	mustNil(t, err)
	mustNil(t, tx.RollbackTo(1))
	for _, c := range []struct {
		key  int64
		want error
	}{{1, ErrLockTimeout}, {2, nil}, {3, nil}} {
		other := beginAll(ts)
		err := other.Update(ctx, "t", testKey(c.key), testValue("other"))
		other.Rollback()
		if !errors.Is(err, c.want) && err != c.want {
			t.Errorf("row %d: another transaction's update: %v, want %v", c.key, err, c.want)
		}
	}
}

// TestSavepointRecoversMemory: a transaction that passed its memory bound after a savepoint
// is usable again once rolled back to it.
func TestSavepointRecoversMemory(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir(), func(o *Options) { o.MaxTxnMemory = 16 << 10 })
	defer ts.Close()
	mustNil(t, ts.CreateTable(ctx, testSchema("t")))
	tx := beginAll(ts)
	mustNil(t, tx.Insert(ctx, "t", testKey(0), testValue("first")))
	_, err := tx.Savepoint()
	mustNil(t, err)
	for i := int64(1); ; i++ {
		if err = tx.Insert(ctx, "t", testKey(i), testValue(fmt.Sprintf("row%-500d", i))); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrTxnMemory) {
		t.Fatalf("got %v, want ErrTxnMemory", err)
	}
	mustNil(t, tx.RollbackTo(1))
	mustNil(t, tx.Insert(ctx, "t", testKey(1), testValue("second")))
	mustNil(t, tx.Commit(ctx))
	if n := txRows(t, ts.Begin(), "t"); n != 2 {
		t.Fatalf("%d rows committed, want 2", n)
	}
	if err := tx.RollbackTo(1); !errors.Is(err, ErrTxnDone) {
		t.Fatalf("RollbackTo after commit: %v", err)
	}
}

// TestReleaseSomeKeepsWaitEdges: releasing a transaction's newer locks wakes their waiters
// but keeps the edges of those waiting for its older ones, so a deadlock through them is
// still detected rather than waited out.
func TestReleaseSomeKeepsWaitEdges(t *testing.T) {
	lt := newLockTable()
	ctx := context.Background()
	const owner, waiterA, waiterB = 1, 2, 3
	for _, id := range []string{"a", "b"} {
		if _, err := lt.acquire(ctx, owner, id, time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lt.acquire(ctx, waiterA, "x", time.Second); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { _, err := lt.acquire(ctx, waiterA, "a", 5*time.Second); done <- err }()
	go func() { _, err := lt.acquire(ctx, waiterB, "b", 5*time.Second); done <- err }()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		lt.mu.Lock()
		n := len(lt.waitsFor)
		lt.mu.Unlock()
		if n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the waiters never waited")
		}
	}
	lt.releaseSome(owner, []string{"b"})
	if err := <-done; err != nil {
		t.Fatalf("waiter for b: %v", err)
	}
	// owner now waits for x, held by waiterA, which waits for a, held by owner.
	if _, err := lt.acquire(ctx, owner, "x", 5*time.Second); !errors.Is(err, ErrDeadlock) {
		t.Fatalf("got %v, want ErrDeadlock", err)
	}
	lt.release(owner, []string{"a"})
	if err := <-done; err != nil {
		t.Fatalf("waiter for a: %v", err)
	}
}
