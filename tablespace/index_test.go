package tablespace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/drovedb/drove/types"
)

// indexedSchema is testSchema with an index on v, unique or not.
func indexedSchema(name string, unique bool) *types.Schema {
	s := testSchema(name)
	s.Indexes = []types.Index{{Name: name + "_v", Columns: []int{1}, Unique: unique}}
	return s
}

func vKey(v string) []byte {
	b, _ := types.AppendKeyValue(nil, types.Text, types.NewText(v))
	return b
}

// lookup returns the ids of committed rows whose v is v, sorted.
func lookup(t *testing.T, ts *Tablespace, table, v string) []int64 {
	t.Helper()
	tx := beginAll(ts)
	defer tx.Rollback()
	pks, ok, err := tx.IndexScan(table, table+"_v", vKey(v), nil, true)
	if err != nil || !ok {
		t.Fatalf("IndexScan: %v %v", ok, err)
	}
	s, _ := ts.Schema(table)
	var ids []int64
	row := make([]types.Value, len(s.Columns))
	for _, pk := range pks {
		if err := types.DecodeKey(s, []byte(pk), row); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, row[0].I)
	}
	slices.Sort(ids)
	return ids
}

func commit(t *testing.T, ts *Tablespace, fn func(tx *Txn) error) error {
	t.Helper()
	tx := beginAll(ts)
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit(context.Background())
}

// TestIndexesFollowChangesAndRestarts: an index answers for inserts, updates and deletes, and
// again after replaying the log and after being rebuilt from a checkpoint.
func TestIndexesFollowChangesAndRestarts(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, indexedSchema("t", false)); err != nil {
		t.Fatal(err)
	}
	err := commit(t, ts, func(tx *Txn) error {
		for i := int64(0); i < 100; i++ {
			if err := tx.Insert(ctx, "t", testKey(i), testValue(fmt.Sprint("g", i%10))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = commit(t, ts, func(tx *Txn) error {
		if err := tx.Update(ctx, "t", testKey(3), testValue("moved")); err != nil {
			return err
		}
		return tx.Delete(ctx, "t", testKey(13))
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(ts *Tablespace, when string) {
		t.Helper()
		cases := []struct {
			v    string
			want []int64
		}{
			{"g3", []int64{23, 33, 43, 53, 63, 73, 83, 93}},
			{"moved", []int64{3}},
			{"g0", []int64{0, 10, 20, 30, 40, 50, 60, 70, 80, 90}},
			{"none", nil},
		}
		for _, c := range cases {
			if got := lookup(t, ts, "t", c.v); !slices.Equal(got, c.want) {
				t.Errorf("%s: v = %q: %v, want %v", when, c.v, got, c.want)
			}
		}
	}
	check(ts, "live")
	ts.Close()
	ts = openTest(t, dir)
	check(ts, "after replaying the log")
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	// Changes after the checkpoint update rows that live in pages now.
	if err := commit(t, ts, func(tx *Txn) error { return tx.Update(ctx, "t", testKey(93), testValue("g0")) }); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	ts = openTest(t, dir)
	defer ts.Close()
	if got := lookup(t, ts, "t", "g0"); !slices.Contains(got, 93) || len(got) != 11 {
		t.Fatalf("after a checkpoint and a restart: g0 = %v", got)
	}
	if got := lookup(t, ts, "t", "g3"); slices.Contains(got, 93) {
		t.Fatalf("a moved row is still under its old key: %v", got)
	}
}

// TestUniqueIndexAtApply: the log entry that would give two rows one key of a unique index is
// refused whole; a transaction that swaps two keys is not.
func TestUniqueIndexAtApply(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, indexedSchema("u", true)); err != nil {
		t.Fatal(err)
	}
	put := func(id int64, v string) func(tx *Txn) error {
		return func(tx *Txn) error { return tx.Insert(ctx, "u", testKey(id), testValue(v)) }
	}
	if err := commit(t, ts, put(1, "a")); err != nil {
		t.Fatal(err)
	}
	if err := commit(t, ts, put(2, "b")); err != nil {
		t.Fatal(err)
	}
	var uv *UniqueViolation
	err := commit(t, ts, func(tx *Txn) error {
		if err := put(3, "c")(tx); err != nil {
			return err
		}
		return put(4, "a")(tx)
	})
	if !errors.As(err, &uv) || uv.Index != "u_v" {
		t.Fatalf("a second 'a': %v, want a UniqueViolation", err)
	}
	if got := lookup(t, ts, "u", "c"); got != nil {
		t.Fatalf("the refused entry was half applied: c = %v", got)
	}
	err = commit(t, ts, func(tx *Txn) error {
		if err := tx.Update(ctx, "u", testKey(1), testValue("b")); err != nil {
			return err
		}
		return tx.Update(ctx, "u", testKey(2), testValue("a"))
	})
	if err != nil {
		t.Fatalf("swapping two keys: %v", err)
	}
	if a, b := lookup(t, ts, "u", "a"), lookup(t, ts, "u", "b"); !slices.Equal(a, []int64{2}) || !slices.Equal(b, []int64{1}) {
		t.Fatalf("after the swap: a = %v, b = %v", a, b)
	}
}
