package tablespace

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// TestWritesNeedTheCurrentSchema: the tablespace, not its callers, keeps rows encoded for an
// old schema out. A write to a table the transaction has not entered, or entered only with a
// schema that has since changed (encode, ALTER TABLE, then write), is refused, and nothing
// of the transaction is committed.
func TestWritesNeedTheCurrentSchema(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 3, 3)
	writes := []struct {
		name  string
		write func(tx *Txn, key []byte) error
	}{
		{"insert", func(tx *Txn, key []byte) error { return tx.Insert(ctx, "t", testKey(100), testValue("new")) }},
		{"update", func(tx *Txn, key []byte) error { return tx.Update(ctx, "t", key, testValue("changed")) }},
		{"delete", func(tx *Txn, key []byte) error { return tx.Delete(ctx, "t", key) }},
		{"load", func(tx *Txn, key []byte) error { return tx.Load("t", testKey(100), testValue("loaded")) }},
	}
	// alter swaps t for a copy with one more column, as ALTER TABLE ADD COLUMN does: rows
	// encoded for the old schema no longer fit it.
	alter := func(t *testing.T, column string, timeout time.Duration) error {
		t.Helper()
		s, _ := ts.Schema("t")
		next := &types.Schema{Name: "t", Columns: append(append([]types.Column(nil), s.Columns...),
			types.Column{Name: column, Type: types.Int32}), PK: s.PK}
		sources := make([]int, len(next.Columns))
		for i := range sources {
			sources[i] = i
		}
		sources[len(sources)-1] = -1
		return ts.AlterTable(WithLockTimeout(ctx, timeout), "t", next, sources)
	}
	for _, w := range writes {
		t.Run(w.name+"/not entered", func(t *testing.T) {
			tx := ts.Begin()
			defer tx.Rollback()
			if err := w.write(tx, testKey(1)); !errors.Is(err, ErrNotEntered) {
				t.Fatalf("write without entering: %v, want ErrNotEntered", err)
			}
		})
		t.Run(w.name+"/schema changed before entering", func(t *testing.T) {
			old, _ := ts.Schema("t")
			// The caller encoded for old, then the table changed.
			if err := alter(t, w.name, time.Second); err != nil {
				t.Fatal(err)
			}
			tx := ts.Begin()
			defer tx.Rollback()
			if ok, err := tx.Enter(ctx, "t", old); ok || err != nil {
				t.Fatalf("Enter with the old schema: %v, %v; want false", ok, err)
			}
			if err := w.write(tx, testKey(1)); !errors.Is(err, ErrNotEntered) {
				t.Fatalf("write after entering with an old schema: %v, want ErrNotEntered", err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			check := ts.Begin()
			defer check.Rollback()
			if _, ok, _ := check.Get("t", testKey(100)); ok {
				t.Fatal("a row encoded for the old schema was committed")
			}
		})
		t.Run(w.name+"/entered", func(t *testing.T) {
			cur, _ := ts.Schema("t")
			tx := ts.Begin()
			defer tx.Rollback()
			if ok, err := tx.Enter(ctx, "t", cur); !ok || err != nil {
				t.Fatalf("Enter with the current schema: %v, %v", ok, err)
			}
			if err := w.write(tx, testKey(2)); err != nil {
				t.Fatal(err)
			}
			// Inside the gate the schema cannot change: ALTER waits and times out.
			if err := alter(t, w.name+"_late", time.Millisecond); !errors.Is(err, ErrLockTimeout) {
				t.Fatalf("ALTER while a writer is inside: %v, want ErrLockTimeout", err)
			}
		})
	}
}
